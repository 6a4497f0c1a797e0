// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_VALIDATE_HPP
#define WSBIND_CONFIG_IMPL_VALIDATE_HPP

#include <wsbind/config/validate.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/core/facts.hpp>
#include <wsbind/core/rules.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wsbind::config {

namespace detail {
/// `service_certificate_from_credentials` given `e` = security_element_of(d).
inline bool service_certificate_from_credentials(binding_description const& d, security_element_info const& e) {
    if (!needs_service_certificate(d, e)) return false;
    if (d.kind == binding_kind::net_tcp || transport_scheme(d) != "https") return true;
    if (d.kind != binding_kind::custom) return false; // HTTPS with transport-level security only
    // customBinding over HTTPS: does the message-level security element need it as well?
    binding_description plain = d;
    plain.stack = custom_stack{};
    for (auto e : d.stack) plain.stack.push_back(e == custom_element::https_transport ? custom_element::http_transport : e);
    return needs_service_certificate(plain);
}

/// What validation needs of one binding, computed once: endpoints share bindings.
struct binding_facts {
    std::uint64_t violations = 0; ///< the rules of every side it violates (core's rule_mask bits)
    bool service_certificate_from_credentials = false;
    bool service_needs_client_certificate = false; ///< in advance, for a duplex binding (MutualCertificateDuplex)
    bool needs_client_certificate = false;
    bool client_needs_service_certificate_in_advance = false;
    bool known = false; ///< computed
};

inline binding_facts facts_of(binding_description const& d) {
    auto const e = security_element_of(d);
    binding_facts f;
    f.violations = violated_rules(d, e);
    f.service_certificate_from_credentials = service_certificate_from_credentials(d, e);
    f.service_needs_client_certificate = service_needs_client_certificate_in_advance(d, e) && is_duplex(d);
    f.needs_client_certificate = needs_client_certificate(d, e);
    f.client_needs_service_certificate_in_advance = client_needs_service_certificate_in_advance(d, e);
    f.known = true;
    return f;
}
} // namespace detail

inline bool service_certificate_from_credentials(binding_description const& d) {
    return detail::service_certificate_from_credentials(d, security_element_of(d));
}

namespace detail {

class validator {
public:
    validator(configuration const& cfg, diagnostics& diags, std::string file)
        : cfg_(cfg), diags_(diags), file_(std::move(file)), facts_(cfg.bindings.size()) {}

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
        std::vector<std::string_view> schemes; // of the absolute base addresses so far
        schemes.reserve(s.base_addresses.size());
        for (std::size_t i = 0; i < s.base_addresses.size(); ++i) {
            auto const& b = s.base_addresses[i];
            origin at{s.origin.offset, {}}; // where the base address was written
            if (i < s.base_address_offsets.size()) at.offset = s.base_address_offsets[i];
            auto const path = [&] { return s.path() + "/host/baseAddresses/add[@baseAddress='" + b + "']"; };
            auto const head = detail::split_uri_head(b);
            if (head.scheme.empty()) {
                report(severity::error, at, path(), {}, "The base address '" + b + "' must be an absolute URI.", b,
                       "an absolute URI (scheme://host[:port]/path)", "BaseAddressMustBeAbsolute");
                continue;
            }
            std::string_view const scheme = head.scheme, authority = head.authority;
            if (b.find('?') != std::string::npos || b.find('#') != std::string::npos || authority.find('@') != std::string_view::npos)
                report(severity::error, at, path(), {}, "The base address '" + b + "' must not contain user information, a query or a fragment.",
                       b, "scheme://host[:port]/path", "BaseAddressCannotHaveUserInfo");
            if (std::any_of(schemes.begin(), schemes.end(), [&](std::string_view x) { return iequals(x, scheme); })) {
                std::string const lower = lower_ascii(scheme);
                report(severity::error, at, path(), {},
                       "This collection already contains an address with scheme " + lower +
                           ". There can be at most one address per scheme in this collection.",
                       b, "one base address per scheme", "BaseAddressDuplicateScheme");
            }
            schemes.push_back(scheme);
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
        auto const head = detail::split_uri_head(uri);
        if (!head.has_authority) return; // relative, or urn:..., a logical address
        std::string_view const scheme = head.scheme;
        if (!iequals(scheme, e.scheme)) // e.scheme is lower case
            report(severity::error, e, service, attribute,
                   "The provided URI scheme '" + std::string(scheme) + "' is invalid; expected '" + e.scheme + "' (binding " + binding_label(e) + ").",
                   std::string(uri), "an address with scheme " + e.scheme, "InvalidUriScheme");
    }

