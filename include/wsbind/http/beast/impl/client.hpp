// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_HTTP_BEAST_IMPL_CLIENT_HPP
#define WSBIND_HTTP_BEAST_IMPL_CLIENT_HPP

// Definitions of beast_backend::client (included by <wsbind/http/beast/backend.hpp>).

#include <wsbind/http/beast/impl/tls.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <array>
#include <optional>

namespace wsbind::http::beast_detail {

/// One keep-alive connection with its own io_context, so that any calling thread can drive it.
struct client_connection {
    boost::asio::io_context ioc{1};
    std::string scheme, host;      ///< what the connection is to (scheme, host, port)
    std::uint16_t port = 0;
    std::string host_field;        ///< the Host header for it
    std::optional<boost::beast::tcp_stream> plain;
    std::optional<boost::beast::ssl_stream<boost::beast::tcp_stream>> tls;
    boost::beast::flat_buffer buffer;
    std::string head;              ///< the request head being written (its capacity kept for the next)

    /// The deadline of the exchange under way, watched by one timer per connection that is not
    /// re-armed per read and write (that cost a timerfd update each): it stays armed for an
    /// earlier call's deadline while later calls only move `deadline`, and when it fires before
    /// the current deadline it waits again for that one.
    std::chrono::steady_clock::time_point deadline;
    boost::asio::steady_timer timer{ioc};
    bool timer_armed = false;
    bool timed_out = false;        ///< the timer closed the socket: the exchange ran past its deadline

