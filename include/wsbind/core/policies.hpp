// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_POLICIES_HPP
#define WSBIND_CORE_POLICIES_HPP

/// \file
/// Policy types that compose a compile-time binding.
///
/// A policy names one configuration setting and its value, in WCF's vocabulary:
///
///     wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate,
///                      wsbind::negotiate_service_credential<false>>
///     wsbind::reliable_session<wsbind::ordered<true>, wsbind::inactivity_timeout<"00:20:00">>
///     wsbind::max_received_message_size<1048576>
///     wsbind::with<wsbind::algorithm_suite::basic256_sha256>   // any enum-valued setting
///
/// Groups (`security`, `reliable_session`, `reader_quotas`, the customBinding elements) mirror the
/// configuration elements; a leaf policy inside a group names the attribute relative to it. Each
/// leaf resolves to an entry of the binding schema (schema.hpp), so a policy is accepted exactly
/// where WCF's configuration accepts the attribute. TimeSpans are written as configuration writes
/// them (`"00:10:00"`, `"Infinite"`).

#include <wsbind/core/description.hpp>
#include <wsbind/core/enum_names.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/schema.hpp>
#include <wsbind/core/text.hpp>
#include <wsbind/core/timespan.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace wsbind {

namespace detail {

/// Where a policy is interpreted: a binding type, the customBinding element, and the group path.
enum class context_kind : std::uint8_t {
    binding, security, reliable_session, reader_quotas, custom_security, bootstrap, local_client, local_service,
    issued_token_parameters, custom_reliable_session, composite_duplex, one_way, text_encoder, http_transport
};

/// A path of bounded length built at compile time.
struct setting_path {
    std::array<char, 96> chars{};
    std::size_t size = 0;
    constexpr setting_path() noexcept = default;
    constexpr setting_path(std::string_view s) noexcept { append(s); } // NOLINT
    constexpr setting_path& append(std::string_view s) noexcept {
        for (char c : s) chars[size++] = c;
        return *this;
    }
    [[nodiscard]] constexpr setting_path join(std::string_view child) const noexcept {
        setting_path p = *this;
        if (p.size != 0 && !child.empty()) p.append("/");
        return p.append(child);
    }
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars.data(), size}; }
    friend constexpr bool operator==(setting_path const& a, setting_path const& b) noexcept { return a.view() == b.view(); }
};

struct context {
    binding_kind binding = binding_kind::basic_http;
    context_kind kind = context_kind::binding;
    std::string_view element;  ///< customBinding element name
    setting_path prefix;
};

/// One setting named by a policy, resolved against the binding's schema when the policy is
/// interpreted: which setting (or none), and the value.
struct leaf {
    setting const* target = nullptr; ///< the schema entry; nullptr when the binding has no such setting
    setting_value value;
    bool unknown = false;          ///< names a setting the binding does not have
    bool implied = false;          ///< set by a group on its own (reliable_session => enabled); may be absent
    bool push_element = false;     ///< a customBinding element marker: pushes `stack_element`
    custom_element stack_element = custom_element::security;
};

/// A leaf for the attribute at `path` of `c`'s element.
constexpr leaf make_leaf(context const& c, setting_path const& path, bool implied = false) noexcept {
    leaf l;
    l.implied = implied;
    l.target = find_setting(c.binding, c.element, path.view());
    l.unknown = l.target == nullptr && !implied;
    return l;
}

template <std::size_t... N>
constexpr auto join_leaves(std::array<leaf, N> const&... parts) {
    std::array<leaf, (N + ... + 0)> out{};
    std::size_t i = 0;
    ((detail::copy_into(out, i, parts), i += N), ...);
    return out;
}

