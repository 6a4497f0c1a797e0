// Compile-fail test for the rule or check `ws_2007_http_reliable_session_requires_secure_conversation`; the #else branch is its positive twin.
// expect-error: ws2007HttpBinding: a reliable session with message security requires establishSecurityContext=true
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_2007_http_binding<security<establish_security_context<false>>, reliable_session<>>;
#else
using tested = ws_2007_http_binding<security<establish_security_context<false>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
