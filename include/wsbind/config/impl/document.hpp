// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_DOCUMENT_HPP
#define WSBIND_CONFIG_IMPL_DOCUMENT_HPP

#include <wsbind/config/document.hpp>
#include <wsbind/config/values.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wsbind::config {

namespace detail {

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// XML 1.0 Char production.
constexpr bool is_xml_char(std::uint32_t cp) noexcept {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 if it is not valid UTF-8
/// (overlong forms, surrogates and values above U+10FFFF are invalid).
inline std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t& cp) noexcept {
    auto const b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) { cp = b0; return 1; }
    std::size_t len = 0;
    std::uint32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1Fu; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0Fu; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07u; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        auto const b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

inline std::string hex_byte(unsigned v) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string s = "0x";
    s += digits[(v >> 4) & 0xF];
    s += digits[v & 0xF];
    return s;
}

inline std::string hex_code_point(std::uint32_t v) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string s;
    do { s.insert(s.begin(), digits[v & 0xF]); v >>= 4; } while (v != 0);
    if (s.size() < 2) s.insert(s.begin(), '0');
    return "0x" + s;
}

inline constexpr std::array<std::uint16_t, 32> windows1252_high{{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178}};

/// The value of `encoding="..."` in an XML declaration at the start of `s`, and its offset.
inline std::string_view declared_encoding(std::string_view s, std::size_t& at) noexcept {
    if (s.substr(0, 5) != "<?xml") return {};
    auto end = s.find("?>");
    if (end == std::string_view::npos || end > 1024) return {};
    auto decl = s.substr(0, end);
    auto pos = decl.find("encoding");
    if (pos == std::string_view::npos) return {};
    auto q = decl.find_first_of("\"'", pos);
    if (q == std::string_view::npos) return {};
    auto close = decl.find(decl[q], q + 1);
    if (close == std::string_view::npos) return {};
    at = q + 1;
    return decl.substr(q + 1, close - q - 1);
}

struct open_tag {
    std::string name;
    std::size_t offset = 0; ///< offset of the name
};

