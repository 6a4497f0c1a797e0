// Compile-fail test for the rule or check `policy_not_in_group`; the #else branch is its positive twin.
// expect-error: this policy names a setting the binding type does not have
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<reliable_session<with<security_mode::message>>>;
#else
using tested = ws_http_binding<security<with<security_mode::message>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
