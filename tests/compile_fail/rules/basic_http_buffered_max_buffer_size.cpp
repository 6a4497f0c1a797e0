// Compile-fail test for the rule or check `basic_http_buffered_max_buffer_size`; the #else branch is its positive twin.
// expect-error: basicHttpBinding: with transferMode Buffered, maxBufferSize must equal maxReceivedMessageSize
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = basic_http_binding<max_received_message_size<1000000>, max_buffer_size<65536>>;
#else
using tested = basic_http_binding<max_received_message_size<1000000>, max_buffer_size<1000000>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
