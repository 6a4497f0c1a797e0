// Compile-fail test for the rule or check `ws_http_mixed_mode_credential`; the #else branch is its positive twin.
// expect-error: wsHttpBinding: security mode TransportWithMessageCredential requires a message clientCredentialType other than None
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<security<mode::transport_with_message_credential, message_credential::none>>;
#else
using tested = ws_http_binding<security<mode::transport_with_message_credential, message_credential::certificate>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
