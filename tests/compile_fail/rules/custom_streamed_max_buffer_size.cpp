// Compile-fail test for the rule or check `custom_streamed_max_buffer_size`; the #else branch is its positive twin.
// expect-error: customBinding: the transport's maxBufferSize must not exceed maxReceivedMessageSize
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<http_transport<with<transfer_mode::streamed>, max_buffer_size<70000>>>;
#else
using tested = custom_binding<http_transport<with<transfer_mode::streamed>, max_buffer_size<60000>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
