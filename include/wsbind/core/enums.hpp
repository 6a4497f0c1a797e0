// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_ENUMS_HPP
#define WSBIND_CORE_ENUMS_HPP

/// \file
/// The enumerations of WCF's binding model, with their configuration names (see enum_names.hpp).
/// Enumerators are in .NET's declaration order; names are exactly what .NET's configuration
/// system accepts (case-sensitive) and prints.

#include <wsbind/core/enum_names.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace wsbind {

/// Security mode of a standard binding. .NET has one enum per binding (SecurityMode, BasicHttpSecurityMode,
/// WSDualHttpSecurityMode); wsbind has one, and the rule table says which modes each binding accepts.
enum class security_mode : std::uint8_t { none, transport, message, transport_with_message_credential, transport_credential_only };

/// `<security><message clientCredentialType>`. basicHttpBinding accepts UserName and Certificate only (BasicHttpMessageCredentialType).
enum class message_credential_type : std::uint8_t { none, windows, user_name, certificate, issued_token };

/// `<security><transport clientCredentialType>`. netTcpBinding accepts None, Windows and Certificate (TcpClientCredentialType).
enum class transport_credential_type : std::uint8_t { none, basic, digest, ntlm, windows, certificate, inherited_from_host };

/// `<security><transport proxyCredentialType>`.
enum class proxy_credential_type : std::uint8_t { none, basic, digest, ntlm, windows };

/// netTcpBinding `<security><transport protectionLevel>`.
enum class protection_level : std::uint8_t { none, sign, encrypt_and_sign };

/// Security algorithm suite, by its configuration name. `default_suite` is WCF's `Default` (= Basic256).
enum class algorithm_suite : std::uint8_t { default_suite, basic256, basic192, basic128, triple_des, basic256_rsa15, basic192_rsa15, basic128_rsa15, triple_des_rsa15, basic256_sha256, basic192_sha256, basic128_sha256, triple_des_sha256, basic256_sha256_rsa15, basic192_sha256_rsa15, basic128_sha256_rsa15, triple_des_sha256_rsa15 };

/// MessageSecurityVersion by configuration name. .NET's `Default` is the first one
/// (WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11); the configuration
/// layer maps the name `Default` to it.
enum class message_security_version : std::uint8_t { wss11_trust_feb2005_sc_feb2005_sp11, wss10_trust_feb2005_sc_feb2005_sp11_bsp10, wss11_trust_feb2005_sc_feb2005_sp11_bsp10, wss10_trust13_sc13_sp12_bsp10, wss11_trust13_sc13_sp12, wss11_trust13_sc13_sp12_bsp10 };

/// ReliableMessagingVersion. `Default` in configuration is WSReliableMessagingFebruary2005.
enum class reliable_messaging_version : std::uint8_t { ws_reliable_messaging_february_2005, ws_reliable_messaging_11 };

/// MessageVersion of an encoder. `Default` in configuration is Soap12WSAddressing10.
enum class message_version : std::uint8_t { soap11_ws_addressing10, soap12_ws_addressing10, soap11_ws_addressing_august2004, soap12_ws_addressing_august2004, soap11, soap12, none };

/// `messageEncoding` of the HTTP standard bindings.
enum class message_encoding : std::uint8_t { text, mtom };

/// Text encodings WCF's text and MTOM encoders accept (by WebName): UTF-8, UTF-16LE and UTF-16BE.
enum class text_encoding : std::uint8_t { utf8, utf16, unicode_fffe };

/// TransferMode of HTTP and TCP transports.
enum class transfer_mode : std::uint8_t { buffered, streamed, streamed_request, streamed_response };

/// HostNameComparisonMode.
enum class host_name_comparison_mode : std::uint8_t { strong_wildcard, exact, weak_wildcard };

/// customBinding `<security authenticationMode>`.
enum class authentication_mode : std::uint8_t { anonymous_for_certificate, anonymous_for_ssl_negotiated, certificate_over_transport, issued_token, issued_token_for_certificate, issued_token_for_ssl_negotiated, issued_token_over_transport, kerberos, kerberos_over_transport, mutual_certificate, mutual_certificate_duplex, mutual_ssl_negotiated, secure_conversation, sspi_negotiated, user_name_for_certificate, user_name_for_ssl_negotiated, user_name_over_transport, sspi_negotiated_over_transport };

