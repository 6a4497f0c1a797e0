// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_IDENTITY_CHECK_HPP
#define WSBIND_CRYPTO_IDENTITY_CHECK_HPP

/// \file
/// The check a client makes of an endpoint identity (<wsbind/credentials/endpoint_identity.hpp>)
/// against the service's certificate (WCF's IdentityVerifier with X509CertificateClaimSet claims),
/// and the parsing of the Base64 / XML identity values.
///
///  - `<dns value>`: the service certificate's DNS claims are every subjectAltName dNSName plus
///    GetNameInfo(DnsName) — the first dNSName, or the subject CN when there is none (facts:
///    X509CertificateClaimSet.GetDnsClaims, .NET 4.6.1+ behaviour). DNS names compare
///    case-insensitively (ASCII); no wildcard matching.
///  - `<certificate encodedValue>`: Base64 of one certificate or of a PKCS#7 (degenerate SignedData)
///    collection, whose first certificate is the identity; matches when the service certificate is
///    that certificate.
///  - `<certificateReference>`: looked up in a store with the FIRST match (no uniqueness check,
///    wcf-config-facts.md §4.5); no match is an error (UnableToLoadCertificateIdentity); then as
///    `<certificate>`.
///  - `<rsa value>`: an RSA public key in .NET's XML form (`<RSAKeyValue><Modulus>…</Modulus>
///    <Exponent>…</Exponent></RSAKeyValue>`); matches when the certificate's key is that key.
///  - `<userPrincipalName>`, `<servicePrincipalName>`: Windows (Kerberos) identities; a certificate
///    cannot satisfy them, and the check says so.
///  - no `<identity>`: WCF expects a DNS identity equal to the host of the endpoint address.

#include <wsbind/credentials/endpoint_identity.hpp>
#include <wsbind/credentials/errors.hpp>
#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/detail/der.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_store.hpp>

#include <algorithm>
#include <iterator>
#include <optional>
#include <type_traits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace wsbind {

namespace detail::identity {

/// id-signedData (PKCS#7 / CMS), DER content octets of 1.2.840.113549.1.7.2.
inline constexpr std::uint8_t signed_data_oid[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02};

/// The certificates of a DER ContentInfo holding SignedData, in encoded order; an error text
/// when `der` is such a ContentInfo but malformed; nullopt when `der` is not a ContentInfo.
[[nodiscard]] inline std::optional<crypto::result<std::vector<crypto::bytes>>> pkcs7_certificates(crypto::byte_view der) {
    namespace d = crypto::der;
    auto in = der;
    auto info = d::read(in, d::tag::sequence);
    if (!info) return std::nullopt;
    auto body = info->content;
    auto type = d::read(body, d::tag::oid);
    if (!type) return std::nullopt; // a certificate starts with a SEQUENCE (tbsCertificate), not an OID
    auto fail = [](std::string why) -> crypto::result<std::vector<crypto::bytes>> {
        return crypto::make_error(crypto::errc::malformed_input, "<certificate encodedValue>: " + why + " (unable to load the certificate identity)");
    };
    if (!std::equal(type->content.begin(), type->content.end(), std::begin(signed_data_oid), std::end(signed_data_oid)))
        return fail("a PKCS#7 ContentInfo of type " + d::oid_to_string(type->content).value_or("?") + ", not signedData (1.2.840.113549.1.7.2)");
    auto explicit0 = d::read(body, d::tag::context(0));
    auto inner = explicit0 ? explicit0->content : crypto::byte_view{};
    auto signed_data = explicit0 ? d::read(inner, d::tag::sequence) : std::nullopt;
    if (!signed_data || !in.empty())
        return fail("a PKCS#7 signedData that is not DER (indefinite lengths are not supported) or is truncated");
    auto sd = signed_data->content;
    auto version = d::read(sd, d::tag::integer);
    auto digests = version ? d::read(sd, d::tag::set) : std::nullopt;
    auto content = digests ? d::read(sd, d::tag::sequence) : std::nullopt;
    if (!content) return fail("a PKCS#7 signedData without version, digestAlgorithms and contentInfo");
    std::vector<crypto::bytes> out;
    if (d::peek_tag(sd) == d::tag::context(0)) { // certificates [0] IMPLICIT SET OF CertificateChoices
        auto certs = d::read(sd);
        if (!certs) return fail("a PKCS#7 certificate set that does not parse");
        auto list = certs->content;
        while (!list.empty()) {
            auto c = d::read(list);
            if (!c) return fail("a PKCS#7 certificate set that does not parse");
            if (c->tag == d::tag::sequence) out.emplace_back(c->whole.begin(), c->whole.end()); // other choices (attribute certificates) are skipped
        }
    }
    if (out.empty()) return fail("a PKCS#7 collection without certificates");
    return out;
}

} // namespace detail::identity

