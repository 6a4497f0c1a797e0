// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SECURITY_TRANSPORT_HPP
#define WSBIND_SECURITY_TRANSPORT_HPP

/// \file
/// The security steps of bindings without message-level security (a `soap::message_step`):
/// (Namespace `wsbind::security_layer`: `wsbind::security` is the binding policy.)
/// - `security_layer::none_step` — security mode None: nothing to do;
/// - `security_layer::transport_step` — security mode Transport: the transport (HTTPS) protects the
///   message and, with clientCredentialType Certificate, authenticates the client; the step checks
///   on the service side that the message did come over TLS (and with a verified client
///   certificate when one is required) and records the client's identity.
/// Message security (WS-Security) is a step of the same shape: see soap/step.hpp.

#include <wsbind/core/description.hpp>
#include <wsbind/core/facts.hpp>
#include <wsbind/soap/step.hpp>

#include <string>

namespace wsbind::security_layer {

struct none_step {
    soap::step_result on_outbound(soap::message&, soap::step_context&) { return soap::step_result::pass(); }
    soap::step_result on_inbound(soap::message&, soap::step_context&) { return soap::step_result::pass(); }
    void on_timer(soap::step_context&) {}
};

struct transport_step {
    bool require_client_certificate = false;

    soap::step_result on_outbound(soap::message&, soap::step_context&) { return soap::step_result::pass(); }

    soap::step_result on_inbound(soap::message&, soap::step_context& c) {
        if (c.role == soap::channel_role::client) return soap::step_result::pass();
        if (!c.transport.secure)
            return soap::step_result::refuse(soap::bad_message("The binding requires Transport security (HTTPS), and the "
                                                               "message did not arrive over TLS."), 403);
        if (require_client_certificate) {
            if (!c.transport.client_certificate_der)
                return soap::step_result::refuse(soap::bad_message("The binding requires a client certificate "
                                                                   "(clientCredentialType Certificate), and the TLS "
                                                                   "connection presented no verified one."), 403);
            c.identity = c.transport.client_certificate_subject;
        }
        return soap::step_result::pass();
    }

    void on_timer(soap::step_context&) {}
};

static_assert(soap::detail::message_step_diagnoser<none_step>::value);
static_assert(soap::detail::message_step_diagnoser<transport_step>::value);

} // namespace wsbind::security_layer

#endif
