// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_CONFIG_SCHEMA_HPP
#define WSBIND_CONFIG_CONFIG_SCHEMA_HPP

/// \file
/// The attribute tables of the configuration elements that are not bindings: `<serviceCredentials>`,
/// `<clientCredentials>`, endpoints, `<identity>`, `<service>` and `<host>`. (Bindings use core's
/// `binding_schema`.) One table per element serves the reader, the writer and `resolve --json`:
/// paths are relative to the element, attribute last; a path ending in '/' marks an optional
/// child element whose presence matters (reading it sets the marker; the writer emits it).

#include <wsbind/config/model.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/core/schema.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace wsbind::config {

/// One attribute (or presence marker) of a configuration element of type Root.
template <class Root>
struct field_def {
    using root_type = Root;
    std::string_view path;
    value_spec spec;
    setting_value (*get)(Root const&) = nullptr;
    void (*set)(Root&, setting_value const&) = nullptr;
    bool required = false;  ///< IsRequired in .NET (absent ⇒ Config_base_required_attribute_missing)
    /// Attributes of a certificate reference: whether the reference is looked up (`specified`).
    /// The writer never writes attributes of a reference that is not, since writing them would
    /// make WCF look it up.
    bool (*present)(Root const&) = nullptr;
    /// String attributes: stores the text as written (what `set` does with a string value,
    /// without the intermediate copy); nullptr for other attributes.
    void (*set_string)(Root&, std::string_view) = nullptr;

    [[nodiscard]] constexpr bool is_marker() const noexcept { return !path.empty() && path.back() == '/'; }
};

