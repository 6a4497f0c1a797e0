// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CHANNEL_CONFIGURED_HPP
#define WSBIND_CHANNEL_CONFIGURED_HPP

/// \file
/// Opening services and clients from an app.config, as WCF's ServiceHost and ClientBase do:
///
///     auto r = wsbind::config::read_file("service.config");
///     wsbind::service_host<wsbind::beast_backend> host;
///     auto opened = wsbind::add_configured_service(host, *r.get(), "Microsoft.ServiceModel.Samples.CalculatorService", calculator);
///
/// - Service: the `<service name=...>` (the last one of that name, as WCF), its base addresses
///   making relative endpoint addresses absolute, each endpoint's binding (binding +
///   bindingConfiguration, the unnamed `<binding>` as default), endpoints whose contract does not
///   name the given contract are skipped with a note, `<host><timeouts>` closeTimeout, and the
///   service behavior's `<serviceDebug includeExceptionDetailInFaults>`.
/// - Client: the `<client><endpoint>` by name (WCF's endpointConfigurationName), or the single
///   endpoint of the contract when no name is given.
/// Every problem is an error in words, located in the file when the configuration layer knows where.
/// Certificates named by `<serviceCertificate>`/`<clientCertificate>` come from the credential store;
/// until that layer is wired in, HTTPS certificates are given to `service_host_options` /
/// `client_options` as PEM.


#include <wsbind/channel/client.hpp>
#include <wsbind/channel/service_host.hpp>
#include <wsbind/config/diagnostic.hpp>
#include <wsbind/config/model.hpp>
#include <wsbind/config/resolve.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind {

/// What opening from configuration did.
struct configured_result {
    std::vector<std::string> endpoints;  ///< addresses added (service) or chosen (client)
    std::vector<std::string> errors;
    std::vector<std::string> notes;      ///< things skipped, and why
    [[nodiscard]] bool ok() const noexcept { return errors.empty() && !endpoints.empty(); }
};

/// Whether configuration contract name `configured` names `contract` (by its name, or its
/// namespace-qualified .NET name ending in it, e.g. "Microsoft.ServiceModel.Samples.ICalculator").
[[nodiscard]] inline bool configured_contract_matches(std::string_view configured, service_contract const& contract) {
    if (configured == contract.name()) return true;
    return configured.size() > contract.name().size() &&
           configured.substr(configured.size() - contract.name().size()) == contract.name() &&
           configured[configured.size() - contract.name().size() - 1] == '.';
}

namespace detail {

inline void add_diagnostics(configured_result& r, config::diagnostics const& diags) {
    for (auto const& d : diags)
        if (d.severity == config::severity::error) r.errors.push_back(config::format(d));
}

/// `<serviceDebug includeExceptionDetailInFaults="true">` in a behavior (kept unmodelled by the reader).
[[nodiscard]] inline bool include_exception_detail(config::behavior_config const* b) {
    if (b == nullptr) return false;
    for (auto const& u : b->unmodelled) {
        if (u.name != "serviceDebug") continue;
        pugi::xml_document doc;
        if (!doc.load_string(u.xml.c_str())) continue;
        std::string_view const v = doc.document_element().attribute("includeExceptionDetailInFaults").value();
        if (v == "true" || v == "True") return true;
    }
    return false;
}

} // namespace detail

