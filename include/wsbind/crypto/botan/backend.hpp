// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_BOTAN_BACKEND_HPP
#define WSBIND_CRYPTO_BOTAN_BACKEND_HPP

/// \file
/// `wsbind::botan_backend`: the crypto_backend over Botan 2 (pkg-config botan-2, or the CMake
/// target wsbind::botan).
///
/// Notes on the less obvious parts:
///  - RSA PKCS#1 v1.5 key transport: the k-byte block m = c^d mod n comes from Botan's blinded
///    private operation through a PK_Signer with the "Raw" encoding (fixed-length output, no
///    padding logic), and is decoded by crypto/detail/implicit_rejection.hpp (constant time,
///    implicit rejection). Botan's own EME-PKCS1-v1_5 decryptor is not used.
///  - Botan 2 has no PKCS#12 reader and no RC2: PKCS#12 is read by crypto/detail/pkcs12.hpp over
///    Botan's hashes, HMAC, CBC ciphers and PBKDF2, with the RFC 2268 RC2 of crypto/detail/rc2.hpp for
///    legacy RC2-40 files.
///  - Chain verification uses Botan's PKIX path validation with a minimum signature strength of
///    80 bits (so SHA-1-signed and RSA-1024 chains are judged like .NET and OpenSSL judge them)
///    and revocation data required for intermediates too when revocation is checked.
///  - Legacy OpenSSL PEM encryption ("Proc-Type: 4,ENCRYPTED") is not supported by Botan.
///  - Hash, HMAC and CBC objects are cached per thread (re-keyed on each use); one-shot HMAC is
///    RFC 2104 over the cached hash object, with its pads scrubbed after each call.

#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/certificate_info.hpp>
#include <wsbind/crypto/chain.hpp>
#include <wsbind/crypto/detail/implicit_rejection.hpp>
#include <wsbind/crypto/detail/pkcs12.hpp>
#include <wsbind/crypto/tdes_keywrap.hpp>

#include <botan/auto_rng.h>
#include <botan/bigint.h>
#include <botan/certstor.h>
#include <botan/cipher_mode.h>
#include <botan/data_src.h>
#include <botan/der_enc.h>
#include <botan/hash.h>
#include <botan/mac.h>
#include <botan/mem_ops.h>
#include <botan/pem.h>
#include <botan/pwdhash.h>
#include <botan/pk_keys.h>
#include <botan/pkcs8.h>
#include <botan/pubkey.h>
#include <botan/rfc3394.h>
#include <botan/rsa.h>
#include <botan/system_rng.h>
#include <botan/version.h>
#include <botan/x509_crl.h>
#include <botan/x509_key.h>
#include <botan/x509cert.h>
#include <botan/x509path.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#if BOTAN_VERSION_MAJOR != 2
#error "wsbind::botan_backend requires Botan 2"
#endif

namespace wsbind {

namespace botan_detail {

inline char const* hash_name(crypto::digest_algorithm d) noexcept {
    switch (d) {
    case crypto::digest_algorithm::sha1: return "SHA-160";
    case crypto::digest_algorithm::sha256: return "SHA-256";
    case crypto::digest_algorithm::sha384: return "SHA-384";
    case crypto::digest_algorithm::sha512: return "SHA-512";
    }
    return "SHA-256";
}

/// Per-thread cache of hash objects (Botan's objects are not thread-safe; creating one per call
/// costs an allocation and a registry lookup).
inline Botan::HashFunction& hash(crypto::digest_algorithm d) {
    thread_local std::array<std::unique_ptr<Botan::HashFunction>, 4> cache;
    auto& slot = cache[static_cast<std::size_t>(d)];
    if (!slot) slot = Botan::HashFunction::create_or_throw(hash_name(d));
    return *slot;
}

inline Botan::MessageAuthenticationCode& hmac(crypto::digest_algorithm d) {
    thread_local std::array<std::unique_ptr<Botan::MessageAuthenticationCode>, 4> cache;
    auto& slot = cache[static_cast<std::size_t>(d)];
    if (!slot) slot = Botan::MessageAuthenticationCode::create_or_throw(std::string("HMAC(") + hash_name(d) + ")");
    return *slot;
}

/// A block for HMAC's key-derived pads, scrubbed when it goes out of scope.
struct scrubbed_block {
    std::array<std::uint8_t, 128> bytes{}; // the largest hash block (SHA-384/512)
    scrubbed_block() = default;
    scrubbed_block(scrubbed_block const&) = delete;
    scrubbed_block& operator=(scrubbed_block const&) = delete;
    ~scrubbed_block() { Botan::secure_scrub_memory(bytes.data(), bytes.size()); }
};

/// Per-thread cache of CBC mode objects, one per cipher and direction (re-keyed per use).
inline Botan::Cipher_Mode& cbc_mode(crypto::cipher_algorithm c, bool encrypt) {
    thread_local std::array<std::unique_ptr<Botan::Cipher_Mode>, 8> cache;
    auto& slot = cache[static_cast<std::size_t>(c) * 2 + (encrypt ? 0 : 1)];
    if (!slot) {
        char const* name = c == crypto::cipher_algorithm::aes128_cbc   ? "AES-128/CBC/NoPadding"
                           : c == crypto::cipher_algorithm::aes192_cbc ? "AES-192/CBC/NoPadding"
                           : c == crypto::cipher_algorithm::aes256_cbc ? "AES-256/CBC/NoPadding"
                                                                       : "TripleDES/CBC/NoPadding";
        slot = Botan::Cipher_Mode::create_or_throw(name, encrypt ? Botan::ENCRYPTION : Botan::DECRYPTION);
    }
    return *slot;
}

/// A small per-key pool of Botan operation objects (PK_Signer, PK_Decryptor_EME, ...). Creating
/// one for an RSA private key costs about as much as the operation itself (blinding and Montgomery
/// set-up), so they are kept with the key and handed to one caller at a time.
template <class Op>
class op_pool {
public:
    class lease {
    public:
        lease(op_pool* pool, std::string key, std::unique_ptr<Op> op) : pool_(pool), key_(std::move(key)), op_(std::move(op)) {}
        lease(lease&&) noexcept = default;
        lease(lease const&) = delete;
        lease& operator=(lease const&) = delete;
        lease& operator=(lease&&) = delete;
        ~lease() {
            if (op_) pool_->give_back(key_, std::move(op_));
        }
        Op& operator*() const noexcept { return *op_; }
        Op* operator->() const noexcept { return op_.get(); }
        /// Do not return the object to the pool (after an exception its state is unknown).
        void discard() noexcept { op_.reset(); }

