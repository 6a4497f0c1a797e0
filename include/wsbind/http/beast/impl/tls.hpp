// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_HTTP_BEAST_IMPL_TLS_HPP
#define WSBIND_HTTP_BEAST_IMPL_TLS_HPP

// TLS contexts for the Beast backend: TLS 1.2 and later, certificates from PEM text.

#include <wsbind/http/backend.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl/context.hpp>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace wsbind::http::beast_detail {

/// Beast 1.74 speaks boost::string_view.
template <class View>
inline std::string_view to_std(View v) noexcept { return std::string_view(v.data(), v.size()); }

/// The text of OpenSSL's most recent error (or `fallback`).
inline std::string openssl_error_text(std::string const& fallback) {
    unsigned long const e = ERR_peek_last_error();
    if (e == 0) return fallback;
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    ERR_clear_error();
    return fallback + " (" + buf + ")";
}

inline void restrict_to_tls12_and_later(boost::asio::ssl::context& ctx) {
    ctx.set_options(boost::asio::ssl::context::default_workarounds | boost::asio::ssl::context::no_sslv2 |
                    boost::asio::ssl::context::no_sslv3 | boost::asio::ssl::context::no_tlsv1 |
                    boost::asio::ssl::context::no_tlsv1_1 | boost::asio::ssl::context::single_dh_use);
    SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
}

/// Builds a server context; on failure returns nullptr and sets `error`.
inline std::unique_ptr<boost::asio::ssl::context> make_server_context(server_tls_options const& tls, std::string& error) {
    namespace ssl = boost::asio::ssl;
    auto ctx = std::make_unique<ssl::context>(ssl::context::tls_server);
    restrict_to_tls12_and_later(*ctx);
    if (!tls.certificate) {
        error = "HTTPS needs a server certificate, and none was given (server_tls_options::certificate is null)";
        return nullptr;
    }
    std::string const chain = tls.certificate->certificate_chain_pem();
    std::string const key = tls.certificate->private_key_pem();
    boost::system::error_code ec;
    ctx->use_certificate_chain(boost::asio::buffer(chain), ec);
    if (ec) {
        error = openssl_error_text("the server certificate chain is not usable PEM: " + ec.message());
        return nullptr;
    }
    ctx->use_private_key(boost::asio::buffer(key), ssl::context::pem, ec);
    if (ec) {
        error = openssl_error_text("the server private key is not usable PEM: " + ec.message());
        return nullptr;
    }
    if (SSL_CTX_check_private_key(ctx->native_handle()) != 1) {
        error = openssl_error_text("the server private key does not match the certificate");
        return nullptr;
    }
    if (tls.require_client_certificate || tls.request_client_certificate) {
        if (tls.trusted_client_ca_pem.empty()) {
            error = "client certificates are required but no trusted CA was given (server_tls_options::trusted_client_ca_pem)";
            return nullptr;
        }
        ctx->add_certificate_authority(boost::asio::buffer(tls.trusted_client_ca_pem), ec);
        if (ec) {
            error = openssl_error_text("the trusted client CA is not usable PEM: " + ec.message());
            return nullptr;
        }
        // Tell clients which CAs are acceptable (curl and .NET pick their certificate by it).
        BIO* bio = BIO_new_mem_buf(tls.trusted_client_ca_pem.data(), static_cast<int>(tls.trusted_client_ca_pem.size()));
        if (bio != nullptr) {
            STACK_OF(X509_NAME)* names = sk_X509_NAME_new_null();
            while (X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
                if (names != nullptr) sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(x)));
                X509_free(x);
            }
            ERR_clear_error();
            BIO_free(bio);
            if (names != nullptr) SSL_CTX_set_client_CA_list(ctx->native_handle(), names);
        }
        ctx->set_verify_mode(tls.require_client_certificate ? ssl::verify_peer | ssl::verify_fail_if_no_peer_cert : ssl::verify_peer);
    } else {
        ctx->set_verify_mode(ssl::verify_none);
    }
    return ctx;
}

/// Builds a client context; on failure returns nullptr and sets `error`.
inline std::unique_ptr<boost::asio::ssl::context> make_client_context(client_tls_options const& tls, std::string& error) {
    namespace ssl = boost::asio::ssl;
    auto ctx = std::make_unique<ssl::context>(ssl::context::tls_client);
    restrict_to_tls12_and_later(*ctx);
    boost::system::error_code ec;
    if (tls.verify_server) {
        if (tls.trusted_ca_pem.empty()) ctx->set_default_verify_paths(ec);
        else ctx->add_certificate_authority(boost::asio::buffer(tls.trusted_ca_pem), ec);
        if (ec) {
            error = openssl_error_text("the trusted CA for server certificates is not usable: " + ec.message());
            return nullptr;
        }
        ctx->set_verify_mode(ssl::verify_peer);
    } else {
        ctx->set_verify_mode(ssl::verify_none);
    }
    if (!tls.client_certificate_pem.empty()) {
        ctx->use_certificate_chain(boost::asio::buffer(tls.client_certificate_pem), ec);
        if (ec) {
            error = openssl_error_text("the client certificate is not usable PEM: " + ec.message());
            return nullptr;
        }
        ctx->use_private_key(boost::asio::buffer(tls.client_key_pem), ssl::context::pem, ec);
        if (ec) {
            error = openssl_error_text("the client private key is not usable PEM: " + ec.message());
            return nullptr;
        }
    }
    return ctx;
}

/// Fills the TLS part of `peer` from an established connection.
inline void describe_tls_peer(SSL* ssl, peer_info& peer) {
    peer.secure = true;
    if (char const* v = SSL_get_version(ssl)) peer.tls_version = v;
    X509* cert = SSL_get1_peer_certificate(ssl);
    if (cert == nullptr) return;
    if (SSL_get_verify_result(ssl) == X509_V_OK) {
        int const len = i2d_X509(cert, nullptr);
        if (len > 0) {
            std::string der(static_cast<std::size_t>(len), '\0');
            auto* p = reinterpret_cast<unsigned char*>(der.data());
            i2d_X509(cert, &p);
            peer.client_certificate_der = std::move(der);
        }
        char name[512];
        if (X509_NAME_oneline(X509_get_subject_name(cert), name, sizeof name) != nullptr)
            peer.client_certificate_subject = name;
    }
    X509_free(cert);
}

} // namespace wsbind::http::beast_detail

#endif