/// The attribute an enum-valued policy sets in a context.
template <class E>
constexpr std::string_view enum_attribute(context_kind c) noexcept {
    using K = context_kind;
    if constexpr (std::is_same_v<E, security_mode>) return c == K::security ? "mode" : "";
    else if constexpr (std::is_same_v<E, message_credential_type>) return c == K::security ? "message/clientCredentialType" : "";
    else if constexpr (std::is_same_v<E, transport_credential_type>) return c == K::security ? "transport/clientCredentialType" : "";
    else if constexpr (std::is_same_v<E, proxy_credential_type>) return c == K::security ? "transport/proxyCredentialType" : "";
    else if constexpr (std::is_same_v<E, protection_level>) return c == K::security ? "transport/protectionLevel" : "";
    else if constexpr (std::is_same_v<E, ssl_protocols>) return c == K::security ? "transport/sslProtocols" : "";
    else if constexpr (std::is_same_v<E, policy_enforcement>) {
        if (c == K::security) return "transport/extendedProtectionPolicy/policyEnforcement";
        return c == K::http_transport ? "extendedProtectionPolicy/policyEnforcement" : "";
    } else if constexpr (std::is_same_v<E, protection_scenario>) {
        if (c == K::security) return "transport/extendedProtectionPolicy/protectionScenario";
        return c == K::http_transport ? "extendedProtectionPolicy/protectionScenario" : "";
    } else if constexpr (std::is_same_v<E, algorithm_suite>) {
        if (c == K::security) return "message/algorithmSuite";
        return (c == K::custom_security || c == K::bootstrap) ? "defaultAlgorithmSuite" : "";
    } else if constexpr (std::is_same_v<E, message_encoding>) return c == K::binding ? "messageEncoding" : "";
    else if constexpr (std::is_same_v<E, text_encoding>) {
        if (c == K::binding) return "textEncoding";
        return c == K::text_encoder ? "writeEncoding" : "";
    } else if constexpr (std::is_same_v<E, transfer_mode>) return (c == K::binding || c == K::http_transport) ? "transferMode" : "";
    else if constexpr (std::is_same_v<E, host_name_comparison_mode>)
        return (c == K::binding || c == K::http_transport) ? "hostNameComparisonMode" : "";
    else if constexpr (std::is_same_v<E, transaction_protocol>) return c == K::binding ? "transactionProtocol" : "";
    else if constexpr (std::is_same_v<E, reliable_messaging_version>)
        return c == K::custom_reliable_session ? "reliableMessagingVersion" : "";
    else if constexpr (std::is_same_v<E, message_version>) return c == K::text_encoder ? "messageVersion" : "";
    else if constexpr (std::is_same_v<E, authentication_mode>)
        return (c == K::custom_security || c == K::bootstrap) ? "authenticationMode" : "";
    else if constexpr (std::is_same_v<E, message_security_version>) {
        if (c == K::custom_security || c == K::bootstrap) return "messageSecurityVersion";
        return c == K::issued_token_parameters ? "defaultMessageSecurityVersion" : "";
    } else if constexpr (std::is_same_v<E, security_key_entropy_mode>)
        return (c == K::custom_security || c == K::bootstrap) ? "keyEntropyMode" : "";
    else if constexpr (std::is_same_v<E, message_protection_order>)
        return (c == K::custom_security || c == K::bootstrap) ? "messageProtectionOrder" : "";
    else if constexpr (std::is_same_v<E, security_header_layout>)
        return (c == K::custom_security || c == K::bootstrap) ? "securityHeaderLayout" : "";
    else if constexpr (std::is_same_v<E, issued_security_token_key_type>) return c == K::issued_token_parameters ? "keyType" : "";
    else if constexpr (std::is_same_v<E, authentication_schemes>) return c == K::http_transport ? "authenticationScheme" : "";
    else return "";
}

struct policy_base {};

/// The attribute path of a named leaf policy in a context: in a standard binding's `<security>`,
/// `realm` and the extended protection policy live under `<transport>`.
constexpr setting_path leaf_path(context const& c, std::string_view attribute) noexcept {
    if (c.kind == context_kind::security && (attribute == "realm" || attribute.starts_with("extendedProtectionPolicy/")))
        return c.prefix.join("transport").join(attribute);
    return c.prefix.join(attribute);
}

template <class T>
inline constexpr bool is_policy = std::is_base_of_v<policy_base, T>;

/// A leaf policy: one attribute (by name relative to the group) and a value.
template <fixed_string Name, class T, T Value>
struct value_policy : policy_base {
    static constexpr std::size_t leaf_count = 1;
    static constexpr std::string_view attribute = Name.view();
    static constexpr std::array<leaf, 1> leaves(context const& c) {
        leaf l = make_leaf(c, leaf_path(c, attribute));
        if constexpr (std::is_same_v<T, bool>) l.value.number = Value ? 1 : 0;
        else l.value.number = static_cast<std::int64_t>(Value);
        return {{l}};
    }
};

