// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_SCHEMA_HPP
#define WSBIND_CORE_SCHEMA_HPP

/// \file
/// The binding schema: for each binding type, every configurable setting with its configuration
/// path, value type, WCF's range and where it lives in `binding_description`.
///
/// One table serves everything that names a setting: compile-time policies resolve to an entry
/// (a policy whose setting the binding does not have is refused), the configuration reader
/// parses attributes through it, and the configuration writer and `wsbind-config resolve` print
/// through it. Paths are relative to the `<binding>` element, attributes last:
/// `security/message/clientCredentialType`, `reliableSession/inactivityTimeout`; for customBinding
/// they start with the binding element (`httpsTransport/requireClientCertificate`).

#include <wsbind/core/description.hpp>
#include <wsbind/core/enum_names.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/text.hpp>
#include <wsbind/core/timespan.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

namespace wsbind {

/// The value type of a setting, as configuration spells it.
enum class value_kind : std::uint8_t { boolean, int32, int64, timespan, enumeration, flags, string };

/// An enumeration seen through its names, for settings of any enum type.
struct enum_table {
    std::string_view type_name;
    std::string_view (*name_of)(std::int64_t) noexcept;
    std::optional<std::int64_t> (*parse)(std::string_view) noexcept;
    std::string_view (*name_list)() noexcept;
};

namespace detail {
template <wcf_enum E>
inline constexpr enum_table enum_table_for{
    enum_info<E>::type_name,
    [](std::int64_t v) noexcept { return to_string(static_cast<E>(v)); },
    [](std::string_view s) noexcept -> std::optional<std::int64_t> {
        if (auto e = enum_from_string<E>(s)) return static_cast<std::int64_t>(*e);
        return std::nullopt;
    },
    []() noexcept { return enum_name_list<E>(); }};

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type { using type = T; };

template <class E> inline constexpr bool is_flags_enum = false;
template <> inline constexpr bool is_flags_enum<authentication_schemes> = true;
template <> inline constexpr bool is_flags_enum<ssl_protocols> = true;
} // namespace detail

/// A setting's value, type-erased: booleans, integers, enums (underlying value) and timespans
/// (ticks) in `number`; strings in `string`.
struct setting_value {
    std::int64_t number = 0;
    text string;
    friend constexpr bool operator==(setting_value const&, setting_value const&) = default;
};

/// One configurable setting of one binding type.
struct setting {
    std::string_view element;   ///< customBinding: the binding element (`httpTransport`); "" otherwise
    std::string_view path;      ///< relative to `element` (or to `<binding>`), attribute last
    value_kind kind = value_kind::boolean;
    enum_table const* enums = nullptr; ///< enumeration and flags settings
    std::int64_t min = 0;       ///< inclusive; ticks for timespans
    std::int64_t max = 0;       ///< inclusive; ticks for timespans (Infinite is always accepted)
    bool optional = false;      ///< .NET applies it only when configured (see description.hpp)
    custom_element owner = custom_element::security; ///< customBinding: element that must be in the stack
    setting_value (*get)(binding_description const&) = nullptr;     ///< effective value
    void (*set)(binding_description&, setting_value const&) = nullptr;
    bool (*is_set)(binding_description const&) = nullptr;           ///< optional settings: configured?
    void (*reset)(binding_description&) = nullptr;                  ///< optional settings: unconfigure
    /// Optional settings: the value in effect when not configured (nullptr: the zero value).
    setting_value (*fallback)(binding_description const&) = nullptr;
    /// 0 means "keep the default" (readerQuotas): .NET copies only non-zero values.
    bool zero_keeps_default = false;
};

/// Applies a configured value as .NET does (readerQuotas' 0 keeps the default).
constexpr void apply(setting const& s, binding_description& d, setting_value const& v) {
    if (s.zero_keeps_default && v.number == 0) return;
    s.set(d, v);
}

/// The value a setting has in `d`: its configured value, or for an optional setting that is not
/// configured, the value in effect (`setting::fallback`).
[[nodiscard]] constexpr setting_value value_of(setting const& s, binding_description const& d) {
    if (s.optional && !s.is_set(d)) return s.fallback ? s.fallback(d) : setting_value{};
    return s.get(d);
}

namespace detail {

struct binding_root {
    static constexpr binding_description const& get(binding_description const& d) noexcept { return d; }
    static constexpr binding_description& get(binding_description& d) noexcept { return d; }
};

struct security_element_root {
    static constexpr security_element_settings const& get(binding_description const& d) noexcept { return d.security_element; }
    static constexpr security_element_settings& get(binding_description& d) noexcept { return d.security_element; }
};

/// An optional sub-structure: read as defaults when absent, created on first write.
template <class Parent, auto Member>
struct optional_root {
    static constexpr auto const& get(binding_description const& d) noexcept {
        auto const& o = Parent::get(d).*Member;
        using T = typename std::remove_cvref_t<decltype(o)>::value_type;
        if (o) return *o;
        return default_value<T>;
    }
    static constexpr auto& get(binding_description& d) {
        auto& o = Parent::get(d).*Member;
        if (!o) o.emplace();
        return *o;
    }
    template <class T>
    static constexpr T default_value{};
};

using bootstrap_root = optional_root<security_element_root, &security_element_settings::secure_conversation_bootstrap>;

template <class Root, auto M, auto... Ms>
constexpr auto& walk(auto& obj) noexcept {
    if constexpr (sizeof...(Ms) == 0) return obj.*M;
    else return walk<Root, Ms...>(obj.*M);
}

template <class Root, auto... Ms>
constexpr auto& access(binding_description const& d) noexcept { return walk<Root, Ms...>(Root::get(d)); }
template <class Root, auto... Ms>
constexpr auto& access(binding_description& d) { return walk<Root, Ms...>(Root::get(d)); }

template <class T>
constexpr setting_value to_value(T const& v) {
    setting_value out;
    if constexpr (std::is_same_v<T, text>) out.string = v;
    else if constexpr (std::is_same_v<T, timespan>) out.number = v.ticks();
    else if constexpr (std::is_enum_v<T>) out.number = static_cast<std::int64_t>(v);
    else out.number = static_cast<std::int64_t>(v);
    return out;
}

template <class T>
constexpr T from_value(setting_value const& v) {
    if constexpr (std::is_same_v<T, text>) return v.string;
    else if constexpr (std::is_same_v<T, timespan>) return timespan::from_ticks(v.number);
    else if constexpr (std::is_same_v<T, bool>) return v.number != 0;
    else return static_cast<T>(v.number);
}

template <class T>
constexpr void describe_kind(setting& s) {
    if constexpr (std::is_same_v<T, bool>) { s.kind = value_kind::boolean; s.min = 0; s.max = 1; }
    else if constexpr (std::is_same_v<T, std::int32_t>) {
        s.kind = value_kind::int32;
        s.min = std::numeric_limits<std::int32_t>::min();
        s.max = std::numeric_limits<std::int32_t>::max();
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
        s.kind = value_kind::int64;
        s.min = std::numeric_limits<std::int64_t>::min();
        s.max = std::numeric_limits<std::int64_t>::max();
    } else if constexpr (std::is_same_v<T, timespan>) {
        s.kind = value_kind::timespan;
        s.min = 0;
        s.max = max_wait.ticks();
    } else if constexpr (std::is_same_v<T, text>) {
        s.kind = value_kind::string;
    } else {
        static_assert(wcf_enum<T>, "schema: unsupported setting type");
        s.kind = is_flags_enum<T> ? value_kind::flags : value_kind::enumeration;
        s.enums = &enum_table_for<T>;
    }
}

/// A setting stored at Root.*M1.*M2...; an optional leaf is "applied only if configured" and reads
/// as `fallback` (the configuration default) when absent.
template <class Root, auto... Ms>
constexpr setting field(std::string_view path) {
    using leaf = std::remove_cvref_t<decltype(access<Root, Ms...>(std::declval<binding_description const&>()))>;
    setting s;
    s.path = path;
    if constexpr (is_optional<leaf>::value) {
        using T = typename is_optional<leaf>::type;
        describe_kind<T>(s);
        s.optional = true;
        s.get = [](binding_description const& d) {
            auto const& o = access<Root, Ms...>(d);
            return o ? to_value(*o) : setting_value{};
        };  // absent: see value_of
        s.set = [](binding_description& d, setting_value const& v) { access<Root, Ms...>(d) = from_value<T>(v); };
        s.is_set = [](binding_description const& d) { return access<Root, Ms...>(d).has_value(); };
        s.reset = [](binding_description& d) { access<Root, Ms...>(d).reset(); };
    } else {
        describe_kind<leaf>(s);
        s.get = [](binding_description const& d) { return to_value(access<Root, Ms...>(d)); };
        s.set = [](binding_description& d, setting_value const& v) { access<Root, Ms...>(d) = from_value<leaf>(v); };
    }
    return s;
}

constexpr setting with_range(setting s, std::int64_t min, std::int64_t max) noexcept {
    s.min = min;
    s.max = max;
    return s;
}
constexpr setting at_least(setting s, std::int64_t min) noexcept {
    s.min = min;
    return s;
}
/// An optional setting that reads as `true` when not configured.
constexpr setting defaults_to_true(setting s) noexcept {
    s.fallback = [](binding_description const&) { return setting_value{1, {}}; };
    return s;
}

template <std::size_t... N>
constexpr auto concat(std::array<setting, N> const&... parts) {
    std::array<setting, (N + ... + 0)> out{};
    std::size_t i = 0;
    ((std::copy(parts.begin(), parts.end(), out.begin() + static_cast<std::ptrdiff_t>(i)), i += N), ...);
    return out;
}

template <std::size_t N>
constexpr std::array<setting, N> in_element(std::array<setting, N> a, std::string_view element, custom_element owner) {
    for (auto& s : a) { s.element = element; s.owner = owner; }
    return a;
}

using B = binding_description;
using R = binding_root;
constexpr std::int64_t int32_max = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

// ---- groups shared by several bindings ------------------------------------------------------

inline constexpr std::array<setting, 4> timeouts_group{{
    field<R, &B::timeouts, &timeout_settings::close_timeout>("closeTimeout"),
    field<R, &B::timeouts, &timeout_settings::open_timeout>("openTimeout"),
    field<R, &B::timeouts, &timeout_settings::receive_timeout>("receiveTimeout"),
    field<R, &B::timeouts, &timeout_settings::send_timeout>("sendTimeout"),
}};

constexpr std::array<setting, 5> reader_quotas_group(std::string_view depth, std::string_view str, std::string_view arr,
                                                     std::string_view bytes, std::string_view names) {
    using Q = reader_quotas_settings;
    std::array<setting, 5> a{{
        at_least(field<R, &B::encoder, &encoder_settings::reader_quotas, &Q::max_depth>(depth), 0),
        at_least(field<R, &B::encoder, &encoder_settings::reader_quotas, &Q::max_string_content_length>(str), 0),
        at_least(field<R, &B::encoder, &encoder_settings::reader_quotas, &Q::max_array_length>(arr), 0),
        at_least(field<R, &B::encoder, &encoder_settings::reader_quotas, &Q::max_bytes_per_read>(bytes), 0),
        at_least(field<R, &B::encoder, &encoder_settings::reader_quotas, &Q::max_name_table_char_count>(names), 0),
    }};
    for (auto& s : a) s.zero_keeps_default = true;
    return a;
}

inline constexpr auto binding_reader_quotas = reader_quotas_group(
    "readerQuotas/maxDepth", "readerQuotas/maxStringContentLength", "readerQuotas/maxArrayLength",
    "readerQuotas/maxBytesPerRead", "readerQuotas/maxNameTableCharCount");

using T = transport_settings;

constexpr setting max_buffer_size_setting(std::string_view path) {
    setting s = at_least(field<R, &B::transport, &T::max_buffer_size>(path), 1);
    s.max = int32_max;
    s.fallback = [](binding_description const& d) { return setting_value{effective_max_buffer_size(d.transport), {}}; };
    return s;
}

constexpr std::array<setting, 3> extended_protection_group(std::string_view enforcement, std::string_view scenario,
                                                           std::string_view names, auto root_tag) {
    using E = extended_protection_settings;
    if constexpr (decltype(root_tag)::value) {
        return {{
            field<R, &B::transport, &T::extended_protection, &E::enforcement>(enforcement),
            field<R, &B::transport, &T::extended_protection, &E::scenario>(scenario),
            field<R, &B::transport, &T::extended_protection, &E::custom_service_names>(names),
        }};
    } else {
        using S = transport_security_settings;
        return {{
            field<R, &B::security, &security_settings::transport, &S::extended_protection, &E::enforcement>(enforcement),
            field<R, &B::security, &security_settings::transport, &S::extended_protection, &E::scenario>(scenario),
            field<R, &B::security, &security_settings::transport, &S::extended_protection, &E::custom_service_names>(names),
        }};
    }
}

inline constexpr auto security_transport_protection = extended_protection_group(
    "security/transport/extendedProtectionPolicy/policyEnforcement",
    "security/transport/extendedProtectionPolicy/protectionScenario",
    "security/transport/extendedProtectionPolicy/customServiceNames", std::false_type{});

using SS = security_settings;
using TS = transport_security_settings;
using MS = message_security_settings;
using RS = reliable_session_settings;

inline constexpr setting security_mode_setting = field<R, &B::security, &SS::mode>("security/mode");

inline constexpr std::array<setting, 3> http_transport_security_group{{
    field<R, &B::security, &SS::transport, &TS::client_credential_type>("security/transport/clientCredentialType"),
    field<R, &B::security, &SS::transport, &TS::proxy_credential>("security/transport/proxyCredentialType"),
    field<R, &B::security, &SS::transport, &TS::realm>("security/transport/realm"),
}};

inline constexpr setting message_credential_setting =
    field<R, &B::security, &SS::message, &MS::client_credential_type>("security/message/clientCredentialType");
inline constexpr setting message_suite_setting = field<R, &B::security, &SS::message, &MS::suite>("security/message/algorithmSuite");
inline constexpr setting negotiate_setting =
    field<R, &B::security, &SS::message, &MS::negotiate_service_credential>("security/message/negotiateServiceCredential");
inline constexpr setting establish_setting =
    field<R, &B::security, &SS::message, &MS::establish_security_context>("security/message/establishSecurityContext");

inline constexpr setting rs_enabled = field<R, &B::reliable_session, &RS::enabled>("reliableSession/enabled");
inline constexpr setting rs_ordered = field<R, &B::reliable_session, &RS::ordered>("reliableSession/ordered");
inline constexpr setting rs_inactivity =
    at_least(field<R, &B::reliable_session, &RS::inactivity_timeout>("reliableSession/inactivityTimeout"), 1);

inline constexpr setting allow_cookies = field<R, &B::transport, &T::allow_cookies>("allowCookies");
inline constexpr setting bypass_proxy = field<R, &B::transport, &T::bypass_proxy_on_local>("bypassProxyOnLocal");
inline constexpr setting host_name_comparison = field<R, &B::transport, &T::host_name_comparison>("hostNameComparisonMode");
inline constexpr setting max_buffer_pool_size = at_least(field<R, &B::transport, &T::max_buffer_pool_size>("maxBufferPoolSize"), 0);
inline constexpr setting max_received_message_size =
    at_least(field<R, &B::transport, &T::max_received_message_size>("maxReceivedMessageSize"), 1);
inline constexpr setting message_encoding_setting = field<R, &B::encoder, &encoder_settings::encoding>("messageEncoding");
inline constexpr setting proxy_address = field<R, &B::transport, &T::proxy_address>("proxyAddress");
inline constexpr setting text_encoding_setting = field<R, &B::encoder, &encoder_settings::write_encoding>("textEncoding");
inline constexpr setting transfer_mode_setting = field<R, &B::transport, &T::transfer>("transferMode");
inline constexpr setting use_default_web_proxy = field<R, &B::transport, &T::use_default_web_proxy>("useDefaultWebProxy");
inline constexpr setting transaction_flow = field<R, &B::transaction_flow>("transactionFlow");

// ---- the standard bindings ----------------------------------------------------------------

inline constexpr auto basic_http_schema = concat(
    timeouts_group,
    std::array<setting, 11>{{allow_cookies, bypass_proxy, host_name_comparison, max_buffer_pool_size,
                             max_buffer_size_setting("maxBufferSize"), max_received_message_size, message_encoding_setting,
                             proxy_address, text_encoding_setting, transfer_mode_setting, use_default_web_proxy}},
    binding_reader_quotas, std::array<setting, 1>{{security_mode_setting}}, http_transport_security_group,
    security_transport_protection, std::array<setting, 2>{{message_credential_setting, message_suite_setting}});

inline constexpr auto ws_http_schema = concat(
    timeouts_group,
    std::array<setting, 10>{{allow_cookies, bypass_proxy, transaction_flow, host_name_comparison, max_buffer_pool_size,
                             max_received_message_size, message_encoding_setting, proxy_address, text_encoding_setting,
                             use_default_web_proxy}},
    binding_reader_quotas, std::array<setting, 3>{{rs_enabled, rs_ordered, rs_inactivity}},
    std::array<setting, 1>{{security_mode_setting}}, http_transport_security_group, security_transport_protection,
    std::array<setting, 4>{{message_credential_setting, negotiate_setting, establish_setting, message_suite_setting}});

inline constexpr auto ws_dual_http_schema = concat(
    timeouts_group,
    std::array<setting, 10>{{bypass_proxy, field<R, &B::client_base_address>("clientBaseAddress"), transaction_flow,
                             host_name_comparison, max_buffer_pool_size, max_received_message_size, message_encoding_setting,
                             proxy_address, text_encoding_setting, use_default_web_proxy}},
    binding_reader_quotas, std::array<setting, 2>{{rs_ordered, rs_inactivity}},
    std::array<setting, 4>{{security_mode_setting, message_credential_setting, negotiate_setting, message_suite_setting}});

inline constexpr auto net_tcp_schema = concat(
    timeouts_group,
    std::array<setting, 10>{{transaction_flow, transfer_mode_setting,
                             field<R, &B::transactions>("transactionProtocol"), host_name_comparison,
                             at_least(field<R, &B::transport, &T::listen_backlog>("listenBacklog"), 0), max_buffer_pool_size,
                             max_buffer_size_setting("maxBufferSize"),
                             at_least(field<R, &B::transport, &T::max_connections>("maxConnections"), 0),
                             max_received_message_size, field<R, &B::transport, &T::port_sharing_enabled>("portSharingEnabled")}},
    binding_reader_quotas, std::array<setting, 3>{{rs_enabled, rs_ordered, rs_inactivity}},
    std::array<setting, 4>{{security_mode_setting,
                            field<R, &B::security, &SS::transport, &TS::client_credential_type>("security/transport/clientCredentialType"),
                            field<R, &B::security, &SS::transport, &TS::protection>("security/transport/protectionLevel"),
                            field<R, &B::security, &SS::transport, &TS::ssl>("security/transport/sslProtocols")}},
    security_transport_protection, std::array<setting, 2>{{message_credential_setting, message_suite_setting}});

// ---- customBinding elements ---------------------------------------------------------------

template <class Root>
constexpr auto security_element_group() {
    using A = security_element_attributes;
    using I = issued_token_parameters_settings;
    return std::array<setting, 23>{{
        field<Root, &A::mode>("authenticationMode"),
        field<Root, &A::default_algorithm_suite>("defaultAlgorithmSuite"),
        field<Root, &A::allow_serialized_signing_token_on_reply>("allowSerializedSigningTokenOnReply"),
        field<Root, &A::enable_unsecured_response>("enableUnsecuredResponse"),
        field<Root, &A::allow_insecure_transport>("allowInsecureTransport"),
        defaults_to_true(field<Root, &A::include_timestamp>("includeTimestamp")),
        field<Root, &A::key_entropy_mode>("keyEntropyMode"),
        field<Root, &A::protection_order>("messageProtectionOrder"),
        field<Root, &A::security_version>("messageSecurityVersion"),
        field<Root, &A::protect_tokens>("protectTokens"),
        defaults_to_true(field<Root, &A::require_derived_keys>("requireDerivedKeys")),
        field<Root, &A::require_security_context_cancellation>("requireSecurityContextCancellation"),
        field<Root, &A::require_signature_confirmation>("requireSignatureConfirmation"),
        field<Root, &A::can_renew_security_context_token>("canRenewSecurityContextToken"),
        field<Root, &A::header_layout>("securityHeaderLayout"),
        field<Root, &A::issued_token_parameters, &I::default_message_security_version>("issuedTokenParameters/defaultMessageSecurityVersion"),
        at_least(field<Root, &A::issued_token_parameters, &I::key_size>("issuedTokenParameters/keySize"), 0),
        field<Root, &A::issued_token_parameters, &I::key_type>("issuedTokenParameters/keyType"),
        field<Root, &A::issued_token_parameters, &I::token_type>("issuedTokenParameters/tokenType"),
        field<Root, &A::issued_token_parameters, &I::use_str_transform>("issuedTokenParameters/useStrTransform"),
        field<Root, &A::issued_token_parameters, &I::issuer_address>("issuedTokenParameters/issuer/address"),
        field<Root, &A::issued_token_parameters, &I::issuer_binding>("issuedTokenParameters/issuer/binding"),
        field<Root, &A::issued_token_parameters, &I::issuer_binding_configuration>("issuedTokenParameters/issuer/bindingConfiguration"),
    }};
}

template <class Root>
constexpr auto local_client_group() {
    using C = optional_root<Root, &security_element_attributes::local_client>;
    using L = local_client_security_settings;
    return std::array<setting, 11>{{
        field<C, &L::cache_cookies>("localClientSettings/cacheCookies"),
        defaults_to_true(field<C, &L::detect_replays>("localClientSettings/detectReplays")),
        at_least(field<C, &L::replay_cache_size>("localClientSettings/replayCacheSize"), 1),
        field<C, &L::max_clock_skew>("localClientSettings/maxClockSkew"),
        field<C, &L::max_cookie_caching_time>("localClientSettings/maxCookieCachingTime"),
        field<C, &L::replay_window>("localClientSettings/replayWindow"),
        field<C, &L::session_key_renewal_interval>("localClientSettings/sessionKeyRenewalInterval"),
        field<C, &L::session_key_rollover_interval>("localClientSettings/sessionKeyRolloverInterval"),
        field<C, &L::reconnect_transport_on_failure>("localClientSettings/reconnectTransportOnFailure"),
        field<C, &L::timestamp_validity_duration>("localClientSettings/timestampValidityDuration"),
        with_range(field<C, &L::cookie_renewal_threshold_percentage>("localClientSettings/cookieRenewalThresholdPercentage"), 0, 100),
    }};
}

template <class Root>
constexpr auto local_service_group() {
    using C = optional_root<Root, &security_element_attributes::local_service>;
    using L = local_service_security_settings;
    return std::array<setting, 14>{{
        defaults_to_true(field<C, &L::detect_replays>("localServiceSettings/detectReplays")),
        field<C, &L::issued_cookie_lifetime>("localServiceSettings/issuedCookieLifetime"),
        at_least(field<C, &L::max_stateful_negotiations>("localServiceSettings/maxStatefulNegotiations"), 0),
        at_least(field<C, &L::replay_cache_size>("localServiceSettings/replayCacheSize"), 1),
        field<C, &L::max_clock_skew>("localServiceSettings/maxClockSkew"),
        field<C, &L::negotiation_timeout>("localServiceSettings/negotiationTimeout"),
        field<C, &L::replay_window>("localServiceSettings/replayWindow"),
        field<C, &L::inactivity_timeout>("localServiceSettings/inactivityTimeout"),
        field<C, &L::session_key_renewal_interval>("localServiceSettings/sessionKeyRenewalInterval"),
        field<C, &L::session_key_rollover_interval>("localServiceSettings/sessionKeyRolloverInterval"),
        field<C, &L::reconnect_transport_on_failure>("localServiceSettings/reconnectTransportOnFailure"),
        at_least(field<C, &L::max_pending_sessions>("localServiceSettings/maxPendingSessions"), 1),
        at_least(field<C, &L::max_cached_cookies>("localServiceSettings/maxCachedCookies"), 0),
        field<C, &L::timestamp_validity_duration>("localServiceSettings/timestampValidityDuration"),
    }};
}

template <std::size_t N>
constexpr std::array<setting, N> prefixed_paths(std::array<setting, N> a, std::span<std::string_view const> paths) {
    for (std::size_t i = 0; i < N; ++i) a[i].path = paths[i];
    return a;
}

/// Paths of the bootstrap's settings: "secureConversationBootstrap/" + the security paths.
template <std::size_t N>
struct bootstrap_path_storage {
    static constexpr std::size_t prefix_size = sizeof("secureConversationBootstrap/") - 1;
    std::array<std::array<char, 96>, N> chars{};
    std::array<std::string_view, N> views{};
};

template <std::size_t N>
constexpr bootstrap_path_storage<N> make_bootstrap_paths(std::array<setting, N> const& base) {
    bootstrap_path_storage<N> out;
    constexpr std::string_view prefix = "secureConversationBootstrap/";
    for (std::size_t i = 0; i < N; ++i) {
        std::size_t k = 0;
        for (char c : prefix) out.chars[i][k++] = c;
        for (char c : base[i].path) out.chars[i][k++] = c;
    }
    return out;
}

inline constexpr auto security_attribute_settings =
    concat(security_element_group<security_element_root>(), local_client_group<security_element_root>(),
           local_service_group<security_element_root>());
inline constexpr auto bootstrap_attribute_settings_unprefixed =
    concat(security_element_group<bootstrap_root>(), local_client_group<bootstrap_root>(),
           local_service_group<bootstrap_root>());
inline constexpr auto bootstrap_path_chars = make_bootstrap_paths(bootstrap_attribute_settings_unprefixed);

template <std::size_t N>
constexpr std::array<std::string_view, N> bootstrap_path_views() {
    std::array<std::string_view, N> v{};
    for (std::size_t i = 0; i < N; ++i) {
        std::size_t len = 0;
        while (len < 96 && bootstrap_path_chars.chars[i][len] != 0) ++len;
        v[i] = std::string_view(bootstrap_path_chars.chars[i].data(), len);
    }
    return v;
}
inline constexpr auto bootstrap_paths = bootstrap_path_views<bootstrap_attribute_settings_unprefixed.size()>();
inline constexpr auto bootstrap_attribute_settings =
    prefixed_paths(bootstrap_attribute_settings_unprefixed, std::span<std::string_view const>(bootstrap_paths));

constexpr std::array<setting, 8> reliable_session_element_group() {
    constexpr std::int64_t tick = 1;
    return {{
        at_least(field<R, &B::reliable_session, &RS::acknowledgement_interval>("acknowledgementInterval"), tick),
        field<R, &B::reliable_session, &RS::flow_control_enabled>("flowControlEnabled"),
        at_least(field<R, &B::reliable_session, &RS::inactivity_timeout>("inactivityTimeout"), tick),
        with_range(field<R, &B::reliable_session, &RS::max_pending_channels>("maxPendingChannels"), 1, 16384),
        at_least(field<R, &B::reliable_session, &RS::max_retry_count>("maxRetryCount"), 1),
        with_range(field<R, &B::reliable_session, &RS::max_transfer_window_size>("maxTransferWindowSize"), 1, 4096),
        field<R, &B::reliable_session, &RS::ordered>("ordered"),
        field<R, &B::reliable_session, &RS::version>("reliableMessagingVersion"),
    }};
}

constexpr std::array<setting, 5> one_way_group() {
    using O = one_way_settings;
    return {{
        at_least(field<R, &B::one_way, &O::max_accepted_channels>("maxAcceptedChannels"), 1),
        field<R, &B::one_way, &O::packet_routable>("packetRoutable"),
        field<R, &B::one_way, &O::idle_timeout>("channelPoolSettings/idleTimeout"),
        field<R, &B::one_way, &O::lease_timeout>("channelPoolSettings/leaseTimeout"),
        at_least(field<R, &B::one_way, &O::max_outbound_channels_per_endpoint>("channelPoolSettings/maxOutboundChannelsPerEndpoint"), 1),
    }};
}

constexpr auto text_message_encoding_group() {
    using E = encoder_settings;
    return concat(std::array<setting, 4>{{
                      at_least(field<R, &B::encoder, &E::max_read_pool_size>("maxReadPoolSize"), 1),
                      at_least(field<R, &B::encoder, &E::max_write_pool_size>("maxWritePoolSize"), 1),
                      field<R, &B::encoder, &E::version>("messageVersion"),
                      field<R, &B::encoder, &E::write_encoding>("writeEncoding"),
                  }},
                  reader_quotas_group("readerQuotas/maxDepth", "readerQuotas/maxStringContentLength",
                                      "readerQuotas/maxArrayLength", "readerQuotas/maxBytesPerRead",
                                      "readerQuotas/maxNameTableCharCount"));
}

constexpr auto http_transport_group() {
    return concat(
        std::array<setting, 19>{{
            field<R, &B::transport, &T::manual_addressing>("manualAddressing"),
            at_least(field<R, &B::transport, &T::max_buffer_pool_size>("maxBufferPoolSize"), 1),
            max_received_message_size,
            allow_cookies,
            field<R, &B::transport, &T::authentication_scheme>("authenticationScheme"),
            bypass_proxy,
            field<R, &B::transport, &T::decompression_enabled>("decompressionEnabled"),
            host_name_comparison,
            field<R, &B::transport, &T::keep_alive_enabled>("keepAliveEnabled"),
            max_buffer_size_setting("maxBufferSize"),
            with_range(field<R, &B::transport, &T::max_pending_accepts>("maxPendingAccepts"), 0, 100000),
            proxy_address,
            field<R, &B::transport, &T::proxy_authentication_scheme>("proxyAuthenticationScheme"),
            field<R, &B::transport, &T::realm>("realm"),
            field<R, &B::transport, &T::request_initialization_timeout>("requestInitializationTimeout"),
            transfer_mode_setting,
            field<R, &B::transport, &T::unsafe_connection_ntlm_authentication>("unsafeConnectionNtlmAuthentication"),
            use_default_web_proxy,
            field<R, &B::transport, &T::require_client_certificate>("requireClientCertificate"),
        }},
        extended_protection_group("extendedProtectionPolicy/policyEnforcement",
                                  "extendedProtectionPolicy/protectionScenario",
                                  "extendedProtectionPolicy/customServiceNames", std::true_type{}));
}

constexpr auto without_last_transport_setting(auto a) {
    // <httpTransport> has no requireClientCertificate: that is entry 18 of http_transport_group.
    std::array<setting, a.size() - 1> out{};
    std::size_t k = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].path != "requireClientCertificate") out[k++] = a[i];
    return out;
}

