// Compile-fail test for the rule or check `basic_http_credential_only_no_certificate`; the #else branch is its positive twin.
// expect-error: TransportCredentialOnly does not support transport clientCredentialType Certificate
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = basic_http_binding<security<mode::transport_credential_only, transport_credential::certificate>>;
#else
using tested = basic_http_binding<security<mode::transport_credential_only, transport_credential::basic>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
