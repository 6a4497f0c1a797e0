// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_HTTP_CRL_FETCHER_HPP
#define WSBIND_HTTP_CRL_FETCHER_HPP

/// \file
/// Online revocation over HTTP: a `wsbind::crl_fetcher` (<wsbind/crypto/certificate_validation.hpp>)
/// that downloads CRLs from their `http://` distribution points through any `http_backend`.
///
///     wsbind::x509_certificate_validator<wsbind::openssl_backend> v(
///         stores, authentication, wsbind::http::make_crl_fetcher<wsbind::beast_backend>());
///
/// - `GET` of the distribution point URI (http, or https when the backend's client options allow
///   it); up to `max_redirects` redirects (301/302/303/307/308) to http(s) URIs or to absolute
///   paths on the same server are followed;
///   `file://` URIs are read as by `file_crl_fetcher`; any other scheme (ldap://, ...) fails.
/// - The body may be DER or PEM (`-----BEGIN X509 CRL-----`); the fetcher hands DER on. The bytes
///   must have the shape of a CertificateList (RFC 5280 §5.1: a signed TBSCertList with issuer and
///   thisUpdate); checking its signature and content is the validator's job.
/// - Limits: at most `max_size` bytes (a larger body is an error, not truncated), and `timeout`
///   for each request (connect, send, receive).
/// - Caching: a CRL is kept until its nextUpdate and served from memory until then; a CRL
///   without nextUpdate, or whose nextUpdate has passed, is fetched again each time. Copies of a
///   fetcher share one cache (it is held by a shared pointer) and one HTTP client; it is thread-safe.
/// - FAIL CLOSED: every failure — unparsable URI, unreachable host, timeout, non-200 status, body
///   too large, not a CRL — is an error whose message names the URL; the validator then reports
///   the revocation status as unknown and rejects the certificate under revocationMode Online.

#include <wsbind/crypto/certificate_validation.hpp>
#include <wsbind/crypto/detail/der.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/http/backend.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace wsbind::http {

struct crl_fetcher_options {
    std::uint64_t max_size = 16 * 1024 * 1024;           ///< largest CRL accepted, in bytes
    std::chrono::milliseconds timeout{std::chrono::seconds(15)}; ///< per request
    unsigned max_redirects = 3;
    std::size_t max_cached = 256;                          ///< CRLs kept in memory at most
    client_options client;                                 ///< TLS settings for https:// points
};

namespace detail::crl {

/// nextUpdate of a DER CertificateList (nullopt when absent), or an error text when the bytes do
/// not have a CertificateList's shape.
struct shape {
    std::optional<std::chrono::sys_seconds> next_update;
    std::string error;
};

[[nodiscard]] inline shape inspect(crypto::byte_view der) {
    namespace der_ns = crypto::der;
    shape out;
    auto in = der;
    auto list = der_ns::read(in, der_ns::tag::sequence);
    if (!list || !in.empty()) {
        out.error = "not a DER CertificateList (expected one SEQUENCE)";
        return out;
    }
    auto body = list->content;
    auto tbs = der_ns::read(body, der_ns::tag::sequence);
    auto alg = tbs ? der_ns::read(body, der_ns::tag::sequence) : std::nullopt;
    auto sig = alg ? der_ns::read(body, der_ns::tag::bit_string) : std::nullopt;
    if (!sig || !body.empty()) {
        out.error = "not a CertificateList (expected tbsCertList, signatureAlgorithm, signatureValue)";
        return out;
    }
    auto t = tbs->content;
    if (der_ns::peek_tag(t) == der_ns::tag::integer) (void)der_ns::read(t); // version
    auto tbs_alg = der_ns::read(t, der_ns::tag::sequence);
    auto issuer = tbs_alg ? der_ns::read(t, der_ns::tag::sequence) : std::nullopt;
    auto this_update = issuer ? der_ns::read(t) : std::nullopt;
    if (!this_update || !der_ns::decode_time(this_update->tag, this_update->content)) {
        out.error = "not a CertificateList (the TBSCertList has no signature algorithm, issuer and thisUpdate)";
        return out;
    }
    if (auto tag = der_ns::peek_tag(t); tag == der_ns::tag::utc_time || tag == der_ns::tag::generalized_time) {
        auto next = der_ns::read(t);
        out.next_update = next ? der_ns::decode_time(next->tag, next->content) : std::nullopt;
        if (!out.next_update) out.error = "the CRL's nextUpdate is not a valid time";
    }
    return out;
}

inline bool is_redirect(int status) noexcept { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }

template <http_backend Backend>
struct state {
    crl_fetcher_options options;
    typename Backend::client client;
    std::mutex mutex;
    struct entry {
        crypto::bytes der;
        std::chrono::sys_seconds next_update;
    };
    std::map<std::string, entry, std::less<>> cache;

    explicit state(crl_fetcher_options o)
        : options(std::move(o)), client([&] {
              auto c = options.client;
              c.max_response_body_size = options.max_size;
              return c;
          }()) {}

