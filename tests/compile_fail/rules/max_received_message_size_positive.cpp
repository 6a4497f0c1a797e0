// Compile-fail test for the rule or check `max_received_message_size_positive`; the #else branch is its positive twin.
// expect-error: maxReceivedMessageSize must be at least 1
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<max_received_message_size<0>>;
#else
using tested = ws_http_binding<max_received_message_size<1>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