/// The elements open at `limit` (outermost first), by a light scan of the markup before it:
/// what .NET names in "start tag ... does not match the end tag" and "elements are not closed".
inline std::vector<open_tag> open_elements_at(std::string_view s, std::size_t limit) {
    std::vector<open_tag> stack;
    std::size_t i = 0;
    limit = std::min(limit, s.size());
    auto name_end = [&](std::size_t k) {
        while (k < s.size() && !(s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n' || s[k] == '>' || s[k] == '/'))
            ++k;
        return k;
    };
    while (i < limit) {
        if (s[i] != '<') { ++i; continue; }
        if (s.substr(i, 4) == "<!--") {
            auto e = s.find("-->", i + 4);
            i = e == std::string_view::npos ? s.size() : e + 3;
        } else if (s.substr(i, 9) == "<![CDATA[") {
            auto e = s.find("]]>", i + 9);
            i = e == std::string_view::npos ? s.size() : e + 3;
        } else if (s.substr(i, 2) == "<?" || s.substr(i, 2) == "<!") {
            auto e = s.find('>', i + 2);
            i = e == std::string_view::npos ? s.size() : e + 1;
        } else if (s.substr(i, 2) == "</") {
            auto ne = name_end(i + 2);
            std::string_view name = s.substr(i + 2, ne - i - 2);
            if (!stack.empty() && stack.back().name == name) stack.pop_back();
            auto e = s.find('>', ne);
            i = e == std::string_view::npos ? s.size() : e + 1;
        } else {
            auto ne = name_end(i + 1);
            open_tag t{std::string(s.substr(i + 1, ne - i - 1)), i + 1};
            // Skip attributes (quoted values may hold '>').
            std::size_t k = ne;
            char quote = 0;
            bool self_closing = false;
            while (k < s.size()) {
                char c = s[k];
                if (quote) { if (c == quote) quote = 0; }
                else if (c == '"' || c == '\'') quote = c;
                else if (c == '>') { self_closing = k > 0 && s[k - 1] == '/'; break; }
                ++k;
            }
            if (!self_closing && k < limit) stack.push_back(std::move(t));
            i = k + 1;
        }
    }
    return stack;
}

/// Bits set in a 16-bit mask (std::popcount becomes a library call without -mpopcnt).
constexpr unsigned popcount16(unsigned x) noexcept {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}
static_assert(popcount16(0) == 0 && popcount16(0xFFFFu) == 16 && popcount16(0x8001u) == 2 && popcount16(0x1234u) == 5);

/// Skips, from `i`, text that needs no character-by-character check: ASCII other than control
/// characters (tab, line feed and carriage return allowed) and '&', recording line starts and
/// counting start and end tags ('<' not followed by '!' or '?') on the way. Stops at the first
/// byte that needs the careful path (or where counting a tag would pass `max_markup`, so that the
/// careful path reports the exact place); returns its offset (`s.size()` at the end).
/// Sixteen bytes at a time with SSE2 (the x86-64 baseline), eight with portable word operations.
inline std::size_t skip_plain_text(std::string_view s, std::size_t i, std::vector<std::size_t>& line_starts,
                                   std::size_t& markup, std::size_t max_markup) noexcept {
    char const* const p = s.data();
#if defined(__SSE2__)
    auto const splat = [](char c) { return _mm_set1_epi8(c); };
    __m128i const space = splat(' '), nl = splat('\n'), tab = splat('\t'), cr = splat('\r'), amp = splat('&'),
                  lt = splat('<'), bang = splat('!'), question = splat('?');
    // Tags of whole blocks are summed per byte lane and added up every 255 blocks (or at the end)
    // while 255 blocks of tags cannot pass the limit; near the limit every block is counted and
    // checked.
    constexpr std::size_t period = 255;
    auto const room = [&] { return markup <= max_markup && max_markup - markup >= period * 16; };
    bool within_limit = room();
    __m128i lanes = _mm_setzero_si128();
    std::size_t blocks = 0;
    auto const add_lanes = [&] {
        __m128i const sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
        markup += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
        lanes = _mm_setzero_si128();
        blocks = 0;
        within_limit = room();
    };
    // i + 17 <= size: the byte after each block is read too (what follows a '<' at its end).
    while (i + 17 <= s.size()) {
        __m128i const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p + i));
        __m128i const next = _mm_loadu_si128(reinterpret_cast<__m128i const*>(p + i + 1));
        // Signed compare: bytes >= 0x80 are negative, so "< ' '" also catches them.
        __m128i const low = _mm_cmplt_epi8(v, space);
        __m128i const newline = _mm_cmpeq_epi8(v, nl);
        __m128i const allowed = _mm_or_si128(newline, _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
        __m128i const tags = _mm_cmpeq_epi8(v, lt);
        __m128i const other_markup = _mm_and_si128(tags, _mm_or_si128(_mm_cmpeq_epi8(next, bang), _mm_cmpeq_epi8(next, question)));
        __m128i const careful = _mm_or_si128(_mm_andnot_si128(allowed, low), _mm_or_si128(_mm_cmpeq_epi8(v, amp), other_markup));
        auto const stop = static_cast<unsigned>(_mm_movemask_epi8(careful));
        unsigned const below = stop == 0 ? 0xFFFFu : (stop & (0u - stop)) - 1u; // the bytes before the first careful one
        if (stop == 0 && within_limit) {
            lanes = _mm_sub_epi8(lanes, tags); // a matching lane is -1
            if (++blocks == period) add_lanes();
        } else {
            auto const count = static_cast<std::size_t>(popcount16(static_cast<unsigned>(_mm_movemask_epi8(tags)) & below));
            if (markup + count > max_markup) break;
            markup += count;
        }
        for (unsigned lines = static_cast<unsigned>(_mm_movemask_epi8(newline)) & below; lines != 0; lines &= lines - 1)
            line_starts.push_back(i + static_cast<unsigned>(std::countr_zero(lines)) + 1);
        if (stop != 0) {
            i += static_cast<unsigned>(std::countr_zero(stop));
            break;
        }
        i += 16;
    }
    add_lanes();
#else
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto const has_zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
    // Eight plain bytes at a time: no byte >= 0x80, < 0x20, '<' or '&'.
    while (i + 8 <= s.size()) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, 8);
        if ((w & highs) | ((w - ones * 0x20) & ~w & highs) | has_zero_byte(w ^ (ones * '<')) | has_zero_byte(w ^ (ones * '&')))
            break;
        i += 8;
    }
    (void)line_starts;
    (void)markup;
    (void)max_markup;
