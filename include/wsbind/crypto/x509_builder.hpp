// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_X509_BUILDER_HPP
#define WSBIND_CRYPTO_X509_BUILDER_HPP

/// \file
/// Issuing X.509 v3 certificates and v2 CRLs over any crypto backend — for tests, demos and the
/// `wsbind-store demo-pki` command, not for running a CA. The to-be-signed structures are encoded
/// here (DER), the backend signs them (RSA PKCS#1 v1.5) and then parses the result, so every
/// certificate issued has passed the backend's own parser.

#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/detail/der.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wsbind::crypto {

/// What to put into a certificate.
struct certificate_request {
    /// Subject attributes in encoding order (most general first), by short name (C, S, L, O, OU,
    /// CN, E, DC, SERIALNUMBER) or dotted OID: {{"C","US"},{"O","Contoso"},{"CN","Contoso.com"}}.
    std::vector<std::pair<std::string, std::string>> subject;
    bytes serial = {0x01};                      ///< big-endian magnitude
    std::chrono::sys_seconds not_before{};
    std::chrono::sys_seconds not_after{};
    bool is_ca = false;                         ///< basicConstraints (critical) cA
    std::optional<int> path_length;
    std::optional<std::uint16_t> key_usage;     ///< X509KeyUsageFlags (see certificate_info.hpp); critical
    std::vector<std::string> extended_key_usage;
    std::vector<std::string> dns_names;         ///< subjectAltName dNSName
    std::vector<std::string> crl_distribution_points; ///< URIs
    std::vector<std::string> certificate_policies;    ///< policy OIDs
    std::optional<std::string> template_name;   ///< Microsoft V1 template name extension
    std::optional<std::string> template_oid;    ///< Microsoft V2 template information extension
    digest_algorithm signature_digest = digest_algorithm::sha256;
};

/// What to put into a CRL.
struct crl_request {
    std::chrono::sys_seconds this_update{};
    std::chrono::sys_seconds next_update{};
    std::vector<std::pair<bytes, std::chrono::sys_seconds>> revoked; ///< serial, revocation date
    std::uint64_t crl_number = 1;
    digest_algorithm signature_digest = digest_algorithm::sha256;
};

namespace detail {

[[nodiscard]] inline result<std::string> attribute_oid(std::string const& name) {
    static constexpr std::pair<std::string_view, std::string_view> table[] = {
        {"CN", "2.5.4.3"}, {"C", "2.5.4.6"}, {"L", "2.5.4.7"}, {"S", "2.5.4.8"}, {"ST", "2.5.4.8"}, {"O", "2.5.4.10"},
        {"OU", "2.5.4.11"}, {"T", "2.5.4.12"}, {"G", "2.5.4.42"}, {"SN", "2.5.4.4"}, {"STREET", "2.5.4.9"},
        {"SERIALNUMBER", "2.5.4.5"}, {"E", "1.2.840.113549.1.9.1"}, {"DC", "0.9.2342.19200300.100.1.25"}};
    for (auto const& [n, o] : table)
        if (n == name) return std::string(o);
    if (der::oid_from_string(name)) return name;
    return make_error(errc::invalid_argument, "certificate request: unknown attribute '" + name + "'");
}

[[nodiscard]] inline bool printable(std::string_view s) noexcept {
    for (char c : s) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  std::string_view(" '()+,-./:=?").find(c) != std::string_view::npos;
        if (!ok) return false;
    }
    return true;
}

[[nodiscard]] inline result<bytes> encode_name(std::vector<std::pair<std::string, std::string>> const& attrs) {
    bytes rdns;
    for (auto const& [name, value] : attrs) {
        auto oid = attribute_oid(name);
        if (!oid) return oid.err();
        bytes v;
        if (*oid == "1.2.840.113549.1.9.1" || *oid == "0.9.2342.19200300.100.1.25") v = der::ia5_string(value);
        else if (*oid == "2.5.4.6" || printable(value)) v = der::printable_string(value);
        else v = der::utf8_string(value);
        der::append(rdns, der::tag::set, der::sequence(der::oid(*oid), v));
    }
    return der::make(der::tag::sequence, rdns);
}

[[nodiscard]] inline std::string_view signature_oid(digest_algorithm d) noexcept {
    switch (d) {
    case digest_algorithm::sha1: return "1.2.840.113549.1.1.5";
    case digest_algorithm::sha256: return "1.2.840.113549.1.1.11";
    case digest_algorithm::sha384: return "1.2.840.113549.1.1.12";
    case digest_algorithm::sha512: return "1.2.840.113549.1.1.13";
    }
    return "";
}

