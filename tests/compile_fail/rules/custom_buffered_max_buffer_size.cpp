// Compile-fail test for the rule or check `custom_buffered_max_buffer_size`; the #else branch is its positive twin.
// expect-error: customBinding: with transferMode Buffered, the transport's maxBufferSize must equal
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<http_transport<max_buffer_size<1024>>>;
#else
using tested = custom_binding<http_transport<max_buffer_size<1024>, max_received_message_size<1024>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