template <fixed_string Name, fixed_string Text>
struct text_policy : policy_base {
    static constexpr std::size_t leaf_count = 1;
    static constexpr std::string_view attribute = Name.view();
    static constexpr std::array<leaf, 1> leaves(context const& c) {
        leaf l = make_leaf(c, leaf_path(c, attribute));
        l.value.string = text(Text.view());
        return {{l}};
    }
};

template <fixed_string Name, fixed_string Text>
struct timespan_policy : policy_base {
    static constexpr std::size_t leaf_count = 1;
    static constexpr std::string_view attribute = Name.view();
    static constexpr timespan_parse_result parsed = parse_timespan(Text.view());
    static_assert(parsed.error == timespan_error::none,
                  "wsbind: a timeout policy's text is not a .NET TimeSpan (use \"hh:mm:ss\", \"d.hh:mm:ss[.fffffff]\" or \"Infinite\")");
    static constexpr std::array<leaf, 1> leaves(context const& c) {
        leaf l = make_leaf(c, leaf_path(c, attribute));
        l.value.number = parsed.value.ticks();
        return {{l}};
    }
};

template <class P>
constexpr void require_policy() {
    static_assert(is_policy<P>,
                  "wsbind: this is not a wsbind policy (expected e.g. wsbind::security<...>, wsbind::reliable_session<...>, "
                  "wsbind::with<enum value>, wsbind::max_received_message_size<N>)");
}

/// A group of policies interpreted under a child context.
template <context_kind Kind, fixed_string Name, class... Ps>
struct group_policy : policy_base {
    static constexpr std::size_t leaf_count = (Ps::leaf_count + ... + 0);
    static constexpr context child(context const& c) {
        context inner = c;
        inner.kind = Kind;
        inner.prefix = c.prefix.join(Name.view());
        return inner;
    }
    static constexpr auto leaves(context const& c) {
        (require_policy<Ps>(), ...);
        return join_leaves(Ps::leaves(child(c))...);
    }
};

} // namespace detail

// ---- enum-valued settings -------------------------------------------------------------------

/// Sets the enum-valued setting of type `decltype(V)` that the enclosing group has:
/// `with<algorithm_suite::basic256_sha256>` in `security<>` is `message/algorithmSuite`, in a
/// customBinding `security<>` it is `defaultAlgorithmSuite`.
template <auto V>
    requires wcf_enum<decltype(V)>
struct with : detail::policy_base {
    using enum_type = decltype(V);
    static constexpr enum_type value = V;
    static constexpr std::size_t leaf_count = 1;
    static constexpr std::array<detail::leaf, 1> leaves(detail::context const& c) {
        auto const attribute = detail::enum_attribute<enum_type>(c.kind);
        // An enum with no attribute here gets a path no schema has, so the binding refuses it.
        detail::leaf l = detail::make_leaf(c, c.prefix.join(attribute.empty() ? enum_info<enum_type>::type_name : attribute));
        l.value.number = static_cast<std::int64_t>(V);
        return {{l}};
    }
};

/// `<security mode>`.
namespace mode {
using none = with<security_mode::none>;
using transport = with<security_mode::transport>;
using message = with<security_mode::message>;
using transport_with_message_credential = with<security_mode::transport_with_message_credential>;
using transport_credential_only = with<security_mode::transport_credential_only>;
} // namespace mode

/// `<security><message clientCredentialType>`.
namespace message_credential {
using none = with<message_credential_type::none>;
using windows = with<message_credential_type::windows>;
using user_name = with<message_credential_type::user_name>;
using certificate = with<message_credential_type::certificate>;
using issued_token = with<message_credential_type::issued_token>;
} // namespace message_credential

/// `<security><transport clientCredentialType>`.
namespace transport_credential {
using none = with<transport_credential_type::none>;
using basic = with<transport_credential_type::basic>;
using digest = with<transport_credential_type::digest>;
using ntlm = with<transport_credential_type::ntlm>;
using windows = with<transport_credential_type::windows>;
using certificate = with<transport_credential_type::certificate>;
using inherited_from_host = with<transport_credential_type::inherited_from_host>;
} // namespace transport_credential

// ---- groups ---------------------------------------------------------------------------------

