// Compile-fail test for the rule or check `ws_2007_http_reliable_session_not_over_transport_security`; the #else branch is its positive twin.
// expect-error: ws2007HttpBinding: a reliable session cannot be used with security mode Transport
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_2007_http_binding<security<mode::transport>, reliable_session<>>;
#else
using tested = ws_2007_http_binding<security<mode::transport>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
