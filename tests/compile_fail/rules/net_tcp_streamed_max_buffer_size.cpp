// Compile-fail test for the rule or check `net_tcp_streamed_max_buffer_size`; the #else branch is its positive twin.
// expect-error: netTcpBinding: maxBufferSize must not exceed maxReceivedMessageSize
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<with<transfer_mode::streamed>, max_received_message_size<100>>;
#else
using tested = net_tcp_binding<with<transfer_mode::streamed>, max_received_message_size<100000>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
