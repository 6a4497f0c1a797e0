// Compile-fail test for the rule or check `basic_http_message_requires_certificate`; the #else branch is its positive twin.
// expect-error: basicHttpBinding: security mode Message requires message clientCredentialType Certificate
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = basic_http_binding<security<mode::message>>;
#else
using tested = basic_http_binding<security<mode::message, message_credential::certificate>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
