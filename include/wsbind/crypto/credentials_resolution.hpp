// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_CREDENTIALS_RESOLUTION_HPP
#define WSBIND_CRYPTO_CREDENTIALS_RESOLUTION_HPP

/// \file
/// Resolving `<serviceCredentials>` / `<clientCredentials>` (the model in
/// <wsbind/credentials/credentials.hpp>) against the certificate stores when a host or client
/// opens. Lookups need exactly one match. Certificates this side signs or decrypts with (serviceCertificate,
/// clientCredentials' clientCertificate) must come with their private key.

#include <wsbind/credentials/credentials.hpp>
#include <wsbind/credentials/errors.hpp>
#include <wsbind/crypto/x509_store.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind {

/// A certificate taken from a store (shared handles: cheap to copy).
template <class Backend>
struct resolved_certificate {
    typename Backend::certificate certificate;
    std::optional<typename Backend::private_key> private_key;
    std::filesystem::path file;
};

template <class Backend>
struct resolved_service_credentials {
    std::optional<resolved_certificate<Backend>> service_certificate;
    std::optional<resolved_certificate<Backend>> client_certificate;
    x509_client_certificate_authentication authentication;
};

template <class Backend>
struct resolved_client_credentials {
    std::optional<resolved_certificate<Backend>> client_certificate;
    std::optional<resolved_certificate<Backend>> default_service_certificate;
    std::vector<std::pair<std::string, resolved_certificate<Backend>>> scoped_service_certificates;
    x509_service_certificate_authentication authentication;
    /// `<sslCertificateAuthentication>` when configured: validates SSL/TLS server certificates
    /// instead of `authentication`.
    std::optional<x509_service_certificate_authentication> ssl_certificate_authentication;

    /// The authentication that validates an SSL/TLS server certificate.
    [[nodiscard]] x509_service_certificate_authentication const& ssl_authentication() const noexcept {
        return ssl_certificate_authentication ? *ssl_certificate_authentication : authentication;
    }

    /// The service certificate configured for `target_uri` (scoped, else the default), if any.
    [[nodiscard]] resolved_certificate<Backend> const* service_certificate_for(std::string_view target_uri) const {
        for (auto const& [uri, c] : scoped_service_certificates)
            if (uri == target_uri) return &c;
        return default_service_certificate ? &*default_service_certificate : nullptr;
    }
};

namespace detail::creds {

template <crypto_backend Backend>
resolved_certificate<Backend> resolve_reference(x509_stores<Backend> const& stores, certificate_reference const& ref, bool need_key,
                                                std::string const& context) {
    auto const& store = stores.get(ref.location, ref.name);
    auto found = store.try_find_one(ref.find_type, ref.find_value);
    if (!found) throw credential_resolution_error(context + ": " + certificate_lookup_error::describe(*found.error));
    auto const& e = *found.entry;
    if (need_key && !e.private_key) {
        auto key_file = e.file;
        key_file.replace_extension(".key");
        std::string why = "the certificate " + e.info->subject + " [" + e.info->thumbprint_hex + "] was found in " + e.file.string() +
                          " but has no usable private key (expected in " + key_file.string() + " or in the certificate file)";
        for (auto const& p : store.problems())
            if (p.path == key_file || p.path == e.file) why += "; " + p.path.filename().string() + ": " + p.message;
        throw credential_resolution_error(context + ": " + why);
    }
    return {e.certificate, e.private_key, e.file};
}

/// "serviceCredentials of behavior 'B'" (or "of the unnamed (default) behavior").
inline std::string behavior_text(std::string_view element, std::string const& behavior_name) {
    return std::string(element) + (behavior_name.empty() ? " of the unnamed (default) behavior" : " of behavior '" + behavior_name + "'");
}

inline std::string custom_type_text(std::string const& type) {
    return type.empty() ? std::string() : " (customCertificateValidatorType '" + type + "')";
}

inline std::string reference_text(certificate_reference const& r) {
    return std::string(to_string(r.location)) + "\\" + std::string(to_string(r.name)) + ", " + std::string(to_string(r.find_type)) + " '" + r.find_value + "'";
}

} // namespace detail::creds

/// Resolves a service's credentials when its host opens; throws `credential_resolution_error`
/// naming the behavior and the reference that failed.
template <crypto_backend Backend>
[[nodiscard]] resolved_service_credentials<Backend> resolve(service_credentials const& c, x509_stores<Backend> const& stores) {
    std::string const behavior = detail::creds::behavior_text("serviceCredentials", c.behavior_name);
    resolved_service_credentials<Backend> out;
    if (c.service_certificate)
        out.service_certificate = detail::creds::resolve_reference(stores, *c.service_certificate, true,
                                                                   behavior + ", serviceCertificate (" + detail::creds::reference_text(*c.service_certificate) + ")");
    if (c.client_certificate.certificate)
        out.client_certificate = detail::creds::resolve_reference(
            stores, *c.client_certificate.certificate, false,
            behavior + ", clientCertificate/certificate (" + detail::creds::reference_text(*c.client_certificate.certificate) + ")");
    out.authentication = c.client_certificate.authentication;
    if (out.authentication.validation_mode == certificate_validation_mode::custom && !out.authentication.custom_validator)
        throw credential_resolution_error(behavior + ", clientCertificate/authentication: certificateValidationMode is Custom but no custom validator is set" +
                                          detail::creds::custom_type_text(out.authentication.custom_certificate_validator_type));
    return out;
}

/// Resolves a client's credentials when it opens; throws `credential_resolution_error`.
template <crypto_backend Backend>
[[nodiscard]] resolved_client_credentials<Backend> resolve(client_credentials const& c, x509_stores<Backend> const& stores) {
    std::string const behavior = detail::creds::behavior_text("clientCredentials", c.behavior_name);
    resolved_client_credentials<Backend> out;
    if (c.client_certificate)
        out.client_certificate = detail::creds::resolve_reference(stores, *c.client_certificate, true,
                                                                  behavior + ", clientCertificate (" + detail::creds::reference_text(*c.client_certificate) + ")");
    if (c.service_certificate.default_certificate)
        out.default_service_certificate = detail::creds::resolve_reference(
            stores, *c.service_certificate.default_certificate, false,
            behavior + ", serviceCertificate/defaultCertificate (" + detail::creds::reference_text(*c.service_certificate.default_certificate) + ")");
    for (auto const& s : c.service_certificate.scoped_certificates)
        out.scoped_service_certificates.emplace_back(
            s.target_uri, detail::creds::resolve_reference(stores, s.reference, false,
                                                           behavior + ", serviceCertificate/scopedCertificates targetUri '" + s.target_uri + "' (" +
                                                               detail::creds::reference_text(s.reference) + ")"));
    out.authentication = c.service_certificate.authentication;
    if (out.authentication.validation_mode == certificate_validation_mode::custom && !out.authentication.custom_validator)
        throw credential_resolution_error(behavior + ", serviceCertificate/authentication: certificateValidationMode is Custom but no custom validator is set" +
                                          detail::creds::custom_type_text(out.authentication.custom_certificate_validator_type));
    out.ssl_certificate_authentication = c.service_certificate.ssl_certificate_authentication;
    if (auto const& ssl = out.ssl_certificate_authentication; ssl && ssl->validation_mode == certificate_validation_mode::custom && !ssl->custom_validator)
        throw credential_resolution_error(behavior + ", serviceCertificate/sslCertificateAuthentication: certificateValidationMode is Custom but no custom validator is set" +
                                          detail::creds::custom_type_text(ssl->custom_certificate_validator_type));
    return out;
}

} // namespace wsbind

#endif
