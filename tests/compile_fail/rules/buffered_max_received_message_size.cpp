// Compile-fail test for the rule or check `buffered_max_received_message_size`; the #else branch is its positive twin.
// expect-error: maxReceivedMessageSize must not exceed 2147483647
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<max_received_message_size<2147483648>>;
#else
using tested = ws_http_binding<max_received_message_size<2147483647>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