/// `<security>`: of a standard binding, or a customBinding's security element.
template <class... Ps>
struct security : detail::policy_base {
    static constexpr std::size_t leaf_count = (Ps::leaf_count + ... + 0) + 1;
    static constexpr auto leaves(detail::context const& c) {
        (detail::require_policy<Ps>(), ...);
        detail::context inner = c;
        std::array<detail::leaf, 1> marker{};
        if (c.binding == binding_kind::custom) {
            inner.kind = detail::context_kind::custom_security;
            inner.element = "security";
            marker[0].push_element = true;
            marker[0].stack_element = custom_element::security;
            marker[0].implied = true;
        } else {
            inner.kind = detail::context_kind::security;
            inner.prefix = c.prefix.join("security");
            marker[0].implied = true;  // no-op marker
        }
        return detail::join_leaves(marker, Ps::leaves(inner)...);
    }
};

/// `<reliableSession>`: enables WS-ReliableMessaging (standard bindings: `enabled` defaults to true
/// when this group is given), or a customBinding's reliableSession element.
template <class... Ps>
struct reliable_session : detail::policy_base {
    static constexpr std::size_t leaf_count = (Ps::leaf_count + ... + 0) + 1;
    static constexpr auto leaves(detail::context const& c) {
        (detail::require_policy<Ps>(), ...);
        detail::context inner = c;
        std::array<detail::leaf, 1> marker{};
        marker[0].implied = true;
        if (c.binding == binding_kind::custom) {
            inner.kind = detail::context_kind::custom_reliable_session;
            inner.element = "reliableSession";
            marker[0].push_element = true;
            marker[0].stack_element = custom_element::reliable_session;
        } else {
            inner.kind = detail::context_kind::reliable_session;
            inner.prefix = c.prefix.join("reliableSession");
            marker[0] = detail::make_leaf(c, inner.prefix.join("enabled"), true);
            marker[0].value.number = 1;
        }
        return detail::join_leaves(marker, Ps::leaves(inner)...);
    }
};

/// `<readerQuotas>` (of a standard binding or of `<textMessageEncoding>`).
template <class... Ps>
struct reader_quotas : detail::group_policy<detail::context_kind::reader_quotas, "readerQuotas", Ps...> {};

/// `<localClientSettings>` / `<localServiceSettings>` of a customBinding `<security>`.
template <class... Ps>
struct local_client_settings : detail::group_policy<detail::context_kind::local_client, "localClientSettings", Ps...> {};
template <class... Ps>
struct local_service_settings : detail::group_policy<detail::context_kind::local_service, "localServiceSettings", Ps...> {};
/// `<issuedTokenParameters>` of a customBinding `<security>`.
template <class... Ps>
struct issued_token_parameters
    : detail::group_policy<detail::context_kind::issued_token_parameters, "issuedTokenParameters", Ps...> {};
/// `<secureConversationBootstrap>` of a customBinding `<security>`.
template <class... Ps>
struct secure_conversation_bootstrap : detail::group_policy<detail::context_kind::bootstrap, "secureConversationBootstrap", Ps...> {};

namespace detail {
/// A customBinding element with no attributes of its own beyond its children.
template <custom_element E, context_kind Kind, fixed_string Name, class... Ps>
struct element_policy : policy_base {
    static constexpr std::size_t leaf_count = (Ps::leaf_count + ... + 0) + 1;
    static constexpr auto leaves(context const& c) {
        (require_policy<Ps>(), ...);
        context inner = c;
        inner.kind = Kind;
        inner.element = Name.view();
        inner.prefix = {};
        std::array<leaf, 1> marker{};
        marker[0].implied = true;
        marker[0].push_element = true;
        marker[0].stack_element = E;
        marker[0].unknown = c.binding != binding_kind::custom; // an element of customBinding only
        return join_leaves(marker, Ps::leaves(inner)...);
    }
};
} // namespace detail

/// customBinding elements.
template <class... Ps>
struct composite_duplex
    : detail::element_policy<custom_element::composite_duplex, detail::context_kind::composite_duplex, "compositeDuplex", Ps...> {};
template <class... Ps>
struct one_way : detail::element_policy<custom_element::one_way, detail::context_kind::one_way, "oneWay", Ps...> {};
template <class... Ps>
struct text_message_encoding
    : detail::element_policy<custom_element::text_message_encoding, detail::context_kind::text_encoder, "textMessageEncoding", Ps...> {};
template <class... Ps>
struct http_transport
    : detail::element_policy<custom_element::http_transport, detail::context_kind::http_transport, "httpTransport", Ps...> {};
template <class... Ps>
struct https_transport
    : detail::element_policy<custom_element::https_transport, detail::context_kind::http_transport, "httpsTransport", Ps...> {};

// ---- leaf settings --------------------------------------------------------------------------

