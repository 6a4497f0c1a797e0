// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_DESCRIPTION_HPP
#define WSBIND_CORE_DESCRIPTION_HPP

/// \file
/// `wsbind::binding_description`: every setting of a WCF binding as a plain value.
///
/// The same value describes a compile-time binding (`wsbind::describe<B>()`, constexpr) and a
/// binding read from configuration. Member initialisers hold WCF's defaults that are common to all
/// bindings; `default_description(kind)` applies the per-binding defaults (.NET Framework 4.8). These
/// two places are the only statement of defaults in wsbind.
///
/// Settings that .NET applies "only if explicitly present" in configuration are `std::optional`: an
/// empty optional is "not configured" and the binding keeps the value its factory chooses (see
/// facts.hpp), which is observable (e.g. the Kerberos default suite, maxBufferSize).

#include <wsbind/core/enums.hpp>
#include <wsbind/core/text.hpp>
#include <wsbind/core/timespan.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace wsbind {

/// `<readerQuotas>`: effective values (configuration's 0 means "keep the default").
struct reader_quotas_settings {
    std::int32_t max_depth = 32;
    std::int32_t max_string_content_length = 8192;
    std::int32_t max_array_length = 16384;
    std::int32_t max_bytes_per_read = 4096;
    std::int32_t max_name_table_char_count = 16384;
    friend constexpr bool operator==(reader_quotas_settings const&, reader_quotas_settings const&) = default;
};

/// The four timeouts every binding has.
struct timeout_settings {
    timespan open_timeout = timespan::from_minutes(1);
    timespan close_timeout = timespan::from_minutes(1);
    timespan send_timeout = timespan::from_minutes(1);
    timespan receive_timeout = timespan::from_minutes(10);
    friend constexpr bool operator==(timeout_settings const&, timeout_settings const&) = default;
};

/// `<extendedProtectionPolicy>`. `custom_service_names` holds the `<customServiceNames>` entries
/// separated by ';' (SPNs cannot contain ';').
struct extended_protection_settings {
    policy_enforcement enforcement = policy_enforcement::never;
    protection_scenario scenario = protection_scenario::transport_selected;
    text custom_service_names;
    friend constexpr bool operator==(extended_protection_settings const&, extended_protection_settings const&) = default;
};

/// Transport settings of the standard bindings and of `<httpTransport>`/`<httpsTransport>`.
/// Each binding uses the subset its configuration element has (see schema.hpp).
struct transport_settings {
    bool allow_cookies = false;
    bool bypass_proxy_on_local = false;
    host_name_comparison_mode host_name_comparison = host_name_comparison_mode::strong_wildcard;
    std::int64_t max_buffer_pool_size = 524288;
    /// Applied only if configured; otherwise the transport uses maxReceivedMessageSize (capped to
    /// Int32.MaxValue) in buffered mode — see `effective_max_buffer_size`.
    std::optional<std::int32_t> max_buffer_size;
    std::int64_t max_received_message_size = 65536;
    transfer_mode transfer = transfer_mode::buffered;
    bool use_default_web_proxy = true;
    text proxy_address;
    // netTcpBinding
    std::int32_t listen_backlog = 0;   ///< 0: not configured (runtime chooses)
    std::int32_t max_connections = 0;  ///< 0: not configured (runtime chooses)
    bool port_sharing_enabled = false;
    // <httpTransport>/<httpsTransport> only
    bool manual_addressing = false;
    authentication_schemes authentication_scheme = authentication_schemes::anonymous;
    bool decompression_enabled = true;
    bool keep_alive_enabled = true;
    std::int32_t max_pending_accepts = 0;
    authentication_schemes proxy_authentication_scheme = authentication_schemes::anonymous;
    text realm;
    timespan request_initialization_timeout{};
    bool unsafe_connection_ntlm_authentication = false;
    bool require_client_certificate = false;  ///< <httpsTransport> only
    extended_protection_settings extended_protection;
    friend constexpr bool operator==(transport_settings const&, transport_settings const&) = default;
};