namespace detail {

template <class T> struct is_std_optional : std::false_type {};
template <class T> struct is_std_optional<std::optional<T>> : std::true_type {};

template <class V>
inline V const default_of{};

template <auto M, auto... Ms, class Obj>
decltype(auto) read_path(Obj const& o) {
    auto const& m = o.*M;
    using Mt = std::remove_cvref_t<decltype(m)>;
    if constexpr (is_std_optional<Mt>::value) {
        auto const& v = m ? *m : default_of<typename Mt::value_type>;
        if constexpr (sizeof...(Ms) == 0) return (v);
        else return read_path<Ms...>(v);
    } else {
        if constexpr (sizeof...(Ms) == 0) return (m);
        else return read_path<Ms...>(m);
    }
}

template <auto M, auto... Ms, class Obj>
decltype(auto) write_path(Obj& o) {
    auto& m = o.*M;
    using Mt = std::remove_cvref_t<decltype(m)>;
    if constexpr (is_std_optional<Mt>::value) {
        if (!m) m.emplace();
        if constexpr (sizeof...(Ms) == 0) return (*m);
        else return write_path<Ms...>(*m);
    } else {
        if constexpr (sizeof...(Ms) == 0) return (m);
        else return write_path<Ms...>(m);
    }
}

template <class T>
constexpr value_spec spec_for() {
    value_spec s;
    if constexpr (std::is_same_v<T, bool>) { s.kind = value_kind::boolean; s.min = 0; s.max = 1; }
    else if constexpr (std::is_same_v<T, std::int32_t>) {
        s.kind = value_kind::int32;
        s.min = std::numeric_limits<std::int32_t>::min();
        s.max = std::numeric_limits<std::int32_t>::max();
    } else if constexpr (std::is_same_v<T, timespan>) {
        s.kind = value_kind::timespan;
        s.min = 0;
        s.max = max_wait.ticks();
    } else if constexpr (std::is_same_v<T, std::string>) {
        s.kind = value_kind::string;
    } else {
        static_assert(wcf_enum<T>, "config_schema: unsupported attribute type");
        s.kind = value_kind::enumeration;
        s.enums = &wsbind::detail::enum_table_for<T>;
    }
    return s;
}

template <class T>
setting_value to_setting(T const& v) {
    setting_value out;
    if constexpr (std::is_same_v<T, std::string>) out.string = text(v);
    else if constexpr (std::is_same_v<T, timespan>) out.number = v.ticks();
    else out.number = static_cast<std::int64_t>(v);
    return out;
}

template <class T>
T from_setting(setting_value const& v) {
    if constexpr (std::is_same_v<T, std::string>) return std::string(v.string.view());
    else if constexpr (std::is_same_v<T, timespan>) return timespan::from_ticks(v.number);
    else if constexpr (std::is_same_v<T, bool>) return v.number != 0;
    else return static_cast<T>(v.number);
}

/// The attribute stored at Root.*M1.*M2... (optionals along the way are created on write).
template <class Root, auto... Ms>
constexpr field_def<Root> member(std::string_view path) {
    using leaf = std::remove_cvref_t<decltype(read_path<Ms...>(std::declval<Root const&>()))>;
    field_def<Root> f;
    f.path = path;
    f.spec = spec_for<leaf>();
    f.get = [](Root const& r) { return to_setting<leaf>(read_path<Ms...>(r)); };
    f.set = [](Root& r, setting_value const& v) { write_path<Ms...>(r) = from_setting<leaf>(v); };
    if constexpr (std::is_same_v<leaf, std::string>)
        f.set_string = [](Root& r, std::string_view v) { write_path<Ms...>(r).assign(v); };
    return f;
}

/// An attribute of a certificate reference: writing it marks the reference `specified`.
template <class Root, auto Cert, auto Field>
constexpr field_def<Root> certificate_member(std::string_view path) {
    using leaf = std::remove_cvref_t<decltype(std::declval<certificate_reference_config const&>().*Field)>;
    field_def<Root> f;
    f.path = path;
    f.spec = spec_for<leaf>();
    f.get = [](Root const& r) { return to_setting<leaf>((r.*Cert).*Field); };
    f.set = [](Root& r, setting_value const& v) {
        (r.*Cert).*Field = from_setting<leaf>(v);
        (r.*Cert).specified = true;
    };
    if constexpr (std::is_same_v<leaf, std::string>)
        f.set_string = [](Root& r, std::string_view v) {
            ((r.*Cert).*Field).assign(v);
            (r.*Cert).specified = true;
        };
    f.present = [](Root const& r) { return (r.*Cert).specified; };
    return f;
}

template <class Root>
constexpr field_def<Root> with_min(field_def<Root> f, std::int64_t min) {
    f.spec.min = min;
    return f;
}
template <class Root>
constexpr field_def<Root> as_uri(field_def<Root> f) {
    f.spec.uri = true;
    return f;
}
template <class Root>
constexpr field_def<Root> as_required(field_def<Root> f) {
    f.required = true;
    return f;
}

using SC = service_credentials_config;
using CC = client_credentials_config;
using CR = certificate_reference_config;
using CA = certificate_authentication_config;
using UN = user_name_authentication_config;
using WA = windows_authentication_config;
using IT = issued_token_authentication_config;

} // namespace detail

