// Compile-fail test for the rule or check `bad_timespan_text`; the #else branch is its positive twin.
// expect-error: a timeout policy's text is not a .NET TimeSpan
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<open_timeout<"ten minutes">>;
#else
using tested = ws_http_binding<open_timeout<"00:10:00">>;
#endif

static_assert(describe<tested>().kind == tested::kind);