#endif
    return i;
}

} // namespace detail

inline source_position document::position_at(std::size_t offset) const noexcept {
    if (index_->line_starts_.empty()) return {1, static_cast<std::uint32_t>(offset + 1)};
    offset = std::min(offset, original_.size());
    // Positions are asked in document order: try the line of the previous answer first.
    std::size_t line = last_line_; // 1-based
    // ... or one of the few lines after it (the next element is usually on the next line).
    if (line != 0 && line <= index_->line_starts_.size() && index_->line_starts_[line - 1] <= offset)
        for (std::size_t step = 0; step < 4 && line < index_->line_starts_.size() && index_->line_starts_[line] <= offset; ++step) ++line;
    if (line == 0 || line > index_->line_starts_.size() || index_->line_starts_[line - 1] > offset ||
        (line < index_->line_starts_.size() && index_->line_starts_[line] <= offset)) {
        auto it = std::upper_bound(index_->line_starts_.begin(), index_->line_starts_.end(), offset);
        line = static_cast<std::size_t>(it - index_->line_starts_.begin());
    }
    last_line_ = line;
    std::size_t const start = index_->line_starts_[line - 1];
    if (ascii_) return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - start + 1)};
    std::uint32_t column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        // Count code points: every byte that is not a UTF-8 continuation byte starts one.
        if ((static_cast<unsigned char>(original_[i]) & 0xC0) != 0x80) ++column;
    }
    return {static_cast<std::uint32_t>(line), column};
}

inline source_offset document::byte_offset(char const* p) const noexcept {
    if (!base_ || p < base_ || p >= base_ + base_size_ || static_cast<std::size_t>(p - base_) >= unknown_offset)
        return unknown_offset;
    return static_cast<source_offset>(p - base_);
}

inline source_offset document::offset_of(pugi::xml_node node) const noexcept {
    if (!node) return unknown_offset;
    auto const off = byte_offset(node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata ? node.value() : node.name());
    if (off != unknown_offset) return off;
    auto const d = node.offset_debug();
    return d < 0 || static_cast<std::size_t>(d) >= unknown_offset ? unknown_offset : static_cast<source_offset>(d);
}

inline source_offset document::offset_of(pugi::xml_attribute attr) const noexcept {
    return attr ? byte_offset(attr.name()) : unknown_offset;
}

inline source_offset document::offset_of_value(pugi::xml_attribute attr) const noexcept {
    if (!attr) return unknown_offset;
    auto const off = byte_offset(attr.value());
    return off != unknown_offset ? off : offset_of(attr);
}

inline source_position document::position_of(pugi::xml_node node) const noexcept {
    auto const off = offset_of(node);
    return off == unknown_offset ? source_position{} : position_at(off);
}

inline source_position document::position_of(pugi::xml_attribute attr) const noexcept {
    auto const off = offset_of(attr);
    return off == unknown_offset ? source_position{} : position_at(off);
}

inline source_position document::position_of_value(pugi::xml_attribute attr) const noexcept {
    auto const off = offset_of_value(attr);
    return off == unknown_offset ? source_position{} : position_at(off);
}

inline void document::finish_positions() {
    index_->size_ = original_.size();
    index_->continuations_.clear();
    if (ascii_) return;
    for (std::size_t i = 0; i < original_.size(); ++i)
        if ((static_cast<unsigned char>(original_[i]) & 0xC0) == 0x80) index_->continuations_.push_back(i);
}

