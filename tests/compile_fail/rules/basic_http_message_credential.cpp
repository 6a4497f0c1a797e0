// Compile-fail test for the rule or check `basic_http_message_credential`; the #else branch is its positive twin.
// expect-error: message clientCredentialType must be UserName or Certificate
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = basic_http_binding<security<message_credential::windows>>;
#else
using tested = basic_http_binding<security<message_credential::certificate>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
