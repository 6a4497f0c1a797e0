// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_CERTIFICATE_INFO_HPP
#define WSBIND_CRYPTO_CERTIFICATE_INFO_HPP

/// \file
/// `certificate_info`: the fields of an X.509 certificate that WCF looks at, in .NET's forms (std only).
///
/// Division of labour: a backend (OpenSSL or Botan) parses and validates the certificate with its
/// library, computes the SHA-1 thumbprint, then calls `detail::decode_certificate_info`, which reads
/// the fields below from the DER with the shared bounds-checked reader. Both backends therefore
/// produce byte-identical infos for the same certificate, and the .NET string forms live in one place.

#include <wsbind/crypto/detail/der.hpp>
#include <wsbind/crypto/x509_name.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wsbind::crypto {

/// .NET's X509KeyUsageFlags values (bit i of the KeyUsage BIT STRING's first byte is 0x80 >> i;
/// decipherOnly is 0x8000).
namespace key_usage {
inline constexpr std::uint16_t encipher_only = 0x0001;
inline constexpr std::uint16_t crl_sign = 0x0002;
inline constexpr std::uint16_t key_cert_sign = 0x0004;
inline constexpr std::uint16_t key_agreement = 0x0008;
inline constexpr std::uint16_t data_encipherment = 0x0010;
inline constexpr std::uint16_t key_encipherment = 0x0020;
inline constexpr std::uint16_t non_repudiation = 0x0040;
inline constexpr std::uint16_t digital_signature = 0x0080;
inline constexpr std::uint16_t decipher_only = 0x8000;
} // namespace key_usage

/// Well-known OIDs.
namespace oids {
inline constexpr std::string_view subject_key_identifier = "2.5.29.14";
inline constexpr std::string_view key_usage = "2.5.29.15";
inline constexpr std::string_view subject_alt_name = "2.5.29.17";
inline constexpr std::string_view basic_constraints = "2.5.29.19";
inline constexpr std::string_view crl_number = "2.5.29.20";
inline constexpr std::string_view crl_distribution_points = "2.5.29.31";
inline constexpr std::string_view certificate_policies = "2.5.29.32";
inline constexpr std::string_view authority_key_identifier = "2.5.29.35";
inline constexpr std::string_view extended_key_usage = "2.5.29.37";
inline constexpr std::string_view any_extended_key_usage = "2.5.29.37.0";
inline constexpr std::string_view server_auth = "1.3.6.1.5.5.7.3.1";
inline constexpr std::string_view client_auth = "1.3.6.1.5.5.7.3.2";
inline constexpr std::string_view template_name_v1 = "1.3.6.1.4.1.311.20.2";  ///< szOID_ENROLL_CERTTYPE_EXTENSION (BMPString name)
inline constexpr std::string_view template_info_v2 = "1.3.6.1.4.1.311.21.7";  ///< szOID_CERTIFICATE_TEMPLATE (templateID OID + versions)
inline constexpr std::string_view rsa_encryption = "1.2.840.113549.1.1.1";
inline constexpr std::string_view sha256_with_rsa = "1.2.840.113549.1.1.11";
} // namespace oids

/// One extension as encoded.
struct x509_extension {
    std::string oid;
    bool critical = false;
    bytes value; ///< the content of extnValue (the DER of the extension's own structure)
};