inline void document::error(diagnostics& diags, std::size_t offset, std::string message, std::string code,
                            std::string value) const {
    diagnostic d;
    d.severity = severity::error;
    d.file = name_;
    d.position = position_at(offset);
    d.message = std::move(message);
    d.code = std::move(code);
    d.value = std::move(value);
    diags.add(std::move(d));
}

inline bool document::load_file(std::string const& path, diagnostics& diags, load_options const& options,
                                std::string display_name) {
    name_ = display_name.empty() ? path : std::move(display_name);
    std::error_code ec;
    auto const size = std::filesystem::file_size(path, ec);
    if (ec) {
        diags.add({severity::error, name_, {}, {}, "Cannot open the configuration file: " + ec.message() + ".", path, {},
                   "wsbind_file_not_found"});
        return false;
    }
    if (size > options.max_file_size) {
        diags.add({severity::error, name_, {}, {},
                   "The configuration file is " + std::to_string(size) + " bytes, more than the limit of " +
                       std::to_string(options.max_file_size) + " bytes (load_options::max_file_size); it was not read.",
                   {}, "at most " + std::to_string(options.max_file_size) + " bytes", "wsbind_file_too_large"});
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.add({severity::error, name_, {}, {}, "Cannot open the configuration file.", path, {}, "wsbind_file_not_found"});
        return false;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    std::string name = name_;
    return load_string(bytes, std::move(name), diags, options);
}

inline bool document::load_stream(std::istream& in, std::string display_name, diagnostics& diags,
                                  load_options const& options) {
    std::string bytes;
    char chunk[65536];
    while (in) {
        in.read(chunk, sizeof chunk);
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > options.max_file_size) {
            name_ = std::move(display_name);
            diags.add({severity::error, name_, {}, {},
                       "The configuration is more than the limit of " + std::to_string(options.max_file_size) +
                           " bytes (load_options::max_file_size); it was not read.",
                       {}, "at most " + std::to_string(options.max_file_size) + " bytes", "wsbind_file_too_large"});
            return false;
        }
    }
    return load_string(bytes, std::move(display_name), diags, options);
}

