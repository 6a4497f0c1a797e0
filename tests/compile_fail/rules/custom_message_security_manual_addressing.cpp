// Compile-fail test for the rule or check `custom_message_security_manual_addressing`; the #else branch is its positive twin.
// expect-error: message security cannot be used with manualAddressing=true
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::anonymous_for_certificate>>, text_message_encoding<>, http_transport<manual_addressing<true>>>;
#else
using tested = custom_binding<security<with<authentication_mode::anonymous_for_certificate>>, text_message_encoding<>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
