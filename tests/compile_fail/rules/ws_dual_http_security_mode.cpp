// Compile-fail test for the rule or check `ws_dual_http_security_mode`; the #else branch is its positive twin.
// expect-error: wsDualHttpBinding: security mode must be None or Message
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_dual_http_binding<security<mode::transport>>;
#else
using tested = ws_dual_http_binding<security<mode::none>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
