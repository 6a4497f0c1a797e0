// Compile-fail test for the rule or check `dual_has_no_enabled`; the #else branch is its positive twin.
// expect-error: this policy names a setting the binding type does not have
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_dual_http_binding<reliable_session<enabled<false>>>;
#else
using tested = ws_dual_http_binding<reliable_session<ordered<false>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
