// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_RESOLVE_HPP
#define WSBIND_CONFIG_IMPL_RESOLVE_HPP

#include <wsbind/config/impl/key_set.hpp>
#include <wsbind/config/impl/names.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/core/facts.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wsbind::config {

namespace detail {

inline std::string_view transport_element_scheme(std::string_view element) noexcept {
    if (element == "httpTransport") return "http";
    if (element == "httpsTransport") return "https";
    if (element == "tcpTransport") return "net.tcp";
    if (element == "namedPipeTransport") return "net.pipe";
    if (element == "msmqTransport") return "net.msmq";
    if (element == "msmqIntegration") return "msmq.formatname";
    if (element == "peerTransport") return "net.p2p";
    if (element == "udpTransport") return "soap.udp";
    return {};
}

inline std::string_view section_scheme(std::string_view section) noexcept {
    if (section == "basicHttpBinding" || section == "basicHttpContextBinding" || section == "netHttpBinding" ||
        section == "mexHttpBinding" || section == "webHttpBinding" || section == "wsHttpBinding" ||
        section == "ws2007HttpBinding" || section == "wsDualHttpBinding" || section == "wsFederationHttpBinding" ||
        section == "ws2007FederationHttpBinding" || section == "wsHttpContextBinding")
        return "http";
    if (section == "basicHttpsBinding" || section == "netHttpsBinding" || section == "mexHttpsBinding") return "https";
    if (section == "netTcpBinding" || section == "netTcpContextBinding" || section == "mexTcpBinding") return "net.tcp";
    if (section == "netNamedPipeBinding" || section == "mexNamedPipeBinding") return "net.pipe";
    if (section == "netMsmqBinding") return "net.msmq";
    if (section == "msmqIntegrationBinding") return "msmq.formatname";
    if (section == "netPeerTcpBinding") return "net.p2p";
    if (section == "udpBinding") return "soap.udp";
    return {};
}

inline std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = ascii_lower(c);
    return out;
}

/// A (section or kind, name) key into the configuration, which outlives the lookup.
struct name_key {
    std::string_view first, second;
    friend bool operator==(name_key const&, name_key const&) = default;
};

struct name_key_hash {
    std::size_t operator()(name_key const& k) const noexcept {
        std::hash<std::string_view> h;
        return h(k.first) * 31u ^ h(k.second);
    }
};

} // namespace detail

inline std::string binding_scheme(std::string_view section, binding_config const* configured,
                                  binding_description const* description) {
    if (section == "customBinding") {
        if (configured)
            for (auto const& e : configured->element_order)
                if (auto s = detail::transport_element_scheme(e); !s.empty()) return std::string(s);
        return {};
    }
    if (description) return std::string(transport_scheme(*description));
    return std::string(detail::section_scheme(section));
}

inline binding_description const& default_binding(binding_kind kind) {
    static binding_description const defaults[] = {
        default_description(binding_kind::basic_http),   default_description(binding_kind::ws_http),
        default_description(binding_kind::ws_2007_http), default_description(binding_kind::ws_dual_http),
        default_description(binding_kind::net_tcp),      default_description(binding_kind::custom)};
    static_assert(std::size(defaults) == enum_size<binding_kind>);
    return defaults[static_cast<std::size_t>(kind)];
}

inline std::string combine_address(std::string_view base, std::string_view relative) {
    while (!relative.empty() && (relative.front() == '/' || relative.front() == '\\')) relative.remove_prefix(1);
    if (relative.empty()) return std::string(base);
    bool const slash = base.empty() || base.back() != '/';
    std::string out;
    out.reserve(base.size() + (slash ? 1 : 0) + relative.size());
    out.append(base);
    if (slash) out += '/';
    out.append(relative);
    return out;
}

namespace detail {

class resolver {
public:
    resolver(configuration const& cfg, diagnostics& diags, std::string file) : cfg_(cfg), diags_(diags), file_(std::move(file)) {
        // Lookups by key: configurations can hold thousands of bindings, behaviors and endpoints.
        // The first of each key, as find_binding and find_behavior.
        for (std::size_t i = 0; i < cfg_.bindings.size(); ++i) {
            auto const h = name_key_hash{}({cfg_.bindings[i].section, cfg_.bindings[i].name});
            if (!find_configured(h, cfg_.bindings[i].section, cfg_.bindings[i].name)) bindings_.insert(h, i);
        }
        for (std::size_t i = 0; i < cfg_.behaviors.size(); ++i) {
            auto const h = name_key_hash{}({to_string(cfg_.behaviors[i].kind), cfg_.behaviors[i].name});
            if (!find_configured(h, cfg_.behaviors[i].kind, cfg_.behaviors[i].name)) behaviors_.insert(h, i);
        }
    }

