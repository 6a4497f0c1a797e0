// Compile-fail test for the rule or check `custom_issued_token_symmetric_key`; the #else branch is its positive twin.
// expect-error: authenticationMode IssuedToken requires issuedTokenParameters keyType SymmetricKey
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<security<with<authentication_mode::issued_token>, issued_token_parameters<with<issued_security_token_key_type::bearer_key>>>, http_transport<>>;
#else
using tested = custom_binding<security<with<authentication_mode::issued_token>, issued_token_parameters<with<issued_security_token_key_type::symmetric_key>>>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
