// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_TIMESPAN_HPP
#define WSBIND_CORE_TIMESPAN_HPP

/// \file
/// `wsbind::timespan`: .NET's System.TimeSpan as WCF uses it for timeouts — a signed count of
/// 100-nanosecond ticks, with TimeSpan.MaxValue meaning "Infinite".

#include <cstdint>
#include <limits>
#include <string_view>

namespace wsbind {

/// A .NET TimeSpan: ticks of 100 ns. `timespan::infinite()` is TimeSpan.MaxValue, which WCF
/// treats as "no timeout" and configuration spells `Infinite`.
class timespan {
public:
    using rep = std::int64_t;

    static constexpr rep ticks_per_millisecond = 10'000;
    static constexpr rep ticks_per_second = 1000 * ticks_per_millisecond;
    static constexpr rep ticks_per_minute = 60 * ticks_per_second;
    static constexpr rep ticks_per_hour = 60 * ticks_per_minute;
    static constexpr rep ticks_per_day = 24 * ticks_per_hour;

    constexpr timespan() noexcept = default;
    constexpr explicit timespan(rep ticks) noexcept : ticks_(ticks) {}

    [[nodiscard]] static constexpr timespan infinite() noexcept { return timespan(std::numeric_limits<rep>::max()); }
    [[nodiscard]] static constexpr timespan from_ticks(rep t) noexcept { return timespan(t); }
    [[nodiscard]] static constexpr timespan from_seconds(rep s) noexcept { return timespan(s * ticks_per_second); }
    [[nodiscard]] static constexpr timespan from_minutes(rep m) noexcept { return timespan(m * ticks_per_minute); }
    [[nodiscard]] static constexpr timespan from_hours(rep h) noexcept { return timespan(h * ticks_per_hour); }
    [[nodiscard]] static constexpr timespan from_days(rep d) noexcept { return timespan(d * ticks_per_day); }
    [[nodiscard]] static constexpr timespan from_milliseconds(rep ms) noexcept { return timespan(ms * ticks_per_millisecond); }

    [[nodiscard]] constexpr rep ticks() const noexcept { return ticks_; }
    [[nodiscard]] constexpr bool is_infinite() const noexcept { return ticks_ == std::numeric_limits<rep>::max(); }

    /// Sums and differences of finite spans (overflow is the caller's to avoid, as in .NET).
    friend constexpr timespan operator+(timespan a, timespan b) noexcept { return timespan(a.ticks_ + b.ticks_); }
    friend constexpr timespan operator-(timespan a, timespan b) noexcept { return timespan(a.ticks_ - b.ticks_); }

    friend constexpr bool operator==(timespan, timespan) noexcept = default;
    friend constexpr bool operator<(timespan a, timespan b) noexcept { return a.ticks_ < b.ticks_; }
    friend constexpr bool operator>(timespan a, timespan b) noexcept { return a.ticks_ > b.ticks_; }
    friend constexpr bool operator<=(timespan a, timespan b) noexcept { return a.ticks_ <= b.ticks_; }
    friend constexpr bool operator>=(timespan a, timespan b) noexcept { return a.ticks_ >= b.ticks_; }

private:
    rep ticks_ = 0;
};

/// WCF's TimeoutHelper.MaxWait: Int32.MaxValue milliseconds (24.20:31:23.6470000), the largest
/// finite timeout a binding accepts; larger values must be `Infinite`.
inline constexpr timespan max_wait = timespan::from_milliseconds(std::numeric_limits<std::int32_t>::max());

/// One tick: the lower bound of WCF's reliable-session intervals and inactivity timeouts.
inline constexpr timespan one_tick = timespan::from_ticks(1);

/// Why a TimeSpan text was refused (`parse_timespan`).
enum class timespan_error : std::uint8_t {
    none,
    empty,           ///< nothing but whitespace
    bad_format,      ///< not one of .NET's shapes: d, h:m, h:m:s, d.h:m, d.h:m:s, with optional .fffffff
    out_of_range,    ///< hours > 23, minutes or seconds > 59, or more than 7 fraction digits
    overflow         ///< beyond TimeSpan.MaxValue (10675199.02:48:05.4775807)
};

struct timespan_parse_result {
    timespan value{};
    timespan_error error = timespan_error::none;
    [[nodiscard]] constexpr explicit operator bool() const noexcept { return error == timespan_error::none; }
};

namespace detail {
constexpr bool is_dotnet_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
constexpr bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}
} // namespace detail

