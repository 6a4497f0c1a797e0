// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_VALUES_HPP
#define WSBIND_CONFIG_IMPL_VALUES_HPP

#include <wsbind/config/values.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wsbind::config {

namespace detail {

/// Characters String.Trim() removes that can appear in a configuration file (ASCII whitespace
/// and the C1/Unicode spaces are rare; the ASCII set is what matters in practice).
constexpr bool is_trim_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

constexpr std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_trim_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_trim_space(s.back())) s.remove_suffix(1);
    return s;
}

/// Whether `trim` would change `s` (without comparing the text).
constexpr bool has_surrounding_space(std::string_view s) noexcept {
    return !s.empty() && (is_trim_space(s.front()) || is_trim_space(s.back()));
}

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

inline std::string quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '\'';
    out.append(s);
    out += '\'';
    return out;
}

/// Top_level_conversion_error_from_string.
inline std::string conversion_error(std::string_view property, std::string_view inner) {
    std::string m = "The value of the property ";
    m += quoted(property);
    m += " cannot be parsed. The error is: ";
    m.append(inner);
    return m;
}

/// Top_level_validation_error.
inline std::string validation_error(std::string_view property, std::string_view inner) {
    std::string m = "The value for the property ";
    m += quoted(property);
    m += " is not valid. The error is: ";
    m.append(inner);
    return m;
}

inline parsed_value fail(std::string message, std::string allowed, std::string code) {
    parsed_value r;
    r.ok = false;
    r.message = std::move(message);
    r.allowed = std::move(allowed);
    r.code = std::move(code);
    return r;
}

inline parsed_value success(setting_value v) {
    parsed_value r;
    r.value = std::move(v);
    r.ok = true;
    return r;
}

/// Every (name, value) of an enumeration, in declaration order, through its type-erased table.
inline std::vector<std::pair<std::string_view, std::int64_t>> enum_entries(enum_table const& t) {
    std::vector<std::pair<std::string_view, std::int64_t>> out;
    for (auto const& e : t) out.emplace_back(e.name, e.value);
    return out;
}

/// MessageVersion, MessageSecurityVersion and ReliableMessagingVersion are read by WCF's
/// "class factory" converters, which also accept `Default`.
inline std::optional<std::int64_t> class_factory_default(enum_table const& t) noexcept {
    if (t.type_name == "MessageVersion") return static_cast<std::int64_t>(message_version::soap12_ws_addressing10);
    if (t.type_name == "MessageSecurityVersion")
        return static_cast<std::int64_t>(message_security_version::wss11_trust_feb2005_sc_feb2005_sp11);
    if (t.type_name == "ReliableMessagingVersion")
        return static_cast<std::int64_t>(reliable_messaging_version::ws_reliable_messaging_february_2005);
    return std::nullopt;
}

inline bool name_in_list(std::string_view list, std::string_view name) noexcept {
    while (!list.empty()) {
        auto comma = list.find(", ");
        if (list.substr(0, comma) == name) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 2);
    }
    return false;
}

inline std::string enum_allowed(value_spec const& spec) {
    std::string names = spec.allowed_names.empty() ? name_list(*spec.enums) : std::string(spec.allowed_names);
    if (class_factory_default(*spec.enums)) names += ", Default";
    return names;
}

inline std::string range_text(value_spec const& spec) {
    if (spec.kind == value_kind::timespan) {
        std::string r = to_string(timespan::from_ticks(spec.min));
        r += '-';
        r += to_string(timespan::from_ticks(spec.max));
        return r;
    }
    return std::to_string(spec.min) + "-" + std::to_string(spec.max);
}

inline parsed_value parse_bool(std::string_view text, std::string_view property) {
    auto t = trim(text);
    if (iequals(t, "true")) return success(setting_value{1, {}});
    if (iequals(t, "false")) return success(setting_value{0, {}});
    std::string inner(text);
    inner += " is not a valid value for Boolean.";
    return fail(conversion_error(property, inner), "true or false (any case)", "Top_level_conversion_error_from_string");
}

