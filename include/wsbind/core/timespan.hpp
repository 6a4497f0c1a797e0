// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_TIMESPAN_HPP
#define WSBIND_CORE_TIMESPAN_HPP

/// \file
/// `wsbind::timespan`: .NET's System.TimeSpan as WCF uses it for timeouts — a signed count of
/// 100-nanosecond ticks, with TimeSpan.MaxValue meaning "Infinite".

#include <chrono>
#include <compare>
#include <cstdint>
#include <limits>
#include <string>

namespace wsbind {

/// A .NET TimeSpan: ticks of 100 ns. `timespan::infinite()` is TimeSpan.MaxValue, which WCF
/// treats as "no timeout" and configuration spells `Infinite`.
class timespan {
public:
    using rep = std::int64_t;
    using duration = std::chrono::duration<rep, std::ratio<1, 10'000'000>>;

    static constexpr rep ticks_per_millisecond = 10'000;
    static constexpr rep ticks_per_second = 1000 * ticks_per_millisecond;
    static constexpr rep ticks_per_minute = 60 * ticks_per_second;
    static constexpr rep ticks_per_hour = 60 * ticks_per_minute;
    static constexpr rep ticks_per_day = 24 * ticks_per_hour;

    constexpr timespan() noexcept = default;
    constexpr explicit timespan(rep ticks) noexcept : ticks_(ticks) {}
    template <class R, class P>
    constexpr timespan(std::chrono::duration<R, P> d) noexcept // NOLINT(google-explicit-constructor)
        : ticks_(std::chrono::duration_cast<duration>(d).count()) {}

    [[nodiscard]] static constexpr timespan infinite() noexcept { return timespan(std::numeric_limits<rep>::max()); }
    [[nodiscard]] static constexpr timespan from_ticks(rep t) noexcept { return timespan(t); }
    [[nodiscard]] static constexpr timespan from_seconds(rep s) noexcept { return timespan(s * ticks_per_second); }
    [[nodiscard]] static constexpr timespan from_minutes(rep m) noexcept { return timespan(m * ticks_per_minute); }
    [[nodiscard]] static constexpr timespan from_hours(rep h) noexcept { return timespan(h * ticks_per_hour); }
    [[nodiscard]] static constexpr timespan from_days(rep d) noexcept { return timespan(d * ticks_per_day); }
    [[nodiscard]] static constexpr timespan from_milliseconds(rep ms) noexcept { return timespan(ms * ticks_per_millisecond); }

    [[nodiscard]] constexpr rep ticks() const noexcept { return ticks_; }
    [[nodiscard]] constexpr bool is_infinite() const noexcept { return ticks_ == std::numeric_limits<rep>::max(); }
    [[nodiscard]] constexpr duration to_duration() const noexcept { return duration(ticks_); }

    friend constexpr bool operator==(timespan, timespan) noexcept = default;
    friend constexpr auto operator<=>(timespan, timespan) noexcept = default;

private:
    rep ticks_ = 0;
};

/// WCF's TimeoutHelper.MaxWait: Int32.MaxValue milliseconds (24.20:31:23.6470000), the largest
/// finite timeout a binding accepts; larger values must be `Infinite`.
inline constexpr timespan max_wait = timespan::from_milliseconds(std::numeric_limits<std::int32_t>::max());

/// One tick: the lower bound of WCF's reliable-session intervals and inactivity timeouts.
inline constexpr timespan one_tick = timespan::from_ticks(1);

namespace detail {
constexpr void append_padded(std::string& out, std::uint64_t v, int width) {
    char buf[20] = {};
    int n = 0;
    do { buf[n++] = static_cast<char>('0' + v % 10); v /= 10; } while (v != 0);
    for (int i = n; i < width; ++i) out.push_back('0');
    while (n > 0) out.push_back(buf[--n]);
}
} // namespace detail

/// The constant ("c") format .NET's configuration system writes: `[-][d.]hh:mm:ss[.fffffff]`,
/// e.g. `00:10:00`, `1.00:00:00`, `00:00:00.2000000`. TimeSpan.MaxValue prints as `Infinite`, as
/// WCF's TimeSpanOrInfiniteConverter writes it.
[[nodiscard]] inline std::string to_string(timespan t) {
    if (t.is_infinite()) return "Infinite";
    std::string out;
    std::int64_t ticks = t.ticks();
    std::uint64_t mag = ticks < 0 ? static_cast<std::uint64_t>(-(ticks + 1)) + 1u : static_cast<std::uint64_t>(ticks);
    if (ticks < 0) out.push_back('-');
    auto const tpd = static_cast<std::uint64_t>(timespan::ticks_per_day);
    auto const days = mag / tpd;
    mag %= tpd;
    if (days != 0) { detail::append_padded(out, days, 1); out.push_back('.'); }
    detail::append_padded(out, mag / static_cast<std::uint64_t>(timespan::ticks_per_hour), 2);
    mag %= static_cast<std::uint64_t>(timespan::ticks_per_hour);
    out.push_back(':');
    detail::append_padded(out, mag / static_cast<std::uint64_t>(timespan::ticks_per_minute), 2);
    mag %= static_cast<std::uint64_t>(timespan::ticks_per_minute);
    out.push_back(':');
    detail::append_padded(out, mag / static_cast<std::uint64_t>(timespan::ticks_per_second), 2);
    mag %= static_cast<std::uint64_t>(timespan::ticks_per_second);
    if (mag != 0) { out.push_back('.'); detail::append_padded(out, mag, 7); }
    return out;
}

} // namespace wsbind

#endif
