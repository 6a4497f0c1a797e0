// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_OPENSSL_IMPL_BACKEND_HPP
#define WSBIND_CRYPTO_OPENSSL_IMPL_BACKEND_HPP

/// \file
/// Longer definitions of wsbind::openssl_backend: PKCS#12 loading and chain verification.

#include <wsbind/crypto/openssl/backend.hpp>

namespace wsbind {

namespace openssl_impl {

struct pkcs12_free { void operator()(PKCS12* p) const noexcept { PKCS12_free(p); } };
struct p7_stack_free { void operator()(STACK_OF(PKCS7)* p) const noexcept { sk_PKCS7_pop_free(p, PKCS7_free); } };
struct bag_stack_free { void operator()(STACK_OF(PKCS12_SAFEBAG)* p) const noexcept { sk_PKCS12_SAFEBAG_pop_free(p, PKCS12_SAFEBAG_free); } };
struct p8_free { void operator()(PKCS8_PRIV_KEY_INFO* p) const noexcept { PKCS8_PRIV_KEY_INFO_free(p); } };

/// Collects what the bags hold.
struct pkcs12_walk {
    std::vector<EVP_PKEY*> keys;   // owned
    std::vector<X509*> certs;      // owned
    std::string error;
    crypto::errc code = crypto::errc::malformed_input;

    pkcs12_walk() = default;
    pkcs12_walk(pkcs12_walk const&) = delete;
    pkcs12_walk& operator=(pkcs12_walk const&) = delete;
    ~pkcs12_walk() {
        for (auto* k : keys) EVP_PKEY_free(k);
        for (auto* c : certs) X509_free(c);
    }
};

inline std::optional<std::string> check_algor_iterations(X509_ALGOR const* alg, std::string_view what);

inline bool walk_bags(STACK_OF(PKCS12_SAFEBAG) const* bags, char const* pass, int passlen, pkcs12_walk& w, int depth) {
    if (depth > 4) {
        w.error = "PKCS#12: safe contents nested too deeply";
        return false;
    }
    auto const& legacy = crypto::openssl_detail::legacy_context::get();
    for (int i = 0; i < sk_PKCS12_SAFEBAG_num(bags); ++i) {
        PKCS12_SAFEBAG const* bag = sk_PKCS12_SAFEBAG_value(bags, i);
        switch (PKCS12_SAFEBAG_get_nid(bag)) {
        case NID_keyBag: {
            PKCS8_PRIV_KEY_INFO const* p8 = PKCS12_SAFEBAG_get0_p8inf(bag);
            EVP_PKEY* k = p8 ? EVP_PKCS82PKEY(p8) : nullptr;
            if (!k) {
                w.error = crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "PKCS#12: key bag holds no valid private key").message;
                return false;
            }
            w.keys.push_back(k);
            break;
        }
        case NID_pkcs8ShroudedKeyBag: {
            if (X509_SIG const* sig = PKCS12_SAFEBAG_get0_pkcs8(bag)) {
                X509_ALGOR const* alg = nullptr;
                X509_SIG_get0(sig, &alg, nullptr);
                if (auto e = check_algor_iterations(alg, "PKCS#12 private key")) {
                    w.code = crypto::errc::unsupported;
                    w.error = *e;
                    return false;
                }
            }
            std::unique_ptr<PKCS8_PRIV_KEY_INFO, p8_free> p8(PKCS12_decrypt_skey_ex(bag, pass, passlen, legacy.ctx, nullptr));
            if (!p8) {
                w.code = crypto::errc::bad_password;
                w.error = crypto::openssl_detail::ossl_error(crypto::errc::bad_password,
                                                             "PKCS#12: the private key could not be decrypted with the password given").message;
                return false;
            }
            EVP_PKEY* k = EVP_PKCS82PKEY(p8.get());
            if (!k) {
                w.error = crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "PKCS#12: shrouded key bag holds no valid private key").message;
                return false;
            }
            w.keys.push_back(k);
            break;
        }
        case NID_certBag: {
            if (PKCS12_SAFEBAG_get_bag_nid(bag) != NID_x509Certificate) break; // SDSI certificates: ignored
            X509* x = PKCS12_SAFEBAG_get1_cert(bag);
            if (!x) {
                w.error = crypto::openssl_detail::ossl_error(crypto::errc::malformed_input, "PKCS#12: certificate bag holds no valid certificate").message;
                return false;
            }
            w.certs.push_back(x);
            break;
        }
        case NID_safeContentsBag:
            if (!walk_bags(PKCS12_SAFEBAG_get0_safes(bag), pass, passlen, w, depth + 1)) return false;
            break;
        default: break; // CRL and secret bags are not used by WCF
        }
    }
    return true;
}