/// `<serviceCredentials>` (ServiceCredentialsElement and children), paths relative to it.
inline constexpr std::array<field_def<service_credentials_config>, 36> service_credentials_schema{{
    detail::member<detail::SC, &detail::SC::type>("type"),
    detail::member<detail::SC, &detail::SC::use_identity_configuration>("useIdentityConfiguration"),
    detail::member<detail::SC, &detail::SC::identity_configuration>("identityConfiguration"),
    detail::certificate_member<detail::SC, &detail::SC::service_certificate, &detail::CR::find_value>("serviceCertificate/findValue"),
    detail::certificate_member<detail::SC, &detail::SC::service_certificate, &detail::CR::location>("serviceCertificate/storeLocation"),
    detail::certificate_member<detail::SC, &detail::SC::service_certificate, &detail::CR::name>("serviceCertificate/storeName"),
    detail::certificate_member<detail::SC, &detail::SC::service_certificate, &detail::CR::find_type>("serviceCertificate/x509FindType"),
    detail::certificate_member<detail::SC, &detail::SC::client_certificate, &detail::CR::find_value>("clientCertificate/certificate/findValue"),
    detail::certificate_member<detail::SC, &detail::SC::client_certificate, &detail::CR::location>("clientCertificate/certificate/storeLocation"),
    detail::certificate_member<detail::SC, &detail::SC::client_certificate, &detail::CR::name>("clientCertificate/certificate/storeName"),
    detail::certificate_member<detail::SC, &detail::SC::client_certificate, &detail::CR::find_type>("clientCertificate/certificate/x509FindType"),
    detail::member<detail::SC, &detail::SC::client_certificate_authentication, &detail::CA::validation_mode>("clientCertificate/authentication/certificateValidationMode"),
    detail::member<detail::SC, &detail::SC::client_certificate_authentication, &detail::CA::revocation>("clientCertificate/authentication/revocationMode"),
    detail::member<detail::SC, &detail::SC::client_certificate_authentication, &detail::CA::trusted_store_location>("clientCertificate/authentication/trustedStoreLocation"),
    detail::member<detail::SC, &detail::SC::client_certificate_authentication, &detail::CA::custom_certificate_validator_type>("clientCertificate/authentication/customCertificateValidatorType"),
    detail::member<detail::SC, &detail::SC::client_certificate_authentication, &detail::CA::include_windows_groups>("clientCertificate/authentication/includeWindowsGroups"),
    detail::member<detail::SC, &detail::SC::client_certificate_authentication, &detail::CA::map_client_certificate_to_windows_account>("clientCertificate/authentication/mapClientCertificateToWindowsAccount"),
    detail::member<detail::SC, &detail::SC::user_name_authentication, &detail::UN::validation_mode>("userNameAuthentication/userNamePasswordValidationMode"),
    detail::member<detail::SC, &detail::SC::user_name_authentication, &detail::UN::include_windows_groups>("userNameAuthentication/includeWindowsGroups"),
    detail::member<detail::SC, &detail::SC::user_name_authentication, &detail::UN::membership_provider_name>("userNameAuthentication/membershipProviderName"),
    detail::member<detail::SC, &detail::SC::user_name_authentication, &detail::UN::custom_user_name_password_validator_type>("userNameAuthentication/customUserNamePasswordValidatorType"),
    detail::member<detail::SC, &detail::SC::user_name_authentication, &detail::UN::cache_logon_tokens>("userNameAuthentication/cacheLogonTokens"),
    detail::with_min(detail::member<detail::SC, &detail::SC::user_name_authentication, &detail::UN::max_cached_logon_tokens>("userNameAuthentication/maxCachedLogonTokens"), 1),
    detail::with_min(detail::member<detail::SC, &detail::SC::user_name_authentication, &detail::UN::cached_logon_token_lifetime>("userNameAuthentication/cachedLogonTokenLifetime"), 1),
    detail::member<detail::SC, &detail::SC::windows_authentication, &detail::WA::include_windows_groups>("windowsAuthentication/includeWindowsGroups"),
    detail::member<detail::SC, &detail::SC::windows_authentication, &detail::WA::allow_anonymous_logons>("windowsAuthentication/allowAnonymousLogons"),
    detail::member<detail::SC, &detail::SC::issued_token_authentication, &detail::IT::audience_mode>("issuedTokenAuthentication/audienceUriMode"),
    detail::member<detail::SC, &detail::SC::issued_token_authentication, &detail::IT::validation_mode>("issuedTokenAuthentication/certificateValidationMode"),
    detail::member<detail::SC, &detail::SC::issued_token_authentication, &detail::IT::revocation>("issuedTokenAuthentication/revocationMode"),
    detail::member<detail::SC, &detail::SC::issued_token_authentication, &detail::IT::trusted_store_location>("issuedTokenAuthentication/trustedStoreLocation"),
    detail::member<detail::SC, &detail::SC::issued_token_authentication, &detail::IT::custom_certificate_validator_type>("issuedTokenAuthentication/customCertificateValidatorType"),
    detail::member<detail::SC, &detail::SC::issued_token_authentication, &detail::IT::saml_serializer_type>("issuedTokenAuthentication/samlSerializerType"),
    detail::member<detail::SC, &detail::SC::issued_token_authentication, &detail::IT::allow_untrusted_rsa_issuers>("issuedTokenAuthentication/allowUntrustedRsaIssuers"),
    detail::member<detail::SC, &detail::SC::security_state_encoder_type>("secureConversationAuthentication/securityStateEncoderType"),
    // Collections (read and written by the reader/writer; listed so their element names are known).
    {"issuedTokenAuthentication/knownCertificates/", {}, nullptr, nullptr, false, nullptr},
    {"issuedTokenAuthentication/allowedAudienceUris/", {}, nullptr, nullptr, false, nullptr},
}};

