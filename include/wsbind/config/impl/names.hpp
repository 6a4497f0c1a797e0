// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_NAMES_HPP
#define WSBIND_CONFIG_IMPL_NAMES_HPP

/// \file
/// Names WCF knows without a file registering them (.NET Framework 4.8's machine.config
/// `system.serviceModel/extensions` and section group). wsbind keeps such elements as named,
/// unmodelled entries with a warning; names that are neither modelled, known here, nor registered
/// by the file's own `<extensions>` are errors, as in .NET.
/// Sources: Mono's built-in list (mcs/class/System.ServiceModel/System.ServiceModel.Configuration/
/// ExtensionsSection.cs) plus the .NET 4.x additions (Web, Discovery, Routing, WF, 4.5 bindings).

#include <algorithm>
#include <array>
#include <string_view>

namespace wsbind::config::detail {

inline constexpr std::array<std::string_view, 24> known_binding_sections{{
    "basicHttpBinding", "basicHttpContextBinding", "basicHttpsBinding", "customBinding", "mexHttpBinding",
    "mexHttpsBinding", "mexNamedPipeBinding", "mexTcpBinding", "msmqIntegrationBinding", "netHttpBinding",
    "netHttpsBinding", "netMsmqBinding", "netNamedPipeBinding", "netPeerTcpBinding", "netTcpBinding",
    "netTcpContextBinding", "udpBinding", "webHttpBinding", "ws2007FederationHttpBinding", "ws2007HttpBinding",
    "wsDualHttpBinding", "wsFederationHttpBinding", "wsHttpBinding", "wsHttpContextBinding"}};

enum class binding_element_category : unsigned char { other, transport, encoder, stream_upgrade };

struct binding_element_name {
    std::string_view name;
    binding_element_category category;
};

inline constexpr std::array<binding_element_name, 26> known_binding_elements{{
    {"binaryMessageEncoding", binding_element_category::encoder},
    {"byteStreamMessageEncoding", binding_element_category::encoder},
    {"compositeDuplex", binding_element_category::other},
    {"context", binding_element_category::other},
    {"discoveryClient", binding_element_category::other},
    {"httpTransport", binding_element_category::transport},
    {"httpsTransport", binding_element_category::transport},
    {"msmqIntegration", binding_element_category::transport},
    {"msmqTransport", binding_element_category::transport},
    {"mtomMessageEncoding", binding_element_category::encoder},
    {"namedPipeTransport", binding_element_category::transport},
    {"oneWay", binding_element_category::other},
    {"peerTransport", binding_element_category::transport},
    {"pnrpPeerResolver", binding_element_category::other},
    {"privacyNoticeAt", binding_element_category::other},
    {"reliableSession", binding_element_category::other},
    {"security", binding_element_category::other},
    {"sslStreamSecurity", binding_element_category::stream_upgrade},
    {"tcpTransport", binding_element_category::transport},
    {"textMessageEncoding", binding_element_category::encoder},
    {"transactionFlow", binding_element_category::other},
    {"udpTransport", binding_element_category::transport},
    {"unrecognizedPolicyAssertion", binding_element_category::other},
    {"useManagedPresentation", binding_element_category::other},
    {"webMessageEncoding", binding_element_category::encoder},
    {"windowsStreamSecurity", binding_element_category::stream_upgrade},
}};

inline constexpr std::array<std::string_view, 33> known_behavior_extensions{{
    "bufferedReceive", "callbackDebug", "callbackTimeouts", "clientCredentials", "clientVia", "dataContractSerializer",
    "dispatcherSynchronization", "enableWebScript", "endpointDiscovery", "etwTracking", "persistenceProvider", "routing",
    "sendMessageChannelCache", "serviceAuthenticationManager", "serviceAuthorization", "serviceCredentials", "serviceDebug",
    "serviceDiscovery", "serviceHealth", "serviceMetadata", "serviceSecurityAudit", "serviceThrottling", "serviceTimeouts",
    "soapProcessing", "sqlWorkflowInstanceStore", "synchronousReceive", "transactedBatching",
    "useRequestHeadersForMetadataAddress", "webHttp", "workflowIdle", "workflowInstanceManagement", "workflowRuntime",
    "workflowUnhandledException"}};

/// Sections of the system.serviceModel section group other than the four wsbind reads.
inline constexpr std::array<std::string_view, 11> known_service_model_sections{{
    "comContracts", "commonBehaviors", "diagnostics", "extensions", "machineSettings", "protocolMapping", "routing",
    "serviceHostingEnvironment", "standardEndpoints", "tracking", "activation"}};

template <std::size_t N>
constexpr bool contains(std::array<std::string_view, N> const& a, std::string_view s) noexcept {
    return std::find(a.begin(), a.end(), s) != a.end();
}

constexpr binding_element_name const* find_binding_element(std::string_view s) noexcept {
    for (auto const& e : known_binding_elements)
        if (e.name == s) return &e;
    return nullptr;
}

/// The attributes System.Configuration accepts on every element.
constexpr bool is_lock_attribute(std::string_view s) noexcept {
    if (s.size() < 8 || s[0] != 'l' || s[1] != 'o') return false; // most names: one comparison
    return s == "lockAttributes" || s == "lockAllAttributesExcept" || s == "lockElements" || s == "lockAllElementsExcept" ||
           s == "lockItem";
}

} // namespace wsbind::config::detail

#endif
