// Compile-fail test for the rule or check `net_tcp_reliable_session_buffered`; the #else branch is its positive twin.
// expect-error: netTcpBinding: a reliable session requires transferMode Buffered
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<with<transfer_mode::streamed>, reliable_session<>>;
#else
using tested = net_tcp_binding<with<transfer_mode::buffered>, reliable_session<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
