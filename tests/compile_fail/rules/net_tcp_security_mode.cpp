// Compile-fail test for the rule or check `net_tcp_security_mode`; the #else branch is its positive twin.
// expect-error: netTcpBinding: security mode must be
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<security<mode::transport_credential_only>>;
#else
using tested = net_tcp_binding<security<mode::message>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
