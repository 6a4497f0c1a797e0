// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_DETAIL_DER_HPP
#define WSBIND_CRYPTO_DETAIL_DER_HPP

/// \file
/// A small, bounds-checked DER reader and writer (std only).
///
/// wsbind's backends let OpenSSL or Botan parse certificates; this code only decodes the pieces
/// both backends hand over as raw DER (names, extension values) so that both render exactly the
/// same .NET strings, and it encodes the to-be-signed parts of test/demo certificates and CRLs.
/// It accepts definite lengths only, single-byte tags only, and never reads past its input.

#include <wsbind/crypto/types.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wsbind::crypto::der {

namespace tag {
inline constexpr std::uint8_t boolean = 0x01;
inline constexpr std::uint8_t integer = 0x02;
inline constexpr std::uint8_t bit_string = 0x03;
inline constexpr std::uint8_t octet_string = 0x04;
inline constexpr std::uint8_t null = 0x05;
inline constexpr std::uint8_t oid = 0x06;
inline constexpr std::uint8_t enumerated = 0x0A;
inline constexpr std::uint8_t utf8_string = 0x0C;
inline constexpr std::uint8_t numeric_string = 0x12;
inline constexpr std::uint8_t printable_string = 0x13;
inline constexpr std::uint8_t t61_string = 0x14;
inline constexpr std::uint8_t ia5_string = 0x16;
inline constexpr std::uint8_t utc_time = 0x17;
inline constexpr std::uint8_t generalized_time = 0x18;
inline constexpr std::uint8_t visible_string = 0x1A;
inline constexpr std::uint8_t universal_string = 0x1C;
inline constexpr std::uint8_t bmp_string = 0x1E;
inline constexpr std::uint8_t sequence = 0x30;
inline constexpr std::uint8_t set = 0x31;
/// [n] context-specific, constructed.
[[nodiscard]] constexpr std::uint8_t context(unsigned n, bool constructed = true) noexcept {
    return static_cast<std::uint8_t>(0x80 | (constructed ? 0x20 : 0) | (n & 0x1F));
}
} // namespace tag

/// One TLV: the tag byte, the content octets, and the whole encoding.
struct tlv {
    std::uint8_t tag = 0;
    byte_view content;
    byte_view whole;
};

/// Reads one TLV from the front of `in` and advances `in` past it; nullopt (and `in` unchanged)
/// when the bytes are not a complete definite-length TLV with a low tag number.
[[nodiscard]] inline std::optional<tlv> read(byte_view& in) noexcept {
    if (in.size() < 2) return std::nullopt;
    std::uint8_t t = in[0];
    if ((t & 0x1F) == 0x1F) return std::nullopt; // high tag numbers are never needed here
    std::size_t pos = 1;
    std::size_t len = in[pos++];
    if (len & 0x80) {
        std::size_t n = len & 0x7F;
        if (n == 0 || n > sizeof(std::size_t) || n > 4) return std::nullopt; // indefinite / absurd
        if (in.size() - pos < n) return std::nullopt;
        len = 0;
        for (std::size_t i = 0; i < n; ++i) len = (len << 8) | in[pos++];
    }
    if (len > in.size() - pos) return std::nullopt;
    tlv out;
    out.tag = t;
    out.content = in.subspan(pos, len);
    out.whole = in.subspan(0, pos + len);
    in = in.subspan(pos + len);
    return out;
}

/// Reads one TLV that must carry `expected` as its tag.
[[nodiscard]] inline std::optional<tlv> read(byte_view& in, std::uint8_t expected) noexcept {
    byte_view copy = in;
    auto t = read(copy);
    if (!t || t->tag != expected) return std::nullopt;
    in = copy;
    return t;
}

/// Peeks at the next tag, if any.
[[nodiscard]] inline std::optional<std::uint8_t> peek_tag(byte_view in) noexcept {
    if (in.empty()) return std::nullopt;
    return in[0];
}

