// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_CREDENTIALS_HPP
#define WSBIND_CONFIG_CREDENTIALS_HPP

/// \file
/// From the configuration model to the credentials model: `<serviceCredentials>` and
/// `<clientCredentials>` of a behavior become `service_credentials` / `client_credentials`
/// (<wsbind/credentials/credentials.hpp>), an endpoint's `<identity>` becomes an
/// `endpoint_identity`. No crypto backend is needed here; resolving the result against the
/// certificate stores is <wsbind/crypto/credentials_resolution.hpp>, whose errors then name the
/// behavior (`behavior_name` is filled in) and the reference that failed.
///
/// As WCF applies configuration (wcf-config-facts.md §3.1, §3.2, §4.5):
///  - a certificate element is applied only when one of findValue/storeLocation/storeName/
///    x509FindType is written (`certificate_reference_config::specified`); otherwise the credential
///    holds no certificate and nothing is looked up;
///  - `<authentication>` elements are copied whole (their defaults differ: trustedStoreLocation
///    LocalMachine on the service side, CurrentUser on the client side — the config model holds them);
///  - `<sslCertificateAuthentication>` exists only when configured;
///  - customCertificateValidatorType is carried as a name; a Custom mode needs a validator callable
///    set in code before resolution (`credential_resolution_error` otherwise);
///  - identities: the first child present in the order userPrincipalName, servicePrincipalName,
///    dns, rsa, certificate, certificateReference (ConfigLoader.LoadIdentity).
///
/// Which behavior applies is decided as the config layer's resolver decides it
/// (<wsbind/config/resolve.hpp>, .NET 4 rules): the behavior named by behaviorConfiguration, or,
/// when that is empty, the unnamed `<behavior>` if there is one. A name that matches no behavior is
/// an error (WCF: ConfigInvalidServiceBehavior / ConfigInvalidEndpointBehavior).

#include <wsbind/config/model.hpp>
#include <wsbind/credentials/credentials.hpp>
#include <wsbind/credentials/endpoint_identity.hpp>
#include <wsbind/credentials/errors.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace wsbind::config {

/// A configured certificate element as a reference; nullopt when none of its four attributes
/// was written (WCF does not look such a certificate up).
[[nodiscard]] inline std::optional<certificate_reference> to_certificate_reference(certificate_reference_config const& c) {
    if (!c.specified) return std::nullopt;
    return certificate_reference{c.find_value, c.location, c.name, c.find_type};
}

namespace detail::creds {

/// Copies an `<authentication>` element; the Windows attributes exist on the service side only.
template <class Authentication>
[[nodiscard]] Authentication to_authentication(certificate_authentication_config const& c) {
    Authentication a;
    a.validation_mode = c.validation_mode;
    a.revocation = c.revocation;
    a.trusted_store_location = c.trusted_store_location;
    a.custom_certificate_validator_type = c.custom_certificate_validator_type;
    if constexpr (std::is_same_v<Authentication, x509_client_certificate_authentication>) {
        a.include_windows_groups = c.include_windows_groups;
        a.map_client_certificate_to_windows_account = c.map_client_certificate_to_windows_account;
    }
    return a;
}

/// WCF's default credentials, named after their behavior.
template <class Credentials>
[[nodiscard]] Credentials defaults_named(std::string behavior_name) {
    Credentials c;
    c.behavior_name = std::move(behavior_name);
    return c;
}

} // namespace detail::creds

/// `<serviceCredentials><clientCertificate><authentication>`.
[[nodiscard]] inline x509_client_certificate_authentication to_client_certificate_authentication(certificate_authentication_config const& c) {
    return detail::creds::to_authentication<x509_client_certificate_authentication>(c);
}

/// `<clientCredentials><serviceCertificate><authentication>` (and `<sslCertificateAuthentication>`).
[[nodiscard]] inline x509_service_certificate_authentication to_service_certificate_authentication(certificate_authentication_config const& c) {
    return detail::creds::to_authentication<x509_service_certificate_authentication>(c);
}

