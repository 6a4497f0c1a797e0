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
#include <string_view>
#include <type_traits>

namespace wsbind {

/// The value type of a setting, as configuration spells it.
enum class value_kind : std::uint8_t { boolean, int32, int64, timespan, enumeration, flags, string };

/// One enumerator of an enumeration seen through its names.
struct enum_table_entry {
    std::int64_t value;
    std::string_view name;
};

/// An enumeration seen through its names, for settings of any enum type.
struct enum_table {
    std::string_view type_name;
    enum_table_entry const* entries = nullptr; ///< in .NET's declaration order
    std::size_t count = 0;

    [[nodiscard]] constexpr enum_table_entry const* begin() const noexcept { return entries; }
    [[nodiscard]] constexpr enum_table_entry const* end() const noexcept { return entries + count; }
    /// The WCF name of `v`, or an empty view.
    [[nodiscard]] constexpr std::string_view name_of(std::int64_t v) const noexcept {
        for (auto const& e : *this)
            if (e.value == v) return e.name;
        return {};
    }
    /// Exact, case-sensitive lookup of a name.
    [[nodiscard]] constexpr std::optional<std::int64_t> parse(std::string_view name) const noexcept {
        for (auto const& e : *this)
            if (e.name == name) return e.value;
        return std::nullopt;
    }
};

namespace detail {
template <wcf_enum E>
inline constexpr auto enum_table_entries = [] {
    std::array<enum_table_entry, enum_size<E>> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = {static_cast<std::int64_t>(enum_info<E>::entries[i].value), enum_info<E>::entries[i].name};
    return out;
}();

template <wcf_enum E>
inline constexpr enum_table enum_table_for{enum_info<E>::type_name, enum_table_entries<E>.data(), enum_table_entries<E>.size()};

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

/// What `setting::access` is asked to do.
enum class setting_op : std::uint8_t { get, set, is_set, reset };

/// One configurable setting of one binding type.
struct setting {
    std::string_view element;   ///< customBinding: the binding element (`httpTransport`); "" otherwise
    std::string_view path;      ///< relative to `element` (or to `<binding>`), attribute last
    value_kind kind = value_kind::boolean;
    enum_table const* enums = nullptr; ///< enumeration and flags settings
    std::int64_t min = 0;       ///< inclusive; ticks for timespans
    std::int64_t max = 0;       ///< inclusive; ticks for timespans (Infinite is always accepted)
    bool optional = false;      ///< .NET applies it only when configured (see description.hpp)
    /// 0 means "keep the default" (readerQuotas): .NET copies only non-zero values.
    bool zero_keeps_default = false;
    /// Optional settings whose .NET configuration property has no default: null (printed empty)
    /// until configured.
    bool null_when_absent = false;
    custom_element owner = custom_element::security; ///< customBinding: element that must be in the stack
    /// Optional settings: the value in effect when not configured (nullptr: the zero value).
    setting_value (*fallback)(binding_description const&) = nullptr;
    std::uint16_t field = 0;    ///< which member of binding_description (detail::field_id)
    bool bootstrap = false;     ///< customBinding: the member is in <secureConversationBootstrap>