    private:
        op_pool* pool_;
        std::string key_;
        std::unique_ptr<Op> op_;
    };

    template <class Make>
    lease take(std::string const& key, Make&& make) {
        {
            std::lock_guard lock(mutex_);
            auto& free = free_[key];
            if (!free.empty()) {
                auto op = std::move(free.back());
                free.pop_back();
                return lease(this, key, std::move(op));
            }
        }
        return lease(this, key, make());
    }

private:
    void give_back(std::string const& key, std::unique_ptr<Op> op) {
        std::lock_guard lock(mutex_);
        auto& free = free_[key];
        if (free.size() < 8) free.push_back(std::move(op));
    }
    std::mutex mutex_;
    std::map<std::string, std::vector<std::unique_ptr<Op>>> free_;
};

struct private_ops {
    op_pool<Botan::PK_Signer> signers;
    op_pool<Botan::PK_Decryptor_EME> decryptors;
};
struct public_ops {
    op_pool<Botan::PK_Verifier> verifiers;
    op_pool<Botan::PK_Encryptor_EME> encryptors;
};

inline crypto::error from_exception(crypto::errc code, std::string what, std::exception const& e) {
    return crypto::error{code, std::move(what) + " (Botan: " + e.what() + ")"};
}

inline std::string_view text(crypto::byte_view data) noexcept { return {reinterpret_cast<char const*>(data.data()), data.size()}; }

/// The PEM blocks with one of the given labels, in order: (label, whole block text).
inline std::vector<std::pair<std::string, std::string_view>> pem_blocks(crypto::byte_view data) {
    std::vector<std::pair<std::string, std::string_view>> out;
    std::string_view s = text(data);
    std::size_t pos = 0;
    while ((pos = s.find("-----BEGIN ", pos)) != std::string_view::npos) {
        std::size_t label_start = pos + 11;
        std::size_t label_end = s.find("-----", label_start);
        if (label_end == std::string_view::npos) {
            out.emplace_back("", s.substr(pos));
            break;
        }
        std::string label(s.substr(label_start, label_end - label_start));
        std::string end_marker = "-----END " + label + "-----";
        std::size_t end = s.find(end_marker, label_end);
        if (end == std::string_view::npos) {
            out.emplace_back(label, s.substr(pos));
            break;
        }
        out.emplace_back(label, s.substr(pos, end + end_marker.size() - pos));
        pos = end + end_marker.size();
    }
    return out;
}

inline bool looks_like_pem(crypto::byte_view data) noexcept { return text(data).find("-----BEGIN ") != std::string_view::npos; }

/// The DER must be exactly one TLV.
inline bool single_der(crypto::byte_view data) noexcept {
    crypto::byte_view in = data;
    return crypto::der::read(in).has_value() && in.empty();
}

inline std::uint32_t map_status(Botan::Certificate_Status_Code c) noexcept {
    using C = Botan::Certificate_Status_Code;
    namespace s = crypto::chain_status;
    switch (c) {
    case C::CERT_NOT_YET_VALID:
    case C::CERT_HAS_EXPIRED: return s::not_time_valid;
    case C::CERT_IS_REVOKED: return s::revoked;
    case C::SIGNATURE_ERROR:
    case C::CERT_PUBKEY_INVALID:
    case C::SIGNATURE_ALGO_UNKNOWN:
    case C::SIGNATURE_ALGO_BAD_PARAMS:
    case C::SIGNATURE_METHOD_TOO_WEAK:
    case C::UNTRUSTED_HASH: return s::not_signature_valid;
    case C::NO_REVOCATION_DATA:
    case C::NO_MATCHING_CRLDP:
    case C::CRL_NOT_YET_VALID:
    case C::CRL_HAS_EXPIRED:
    case C::CRL_BAD_SIGNATURE:
    case C::CA_CERT_NOT_FOR_CRL_ISSUER: return s::revocation_status_unknown;
    case C::CANNOT_ESTABLISH_TRUST:
    case C::CHAIN_LACKS_TRUST_ROOT: return s::untrusted_root;
    case C::CERT_ISSUER_NOT_FOUND: return s::partial_chain;
    case C::CA_CERT_NOT_FOR_CERT_ISSUER:
    case C::CERT_CHAIN_TOO_LONG: return s::invalid_basic_constraints;
    case C::INVALID_USAGE:
    case C::POLICY_ERROR: return s::not_valid_for_usage;
    case C::UNKNOWN_CRITICAL_EXTENSION:
    case C::DUPLICATE_CERT_EXTENSION:
    case C::EXT_IN_V1_V2_CERT: return s::invalid_extension;
    default: return s::other;
    }
}

} // namespace botan_detail

class botan_backend {
public:
    static constexpr std::string_view name = "botan";

