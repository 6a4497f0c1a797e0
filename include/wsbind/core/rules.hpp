// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_RULES_HPP
#define WSBIND_CORE_RULES_HPP

/// \file
/// The rule table: every WCF validity rule over one binding, written once.
///
/// Each rule has an id, the .NET resource key of the error WCF raises (so a WCF user can search
/// for it), the configuration path of the setting to blame, the side it applies to, and the text
/// a WCF user reads. `WSBIND_RULES` lists them; `detail::rule_condition` states each rule's condition.
/// A rule named after a binding type (`basic_http_`, `ws_http_`, `ws_2007_http_`, `ws_dual_http_`,
/// `net_tcp_`, `custom_` followed by the rest of its name) concerns that binding type only and
/// holds for every other one; a rule named otherwise concerns every type (its condition says
/// which). Checking a binding evaluates only the rules that concern its type (tests/core/rules.cpp
/// checks that no prefixed rule's condition would fire for another type).
/// The same table drives
///  - the `static_assert`s of a compile-time binding (binding.hpp), whose messages are these texts;
///  - `validate(description)`, which the configuration layer applies to bindings read from files.
/// Value ranges of single settings (timeouts, sizes, quotas, intervals) live in the schema
/// (schema.hpp) next to the setting; the range rules below state them for whole groups.

#include <wsbind/core/description.hpp>
#include <wsbind/core/enum_names.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/facts.hpp>
#include <wsbind/core/schema.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>

