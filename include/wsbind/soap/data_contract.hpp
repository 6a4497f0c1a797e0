// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_DATA_CONTRACT_HPP
#define WSBIND_SOAP_DATA_CONTRACT_HPP

/// \file
/// DataContract primitives as WCF's DataContractSerializer writes and reads them (XmlConvert):
/// `double`/`float` ("R" round-trip text of .NET Framework: 15 (float 7) significant digits when
/// they round-trip, else 17 (float 9); fixed notation for decimal exponents -5 < e < digits, else
/// `1E+20`/`1E-05`; `INF`, `-INF`, `NaN`, `-0`), `bool` (`true`/`false`; reads `1`/`0` too),
/// 32/64-bit integers and strings. Reading accepts what XmlConvert accepts (surrounding XML
/// whitespace, a leading sign, `1.`, `.5`, `Infinity`) and refuses the rest with the type named,
/// as WCF does.
///
/// Also the wrapper elements of WCF's document/literal wrapped operations:
/// `<Add xmlns="ns"><n1>1</n1><n2>2</n2></Add>` and `<AddResponse xmlns="ns"><AddResult>3</AddResult></AddResponse>`.

#include <wsbind/soap/xml.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace wsbind::soap {

namespace detail {

[[nodiscard]] inline std::string_view trim_xml_space(std::string_view s) noexcept {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

/// .NET's "R" text of a finite, non-zero binary floating-point value with `digits` significant digits.
template <class F>
[[nodiscard]] std::string format_g(F value, int digits) {
    char buf[64];
    auto const r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific, digits - 1);
    std::string_view sci(buf, static_cast<std::size_t>(r.ptr - buf)); // [-]d.ddddde[+-]xx
    bool const negative = sci.front() == '-';
    if (negative) sci.remove_prefix(1);
    auto const e = sci.find('e');
    int exponent = 0;
    std::from_chars(sci.data() + e + (sci[e + 1] == '+' ? 2 : 1), sci.data() + sci.size(), exponent);
    std::string mantissa;
    for (char c : sci.substr(0, e))
        if (c != '.') mantissa.push_back(c);
    while (mantissa.size() > 1 && mantissa.back() == '0') mantissa.pop_back();
    std::string out = negative ? "-" : "";
    if (exponent > -5 && exponent < digits) {
        if (exponent >= 0) {
            if (mantissa.size() <= static_cast<std::size_t>(exponent) + 1) {
                out += mantissa;
                out.append(static_cast<std::size_t>(exponent) + 1 - mantissa.size(), '0');
            } else {
                out += mantissa.substr(0, static_cast<std::size_t>(exponent) + 1);
                out += '.';
                out += mantissa.substr(static_cast<std::size_t>(exponent) + 1);
            }
        } else {
            out += "0.";
            out.append(static_cast<std::size_t>(-exponent - 1), '0');
            out += mantissa;
        }
    } else {
        out += mantissa.substr(0, 1);
        if (mantissa.size() > 1) {
            out += '.';
            out += mantissa.substr(1);
        }
        out += exponent < 0 ? "E-" : "E+";
        int const a = exponent < 0 ? -exponent : exponent;
        if (a < 10) out += '0';
        out += std::to_string(a);
    }
    return out;
}

template <class F>
[[nodiscard]] std::string format_round_trip(F value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
    if (value == 0) return std::signbit(value) ? "-0" : "0";
    constexpr int short_digits = std::is_same_v<F, float> ? 7 : 15;
    constexpr int long_digits = std::is_same_v<F, float> ? 9 : 17;
    auto text = format_g(value, short_digits);
    F back{};
    std::string plain;
    for (char c : text) plain.push_back(c == 'E' ? 'e' : c);
    auto const* first = plain.data() + (plain.front() == '-' ? 0 : 0);
    std::from_chars(first, plain.data() + plain.size(), back);
    if (back == value) return text;
    return format_g(value, long_digits);
}

template <class F>
[[nodiscard]] std::optional<F> parse_float(std::string_view s) {
    s = trim_xml_space(s);
    if (s == "INF" || s == "Infinity") return std::numeric_limits<F>::infinity();
    if (s == "-INF" || s == "-Infinity") return -std::numeric_limits<F>::infinity();
    if (s == "NaN") return std::numeric_limits<F>::quiet_NaN();
    // [+-]? digits* (. digits*)? ([eE][+-]?digits+)? with at least one mantissa digit.
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::size_t const start = i;
    std::size_t mantissa_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++mantissa_digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++mantissa_digits;
    }
    if (mantissa_digits == 0) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exp_digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
        if (exp_digits == 0) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    std::string text(s.substr(start));
    if (text.front() == '.') text.insert(0, "0");
    F value{};
    auto const r = std::from_chars(text.data(), text.data() + text.size(), value);
    if (r.ec == std::errc::result_out_of_range) {
        // .NET Framework: overflow is an error, underflow gives 0.
        bool const tiny = text.find("e-") != std::string::npos || text.find("E-") != std::string::npos;
        if (!tiny) return std::nullopt;
        value = 0;
    } else if (r.ec != std::errc{}) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

template <class I>
[[nodiscard]] std::optional<I> parse_integer(std::string_view s) {
    s = trim_xml_space(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    I value{};
    auto const r = std::from_chars(s.data(), s.data() + s.size(), value);
    if (r.ec != std::errc{} || r.ptr != s.data() + s.size() || s.empty()) return std::nullopt;
    return value;
}

} // namespace detail

/// How a DataContract primitive is written and read; specialised for the types wsbind carries.
template <class T>
struct data_contract;

template <>
struct data_contract<double> {
    static constexpr std::string_view type_name = "Double";
    [[nodiscard]] static std::string write(double v) { return detail::format_round_trip(v); }
    [[nodiscard]] static std::optional<double> read(std::string_view s) { return detail::parse_float<double>(s); }
};
template <>
struct data_contract<float> {
    static constexpr std::string_view type_name = "Single";
    [[nodiscard]] static std::string write(float v) { return detail::format_round_trip(v); }
    [[nodiscard]] static std::optional<float> read(std::string_view s) { return detail::parse_float<float>(s); }
};
template <>
struct data_contract<std::int32_t> {
    static constexpr std::string_view type_name = "Int32";
    [[nodiscard]] static std::string write(std::int32_t v) { return std::to_string(v); }
    [[nodiscard]] static std::optional<std::int32_t> read(std::string_view s) { return detail::parse_integer<std::int32_t>(s); }
};
template <>
struct data_contract<std::int64_t> {
    static constexpr std::string_view type_name = "Int64";
    [[nodiscard]] static std::string write(std::int64_t v) { return std::to_string(v); }
    [[nodiscard]] static std::optional<std::int64_t> read(std::string_view s) { return detail::parse_integer<std::int64_t>(s); }
};
template <>
struct data_contract<bool> {
    static constexpr std::string_view type_name = "Boolean";
    [[nodiscard]] static std::string write(bool v) { return v ? "true" : "false"; }
    [[nodiscard]] static std::optional<bool> read(std::string_view s) {
        s = detail::trim_xml_space(s);
        if (s == "true" || s == "1") return true;
        if (s == "false" || s == "0") return false;
        return std::nullopt;
    }
};
template <>
struct data_contract<std::string> {
    static constexpr std::string_view type_name = "String";
    [[nodiscard]] static std::string write(std::string const& v) { return v; }
    [[nodiscard]] static std::optional<std::string> read(std::string_view s) { return std::string(s); }
};

template <class T>
concept data_contract_primitive = requires { data_contract<T>::type_name; };

/// About how many bytes `<name>value</name>` takes as text (to reserve buffers once).
template <data_contract_primitive T>
[[nodiscard]] std::size_t text_size_hint(T const& value) noexcept {
    if constexpr (std::is_same_v<T, std::string>) return value.size() + 64;
    else return 64;
}

/// Appends `<name>value</name>` (no namespace prefix: it inherits the wrapper's default namespace).
template <data_contract_primitive T>
void append_value(pugi::xml_node parent, std::string_view name, T const& value) {
    auto e = parent.append_child(std::string(name).c_str());
    e.text().set(data_contract<T>::write(value).c_str());
}

/// Appends `<name>value</name>` as text (the same bytes as the node overload writes).
template <data_contract_primitive T>
void append_value(std::string& out, std::string_view name, T const& value) {
    out += '<';
    out += name;
    out += '>';
    if constexpr (std::is_same_v<T, std::string>) xml::append_text_escaped(out, value);
    else xml::append_text_escaped(out, data_contract<T>::write(value));
    out += "</";
    out += name;
    out += '>';
}

/// Reads the element's text as T; nullopt and `error` (WCF's words) when it cannot be parsed.
template <data_contract_primitive T>
[[nodiscard]] std::optional<T> read_value(pugi::xml_node element, std::string* error = nullptr) {
    auto const single = xml::single_text_of(element); // no copy in the common case
    std::string joined;
    if (!single) joined = xml::text_of(element);
    std::string_view const text = single ? *single : std::string_view(joined);
    auto v = data_contract<T>::read(text);
    if (!v && error)
        *error = "There was an error deserializing the object of type " + std::string(data_contract<T>::type_name) +
                 ". The value '" + std::string(text) + "' cannot be parsed as the type '" + std::string(data_contract<T>::type_name) + "'.";
    return v;
}

} // namespace wsbind::soap

#endif