/// SecurityKeyEntropyMode.
enum class security_key_entropy_mode : std::uint8_t { client_entropy, server_entropy, combined_entropy };

/// MessageProtectionOrder.
enum class message_protection_order : std::uint8_t { sign_before_encrypt, sign_before_encrypt_and_encrypt_signature, encrypt_before_sign };

/// SecurityHeaderLayout.
enum class security_header_layout : std::uint8_t { strict, lax, lax_timestamp_first, lax_timestamp_last };

/// extendedProtectionPolicy `policyEnforcement`.
enum class policy_enforcement : std::uint8_t { never, when_supported, always };

/// extendedProtectionPolicy `protectionScenario`.
enum class protection_scenario : std::uint8_t { transport_selected, trusted_proxy };

/// netTcpBinding `transactionProtocol`.
enum class transaction_protocol : std::uint8_t { ole_transactions, ws_atomic_transaction_october2004, ws_atomic_transaction11 };

/// `<issuedTokenParameters keyType>`.
enum class issued_security_token_key_type : std::uint8_t { symmetric_key, asymmetric_key, bearer_key };



template <>
struct enum_info<security_mode> {
    static constexpr std::string_view type_name = "SecurityMode";
    static constexpr enum_entry<security_mode> entries[] = {
        {security_mode::none, "None"},
        {security_mode::transport, "Transport"},
        {security_mode::message, "Message"},
        {security_mode::transport_with_message_credential, "TransportWithMessageCredential"},
        {security_mode::transport_credential_only, "TransportCredentialOnly"}};
};

template <>
struct enum_info<message_credential_type> {
    static constexpr std::string_view type_name = "MessageCredentialType";
    static constexpr enum_entry<message_credential_type> entries[] = {
        {message_credential_type::none, "None"},
        {message_credential_type::windows, "Windows"},
        {message_credential_type::user_name, "UserName"},
        {message_credential_type::certificate, "Certificate"},
        {message_credential_type::issued_token, "IssuedToken"}};
};

template <>
struct enum_info<transport_credential_type> {
    static constexpr std::string_view type_name = "HttpClientCredentialType";
    static constexpr enum_entry<transport_credential_type> entries[] = {
        {transport_credential_type::none, "None"},
        {transport_credential_type::basic, "Basic"},
        {transport_credential_type::digest, "Digest"},
        {transport_credential_type::ntlm, "Ntlm"},
        {transport_credential_type::windows, "Windows"},
        {transport_credential_type::certificate, "Certificate"},
        {transport_credential_type::inherited_from_host, "InheritedFromHost"}};
};

template <>
struct enum_info<proxy_credential_type> {
    static constexpr std::string_view type_name = "HttpProxyCredentialType";
    static constexpr enum_entry<proxy_credential_type> entries[] = {
        {proxy_credential_type::none, "None"},
        {proxy_credential_type::basic, "Basic"},
        {proxy_credential_type::digest, "Digest"},
        {proxy_credential_type::ntlm, "Ntlm"},
        {proxy_credential_type::windows, "Windows"}};
};

template <>
struct enum_info<protection_level> {
    static constexpr std::string_view type_name = "ProtectionLevel";
    static constexpr enum_entry<protection_level> entries[] = {
        {protection_level::none, "None"},
        {protection_level::sign, "Sign"},
        {protection_level::encrypt_and_sign, "EncryptAndSign"}};
};