inline int map_verify_error(int err) {
    using namespace crypto::chain_status;
    switch (err) {
    case X509_V_ERR_CERT_NOT_YET_VALID:
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
    case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD: return static_cast<int>(not_time_valid);
    case X509_V_ERR_CERT_REVOKED: return static_cast<int>(revoked);
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
    case X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: return static_cast<int>(not_signature_valid);
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    case X509_V_ERR_CRL_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
    case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
    case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
    case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
    case X509_V_ERR_DIFFERENT_CRL_SCOPE:
    case X509_V_ERR_KEYUSAGE_NO_CRL_SIGN: return static_cast<int>(revocation_status_unknown);
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED: return static_cast<int>(untrusted_root);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: return static_cast<int>(partial_chain);
    case X509_V_ERR_INVALID_CA:
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
    case X509_V_ERR_KEYUSAGE_NO_CERTSIGN: return static_cast<int>(invalid_basic_constraints);
    case X509_V_ERR_INVALID_PURPOSE: return static_cast<int>(not_valid_for_usage);
    case X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION:
    case X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION: return static_cast<int>(invalid_extension);
    case X509_V_ERR_CERT_REJECTED: return static_cast<int>(explicit_distrust);
    default: return static_cast<int>(other);
    }
}

/// The iteration bound for an X509_ALGOR (PKCS#12 PBE or PBES2); an error text when out of bounds.
inline std::optional<std::string> check_algor_iterations(X509_ALGOR const* alg, std::string_view what) {
    unsigned char* der = nullptr;
    int len = i2d_X509_ALGOR(alg, &der);
    if (len <= 0) return std::nullopt;
    auto count = crypto::detail::pkcs12::pbe_iteration_count(crypto::byte_view(der, static_cast<std::size_t>(len)));
    OPENSSL_free(der);
    return crypto::detail::pkcs12::check_iterations(count, what);
}

struct verify_collector {
    crypto::chain_result* result = nullptr;
};

inline int verify_callback(int ok, X509_STORE_CTX* ctx) {
    if (ok) return 1;
    auto* col = static_cast<verify_collector*>(X509_STORE_CTX_get_app_data(ctx));
    int err = X509_STORE_CTX_get_error(ctx);
    int depth = X509_STORE_CTX_get_error_depth(ctx);
    X509* cert = X509_STORE_CTX_get_current_cert(ctx);
    // .NET's default X509RevocationFlag.ExcludeRoot: a self-signed root needs no CRL.
    if (err == X509_V_ERR_UNABLE_TO_GET_CRL && cert && X509_self_signed(cert, 0) == 1) {
        STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx);
        if (chain && depth == sk_X509_num(chain) - 1) return 1;
    }
    if (col && col->result) {
        col->result->status |= static_cast<std::uint32_t>(map_verify_error(err));
        std::string subject;
        if (cert) {
            unsigned char* der = nullptr;
            int len = i2d_X509_NAME(X509_get_subject_name(cert), &der);
            if (len > 0) subject = crypto::dotnet_name(crypto::byte_view(der, static_cast<std::size_t>(len)));
            OPENSSL_free(der);
        }
        col->result->messages.push_back("depth " + std::to_string(depth) + " (" + subject + "): " + X509_verify_cert_error_string(err));
    }
    ERR_clear_error();
    return 1; // keep going: report every problem, as .NET's chain status does
}

} // namespace openssl_impl

