// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_OPENSSL_BACKEND_HPP
#define WSBIND_CRYPTO_OPENSSL_BACKEND_HPP

/// \file
/// `wsbind::openssl_backend`: the crypto_backend over OpenSSL 3 (link OpenSSL::Crypto, or the
/// CMake target wsbind::openssl).
///
/// Notes on the less obvious parts:
///  - RSA PKCS#1 v1.5 key transport is decrypted with RSA_NO_PADDING (OpenSSL's blinded, constant-
///    time private operation) and decoded by crypto/detail/implicit_rejection.hpp: OpenSSL 3.0 has
///    no implicit rejection (it arrived in 3.2), and its RSA_PKCS1_PADDING error path is an oracle.
///  - PKCS#12 files are opened bag by bag; encrypted contents are decrypted in a private library
///    context that has the "legacy" provider, so RC2-40 files (Windows exports) load without
///    changing the application's own OpenSSL configuration.
///  - Certificate fields are decoded once at load time into a shared `certificate_info`.

#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/certificate_info.hpp>
#include <wsbind/crypto/chain.hpp>
#include <wsbind/crypto/detail/implicit_rejection.hpp>
#include <wsbind/crypto/detail/pkcs12.hpp>
#include <wsbind/crypto/openssl/detail/common.hpp>
#include <wsbind/crypto/tdes_keywrap.hpp>

#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind {

class openssl_backend {
public:
    static constexpr std::string_view name = "openssl";

    /// An RSA private key (shared, immutable).
    struct private_key {
        std::shared_ptr<EVP_PKEY> pkey;
        std::shared_ptr<crypto::bytes const> secret; ///< SHA-256 of the PKCS#1 RSAPrivateKey (implicit rejection)
    };
    /// A public key (shared, immutable).
    struct public_key {
        std::shared_ptr<EVP_PKEY> pkey;
    };
    /// An X.509 certificate with its decoded fields.
    struct certificate {
        std::shared_ptr<X509> x509;
        std::shared_ptr<crypto::certificate_info const> info;
    };
    /// A CRL with its decoded fields.
    struct crl {
        std::shared_ptr<X509_CRL> x509_crl;
        std::shared_ptr<crypto::crl_info const> info;
    };
    using pkcs12 = crypto::pkcs12_contents<private_key, certificate>;

    // ---- digests, MACs, KDF, random ------------------------------------------------------