/// Dotted-decimal form of OID content octets; nullopt when malformed.
[[nodiscard]] inline std::optional<std::string> oid_to_string(byte_view content) {
    if (content.empty()) return std::nullopt;
    std::string out;
    std::uint64_t value = 0;
    bool first = true;
    std::size_t arc_bytes = 0;
    for (std::size_t i = 0; i < content.size(); ++i) {
        std::uint8_t b = content[i];
        if (arc_bytes == 0 && b == 0x80) return std::nullopt; // non-minimal encoding
        if (++arc_bytes > 9) return std::nullopt;             // more than 63 bits
        value = (value << 7) | (b & 0x7F);
        if (b & 0x80) continue;
        if (first) {
            std::uint64_t a = value < 40 ? 0 : (value < 80 ? 1 : 2);
            out += std::to_string(a);
            out += '.';
            out += std::to_string(value - a * 40);
            first = false;
        } else {
            out += '.';
            out += std::to_string(value);
        }
        value = 0;
        arc_bytes = 0;
    }
    if (arc_bytes != 0) return std::nullopt; // truncated arc
    return out;
}

/// Content octets of an OID given in dotted form; nullopt when malformed.
[[nodiscard]] inline std::optional<bytes> oid_from_string(std::string_view dotted) {
    std::vector<std::uint64_t> arcs;
    std::uint64_t cur = 0;
    bool have_digit = false;
    for (char c : dotted) {
        if (c == '.') {
            if (!have_digit) return std::nullopt;
            arcs.push_back(cur);
            cur = 0;
            have_digit = false;
        } else if (c >= '0' && c <= '9') {
            if (cur > (std::uint64_t{1} << 56)) return std::nullopt;
            cur = cur * 10 + static_cast<std::uint64_t>(c - '0');
            have_digit = true;
        } else {
            return std::nullopt;
        }
    }
    if (!have_digit) return std::nullopt;
    arcs.push_back(cur);
    if (arcs.size() < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) return std::nullopt;
    bytes out;
    auto put = [&out](std::uint64_t v) {
        std::uint8_t tmp[10];
        int n = 0;
        do {
            tmp[n++] = static_cast<std::uint8_t>(v & 0x7F);
            v >>= 7;
        } while (v != 0);
        while (n-- > 0) out.push_back(static_cast<std::uint8_t>(tmp[n] | (n > 0 ? 0x80 : 0)));
    };
    put(arcs[0] * 40 + arcs[1]);
    for (std::size_t i = 2; i < arcs.size(); ++i) put(arcs[i]);
    return out;
}

/// Appends a code point as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// True when `s` is well-formed UTF-8.
[[nodiscard]] inline bool valid_utf8(byte_view s) noexcept {
    std::size_t i = 0;
    while (i < s.size()) {
        std::uint8_t c = s[i];
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || s.size() - i < n) return false;
        std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < n; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

/// A character string of one of the types .NET decodes as text in names (UTF8String,
/// PrintableString, IA5String, NumericString, T61String, BMPString) as UTF-8; nullopt for other
/// tags or malformed content. T61String is read as UTF-8 when valid, else as Latin-1 (as .NET does).
[[nodiscard]] inline std::optional<std::string> decode_text(std::uint8_t t, byte_view c) {
    std::string out;
    switch (t) {
    case tag::utf8_string:
        if (!valid_utf8(c)) return std::nullopt;
        return to_string(c);
    case tag::printable_string:
    case tag::ia5_string:
    case tag::numeric_string:
    case tag::visible_string:
        for (auto b : c)
            if (b >= 0x80) return std::nullopt;
        return to_string(c);
    case tag::t61_string:
        if (valid_utf8(c)) return to_string(c);
        for (auto b : c) append_utf8(out, b);
        return out;
    case tag::bmp_string: {
        if (c.size() % 2 != 0) return std::nullopt;
        for (std::size_t i = 0; i < c.size(); i += 2) {
            std::uint32_t u = static_cast<std::uint32_t>(c[i] << 8 | c[i + 1]);
            if (u >= 0xD800 && u <= 0xDBFF && i + 3 < c.size()) {
                std::uint32_t lo = static_cast<std::uint32_t>(c[i + 2] << 8 | c[i + 3]);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                    i += 2;
                    continue;
                }
            }
            if (u >= 0xD800 && u <= 0xDFFF) return std::nullopt;
            append_utf8(out, u);
        }
        return out;
    }
    default:
        return std::nullopt;
    }
}

/// UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ) as seconds since the epoch.
[[nodiscard]] inline std::optional<std::chrono::sys_seconds> decode_time(std::uint8_t t, byte_view c) {
    auto digits = [&](std::size_t pos, std::size_t n) -> int {
        int v = 0;
        for (std::size_t i = 0; i < n; ++i) {
            auto ch = c[pos + i];
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    };
    int year = 0;
    std::size_t p = 0;
    if (t == tag::utc_time) {
        if (c.size() != 13 || c[12] != 'Z') return std::nullopt;
        int yy = digits(0, 2);
        if (yy < 0) return std::nullopt;
        year = yy < 50 ? 2000 + yy : 1900 + yy;
        p = 2;
    } else if (t == tag::generalized_time) {
        if (c.size() != 15 || c[14] != 'Z') return std::nullopt;
        year = digits(0, 4);
        if (year < 0) return std::nullopt;
        p = 4;
    } else {
        return std::nullopt;
    }
    int mon = digits(p, 2), day = digits(p + 2, 2), hh = digits(p + 4, 2), mm = digits(p + 6, 2), ss = digits(p + 8, 2);
    if (mon < 1 || mon > 12 || day < 1 || hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return std::nullopt;
    using namespace std::chrono;
    year_month_day ymd{std::chrono::year{year}, month{static_cast<unsigned>(mon)}, std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd} + hours{hh} + minutes{mm} + seconds{ss};
}

// ---------------------------------------------------------------------------------------------
// Writer

/// Appends a TLV with the given tag and content.
inline void append(bytes& out, std::uint8_t t, byte_view content) {
    out.push_back(t);
    std::size_t len = content.size();
    if (len < 0x80) {
        out.push_back(static_cast<std::uint8_t>(len));
    } else {
        std::uint8_t tmp[8];
        int n = 0;
        while (len != 0) {
            tmp[n++] = static_cast<std::uint8_t>(len & 0xFF);
            len >>= 8;
        }
        out.push_back(static_cast<std::uint8_t>(0x80 | n));
        while (n-- > 0) out.push_back(tmp[n]);
    }
    out.insert(out.end(), content.begin(), content.end());
}

/// A TLV with the given tag and content.
[[nodiscard]] inline bytes make(std::uint8_t t, byte_view content) {
    bytes out;
    out.reserve(content.size() + 6);
    append(out, t, content);
    return out;
}

/// Concatenation of already-encoded elements.
template <class... B>
[[nodiscard]] bytes concat(B const&... parts) {
    bytes out;
    (out.insert(out.end(), std::begin(parts), std::end(parts)), ...);
    return out;
}

/// SEQUENCE of already-encoded elements.
template <class... B>
[[nodiscard]] bytes sequence(B const&... parts) {
    return make(tag::sequence, concat(parts...));
}

/// INTEGER from big-endian magnitude bytes (non-negative; a 00 is prepended when the high bit is set).
[[nodiscard]] inline bytes integer(byte_view magnitude) {
    std::size_t i = 0;
    while (i + 1 < magnitude.size() && magnitude[i] == 0) ++i;
    bytes c(magnitude.begin() + static_cast<std::ptrdiff_t>(i), magnitude.end());
    if (c.empty()) c.push_back(0);
    if (c[0] & 0x80) c.insert(c.begin(), 0);
    return make(tag::integer, c);
}
[[nodiscard]] inline bytes integer(std::uint64_t v) {
    std::uint8_t b[8];
    for (int i = 7; i >= 0; --i) {
        b[i] = static_cast<std::uint8_t>(v & 0xFF);
        v >>= 8;
    }
    return integer(byte_view(b, 8));
}
/// OBJECT IDENTIFIER from dotted form (the OIDs wsbind encodes are constants; a bad one throws).
[[nodiscard]] inline bytes oid(std::string_view dotted) {
    auto c = oid_from_string(dotted);
    if (!c) throw std::invalid_argument("wsbind: malformed OID '" + std::string(dotted) + "'");
    return make(tag::oid, *c);
}
[[nodiscard]] inline bytes boolean(bool v) {
    std::uint8_t b = v ? 0xFF : 0x00;
    return make(tag::boolean, byte_view(&b, 1));
}
[[nodiscard]] inline bytes null() { return bytes{tag::null, 0x00}; }
[[nodiscard]] inline bytes octet_string(byte_view c) { return make(tag::octet_string, c); }
[[nodiscard]] inline bytes utf8_string(std::string_view s) { return make(tag::utf8_string, as_bytes(s)); }
[[nodiscard]] inline bytes printable_string(std::string_view s) { return make(tag::printable_string, as_bytes(s)); }
[[nodiscard]] inline bytes ia5_string(std::string_view s) { return make(tag::ia5_string, as_bytes(s)); }
/// BMPString from UTF-8 (BMP characters only; others become U+FFFD).
[[nodiscard]] inline bytes bmp_string(std::string_view utf8) {
    bytes c;
    for (std::size_t i = 0; i < utf8.size();) {
        auto b = static_cast<std::uint8_t>(utf8[i]);
        std::uint32_t cp = 0xFFFD;
        std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : 4;
        if (i + n <= utf8.size()) {
            cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
            for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<std::uint8_t>(utf8[i + k]) & 0x3F);
        }
        if (cp > 0xFFFF) cp = 0xFFFD;
        c.push_back(static_cast<std::uint8_t>(cp >> 8));
        c.push_back(static_cast<std::uint8_t>(cp & 0xFF));
        i += n;
    }
    return make(tag::bmp_string, c);
}
/// BIT STRING with no unused bits.
[[nodiscard]] inline bytes bit_string(byte_view c) {
    bytes v;
    v.reserve(c.size() + 1);
    v.push_back(0);
    v.insert(v.end(), c.begin(), c.end());
    return make(tag::bit_string, v);
}
/// UTCTime for years 1950..2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5).
[[nodiscard]] inline bytes time(std::chrono::sys_seconds t) {
    using namespace std::chrono;
    auto days = floor<std::chrono::days>(t);
    year_month_day ymd{days};
    hh_mm_ss hms{t - days};
    int y = static_cast<int>(ymd.year());
    char buf[32];
    auto two = [](char* p, unsigned v) { p[0] = static_cast<char>('0' + v / 10 % 10); p[1] = static_cast<char>('0' + v % 10); };
    std::size_t n = 0;
    std::uint8_t t_tag;
    if (y >= 1950 && y < 2050) {
        two(buf, static_cast<unsigned>(y % 100));
        n = 2;
        t_tag = tag::utc_time;
    } else {
        two(buf, static_cast<unsigned>(y / 100));
        two(buf + 2, static_cast<unsigned>(y % 100));
        n = 4;
        t_tag = tag::generalized_time;
    }
    two(buf + n, static_cast<unsigned>(ymd.month()));
    two(buf + n + 2, static_cast<unsigned>(ymd.day()));
    two(buf + n + 4, static_cast<unsigned>(hms.hours().count()));
    two(buf + n + 6, static_cast<unsigned>(hms.minutes().count()));
    two(buf + n + 8, static_cast<unsigned>(hms.seconds().count()));
    buf[n + 10] = 'Z';
    return make(t_tag, byte_view(reinterpret_cast<std::uint8_t const*>(buf), n + 11));
}

} // namespace wsbind::crypto::der

#endif
