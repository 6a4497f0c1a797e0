// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// The one conformance suite: known-answer vectors (tests/vectors/*.vec) run against every backend
// built in, plus the behaviour every backend must share (padding, key sizes, error categories).

#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/tdes_keywrap.hpp>
#include <wsbind/crypto/xmlenc.hpp>

#include "support/backends.hpp"
#include "support/files.hpp"
#include "support/vectors.hpp"

#include <catch2/catch.hpp>

using namespace wsbind;
using namespace wsbind::crypto;
using wsbind::test::read_vectors;

namespace {

digest_algorithm digest_named(std::string const& n) {
    if (n == "SHA-1") return digest_algorithm::sha1;
    if (n == "SHA-256") return digest_algorithm::sha256;
    if (n == "SHA-384") return digest_algorithm::sha384;
    if (n == "SHA-512") return digest_algorithm::sha512;
    throw std::runtime_error("unknown digest " + n);
}

cipher_algorithm cipher_named(std::string const& n) {
    if (n == "AES-128-CBC") return cipher_algorithm::aes128_cbc;
    if (n == "AES-192-CBC") return cipher_algorithm::aes192_cbc;
    if (n == "AES-256-CBC") return cipher_algorithm::aes256_cbc;
    if (n == "3DES-CBC") return cipher_algorithm::tripledes_cbc;
    throw std::runtime_error("unknown cipher " + n);
}

template <class B>
typename B::private_key kat_key(B const& b) {
    auto pem = wsbind::test::read_file(wsbind::test::vectors_dir() / "rsa2048_key.pem");
    auto k = b.load_private_key(pem, "");
    REQUIRE(k);
    return *k;
}

} // namespace

TEMPLATE_TEST_CASE("backend satisfies crypto_backend", "[crypto][concept]", WSBIND_TEST_BACKENDS) {
    STATIC_REQUIRE(crypto_backend<TestType>);
    STATIC_REQUIRE(check_crypto_backend<TestType>());
}

TEMPLATE_TEST_CASE("SHA known answers (FIPS 180-2)", "[crypto][kat][sha]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto vectors = read_vectors("sha.vec");
    REQUIRE(vectors.size() == 12);
    for (auto const& v : vectors) {
        INFO(v.algorithm << " vector at line " << v.line);
        auto d = b.digest(digest_named(v.algorithm), v.hex("In"));
        REQUIRE(d);
        CHECK(to_hex(*d) == to_hex(v.hex("Out")));
    }
}

TEMPLATE_TEST_CASE("HMAC known answers (RFC 2202, RFC 4231)", "[crypto][kat][hmac]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto vectors = read_vectors("hmac.vec");
    REQUIRE(vectors.size() == 14);
    for (auto const& v : vectors) {
        INFO(v.algorithm << " vector at line " << v.line);
        auto m = v.algorithm == "HMAC-SHA1" ? mac_algorithm::hmac_sha1 : mac_algorithm::hmac_sha256;
        auto out = b.hmac(m, v.hex("Key"), v.hex("In"));
        REQUIRE(out);
        auto expected = v.hex("Out");
        REQUIRE(out->size() >= expected.size());
        CHECK(to_hex(byte_view(*out).first(expected.size())) == to_hex(expected));
    }
}

TEMPLATE_TEST_CASE("CBC known answers (NIST SP 800-38A; 3DES computed independently)", "[crypto][kat][cbc]", WSBIND_TEST_BACKENDS) {
    TestType b;
    for (auto const* file : {"aes_cbc.vec", "tdes_cbc.vec"}) {
        for (auto const& v : read_vectors(file)) {
            INFO(file << " " << v.algorithm << " at line " << v.line);
            auto c = cipher_named(v.algorithm);
            auto ct = b.encrypt(c, v.hex("Key"), v.hex("IV"), v.hex("In"), cbc_padding::none);
            REQUIRE(ct);
            CHECK(to_hex(*ct) == to_hex(v.hex("Out")));
            auto pt = b.decrypt(c, v.hex("Key"), v.hex("IV"), v.hex("Out"), cbc_padding::none);
            REQUIRE(pt);
            CHECK(to_hex(*pt) == to_hex(v.hex("In")));
        }
    }
}