template <>
struct enum_info<algorithm_suite> {
    static constexpr std::string_view type_name = "SecurityAlgorithmSuite";
    static constexpr enum_entry<algorithm_suite> entries[] = {
        {algorithm_suite::default_suite, "Default"},
        {algorithm_suite::basic256, "Basic256"},
        {algorithm_suite::basic192, "Basic192"},
        {algorithm_suite::basic128, "Basic128"},
        {algorithm_suite::triple_des, "TripleDes"},
        {algorithm_suite::basic256_rsa15, "Basic256Rsa15"},
        {algorithm_suite::basic192_rsa15, "Basic192Rsa15"},
        {algorithm_suite::basic128_rsa15, "Basic128Rsa15"},
        {algorithm_suite::triple_des_rsa15, "TripleDesRsa15"},
        {algorithm_suite::basic256_sha256, "Basic256Sha256"},
        {algorithm_suite::basic192_sha256, "Basic192Sha256"},
        {algorithm_suite::basic128_sha256, "Basic128Sha256"},
        {algorithm_suite::triple_des_sha256, "TripleDesSha256"},
        {algorithm_suite::basic256_sha256_rsa15, "Basic256Sha256Rsa15"},
        {algorithm_suite::basic192_sha256_rsa15, "Basic192Sha256Rsa15"},
        {algorithm_suite::basic128_sha256_rsa15, "Basic128Sha256Rsa15"},
        {algorithm_suite::triple_des_sha256_rsa15, "TripleDesSha256Rsa15"}};
};

template <>
struct enum_info<message_security_version> {
    static constexpr std::string_view type_name = "MessageSecurityVersion";
    static constexpr enum_entry<message_security_version> entries[] = {
        {message_security_version::wss11_trust_feb2005_sc_feb2005_sp11, "WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11"},
        {message_security_version::wss10_trust_feb2005_sc_feb2005_sp11_bsp10, "WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10"},
        {message_security_version::wss11_trust_feb2005_sc_feb2005_sp11_bsp10, "WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10"},
        {message_security_version::wss10_trust13_sc13_sp12_bsp10, "WSSecurity10WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10"},
        {message_security_version::wss11_trust13_sc13_sp12, "WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12"},
        {message_security_version::wss11_trust13_sc13_sp12_bsp10, "WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10"}};
};

template <>
struct enum_info<reliable_messaging_version> {
    static constexpr std::string_view type_name = "ReliableMessagingVersion";
    static constexpr enum_entry<reliable_messaging_version> entries[] = {
        {reliable_messaging_version::ws_reliable_messaging_february_2005, "WSReliableMessagingFebruary2005"},
        {reliable_messaging_version::ws_reliable_messaging_11, "WSReliableMessaging11"}};
};

template <>
struct enum_info<message_version> {
    static constexpr std::string_view type_name = "MessageVersion";
    static constexpr enum_entry<message_version> entries[] = {
        {message_version::soap11_ws_addressing10, "Soap11WSAddressing10"},
        {message_version::soap12_ws_addressing10, "Soap12WSAddressing10"},
        {message_version::soap11_ws_addressing_august2004, "Soap11WSAddressingAugust2004"},
        {message_version::soap12_ws_addressing_august2004, "Soap12WSAddressingAugust2004"},
        {message_version::soap11, "Soap11"},
        {message_version::soap12, "Soap12"},
        {message_version::none, "None"}};
};

template <>
struct enum_info<message_encoding> {
    static constexpr std::string_view type_name = "WSMessageEncoding";
    static constexpr enum_entry<message_encoding> entries[] = {
        {message_encoding::text, "Text"},
        {message_encoding::mtom, "Mtom"}};
};

template <>
struct enum_info<text_encoding> {
    static constexpr std::string_view type_name = "Encoding";
    static constexpr enum_entry<text_encoding> entries[] = {
        {text_encoding::utf8, "utf-8"},
        {text_encoding::utf16, "utf-16"},
        {text_encoding::unicode_fffe, "unicodeFFFE"}};
};

template <>
struct enum_info<transfer_mode> {
    static constexpr std::string_view type_name = "TransferMode";
    static constexpr enum_entry<transfer_mode> entries[] = {
        {transfer_mode::buffered, "Buffered"},
        {transfer_mode::streamed, "Streamed"},
        {transfer_mode::streamed_request, "StreamedRequest"},
        {transfer_mode::streamed_response, "StreamedResponse"}};
};

template <>
struct enum_info<host_name_comparison_mode> {
    static constexpr std::string_view type_name = "HostNameComparisonMode";
    static constexpr enum_entry<host_name_comparison_mode> entries[] = {
        {host_name_comparison_mode::strong_wildcard, "StrongWildcard"},
        {host_name_comparison_mode::exact, "Exact"},
        {host_name_comparison_mode::weak_wildcard, "WeakWildcard"}};
};