    struct private_key {
        std::shared_ptr<Botan::RSA_PrivateKey const> key;
        std::shared_ptr<crypto::bytes const> secret; ///< SHA-256 of the PKCS#1 RSAPrivateKey (implicit rejection)
        std::shared_ptr<botan_detail::private_ops> ops = std::make_shared<botan_detail::private_ops>();
    };
    struct public_key {
        std::shared_ptr<Botan::Public_Key const> key;
        std::shared_ptr<botan_detail::public_ops> ops = std::make_shared<botan_detail::public_ops>();
    };
    struct certificate {
        std::shared_ptr<Botan::X509_Certificate const> x509;
        std::shared_ptr<crypto::certificate_info const> info;
        public_key subject_key; ///< loaded once, with its operation pool
    };
    struct crl {
        std::shared_ptr<Botan::X509_CRL const> x509_crl;
        std::shared_ptr<crypto::crl_info const> info;
    };
    using pkcs12 = crypto::pkcs12_contents<private_key, certificate>;

    // ---- digests, MACs, KDF, random ------------------------------------------------------

    [[nodiscard]] crypto::result<crypto::bytes> digest(crypto::digest_algorithm d, crypto::byte_view data) const {
        try {
            auto& h = botan_detail::hash(d);
            h.update(data.data(), data.size());
            crypto::bytes out(h.output_length());
            h.final(out.data());
            return out;
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, std::string(crypto::name_of(d)) + " failed", e);
        }
    }

    [[nodiscard]] crypto::result<crypto::bytes> hmac(crypto::mac_algorithm m, crypto::byte_view key, crypto::byte_view data) const {
        return hmac_any(crypto::digest_of(m), key, data);
    }

    /// HMAC over any of the four digests (PKCS#12 MACs use SHA-384/512 too): RFC 2104 over the
    /// per-thread hash object. The key-derived pad lives on the stack and is scrubbed before
    /// returning (also on failure), and the hash object is back at its initial state after each
    /// final(), so no key material outlives the call. (Botan's HMAC object would need clear() —
    /// which frees and reallocates its locked key buffers — to give the same guarantee; that
    /// cost 12% on 1 KB messages.)
    [[nodiscard]] crypto::result<crypto::bytes> hmac_any(crypto::digest_algorithm d, crypto::byte_view key, crypto::byte_view data) const {
        Botan::HashFunction* hp = nullptr;
        botan_detail::scrubbed_block pad;
        try {
            hp = &botan_detail::hash(d);
            auto& h = *hp;
            std::size_t const block = h.hash_block_size();
            std::size_t const n = h.output_length();
            if (block == 0 || block > pad.bytes.size() || n > block)
                return crypto::make_error(crypto::errc::unsupported, std::string("HMAC over ") + std::string(crypto::name_of(d)) + ": unexpected block size");
            if (key.size() > block) { // K' = H(K)
                h.update(key.data(), key.size());
                h.final(pad.bytes.data());
            } else if (!key.empty()) {
                std::copy(key.begin(), key.end(), pad.bytes.begin());
            }
            for (std::size_t i = 0; i < block; ++i) pad.bytes[i] ^= 0x36;
            h.update(pad.bytes.data(), block);
            h.update(data.data(), data.size());
            crypto::bytes out(n);
            h.final(out.data());
            for (std::size_t i = 0; i < block; ++i) pad.bytes[i] ^= 0x36 ^ 0x5c;
            h.update(pad.bytes.data(), block);
            h.update(out.data(), n);
            h.final(out.data());
            return out;
        } catch (std::exception const& e) {
            if (hp) hp->clear(); // may hold a partly absorbed pad
            return botan_detail::from_exception(crypto::errc::library_error, "HMAC failed", e);
        }
    }

