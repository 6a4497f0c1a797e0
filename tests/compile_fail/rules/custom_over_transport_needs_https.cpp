// Compile-fail test for the rule or check `custom_over_transport_needs_https`; the #else branch is its positive twin.
// expect-error: OverTransport authenticationMode needs httpsTransport
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::user_name_over_transport>>, text_message_encoding<>, http_transport<>>;
#else
using tested = custom_binding<security<with<authentication_mode::user_name_over_transport>>, text_message_encoding<>, https_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