    [[nodiscard]] crypto::result<crypto::bytes> digest(crypto::digest_algorithm d, crypto::byte_view data) const {
        auto const* md = algs().md(d);
        if (!md) return crypto::make_error(crypto::errc::unsupported, std::string(crypto::name_of(d)) + " is not available in this OpenSSL");
        crypto::bytes out(static_cast<std::size_t>(EVP_MD_get_size(md)));
        unsigned int len = 0;
        if (EVP_Digest(data.data(), data.size(), out.data(), &len, md, nullptr) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(d)) + " failed");
        out.resize(len);
        return out;
    }

    [[nodiscard]] crypto::result<crypto::bytes> hmac(crypto::mac_algorithm m, crypto::byte_view key, crypto::byte_view data) const {
        auto ctx = keyed_hmac(m, key);
        if (!ctx) return ctx.err();
        return hmac_finish(ctx->get(), data, m);
    }

    [[nodiscard]] crypto::result<crypto::bytes> p_sha1(crypto::byte_view secret, crypto::byte_view seed, std::size_t offset,
                                                       std::size_t length) const {
        // P_SHA1(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + ...,
        // A(0) = seed, A(i) = HMAC(secret, A(i-1))  (RFC 2246 §5). The keyed context is set up once
        // and duplicated per HMAC.
        if (length > (std::size_t{1} << 30) || offset > (std::size_t{1} << 30))
            return crypto::make_error(crypto::errc::invalid_argument, "P_SHA1: offset and length must be below 2^30 bytes");
        auto keyed = keyed_hmac(crypto::mac_algorithm::hmac_sha1, secret);
        if (!keyed) return keyed.err();
        std::size_t const total = offset + length;
        crypto::bytes out;
        out.reserve(total + 20);
        crypto::bytes a(seed.begin(), seed.end());
        crypto::bytes input;
        while (out.size() < total) {
            auto next_a = hmac_with(keyed->get(), a, {});
            if (!next_a) return next_a.err();
            a = std::move(*next_a);
            auto block = hmac_with(keyed->get(), a, seed);
            if (!block) return block.err();
            out.insert(out.end(), block->begin(), block->end());
        }
        return crypto::bytes(out.begin() + static_cast<std::ptrdiff_t>(offset), out.begin() + static_cast<std::ptrdiff_t>(total));
    }

    [[nodiscard]] crypto::result<crypto::bytes> random(std::size_t n) const {
        crypto::bytes out(n);
        if (n != 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RAND_bytes failed");
        return out;
    }

    [[nodiscard]] bool constant_time_equal(crypto::byte_view a, crypto::byte_view b) const noexcept {
        return a.size() == b.size() && (a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0);
    }

    // ---- symmetric ------------------------------------------------------------------------

    [[nodiscard]] crypto::result<crypto::bytes> encrypt(crypto::cipher_algorithm c, crypto::byte_view key, crypto::byte_view iv,
                                                        crypto::byte_view plaintext, crypto::cbc_padding padding) const {
        if (auto e = check_cbc_args(c, key, iv); !e) return e.err();
        std::size_t const bs = crypto::block_size(c);
        if (padding == crypto::cbc_padding::none && plaintext.size() % bs != 0)
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(c)) + " without padding: data must be a multiple of " +
                                                                          std::to_string(bs) + " bytes, not " + std::to_string(plaintext.size()));
        crypto::openssl_detail::cipher_ctx_ptr ctx(EVP_CIPHER_CTX_new());
        if (!ctx || EVP_EncryptInit_ex2(ctx.get(), algs().cbc(c), key.data(), iv.data(), nullptr) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(c)) + ": cipher initialisation failed");
        // XML Encryption padding as wsbind writes it (every pad byte holds the pad length, a whole
        // block when the data is block-aligned) is PKCS#7 padding, the cipher context's default;
        // only unpadded encryption changes the context (a parameter call costing ~3% on 1 KB).
        if (padding == crypto::cbc_padding::none) EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
        crypto::bytes out(plaintext.size() + bs);
        int len = 0, last = 0;
        if (!plaintext.empty() && EVP_EncryptUpdate(ctx.get(), out.data(), &len, plaintext.data(), static_cast<int>(plaintext.size())) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(c)) + ": encryption failed");
        if (EVP_EncryptFinal_ex(ctx.get(), out.data() + len, &last) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(c)) + ": encryption failed");
        out.resize(static_cast<std::size_t>(len) + static_cast<std::size_t>(last));
        return out;
    }

    [[nodiscard]] crypto::result<crypto::bytes> decrypt(crypto::cipher_algorithm c, crypto::byte_view key, crypto::byte_view iv,
                                                        crypto::byte_view ciphertext, crypto::cbc_padding padding) const {
        if (auto e = check_cbc_args(c, key, iv); !e) return e.err();
        std::size_t const bs = crypto::block_size(c);
        if (ciphertext.size() % bs != 0 || (padding == crypto::cbc_padding::xmlenc && ciphertext.empty()))
            return crypto::make_error(crypto::errc::malformed_input, std::string(crypto::name_of(c)) + ": ciphertext must be a non-empty multiple of " +
                                                                         std::to_string(bs) + " bytes, not " + std::to_string(ciphertext.size()));
        crypto::openssl_detail::cipher_ctx_ptr ctx(EVP_CIPHER_CTX_new());
        if (!ctx || EVP_DecryptInit_ex2(ctx.get(), algs().cbc(c), key.data(), iv.data(), nullptr) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(c)) + ": cipher initialisation failed");
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
        crypto::bytes out(ciphertext.size() + bs);
        int len = 0;
        if (!ciphertext.empty() && EVP_DecryptUpdate(ctx.get(), out.data(), &len, ciphertext.data(), static_cast<int>(ciphertext.size())) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(c)) + ": decryption failed");
        out.resize(static_cast<std::size_t>(len));
        if (padding == crypto::cbc_padding::xmlenc) {
            std::size_t pad = out.empty() ? 0 : out.back();
            if (pad < 1 || pad > bs || pad > out.size())
                return crypto::make_error(crypto::errc::decryption_failed, std::string(crypto::name_of(c)) + ": invalid XML Encryption padding");
            out.resize(out.size() - pad);
        }
        return out;
    }

    [[nodiscard]] crypto::result<crypto::bytes> key_wrap(crypto::key_wrap_algorithm w, crypto::byte_view kek, crypto::byte_view key) const {
        if (w == crypto::key_wrap_algorithm::tripledes_kw) {
            auto iv = random(8);
            if (!iv) return iv.err();
            return crypto::tdes_key_wrap(*this, kek, key, *iv);
        }
        if (kek.size() != crypto::kek_size(w))
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(w)) + ": the key-encryption key must be " +
                                                                          std::to_string(crypto::kek_size(w)) + " bytes, not " + std::to_string(kek.size()));
        if (key.size() < 16 || key.size() % 8 != 0)
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(w)) + ": the key to wrap must be a multiple of 8 bytes and at least 16, not " +
                                                                          std::to_string(key.size()));
        return run_wrap(w, kek, key, true);
    }

    [[nodiscard]] crypto::result<crypto::bytes> key_unwrap(crypto::key_wrap_algorithm w, crypto::byte_view kek, crypto::byte_view wrapped) const {
        if (w == crypto::key_wrap_algorithm::tripledes_kw) return crypto::tdes_key_unwrap(*this, kek, wrapped);
        if (kek.size() != crypto::kek_size(w))
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(w)) + ": the key-encryption key must be " +
                                                                          std::to_string(crypto::kek_size(w)) + " bytes, not " + std::to_string(kek.size()));
        if (wrapped.size() < 24 || wrapped.size() % 8 != 0)
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(w)) + ": the wrapped key must be a multiple of 8 bytes and at least 24, not " +
                                                                          std::to_string(wrapped.size()));
        return run_wrap(w, kek, wrapped, false);
    }

    // ---- RSA keys ---------------------------------------------------------------------------

    [[nodiscard]] crypto::result<private_key> generate_rsa_key(std::size_t bits) const {
        if (bits < 1024 || bits > 16384)
            return crypto::make_error(crypto::errc::invalid_argument, "RSA key generation: " + std::to_string(bits) + " bits is outside 1024..16384");
        EVP_PKEY* k = EVP_RSA_gen(static_cast<unsigned>(bits));
        if (!k) return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA key generation failed");
        return wrap_private(k);
    }

    [[nodiscard]] crypto::result<private_key> load_private_key(crypto::byte_view data, std::string_view password) const {
        if (data.empty()) return crypto::make_error(crypto::errc::malformed_input, "private key: empty input");
        bool const pem = looks_like_pem(data);
        bool const encrypted = pem ? contains(data, "ENCRYPTED") : der_is_encrypted_pkcs8(data);
        if (encrypted && password.empty())
            return crypto::make_error(crypto::errc::bad_password, "private key: the key is encrypted and no password was given");
        if (encrypted)
            if (auto e = crypto::detail::pkcs12::check_encrypted_private_key(data)) return crypto::make_error(crypto::errc::unsupported, "private key: " + *e);
        EVP_PKEY* pkey = nullptr;
        OSSL_DECODER_CTX* dctx = OSSL_DECODER_CTX_new_for_pkey(&pkey, pem ? "PEM" : "DER", nullptr, nullptr,
                                                               EVP_PKEY_KEYPAIR, nullptr, nullptr);
        if (!dctx) return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "private key: no decoder available");
        // Always set a passphrase: without one OpenSSL could prompt on the terminal.
        std::string pw(password);
        OSSL_DECODER_CTX_set_passphrase(dctx, reinterpret_cast<unsigned char const*>(pw.data()), pw.size());
        unsigned char const* p = data.data();
        std::size_t left = data.size();
        int ok = OSSL_DECODER_from_data(dctx, &p, &left);
        OSSL_DECODER_CTX_free(dctx);
        if (ok != 1 || !pkey) {
            if (pkey) EVP_PKEY_free(pkey);
            if (encrypted)
                return crypto::openssl_detail::ossl_error(crypto::errc::bad_password,
                                                          "private key: could not decrypt the key (wrong password or corrupt data)");
            return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input,
                                                      std::string("private key: not a valid ") + (pem ? "PEM" : "DER") + " PKCS#8 or PKCS#1 RSA key");
        }
        if (!EVP_PKEY_is_a(pkey, "RSA")) {
            std::string type = EVP_PKEY_get0_type_name(pkey) ? EVP_PKEY_get0_type_name(pkey) : "unknown";
            EVP_PKEY_free(pkey);
            return crypto::make_error(crypto::errc::unsupported, "private key: only RSA keys are supported, this is a " + type + " key");
        }
        return wrap_private(pkey);
    }

    [[nodiscard]] crypto::result<std::string> export_private_key(private_key const& key, std::string_view password) const {
        crypto::openssl_detail::bio_ptr out(BIO_new(BIO_s_mem()));
        std::string pw(password);
        int ok = PEM_write_bio_PKCS8PrivateKey(out.get(), key.pkey.get(), pw.empty() ? nullptr : algs().aes256_cbc,
                                               pw.empty() ? nullptr : pw.data(), static_cast<int>(pw.size()), nullptr, nullptr);
        if (ok != 1) return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "private key export failed");
        return crypto::openssl_detail::bio_string(out.get());
    }

    [[nodiscard]] public_key public_key_of(private_key const& key) const {
        unsigned char* der = nullptr;
        int len = i2d_PUBKEY(key.pkey.get(), &der);
        public_key out;
        if (len > 0) {
            unsigned char const* p = der;
            out.pkey.reset(d2i_PUBKEY(nullptr, &p, len), crypto::openssl_detail::evp_pkey_free{});
        }
        OPENSSL_free(der);
        return out;
    }

    [[nodiscard]] public_key certificate_public_key(certificate const& cert) const {
        return public_key{std::shared_ptr<EVP_PKEY>(X509_get_pubkey(cert.x509.get()), crypto::openssl_detail::evp_pkey_free{})};
    }

    [[nodiscard]] crypto::result<public_key> load_public_key(crypto::byte_view spki_der) const {
        unsigned char const* p = spki_der.data();
        EVP_PKEY* k = d2i_PUBKEY(nullptr, &p, static_cast<long>(spki_der.size()));
        if (!k) return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "public key: not a DER SubjectPublicKeyInfo");
        return public_key{std::shared_ptr<EVP_PKEY>(k, crypto::openssl_detail::evp_pkey_free{})};
    }

    [[nodiscard]] crypto::bytes public_key_spki(public_key const& key) const {
        crypto::bytes out;
        if (!key.pkey) return out;
        unsigned char* der = nullptr;
        int len = i2d_PUBKEY(key.pkey.get(), &der);
        if (len > 0) out.assign(der, der + len);
        OPENSSL_free(der);
        return out;
    }

    // ---- RSA operations ---------------------------------------------------------------------

    [[nodiscard]] crypto::result<crypto::bytes> rsa_sign(private_key const& key, crypto::digest_algorithm d, crypto::byte_view message) const {
        if (!key.pkey) return crypto::make_error(crypto::errc::invalid_argument, "RSA sign: no key");
        crypto::openssl_detail::md_ctx_ptr ctx(EVP_MD_CTX_new());
        EVP_PKEY_CTX* pctx = nullptr;
        if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, algs().md(d), nullptr, key.pkey.get()) != 1 ||
            EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) <= 0)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA sign: initialisation failed");
        std::size_t len = 0;
        if (EVP_DigestSign(ctx.get(), nullptr, &len, message.data(), message.size()) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA sign failed");
        crypto::bytes sig(len);
        if (EVP_DigestSign(ctx.get(), sig.data(), &len, message.data(), message.size()) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA sign failed");
        sig.resize(len);
        return sig;
    }

    [[nodiscard]] bool rsa_verify(public_key const& key, crypto::digest_algorithm d, crypto::byte_view message, crypto::byte_view signature) const {
        if (!key.pkey || !EVP_PKEY_is_a(key.pkey.get(), "RSA")) return false;
        // PKCS#1 v1.5 is the padding of an "RSA" key's verify context (RSA-PSS keys are refused
        // above); setting it again through the parameter interface cost 2-3% of a verification.
        crypto::openssl_detail::md_ctx_ptr ctx(EVP_MD_CTX_new());
        bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, algs().md(d), nullptr, key.pkey.get()) == 1 &&
                  EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(), message.size()) == 1;
        ERR_clear_error();
        return ok;
    }

    [[nodiscard]] crypto::result<crypto::bytes> rsa_encrypt(public_key const& key, crypto::key_transport_algorithm t, crypto::byte_view data) const {
        if (!key.pkey || !EVP_PKEY_is_a(key.pkey.get(), "RSA")) return crypto::make_error(crypto::errc::invalid_argument, "RSA encrypt: not an RSA key");
        crypto::openssl_detail::pkey_ctx_ptr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey.get(), nullptr));
        if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 || !set_transport_padding(ctx.get(), t))
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA encrypt: initialisation failed");
        std::size_t len = 0;
        if (EVP_PKEY_encrypt(ctx.get(), nullptr, &len, data.data(), data.size()) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA encrypt failed");
        crypto::bytes out(len);
        if (EVP_PKEY_encrypt(ctx.get(), out.data(), &len, data.data(), data.size()) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::invalid_argument,
                                                      std::string(crypto::name_of(t)) + ": " + std::to_string(data.size()) + " bytes do not fit this key");
        out.resize(len);
        return out;
    }

    [[nodiscard]] crypto::result<crypto::bytes> rsa_decrypt(private_key const& key, crypto::key_transport_algorithm t, crypto::byte_view ciphertext,
                                                            std::size_t expected_length) const {
        if (!key.pkey) return crypto::make_error(crypto::errc::invalid_argument, "RSA decrypt: no key");
        std::size_t const k = static_cast<std::size_t>(EVP_PKEY_get_size(key.pkey.get()));
        if (ciphertext.size() != k)
            return crypto::make_error(crypto::errc::malformed_input, std::string(crypto::name_of(t)) + ": ciphertext must be " + std::to_string(k) +
                                                                         " bytes for this key, not " + std::to_string(ciphertext.size()));
        crypto::openssl_detail::pkey_ctx_ptr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey.get(), nullptr));
        if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA decrypt: initialisation failed");
        if (t == crypto::key_transport_algorithm::rsa_oaep_mgf1p) {
            if (!set_transport_padding(ctx.get(), t))
                return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA decrypt: initialisation failed");
            crypto::bytes out(k);
            std::size_t len = k;
            int rc = EVP_PKEY_decrypt(ctx.get(), out.data(), &len, ciphertext.data(), ciphertext.size());
            ERR_clear_error();
            if (rc != 1 || (expected_length != 0 && len != expected_length))
                return crypto::make_error(crypto::errc::decryption_failed, "RSA-OAEP (MGF1-SHA1): decryption failed");
            out.resize(len);
            return out;
        }
        // PKCS#1 v1.5 with implicit rejection: raw private operation, then constant-time decode.
        if (EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) <= 0)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "RSA decrypt: initialisation failed");
        crypto::bytes em(k);
        std::size_t len = k;
        if (EVP_PKEY_decrypt(ctx.get(), em.data(), &len, ciphertext.data(), ciphertext.size()) != 1 || len != k)
            // Only public conditions fail here (ciphertext not below the modulus).
            return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "RSA PKCS#1 v1.5: ciphertext is not a valid RSA value for this key");
        return crypto::detail::pkcs1v15_decode_implicit(em, ciphertext, *key.secret, expected_length,
                                                        [this](crypto::byte_view hk, crypto::byte_view hd) {
                                                            return hmac(crypto::mac_algorithm::hmac_sha256, hk, hd);
                                                        });
    }

    // ---- certificates -------------------------------------------------------------------------

    [[nodiscard]] crypto::result<certificate> load_certificate(crypto::byte_view data) const {
        auto all = load_certificates(data);
        if (!all) return all.err();
        return std::move(all->front());
    }

    [[nodiscard]] crypto::result<std::vector<certificate>> load_certificates(crypto::byte_view data) const {
        std::vector<certificate> out;
        if (data.empty()) return crypto::make_error(crypto::errc::malformed_input, "certificate: empty input");
        if (looks_like_pem(data)) {
            auto bio = crypto::openssl_detail::memory_bio(data);
            for (;;) {
                X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
                if (!x) break;
                auto c = wrap_certificate(x);
                if (!c) return c.err();
                out.push_back(std::move(*c));
            }
            unsigned long e = ERR_peek_last_error();
            bool clean_end = e == 0 || (ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE);
            if (!clean_end || out.empty()) {
                if (out.empty())
                    return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "certificate: no valid PEM CERTIFICATE block");
                return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input,
                                                          "certificate: PEM block " + std::to_string(out.size() + 1) + " is corrupt or truncated");
            }
            ERR_clear_error();
            return out;
        }
        unsigned char const* p = data.data();
        X509* x = d2i_X509(nullptr, &p, static_cast<long>(data.size()));
        if (!x) return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "certificate: not a valid DER X.509 certificate");
        if (static_cast<std::size_t>(p - data.data()) != data.size()) {
            X509_free(x);
            return crypto::make_error(crypto::errc::malformed_input, "certificate: " + std::to_string(data.size() - static_cast<std::size_t>(p - data.data())) +
                                                                         " bytes of trailing data after the DER certificate");
        }
        auto c = wrap_certificate(x);
        if (!c) return c.err();
        out.push_back(std::move(*c));
        return out;
    }

    [[nodiscard]] crypto::certificate_info const& info(certificate const& cert) const noexcept { return *cert.info; }

    [[nodiscard]] bool key_matches(private_key const& key, certificate const& cert) const {
        if (!key.pkey || !cert.x509) return false;
        EVP_PKEY* pub = X509_get0_pubkey(cert.x509.get());
        bool ok = pub && EVP_PKEY_eq(pub, key.pkey.get()) == 1;
        ERR_clear_error();
        return ok;
    }

    [[nodiscard]] crypto::result<pkcs12> load_pkcs12(crypto::byte_view data, std::string_view password) const;

    // ---- CRLs and chains ---------------------------------------------------------------------

    [[nodiscard]] crypto::result<crl> load_crl(crypto::byte_view data) const {
        if (data.empty()) return crypto::make_error(crypto::errc::malformed_input, "CRL: empty input");
        X509_CRL* c = nullptr;
        if (looks_like_pem(data)) {
            auto bio = crypto::openssl_detail::memory_bio(data);
            c = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr);
            if (!c) return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "CRL: no valid PEM X509 CRL block");
        } else {
            unsigned char const* p = data.data();
            c = d2i_X509_CRL(nullptr, &p, static_cast<long>(data.size()));
            if (!c) return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "CRL: not a valid DER CRL");
        }
        std::shared_ptr<X509_CRL> owned(c, crypto::openssl_detail::x509_crl_free{});
        unsigned char* der = nullptr;
        int len = i2d_X509_CRL(c, &der);
        if (len <= 0) return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "CRL: cannot be re-encoded");
        auto info = crypto::detail::decode_crl_info(crypto::byte_view(der, static_cast<std::size_t>(len)));
        OPENSSL_free(der);
        if (!info) return info.err();
        return crl{std::move(owned), std::make_shared<crypto::crl_info const>(std::move(*info))};
    }

    [[nodiscard]] crypto::crl_info const& crl_info(crl const& c) const noexcept { return *c.info; }

    [[nodiscard]] crypto::chain_result verify_chain(certificate const& leaf, std::span<certificate const> untrusted,
                                                    std::span<certificate const> anchors, std::span<crl const> crls,
                                                    crypto::chain_options const& options) const;

