// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Cross tests: what one backend produces, the other must accept.

#include <wsbind/crypto/botan/backend.hpp>
#include <wsbind/crypto/openssl/backend.hpp>
#include <wsbind/crypto/xmlenc.hpp>

#include "support/files.hpp"
#include "support/pki.hpp"
#include "support/vectors.hpp"

#include <catch2/catch.hpp>

using namespace wsbind;
using namespace wsbind::crypto;

namespace {
openssl_backend const o;
botan_backend const b;

bytes kat_pem() { return wsbind::test::read_file(wsbind::test::vectors_dir() / "rsa2048_key.pem"); }

template <class From, class To>
void sign_verify_encrypt_decrypt(From const& from, To const& to) {
    auto from_key = from.load_private_key(kat_pem(), "");
    auto to_key = to.load_private_key(kat_pem(), "");
    REQUIRE(from_key);
    REQUIRE(to_key);
    auto to_pub = to.public_key_of(*to_key);
    auto from_pub = from.public_key_of(*from_key);
    for (auto d : {digest_algorithm::sha1, digest_algorithm::sha256}) {
        auto msg = to_bytes("<SignedInfo>...</SignedInfo>");
        auto sig = from.rsa_sign(*from_key, d, msg);
        REQUIRE(sig);
        CHECK(to.rsa_verify(to_pub, d, msg, *sig));
    }
    for (auto t : {key_transport_algorithm::rsa_oaep_mgf1p, key_transport_algorithm::rsa_1_5}) {
        auto key = *from.random(32);
        auto ct = from.rsa_encrypt(from_pub, t, key);
        REQUIRE(ct);
        auto pt = to.rsa_decrypt(*to_key, t, *ct, 32);
        REQUIRE(pt);
        CHECK(*pt == key);
    }
    // implicit rejection gives the same synthetic key in both backends
    bytes bad(256, 0x42);
    auto s1 = from.rsa_decrypt(*from_key, key_transport_algorithm::rsa_1_5, bad, 32);
    auto s2 = to.rsa_decrypt(*to_key, key_transport_algorithm::rsa_1_5, bad, 32);
    REQUIRE(s1);
    REQUIRE(s2);
    CHECK(*s1 == *s2);
}

template <class From, class To>
void symmetric(From const& from, To const& to) {
    for (auto c : {cipher_algorithm::aes128_cbc, cipher_algorithm::aes256_cbc, cipher_algorithm::tripledes_cbc}) {
        auto key = *from.random(key_size(c));
        for (std::size_t n : {0u, 5u, 1024u, 65536u}) {
            auto pt = *from.random(n);
            auto ct = xmlenc_encrypt(from, c, key, pt);
            REQUIRE(ct);
            auto back = xmlenc_decrypt(to, c, key, *ct);
            REQUIRE(back);
            CHECK(*back == pt);
        }
    }
    for (auto w : {key_wrap_algorithm::aes128_kw, key_wrap_algorithm::aes256_kw, key_wrap_algorithm::tripledes_kw}) {
        auto kek = *from.random(kek_size(w));
        auto cek = *from.random(32);
        auto wrapped = from.key_wrap(w, kek, cek);
        REQUIRE(wrapped);
        auto back = to.key_unwrap(w, kek, *wrapped);
        REQUIRE(back);
        CHECK(*back == cek);
    }
    auto secret = *from.random(32), seed = *from.random(48);
    CHECK(*from.p_sha1(secret, seed, 16, 64) == *to.p_sha1(secret, seed, 16, 64));
    CHECK(*from.hmac(mac_algorithm::hmac_sha256, secret, seed) == *to.hmac(mac_algorithm::hmac_sha256, secret, seed));
}

template <class From, class To>
void keys_and_certificates(From const& from, To const& to) {
    auto const& pki = wsbind::test::demo<From>().pki;
    for (auto const& e : pki.entries) {
        INFO(e.file);
        auto const& fi = from.info(e.certificate);
        auto c = to.load_certificate(fi.der);
        REQUIRE(c);
        auto const& ti = to.info(*c);
        CHECK(ti.subject == fi.subject);
        CHECK(ti.issuer == fi.issuer);
        CHECK(ti.thumbprint == fi.thumbprint);
        CHECK(ti.serial_number == fi.serial_number);
        CHECK(ti.dns_names == fi.dns_names);
        CHECK(ti.key_usage == fi.key_usage);
        for (char const* pw : {"", "pw"}) {
            auto exported = from.export_private_key(e.key, pw);
            REQUIRE(exported);
            auto k = to.load_private_key(as_bytes(*exported), pw);
            REQUIRE(k);
            CHECK(to.key_matches(*k, *c));
        }
        CHECK(to.public_key_spki(to.certificate_public_key(*c)) == from.public_key_spki(from.certificate_public_key(e.certificate)));
    }
    for (auto const& crl : pki.crls) {
        auto c = to.load_crl(from.crl_info(crl.crl).der);
        REQUIRE(c);
        CHECK(to.crl_info(*c).revoked.size() == from.crl_info(crl.crl).revoked.size());
    }
}
} // namespace

