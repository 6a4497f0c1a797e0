// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_X509_FIND_HPP
#define WSBIND_CRYPTO_X509_FIND_HPP

/// \file
/// X509FindType semantics as WCF applies them to a store (vendor-neutral, over crypto::certificate_info).
/// Facts: wcf-config-facts.md §3.3 (WCF's X509CertificateStore and X509Certificate2Collection.Find).
///
/// | Find type                        | Compared with                                   | How |
/// |----------------------------------|-------------------------------------------------|-----|
/// | FindByThumbprint                 | SHA-1 of the certificate                        | hex; exact |
/// | FindBySubjectName                | subject values, encoding order ("US, Contoso, Contoso.com") | substring, case-insensitive |
/// | FindBySubjectDistinguishedName   | `Subject` as .NET prints it ("CN=Contoso.com, O=Contoso, C=US") | whole string, case-insensitive |
/// | FindByIssuerName                 | issuer values, encoding order                   | substring, case-insensitive |
/// | FindByIssuerDistinguishedName    | `Issuer` as .NET prints it                      | whole string, case-insensitive |
/// | FindBySerialNumber               | serial as .NET prints it (big-endian octets)    | hex; exact incl. length (a leading 00 counts) |
/// | FindBySubjectKeyIdentifier       | the SKI extension                               | hex; equal to the key identifier or to the extension's encoded value (04 len id) |
/// | FindByTimeValid/NotYetValid/Expired | NotBefore/NotAfter                           | needs a time value; a string is refused (as .NET throws) |
/// | FindByTemplateName               | V1 template name or V2 template OID             | equal, case-insensitive |
/// | FindByApplicationPolicy          | enhanced key usage                              | OID (or friendly name); a certificate without EKU (or with anyExtendedKeyUsage) is valid for every policy |
/// | FindByCertificatePolicy          | certificate policies                            | OID (or friendly name) present |
/// | FindByExtension                  | extensions                                      | OID (or friendly name) present |
/// | FindByKeyUsage                   | key usage                                       | names (comma-separated) or a number; all bits present, or no key-usage extension |
///
/// Hex values (thumbprint, serial, SKI): white space around the value is trimmed, an optional
/// 0x/0X prefix is allowed, and digits are either contiguous or in pairs separated by single
/// spaces (the form the Windows certificate dialog copies). Any other character — typically the
/// invisible U+200E LEFT-TO-RIGHT MARK that comes with a copied thumbprint — is an error that
/// names the character and its position.
/// Case-insensitive comparisons fold ASCII letters only (.NET's OrdinalIgnoreCase also folds other
/// scripts); non-ASCII characters must match exactly.

#include <wsbind/credentials/enums.hpp>
#include <wsbind/crypto/certificate_info.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace wsbind {

/// A find value: config always gives a string; code may pass a time for the time find types.
using x509_find_value = std::variant<std::string, std::chrono::sys_seconds>;

/// A find value parsed for its find type.
struct x509_find_criterion {
    x509_find_type type = x509_find_type::find_by_subject_distinguished_name;
    std::string text;                       ///< the value as given (for messages)
    crypto::bytes octets;                   ///< thumbprint / serial / subject key identifier
    std::string folded;                     ///< ASCII-uppercased text for name comparisons
    std::string oid;                        ///< policy / extension OID
    std::uint16_t key_usage = 0;            ///< X509KeyUsageFlags
    std::chrono::sys_seconds time{};        ///< time find types
};