/// Parses a TimeSpan as WCF's TimeSpanOrInfiniteConverter does: `Infinite` (any case, no
/// surrounding whitespace) is TimeSpan.MaxValue; anything else is trimmed and read like
/// TimeSpan.Parse with the invariant culture: `[-]d`, `[-][d.]h:m[:s][.f]` (a bare number is days;
/// `10:00` is ten hours), hours 0-23, minutes and seconds 0-59, up to 7 fraction digits.
[[nodiscard]] constexpr timespan_parse_result parse_timespan(std::string_view s) noexcept {
    if (detail::ascii_iequals(s, "infinite")) return {timespan::infinite(), timespan_error::none};
    while (!s.empty() && detail::is_dotnet_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && detail::is_dotnet_space(s.back())) s.remove_suffix(1);
    if (s.empty()) return {{}, timespan_error::empty};
    bool negative = false;
    if (s.front() == '-') { negative = true; s.remove_prefix(1); }
    // Split into numeric fields and the separators between them.
    constexpr std::size_t max_fields = 5;
    std::uint64_t field[max_fields] = {};
    std::size_t digits[max_fields] = {};
    char sep[max_fields] = {};  // separator *before* field i
    std::size_t n = 0;
    std::size_t i = 0;
    while (true) {
        std::size_t start = i;
        std::uint64_t v = 0;
        bool too_big = false;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (v > 1'000'000'000'000ull) too_big = true; else v = v * 10 + static_cast<std::uint64_t>(s[i] - '0');
            ++i;
        }
        digits[n] = i - start;
        field[n] = v;
        if (too_big) return {{}, timespan_error::overflow};
        ++n;
        if (i == s.size()) break;
        // A separator after the fifth field starts a sixth: no .NET form has one.
        if ((s[i] != ':' && s[i] != '.') || n == max_fields) return {{}, timespan_error::bad_format};
        sep[n] = s[i];
        ++i;
    }
    // A field may be empty only as the seconds before a fraction ("h:m:.f").
    std::uint64_t days = 0, hours = 0, minutes = 0, seconds = 0, fraction = 0;
    std::size_t fraction_digits = 0;
    auto all_present = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to; ++k) if (digits[k] == 0) return false;
        return true;
    };
    // Shapes by separator sequence (sep[1..n-1]).
    auto seps = [&](char const* pattern) {
        std::size_t len = 0;
        while (pattern[len] != 0) ++len;
        if (len != n - 1) return false;
        for (std::size_t k = 0; k < len; ++k) if (sep[k + 1] != pattern[k]) return false;
        return true;
    };
    if (n == 1) {
        if (!all_present(0, 1)) return {{}, timespan_error::bad_format};
        days = field[0];
    } else if (seps(":")) {
        if (!all_present(0, 2)) return {{}, timespan_error::bad_format};
        hours = field[0]; minutes = field[1];
    } else if (seps("::")) {
        if (!all_present(0, 3)) return {{}, timespan_error::bad_format};
        hours = field[0]; minutes = field[1]; seconds = field[2];
    } else if (seps(".:")) {
        if (!all_present(0, 3)) return {{}, timespan_error::bad_format};
        days = field[0]; hours = field[1]; minutes = field[2];
    } else if (seps(".::")) {
        if (!all_present(0, 4)) return {{}, timespan_error::bad_format};
        days = field[0]; hours = field[1]; minutes = field[2]; seconds = field[3];
    } else if (seps("::.")) {
        if (!all_present(0, 2) || digits[3] == 0) return {{}, timespan_error::bad_format};
        hours = field[0]; minutes = field[1]; seconds = field[2];
        fraction = field[3]; fraction_digits = digits[3];
    } else if (seps(".::.")) {
        if (!all_present(0, 3) || digits[4] == 0) return {{}, timespan_error::bad_format};
        days = field[0]; hours = field[1]; minutes = field[2]; seconds = field[3];
        fraction = field[4]; fraction_digits = digits[4];
    } else {
        return {{}, timespan_error::bad_format};
    }
    if (hours > 23 || minutes > 59 || seconds > 59 || fraction_digits > 7) return {{}, timespan_error::out_of_range};
    for (std::size_t k = fraction_digits; k < 7; ++k) fraction *= 10;
    constexpr std::uint64_t max_days = 10675199;
    if (days > max_days) return {{}, timespan_error::overflow};
    std::uint64_t ticks = days * static_cast<std::uint64_t>(timespan::ticks_per_day)
                        + hours * static_cast<std::uint64_t>(timespan::ticks_per_hour)
                        + minutes * static_cast<std::uint64_t>(timespan::ticks_per_minute)
                        + seconds * static_cast<std::uint64_t>(timespan::ticks_per_second) + fraction;
    constexpr auto max_ticks = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (ticks > max_ticks) return {{}, timespan_error::overflow};
    auto const t = static_cast<std::int64_t>(ticks);
    return {timespan::from_ticks(negative ? -t : t), timespan_error::none};
}

} // namespace wsbind

#endif