/// The message encoder: standard bindings' messageEncoding/textEncoding/readerQuotas and
/// customBinding's `<textMessageEncoding>`.
struct encoder_settings {
    message_encoding encoding = message_encoding::text;
    text_encoding write_encoding = text_encoding::utf8;
    message_version version = message_version::soap12_ws_addressing10;
    std::int32_t max_read_pool_size = 64;
    std::int32_t max_write_pool_size = 16;
    reader_quotas_settings reader_quotas;
    friend constexpr bool operator==(encoder_settings const&, encoder_settings const&) = default;
};

/// `<security><transport>` of a standard binding.
struct transport_security_settings {
    transport_credential_type client_credential_type = transport_credential_type::none;
    proxy_credential_type proxy_credential = proxy_credential_type::none;
    text realm;
    protection_level protection = protection_level::encrypt_and_sign;           ///< netTcpBinding
    ssl_protocols ssl = ssl_protocols::tls | ssl_protocols::tls11 | ssl_protocols::tls12; ///< netTcpBinding
    extended_protection_settings extended_protection;
    friend constexpr bool operator==(transport_security_settings const&, transport_security_settings const&) = default;
};

/// `<security><message>` of a standard binding.
struct message_security_settings {
    message_credential_type client_credential_type = message_credential_type::windows;
    /// Applied only if configured; empty means `Default` without having been said (which keeps
    /// Basic128 for Kerberos, see facts.hpp).
    std::optional<algorithm_suite> suite;
    bool negotiate_service_credential = true;
    bool establish_security_context = true;
    friend constexpr bool operator==(message_security_settings const&, message_security_settings const&) = default;
};

/// `<security>` of a standard binding.
struct security_settings {
    security_mode mode = security_mode::none;
    transport_security_settings transport;
    message_security_settings message;
    friend constexpr bool operator==(security_settings const&, security_settings const&) = default;
};

/// Reliable session: the standard bindings' `<reliableSession>` (enabled, ordered,
/// inactivityTimeout) and customBinding's `<reliableSession>` (all of it).
struct reliable_session_settings {
    bool enabled = false;
    bool ordered = true;
    timespan inactivity_timeout = timespan::from_minutes(10);
    timespan acknowledgement_interval = timespan::from_milliseconds(200);
    bool flow_control_enabled = true;
    std::int32_t max_pending_channels = 4;
    std::int32_t max_retry_count = 8;
    std::int32_t max_transfer_window_size = 8;
    reliable_messaging_version version = reliable_messaging_version::ws_reliable_messaging_february_2005;
    friend constexpr bool operator==(reliable_session_settings const&, reliable_session_settings const&) = default;
};

/// `<localClientSettings>` of customBinding `<security>`.
struct local_client_security_settings {
    bool cache_cookies = true;
    std::optional<bool> detect_replays; ///< applied only if configured (default true)
    std::int32_t replay_cache_size = 900000;
    timespan max_clock_skew = timespan::from_minutes(5);
    timespan max_cookie_caching_time = timespan::infinite();
    timespan replay_window = timespan::from_minutes(5);
    timespan session_key_renewal_interval = timespan::from_hours(10);
    timespan session_key_rollover_interval = timespan::from_minutes(5);
    bool reconnect_transport_on_failure = true;
    timespan timestamp_validity_duration = timespan::from_minutes(5);
    std::int32_t cookie_renewal_threshold_percentage = 60;
    friend constexpr bool operator==(local_client_security_settings const&, local_client_security_settings const&) = default;
};

/// `<localServiceSettings>` of customBinding `<security>`.
struct local_service_security_settings {
    std::optional<bool> detect_replays; ///< applied only if configured (default true)
    timespan issued_cookie_lifetime = timespan::from_hours(10);
    std::int32_t max_stateful_negotiations = 128;
    std::int32_t replay_cache_size = 900000;
    timespan max_clock_skew = timespan::from_minutes(5);
    timespan negotiation_timeout = timespan::from_minutes(1);
    timespan replay_window = timespan::from_minutes(5);
    timespan inactivity_timeout = timespan::from_minutes(2);
    timespan session_key_renewal_interval = timespan::from_hours(15);
    timespan session_key_rollover_interval = timespan::from_minutes(5);
    bool reconnect_transport_on_failure = true;
    std::int32_t max_pending_sessions = 128;
    std::int32_t max_cached_cookies = 1000;
    timespan timestamp_validity_duration = timespan::from_minutes(5);
    friend constexpr bool operator==(local_service_security_settings const&, local_service_security_settings const&) = default;
};

