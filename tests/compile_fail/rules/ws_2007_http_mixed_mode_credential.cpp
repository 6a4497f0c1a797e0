// Compile-fail test for the rule or check `ws_2007_http_mixed_mode_credential`; the #else branch is its positive twin.
// expect-error: ws2007HttpBinding: security mode TransportWithMessageCredential requires
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_2007_http_binding<security<mode::transport_with_message_credential, message_credential::none>>;
#else
using tested = ws_2007_http_binding<security<mode::transport_with_message_credential, message_credential::user_name>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
