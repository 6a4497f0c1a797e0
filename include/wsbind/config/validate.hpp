// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_VALIDATE_HPP
#define WSBIND_CONFIG_VALIDATE_HPP

/// \file
/// Validation of a resolved configuration (wcf-config-facts.md §4.2, §5.5, §5.6):
///  - every modelled `<binding>` against core's rule table (`wsbind::validate`), with the rule's
///    words, its .NET resource key and the attribute it blames; client-side and service-side rules
///    for the bindings client and service endpoints use;
///  - the rules that span bindings, behaviors and endpoints, with what core's facts say a
///    binding needs (facts.hpp):
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

/// Whether the service takes its own certificate from `<serviceCredentials><serviceCertificate>`:
/// core's `needs_service_certificate`, except the certificate of an HTTPS transport, which comes
/// from the HTTP stack (http.sys or IIS), not from WCF's configuration.
[[nodiscard]] bool service_certificate_from_credentials(binding_description const& d);

/// Checks the bindings against the rule table and the cross-element rules; problems go to `diags`.
void validate(configuration const& cfg, resolved_configuration const& resolved, diagnostics& diags,
              std::string const& file = {});

} // namespace wsbind::config

#include <wsbind/config/impl/validate.hpp>

#endif
