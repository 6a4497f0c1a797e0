// Compile-fail test for the rule or check `custom_thumbprint_needs_wss11`; the #else branch is its positive twin.
// expect-error: X.509 thumbprint references require a WSSecurity11 messageSecurityVersion
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::anonymous_for_certificate>, with<message_security_version::wss10_trust13_sc13_sp12_bsp10>, require_derived_keys<false>>, http_transport<>>;
#else
using tested = custom_binding<security<with<authentication_mode::anonymous_for_certificate>>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
