// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_STEP_HPP
#define WSBIND_SOAP_STEP_HPP

/// \file
/// The interface of the sans-IO processing steps between the encoder and the dispatcher: the
/// security step (security/) and the reliable-session step (reliable/). A step never does I/O and
/// never reads a clock: it is given a message and a `step_context` (the time, what the transport
/// knows), changes the message in place, and answers with a decision; messages it originates
/// (acknowledgements, retransmissions, token requests) and messages it releases later (ordered
/// delivery) go into the context, with the time it wants to be called back.
///
/// Requirements on a step type `S` (`s` an `S&`, `m` a `soap::message&`, `c` a `step_context&`):
///
/// | expression             | type          | semantics                                                        |
/// |------------------------|---------------|------------------------------------------------------------------|
/// | `s.on_outbound(m, c)`  | `step_result` | a message going down (client request, service reply): add and   |
/// |                        |               | protect headers (WS-Security), number it (WS-RM Sequence)        |
/// | `s.on_inbound(m, c)`   | `step_result` | a message coming up: verify/decrypt, mark understood headers,    |
/// |                        |               | refuse with a fault, or absorb it (a stand-alone ack; an         |
/// |                        |               | out-of-order message held for ordered delivery)                 |
/// | `s.on_timer(c)`        | `void`        | called at or after `c.wake_at`: retransmit, send acks/keep-alives |
///
/// One step object serves one endpoint (service) or one client, and the service side calls it from
/// several server threads at once: a stateful step (sessions, sequences, replay caches) keeps its
/// state per session and synchronises itself.
///
/// How the later layers fit:
/// - Message security (`security_layer::message_step<CryptoBackend>`, next issue) adds `o:Security` as
///   the last header on the way out (timestamp, tokens, signature over body and WS-Addressing
///   headers, encrypted body), and on the way in verifies it against `c.now`, resolves tokens
///   through the credentials layer, decrypts the body in place, marks `o:Security` understood and
///   records the authenticated identity in `c.identity`; failures refuse with WCF's security faults
///   (InvalidSecurity, FailedAuthentication, ...), unsecured. Secure conversation puts its
///   RST/RSTR exchanges into `c.to_send` and absorbs the replies.
/// - WS-ReliableMessaging (`reliable::session_step`, later) numbers outbound messages and keeps
///   them until acknowledged (retransmission timer → `c.wake_at`, resends → `c.to_send`), answers
///   inbound messages with acknowledgements (`c.to_send`, or piggy-backed), absorbs stand-alone
///   acks, and with ordered delivery absorbs out-of-order messages and releases them in order via
///   `c.to_deliver`. Sequence headers are marked understood by it.

#include <wsbind/soap/fault.hpp>
#include <wsbind/soap/message.hpp>

#include <chrono>
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wsbind::soap {

enum class channel_role : std::uint8_t { client, service };

/// What the transport knows about the connection a message travels on.
struct transport_facts {
    bool secure = false;                                ///< TLS
    std::optional<std::string> client_certificate_der;  ///< service side: the verified TLS client certificate
    std::string client_certificate_subject;
    std::string peer_address;
};

struct step_context {
    std::chrono::system_clock::time_point now{};
    channel_role role = channel_role::service;
    transport_facts transport;
    /// Who sent the inbound message, as established by the security step ("" = anonymous).
    std::string identity;
    std::vector<message> to_send;      ///< messages the step originates, to go down the stack
    std::vector<message> to_deliver;   ///< messages released upwards (in order), after the one processed
    std::optional<std::chrono::system_clock::time_point> wake_at; ///< call on_timer then
};

enum class step_status : std::uint8_t {
    pass,      ///< go on with the message
    absorbed,  ///< the step consumed the message (nothing to hand upwards/downwards now)
    refused    ///< answer with `fault`
};

struct step_result {
    step_status status = step_status::pass;
    std::optional<fault_reply> fault;

    [[nodiscard]] static step_result pass() { return {}; }
    [[nodiscard]] static step_result absorbed() { return {step_status::absorbed, std::nullopt}; }
    [[nodiscard]] static step_result refuse(soap::fault f, int http_status = 500) {
        return {step_status::refused, fault_reply{std::move(f), http_status}};
    }
};

template <class S>
concept message_step = requires(S& s, message& m, step_context& c) {
    { s.on_outbound(m, c) } -> std::same_as<step_result>;
    { s.on_inbound(m, c) } -> std::same_as<step_result>;
    { s.on_timer(c) } -> std::same_as<void>;
};

namespace detail {
/// Asserts each requirement of `message_step` separately.
template <class S>
struct message_step_diagnoser {
    static_assert(requires(S& s, message& m, step_context& c) { { s.on_outbound(m, c) } -> std::same_as<step_result>; },
                  "message_step: missing `step_result on_outbound(soap::message&, soap::step_context&)`");
    static_assert(requires(S& s, message& m, step_context& c) { { s.on_inbound(m, c) } -> std::same_as<step_result>; },
                  "message_step: missing `step_result on_inbound(soap::message&, soap::step_context&)`");
    static_assert(requires(S& s, step_context& c) { { s.on_timer(c) } -> std::same_as<void>; },
                  "message_step: missing `void on_timer(soap::step_context&)`");
    static constexpr bool value = message_step<S>;
};
} // namespace detail

} // namespace wsbind::soap

#endif