template <>
struct enum_info<authentication_mode> {
    static constexpr std::string_view type_name = "AuthenticationMode";
    static constexpr enum_entry<authentication_mode> entries[] = {
        {authentication_mode::anonymous_for_certificate, "AnonymousForCertificate"},
        {authentication_mode::anonymous_for_ssl_negotiated, "AnonymousForSslNegotiated"},
        {authentication_mode::certificate_over_transport, "CertificateOverTransport"},
        {authentication_mode::issued_token, "IssuedToken"},
        {authentication_mode::issued_token_for_certificate, "IssuedTokenForCertificate"},
        {authentication_mode::issued_token_for_ssl_negotiated, "IssuedTokenForSslNegotiated"},
        {authentication_mode::issued_token_over_transport, "IssuedTokenOverTransport"},
        {authentication_mode::kerberos, "Kerberos"},
        {authentication_mode::kerberos_over_transport, "KerberosOverTransport"},
        {authentication_mode::mutual_certificate, "MutualCertificate"},
        {authentication_mode::mutual_certificate_duplex, "MutualCertificateDuplex"},
        {authentication_mode::mutual_ssl_negotiated, "MutualSslNegotiated"},
        {authentication_mode::secure_conversation, "SecureConversation"},
        {authentication_mode::sspi_negotiated, "SspiNegotiated"},
        {authentication_mode::user_name_for_certificate, "UserNameForCertificate"},
        {authentication_mode::user_name_for_ssl_negotiated, "UserNameForSslNegotiated"},
        {authentication_mode::user_name_over_transport, "UserNameOverTransport"},
        {authentication_mode::sspi_negotiated_over_transport, "SspiNegotiatedOverTransport"}};
};

template <>
struct enum_info<security_key_entropy_mode> {
    static constexpr std::string_view type_name = "SecurityKeyEntropyMode";
    static constexpr enum_entry<security_key_entropy_mode> entries[] = {
        {security_key_entropy_mode::client_entropy, "ClientEntropy"},
        {security_key_entropy_mode::server_entropy, "ServerEntropy"},
        {security_key_entropy_mode::combined_entropy, "CombinedEntropy"}};
};

template <>
struct enum_info<message_protection_order> {
    static constexpr std::string_view type_name = "MessageProtectionOrder";
    static constexpr enum_entry<message_protection_order> entries[] = {
        {message_protection_order::sign_before_encrypt, "SignBeforeEncrypt"},
        {message_protection_order::sign_before_encrypt_and_encrypt_signature, "SignBeforeEncryptAndEncryptSignature"},
        {message_protection_order::encrypt_before_sign, "EncryptBeforeSign"}};
};

template <>
struct enum_info<security_header_layout> {
    static constexpr std::string_view type_name = "SecurityHeaderLayout";
    static constexpr enum_entry<security_header_layout> entries[] = {
        {security_header_layout::strict, "Strict"},
        {security_header_layout::lax, "Lax"},
        {security_header_layout::lax_timestamp_first, "LaxTimestampFirst"},
        {security_header_layout::lax_timestamp_last, "LaxTimestampLast"}};
};

template <>
struct enum_info<policy_enforcement> {
    static constexpr std::string_view type_name = "PolicyEnforcement";
    static constexpr enum_entry<policy_enforcement> entries[] = {
        {policy_enforcement::never, "Never"},
        {policy_enforcement::when_supported, "WhenSupported"},
        {policy_enforcement::always, "Always"}};
};

template <>
struct enum_info<protection_scenario> {
    static constexpr std::string_view type_name = "ProtectionScenario";
    static constexpr enum_entry<protection_scenario> entries[] = {
        {protection_scenario::transport_selected, "TransportSelected"},
        {protection_scenario::trusted_proxy, "TrustedProxy"}};
};

template <>
struct enum_info<transaction_protocol> {
    static constexpr std::string_view type_name = "TransactionProtocol";
    static constexpr enum_entry<transaction_protocol> entries[] = {
        {transaction_protocol::ole_transactions, "OleTransactions"},
        {transaction_protocol::ws_atomic_transaction_october2004, "WSAtomicTransactionOctober2004"},
        {transaction_protocol::ws_atomic_transaction11, "WSAtomicTransaction11"}};
};