    resolved_configuration run() {
        resolved_configuration out;
        out.services.reserve(cfg_.services.size());
        out.client.reserve(cfg_.client.size());
        for (auto const& s : cfg_.services) {
            resolved_service& rs = out.services.emplace_back();
            rs.source = &s;
            rs.behavior = find_behavior(behavior_kind::service, s.behavior_configuration, s.origin, [&] { return s.path(); },
                                        "behaviorConfiguration");
            rs.endpoints.reserve(s.endpoints.size());
            for (auto const& e : s.endpoints) rs.endpoints.push_back(resolve_endpoint(e, &s));
        }
        for (auto const& e : cfg_.client) out.client.push_back(resolve_endpoint(e, nullptr));
        return out;
    }

private:
    void report(severity sev, origin const& o, std::string_view path, std::string_view attribute, std::string message,
                std::string value, std::string allowed, std::string code) {
        diags_.add(o.located(cfg_.positions.get(), sev, file_, path, attribute, std::move(message), std::move(value), std::move(allowed), std::move(code)));
    }
    /// A diagnostic at endpoint `e` (of `service`, or a client endpoint).
    void report(severity sev, endpoint_config const& e, service_config const* service, std::string_view attribute,
                std::string message, std::string value, std::string allowed, std::string code) {
        report(sev, e.origin, e.path(service), attribute, std::move(message), std::move(value), std::move(allowed), std::move(code));
    }

    std::string names_of(behavior_kind kind) const {
        std::string out;
        for (auto const& b : cfg_.behaviors) {
            if (b.kind != kind) continue;
            if (!out.empty()) out += ", ";
            out += b.name.empty() ? "(unnamed)" : b.name;
        }
        return out.empty() ? "none are configured" : out;
    }

    /// The behavior named `name`; an error at `o` (element path `path()`) when there is none.
    template <class Path>
    behavior_config const* find_behavior(behavior_kind kind, std::string const& name, origin const& o, Path&& path,
                                         std::string_view attr) {
        if (auto const* b = find_configured(kind, name)) return b;
        if (name.empty()) return nullptr; // no default behavior: nothing applied
        report(severity::error, o, path(), attr,
               std::string("There is no ") + (kind == behavior_kind::service ? "service" : "endpoint") + " behavior named '" +
                   name + "'.",
               name, names_of(kind), kind == behavior_kind::service ? "ConfigInvalidServiceBehavior" : "ConfigInvalidEndpointBehavior");
        return nullptr;
    }

    std::string configured_names(std::string const& section) const {
        std::string out;
        for (auto const& b : cfg_.bindings) {
            if (b.section != section) continue;
            if (!out.empty()) out += ", ";
            out += b.name.empty() ? "(unnamed)" : b.name;
        }
        return out.empty() ? "none are configured" : out;
    }

    resolved_endpoint resolve_endpoint(endpoint_config const& e, service_config const* service) {
        resolved_endpoint r;
        r.source = &e;
        r.binding_section = e.binding;
        bool const client = service == nullptr;
        r.behavior = find_behavior(behavior_kind::endpoint, e.behavior_configuration, e.origin, [&] { return e.path(service); },
                                   "behaviorConfiguration");

        if (!e.endpoint_configuration.empty() && e.kind.empty())
            report(severity::error, e, service, "endpointConfiguration",
                   "The endpointConfiguration '" + e.endpoint_configuration + "' needs a kind (a standard endpoint type).",
                   e.endpoint_configuration, "kind=\"...\" together with endpointConfiguration", "ConfigInvalidAttribute");
        if (!e.kind.empty()) {
            report(severity::warning, e, service, "kind",
                   "Standard endpoints (kind='" + e.kind + "') are not modelled by wsbind; the endpoint is kept as written.", e.kind,
                   {}, "wsbind_unmodelled");
        }
        if (e.binding.empty()) {
            if (e.kind.empty())
                report(severity::error, e, service, {}, "The required attribute 'binding' was not found on this endpoint.", {},
                       "a binding type, e.g. basicHttpBinding", "Config_base_required_attribute_missing");
            if (!e.binding_configuration.empty())
                report(severity::error, e, service, "bindingConfiguration",
                       "The endpoint names bindingConfiguration '" + e.binding_configuration + "' but no binding type.",
                       e.binding_configuration, "binding=\"...\" together with bindingConfiguration", "ConfigInvalidAttribute");
        }
        if (client && e.contract.empty() && e.kind.empty())
            report(severity::error, e, service, {}, "The required attribute 'contract' was not found on this endpoint.", {},
                   "the contract's configuration name", "Config_base_required_attribute_missing");

        if (!e.binding.empty()) resolve_binding(e, service, r);

        // Address.
        std::string_view const written = e.address ? std::string_view(*e.address) : std::string_view();
        if (detail::scheme_length(written) != 0) { // absolute
            r.address = written;
            r.address_absolute = true;
        } else if (service && !r.scheme.empty()) {
            std::string const* base = nullptr;
            for (auto const& b : service->base_addresses) {
                std::size_t const n = detail::scheme_length(b);
                if (n != 0 && iequals(std::string_view(b).substr(0, n), r.scheme)) {
                    base = &b;
                    break;
                }
            }
            if (base) {
                r.address = combine_address(*base, written);
                r.address_absolute = true;
            } else if (!service->base_addresses.empty()) {
                std::string schemes;
                for (auto const& b : service->base_addresses) {
                    std::string scheme;
                    if (!is_absolute_uri(b, &scheme)) continue;
                    if (!schemes.empty()) schemes += ", ";
                    schemes += scheme;
                }
                r.address = written;
                report(severity::error, e, service, "address",
                       "Could not find a base address that matches scheme " + r.scheme + " for the endpoint with binding " +
                           e.binding + ". Registered base address schemes are [" + schemes + "].",
                       std::string(written), "a base address with scheme " + r.scheme + ", or an absolute address", "SFxEndpointNoMatchingScheme");
            } else {
                r.address = written;
                if (e.kind.empty())
                    report(severity::warning, e, service, "address",
                           "The endpoint address '" + std::string(written) +
                               "' is relative and the service has no base address: it resolves only when the host supplies "
                               "one (IIS/WAS hosting).",
                           std::string(written), {}, "wsbind_relative_address_without_base");
            }
        } else {
            r.address = written;
        }
        return r;
    }