TEMPLATE_TEST_CASE("AES key wrap known answers (RFC 3394)", "[crypto][kat][keywrap]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto vectors = read_vectors("keywrap.vec");
    REQUIRE(vectors.size() == 6);
    for (auto const& v : vectors) {
        INFO(v.algorithm << " at line " << v.line);
        auto w = v.algorithm == "AES-128-KW" ? key_wrap_algorithm::aes128_kw
                 : v.algorithm == "AES-192-KW" ? key_wrap_algorithm::aes192_kw
                                                : key_wrap_algorithm::aes256_kw;
        auto wrapped = b.key_wrap(w, v.hex("KEK"), v.hex("Key"));
        REQUIRE(wrapped);
        CHECK(to_hex(*wrapped) == to_hex(v.hex("Out")));
        auto unwrapped = b.key_unwrap(w, v.hex("KEK"), v.hex("Out"));
        REQUIRE(unwrapped);
        CHECK(to_hex(*unwrapped) == to_hex(v.hex("Key")));
        auto tampered = v.hex("Out");
        tampered[3] ^= 0x01;
        auto bad = b.key_unwrap(w, v.hex("KEK"), tampered);
        REQUIRE_FALSE(bad);
        CHECK(bad.err().code == errc::decryption_failed);
    }
}

TEMPLATE_TEST_CASE("Triple-DES key wrap known answers (RFC 3217)", "[crypto][kat][keywrap]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto vectors = read_vectors("tdes_keywrap.vec");
    REQUIRE(vectors.size() == 3);
    for (auto const& v : vectors) {
        INFO("3DES-KW at line " << v.line);
        auto wrapped = tdes_key_wrap(b, v.hex("KEK"), v.hex("Key"), v.hex("IV"));
        REQUIRE(wrapped);
        CHECK(to_hex(*wrapped) == to_hex(v.hex("Out")));
        auto unwrapped = b.key_unwrap(key_wrap_algorithm::tripledes_kw, v.hex("KEK"), v.hex("Out"));
        REQUIRE(unwrapped);
        CHECK(to_hex(*unwrapped) == to_hex(v.hex("Key")));
        auto tampered = v.hex("Out");
        tampered[10] ^= 0x80;
        auto bad = b.key_unwrap(key_wrap_algorithm::tripledes_kw, v.hex("KEK"), tampered);
        REQUIRE_FALSE(bad);
        CHECK(bad.err().code == errc::decryption_failed);
    }
    SECTION("random IV through key_wrap round-trips and differs each time") {
        auto kek = *from_hex("255e0d1c07b646dfb3134cc843ba8aa71f025b7c0838251f");
        auto cek = *from_hex("2923bf85e06dd6ae529149f1f1bae9eab3a7da3d860d3e98");
        auto w1 = b.key_wrap(key_wrap_algorithm::tripledes_kw, kek, cek);
        auto w2 = b.key_wrap(key_wrap_algorithm::tripledes_kw, kek, cek);
        REQUIRE(w1);
        REQUIRE(w2);
        CHECK(w1->size() == 40);
        CHECK(*w1 != *w2);
        CHECK(*b.key_unwrap(key_wrap_algorithm::tripledes_kw, kek, *w2) == cek);
    }
}

TEMPLATE_TEST_CASE("P_SHA1 known answers", "[crypto][kat][psha1]", WSBIND_TEST_BACKENDS) {
    TestType b;
    for (auto const& v : read_vectors("p_sha1.vec")) {
        INFO("P_SHA1 at line " << v.line);
        auto out = b.p_sha1(v.hex("Secret"), v.hex("Seed"), v.number("Offset"), v.number("Length"));
        REQUIRE(out);
        CHECK(to_hex(*out) == to_hex(v.hex("Out")));
    }
    SECTION("a prefix of a longer derivation is the shorter derivation") {
        auto secret = to_bytes("secret"), seed = to_bytes("seed");
        auto a = b.p_sha1(secret, seed, 0, 100);
        auto c = b.p_sha1(secret, seed, 37, 20);
        REQUIRE(a);
        REQUIRE(c);
        CHECK(bytes(a->begin() + 37, a->begin() + 57) == *c);
        CHECK(b.p_sha1(secret, seed, 0, 0)->empty());
    }
}