/// Adds the endpoints of `<service name="service_name">` that implement `contract` to `host`.
/// Call before `host.open()`. `options_out`, when given, receives the options the configuration
/// asks for (includeExceptionDetailInFaults); construct the host with them.
template <http_backend HttpBackend>
configured_result add_configured_service(service_host<HttpBackend>& host, config::configuration const& cfg,
                                         std::string_view service_name, service_contract const& contract,
                                         std::string const& file = {}) {
    configured_result r;
    config::diagnostics diags;
    auto const resolved = config::resolve(cfg, diags, file);
    detail::add_diagnostics(r, diags);
    config::resolved_service const* service = nullptr;
    for (auto const& s : resolved.services)
        if (s.source != nullptr && s.source->name == service_name) service = &s;
    if (service == nullptr) {
        std::string names;
        for (auto const& s : resolved.services)
            if (s.source) names += (names.empty() ? "'" : ", '") + s.source->name + "'";
        r.errors.push_back("the configuration has no <service name=\"" + std::string(service_name) + "\">" +
                           (names.empty() ? std::string(" (it has no services)") : " (it has " + names + ")"));
        return r;
    }
    for (auto const& e : service->endpoints) {
        auto const& where = e.source != nullptr ? e.source->origin : service->source->origin;
        std::string const at = file + ":" + std::to_string(cfg.position(where.offset).line) + ": ";
        if (e.source != nullptr && !configured_contract_matches(e.source->contract, contract)) {
            r.notes.push_back(at + "endpoint '" + e.address + "' skipped: its contract '" + e.source->contract + "' is not " +
                              contract.name());
            continue;
        }
        if (!e.address_absolute) {
            r.errors.push_back(at + "endpoint address '" + e.address + "' is not absolute and no base address of scheme '" +
                               e.scheme + "' makes it so");
            continue;
        }
        if (!e.description) {
            r.errors.push_back(at + "endpoint '" + e.address + "': binding " + e.binding_section +
                               " is not modelled by wsbind, so it cannot be served");
            continue;
        }
        std::string why = channel::runtime_support(*e.description);
        if (!why.empty()) {
            r.errors.push_back(at + "endpoint '" + e.address + "': " + why);
            continue;
        }
        host.add_endpoint(e.address, contract, *e.description);
        r.endpoints.push_back(e.address);
    }
    if (r.endpoints.empty() && r.errors.empty())
        r.errors.push_back("<service name=\"" + std::string(service_name) + "\"> has no endpoint for contract " + contract.name());
    return r;
}

/// The service options the configuration asks for (serviceDebug includeExceptionDetailInFaults).
[[nodiscard]] inline service_host_options configured_service_options(config::configuration const& cfg, std::string_view service_name,
                                                                     service_host_options base = {}) {
    config::diagnostics diags;
    auto const resolved = config::resolve(cfg, diags);
    for (auto const& s : resolved.services)
        if (s.source != nullptr && s.source->name == service_name && detail::include_exception_detail(s.behavior))
            base.include_exception_detail_in_faults = true;
    return base;
}

/// A client of the `<client><endpoint>` named `endpoint_name` (or, when empty, the one endpoint
/// whose contract is `contract`).
template <http_backend HttpBackend>
[[nodiscard]] std::optional<client<HttpBackend>> make_configured_client(config::configuration const& cfg, std::string_view endpoint_name,
                                                                       service_contract const& contract, configured_result& r,
                                                                       client_options options = {}, std::string const& file = {}) {
    config::diagnostics diags;
    auto const resolved = config::resolve(cfg, diags, file);
    detail::add_diagnostics(r, diags);
    config::resolved_endpoint const* chosen = nullptr;
    std::size_t candidates = 0;
    for (auto const& e : resolved.client) {
        if (e.source == nullptr) continue;
        if (!endpoint_name.empty() ? e.source->name == endpoint_name : configured_contract_matches(e.source->contract, contract)) {
            chosen = &e;
            ++candidates;
        }
    }
    if (chosen == nullptr) {
        r.errors.push_back(endpoint_name.empty()
                               ? "the configuration has no <client><endpoint> for contract " + contract.name()
                               : "the configuration has no <client><endpoint name=\"" + std::string(endpoint_name) + "\">");
        return std::nullopt;
    }
    if (endpoint_name.empty() && candidates > 1) {
        r.errors.push_back("the configuration has " + std::to_string(candidates) + " <client> endpoints for contract " +
                           contract.name() + "; name one (endpointConfigurationName)");
        return std::nullopt;
    }
    if (!chosen->description) {
        r.errors.push_back("client endpoint '" + chosen->source->name + "': binding " + chosen->binding_section + " is not modelled by wsbind");
        return std::nullopt;
    }
    if (auto why = channel::runtime_support(*chosen->description); !why.empty()) {
        r.errors.push_back("client endpoint '" + chosen->source->name + "': " + why);
        return std::nullopt;
    }
    if (!r.errors.empty()) return std::nullopt;
    r.endpoints.push_back(chosen->address);
    return client<HttpBackend>(chosen->address, *chosen->description, std::move(options));
}

} // namespace wsbind

#endif
