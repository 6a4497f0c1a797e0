// Compile-fail test for the rule or check `net_tcp_message_security_streaming`; the #else branch is its positive twin.
// expect-error: netTcpBinding: security mode Message cannot be used with a streamed transferMode
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<security<mode::message>, with<transfer_mode::streamed_request>>;
#else
using tested = net_tcp_binding<security<mode::transport>, with<transfer_mode::streamed_request>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
