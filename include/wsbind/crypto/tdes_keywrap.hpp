// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_TDES_KEYWRAP_HPP
#define WSBIND_CRYPTO_TDES_KEYWRAP_HPP

/// \file
/// CMS Triple-DES key wrap (RFC 3217 §3.1/§3.2, XML Encryption's kw-tripledes), written once over
/// any backend's 3DES-CBC and SHA-1 (neither OpenSSL nor Botan offers it).
///
/// Wrap(KEK, CEK, IV):  ICV = SHA-1(CEK)[0..8);  TEMP1 = 3DES-CBC(KEK, IV, CEK || ICV);
///   TEMP2 = IV || TEMP1;  TEMP3 = TEMP2 reversed byte by byte;
///   result = 3DES-CBC(KEK, 4adda22c79e82105, TEMP3).
/// Unwrap reverses the steps and compares the ICV in constant time. The CEK may be any multiple of
/// 8 bytes (XML Encryption also wraps AES keys this way); key parity bits are left as given.

#include <wsbind/crypto/types.hpp>

#include <algorithm>

namespace wsbind::crypto {

inline constexpr std::uint8_t tdes_keywrap_iv2[8] = {0x4a, 0xdd, 0xa2, 0x2c, 0x79, 0xe8, 0x21, 0x05};

/// RFC 3217 wrap with a caller-chosen IV (8 bytes); `b` provides encrypt() and digest().
template <class Backend>
[[nodiscard]] result<bytes> tdes_key_wrap(Backend const& b, byte_view kek, byte_view cek, byte_view iv) {
    if (kek.size() != 24)
        return make_error(errc::invalid_argument, "Triple-DES key wrap: the key-encryption key must be 24 bytes, not " + std::to_string(kek.size()));
    if (cek.empty() || cek.size() % 8 != 0)
        return make_error(errc::invalid_argument, "Triple-DES key wrap: the key to wrap must be a non-empty multiple of 8 bytes, not " + std::to_string(cek.size()));
    if (iv.size() != 8) return make_error(errc::invalid_argument, "Triple-DES key wrap: the IV must be 8 bytes");
    auto h = b.digest(digest_algorithm::sha1, cek);
    if (!h) return h.err();
    bytes cekicv(cek.begin(), cek.end());
    cekicv.insert(cekicv.end(), h->begin(), h->begin() + 8);
    auto temp1 = b.encrypt(cipher_algorithm::tripledes_cbc, kek, iv, cekicv, cbc_padding::none);
    if (!temp1) return temp1.err();
    bytes temp3(iv.begin(), iv.end());
    temp3.insert(temp3.end(), temp1->begin(), temp1->end());
    std::reverse(temp3.begin(), temp3.end());
    return b.encrypt(cipher_algorithm::tripledes_cbc, kek, byte_view(tdes_keywrap_iv2, 8), temp3, cbc_padding::none);
}

/// RFC 3217 unwrap; an integrity failure is `errc::decryption_failed`.
template <class Backend>
[[nodiscard]] result<bytes> tdes_key_unwrap(Backend const& b, byte_view kek, byte_view wrapped) {
    if (kek.size() != 24)
        return make_error(errc::invalid_argument, "Triple-DES key unwrap: the key-encryption key must be 24 bytes, not " + std::to_string(kek.size()));
    if (wrapped.size() < 24 || wrapped.size() % 8 != 0)
        return make_error(errc::invalid_argument, "Triple-DES key unwrap: the wrapped key must be a multiple of 8 bytes and at least 24, not " + std::to_string(wrapped.size()));
    auto temp3 = b.decrypt(cipher_algorithm::tripledes_cbc, kek, byte_view(tdes_keywrap_iv2, 8), wrapped, cbc_padding::none);
    if (!temp3) return temp3.err();
    std::reverse(temp3->begin(), temp3->end());
    byte_view temp2 = *temp3;
    auto cekicv = b.decrypt(cipher_algorithm::tripledes_cbc, kek, temp2.first(8), temp2.subspan(8), cbc_padding::none);
    if (!cekicv) return cekicv.err();
    byte_view all = *cekicv;
    byte_view cek = all.first(all.size() - 8);
    auto h = b.digest(digest_algorithm::sha1, cek);
    if (!h) return h.err();
    if (!b.constant_time_equal(byte_view(*h).first(8), all.last(8)))
        return make_error(errc::decryption_failed, "Triple-DES key unwrap: integrity check failed (wrong key-encryption key or corrupt data)");
    return bytes(cek.begin(), cek.end());
}

} // namespace wsbind::crypto

#endif
