// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_DETAIL_IMPLICIT_REJECTION_HPP
#define WSBIND_CRYPTO_DETAIL_IMPLICIT_REJECTION_HPP

/// \file
/// RSA PKCS#1 v1.5 decryption for key transport, hardened against padding oracles (Bleichenbacher,
/// Marvin) by implicit rejection. Shared by both backends; std only.
///
/// The backend performs the raw RSA private operation (blinded, constant time in the library:
/// OpenSSL with RSA_NO_PADDING, Botan with the raw private operation) and hands over the k-byte
/// block `em`. This code then, without any branch or early exit on secret data:
///  1. always derives a synthetic key of the expected length L:
///       KDK = HMAC-SHA256(key = key_secret, data = ciphertext)
///       synthetic = first L bytes of  HMAC-SHA256(KDK, be16(i) || "wsbind rsa-1_5 implicit rejection" || be16(8*L))
///                   for i = 0, 1, ...
///     where key_secret = SHA-256 of the DER RSAPrivateKey (PKCS#1) — identical in both backends;
///  2. checks em = 00 || 02 || PS (all non-zero) || 00 || M with |M| = L, using masks;
///  3. returns M when valid, else the synthetic key, selected byte by byte with a mask.
/// A wrong padding therefore yields a deterministic, key- and ciphertext-dependent random-looking
/// key of the right length; the caller's later MAC/signature check fails as it would for any wrong
/// key, and no error, length or timing difference reveals the padding's validity. The expected
/// length is public (the algorithm suite's symmetric key length); a ciphertext whose length is not
/// the modulus length, or L + 11 > k, is rejected up front (public facts).
/// This follows the approach of draft-irtf-cfrg-rsa-guidance (implicit rejection) with a fixed,
/// caller-supplied message length.

#include <wsbind/crypto/detail/constant_time.hpp>
#include <wsbind/crypto/types.hpp>

#include <string_view>

namespace wsbind::crypto::detail {

inline constexpr std::string_view implicit_rejection_label = "wsbind rsa-1_5 implicit rejection";

/// `hmac_sha256(key, data) -> result<bytes>`.
template <class HmacSha256>
[[nodiscard]] result<bytes> pkcs1v15_decode_implicit(byte_view em, byte_view ciphertext, byte_view key_secret,
                                                     std::size_t expected_length, HmacSha256&& hmac_sha256) {
    std::size_t const k = em.size();
    if (expected_length == 0)
        return make_error(errc::invalid_argument,
                          "RSA PKCS#1 v1.5 key transport: the expected key length is required (implicit rejection)");
    if (k < expected_length + 11)
        return make_error(errc::invalid_argument, "RSA PKCS#1 v1.5 key transport: a " + std::to_string(expected_length) +
                                                      "-byte key cannot be carried by a " + std::to_string(k * 8) +
                                                      "-bit RSA key");
    // 1. synthetic key, always computed
    auto kdk = hmac_sha256(key_secret, ciphertext);
    if (!kdk) return kdk.err();
    bytes synthetic;
    synthetic.reserve(expected_length + 32);
    for (std::uint16_t i = 0; synthetic.size() < expected_length; ++i) {
        bytes block;
        block.reserve(4 + implicit_rejection_label.size());
        block.push_back(static_cast<std::uint8_t>(i >> 8));
        block.push_back(static_cast<std::uint8_t>(i & 0xFF));
        auto label = as_bytes(implicit_rejection_label);
        block.insert(block.end(), label.begin(), label.end());
        std::uint32_t bits = static_cast<std::uint32_t>(expected_length * 8);
        block.push_back(static_cast<std::uint8_t>((bits >> 8) & 0xFF));
        block.push_back(static_cast<std::uint8_t>(bits & 0xFF));
        auto t = hmac_sha256(*kdk, block);
        if (!t) return t.err();
        synthetic.insert(synthetic.end(), t->begin(), t->end());
    }
    // 2. padding check with masks
    std::size_t const sep = k - expected_length - 1;
    std::uint32_t good = ct::is_equal(em[0], 0x00) & ct::is_equal(em[1], 0x02) & ct::is_equal(em[sep], 0x00);
    for (std::size_t i = 2; i < sep; ++i) good &= ~ct::is_zero(em[i]);
    // 3. select
    bytes out(expected_length);
    for (std::size_t i = 0; i < expected_length; ++i) out[i] = ct::select(good, em[sep + 1 + i], synthetic[i]);
    return out;
}

} // namespace wsbind::crypto::detail

#endif