namespace detail {
inline constexpr field_def<CC> ssl_authentication_marker{
    "serviceCertificate/sslCertificateAuthentication/", {},
    [](CC const& c) { return setting_value{c.ssl_certificate_authentication.has_value() ? 1 : 0, {}}; },
    [](CC& c, setting_value const&) {
        if (!c.ssl_certificate_authentication)
            c.ssl_certificate_authentication = certificate_authentication_config::trusted_in(store_location::current_user);
    },
    false, nullptr};

template <auto Field>
constexpr field_def<CC> ssl_authentication_member(std::string_view path) {
    using leaf = std::remove_cvref_t<decltype(std::declval<CA const&>().*Field)>;
    field_def<CC> f;
    f.path = path;
    f.spec = spec_for<leaf>();
    f.get = [](CC const& c) {
        static CA const fallback = certificate_authentication_config::trusted_in(store_location::current_user);
        return to_setting<leaf>((c.ssl_certificate_authentication ? *c.ssl_certificate_authentication : fallback).*Field);
    };
    f.set = [](CC& c, setting_value const& v) {
        ssl_authentication_marker.set(c, v);
        (*c.ssl_certificate_authentication).*Field = from_setting<leaf>(v);
    };
    return f;
}
} // namespace detail

/// `<clientCredentials>` (ClientCredentialsElement and children), paths relative to it.
inline constexpr std::array<field_def<client_credentials_config>, 24> client_credentials_schema{{
    detail::member<detail::CC, &detail::CC::type>("type"),
    detail::member<detail::CC, &detail::CC::use_identity_configuration>("useIdentityConfiguration"),
    detail::member<detail::CC, &detail::CC::support_interactive>("supportInteractive"),
    detail::certificate_member<detail::CC, &detail::CC::client_certificate, &detail::CR::find_value>("clientCertificate/findValue"),
    detail::certificate_member<detail::CC, &detail::CC::client_certificate, &detail::CR::location>("clientCertificate/storeLocation"),
    detail::certificate_member<detail::CC, &detail::CC::client_certificate, &detail::CR::name>("clientCertificate/storeName"),
    detail::certificate_member<detail::CC, &detail::CC::client_certificate, &detail::CR::find_type>("clientCertificate/x509FindType"),
    detail::certificate_member<detail::CC, &detail::CC::default_service_certificate, &detail::CR::find_value>("serviceCertificate/defaultCertificate/findValue"),
    detail::certificate_member<detail::CC, &detail::CC::default_service_certificate, &detail::CR::location>("serviceCertificate/defaultCertificate/storeLocation"),
    detail::certificate_member<detail::CC, &detail::CC::default_service_certificate, &detail::CR::name>("serviceCertificate/defaultCertificate/storeName"),
    detail::certificate_member<detail::CC, &detail::CC::default_service_certificate, &detail::CR::find_type>("serviceCertificate/defaultCertificate/x509FindType"),
    detail::member<detail::CC, &detail::CC::service_certificate_authentication, &detail::CA::validation_mode>("serviceCertificate/authentication/certificateValidationMode"),
    detail::member<detail::CC, &detail::CC::service_certificate_authentication, &detail::CA::revocation>("serviceCertificate/authentication/revocationMode"),
    detail::member<detail::CC, &detail::CC::service_certificate_authentication, &detail::CA::trusted_store_location>("serviceCertificate/authentication/trustedStoreLocation"),
    detail::member<detail::CC, &detail::CC::service_certificate_authentication, &detail::CA::custom_certificate_validator_type>("serviceCertificate/authentication/customCertificateValidatorType"),
    detail::ssl_authentication_marker,
    detail::ssl_authentication_member<&detail::CA::validation_mode>("serviceCertificate/sslCertificateAuthentication/certificateValidationMode"),
    detail::ssl_authentication_member<&detail::CA::revocation>("serviceCertificate/sslCertificateAuthentication/revocationMode"),
    detail::ssl_authentication_member<&detail::CA::trusted_store_location>("serviceCertificate/sslCertificateAuthentication/trustedStoreLocation"),
    detail::ssl_authentication_member<&detail::CA::custom_certificate_validator_type>("serviceCertificate/sslCertificateAuthentication/customCertificateValidatorType"),
    detail::member<detail::CC, &detail::CC::windows_allow_ntlm>("windows/allowNtlm"),
    detail::member<detail::CC, &detail::CC::windows_allowed_impersonation_level>("windows/allowedImpersonationLevel"),
    detail::member<detail::CC, &detail::CC::http_digest_impersonation_level>("httpDigest/impersonationLevel"),
    {"serviceCertificate/scopedCertificates/", {}, nullptr, nullptr, false, nullptr},
}};

