// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CHANNEL_CERTIFICATES_HPP
#define WSBIND_CHANNEL_CERTIFICATES_HPP

/// \file
/// HTTPS certificates from the certificate stores, as WCF takes them from the Windows stores:
/// - `store_certificate_source<Backend>`: an `http::server_certificate_source` over a certificate
///   (and its private key) resolved from an `x509_stores` — what an HTTPS listener presents;
/// - `configured_service_certificate(cfg, service, stores)`: the `<serviceCredentials>
///   <serviceCertificate findValue=... x509FindType=... storeLocation=... storeName=...>` of the
///   service's behavior, found with WCF's X509FindType semantics (exactly one match, with its key);
/// - `configured_client_certificate(cfg, endpoint, stores)`: `<clientCredentials><clientCertificate>`
///   of a client endpoint's behavior, as PEM for `client_options::tls` (Transport security with
///   clientCredentialType Certificate).
/// Failures (no behavior, nothing or several found, no private key) are errors in words.

#include <wsbind/config/model.hpp>
#include <wsbind/credentials/credentials.hpp>
#include <wsbind/credentials/errors.hpp>
#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/credentials_resolution.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_store.hpp>
#include <wsbind/http/backend.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace wsbind {

template <crypto_backend Backend>
class store_certificate_source final : public http::server_certificate_source {
public:
    store_certificate_source(Backend backend, resolved_certificate<Backend> c) : backend_(std::move(backend)), cert_(std::move(c)) {}

    [[nodiscard]] std::string certificate_chain_pem() const override {
        auto const& der = backend_.info(cert_.certificate).der;
        return crypto::pem_encode("CERTIFICATE", crypto::byte_view(der.data(), der.size()));
    }
    [[nodiscard]] std::string private_key_pem() const override {
        if (!cert_.private_key) return {};
        auto pem = backend_.export_private_key(*cert_.private_key, "");
        return pem ? std::move(pem).value() : std::string();
    }

private:
    Backend backend_;
    resolved_certificate<Backend> cert_;
};

namespace detail {

[[nodiscard]] inline certificate_reference to_reference(config::certificate_reference_config const& c) {
    return {c.find_value, c.location, c.name, c.find_type};
}

template <crypto_backend Backend>
[[nodiscard]] std::optional<resolved_certificate<Backend>> resolve_one(x509_stores<Backend> const& stores,
                                                                     config::certificate_reference_config const& ref,
                                                                     std::string const& what, std::string& error) {
    service_credentials sc;
    sc.behavior_name = what;
    sc.service_certificate = to_reference(ref);
    try {
        auto r = resolve(sc, stores);
        if (!r.service_certificate) {
            error = what + ": no certificate was found";
            return std::nullopt;
        }
        return r.service_certificate;
    } catch (credential_resolution_error const& e) {
        error = e.what();
    } catch (std::exception const& e) {
        error = what + ": " + e.what();
    }
    return std::nullopt;
}

} // namespace detail

/// The service certificate `<service name=service_name>`'s behavior names, from `stores`; nullptr
/// and `error` when there is none or it cannot be used.
template <crypto_backend Backend>
[[nodiscard]] std::shared_ptr<http::server_certificate_source const> configured_service_certificate(
    config::configuration const& cfg, std::string_view service_name, x509_stores<Backend> const& stores, std::string& error,
    Backend backend = {}) {
    auto const* service = cfg.find_service(service_name);
    if (service == nullptr) {
        error = "the configuration has no <service name=\"" + std::string(service_name) + "\">";
        return nullptr;
    }
    auto const* behavior = cfg.find_behavior(config::behavior_kind::service, service->behavior_configuration);
    if (behavior == nullptr || !behavior->service_credentials || !behavior->service_credentials->service_certificate.specified) {
        error = "<service name=\"" + std::string(service_name) +
                "\"> has no service behavior with <serviceCredentials><serviceCertificate>, which HTTPS needs";
        return nullptr;
    }
    auto c = detail::resolve_one(stores, behavior->service_credentials->service_certificate,
                                 "serviceCredentials/serviceCertificate of behavior '" + behavior->name + "'", error);
    if (!c) return nullptr;
    return std::make_shared<store_certificate_source<Backend>>(std::move(backend), std::move(*c));
}

/// The `<clientCredentials><clientCertificate>` of client endpoint `endpoint_name`'s behavior, as
/// PEM (certificate, key) for `client_options::tls`; nullopt and `error` when there is none.
template <crypto_backend Backend>
[[nodiscard]] std::optional<std::pair<std::string, std::string>> configured_client_certificate(
    config::configuration const& cfg, std::string_view endpoint_name, x509_stores<Backend> const& stores, std::string& error,
    Backend backend = {}) {
    config::endpoint_config const* endpoint = nullptr;
    for (auto const& e : cfg.client)
        if (e.name == endpoint_name) endpoint = &e;
    if (endpoint == nullptr) {
        error = "the configuration has no <client><endpoint name=\"" + std::string(endpoint_name) + "\">";
        return std::nullopt;
    }
    auto const* behavior = cfg.find_behavior(config::behavior_kind::endpoint, endpoint->behavior_configuration);
    if (behavior == nullptr || !behavior->client_credentials || !behavior->client_credentials->client_certificate.specified) {
        error = "client endpoint '" + std::string(endpoint_name) + "' has no endpoint behavior with <clientCredentials><clientCertificate>";
        return std::nullopt;
    }
    auto c = detail::resolve_one(stores, behavior->client_credentials->client_certificate,
                                 "clientCredentials/clientCertificate of behavior '" + behavior->name + "'", error);
    if (!c) return std::nullopt;
    store_certificate_source<Backend> source(std::move(backend), std::move(*c));
    return std::pair{source.certificate_chain_pem(), source.private_key_pem()};
}

} // namespace wsbind

#endif
