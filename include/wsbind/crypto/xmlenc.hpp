// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_XMLENC_HPP
#define WSBIND_CRYPTO_XMLENC_HPP

/// \file
/// XML Encryption's block cipher framing over any crypto backend: the CipherValue of aes*-cbc and
/// tripledes-cbc is IV || CBC(plaintext || padding). Padding (XML Encryption 1.0 §5.2): the last
/// byte is the number of pad bytes (1..block size); the other pad bytes are arbitrary and are not
/// checked on decryption. wsbind writes every pad byte with the pad length (which is also valid
/// PKCS#7, for strict receivers).

#include <wsbind/crypto/backend.hpp>

namespace wsbind::crypto {

/// The pad length XML Encryption adds to `size` bytes (1..block).
[[nodiscard]] constexpr std::size_t xmlenc_pad_length(std::size_t size, std::size_t block) noexcept {
    return block - size % block;
}

/// IV || ciphertext, with a fresh random IV.
template <crypto_backend B>
[[nodiscard]] result<bytes> xmlenc_encrypt(B const& b, cipher_algorithm c, byte_view key, byte_view plaintext) {
    auto iv = b.random(block_size(c));
    if (!iv) return iv.err();
    auto ct = b.encrypt(c, key, *iv, plaintext, cbc_padding::xmlenc);
    if (!ct) return ct.err();
    bytes out = std::move(*iv);
    out.insert(out.end(), ct->begin(), ct->end());
    return out;
}

/// Inverse of `xmlenc_encrypt`.
template <crypto_backend B>
[[nodiscard]] result<bytes> xmlenc_decrypt(B const& b, cipher_algorithm c, byte_view key, byte_view iv_and_ciphertext) {
    std::size_t bs = block_size(c);
    if (iv_and_ciphertext.size() < 2 * bs || iv_and_ciphertext.size() % bs != 0)
        return make_error(errc::malformed_input, std::string(name_of(c)) + ": CipherValue must be an IV and at least one block (a multiple of " +
                                                     std::to_string(bs) + " bytes, at least " + std::to_string(2 * bs) + "), not " +
                                                     std::to_string(iv_and_ciphertext.size()) + " bytes");
    return b.decrypt(c, key, iv_and_ciphertext.first(bs), iv_and_ciphertext.subspan(bs), cbc_padding::xmlenc);
}

} // namespace wsbind::crypto

#endif
