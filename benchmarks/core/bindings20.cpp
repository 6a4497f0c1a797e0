// Compile-time cost benchmark: 20 common bindings defined and described through <wsbind/wsbind.hpp>.
// Compared (in the same run) with baseline20.cpp, which writes the same facts as plain constants.
#include <wsbind/wsbind.hpp>

#include <cstdint>

namespace w = wsbind;

using b01 = w::basic_http_binding<>;
using b02 = w::basic_http_binding<w::security<w::mode::transport>>;
using b03 = w::basic_http_binding<w::security<w::mode::transport, w::transport_credential::certificate>>;
using b04 = w::basic_http_binding<w::security<w::mode::message, w::message_credential::certificate>>;
using b05 = w::basic_http_binding<w::security<w::mode::transport_with_message_credential, w::message_credential::user_name>>;
using b06 = w::basic_http_binding<w::max_received_message_size<1048576>, w::max_buffer_size<1048576>, w::reader_quotas<w::max_depth<64>>>;
using b07 = w::ws_http_binding<>;
using b08 = w::ws_http_binding<w::security<w::mode::message, w::message_credential::certificate>>;
using b09 = w::ws_http_binding<w::security<w::mode::message, w::message_credential::certificate>, w::reliable_session<w::ordered<true>>>;
using b10 = w::ws_http_binding<w::security<w::mode::message, w::message_credential::certificate, w::negotiate_service_credential<false>, w::establish_security_context<false>>>;
using b11 = w::ws_http_binding<w::security<w::mode::transport>>;
using b12 = w::ws_http_binding<w::security<w::mode::none>, w::reliable_session<w::inactivity_timeout<"00:20:00">>>;
using b13 = w::ws_http_binding<w::security<w::mode::transport_with_message_credential, w::message_credential::user_name>>;
using b14 = w::ws_2007_http_binding<w::security<w::mode::message, w::message_credential::user_name>>;
using b15 = w::ws_2007_http_binding<w::security<w::mode::message, w::message_credential::certificate, w::with<w::algorithm_suite::basic256_sha256>>>;
using b16 = w::ws_dual_http_binding<w::security<w::mode::message, w::message_credential::certificate>>;
using b17 = w::net_tcp_binding<>;
using b18 = w::net_tcp_binding<w::security<w::mode::message, w::message_credential::certificate>, w::reliable_session<>>;
using b19 = w::custom_binding<w::security<w::with<w::authentication_mode::mutual_certificate_duplex>>, w::composite_duplex<>, w::one_way<>, w::text_message_encoding<>, w::http_transport<>>;
using b20 = w::custom_binding<w::reliable_session<>, w::security<w::with<w::authentication_mode::secure_conversation>, w::secure_conversation_bootstrap<w::with<w::authentication_mode::mutual_certificate>>>, w::text_message_encoding<>, w::https_transport<>>;

#ifdef WSBIND_BENCH_WITH_FACTS
// Also derive WCF's facts (security element, certificates needed, sessions) for each binding.
template <class B>
constexpr std::uint32_t summary() {
    using F = w::facts<B>;
    return (F::needs_service_certificate ? 1u : 0u) | (F::needs_client_certificate ? 2u : 0u) | (F::reliable ? 4u : 0u) |
           (F::sessionful ? 8u : 0u) | (F::duplex ? 16u : 0u) |
           (static_cast<std::uint32_t>(w::describe<B>().transport.max_received_message_size) << 5);
}
#else
// Describe each binding (every setting, checked against WCF's rules) and read some settings.
template <class B>
constexpr std::uint32_t summary() {
    constexpr auto const& d = w::describe<B>();
    return static_cast<std::uint32_t>(d.security.mode) | (d.reliable_session.enabled ? 8u : 0u) |
           (static_cast<std::uint32_t>(d.security.message.client_credential_type) << 4) |
           (static_cast<std::uint32_t>(d.transport.max_received_message_size) << 8);
}
#endif

extern std::uint32_t const summaries[] = {
    summary<b01>(), summary<b02>(), summary<b03>(), summary<b04>(), summary<b05>(), summary<b06>(), summary<b07>(),
    summary<b08>(), summary<b09>(), summary<b10>(), summary<b11>(), summary<b12>(), summary<b13>(), summary<b14>(),
    summary<b15>(), summary<b16>(), summary<b17>(), summary<b18>(), summary<b19>(), summary<b20>()};
