// Baseline for the compile-time benchmark: the same 20 answers as hand-written constants, with only
// the standard headers such a file needs.
#include <cstdint>

namespace {
struct hand_binding {
    bool service_cert, client_cert, reliable, sessionful, duplex;
    std::int64_t max_received;
};
constexpr std::uint32_t summary(hand_binding b) {
    return (b.service_cert ? 1u : 0u) | (b.client_cert ? 2u : 0u) | (b.reliable ? 4u : 0u) | (b.sessionful ? 8u : 0u) |
           (b.duplex ? 16u : 0u) | (static_cast<std::uint32_t>(b.max_received) << 5);
}
} // namespace

extern std::uint32_t const summaries[] = {
    summary({false, false, false, false, false, 65536}), summary({true, false, false, false, false, 65536}),
    summary({true, true, false, false, false, 65536}),   summary({true, true, false, false, false, 65536}),
    summary({true, false, false, false, false, 65536}),  summary({false, false, false, false, false, 1048576}),
    summary({false, false, false, true, false, 65536}),  summary({true, true, false, true, false, 65536}),
    summary({true, true, true, true, false, 65536}),     summary({true, true, false, false, false, 65536}),
    summary({true, false, false, false, false, 65536}),  summary({false, false, true, true, false, 65536}),
    summary({true, false, false, true, false, 65536}),   summary({true, false, false, true, false, 65536}),
    summary({true, true, false, true, false, 65536}),    summary({true, true, true, true, true, 65536}),
    summary({true, false, false, true, true, 65536}),    summary({true, true, true, true, true, 65536}),
    summary({true, true, false, false, true, 65536}),    summary({true, true, true, true, false, 65536})};
