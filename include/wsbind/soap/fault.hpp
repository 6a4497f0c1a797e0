// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_FAULT_HPP
#define WSBIND_SOAP_FAULT_HPP

/// \file
/// SOAP faults as WCF writes and reads them, in both SOAP versions.
///
/// SOAP 1.2 (WCF's MessageFault.WriteTo12): `s:Fault/s:Code/s:Value` holds `s:Sender`,
/// `s:Receiver`, `s:MustUnderstand`, ...; each subcode is an `s:Subcode/s:Value` whose QName prefix
/// is declared on that Value (`xmlns:a="..."`); `s:Reason/s:Text xml:lang="en-US"`; optional
/// `s:Detail`.
/// SOAP 1.1 (MessageFault.WriteTo11): `faultcode` is the first subcode when there is one (so an
/// ActionNotSupported fault has `faultcode` `a:ActionNotSupported`), otherwise the code mapped to
/// SOAP 1.1's names (Sender → `s:Client`, Receiver → `s:Server`); `faultstring xml:lang`; optional
/// `detail`. Reading a SOAP 1.1 fault whose faultcode is not in the envelope namespace gives code
/// Sender with that QName as the subcode, which the writer turns back into the same faultcode.

#include <wsbind/soap/version.hpp>
#include <wsbind/soap/xml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind::soap {

/// The SOAP 1.2 fault codes (SOAP 1.1: Client, Server, MustUnderstand, VersionMismatch).
enum class fault_code : std::uint8_t { sender, receiver, must_understand, version_mismatch, data_encoding_unknown };

struct fault {
    fault_code code = fault_code::receiver;
    std::vector<xml::qname> subcodes;    ///< outermost first
    std::string reason;
    std::string lang = "en-US";
    std::string detail_xml;              ///< children of Detail/detail, serialised; empty: no detail
    /// SOAP 1.2 NotUpgraded/NotUnderstood headers of a MustUnderstand fault: (ns, local) of each.
    std::vector<xml::qname> not_understood;

    [[nodiscard]] bool has_subcode(std::string_view ns, std::string_view local) const noexcept {
        for (auto const& s : subcodes)
            if (s.ns == ns && s.local == local) return true;
        return false;
    }
};

/// A fault and the HTTP status it travels with (500, or 400 for a message that could not be read).
struct fault_reply {
    soap::fault fault;
    int http_status = 500;
};

// ---- the faults WCF's dispatcher and channels send --------------------------------------------

/// No operation for the action (SFxNoEndpointMatchingContract), Sender / ActionNotSupported.
[[nodiscard]] inline fault action_not_supported(std::string_view action, addressing_version a) {
    fault f;
    f.code = fault_code::sender;
    f.subcodes.push_back({std::string(addressing_namespace(a)), "ActionNotSupported"});
    f.reason = "The message with Action '" + std::string(action) +
               "' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher. "
               "This may be because of either a contract mismatch (mismatched Actions between sender and receiver) or a "
               "binding/security mismatch between the sender and the receiver.  Check that sender and receiver have the "
               "same contract and the same binding (including security requirements, e.g. Message, Transport, None).";
    return f;
}

/// A mustUnderstand header nobody understood.
[[nodiscard]] inline fault must_understand(std::string_view header_local, std::string_view header_ns) {
    fault f;
    f.code = fault_code::must_understand;
    f.reason = "The header '" + std::string(header_local) + "' from the namespace '" + std::string(header_ns) +
               "' was not understood by the recipient of this message, causing the message to not be processed.  This "
               "error typically indicates that the sender of this message has enabled a communication protocol that the "
               "receiver cannot process.  Please ensure that the configuration of the client's binding is consistent "
               "with the service's binding. ";
    f.not_understood.push_back({std::string(header_ns), std::string(header_local)});
    return f;
}