    boost::beast::tcp_stream& lowest() { return tls ? boost::beast::get_lowest_layer(*tls) : *plain; }
};

struct client_state {
    client_options options;
    /// Made on the first https connection (loading the system's CAs costs milliseconds).
    std::unique_ptr<boost::asio::ssl::context> ssl;
    std::string ssl_error;
    bool ssl_made = false;
    mutable std::mutex mutex;
    std::vector<std::unique_ptr<client_connection>> idle;
};

inline client_result client_failure(std::error_code ec, std::string message) {
    client_result r;
    r.error = ec;
    r.message = std::move(message);
    return r;
}

/// Runs the connection's io_context until the operation started before completes.
inline void run_pending(client_connection& c) {
    c.ioc.restart();
    c.ioc.run();
}

/// Runs the connection's io_context until `done` (the deadline timer may stay pending).
inline void run_until(client_connection& c, bool const& done) {
    c.ioc.restart();
    while (!done && c.ioc.run_one() != 0) {}
}

void on_deadline_timer(client_connection& c, boost::system::error_code ec);

inline void arm_deadline_timer(client_connection& c, std::chrono::steady_clock::time_point at) {
    c.timer.expires_at(at); // cancels a wait under way: its handler sees operation_aborted
    c.timer_armed = true;
    c.timer.async_wait([&c](boost::system::error_code ec) { on_deadline_timer(c, ec); });
}

inline void on_deadline_timer(client_connection& c, boost::system::error_code ec) {
    if (ec) return; // re-armed (a newer wait is under way) or the connection is going away
    c.timer_armed = false;
    // The handler runs only while an exchange drives the io_context: `deadline` is that exchange's.
    if (std::chrono::steady_clock::now() < c.deadline) return arm_deadline_timer(c, c.deadline);
    c.timed_out = true;
    boost::system::error_code ignored;
    c.lowest().socket().close(ignored); // the read or write under way completes with operation_aborted
}

/// Watches the exchange that starts now until `deadline`: re-arms the timer only when it is not
/// armed or waits for a later time.
inline void watch_deadline(client_connection& c, std::chrono::steady_clock::time_point deadline) {
    c.deadline = deadline;
    c.timed_out = false;
    if (!c.timer_armed || c.timer.expiry() > deadline) arm_deadline_timer(c, deadline);
}

inline std::chrono::milliseconds remaining(std::chrono::steady_clock::time_point deadline) {
    auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return left.count() > 0 ? left : std::chrono::milliseconds(1);
}

inline std::string describe(boost::system::error_code ec, std::string_view what, std::chrono::milliseconds timeout) {
    if (ec == boost::beast::error::timeout)
        return std::string(what) + " timed out (the call's timeout was " + std::to_string(timeout.count()) + " ms)";
    return std::string(what) + " failed: " + ec.message();
}

inline client_result connect(client_state& st, client_connection& c, uri const& u, std::chrono::steady_clock::time_point deadline,
                             std::chrono::milliseconds timeout) {
    namespace asio = boost::asio;
    using tcp = asio::ip::tcp;
    if (u.scheme == "https") {
        {
            std::lock_guard lock(st.mutex);
            if (!st.ssl_made) {
                st.ssl = make_client_context(st.options.tls, st.ssl_error);
                st.ssl_made = true;
            }
        }
        if (!st.ssl) return client_failure(std::make_error_code(std::errc::invalid_argument), st.ssl_error);
        c.tls.emplace(c.ioc, *st.ssl);
        boost::system::error_code ec;
        auto const literal = asio::ip::make_address(u.host, ec);
        if (ec && SSL_set_tlsext_host_name(c.tls->native_handle(), u.host.c_str()) != 1)
            return client_failure(std::make_error_code(std::errc::invalid_argument), "cannot set the TLS server name '" + u.host + "'");
        (void)literal;
        if (st.options.tls.verify_server && st.options.tls.verify_host_name)
            c.tls->set_verify_callback(asio::ssl::host_name_verification(u.host));
    } else {
        c.plain.emplace(c.ioc);
    }
    boost::system::error_code ec;
    tcp::resolver resolver(c.ioc);
    auto const endpoints = resolver.resolve(u.host, std::to_string(u.port), ec);
    if (ec) return client_failure(static_cast<std::error_code>(ec), "cannot resolve '" + u.host + "': " + ec.message());
    c.lowest().expires_after(remaining(deadline));
    c.lowest().async_connect(endpoints, [&](boost::system::error_code e, tcp::endpoint const&) { ec = e; });
    run_pending(c);
    if (ec)
        return client_failure(static_cast<std::error_code>(ec),
                              describe(ec, "connecting to " + u.host + ":" + std::to_string(u.port), timeout));
    boost::system::error_code nodelay_ec;
    c.lowest().socket().set_option(tcp::no_delay(true), nodelay_ec);
    if (c.tls) {
        c.lowest().expires_after(remaining(deadline));
        c.tls->async_handshake(asio::ssl::stream_base::client, [&](boost::system::error_code e) { ec = e; });
        run_pending(c);
        if (ec)
            return client_failure(static_cast<std::error_code>(ec),
                                  openssl_error_text(describe(ec, "the TLS handshake with " + u.host, timeout)));
    }
    c.lowest().expires_never(); // from here the connection's deadline timer watches (watch_deadline)
    return {};
}

/// The limits the client reads a response with: the binding's maxReceivedMessageSize for the body,
/// 64 KiB for the header section.
inline void set_response_limits(boost::beast::http::response_parser<boost::beast::http::string_body>& parser,
                                std::uint64_t max_body_size) {
    parser.body_limit(max_body_size);
    parser.header_limit(64 * 1024);
}

/// A parsed response as the channel layer gets it.
[[nodiscard]] inline response to_response(boost::beast::http::response<boost::beast::http::string_body>&& msg) {
    response out;
    out.status = static_cast<int>(msg.result_int());
    out.reason = std::string(to_std(msg.reason()));
    out.headers.reserve(8);
    for (auto const& f : msg) out.headers.add(to_std(f.name_string()), to_std(f.value()));
    out.body = std::move(msg.body());
    return out;
}

/// Writes the request and reads the response; `nothing_received` tells a stale keep-alive
/// connection (closed by the server while idle) from a real failure. The request head is written by
/// `append_request_head` (no Beast serializer) and sent with the body, from the caller's buffer, in
/// one gathered write.
inline client_result exchange(client_state& st, client_connection& c, uri const& u, request const& rq,
                              std::chrono::steady_clock::time_point deadline, std::chrono::milliseconds timeout,
                              bool& nothing_received, bool& keep_alive) {
    namespace asio = boost::asio;
    namespace bhttp = boost::beast::http;
    c.head.clear();
    append_request_head(c.head, rq, u.target, c.host_field);
    watch_deadline(c, deadline);
    auto const failed = [&](boost::system::error_code ec) {
        return c.timed_out ? boost::system::error_code(boost::beast::error::timeout) : ec;
    };

    boost::system::error_code ec;
    bool done = false;
    std::array<asio::const_buffer, 2> const buffers{asio::buffer(c.head), asio::buffer(rq.body)};
    auto on_write = [&](boost::system::error_code e, std::size_t) { ec = e; done = true; };
    if (c.tls) asio::async_write(*c.tls, buffers, on_write);
    else asio::async_write(c.plain->socket(), buffers, on_write);
    run_until(c, done);
    if (ec) {
        nothing_received = true;
        ec = failed(ec);
        return client_failure(static_cast<std::error_code>(ec), describe(ec, "sending the request to " + u.host, timeout));
    }
    bhttp::response_parser<bhttp::string_body> parser;
    set_response_limits(parser, st.options.max_response_body_size);
    std::size_t received = 0;
    done = false;
    auto on_read = [&](boost::system::error_code e, std::size_t n) { ec = e; received = n; done = true; };
    if (c.tls) bhttp::async_read(*c.tls, c.buffer, parser, on_read);
    else bhttp::async_read(c.plain->socket(), c.buffer, parser, on_read);
    run_until(c, done);
    if (ec) {
        nothing_received = received == 0 && !parser.got_some();
        ec = failed(ec);
        if (ec == bhttp::error::body_limit)
            return client_failure(static_cast<std::error_code>(ec),
                                  "the response body exceeds the maximum message size quota (" +
                                      std::to_string(st.options.max_response_body_size) + " bytes, maxReceivedMessageSize)");
        return client_failure(static_cast<std::error_code>(ec), describe(ec, "reading the response from " + u.host, timeout));
    }
    auto msg = parser.release();
    keep_alive = msg.keep_alive();
    client_result r;
    r.value = to_response(std::move(msg));
    return r;
}

} // namespace wsbind::http::beast_detail

