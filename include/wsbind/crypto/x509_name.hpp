// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_X509_NAME_HPP
#define WSBIND_CRYPTO_X509_NAME_HPP

/// \file
/// X.500 distinguished names in the string forms .NET prints (std only).
///
/// `dotnet_name` is `X500DistinguishedName.Name` — what `X509Certificate2.Subject`/`Issuer`
/// return and what FindBySubjectDistinguishedName compares against:
///  - relative distinguished names in reverse order of their encoding ("CN=Contoso.com, O=Contoso, C=US"),
///    separated by ", "; the attributes of one multi-valued RDN joined by " + ";
///  - attribute names from .NET's OID table: CN, C, L, S, O, OU, T, G, I, SN, STREET, SERIALNUMBER,
///    E, DC, PostalCode, POBox, Phone, Description, dnQualifier, X21Address; any other attribute
///    as "OID.<dotted>";
///  - a value is wrapped in double quotes (inner quotes doubled) when it is empty, starts or ends
///    with white space (space, TAB, LF, VT, FF, CR) or contains any of , + = " LF < > # ;
///  - values that are not one of the string types .NET decodes (UTF8String, PrintableString,
///    IA5String, NumericString, T61String, BMPString) print as '#' + uppercase hex of their
///    encoding (OCTET STRING: of its content), never quoted; trailing NUL characters are dropped.
/// Facts: dotnet/runtime X500NameEncoder.cs, X500NameEncoder.ManagedDecode.cs (quoting set,
/// separators, binary fallback) and OidLookup.cs (short names).
///
/// `simple_name_string` is the same without attribute names and in encoding order — the form
/// FindBySubjectName/FindByIssuerName search (CAPI's CERT_SIMPLE_NAME_STR; dotnet/runtime
/// FindPal decodes with printOid=false and no reversal).

#include <wsbind/crypto/detail/der.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wsbind::crypto {

/// One attribute of a name.
struct name_attribute {
    std::string oid;       ///< dotted OID of the attribute type
    std::string value;     ///< text (UTF-8), or '#'+hex when `binary`
    bool binary = false;   ///< value is not a text string type
    std::size_t rdn = 0;   ///< index of its RDN in encoding order
};

namespace detail {

struct oid_short_name {
    std::string_view oid;
    std::string_view name;
};

/// The X.500 attribute rows of .NET's OID friendly-name table (dotnet/runtime OidLookup.cs).
inline constexpr std::array<oid_short_name, 20> x500_attribute_names{{
    {"2.5.4.3", "CN"},
    {"2.5.4.6", "C"},
    {"2.5.4.7", "L"},
    {"2.5.4.8", "S"},
    {"2.5.4.10", "O"},
    {"2.5.4.11", "OU"},
    {"2.5.4.12", "T"},
    {"2.5.4.42", "G"},
    {"2.5.4.43", "I"},
    {"2.5.4.4", "SN"},
    {"2.5.4.9", "STREET"},
    {"2.5.4.5", "SERIALNUMBER"},
    {"1.2.840.113549.1.9.1", "E"},
    {"0.9.2342.19200300.100.1.25", "DC"},
    {"2.5.4.17", "PostalCode"},
    {"2.5.4.18", "POBox"},
    {"2.5.4.20", "Phone"},
    {"2.5.4.13", "Description"},
    {"2.5.4.46", "dnQualifier"},
    {"2.5.4.24", "X21Address"},
}};

[[nodiscard]] inline std::string attribute_label(std::string_view oid) {
    for (auto const& e : x500_attribute_names)
        if (e.oid == oid) return std::string(e.name);
    return "OID." + std::string(oid);
}

[[nodiscard]] inline bool quotable_space(char c) noexcept { return c == ' ' || (c >= 0x09 && c <= 0x0D); }

[[nodiscard]] inline bool needs_quoting(std::string_view v) noexcept {
    if (v.empty() || quotable_space(v.front()) || quotable_space(v.back())) return true;
    return v.find_first_of(",+=\"\n<>#;") != std::string_view::npos;
}

inline void append_value(std::string& out, name_attribute const& a) {
    if (!a.binary && needs_quoting(a.value)) {
        out += '"';
        for (char c : a.value) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    } else {
        out += a.value;
    }
}

} // namespace detail

