// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CHANNEL_STACK_HPP
#define WSBIND_CHANNEL_STACK_HPP

/// \file
/// The channel stack a binding asks for: encoder → security step → reliable-session step →
/// transport, composed by type from a compile-time binding (`stack_of<B>`), and, for a binding
/// read from configuration, by visiting the compile-time shape that matches its description
/// (`visit_runtime_binding`). Values that types do not carry (timeouts, sizes, quotas) come from
/// the `binding_description`, so a configured maxReceivedMessageSize is honoured.
///
/// Carried now: basicHttpBinding, wsHttpBinding and ws2007HttpBinding with security None or
/// Transport (clientCredentialType None or Certificate), text encoding, buffered transfer. Message
/// security and reliable sessions are steps of the same shape (soap/step.hpp) that later issues
/// add; until then such bindings are refused with a message that says so — at compile time for
/// `stack_of<B>`, as an error value for descriptions.

#include <wsbind/core/binding.hpp>
#include <wsbind/core/chrono.hpp>
#include <wsbind/core/description.hpp>
#include <wsbind/core/facts.hpp>
#include <wsbind/reliable/step.hpp>
#include <wsbind/security/transport.hpp>
#include <wsbind/soap/encoder.hpp>
#include <wsbind/soap/step.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace wsbind::channel {

/// The steps between encoder and dispatcher, type-erased so that endpoints of different bindings
/// live side by side in one host.
class step_stack {
public:
    virtual ~step_stack() = default;
    /// Outbound: reliable session first (numbering), then security (protecting the numbered message).
    virtual soap::step_result outbound(soap::message& m, soap::step_context& c) = 0;
    /// Inbound: security first, then the reliable session.
    virtual soap::step_result inbound(soap::message& m, soap::step_context& c) = 0;
    virtual void timer(soap::step_context& c) = 0;
};

template <soap::message_step Security, soap::message_step Reliable>
class composed_stack final : public step_stack {
public:
    composed_stack(Security s, Reliable r) : security_(std::move(s)), reliable_(std::move(r)) {}
    soap::step_result outbound(soap::message& m, soap::step_context& c) override {
        auto r = reliable_.on_outbound(m, c);
        if (r.status != soap::step_status::pass) return r;
        return security_.on_outbound(m, c);
    }
    soap::step_result inbound(soap::message& m, soap::step_context& c) override {
        auto r = security_.on_inbound(m, c);
        if (r.status != soap::step_status::pass) return r;
        return reliable_.on_inbound(m, c);
    }
    void timer(soap::step_context& c) override {
        security_.on_timer(c);
        reliable_.on_timer(c);
    }

private:
    Security security_;
    Reliable reliable_;
};

/// The step types of compile-time binding `B`.
template <class B>
    requires is_binding<B>
struct stack_of {
    using facts_type = facts<B>;
    static_assert(facts_type::security_element.kind == security_element_kind::none,
                  "wsbind: message-level security (WS-Security: security mode Message or TransportWithMessageCredential) "
                  "is not in wsbind's runtime yet; it comes as a security step of the same shape (soap/step.hpp)");
    static_assert(!facts_type::reliable,
                  "wsbind: reliable sessions (WS-ReliableMessaging) are not in wsbind's runtime yet; they come as a "
                  "reliable-session step of the same shape (soap/step.hpp)");
    static_assert(facts_type::scheme == "http" || facts_type::scheme == "https",
                  "wsbind: the runtime carries HTTP and HTTPS transports only");
    static_assert(facts_type::soap_version != 0, "wsbind: the runtime needs a SOAP message version (not MessageVersion.None)");

    using security_step = std::conditional_t<facts_type::protection.transport_protected, security_layer::transport_step, security_layer::none_step>;
    using reliable_step = reliable::none_step;

    [[nodiscard]] static std::unique_ptr<step_stack> make(binding_description const& d) {
        security_step s{};
        if constexpr (std::is_same_v<security_step, security_layer::transport_step>)
            s.require_client_certificate = requires_transport_client_certificate(d);
        return std::make_unique<composed_stack<security_step, reliable_step>>(std::move(s), reliable_step{});
    }
};

/// What an endpoint takes from its binding at run time.
struct endpoint_settings {
    soap::message_version version;
    reader_quotas_settings quotas;
    std::uint64_t max_received_message_size = 65536;
    std::chrono::milliseconds open_timeout{std::chrono::minutes(1)};
    std::chrono::milliseconds close_timeout{std::chrono::minutes(1)};
    std::chrono::milliseconds send_timeout{std::chrono::minutes(1)};
    std::chrono::milliseconds receive_timeout{std::chrono::minutes(10)};
    bool tls = false;
    bool require_client_certificate = false;
};

/// A TimeSpan as milliseconds for timers (Infinite and very large values: about 24 days).
[[nodiscard]] inline std::chrono::milliseconds to_milliseconds(timespan t) noexcept {
    if (t.is_infinite() || t > max_wait) return std::chrono::milliseconds(max_wait.ticks() / timespan::ticks_per_millisecond);
    return std::chrono::duration_cast<std::chrono::milliseconds>(to_duration(t));
}

