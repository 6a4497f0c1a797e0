// Compile-fail test for the rule or check `custom_encrypted_key_needs_wss11`; the #else branch is its positive twin.
// expect-error: requires a WSSecurity11 messageSecurityVersion
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::user_name_for_certificate>, with<message_security_version::wss10_trust_feb2005_sc_feb2005_sp11_bsp10>>, http_transport<>>;
#else
using tested = custom_binding<security<with<authentication_mode::user_name_for_certificate>, with<message_security_version::wss11_trust_feb2005_sc_feb2005_sp11_bsp10>>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