/// `<issuedTokenParameters>` (scalar part; claim type requirements and additional request
/// parameters are kept by the configuration layer as unmodelled content).
struct issued_token_parameters_settings {
    std::optional<message_security_version> default_message_security_version;
    std::int32_t key_size = 0;
    issued_security_token_key_type key_type = issued_security_token_key_type::symmetric_key;
    text token_type;
    bool use_str_transform = false;
    text issuer_address;
    text issuer_binding;
    text issuer_binding_configuration;
    friend constexpr bool operator==(issued_token_parameters_settings const&, issued_token_parameters_settings const&) = default;
};

/// The attributes and children of customBinding `<security>` (and of its
/// `<secureConversationBootstrap>`, which has the same shape minus the bootstrap).
struct security_element_attributes {
    authentication_mode mode = authentication_mode::sspi_negotiated;
    std::optional<algorithm_suite> default_algorithm_suite;
    std::optional<bool> allow_serialized_signing_token_on_reply;
    std::optional<bool> enable_unsecured_response;
    std::optional<bool> allow_insecure_transport;
    std::optional<bool> include_timestamp;
    security_key_entropy_mode key_entropy_mode = security_key_entropy_mode::combined_entropy;
    message_protection_order protection_order = message_protection_order::sign_before_encrypt_and_encrypt_signature;
    std::optional<message_security_version> security_version; ///< empty: `Default`
    std::optional<bool> protect_tokens;
    std::optional<bool> require_derived_keys;
    bool require_security_context_cancellation = true;
    std::optional<bool> require_signature_confirmation;
    bool can_renew_security_context_token = true;
    std::optional<security_header_layout> header_layout;
    std::optional<local_client_security_settings> local_client; ///< applied as a whole when present
    std::optional<local_service_security_settings> local_service;
    issued_token_parameters_settings issued_token_parameters;
    friend constexpr bool operator==(security_element_attributes const&, security_element_attributes const&) = default;
};

struct security_element_settings : security_element_attributes {
    std::optional<security_element_attributes> secure_conversation_bootstrap;
    friend constexpr bool operator==(security_element_settings const&, security_element_settings const&) = default;
};

/// `<oneWay>` of customBinding.
struct one_way_settings {
    std::int32_t max_accepted_channels = 10;
    bool packet_routable = false;
    timespan idle_timeout = timespan::from_minutes(2);
    timespan lease_timeout = timespan::from_minutes(10);
    std::int32_t max_outbound_channels_per_endpoint = 10;
    friend constexpr bool operator==(one_way_settings const&, one_way_settings const&) = default;
};

/// The binding elements a customBinding stack can hold in wsbind's model.
enum class custom_element : std::uint8_t {
    security, reliable_session, composite_duplex, one_way, text_message_encoding, http_transport, https_transport
};

template <>
struct enum_info<custom_element> {
    static constexpr std::string_view type_name = "binding element";
    static constexpr enum_entry<custom_element> entries[] = {
        {custom_element::security, "security"},
        {custom_element::reliable_session, "reliableSession"},
        {custom_element::composite_duplex, "compositeDuplex"},
        {custom_element::one_way, "oneWay"},
        {custom_element::text_message_encoding, "textMessageEncoding"},
        {custom_element::http_transport, "httpTransport"},
        {custom_element::https_transport, "httpsTransport"}};
};

/// The ordered element stack of a customBinding, top (first in configuration) to bottom.
class custom_stack {
public:
    static constexpr std::size_t capacity = 8;

    constexpr custom_stack() noexcept = default;