#define WSBIND_BOOL_POLICY(name, attr) \
    template <bool V>                  \
    struct name : detail::value_policy<attr, bool, V> {};
#define WSBIND_INT_POLICY(name, attr, type) \
    template <type V>                       \
    struct name : detail::value_policy<attr, type, V> {};
#define WSBIND_TIME_POLICY(name, attr) \
    template <fixed_string V>          \
    struct name : detail::timespan_policy<attr, V> {};
#define WSBIND_TEXT_POLICY(name, attr) \
    template <fixed_string V>          \
    struct name : detail::text_policy<attr, V> {};

// binding-level and transport
WSBIND_TIME_POLICY(open_timeout, "openTimeout")
WSBIND_TIME_POLICY(close_timeout, "closeTimeout")
WSBIND_TIME_POLICY(send_timeout, "sendTimeout")
WSBIND_TIME_POLICY(receive_timeout, "receiveTimeout")
WSBIND_INT_POLICY(max_received_message_size, "maxReceivedMessageSize", std::int64_t)
WSBIND_INT_POLICY(max_buffer_size, "maxBufferSize", std::int32_t)
WSBIND_INT_POLICY(max_buffer_pool_size, "maxBufferPoolSize", std::int64_t)
WSBIND_BOOL_POLICY(allow_cookies, "allowCookies")
WSBIND_BOOL_POLICY(bypass_proxy_on_local, "bypassProxyOnLocal")
WSBIND_BOOL_POLICY(use_default_web_proxy, "useDefaultWebProxy")
WSBIND_TEXT_POLICY(proxy_address, "proxyAddress")
WSBIND_BOOL_POLICY(transaction_flow, "transactionFlow")
WSBIND_TEXT_POLICY(client_base_address, "clientBaseAddress")
WSBIND_INT_POLICY(listen_backlog, "listenBacklog", std::int32_t)
WSBIND_INT_POLICY(max_connections, "maxConnections", std::int32_t)
WSBIND_BOOL_POLICY(port_sharing_enabled, "portSharingEnabled")
WSBIND_BOOL_POLICY(manual_addressing, "manualAddressing")
WSBIND_BOOL_POLICY(decompression_enabled, "decompressionEnabled")
WSBIND_BOOL_POLICY(keep_alive_enabled, "keepAliveEnabled")
WSBIND_INT_POLICY(max_pending_accepts, "maxPendingAccepts", std::int32_t)
WSBIND_TEXT_POLICY(realm, "realm")
WSBIND_TIME_POLICY(request_initialization_timeout, "requestInitializationTimeout")
WSBIND_BOOL_POLICY(unsafe_connection_ntlm_authentication, "unsafeConnectionNtlmAuthentication")
WSBIND_BOOL_POLICY(require_client_certificate, "requireClientCertificate")
// readerQuotas
WSBIND_INT_POLICY(max_depth, "maxDepth", std::int32_t)
WSBIND_INT_POLICY(max_string_content_length, "maxStringContentLength", std::int32_t)
WSBIND_INT_POLICY(max_array_length, "maxArrayLength", std::int32_t)
WSBIND_INT_POLICY(max_bytes_per_read, "maxBytesPerRead", std::int32_t)
WSBIND_INT_POLICY(max_name_table_char_count, "maxNameTableCharCount", std::int32_t)
// security (standard bindings: under <message>)
WSBIND_BOOL_POLICY(negotiate_service_credential, "message/negotiateServiceCredential")
WSBIND_BOOL_POLICY(establish_security_context, "message/establishSecurityContext")
// reliableSession
WSBIND_BOOL_POLICY(enabled, "enabled")
WSBIND_BOOL_POLICY(ordered, "ordered")
WSBIND_TIME_POLICY(inactivity_timeout, "inactivityTimeout")
WSBIND_TIME_POLICY(acknowledgement_interval, "acknowledgementInterval")
WSBIND_BOOL_POLICY(flow_control_enabled, "flowControlEnabled")
WSBIND_INT_POLICY(max_pending_channels, "maxPendingChannels", std::int32_t)
WSBIND_INT_POLICY(max_retry_count, "maxRetryCount", std::int32_t)
WSBIND_INT_POLICY(max_transfer_window_size, "maxTransferWindowSize", std::int32_t)
// customBinding <security>
WSBIND_BOOL_POLICY(allow_serialized_signing_token_on_reply, "allowSerializedSigningTokenOnReply")
WSBIND_BOOL_POLICY(enable_unsecured_response, "enableUnsecuredResponse")
WSBIND_BOOL_POLICY(allow_insecure_transport, "allowInsecureTransport")
WSBIND_BOOL_POLICY(include_timestamp, "includeTimestamp")
WSBIND_BOOL_POLICY(protect_tokens, "protectTokens")
WSBIND_BOOL_POLICY(require_derived_keys, "requireDerivedKeys")
WSBIND_BOOL_POLICY(require_security_context_cancellation, "requireSecurityContextCancellation")
WSBIND_BOOL_POLICY(require_signature_confirmation, "requireSignatureConfirmation")
WSBIND_BOOL_POLICY(can_renew_security_context_token, "canRenewSecurityContextToken")
// localClientSettings / localServiceSettings
WSBIND_BOOL_POLICY(cache_cookies, "cacheCookies")
WSBIND_BOOL_POLICY(detect_replays, "detectReplays")
WSBIND_INT_POLICY(replay_cache_size, "replayCacheSize", std::int32_t)
WSBIND_TIME_POLICY(max_clock_skew, "maxClockSkew")
WSBIND_TIME_POLICY(max_cookie_caching_time, "maxCookieCachingTime")
WSBIND_TIME_POLICY(replay_window, "replayWindow")
WSBIND_TIME_POLICY(session_key_renewal_interval, "sessionKeyRenewalInterval")
WSBIND_TIME_POLICY(session_key_rollover_interval, "sessionKeyRolloverInterval")
WSBIND_BOOL_POLICY(reconnect_transport_on_failure, "reconnectTransportOnFailure")
WSBIND_TIME_POLICY(timestamp_validity_duration, "timestampValidityDuration")
WSBIND_INT_POLICY(cookie_renewal_threshold_percentage, "cookieRenewalThresholdPercentage", std::int32_t)
WSBIND_TIME_POLICY(issued_cookie_lifetime, "issuedCookieLifetime")
WSBIND_INT_POLICY(max_stateful_negotiations, "maxStatefulNegotiations", std::int32_t)
WSBIND_TIME_POLICY(negotiation_timeout, "negotiationTimeout")
WSBIND_INT_POLICY(max_pending_sessions, "maxPendingSessions", std::int32_t)
WSBIND_INT_POLICY(max_cached_cookies, "maxCachedCookies", std::int32_t)
// issuedTokenParameters
WSBIND_INT_POLICY(key_size, "keySize", std::int32_t)
WSBIND_TEXT_POLICY(token_type, "tokenType")
WSBIND_BOOL_POLICY(use_str_transform, "useStrTransform")
WSBIND_TEXT_POLICY(issuer_address, "issuer/address")
WSBIND_TEXT_POLICY(issuer_binding, "issuer/binding")
WSBIND_TEXT_POLICY(issuer_binding_configuration, "issuer/bindingConfiguration")
// oneWay
WSBIND_INT_POLICY(max_accepted_channels, "maxAcceptedChannels", std::int32_t)
WSBIND_BOOL_POLICY(packet_routable, "packetRoutable")
WSBIND_TIME_POLICY(idle_timeout, "channelPoolSettings/idleTimeout")
WSBIND_TIME_POLICY(lease_timeout, "channelPoolSettings/leaseTimeout")
WSBIND_INT_POLICY(max_outbound_channels_per_endpoint, "channelPoolSettings/maxOutboundChannelsPerEndpoint", std::int32_t)
// textMessageEncoding
WSBIND_INT_POLICY(max_read_pool_size, "maxReadPoolSize", std::int32_t)
WSBIND_INT_POLICY(max_write_pool_size, "maxWritePoolSize", std::int32_t)
// <httpTransport proxyAuthenticationScheme> (with<authentication_schemes::X> sets authenticationScheme)
template <authentication_schemes V>
struct proxy_authentication_scheme : detail::value_policy<"proxyAuthenticationScheme", authentication_schemes, V> {};
// extendedProtectionPolicy <customServiceNames>: ';'-separated
WSBIND_TEXT_POLICY(custom_service_names, "extendedProtectionPolicy/customServiceNames")

#undef WSBIND_BOOL_POLICY
#undef WSBIND_INT_POLICY
#undef WSBIND_TIME_POLICY
#undef WSBIND_TEXT_POLICY

} // namespace wsbind

#endif
