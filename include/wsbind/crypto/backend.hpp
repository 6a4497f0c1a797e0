// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_BACKEND_HPP
#define WSBIND_CRYPTO_BACKEND_HPP

/// \file
/// The `wsbind::crypto_backend` concept: everything WS-Security, WCF's algorithm suites and the
/// X.509 credential model need from a cryptographic library. No vendor headers here; the two
/// models are `wsbind::openssl_backend` (<wsbind/crypto/openssl/backend.hpp>) and
/// `wsbind::botan_backend` (<wsbind/crypto/botan/backend.hpp>), selected by type.
///
/// Requirements. `B` is the backend type, `b` a `B const` value; `d` a `crypto::digest_algorithm`,
/// `m` a `crypto::mac_algorithm`, `c` a `crypto::cipher_algorithm`, `w` a `crypto::key_wrap_algorithm`,
/// `t` a `crypto::key_transport_algorithm`, `p` a `crypto::cbc_padding`; `v`, `k`, `iv` are
/// `crypto::byte_view`s; `n` is a `std::size_t`; `pw` a `std::string_view`; `sk` a
/// `B::private_key`, `pk` a `B::public_key`, `x` a `B::certificate`, `xs` a
/// `std::span<B::certificate const>`, `crls` a `std::span<B::crl const>`, `o` a `crypto::chain_options`.
/// `R<T>` is `crypto::result<T>`; every fallible operation reports failure as a value.
///
/// | Expression                              | Type                          | Semantics |
/// |-----------------------------------------|-------------------------------|-----------|
/// | `B::private_key`, `B::public_key`, `B::certificate`, `B::crl` | copyable handle types | shared, immutable; cheap to copy |
/// | `B::name`                               | `std::string_view` constant   | "openssl", "botan" |
/// | `b.digest(d, v)`                        | `R<bytes>`                    | SHA-1/256/384/512 of v |
/// | `b.hmac(m, k, v)`                       | `R<bytes>`                    | HMAC-SHA1/HMAC-SHA256 |
/// | `b.p_sha1(k, v, n_offset, n_length)`    | `R<bytes>`                    | bytes [offset, offset+length) of P_SHA1(secret k, seed v) (RFC 2246 §5; WS-SC dk/p_sha1); seed = label + nonces |
/// | `b.random(n)`                           | `R<bytes>`                    | n bytes from a CSPRNG |
/// | `b.constant_time_equal(v, v)`           | `bool`                        | timing independent of content |
/// | `b.encrypt(c, k, iv, v, p)`             | `R<bytes>`                    | CBC encryption; the IV is not part of the output |
/// | `b.decrypt(c, k, iv, v, p)`             | `R<bytes>`                    | CBC decryption; xmlenc padding: last byte in 1..block size, other pad bytes unchecked |
/// | `b.key_wrap(w, k, v)`                   | `R<bytes>`                    | RFC 3394 AES key wrap (default IV) / RFC 3217 3DES key wrap (random IV) |
/// | `b.key_unwrap(w, k, v)`                 | `R<bytes>`                    | inverse; integrity failure is `errc::decryption_failed` |
/// | `b.generate_rsa_key(n)`                 | `R<B::private_key>`           | RSA key of n bits, e = 65537 |
/// | `b.load_private_key(v, pw)`             | `R<B::private_key>`           | PEM or DER; PKCS#8 (plain or encrypted) or PKCS#1 RSA |
/// | `b.export_private_key(sk, pw)`          | `R<std::string>`              | PEM PKCS#8, encrypted (PBES2/AES-256) when pw is not empty |
/// | `b.public_key_of(sk)`                   | `B::public_key`               | the public half |
/// | `b.certificate_public_key(x)`           | `B::public_key`               | the subject public key |
/// | `b.public_key_spki(pk)`                 | `bytes`                       | DER SubjectPublicKeyInfo |
/// | `b.rsa_sign(sk, d, v)`                  | `R<bytes>`                    | RSASSA-PKCS1-v1_5 over the digest d of v |
/// | `b.rsa_verify(pk, d, v, v)`             | `bool`                        | true iff the signature verifies |
/// | `b.rsa_encrypt(pk, t, v)`               | `R<bytes>`                    | key transport (OAEP: SHA-1, MGF1-SHA1, empty label) |
/// | `b.rsa_decrypt(sk, t, v, n)`            | `R<bytes>`                    | OAEP: errors are `decryption_failed`; n = 0 accepts any length. PKCS#1 v1.5: n (the expected key length) is required and the result is ALWAYS n bytes: the real key when the padding is valid and its length is n, otherwise a synthetic key derived from the private key and the ciphertext (implicit rejection, constant time, no distinguishable error) |
/// | `b.load_certificate(v)`                 | `R<B::certificate>`           | one certificate, PEM or DER |
/// | `b.load_certificates(v)`                | `R<std::vector<B::certificate>>` | every certificate of a PEM bundle, or one DER certificate |
/// | `b.info(x)`                             | `crypto::certificate_info const&` | the fields WCF uses, .NET string forms |
/// | `b.load_pkcs12(v, pw)`                  | `R<crypto::pkcs12_contents<B::private_key, B::certificate>>` | PFX incl. legacy RC2-40/3DES-protected files; wrong password is `errc::bad_password` |
/// | `b.key_matches(sk, x)`                  | `bool`                        | the key is the certificate's |
/// | `b.load_crl(v)`                         | `R<B::crl>`                   | PEM or DER CRL |
/// | `b.crl_info(crl)`                       | `crypto::crl_info const&`     | issuer, update times, revoked serials |
/// | `b.verify_chain(x, xs, xs, crls, o)`    | `crypto::chain_result`        | build from x through the untrusted (first xs) to a trust anchor (second xs); CRLs as given; all problems reported as .NET-valued status flags |
///
/// `detail::crypto_backend_diagnoser<B>` asserts each requirement separately with a readable message;
/// class templates over a backend instantiate it at their boundary.

