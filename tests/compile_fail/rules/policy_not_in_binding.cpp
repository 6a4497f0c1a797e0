// Compile-fail test for the rule or check `policy_not_in_binding`; the #else branch is its positive twin.
// expect-error: this policy names a setting the binding type does not have
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<max_buffer_size<65536>>;
#else
using tested = basic_http_binding<max_buffer_size<65536>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