/// An operation failed and exception details are not included (WCF's default).
[[nodiscard]] inline fault internal_service_fault() {
    fault f;
    f.code = fault_code::receiver;
    f.subcodes.push_back({std::string(ns::wcf_dispatcher), "InternalServiceFault"});
    f.reason = "The server was unable to process the request due to an internal error.  For more information about the "
               "error, either turn on IncludeExceptionDetailInFaults (either from ServiceBehaviorAttribute or from the "
               "<serviceDebug> configuration behavior) on the server in order to send the exception information back to "
               "the client, or turn on tracing as per the Microsoft .NET Framework SDK documentation and inspect the "
               "server trace logs.";
    return f;
}

/// The body could not be turned into the operation's parameters.
[[nodiscard]] inline fault deserialization_failed(std::string_view ns_of_operation, std::string_view operation, std::string_view why) {
    fault f;
    f.code = fault_code::sender;
    f.subcodes.push_back({std::string(ns::wcf_dispatcher), "DeserializationFailed"});
    f.reason = "The formatter threw an exception while trying to deserialize the message: There was an error while trying "
               "to deserialize parameter " + std::string(ns_of_operation) + ":" + std::string(operation) + ". " +
               std::string(why);
    return f;
}

/// A message wsbind could not read as SOAP (not XML, not an envelope, quota exceeded): Sender.
[[nodiscard]] inline fault bad_message(std::string reason) {
    fault f;
    f.code = fault_code::sender;
    f.reason = std::move(reason);
    return f;
}

// ---- writing ---------------------------------------------------------------------------------

namespace detail {
[[nodiscard]] inline std::string_view code_name_12(fault_code c) noexcept {
    switch (c) {
    case fault_code::sender: return "Sender";
    case fault_code::receiver: return "Receiver";
    case fault_code::must_understand: return "MustUnderstand";
    case fault_code::version_mismatch: return "VersionMismatch";
    case fault_code::data_encoding_unknown: return "DataEncodingUnknown";
    }
    return "Receiver";
}
[[nodiscard]] inline std::string_view code_name_11(fault_code c) noexcept {
    switch (c) {
    case fault_code::sender: return "Client";
    case fault_code::receiver: return "Server";
    case fault_code::must_understand: return "MustUnderstand";
    case fault_code::version_mismatch: return "VersionMismatch";
    case fault_code::data_encoding_unknown: return "Client";
    }
    return "Server";
}
} // namespace detail

/// Appends the `<s:Fault>` element (prefix `s` bound to the envelope namespace by the caller).
inline void append_fault(std::string& out, fault const& f, envelope_version v) {
    if (v == envelope_version::soap12) {
        out += "<s:Fault><s:Code><s:Value>s:";
        out += detail::code_name_12(f.code);
        out += "</s:Value>";
        for (auto const& s : f.subcodes) {
            out += "<s:Subcode><s:Value xmlns:a=\"";
            xml::append_escaped(out, s.ns);
            out += "\">a:";
            out += s.local;
            out += "</s:Value>";
        }
        for (std::size_t i = 0; i < f.subcodes.size(); ++i) out += "</s:Subcode>";
        out += "</s:Code><s:Reason><s:Text xml:lang=\"";
        xml::append_escaped(out, f.lang);
        out += "\">";
        xml::append_escaped(out, f.reason);
        out += "</s:Text></s:Reason>";
        if (!f.detail_xml.empty()) {
            out += "<s:Detail>";
            out += f.detail_xml;
            out += "</s:Detail>";
        }
        out += "</s:Fault>";
    } else {
        out += "<s:Fault>";
        if (!f.subcodes.empty()) {
            out += "<faultcode xmlns:a=\"";
            xml::append_escaped(out, f.subcodes.front().ns);
            out += "\">a:";
            out += f.subcodes.front().local;
        } else {
            out += "<faultcode>s:";
            out += detail::code_name_11(f.code);
        }
        out += "</faultcode><faultstring xml:lang=\"";
        xml::append_escaped(out, f.lang);
        out += "\">";
        xml::append_escaped(out, f.reason);
        out += "</faultstring>";
        if (!f.detail_xml.empty()) {
            out += "<detail>";
            out += f.detail_xml;
            out += "</detail>";
        }
        out += "</s:Fault>";
    }
}