inline int hex_digit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/// Int32Converter/Int64Converter: trimmed; hex after `#`, `0x`, `0X`, `&h`, `&H` (two's complement
/// over the type's width, as Convert.ToInt32(s, 16)); else an optionally signed decimal.
inline std::optional<std::int64_t> parse_dotnet_integer(std::string_view text, bool is64) noexcept {
    auto t = trim(text);
    std::size_t prefix = 0;
    if (!t.empty() && t[0] == '#') prefix = 1;
    else if (t.size() >= 2 && ((t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) || (t[0] == '&' && (t[1] == 'h' || t[1] == 'H'))))
        prefix = 2;
    if (prefix != 0) {
        t.remove_prefix(prefix);
        if (t.empty()) return std::nullopt;
        std::uint64_t v = 0;
        std::size_t digits = 0;
        for (char c : t) {
            int d = hex_digit(c);
            if (d < 0) return std::nullopt;
            if (v == 0 && d == 0) continue; // leading zeros
            if (++digits > (is64 ? 16u : 8u)) return std::nullopt;
            v = v * 16 + static_cast<std::uint64_t>(d);
        }
        if (is64) return static_cast<std::int64_t>(v);
        return static_cast<std::int64_t>(static_cast<std::int32_t>(static_cast<std::uint32_t>(v)));
    }
    bool negative = false;
    if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    }
    if (t.empty()) return std::nullopt;
    std::uint64_t v = 0;
    std::uint64_t const limit = is64 ? static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1u : 0u)
                                     : static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()) + (negative ? 1u : 0u);
    for (char c : t) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
        if (v > limit) return std::nullopt;
    }
    if (negative) {
        if (v == static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1u) return std::numeric_limits<std::int64_t>::min();
        return -static_cast<std::int64_t>(v);
    }
    return static_cast<std::int64_t>(v);
}

inline parsed_value parse_int(value_spec const& spec, std::string_view text, std::string_view property) {
    bool const is64 = spec.kind == value_kind::int64;
    auto v = parse_dotnet_integer(text, is64);
    if (!v) {
        std::string inner(text);
        inner += is64 ? " is not a valid value for Int64." : " is not a valid value for Int32.";
        return fail(conversion_error(property, inner), "an integer in the range " + range_text(spec),
                    "Top_level_conversion_error_from_string");
    }
    if (*v < spec.min || *v > spec.max) {
        return fail(validation_error(property, "The value must be inside the range " + range_text(spec) + "."),
                    "an integer in the range " + range_text(spec), "Validation_scalar_range_violation_not_in_range");
    }
    return success(setting_value{*v, {}});
}

inline parsed_value parse_ts(value_spec const& spec, std::string_view text, std::string_view property) {
    auto r = parse_timespan(text);
    auto allowed = [&] {
        return "a TimeSpan ([-][d.]hh:mm[:ss[.fffffff]] or d) in the range " + range_text(spec) + ", or Infinite";
    };
    if (!r) {
        std::string inner(text);
        switch (r.error) {
        case timespan_error::out_of_range:
            inner += " is not a valid value for TimeSpan (hours must be 0-23, minutes and seconds 0-59, at most 7 fraction digits).";
            break;
        case timespan_error::overflow:
            inner += " is not a valid value for TimeSpan (beyond TimeSpan.MaxValue, 10675199.02:48:05.4775807).";
            break;
        default:
            inner += " is not a valid value for TimeSpan.";
            break;
        }
        return fail(conversion_error(property, inner), allowed(), "Top_level_conversion_error_from_string");
    }
    if (!r.value.is_infinite() && (r.value.ticks() < spec.min || r.value.ticks() > spec.max)) {
        return fail(validation_error(property, "The value must be inside the range " + range_text(spec) +
                                                   " (or Infinite)."),
                    allowed(), "Validation_scalar_range_violation_not_in_range");
    }
    return success(setting_value{r.value.ticks(), {}});
}

inline parsed_value enum_failure(value_spec const& spec, std::string_view text, std::string_view property) {
    std::string inner = "The enumeration value must be one of the following: " + enum_allowed(spec) + ".";
    if (has_surrounding_space(text))
        inner += " (The value has surrounding whitespace, which .NET does not remove from enumeration values.)";
    else if (!text.empty()) {
        // A case mistake is the most common cause: say so.
        for (auto const& [name, value] : enum_entries(*spec.enums)) {
            (void)value;
            if (iequals(name, text) && name != text) {
                inner += " (Enumeration names are case-sensitive: did you mean '" + std::string(name) + "'?)";
                break;
            }
        }
    }
    return fail(conversion_error(property, inner), enum_allowed(spec), "Invalid_enum_value");
}