[[nodiscard]] inline bytes extension(std::string_view oid, bool critical, bytes const& value) {
    if (critical) return der::sequence(der::oid(oid), der::boolean(true), der::octet_string(value));
    return der::sequence(der::oid(oid), der::octet_string(value));
}

/// RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING value.
template <crypto_backend B>
[[nodiscard]] result<bytes> key_identifier(B const& b, byte_view spki) {
    byte_view in = spki;
    auto seq = der::read(in, der::tag::sequence);
    if (!seq) return make_error(errc::malformed_input, "SubjectPublicKeyInfo is malformed");
    byte_view body = seq->content;
    (void)der::read(body, der::tag::sequence);
    auto key = der::read(body, der::tag::bit_string);
    if (!key || key->content.empty()) return make_error(errc::malformed_input, "SubjectPublicKeyInfo is malformed");
    return b.digest(digest_algorithm::sha1, key->content.subspan(1));
}

} // namespace detail

/// Issues a certificate for `subject_key`, signed by `issuer_key`. With `issuer` empty the
/// certificate is self-signed (issuer name = subject name, AKI = own SKI).
template <crypto_backend B>
[[nodiscard]] result<typename B::certificate> issue_certificate(B const& b, certificate_request const& req, typename B::public_key const& subject_key,
                                                                typename B::private_key const& issuer_key,
                                                                typename B::certificate const* issuer = nullptr) {
    auto subject = detail::encode_name(req.subject);
    if (!subject) return subject.err();
    bytes spki = b.public_key_spki(subject_key);
    auto ski = detail::key_identifier(b, spki);
    if (!ski) return ski.err();
    bytes issuer_name = issuer ? b.info(*issuer).issuer_der : *subject;
    if (issuer) issuer_name = b.info(*issuer).subject_der;
    bytes aki = *ski;
    if (issuer) {
        auto const& ii = b.info(*issuer);
        if (ii.subject_key_identifier) aki = *ii.subject_key_identifier;
        else {
            auto k = detail::key_identifier(b, ii.spki);
            if (!k) return k.err();
            aki = *k;
        }
    }
    bytes exts;
    {
        bytes bc = req.is_ca ? (req.path_length ? der::sequence(der::boolean(true), der::integer(static_cast<std::uint64_t>(*req.path_length)))
                                                : der::sequence(der::boolean(true)))
                             : der::sequence();
        exts = detail::extension(oids::basic_constraints, true, bc);
    }
    if (req.key_usage) {
        std::uint16_t ku = *req.key_usage;
        bytes bits;
        if (ku & 0x8000) bits = {static_cast<std::uint8_t>(ku & 0xFF), 0x80};
        else if (ku & 0xFF) bits = {static_cast<std::uint8_t>(ku & 0xFF)};
        // DER: unused bits = trailing zero bits of the last byte
        std::uint8_t unused = 0;
        if (!bits.empty()) {
            std::uint8_t last = bits.back();
            while (unused < 7 && (last & (1u << unused)) == 0) ++unused;
        }
        bytes content{unused};
        content.insert(content.end(), bits.begin(), bits.end());
        auto enc = der::concat(exts, detail::extension(oids::key_usage, true, der::make(der::tag::bit_string, content)));
        exts = std::move(enc);
    }
    if (!req.extended_key_usage.empty()) {
        bytes list;
        for (auto const& o : req.extended_key_usage) {
            if (!der::oid_from_string(o)) return make_error(errc::invalid_argument, "certificate request: bad EKU OID '" + o + "'");
            auto e = der::oid(o);
            list.insert(list.end(), e.begin(), e.end());
        }
        auto e = detail::extension(oids::extended_key_usage, false, der::make(der::tag::sequence, list));
        exts.insert(exts.end(), e.begin(), e.end());
    }
    if (!req.dns_names.empty()) {
        bytes names;
        for (auto const& n : req.dns_names) der::append(names, 0x82, as_bytes(n));
        auto e = detail::extension(oids::subject_alt_name, false, der::make(der::tag::sequence, names));
        exts.insert(exts.end(), e.begin(), e.end());
    }
    {
        auto e = detail::extension(oids::subject_key_identifier, false, der::octet_string(*ski));
        exts.insert(exts.end(), e.begin(), e.end());
        bytes kid;
        der::append(kid, 0x80, aki);
        auto a = detail::extension(oids::authority_key_identifier, false, der::make(der::tag::sequence, kid));
        exts.insert(exts.end(), a.begin(), a.end());
    }
    if (!req.crl_distribution_points.empty()) {
        bytes dps;
        for (auto const& uri : req.crl_distribution_points) {
            bytes gn;
            der::append(gn, 0x86, as_bytes(uri));
            bytes full = der::make(der::tag::context(0), gn);
            bytes dpn = der::make(der::tag::context(0), full);
            der::append(dps, der::tag::sequence, dpn);
        }
        auto e = detail::extension(oids::crl_distribution_points, false, der::make(der::tag::sequence, dps));
        exts.insert(exts.end(), e.begin(), e.end());
    }
    if (!req.certificate_policies.empty()) {
        bytes pis;
        for (auto const& p : req.certificate_policies) {
            if (!der::oid_from_string(p)) return make_error(errc::invalid_argument, "certificate request: bad policy OID '" + p + "'");
            der::append(pis, der::tag::sequence, der::oid(p));
        }
        auto e = detail::extension(oids::certificate_policies, false, der::make(der::tag::sequence, pis));
        exts.insert(exts.end(), e.begin(), e.end());
    }
    if (req.template_name) {
        auto e = detail::extension(oids::template_name_v1, false, der::bmp_string(*req.template_name));
        exts.insert(exts.end(), e.begin(), e.end());
    }
    if (req.template_oid) {
        if (!der::oid_from_string(*req.template_oid)) return make_error(errc::invalid_argument, "certificate request: bad template OID");
        auto e = detail::extension(oids::template_info_v2, false,
                                   der::sequence(der::oid(*req.template_oid), der::integer(std::uint64_t{100}), der::integer(std::uint64_t{0})));
        exts.insert(exts.end(), e.begin(), e.end());
    }
    bytes sig_alg = der::sequence(der::oid(detail::signature_oid(req.signature_digest)), der::null());
    bytes tbs = der::sequence(der::make(der::tag::context(0), der::integer(std::uint64_t{2})), der::integer(req.serial), sig_alg, issuer_name,
                              der::sequence(der::time(req.not_before), der::time(req.not_after)), *subject, spki,
                              der::make(der::tag::context(3), der::make(der::tag::sequence, exts)));
    auto sig = b.rsa_sign(issuer_key, req.signature_digest, tbs);
    if (!sig) return sig.err();
    bytes cert = der::sequence(tbs, sig_alg, der::bit_string(*sig));
    return b.load_certificate(cert);
}

