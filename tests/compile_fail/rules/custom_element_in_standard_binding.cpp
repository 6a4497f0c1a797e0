// Compile-fail test for the rule or check `custom_element_in_standard_binding`; the #else branch is its positive twin.
// expect-error: this policy names a setting the binding type does not have
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = basic_http_binding<one_way<>>;
#else
using tested = custom_binding<one_way<>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
