// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_VALIDATE_HPP
#define WSBIND_CONFIG_IMPL_VALIDATE_HPP

#include <wsbind/config/validate.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/core/facts.hpp>
#include <wsbind/core/rules.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wsbind::config {

inline bool service_certificate_from_credentials(binding_description const& d) {
    if (!needs_service_certificate(d)) return false;
    if (d.kind == binding_kind::net_tcp || transport_scheme(d) != "https") return true;
    if (d.kind != binding_kind::custom) return false; // HTTPS with transport-level security only
    // customBinding over HTTPS: does the message-level security element need it as well?
    binding_description plain = d;
    plain.stack = custom_stack{};
    for (auto e : d.stack) plain.stack.push_back(e == custom_element::https_transport ? custom_element::http_transport : e);
    return needs_service_certificate(plain);
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
    void report(severity sev, origin const& o, std::string_view path, std::string_view attribute, std::string message,
                std::string value, std::string allowed, std::string code) {
        diags_.add(o.located(cfg_.positions.get(), sev, file_, path, attribute, std::move(message), std::move(value), std::move(allowed), std::move(code)));
    }
    /// A diagnostic at the endpoint of `e` (`service`: the service holding it; nullptr for a client endpoint).
    void report(severity sev, resolved_endpoint const& e, service_config const* service, std::string_view attribute,
                std::string message, std::string value, std::string allowed, std::string code) {
        report(sev, e.source->origin, e.source->path(service), attribute, std::move(message), std::move(value), std::move(allowed),
               std::move(code));
    }

    static std::string binding_label(resolved_endpoint const& e) {
        std::string s = e.binding_section;
        if (e.binding) s += " '" + e.binding->name + "'";
        return s;
    }

    void base_addresses(resolved_service const& rs) {
        auto const& s = *rs.source;
        std::vector<std::string> schemes;
        schemes.reserve(s.base_addresses.size());
        for (std::size_t i = 0; i < s.base_addresses.size(); ++i) {
            auto const& b = s.base_addresses[i];
            origin at{s.origin.offset, {}}; // where the base address was written
            if (i < s.base_address_offsets.size()) at.offset = s.base_address_offsets[i];
            auto const path = [&] { return s.path() + "/host/baseAddresses/add[@baseAddress='" + b + "']"; };
            std::string scheme;
            if (!is_absolute_uri(b, &scheme)) {
                report(severity::error, at, path(), {}, "The base address '" + b + "' must be an absolute URI.", b,
                       "an absolute URI (scheme://host[:port]/path)", "BaseAddressMustBeAbsolute");
                continue;
            }
            auto const rest = std::string_view(b).substr(scheme.size() + 1);
            auto const authority_end = rest.substr(2).find_first_of("/?#");
            std::string_view const authority = rest.substr(2, authority_end);
            if (b.find('?') != std::string::npos || b.find('#') != std::string::npos || authority.find('@') != std::string_view::npos)
                report(severity::error, at, path(), {}, "The base address '" + b + "' must not contain user information, a query or a fragment.",
                       b, "scheme://host[:port]/path", "BaseAddressCannotHaveUserInfo");
            std::string const lower = lower_ascii(scheme);
            if (std::find(schemes.begin(), schemes.end(), lower) != schemes.end())
                report(severity::error, at, path(), {},
                       "This collection already contains an address with scheme " + lower +
                           ". There can be at most one address per scheme in this collection.",
                       b, "one base address per scheme", "BaseAddressDuplicateScheme");
            schemes.push_back(lower);
        }
    }

    /// The transport address (ListenUri on a service, the address on a client unless a clientVia
    /// behavior sends it elsewhere) must use the binding's scheme.
    void scheme_matches(resolved_endpoint const& e, service_config const* service) {
        bool const service_side = service != nullptr;
        if (e.scheme.empty() || !e.source) return;
        std::string_view attribute = "address";
        std::string_view uri = e.address;
        if (service_side && !e.source->listen_uri.empty()) {
            attribute = "listenUri";
            uri = e.source->listen_uri;
        } else if (!service_side && e.behavior) {
            for (auto const& u : e.behavior->unmodelled)
                if (u.name == "clientVia") return;
        }
        std::string scheme;
        if (!is_absolute_uri(uri, &scheme)) return;
        if (std::string_view(uri).substr(scheme.size() + 1, 2) != "//") return; // urn:..., a logical address
        if (lower_ascii(scheme) != e.scheme)
            report(severity::error, e, service, attribute,
                   "The provided URI scheme '" + scheme + "' is invalid; expected '" + e.scheme + "' (binding " + binding_label(e) + ").",
                   std::string(uri), "an address with scheme " + e.scheme, "InvalidUriScheme");
    }

    void service(resolved_service const& rs) {
        base_addresses(rs);
        service_credentials_config const* sc = rs.behavior && rs.behavior->service_credentials ? &*rs.behavior->service_credentials : nullptr;
        for (auto const& e : rs.endpoints) {
            scheme_matches(e, rs.source);
            if (!e.description) continue;
            side_rules(e, rs.source, rule_side::service);
            auto const& d = *e.description;
            if (service_certificate_from_credentials(d) && !(sc && sc->service_certificate.specified)) {
                report(severity::error, e, rs.source, "binding",
                       "The service certificate is not provided. Specify a service certificate in ServiceCredentials. (Binding " +
                           binding_label(e) + " authenticates the service with an X.509 certificate; service '" + rs.source->name +
                           "' has " +
                           (rs.behavior ? "behavior '" + rs.behavior->name + "' without <serviceCredentials><serviceCertificate>"
                                        : std::string("no service behavior")) +
                           ".)",
                       e.binding_section, "<serviceCredentials><serviceCertificate findValue=... x509FindType=.../> in the service behavior",
                       "ServiceCertificateNotProvided");
            }
            if (service_needs_client_certificate_in_advance(d) && is_duplex(d) && !(sc && sc->client_certificate.specified)) {
                report(severity::error, e, rs.source, "binding",
                       "The client certificate is not provided. Specify a client certificate in ServiceCredentials: a "
                       "MutualCertificateDuplex binding needs <serviceCredentials><clientCertificate><certificate> to secure "
                       "messages to the client.",
                       e.binding_section, "<serviceCredentials><clientCertificate><certificate .../> in the service behavior",
                       "NoClientCertificate");
            }
        }
    }

    void client(resolved_endpoint const& e) {
        scheme_matches(e, nullptr);
        if (!e.description) return;
        side_rules(e, nullptr, rule_side::client);
        auto const& d = *e.description;
        client_credentials_config const* cc = e.behavior && e.behavior->client_credentials ? &*e.behavior->client_credentials : nullptr;
        auto const& identity = e.source->identity;
        if (needs_client_certificate(d) && !(cc && cc->client_certificate.specified)) {
            report(severity::error, e, nullptr, "binding",
                   "The client certificate is not provided. Specify a client certificate in ClientCredentials. (Binding " +
                       binding_label(e) + " authenticates the client with an X.509 certificate; the endpoint has " +
                       (e.behavior ? "behavior '" + e.behavior->name + "' without <clientCredentials><clientCertificate>"
                                   : std::string("no endpoint behavior")) +
                       ".)",
                   e.binding_section, "<clientCredentials><clientCertificate findValue=... x509FindType=.../> in the endpoint behavior",
                   "ClientCertificateNotProvidedOnClientCredentials");
        }
        bool const identity_certificate = identity.certificate || identity.certificate_reference;
        if (client_needs_service_certificate_in_advance(d)) {
            bool scoped = false;
            if (cc)
                for (auto const& s : cc->scoped_service_certificates)
                    if (s.target_uri == e.address && s.certificate.specified) scoped = true;
            if (!(cc && (cc->default_service_certificate.specified || scoped)) && !identity_certificate)
                report(severity::error, e, nullptr, "binding",
                       "The service certificate is not provided for target '" + e.address +
                           "'. Specify a service certificate in ClientCredentials. (Binding " + binding_label(e) +
                           " does not negotiate the service certificate: the client must know it in advance.)",
                       e.binding_section,
                       "<clientCredentials><serviceCertificate><defaultCertificate .../> (or a scoped certificate for the "
                       "address), or an <identity> with <certificate> or <certificateReference>",
                       "ServiceCertificateNotProvidedOnClientCredentials");
        } else if (service_certificate_from_credentials(d) && identity.empty()) {
            std::string host;
            std::string scheme;
            if (is_absolute_uri(e.address, &scheme)) {
                auto rest = std::string_view(e.address).substr(scheme.size() + 1);
                if (rest.substr(0, 2) == "//") {
                    rest.remove_prefix(2);
                    host = std::string(rest.substr(0, rest.find_first_of(":/?#")));
                }
            }
            report(severity::warning, e, nullptr, {},
                   "The service authenticates with a certificate the client obtains at run time, and the endpoint has no "
                   "<identity>: WCF will require that certificate to be issued to DNS name '" + host + "' (the address's host).",
                   e.address, "<identity><dns value=.../></identity>, <certificate> or <certificateReference>",
                   "wsbind_default_dns_identity");
        }
    }

    /// The rules of the table that apply to one side (client or service) for the binding an
    /// endpoint uses; side-independent rules were checked on the `<binding>` itself.
    void side_rules(resolved_endpoint const& e, service_config const* service, rule_side side) {
        // Endpoints share bindings: each binding is checked once per side.
        auto& cache = side == rule_side::client ? client_masks_ : service_masks_;
        auto [it, fresh] = cache.try_emplace(e.description, 0);
        if (fresh) {
            auto const sec = security_element_of(*e.description);
            for (auto const& r : rule_table)
                if (r.side == side && !rule_holds(r.id, *e.description, sec)) it->second |= std::uint64_t{1} << static_cast<unsigned>(r.id);
        }
        if (it->second == 0) return;
        for (auto const& rule : rule_table) {
            if (!((it->second >> static_cast<unsigned>(rule.id)) & 1u)) continue;
            auto const* r = &rule;
            report(severity::error, e, service, "binding",
                   std::string(r->text) + " (binding " + binding_label(e) + ", used by this " +
                       (side == rule_side::client ? "client" : "service") + " endpoint)",
                   e.binding_section, {}, std::string(r->wcf_key));
        }
    }

public:
    /// Every `<binding>` wsbind models, against the side-independent rules.
    void bindings() {
        for (auto const& b : cfg_.bindings) {
            if (!b.kind || !b.fully_modelled) continue;
            for (auto const* r : wsbind::validate(b.description, rule_side::any)) {
                if (r->side != rule_side::any) continue;
                diagnostic d;
                d.severity = severity::error;
                d.file = file_;
                d.position = cfg_.position(b.origin.offset);
                d.path = b.path();
                std::string_view const blamed = r->path;
                if (!blamed.empty()) {
                    // The attribute to blame, where it was written (customBinding: within its element).
                    for (auto const& [s, pos] : b.positions) {
                        std::string key(s->element);
                        if (!key.empty()) key += '/';
                        key += s->path;
                        std::string_view k = key;
                        if (k == blamed || (k.size() > blamed.size() && k.substr(k.size() - blamed.size()) == blamed &&
                                            k[k.size() - blamed.size() - 1] == '/')) {
                            d.position = cfg_.position(pos);
                            auto const slash = key.rfind('/');
                            d.path = b.path() + "/" + (slash == std::string::npos ? "@" + key : key.substr(0, slash + 1) + "@" + key.substr(slash + 1));
                            break;
                        }
                    }
                }
                d.message = std::string(r->text) + ".";
                d.value = std::string(r->name);
                d.code = std::string(r->wcf_key);
                diags_.add(std::move(d));
            }
        }
    }

private:
    configuration const& cfg_;
    diagnostics& diags_;
    std::string file_;
    std::unordered_map<binding_description const*, std::uint64_t> client_masks_, service_masks_; ///< side_rules' violations
};

} // namespace detail

inline void validate(configuration const& cfg, resolved_configuration const& resolved, diagnostics& diags, std::string const& file) {
    detail::validator v(cfg, diags, file);
    v.bindings();
    v.run(resolved);
}

} // namespace wsbind::config

#endif