/// The fields of a certificate, in .NET's forms where .NET has one.
struct certificate_info {
    bytes der;                       ///< the whole certificate
    int version = 1;                 ///< 1, 2 or 3
    bytes serial;                    ///< INTEGER content octets, big-endian, as encoded
    std::string serial_number;       ///< X509Certificate2.SerialNumber: uppercase hex of `serial`
    bytes subject_der, issuer_der;   ///< the Names as encoded
    std::string subject, issuer;     ///< X500DistinguishedName.Name (see x509_name.hpp)
    std::string subject_simple_names;///< values only, encoding order (FindBySubjectName)
    std::string issuer_simple_names; ///< same for the issuer (FindByIssuerName)
    std::optional<std::string> common_name; ///< most specific CN of the subject
    std::chrono::sys_seconds not_before{}, not_after{};
    bytes thumbprint;                ///< SHA-1 of `der` (X509Certificate2.GetCertHash())
    std::string thumbprint_hex;      ///< X509Certificate2.Thumbprint: uppercase hex
    bytes spki;                      ///< SubjectPublicKeyInfo as encoded
    std::string public_key_oid;      ///< algorithm OID of the subject public key
    bytes rsa_modulus, rsa_exponent; ///< big-endian magnitudes when the key is RSA
    std::string signature_oid;       ///< certificate signature algorithm OID
    std::optional<bytes> subject_key_identifier;        ///< the key identifier octets
    std::optional<bytes> subject_key_identifier_raw;    ///< the extension's encoded value (04 len id)
    std::optional<bytes> authority_key_identifier;      ///< keyIdentifier of the AKI extension
    std::optional<std::uint16_t> key_usage;             ///< X509KeyUsageFlags; nullopt when no extension
    std::optional<std::vector<std::string>> extended_key_usage; ///< EKU OIDs; nullopt when no extension
    std::vector<std::string> dns_names;                 ///< subjectAltName dNSName entries, in order
    std::vector<std::string> san_uris, san_emails;
    std::optional<std::string> template_name;           ///< V1 template name (1.3.6.1.4.1.311.20.2)
    std::optional<std::string> template_oid;            ///< V2 templateID (1.3.6.1.4.1.311.21.7)
    std::vector<std::string> certificate_policies;      ///< policy OIDs
    std::vector<std::string> crl_distribution_points;   ///< fullName URIs
    bool is_ca = false;                                  ///< basicConstraints cA
    std::optional<int> path_length;
    std::vector<x509_extension> extensions;             ///< every extension, in order
    std::vector<std::string> warnings;                  ///< extensions that could not be decoded

    /// Subject and issuer are the same name (a root or another self-issued certificate).
    [[nodiscard]] bool self_issued() const noexcept { return subject_der == issuer_der; }
    [[nodiscard]] bool has_extension(std::string_view oid) const noexcept {
        for (auto const& e : extensions)
            if (e.oid == oid) return true;
        return false;
    }
    /// RSA key size in bits (0 when the key is not RSA).
    [[nodiscard]] std::size_t rsa_bits() const noexcept {
        std::size_t i = 0;
        while (i < rsa_modulus.size() && rsa_modulus[i] == 0) ++i;
        if (i == rsa_modulus.size()) return 0;
        std::size_t bits = (rsa_modulus.size() - i) * 8;
        for (std::uint8_t top = rsa_modulus[i]; (top & 0x80) == 0; top = static_cast<std::uint8_t>(top << 1)) --bits;
        return bits;
    }
};