TEMPLATE_TEST_CASE("RSA known answers (PKCS#1 v1.5 signatures, OAEP and v1.5 key transport)", "[crypto][kat][rsa]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto key = kat_key(b);
    auto pub = b.public_key_of(key);
    auto vectors = read_vectors("rsa.vec");
    std::size_t signatures = 0, oaep = 0, v15 = 0, implicit = 0;
    for (auto const& v : vectors) {
        INFO(v.algorithm << " at line " << v.line);
        if (v.algorithm == "RSA-SHA1-SIGN" || v.algorithm == "RSA-SHA256-SIGN") {
            auto d = v.algorithm == "RSA-SHA1-SIGN" ? digest_algorithm::sha1 : digest_algorithm::sha256;
            auto sig = b.rsa_sign(key, d, v.hex("In"));
            REQUIRE(sig);
            CHECK(to_hex(*sig) == to_hex(v.hex("Sig")));
            CHECK(b.rsa_verify(pub, d, v.hex("In"), v.hex("Sig")));
            auto msg = v.hex("In");
            msg.push_back(0);
            CHECK_FALSE(b.rsa_verify(pub, d, msg, v.hex("Sig")));
            auto other = d == digest_algorithm::sha1 ? digest_algorithm::sha256 : digest_algorithm::sha1;
            CHECK_FALSE(b.rsa_verify(pub, other, v.hex("In"), v.hex("Sig")));
            ++signatures;
        } else if (v.algorithm == "RSA-OAEP-DECRYPT") {
            auto out = b.rsa_decrypt(key, key_transport_algorithm::rsa_oaep_mgf1p, v.hex("In"), 0);
            REQUIRE(out);
            CHECK(to_hex(*out) == to_hex(v.hex("Out")));
            auto wrong_len = b.rsa_decrypt(key, key_transport_algorithm::rsa_oaep_mgf1p, v.hex("In"), v.hex("Out").size() + 1);
            REQUIRE_FALSE(wrong_len);
            CHECK(wrong_len.err().code == errc::decryption_failed);
            auto tampered = v.hex("In");
            tampered[100] ^= 0x10;
            auto bad = b.rsa_decrypt(key, key_transport_algorithm::rsa_oaep_mgf1p, tampered, 0);
            REQUIRE_FALSE(bad);
            CHECK(bad.err().code == errc::decryption_failed);
            CHECK(bad.err().message == wrong_len.err().message); // one indistinguishable error
            ++oaep;
        } else if (v.algorithm == "RSA-1_5-DECRYPT") {
            auto out = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, v.hex("In"), v.number("Length"));
            REQUIRE(out);
            CHECK(to_hex(*out) == to_hex(v.hex("Out")));
            ++v15;
        } else if (v.algorithm == "RSA-1_5-IMPLICIT-REJECTION") {
            auto out = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, v.hex("In"), v.number("Length"));
            REQUIRE(out); // never an error for bad padding
            CHECK(out->size() == v.number("Length"));
            CHECK(to_hex(*out) == to_hex(v.hex("Out")));
            ++implicit;
        } else {
            FAIL("unknown record " << v.algorithm);
        }
    }
    CHECK(signatures == 6);
    CHECK(oaep == 3);
    CHECK(v15 == 3);
    CHECK(implicit == 6);
}

TEMPLATE_TEST_CASE("RSA key transport edge cases are public errors", "[crypto][rsa]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto key = kat_key(b);
    auto pub = b.public_key_of(key);
    SECTION("PKCS#1 v1.5 needs the expected length") {
        auto ct = b.rsa_encrypt(pub, key_transport_algorithm::rsa_1_5, bytes(32, 7));
        REQUIRE(ct);
        auto r = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, *ct, 0);
        REQUIRE_FALSE(r);
        CHECK(r.err().code == errc::invalid_argument);
        auto too_long = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, *ct, 250);
        REQUIRE_FALSE(too_long);
        CHECK(too_long.err().code == errc::invalid_argument);
    }
    SECTION("ciphertext of the wrong size") {
        auto r = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, bytes(100, 1), 32);
        REQUIRE_FALSE(r);
        CHECK(r.err().code == errc::malformed_input);
        CHECK_THAT(r.err().message, Catch::Contains("256 bytes"));
    }
    SECTION("ciphertext not below the modulus") {
        auto r = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, bytes(256, 0xFF), 32);
        REQUIRE_FALSE(r);
        CHECK(r.err().code == errc::malformed_input);
    }
    SECTION("the same bad ciphertext always gives the same synthetic key") {
        bytes ct(256, 0x11);
        auto a = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, ct, 24);
        auto c = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, ct, 24);
        REQUIRE(a);
        REQUIRE(c);
        CHECK(*a == *c);
        ct[255] ^= 1;
        auto d = b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, ct, 24);
        REQUIRE(d);
        CHECK(*a != *d);
    }
    SECTION("round trips for every key length WCF suites use") {
        for (std::size_t n : {16u, 24u, 32u}) {
            for (auto t : {key_transport_algorithm::rsa_1_5, key_transport_algorithm::rsa_oaep_mgf1p}) {
                auto k = b.random(n);
                auto ct = b.rsa_encrypt(pub, t, *k);
                REQUIRE(ct);
                auto pt = b.rsa_decrypt(key, t, *ct, n);
                REQUIRE(pt);
                CHECK(*pt == *k);
            }
        }
    }
    SECTION("a message too long for the key") {
        auto r = b.rsa_encrypt(pub, key_transport_algorithm::rsa_oaep_mgf1p, bytes(250, 1));
        REQUIRE_FALSE(r);
        CHECK(r.err().code == errc::invalid_argument);
    }
}