TEST_CASE("OpenSSL signs and encrypts, Botan verifies and decrypts", "[crypto][cross]") { sign_verify_encrypt_decrypt(o, b); }
TEST_CASE("Botan signs and encrypts, OpenSSL verifies and decrypts", "[crypto][cross]") { sign_verify_encrypt_decrypt(b, o); }
TEST_CASE("symmetric operations cross OpenSSL -> Botan", "[crypto][cross]") { symmetric(o, b); }
TEST_CASE("symmetric operations cross Botan -> OpenSSL", "[crypto][cross]") { symmetric(b, o); }
TEST_CASE("certificates and keys issued with OpenSSL load in Botan", "[crypto][cross]") { keys_and_certificates(o, b); }
TEST_CASE("certificates and keys issued with Botan load in OpenSSL", "[crypto][cross]") { keys_and_certificates(b, o); }

TEST_CASE("HMAC: both backends agree for key lengths around the block sizes, and Botan's one-shot HMAC equals Botan's MAC object",
          "[crypto][cross][hmac]") {
    auto data = *o.random(300);
    for (std::size_t n : {0u, 1u, 20u, 32u, 63u, 64u, 65u, 127u, 128u, 129u, 200u}) {
        INFO("key length " << n);
        auto key = *o.random(n);
        for (auto m : {mac_algorithm::hmac_sha1, mac_algorithm::hmac_sha256}) CHECK(*o.hmac(m, key, data) == *b.hmac(m, key, data));
        for (auto d : {digest_algorithm::sha1, digest_algorithm::sha256, digest_algorithm::sha384, digest_algorithm::sha512}) {
            auto ref = Botan::MessageAuthenticationCode::create_or_throw(std::string("HMAC(") + botan_detail::hash_name(d) + ")");
            ref->set_key(key.data(), key.size());
            ref->update(data.data(), data.size());
            auto expected = ref->final();
            auto got = b.hmac_any(d, key, data);
            REQUIRE(got);
            CHECK(*got == bytes(expected.begin(), expected.end()));
            // the per-thread hash object is clean afterwards: a plain digest is still right
            CHECK(*b.digest(d, data) == *o.digest(d, data));
        }
    }
}

TEST_CASE("CBC encryption: both backends write the same bytes for every length, padded (XML Encryption) and unpadded", "[crypto][cross][cbc]") {
    for (auto c : {cipher_algorithm::aes128_cbc, cipher_algorithm::aes256_cbc, cipher_algorithm::tripledes_cbc}) {
        std::size_t const bs = block_size(c);
        auto key = *o.random(c == cipher_algorithm::aes128_cbc ? 16 : c == cipher_algorithm::aes256_cbc ? 32 : 24);
        auto iv = *o.random(bs);
        for (std::size_t n : {std::size_t{0}, std::size_t{1}, bs - 1, bs, bs + 1, 2 * bs, std::size_t{1024}}) {
            INFO(name_of(c) << ", " << n << " bytes");
            auto pt = *o.random(n);
            auto oc = o.encrypt(c, key, iv, pt, cbc_padding::xmlenc);
            auto bc = b.encrypt(c, key, iv, pt, cbc_padding::xmlenc);
            REQUIRE(oc);
            REQUIRE(bc);
            CHECK(*oc == *bc);
            CHECK(oc->size() == (n / bs + 1) * bs); // always at least one pad byte
            CHECK(*b.decrypt(c, key, iv, *oc, cbc_padding::xmlenc) == pt);
            if (n % bs == 0) {
                auto on = o.encrypt(c, key, iv, pt, cbc_padding::none);
                REQUIRE(on);
                CHECK(*on == *b.encrypt(c, key, iv, pt, cbc_padding::none));
                CHECK(on->size() == n);
                CHECK(*o.decrypt(c, key, iv, *on, cbc_padding::none) == pt);
            } else {
                CHECK_FALSE(o.encrypt(c, key, iv, pt, cbc_padding::none));
            }
        }
    }
}
