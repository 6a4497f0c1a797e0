// Compile-fail test for the rule or check `value_out_of_range`; the #else branch is its positive twin.
// expect-error: outside the range WCF accepts
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = ws_http_binding<reader_quotas<max_depth<-1>>>;
#else
using tested = ws_http_binding<reader_quotas<max_depth<1>>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
