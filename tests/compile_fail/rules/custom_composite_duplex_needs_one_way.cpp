// Compile-fail test for the rule or check `custom_composite_duplex_needs_one_way`; the #else branch is its positive twin.
// expect-error: compositeDuplex over HTTP needs oneWay below it
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<composite_duplex<>, text_message_encoding<>, http_transport<>>;
#else
using tested = custom_binding<composite_duplex<>, one_way<>, text_message_encoding<>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
