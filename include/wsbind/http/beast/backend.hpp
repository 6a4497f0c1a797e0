// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_HTTP_BEAST_BACKEND_HPP
#define WSBIND_HTTP_BEAST_BACKEND_HPP

/// \file
/// `wsbind::beast_backend`: the `http_backend` over Boost.Beast and Asio, TLS through Asio SSL
/// (OpenSSL 3), TLS 1.2 and later only.
///
/// Server: an asynchronous accept loop on a pool of `server_options::threads` threads; one strand
/// per connection; HTTP/1.1 keep-alive; `Expect: 100-continue` answered after the header was
/// checked. Limits are enforced from the header, before any body byte is read: Content-Length above
/// `max_body_size` gets 413 (a chunked body is cut off at the same limit), headers above
/// `max_header_size` 431, malformed HTTP 400, more than `max_connections` connections 503; a
/// connection idle or slow beyond `read_timeout` is closed, a response not written within
/// `write_timeout` too.
///
/// Client: keeps up to `max_idle_connections` keep-alive connections and reuses them (a reused
/// connection that the server closed meanwhile is retried once on a fresh one); thread-safe; each
/// call is bounded by its timeout.
///
/// Definitions are in <wsbind/http/beast/impl/server.hpp> and <wsbind/http/beast/impl/client.hpp>.

#include <wsbind/http/backend.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace wsbind {

namespace http::beast_detail {
struct server_state;
struct client_state;
} // namespace http::beast_detail

/// The HTTP backend over Boost.Beast.
struct beast_backend {
    class server {
    public:
        server(http::server_options const& options, http::request_handler handler);
        server(server const&) = delete;
        server& operator=(server const&) = delete;
        ~server();

        /// Binds, listens and starts the threads. Errors: the address is not an IP address, the
        /// port is in use, the TLS certificate or key is unusable (message in `last_error()`).
        [[nodiscard]] std::error_code start();
        /// Stops accepting, waits up to `grace` for requests being handled, then closes every
        /// connection and joins the threads. Idempotent.
        void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(0));
        [[nodiscard]] std::uint16_t local_port() const noexcept { return port_; }
        [[nodiscard]] http::server_stats stats() const noexcept;
        /// What the last failed start() found, in words.
        [[nodiscard]] std::string const& last_error() const noexcept { return last_error_; }

    private:
        std::shared_ptr<http::beast_detail::server_state> state_;
        std::vector<std::thread> threads_;
        std::uint16_t port_ = 0;
        std::string last_error_;
        bool running_ = false;
    };

    class client {
    public:
        explicit client(http::client_options const& options);
        client(client const&) = delete;
        client& operator=(client const&) = delete;
        ~client();

        /// Sends `rq` to `target` and reads the response, within `timeout` in all (resolve,
        /// connect, TLS handshake, write, read).
        [[nodiscard]] http::client_result round_trip(http::uri const& target, http::request const& rq,
                                                     std::chrono::milliseconds timeout);
        /// Keep-alive connections held now.
        [[nodiscard]] std::size_t idle_connections() const;

    private:
        std::shared_ptr<http::beast_detail::client_state> state_;
    };
};

static_assert(http::detail::http_backend_diagnoser<beast_backend>::value);

} // namespace wsbind

#include <wsbind/http/beast/impl/server.hpp>
#include <wsbind/http/beast/impl/client.hpp>

#endif