template <>
struct enum_info<issued_security_token_key_type> {
    static constexpr std::string_view type_name = "SecurityKeyType";
    static constexpr enum_entry<issued_security_token_key_type> entries[] = {
        {issued_security_token_key_type::symmetric_key, "SymmetricKey"},
        {issued_security_token_key_type::asymmetric_key, "AsymmetricKey"},
        {issued_security_token_key_type::bearer_key, "BearerKey"}};
};


/// The standard and custom bindings wsbind models, by their configuration section name.
enum class binding_kind : std::uint8_t {
    basic_http, ws_http, ws_2007_http, ws_dual_http, net_tcp, custom
};

template <>
struct enum_info<binding_kind> {
    static constexpr std::string_view type_name = "binding";
    static constexpr enum_entry<binding_kind> entries[] = {
        {binding_kind::basic_http, "basicHttpBinding"},
        {binding_kind::ws_http, "wsHttpBinding"},
        {binding_kind::ws_2007_http, "ws2007HttpBinding"},
        {binding_kind::ws_dual_http, "wsDualHttpBinding"},
        {binding_kind::net_tcp, "netTcpBinding"},
        {binding_kind::custom, "customBinding"}};
};

/// HTTP authentication schemes (System.Net.AuthenticationSchemes), a flags enumeration.
enum class authentication_schemes : std::uint16_t {
    none = 0, digest = 1, negotiate = 2, ntlm = 4, integrated_windows_authentication = 6,
    basic = 8, anonymous = 0x8000
};

template <>
struct enum_info<authentication_schemes> {
    static constexpr std::string_view type_name = "AuthenticationSchemes";
    static constexpr enum_entry<authentication_schemes> entries[] = {
        {authentication_schemes::none, "None"},
        {authentication_schemes::digest, "Digest"},
        {authentication_schemes::negotiate, "Negotiate"},
        {authentication_schemes::ntlm, "Ntlm"},
        {authentication_schemes::integrated_windows_authentication, "IntegratedWindowsAuthentication"},
        {authentication_schemes::basic, "Basic"},
        {authentication_schemes::anonymous, "Anonymous"}};
};

constexpr authentication_schemes operator|(authentication_schemes a, authentication_schemes b) noexcept {
    return static_cast<authentication_schemes>(static_cast<std::uint16_t>(a) | static_cast<std::uint16_t>(b));
}
constexpr authentication_schemes operator&(authentication_schemes a, authentication_schemes b) noexcept {
    return static_cast<authentication_schemes>(static_cast<std::uint16_t>(a) & static_cast<std::uint16_t>(b));
}

/// TLS protocol versions (System.Security.Authentication.SslProtocols), a flags enumeration;
/// netTcpBinding `<security><transport sslProtocols>`.
enum class ssl_protocols : std::uint16_t {
    none = 0, ssl2 = 12, ssl3 = 48, tls = 192, default_protocols = 240, tls11 = 768, tls12 = 3072, tls13 = 12288
};

template <>
struct enum_info<ssl_protocols> {
    static constexpr std::string_view type_name = "SslProtocols";
    static constexpr enum_entry<ssl_protocols> entries[] = {
        {ssl_protocols::none, "None"},
        {ssl_protocols::ssl2, "Ssl2"},
        {ssl_protocols::ssl3, "Ssl3"},
        {ssl_protocols::tls, "Tls"},
        {ssl_protocols::default_protocols, "Default"},
        {ssl_protocols::tls11, "Tls11"},
        {ssl_protocols::tls12, "Tls12"},
        {ssl_protocols::tls13, "Tls13"}};
};

constexpr ssl_protocols operator|(ssl_protocols a, ssl_protocols b) noexcept {
    return static_cast<ssl_protocols>(static_cast<std::uint16_t>(a) | static_cast<std::uint16_t>(b));
}
constexpr ssl_protocols operator&(ssl_protocols a, ssl_protocols b) noexcept {
    return static_cast<ssl_protocols>(static_cast<std::uint16_t>(a) & static_cast<std::uint16_t>(b));
}

} // namespace wsbind

#endif
