// Compile-fail test for the rule or check `custom_reliable_session_buffered`; the #else branch is its positive twin.
// expect-error: reliableSession requires the transport's transferMode Buffered
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<reliable_session<>, text_message_encoding<>, http_transport<with<transfer_mode::streamed>>>;
#else
using tested = custom_binding<reliable_session<>, text_message_encoding<>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
