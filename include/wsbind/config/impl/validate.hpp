// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_VALIDATE_HPP
#define WSBIND_CONFIG_IMPL_VALIDATE_HPP

#include <wsbind/config/validate.hpp>
#include <wsbind/config/values.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace wsbind::config {

inline credential_needs credentials_needed(binding_description const& d) {
    credential_needs n;
    auto const mode = d.security.mode;
    auto const message_credential = d.security.message.client_credential_type;
    switch (d.kind) {
    case binding_kind::basic_http:
        if (mode == security_mode::message) {
            // MutualCertificate (WSS 1.0): both certificates known out of band.
            n.service_certificate = true;
            n.client_certificate = true;
        }
        if ((mode == security_mode::transport || mode == security_mode::transport_credential_only) &&
            d.security.transport.client_credential_type == transport_credential_type::certificate)
            n.client_certificate = true;
        if (mode == security_mode::transport_with_message_credential && message_credential == message_credential_type::certificate)
            n.client_certificate = true;
        break;
    case binding_kind::ws_http:
    case binding_kind::ws_2007_http:
    case binding_kind::ws_dual_http:
        if (mode == security_mode::message) {
            if (message_credential != message_credential_type::windows) {
                n.service_certificate = true;
                n.service_certificate_negotiated = d.security.message.negotiate_service_credential;
            }
            if (message_credential == message_credential_type::certificate) n.client_certificate = true;
        }
        if (mode == security_mode::transport && d.security.transport.client_credential_type == transport_credential_type::certificate)
            n.client_certificate = true;
        if (mode == security_mode::transport_with_message_credential && message_credential == message_credential_type::certificate)
            n.client_certificate = true;
        break;
    case binding_kind::net_tcp:
        if (mode == security_mode::message) {
            if (message_credential != message_credential_type::windows) {
                n.service_certificate = true;
                n.service_certificate_negotiated = true; // always negotiated over TCP (§1.6)
            }
            if (message_credential == message_credential_type::certificate) n.client_certificate = true;
        }
        if (mode == security_mode::transport) {
            auto const t = d.security.transport.client_credential_type;
            if (t == transport_credential_type::none || t == transport_credential_type::certificate) {
                n.service_certificate = true; // SslStreamSecurity: the service's certificate comes from serviceCredentials
                n.service_certificate_negotiated = true;
            }
            if (t == transport_credential_type::certificate) n.client_certificate = true;
        }
        if (mode == security_mode::transport_with_message_credential) {
            n.service_certificate = true;
            n.service_certificate_negotiated = true;
            if (message_credential == message_credential_type::certificate) n.client_certificate = true;
        }
        break;
    case binding_kind::custom:
        if (d.stack.contains(custom_element::security)) {
            auto const am = d.security_element.mode;
            auto const* effective = &static_cast<security_element_attributes const&>(d.security_element);
            if (am == authentication_mode::secure_conversation && d.security_element.secure_conversation_bootstrap)
                effective = &*d.security_element.secure_conversation_bootstrap;
            switch (effective->mode) {
            case authentication_mode::anonymous_for_certificate:
            case authentication_mode::user_name_for_certificate:
            case authentication_mode::issued_token_for_certificate:
                n.service_certificate = true;
                break;
            case authentication_mode::anonymous_for_ssl_negotiated:
            case authentication_mode::user_name_for_ssl_negotiated:
            case authentication_mode::issued_token_for_ssl_negotiated:
                n.service_certificate = true;
                n.service_certificate_negotiated = true;
                break;
            case authentication_mode::mutual_ssl_negotiated:
                n.service_certificate = true;
                n.service_certificate_negotiated = true;
                n.client_certificate = true;
                break;
            case authentication_mode::mutual_certificate:
                n.service_certificate = true;
                n.client_certificate = true;
                break;
            case authentication_mode::mutual_certificate_duplex:
                n.service_certificate = true;
                n.client_certificate = true;
                n.duplex_client_certificate = d.stack.contains(custom_element::composite_duplex);
                break;
            case authentication_mode::certificate_over_transport:
                n.client_certificate = true;
                break;
            default:
                break;
            }
        }
        if (d.stack.contains(custom_element::https_transport) && d.transport.require_client_certificate) n.client_certificate = true;
        break;
    }
    return n;
}

