// Compile-fail test for the rule or check `custom_message_security_streaming`; the #else branch is its positive twin.
// expect-error: message security .a symmetric or asymmetric security element. cannot be used with a streamed
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::mutual_certificate>>, text_message_encoding<>, http_transport<with<transfer_mode::streamed>>>;
#else
using tested = custom_binding<security<with<authentication_mode::user_name_over_transport>>, text_message_encoding<>, https_transport<with<transfer_mode::streamed>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