/// .NET's numeric value of each name of an enumeration, in declaration order. Flags
/// enumerations (AuthenticationSchemes, SslProtocols) carry .NET's values in wsbind's table; the
/// others WCF reads have no gaps: StoreLocation and StoreName (X509Certificates) count from 1,
/// every other one from 0. `allowed_names`: the binding's narrower .NET enumeration (e.g.
/// BasicHttpMessageCredentialType: UserName = 0, Certificate = 1).
inline std::vector<std::pair<std::string_view, std::int64_t>> dotnet_enum_values(value_spec const& spec) {
    auto const& t = *spec.enums;
    std::vector<std::pair<std::string_view, std::int64_t>> out;
    if (!spec.allowed_names.empty()) {
        for (std::string_view list = spec.allowed_names; !list.empty();) {
            auto const comma = list.find(", ");
            out.emplace_back(list.substr(0, comma), static_cast<std::int64_t>(out.size()));
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 2);
        }
        return out;
    }
    bool const flags = t.type_name == "AuthenticationSchemes" || t.type_name == "SslProtocols";
    std::int64_t const first = t.type_name == "StoreLocation" || t.type_name == "StoreName" ? 1 : 0;
    for (auto const& e : t) out.emplace_back(e.name, flags ? e.value : first + static_cast<std::int64_t>(out.size()));
    return out;
}

