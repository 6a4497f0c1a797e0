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

#include <wsbind/config/credentials.hpp>
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

/// Runs `f()` (a credentials lookup and resolution returning an optional), turning its exceptions
/// into `error` and an empty result.
template <class F>
[[nodiscard]] auto resolve_or_error(std::string& error, F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (std::exception const& e) { // credential_resolution_error and the stores' errors
        error = e.what();
    }
    return std::nullopt;
}

} // namespace detail

/// The service certificate `<service name=service_name>`'s behavior names, from `stores`; nullptr
/// and `error` when there is none or it cannot be used. The behavior is chosen and its
/// `<serviceCredentials>` read by <wsbind/config/credentials.hpp>, resolved by
/// <wsbind/crypto/credentials_resolution.hpp> (errors name the behavior and the reference).
template <crypto_backend Backend>
[[nodiscard]] std::shared_ptr<http::server_certificate_source const> configured_service_certificate(
    config::configuration const& cfg, std::string_view service_name, x509_stores<Backend> const& stores, std::string& error,
    Backend backend = {}) {
    auto c = detail::resolve_or_error(error, [&]() -> std::optional<resolved_certificate<Backend>> {
        auto const sc = config::service_credentials_for(cfg, service_name);
        if (!sc.service_certificate) {
            error = "<service name=\"" + std::string(service_name) +
                    "\"> has no service behavior with <serviceCredentials><serviceCertificate>, which HTTPS needs";
            return std::nullopt;
        }
        return resolve(sc, stores).service_certificate;
    });
    if (!c) return nullptr;
    return std::make_shared<store_certificate_source<Backend>>(std::move(backend), std::move(*c));
}

/// The `<clientCredentials><clientCertificate>` of client endpoint `endpoint_name`'s behavior, as
/// PEM (certificate, key) for `client_options::tls`; nullopt and `error` when there is none.
template <crypto_backend Backend>
[[nodiscard]] std::optional<std::pair<std::string, std::string>> configured_client_certificate(
    config::configuration const& cfg, std::string_view endpoint_name, x509_stores<Backend> const& stores, std::string& error,
    Backend backend = {}) {
    auto c = detail::resolve_or_error(error, [&]() -> std::optional<resolved_certificate<Backend>> {
        auto const cc = config::client_credentials_for(cfg, endpoint_name);
        if (!cc.client_certificate) {
            error = "client endpoint '" + std::string(endpoint_name) + "' has no endpoint behavior with <clientCredentials><clientCertificate>";
            return std::nullopt;
        }
        return resolve(cc, stores).client_certificate;
    });
    if (!c) return std::nullopt;
    store_certificate_source<Backend> source(std::move(backend), std::move(*c));
    return std::pair{source.certificate_chain_pem(), source.private_key_pem()};
}

} // namespace wsbind

#endif
