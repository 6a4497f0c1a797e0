// Compile-fail test for the rule or check `basic_http_message_security_streaming`; the #else branch is its positive twin.
// expect-error: basicHttpBinding: security mode Message cannot be used with a streamed transferMode
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = basic_http_binding<security<mode::message, message_credential::certificate>, with<transfer_mode::streamed>>;
#else
using tested = basic_http_binding<security<mode::transport>, with<transfer_mode::streamed>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
