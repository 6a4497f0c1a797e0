// Two functions whose machine code must be identical: a query of a compile-time binding and the
// same answer from a hand-written constant (see compare_codegen.sh).
#include <wsbind/wsbind.hpp>

#include <cstdint>

using reliable_calculator = wsbind::ws_http_binding<
    wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>,
    wsbind::reliable_session<wsbind::ordered<true>>>;

struct hand_written {
    static constexpr std::int64_t max_received_message_size = 65536;
    static constexpr std::int64_t inactivity_ticks = 6'000'000'000;
    static constexpr bool needs_client_certificate = true;
};

extern "C" std::int64_t wsbind_query() {
    return wsbind::describe<reliable_calculator>().transport.max_received_message_size +
           wsbind::describe<reliable_calculator>().reliable_session.inactivity_timeout.ticks() +
           wsbind::facts<reliable_calculator>::needs_client_certificate;
}

extern "C" std::int64_t hand_written_query() {
    return hand_written::max_received_message_size + hand_written::inactivity_ticks + hand_written::needs_client_certificate;
}