namespace detail::find {

[[nodiscard]] inline std::string ascii_upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

[[nodiscard]] inline bool ascii_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/// Describes the character at byte `pos` of UTF-8 text: "'x' (U+0078)" or "U+200E".
[[nodiscard]] inline std::string describe_char(std::string_view s, std::size_t pos) {
    auto b = static_cast<unsigned char>(s[pos]);
    std::uint32_t cp = b;
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 1;
    if (n > 1 && pos + n <= s.size()) {
        cp = n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    std::string u(buf);
    if (cp >= 0x21 && cp < 0x7F) return "'" + std::string(1, static_cast<char>(cp)) + "' (" + u + ")";
    if (cp == 0x200E) return u + " (LEFT-TO-RIGHT MARK, often copied along with a thumbprint)";
    if (cp == 0x200F) return u + " (RIGHT-TO-LEFT MARK)";
    if (cp == 0xFEFF) return u + " (BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE)";
    if (cp == 0xA0) return u + " (NO-BREAK SPACE)";
    return u;
}

/// WCF's hex form; error text says what is wrong and what is allowed.
[[nodiscard]] inline crypto::result<crypto::bytes> decode_hex(std::string_view value) {
    std::size_t b = 0, e = value.size();
    while (b < e && ascii_space(value[b])) ++b;
    while (e > b && ascii_space(value[e - 1])) --e;
    std::string_view v = value.substr(b, e - b);
    std::size_t offset = b;
    if (v.size() >= 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) {
        v.remove_prefix(2);
        offset += 2;
    }
    auto allowed = std::string("allowed: hexadecimal digits, contiguous or in pairs separated by single spaces, optionally prefixed with 0x");
    if (v.empty()) return crypto::make_error(crypto::errc::invalid_argument, "the value is empty; " + allowed);
    bool spaced = v.size() > 2 && v[2] == ' ';
    crypto::bytes out;
    std::size_t i = 0;
    while (i < v.size()) {
        for (std::size_t k = 0; k < 2; ++k) {
            if (i + k >= v.size())
                return crypto::make_error(crypto::errc::invalid_argument, "odd number of hexadecimal digits; " + allowed);
            if (crypto::detail::hex_digit_value(v[i + k]) < 0)
                return crypto::make_error(crypto::errc::invalid_argument, "character " + describe_char(v, i + k) + " at position " +
                                                                              std::to_string(offset + i + k + 1) + " is not a hexadecimal digit; " + allowed);
        }
        out.push_back(static_cast<std::uint8_t>(crypto::detail::hex_digit_value(v[i]) << 4 | crypto::detail::hex_digit_value(v[i + 1])));
        i += 2;
        if (spaced && i < v.size()) {
            if (v[i] != ' ')
                return crypto::make_error(crypto::errc::invalid_argument, "character " + describe_char(v, i) + " at position " + std::to_string(offset + i + 1) +
                                                                              " where a single space between byte pairs was expected; " + allowed);
            ++i;
            if (i >= v.size()) return crypto::make_error(crypto::errc::invalid_argument, "trailing separator; " + allowed);
        }
    }
    return out;
}

struct friendly_oid {
    std::string_view name;
    std::string_view oid;
};

/// English friendly names Windows shows for the OIDs WCF users search by.
inline constexpr friendly_oid friendly_oids[] = {
    {"Server Authentication", "1.3.6.1.5.5.7.3.1"},
    {"Client Authentication", "1.3.6.1.5.5.7.3.2"},
    {"Code Signing", "1.3.6.1.5.5.7.3.3"},
    {"Secure Email", "1.3.6.1.5.5.7.3.4"},
    {"Time Stamping", "1.3.6.1.5.5.7.3.8"},
    {"OCSP Signing", "1.3.6.1.5.5.7.3.9"},
    {"Encrypting File System", "1.3.6.1.4.1.311.10.3.4"},
    {"Document Signing", "1.3.6.1.4.1.311.10.3.12"},
    {"Smart Card Logon", "1.3.6.1.4.1.311.20.2.2"},
    {"Any Purpose", "2.5.29.37.0"},
    {"All issuance policies", "2.5.29.32.0"},
    {"Subject Key Identifier", "2.5.29.14"},
    {"Key Usage", "2.5.29.15"},
    {"Subject Alternative Name", "2.5.29.17"},
    {"Basic Constraints", "2.5.29.19"},
    {"CRL Distribution Points", "2.5.29.31"},
    {"Certificate Policies", "2.5.29.32"},
    {"Authority Key Identifier", "2.5.29.35"},
    {"Enhanced Key Usage", "2.5.29.37"},
    {"Authority Information Access", "1.3.6.1.5.5.7.1.1"},
    {"Certificate Template Name", "1.3.6.1.4.1.311.20.2"},
    {"Certificate Template Information", "1.3.6.1.4.1.311.21.7"},
};

[[nodiscard]] inline crypto::result<std::string> oid_or_friendly_name(std::string_view value) {
    std::size_t b = 0, e = value.size();
    while (b < e && ascii_space(value[b])) ++b;
    while (e > b && ascii_space(value[e - 1])) --e;
    std::string_view v = value.substr(b, e - b);
    if (crypto::der::oid_from_string(v)) return std::string(v);
    for (auto const& f : friendly_oids)
        if (ascii_upper(f.name) == ascii_upper(v)) return std::string(f.oid);
    return crypto::make_error(crypto::errc::invalid_argument, "'" + std::string(value) + "' is neither a dotted OID nor a known friendly name");
}

struct key_usage_name {
    std::string_view name;
    std::uint16_t flag;
};
inline constexpr key_usage_name key_usage_names[] = {
    {"EncipherOnly", crypto::key_usage::encipher_only}, {"CrlSign", crypto::key_usage::crl_sign},
    {"KeyCertSign", crypto::key_usage::key_cert_sign}, {"KeyAgreement", crypto::key_usage::key_agreement},
    {"DataEncipherment", crypto::key_usage::data_encipherment}, {"KeyEncipherment", crypto::key_usage::key_encipherment},
    {"NonRepudiation", crypto::key_usage::non_repudiation}, {"DigitalSignature", crypto::key_usage::digital_signature},
    {"DecipherOnly", crypto::key_usage::decipher_only},
};

[[nodiscard]] inline crypto::result<std::uint16_t> parse_key_usage(std::string_view value) {
    std::uint16_t flags = 0;
    std::size_t pos = 0;
    bool any = false;
    while (pos <= value.size()) {
        std::size_t comma = value.find(',', pos);
        std::string_view part = value.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
        std::size_t b = 0, e = part.size();
        while (b < e && ascii_space(part[b])) ++b;
        while (e > b && ascii_space(part[e - 1])) --e;
        part = part.substr(b, e - b);
        if (part.empty()) return crypto::make_error(crypto::errc::invalid_argument, "empty key usage name");
        bool found = false;
        if (part.find_first_not_of("0123456789") == std::string_view::npos && part.size() <= 5) {
            unsigned long n = std::stoul(std::string(part));
            if (n > 0xFFFF) return crypto::make_error(crypto::errc::invalid_argument, "key usage number out of range");
            flags |= static_cast<std::uint16_t>(n);
            found = true;
        }
        for (auto const& k : key_usage_names)
            if (!found && ascii_upper(k.name) == ascii_upper(part)) {
                flags |= k.flag;
                found = true;
            }
        if (!found) {
            std::string names;
            for (auto const& k : key_usage_names) names += (names.empty() ? "" : ", ") + std::string(k.name);
            return crypto::make_error(crypto::errc::invalid_argument, "'" + std::string(part) + "' is not a key usage; allowed: " + names + " (case-insensitive, comma-separated), or a number");
        }
        any = true;
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
    }
    if (!any) return crypto::make_error(crypto::errc::invalid_argument, "no key usage given");
    return flags;
}

[[nodiscard]] inline bool contains_oid(std::vector<std::string> const& list, std::string_view oid) {
    for (auto const& o : list)
        if (o == oid) return true;
    return false;
}

} // namespace detail::find

/// Parses `value` for `type` the way WCF does; the error says which find type, what is wrong and
/// what is allowed (the caller adds the store).
[[nodiscard]] inline crypto::result<x509_find_criterion> parse_find_value(x509_find_type type, x509_find_value const& value) {
    namespace f = detail::find;
    x509_find_criterion c;
    c.type = type;
    auto fail = [&](std::string why) {
        return crypto::make_error(crypto::errc::invalid_argument, std::string(to_string(type)) + " value '" + c.text + "': " + std::move(why));
    };
    bool const is_time_type = type == x509_find_type::find_by_time_valid || type == x509_find_type::find_by_time_not_yet_valid ||
                              type == x509_find_type::find_by_time_expired;
    if (auto const* t = std::get_if<std::chrono::sys_seconds>(&value)) {
        if (!is_time_type)
            return crypto::make_error(crypto::errc::invalid_argument, std::string(to_string(type)) + " needs a string value, not a time");
        c.time = *t;
        c.text = std::to_string(t->time_since_epoch().count()) + " (seconds since 1970)";
        return c;
    }
    c.text = std::get<std::string>(value);
    if (is_time_type)
        return fail("this find type needs a date/time value; a string (such as a configuration findValue) cannot be used — .NET throws "
                    "CryptographicException here too");
    switch (type) {
    case x509_find_type::find_by_thumbprint:
    case x509_find_type::find_by_serial_number:
    case x509_find_type::find_by_subject_key_identifier: {
        auto h = f::decode_hex(c.text);
        if (!h) return fail(h.err().message);
        if (type == x509_find_type::find_by_thumbprint && h->size() != 20)
            return fail("a SHA-1 thumbprint has 20 bytes (40 hexadecimal digits), this has " + std::to_string(h->size()));
        c.octets = std::move(*h);
        return c;
    }
    case x509_find_type::find_by_subject_name:
    case x509_find_type::find_by_issuer_name:
    case x509_find_type::find_by_subject_distinguished_name:
    case x509_find_type::find_by_issuer_distinguished_name:
    case x509_find_type::find_by_template_name:
        c.folded = f::ascii_upper(c.text);
        return c;
    case x509_find_type::find_by_application_policy:
    case x509_find_type::find_by_certificate_policy:
    case x509_find_type::find_by_extension: {
        auto o = f::oid_or_friendly_name(c.text);
        if (!o) return fail(o.err().message);
        c.oid = *o;
        return c;
    }
    case x509_find_type::find_by_key_usage: {
        auto k = f::parse_key_usage(c.text);
        if (!k) return fail(k.err().message);
        c.key_usage = *k;
        return c;
    }
    default: break;
    }
    return fail("unknown find type");
}

/// True when the certificate matches the criterion.
[[nodiscard]] inline bool matches(x509_find_criterion const& c, crypto::certificate_info const& i) {
    namespace f = detail::find;
    switch (c.type) {
    case x509_find_type::find_by_thumbprint: return i.thumbprint == c.octets;
    case x509_find_type::find_by_subject_name: return f::ascii_upper(i.subject_simple_names).find(c.folded) != std::string::npos;
    case x509_find_type::find_by_subject_distinguished_name: return f::ascii_upper(i.subject) == c.folded;
    case x509_find_type::find_by_issuer_name: return f::ascii_upper(i.issuer_simple_names).find(c.folded) != std::string::npos;
    case x509_find_type::find_by_issuer_distinguished_name: return f::ascii_upper(i.issuer) == c.folded;
    case x509_find_type::find_by_serial_number: return i.serial == c.octets;
    case x509_find_type::find_by_subject_key_identifier:
        return (i.subject_key_identifier && *i.subject_key_identifier == c.octets) ||
               (i.subject_key_identifier_raw && *i.subject_key_identifier_raw == c.octets);
    case x509_find_type::find_by_time_valid: return i.not_before <= c.time && c.time <= i.not_after;
    case x509_find_type::find_by_time_not_yet_valid: return c.time < i.not_before;
    case x509_find_type::find_by_time_expired: return c.time > i.not_after;
    case x509_find_type::find_by_template_name:
        return (i.template_name && f::ascii_upper(*i.template_name) == c.folded) || (i.template_oid && *i.template_oid == c.text);
    case x509_find_type::find_by_application_policy:
        return !i.extended_key_usage || f::contains_oid(*i.extended_key_usage, c.oid) ||
               f::contains_oid(*i.extended_key_usage, crypto::oids::any_extended_key_usage);
    case x509_find_type::find_by_certificate_policy: return f::contains_oid(i.certificate_policies, c.oid);
    case x509_find_type::find_by_extension: return i.has_extension(c.oid);
    case x509_find_type::find_by_key_usage: return !i.key_usage || (*i.key_usage & c.key_usage) == c.key_usage;
    }
    return false;
}

} // namespace wsbind

#endif