    [[nodiscard]] crypto::result<crypto::bytes> p_sha1(crypto::byte_view secret, crypto::byte_view seed, std::size_t offset,
                                                       std::size_t length) const {
        if (length > (std::size_t{1} << 30) || offset > (std::size_t{1} << 30))
            return crypto::make_error(crypto::errc::invalid_argument, "P_SHA1: offset and length must be below 2^30 bytes");
        try {
            // RFC 2246 §5 P_hash with HMAC-SHA1, keyed once.
            auto& mac = botan_detail::hmac(crypto::digest_algorithm::sha1);
            mac.set_key(secret.data(), secret.size());
            std::size_t const total = offset + length;
            crypto::bytes out;
            out.reserve(total + 20);
            crypto::bytes a(seed.begin(), seed.end());
            crypto::bytes block(20);
            while (out.size() < total) {
                mac.update(a.data(), a.size());
                a.resize(20);
                mac.final(a.data());
                mac.update(a.data(), a.size());
                mac.update(seed.data(), seed.size());
                mac.final(block.data());
                out.insert(out.end(), block.begin(), block.end());
            }
            mac.clear();
            return crypto::bytes(out.begin() + static_cast<std::ptrdiff_t>(offset), out.begin() + static_cast<std::ptrdiff_t>(total));
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, "P_SHA1 failed", e);
        }
    }

    [[nodiscard]] crypto::result<crypto::bytes> random(std::size_t n) const {
        try {
            crypto::bytes out(n);
            if (n) Botan::system_rng().randomize(out.data(), n);
            return out;
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, "random generation failed", e);
        }
    }

    [[nodiscard]] bool constant_time_equal(crypto::byte_view a, crypto::byte_view b) const noexcept {
        return a.size() == b.size() && (a.empty() || Botan::constant_time_compare(a.data(), b.data(), a.size()));
    }

    // ---- symmetric ------------------------------------------------------------------------

    [[nodiscard]] crypto::result<crypto::bytes> encrypt(crypto::cipher_algorithm c, crypto::byte_view key, crypto::byte_view iv,
                                                        crypto::byte_view plaintext, crypto::cbc_padding padding) const {
        if (auto e = check_cbc_args(c, key, iv); !e) return e.err();
        std::size_t const bs = crypto::block_size(c);
        if (padding == crypto::cbc_padding::none && plaintext.size() % bs != 0)
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(c)) + " without padding: data must be a multiple of " +
                                                                          std::to_string(bs) + " bytes, not " + std::to_string(plaintext.size()));
        try {
            auto& mode = botan_detail::cbc_mode(c, true);
            mode.set_key(key.data(), key.size());
            mode.start(iv.data(), iv.size());
            std::size_t const pad = padding == crypto::cbc_padding::xmlenc ? bs - plaintext.size() % bs : 0;
            crypto::bytes out(plaintext.size() + pad);
            std::copy(plaintext.begin(), plaintext.end(), out.begin());
            std::fill(out.begin() + static_cast<std::ptrdiff_t>(plaintext.size()), out.end(), static_cast<std::uint8_t>(pad));
            if (!out.empty()) mode.process(out.data(), out.size()); // CBC over whole blocks, in place
            mode.clear(); // do not keep the key schedule in the cached object
            return out;
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, std::string(crypto::name_of(c)) + ": encryption failed", e);
        }
    }

    [[nodiscard]] crypto::result<crypto::bytes> decrypt(crypto::cipher_algorithm c, crypto::byte_view key, crypto::byte_view iv,
                                                        crypto::byte_view ciphertext, crypto::cbc_padding padding) const {
        if (auto e = check_cbc_args(c, key, iv); !e) return e.err();
        std::size_t const bs = crypto::block_size(c);
        if (ciphertext.size() % bs != 0 || (padding == crypto::cbc_padding::xmlenc && ciphertext.empty()))
            return crypto::make_error(crypto::errc::malformed_input, std::string(crypto::name_of(c)) + ": ciphertext must be a non-empty multiple of " +
                                                                         std::to_string(bs) + " bytes, not " + std::to_string(ciphertext.size()));
        try {
            auto& mode = botan_detail::cbc_mode(c, false);
            mode.set_key(key.data(), key.size());
            mode.start(iv.data(), iv.size());
            crypto::bytes buf(ciphertext.begin(), ciphertext.end());
            if (!buf.empty()) mode.process(buf.data(), buf.size()); // whole blocks, in place
            mode.clear();
            if (padding == crypto::cbc_padding::xmlenc) {
                std::size_t pad = buf.empty() ? 0 : buf.back();
                if (pad < 1 || pad > bs || pad > buf.size())
                    return crypto::make_error(crypto::errc::decryption_failed, std::string(crypto::name_of(c)) + ": invalid XML Encryption padding");
                buf.resize(buf.size() - pad);
            }
            return buf;
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, std::string(crypto::name_of(c)) + ": decryption failed", e);
        }
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
        try {
            auto out = Botan::rfc3394_keywrap(Botan::secure_vector<std::uint8_t>(key.begin(), key.end()), Botan::SymmetricKey(kek.data(), kek.size()));
            return crypto::bytes(out.begin(), out.end());
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, std::string(crypto::name_of(w)) + " failed", e);
        }
    }

    [[nodiscard]] crypto::result<crypto::bytes> key_unwrap(crypto::key_wrap_algorithm w, crypto::byte_view kek, crypto::byte_view wrapped) const {
        if (w == crypto::key_wrap_algorithm::tripledes_kw) return crypto::tdes_key_unwrap(*this, kek, wrapped);
        if (kek.size() != crypto::kek_size(w))
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(w)) + ": the key-encryption key must be " +
                                                                          std::to_string(crypto::kek_size(w)) + " bytes, not " + std::to_string(kek.size()));
        if (wrapped.size() < 24 || wrapped.size() % 8 != 0)
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(w)) + ": the wrapped key must be a multiple of 8 bytes and at least 24, not " +
                                                                          std::to_string(wrapped.size()));
        try {
            auto out = Botan::rfc3394_keyunwrap(Botan::secure_vector<std::uint8_t>(wrapped.begin(), wrapped.end()), Botan::SymmetricKey(kek.data(), kek.size()));
            return crypto::bytes(out.begin(), out.end());
        } catch (std::exception const&) {
            return crypto::make_error(crypto::errc::decryption_failed, std::string(crypto::name_of(w)) + ": integrity check failed (wrong key-encryption key or corrupt data)");
        }
    }

    // ---- RSA keys ---------------------------------------------------------------------------

    [[nodiscard]] crypto::result<private_key> generate_rsa_key(std::size_t bits) const {
        if (bits < 1024 || bits > 16384)
            return crypto::make_error(crypto::errc::invalid_argument, "RSA key generation: " + std::to_string(bits) + " bits is outside 1024..16384");
        try {
            return wrap_private(std::make_shared<Botan::RSA_PrivateKey>(Botan::system_rng(), bits));
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, "RSA key generation failed", e);
        }
    }

    [[nodiscard]] crypto::result<private_key> load_private_key(crypto::byte_view data, std::string_view password) const {
        using crypto::errc;
        if (data.empty()) return crypto::make_error(errc::malformed_input, "private key: empty input");
        bool const pem = botan_detail::looks_like_pem(data);
        crypto::bytes der;
        std::string label;
        if (pem) {
            auto blocks = botan_detail::pem_blocks(data);
            std::string_view chosen;
            for (auto const& [l, block] : blocks)
                if (l == "PRIVATE KEY" || l == "ENCRYPTED PRIVATE KEY" || l == "RSA PRIVATE KEY") {
                    label = l;
                    chosen = block;
                    break;
                }
            if (chosen.empty()) return crypto::make_error(errc::malformed_input, "private key: no PEM PRIVATE KEY, ENCRYPTED PRIVATE KEY or RSA PRIVATE KEY block");
            if (chosen.find("Proc-Type: 4,ENCRYPTED") != std::string_view::npos)
                return crypto::make_error(errc::unsupported, "private key: legacy OpenSSL PEM encryption (Proc-Type: 4,ENCRYPTED) is not supported by Botan; convert to encrypted PKCS#8");
            try {
                std::string got;
                auto v = Botan::PEM_Code::decode(std::string(chosen), got);
                der.assign(v.begin(), v.end());
            } catch (std::exception const& e) {
                return botan_detail::from_exception(errc::malformed_input, "private key: corrupt PEM " + label + " block", e);
            }
        } else {
            der.assign(data.begin(), data.end());
        }
        if (!botan_detail::single_der(der)) return crypto::make_error(errc::malformed_input, "private key: not a single DER structure (corrupt or truncated)");
        // Which structure is it?  PKCS#1: SEQUENCE { INTEGER, INTEGER ... }; PKCS#8: SEQUENCE { INTEGER, SEQUENCE ... };
        // encrypted PKCS#8: SEQUENCE { SEQUENCE, OCTET STRING }.
        crypto::byte_view in = der;
        auto outer = crypto::der::read(in, crypto::der::tag::sequence);
        crypto::byte_view body = outer ? outer->content : crypto::byte_view{};
        auto first = crypto::der::read(body);
        auto second = crypto::der::peek_tag(body);
        if (!outer || !first || !second) return crypto::make_error(errc::malformed_input, "private key: not a PKCS#8 or PKCS#1 structure");
        bool const encrypted = first->tag == crypto::der::tag::sequence;
        bool const pkcs1 = first->tag == crypto::der::tag::integer && *second == crypto::der::tag::integer;
        if (encrypted && password.empty()) return crypto::make_error(errc::bad_password, "private key: the key is encrypted and no password was given");
        if (encrypted)
            if (auto e = crypto::detail::pkcs12::check_encrypted_private_key(der)) return crypto::make_error(errc::unsupported, "private key: " + *e);
        try {
            std::unique_ptr<Botan::Private_Key> key;
            if (pkcs1) {
                key = std::make_unique<Botan::RSA_PrivateKey>(Botan::AlgorithmIdentifier(), Botan::secure_vector<std::uint8_t>(der.begin(), der.end()));
            } else {
                Botan::DataSource_Memory src(der.data(), der.size());
                key = encrypted ? Botan::PKCS8::load_key(src, std::string(password)) : Botan::PKCS8::load_key(src);
            }
            auto* rsa = dynamic_cast<Botan::RSA_PrivateKey*>(key.get());
            if (!rsa) return crypto::make_error(errc::unsupported, "private key: only RSA keys are supported, this is a " + key->algo_name() + " key");
            (void)key.release();
            return wrap_private(std::shared_ptr<Botan::RSA_PrivateKey>(rsa));
        } catch (std::exception const& e) {
            if (encrypted) return botan_detail::from_exception(errc::bad_password, "private key: could not decrypt the key (wrong password or corrupt data)", e);
            return botan_detail::from_exception(errc::malformed_input, "private key: not a valid PKCS#8 or PKCS#1 RSA key", e);
        }
    }

    [[nodiscard]] crypto::result<std::string> export_private_key(private_key const& key, std::string_view password) const {
        try {
            if (password.empty()) return Botan::PKCS8::PEM_encode(*key.key);
            return Botan::PKCS8::PEM_encode_encrypted_pbkdf_iter(*key.key, Botan::system_rng(), std::string(password), 10000, "AES-256/CBC", "SHA-256");
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, "private key export failed", e);
        }
    }

    [[nodiscard]] public_key public_key_of(private_key const& key) const {
        return public_key{std::make_shared<Botan::RSA_PublicKey>(key.key->get_n(), key.key->get_e()), std::make_shared<botan_detail::public_ops>()};
    }

    [[nodiscard]] public_key certificate_public_key(certificate const& cert) const { return cert.subject_key; }

    [[nodiscard]] crypto::result<public_key> load_public_key(crypto::byte_view spki_der) const {
        try {
            std::vector<std::uint8_t> v(spki_der.begin(), spki_der.end());
            return public_key{std::shared_ptr<Botan::Public_Key const>(Botan::X509::load_key(v)), std::make_shared<botan_detail::public_ops>()};
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::malformed_input, "public key: not a DER SubjectPublicKeyInfo", e);
        }
    }

    [[nodiscard]] crypto::bytes public_key_spki(public_key const& key) const {
        if (!key.key) return {};
        auto v = key.key->subject_public_key();
        return crypto::bytes(v.begin(), v.end());
    }

    // ---- RSA operations ---------------------------------------------------------------------

    [[nodiscard]] crypto::result<crypto::bytes> rsa_sign(private_key const& key, crypto::digest_algorithm d, crypto::byte_view message) const {
        if (!key.key) return crypto::make_error(crypto::errc::invalid_argument, "RSA sign: no key");
        std::string const emsa = std::string("EMSA3(") + botan_detail::hash_name(d) + ")";
        try {
            auto signer = key.ops->signers.take(emsa, [&] { return std::make_unique<Botan::PK_Signer>(*key.key, Botan::system_rng(), emsa); });
            try {
                auto sig = signer->sign_message(message.data(), message.size(), Botan::system_rng());
                return crypto::bytes(sig.begin(), sig.end());
            } catch (...) {
                signer.discard();
                throw;
            }
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, "RSA sign failed", e);
        }
    }

    [[nodiscard]] bool rsa_verify(public_key const& key, crypto::digest_algorithm d, crypto::byte_view message, crypto::byte_view signature) const {
        if (!key.key || key.key->algo_name() != "RSA") return false;
        std::string const emsa = std::string("EMSA3(") + botan_detail::hash_name(d) + ")";
        try {
            auto verifier = key.ops->verifiers.take(emsa, [&] { return std::make_unique<Botan::PK_Verifier>(*key.key, emsa); });
            try {
                return verifier->verify_message(message.data(), message.size(), signature.data(), signature.size());
            } catch (...) {
                verifier.discard();
                throw;
            }
        } catch (std::exception const&) {
            return false;
        }
    }

    [[nodiscard]] crypto::result<crypto::bytes> rsa_encrypt(public_key const& key, crypto::key_transport_algorithm t, crypto::byte_view data) const {
        if (!key.key || key.key->algo_name() != "RSA") return crypto::make_error(crypto::errc::invalid_argument, "RSA encrypt: not an RSA key");
        try {
            auto enc = key.ops->encryptors.take(eme_name(t), [&] { return std::make_unique<Botan::PK_Encryptor_EME>(*key.key, Botan::system_rng(), eme_name(t)); });
            if (data.size() > enc->maximum_input_size())
                return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(t)) + ": " + std::to_string(data.size()) + " bytes do not fit this key");
            auto out = enc->encrypt(data.data(), data.size(), Botan::system_rng());
            return crypto::bytes(out.begin(), out.end());
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::library_error, "RSA encrypt failed", e);
        }
    }

    [[nodiscard]] crypto::result<crypto::bytes> rsa_decrypt(private_key const& key, crypto::key_transport_algorithm t, crypto::byte_view ciphertext,
                                                            std::size_t expected_length) const {
        if (!key.key) return crypto::make_error(crypto::errc::invalid_argument, "RSA decrypt: no key");
        std::size_t const k = key.key->get_n().bytes();
        if (ciphertext.size() != k)
            return crypto::make_error(crypto::errc::malformed_input, std::string(crypto::name_of(t)) + ": ciphertext must be " + std::to_string(k) +
                                                                         " bytes for this key, not " + std::to_string(ciphertext.size()));
        if (t == crypto::key_transport_algorithm::rsa_oaep_mgf1p) {
            try {
                auto dec = key.ops->decryptors.take(eme_name(t), [&] { return std::make_unique<Botan::PK_Decryptor_EME>(*key.key, Botan::system_rng(), eme_name(t)); });
                Botan::secure_vector<std::uint8_t> out;
                try {
                    out = dec->decrypt(ciphertext.data(), ciphertext.size());
                } catch (...) {
                    dec.discard();
                    throw;
                }
                if (expected_length != 0 && out.size() != expected_length) throw Botan::Decoding_Error("length");
                return crypto::bytes(out.begin(), out.end());
            } catch (std::exception const&) {
                return crypto::make_error(crypto::errc::decryption_failed, "RSA-OAEP (MGF1-SHA1): decryption failed");
            }
        }
        crypto::bytes em;
        try {
            // m = c^d mod n through Botan's blinded private operation, fixed-length output.
            auto raw = key.ops->signers.take("Raw", [&] { return std::make_unique<Botan::PK_Signer>(*key.key, Botan::system_rng(), "Raw"); });
            try {
                auto v = raw->sign_message(ciphertext.data(), ciphertext.size(), Botan::system_rng());
                em.assign(v.begin(), v.end());
            } catch (...) {
                raw.discard();
                throw;
            }
        } catch (std::exception const&) {
            // Only public conditions fail here (ciphertext not below the modulus).
            return crypto::make_error(crypto::errc::malformed_input, "RSA PKCS#1 v1.5: ciphertext is not a valid RSA value for this key");
        }
        if (em.size() < k) em.insert(em.begin(), k - em.size(), 0);
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
        using crypto::errc;
        if (data.empty()) return crypto::make_error(errc::malformed_input, "certificate: empty input");
        std::vector<certificate> out;
        if (botan_detail::looks_like_pem(data)) {
            std::size_t n = 0;
            for (auto const& [label, block] : botan_detail::pem_blocks(data)) {
                if (label != "CERTIFICATE" && label != "X509 CERTIFICATE") continue;
                ++n;
                crypto::bytes der;
                try {
                    std::string got;
                    auto v = Botan::PEM_Code::decode(std::string(block), got);
                    der.assign(v.begin(), v.end());
                } catch (std::exception const& e) {
                    return botan_detail::from_exception(errc::malformed_input, "certificate: PEM block " + std::to_string(n) + " is corrupt or truncated", e);
                }
                auto c = from_der(der);
                if (!c) return crypto::make_error(c.err().code, "certificate: PEM block " + std::to_string(n) + ": " + c.err().message);
                out.push_back(std::move(*c));
            }
            if (out.empty()) return crypto::make_error(errc::malformed_input, "certificate: no valid PEM CERTIFICATE block");
            return out;
        }
        auto c = from_der(data);
        if (!c) return c.err();
        out.push_back(std::move(*c));
        return out;
    }

    [[nodiscard]] crypto::certificate_info const& info(certificate const& cert) const noexcept { return *cert.info; }

    [[nodiscard]] bool key_matches(private_key const& key, certificate const& cert) const {
        if (!key.key || !cert.x509) return false;
        try {
            auto spki = key.key->subject_public_key();
            return spki == cert.x509->subject_public_key_info();
        } catch (std::exception const&) {
            return false;
        }
    }

    [[nodiscard]] crypto::result<pkcs12> load_pkcs12(crypto::byte_view data, std::string_view password) const {
        using crypto::errc;
        if (data.empty()) return crypto::make_error(errc::malformed_input, "PKCS#12: empty input");
        crypto::detail::pkcs12::primitives p;
        p.digest = [this](crypto::digest_algorithm d, crypto::byte_view v) { return digest(d, v); };
        p.hmac = [this](crypto::digest_algorithm d, crypto::byte_view k, crypto::byte_view v) { return hmac_any(d, k, v); };
        p.cbc_decrypt = [this](crypto::cipher_algorithm c, crypto::byte_view k, crypto::byte_view iv, crypto::byte_view v) {
            return decrypt(c, k, iv, v, crypto::cbc_padding::none);
        };
        p.pbkdf2 = [](crypto::digest_algorithm prf, crypto::byte_view pw, crypto::byte_view salt, std::size_t iterations,
                      std::size_t length) -> crypto::result<crypto::bytes> {
            try {
                auto family = Botan::PasswordHashFamily::create_or_throw(std::string("PBKDF2(") + botan_detail::hash_name(prf) + ")");
                auto ph = family->from_params(iterations);
                crypto::bytes out(length);
                ph->derive_key(out.data(), out.size(), reinterpret_cast<char const*>(pw.data()), pw.size(), salt.data(), salt.size());
                return out;
            } catch (std::exception const& e) {
                return botan_detail::from_exception(crypto::errc::library_error, "PBKDF2 failed", e);
            }
        };
        crypto::detail::pkcs12::reader reader(std::move(p), password);
        auto raw = reader.read(data);
        if (!raw) return raw.err();
        if (raw->private_keys.size() > 1)
            return crypto::make_error(errc::unsupported, "PKCS#12: " + std::to_string(raw->private_keys.size()) + " private keys; wsbind expects at most one");
        pkcs12 out;
        if (!raw->private_keys.empty()) {
            try {
                auto const& pki = raw->private_keys.front();
                Botan::DataSource_Memory src(pki.data(), pki.size());
                auto key = Botan::PKCS8::load_key(src);
                auto* rsa = dynamic_cast<Botan::RSA_PrivateKey*>(key.get());
                if (!rsa) return crypto::make_error(errc::unsupported, "PKCS#12: only RSA keys are supported, this is a " + key->algo_name() + " key");
                (void)key.release();
                auto k = wrap_private(std::shared_ptr<Botan::RSA_PrivateKey>(rsa));
                if (!k) return k.err();
                out.key = std::move(*k);
            } catch (std::exception const& e) {
                return botan_detail::from_exception(errc::malformed_input, "PKCS#12: the private key bag does not hold a valid key", e);
            }
        }
        for (auto const& der : raw->certificates) {
            auto c = from_der(der);
            if (!c) return crypto::make_error(c.err().code, "PKCS#12: " + c.err().message);
            if (!out.certificate && out.key && key_matches(*out.key, *c)) out.certificate = std::move(*c);
            else out.others.push_back(std::move(*c));
        }
        if (out.key && !out.certificate)
            return crypto::make_error(errc::key_mismatch, "PKCS#12: the private key does not belong to any certificate in the file");
        if (!out.certificate && !out.others.empty()) {
            out.certificate = out.others.front();
            out.others.erase(out.others.begin());
        }
        if (!out.certificate && !out.key) return crypto::make_error(errc::not_found, "PKCS#12: the file holds neither a certificate nor a key");
        return out;
    }

    // ---- CRLs and chains ---------------------------------------------------------------------

    [[nodiscard]] crypto::result<crl> load_crl(crypto::byte_view data) const {
        using crypto::errc;
        if (data.empty()) return crypto::make_error(errc::malformed_input, "CRL: empty input");
        crypto::bytes der;
        if (botan_detail::looks_like_pem(data)) {
            for (auto const& [label, block] : botan_detail::pem_blocks(data)) {
                if (label != "X509 CRL") continue;
                try {
                    std::string got;
                    auto v = Botan::PEM_Code::decode(std::string(block), got);
                    der.assign(v.begin(), v.end());
                } catch (std::exception const& e) {
                    return botan_detail::from_exception(errc::malformed_input, "CRL: corrupt PEM X509 CRL block", e);
                }
                break;
            }
            if (der.empty()) return crypto::make_error(errc::malformed_input, "CRL: no valid PEM X509 CRL block");
        } else {
            der.assign(data.begin(), data.end());
        }
        if (!botan_detail::single_der(der)) return crypto::make_error(errc::malformed_input, "CRL: not a single DER structure (corrupt or truncated)");
        try {
            auto c = std::make_shared<Botan::X509_CRL const>(std::vector<std::uint8_t>(der.begin(), der.end()));
            auto info = crypto::detail::decode_crl_info(der);
            if (!info) return info.err();
            return crl{std::move(c), std::make_shared<crypto::crl_info const>(std::move(*info))};
        } catch (std::exception const& e) {
            return botan_detail::from_exception(errc::malformed_input, "CRL: not a valid DER CRL", e);
        }
    }

    [[nodiscard]] crypto::crl_info const& crl_info(crl const& c) const noexcept { return *c.info; }

    [[nodiscard]] crypto::chain_result verify_chain(certificate const& leaf, std::span<certificate const> untrusted,
                                                    std::span<certificate const> anchors, std::span<crl const> crls,
                                                    crypto::chain_options const& options) const {
        crypto::chain_result result;
        // A trust anchor verified on its own: Botan refuses any self-signed end entity, while .NET
        // and OpenSSL accept an anchor as a one-element chain (subject to its validity period).
        for (auto const& a : anchors) {
            if (a.info->der != leaf.info->der) continue;
            result.chain.push_back(leaf.info->thumbprint_hex);
            if (options.verification_time < leaf.info->not_before || options.verification_time > leaf.info->not_after) {
                result.status |= crypto::chain_status::not_time_valid;
                result.messages.push_back("depth 0 (" + leaf.info->subject + "): certificate is not within its validity period");
            }
            return result;
        }
        try {
            Botan::Certificate_Store_In_Memory trusted;
            for (auto const& a : anchors) trusted.add_certificate(a.x509);
            // CRLs are consulted only when revocation is checked (as with OpenSSL's CRL_CHECK flags).
            bool any_idp = false;
            if (options.check_revocation)
                for (auto const& c : crls) {
                    trusted.add_crl(c.x509_crl);
                    any_idp = any_idp || !c.x509_crl->crl_issuing_distribution_point().empty();
                }
            std::vector<Botan::X509_Certificate> end_certs;
            end_certs.push_back(*leaf.x509);
            for (auto const& u : untrusted) end_certs.push_back(*u.x509);
            Botan::Path_Validation_Restrictions restrictions(options.check_revocation, 80, options.check_revocation);
            std::vector<Botan::Certificate_Store*> stores{&trusted};
            auto when = std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
                options.verification_time.time_since_epoch()));
            Botan::Path_Validation_Result r = Botan::x509_path_validate(end_certs, restrictions, stores, "", Botan::Usage_Type::UNSPECIFIED, when);
            auto const& path = r.cert_path();
            for (auto const& c : path) {
                auto const& der = c->BER_encode();
                auto h = digest(crypto::digest_algorithm::sha1, der);
                if (h) result.chain.push_back(crypto::to_hex(*h));
            }
            auto const& statuses = r.all_statuses();
            for (std::size_t i = 0; i < statuses.size(); ++i) {
                for (auto code : statuses[i]) {
                    if (static_cast<int>(code) < static_cast<int>(Botan::Certificate_Status_Code::FIRST_ERROR_STATUS)) continue;
                    // Botan 2 insists on a CRL issuingDistributionPoint equal to a CDP of the certificate;
                    // RFC 5280 §5.2.5/§6.3.3 treat a CRL without that extension as covering every
                    // certificate of its issuer, which is what Windows CAs publish.
                    if (code == Botan::Certificate_Status_Code::NO_MATCHING_CRLDP && !any_idp) continue;
                    result.status |= botan_detail::map_status(code);
                    std::string subject = i < path.size() ? crypto::dotnet_name(path[i]->subject_dn().get_bits()) : std::string();
                    result.messages.push_back("depth " + std::to_string(i) + " (" + subject + "): " + Botan::to_string(code));
                }
            }
            if (!r.successful_validation() && statuses.empty()) { // path building itself failed
                auto code = r.result();
                result.status |= botan_detail::map_status(code);
                result.messages.push_back(std::string("chain: ") + Botan::to_string(code));
            }
        } catch (std::exception const& e) {
            result.status |= crypto::chain_status::other;
            result.messages.push_back(std::string("chain: ") + e.what());
        }
        return result;
    }