// ---- reading ---------------------------------------------------------------------------------

namespace detail {
[[nodiscard]] inline xml::qname resolve_qname(pugi::xml_node context, std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return {std::string(xml::lookup_namespace(context, xml::prefix_of(text))), std::string(xml::local_name(text))};
}
[[nodiscard]] inline std::optional<fault_code> code_from_12(std::string_view local) noexcept {
    if (local == "Sender") return fault_code::sender;
    if (local == "Receiver") return fault_code::receiver;
    if (local == "MustUnderstand") return fault_code::must_understand;
    if (local == "VersionMismatch") return fault_code::version_mismatch;
    if (local == "DataEncodingUnknown") return fault_code::data_encoding_unknown;
    return std::nullopt;
}
[[nodiscard]] inline std::string children_xml(pugi::xml_node n) {
    std::string out;
    for (auto c = n.first_child(); c; c = c.next_sibling()) xml::append_raw(out, c);
    return out;
}
} // namespace detail

/// Reads a `Fault` element of SOAP version `v`; nullopt (and `error`) when it is not a fault of that shape.
[[nodiscard]] inline std::optional<fault> read_fault(pugi::xml_node node, envelope_version v, std::string* error = nullptr) {
    auto const env = envelope_namespace(v);
    auto fail = [&](std::string why) -> std::optional<fault> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    if (!xml::is(node, env, "Fault")) return fail("not a SOAP Fault element");
    fault f;
    if (v == envelope_version::soap12) {
        auto const code = xml::child(node, env, "Code");
        auto value = xml::child(code, env, "Value");
        if (!value) return fail("the SOAP 1.2 fault has no Code/Value");
        auto const q = detail::resolve_qname(value, xml::text_of(value));
        auto const c = q.ns == env ? detail::code_from_12(q.local) : std::nullopt;
        if (!c) return fail("the SOAP 1.2 fault code '" + q.local + "' is not one of SOAP 1.2's codes");
        f.code = *c;
        for (auto sub = xml::child(code, env, "Subcode"); sub; sub = xml::child(sub, env, "Subcode")) {
            auto const sv = xml::child(sub, env, "Value");
            if (!sv) return fail("a SOAP 1.2 Subcode has no Value");
            f.subcodes.push_back(detail::resolve_qname(sv, xml::text_of(sv)));
        }
        auto const text = xml::child(xml::child(node, env, "Reason"), env, "Text");
        f.reason = xml::text_of(text);
        if (auto const lang = xml::attribute(text, ns::xml, "lang")) f.lang = lang.value();
        if (auto const d = xml::child(node, env, "Detail")) f.detail_xml = detail::children_xml(d);
    } else {
        auto const code = node.child("faultcode");
        if (!code) return fail("the SOAP 1.1 fault has no faultcode");
        auto const q = detail::resolve_qname(code, xml::text_of(code));
        if (q.ns == env) {
            if (q.local == "Client") f.code = fault_code::sender;
            else if (q.local == "Server") f.code = fault_code::receiver;
            else if (q.local == "MustUnderstand") f.code = fault_code::must_understand;
            else if (q.local == "VersionMismatch") f.code = fault_code::version_mismatch;
            else f.code = fault_code::sender;
        } else {
            f.code = q.local == "InternalServiceFault" ? fault_code::receiver : fault_code::sender;
            f.subcodes.push_back(q);
        }
        auto const s = node.child("faultstring");
        f.reason = xml::text_of(s);
        if (auto const lang = xml::attribute(s, ns::xml, "lang")) f.lang = lang.value();
        if (auto const d = node.child("detail")) f.detail_xml = detail::children_xml(d);
    }
    return f;
}

} // namespace wsbind::soap

#endif
