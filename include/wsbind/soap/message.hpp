// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_MESSAGE_HPP
#define WSBIND_SOAP_MESSAGE_HPP

/// \file
/// `wsbind::soap::message`: one SOAP envelope as a pugixml document, its WS-Addressing headers as
/// values, and the bookkeeping of which headers a layer of the channel stack has understood.
///
/// Outbound, `message::create` builds `<s:Envelope><s:Header/><s:Body/></s:Envelope>`; the
/// caller appends the body content to `body()` (and headers to `header()`); the encoder writes the
/// addressing headers from `addressing()` when it serialises. Inbound, the encoder parses the
/// envelope and fills `addressing()` from the headers it understood.

#include <wsbind/soap/fault.hpp>
#include <wsbind/soap/version.hpp>
#include <wsbind/soap/xml.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind::soap {

/// The WS-Addressing message information headers (values; empty = absent). Under SOAP 1.1
/// without addressing, `action` is the HTTP SOAPAction.
struct addressing_headers {
    std::string action;
    std::string message_id;
    std::string relates_to;
    std::string to;
    std::string reply_to;   ///< ReplyTo/Address
    std::string fault_to;   ///< FaultTo/Address
    std::string from;       ///< From/Address
};

class message {
public:
    /// An empty outbound message: Envelope, empty Header and Body.
    [[nodiscard]] static message create(message_version v, std::string action = {}) {
        message m(v);
        auto env = m.doc_->append_child("s:Envelope");
        env.append_attribute("xmlns:s") = std::string(envelope_namespace(v.envelope)).c_str();
        if (v.addressing == addressing_version::ws_addressing_10)
            env.append_attribute("xmlns:a") = std::string(ns::ws_addressing_10).c_str();
        m.header_ = env.append_child("s:Header");
        m.body_ = env.append_child("s:Body");
        m.envelope_ = env;
        m.addressing_.action = std::move(action);
        return m;
    }
    /// An outbound fault message.
    [[nodiscard]] static message create_fault(message_version v, soap::fault f) {
        message m = create(v, std::string(fault_action(v.addressing)));
        m.fault_ = std::move(f);
        return m;
    }

    message(message&&) noexcept = default;
    message& operator=(message&&) noexcept = default;

    [[nodiscard]] message_version version() const noexcept { return version_; }
    [[nodiscard]] addressing_headers& addressing() noexcept { return addressing_; }
    [[nodiscard]] addressing_headers const& addressing() const noexcept { return addressing_; }
    [[nodiscard]] std::string const& action() const noexcept { return addressing_.action; }

    [[nodiscard]] pugi::xml_document& document() noexcept { return *doc_; }
    [[nodiscard]] pugi::xml_node envelope() const noexcept { return envelope_; }
    /// The Header element (inbound: empty node when the envelope had none).
    [[nodiscard]] pugi::xml_node header() const noexcept { return header_; }
    [[nodiscard]] pugi::xml_node body() const noexcept { return body_; }
    /// The first element in the Body: an operation's wrapper element, or a Fault.
    [[nodiscard]] pugi::xml_node body_element() const noexcept { return xml::first_element(body_); }

    /// Inbound: whether the Body holds a Fault; outbound: whether this is a fault message.
    [[nodiscard]] bool is_fault() const noexcept {
        return fault_.has_value() || xml::is(body_element(), envelope_namespace(version_.envelope), "Fault");
    }
    /// Outbound fault content (written by the encoder into the Body).
    [[nodiscard]] std::optional<soap::fault> const& outbound_fault() const noexcept { return fault_; }
    /// Inbound: the fault in the Body, read; nullopt when the Body holds none (or it is malformed,
    /// with `error` saying how).
    [[nodiscard]] std::optional<soap::fault> read_fault(std::string* error = nullptr) const {
        if (fault_) return fault_;
        return soap::read_fault(body_element(), version_.envelope, error);
    }

    /// mustUnderstand bookkeeping: a layer that processed header `h` marks it.
    void mark_understood(pugi::xml_node h) { understood_.push_back(h.internal_object()); }
    [[nodiscard]] bool is_understood(pugi::xml_node h) const noexcept {
        return std::find(understood_.begin(), understood_.end(), h.internal_object()) != understood_.end();
    }

    /// Inbound: the bytes the message was read from (layers that verify signatures need them).
    [[nodiscard]] std::string const& raw() const noexcept { return raw_; }

    /// The encoder's access to the parts it fills in.
    struct access;

private:
    explicit message(message_version v) : version_(v), doc_(std::make_unique<pugi::xml_document>()) {}

    message_version version_;
    addressing_headers addressing_;
    std::unique_ptr<pugi::xml_document> doc_;
    pugi::xml_node envelope_, header_, body_;
    std::optional<soap::fault> fault_;
    std::vector<pugi::xml_node_struct*> understood_;
    std::string raw_;
};

/// What the encoder needs of a message's insides (not for users).
struct message::access {
    [[nodiscard]] static message make(message_version v) { return message(v); }
    static void set_parts(message& m, pugi::xml_node envelope, pugi::xml_node header, pugi::xml_node body) {
        m.envelope_ = envelope;
        m.header_ = header;
        m.body_ = body;
    }
    [[nodiscard]] static std::string& raw(message& m) noexcept { return m.raw_; }
};

/// Whether header `h` carries mustUnderstand="1"/"true" for version `v`.
[[nodiscard]] inline bool must_understand_flag(pugi::xml_node h, envelope_version v) {
    auto const a = xml::attribute(h, envelope_namespace(v), "mustUnderstand");
    if (!a) return false;
    std::string_view const value = a.value();
    return value == "1" || (v == envelope_version::soap12 && value == "true");
}

/// Whether header `h` is targeted at this node (the ultimate receiver): SOAP 1.2 role absent,
/// `next` or `ultimateReceiver`; SOAP 1.1 actor absent or `next`.
[[nodiscard]] inline bool targets_us(pugi::xml_node h, envelope_version v) {
    if (v == envelope_version::soap12) {
        auto const role = xml::attribute(h, ns::soap12_envelope, "role");
        if (!role) return true;
        std::string_view const r = role.value();
        return r.empty() || r == "http://www.w3.org/2003/05/soap-envelope/role/next" ||
               r == "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";
    }
    auto const actor = xml::attribute(h, ns::soap11_envelope, "actor");
    if (!actor) return true;
    std::string_view const a = actor.value();
    return a.empty() || a == "http://schemas.xmlsoap.org/soap/actor/next";
}

/// After every layer has processed `m`: the first mustUnderstand header targeted at us that no
/// layer understood, as WCF's MustUnderstand fault; nullopt when there is none.
[[nodiscard]] inline std::optional<fault> check_must_understand(message const& m) {
    auto const v = m.version().envelope;
    for (auto h = xml::first_element(m.header()); h; h = xml::next_element(h)) {
        if (m.is_understood(h) || !must_understand_flag(h, v) || !targets_us(h, v)) continue;
        return must_understand(xml::local_name(h), xml::namespace_of(h));
    }
    return std::nullopt;
}

} // namespace wsbind::soap

#endif