/// A comma-separated list of names for a property typed with an enumeration, as .NET reads it:
/// GenericEnumConverter passes the text to Enum.Parse, which splits it at ',', trims each part,
/// looks each up exactly (case-sensitive) and ORs their numeric values (mscorlib enum.cs,
/// TryParseEnum); the property's validator (ServiceModelEnumValidator with the enumeration's
/// IsDefined helper, StandardRuntimeEnumValidator with Enum.IsDefined) then accepts the result
/// only when the enumeration defines that value. "Transport, Message" for SecurityMode is
/// 1 | 2 = 3: TransportWithMessageCredential.
inline parsed_value parse_enum_list(value_spec const& spec, std::string_view text, std::string_view property) {
    auto const values = dotnet_enum_values(spec);
    std::int64_t combined = 0;
    for (std::string_view rest = text;;) {
        auto const comma = rest.find(',');
        auto const part = trim(rest.substr(0, comma));
        auto const it = std::find_if(values.begin(), values.end(), [&](auto const& v) { return v.first == part; });
        if (it == values.end()) {
            auto r = enum_failure(spec, text, property);
            r.message += " (Each name of a list separated by ',' must be one of these.)";
            return r;
        }
        combined |= it->second;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    for (auto const& [name, value] : values)
        if (value == combined)
            if (auto v = spec.enums->parse(name)) return success(setting_value{*v, {}});
    std::string inner = "The value of argument 'value' (" + std::to_string(combined) + ") is invalid for " +
                        (spec.allowed_names.empty() ? "Enum type " + quoted(spec.enums->type_name) : std::string("this setting's enumeration")) +
                        ". (The names of " + quoted(text) + " combine into that value, which the enumeration does not define.)";
    return fail(validation_error(property, inner), enum_allowed(spec), "InvalidEnumArgument");
}

inline parsed_value parse_enum(value_spec const& spec, std::string_view text, std::string_view property) {
    auto const& t = *spec.enums;
    if (auto dflt = class_factory_default(t)) {
        // Class factory converters: exact string switch, no trimming.
        if (text == "Default") return success(setting_value{*dflt, {}});
        if (auto v = t.parse(text)) return success(setting_value{*v, {}});
        std::string inner = "The value " + quoted(text) + " is not a valid instance of type '" + std::string(t.type_name) + "'.";
        if (has_surrounding_space(text))
            inner += " (The value has surrounding whitespace, which .NET does not remove.)";
        return fail(conversion_error(property, inner), enum_allowed(spec), "ConfigInvalidClassFactoryValue");
    }
    // GenericEnumConverter: no empty text, no leading digit or sign, no surrounding whitespace.
    if (text.empty() || (text[0] >= '0' && text[0] <= '9') || text[0] == '-' || text[0] == '+' || has_surrounding_space(text))
        return enum_failure(spec, text, property);
    if (spec.kind == value_kind::flags) {
        std::int64_t v = 0;
        std::string_view rest = text;
        while (true) {
            auto comma = rest.find(',');
            auto part = trim(rest.substr(0, comma));
            auto pv = t.parse(part);
            if (!pv) return enum_failure(spec, text, property);
            v |= *pv;
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
        return success(setting_value{v, {}});
    }
    if (text.find(',') != std::string_view::npos) return parse_enum_list(spec, text, property);
    auto v = t.parse(text);
    if (!v || (!spec.allowed_names.empty() && !name_in_list(spec.allowed_names, text))) return enum_failure(spec, text, property);
    return success(setting_value{*v, {}});
}

struct encoding_name {
    std::string_view name;
    encoding_lookup kind;
    text_encoding value;
};

inline constexpr std::array<encoding_name, 44> encoding_names{{
    {"utf-8", encoding_lookup::supported, text_encoding::utf8},
    {"unicode-1-1-utf-8", encoding_lookup::supported, text_encoding::utf8},
    {"unicode-2-0-utf-8", encoding_lookup::supported, text_encoding::utf8},
    {"x-unicode11utf8", encoding_lookup::supported, text_encoding::utf8},
    {"x-unicode20utf8", encoding_lookup::supported, text_encoding::utf8},
    {"utf-16", encoding_lookup::supported, text_encoding::utf16},
    {"unicode", encoding_lookup::supported, text_encoding::utf16},
    {"ucs-2", encoding_lookup::supported, text_encoding::utf16},
    {"iso-10646-ucs-2", encoding_lookup::supported, text_encoding::utf16},
    {"unicodeFFFE", encoding_lookup::supported, text_encoding::unicode_fffe},
    {"utf-16BE", encoding_lookup::supported, text_encoding::unicode_fffe},
    {"us-ascii", encoding_lookup::unsupported, text_encoding::utf8},
    {"ascii", encoding_lookup::unsupported, text_encoding::utf8},
    {"ansi_x3.4-1968", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-1", encoding_lookup::unsupported, text_encoding::utf8},
    {"latin1", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-2", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-3", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-4", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-5", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-6", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-7", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-8", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-9", encoding_lookup::unsupported, text_encoding::utf8},
    {"iso-8859-15", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1250", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1251", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1252", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1253", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1254", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1255", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1256", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1257", encoding_lookup::unsupported, text_encoding::utf8},
    {"windows-1258", encoding_lookup::unsupported, text_encoding::utf8},
    {"utf-32", encoding_lookup::unsupported, text_encoding::utf8},
    {"utf-32BE", encoding_lookup::unsupported, text_encoding::utf8},
    {"utf-7", encoding_lookup::unsupported, text_encoding::utf8},
    {"shift_jis", encoding_lookup::unsupported, text_encoding::utf8},
    {"euc-jp", encoding_lookup::unsupported, text_encoding::utf8},
    {"gb2312", encoding_lookup::unsupported, text_encoding::utf8},
    {"big5", encoding_lookup::unsupported, text_encoding::utf8},
    {"koi8-r", encoding_lookup::unsupported, text_encoding::utf8},
    {"ibm437", encoding_lookup::unsupported, text_encoding::utf8},
    {"ks_c_5601-1987", encoding_lookup::unsupported, text_encoding::utf8},
}};

inline parsed_value parse_encoding(std::string_view text, std::string_view property) {
    text_encoding e{};
    std::string const allowed = "utf-8, utf-16 or unicodeFFFE (UTF-16BE); names are case-insensitive";
    switch (lookup_encoding(text, e)) {
    case encoding_lookup::supported: return success(setting_value{static_cast<std::int64_t>(e), {}});
    case encoding_lookup::unsupported:
        return fail("The text encoding " + quoted(text) + " of the property " + quoted(property) +
                        " is not supported by WCF's text and MTOM message encoders.",
                    allowed, "MessageTextEncodingNotSupported");
    case encoding_lookup::unknown: break;
    }
    return fail(conversion_error(property, "The encoding " + quoted(text) + " is not valid."), allowed,
                "ConfigInvalidEncodingValue");
}

inline bool is_scheme_char(char c, bool first) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    if (first) return false;
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

} // namespace detail

inline encoding_lookup lookup_encoding(std::string_view name, text_encoding& out) noexcept {
    // EncodingConverter compares `utf-8` case-insensitively; Encoding.GetEncoding is
    // case-insensitive for every name. Neither trims.
    for (auto const& e : detail::encoding_names) {
        if (detail::iequals(e.name, name)) {
            out = e.value;
            return e.kind;
        }
    }
    return encoding_lookup::unknown;
}

namespace detail {

/// The length of the scheme of an absolute URI (the text before its ':'), or 0 for a relative one.
inline std::size_t scheme_length(std::string_view text) noexcept {
    std::size_t i = 0;
    while (i < text.size() && is_scheme_char(text[i], i == 0)) ++i;
    return i == 0 || i >= text.size() || text[i] != ':' ? 0 : i;
}

/// What precedes a URI's path: its scheme (empty for a relative reference) and, where "//" follows
/// the scheme's ':', its authority, up to the first '/', '?' or '#' (`urn:a` has none).
struct uri_head {
    std::string_view scheme;
    std::string_view authority;
    bool has_authority = false;
};

inline uri_head split_uri_head(std::string_view text) noexcept {
    uri_head h;
    std::size_t const n = scheme_length(text);
    if (n == 0) return h;
    h.scheme = text.substr(0, n);
    std::string_view rest = text.substr(n + 1);
    if (rest.substr(0, 2) != "//") return h;
    rest.remove_prefix(2);
    h.authority = rest.substr(0, rest.find_first_of("/?#"));
    h.has_authority = true;
    return h;
}

} // namespace detail

inline bool is_absolute_uri(std::string_view text, std::string* scheme) {
    std::size_t const n = detail::scheme_length(text);
    if (n == 0) return false;
    if (scheme) *scheme = std::string(text.substr(0, n));
    return true;
}

inline bool is_valid_uri(std::string_view text, std::string& why) {
    auto const head = detail::split_uri_head(text);
    if (head.scheme.empty()) return true;    // relative: .NET accepts nearly any text
    if (!head.has_authority) return true;    // urn:, mailto:, c:\path ...
    std::string_view const scheme = head.scheme;
    std::string_view authority = head.authority;
    if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    std::string_view host = authority;
    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos) { why = "Invalid URI: The hostname could not be parsed."; return false; }
        host = authority.substr(0, close + 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') { why = "Invalid URI: The hostname could not be parsed."; return false; }
            port = authority.substr(close + 2);
        }
    } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    if (host.empty() && scheme != "file") { why = "Invalid URI: The hostname could not be parsed."; return false; }
    for (char c : host) {
        if (c == ' ' || c == '\t' || c == '<' || c == '>' || c == '"' || c == '\\' || c == '^' || c == '`' || c == '{' ||
            c == '|' || c == '}') {
            why = "Invalid URI: The hostname could not be parsed.";
            return false;
        }
    }
    if (!port.empty() || (authority.size() != host.size())) {
        if (port.empty()) { why = "Invalid URI: Invalid port specified."; return false; }
        std::uint32_t p = 0;
        for (char c : port) {
            if (c < '0' || c > '9') { why = "Invalid URI: Invalid port specified."; return false; }
            p = p * 10 + static_cast<std::uint32_t>(c - '0');
            if (p > 65535) { why = "Invalid URI: Invalid port specified."; return false; }
        }
    }
    return true;
}

