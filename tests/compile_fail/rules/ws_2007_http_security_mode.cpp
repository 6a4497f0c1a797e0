// Compile-fail test for the rule or check `ws_2007_http_security_mode`; the #else branch is its positive twin.
// expect-error: ws2007HttpBinding: security mode must be
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_2007_http_binding<security<mode::transport_credential_only>>;
#else
using tested = ws_2007_http_binding<security<mode::none>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
