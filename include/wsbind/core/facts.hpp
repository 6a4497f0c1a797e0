// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_FACTS_HPP
#define WSBIND_CORE_FACTS_HPP

/// \file
/// Derived facts of a binding: what WCF builds from its settings, and what the runtime needs.
///
/// All functions are constexpr over `binding_description`; for a compile-time binding `B` they are
/// also available as `wsbind::facts<B>` (binding.hpp), constants with no run-time cost.
/// Sources: .NET Framework 4.8 reference source, MessageSecurityOverHttp.cs,
/// BasicHttpMessageSecurity.cs, MessageSecurityOverTcp.cs, SecurityBindingElement.cs
/// (summarised in wcf-config-facts.md §2.1.1, §5.4, §5.5).

#include <wsbind/core/description.hpp>
#include <wsbind/core/enums.hpp>

#include <cstdint>
#include <string_view>

namespace wsbind {

/// The SecurityBindingElement class WCF builds.
enum class security_element_kind : std::uint8_t { none, transport, symmetric, asymmetric };

template <>
struct enum_info<security_element_kind> {
    static constexpr std::string_view type_name = "SecurityBindingElement";
    static constexpr enum_entry<security_element_kind> entries[] = {
        {security_element_kind::none, "None"},
        {security_element_kind::transport, "TransportSecurityBindingElement"},
        {security_element_kind::symmetric, "SymmetricSecurityBindingElement"},
        {security_element_kind::asymmetric, "AsymmetricSecurityBindingElement"}};
};

/// The kind of a security token parameters object.
enum class token_kind : std::uint8_t {
    none, x509, ssl_negotiated, sspi_negotiated, kerberos, user_name, issued, secure_conversation
};

template <>
struct enum_info<token_kind> {
    static constexpr std::string_view type_name = "SecurityTokenParameters";
    static constexpr enum_entry<token_kind> entries[] = {
        {token_kind::none, "None"},
        {token_kind::x509, "X509SecurityTokenParameters"},
        {token_kind::ssl_negotiated, "SslSecurityTokenParameters"},
        {token_kind::sspi_negotiated, "SspiSecurityTokenParameters"},
        {token_kind::kerberos, "KerberosSecurityTokenParameters"},
        {token_kind::user_name, "UserNameSecurityTokenParameters"},
        {token_kind::issued, "IssuedSecurityTokenParameters"},
        {token_kind::secure_conversation, "SecureConversationSecurityTokenParameters"}};
};

/// X509KeyIdentifierClauseType.
enum class x509_reference : std::uint8_t { any, thumbprint, issuer_serial, subject_key_identifier, raw_data_key_identifier };

/// SecurityTokenInclusionMode.
enum class token_inclusion : std::uint8_t { always_to_recipient, never, once, always_to_initiator };

struct token_spec {
    token_kind kind = token_kind::none;
    x509_reference reference = x509_reference::any;
    token_inclusion inclusion = token_inclusion::always_to_recipient;
    bool require_derived_keys = true;
    bool require_client_certificate = false; ///< SSL negotiation
    bool require_cancellation = false;       ///< negotiated / secure conversation tokens
    friend constexpr bool operator==(token_spec const&, token_spec const&) = default;
};

/// What WCF's SecurityBindingElement for a binding looks like.
struct security_element_info {
    security_element_kind kind = security_element_kind::none;
    /// The one-shot element's shape as the equivalent customBinding authenticationMode.
    authentication_mode mode = authentication_mode::sspi_negotiated;
    /// Wrapped in WS-SecureConversation: the outer protection (symmetric) or endorsing (transport)
    /// token is a security context token bootstrapped by the one-shot element below.
    bool secure_conversation = false;
    token_spec protection;   ///< symmetric: protection token
    token_spec initiator;    ///< asymmetric: the client's token
    token_spec recipient;    ///< asymmetric: the service's token
    token_spec endorsing;    ///< endpoint supporting token that endorses the signature
    token_spec signed_encrypted; ///< endpoint supporting token carried signed and encrypted (user name)
    message_security_version version = message_security_version::wss11_trust_feb2005_sc_feb2005_sp11;
    algorithm_suite suite = algorithm_suite::basic256;
    bool include_timestamp = true;
    security_header_layout layout = security_header_layout::strict;
    bool require_signature_confirmation = false;
    bool allow_serialized_signing_token_on_reply = false;
    message_protection_order protection_order = message_protection_order::sign_before_encrypt_and_encrypt_signature;
    friend constexpr bool operator==(security_element_info const&, security_element_info const&) = default;
};

/// The algorithm suite after resolving `Default` (= Basic256).
[[nodiscard]] constexpr algorithm_suite effective_suite(algorithm_suite s) noexcept {
    return s == algorithm_suite::default_suite ? algorithm_suite::basic256 : s;
}

/// WS-Security 1.0 or 1.1 of a MessageSecurityVersion.
[[nodiscard]] constexpr bool is_ws_security_10(message_security_version v) noexcept {
    return v == message_security_version::wss10_trust_feb2005_sc_feb2005_sp11_bsp10 ||
           v == message_security_version::wss10_trust13_sc13_sp12_bsp10;
}

/// The MessageSecurityVersion a standard binding uses (not configurable there).
[[nodiscard]] constexpr message_security_version standard_security_version(binding_kind k) noexcept {
    switch (k) {
    case binding_kind::basic_http: return message_security_version::wss10_trust_feb2005_sc_feb2005_sp11_bsp10;
    case binding_kind::ws_http:
    case binding_kind::ws_dual_http: return message_security_version::wss11_trust_feb2005_sc_feb2005_sp11_bsp10;
    case binding_kind::ws_2007_http: return message_security_version::wss11_trust13_sc13_sp12_bsp10;
    case binding_kind::net_tcp:
    case binding_kind::custom: return message_security_version::wss11_trust_feb2005_sc_feb2005_sp11;
    }
    return message_security_version::wss11_trust_feb2005_sc_feb2005_sp11;
}

namespace detail {

constexpr token_spec x509_token(x509_reference ref, token_inclusion inc, bool dk) noexcept {
    return {token_kind::x509, ref, inc, dk, false, false};
}

/// The one-shot element of a customBinding authentication mode, as SecurityBindingElement's
/// factory methods build it (wcf-config-facts.md §2.1.1, §5.5).
constexpr security_element_info one_shot(authentication_mode mode, message_security_version version,
                                         bool require_cancellation, issued_security_token_key_type issued_key) noexcept {
    security_element_info e;
    e.mode = mode;
    e.version = version;
    bool const wss10 = is_ws_security_10(version);
    auto const ref = wss10 ? x509_reference::any : x509_reference::thumbprint;
    switch (mode) {
    case authentication_mode::anonymous_for_certificate:
        e.kind = security_element_kind::symmetric;
        e.protection = x509_token(x509_reference::thumbprint, token_inclusion::never, true);
        e.require_signature_confirmation = true;
        e.version = message_security_version::wss11_trust_feb2005_sc_feb2005_sp11;
        break;
    case authentication_mode::anonymous_for_ssl_negotiated:
        e.kind = security_element_kind::symmetric;
        e.protection = {token_kind::ssl_negotiated, x509_reference::any, token_inclusion::always_to_recipient, true, false, require_cancellation};
        break;
    case authentication_mode::certificate_over_transport:
        e.kind = security_element_kind::transport;
        e.endorsing = x509_token(wss10 ? x509_reference::any : x509_reference::thumbprint, token_inclusion::always_to_recipient, false);
        break;
    case authentication_mode::issued_token:
        e.kind = security_element_kind::symmetric;
        e.protection = {token_kind::issued, x509_reference::any, token_inclusion::always_to_recipient, true, false, false};
        break;
    case authentication_mode::issued_token_for_certificate:
        e.kind = security_element_kind::symmetric;
        e.protection = x509_token(x509_reference::thumbprint, token_inclusion::never, true);
        if (issued_key == issued_security_token_key_type::bearer_key)
            e.signed_encrypted = {token_kind::issued, x509_reference::any, token_inclusion::always_to_recipient, false, false, false};
        else
            e.endorsing = {token_kind::issued, x509_reference::any, token_inclusion::always_to_recipient, true, false, false};
        e.require_signature_confirmation = true;
        break;
    case authentication_mode::issued_token_for_ssl_negotiated:
        e.kind = security_element_kind::symmetric;
        e.protection = {token_kind::ssl_negotiated, x509_reference::any, token_inclusion::always_to_recipient, true, false, require_cancellation};
        if (issued_key == issued_security_token_key_type::bearer_key)
            e.signed_encrypted = {token_kind::issued, x509_reference::any, token_inclusion::always_to_recipient, false, false, false};
        else
            e.endorsing = {token_kind::issued, x509_reference::any, token_inclusion::always_to_recipient, true, false, false};
        e.require_signature_confirmation = true;
        break;
    case authentication_mode::issued_token_over_transport:
        e.kind = security_element_kind::transport;
        if (issued_key == issued_security_token_key_type::bearer_key)
            e.signed_encrypted = {token_kind::issued, x509_reference::any, token_inclusion::always_to_recipient, false, false, false};
        else
            e.endorsing = {token_kind::issued, x509_reference::any, token_inclusion::always_to_recipient, false, false, false};
        break;
    case authentication_mode::kerberos:
        e.kind = security_element_kind::symmetric;
        e.protection = {token_kind::kerberos, x509_reference::any, token_inclusion::once, true, false, false};
        e.suite = algorithm_suite::basic128;
        break;
    case authentication_mode::kerberos_over_transport:
        e.kind = security_element_kind::transport;
        e.endorsing = {token_kind::kerberos, x509_reference::any, token_inclusion::once, false, false, false};
        e.suite = algorithm_suite::basic128;
        break;
    case authentication_mode::mutual_certificate:
        if (wss10) {
            e.kind = security_element_kind::asymmetric;
            e.recipient = x509_token(x509_reference::any, token_inclusion::never, false);
            e.initiator = x509_token(x509_reference::any, token_inclusion::always_to_recipient, false);
        } else {
            e.kind = security_element_kind::symmetric;
            e.protection = x509_token(x509_reference::thumbprint, token_inclusion::never, true);
            e.endorsing = x509_token(x509_reference::thumbprint, token_inclusion::always_to_recipient, false);
            e.require_signature_confirmation = true;
        }
        break;
    case authentication_mode::mutual_certificate_duplex:
        e.kind = security_element_kind::asymmetric;
        e.recipient = x509_token(ref, token_inclusion::always_to_initiator, false);
        e.initiator = x509_token(ref, token_inclusion::always_to_recipient, false);
        break;
    case authentication_mode::mutual_ssl_negotiated:
        e.kind = security_element_kind::symmetric;
        e.protection = {token_kind::ssl_negotiated, x509_reference::any, token_inclusion::always_to_recipient, true, true, require_cancellation};
        break;
    case authentication_mode::secure_conversation:
        // Handled by the caller (needs the bootstrap).
        e.kind = security_element_kind::symmetric;
        e.secure_conversation = true;
        e.protection = {token_kind::secure_conversation, x509_reference::any, token_inclusion::always_to_recipient, true, false, require_cancellation};
        break;
    case authentication_mode::sspi_negotiated:
        e.kind = security_element_kind::symmetric;
        e.protection = {token_kind::sspi_negotiated, x509_reference::any, token_inclusion::always_to_recipient, true, false, require_cancellation};
        break;
    case authentication_mode::user_name_for_certificate:
        e.kind = security_element_kind::symmetric;
        e.protection = x509_token(x509_reference::thumbprint, token_inclusion::never, true);
        e.signed_encrypted = {token_kind::user_name, x509_reference::any, token_inclusion::always_to_recipient, false, false, false};
        e.version = message_security_version::wss11_trust_feb2005_sc_feb2005_sp11;
        break;
    case authentication_mode::user_name_for_ssl_negotiated:
        e.kind = security_element_kind::symmetric;
        e.protection = {token_kind::ssl_negotiated, x509_reference::any, token_inclusion::always_to_recipient, true, false, require_cancellation};
        e.signed_encrypted = {token_kind::user_name, x509_reference::any, token_inclusion::always_to_recipient, false, false, false};
        e.version = message_security_version::wss11_trust_feb2005_sc_feb2005_sp11;
        break;
    case authentication_mode::user_name_over_transport:
        e.kind = security_element_kind::transport;
        e.signed_encrypted = {token_kind::user_name, x509_reference::any, token_inclusion::always_to_recipient, false, false, false};
        break;
    case authentication_mode::sspi_negotiated_over_transport:
        e.kind = security_element_kind::transport;
        e.endorsing = {token_kind::sspi_negotiated, x509_reference::any, token_inclusion::always_to_recipient, false, false, require_cancellation};
        break;
    }
    return e;
}

/// Wraps a one-shot element in WS-SecureConversation (CreateSecureConversationBindingElement).
constexpr security_element_info secure_conversation_over(security_element_info bootstrap, bool require_cancellation) noexcept {
    security_element_info outer = bootstrap;
    outer.secure_conversation = true;
    token_spec const sct{token_kind::secure_conversation, x509_reference::any, token_inclusion::always_to_recipient,
                         bootstrap.kind != security_element_kind::transport, false, require_cancellation};
    if (bootstrap.kind == security_element_kind::transport) {
        outer.endorsing = sct;
        outer.signed_encrypted = {};
    } else {
        outer.kind = security_element_kind::symmetric;
        outer.protection = sct;
        outer.initiator = {};
        outer.recipient = {};
        outer.endorsing = {};
        outer.signed_encrypted = {};
        outer.require_signature_confirmation = false;
    }
    return outer;
}

/// The one-shot authentication mode of a standard binding's message security
/// (MessageSecurityOverHttp / MessageSecurityOverTcp / BasicHttpMessageSecurity).
constexpr authentication_mode standard_message_mode(message_credential_type c, bool negotiate) noexcept {
    switch (c) {
    case message_credential_type::none:
        return negotiate ? authentication_mode::anonymous_for_ssl_negotiated : authentication_mode::anonymous_for_certificate;
    case message_credential_type::windows:
        return negotiate ? authentication_mode::sspi_negotiated : authentication_mode::kerberos;
    case message_credential_type::user_name:
        return negotiate ? authentication_mode::user_name_for_ssl_negotiated : authentication_mode::user_name_for_certificate;
    case message_credential_type::certificate:
        return negotiate ? authentication_mode::mutual_ssl_negotiated : authentication_mode::mutual_certificate;
    case message_credential_type::issued_token:
        return negotiate ? authentication_mode::issued_token_for_ssl_negotiated : authentication_mode::issued_token_for_certificate;
    }
    return authentication_mode::sspi_negotiated;
}

constexpr authentication_mode over_transport_mode(message_credential_type c) noexcept {
    switch (c) {
    case message_credential_type::user_name: return authentication_mode::user_name_over_transport;
    case message_credential_type::certificate: return authentication_mode::certificate_over_transport;
    case message_credential_type::windows: return authentication_mode::sspi_negotiated_over_transport;
    case message_credential_type::issued_token: return authentication_mode::issued_token_over_transport;
    case message_credential_type::none: break; // refused by the rule table (mixed mode needs a credential)
    }
    return authentication_mode::certificate_over_transport;
}

constexpr bool is_http_binding(binding_kind k) noexcept {
    return k == binding_kind::basic_http || k == binding_kind::ws_http || k == binding_kind::ws_2007_http ||
           k == binding_kind::ws_dual_http;
}

} // namespace detail

/// The SecurityBindingElement WCF builds for `d` (kind none when the binding has no message-level
/// security element).
[[nodiscard]] constexpr security_element_info security_element_of(binding_description const& d) noexcept {
    security_element_info none;
    auto const k = d.kind;
    if (k == binding_kind::custom) {
        if (!d.stack.contains(custom_element::security)) return none;
        auto const& s = d.security_element;
        auto const version = s.security_version.value_or(message_security_version::wss11_trust_feb2005_sc_feb2005_sp11);
        security_element_info e;
        if (s.mode == authentication_mode::secure_conversation && s.secure_conversation_bootstrap) {
            auto const& b = *s.secure_conversation_bootstrap;
            auto const bv = b.security_version.value_or(message_security_version::wss11_trust_feb2005_sc_feb2005_sp11);
            e = detail::secure_conversation_over(
                detail::one_shot(b.mode, bv, b.require_security_context_cancellation, b.issued_token_parameters.key_type),
                s.require_security_context_cancellation);
        } else {
            e = detail::one_shot(s.mode, version, s.require_security_context_cancellation, s.issued_token_parameters.key_type);
        }
        if (s.security_version) e.version = *s.security_version;
        if (s.default_algorithm_suite) e.suite = effective_suite(*s.default_algorithm_suite);
        if (s.include_timestamp) e.include_timestamp = *s.include_timestamp;
        if (s.header_layout) e.layout = *s.header_layout;
        if (s.require_signature_confirmation) e.require_signature_confirmation = *s.require_signature_confirmation;
        if (s.allow_serialized_signing_token_on_reply) e.allow_serialized_signing_token_on_reply = *s.allow_serialized_signing_token_on_reply;
        e.protection_order = s.protection_order;
        if (s.require_derived_keys) {
            bool const dk = *s.require_derived_keys;
            for (token_spec* t : {&e.protection, &e.initiator, &e.recipient, &e.endorsing})
                if (t->kind != token_kind::none) t->require_derived_keys = dk;
        }
        return e;
    }

    auto const mode = d.security.mode;
    if (mode != security_mode::message && mode != security_mode::transport_with_message_credential) return none;
    auto const& m = d.security.message;
    auto const version = standard_security_version(k);
    security_element_info e;

    if (k == binding_kind::basic_http) {
        if (mode == security_mode::message) {
            e = detail::one_shot(authentication_mode::mutual_certificate, version, true, issued_security_token_key_type::symmetric_key);
            e.allow_serialized_signing_token_on_reply = true;
        } else {
            e = detail::one_shot(detail::over_transport_mode(m.client_credential_type), version, true,
                                 issued_security_token_key_type::symmetric_key);
        }
        e.version = version;
        e.layout = security_header_layout::lax;
        for (token_spec* t : {&e.protection, &e.initiator, &e.recipient, &e.endorsing})
            if (t->kind != token_kind::none) t->require_derived_keys = false;
        e.suite = effective_suite(m.suite.value_or(algorithm_suite::default_suite));
        return e;
    }

    bool const tcp = k == binding_kind::net_tcp;
    bool const negotiate = tcp || m.negotiate_service_credential;
    bool const sc = tcp || k == binding_kind::ws_dual_http || m.establish_security_context;
    // CreateMutualCertificateBindingElement() without arguments uses the WSS 1.1 default.
    auto const factory_version = message_security_version::wss11_trust_feb2005_sc_feb2005_sp11;
    security_element_info one = mode == security_mode::message
        ? detail::one_shot(detail::standard_message_mode(m.client_credential_type, negotiate), factory_version, true,
                           issued_security_token_key_type::symmetric_key)
        : detail::one_shot(detail::over_transport_mode(m.client_credential_type), factory_version, true,
                           issued_security_token_key_type::symmetric_key);
    e = sc ? detail::secure_conversation_over(one, true) : one;
    e.version = version;
    e.include_timestamp = true;
    bool const kerberos_default = e.mode == authentication_mode::kerberos && !m.suite;
    e.suite = kerberos_default ? algorithm_suite::basic128 : effective_suite(m.suite.value_or(algorithm_suite::default_suite));
    if (e.mode == authentication_mode::kerberos_over_transport && !m.suite) e.suite = algorithm_suite::basic128;
    return e;
}

/// URI scheme of the binding's transport: "http", "https", "net.tcp", or "" (customBinding
/// without a modelled transport).
[[nodiscard]] constexpr std::string_view transport_scheme(binding_description const& d) noexcept {
    switch (d.kind) {
    case binding_kind::basic_http:
    case binding_kind::ws_http:
    case binding_kind::ws_2007_http:
        return d.security.mode == security_mode::transport || d.security.mode == security_mode::transport_with_message_credential
                   ? "https" : "http";
    case binding_kind::ws_dual_http: return "http";
    case binding_kind::net_tcp: return "net.tcp";
    case binding_kind::custom:
        if (d.stack.contains(custom_element::https_transport)) return "https";
        if (d.stack.contains(custom_element::http_transport)) return "http";
        return "";
    }
    return "";
}

/// Whether the transport authenticates the service with TLS (HTTPS, or netTcp's SSL stream).
[[nodiscard]] constexpr bool uses_tls(binding_description const& d) noexcept {
    if (d.kind == binding_kind::net_tcp)
        return (d.security.mode == security_mode::transport &&
                d.security.transport.client_credential_type != transport_credential_type::windows) ||
               d.security.mode == security_mode::transport_with_message_credential;
    return transport_scheme(d) == "https";
}

/// Whether the transport requires a client certificate in the TLS handshake.
[[nodiscard]] constexpr bool requires_transport_client_certificate(binding_description const& d) noexcept {
    if (d.kind == binding_kind::custom)
        return d.stack.contains(custom_element::https_transport) && d.transport.require_client_certificate;
    return d.security.mode == security_mode::transport &&
           d.security.transport.client_credential_type == transport_credential_type::certificate;
}

/// SOAP version of the encoder: 0 (none), 11 or 12.
[[nodiscard]] constexpr int soap_version(binding_description const& d) noexcept {
    switch (d.encoder.version) {
    case message_version::soap11_ws_addressing10:
    case message_version::soap11_ws_addressing_august2004:
    case message_version::soap11: return 11;
    case message_version::soap12_ws_addressing10:
    case message_version::soap12_ws_addressing_august2004:
    case message_version::soap12: return 12;
    case message_version::none: return 0;
    }
    return 0;
}

enum class addressing_version : std::uint8_t { none, august_2004, ws_addressing_10 };

[[nodiscard]] constexpr addressing_version addressing_of(binding_description const& d) noexcept {
    switch (d.encoder.version) {
    case message_version::soap11_ws_addressing10:
    case message_version::soap12_ws_addressing10: return addressing_version::ws_addressing_10;
    case message_version::soap11_ws_addressing_august2004:
    case message_version::soap12_ws_addressing_august2004: return addressing_version::august_2004;
    default: return addressing_version::none;
    }
}

/// Whether a reliable session (WS-RM) is in the channel stack.
[[nodiscard]] constexpr bool has_reliable_session(binding_description const& d) noexcept {
    if (d.kind == binding_kind::custom) return d.stack.contains(custom_element::reliable_session);
    if (d.kind == binding_kind::basic_http) return false;
    return d.reliable_session.enabled;
}

/// The WS-RM version in use (meaningful when has_reliable_session).
[[nodiscard]] constexpr reliable_messaging_version reliable_version_of(binding_description const& d) noexcept {
    return d.reliable_session.version;
}

/// Whether messages are signed / encrypted at the SOAP level, and whether the transport protects them.
struct protection_facts {
    bool message_signed = false;
    bool message_encrypted = false;
    bool transport_protected = false;
    friend constexpr bool operator==(protection_facts const&, protection_facts const&) = default;
};

[[nodiscard]] constexpr protection_facts protection_of(binding_description const& d, security_element_info const& e) noexcept {
    protection_facts p;
    p.transport_protected = uses_tls(d) || (d.kind == binding_kind::net_tcp && d.security.mode == security_mode::transport);
    if (e.kind == security_element_kind::symmetric || e.kind == security_element_kind::asymmetric) {
        p.message_signed = true;
        p.message_encrypted = true; // contracts default to ProtectionLevel.EncryptAndSign
    } else if (e.kind == security_element_kind::transport) {
        p.message_signed = e.endorsing.kind != token_kind::none || e.include_timestamp; // timestamp/token signatures
    }
    return p;
}
[[nodiscard]] constexpr protection_facts protection_of(binding_description const& d) noexcept {
    return protection_of(d, security_element_of(d));
}

/// Whether the service must hold an X.509 certificate of its own.
[[nodiscard]] constexpr bool needs_service_certificate(binding_description const& d, security_element_info const& e) noexcept {
    if (uses_tls(d)) return true;
    auto const m = e.mode;
    if (e.kind == security_element_kind::none || e.kind == security_element_kind::transport) return false;
    return m == authentication_mode::anonymous_for_certificate || m == authentication_mode::anonymous_for_ssl_negotiated ||
           m == authentication_mode::issued_token_for_certificate || m == authentication_mode::issued_token_for_ssl_negotiated ||
           m == authentication_mode::mutual_certificate || m == authentication_mode::mutual_certificate_duplex ||
           m == authentication_mode::mutual_ssl_negotiated || m == authentication_mode::user_name_for_certificate ||
           m == authentication_mode::user_name_for_ssl_negotiated;
}
[[nodiscard]] constexpr bool needs_service_certificate(binding_description const& d) noexcept {
    return needs_service_certificate(d, security_element_of(d));
}

/// Whether the client must hold an X.509 certificate of its own.
[[nodiscard]] constexpr bool needs_client_certificate(binding_description const& d, security_element_info const& e) noexcept {
    if (requires_transport_client_certificate(d)) return true;
    if (e.kind == security_element_kind::none) return false;
    auto const m = e.mode;
    return m == authentication_mode::mutual_certificate || m == authentication_mode::mutual_certificate_duplex ||
           m == authentication_mode::mutual_ssl_negotiated || m == authentication_mode::certificate_over_transport;
}
[[nodiscard]] constexpr bool needs_client_certificate(binding_description const& d) noexcept {
    return needs_client_certificate(d, security_element_of(d));
}

/// Whether the service must know the client's certificate in advance
/// (`serviceCredentials/clientCertificate/certificate`, seed 000): MutualCertificateDuplex.
[[nodiscard]] constexpr bool service_needs_client_certificate_in_advance(binding_description const& /*d*/,
                                                                           security_element_info const& e) noexcept {
    return e.kind == security_element_kind::asymmetric && e.mode == authentication_mode::mutual_certificate_duplex;
}
[[nodiscard]] constexpr bool service_needs_client_certificate_in_advance(binding_description const& d) noexcept {
    return service_needs_client_certificate_in_advance(d, security_element_of(d));
}

/// Whether the client must know the service's certificate in advance (out of band or via
/// identity): one-shot X.509 modes without negotiation.
[[nodiscard]] constexpr bool client_needs_service_certificate_in_advance(binding_description const& /*d*/,
                                                                           security_element_info const& e) noexcept {
    auto const m = e.mode;
    if (e.kind == security_element_kind::none || e.kind == security_element_kind::transport) return false;
    return m == authentication_mode::anonymous_for_certificate || m == authentication_mode::issued_token_for_certificate ||
           m == authentication_mode::mutual_certificate || m == authentication_mode::mutual_certificate_duplex ||
           m == authentication_mode::user_name_for_certificate;
}
[[nodiscard]] constexpr bool client_needs_service_certificate_in_advance(binding_description const& d) noexcept {
    return client_needs_service_certificate_in_advance(d, security_element_of(d));
}

/// Whether the channel is sessionful (reliable session, secure conversation, or TCP).
[[nodiscard]] constexpr bool is_sessionful(binding_description const& d, security_element_info const& e) noexcept {
    return has_reliable_session(d) || e.secure_conversation || d.kind == binding_kind::net_tcp;
}
[[nodiscard]] constexpr bool is_sessionful(binding_description const& d) noexcept {
    return is_sessionful(d, security_element_of(d));
}

/// Whether the binding supports duplex contracts (callbacks).
[[nodiscard]] constexpr bool is_duplex(binding_description const& d) noexcept {
    return d.kind == binding_kind::ws_dual_http || d.kind == binding_kind::net_tcp ||
           (d.kind == binding_kind::custom && d.stack.contains(custom_element::composite_duplex));
}

} // namespace wsbind

#endif
