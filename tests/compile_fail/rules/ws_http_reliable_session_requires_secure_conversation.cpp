// Compile-fail test for the rule or check `ws_http_reliable_session_requires_secure_conversation`; the #else branch is its positive twin.
// expect-error: wsHttpBinding: a reliable session with message security requires establishSecurityContext=true
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<security<mode::message, message_credential::certificate, establish_security_context<false>>, reliable_session<ordered<true>>>;
#else
using tested = ws_http_binding<security<mode::message, message_credential::certificate, establish_security_context<true>>, reliable_session<ordered<true>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