namespace wsbind {

/// Which end a rule applies to: `any` rules are checked for every binding (and at compile time),
/// `client`/`service` ones when a client channel factory or a service host is built.
enum class rule_side : std::uint8_t { any, client, service };

// X(id, wcf resource key, blamed path, side, text)
#define WSBIND_RULES(X)                                                                                                 \
    X(basic_http_message_credential, "ConfigInvalidEnumValue", "security/message/clientCredentialType", any,            \
      "basicHttpBinding: message clientCredentialType must be UserName or Certificate")                                 \
    X(basic_http_message_requires_certificate, "BasicHttpMessageSecurityRequiresCertificate",                           \
      "security/message/clientCredentialType", any,                                                                     \
      "basicHttpBinding: security mode Message requires message clientCredentialType Certificate")                      \
    X(basic_http_credential_only_no_certificate, "CertificateUnsupportedForHttpTransportCredentialOnly",                \
      "security/transport/clientCredentialType", any,                                                                   \
      "basicHttpBinding: security mode TransportCredentialOnly does not support transport clientCredentialType "       \
      "Certificate (use security mode Transport)")                                                                      \
    X(ws_http_security_mode, "ConfigInvalidEnumValue", "security/mode", any,                                            \
      "wsHttpBinding: security mode must be None, Transport, Message or TransportWithMessageCredential")                \
    X(ws_2007_http_security_mode, "ConfigInvalidEnumValue", "security/mode", any,                                       \
      "ws2007HttpBinding: security mode must be None, Transport, Message or TransportWithMessageCredential")            \
    X(ws_dual_http_security_mode, "ConfigInvalidEnumValue", "security/mode", any,                                       \
      "wsDualHttpBinding: security mode must be None or Message")                                                       \
    X(net_tcp_security_mode, "ConfigInvalidEnumValue", "security/mode", any,                                            \
      "netTcpBinding: security mode must be None, Transport, Message or TransportWithMessageCredential")                \
    X(net_tcp_transport_credential, "ConfigInvalidEnumValue", "security/transport/clientCredentialType", any,           \
      "netTcpBinding: transport clientCredentialType must be None, Windows or Certificate")                             \
    X(net_tcp_ssl_protection_level, "UnsupportedSslProtectionLevel", "security/transport/protectionLevel", any,         \
      "netTcpBinding: transport security over SSL (transport clientCredentialType None or Certificate) supports only "  \
      "protectionLevel EncryptAndSign")                                                                                 \
    X(ws_http_mixed_mode_credential, "ClientCredentialTypeMustBeSpecifiedForMixedMode",                                 \
      "security/message/clientCredentialType", any,                                                                     \
      "wsHttpBinding: security mode TransportWithMessageCredential requires a message clientCredentialType other "     \
      "than None")                                                                                                      \
    X(ws_2007_http_mixed_mode_credential, "ClientCredentialTypeMustBeSpecifiedForMixedMode",                            \
      "security/message/clientCredentialType", any,                                                                     \
      "ws2007HttpBinding: security mode TransportWithMessageCredential requires a message clientCredentialType other " \
      "than None")                                                                                                      \
    X(net_tcp_mixed_mode_credential, "ClientCredentialTypeMustBeSpecifiedForMixedMode",                                 \
      "security/message/clientCredentialType", any,                                                                     \
      "netTcpBinding: security mode TransportWithMessageCredential requires a message clientCredentialType other "     \
      "than None")                                                                                                      \
    X(ws_http_reliable_session_requires_secure_conversation, "SecureConversationRequiredByReliableSession",             \
      "security/message/establishSecurityContext", any,                                                                 \
      "wsHttpBinding: a reliable session with message security requires establishSecurityContext=true")                \
    X(ws_2007_http_reliable_session_requires_secure_conversation, "SecureConversationRequiredByReliableSession",        \
      "security/message/establishSecurityContext", any,                                                                 \
      "ws2007HttpBinding: a reliable session with message security requires establishSecurityContext=true")            \
    X(ws_http_reliable_session_not_over_transport_security, "WSHttpDoesNotSupportRMWithHttps", "reliableSession/enabled", \
      any, "wsHttpBinding: a reliable session cannot be used with security mode Transport (use Message or "            \
      "TransportWithMessageCredential)")                                                                                \
    X(ws_2007_http_reliable_session_not_over_transport_security, "WSHttpDoesNotSupportRMWithHttps",                     \
      "reliableSession/enabled", any,                                                                                   \
      "ws2007HttpBinding: a reliable session cannot be used with security mode Transport (use Message or "             \
      "TransportWithMessageCredential)")                                                                                \
    X(net_tcp_reliable_session_buffered, "TransferModeNotSupported", "transferMode", any,                               \
      "netTcpBinding: a reliable session requires transferMode Buffered")                                               \
    X(custom_reliable_session_buffered, "TransferModeNotSupported", "transferMode", any,                                \
      "customBinding: reliableSession requires the transport's transferMode Buffered")                                  \
    X(custom_reliable_session_manual_addressing, "ManualAddressingNotSupported", "manualAddressing", any,                \
      "customBinding: reliableSession cannot be used with manualAddressing=true on the transport")                      \
    X(basic_http_message_security_streaming, "NoStreamingWithSecurity", "transferMode", any,                            \
      "basicHttpBinding: security mode Message cannot be used with a streamed transferMode")                            \
    X(net_tcp_message_security_streaming, "NoStreamingWithSecurity", "transferMode", any,                               \
      "netTcpBinding: security mode Message cannot be used with a streamed transferMode")                               \
    X(custom_message_security_streaming, "NoStreamingWithSecurity", "transferMode", any,                                \
      "customBinding: message security (a symmetric or asymmetric security element) cannot be used with a streamed "   \
      "transferMode")                                                                                                   \
    X(custom_message_security_manual_addressing, "MessageSecurityDoesNotWorkWithManualAddressing", "manualAddressing", \
      any, "customBinding: message security cannot be used with manualAddressing=true on the transport")                \
    X(basic_http_buffered_max_buffer_size, "MaxBufferSizeMustMatchMaxReceivedMessageSize", "maxBufferSize", any,        \
      "basicHttpBinding: with transferMode Buffered, maxBufferSize must equal maxReceivedMessageSize")                  \
    X(net_tcp_buffered_max_buffer_size, "MaxBufferSizeMustMatchMaxReceivedMessageSize", "maxBufferSize", any,           \
      "netTcpBinding: with transferMode Buffered, maxBufferSize must equal maxReceivedMessageSize")                     \
    X(custom_buffered_max_buffer_size, "MaxBufferSizeMustMatchMaxReceivedMessageSize", "maxBufferSize", any,            \
      "customBinding: with transferMode Buffered, the transport's maxBufferSize must equal maxReceivedMessageSize")     \
    X(basic_http_streamed_max_buffer_size, "MaxBufferSizeMustNotExceedMaxReceivedMessageSize", "maxBufferSize", any,    \
      "basicHttpBinding: maxBufferSize must not exceed maxReceivedMessageSize")                                         \
    X(net_tcp_streamed_max_buffer_size, "MaxBufferSizeMustNotExceedMaxReceivedMessageSize", "maxBufferSize", any,       \
      "netTcpBinding: maxBufferSize must not exceed maxReceivedMessageSize")                                            \
    X(custom_streamed_max_buffer_size, "MaxBufferSizeMustNotExceedMaxReceivedMessageSize", "maxBufferSize", any,        \
      "customBinding: the transport's maxBufferSize must not exceed maxReceivedMessageSize")                            \
    X(buffered_max_received_message_size, "MaxReceivedMessageSizeMustBeInIntegerRange", "maxReceivedMessageSize", any,  \
      "buffered bindings (wsHttpBinding, ws2007HttpBinding, wsDualHttpBinding, and any binding with transferMode "      \
      "Buffered): maxReceivedMessageSize must not exceed 2147483647 (Int32.MaxValue)")                                  \
    X(proxy_address_with_default_proxy, "UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress", "useDefaultWebProxy",   \
      client, "HTTP bindings: proxyAddress cannot be used with useDefaultWebProxy=true (set useDefaultWebProxy to "     \
      "false)")                                                                                                         \
    X(client_inherited_from_host, "HttpClientCredentialTypeInvalid", "security/transport/clientCredentialType", client,  \
      "basicHttpBinding, wsHttpBinding, ws2007HttpBinding: transport clientCredentialType InheritedFromHost is for "    \
      "services hosted in IIS; a client cannot use it")                                                                 \
    X(custom_transport_required, "CustomBindingRequiresTransport", "", any,                                            \
      "customBinding: the binding needs a transport element (httpTransport or httpsTransport)")                         \
    X(custom_transport_last, "TransportBindingElementMustBeLast", "", any,                                              \
      "customBinding: the transport element must be the last element of the binding")                                  \
    X(custom_unique_elements, "ConfigDuplicateItem", "", any,                                                           \
      "customBinding: each binding element may appear only once")                                                       \
    X(custom_composite_duplex_needs_one_way, "ChannelTypeNotSupported", "", any,                                        \
      "customBinding: compositeDuplex over HTTP needs oneWay below it (HTTP transports carry request-reply only)")      \
    X(custom_secure_conversation_needs_bootstrap, "SecureConversationNeedsBootstrapSecurity",                           \
      "security/authenticationMode", any,                                                                               \
      "customBinding: security authenticationMode SecureConversation requires a secureConversationBootstrap element")  \
    X(custom_bootstrap_not_secure_conversation, "SecureConversationBootstrapCannotUseSecureConversation",               \
      "security/secureConversationBootstrap/authenticationMode", any,                                                   \
      "customBinding: secureConversationBootstrap cannot itself use authenticationMode SecureConversation")             \
    X(custom_issued_token_symmetric_key, "IssuedTokenAuthenticationModeRequiresSymmetricIssuedKey",                     \
      "security/issuedTokenParameters/keyType", any,                                                                    \
      "customBinding: security authenticationMode IssuedToken requires issuedTokenParameters keyType SymmetricKey")     \
    X(custom_encrypted_key_needs_wss11, "SecurityVersionDoesNotSupportEncryptedKeyBinding",                             \
      "security/messageSecurityVersion", any,                                                                           \
      "customBinding: a symmetric security element with an X.509 protection token (AnonymousForCertificate, "          \
      "UserNameForCertificate, IssuedTokenForCertificate, MutualCertificate over WS-Security 1.1) requires a "         \
      "WSSecurity11 messageSecurityVersion")                                                                            \
    X(custom_thumbprint_needs_wss11, "SecurityVersionDoesNotSupportThumbprintX509KeyIdentifierClause",                  \
      "security/messageSecurityVersion", any,                                                                           \
      "customBinding: X.509 thumbprint references require a WSSecurity11 messageSecurityVersion")                       \
    X(custom_over_transport_needs_https, "TransportDoesNotProtectMessage", "security/authenticationMode", any,           \
      "customBinding: an ...OverTransport authenticationMode needs httpsTransport (or allowInsecureTransport=true)")    \
    X(timeouts_in_range, "SFxTimeoutOutOfRangeTooBig", "", any,                                                         \
      "timeouts (openTimeout, closeTimeout, sendTimeout, receiveTimeout) must be between 00:00:00 and "                \
      "24.20:31:23.6470000, or Infinite")                                                                               \
    X(max_received_message_size_positive, "ValueMustBePositive", "maxReceivedMessageSize", any,                         \
      "maxReceivedMessageSize must be at least 1")                                                                      \
    X(reader_quotas_positive, "ValueMustBePositive", "readerQuotas", any,                                               \
      "readerQuotas: maxDepth, maxStringContentLength, maxArrayLength, maxBytesPerRead and maxNameTableCharCount must " \
      "be greater than 0 (0 in configuration keeps the default)")                                                       \
    X(reliable_session_ranges, "ValueMustBeInRange", "reliableSession", any,                                            \
      "reliableSession: inactivityTimeout and acknowledgementInterval must be greater than 00:00:00, maxPendingChannels " \
      "1 to 16384, maxTransferWindowSize 1 to 4096, maxRetryCount at least 1")

enum class rule_id : std::uint8_t {
#define WSBIND_RULE_ENUMERATOR(id, key, path, side, text) id,
    WSBIND_RULES(WSBIND_RULE_ENUMERATOR)
#undef WSBIND_RULE_ENUMERATOR
};

/// One entry of the rule table.
struct rule {
    rule_id id;
    std::string_view name;      ///< wsbind's id, e.g. "basic_http_message_requires_certificate"
    std::string_view wcf_key;   ///< .NET resource key of the error WCF raises
    std::string_view path;      ///< configuration path (relative to <binding>) of the setting to blame
    rule_side side;
    std::string_view text;      ///< what a WCF user reads
};

inline constexpr rule rule_table[] = {
#define WSBIND_RULE_ENTRY(id_, key, path_, side_, text_) {rule_id::id_, #id_, key, path_, rule_side::side_, text_},
    WSBIND_RULES(WSBIND_RULE_ENTRY)
#undef WSBIND_RULE_ENTRY
};

inline constexpr std::size_t rule_count = sizeof(rule_table) / sizeof(rule_table[0]);

[[nodiscard]] constexpr rule const& rule_of(rule_id id) noexcept { return rule_table[static_cast<std::size_t>(id)]; }

// ---- which values each binding accepts --------------------------------------------------------

/// A constant list of enum values (which values a binding accepts).
template <class E>
class value_list {
public:
    constexpr value_list() noexcept = default;
    template <std::size_t N>
    constexpr value_list(E const (&a)[N]) noexcept : first_(a), size_(N) {} // NOLINT(google-explicit-constructor)
    [[nodiscard]] constexpr E const* begin() const noexcept { return first_; }
    [[nodiscard]] constexpr E const* end() const noexcept { return first_ + size_; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr bool contains(E v) const noexcept {
        for (auto x : *this)
            if (x == v) return true;
        return false;
    }

private:
    E const* first_ = nullptr;
    std::size_t size_ = 0;
};

namespace detail {
inline constexpr security_mode basic_http_modes[] = {security_mode::none, security_mode::transport, security_mode::message,
                                                     security_mode::transport_with_message_credential,
                                                     security_mode::transport_credential_only};
inline constexpr security_mode standard_modes[] = {security_mode::none, security_mode::transport, security_mode::message,
                                                   security_mode::transport_with_message_credential};
inline constexpr security_mode dual_modes[] = {security_mode::none, security_mode::message};
inline constexpr message_credential_type basic_http_message_credentials[] = {message_credential_type::user_name,
                                                                             message_credential_type::certificate};
inline constexpr message_credential_type all_message_credentials[] = {
    message_credential_type::none, message_credential_type::windows, message_credential_type::user_name,
    message_credential_type::certificate, message_credential_type::issued_token};
inline constexpr transport_credential_type tcp_transport_credentials[] = {
    transport_credential_type::none, transport_credential_type::windows, transport_credential_type::certificate};
inline constexpr transport_credential_type http_transport_credentials[] = {
    transport_credential_type::none, transport_credential_type::basic, transport_credential_type::digest,
    transport_credential_type::ntlm, transport_credential_type::windows, transport_credential_type::certificate,
    transport_credential_type::inherited_from_host};
} // namespace detail

/// Security modes a binding accepts, in .NET's declaration order of the binding's own enum
/// (SecurityMode, BasicHttpSecurityMode, WSDualHttpSecurityMode).
[[nodiscard]] constexpr value_list<security_mode> allowed_security_modes(binding_kind k) noexcept {
    switch (k) {
    case binding_kind::basic_http: return detail::basic_http_modes;
    case binding_kind::ws_dual_http: return detail::dual_modes;
    case binding_kind::custom: return {};
    default: return detail::standard_modes;
    }
}

/// Message client credential types a binding accepts (BasicHttpMessageCredentialType for
/// basicHttpBinding, MessageCredentialType otherwise).
[[nodiscard]] constexpr value_list<message_credential_type> allowed_message_credentials(binding_kind k) noexcept {
    if (k == binding_kind::basic_http) return detail::basic_http_message_credentials;
    if (k == binding_kind::custom) return {};
    return detail::all_message_credentials;
}

/// Transport client credential types a binding accepts (TcpClientCredentialType for netTcpBinding,
/// HttpClientCredentialType otherwise).
[[nodiscard]] constexpr value_list<transport_credential_type> allowed_transport_credentials(binding_kind k) noexcept {
    if (k == binding_kind::net_tcp) return detail::tcp_transport_credentials;
    if (k == binding_kind::ws_dual_http || k == binding_kind::custom) return {};
    return detail::http_transport_credentials;
}

namespace detail {
template <class E>
constexpr bool contains(value_list<E> s, E v) noexcept {
    return s.contains(v);
}
constexpr bool is_ws(binding_kind k, binding_kind which) noexcept { return k == which; }
constexpr bool streamed(transfer_mode t) noexcept { return t != transfer_mode::buffered; }
constexpr bool timeout_ok(timespan t) noexcept { return t.is_infinite() || (t >= timespan{} && t <= max_wait); }
constexpr bool positive_interval(timespan t) noexcept { return t.is_infinite() || (t > timespan{} && t <= max_wait); }
constexpr bool has_custom_transport(binding_description const& d) noexcept {
    return d.stack.contains(custom_element::http_transport) || d.stack.contains(custom_element::https_transport);
}
constexpr bool mode_ok(binding_description const& d, binding_kind k) noexcept {
    return d.kind != k || contains(allowed_security_modes(k), d.security.mode);
}
constexpr bool buffered_size_ok(binding_description const& d, binding_kind k) noexcept {
    if (d.kind != k || d.transport.transfer != transfer_mode::buffered || !d.transport.max_buffer_size) return true;
    if (k == binding_kind::custom && !has_custom_transport(d)) return true;
    return *d.transport.max_buffer_size == d.transport.max_received_message_size;
}
constexpr bool streamed_size_ok(binding_description const& d, binding_kind k) noexcept {
    if (d.kind != k || d.transport.transfer == transfer_mode::buffered) return true;
    if (k == binding_kind::custom && !has_custom_transport(d)) return true;
    return effective_max_buffer_size(d.transport) <= d.transport.max_received_message_size;
}
constexpr bool mixed_mode_ok(binding_description const& d, binding_kind k) noexcept {
    return d.kind != k || d.security.mode != security_mode::transport_with_message_credential ||
           d.security.message.client_credential_type != message_credential_type::none;
}
constexpr bool rm_needs_sc_ok(binding_description const& d, binding_kind k) noexcept {
    return d.kind != k || !d.reliable_session.enabled || d.security.message.establish_security_context ||
           (d.security.mode != security_mode::message && d.security.mode != security_mode::transport_with_message_credential);
}
constexpr bool rm_not_https_ok(binding_description const& d, binding_kind k) noexcept {
    return d.kind != k || !d.reliable_session.enabled || d.security.mode != security_mode::transport;
}
constexpr bool is_over_transport(authentication_mode m) noexcept {
    return m == authentication_mode::certificate_over_transport || m == authentication_mode::issued_token_over_transport ||
           m == authentication_mode::kerberos_over_transport || m == authentication_mode::user_name_over_transport ||
           m == authentication_mode::sspi_negotiated_over_transport;
}
/// The binding types the rules concern: a name starting with one of these prefixes concerns that
/// type only (see the file comment).
struct rule_name_prefix {
    std::string_view prefix;
    binding_kind kind;
};
inline constexpr rule_name_prefix rule_name_prefixes[] = {
    {"basic_http_", binding_kind::basic_http},     {"ws_http_", binding_kind::ws_http}, {"ws_2007_http_", binding_kind::ws_2007_http},
    {"ws_dual_http_", binding_kind::ws_dual_http}, {"net_tcp_", binding_kind::net_tcp}, {"custom_", binding_kind::custom}};

/// Whether a rule named `name` concerns binding type `k`.
constexpr bool rule_concerns(std::string_view name, binding_kind k) noexcept {
    for (auto const& p : rule_name_prefixes)
        if (name.substr(0, p.prefix.size()) == p.prefix) return p.kind == k;
    return true;
}

/// The rules that concern one binding type, in table order.
struct rule_selection {
    std::array<rule_id, rule_count> ids{};
    std::size_t size = 0;
    [[nodiscard]] constexpr rule_id const* begin() const noexcept { return ids.data(); }
    [[nodiscard]] constexpr rule_id const* end() const noexcept { return ids.data() + size; }
};

/// Per binding type (indexed by binding_kind), the rules that concern it.
inline constexpr auto rules_by_kind = [] {
    std::array<rule_selection, enum_size<binding_kind>> out{};
    for (std::size_t k = 0; k < out.size(); ++k)
        for (auto const& r : rule_table)
            if (rule_concerns(r.name, static_cast<binding_kind>(k))) out[k].ids[out[k].size++] = r.id;
    return out;
}();
static_assert(rules_by_kind[static_cast<std::size_t>(binding_kind::basic_http)].size < rule_count / 2,
              "a binding type is concerned by its own rules and the general ones only");

/// The condition of rule `id` for `d`, a binding of a type the rule concerns. Always inlined: where
/// `id` is a constant (violated_rules) the switch folds to that rule's condition.
[[nodiscard, gnu::always_inline]] constexpr bool rule_condition(rule_id id, binding_description const& d, security_element_info const& sec_element) noexcept {
    using detail::contains;
    auto const k = d.kind;
    auto const& sec = d.security;
    bool const custom = k == binding_kind::custom;
    switch (id) {
    case rule_id::basic_http_message_credential:
        return k != binding_kind::basic_http ||
               contains(allowed_message_credentials(k), sec.message.client_credential_type);
    case rule_id::basic_http_message_requires_certificate:
        return k != binding_kind::basic_http || sec.mode != security_mode::message ||
               sec.message.client_credential_type == message_credential_type::certificate;
    case rule_id::basic_http_credential_only_no_certificate:
        return k != binding_kind::basic_http || sec.mode != security_mode::transport_credential_only ||
               sec.transport.client_credential_type != transport_credential_type::certificate;
    case rule_id::ws_http_security_mode: return detail::mode_ok(d, binding_kind::ws_http);
    case rule_id::ws_2007_http_security_mode: return detail::mode_ok(d, binding_kind::ws_2007_http);
    case rule_id::ws_dual_http_security_mode: return detail::mode_ok(d, binding_kind::ws_dual_http);
    case rule_id::net_tcp_security_mode: return detail::mode_ok(d, binding_kind::net_tcp);
    case rule_id::net_tcp_transport_credential:
        return k != binding_kind::net_tcp || contains(allowed_transport_credentials(k), sec.transport.client_credential_type);
    case rule_id::net_tcp_ssl_protection_level:
        return k != binding_kind::net_tcp || sec.mode != security_mode::transport ||
               sec.transport.client_credential_type == transport_credential_type::windows ||
               sec.transport.protection == protection_level::encrypt_and_sign;
    case rule_id::ws_http_mixed_mode_credential: return detail::mixed_mode_ok(d, binding_kind::ws_http);
    case rule_id::ws_2007_http_mixed_mode_credential: return detail::mixed_mode_ok(d, binding_kind::ws_2007_http);
    case rule_id::net_tcp_mixed_mode_credential: return detail::mixed_mode_ok(d, binding_kind::net_tcp);
    case rule_id::ws_http_reliable_session_requires_secure_conversation: return detail::rm_needs_sc_ok(d, binding_kind::ws_http);
    case rule_id::ws_2007_http_reliable_session_requires_secure_conversation:
        return detail::rm_needs_sc_ok(d, binding_kind::ws_2007_http);
    case rule_id::ws_http_reliable_session_not_over_transport_security: return detail::rm_not_https_ok(d, binding_kind::ws_http);
    case rule_id::ws_2007_http_reliable_session_not_over_transport_security:
        return detail::rm_not_https_ok(d, binding_kind::ws_2007_http);
    case rule_id::net_tcp_reliable_session_buffered:
        return k != binding_kind::net_tcp || !d.reliable_session.enabled || !detail::streamed(d.transport.transfer);
    case rule_id::custom_reliable_session_buffered:
        return !custom || !d.stack.contains(custom_element::reliable_session) || !detail::has_custom_transport(d) ||
               !detail::streamed(d.transport.transfer);
    case rule_id::custom_reliable_session_manual_addressing:
        return !custom || !d.stack.contains(custom_element::reliable_session) || !detail::has_custom_transport(d) ||
               !d.transport.manual_addressing;
    case rule_id::basic_http_message_security_streaming:
        return k != binding_kind::basic_http || sec.mode != security_mode::message || !detail::streamed(d.transport.transfer);
    case rule_id::net_tcp_message_security_streaming:
        return k != binding_kind::net_tcp || sec.mode != security_mode::message || !detail::streamed(d.transport.transfer);
    case rule_id::custom_message_security_streaming: {
        if (!custom || !detail::has_custom_transport(d)) return true;
        auto const e = sec_element.kind;
        return (e != security_element_kind::symmetric && e != security_element_kind::asymmetric) ||
               !detail::streamed(d.transport.transfer);
    }
    case rule_id::custom_message_security_manual_addressing: {
        if (!custom || !detail::has_custom_transport(d)) return true;
        auto const e = sec_element.kind;
        return (e != security_element_kind::symmetric && e != security_element_kind::asymmetric) || !d.transport.manual_addressing;
    }
    case rule_id::basic_http_buffered_max_buffer_size: return detail::buffered_size_ok(d, binding_kind::basic_http);
    case rule_id::net_tcp_buffered_max_buffer_size: return detail::buffered_size_ok(d, binding_kind::net_tcp);
    case rule_id::custom_buffered_max_buffer_size: return detail::buffered_size_ok(d, binding_kind::custom);
    case rule_id::basic_http_streamed_max_buffer_size: return detail::streamed_size_ok(d, binding_kind::basic_http);
    case rule_id::net_tcp_streamed_max_buffer_size: return detail::streamed_size_ok(d, binding_kind::net_tcp);
    case rule_id::custom_streamed_max_buffer_size: return detail::streamed_size_ok(d, binding_kind::custom);
    case rule_id::buffered_max_received_message_size: {
        bool const always_buffered = k == binding_kind::ws_http || k == binding_kind::ws_2007_http || k == binding_kind::ws_dual_http;
        bool const buffered = always_buffered || d.transport.transfer == transfer_mode::buffered;
        return !buffered || d.transport.max_received_message_size <= std::numeric_limits<std::int32_t>::max();
    }
    case rule_id::proxy_address_with_default_proxy:
        if (k == binding_kind::net_tcp || (custom && !detail::has_custom_transport(d))) return true;
        return d.transport.proxy_address.empty() || !d.transport.use_default_web_proxy;
    case rule_id::client_inherited_from_host:
        return (k != binding_kind::basic_http && k != binding_kind::ws_http && k != binding_kind::ws_2007_http) ||
               (sec.mode != security_mode::transport && sec.mode != security_mode::transport_credential_only) ||
               sec.transport.client_credential_type != transport_credential_type::inherited_from_host;
    case rule_id::custom_transport_required: return !custom || detail::has_custom_transport(d);
    case rule_id::custom_transport_last: {
        if (!custom || !detail::has_custom_transport(d)) return true;
        auto const last = d.stack[d.stack.size() - 1];
        return last == custom_element::http_transport || last == custom_element::https_transport;
    }
    case rule_id::custom_unique_elements: {
        if (!custom) return true;
        for (auto e : d.stack)
            if (d.stack.count(e) > 1) return false;
        return !(d.stack.contains(custom_element::http_transport) && d.stack.contains(custom_element::https_transport));
    }
    case rule_id::custom_composite_duplex_needs_one_way:
        return !custom || !d.stack.contains(custom_element::composite_duplex) || !detail::has_custom_transport(d) ||
               (d.stack.contains(custom_element::one_way) &&
                d.stack.index_of(custom_element::one_way) > d.stack.index_of(custom_element::composite_duplex));
    case rule_id::custom_secure_conversation_needs_bootstrap:
        return !custom || !d.stack.contains(custom_element::security) ||
               d.security_element.mode != authentication_mode::secure_conversation ||
               d.security_element.secure_conversation_bootstrap.has_value();
    case rule_id::custom_bootstrap_not_secure_conversation:
        return !custom || !d.stack.contains(custom_element::security) ||
               d.security_element.mode != authentication_mode::secure_conversation ||
               !d.security_element.secure_conversation_bootstrap ||
               d.security_element.secure_conversation_bootstrap->mode != authentication_mode::secure_conversation;
    case rule_id::custom_issued_token_symmetric_key:
        return !custom || !d.stack.contains(custom_element::security) ||
               d.security_element.mode != authentication_mode::issued_token ||
               d.security_element.issued_token_parameters.key_type == issued_security_token_key_type::symmetric_key;
    case rule_id::custom_encrypted_key_needs_wss11: {
        if (!custom || !d.stack.contains(custom_element::security)) return true;
        auto const& e = sec_element;
        if (e.secure_conversation) return true; // checked on the bootstrap by WCF at negotiation; not modelled here
        return e.kind != security_element_kind::symmetric || e.protection.kind != token_kind::x509 ||
               !is_ws_security_10(e.version);
    }
    case rule_id::custom_thumbprint_needs_wss11: {
        if (!custom || !d.stack.contains(custom_element::security)) return true;
        auto const& e = sec_element;
        if (!is_ws_security_10(e.version)) return true;
        for (token_spec const* t : {&e.protection, &e.initiator, &e.recipient, &e.endorsing})
            if (t->kind == token_kind::x509 && t->reference == x509_reference::thumbprint) return false;
        return true;
    }
    case rule_id::custom_over_transport_needs_https: {
        if (!custom || !d.stack.contains(custom_element::security) || !detail::has_custom_transport(d)) return true;
        auto const& s = d.security_element;
        auto const mode = s.mode == authentication_mode::secure_conversation && s.secure_conversation_bootstrap
                              ? s.secure_conversation_bootstrap->mode : s.mode;
        return !detail::is_over_transport(mode) || d.stack.contains(custom_element::https_transport) ||
               s.allow_insecure_transport.value_or(false);
    }
    case rule_id::timeouts_in_range:
        return detail::timeout_ok(d.timeouts.open_timeout) && detail::timeout_ok(d.timeouts.close_timeout) &&
               detail::timeout_ok(d.timeouts.send_timeout) && detail::timeout_ok(d.timeouts.receive_timeout);
    case rule_id::max_received_message_size_positive: return d.transport.max_received_message_size >= 1;
    case rule_id::reader_quotas_positive: {
        auto const& q = d.encoder.reader_quotas;
        return q.max_depth > 0 && q.max_string_content_length > 0 && q.max_array_length > 0 && q.max_bytes_per_read > 0 &&
               q.max_name_table_char_count > 0;
    }
    case rule_id::reliable_session_ranges: {
        auto const& r = d.reliable_session;
        return detail::positive_interval(r.inactivity_timeout) && detail::positive_interval(r.acknowledgement_interval) &&
               r.max_pending_channels >= 1 && r.max_pending_channels <= 16384 && r.max_transfer_window_size >= 1 &&
               r.max_transfer_window_size <= 4096 && r.max_retry_count >= 1;
    }
    }
    return true;
}

/// Per rule_side, one bit per rule of the table on exactly that side.
inline constexpr auto rules_by_side = [] {
    std::array<std::uint64_t, 3> out{};
    for (auto const& r : rule_table) out[static_cast<std::size_t>(r.side)] |= std::uint64_t{1} << static_cast<unsigned>(r.id);
    return out;
}();
} // namespace detail

/// Whether rule `id` holds for `d`, given `d`'s security element `sec_element` (= security_element_of(d)).
[[nodiscard]] constexpr bool rule_holds(rule_id id, binding_description const& d, security_element_info const& sec_element) noexcept {
    return !detail::rule_concerns(rule_of(id).name, d.kind) || detail::rule_condition(id, d, sec_element);
}

/// The rules a description violates, in table order (a fixed-capacity list; no allocation).
class rule_violations {
public:
    constexpr void push_back(rule const* r) noexcept { items_[size_++] = r; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr rule const* operator[](std::size_t i) const noexcept { return items_[i]; }
    [[nodiscard]] constexpr rule const* const* begin() const noexcept { return items_.data(); }
    [[nodiscard]] constexpr rule const* const* end() const noexcept { return items_.data() + size_; }

private:
    std::array<rule const*, sizeof(rule_table) / sizeof(rule_table[0])> items_{};
    std::size_t size_ = 0;
};

/// Whether rule `id` holds for `d` (rules that do not concern `d`'s binding type hold).
[[nodiscard]] constexpr bool rule_holds(rule_id id, binding_description const& d) noexcept {
    return rule_holds(id, d, security_element_of(d));
}

static_assert(rule_count <= 64, "rule_mask holds one bit per rule");

namespace detail {
/// violated_rules for a binding of type `K`: each rule's condition with its id a constant.
template <binding_kind K, std::size_t... I>
constexpr std::uint64_t violated_rules_of(binding_description const& d, security_element_info const& e,
                                          std::index_sequence<I...>) noexcept {
    constexpr auto const& rules = rules_by_kind[static_cast<std::size_t>(K)];
    return ((rule_condition(rules.ids[I], d, e) ? std::uint64_t{0} : std::uint64_t{1} << static_cast<unsigned>(rules.ids[I])) | ... |
            std::uint64_t{0});
}
template <binding_kind K>
constexpr std::uint64_t violated_rules_of(binding_description const& d, security_element_info const& e) noexcept {
    return violated_rules_of<K>(d, e, std::make_index_sequence<rules_by_kind[static_cast<std::size_t>(K)].size>{});
}
} // namespace detail

/// One bit per violated rule of every side, given `e` = security_element_of(d) (one evaluation of
/// the rules that concern `d`'s binding type, to be split with `rules_on_side`).
[[nodiscard]] constexpr std::uint64_t violated_rules(binding_description const& d, security_element_info const& e) noexcept {
    switch (d.kind) {
    case binding_kind::basic_http: return detail::violated_rules_of<binding_kind::basic_http>(d, e);
    case binding_kind::ws_http: return detail::violated_rules_of<binding_kind::ws_http>(d, e);
    case binding_kind::ws_2007_http: return detail::violated_rules_of<binding_kind::ws_2007_http>(d, e);
    case binding_kind::ws_dual_http: return detail::violated_rules_of<binding_kind::ws_dual_http>(d, e);
    case binding_kind::net_tcp: return detail::violated_rules_of<binding_kind::net_tcp>(d, e);
    case binding_kind::custom: return detail::violated_rules_of<binding_kind::custom>(d, e);
    }
    return 0;
}

/// One bit per rule of the table whose side is exactly `side`.
[[nodiscard]] constexpr std::uint64_t rules_on_side(rule_side side) noexcept {
    return detail::rules_by_side[static_cast<std::size_t>(side)];
}

/// One bit per violated rule of `side` (and of `rule_side::any`), bit i for rule_table[i], given
/// `e` = security_element_of(d). Only the rules that concern `d`'s binding type are evaluated.
[[nodiscard]] constexpr std::uint64_t rule_mask(binding_description const& d, security_element_info const& e,
                                                rule_side side = rule_side::any) noexcept {
    return violated_rules(d, e) & (rules_on_side(rule_side::any) | rules_on_side(side));
}

/// One bit per violated rule of `side` (and of `rule_side::any`), bit i for rule_table[i].
[[nodiscard]] constexpr std::uint64_t rule_mask(binding_description const& d, rule_side side = rule_side::any) noexcept {
    return rule_mask(d, security_element_of(d), side);
}

/// Every rule of `side` (and of `rule_side::any`) that `d` violates, in table order.
[[nodiscard]] constexpr rule_violations validate(binding_description const& d, rule_side side = rule_side::any) noexcept {
    auto const mask = rule_mask(d, side);
    rule_violations out;
    for (auto const& r : rule_table)
        if ((mask >> static_cast<unsigned>(r.id)) & 1u) out.push_back(&r);
    return out;
}

/// Whether `d` satisfies every rule of `side` (usable in constant expressions).
[[nodiscard]] constexpr bool is_valid(binding_description const& d, rule_side side = rule_side::any) noexcept {
    return rule_mask(d, side) == 0;
}

} // namespace wsbind

#endif
