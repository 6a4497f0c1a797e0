// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_SOAP_XML_HPP
#define WSBIND_SOAP_XML_HPP

/// \file
/// Namespace-aware helpers over pugixml (which keeps qualified names as written): the namespace
/// of an element or attribute, child lookup by (namespace, local name), raw serialisation.

#include <pugixml.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace wsbind::soap::xml {

static_assert(sizeof(pugi::char_t) == 1, "wsbind: pugixml must be built without PUGIXML_WCHAR_MODE (char_t must be char)");

/// A namespace-qualified name.
struct qname {
    std::string ns;
    std::string local;
    friend bool operator==(qname const&, qname const&) = default;
};

[[nodiscard]] inline std::string_view prefix_of(std::string_view qualified) noexcept {
    auto const colon = qualified.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
}
[[nodiscard]] inline std::string_view local_name(std::string_view qualified) noexcept {
    auto const colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}
[[nodiscard]] inline std::string_view local_name(pugi::xml_node n) noexcept { return local_name(n.name()); }

namespace detail {
/// Whether an attribute name starts with "xmlns", compared in place byte by byte (most attributes
/// are not namespace declarations; the comparison stops at the name's end).
[[nodiscard]] inline bool starts_with_xmlns(char const* name) noexcept {
    return name[0] == 'x' && name[1] == 'm' && name[2] == 'l' && name[3] == 'n' && name[4] == 's';
}
} // namespace detail

/// The namespace bound to `prefix` ("" = the default namespace) in scope at `n`; "" when unbound.
[[nodiscard]] inline std::string_view lookup_namespace(pugi::xml_node n, std::string_view prefix) noexcept {
    if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
    for (; n && n.type() == pugi::node_element; n = n.parent()) {
        for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
            char const* name = a.name();
            if (!detail::starts_with_xmlns(name)) continue;
            bool const match = prefix.empty() ? name[5] == '\0'
                                              : name[5] == ':' && std::strncmp(name + 6, prefix.data(), prefix.size()) == 0 &&
                                                    name[6 + prefix.size()] == '\0';
            if (match) return a.value();
        }
    }
    return {};
}

/// Whether element `n` itself declares a namespace (an `xmlns` or `xmlns:*` attribute).
[[nodiscard]] inline bool declares_namespace(pugi::xml_node n) noexcept {
    for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
        char const* name = a.name();
        if (detail::starts_with_xmlns(name) && (name[5] == '\0' || name[5] == ':')) return true;
    }
    return false;
}

/// The namespace URI of element `n`.
[[nodiscard]] inline std::string_view namespace_of(pugi::xml_node n) noexcept { return lookup_namespace(n, prefix_of(n.name())); }

/// The namespace URI of attribute `a` of element `owner` (unprefixed attributes have none).
[[nodiscard]] inline std::string_view namespace_of(pugi::xml_attribute a, pugi::xml_node owner) noexcept {
    auto const p = prefix_of(a.name());
    return p.empty() ? std::string_view{} : lookup_namespace(owner, p);
}

[[nodiscard]] inline bool is(pugi::xml_node n, std::string_view ns, std::string_view local) noexcept {
    return n.type() == pugi::node_element && local_name(n) == local && namespace_of(n) == ns;
}

/// The first child element named (ns, local), or an empty node.
[[nodiscard]] inline pugi::xml_node child(pugi::xml_node parent, std::string_view ns, std::string_view local) noexcept {
    for (auto c = parent.first_child(); c; c = c.next_sibling())
        if (is(c, ns, local)) return c;
    return {};
}

/// The first child element, skipping comments, processing instructions and whitespace.
[[nodiscard]] inline pugi::xml_node first_element(pugi::xml_node parent) noexcept {
    for (auto c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) return c;
    return {};
}
[[nodiscard]] inline pugi::xml_node next_element(pugi::xml_node n) noexcept {
    for (auto c = n.next_sibling(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) return c;
    return {};
}

/// The attribute named (ns, local) of `n` (ns "" = unqualified).
[[nodiscard]] inline pugi::xml_attribute attribute(pugi::xml_node n, std::string_view ns, std::string_view local) noexcept {
    for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
        std::string_view const name = a.name();
        if (local_name(name) != local || name.substr(0, 5) == "xmlns") continue;
        if (namespace_of(a, n) == ns) return a;
    }
    return {};
}

