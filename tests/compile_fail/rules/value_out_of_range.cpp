// Compile-fail test for the rule or check `value_out_of_range`; the #else branch is its positive twin.
// expect-error: outside the range WCF accepts
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<one_way<max_accepted_channels<0>>, http_transport<>>;
#else
using tested = custom_binding<one_way<max_accepted_channels<1>>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