inline crypto::result<openssl_backend::pkcs12> openssl_backend::load_pkcs12(crypto::byte_view data, std::string_view password) const {
    using crypto::errc;
    if (data.empty()) return crypto::make_error(errc::malformed_input, "PKCS#12: empty input");
    unsigned char const* p = data.data();
    std::unique_ptr<PKCS12, openssl_impl::pkcs12_free> p12(d2i_PKCS12(nullptr, &p, static_cast<long>(data.size())));
    if (!p12) return crypto::openssl_detail::ossl_error(errc::malformed_input, "PKCS#12: not a valid DER PFX structure (corrupt or truncated)");
    std::string pw(password);
    char const* pass = pw.c_str();
    int passlen = static_cast<int>(pw.size());
    if (PKCS12_mac_present(p12.get())) {
        ASN1_INTEGER const* iter = nullptr;
        PKCS12_get0_mac(nullptr, nullptr, nullptr, &iter, p12.get());
        std::optional<std::size_t> count = 1; // absent: DEFAULT 1
        if (iter) {
            long v = ASN1_INTEGER_get(iter);
            count = v < 0 ? std::optional<std::size_t>(0) : std::optional<std::size_t>(static_cast<std::size_t>(v));
        }
        if (auto e = crypto::detail::pkcs12::check_iterations(count, "PKCS#12 MAC")) return crypto::make_error(errc::unsupported, *e);
        if (PKCS12_verify_mac(p12.get(), pass, passlen) != 1) {
            // An empty password may have been encoded as "no password".
            if (pw.empty() && PKCS12_verify_mac(p12.get(), nullptr, 0) == 1) {
                pass = nullptr;
                passlen = 0;
            } else {
                unsigned long e = ERR_peek_last_error();
                bool mac_mismatch = ERR_GET_REASON(e) == PKCS12_R_MAC_VERIFY_FAILURE || e == 0;
                if (mac_mismatch) {
                    ERR_clear_error();
                    return crypto::make_error(errc::bad_password, "PKCS#12: the integrity MAC does not verify with the password given (wrong password or corrupt file)");
                }
                return crypto::openssl_detail::ossl_error(errc::malformed_input, "PKCS#12: the integrity MAC cannot be checked");
            }
        }
    }
    std::unique_ptr<STACK_OF(PKCS7), openssl_impl::p7_stack_free> safes(PKCS12_unpack_authsafes(p12.get()));
    if (!safes) return crypto::openssl_detail::ossl_error(errc::malformed_input, "PKCS#12: authenticated safe cannot be decoded");
    openssl_impl::pkcs12_walk walk;
    auto const& legacy = crypto::openssl_detail::legacy_context::get();
    for (int i = 0; i < sk_PKCS7_num(safes.get()); ++i) {
        PKCS7* p7 = sk_PKCS7_value(safes.get(), i);
        std::unique_ptr<STACK_OF(PKCS12_SAFEBAG), openssl_impl::bag_stack_free> bags;
        int nid = OBJ_obj2nid(p7->type);
        if (nid == NID_pkcs7_data) {
            bags.reset(PKCS12_unpack_p7data(p7));
        } else if (nid == NID_pkcs7_encrypted) {
            if (!p7->d.encrypted || !p7->d.encrypted->enc_data || !p7->d.encrypted->enc_data->enc_data)
                return crypto::make_error(errc::malformed_input, "PKCS#12: encrypted content without data");
            if (auto e = openssl_impl::check_algor_iterations(p7->d.encrypted->enc_data->algorithm, "PKCS#12 certificates"))
                return crypto::make_error(errc::unsupported, *e);
            bags.reset(static_cast<STACK_OF(PKCS12_SAFEBAG)*>(PKCS12_item_decrypt_d2i_ex(
                p7->d.encrypted->enc_data->algorithm, ASN1_ITEM_rptr(PKCS12_SAFEBAGS), pass, passlen,
                p7->d.encrypted->enc_data->enc_data, 1, legacy.ctx, nullptr)));
            if (!bags) {
                int alg = OBJ_obj2nid(p7->d.encrypted->enc_data->algorithm->algorithm);
                if ((alg == NID_pbe_WithSHA1And40BitRC2_CBC || alg == NID_pbe_WithSHA1And128BitRC2_CBC) && !legacy.legacy_loaded)
                    return crypto::make_error(errc::unsupported, "PKCS#12: the certificates are protected with RC2, which needs OpenSSL's "
                                                                 "\"legacy\" provider, and it could not be loaded (" + legacy.load_error + ")");
                return crypto::openssl_detail::ossl_error(errc::bad_password, "PKCS#12: encrypted contents could not be decrypted with the password given");
            }
        } else {
            continue; // enveloped (public-key) safes are not supported by Windows' export either
        }
        if (!bags) return crypto::openssl_detail::ossl_error(errc::malformed_input, "PKCS#12: safe contents cannot be decoded");
        if (!openssl_impl::walk_bags(bags.get(), pass, passlen, walk, 0)) return crypto::make_error(walk.code, walk.error);
    }
    ERR_clear_error();
    pkcs12 out;
    if (walk.keys.size() > 1)
        return crypto::make_error(errc::unsupported, "PKCS#12: " + std::to_string(walk.keys.size()) + " private keys; wsbind expects at most one");
    std::vector<certificate> certs;
    for (X509* x : walk.certs) {
        auto c = certificate_from_x509_copy(x);
        if (!c) return c.err();
        certs.push_back(std::move(*c));
    }
    if (!walk.keys.empty()) {
        EVP_PKEY* k = walk.keys.front();
        walk.keys.clear();
        if (!EVP_PKEY_is_a(k, "RSA")) {
            std::string type = EVP_PKEY_get0_type_name(k) ? EVP_PKEY_get0_type_name(k) : "unknown";
            EVP_PKEY_free(k);
            return crypto::make_error(errc::unsupported, "PKCS#12: only RSA keys are supported, this is a " + type + " key");
        }
        auto key = wrap_private(k);
        if (!key) return key.err();
        out.key = std::move(*key);
    }
    for (auto& c : certs) {
        if (!out.certificate && out.key && key_matches(*out.key, c)) out.certificate = c;
        else out.others.push_back(c);
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

inline crypto::chain_result openssl_backend::verify_chain(certificate const& leaf, std::span<certificate const> untrusted,
                                                          std::span<certificate const> anchors, std::span<crl const> crls,
                                                          crypto::chain_options const& options) const {
    crypto::chain_result result;
    struct store_free { void operator()(X509_STORE* s) const noexcept { X509_STORE_free(s); } };
    struct ctx_free { void operator()(X509_STORE_CTX* s) const noexcept { X509_STORE_CTX_free(s); } };
    struct stack_free { void operator()(STACK_OF(X509)* s) const noexcept { sk_X509_free(s); } };
    std::unique_ptr<X509_STORE, store_free> store(X509_STORE_new());
    std::unique_ptr<X509_STORE_CTX, ctx_free> ctx(X509_STORE_CTX_new());
    std::unique_ptr<STACK_OF(X509), stack_free> chain_in(sk_X509_new_null());
    if (!store || !ctx || !chain_in) {
        result.status = crypto::chain_status::other;
        result.messages.push_back(crypto::openssl_detail::ossl_error(crypto::errc::library_error, "chain: out of memory").message);
        return result;
    }
    for (auto const& a : anchors) X509_STORE_add_cert(store.get(), a.x509.get());
    for (auto const& c : crls) X509_STORE_add_crl(store.get(), c.x509_crl.get());
    for (auto const& u : untrusted) sk_X509_push(chain_in.get(), u.x509.get());
    ERR_clear_error();
    if (X509_STORE_CTX_init(ctx.get(), store.get(), leaf.x509.get(), chain_in.get()) != 1) {
        result.status = crypto::chain_status::other;
        result.messages.push_back(crypto::openssl_detail::ossl_error(crypto::errc::library_error, "chain: context initialisation failed").message);
        return result;
    }
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
    X509_VERIFY_PARAM_set_time(param, static_cast<time_t>(options.verification_time.time_since_epoch().count()));
    if (options.check_revocation) X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    openssl_impl::verify_collector col{&result};
    X509_STORE_CTX_set_app_data(ctx.get(), &col);
    X509_STORE_CTX_set_verify_cb(ctx.get(), openssl_impl::verify_callback);
    int rc = X509_verify_cert(ctx.get());
    if (rc != 1 && result.status == 0) {
        result.status |= crypto::chain_status::other;
        result.messages.push_back(std::string("chain: ") + X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
    }
    if (STACK_OF(X509)* built = X509_STORE_CTX_get0_chain(ctx.get())) {
        for (int i = 0; i < sk_X509_num(built); ++i) {
            unsigned char* der = nullptr;
            int len = i2d_X509(sk_X509_value(built, i), &der);
            if (len > 0) {
                auto h = digest(crypto::digest_algorithm::sha1, crypto::byte_view(der, static_cast<std::size_t>(len)));
                if (h) result.chain.push_back(crypto::to_hex(*h));
            }
            OPENSSL_free(der);
        }
    }
    ERR_clear_error();
    return result;
}

} // namespace wsbind

#endif
