// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_VALIDATE_HPP
#define WSBIND_CONFIG_VALIDATE_HPP

/// \file
/// Validation of a resolved configuration: the rules that span bindings, behaviors and
/// endpoints (wcf-config-facts.md §4.2, §5.5, §5.6). Rules about a single binding description
/// belong to core's rule table and are applied through it, with its words.
///
/// Cross-element rules checked here:
///  - a service endpoint whose binding makes the service prove itself with an X.509 certificate
///    (message security other than Windows, netTcp SSL, certificate-based customBinding
///    authentication modes) needs `<serviceCredentials><serviceCertificate>` in the service's
///    behavior (ServiceCertificateNotProvided);
///  - a MutualCertificateDuplex service needs `<serviceCredentials><clientCertificate><certificate>`
///    (NoClientCertificate, seed 000);
///  - a client endpoint whose binding authenticates the client with a certificate needs
///    `<clientCredentials><clientCertificate>` in its endpoint behavior
///    (ClientCertificateNotProvidedOnClientCredentials); when the service certificate is not
///    negotiated it needs `<serviceCertificate><defaultCertificate>` or a scoped certificate for the
///    address (ServiceCertificateNotProvidedOnClientCredentials); when it is negotiated and no
///    `<identity>` is given, WCF expects the certificate to carry the address's host name (warning);
///  - base addresses: absolute, no user info, query or fragment, one per scheme;
///  - an absolute endpoint address whose scheme is not the binding's.

#include <wsbind/config/diagnostic.hpp>
#include <wsbind/config/model.hpp>
#include <wsbind/config/resolve.hpp>

#include <string>

namespace wsbind::config {

/// What a binding asks of the credentials at each end.
struct credential_needs {
    bool service_certificate = false;          ///< the service authenticates with an X.509 certificate
    bool service_certificate_negotiated = false; ///< ... which the client obtains by negotiation
    bool client_certificate = false;           ///< the client authenticates with an X.509 certificate
    bool duplex_client_certificate = false;    ///< MutualCertificateDuplex: the service holds the client's certificate
};

/// The credentials a binding description needs (see the table in the header comment).
[[nodiscard]] credential_needs credentials_needed(binding_description const& d);

/// Checks the cross-element rules (and, once core's rule table is available, each resolved
/// binding against it); problems go to `diags`.
void validate(configuration const& cfg, resolved_configuration const& resolved, diagnostics& diags,
              std::string const& file = {});

} // namespace wsbind::config

#include <wsbind/config/impl/validate.hpp>

#endif
