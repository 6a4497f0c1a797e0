// Compile-fail test for the rule or check `reliable_session_ranges`; the #else branch is its positive twin.
// expect-error: reliableSession: inactivityTimeout and acknowledgementInterval must be greater than
#include <wsbind/core/binding.hpp>

using namespace wsbind;

#ifdef WSBIND_COMPILE_FAIL
using tested = custom_binding<reliable_session<max_transfer_window_size<5000>>, http_transport<>>;
#else
using tested = custom_binding<reliable_session<max_transfer_window_size<4096>>, http_transport<>>;
#endif

static_assert(describe<tested>().kind == tested::kind);
