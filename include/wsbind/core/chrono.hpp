// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_CHRONO_HPP
#define WSBIND_CORE_CHRONO_HPP

/// \file
/// Conversions between `wsbind::timespan` and std::chrono (kept apart: <chrono> is costly to
/// compile and the core model does not need it).

#include <wsbind/core/timespan.hpp>

#include <chrono>

namespace wsbind {

/// std::chrono's view of a TimeSpan: 100-nanosecond ticks.
using timespan_duration = std::chrono::duration<timespan::rep, std::ratio<1, 10'000'000>>;

[[nodiscard]] constexpr timespan_duration to_duration(timespan t) noexcept { return timespan_duration(t.ticks()); }

template <class Rep, class Period>
[[nodiscard]] constexpr timespan to_timespan(std::chrono::duration<Rep, Period> d) noexcept {
    return timespan::from_ticks(std::chrono::duration_cast<timespan_duration>(d).count());
}

} // namespace wsbind

#endif