/// Issues a v2 CRL signed by `issuer_key` for `issuer`.
template <crypto_backend B>
[[nodiscard]] result<typename B::crl> issue_crl(B const& b, crl_request const& req, typename B::certificate const& issuer,
                                                typename B::private_key const& issuer_key) {
    auto const& ii = b.info(issuer);
    bytes aki;
    if (ii.subject_key_identifier) aki = *ii.subject_key_identifier;
    else {
        auto k = detail::key_identifier(b, ii.spki);
        if (!k) return k.err();
        aki = *k;
    }
    bytes sig_alg = der::sequence(der::oid(detail::signature_oid(req.signature_digest)), der::null());
    bytes revoked;
    for (auto const& [serial, when] : req.revoked) der::append(revoked, der::tag::sequence, der::concat(der::integer(serial), der::time(when)));
    bytes kid;
    der::append(kid, 0x80, aki);
    bytes exts = der::concat(detail::extension(oids::authority_key_identifier, false, der::make(der::tag::sequence, kid)),
                             detail::extension(oids::crl_number, false, der::integer(req.crl_number)));
    bytes tbs_content = der::concat(der::integer(std::uint64_t{1}), sig_alg, ii.subject_der, der::time(req.this_update), der::time(req.next_update));
    if (!req.revoked.empty()) der::append(tbs_content, der::tag::sequence, revoked);
    der::append(tbs_content, der::tag::context(0), der::make(der::tag::sequence, exts));
    bytes tbs = der::make(der::tag::sequence, tbs_content);
    auto sig = b.rsa_sign(issuer_key, req.signature_digest, tbs);
    if (!sig) return sig.err();
    return b.load_crl(der::sequence(tbs, sig_alg, der::bit_string(*sig)));
}

} // namespace wsbind::crypto

#endif