/// The certificates of a `<certificate encodedValue>` (X509CertificateEndpointIdentity imports it
/// as a collection): one DER certificate, or a PKCS#7 degenerate SignedData (`.p7b`) — the
/// first certificate in encoded order is the identity, the others are supporting certificates.
/// Errors are WCF's UnableToLoadCertificateIdentity cases: not Base64, an empty collection, a
/// malformed PKCS#7. A single certificate is not parsed here (loading it with a backend does).
[[nodiscard]] inline crypto::result<std::vector<crypto::bytes>> decode_certificate_identity_collection(certificate_identity const& id) {
    auto der = crypto::base64_decode(id.encoded_value);
    if (!der || der->empty())
        return crypto::make_error(crypto::errc::malformed_input, "<certificate encodedValue>: not valid Base64 (unable to load the certificate identity)");
    if (auto p7 = detail::identity::pkcs7_certificates(*der)) return std::move(*p7);
    return std::vector<crypto::bytes>{std::move(*der)};
}

/// The DER of the identity certificate of a `<certificate encodedValue>` (the first of a PKCS#7
/// collection).
[[nodiscard]] inline crypto::result<crypto::bytes> decode_certificate_identity(certificate_identity const& id) {
    auto all = decode_certificate_identity_collection(id);
    if (!all) return all.err();
    return std::move(all->front());
}

/// Modulus and exponent (big-endian, no leading zeros) of an `<rsa value>` in .NET's RSAKeyValue XML.
struct rsa_public_numbers {
    crypto::bytes modulus, exponent;
};
[[nodiscard]] inline crypto::result<rsa_public_numbers> decode_rsa_identity(rsa_identity const& id) {
    std::string_view xml = id.value;
    auto element = [&](std::string_view name) -> std::optional<std::string_view> {
        std::string open = "<" + std::string(name) + ">", close = "</" + std::string(name) + ">";
        auto b = xml.find(open);
        if (b == std::string_view::npos) return std::nullopt;
        b += open.size();
        auto e = xml.find(close, b);
        if (e == std::string_view::npos) return std::nullopt;
        return xml.substr(b, e - b);
    };
    if (xml.find("<RSAKeyValue") == std::string_view::npos)
        return crypto::make_error(crypto::errc::malformed_input, "<rsa value>: expected an <RSAKeyValue> element");
    auto m = element("Modulus"), e = element("Exponent");
    if (!m || !e) return crypto::make_error(crypto::errc::malformed_input, "<rsa value>: <RSAKeyValue> needs <Modulus> and <Exponent>");
    auto mb = crypto::base64_decode(*m), eb = crypto::base64_decode(*e);
    if (!mb || mb->empty()) return crypto::make_error(crypto::errc::malformed_input, "<rsa value>: <Modulus> is not valid Base64");
    if (!eb || eb->empty()) return crypto::make_error(crypto::errc::malformed_input, "<rsa value>: <Exponent> is not valid Base64");
    return rsa_public_numbers{crypto::detail::strip_integer(*mb), crypto::detail::strip_integer(*eb)};
}

/// The DNS claims of a certificate, in order, without duplicates (case-insensitive).
[[nodiscard]] inline std::vector<std::string> dns_claims(crypto::certificate_info const& info) {
    std::vector<std::string> out;
    auto add = [&](std::string const& v) {
        for (auto const& o : out)
            if (detail::find::ascii_upper(o) == detail::find::ascii_upper(v)) return;
        out.push_back(v);
    };
    if (!info.dns_names.empty()) add(info.dns_names.front());
    else if (info.common_name) add(*info.common_name);
    for (auto const& d : info.dns_names) add(d);
    return out;
}

/// The outcome of an identity check.
struct identity_check_result {
    bool ok = false;
    std::string message;
};