    void service(resolved_service const& rs) {
        base_addresses(rs);
        service_credentials_config const* sc = rs.behavior && rs.behavior->service_credentials ? &*rs.behavior->service_credentials : nullptr;
        for (auto const& e : rs.endpoints) {
            scheme_matches(e, rs.source);
            if (!e.description) continue;
            auto const& f = facts(e);
            side_rules(e, f, rs.source, rule_side::service);
            if (f.service_certificate_from_credentials && !(sc && sc->service_certificate.specified)) {
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
            if (f.service_needs_client_certificate && !(sc && sc->client_certificate.specified)) {
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
        auto const& f = facts(e);
        side_rules(e, f, nullptr, rule_side::client);
        client_credentials_config const* cc = e.behavior && e.behavior->client_credentials ? &*e.behavior->client_credentials : nullptr;
        auto const& identity = e.source->identity;
        if (f.needs_client_certificate && !(cc && cc->client_certificate.specified)) {
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
        if (f.client_needs_service_certificate_in_advance) {
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
        } else if (f.service_certificate_from_credentials && identity.empty()) {
            auto const head = detail::split_uri_head(e.address);
            std::string const host(head.authority.substr(0, head.authority.find(':')));
            report(severity::warning, e, nullptr, {},
                   "The service authenticates with a certificate the client obtains at run time, and the endpoint has no "
                   "<identity>: WCF will require that certificate to be issued to DNS name '" + host + "' (the address's host).",
                   e.address, "<identity><dns value=.../></identity>, <certificate> or <certificateReference>",
                   "wsbind_default_dns_identity");
        }
    }

    /// The facts of the binding endpoint `e` uses (`e.description` set): computed once per
    /// `<binding>` and per binding type's defaults.
    binding_facts const& facts(resolved_endpoint const& e) {
        auto const& d = *e.description;
        binding_facts* f = nullptr;
        std::less<binding_config const*> const before;
        if (e.binding && &e.binding->description == &d && !before(e.binding, cfg_.bindings.data()) &&
            before(e.binding, cfg_.bindings.data() + cfg_.bindings.size()))
            f = &facts_[static_cast<std::size_t>(e.binding - cfg_.bindings.data())];
        else if (&d == &default_binding(d.kind))
            f = &default_facts_[static_cast<std::size_t>(d.kind)];
        else
            f = &other_facts_;
        if (!f->known || f == &other_facts_) *f = facts_of(d);
        return *f;
    }

    /// The rules of the table that apply to one side (client or service) for the binding an
    /// endpoint uses; side-independent rules were checked on the `<binding>` itself.
    void side_rules(resolved_endpoint const& e, binding_facts const& f, service_config const* service, rule_side side) {
        auto const violated = f.violations & (side == rule_side::client ? client_rules : service_rules);
        for_each_rule(violated, [&](rule const& r) {
            report(severity::error, e, service, "binding",
                   std::string(r.text) + " (binding " + binding_label(e) + ", used by this " +
                       (side == rule_side::client ? "client" : "service") + " endpoint)",
                   e.binding_section, {}, std::string(r.wcf_key));
        });
    }

    /// Calls `f` with each rule of the table whose bit is set in `mask`, in table order.
    template <class F>
    static void for_each_rule(std::uint64_t mask, F&& f) {
        if (mask == 0) return;
        for (auto const& r : rule_table)
            if ((mask >> static_cast<unsigned>(r.id)) & 1u) f(r);
    }

public:
    /// Every `<binding>` wsbind models, against the side-independent rules.
    void bindings() {
        for (std::size_t i = 0; i < cfg_.bindings.size(); ++i) {
            auto const& b = cfg_.bindings[i];
            if (!b.kind || !b.fully_modelled) continue;
            facts_[i] = facts_of(b.description);
            for_each_rule(facts_[i].violations & any_rules, [&](rule const& rule) {
                auto const* r = &rule;
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
            });
        }
    }

private:
    configuration const& cfg_;
    diagnostics& diags_;
    std::string file_;
    static constexpr std::uint64_t any_rules = rules_on_side(rule_side::any);
    static constexpr std::uint64_t client_rules = rules_on_side(rule_side::client);
    static constexpr std::uint64_t service_rules = rules_on_side(rule_side::service);
    std::vector<binding_facts> facts_;                           ///< per cfg_.bindings entry
    std::array<binding_facts, enum_size<binding_kind>> default_facts_{}; ///< per binding type's defaults
    binding_facts other_facts_;                                  ///< a description from elsewhere (not cached)
};

} // namespace detail

inline void validate(configuration const& cfg, resolved_configuration const& resolved, diagnostics& diags, std::string const& file) {
    detail::validator v(cfg, diags, file);
    v.bindings();
    v.run(resolved);
}

} // namespace wsbind::config

#endif
