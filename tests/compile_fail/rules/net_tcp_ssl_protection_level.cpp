// Compile-fail test for the rule or check `net_tcp_ssl_protection_level`; the #else branch is its positive twin.
// expect-error: supports only protectionLevel EncryptAndSign
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = net_tcp_binding<security<transport_credential::none, with<protection_level::sign>>>;
#else
using tested = net_tcp_binding<security<transport_credential::windows, with<protection_level::sign>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
