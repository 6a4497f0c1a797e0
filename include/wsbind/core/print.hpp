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
/// .NET's Enum.ToString for a [Flags] value: an exact name, else the names whose bits it holds,
/// taken from the largest value down, listed in ascending order.
inline std::string flags_to_string(enum_table const& t, std::int64_t v) {
    if (auto exact = t.name_of(v); !exact.empty()) return std::string(exact);
    // Collect the (value, name) pairs from the table by probing its names.
    std::string names(t.name_list());
    std::int64_t values[32] = {};
    std::string_view labels[32] = {};
    std::size_t n = 0;
    std::string_view all = t.name_list();
    while (!all.empty() && n < 32) {
        auto comma = all.find(", ");
        auto name = all.substr(0, comma);
        if (auto parsed = t.parse(name)) { values[n] = *parsed; labels[n++] = name; }
        all = comma == std::string_view::npos ? std::string_view{} : all.substr(comma + 2);
    }
    std::int64_t rest = v;
    bool taken[32] = {};
    for (std::size_t pass = 0; pass < n; ++pass) {
        std::size_t best = n;
        for (std::size_t i = 0; i < n; ++i)
            if (!taken[i] && values[i] != 0 && (values[i] & rest) == values[i] && (best == n || values[i] > values[best])) best = i;
        if (best == n) break;
        taken[best] = true;
        rest &= ~values[best];
    }
    if (rest != 0) return std::to_string(v); // not representable by names
    std::string out;
    for (std::size_t i = 0; i < n; ++i) // table order is ascending for wsbind's flag enums
        if (taken[i]) { if (!out.empty()) out += ", "; out += labels[i]; }
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
    case value_kind::string: return v.string.str();
    }
    return {};
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
        out += format_value(s, value_of(s, d));
        out += '\n';
    }
    return out;
}

} // namespace wsbind

#endif