#include <wsbind/crypto/certificate_info.hpp>
#include <wsbind/crypto/chain.hpp>
#include <wsbind/crypto/types.hpp>

#include <concepts>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind {

namespace detail::crypto_req {
using namespace wsbind::crypto;

template <class B>
concept has_handle_types = requires {
    typename B::private_key;
    typename B::public_key;
    typename B::certificate;
    typename B::crl;
} && std::copyable<typename B::private_key> && std::copyable<typename B::public_key> &&
    std::copyable<typename B::certificate> && std::copyable<typename B::crl>;

template <class B>
concept has_name = requires { { B::name } -> std::convertible_to<std::string_view>; };

template <class B>
concept has_digest = requires(B const& b, digest_algorithm d, byte_view v) {
    { b.digest(d, v) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_hmac = requires(B const& b, mac_algorithm m, byte_view k, byte_view v) {
    { b.hmac(m, k, v) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_p_sha1 = requires(B const& b, byte_view k, byte_view v, std::size_t n) {
    { b.p_sha1(k, v, n, n) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_random = requires(B const& b, std::size_t n) {
    { b.random(n) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_constant_time_equal = requires(B const& b, byte_view v) {
    { b.constant_time_equal(v, v) } -> std::same_as<bool>;
};
template <class B>
concept has_encrypt = requires(B const& b, cipher_algorithm c, byte_view v, cbc_padding p) {
    { b.encrypt(c, v, v, v, p) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_decrypt = requires(B const& b, cipher_algorithm c, byte_view v, cbc_padding p) {
    { b.decrypt(c, v, v, v, p) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_key_wrap = requires(B const& b, key_wrap_algorithm w, byte_view v) {
    { b.key_wrap(w, v, v) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_key_unwrap = requires(B const& b, key_wrap_algorithm w, byte_view v) {
    { b.key_unwrap(w, v, v) } -> std::same_as<result<bytes>>;
};
template <class B>
concept has_generate_rsa_key = has_handle_types<B> && requires(B const& b, std::size_t n) {
    { b.generate_rsa_key(n) } -> std::same_as<result<typename B::private_key>>;
};
template <class B>
concept has_load_private_key = has_handle_types<B> && requires(B const& b, byte_view v, std::string_view pw) {
    { b.load_private_key(v, pw) } -> std::same_as<result<typename B::private_key>>;
};
template <class B>
concept has_export_private_key = has_handle_types<B> &&
    requires(B const& b, typename B::private_key const& sk, std::string_view pw) {
        { b.export_private_key(sk, pw) } -> std::same_as<result<std::string>>;
    };
template <class B>
concept has_public_key_of = has_handle_types<B> && requires(B const& b, typename B::private_key const& sk) {
    { b.public_key_of(sk) } -> std::same_as<typename B::public_key>;
};
template <class B>
concept has_certificate_public_key = has_handle_types<B> && requires(B const& b, typename B::certificate const& x) {
    { b.certificate_public_key(x) } -> std::same_as<typename B::public_key>;
};
template <class B>
concept has_public_key_spki = has_handle_types<B> && requires(B const& b, typename B::public_key const& pk) {
    { b.public_key_spki(pk) } -> std::same_as<bytes>;
};
template <class B>
concept has_rsa_sign = has_handle_types<B> &&
    requires(B const& b, typename B::private_key const& sk, digest_algorithm d, byte_view v) {
        { b.rsa_sign(sk, d, v) } -> std::same_as<result<bytes>>;
    };
template <class B>
concept has_rsa_verify = has_handle_types<B> &&
    requires(B const& b, typename B::public_key const& pk, digest_algorithm d, byte_view v) {
        { b.rsa_verify(pk, d, v, v) } -> std::same_as<bool>;
    };
template <class B>
concept has_rsa_encrypt = has_handle_types<B> &&
    requires(B const& b, typename B::public_key const& pk, key_transport_algorithm t, byte_view v) {
        { b.rsa_encrypt(pk, t, v) } -> std::same_as<result<bytes>>;
    };
template <class B>
concept has_rsa_decrypt = has_handle_types<B> &&
    requires(B const& b, typename B::private_key const& sk, key_transport_algorithm t, byte_view v, std::size_t n) {
        { b.rsa_decrypt(sk, t, v, n) } -> std::same_as<result<bytes>>;
    };
template <class B>
concept has_load_certificate = has_handle_types<B> && requires(B const& b, byte_view v) {
    { b.load_certificate(v) } -> std::same_as<result<typename B::certificate>>;
};
template <class B>
concept has_load_certificates = has_handle_types<B> && requires(B const& b, byte_view v) {
    { b.load_certificates(v) } -> std::same_as<result<std::vector<typename B::certificate>>>;
};
template <class B>
concept has_info = has_handle_types<B> && requires(B const& b, typename B::certificate const& x) {
    { b.info(x) } -> std::same_as<certificate_info const&>;
};
template <class B>
concept has_load_pkcs12 = has_handle_types<B> && requires(B const& b, byte_view v, std::string_view pw) {
    { b.load_pkcs12(v, pw) } -> std::same_as<result<pkcs12_contents<typename B::private_key, typename B::certificate>>>;
};
template <class B>
concept has_key_matches = has_handle_types<B> &&
    requires(B const& b, typename B::private_key const& sk, typename B::certificate const& x) {
        { b.key_matches(sk, x) } -> std::same_as<bool>;
    };
template <class B>
concept has_load_crl = has_handle_types<B> && requires(B const& b, byte_view v) {
    { b.load_crl(v) } -> std::same_as<result<typename B::crl>>;
};
template <class B>
concept has_crl_info = has_handle_types<B> && requires(B const& b, typename B::crl const& c) {
    { b.crl_info(c) } -> std::same_as<crl_info const&>;
};
template <class B>
concept has_verify_chain = has_handle_types<B> &&
    requires(B const& b, typename B::certificate const& x, std::span<typename B::certificate const> xs,
             std::span<typename B::crl const> crls, chain_options const& o) {
        { b.verify_chain(x, xs, xs, crls, o) } -> std::same_as<chain_result>;
    };

} // namespace detail::crypto_req

/// A cryptographic library wrapped for wsbind; see the requirements table above.
template <class B>
concept crypto_backend =
    detail::crypto_req::has_handle_types<B> && detail::crypto_req::has_name<B> && detail::crypto_req::has_digest<B> &&
    detail::crypto_req::has_hmac<B> && detail::crypto_req::has_p_sha1<B> && detail::crypto_req::has_random<B> &&
    detail::crypto_req::has_constant_time_equal<B> && detail::crypto_req::has_encrypt<B> &&
    detail::crypto_req::has_decrypt<B> && detail::crypto_req::has_key_wrap<B> && detail::crypto_req::has_key_unwrap<B> &&
    detail::crypto_req::has_generate_rsa_key<B> && detail::crypto_req::has_load_private_key<B> &&
    detail::crypto_req::has_export_private_key<B> && detail::crypto_req::has_public_key_of<B> &&
    detail::crypto_req::has_certificate_public_key<B> && detail::crypto_req::has_public_key_spki<B> &&
    detail::crypto_req::has_rsa_sign<B> && detail::crypto_req::has_rsa_verify<B> &&
    detail::crypto_req::has_rsa_encrypt<B> && detail::crypto_req::has_rsa_decrypt<B> &&
    detail::crypto_req::has_load_certificate<B> && detail::crypto_req::has_load_certificates<B> &&
    detail::crypto_req::has_info<B> && detail::crypto_req::has_load_pkcs12<B> && detail::crypto_req::has_key_matches<B> &&
    detail::crypto_req::has_load_crl<B> && detail::crypto_req::has_crl_info<B> && detail::crypto_req::has_verify_chain<B>;

namespace detail {

/// Instantiate to get one readable error per missing requirement instead of a constraint dump.
template <class B>
struct crypto_backend_diagnoser {
    static_assert(crypto_req::has_handle_types<B>,
                  "crypto_backend: missing copyable nested types B::private_key, B::public_key, B::certificate, B::crl");
    static_assert(crypto_req::has_name<B>, "crypto_backend: missing static constant B::name (std::string_view)");
    static_assert(crypto_req::has_digest<B>, "crypto_backend: missing digest(digest_algorithm, byte_view) -> result<bytes>");
    static_assert(crypto_req::has_hmac<B>, "crypto_backend: missing hmac(mac_algorithm, key, data) -> result<bytes>");
    static_assert(crypto_req::has_p_sha1<B>, "crypto_backend: missing p_sha1(secret, seed, offset, length) -> result<bytes>");
    static_assert(crypto_req::has_random<B>, "crypto_backend: missing random(size_t) -> result<bytes>");
    static_assert(crypto_req::has_constant_time_equal<B>, "crypto_backend: missing constant_time_equal(byte_view, byte_view) -> bool");
    static_assert(crypto_req::has_encrypt<B>, "crypto_backend: missing encrypt(cipher_algorithm, key, iv, data, cbc_padding) -> result<bytes>");
    static_assert(crypto_req::has_decrypt<B>, "crypto_backend: missing decrypt(cipher_algorithm, key, iv, data, cbc_padding) -> result<bytes>");
    static_assert(crypto_req::has_key_wrap<B>, "crypto_backend: missing key_wrap(key_wrap_algorithm, kek, key) -> result<bytes>");
    static_assert(crypto_req::has_key_unwrap<B>, "crypto_backend: missing key_unwrap(key_wrap_algorithm, kek, wrapped) -> result<bytes>");
    static_assert(crypto_req::has_generate_rsa_key<B>, "crypto_backend: missing generate_rsa_key(bits) -> result<private_key>");
    static_assert(crypto_req::has_load_private_key<B>, "crypto_backend: missing load_private_key(bytes, password) -> result<private_key>");
    static_assert(crypto_req::has_export_private_key<B>, "crypto_backend: missing export_private_key(private_key, password) -> result<std::string>");
    static_assert(crypto_req::has_public_key_of<B>, "crypto_backend: missing public_key_of(private_key) -> public_key");
    static_assert(crypto_req::has_certificate_public_key<B>, "crypto_backend: missing certificate_public_key(certificate) -> public_key");
    static_assert(crypto_req::has_public_key_spki<B>, "crypto_backend: missing public_key_spki(public_key) -> bytes");
    static_assert(crypto_req::has_rsa_sign<B>, "crypto_backend: missing rsa_sign(private_key, digest_algorithm, bytes) -> result<bytes>");
    static_assert(crypto_req::has_rsa_verify<B>, "crypto_backend: missing rsa_verify(public_key, digest_algorithm, bytes, signature) -> bool");
    static_assert(crypto_req::has_rsa_encrypt<B>, "crypto_backend: missing rsa_encrypt(public_key, key_transport_algorithm, key) -> result<bytes>");
    static_assert(crypto_req::has_rsa_decrypt<B>, "crypto_backend: missing rsa_decrypt(private_key, key_transport_algorithm, ciphertext, expected_length) -> result<bytes>");
    static_assert(crypto_req::has_load_certificate<B>, "crypto_backend: missing load_certificate(bytes) -> result<certificate>");
    static_assert(crypto_req::has_load_certificates<B>, "crypto_backend: missing load_certificates(bytes) -> result<std::vector<certificate>>");
    static_assert(crypto_req::has_info<B>, "crypto_backend: missing info(certificate) -> certificate_info const&");
    static_assert(crypto_req::has_load_pkcs12<B>, "crypto_backend: missing load_pkcs12(bytes, password) -> result<pkcs12_contents<private_key, certificate>>");
    static_assert(crypto_req::has_key_matches<B>, "crypto_backend: missing key_matches(private_key, certificate) -> bool");
    static_assert(crypto_req::has_load_crl<B>, "crypto_backend: missing load_crl(bytes) -> result<crl>");
    static_assert(crypto_req::has_crl_info<B>, "crypto_backend: missing crl_info(crl) -> crl_info const&");
    static_assert(crypto_req::has_verify_chain<B>, "crypto_backend: missing verify_chain(certificate, untrusted, anchors, crls, chain_options) -> chain_result");
    static constexpr bool value = true;
};

} // namespace detail

/// `static_assert(wsbind::check_crypto_backend<B>())` reports each missing requirement by name.
template <class B>
consteval bool check_crypto_backend() {
    return detail::crypto_backend_diagnoser<B>::value;
}

} // namespace wsbind

#endif
