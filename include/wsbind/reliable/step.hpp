// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_RELIABLE_STEP_HPP
#define WSBIND_RELIABLE_STEP_HPP

/// \file
/// The reliable-session step of a channel stack (a `soap::message_step`, see soap/step.hpp).
/// Bindings without `<reliableSession enabled="true">` use `reliable::none_step`. WS-ReliableMessaging
/// (Feb 2005 and 1.1, wcf-wire-facts.md §4) comes as `reliable::session_step`, a state machine of
/// the same shape: outbound messages get `r:Sequence` (inserted before `a:Action`) and are kept
/// until acknowledged, with the retransmission timeout as `step_context::wake_at`; inbound
/// messages are acknowledged through `step_context::to_send` (or piggy-backed on the reply),
/// stand-alone acknowledgements are absorbed, and ordered delivery absorbs messages that arrive
/// early and releases them through `step_context::to_deliver`. CreateSequence / TerminateSequence
/// exchanges are messages the step originates and absorbs; the channel layer only carries them.

#include <wsbind/soap/step.hpp>

namespace wsbind::reliable {

struct none_step {
    soap::step_result on_outbound(soap::message&, soap::step_context&) { return soap::step_result::pass(); }
    soap::step_result on_inbound(soap::message&, soap::step_context&) { return soap::step_result::pass(); }
    void on_timer(soap::step_context&) {}
};

static_assert(soap::detail::message_step_diagnoser<none_step>::value);

} // namespace wsbind::reliable

#endif
