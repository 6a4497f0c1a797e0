// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CREDENTIALS_CREDENTIALS_HPP
#define WSBIND_CREDENTIALS_CREDENTIALS_HPP

/// \file
/// The X.509 part of WCF's credential behaviors — `<serviceCredentials>` and `<clientCredentials>` —
/// as values (std only). The configuration layer builds them from `<behaviors>`; code can build
/// them directly. Resolving them against the certificate stores when a host or client opens needs
/// a crypto backend: <wsbind/crypto/credentials_resolution.hpp>; validating a peer's certificate
/// with the `authentication` settings: <wsbind/crypto/certificate_validation.hpp>.
///
/// Defaults (wcf-config-facts.md §3.1/§3.2): every certificate reference is My /
/// FindBySubjectDistinguishedName / ""; serviceCertificate and serviceCredentials'
/// clientCertificate/certificate are LocalMachine; clientCredentials' clientCertificate,
/// defaultCertificate and scopedCertificates are CurrentUser. A reference is looked up only when
/// configured (WCF: when any of its four attributes is present) — hence `std::optional`.
/// The two `<authentication>` elements differ in their defaults (ChainTrust, Online, and
/// trustedStoreLocation LocalMachine on the service side but CurrentUser on the client side).

#include <wsbind/credentials/enums.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wsbind {

namespace crypto {
struct certificate_info; // <wsbind/crypto/certificate_info.hpp>
}

/// findValue / storeLocation / storeName / x509FindType of a certificate element.
struct certificate_reference {
    std::string find_value;
    store_location location = store_location::local_machine;
    store_name name = store_name::my;
    x509_find_type find_type = x509_find_type::find_by_subject_distinguished_name;

    /// The defaults of serviceCredentials' references (LocalMachine).
    [[nodiscard]] static certificate_reference service_side(std::string find_value = {}, x509_find_type t = x509_find_type::find_by_subject_distinguished_name) {
        return {std::move(find_value), store_location::local_machine, store_name::my, t};
    }
    /// The defaults of clientCredentials' references (CurrentUser).
    [[nodiscard]] static certificate_reference client_side(std::string find_value = {}, x509_find_type t = x509_find_type::find_by_subject_distinguished_name) {
        return {std::move(find_value), store_location::current_user, store_name::my, t};
    }
};

/// certificateValidationMode="Custom": returns an error text to reject the certificate.
using custom_certificate_validator = std::function<std::optional<std::string>(crypto::certificate_info const&)>;

/// `<authentication>` of `serviceCredentials/clientCertificate` (X509ClientCertificateAuthentication).
struct x509_client_certificate_authentication {
    certificate_validation_mode validation_mode = certificate_validation_mode::chain_trust;
    revocation_mode revocation = revocation_mode::online;
    store_location trusted_store_location = store_location::local_machine;
    std::string custom_certificate_validator_type;  ///< the configured type name (informational)
    custom_certificate_validator custom_validator;  ///< used when the mode is Custom
    bool include_windows_groups = true;             ///< Windows only; carried for fidelity
    bool map_client_certificate_to_windows_account = false;
};

/// `<authentication>` of `clientCredentials/serviceCertificate` (X509ServiceCertificateAuthentication).
struct x509_service_certificate_authentication {
    certificate_validation_mode validation_mode = certificate_validation_mode::chain_trust;
    revocation_mode revocation = revocation_mode::online;
    store_location trusted_store_location = store_location::current_user;
    std::string custom_certificate_validator_type;
    custom_certificate_validator custom_validator;
};

/// `<serviceCredentials>` (X.509 parts).
struct service_credentials {
    std::string behavior_name;                              ///< the `<behavior name>` (for messages)
    std::optional<certificate_reference> service_certificate;
    struct client_certificate_settings {
        std::optional<certificate_reference> certificate;   ///< the client's certificate held in advance (MutualCertificateDuplex)
        x509_client_certificate_authentication authentication;
    } client_certificate;
};

/// `<serviceCertificate><scopedCertificates><add targetUri>`.
struct scoped_certificate {
    std::string target_uri;
    certificate_reference reference = certificate_reference::client_side();
};

/// `<clientCredentials>` (X.509 parts).
struct client_credentials {
    std::string behavior_name;
    std::optional<certificate_reference> client_certificate;
    struct service_certificate_settings {
        std::optional<certificate_reference> default_certificate;
        std::vector<scoped_certificate> scoped_certificates;
        x509_service_certificate_authentication authentication;
        std::optional<x509_service_certificate_authentication> ssl_certificate_authentication;
    } service_certificate;
};

} // namespace wsbind

#endif
