// Compile-fail test for the rule or check `basic_http_streamed_max_buffer_size`; the #else branch is its positive twin.
// expect-error: basicHttpBinding: maxBufferSize must not exceed maxReceivedMessageSize
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = basic_http_binding<with<transfer_mode::streamed>, max_buffer_size<100000>>;
#else
using tested = basic_http_binding<with<transfer_mode::streamed>, max_buffer_size<1000>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
