// Compile-fail test for the rule or check `not_a_policy`; the #else branch is its positive twin.
// expect-error: a binding's arguments must be wsbind policies
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<int>;
#else
using tested = ws_http_binding<>;
#endif

static_assert(describe<tested>().kind == tested::kind);