/// `<serviceCredentials>` of the behavior named `behavior_name`.
[[nodiscard]] inline service_credentials to_service_credentials(service_credentials_config const& c, std::string behavior_name) {
    service_credentials out;
    out.behavior_name = std::move(behavior_name);
    out.service_certificate = to_certificate_reference(c.service_certificate);
    out.client_certificate.certificate = to_certificate_reference(c.client_certificate);
    out.client_certificate.authentication = to_client_certificate_authentication(c.client_certificate_authentication);
    return out;
}

/// The credentials a service behavior configures; a behavior without `<serviceCredentials>` (or an
/// endpoint behavior) gives WCF's defaults (no certificates; ChainTrust, Online, LocalMachine).
[[nodiscard]] inline service_credentials to_service_credentials(behavior_config const& b) {
    if (b.kind == behavior_kind::service && b.service_credentials) return to_service_credentials(*b.service_credentials, b.name);
    return detail::creds::defaults_named<service_credentials>(b.name);
}

/// `<clientCredentials>` of the behavior named `behavior_name`.
[[nodiscard]] inline client_credentials to_client_credentials(client_credentials_config const& c, std::string behavior_name) {
    client_credentials out;
    out.behavior_name = std::move(behavior_name);
    out.client_certificate = to_certificate_reference(c.client_certificate);
    auto& sc = out.service_certificate;
    sc.default_certificate = to_certificate_reference(c.default_service_certificate);
    for (auto const& s : c.scoped_service_certificates) {
        // a scoped certificate always names a certificate (WCF looks each one up; unwritten
        // attributes take their defaults)
        scoped_certificate scoped;
        scoped.target_uri = s.target_uri;
        scoped.reference = {s.certificate.find_value, s.certificate.location, s.certificate.name, s.certificate.find_type};
        sc.scoped_certificates.push_back(std::move(scoped));
    }
    sc.authentication = to_service_certificate_authentication(c.service_certificate_authentication);
    if (c.ssl_certificate_authentication) sc.ssl_certificate_authentication = to_service_certificate_authentication(*c.ssl_certificate_authentication);
    return out;
}

/// The credentials an endpoint behavior configures; a behavior without `<clientCredentials>` (or a
/// service behavior) gives WCF's defaults (no certificates; ChainTrust, Online, CurrentUser).
[[nodiscard]] inline client_credentials to_client_credentials(behavior_config const& b) {
    if (b.kind == behavior_kind::endpoint && b.client_credentials) return to_client_credentials(*b.client_credentials, b.name);
    return detail::creds::defaults_named<client_credentials>(b.name);
}

/// The identity an `<identity>` element configures (WCF's precedence), nullopt when none.
[[nodiscard]] inline std::optional<endpoint_identity> to_endpoint_identity(identity_config const& c) {
    switch (c.effective()) {
    case identity_kind::none: return std::nullopt;
    case identity_kind::user_principal_name: return user_principal_name_identity{*c.user_principal_name};
    case identity_kind::service_principal_name: return service_principal_name_identity{*c.service_principal_name};
    case identity_kind::dns: return dns_identity{*c.dns};
    case identity_kind::rsa: return rsa_identity{*c.rsa};
    case identity_kind::certificate: return certificate_identity{*c.certificate};
    case identity_kind::certificate_reference: {
        auto const& r = *c.certificate_reference;
        certificate_reference_identity id;
        id.name = r.name;
        id.location = r.location;
        id.find_type = r.find_type;
        id.find_value = r.find_value;
        id.is_chain_included = r.is_chain_included;
        return id;
    }
    }
    return std::nullopt;
}

/// The identity a client checks the service against (IdentityVerifier): the configured one, else
/// a DNS identity equal to the host of the endpoint address (Uri.DnsSafeHost); nullopt when there
/// is neither. Defined after the detail helpers below.
[[nodiscard]] inline std::optional<endpoint_identity> expected_identity(endpoint_config const& endpoint);

