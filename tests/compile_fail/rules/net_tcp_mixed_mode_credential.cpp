// Compile-fail test for the rule or check `net_tcp_mixed_mode_credential`; the #else branch is its positive twin.
// expect-error: netTcpBinding: security mode TransportWithMessageCredential requires
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<security<mode::transport_with_message_credential, message_credential::none>>;
#else
using tested = net_tcp_binding<security<mode::transport_with_message_credential, message_credential::windows>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
