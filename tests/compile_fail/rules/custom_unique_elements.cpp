// Compile-fail test for the rule or check `custom_unique_elements`; the #else branch is its positive twin.
// expect-error: customBinding: each binding element may appear only once
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<one_way<>, one_way<>, http_transport<>>;
#else
using tested = custom_binding<one_way<>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