inline value_spec spec_of(setting const& s) {
    value_spec v;
    v.kind = s.kind;
    v.enums = s.enums;
    v.min = s.min;
    v.max = s.max;
    auto const& p = s.path;
    auto ends_with = [&](std::string_view suffix) {
        return p.size() >= suffix.size() && p.substr(p.size() - suffix.size()) == suffix;
    };
    v.uri = ends_with("proxyAddress") || ends_with("clientBaseAddress") || ends_with("issuer/address");
    if (ends_with("proxyAuthenticationScheme")) v.kind = value_kind::enumeration; // a single scheme (Enum.IsDefined)
    return v;
}

inline std::string describe_allowed(value_spec const& spec) {
    switch (spec.kind) {
    case value_kind::boolean: return "true or false (any case)";
    case value_kind::int32:
    case value_kind::int64: return "an integer in the range " + detail::range_text(spec);
    case value_kind::timespan:
        return "a TimeSpan ([-][d.]hh:mm[:ss[.fffffff]] or d) in the range " + detail::range_text(spec) + ", or Infinite";
    case value_kind::enumeration:
        if (spec.enums && spec.enums->type_name == "Encoding") return "utf-8, utf-16 or unicodeFFFE";
        return spec.enums ? "one of: " + detail::enum_allowed(spec) : std::string();
    case value_kind::flags: return spec.enums ? "one or more of (comma-separated): " + name_list(*spec.enums) : std::string();
    case value_kind::string: return spec.uri ? "a URI" : "any text";
    }
    return {};
}