private:
    static char const* eme_name(crypto::key_transport_algorithm t) noexcept {
        return t == crypto::key_transport_algorithm::rsa_oaep_mgf1p ? "OAEP(SHA-160)" : "EME-PKCS1-v1_5";
    }
    static crypto::result<void> check_cbc_args(crypto::cipher_algorithm c, crypto::byte_view key, crypto::byte_view iv) {
        if (key.size() != crypto::key_size(c))
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(c)) + ": key must be " + std::to_string(crypto::key_size(c)) +
                                                                          " bytes, not " + std::to_string(key.size()));
        if (iv.size() != crypto::block_size(c))
            return crypto::make_error(crypto::errc::invalid_argument, std::string(crypto::name_of(c)) + ": IV must be " + std::to_string(crypto::block_size(c)) +
                                                                          " bytes, not " + std::to_string(iv.size()));
        return {};
    }

    crypto::result<private_key> wrap_private(std::shared_ptr<Botan::RSA_PrivateKey> key) const {
        auto bits = key->private_key_bits(); // PKCS#1 RSAPrivateKey
        auto h = digest(crypto::digest_algorithm::sha256, crypto::byte_view(bits.data(), bits.size()));
        if (!h) return h.err();
        return private_key{std::move(key), std::make_shared<crypto::bytes const>(std::move(*h))};
    }

    crypto::result<certificate> from_der(crypto::byte_view der) const {
        if (!botan_detail::single_der(der))
            return crypto::make_error(crypto::errc::malformed_input, "certificate: not a single DER structure (corrupt, truncated or trailing data)");
        std::shared_ptr<Botan::X509_Certificate const> x;
        try {
            x = std::make_shared<Botan::X509_Certificate const>(der.data(), der.size());
        } catch (std::exception const& e) {
            return botan_detail::from_exception(crypto::errc::malformed_input, "certificate: not a valid DER X.509 certificate", e);
        }
        auto info = crypto::detail::decode_certificate_info(der);
        if (!info) return info.err();
        auto h = digest(crypto::digest_algorithm::sha1, der);
        if (!h) return h.err();
        info->thumbprint = std::move(*h);
        info->thumbprint_hex = crypto::to_hex(info->thumbprint);
        public_key subject_key;
        try {
            subject_key.key = std::shared_ptr<Botan::Public_Key const>(x->load_subject_public_key());
        } catch (std::exception const&) {
            // a key type Botan cannot load: the certificate is still usable for finding and chains
        }
        return certificate{std::move(x), std::make_shared<crypto::certificate_info const>(std::move(*info)), std::move(subject_key)};
    }
};

} // namespace wsbind

#endif