    void resolve_binding(endpoint_config const& e, service_config const* service, resolved_endpoint& r) {
        auto const kind = enum_from_string<binding_kind>(e.binding);
        bool const known = kind || contains(known_binding_sections, e.binding) ||
                           std::find(cfg_.extensions.binding_extensions.begin(), cfg_.extensions.binding_extensions.end(),
                                     e.binding) != cfg_.extensions.binding_extensions.end();
        if (!known) {
            report(severity::error, e, service, "binding",
                   "The binding at system.serviceModel/bindings/" + e.binding +
                       " does not match a configured binding type. This is an invalid value for binding.",
                   e.binding, "a binding type WCF knows or the file registers (names are case-sensitive)", "ConfigInvalidSection");
            return;
        }
        binding_config const* configured = find_configured(e.binding, e.binding_configuration);
        if (!configured && !e.binding_configuration.empty()) {
            report(severity::error, e, service, "bindingConfiguration",
                   "The " + e.binding + " binding does not have a configured binding named '" + e.binding_configuration +
                       "'. This is an invalid value for bindingConfiguration.",
                   e.binding_configuration, configured_names(e.binding), "ConfigInvalidBindingConfigurationName");
        }
        r.binding = configured;
        if (kind) {
            if (configured) {
                if (configured->fully_modelled && configured->kind) r.description = &configured->description;
            } else if (*kind != binding_kind::custom) {
                r.description = &default_binding(*kind);
            }
        } else if (e.kind.empty()) {
            report(severity::warning, e, service, "binding",
                   "The binding type " + e.binding + " is not modelled by wsbind; this endpoint is kept but not resolved to a "
                   "wsbind binding.",
                   e.binding, {}, "wsbind_unmodelled");
        }
        r.scheme = binding_scheme(e.binding, configured, r.description);
    }

    binding_config const* find_configured(std::string_view section, std::string_view name) const {
        return find_configured(name_key_hash{}({section, name}), section, name);
    }
    /// As above, given `hash` = name_key_hash of (section, name).
    binding_config const* find_configured(std::size_t hash, std::string_view section, std::string_view name) const {
        auto const i = bindings_.find(hash, [&](std::size_t j) {
            return cfg_.bindings[j].section == section && cfg_.bindings[j].name == name;
        });
        return i == key_set::npos ? nullptr : &cfg_.bindings[i];
    }
    behavior_config const* find_configured(behavior_kind kind, std::string_view name) const {
        return find_configured(name_key_hash{}({to_string(kind), name}), kind, name);
    }
    behavior_config const* find_configured(std::size_t hash, behavior_kind kind, std::string_view name) const {
        auto const i = behaviors_.find(hash, [&](std::size_t j) {
            return cfg_.behaviors[j].kind == kind && cfg_.behaviors[j].name == name;
        });
        return i == key_set::npos ? nullptr : &cfg_.behaviors[i];
    }

    configuration const& cfg_;
    diagnostics& diags_;
    std::string file_;
    key_set bindings_{cfg_.bindings.size()};   ///< indexes of cfg_.bindings by (section, name)
    key_set behaviors_{cfg_.behaviors.size()}; ///< indexes of cfg_.behaviors by (kind, name)
};

} // namespace detail

inline resolved_configuration resolve(configuration const& cfg, diagnostics& diags, std::string const& file) {
    return detail::resolver(cfg, diags, file).run();
}

} // namespace wsbind::config

#endif
