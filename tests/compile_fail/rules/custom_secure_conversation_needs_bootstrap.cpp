// Compile-fail test for the rule or check `custom_secure_conversation_needs_bootstrap`; the #else branch is its positive twin.
// expect-error: authenticationMode SecureConversation requires a secureConversationBootstrap
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::secure_conversation>>, http_transport<>>;
#else
using tested = custom_binding<security<with<authentication_mode::secure_conversation>, secure_conversation_bootstrap<with<authentication_mode::mutual_certificate>>>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