inline bool document::load_string(std::string_view bytes, std::string display_name, diagnostics& diags,
                                  load_options const& options) {
    ok_ = false;
    xml_.reset();
    name_ = std::move(display_name);
    original_.clear();
    // A new index: the previous one may be shared with a configuration read from the last text.
    index_ = std::make_shared<position_index>();
    ascii_ = false; // until parse() has looked
    last_line_ = 0;
    // However loading ends, the index gets the text's size and (non-ASCII text) its code point layout.
    struct finish {
        document& d;
        ~finish() { d.finish_positions(); }
    } const finish_positions_on_return{*this};
    if (bytes.size() > options.max_file_size) {
        diags.add({severity::error, name_, {}, {},
                   "The configuration is " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                       std::to_string(options.max_file_size) + " bytes (load_options::max_file_size); it was not read.",
                   {}, "at most " + std::to_string(options.max_file_size) + " bytes", "wsbind_file_too_large"});
        return false;
    }
    auto u8 = [](std::size_t i, std::string_view s) { return static_cast<unsigned char>(s[i]); };
    std::string utf8;
    // Byte order marks and UTF-16 without one.
    bool const utf32le = bytes.size() >= 4 && u8(0, bytes) == 0xFF && u8(1, bytes) == 0xFE && u8(2, bytes) == 0 && u8(3, bytes) == 0;
    bool const utf32be = bytes.size() >= 4 && u8(0, bytes) == 0 && u8(1, bytes) == 0 && u8(2, bytes) == 0xFE && u8(3, bytes) == 0xFF;
    if (utf32le || utf32be) {
        diags.add({severity::error, name_, {1, 1}, {}, "The file is encoded in UTF-32, which wsbind does not read.", {},
                   "UTF-8 or UTF-16", "wsbind_unsupported_encoding"});
        return false;
    }
    bool le = bytes.size() >= 2 && u8(0, bytes) == 0xFF && u8(1, bytes) == 0xFE;
    bool be = bytes.size() >= 2 && u8(0, bytes) == 0xFE && u8(1, bytes) == 0xFF;
    std::size_t skip = (le || be) ? 2 : 0;
    if (!le && !be && bytes.size() >= 4) {
        if (u8(0, bytes) == '<' && u8(1, bytes) == 0 && u8(2, bytes) != 0 && u8(3, bytes) == 0) le = true;
        else if (u8(0, bytes) == 0 && u8(1, bytes) == '<' && u8(2, bytes) == 0 && u8(3, bytes) != 0) be = true;
    }
    if (le || be) {
        std::size_t const n = (bytes.size() - skip) / 2;
        utf8.reserve(n + n / 2);
        for (std::size_t k = 0; k < n; ++k) {
            auto unit = [&](std::size_t idx) -> std::uint32_t {
                std::size_t const b = skip + 2 * idx;
                return le ? (u8(b, bytes) | (u8(b + 1, bytes) << 8)) : ((u8(b, bytes) << 8) | u8(b + 1, bytes));
            };
            std::uint32_t cp = unit(k);
            bool bad = false;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (k + 1 < n && unit(k + 1) >= 0xDC00 && unit(k + 1) <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (unit(k + 1) - 0xDC00);
                    ++k;
                } else {
                    bad = true;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                bad = true;
            }
            if (bad) {
                original_ = utf8;
                index_->line_starts_.push_back(0);
                for (std::size_t i = 0; i < original_.size(); ++i)
                    if (original_[i] == '\n') index_->line_starts_.push_back(i + 1);
                error(diags, original_.size(), "Invalid character in the given encoding (an unpaired UTF-16 surrogate).",
                      "Xml_InvalidCharInThisEncoding");
                return false;
            }
            detail::append_utf8(utf8, cp);
        }
        if ((bytes.size() - skip) % 2 != 0) {
            original_ = utf8;
            index_->line_starts_.push_back(0);
            error(diags, original_.size(), "Unexpected end of file: a UTF-16 file has an odd number of bytes.",
                  "Xml_UnexpectedEOF");
            return false;
        }
    } else {
        if (bytes.size() >= 3 && u8(0, bytes) == 0xEF && u8(1, bytes) == 0xBB && u8(2, bytes) == 0xBF) bytes.remove_prefix(3);
        std::size_t at = 0;
        std::string_view enc = detail::declared_encoding(bytes, at);
        std::string lower;
        for (char c : enc) lower += detail::ascii_lower(c);
        auto ascii_only = [&] {
            return std::all_of(bytes.begin(), bytes.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
        };
        if (lower.empty() || lower == "utf-8" || lower == "utf8") {
            utf8.assign(bytes);
        } else if (lower == "utf-16" || lower == "unicode" || lower == "utf-16le" || lower == "utf-16be" || lower == "unicodefffe") {
            utf8.assign(bytes);
            original_ = utf8;
            index_->line_starts_.push_back(0);
            error(diags, at, "There is no Unicode byte order mark. Cannot switch to Unicode.", "Xml_NoUnicodeBOM",
                  std::string(enc));
            return false;
        } else if (lower == "iso-8859-1" || lower == "latin1" || lower == "windows-1252" || lower == "us-ascii" || lower == "ascii") {
            bool const cp1252 = lower == "windows-1252";
            bool const ascii = lower == "us-ascii" || lower == "ascii";
            for (std::size_t i = 0; i < bytes.size(); ++i) {
                auto const b = u8(i, bytes);
                if (b < 0x80) { utf8.push_back(static_cast<char>(b)); continue; }
                if (ascii) {
                    original_ = utf8;
                    index_->line_starts_.push_back(0);
                    for (std::size_t k = 0; k < original_.size(); ++k)
                        if (original_[k] == '\n') index_->line_starts_.push_back(k + 1);
                    error(diags, original_.size(), "Invalid character in the given encoding (byte " + detail::hex_byte(b) +
                                                       " in a file declared us-ascii).",
                          "Xml_InvalidCharInThisEncoding");
                    return false;
                }
                detail::append_utf8(utf8, (cp1252 && b < 0xA0) ? detail::windows1252_high[b - 0x80] : b);
            }
        } else if (ascii_only()) {
            utf8.assign(bytes); // every ASCII-compatible encoding reads pure ASCII alike
        } else {
            utf8.assign(bytes);
            original_ = utf8;
            index_->line_starts_.push_back(0);
            error(diags, at,
                  "The file declares encoding '" + std::string(enc) +
                      "', which wsbind does not read; save the file as UTF-8 (or UTF-16 with a byte order mark).",
                  "wsbind_unsupported_encoding", std::string(enc));
            return false;
        }
    }
    bool const utf8_input = !le && !be;
    if (parse(std::move(utf8), diags, options, utf8_input)) return true;
    if (!retry_) return false;
    // The in-place parse failed: parse a pristine copy so that the error is reported on the text.
    if (bytes.size() >= 3 && u8(0, bytes) == 0xEF && u8(1, bytes) == 0xBB && u8(2, bytes) == 0xBF) bytes.remove_prefix(3);
    return parse(std::string(bytes), diags, options, false);
}

inline bool document::parse(std::string utf8, diagnostics& diags, load_options const& options, bool in_place_allowed) {
    retry_ = false;
    base_ = nullptr;
    base_size_ = 0;
    buffer_.reset();
    original_ = std::move(utf8);
    index_->line_starts_.clear();
    index_->line_starts_.push_back(0);
    last_line_ = 0;
    ascii_ = true;

    std::string_view const s = original_;
    // One pass: lines, UTF-8 validity, XML characters, entity references, markup count. Bytes
    // are classified by a table so that plain ASCII text costs one lookup each.
    enum : unsigned char { plain, lt, amp, high, bad, newline };
    static constexpr auto classes = [] {
        std::array<unsigned char, 256> t{};
        for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = bad;
        t['\t'] = plain;
        t['\r'] = plain;
        t['\n'] = newline;
        t['<'] = lt;
        t['&'] = amp;
        for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = high;
        return t;
    }();
    auto check_code_point = [&](std::size_t k, std::size_t& len) {
        std::uint32_t cp = 0;
        len = detail::decode_utf8(s, k, cp);
        if (len == 0) {
            error(diags, k, "Invalid character in the given encoding (byte " + detail::hex_byte(static_cast<unsigned char>(s[k])) +
                                " is not valid UTF-8).",
                  "Xml_InvalidCharInThisEncoding");
            return false;
        }
        if (!detail::is_xml_char(cp)) {
            error(diags, k, "The character with hexadecimal value " + detail::hex_code_point(cp) + " is an invalid character in XML.",
                  "Xml_InvalidCharacter");
            return false;
        }
        return true;
    };
    auto finish_lines = [&](std::size_t from) {
        for (std::size_t k = from; k < s.size(); ++k)
            if (s[k] == '\n') index_->line_starts_.push_back(k + 1);
    };
    std::size_t markup = 0;
    index_->line_starts_.reserve(s.size() / 32 + 1);
    for (std::size_t i = 0; i < s.size();) {
        i = detail::skip_plain_text(s, i, index_->line_starts_, markup, options.max_elements);
        if (i >= s.size()) break;
        unsigned char const k = classes[static_cast<unsigned char>(s[i])];
        if (k == plain) { ++i; continue; }
        if (k == newline) { index_->line_starts_.push_back(++i); continue; }
        if (k == high || k == bad) {
            ascii_ = ascii_ && k != high;
            std::size_t len = 0;
            if (!check_code_point(i, len)) { finish_lines(i); return false; }
            i += len;
            continue;
        }
        if (k == lt) {
            char const next = i + 1 < s.size() ? s[i + 1] : '\0';
            if (next != '!' && next != '?') { // a start or end tag: the common case
                if (++markup > options.max_elements) {
                    finish_lines(i);
                    error(diags, i,
                          "The configuration has more than " + std::to_string(options.max_elements) +
                              " markup items (load_options::max_elements); it was not parsed.",
                          "wsbind_too_many_elements");
                    return false;
                }
                ++i;
                continue;
            }
            if (++markup > options.max_elements) {
                finish_lines(i);
                error(diags, i,
                      "The configuration has more than " + std::to_string(options.max_elements) +
                          " markup items (load_options::max_elements); it was not parsed.",
                      "wsbind_too_many_elements");
                return false;
            }
            // Comments, CDATA and processing instructions may hold '&' freely.
            std::string_view close;
            if (s.compare(i, 4, "<!--") == 0) close = "-->";
            else if (s.compare(i, 9, "<![CDATA[") == 0) close = "]]>";
            else if (s.compare(i, 2, "<?") == 0) close = "?>";
            if (!close.empty()) {
                auto e = s.find(close, i + 2);
                std::size_t const stop = e == std::string_view::npos ? s.size() : e + close.size();
                for (std::size_t j = i; j < stop;) {
                    unsigned char const c = classes[static_cast<unsigned char>(s[j])];
                    if (c == newline) { index_->line_starts_.push_back(++j); continue; }
                    if (c != high && c != bad) { ++j; continue; }
                    ascii_ = ascii_ && c != high;
                    std::size_t len = 0;
                    if (!check_code_point(j, len)) { finish_lines(j); return false; }
                    j += len;
                }
                i = stop;
                continue;
            }
            ++i;
            continue;
        }
        // '&': a reference XML predefines, or a character reference to an XML character.
        std::size_t const semi = s.find(';', i + 1);
        std::string_view ref = semi == std::string_view::npos ? std::string_view{} : s.substr(i + 1, std::min<std::size_t>(semi - i - 1, 80));
        bool ok = ref == "lt" || ref == "gt" || ref == "amp" || ref == "apos" || ref == "quot";
        if (!ok && ref.size() >= 2 && ref[0] == '#') {
            std::uint32_t cp = 0;
            bool hex = ref[1] == 'x';
            std::string_view digits = ref.substr(hex ? 2 : 1);
            bool valid = !digits.empty() && digits.size() <= 8;
            for (char d : digits) {
                int v = hex ? detail::hex_digit(d) : ((d >= '0' && d <= '9') ? d - '0' : -1);
                if (v < 0) { valid = false; break; }
                cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
            }
            if (valid && !detail::is_xml_char(cp)) {
                finish_lines(i);
                error(diags, i, "The character reference &" + std::string(ref) + "; is an invalid character in XML.",
                      "Xml_InvalidCharacter", "&" + std::string(ref) + ";");
                return false;
            }
            ok = valid;
        }
        if (!ok) {
            finish_lines(i);
            bool name = !ref.empty() && ref.size() < 64 &&
                        std::all_of(ref.begin(), ref.end(), [](char x) {
                            return (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || x == '_' ||
                                   x == '-' || x == '.' || x == ':';
                        });
            if (name) error(diags, i, "Reference to undeclared entity '" + std::string(ref) + "'.", "Xml_UndeclaredEntity",
                            "&" + std::string(ref) + ";");
            else error(diags, i, "An error occurred while parsing EntityName: '&' must be written '&amp;'.",
                       "Xml_ErrorParsingEntityName");
            return false;
        }
        i = semi + 1;
    }

    // An ASCII document is parsed in place in original_ (columns are byte offsets, so the text is
    // not needed afterwards); otherwise a copy is parsed and original_ kept for counting columns.
    char* target = nullptr;
    base_size_ = original_.size();
    if (in_place_allowed && ascii_) {
        target = original_.data();
    } else {
        buffer_.reset(new char[base_size_ + 1]); // no value-initialisation: it is overwritten
        std::memcpy(buffer_.get(), original_.data(), base_size_);
        buffer_[base_size_] = '\0';
        target = buffer_.get();
    }
    base_ = target;
    unsigned const flags = pugi::parse_default | pugi::parse_doctype | pugi::parse_declaration;
    auto const result = xml_.load_buffer_inplace(target, base_size_, flags, pugi::encoding_utf8);
    if (!result && target == original_.data()) {
        xml_.reset();
        retry_ = true; // the text was modified: report from a pristine copy
        return false;
    }
    if (!result) {
        auto const offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset));
        std::string message;
        std::string code = "Xml_NotWellFormed";
        std::size_t where = offset;
        if (result.status == pugi::status_end_element_mismatch) {
            auto open = detail::open_elements_at(s, offset);
            // pugixml stops inside the end tag (or at the end of the input): find its name.
            std::size_t tag = offset >= s.size() ? std::string_view::npos : s.rfind("</", offset);
            bool at_end = tag == std::string_view::npos;
            if (!at_end) {
                // The error is in this end tag only if the offset is within its name.
                std::size_t ne = tag + 2;
                while (ne < s.size() && s[ne] != '>' && s[ne] != '<') ++ne;
                at_end = offset > ne;
            }
            if (at_end) open = detail::open_elements_at(s, s.size());
            if (!at_end) {
                std::size_t ne = tag + 2;
                while (ne < s.size() && s[ne] != '>' && s[ne] != ' ' && s[ne] != '\t' && s[ne] != '\r' && s[ne] != '\n') ++ne;
                std::string const end_name(s.substr(tag + 2, ne - tag - 2));
                open = detail::open_elements_at(s, tag);
                if (!open.empty()) {
                    auto const p = position_at(open.back().offset);
                    message = "The '" + open.back().name + "' start tag on line " + std::to_string(p.line) + " position " +
                              std::to_string(p.column) + " does not match the end tag of '" + end_name + "'.";
                    code = "Xml_TagMismatchEx";
                } else {
                    message = "Unexpected end tag '" + end_name + "': no element is open.";
                    code = "Xml_UnexpectedEndTag";
                }
                error(diags, tag + 2, std::move(message), std::move(code), "</" + end_name + ">");
                xml_.reset();
                return false;
            }
            message = "Unexpected end of file has occurred. The following elements are not closed: ";
            for (std::size_t k = open.size(); k-- > 0;) {
                message += open[k].name;
                message += k == 0 ? "." : ", ";
            }
            if (open.empty()) message = "Unexpected end of file has occurred.";
            code = "Xml_UnexpectedEOFInElementContent";
            where = s.size();
        } else if (result.status == pugi::status_no_document_element) {
            message = "Root element is missing.";
            code = "Xml_MissingRoot";
        } else {
            message = std::string("The XML is not well-formed: ") + result.description() + ".";
        }
        error(diags, where, std::move(message), std::move(code));
        xml_.reset();
        return false;
    }
    // DTDs are refused, as .NET's configuration reader prohibits DTD processing.
    for (auto child : xml_.children()) {
        if (child.type() == pugi::node_doctype) {
            auto off = byte_offset(child.value());
            std::size_t const doctype_at = s.find("<!DOCTYPE");
            error(diags, off != unknown_offset ? off : (doctype_at == std::string_view::npos ? 0 : doctype_at),
                  "For security reasons DTD is prohibited in this XML document (DOCTYPE is not allowed in a configuration file).",
                  "Xml_DtdIsProhibited");
            xml_.reset();
            return false;
        }
    }
    // Nesting depth: pugixml's own traversal (no call per node into the library), stopping at
    // the first element nested too deep.
    struct depth_check final : pugi::xml_tree_walker {
        std::size_t max_depth = 0;
        pugi::xml_node too_deep;
        bool for_each(pugi::xml_node& node) override {
            // depth() is 0 for the document element's level.
            if (static_cast<std::size_t>(depth()) + 1 <= max_depth || node.type() != pugi::node_element) return true;
            too_deep = node;
            return false;
        }
    } walker;
    walker.max_depth = options.max_depth;
    xml_.traverse(walker);
    if (walker.too_deep) {
        diagnostic d;
        d.file = name_;
        d.position = position_of(walker.too_deep);
        d.message = "Elements are nested more than " + std::to_string(options.max_depth) +
                    " deep (load_options::max_depth); the configuration was not read.";
        d.code = "wsbind_too_deep";
        diags.add(std::move(d));
        xml_.reset();
        return false;
    }
    ok_ = true;
    return true;
}

} // namespace wsbind::config

#endif
