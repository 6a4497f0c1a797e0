// Compile-fail test for the rule or check `timeouts_in_range`; the #else branch is its positive twin.
// expect-error: timeouts .openTimeout, closeTimeout, sendTimeout, receiveTimeout. must be between
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<send_timeout<"25.00:00:00">>;
#else
using tested = ws_http_binding<send_timeout<"Infinite">>;
#endif

static_assert(describe<tested>().kind == tested::kind);
