#include <wsbind/core/print.hpp>
#include <wsbind/core/timespan.hpp>

#include <catch2/catch.hpp>

using wsbind::parse_timespan;
using wsbind::timespan;
using wsbind::timespan_error;

TEST_CASE("TimeSpan text is read as .NET's TimeSpanOrInfiniteConverter reads it", "[core][timespan]") {
    STATIC_REQUIRE(parse_timespan("00:10:00").value == timespan::from_minutes(10));
    STATIC_REQUIRE(parse_timespan("10").value == timespan::from_days(10));         // a bare number is days
    STATIC_REQUIRE(parse_timespan("10:00").value == timespan::from_hours(10));     // h:m
    STATIC_REQUIRE(parse_timespan("1.02:03").value == timespan::from_days(1) + timespan::from_hours(2) + timespan::from_minutes(3));
    STATIC_REQUIRE(parse_timespan("00:00:00.2").value == timespan::from_milliseconds(200));
    STATIC_REQUIRE(parse_timespan("00:00:00.0000001").value == timespan::from_ticks(1));
    STATIC_REQUIRE(parse_timespan("-00:00:01").value == timespan::from_seconds(-1));
    STATIC_REQUIRE(parse_timespan("  00:01:00\t").value == timespan::from_minutes(1)); // trimmed
    STATIC_REQUIRE(parse_timespan("Infinite").value.is_infinite());
    STATIC_REQUIRE(parse_timespan("iNfInItE").value.is_infinite());                    // case-insensitive
    STATIC_REQUIRE(parse_timespan("10675199.02:48:05.4775807").value.is_infinite());   // TimeSpan.MaxValue
}

TEST_CASE("malformed TimeSpan text is refused with the reason", "[core][timespan]") {
    CHECK(parse_timespan("").error == timespan_error::empty);
    CHECK(parse_timespan("   ").error == timespan_error::empty);
    CHECK(parse_timespan(" Infinite").error == timespan_error::bad_format); // Infinite is not trimmed
    CHECK(parse_timespan("1:2:3:4").error == timespan_error::bad_format);
    CHECK(parse_timespan("ten minutes").error == timespan_error::bad_format);
    CHECK(parse_timespan("00:10:").error == timespan_error::bad_format);
    CHECK(parse_timespan("24:00:00").error == timespan_error::out_of_range);
    CHECK(parse_timespan("00:60:00").error == timespan_error::out_of_range);
    CHECK(parse_timespan("00:00:60").error == timespan_error::out_of_range);
    CHECK(parse_timespan("00:00:00.12345678").error == timespan_error::out_of_range);
    CHECK(parse_timespan("10675200").error == timespan_error::overflow);
    CHECK(parse_timespan("10675199.02:48:05.4775808").error == timespan_error::overflow);
    CHECK(parse_timespan("99999999999999999999999").error == timespan_error::overflow);
    // More than five fields (a separator after the fifth once wrote past the field table; found by fuzz_config).
    CHECK(parse_timespan("00:0:::").error == timespan_error::bad_format);
    CHECK(parse_timespan("1.2:3:4.5:").error == timespan_error::bad_format);
    CHECK(parse_timespan("1:2:3:4:5:6").error == timespan_error::bad_format);
    static_assert(parse_timespan("1:2:3:4:5:6").error == timespan_error::bad_format); // UB would not be a constant
}

TEST_CASE("TimeSpans print as .NET's constant format, Infinite as configuration writes it", "[core][timespan]") {
    CHECK(to_string(timespan::from_minutes(10)) == "00:10:00");
    CHECK(to_string(timespan::from_days(1)) == "1.00:00:00");
    CHECK(to_string(timespan::from_milliseconds(200)) == "00:00:00.2000000");
    CHECK(to_string(timespan{}) == "00:00:00");
    CHECK(to_string(timespan::from_seconds(-90)) == "-00:01:30");
    CHECK(to_string(wsbind::max_wait) == "24.20:31:23.6470000");
    CHECK(to_string(timespan::infinite()) == "Infinite");
    CHECK(to_string(timespan::from_ticks(std::numeric_limits<std::int64_t>::min())) == "-10675199.02:48:05.4775808");
}

TEST_CASE("TimeSpan round-trips through text", "[core][timespan]") {
    for (auto t : {timespan::from_ticks(1), timespan::from_ticks(123456789012), wsbind::max_wait, timespan::from_days(-3)}) {
        auto parsed = parse_timespan(to_string(t));
        REQUIRE(parsed);
        CHECK(parsed.value == t);
    }
}