namespace detail {

[[nodiscard]] inline bytes strip_integer(byte_view c) {
    std::size_t i = 0;
    while (i + 1 < c.size() && c[i] == 0) ++i;
    return bytes(c.begin() + static_cast<std::ptrdiff_t>(i), c.end());
}

/// RSAPublicKey from a SubjectPublicKeyInfo; false when not RSA or malformed.
inline bool decode_rsa_spki(byte_view spki, std::string& alg_oid, bytes& n, bytes& e) {
    byte_view in = spki;
    auto seq = der::read(in, der::tag::sequence);
    if (!seq) return false;
    byte_view body = seq->content;
    auto alg = der::read(body, der::tag::sequence);
    auto key = der::read(body, der::tag::bit_string);
    if (!alg || !key || key->content.empty()) return false;
    byte_view a = alg->content;
    auto o = der::read(a, der::tag::oid);
    if (!o) return false;
    auto s = der::oid_to_string(o->content);
    if (!s) return false;
    alg_oid = *s;
    if (alg_oid != oids::rsa_encryption) return true;
    byte_view k = key->content.subspan(1);
    auto rsa = der::read(k, der::tag::sequence);
    if (!rsa) return false;
    byte_view r = rsa->content;
    auto mod = der::read(r, der::tag::integer);
    auto exp = der::read(r, der::tag::integer);
    if (!mod || !exp) return false;
    n = strip_integer(mod->content);
    e = strip_integer(exp->content);
    return true;
}

inline void decode_general_names(byte_view names, certificate_info* info, std::vector<std::string>* uris_only) {
    while (!names.empty()) {
        auto gn = der::read(names);
        if (!gn) throw std::runtime_error("malformed GeneralNames");
        std::string text = to_string(gn->content);
        if (gn->tag == 0x82 && info) info->dns_names.push_back(text);
        else if (gn->tag == 0x86) (uris_only ? *uris_only : info->san_uris).push_back(text);
        else if (gn->tag == 0x81 && info) info->san_emails.push_back(text);
    }
}

inline void decode_extension(certificate_info& info, x509_extension const& ext) {
    byte_view v = ext.value;
    auto bad = [&] { throw std::runtime_error("malformed"); };
    if (ext.oid == oids::key_usage) {
        auto bs = der::read(v, der::tag::bit_string);
        if (!bs || bs->content.empty()) bad();
        std::uint16_t flags = 0;
        if (bs->content.size() > 1) flags |= bs->content[1];
        if (bs->content.size() > 2) flags |= static_cast<std::uint16_t>(bs->content[2] << 8) & 0x8000;
        info.key_usage = flags;
    } else if (ext.oid == oids::extended_key_usage) {
        auto seq = der::read(v, der::tag::sequence);
        if (!seq) bad();
        std::vector<std::string> list;
        byte_view items = seq->content;
        while (!items.empty()) {
            auto o = der::read(items, der::tag::oid);
            if (!o) bad();
            auto s = der::oid_to_string(o->content);
            if (!s) bad();
            list.push_back(*s);
        }
        info.extended_key_usage = std::move(list);
    } else if (ext.oid == oids::subject_alt_name) {
        auto seq = der::read(v, der::tag::sequence);
        if (!seq) bad();
        decode_general_names(seq->content, &info, nullptr);
    } else if (ext.oid == oids::subject_key_identifier) {
        auto os = der::read(v, der::tag::octet_string);
        if (!os) bad();
        info.subject_key_identifier = bytes(os->content.begin(), os->content.end());
        info.subject_key_identifier_raw = ext.value;
    } else if (ext.oid == oids::authority_key_identifier) {
        auto seq = der::read(v, der::tag::sequence);
        if (!seq) bad();
        byte_view items = seq->content;
        if (auto kid = der::read(items, 0x80)) info.authority_key_identifier = bytes(kid->content.begin(), kid->content.end());
    } else if (ext.oid == oids::basic_constraints) {
        auto seq = der::read(v, der::tag::sequence);
        if (!seq) bad();
        byte_view items = seq->content;
        if (auto b = der::read(items, der::tag::boolean)) {
            if (b->content.size() != 1) bad();
            info.is_ca = b->content[0] != 0;
        }
        if (auto n = der::read(items, der::tag::integer)) {
            if (n->content.empty() || n->content.size() > 2 || (n->content[0] & 0x80)) bad();
            int len = 0;
            for (auto b : n->content) len = len * 256 + b;
            info.path_length = len;
        }
    } else if (ext.oid == oids::crl_distribution_points) {
        auto seq = der::read(v, der::tag::sequence);
        if (!seq) bad();
        byte_view dps = seq->content;
        while (!dps.empty()) {
            auto dp = der::read(dps, der::tag::sequence);
            if (!dp) bad();
            byte_view fields = dp->content;
            if (auto dpn = der::read(fields, der::tag::context(0))) {
                byte_view inner = dpn->content;
                if (auto full = der::read(inner, der::tag::context(0)))
                    decode_general_names(full->content, nullptr, &info.crl_distribution_points);
            }
        }
    } else if (ext.oid == oids::certificate_policies) {
        auto seq = der::read(v, der::tag::sequence);
        if (!seq) bad();
        byte_view pis = seq->content;
        while (!pis.empty()) {
            auto pi = der::read(pis, der::tag::sequence);
            if (!pi) bad();
            byte_view f = pi->content;
            auto o = der::read(f, der::tag::oid);
            if (!o) bad();
            auto s = der::oid_to_string(o->content);
            if (!s) bad();
            info.certificate_policies.push_back(*s);
        }
    } else if (ext.oid == oids::template_name_v1) {
        auto t = der::read(v);
        if (!t) bad();
        auto s = der::decode_text(t->tag, t->content);
        if (!s) bad();
        info.template_name = *s;
    } else if (ext.oid == oids::template_info_v2) {
        auto seq = der::read(v, der::tag::sequence);
        if (!seq) bad();
        byte_view f = seq->content;
        auto o = der::read(f, der::tag::oid);
        if (!o) bad();
        auto s = der::oid_to_string(o->content);
        if (!s) bad();
        info.template_oid = *s;
    }
}

/// Fills every field except the thumbprint from the certificate's DER. The caller (a backend)
/// has already had its library accept the certificate; anything this reader cannot follow is
/// reported as an error message rather than guessed.
[[nodiscard]] inline result<certificate_info> decode_certificate_info(byte_view cert_der) {
    auto fail = [](std::string what) {
        return make_error(errc::malformed_input, "X.509 certificate: " + std::move(what));
    };
    certificate_info info;
    info.der.assign(cert_der.begin(), cert_der.end());
    byte_view in = cert_der;
    auto cert = der::read(in, der::tag::sequence);
    if (!cert) return fail("not a DER SEQUENCE");
    byte_view c = cert->content;
    auto tbs = der::read(c, der::tag::sequence);
    if (!tbs) return fail("missing tbsCertificate");
    auto sig_alg = der::read(c, der::tag::sequence);
    if (!sig_alg) return fail("missing signatureAlgorithm");
    {
        byte_view a = sig_alg->content;
        auto o = der::read(a, der::tag::oid);
        if (o) info.signature_oid = der::oid_to_string(o->content).value_or("");
    }
    byte_view t = tbs->content;
    if (auto ver = der::read(t, der::tag::context(0))) {
        byte_view vv = ver->content;
        auto n = der::read(vv, der::tag::integer);
        if (!n || n->content.size() != 1 || n->content[0] > 2) return fail("bad version");
        info.version = n->content[0] + 1;
    }
    auto serial = der::read(t, der::tag::integer);
    if (!serial || serial->content.empty()) return fail("missing serialNumber");
    info.serial.assign(serial->content.begin(), serial->content.end());
    info.serial_number = to_hex(info.serial);
    if (!der::read(t, der::tag::sequence)) return fail("missing signature algorithm in tbsCertificate");
    auto issuer = der::read(t, der::tag::sequence);
    if (!issuer) return fail("missing issuer");
    auto validity = der::read(t, der::tag::sequence);
    if (!validity) return fail("missing validity");
    auto subject = der::read(t, der::tag::sequence);
    if (!subject) return fail("missing subject");
    auto spki = der::read(t, der::tag::sequence);
    if (!spki) return fail("missing subjectPublicKeyInfo");
    {
        byte_view vv = validity->content;
        auto nb = der::read(vv);
        auto na = der::read(vv);
        if (!nb || !na) return fail("malformed validity");
        auto tb = der::decode_time(nb->tag, nb->content);
        auto ta = der::decode_time(na->tag, na->content);
        if (!tb || !ta) return fail("malformed validity time");
        info.not_before = *tb;
        info.not_after = *ta;
    }
    info.issuer_der.assign(issuer->whole.begin(), issuer->whole.end());
    info.subject_der.assign(subject->whole.begin(), subject->whole.end());
    if (!parse_name(info.subject_der)) return fail("malformed subject name");
    if (!parse_name(info.issuer_der)) return fail("malformed issuer name");
    info.subject = dotnet_name(info.subject_der);
    info.issuer = dotnet_name(info.issuer_der);
    info.subject_simple_names = simple_name_string(info.subject_der);
    info.issuer_simple_names = simple_name_string(info.issuer_der);
    info.common_name = name_attribute_value(info.subject_der, oid_common_name);
    info.spki.assign(spki->whole.begin(), spki->whole.end());
    if (!decode_rsa_spki(info.spki, info.public_key_oid, info.rsa_modulus, info.rsa_exponent))
        return fail("malformed subjectPublicKeyInfo");
    (void)der::read(t, 0x81); // issuerUniqueID
    (void)der::read(t, 0x82); // subjectUniqueID
    if (auto exts = der::read(t, der::tag::context(3))) {
        byte_view ev = exts->content;
        auto list = der::read(ev, der::tag::sequence);
        if (!list) return fail("malformed extensions");
        byte_view items = list->content;
        while (!items.empty()) {
            auto e = der::read(items, der::tag::sequence);
            if (!e) return fail("malformed extension");
            byte_view f = e->content;
            auto o = der::read(f, der::tag::oid);
            if (!o) return fail("malformed extension id");
            x509_extension x;
            x.oid = der::oid_to_string(o->content).value_or("");
            if (auto b = der::read(f, der::tag::boolean)) x.critical = !b->content.empty() && b->content[0] != 0;
            auto val = der::read(f, der::tag::octet_string);
            if (!val) return fail("malformed value of extension " + x.oid);
            x.value.assign(val->content.begin(), val->content.end());
            try {
                decode_extension(info, x);
            } catch (std::exception const&) {
                info.warnings.push_back("extension " + x.oid + " could not be decoded");
            }
            info.extensions.push_back(std::move(x));
        }
    }
    return info;
}

} // namespace detail

} // namespace wsbind::crypto

#endif
