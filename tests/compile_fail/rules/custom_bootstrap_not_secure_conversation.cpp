// Compile-fail test for the rule or check `custom_bootstrap_not_secure_conversation`; the #else branch is its positive twin.
// expect-error: secureConversationBootstrap cannot itself use authenticationMode SecureConversation
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::secure_conversation>, secure_conversation_bootstrap<with<authentication_mode::secure_conversation>>>, http_transport<>>;
#else
using tested = custom_binding<security<with<authentication_mode::secure_conversation>, secure_conversation_bootstrap<with<authentication_mode::anonymous_for_certificate>>>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
