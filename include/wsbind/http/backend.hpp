// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_HTTP_BACKEND_HPP
#define WSBIND_HTTP_BACKEND_HPP

/// \file
/// The `wsbind::http_backend` concept: what the channel layer needs from an HTTP implementation.
/// wsbind ships `wsbind::beast_backend` (<wsbind/http/beast/backend.hpp>, Boost.Beast + Asio); this
/// header includes no HTTP library.
///
/// Requirements on a type `B` (with `so` a `server_options`, `co` a `client_options`, `h` a
/// `request_handler`, `s` a `typename B::server`, `c` a `typename B::client`, `rq` a `request`):
///
/// | expression                              | type / semantics                                                        |
/// |-----------------------------------------|-------------------------------------------------------------------------|
/// | `typename B::server`                    | an HTTP(S) server; not copyable                                         |
/// | `B::server(so, h)`                      | constructs a stopped server that will call `h` for each request         |
/// | `s.start()`                             | `std::error_code`: binds, listens and starts `so.threads` threads;       |
/// |                                         | an error (address in use, bad certificate) leaves the server stopped    |
/// | `s.stop()`                              | stops accepting, closes connections, joins the threads; idempotent      |
/// | `s.local_port()`                        | `std::uint16_t`: the port bound (useful with port 0)                     |
/// | `s.stats()`                             | `server_stats`: connections open now, accepted, refused                 |
/// | `typename B::client`                    | an HTTP(S) client that keeps connections alive; thread-safe             |
/// | `B::client(co)`                         | constructs a client                                                     |
/// | `c.round_trip(u, rq, timeout)`          | `client_result`: sends `rq` to the `uri` `u`, reads the response; a     |
/// |                                         | failure (connect, TLS, timeout, malformed response) is an error code    |
/// |                                         | with a message, never an exception                                       |
///
/// The server enforces `server_options`' limits before reading what exceeds them: a request whose
/// Content-Length is above `max_body_size` is answered 413 without reading its body; headers above
/// `max_header_size` get 431; a connection idle or slow beyond `read_timeout` is closed; beyond
/// `max_connections` open connections a new one gets 503 and is closed. Malformed HTTP gets 400.
/// Handlers run on the server's threads and may run concurrently.

#include <wsbind/http/message.hpp>

#include <chrono>
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>