namespace detail {

class validator {
public:
    validator(configuration const& cfg, diagnostics& diags, std::string file) : cfg_(cfg), diags_(diags), file_(std::move(file)) {}

    void run(resolved_configuration const& r) {
        for (auto const& s : r.services) service(s);
        for (auto const& e : r.client) client(e);
    }

private:
    void report(severity sev, origin const& o, std::string_view attribute, std::string message, std::string value,
                std::string allowed, std::string code) {
        diagnostic d;
        d.severity = sev;
        d.file = file_;
        d.position = attribute.empty() ? o.position : o.attribute(attribute);
        d.path = attribute.empty() ? o.path : o.path + "/@" + std::string(attribute);
        d.message = std::move(message);
        d.value = std::move(value);
        d.allowed = std::move(allowed);
        d.code = std::move(code);
        diags_.add(std::move(d));
    }

    static std::string binding_label(resolved_endpoint const& e) {
        std::string s = e.binding_section;
        if (e.binding) s += " '" + e.binding->name + "'";
        return s;
    }

    void base_addresses(resolved_service const& rs) {
        auto const& s = *rs.source;
        std::vector<std::string> schemes;
        for (auto const& b : s.base_addresses) {
            std::string const attr = "baseAddress:" + b;
            origin o = s.origin;
            o.path += "/host/baseAddresses/add[@baseAddress='" + b + "']";
            o.position = s.origin.attribute(attr);
            std::string scheme;
            if (!is_absolute_uri(b, &scheme)) {
                report(severity::error, o, {}, "The base address '" + b + "' must be an absolute URI.", b,
                       "an absolute URI (scheme://host[:port]/path)", "BaseAddressMustBeAbsolute");
                continue;
            }
            auto const rest = std::string_view(b).substr(scheme.size() + 1);
            auto const authority_end = rest.substr(2).find_first_of("/?#");
            std::string_view const authority = rest.substr(2, authority_end);
            if (b.find('?') != std::string::npos || b.find('#') != std::string::npos || authority.find('@') != std::string_view::npos)
                report(severity::error, o, {}, "The base address '" + b + "' must not contain user information, a query or a fragment.",
                       b, "scheme://host[:port]/path", "BaseAddressCannotHaveUserInfo");
            std::string const lower = lower_ascii(scheme);
            if (std::find(schemes.begin(), schemes.end(), lower) != schemes.end())
                report(severity::error, o, {},
                       "This collection already contains an address with scheme " + lower +
                           ". There can be at most one address per scheme in this collection.",
                       b, "one base address per scheme", "BaseAddressDuplicateScheme");
            schemes.push_back(lower);
        }
    }

    void scheme_matches(resolved_endpoint const& e) {
        if (!e.address_absolute || e.scheme.empty() || !e.source || !e.source->address) return;
        std::string scheme;
        if (!is_absolute_uri(e.address, &scheme)) return;
        if (lower_ascii(scheme) != e.scheme)
            report(severity::error, e.source->origin, "address",
                   "The provided URI scheme '" + scheme + "' is invalid; expected '" + e.scheme + "' (binding " + binding_label(e) + ").",
                   e.address, "an address with scheme " + e.scheme, "InvalidUriScheme");
    }

