// Compile-fail test for the rule or check `setting_given_twice`; the #else branch is its positive twin.
// expect-error: the same setting is given twice
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<security<mode::message>, security<mode::transport>>;
#else
using tested = ws_http_binding<security<mode::transport>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
