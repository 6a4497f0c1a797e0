// Run-time cost of querying a compile-time binding: wsbind's constants against a hand-written
// constant struct, in the same run. Both should compile to the same immediate loads
// (compare_codegen.sh checks the generated code; this benchmark shows the timing side by side).
#include <wsbind/wsbind.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>

namespace {
using reliable_calculator = wsbind::ws_http_binding<
    wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>,
    wsbind::reliable_session<wsbind::ordered<true>>>;

struct hand_written {
    static constexpr bool needs_client_certificate = true;
    static constexpr bool reliable = true;
    static constexpr std::int64_t max_received_message_size = 65536;
    static constexpr std::int64_t inactivity_ticks = 6'000'000'000;
};

void wsbind_query(benchmark::State& state) {
    std::int64_t sum = 0;
    for (auto _ : state) {
        using F = wsbind::facts<reliable_calculator>;
        constexpr auto const& d = wsbind::describe<reliable_calculator>();
        sum += F::needs_client_certificate + F::reliable + d.transport.max_received_message_size +
               d.reliable_session.inactivity_timeout.ticks();
        benchmark::DoNotOptimize(sum);
    }
}

void hand_written_query(benchmark::State& state) {
    std::int64_t sum = 0;
    for (auto _ : state) {
        sum += hand_written::needs_client_certificate + hand_written::reliable + hand_written::max_received_message_size +
               hand_written::inactivity_ticks;
        benchmark::DoNotOptimize(sum);
    }
}
} // namespace

BENCHMARK(hand_written_query);
BENCHMARK(wsbind_query);
BENCHMARK_MAIN();
