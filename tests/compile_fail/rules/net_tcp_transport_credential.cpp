// Compile-fail test for the rule or check `net_tcp_transport_credential`; the #else branch is its positive twin.
// expect-error: netTcpBinding: transport clientCredentialType must be None, Windows or Certificate
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<security<transport_credential::digest>>;
#else
using tested = net_tcp_binding<security<transport_credential::certificate>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