    void service(resolved_service const& rs) {
        base_addresses(rs);
        service_credentials_config const* sc = rs.behavior && rs.behavior->service_credentials ? &*rs.behavior->service_credentials : nullptr;
        for (auto const& e : rs.endpoints) {
            scheme_matches(e);
            if (!e.description) continue;
            auto const needs = credentials_needed(*e.description);
            if (needs.service_certificate && !(sc && sc->service_certificate.specified)) {
                report(severity::error, e.source->origin, "binding",
                       "The service certificate is not provided. Specify a service certificate in ServiceCredentials. (Binding " +
                           binding_label(e) + " authenticates the service with an X.509 certificate; service '" + rs.source->name +
                           "' has " +
                           (rs.behavior ? "behavior '" + rs.behavior->name + "' without <serviceCredentials><serviceCertificate>"
                                        : std::string("no service behavior")) +
                           ".)",
                       e.binding_section, "<serviceCredentials><serviceCertificate findValue=... x509FindType=.../> in the service behavior",
                       "ServiceCertificateNotProvided");
            }
            if (needs.duplex_client_certificate && !(sc && sc->client_certificate.specified)) {
                report(severity::error, e.source->origin, "binding",
                       "The client certificate is not provided. Specify a client certificate in ServiceCredentials: a "
                       "MutualCertificateDuplex binding needs <serviceCredentials><clientCertificate><certificate> to secure "
                       "messages to the client.",
                       e.binding_section, "<serviceCredentials><clientCertificate><certificate .../> in the service behavior",
                       "NoClientCertificate");
            }
        }
    }

    void client(resolved_endpoint const& e) {
        scheme_matches(e);
        if (!e.description) return;
        auto const needs = credentials_needed(*e.description);
        client_credentials_config const* cc = e.behavior && e.behavior->client_credentials ? &*e.behavior->client_credentials : nullptr;
        auto const& o = e.source->origin;
        if (needs.client_certificate && !(cc && cc->client_certificate.specified)) {
            report(severity::error, o, "binding",
                   "The client certificate is not provided. Specify a client certificate in ClientCredentials. (Binding " +
                       binding_label(e) + " authenticates the client with an X.509 certificate; the endpoint has " +
                       (e.behavior ? "behavior '" + e.behavior->name + "' without <clientCredentials><clientCertificate>"
                                   : std::string("no endpoint behavior")) +
                       ".)",
                   e.binding_section, "<clientCredentials><clientCertificate findValue=... x509FindType=.../> in the endpoint behavior",
                   "ClientCertificateNotProvidedOnClientCredentials");
        }
        if (needs.service_certificate && !needs.service_certificate_negotiated) {
            bool scoped = false;
            if (cc)
                for (auto const& s : cc->scoped_service_certificates)
                    if (s.target_uri == e.address && s.certificate.specified) scoped = true;
            if (!(cc && (cc->default_service_certificate.specified || scoped)))
                report(severity::error, o, "binding",
                       "The service certificate is not provided for target '" + e.address +
                           "'. Specify a service certificate in ClientCredentials. (Binding " + binding_label(e) +
                           " does not negotiate the service certificate.)",
                       e.binding_section,
                       "<clientCredentials><serviceCertificate><defaultCertificate .../> (or a scoped certificate for the address)",
                       "ServiceCertificateNotProvidedOnClientCredentials");
        }
        if (needs.service_certificate && needs.service_certificate_negotiated && e.source->identity.empty()) {
            std::string host;
            std::string scheme;
            if (is_absolute_uri(e.address, &scheme)) {
                auto rest = std::string_view(e.address).substr(scheme.size() + 1);
                if (rest.substr(0, 2) == "//") {
                    rest.remove_prefix(2);
                    host = std::string(rest.substr(0, rest.find_first_of(":/?#")));
                }
            }
            report(severity::warning, o, {},
                   "The service certificate is negotiated and the endpoint has no <identity>: WCF will require the "
                   "certificate to be issued to DNS name '" + host + "' (the address's host).",
                   e.address, "<identity><dns value=.../></identity> or <certificate>/<certificateReference>",
                   "wsbind_default_dns_identity");
        }
    }

    [[maybe_unused]] configuration const& cfg_;
    diagnostics& diags_;
    std::string file_;
};

} // namespace detail

inline void validate(configuration const& cfg, resolved_configuration const& resolved, diagnostics& diags, std::string const& file) {
    detail::validator(cfg, diags, file).run(resolved);
}

} // namespace wsbind::config

#endif