/// Parses a DER Name (SEQUENCE OF SET OF AttributeTypeAndValue); nullopt when malformed.
[[nodiscard]] inline std::optional<std::vector<name_attribute>> parse_name(byte_view name_der) {
    byte_view in = name_der;
    auto seq = der::read(in, der::tag::sequence);
    if (!seq || !in.empty()) return std::nullopt;
    std::vector<name_attribute> out;
    byte_view rdns = seq->content;
    std::size_t index = 0;
    while (!rdns.empty()) {
        auto set = der::read(rdns, der::tag::set);
        if (!set || set->content.empty()) return std::nullopt;
        byte_view atvs = set->content;
        while (!atvs.empty()) {
            auto atv = der::read(atvs, der::tag::sequence);
            if (!atv) return std::nullopt;
            byte_view parts = atv->content;
            auto type = der::read(parts, der::tag::oid);
            if (!type) return std::nullopt;
            auto oid = der::oid_to_string(type->content);
            if (!oid) return std::nullopt;
            auto value = der::read(parts);
            if (!value || !parts.empty()) return std::nullopt;
            name_attribute a;
            a.oid = std::move(*oid);
            a.rdn = index;
            if (auto text = der::decode_text(value->tag, value->content);
                text && value->tag != der::tag::visible_string) {
                while (!text->empty() && text->back() == '\0') text->pop_back();
                a.value = std::move(*text);
            } else {
                a.binary = true;
                a.value = "#" + to_hex(value->tag == der::tag::octet_string ? value->content : value->whole);
            }
            out.push_back(std::move(a));
        }
        ++index;
    }
    return out;
}

/// `X500DistinguishedName.Name` as .NET prints it; "" for a malformed name (as .NET does).
[[nodiscard]] inline std::string dotnet_name(byte_view name_der) {
    auto attrs = parse_name(name_der);
    if (!attrs || attrs->empty()) return {};
    std::string out;
    std::size_t rdn_count = attrs->back().rdn + 1;
    for (std::size_t r = rdn_count; r-- > 0;) {
        if (r + 1 != rdn_count) out += ", ";
        bool first = true;
        for (auto const& a : *attrs) {
            if (a.rdn != r) continue;
            if (!first) out += " + ";
            first = false;
            out += detail::attribute_label(a.oid);
            out += '=';
            detail::append_value(out, a);
        }
    }
    return out;
}

/// Values only, in encoding order, ", "-separated: the string FindBySubjectName searches.
[[nodiscard]] inline std::string simple_name_string(byte_view name_der) {
    auto attrs = parse_name(name_der);
    if (!attrs) return {};
    std::string out;
    std::size_t last_rdn = static_cast<std::size_t>(-1);
    for (auto const& a : *attrs) {
        if (last_rdn != static_cast<std::size_t>(-1)) out += (a.rdn == last_rdn) ? " + " : ", ";
        last_rdn = a.rdn;
        detail::append_value(out, a);
    }
    return out;
}

/// The most specific (last encoded) value of an attribute, e.g. the CN; nullopt when absent.
[[nodiscard]] inline std::optional<std::string> name_attribute_value(byte_view name_der, std::string_view oid) {
    auto attrs = parse_name(name_der);
    if (!attrs) return std::nullopt;
    for (auto it = attrs->rbegin(); it != attrs->rend(); ++it)
        if (it->oid == oid && !it->binary) return it->value;
    return std::nullopt;
}

inline constexpr std::string_view oid_common_name = "2.5.4.3";

} // namespace wsbind::crypto

#endif