namespace detail::creds {

/// The host of an absolute URI as System.Uri.DnsSafeHost gives it (lower case, IPv6 without
/// brackets); "" when `address` has no authority.
[[nodiscard]] inline std::string dns_safe_host(std::string_view address) {
    auto const scheme_end = address.find("://");
    if (scheme_end == std::string_view::npos) return {};
    auto authority = address.substr(scheme_end + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    std::string_view host;
    if (!authority.empty() && authority.front() == '[') {
        auto const close = authority.find(']');
        host = close == std::string_view::npos ? std::string_view{} : authority.substr(1, close - 1);
    } else {
        host = authority.substr(0, authority.find(':'));
    }
    std::string out(host);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

[[nodiscard]] inline std::string behavior_names(configuration const& cfg, behavior_kind kind) {
    std::string out;
    for (auto const& b : cfg.behaviors) {
        if (b.kind != kind) continue;
        if (!out.empty()) out += ", ";
        out += b.name.empty() ? "(unnamed)" : "'" + b.name + "'";
    }
    return out.empty() ? "none are configured" : out;
}

/// The behavior `behavior_configuration` selects (the resolver's rule), nullptr when it is empty
/// and there is no unnamed behavior; throws when a name matches nothing.
[[nodiscard]] inline behavior_config const* select_behavior(configuration const& cfg, behavior_kind kind, std::string_view behavior_configuration,
                                                            std::string const& who) {
    if (auto const* b = cfg.find_behavior(kind, behavior_configuration)) return b;
    if (behavior_configuration.empty()) return nullptr;
    throw credential_resolution_error(who + " names behaviorConfiguration '" + std::string(behavior_configuration) + "', but there is no " +
                                      std::string(to_string(kind)) + " behavior of that name (configured: " + behavior_names(cfg, kind) + ")");
}

} // namespace detail::creds

inline std::optional<endpoint_identity> expected_identity(endpoint_config const& endpoint) {
    if (auto id = to_endpoint_identity(endpoint.identity)) return id;
    if (!endpoint.address) return std::nullopt;
    auto host = detail::creds::dns_safe_host(*endpoint.address);
    if (host.empty()) return std::nullopt;
    return default_identity_for_host(host);
}

/// The credentials of `service`: its behaviorConfiguration's `<serviceCredentials>`, or the
/// unnamed service behavior's when behaviorConfiguration is empty, or WCF's defaults when neither
/// exists. Throws `credential_resolution_error` when behaviorConfiguration names no service behavior.
[[nodiscard]] inline service_credentials service_credentials_for(configuration const& cfg, service_config const& service) {
    auto const* b = detail::creds::select_behavior(cfg, behavior_kind::service, service.behavior_configuration,
                                                   "<service name=\"" + service.name + "\">");
    return b ? to_service_credentials(*b) : service_credentials{};
}

/// As above for the service named `service_name` (the last of that name, as WCF looks it up);
/// throws `credential_resolution_error` when there is none.
[[nodiscard]] inline service_credentials service_credentials_for(configuration const& cfg, std::string_view service_name) {
    auto const* s = cfg.find_service(service_name);
    if (s == nullptr) throw credential_resolution_error("the configuration has no <service name=\"" + std::string(service_name) + "\">");
    return service_credentials_for(cfg, *s);
}

/// The credentials of a client endpoint: its behaviorConfiguration's `<clientCredentials>`, or
/// the unnamed endpoint behavior's, or WCF's defaults. Throws `credential_resolution_error` when
/// behaviorConfiguration names no endpoint behavior.
[[nodiscard]] inline client_credentials client_credentials_for(configuration const& cfg, endpoint_config const& endpoint) {
    auto const* b = detail::creds::select_behavior(cfg, behavior_kind::endpoint, endpoint.behavior_configuration,
                                                   "<client><endpoint name=\"" + endpoint.name + "\">");
    return b ? to_client_credentials(*b) : client_credentials{};
}

/// As above for the `<client><endpoint>` named `endpoint_name`; throws
/// `credential_resolution_error` when there is none or several share the name.
[[nodiscard]] inline client_credentials client_credentials_for(configuration const& cfg, std::string_view endpoint_name) {
    endpoint_config const* found = nullptr;
    for (auto const& e : cfg.client) {
        if (e.name != endpoint_name) continue;
        if (found != nullptr)
            throw credential_resolution_error("several <client><endpoint name=\"" + std::string(endpoint_name) +
                                              "\"> are configured (for different contracts); pass the endpoint itself");
        found = &e;
    }
    if (found == nullptr) throw credential_resolution_error("the configuration has no <client><endpoint name=\"" + std::string(endpoint_name) + "\">");
    return client_credentials_for(cfg, *found);
}

} // namespace wsbind::config

#endif