    crypto::result<crypto::bytes> fetch(std::string_view uri) {
        constexpr std::string_view file_scheme = "file://";
        if (uri.substr(0, file_scheme.size()) == file_scheme) return to_der(uri, file_crl_fetcher(uri));
        auto const now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        {
            std::lock_guard lock(mutex);
            if (auto it = cache.find(uri); it != cache.end()) {
                if (now < it->second.next_update) return it->second.der;
                cache.erase(it);
            }
        }
        auto der = download(uri);
        if (!der) return der;
        auto s = inspect(*der);
        if (s.next_update && *s.next_update > now) {
            std::lock_guard lock(mutex);
            if (cache.size() >= options.max_cached) cache.erase(cache.begin());
            cache.insert_or_assign(std::string(uri), entry{*der, *s.next_update});
        }
        return der;
    }

    static crypto::result<crypto::bytes> fail(std::string_view uri, crypto::errc code, std::string const& why) {
        return crypto::make_error(code, "CRL " + std::string(uri) + ": " + why);
    }

    /// DER from a body that is DER or PEM, checked to be shaped like a CRL.
    static crypto::result<crypto::bytes> to_der(std::string_view uri, crypto::result<crypto::bytes> body) {
        if (!body) return fail(uri, body.err().code, body.err().message);
        std::string_view text(reinterpret_cast<char const*>(body->data()), body->size());
        crypto::bytes der;
        if (text.find("-----BEGIN") != std::string_view::npos) {
            auto d = crypto::pem_decode_first(text, "X509 CRL");
            if (!d) return fail(uri, crypto::errc::malformed_input, "PEM without a valid 'X509 CRL' block");
            der = std::move(*d);
        } else {
            der = std::move(*body);
        }
        auto s = inspect(der);
        if (!s.error.empty()) return fail(uri, crypto::errc::malformed_input, s.error);
        return der;
    }

    crypto::result<crypto::bytes> download(std::string_view original) {
        std::string current(original);
        for (unsigned hop = 0;; ++hop) {
            std::string why;
            auto u = uri::parse(current, &why);
            if (!u) return fail(original, crypto::errc::unsupported, "'" + current + "' is not an http(s) URI (" + why + "); only http://, https:// and file:// are fetched");
            request rq;
            rq.method = "GET";
            rq.target = u->target;
            rq.headers.set("Accept", "application/pkix-crl, application/x-pkcs7-crl, */*");
            auto r = client.round_trip(*u, rq, options.timeout);
            if (!r) return fail(original, crypto::errc::io_error, (current != original ? "via " + current + ": " : std::string()) + r.message);
            if (is_redirect(r.value.status)) {
                auto location = r.value.headers.get("Location");
                if (!location || hop >= options.max_redirects)
                    return fail(original, crypto::errc::io_error, "HTTP " + std::to_string(r.value.status) +
                                                                      (location ? " redirect beyond " + std::to_string(options.max_redirects) + " hops" : " without Location"));
                if (!location->empty() && location->front() == '/') { // absolute path on the same server
                    bool const v6 = u->host.find(':') != std::string::npos;
                    current = u->scheme + "://" + (v6 ? "[" + u->host + "]" : u->host) + ":" + std::to_string(u->port) + std::string(*location);
                } else {
                    current = std::string(*location);
                }
                continue;
            }
            if (r.value.status != 200) return fail(original, crypto::errc::io_error, "HTTP status " + std::to_string(r.value.status) + (current != original ? " from " + current : std::string()));
            if (r.value.body.size() > options.max_size)
                return fail(original, crypto::errc::malformed_input, "the CRL is larger than " + std::to_string(options.max_size) + " bytes");
            return to_der(original, crypto::bytes(r.value.body.begin(), r.value.body.end()));
        }
    }
};

} // namespace detail::crl

/// An HTTP CRL fetcher over `Backend` (see the file comment). Copies share state.
template <http_backend Backend>
class http_crl_fetcher {
public:
    explicit http_crl_fetcher(crl_fetcher_options options = {}) : state_(std::make_shared<detail::crl::state<Backend>>(std::move(options))) {}

    /// The CRL at `uri` as DER, or an error naming `uri`.
    [[nodiscard]] crypto::result<crypto::bytes> operator()(std::string_view uri) const { return state_->fetch(uri); }

    /// CRLs held in the cache now.
    [[nodiscard]] std::size_t cached() const {
        std::lock_guard lock(state_->mutex);
        return state_->cache.size();
    }

private:
    std::shared_ptr<detail::crl::state<Backend>> state_;
};

/// The fetcher as the validator takes it.
template <http_backend Backend>
[[nodiscard]] crl_fetcher make_crl_fetcher(crl_fetcher_options options = {}) {
    return http_crl_fetcher<Backend>(std::move(options));
}

} // namespace wsbind::http

#endif