[[nodiscard]] inline endpoint_settings settings_of(binding_description const& d) {
    endpoint_settings s;
    s.version = soap::message_version_of(d).value_or(soap::soap12_ws_addressing10);
    s.quotas = d.encoder.reader_quotas;
    s.max_received_message_size = static_cast<std::uint64_t>(d.transport.max_received_message_size);
    s.open_timeout = to_milliseconds(d.timeouts.open_timeout);
    s.close_timeout = to_milliseconds(d.timeouts.close_timeout);
    s.send_timeout = to_milliseconds(d.timeouts.send_timeout);
    s.receive_timeout = to_milliseconds(d.timeouts.receive_timeout);
    s.tls = uses_tls(d);
    s.require_client_certificate = requires_transport_client_certificate(d);
    return s;
}

/// A type tag: `typename decltype(tag)::type`.
template <class T>
struct type_tag {
    using type = T;
};

/// Why the runtime cannot carry `d`, or "" when it can.
[[nodiscard]] inline std::string runtime_support(binding_description const& d) {
    using k = binding_kind;
    if (d.kind != k::basic_http && d.kind != k::ws_http && d.kind != k::ws_2007_http)
        return "wsbind's runtime carries basicHttpBinding, wsHttpBinding and ws2007HttpBinding; " + std::string(to_string(d.kind)) +
               " is modelled (configuration, rules) but has no runtime yet";
    if (d.security.mode != security_mode::none && d.security.mode != security_mode::transport)
        return "security mode " + std::string(to_string(d.security.mode)) +
               " is not in wsbind's runtime yet (None and Transport are; Message security comes with the WS-Security step)";
    if (d.security.mode == security_mode::transport &&
        d.security.transport.client_credential_type != transport_credential_type::none &&
        d.security.transport.client_credential_type != transport_credential_type::certificate)
        return "transport clientCredentialType " + std::string(to_string(d.security.transport.client_credential_type)) +
               " is not supported by wsbind (None and Certificate are)";
    if (has_reliable_session(d))
        return "reliable sessions (WS-ReliableMessaging) are not in wsbind's runtime yet";
    if (d.encoder.encoding != message_encoding::text) return "only the text message encoding is supported (not MTOM)";
    if (d.transport.transfer != transfer_mode::buffered) return "only transferMode Buffered is supported";
    return {};
}

/// Calls `f(type_tag<B>{})` with the compile-time binding whose shape (binding type, security mode,
/// transport credential) matches `d`, for the shapes the runtime carries; returns false (and
/// `why`) otherwise. (The configuration layer's `visit_binding` covers every shape; this one is the
/// runtime's subset, with a precise reason for the rest.)
template <class F>
bool visit_runtime_binding(binding_description const& d, F&& f, std::string* why = nullptr) {
    if (auto reason = runtime_support(d); !reason.empty()) {
        if (why) *why = std::move(reason);
        return false;
    }
    bool const transport = d.security.mode == security_mode::transport;
    bool const cert = transport && d.security.transport.client_credential_type == transport_credential_type::certificate;
    switch (d.kind) {
    case binding_kind::basic_http:
        if (!transport) f(type_tag<basic_http_binding<>>{});
        else if (!cert) f(type_tag<basic_http_binding<security<mode::transport>>>{});
        else f(type_tag<basic_http_binding<security<mode::transport, transport_credential::certificate>>>{});
        return true;
    case binding_kind::ws_http:
        if (!transport) f(type_tag<ws_http_binding<security<mode::none>>>{});
        else if (!cert) f(type_tag<ws_http_binding<security<mode::transport, transport_credential::none>>>{});
        else f(type_tag<ws_http_binding<security<mode::transport, transport_credential::certificate>>>{});
        return true;
    case binding_kind::ws_2007_http:
        if (!transport) f(type_tag<ws_2007_http_binding<security<mode::none>>>{});
        else if (!cert) f(type_tag<ws_2007_http_binding<security<mode::transport, transport_credential::none>>>{});
        else f(type_tag<ws_2007_http_binding<security<mode::transport, transport_credential::certificate>>>{});
        return true;
    default: return false;
    }
}

/// The step stack for a description (nullptr and `why` when the runtime cannot carry it).
[[nodiscard]] inline std::unique_ptr<step_stack> make_stack(binding_description const& d, std::string* why = nullptr) {
    std::unique_ptr<step_stack> out;
    visit_runtime_binding(d, [&](auto tag) { out = stack_of<typename decltype(tag)::type>::make(d); }, why);
    return out;
}

/// One raw message as it crossed the transport (opt-in message logging, like WCF's
/// `<messageLogging logMessagesAtTransportLevel="true">`).
struct trace_record {
    enum class direction : std::uint8_t { received, sent } dir = direction::received;
    std::string_view endpoint;       ///< the endpoint address (service) or target address (client)
    std::string_view content_type;
    std::string_view action;         ///< SOAPAction or WS-Addressing Action when known
    int http_status = 0;             ///< responses: the status; requests: 0
    std::string_view bytes;          ///< the message as sent or received
};
using trace_hook = std::function<void(trace_record const&)>;

} // namespace wsbind::channel

#endif
