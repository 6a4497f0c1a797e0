// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// libFuzzer target: certificate, key, PKCS#12 and CRL loading on both backends, plus the
// vendor-neutral decoders (names, PKCS#7 identity collections, CRL shape). Any crash, sanitizer report or leak is a bug; error results are fine.

#include <wsbind/crypto/x509_find.hpp>
#include <wsbind/crypto/botan/backend.hpp>
#include <wsbind/crypto/certificate_info.hpp>
#include <wsbind/crypto/chain.hpp>
#include <wsbind/crypto/detail/pkcs12.hpp>
#include <wsbind/crypto/identity_check.hpp>
#include <wsbind/crypto/openssl/backend.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_name.hpp>
#include <wsbind/http/crl_fetcher.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

template <class B>
void exercise(B const& b, wsbind::crypto::byte_view in) {
    if (auto certs = b.load_certificates(in)) {
        for (auto const& c : *certs) {
            auto const& i = b.info(c);
            if (i.thumbprint.size() != 20) std::abort();
            (void)b.public_key_spki(b.certificate_public_key(c));
        }
    }
    for (char const* pw : {"secret", ""}) {
        if (auto k = b.load_private_key(in, pw)) (void)b.public_key_of(*k);
        if (auto p = b.load_pkcs12(in, pw)) {
            if (p->key && p->certificate && !b.key_matches(*p->key, *p->certificate)) std::abort();
        }
    }
    if (auto c = b.load_crl(in)) (void)b.crl_info(*c).revoked.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    static wsbind::openssl_backend const ob;
    static wsbind::botan_backend const bb;
    wsbind::crypto::byte_view in(data, size);
    exercise(ob, in);
    exercise(bb, in);
    // vendor-neutral decoders on raw input
    (void)wsbind::crypto::detail::decode_certificate_info(in);
    (void)wsbind::crypto::detail::decode_crl_info(in);
    (void)wsbind::crypto::dotnet_name(in);
    (void)wsbind::crypto::simple_name_string(in);
    (void)wsbind::crypto::detail::pkcs12::check_encrypted_private_key(in);
    (void)wsbind::crypto::detail::pkcs12::pbe_iteration_count(in);
    (void)wsbind::detail::identity::pkcs7_certificates(in); // <certificate encodedValue> collections
    (void)wsbind::http::detail::crl::inspect(in);           // what the HTTP CRL fetcher checks
    std::string text(reinterpret_cast<char const*>(data), size);
    (void)wsbind::crypto::base64_decode(text);
    for (auto t : {wsbind::x509_find_type::find_by_thumbprint, wsbind::x509_find_type::find_by_key_usage,
                   wsbind::x509_find_type::find_by_application_policy, wsbind::x509_find_type::find_by_subject_name})
        (void)wsbind::parse_find_value(t, text);
    return 0;
}