inline constexpr auto custom_schema = concat(
    timeouts_group,
    in_element(security_attribute_settings, "security", custom_element::security),
    in_element(bootstrap_attribute_settings, "security", custom_element::security),
    in_element(reliable_session_element_group(), "reliableSession", custom_element::reliable_session),
    in_element(std::array<setting, 1>{{field<R, &B::client_base_address>("clientBaseAddress")}}, "compositeDuplex",
               custom_element::composite_duplex),
    in_element(one_way_group(), "oneWay", custom_element::one_way),
    in_element(text_message_encoding_group(), "textMessageEncoding", custom_element::text_message_encoding),
    in_element(without_last_transport_setting(http_transport_group()), "httpTransport", custom_element::http_transport),
    in_element(http_transport_group(), "httpsTransport", custom_element::https_transport));

} // namespace detail

/// Every configurable setting of a binding type, in configuration order.
[[nodiscard]] constexpr std::span<setting const> binding_schema(binding_kind kind) noexcept {
    switch (kind) {
    case binding_kind::basic_http: return detail::basic_http_schema;
    case binding_kind::ws_http:
    case binding_kind::ws_2007_http: return detail::ws_http_schema;
    case binding_kind::ws_dual_http: return detail::ws_dual_http_schema;
    case binding_kind::net_tcp: return detail::net_tcp_schema;
    case binding_kind::custom: return detail::custom_schema;
    }
    return {};
}

/// The setting at `element`/`path` of a binding type, or nullptr.
[[nodiscard]] constexpr setting const* find_setting(binding_kind kind, std::string_view element,
                                                    std::string_view path) noexcept {
    for (auto const& s : binding_schema(kind))
        if (s.element == element && s.path == path) return &s;
    return nullptr;
}

/// Whether `v` is inside the setting's range (timespans: Infinite is always accepted).
[[nodiscard]] constexpr bool in_range(setting const& s, setting_value const& v) noexcept {
    if (s.kind == value_kind::string) return true;
    if (s.kind == value_kind::enumeration) return !s.enums->name_of(v.number).empty();
    if (s.kind == value_kind::flags) return true;
    if (s.kind == value_kind::timespan && v.number == timespan::infinite().ticks()) return true;
    return v.number >= s.min && v.number <= s.max;
}

} // namespace wsbind

#endif
