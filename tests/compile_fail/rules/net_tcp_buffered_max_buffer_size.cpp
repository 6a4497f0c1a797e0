// Compile-fail test for the rule or check `net_tcp_buffered_max_buffer_size`; the #else branch is its positive twin.
// expect-error: netTcpBinding: with transferMode Buffered, maxBufferSize must equal
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<max_buffer_size<1024>>;
#else
using tested = net_tcp_binding<max_buffer_size<65536>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
