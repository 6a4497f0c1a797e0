// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_OPENSSL_DETAIL_COMMON_HPP
#define WSBIND_CRYPTO_OPENSSL_DETAIL_COMMON_HPP

/// \file
/// OpenSSL 3 plumbing for wsbind::openssl_backend: owning pointers, error text, algorithms
/// fetched once per process, and the private library context used for legacy PKCS#12 ciphers.

#include <wsbind/crypto/types.hpp>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/opensslv.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

#include <memory>
#include <string>
#include <string_view>

#if OPENSSL_VERSION_MAJOR < 3
#error "wsbind::openssl_backend requires OpenSSL 3"
#endif

namespace wsbind::crypto::openssl_detail {

struct evp_pkey_free { void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); } };
struct x509_free { void operator()(X509* p) const noexcept { X509_free(p); } };
struct x509_crl_free { void operator()(X509_CRL* p) const noexcept { X509_CRL_free(p); } };
struct bio_free { void operator()(BIO* p) const noexcept { BIO_free(p); } };
struct md_ctx_free { void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); } };
struct cipher_ctx_free { void operator()(EVP_CIPHER_CTX* p) const noexcept { EVP_CIPHER_CTX_free(p); } };
struct pkey_ctx_free { void operator()(EVP_PKEY_CTX* p) const noexcept { EVP_PKEY_CTX_free(p); } };
struct mac_ctx_free { void operator()(EVP_MAC_CTX* p) const noexcept { EVP_MAC_CTX_free(p); } };

using bio_ptr = std::unique_ptr<BIO, bio_free>;
using md_ctx_ptr = std::unique_ptr<EVP_MD_CTX, md_ctx_free>;
using cipher_ctx_ptr = std::unique_ptr<EVP_CIPHER_CTX, cipher_ctx_free>;
using pkey_ctx_ptr = std::unique_ptr<EVP_PKEY_CTX, pkey_ctx_free>;
using mac_ctx_ptr = std::unique_ptr<EVP_MAC_CTX, mac_ctx_free>;

/// Drains OpenSSL's error queue into one line ("" when empty).
[[nodiscard]] inline std::string drain_errors() {
    std::string out;
    while (unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.empty()) out += "; ";
        out += buf;
    }
    return out;
}

/// An error with OpenSSL's own reason appended, the queue cleared.
[[nodiscard]] inline error ossl_error(errc code, std::string what) {
    std::string why = drain_errors();
    if (!why.empty()) what += " (OpenSSL: " + why + ")";
    return error{code, std::move(what)};
}

/// A read-only memory BIO over `data` (the data must outlive the BIO).
[[nodiscard]] inline bio_ptr memory_bio(byte_view data) {
    return bio_ptr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

/// The whole content of a memory BIO as a string.
[[nodiscard]] inline std::string bio_string(BIO* b) {
    char* p = nullptr;
    long n = BIO_get_mem_data(b, &p);
    return n > 0 ? std::string(p, static_cast<std::size_t>(n)) : std::string();
}

/// Algorithms fetched once from the default library context (fetching per call is slow).
struct algorithms {
    EVP_MD* sha1 = nullptr;
    EVP_MD* sha256 = nullptr;
    EVP_MD* sha384 = nullptr;
    EVP_MD* sha512 = nullptr;
    EVP_CIPHER* aes128_cbc = nullptr;
    EVP_CIPHER* aes192_cbc = nullptr;
    EVP_CIPHER* aes256_cbc = nullptr;
    EVP_CIPHER* des_ede3_cbc = nullptr;
    EVP_CIPHER* aes128_wrap = nullptr;
    EVP_CIPHER* aes192_wrap = nullptr;
    EVP_CIPHER* aes256_wrap = nullptr;
    EVP_MAC* hmac = nullptr;

    algorithms() {
        sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
        sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        sha384 = EVP_MD_fetch(nullptr, "SHA384", nullptr);
        sha512 = EVP_MD_fetch(nullptr, "SHA512", nullptr);
        aes128_cbc = EVP_CIPHER_fetch(nullptr, "AES-128-CBC", nullptr);
        aes192_cbc = EVP_CIPHER_fetch(nullptr, "AES-192-CBC", nullptr);
        aes256_cbc = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
        des_ede3_cbc = EVP_CIPHER_fetch(nullptr, "DES-EDE3-CBC", nullptr);
        aes128_wrap = EVP_CIPHER_fetch(nullptr, "AES-128-WRAP", nullptr);
        aes192_wrap = EVP_CIPHER_fetch(nullptr, "AES-192-WRAP", nullptr);
        aes256_wrap = EVP_CIPHER_fetch(nullptr, "AES-256-WRAP", nullptr);
        hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        ERR_clear_error();
    }
    algorithms(algorithms const&) = delete;
    algorithms& operator=(algorithms const&) = delete;
    // Fetched objects live for the process (freeing them at exit could race with other threads).

    [[nodiscard]] EVP_MD const* md(digest_algorithm d) const noexcept {
        switch (d) {
        case digest_algorithm::sha1: return sha1;
        case digest_algorithm::sha256: return sha256;
        case digest_algorithm::sha384: return sha384;
        case digest_algorithm::sha512: return sha512;
        }
        return nullptr;
    }
    [[nodiscard]] EVP_CIPHER const* cbc(cipher_algorithm c) const noexcept {
        switch (c) {
        case cipher_algorithm::aes128_cbc: return aes128_cbc;
        case cipher_algorithm::aes192_cbc: return aes192_cbc;
        case cipher_algorithm::aes256_cbc: return aes256_cbc;
        case cipher_algorithm::tripledes_cbc: return des_ede3_cbc;
        }
        return nullptr;
    }
    [[nodiscard]] EVP_CIPHER const* wrap(key_wrap_algorithm w) const noexcept {
        switch (w) {
        case key_wrap_algorithm::aes128_kw: return aes128_wrap;
        case key_wrap_algorithm::aes192_kw: return aes192_wrap;
        case key_wrap_algorithm::aes256_kw: return aes256_wrap;
        case key_wrap_algorithm::tripledes_kw: return nullptr;
        }
        return nullptr;
    }

    static algorithms const& get() {
        static algorithms const instance;
        return instance;
    }
};

/// A private library context with the "default" and "legacy" providers, used only to decrypt
/// PKCS#12 contents protected with legacy ciphers (RC2-40, as in Windows and older OpenSSL
/// exports). Loading "legacy" into the application's default context would change the whole
/// process's behaviour; a private context keeps that contained.
struct legacy_context {
    OSSL_LIB_CTX* ctx = nullptr;
    bool legacy_loaded = false;
    std::string load_error;

    legacy_context() {
        ctx = OSSL_LIB_CTX_new();
        if (ctx) {
            OSSL_PROVIDER_load(ctx, "default");
            legacy_loaded = OSSL_PROVIDER_load(ctx, "legacy") != nullptr;
            if (!legacy_loaded) load_error = drain_errors();
        }
        ERR_clear_error();
    }
    legacy_context(legacy_context const&) = delete;
    legacy_context& operator=(legacy_context const&) = delete;

    static legacy_context const& get() {
        static legacy_context const instance;
        return instance;
    }
};

} // namespace wsbind::crypto::openssl_detail

#endif