    /// Appends an element; false when the stack is full.
    constexpr bool push_back(custom_element e) noexcept {
        if (size_ == capacity) return false;
        elements_[size_++] = e;
        return true;
    }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr custom_element operator[](std::size_t i) const noexcept { return elements_[i]; }
    [[nodiscard]] constexpr custom_element const* begin() const noexcept { return elements_.data(); }
    [[nodiscard]] constexpr custom_element const* end() const noexcept { return elements_.data() + size_; }
    [[nodiscard]] constexpr std::size_t count(custom_element e) const noexcept {
        std::size_t n = 0;
        for (auto x : *this) n += (x == e) ? 1u : 0u;
        return n;
    }
    [[nodiscard]] constexpr bool contains(custom_element e) const noexcept { return count(e) != 0; }
    /// Position of the first `e`, or size() when absent.
    [[nodiscard]] constexpr std::size_t index_of(custom_element e) const noexcept {
        for (std::size_t i = 0; i < size_; ++i)
            if (elements_[i] == e) return i;
        return size_;
    }

    friend constexpr bool operator==(custom_stack const& a, custom_stack const& b) noexcept {
        if (a.size_ != b.size_) return false;
        for (std::size_t i = 0; i < a.size_; ++i)
            if (a.elements_[i] != b.elements_[i]) return false;
        return true;
    }

private:
    std::array<custom_element, capacity> elements_{};
    std::size_t size_ = 0;
};

/// Every setting of one binding. Compare with ==; print with `to_string` (print.hpp).
struct binding_description {
    binding_kind kind = binding_kind::basic_http;
    text name;                                     ///< configuration name; empty for the default one
    timeout_settings timeouts;
    transport_settings transport;
    encoder_settings encoder;
    bool transaction_flow = false;
    transaction_protocol transactions = transaction_protocol::ole_transactions; ///< netTcpBinding
    text client_base_address;                      ///< wsDualHttpBinding, customBinding <compositeDuplex>
    security_settings security;                    ///< standard bindings
    reliable_session_settings reliable_session;
    custom_stack stack;                            ///< customBinding
    security_element_settings security_element;    ///< customBinding <security>
    one_way_settings one_way;                      ///< customBinding <oneWay>

    friend constexpr bool operator==(binding_description const&, binding_description const&) = default;
};

/// A binding of `kind` with every setting at WCF's default (.NET Framework 4.8). For
/// customBinding the stack is empty.
[[nodiscard]] constexpr binding_description default_description(binding_kind kind) {
    binding_description d;
    d.kind = kind;
    switch (kind) {
    case binding_kind::basic_http:
        d.security.mode = security_mode::none;
        d.security.transport.client_credential_type = transport_credential_type::none;
        d.security.message.client_credential_type = message_credential_type::user_name;
        d.encoder.version = message_version::soap11;
        break;
    case binding_kind::ws_http:
        d.security.mode = security_mode::message;
        d.security.transport.client_credential_type = transport_credential_type::windows;
        break;
    case binding_kind::ws_2007_http:
        d.security.mode = security_mode::message;
        d.security.transport.client_credential_type = transport_credential_type::windows;
        d.reliable_session.version = reliable_messaging_version::ws_reliable_messaging_11;
        break;
    case binding_kind::ws_dual_http:
        d.security.mode = security_mode::message;
        d.reliable_session.enabled = true; // always on; not configurable
        break;
    case binding_kind::net_tcp:
        d.security.mode = security_mode::transport;
        d.security.transport.client_credential_type = transport_credential_type::windows;
        break;
    case binding_kind::custom:
        break;
    }
    return d;
}

/// maxBufferSize as the transport applies it: the configured value, or in buffered mode
/// min(maxReceivedMessageSize, Int32.MaxValue) when not configured (HttpTransportBindingElement).
[[nodiscard]] constexpr std::int64_t effective_max_buffer_size(transport_settings const& t) noexcept {
    if (t.max_buffer_size) return *t.max_buffer_size;
    if (t.transfer == transfer_mode::buffered)
        return t.max_received_message_size < std::numeric_limits<std::int32_t>::max()
                   ? t.max_received_message_size
                   : std::int64_t{std::numeric_limits<std::int32_t>::max()};
    return 65536;
}

} // namespace wsbind

#endif
