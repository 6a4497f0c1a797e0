// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_BRIDGE_HPP
#define WSBIND_CONFIG_BRIDGE_HPP

/// \file
/// From configuration to the typed runtime: `visit_binding(description, f)` calls `f` with the
/// compile-time binding type whose *shape* matches a binding read from configuration, so an
/// application can pick its binding from a configuration file and still use the typed runtime.
///
///     wsbind::config::visit_binding(d, [&](auto tag) {
///         using B = typename decltype(tag)::type;   // e.g. ws_http_binding<security<mode::message, ...>>
///         run_client<B>(d);                         // the other settings travel as values in d
///     });
///
/// The shape is what selects the channel stack at compile time: the binding type, the security
/// mode, the message and transport client credential types where the mode uses them, and whether
/// a reliable session is enabled. Everything else (timeouts, sizes, quotas, algorithm suite, ...)
/// stays a run-time value of the description. Supported: the standard bindings (basicHttp,
/// wsHttp, ws2007Http, wsDualHttp, netTcp) in every valid shape; customBindings are not visited
/// (their shape is the whole stack). Returns false, without calling `f`, for an unsupported or
/// invalid description.

#include <wsbind/core/binding.hpp>
#include <wsbind/core/rules.hpp>

#include <type_traits>

namespace wsbind::config {

namespace detail::bridge {

inline constexpr int unused = -1;

constexpr bool has_enabled(binding_kind k) noexcept {
    return k == binding_kind::ws_http || k == binding_kind::ws_2007_http || k == binding_kind::net_tcp;
}

/// The description of a shape, built without instantiating a binding type (an invalid shape
/// would fail its static_asserts).
template <binding_kind K, security_mode M, int MC, int TC, bool RM>
constexpr binding_description shape_of() {
    binding_description d = default_description(K);
    d.security.mode = M;
    if constexpr (MC != unused) d.security.message.client_credential_type = static_cast<message_credential_type>(MC);
    if constexpr (TC != unused) d.security.transport.client_credential_type = static_cast<transport_credential_type>(TC);
    if constexpr (RM && has_enabled(K)) d.reliable_session.enabled = true;
    return d;
}

/// Whether a shape is valid, computed once per shape on a constant description (as core's
/// binding types hold theirs).
template <binding_kind K, security_mode M, int MC, int TC, bool RM>
struct shape_check {
    static constexpr binding_description description = shape_of<K, M, MC, TC, RM>();
    static constexpr bool valid = is_valid(description);
};

template <int MC>
struct message_part {
    using type = with<static_cast<message_credential_type>(MC)>;
};
template <int TC>
struct transport_part {
    using type = with<static_cast<transport_credential_type>(TC)>;
};

template <binding_kind K, security_mode M, int MC, int TC, bool RM>
struct shape_type {
    using sec = std::conditional_t<
        MC != unused,
        wsbind::security<with<M>, typename message_part<(MC == unused ? 0 : MC)>::type>,
        std::conditional_t<TC != unused, wsbind::security<with<M>, typename transport_part<(TC == unused ? 0 : TC)>::type>,
                           wsbind::security<with<M>>>>;
    using type = std::conditional_t<RM && has_enabled(K), wsbind::binding<K, sec, wsbind::reliable_session<wsbind::enabled<true>>>,
                                    wsbind::binding<K, sec>>;
};

template <binding_kind K, security_mode M, int MC, int TC, class F>
bool call(binding_description const& d, F& f) {
    auto const rm = has_enabled(K) && d.reliable_session.enabled;
    if (rm) {
        if constexpr (shape_check<K, M, MC, TC, true>::valid) {
            f(std::type_identity<typename shape_type<K, M, MC, TC, true>::type>{});
            return true;
        }
        return false;
    }
    if constexpr (shape_check<K, M, MC, TC, false>::valid) {
        f(std::type_identity<typename shape_type<K, M, MC, TC, false>::type>{});
        return true;
    }
    return false;
}

template <binding_kind K, security_mode M, class F>
bool with_message_credential(binding_description const& d, F& f) {
    switch (d.security.message.client_credential_type) {
    case message_credential_type::none: return call<K, M, static_cast<int>(message_credential_type::none), unused>(d, f);
    case message_credential_type::windows: return call<K, M, static_cast<int>(message_credential_type::windows), unused>(d, f);
    case message_credential_type::user_name: return call<K, M, static_cast<int>(message_credential_type::user_name), unused>(d, f);
    case message_credential_type::certificate: return call<K, M, static_cast<int>(message_credential_type::certificate), unused>(d, f);
    case message_credential_type::issued_token: return call<K, M, static_cast<int>(message_credential_type::issued_token), unused>(d, f);
    }
    return false;
}

template <binding_kind K, security_mode M, class F>
bool with_transport_credential(binding_description const& d, F& f) {
    switch (d.security.transport.client_credential_type) {
    case transport_credential_type::none: return call<K, M, unused, static_cast<int>(transport_credential_type::none)>(d, f);
    case transport_credential_type::basic: return call<K, M, unused, static_cast<int>(transport_credential_type::basic)>(d, f);
    case transport_credential_type::digest: return call<K, M, unused, static_cast<int>(transport_credential_type::digest)>(d, f);
    case transport_credential_type::ntlm: return call<K, M, unused, static_cast<int>(transport_credential_type::ntlm)>(d, f);
    case transport_credential_type::windows: return call<K, M, unused, static_cast<int>(transport_credential_type::windows)>(d, f);
    case transport_credential_type::certificate: return call<K, M, unused, static_cast<int>(transport_credential_type::certificate)>(d, f);
    case transport_credential_type::inherited_from_host: return call<K, M, unused, static_cast<int>(transport_credential_type::inherited_from_host)>(d, f);
    }
    return false;
}

template <binding_kind K, class F>
bool with_mode(binding_description const& d, F& f) {
    switch (d.security.mode) {
    case security_mode::none: return call<K, security_mode::none, unused, unused>(d, f);
    case security_mode::transport: return with_transport_credential<K, security_mode::transport>(d, f);
    case security_mode::message: return with_message_credential<K, security_mode::message>(d, f);
    case security_mode::transport_with_message_credential:
        return with_message_credential<K, security_mode::transport_with_message_credential>(d, f);
    case security_mode::transport_credential_only:
        return with_transport_credential<K, security_mode::transport_credential_only>(d, f);
    }
    return false;
}

} // namespace detail::bridge

/// Calls `f(std::type_identity<B>{})` with the compile-time binding `B` whose shape matches `d`
/// (see the file comment); returns whether it did.
template <class F>
bool visit_binding(binding_description const& d, F&& f) {
    if (!is_valid(d)) return false;
    switch (d.kind) {
    case binding_kind::basic_http: return detail::bridge::with_mode<binding_kind::basic_http>(d, f);
    case binding_kind::ws_http: return detail::bridge::with_mode<binding_kind::ws_http>(d, f);
    case binding_kind::ws_2007_http: return detail::bridge::with_mode<binding_kind::ws_2007_http>(d, f);
    case binding_kind::ws_dual_http: return detail::bridge::with_mode<binding_kind::ws_dual_http>(d, f);
    case binding_kind::net_tcp: return detail::bridge::with_mode<binding_kind::net_tcp>(d, f);
    case binding_kind::custom: return false;
    }
    return false;
}

/// Whether compile-time binding `B` has the shape of `d` (what `visit_binding` matches on).
template <class B>
    requires is_binding<B>
[[nodiscard]] constexpr bool same_shape(binding_description const& d) noexcept {
    auto const& b = describe<B>();
    if (b.kind != d.kind || b.security.mode != d.security.mode) return false;
    bool const message = d.security.mode == security_mode::message || d.security.mode == security_mode::transport_with_message_credential;
    bool const transport = d.security.mode == security_mode::transport || d.security.mode == security_mode::transport_credential_only;
    if (message && b.security.message.client_credential_type != d.security.message.client_credential_type) return false;
    if (transport && b.security.transport.client_credential_type != d.security.transport.client_credential_type) return false;
    return has_reliable_session(b) == has_reliable_session(d);
}

} // namespace wsbind::config

#endif