TEMPLATE_TEST_CASE("XML Encryption CBC framing", "[crypto][xmlenc]", WSBIND_TEST_BACKENDS) {
    TestType b;
    for (auto c : {cipher_algorithm::aes128_cbc, cipher_algorithm::aes192_cbc, cipher_algorithm::aes256_cbc, cipher_algorithm::tripledes_cbc}) {
        INFO(name_of(c));
        auto key = *b.random(key_size(c));
        std::size_t const bs = block_size(c);
        for (std::size_t n : {std::size_t{0}, std::size_t{1}, bs - 1, bs, bs + 1, std::size_t{1024}}) {
            auto pt = *b.random(n);
            auto ct = xmlenc_encrypt(b, c, key, pt);
            REQUIRE(ct);
            CHECK(ct->size() == bs + (n / bs + 1) * bs); // IV + padded data, always at least one pad byte
            auto back = xmlenc_decrypt(b, c, key, *ct);
            REQUIRE(back);
            CHECK(*back == pt);
        }
        SECTION("pad bytes other than the last are not checked") {
            auto iv = *b.random(bs);
            bytes block(bs, 0xEE);
            block.back() = static_cast<std::uint8_t>(bs - 3); // 3 data bytes, arbitrary pad bytes
            auto raw = b.encrypt(c, key, iv, block, cbc_padding::none);
            REQUIRE(raw);
            auto pt = b.decrypt(c, key, iv, *raw, cbc_padding::xmlenc);
            REQUIRE(pt);
            CHECK(*pt == bytes{0xEE, 0xEE, 0xEE});
        }
        SECTION("a pad length of 0 or beyond the block is rejected") {
            auto iv = *b.random(bs);
            for (std::uint8_t last : {std::uint8_t{0}, static_cast<std::uint8_t>(bs + 1), std::uint8_t{0xFF}}) {
                bytes block(bs, 1);
                block.back() = last;
                auto raw = b.encrypt(c, key, iv, block, cbc_padding::none);
                auto pt = b.decrypt(c, key, iv, *raw, cbc_padding::xmlenc);
                REQUIRE_FALSE(pt);
                CHECK(pt.err().code == errc::decryption_failed);
            }
        }
        SECTION("truncated CipherValue") {
            auto r = xmlenc_decrypt(b, c, key, bytes(bs + 3, 0));
            REQUIRE_FALSE(r);
            CHECK(r.err().code == errc::malformed_input);
        }
    }
}

TEMPLATE_TEST_CASE("wrong key and IV sizes are precise invalid_argument errors", "[crypto][errors]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto r = b.encrypt(cipher_algorithm::aes256_cbc, bytes(16), bytes(16), bytes(16), cbc_padding::none);
    REQUIRE_FALSE(r);
    CHECK(r.err().code == errc::invalid_argument);
    CHECK(r.err().message == "AES-256-CBC: key must be 32 bytes, not 16");
    auto iv = b.decrypt(cipher_algorithm::tripledes_cbc, bytes(24), bytes(16), bytes(16), cbc_padding::none);
    REQUIRE_FALSE(iv);
    CHECK(iv.err().message == "3DES-CBC: IV must be 8 bytes, not 16");
    auto np = b.encrypt(cipher_algorithm::aes128_cbc, bytes(16), bytes(16), bytes(15), cbc_padding::none);
    REQUIRE_FALSE(np);
    CHECK(np.err().code == errc::invalid_argument);
    auto kw = b.key_wrap(key_wrap_algorithm::aes128_kw, bytes(16), bytes(12));
    REQUIRE_FALSE(kw);
    CHECK(kw.err().code == errc::invalid_argument);
    auto kek = b.key_unwrap(key_wrap_algorithm::aes256_kw, bytes(16), bytes(24));
    REQUIRE_FALSE(kek);
    CHECK_THAT(kek.err().message, Catch::Contains("must be 32 bytes, not 16"));
    auto t = b.key_unwrap(key_wrap_algorithm::tripledes_kw, bytes(24), bytes(20));
    REQUIRE_FALSE(t);
    CHECK(t.err().code == errc::invalid_argument);
}

TEMPLATE_TEST_CASE("random and constant-time compare", "[crypto][random]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto a = b.random(32), c = b.random(32);
    REQUIRE(a);
    REQUIRE(c);
    CHECK(a->size() == 32);
    CHECK(*a != *c);
    CHECK(b.random(0)->empty());
    CHECK(b.constant_time_equal(*a, *a));
    CHECK_FALSE(b.constant_time_equal(*a, *c));
    CHECK_FALSE(b.constant_time_equal(*a, byte_view(*a).first(31)));
    CHECK(b.constant_time_equal(bytes{}, bytes{}));
}
