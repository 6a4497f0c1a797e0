// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_RESOLVE_HPP
#define WSBIND_CONFIG_RESOLVE_HPP

/// \file
/// Resolving a configuration as WCF's ConfigLoader does (wcf-config-facts.md §4): each endpoint's
/// binding (binding + bindingConfiguration, the unnamed `<binding>` as the default configuration,
/// else the binding type's defaults), its behavior (behaviorConfiguration, the unnamed
/// `<behavior>` when empty), and service endpoint addresses made absolute against the service's
/// base address of the binding's scheme. References that do not resolve are errors, located at
/// the attribute that makes them.
///
/// The result points into the `configuration` it was made from, which must outlive it.

#include <wsbind/config/diagnostic.hpp>
#include <wsbind/config/model.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind::config {

/// One endpoint with everything it refers to.
struct resolved_endpoint {
    endpoint_config const* source = nullptr;
    /// Absolute address when it could be made absolute (service endpoints: against a base
    /// address), else as written ("" for none).
    std::string address;
    bool address_absolute = false;
    std::string binding_section;                 ///< the binding type (`binding` attribute)
    binding_config const* binding = nullptr;     ///< the `<binding>` applied; nullptr: the type's defaults
    /// The effective binding, when wsbind models it (binding type modelled, and for customBinding
    /// every element modelled), else nullptr. It points into the configuration (the `<binding>`
    /// applied) or, for a binding type's defaults, to `default_binding(kind)`.
    binding_description const* description = nullptr;
    behavior_config const* behavior = nullptr;   ///< the endpoint behavior applied, if any
    std::string scheme;                          ///< URI scheme the binding's transport uses ("" unknown)
};

struct resolved_service {
    service_config const* source = nullptr;
    behavior_config const* behavior = nullptr;   ///< the service behavior applied, if any
    std::vector<resolved_endpoint> endpoints;
};

struct resolved_configuration {
    std::vector<resolved_service> services;
    std::vector<resolved_endpoint> client;
};

/// The URI scheme a binding's transport uses: `http`/`https` (by security mode for the HTTP
/// bindings), `net.tcp`, the customBinding transport's scheme; "" when unknown.
[[nodiscard]] std::string binding_scheme(std::string_view section, binding_config const* configured,
                                         binding_description const* description);

/// `base` + `relative` as ServiceHost.MakeAbsoluteUri does: leading '/' and '\' of the relative
/// part are dropped; an empty relative part gives the base itself; a '/' joins them.
[[nodiscard]] std::string combine_address(std::string_view base, std::string_view relative);

/// The defaults of a binding type (`default_description(kind)`), stored once.
[[nodiscard]] binding_description const& default_binding(binding_kind kind);

/// Resolves every service endpoint and client endpoint; problems go to `diags` (file name
/// `file` for their location).
[[nodiscard]] resolved_configuration resolve(configuration const& cfg, diagnostics& diags, std::string const& file = {});

} // namespace wsbind::config

#include <wsbind/config/impl/resolve.hpp>

#endif