namespace detail {

/// The entry of `t` named exactly `name` (lengths and first characters compared before the text).
inline enum_table_entry const* find_enum_name(enum_table const& t, std::string_view name) noexcept {
    for (auto const& e : t)
        if (e.name.size() == name.size() && !name.empty() && e.name[0] == name[0] &&
            std::char_traits<char>::compare(e.name.data(), name.data(), name.size()) == 0)
            return &e;
    return nullptr;
}

/// Two decimal digits at `s[0]`, `s[1]`, or -1.
constexpr int two_digits(char a, char b) noexcept {
    return (a < '0' || a > '9' || b < '0' || b > '9') ? -1 : (a - '0') * 10 + (b - '0');
}

} // namespace detail

inline bool parse_plain_value(value_spec const& spec, std::string_view text, setting_value& out) noexcept {
    if (text.empty()) return false;
    std::int64_t v = 0;
    switch (spec.kind) {
    case value_kind::boolean:
        if (detail::iequals(text, "true")) v = 1;
        else if (!detail::iequals(text, "false")) return false;
        break;
    case value_kind::int32:
    case value_kind::int64:
        // Digits only (no sign, hex prefix or spaces), few enough not to overflow.
        if (text.size() > (spec.kind == value_kind::int32 ? 9u : 18u)) return false;
        for (char const c : text) {
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        if (v < spec.min || v > spec.max) return false;
        break;
    case value_kind::timespan: {
        if (text.size() != 8 || text[2] != ':' || text[5] != ':') return false;
        int const h = detail::two_digits(text[0], text[1]), m = detail::two_digits(text[3], text[4]),
                  s = detail::two_digits(text[6], text[7]);
        if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return false;
        v = h * timespan::ticks_per_hour + m * timespan::ticks_per_minute + s * timespan::ticks_per_second;
        if (v < spec.min || v > spec.max) return false;
        break;
    }
    case value_kind::enumeration:
    case value_kind::flags: {
        // "Default" means something else for class factory types; text encodings have their own names.
        if (spec.enums == nullptr || text == "Default" || spec.enums->type_name == "Encoding") return false;
        auto const* e = detail::find_enum_name(*spec.enums, text);
        if (e == nullptr) return false;
        if (spec.kind == value_kind::enumeration && !spec.allowed_names.empty() && !detail::name_in_list(spec.allowed_names, text))
            return false;
        v = e->value;
        break;
    }
    case value_kind::string: return false;
    }
    out = setting_value{v, {}};
    return true;
}

inline parsed_value parse_value(value_spec const& spec, std::string_view text, std::string_view property) {
    switch (spec.kind) {
    case value_kind::boolean: return detail::parse_bool(text, property);
    case value_kind::int32:
    case value_kind::int64: return detail::parse_int(spec, text, property);
    case value_kind::timespan: return detail::parse_ts(spec, text, property);
    case value_kind::enumeration:
    case value_kind::flags:
        if (spec.enums && spec.enums->type_name == "Encoding") return detail::parse_encoding(text, property);
        return detail::parse_enum(spec, text, property);
    case value_kind::string: {
        if (spec.uri) {
            std::string why;
            if (!is_valid_uri(text, why))
                return detail::fail(detail::conversion_error(property, why), "a relative or absolute URI", "UriFormatException");
        }
        return detail::success(setting_value{0, text});
    }
    }
    return detail::fail("unsupported value kind", {}, "wsbind_internal");
}

inline std::string format_value(value_spec const& spec, setting_value const& v) {
    switch (spec.kind) {
    case value_kind::boolean: return v.number != 0 ? "true" : "false";
    case value_kind::int32:
    case value_kind::int64: return std::to_string(v.number);
    case value_kind::timespan: return to_string(timespan::from_ticks(v.number));
    case value_kind::enumeration: {
        auto name = spec.enums->name_of(v.number);
        return name.empty() ? std::to_string(v.number) : std::string(name);
    }
    case value_kind::flags: return wsbind::detail::flags_to_string(*spec.enums, v.number);
    case value_kind::string: return std::string(v.string.view());
    }
    return {};
}

} // namespace wsbind::config

#endif