namespace detail {
template <auto Field>
constexpr field_def<CR> reference_member(std::string_view path) {
    using leaf = std::remove_cvref_t<decltype(std::declval<CR const&>().*Field)>;
    field_def<CR> f;
    f.path = path;
    f.spec = spec_for<leaf>();
    f.get = [](CR const& c) { return to_setting<leaf>(c.*Field); };
    f.set = [](CR& c, setting_value const& v) {
        c.*Field = from_setting<leaf>(v);
        c.specified = true;
    };
    f.present = [](CR const& c) { return c.specified; };
    return f;
}

template <auto Opt>
constexpr field_def<endpoint_config> identity_marker(std::string_view path) {
    field_def<endpoint_config> f;
    f.path = path;
    f.get = [](endpoint_config const& e) { return setting_value{(e.identity.*Opt).has_value() ? 1 : 0, {}}; };
    f.set = [](endpoint_config& e, setting_value const&) {
        if (!(e.identity.*Opt)) (e.identity.*Opt).emplace();
    };
    return f;
}

using SCI = scoped_certificate_config;
using EP = endpoint_config;
using ID = identity_config;
using ICR = identity_certificate_reference;
using SV = service_config;
using HT = host_timeouts_config;
} // namespace detail

/// Items of `<knownCertificates>` (`<add>`); all four attributes are the key.
inline constexpr std::array<field_def<certificate_reference_config>, 4> certificate_reference_schema{{
    detail::reference_member<&detail::CR::find_value>("findValue"),
    detail::reference_member<&detail::CR::location>("storeLocation"),
    detail::reference_member<&detail::CR::name>("storeName"),
    detail::reference_member<&detail::CR::find_type>("x509FindType"),
}};

/// Items of `<scopedCertificates>` (`<add>`); `targetUri` is the key.
inline constexpr std::array<field_def<scoped_certificate_config>, 5> scoped_certificate_schema{{
    detail::as_required(detail::as_uri(detail::member<detail::SCI, &detail::SCI::target_uri>("targetUri"))),
    detail::certificate_member<detail::SCI, &detail::SCI::certificate, &detail::CR::find_value>("findValue"),
    detail::certificate_member<detail::SCI, &detail::SCI::certificate, &detail::CR::location>("storeLocation"),
    detail::certificate_member<detail::SCI, &detail::SCI::certificate, &detail::CR::name>("storeName"),
    detail::certificate_member<detail::SCI, &detail::SCI::certificate, &detail::CR::find_type>("x509FindType"),
}};

