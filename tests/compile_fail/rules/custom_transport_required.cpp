// Compile-fail test for the rule or check `custom_transport_required`; the #else branch is its positive twin.
// expect-error: customBinding: the binding needs a transport element
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<text_message_encoding<>>;
#else
using tested = custom_binding<text_message_encoding<>, https_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