private:
    static crypto::openssl_detail::algorithms const& algs() { return crypto::openssl_detail::algorithms::get(); }

    static bool looks_like_pem(crypto::byte_view data) noexcept { return contains(data, "-----BEGIN "); }
    static bool contains(crypto::byte_view data, std::string_view what) noexcept {
        std::string_view s(reinterpret_cast<char const*>(data.data()), data.size());
        return s.find(what) != std::string_view::npos;
    }
    /// DER EncryptedPrivateKeyInfo starts SEQUENCE { SEQUENCE (AlgorithmIdentifier), OCTET STRING };
    /// PrivateKeyInfo and RSAPrivateKey start with an INTEGER.
    static bool der_is_encrypted_pkcs8(crypto::byte_view data) noexcept {
        crypto::byte_view in = data;
        auto outer = crypto::der::read(in, crypto::der::tag::sequence);
        if (!outer) return false;
        auto first = crypto::der::peek_tag(outer->content);
        return first && *first == crypto::der::tag::sequence;
    }

    static crypto::result<void> check_cbc_args(crypto::cipher_algorithm c, crypto::byte_view key, crypto::byte_view iv) {
        if (key.size() != crypto::key_size(c))
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(c)) + ": key must be " + std::to_string(crypto::key_size(c)) +
                                                                          " bytes, not " + std::to_string(key.size()));
        if (iv.size() != crypto::block_size(c))
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(c)) + ": IV must be " + std::to_string(crypto::block_size(c)) +
                                                                          " bytes, not " + std::to_string(iv.size()));
        if (!algs().cbc(c)) return crypto::make_error(crypto::errc::unsupported, std::string(crypto::name_of(c)) + " is not available in this OpenSSL");
        return {};
    }

    crypto::result<crypto::bytes> run_wrap(crypto::key_wrap_algorithm w, crypto::byte_view kek, crypto::byte_view in, bool wrap) const {
        EVP_CIPHER const* cipher = algs().wrap(w);
        if (!cipher) return crypto::make_error(crypto::errc::unsupported, std::string(crypto::name_of(w)) + " is not available in this OpenSSL");
        crypto::openssl_detail::cipher_ctx_ptr ctx(EVP_CIPHER_CTX_new());
        if (!ctx) return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "key wrap: out of memory");
        EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
        int ok = wrap ? EVP_EncryptInit_ex2(ctx.get(), cipher, kek.data(), nullptr, nullptr)
                      : EVP_DecryptInit_ex2(ctx.get(), cipher, kek.data(), nullptr, nullptr);
        if (ok != 1) return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(w)) + ": initialisation failed");
        crypto::bytes out(in.size() + 16);
        int len = 0;
        ok = wrap ? EVP_EncryptUpdate(ctx.get(), out.data(), &len, in.data(), static_cast<int>(in.size()))
                  : EVP_DecryptUpdate(ctx.get(), out.data(), &len, in.data(), static_cast<int>(in.size()));
        if (ok != 1 || len <= 0) {
            ERR_clear_error();
            if (!wrap)
                return crypto::make_error(crypto::errc::decryption_failed, std::string(crypto::name_of(w)) +
                                                                               ": integrity check failed (wrong key-encryption key or corrupt data)");
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(w)) + " failed");
        }
        out.resize(static_cast<std::size_t>(len));
        return out;
    }

    crypto::result<crypto::openssl_detail::mac_ctx_ptr> keyed_hmac(crypto::mac_algorithm m, crypto::byte_view key) const {
        crypto::openssl_detail::mac_ctx_ptr ctx(EVP_MAC_CTX_new(algs().hmac));
        if (!ctx) return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "HMAC: out of memory");
        char digest_name[8];
        std::strcpy(digest_name, m == crypto::mac_algorithm::hmac_sha1 ? "SHA1" : "SHA256");
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0), OSSL_PARAM_construct_end()};
        static constexpr unsigned char empty_key = 0;
        if (EVP_MAC_init(ctx.get(), key.empty() ? &empty_key : key.data(), key.size(), params) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(m)) + ": initialisation failed");
        return ctx;
    }

    static crypto::result<crypto::bytes> hmac_finish(EVP_MAC_CTX* ctx, crypto::byte_view data, crypto::mac_algorithm m) {
        crypto::bytes out(crypto::digest_size(crypto::digest_of(m)));
        std::size_t len = 0;
        if (EVP_MAC_update(ctx, data.data(), data.size()) != 1 || EVP_MAC_final(ctx, out.data(), &len, out.size()) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, std::string(crypto::name_of(m)) + " failed");
        out.resize(len);
        return out;
    }

    static crypto::result<crypto::bytes> hmac_with(EVP_MAC_CTX* keyed, crypto::byte_view a, crypto::byte_view b) {
        crypto::openssl_detail::mac_ctx_ptr ctx(EVP_MAC_CTX_dup(keyed));
        crypto::bytes out(20);
        std::size_t len = 0;
        if (!ctx || EVP_MAC_update(ctx.get(), a.data(), a.size()) != 1 || (!b.empty() && EVP_MAC_update(ctx.get(), b.data(), b.size()) != 1) ||
            EVP_MAC_final(ctx.get(), out.data(), &len, out.size()) != 1)
            return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "P_SHA1: HMAC-SHA1 failed");
        out.resize(len);
        return out;
    }

    static bool set_transport_padding(EVP_PKEY_CTX* ctx, crypto::key_transport_algorithm t) {
        if (t == crypto::key_transport_algorithm::rsa_1_5) return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0;
        return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) > 0 && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, algs().sha1) > 0 &&
               EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, algs().sha1) > 0;
    }

    crypto::result<private_key> wrap_private(EVP_PKEY* pkey) const {
        private_key out;
        out.pkey.reset(pkey, crypto::openssl_detail::evp_pkey_free{});
        unsigned char* der = nullptr;
        int len = i2d_PrivateKey(pkey, &der); // PKCS#1 RSAPrivateKey for RSA
        if (len <= 0) return crypto::openssl_detail::ossl_error(crypto::errc::library_error, "private key: cannot be encoded");
        auto h = digest(crypto::digest_algorithm::sha256, crypto::byte_view(der, static_cast<std::size_t>(len)));
        OPENSSL_clear_free(der, static_cast<std::size_t>(len));
        if (!h) return h.err();
        out.secret = std::make_shared<crypto::bytes const>(std::move(*h));
        return out;
    }

    crypto::result<certificate> wrap_certificate(X509* x) const {
        std::shared_ptr<X509> owned(x, crypto::openssl_detail::x509_free{});
        unsigned char* der = nullptr;
        int len = i2d_X509(x, &der);
        if (len <= 0) return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "certificate: cannot be re-encoded");
        crypto::byte_view view(der, static_cast<std::size_t>(len));
        auto info = crypto::detail::decode_certificate_info(view);
        if (!info) {
            OPENSSL_free(der);
            return info.err();
        }
        auto h = digest(crypto::digest_algorithm::sha1, view);
        OPENSSL_free(der);
        if (!h) return h.err();
        info->thumbprint = std::move(*h);
        info->thumbprint_hex = crypto::to_hex(info->thumbprint);
        return certificate{std::move(owned), std::make_shared<crypto::certificate_info const>(std::move(*info))};
    }

    crypto::result<certificate> certificate_from_x509_copy(X509 const* x) const {
        unsigned char* der = nullptr;
        int len = i2d_X509(x, &der);
        if (len <= 0) return crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "certificate: cannot be re-encoded");
        auto r = load_certificate(crypto::byte_view(der, static_cast<std::size_t>(len)));
        OPENSSL_free(der);
        return r;
    }
};

} // namespace wsbind

#include <wsbind/crypto/openssl/impl/backend.hpp>

#endif