/// The `<identity>` children of an endpoint, paths relative to the endpoint.
inline constexpr std::array<field_def<endpoint_config>, 16> identity_schema{{
    detail::identity_marker<&detail::ID::user_principal_name>("identity/userPrincipalName/"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::user_principal_name>("identity/userPrincipalName/value"),
    detail::identity_marker<&detail::ID::service_principal_name>("identity/servicePrincipalName/"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::service_principal_name>("identity/servicePrincipalName/value"),
    detail::identity_marker<&detail::ID::dns>("identity/dns/"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::dns>("identity/dns/value"),
    detail::identity_marker<&detail::ID::rsa>("identity/rsa/"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::rsa>("identity/rsa/value"),
    detail::identity_marker<&detail::ID::certificate>("identity/certificate/"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::certificate>("identity/certificate/encodedValue"),
    detail::identity_marker<&detail::ID::certificate_reference>("identity/certificateReference/"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::certificate_reference, &detail::ICR::name>("identity/certificateReference/storeName"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::certificate_reference, &detail::ICR::location>("identity/certificateReference/storeLocation"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::certificate_reference, &detail::ICR::find_type>("identity/certificateReference/x509FindType"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::certificate_reference, &detail::ICR::find_value>("identity/certificateReference/findValue"),
    detail::member<detail::EP, &detail::EP::identity, &detail::ID::certificate_reference, &detail::ICR::is_chain_included>("identity/certificateReference/isChainIncluded"),
}};

/// `<service><endpoint>` (ServiceEndpointElement) attributes.
inline constexpr std::array<field_def<endpoint_config>, 13> service_endpoint_schema{{
    detail::as_uri(detail::member<detail::EP, &detail::EP::address>("address")),
    detail::member<detail::EP, &detail::EP::behavior_configuration>("behaviorConfiguration"),
    detail::member<detail::EP, &detail::EP::binding>("binding"),
    detail::member<detail::EP, &detail::EP::binding_configuration>("bindingConfiguration"),
    detail::member<detail::EP, &detail::EP::binding_name>("bindingName"),
    detail::member<detail::EP, &detail::EP::binding_namespace>("bindingNamespace"),
    detail::member<detail::EP, &detail::EP::contract>("contract"),
    detail::member<detail::EP, &detail::EP::name>("name"),
    detail::as_uri(detail::member<detail::EP, &detail::EP::listen_uri>("listenUri")),
    detail::member<detail::EP, &detail::EP::listen_mode>("listenUriMode"),
    detail::member<detail::EP, &detail::EP::is_system_endpoint>("isSystemEndpoint"),
    detail::member<detail::EP, &detail::EP::kind>("kind"),
    detail::member<detail::EP, &detail::EP::endpoint_configuration>("endpointConfiguration"),
}};

/// `<client><endpoint>` (ChannelEndpointElement) attributes.
inline constexpr std::array<field_def<endpoint_config>, 8> client_endpoint_schema{{
    detail::as_uri(detail::member<detail::EP, &detail::EP::address>("address")),
    detail::member<detail::EP, &detail::EP::behavior_configuration>("behaviorConfiguration"),
    detail::member<detail::EP, &detail::EP::binding>("binding"),
    detail::member<detail::EP, &detail::EP::binding_configuration>("bindingConfiguration"),
    detail::member<detail::EP, &detail::EP::contract>("contract"),
    detail::member<detail::EP, &detail::EP::name>("name"),
    detail::member<detail::EP, &detail::EP::kind>("kind"),
    detail::member<detail::EP, &detail::EP::endpoint_configuration>("endpointConfiguration"),
}};

/// `<services><service>` attributes and `<host><timeouts>`.
inline constexpr std::array<field_def<service_config>, 4> service_schema{{
    detail::as_required(detail::member<detail::SV, &detail::SV::name>("name")),
    detail::member<detail::SV, &detail::SV::behavior_configuration>("behaviorConfiguration"),
    detail::member<detail::SV, &detail::SV::timeouts, &detail::HT::open_timeout>("host/timeouts/openTimeout"),
    detail::member<detail::SV, &detail::SV::timeouts, &detail::HT::close_timeout>("host/timeouts/closeTimeout"),
}};

} // namespace wsbind::config

#endif
