// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_PRINT_HPP
#define WSBIND_CORE_PRINT_HPP

/// \file
/// Settings as .NET's configuration system writes them, and a binding description as text.
///
/// `format_value` gives the configuration string of a setting's value: TimeSpans as .NET prints them
/// (`00:10:00`, `1.00:00:00`, `Infinite`), enums by their WCF name (flags as .NET's
/// `Enum.ToString`: `Tls, Tls11, Tls12`), booleans `true`/`false`, integers in decimal.

#include <wsbind/core/description.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/schema.hpp>
#include <wsbind/core/timespan.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace wsbind {

namespace detail {
constexpr void append_padded(std::string& out, std::uint64_t v, int width) {
    char buf[20] = {};
    int n = 0;
    do { buf[n++] = static_cast<char>('0' + v % 10); v /= 10; } while (v != 0);
    for (int i = n; i < width; ++i) out.push_back('0');
    while (n > 0) out.push_back(buf[--n]);
}
} // namespace detail

/// "None, Transport, Message": every name of an enumeration, in .NET's declaration order.
inline std::string name_list(enum_table const& t) {
    std::string out;
    for (auto const& e : t) {
        if (!out.empty()) out += ", ";
        out += e.name;
    }
    return out;
}

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

namespace detail {
/// .NET's Enum.ToString for a [Flags] value: an exact name, else the names whose bits it holds,
/// taken from the largest value down, listed in ascending order.
inline std::string flags_to_string(enum_table const& t, std::int64_t v) {
    if (auto exact = t.name_of(v); !exact.empty()) return std::string(exact);
    std::int64_t rest = v;
    bool taken[64] = {};
    std::size_t const n = t.count < 64 ? t.count : 64;
    while (rest != 0) {
        std::size_t best = n;
        for (std::size_t i = 0; i < n; ++i) {
            auto const value = t.entries[i].value;
            if (!taken[i] && value != 0 && (value & rest) == value && (best == n || value > t.entries[best].value)) best = i;
        }
        if (best == n) break;
        taken[best] = true;
        rest &= ~t.entries[best].value;
    }
    if (rest != 0) return std::to_string(v); // not representable by names, as .NET prints it
    std::string out;
    for (std::size_t i = 0; i < n; ++i) // declaration order is ascending for wsbind's flag enums
        if (taken[i]) {
            if (!out.empty()) out += ", ";
            out += t.entries[i].name;
        }
    return out;
}

} // namespace detail

/// The configuration string of a value of setting `s`.
[[nodiscard]] inline std::string format_value(setting const& s, setting_value const& v) {
    switch (s.kind) {
    case value_kind::boolean: return v.number != 0 ? "true" : "false";
    case value_kind::int32:
    case value_kind::int64: return std::to_string(v.number);
    case value_kind::timespan: return to_string(timespan::from_ticks(v.number));
    case value_kind::enumeration: return std::string(s.enums->name_of(v.number));
    case value_kind::flags: return detail::flags_to_string(*s.enums, v.number);
    case value_kind::string: return std::string(v.string.view());
    }
    return {};
}

/// The configuration string of setting `s` in `d`: its value, the value in effect for an optional
/// setting that is not configured, or "" for one whose .NET property is null until configured.
[[nodiscard]] inline std::string format_setting(setting const& s, binding_description const& d) {
    if (s.optional && s.null_when_absent && !s.is_set(d)) return {};
    return format_value(s, value_of(s, d));
}

/// Whether setting `s` applies to `d`: every setting of a standard binding; for customBinding,
/// those of the elements in its stack.
[[nodiscard]] constexpr bool applies(setting const& s, binding_description const& d) noexcept {
    if (d.kind != binding_kind::custom || s.element.empty()) return true;
    if (s.path.starts_with("secureConversationBootstrap/") && !d.security_element.secure_conversation_bootstrap) return false;
    return d.stack.contains(s.owner);
}

/// `element/path` of a setting, as `wsbind-config resolve` keys it.
[[nodiscard]] inline std::string setting_key(setting const& s) {
    std::string key(s.element);
    if (!key.empty()) key += '/';
    key += s.path;
    return key;
}

/// Every setting of `d`, one `key=value` per line, after a header line naming the binding.
[[nodiscard]] inline std::string to_string(binding_description const& d) {
    std::string out(to_string(d.kind));
    if (!d.name.empty()) { out += " name=\""; out += d.name.view(); out += '"'; }
    if (d.kind == binding_kind::custom) {
        out += " [";
        bool first = true;
        for (auto e : d.stack) { if (!first) out += ", "; first = false; out += to_string(e); }
        out += ']';
    }
    out += '\n';
    for (auto const& s : binding_schema(d.kind)) {
        if (!applies(s, d)) continue;
        out += "  ";
        out += setting_key(s);
        out += '=';
        out += format_setting(s, d);
        out += '\n';
    }
    return out;
}

} // namespace wsbind

#endif
