// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_MESSAGE_HPP
#define WSBIND_SOAP_MESSAGE_HPP

/// \file
/// `wsbind::soap::message`: one SOAP envelope as a pugixml document, its WS-Addressing headers as
/// values, and the bookkeeping of which headers a layer of the channel stack has understood.
///
/// Outbound, `message::create` makes an empty envelope; the caller appends the Body content
/// either as text to `body_text()` (the fast path: no document is built) or as nodes to `body()`
/// (and headers to `header()`), which builds `<s:Envelope><s:Header/><s:Body/></s:Envelope>` as a
/// pugixml document on first use; the encoder writes the addressing headers from `addressing()`,
/// then the header nodes, and the Body as its nodes followed by `body_text()`. Inbound, the
/// encoder parses the envelope (in place, in a buffer the message owns) and fills `addressing()`
/// from the headers it understood.

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
    /// An empty outbound message: Envelope, empty Header and Body (no document until `header()`,
    /// `body()`, `envelope()` or `document()` is used).
    [[nodiscard]] static message create(message_version v, std::string action = {}) {
        message m(v, false);
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

    /// The envelope as a document (outbound: built on first use).
    [[nodiscard]] pugi::xml_document& document() {
        materialize();
        return store_->doc;
    }
    [[nodiscard]] pugi::xml_node envelope() const {
        materialize();
        return envelope_;
    }
    /// The Header element (inbound: empty node when the envelope had none).
    [[nodiscard]] pugi::xml_node header() const {
        materialize();
        return header_;
    }
    [[nodiscard]] pugi::xml_node body() const {
        materialize();
        return body_;
    }
    /// Outbound: Body content as XML text (well-formed, in the envelope's namespace context),
    /// written after the nodes of `body()`. The typed operations and the client write here.
    [[nodiscard]] std::string& body_text() noexcept { return body_text_; }
    [[nodiscard]] std::string const& body_text() const noexcept { return body_text_; }
    /// Whether the message has a document (inbound always; outbound once its nodes were used).
    [[nodiscard]] bool has_document() const noexcept { return store_ != nullptr; }
    /// Whether the message was made by `create` (outbound) rather than read by an encoder.
    [[nodiscard]] bool is_outbound() const noexcept { return outbound_; }
    /// The first element in the Body: an operation's wrapper element, or a Fault (outbound: among
    /// the nodes of `body()` only, not `body_text()`).
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
    void mark_understood(pugi::xml_node h) {
        if (understood_.empty()) understood_.reserve(8);
        understood_.push_back(h.internal_object());
    }
    [[nodiscard]] bool is_understood(pugi::xml_node h) const noexcept {
        return std::find(understood_.begin(), understood_.end(), h.internal_object()) != understood_.end();
    }

    /// Inbound: the bytes the message was read from, when the encoder read it from a view
    /// (`text_encoder::decode`); empty when it was parsed in place (`decode_in_place`, what the
    /// service host and the client use: the trace hook sees the bytes before that).
    [[nodiscard]] std::string const& raw() const noexcept { return raw_; }

    /// The encoder's access to the parts it fills in.
    struct access;
    /// Only `access` makes one: it opens the inbound constructor to `std::optional::emplace`.
    class inbound_key {
        inbound_key() = default;
        friend struct access;
    };
    /// An inbound message with an empty document (for `access::emplace`).
    message(inbound_key, message_version v) : message(v, true) {}

private:
    /// The document and, when parsed in place, the buffer its strings point into (one
    /// allocation, never moved).
    struct storage {
        pugi::xml_document doc;
        std::string buffer;
    };

    message(message_version v, bool inbound)
        : version_(v), store_(inbound ? std::make_unique<storage>() : nullptr), outbound_(!inbound) {}

    /// Outbound: builds the envelope document the first time a node accessor is used.
    void materialize() const {
        if (store_) return;
        store_ = std::make_unique<storage>();
        auto env = store_->doc.append_child("s:Envelope");
        env.append_attribute("xmlns:s") = std::string(envelope_namespace(version_.envelope)).c_str();
        if (version_.addressing == addressing_version::ws_addressing_10)
            env.append_attribute("xmlns:a") = std::string(ns::ws_addressing_10).c_str();
        header_ = env.append_child("s:Header");
        body_ = env.append_child("s:Body");
        envelope_ = env;
    }

    message_version version_;
    addressing_headers addressing_;
    // Built lazily by const accessors of outbound messages (a message is used by one thread at a time).
    mutable std::unique_ptr<storage> store_;
    mutable pugi::xml_node envelope_, header_, body_;
    std::optional<soap::fault> fault_;
    std::vector<pugi::xml_node_struct*> understood_;
    std::string body_text_;
    std::string raw_;
    bool outbound_ = false;
};

/// What the encoder needs of a message's insides (not for users).
struct message::access {
    /// Constructs an inbound message with an empty document in `o` (no move of a message).
    static message& emplace(std::optional<message>& o, message_version v) { return o.emplace(inbound_key{}, v); }
    static void set_parts(message& m, pugi::xml_node envelope, pugi::xml_node header, pugi::xml_node body) {
        m.envelope_ = envelope;
        m.header_ = header;
        m.body_ = body;
    }
    [[nodiscard]] static std::string& raw(message& m) noexcept { return m.raw_; }
    /// The buffer an inbound message is parsed in place from.
    [[nodiscard]] static std::string& buffer(message& m) noexcept { return m.store_->buffer; }
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