    /// The stored value (for an optional setting that is not configured: the zero value; see value_of).
    [[nodiscard]] constexpr setting_value get(binding_description const& d) const;
    /// Stores `v` (optional settings become configured).
    constexpr void set(binding_description& d, setting_value const& v) const;
    /// Optional settings: whether configured. Other settings: always true.
    [[nodiscard]] constexpr bool is_set(binding_description const& d) const;
    /// Optional settings: back to "not configured".
    constexpr void reset(binding_description& d) const;
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

// ---- where each setting lives ----------------------------------------------------------------
// X(id, expression): the member of binding_description `d` (or of the customBinding security
// attributes `a`: the <security> element's own, or its <secureConversationBootstrap>'s).
#define WSBIND_FIELDS(X)                                                                                       \
    X(close_timeout, d.timeouts.close_timeout)                                                                 \
    X(open_timeout, d.timeouts.open_timeout)                                                                   \
    X(receive_timeout, d.timeouts.receive_timeout)                                                             \
    X(send_timeout, d.timeouts.send_timeout)                                                                   \
    X(max_depth, d.encoder.reader_quotas.max_depth)                                                            \
    X(max_string_content_length, d.encoder.reader_quotas.max_string_content_length)                            \
    X(max_array_length, d.encoder.reader_quotas.max_array_length)                                              \
    X(max_bytes_per_read, d.encoder.reader_quotas.max_bytes_per_read)                                          \
    X(max_name_table_char_count, d.encoder.reader_quotas.max_name_table_char_count)                            \
    X(message_encoding, d.encoder.encoding)                                                                    \
    X(write_encoding, d.encoder.write_encoding)                                                                \
    X(message_version, d.encoder.version)                                                                      \
    X(max_read_pool_size, d.encoder.max_read_pool_size)                                                        \
    X(max_write_pool_size, d.encoder.max_write_pool_size)                                                      \
    X(allow_cookies, d.transport.allow_cookies)                                                                \
    X(bypass_proxy_on_local, d.transport.bypass_proxy_on_local)                                                \
    X(host_name_comparison, d.transport.host_name_comparison)                                                  \
    X(max_buffer_pool_size, d.transport.max_buffer_pool_size)                                                  \
    X(max_buffer_size, d.transport.max_buffer_size)                                                            \
    X(max_received_message_size, d.transport.max_received_message_size)                                        \
    X(transfer, d.transport.transfer)                                                                          \
    X(use_default_web_proxy, d.transport.use_default_web_proxy)                                                \
    X(proxy_address, d.transport.proxy_address)                                                                \
    X(listen_backlog, d.transport.listen_backlog)                                                              \
    X(max_connections, d.transport.max_connections)                                                            \
    X(port_sharing_enabled, d.transport.port_sharing_enabled)                                                  \
    X(manual_addressing, d.transport.manual_addressing)                                                        \
    X(authentication_scheme, d.transport.authentication_scheme)                                                \
    X(decompression_enabled, d.transport.decompression_enabled)                                                \
    X(keep_alive_enabled, d.transport.keep_alive_enabled)                                                      \
    X(max_pending_accepts, d.transport.max_pending_accepts)                                                    \
    X(proxy_authentication_scheme, d.transport.proxy_authentication_scheme)                                    \
    X(transport_realm, d.transport.realm)                                                                      \
    X(request_initialization_timeout, d.transport.request_initialization_timeout)                              \
    X(unsafe_connection_ntlm_authentication, d.transport.unsafe_connection_ntlm_authentication)                \
    X(require_client_certificate, d.transport.require_client_certificate)                                      \
    X(transport_policy_enforcement, d.transport.extended_protection.enforcement)                               \
    X(transport_protection_scenario, d.transport.extended_protection.scenario)                                 \
    X(transport_custom_service_names, d.transport.extended_protection.custom_service_names)                    \
    X(transaction_flow, d.transaction_flow)                                                                    \
    X(transaction_protocol, d.transactions)                                                                    \
    X(client_base_address, d.client_base_address)                                                              \
    X(security_mode, d.security.mode)                                                                          \
    X(transport_client_credential_type, d.security.transport.client_credential_type)                           \
    X(transport_proxy_credential_type, d.security.transport.proxy_credential)                                  \
    X(security_realm, d.security.transport.realm)                                                              \
    X(protection_level, d.security.transport.protection)                                                       \
    X(ssl_protocols, d.security.transport.ssl)                                                                 \
    X(security_policy_enforcement, d.security.transport.extended_protection.enforcement)                       \
    X(security_protection_scenario, d.security.transport.extended_protection.scenario)                         \
    X(security_custom_service_names, d.security.transport.extended_protection.custom_service_names)            \
    X(message_client_credential_type, d.security.message.client_credential_type)                               \
    X(message_algorithm_suite, d.security.message.suite)                                                       \
    X(negotiate_service_credential, d.security.message.negotiate_service_credential)                           \
    X(establish_security_context, d.security.message.establish_security_context)                               \
    X(rs_enabled, d.reliable_session.enabled)                                                                  \
    X(rs_ordered, d.reliable_session.ordered)                                                                  \
    X(rs_inactivity_timeout, d.reliable_session.inactivity_timeout)                                            \
    X(rs_acknowledgement_interval, d.reliable_session.acknowledgement_interval)                                \
    X(rs_flow_control_enabled, d.reliable_session.flow_control_enabled)                                        \
    X(rs_max_pending_channels, d.reliable_session.max_pending_channels)                                        \
    X(rs_max_retry_count, d.reliable_session.max_retry_count)                                                  \
    X(rs_max_transfer_window_size, d.reliable_session.max_transfer_window_size)                                \
    X(rs_version, d.reliable_session.version)                                                                  \
    X(one_way_max_accepted_channels, d.one_way.max_accepted_channels)                                          \
    X(one_way_packet_routable, d.one_way.packet_routable)                                                      \
    X(one_way_idle_timeout, d.one_way.idle_timeout)                                                            \
    X(one_way_lease_timeout, d.one_way.lease_timeout)                                                          \
    X(one_way_max_outbound_channels, d.one_way.max_outbound_channels_per_endpoint)                             \
    X(sec_mode, a.mode)                                                                                        \
    X(sec_default_algorithm_suite, a.default_algorithm_suite)                                                  \
    X(sec_allow_serialized_signing_token_on_reply, a.allow_serialized_signing_token_on_reply)                  \
    X(sec_enable_unsecured_response, a.enable_unsecured_response)                                              \
    X(sec_allow_insecure_transport, a.allow_insecure_transport)                                                \
    X(sec_include_timestamp, a.include_timestamp)                                                              \
    X(sec_key_entropy_mode, a.key_entropy_mode)                                                                \
    X(sec_protection_order, a.protection_order)                                                                \
    X(sec_security_version, a.security_version)                                                                \
    X(sec_protect_tokens, a.protect_tokens)                                                                    \
    X(sec_require_derived_keys, a.require_derived_keys)                                                        \
    X(sec_require_security_context_cancellation, a.require_security_context_cancellation)                      \
    X(sec_require_signature_confirmation, a.require_signature_confirmation)                                    \
    X(sec_can_renew_security_context_token, a.can_renew_security_context_token)                                \
    X(sec_header_layout, a.header_layout)                                                                      \
    X(itp_default_message_security_version, a.issued_token_parameters.default_message_security_version)        \
    X(itp_key_size, a.issued_token_parameters.key_size)                                                        \
    X(itp_key_type, a.issued_token_parameters.key_type)                                                        \
    X(itp_token_type, a.issued_token_parameters.token_type)                                                    \
    X(itp_use_str_transform, a.issued_token_parameters.use_str_transform)                                      \
    X(itp_issuer_address, a.issued_token_parameters.issuer_address)                                            \
    X(itp_issuer_binding, a.issued_token_parameters.issuer_binding)                                            \
    X(itp_issuer_binding_configuration, a.issued_token_parameters.issuer_binding_configuration)                \
    X(lc_cache_cookies, client_settings(a).cache_cookies)                                                      \
    X(lc_detect_replays, client_settings(a).detect_replays)                                                    \
    X(lc_replay_cache_size, client_settings(a).replay_cache_size)                                              \
    X(lc_max_clock_skew, client_settings(a).max_clock_skew)                                                    \
    X(lc_max_cookie_caching_time, client_settings(a).max_cookie_caching_time)                                  \
    X(lc_replay_window, client_settings(a).replay_window)                                                      \
    X(lc_session_key_renewal_interval, client_settings(a).session_key_renewal_interval)                        \
    X(lc_session_key_rollover_interval, client_settings(a).session_key_rollover_interval)                      \
    X(lc_reconnect_transport_on_failure, client_settings(a).reconnect_transport_on_failure)                    \
    X(lc_timestamp_validity_duration, client_settings(a).timestamp_validity_duration)                          \
    X(lc_cookie_renewal_threshold_percentage, client_settings(a).cookie_renewal_threshold_percentage)          \
    X(ls_detect_replays, service_settings(a).detect_replays)                                                   \
    X(ls_issued_cookie_lifetime, service_settings(a).issued_cookie_lifetime)                                   \
    X(ls_max_stateful_negotiations, service_settings(a).max_stateful_negotiations)                             \
    X(ls_replay_cache_size, service_settings(a).replay_cache_size)                                             \
    X(ls_max_clock_skew, service_settings(a).max_clock_skew)                                                   \
    X(ls_negotiation_timeout, service_settings(a).negotiation_timeout)                                         \
    X(ls_replay_window, service_settings(a).replay_window)                                                     \
    X(ls_inactivity_timeout, service_settings(a).inactivity_timeout)                                           \
    X(ls_session_key_renewal_interval, service_settings(a).session_key_renewal_interval)                       \
    X(ls_session_key_rollover_interval, service_settings(a).session_key_rollover_interval)                     \
    X(ls_reconnect_transport_on_failure, service_settings(a).reconnect_transport_on_failure)                   \
    X(ls_max_pending_sessions, service_settings(a).max_pending_sessions)                                       \
    X(ls_max_cached_cookies, service_settings(a).max_cached_cookies)                                           \
    X(ls_timestamp_validity_duration, service_settings(a).timestamp_validity_duration)

enum class field_id : std::uint16_t {
#define WSBIND_FIELD_ENUMERATOR(id, expr) id,
    WSBIND_FIELDS(WSBIND_FIELD_ENUMERATOR)
#undef WSBIND_FIELD_ENUMERATOR
};

// Optional sub-structures read as their defaults when absent and are created on first write.
inline constexpr security_element_attributes default_security_attributes{};
inline constexpr local_client_security_settings default_client_settings{};
inline constexpr local_service_security_settings default_service_settings{};

constexpr security_element_attributes const& attributes(binding_description const& d, bool bootstrap) noexcept {
    if (!bootstrap) return d.security_element;
    return d.security_element.secure_conversation_bootstrap ? *d.security_element.secure_conversation_bootstrap
                                                            : default_security_attributes;
}
constexpr security_element_attributes& attributes(binding_description& d, bool bootstrap) {
    if (!bootstrap) return d.security_element;
    if (!d.security_element.secure_conversation_bootstrap) d.security_element.secure_conversation_bootstrap.emplace();
    return *d.security_element.secure_conversation_bootstrap;
}
constexpr local_client_security_settings const& client_settings(security_element_attributes const& a) noexcept {
    return a.local_client ? *a.local_client : default_client_settings;
}
constexpr local_client_security_settings& client_settings(security_element_attributes& a) {
    if (!a.local_client) a.local_client.emplace();
    return *a.local_client;
}
constexpr local_service_security_settings const& service_settings(security_element_attributes const& a) noexcept {
    return a.local_service ? *a.local_service : default_service_settings;
}
constexpr local_service_security_settings& service_settings(security_element_attributes& a) {
    if (!a.local_service) a.local_service.emplace();
    return *a.local_service;
}

template <class T>
constexpr setting_value to_value(T const& v) {
    setting_value out;
    if constexpr (std::is_same_v<T, text>) out.string = v;
    else if constexpr (std::is_same_v<T, timespan>) out.number = v.ticks();
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
constexpr setting_value read(T const& v, setting_op op) {
    if (op == setting_op::is_set) return setting_value{1, {}};
    return to_value(v);
}
template <class T>
constexpr setting_value read(std::optional<T> const& v, setting_op op) {
    if (op == setting_op::is_set) return setting_value{v.has_value() ? 1 : 0, {}};
    return v ? to_value(*v) : setting_value{};
}
template <class T>
constexpr void write(T& target, setting_op op, setting_value const* v) {
    if (op == setting_op::set) target = from_value<T>(*v);
}
template <class T>
constexpr void write(std::optional<T>& target, setting_op op, setting_value const* v) {
    if (op == setting_op::set) target = from_value<T>(*v);
    else target.reset();
}

/// The one accessor behind setting::get/set/is_set/reset.
constexpr setting_value access_field(field_id id, bool bootstrap, setting_op op, binding_description* m,
                                     binding_description const* c, setting_value const* v) {
    if (op == setting_op::get || op == setting_op::is_set) {
        auto const& d = *c;
        [[maybe_unused]] auto const& a = attributes(d, bootstrap);
        switch (id) {
#define WSBIND_FIELD_READ(id_, expr) \
    case field_id::id_: return read(expr, op);
            WSBIND_FIELDS(WSBIND_FIELD_READ)
#undef WSBIND_FIELD_READ
        }
        return {};
    }
    auto& d = *m;
    [[maybe_unused]] auto& a = attributes(d, bootstrap);
    switch (id) {
#define WSBIND_FIELD_WRITE(id_, expr) \
    case field_id::id_: write(expr, op, v); break;
        WSBIND_FIELDS(WSBIND_FIELD_WRITE)
#undef WSBIND_FIELD_WRITE
    }
    return {};
}

template <class T> struct unwrap_optional { using type = T; static constexpr bool optional = false; };
template <class T> struct unwrap_optional<std::optional<T>> { using type = T; static constexpr bool optional = true; };

template <class Member>
constexpr void describe_kind(setting& s) {
    using U = unwrap_optional<std::remove_cvref_t<Member>>;
    using T = typename U::type;
    s.optional = U::optional;
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

inline constexpr binding_description field_probe{};

/// A setting at `path` stored in field `id` (of the bootstrap's security attributes if `bootstrap`).
constexpr setting field(field_id id, std::string_view path, bool bootstrap = false) {
    setting s;
    s.path = path;
    s.field = static_cast<std::uint16_t>(id);
    s.bootstrap = bootstrap;
    [[maybe_unused]] auto const& d = field_probe;
    [[maybe_unused]] auto const& a = field_probe.security_element;
    switch (id) {
#define WSBIND_FIELD_KIND(id_, expr) \
    case field_id::id_: describe_kind<decltype(expr)>(s); break;
        WSBIND_FIELDS(WSBIND_FIELD_KIND)
#undef WSBIND_FIELD_KIND
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

template <class Out, class In>
constexpr void copy_into(Out& out, std::size_t at, In const& in) {
    for (std::size_t k = 0; k < in.size(); ++k) out[at + k] = in[k];
}

template <std::size_t... N>
constexpr auto concat(std::array<setting, N> const&... parts) {
    std::array<setting, (N + ... + 0)> out{};
    std::size_t i = 0;
    ((detail::copy_into(out, i, parts), i += N), ...);
    return out;
}

template <std::size_t N>
constexpr std::array<setting, N> in_element(std::array<setting, N> a, std::string_view element, custom_element owner) {
    for (auto& s : a) { s.element = element; s.owner = owner; }
    return a;
}

using F = field_id;
constexpr std::int64_t int32_max = std::numeric_limits<std::int32_t>::max();

// ---- groups shared by several bindings ------------------------------------------------------

inline constexpr std::array<setting, 4> timeouts_group{{
    field(F::close_timeout, "closeTimeout"),
    field(F::open_timeout, "openTimeout"),
    field(F::receive_timeout, "receiveTimeout"),
    field(F::send_timeout, "sendTimeout"),
}};

constexpr std::array<setting, 5> reader_quotas_group() {
    std::array<setting, 5> a{{
        at_least(field(F::max_depth, "readerQuotas/maxDepth"), 0),
        at_least(field(F::max_string_content_length, "readerQuotas/maxStringContentLength"), 0),
        at_least(field(F::max_array_length, "readerQuotas/maxArrayLength"), 0),
        at_least(field(F::max_bytes_per_read, "readerQuotas/maxBytesPerRead"), 0),
        at_least(field(F::max_name_table_char_count, "readerQuotas/maxNameTableCharCount"), 0),
    }};
    for (auto& s : a) s.zero_keeps_default = true;
    return a;
}
inline constexpr auto binding_reader_quotas = reader_quotas_group();

constexpr setting max_buffer_size_setting() {
    setting s = with_range(field(F::max_buffer_size, "maxBufferSize"), 1, int32_max);
    s.fallback = [](binding_description const& d) { return setting_value{effective_max_buffer_size(d.transport), {}}; };
    return s;
}

inline constexpr std::array<setting, 3> security_transport_protection{{
    field(F::security_policy_enforcement, "security/transport/extendedProtectionPolicy/policyEnforcement"),
    field(F::security_protection_scenario, "security/transport/extendedProtectionPolicy/protectionScenario"),
    field(F::security_custom_service_names, "security/transport/extendedProtectionPolicy/customServiceNames"),
}};

inline constexpr setting security_mode_setting = field(F::security_mode, "security/mode");

inline constexpr std::array<setting, 3> http_transport_security_group{{
    field(F::transport_client_credential_type, "security/transport/clientCredentialType"),
    field(F::transport_proxy_credential_type, "security/transport/proxyCredentialType"),
    field(F::security_realm, "security/transport/realm"),
}};

inline constexpr setting message_credential_setting = field(F::message_client_credential_type, "security/message/clientCredentialType");
inline constexpr setting message_suite_setting = field(F::message_algorithm_suite, "security/message/algorithmSuite");
inline constexpr setting negotiate_setting = field(F::negotiate_service_credential, "security/message/negotiateServiceCredential");
inline constexpr setting establish_setting = field(F::establish_security_context, "security/message/establishSecurityContext");

inline constexpr setting rs_enabled = field(F::rs_enabled, "reliableSession/enabled");
inline constexpr setting rs_ordered = field(F::rs_ordered, "reliableSession/ordered");
inline constexpr setting rs_inactivity = at_least(field(F::rs_inactivity_timeout, "reliableSession/inactivityTimeout"), 1);

inline constexpr setting allow_cookies = field(F::allow_cookies, "allowCookies");
inline constexpr setting bypass_proxy = field(F::bypass_proxy_on_local, "bypassProxyOnLocal");
inline constexpr setting host_name_comparison = field(F::host_name_comparison, "hostNameComparisonMode");
inline constexpr setting max_buffer_pool_size = at_least(field(F::max_buffer_pool_size, "maxBufferPoolSize"), 0);
inline constexpr setting max_received_message_size = at_least(field(F::max_received_message_size, "maxReceivedMessageSize"), 1);
inline constexpr setting message_encoding_setting = field(F::message_encoding, "messageEncoding");
inline constexpr setting proxy_address = field(F::proxy_address, "proxyAddress");
inline constexpr setting text_encoding_setting = field(F::write_encoding, "textEncoding");
inline constexpr setting transfer_mode_setting = field(F::transfer, "transferMode");
inline constexpr setting use_default_web_proxy = field(F::use_default_web_proxy, "useDefaultWebProxy");
inline constexpr setting transaction_flow = field(F::transaction_flow, "transactionFlow");

// ---- the standard bindings ----------------------------------------------------------------

inline constexpr auto basic_http_schema = concat(
    timeouts_group,
    std::array<setting, 11>{{allow_cookies, bypass_proxy, host_name_comparison, max_buffer_pool_size,
                             max_buffer_size_setting(), max_received_message_size, message_encoding_setting,
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
    std::array<setting, 10>{{bypass_proxy, field(F::client_base_address, "clientBaseAddress"), transaction_flow,
                             host_name_comparison, max_buffer_pool_size, max_received_message_size, message_encoding_setting,
                             proxy_address, text_encoding_setting, use_default_web_proxy}},
    binding_reader_quotas, std::array<setting, 2>{{rs_ordered, rs_inactivity}},
    std::array<setting, 4>{{security_mode_setting, message_credential_setting, negotiate_setting, message_suite_setting}});

inline constexpr auto net_tcp_schema = concat(
    timeouts_group,
    std::array<setting, 10>{{transaction_flow, transfer_mode_setting, field(F::transaction_protocol, "transactionProtocol"),
                             host_name_comparison, at_least(field(F::listen_backlog, "listenBacklog"), 0), max_buffer_pool_size,
                             max_buffer_size_setting(), at_least(field(F::max_connections, "maxConnections"), 0),
                             max_received_message_size, field(F::port_sharing_enabled, "portSharingEnabled")}},
    binding_reader_quotas, std::array<setting, 3>{{rs_enabled, rs_ordered, rs_inactivity}},
    std::array<setting, 4>{{security_mode_setting,
                            field(F::transport_client_credential_type, "security/transport/clientCredentialType"),
                            field(F::protection_level, "security/transport/protectionLevel"),
                            field(F::ssl_protocols, "security/transport/sslProtocols")}},
    security_transport_protection, std::array<setting, 2>{{message_credential_setting, message_suite_setting}});

// ---- customBinding elements ---------------------------------------------------------------

/// The attributes of <security> (or, with `boot`, of its <secureConversationBootstrap>: the same
/// settings under the bootstrap's path).
template <std::size_t N>
struct security_paths {
    std::array<std::array<char, 112>, N> chars{};
    std::array<std::string_view, N> views{};
};

inline constexpr std::array<std::string_view, 48> security_attribute_paths{{
    "authenticationMode", "defaultAlgorithmSuite", "allowSerializedSigningTokenOnReply", "enableUnsecuredResponse",
    "allowInsecureTransport", "includeTimestamp", "keyEntropyMode", "messageProtectionOrder", "messageSecurityVersion",
    "protectTokens", "requireDerivedKeys", "requireSecurityContextCancellation", "requireSignatureConfirmation",
    "canRenewSecurityContextToken", "securityHeaderLayout", "issuedTokenParameters/defaultMessageSecurityVersion",
    "issuedTokenParameters/keySize", "issuedTokenParameters/keyType", "issuedTokenParameters/tokenType",
    "issuedTokenParameters/useStrTransform", "issuedTokenParameters/issuer/address", "issuedTokenParameters/issuer/binding",
    "issuedTokenParameters/issuer/bindingConfiguration", "localClientSettings/cacheCookies",
    "localClientSettings/detectReplays", "localClientSettings/replayCacheSize", "localClientSettings/maxClockSkew",
    "localClientSettings/maxCookieCachingTime", "localClientSettings/replayWindow",
    "localClientSettings/sessionKeyRenewalInterval", "localClientSettings/sessionKeyRolloverInterval",
    "localClientSettings/reconnectTransportOnFailure", "localClientSettings/timestampValidityDuration",
    "localClientSettings/cookieRenewalThresholdPercentage", "localServiceSettings/detectReplays",
    "localServiceSettings/issuedCookieLifetime", "localServiceSettings/maxStatefulNegotiations",
    "localServiceSettings/replayCacheSize", "localServiceSettings/maxClockSkew", "localServiceSettings/negotiationTimeout",
    "localServiceSettings/replayWindow", "localServiceSettings/inactivityTimeout",
    "localServiceSettings/sessionKeyRenewalInterval", "localServiceSettings/sessionKeyRolloverInterval",
    "localServiceSettings/reconnectTransportOnFailure", "localServiceSettings/maxPendingSessions",
    "localServiceSettings/maxCachedCookies", "localServiceSettings/timestampValidityDuration"}};

constexpr auto make_bootstrap_paths() {
    security_paths<48> out;
    constexpr std::string_view prefix = "secureConversationBootstrap/";
    for (std::size_t i = 0; i < 48; ++i) {
        std::size_t k = 0;
        for (char c : prefix) out.chars[i][k++] = c;
        for (char c : security_attribute_paths[i]) out.chars[i][k++] = c;
    }
    return out;
}
inline constexpr auto bootstrap_path_chars = make_bootstrap_paths();

constexpr std::string_view bootstrap_path(std::size_t i) noexcept {
    auto const& c = bootstrap_path_chars.chars[i];
    std::size_t n = 0;
    while (n < c.size() && c[n] != 0) ++n;
    return {c.data(), n};
}

constexpr std::array<setting, 48> security_attribute_group(bool boot) {
    constexpr F ids[48] = {
        F::sec_mode, F::sec_default_algorithm_suite, F::sec_allow_serialized_signing_token_on_reply,
        F::sec_enable_unsecured_response, F::sec_allow_insecure_transport, F::sec_include_timestamp,
        F::sec_key_entropy_mode, F::sec_protection_order, F::sec_security_version, F::sec_protect_tokens,
        F::sec_require_derived_keys, F::sec_require_security_context_cancellation, F::sec_require_signature_confirmation,
        F::sec_can_renew_security_context_token, F::sec_header_layout, F::itp_default_message_security_version,
        F::itp_key_size, F::itp_key_type, F::itp_token_type, F::itp_use_str_transform, F::itp_issuer_address,
        F::itp_issuer_binding, F::itp_issuer_binding_configuration, F::lc_cache_cookies, F::lc_detect_replays,
        F::lc_replay_cache_size, F::lc_max_clock_skew, F::lc_max_cookie_caching_time, F::lc_replay_window,
        F::lc_session_key_renewal_interval, F::lc_session_key_rollover_interval, F::lc_reconnect_transport_on_failure,
        F::lc_timestamp_validity_duration, F::lc_cookie_renewal_threshold_percentage, F::ls_detect_replays,
        F::ls_issued_cookie_lifetime, F::ls_max_stateful_negotiations, F::ls_replay_cache_size, F::ls_max_clock_skew,
        F::ls_negotiation_timeout, F::ls_replay_window, F::ls_inactivity_timeout, F::ls_session_key_renewal_interval,
        F::ls_session_key_rollover_interval, F::ls_reconnect_transport_on_failure, F::ls_max_pending_sessions,
        F::ls_max_cached_cookies, F::ls_timestamp_validity_duration};
    std::array<setting, 48> a{};
    for (std::size_t i = 0; i < 48; ++i)
        a[i] = field(ids[i], boot ? bootstrap_path(i) : security_attribute_paths[i], boot);
    for (auto& s : a) {
        switch (static_cast<F>(s.field)) {
        case F::sec_include_timestamp:
        case F::sec_require_derived_keys:
        case F::lc_detect_replays:
        case F::ls_detect_replays: s = defaults_to_true(s); break;
        case F::itp_key_size:
        case F::ls_max_stateful_negotiations:
        case F::ls_max_cached_cookies: s.min = 0; break;
        case F::lc_replay_cache_size:
        case F::ls_replay_cache_size:
        case F::ls_max_pending_sessions: s.min = 1; break;
        case F::lc_cookie_renewal_threshold_percentage: s = with_range(s, 0, 100); break;
        case F::itp_default_message_security_version: s.null_when_absent = true; break;
        default: break;
        }
    }
    return a;
}

constexpr std::array<setting, 8> reliable_session_element_group() {
    return {{
        at_least(field(F::rs_acknowledgement_interval, "acknowledgementInterval"), 1),
        field(F::rs_flow_control_enabled, "flowControlEnabled"),
        at_least(field(F::rs_inactivity_timeout, "inactivityTimeout"), 1),
        with_range(field(F::rs_max_pending_channels, "maxPendingChannels"), 1, 16384),
        at_least(field(F::rs_max_retry_count, "maxRetryCount"), 1),
        with_range(field(F::rs_max_transfer_window_size, "maxTransferWindowSize"), 1, 4096),
        field(F::rs_ordered, "ordered"),
        field(F::rs_version, "reliableMessagingVersion"),
    }};
}

constexpr std::array<setting, 5> one_way_group() {
    return {{
        at_least(field(F::one_way_max_accepted_channels, "maxAcceptedChannels"), 1),
        field(F::one_way_packet_routable, "packetRoutable"),
        field(F::one_way_idle_timeout, "channelPoolSettings/idleTimeout"),
        field(F::one_way_lease_timeout, "channelPoolSettings/leaseTimeout"),
        at_least(field(F::one_way_max_outbound_channels, "channelPoolSettings/maxOutboundChannelsPerEndpoint"), 1),
    }};
}

constexpr auto text_message_encoding_group() {
    return concat(std::array<setting, 4>{{
                      at_least(field(F::max_read_pool_size, "maxReadPoolSize"), 1),
                      at_least(field(F::max_write_pool_size, "maxWritePoolSize"), 1),
                      field(F::message_version, "messageVersion"),
                      field(F::write_encoding, "writeEncoding"),
                  }},
                  reader_quotas_group());
}

/// <httpTransport> (`https` adds requireClientCertificate for <httpsTransport>).
template <bool Https>
constexpr auto http_transport_group() {
    std::array<setting, 21 + (Https ? 1 : 0)> a{{
        field(F::manual_addressing, "manualAddressing"),
        at_least(field(F::max_buffer_pool_size, "maxBufferPoolSize"), 1),
        max_received_message_size,
        allow_cookies,
        field(F::authentication_scheme, "authenticationScheme"),
        bypass_proxy,
        field(F::decompression_enabled, "decompressionEnabled"),
        host_name_comparison,
        field(F::keep_alive_enabled, "keepAliveEnabled"),
        max_buffer_size_setting(),
        with_range(field(F::max_pending_accepts, "maxPendingAccepts"), 0, 100000),
        proxy_address,
        field(F::proxy_authentication_scheme, "proxyAuthenticationScheme"),
        field(F::transport_realm, "realm"),
        field(F::request_initialization_timeout, "requestInitializationTimeout"),
        transfer_mode_setting,
        field(F::unsafe_connection_ntlm_authentication, "unsafeConnectionNtlmAuthentication"),
        use_default_web_proxy,
        field(F::transport_policy_enforcement, "extendedProtectionPolicy/policyEnforcement"),
        field(F::transport_protection_scenario, "extendedProtectionPolicy/protectionScenario"),
        field(F::transport_custom_service_names, "extendedProtectionPolicy/customServiceNames"),
    }};
    if constexpr (Https) a[21] = field(F::require_client_certificate, "requireClientCertificate");
    return a;
}

inline constexpr auto custom_schema = concat(
    timeouts_group,
    in_element(security_attribute_group(false), "security", custom_element::security),
    in_element(security_attribute_group(true), "security", custom_element::security),
    in_element(reliable_session_element_group(), "reliableSession", custom_element::reliable_session),
    in_element(std::array<setting, 1>{{field(F::client_base_address, "clientBaseAddress")}}, "compositeDuplex",
               custom_element::composite_duplex),
    in_element(one_way_group(), "oneWay", custom_element::one_way),
    in_element(text_message_encoding_group(), "textMessageEncoding", custom_element::text_message_encoding),
    in_element(http_transport_group<false>(), "httpTransport", custom_element::http_transport),
    in_element(http_transport_group<true>(), "httpsTransport", custom_element::https_transport));

} // namespace detail

constexpr setting_value setting::get(binding_description const& d) const {
    return detail::access_field(static_cast<detail::field_id>(field), bootstrap, setting_op::get, nullptr, &d, nullptr);
}
constexpr void setting::set(binding_description& d, setting_value const& v) const {
    detail::access_field(static_cast<detail::field_id>(field), bootstrap, setting_op::set, &d, nullptr, &v);
}
constexpr bool setting::is_set(binding_description const& d) const {
    return detail::access_field(static_cast<detail::field_id>(field), bootstrap, setting_op::is_set, nullptr, &d, nullptr)
               .number != 0;
}
constexpr void setting::reset(binding_description& d) const {
    detail::access_field(static_cast<detail::field_id>(field), bootstrap, setting_op::reset, &d, nullptr, nullptr);
}

/// A view of a binding type's settings.
class schema_view {
public:
    constexpr schema_view() noexcept = default;
    template <std::size_t N>
    constexpr schema_view(std::array<setting, N> const& a) noexcept : first_(a.data()), size_(N) {} // NOLINT
    [[nodiscard]] constexpr setting const* begin() const noexcept { return first_; }
    [[nodiscard]] constexpr setting const* end() const noexcept { return first_ + size_; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr setting const& operator[](std::size_t i) const noexcept { return first_[i]; }

private:
    setting const* first_ = nullptr;
    std::size_t size_ = 0;
};

/// Every configurable setting of a binding type, in configuration order.
[[nodiscard]] constexpr schema_view binding_schema(binding_kind kind) noexcept {
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
