// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_JSON_HPP
#define WSBIND_CONFIG_JSON_HPP

/// \file
/// The effective configuration as one JSON object — the contract of `wsbind-config resolve --json`
/// and of the comparison with Mono (tests/interop):
///
///     {"bindings":[{"type","name","modelled","settings":{...},"unmodelled":[...]}],
///      "behaviors":[{"kind":"service"|"endpoint","name","settings":{...},"unmodelled":[...]}],
///      "services":[{"name","behaviorConfiguration","baseAddresses":[...],"settings":{...},"endpoints":[{...}]}],
///      "client":[{...}], "diagnostics":[...]}
///
/// `settings` lists every attribute of the element and of its nested elements, defaults applied,
/// keyed by the path relative to the element (`security/message/clientCredentialType`); values
/// in .NET's configuration string form (TimeSpan `00:10:00`, `Infinite`; enums by WCF name;
/// `true`/`false`; decimal numbers; readerQuotas as effective values). customBindings list only
/// the elements present, keyed `element/path` (`httpsTransport/requireClientCertificate`).
/// Endpoints: every attribute by name, `address` resolved against base addresses, the identity
/// children present (`identity/dns/value`), and `identity` (the one WCF uses).

#include <wsbind/config/diagnostic.hpp>
#include <wsbind/config/model.hpp>
#include <wsbind/config/resolve.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wsbind::config {

/// (key, value) pairs of one element, in schema order.
using settings_list = std::vector<std::pair<std::string, std::string>>;

/// Every setting of a binding, as `resolve --json` prints it.
[[nodiscard]] settings_list binding_settings(binding_config const& b);
/// Every setting of a behavior's modelled extensions (`serviceCredentials/...`, `clientCredentials/...`).
[[nodiscard]] settings_list behavior_settings(behavior_config const& b);
/// Every attribute of an endpoint (service or client side), with `address` as resolved.
[[nodiscard]] settings_list endpoint_settings(resolved_endpoint const& e, bool service_side);

/// The whole document.
[[nodiscard]] std::string to_json(configuration const& cfg, resolved_configuration const& resolved, diagnostics const& diags);

/// A JSON string literal for `s` (UTF-8 passed through, controls escaped).
[[nodiscard]] std::string json_quote(std::string_view s);

} // namespace wsbind::config

#include <wsbind/config/impl/json.hpp>

#endif