namespace wsbind {

inline beast_backend::client::client(http::client_options const& options)
    : state_(std::make_shared<http::beast_detail::client_state>()) {
    state_->options = options;
}

inline beast_backend::client::~client() = default;

inline std::size_t beast_backend::client::idle_connections() const {
    std::lock_guard lock(state_->mutex);
    return state_->idle.size();
}

inline http::client_result beast_backend::client::round_trip(http::uri const& target, http::request const& rq,
                                                            std::chrono::milliseconds timeout) {
    namespace bd = http::beast_detail;
    auto& st = *state_;
    auto const deadline = std::chrono::steady_clock::now() + timeout;
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::unique_ptr<bd::client_connection> c;
        if (attempt == 0) {
            std::lock_guard lock(st.mutex);
            for (auto it = st.idle.rbegin(); it != st.idle.rend(); ++it)
                if ((*it)->port == target.port && (*it)->host == target.host && (*it)->scheme == target.scheme) {
                    c = std::move(*it);
                    st.idle.erase(std::next(it).base());
                    break;
                }
        }
        bool const reused = c != nullptr;
        if (!c) {
            c = std::make_unique<bd::client_connection>();
            // Room for a typical response in one receive (Beast otherwise reads 512 bytes at a time).
            c->buffer.reserve(8192);
            c->scheme = target.scheme;
            c->host = target.host;
            c->port = target.port;
            bool const default_port = (target.scheme == "http" && target.port == 80) || (target.scheme == "https" && target.port == 443);
            c->host_field = (target.host.find(':') != std::string::npos ? "[" + target.host + "]" : target.host) +
                            (default_port ? "" : ":" + std::to_string(target.port));
            if (auto r = bd::connect(st, *c, target, deadline, timeout); !r) return r;
        }
        bool nothing_received = false;
        bool keep_alive = false;
        auto r = bd::exchange(st, *c, target, rq, deadline, timeout, nothing_received, keep_alive);
        if (!r && reused && nothing_received && std::chrono::steady_clock::now() < deadline) continue;
        if (r && keep_alive) {
            std::lock_guard lock(st.mutex);
            if (st.idle.size() < st.options.max_idle_connections) st.idle.push_back(std::move(c));
        }
        return r;
    }
    return bd::client_failure(std::make_error_code(std::errc::connection_aborted), "the connection was closed by the server");
}

} // namespace wsbind

#endif