namespace detail::identity {
[[nodiscard]] inline std::string describe(endpoint_identity const& id) {
    return std::visit(
        [](auto const& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, dns_identity>) return "DNS identity '" + v.value + "'";
            else if constexpr (std::is_same_v<T, user_principal_name_identity>) return "UPN identity '" + v.value + "'";
            else if constexpr (std::is_same_v<T, service_principal_name_identity>) return "SPN identity '" + v.value + "'";
            else if constexpr (std::is_same_v<T, certificate_identity>) return "certificate identity";
            else if constexpr (std::is_same_v<T, certificate_reference_identity>)
                return "certificateReference identity (" + std::string(to_string(v.location)) + "\\" + std::string(to_string(v.name)) + ", " +
                       std::string(to_string(v.find_type)) + " '" + v.find_value + "')";
            else return "RSA identity";
        },
        id);
}
} // namespace detail::identity

/// Checks the service's certificate against the expected identity. `stores` is needed only for
/// certificateReference identities.
template <crypto_backend Backend>
[[nodiscard]] identity_check_result check_identity(Backend const& b, endpoint_identity const& expected, typename Backend::certificate const& service_certificate,
                                                   std::type_identity_t<x509_stores<Backend>> const* stores = nullptr) {
    auto const& info = b.info(service_certificate);
    std::string const who = info.subject + " [" + info.thumbprint_hex + "]";
    auto fail = [&](std::string why) {
        return identity_check_result{false, "Identity check failed for the service certificate " + who + ": the expected " +
                                                detail::identity::describe(expected) + " " + std::move(why)};
    };
    auto same_certificate = [&](crypto::byte_view der) -> identity_check_result {
        auto c = b.load_certificate(der);
        if (!c) return fail("could not be loaded: " + c.err().message);
        if (b.info(*c).der == info.der) return {true, {}};
        return fail("is the certificate " + b.info(*c).subject + " [" + b.info(*c).thumbprint_hex + "], not this one");
    };
    if (auto const* d = std::get_if<dns_identity>(&expected)) {
        auto claims = dns_claims(info);
        for (auto const& c : claims)
            if (detail::find::ascii_upper(c) == detail::find::ascii_upper(d->value)) return {true, {}};
        std::string list;
        for (auto const& c : claims) list += (list.empty() ? "" : ", ") + c;
        return fail("is not among its DNS names (" + (list.empty() ? std::string("none") : list) + ")");
    }
    if (std::holds_alternative<user_principal_name_identity>(expected) || std::holds_alternative<service_principal_name_identity>(expected))
        return fail("is a Windows (Kerberos) identity, which a certificate cannot satisfy");
    if (auto const* c = std::get_if<certificate_identity>(&expected)) {
        auto der = decode_certificate_identity(*c);
        if (!der) return fail("cannot be loaded: " + der.err().message);
        return same_certificate(*der);
    }
    if (auto const* r = std::get_if<certificate_reference_identity>(&expected)) {
        if (!stores) return fail("needs the certificate stores, which were not given");
        auto const& store = stores->get(r->location, r->name);
        std::vector<typename x509_store<Backend>::entry const*> hits;
        try {
            hits = store.find(r->find_type, r->find_value);
        } catch (certificate_lookup_error const& e) {
            return fail(std::string("cannot be loaded: ") + e.what());
        }
        if (hits.empty()) return fail("cannot be loaded: no certificate in " + store.directory().string() + " matches");
        return same_certificate(hits.front()->info->der); // first match, as WCF
    }
    auto rsa = decode_rsa_identity(std::get<rsa_identity>(expected));
    if (!rsa) return fail("cannot be loaded: " + rsa.err().message);
    if (info.public_key_oid != crypto::oids::rsa_encryption) return fail("does not apply: the certificate's key is not RSA");
    if (info.rsa_modulus == rsa->modulus && info.rsa_exponent == rsa->exponent) return {true, {}};
    return fail("is a different RSA key");
}

/// As `check_identity`, throwing `identity_check_error` on failure.
template <crypto_backend Backend>
void check_identity_or_throw(Backend const& b, endpoint_identity const& expected, typename Backend::certificate const& service_certificate,
                             std::type_identity_t<x509_stores<Backend>> const* stores = nullptr) {
    auto r = check_identity(b, expected, service_certificate, stores);
    if (!r.ok) throw identity_check_error(r.message);
}

} // namespace wsbind

#endif
