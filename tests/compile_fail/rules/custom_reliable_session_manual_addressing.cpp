// Compile-fail test for the rule or check `custom_reliable_session_manual_addressing`; the #else branch is its positive twin.
// expect-error: reliableSession cannot be used with manualAddressing=true
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<reliable_session<>, text_message_encoding<>, http_transport<manual_addressing<true>>>;
#else
using tested = custom_binding<text_message_encoding<>, http_transport<manual_addressing<true>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
