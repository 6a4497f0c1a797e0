// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CREDENTIALS_ENDPOINT_IDENTITY_HPP
#define WSBIND_CREDENTIALS_ENDPOINT_IDENTITY_HPP

/// \file
/// Endpoint identities — the values of an endpoint's `<identity>` element (std only). Only the
/// first child present counts, in WCF's precedence userPrincipalName > servicePrincipalName > dns >
/// rsa > certificate > certificateReference (wcf-config-facts.md §4.5). Values are kept as the
/// configuration gives them; decoding them and checking an identity against a service's
/// certificate needs a crypto backend: <wsbind/crypto/identity_check.hpp>.

#include <wsbind/credentials/enums.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace wsbind {

struct dns_identity { std::string value; };                     ///< `<dns value>`
struct user_principal_name_identity { std::string value; };     ///< `<userPrincipalName value>`
struct service_principal_name_identity { std::string value; };  ///< `<servicePrincipalName value>`
/// `<certificate encodedValue>`: the expected certificate, Base64 text as configured.
struct certificate_identity { std::string encoded_value; };
/// `<certificateReference>` (defaults as in .NET: My, LocalMachine, FindBySubjectDistinguishedName).
struct certificate_reference_identity {
    store_name name = store_name::my;
    store_location location = store_location::local_machine;
    x509_find_type find_type = x509_find_type::find_by_subject_distinguished_name;
    std::string find_value;
    bool is_chain_included = false;
};
/// `<rsa value>`: the expected RSA public key in .NET's XML form (`<RSAKeyValue>...`), as configured.
struct rsa_identity { std::string value; };

using endpoint_identity = std::variant<dns_identity, user_principal_name_identity, service_principal_name_identity, certificate_identity,
                                       certificate_reference_identity, rsa_identity>;

/// The identity WCF expects when none is configured: DNS = the endpoint address's host.
[[nodiscard]] inline endpoint_identity default_identity_for_host(std::string_view host) { return dns_identity{std::string(host)}; }

} // namespace wsbind

#endif