/// Appends the concatenated character data of `n` (text and CDATA children) to `out`.
inline void append_text_of(std::string& out, pugi::xml_node n) {
    for (auto c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
}
/// The concatenated character data of `n` (text and CDATA children).
[[nodiscard]] inline std::string text_of(pugi::xml_node n) {
    std::string out;
    append_text_of(out, n);
    return out;
}
/// The character data of `n` without a copy when it is one text or CDATA node (or none), the
/// common case; nullopt when it is split (comments or several CDATA sections in between).
[[nodiscard]] inline std::optional<std::string_view> single_text_of(pugi::xml_node n) noexcept {
    std::optional<std::string_view> found;
    for (auto c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
        if (found) return std::nullopt;
        found = std::string_view(c.value());
    }
    return found ? found : std::optional<std::string_view>(std::string_view{});
}

struct string_writer final : pugi::xml_writer {
    std::string& out;
    explicit string_writer(std::string& o) : out(o) {}
    void write(void const* data, std::size_t size) override { out.append(static_cast<char const*>(data), size); }
};

/// Appends `n` serialised without added whitespace.
inline void append_raw(std::string& out, pugi::xml_node n) {
    string_writer w(out);
    n.print(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
}
[[nodiscard]] inline std::string to_string(pugi::xml_node n) {
    std::string s;
    append_raw(s, n);
    return s;
}

/// Appends `s` escaped for element content or attribute values (control characters other than tab,
/// LF and CR as `&#NN;`, as pugixml writes them, so that no raw one reaches the output).
inline void append_escaped(std::string& out, std::string_view s) {
    std::size_t run = 0; // plain runs are appended in one piece
    for (std::size_t i = 0; i < s.size(); ++i) {
        char const c = s[i];
        auto const u = static_cast<unsigned char>(c);
        if (c != '&' && c != '<' && c != '>' && c != '"' && (u >= 0x20 || c == '\t' || c == '\n' || c == '\r')) continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default:
            out += "&#";
            out += static_cast<char>('0' + u / 10);
            out += static_cast<char>('0' + u % 10);
            out += ';';
        }
    }
    out.append(s.data() + run, s.size() - run);
}
namespace detail {
/// Whether any of the 8 bytes of `w` needs escaping in text: `&`, `<`, `>` or below 0x20.
[[nodiscard]] constexpr bool any_text_special(std::uint64_t w) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto const zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    return (((w - ones * 0x20) & ~w & highs) | zero_byte(w ^ (ones * '&')) | zero_byte(w ^ (ones * '<')) |
            zero_byte(w ^ (ones * '>'))) != 0;
}
} // namespace detail

/// The offset of the first byte below 0x20 other than tab, LF and CR (characters XML 1.0 does not
/// allow, which pugixml does not check), or npos.
[[nodiscard]] inline std::size_t find_control_character(std::string_view s) noexcept {
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; s.size() - i >= 16; i += 16) {
        auto const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(s.data() + i));
        auto const below_space = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1f)), _mm_set1_epi8(0x1f));
        if (_mm_movemask_epi8(below_space) != 0) break; // look closer at this block
    }
#endif
    for (; i < s.size(); ++i) {
        auto const c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
    }
    return std::string_view::npos;
}

/// Appends `s` escaped as element content exactly as pugixml writes text: `&`, `<`, `>` as
/// entities, control characters other than tab, CR and LF as `&#NN;`; everything else as is.
/// Plain runs are found eight bytes at a time and copied in one piece.
inline void append_text_escaped(std::string& out, std::string_view s) {
    if (out.capacity() < out.size() + s.size()) out.reserve(out.size() + s.size() + 128); // and the closing tags
    std::size_t run = 0, i = 0;
    while (i < s.size()) {
#if defined(__SSE2__)
        if (s.size() - i >= 16) {
            auto const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(s.data() + i));
            auto const below_space = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1f)), _mm_set1_epi8(0x1f));
            auto const special = _mm_or_si128(_mm_or_si128(below_space, _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))),
                                              _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')), _mm_cmpeq_epi8(v, _mm_set1_epi8('>'))));
            if (_mm_movemask_epi8(special) == 0) {
                i += 16;
                continue;
            }
        }
#endif
        if (s.size() - i >= 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if (!detail::any_text_special(w)) {
                i += 8;
                continue;
            }
        }
        auto const c = static_cast<unsigned char>(s[i]);
        if (!(c == '&' || c == '<' || c == '>' || (c < 32 && c != '\t' && c != '\n' && c != '\r'))) {
            ++i;
            continue;
        }
        out.append(s.data() + run, i - run);
        run = ++i;
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default:
            if (c == 0) return; // pugixml's strings end at NUL
            out += "&#";
            out += static_cast<char>('0' + c / 10);
            out += static_cast<char>('0' + c % 10);
            out += ';';
        }
    }
    out.append(s.data() + run, s.size() - run);
}
[[nodiscard]] inline std::string escaped(std::string_view s) {
    std::string out;
    append_escaped(out, s);
    return out;
}

} // namespace wsbind::soap::xml

#endif