namespace wsbind::http {

/// Where a TLS server's certificate and key come from. The credential store plugs in here: an
/// implementation returns the certificate chain (leaf first) and private key as PEM.
class server_certificate_source {
public:
    virtual ~server_certificate_source() = default;
    /// PEM of the certificate chain, leaf first.
    [[nodiscard]] virtual std::string certificate_chain_pem() const = 0;
    /// PEM of the private key (PKCS#8 or traditional).
    [[nodiscard]] virtual std::string private_key_pem() const = 0;
};

/// A certificate source holding PEM text in memory (files read by the caller, tests).
class pem_certificate_source final : public server_certificate_source {
public:
    pem_certificate_source(std::string chain_pem, std::string key_pem)
        : chain_(std::move(chain_pem)), key_(std::move(key_pem)) {}
    [[nodiscard]] std::string certificate_chain_pem() const override { return chain_; }
    [[nodiscard]] std::string private_key_pem() const override { return key_; }

private:
    std::string chain_;
    std::string key_;
};

/// TLS settings of a server (HTTPS: Transport security).
struct server_tls_options {
    std::shared_ptr<server_certificate_source const> certificate;
    /// Transport clientCredentialType="Certificate": the handshake fails without a client
    /// certificate that chains to `trusted_client_ca_pem`.
    bool require_client_certificate = false;
    /// Ask for a client certificate and verify one that is presented, but let clients without one
    /// in (endpoints sharing a port where only some require certificates check it per request).
    bool request_client_certificate = false;
    std::string trusted_client_ca_pem;   ///< PEM of the CAs client certificates must chain to
};

struct server_options {
    std::string address = "127.0.0.1";   ///< IP address to bind ("0.0.0.0", "::")
    std::uint16_t port = 0;              ///< 0: any free port (see local_port())
    unsigned threads = 1;                ///< threads serving connections
    std::size_t max_connections = 1024;  ///< open connections at most; more are refused with 503
    std::chrono::milliseconds read_timeout{std::chrono::minutes(10)};  ///< receiveTimeout: idle or slow read
    std::chrono::milliseconds write_timeout{std::chrono::minutes(1)};  ///< sendTimeout: writing a response
    std::uint64_t max_body_size = 65536; ///< maxReceivedMessageSize
    std::uint32_t max_header_size = 16 * 1024;
    std::optional<server_tls_options> tls; ///< set: HTTPS
};

/// TLS settings of a client.
struct client_tls_options {
    std::string trusted_ca_pem;          ///< PEM of the CAs the server certificate must chain to; empty: system default
    bool verify_server = true;           ///< false: accept any server certificate (tests only)
    bool verify_host_name = true;        ///< check the certificate names the host
    std::string client_certificate_pem;  ///< chain, leaf first (Transport clientCredentialType="Certificate")
    std::string client_key_pem;
};

struct client_options {
    std::size_t max_idle_connections = 16; ///< keep-alive connections kept per client
    std::uint64_t max_response_body_size = 65536; ///< maxReceivedMessageSize of the client's binding
    client_tls_options tls;
};

struct server_stats {
    std::size_t open_connections = 0;
    std::uint64_t accepted = 0;
    std::uint64_t refused = 0;            ///< over max_connections
};

/// A response or an error.
struct client_result {
    std::error_code error;
    std::string message;                  ///< what failed, in words
    response value;
    [[nodiscard]] explicit operator bool() const noexcept { return !error; }
};

/// Called for each request, on one of the server's threads.
using request_handler = std::function<response(request&&)>;

/// The requirements of the table above.
template <class B>
concept http_backend =
    requires { typename B::server; typename B::client; } &&
    std::constructible_from<typename B::server, server_options const&, request_handler> &&
    std::constructible_from<typename B::client, client_options const&> &&
    requires(typename B::server& s, typename B::client& c, uri const& u, request const& rq, std::chrono::milliseconds t) {
        { s.start() } -> std::same_as<std::error_code>;
        s.stop();
        { s.local_port() } -> std::same_as<std::uint16_t>;
        { s.stats() } -> std::same_as<server_stats>;
        { c.round_trip(u, rq, t) } -> std::same_as<client_result>;
    };

namespace detail {

template <class B> concept has_server_type = requires { typename B::server; };
template <class B> concept has_client_type = requires { typename B::client; };

/// Asserts each requirement of `http_backend` separately, so that a type that misses one reads
/// "http_backend: ..." naming it. Use at class-template boundaries: `static_assert(http_backend_diagnoser<B>::value)`.
template <class B>
struct http_backend_diagnoser {
    static constexpr bool server_ok = has_server_type<B>;
    static constexpr bool client_ok = has_client_type<B>;
    static_assert(server_ok, "http_backend: missing nested type `server`");
    static_assert(client_ok, "http_backend: missing nested type `client`");

    template <class S>
    static constexpr bool server_checks() {
        static_assert(std::constructible_from<S, server_options const&, request_handler>,
                      "http_backend: `server` is not constructible from (server_options const&, request_handler)");
        static_assert(requires(S& s) { { s.start() } -> std::same_as<std::error_code>; },
                      "http_backend: missing `std::error_code server::start()`");
        static_assert(requires(S& s) { s.stop(); }, "http_backend: missing `server::stop()`");
        static_assert(requires(S& s) { { s.local_port() } -> std::same_as<std::uint16_t>; },
                      "http_backend: missing `std::uint16_t server::local_port()`");
        static_assert(requires(S& s) { { s.stats() } -> std::same_as<server_stats>; },
                      "http_backend: missing `server_stats server::stats()`");
        return true;
    }
    template <class C>
    static constexpr bool client_checks() {
        static_assert(std::constructible_from<C, client_options const&>,
                      "http_backend: `client` is not constructible from (client_options const&)");
        static_assert(requires(C& c, uri const& u, request const& rq, std::chrono::milliseconds t) {
                          { c.round_trip(u, rq, t) } -> std::same_as<client_result>;
                      },
                      "http_backend: missing `client_result client::round_trip(uri const&, request const&, std::chrono::milliseconds)`");
        return true;
    }
    static constexpr bool value = [] {
        if constexpr (has_server_type<B> && has_client_type<B>)
            return server_checks<typename B::server>() && client_checks<typename B::client>();
        else
            return false;
    }();
};

} // namespace detail

} // namespace wsbind::http

namespace wsbind {
using http::http_backend;
} // namespace wsbind

#endif
