// Compile-fail test for the rule or check `ws_http_security_mode`; the #else branch is its positive twin.
// expect-error: wsHttpBinding: security mode must be None, Transport, Message or TransportWithMessageCredential
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<security<mode::transport_credential_only>>;
#else
using tested = ws_http_binding<security<mode::transport>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
