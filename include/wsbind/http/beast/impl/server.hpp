// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_HTTP_BEAST_IMPL_SERVER_HPP
#define WSBIND_HTTP_BEAST_IMPL_SERVER_HPP

// Definitions of beast_backend::server (included by <wsbind/http/beast/backend.hpp>).

#include <wsbind/http/beast/impl/tls.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <limits>
#include <list>
#include <optional>
#include <type_traits>

#include <time.h>

namespace wsbind::http::beast_detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

/// Timeouts are deadlines that one server-wide timer sweeps (a per-operation timer costs a
/// timerfd update and often a wake-up of another thread per read and write).
using deadline_clock = std::chrono::steady_clock;

/// The time deadlines are kept in, in nanoseconds. Read twice per request, so on Linux the coarse
/// monotonic clock (the kernel's last tick, a few milliseconds coarse: far below the sweep's own
/// granularity of at least 10 ms): it never reads the clock hardware, which a virtual machine may
/// make cost microseconds per read when its TSC is not usable from user space.
inline std::int64_t deadline_now() noexcept {
#if defined(CLOCK_MONOTONIC_COARSE)
    timespec ts{};
    if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) == 0) return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
#endif
    return std::chrono::duration_cast<std::chrono::nanoseconds>(deadline_clock::now().time_since_epoch()).count();
}

/// Wraps a completion handler that starts the connection's next operation from inside the
/// previous one. Asio queues what completes at once (a read of data already there, a write the
/// socket takes whole) for the thread running the chain instead of waking another thread of the
/// pool, which would take the next step over through the reactor (measured: two to three extra
/// wake-ups and thread hops per request, 6-9 us of a 45 us round trip). Raw Beast's composed
/// read gets this for its inner reads; our chain of single reads and writes says it itself.
template <class F>
struct chained {
    F f;
    template <class... Args>
    void operator()(Args&&... args) {
        f(std::forward<Args>(args)...);
    }
    friend bool asio_handler_is_continuation(chained*) { return true; }
};
template <class F>
chained(F) -> chained<F>;

/// A read buffer large enough to take a typical request in one receive (Beast reads at least
/// 512 bytes, or what capacity is left); reserved once a connection sends a request that does not
/// fit, so never-used idle connections keep none.
inline constexpr std::size_t read_chunk = 8192;

/// The request parser's limits: the header and body quotas of `options` (a body whose
/// Content-Length is over the quota is refused as soon as the header is read, without reading it).
inline void set_request_limits(bhttp::request_parser<bhttp::string_body>& parser, server_options const& options) {
    parser.eager(true);
    parser.header_limit(options.max_header_size);
    parser.body_limit(options.max_body_size);
}

/// A parsed request as the handler gets it (the peer is filled in by the session).
[[nodiscard]] inline request to_request(bhttp::request<bhttp::string_body>&& msg) {
    request rq;
    rq.method = std::string(msg.method_string());
    rq.target = std::string(msg.target());
    rq.headers.reserve(16);
    for (auto const& f : msg) rq.headers.add(to_std(f.name_string()), to_std(f.value()));
    rq.body = std::move(msg.body());
    return rq;
}

struct session_base {
    virtual ~session_base() = default;
    virtual void shutdown() = 0;
    /// Closes the connection when its deadline has passed; called by the sweep timer.
    virtual void close_if_expired(std::int64_t now) = 0;
};

struct server_state {
    server_options options;
    request_handler handler;
    std::unique_ptr<asio::io_context> ioc;
    std::optional<tcp::acceptor> acceptor;
    std::unique_ptr<asio::ssl::context> ssl;
    std::atomic<std::size_t> open{0};
    std::atomic<std::size_t> refusing{0};
    std::atomic<std::size_t> in_flight{0};
    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::uint64_t> refused{0};
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::list<std::weak_ptr<session_base>> sessions;
    std::unique_ptr<asio::steady_timer> sweep_timer;
    std::chrono::milliseconds sweep_interval{1000};

    server_state(server_options o, request_handler h)
        : options(std::move(o)), handler(std::move(h)),
          ioc(std::make_unique<asio::io_context>(static_cast<int>(options.threads == 0 ? 1 : options.threads))) {}
};

template <class Socket>
std::string endpoint_text(Socket const& s) {
    boost::system::error_code ec;
    auto const ep = s.remote_endpoint(ec);
    if (ec) return {};
    auto const a = ep.address();
    return (a.is_v6() ? "[" + a.to_string() + "]" : a.to_string()) + ":" + std::to_string(ep.port());
}

/// A connection's socket, its operations serialised by a strand. The executor type is concrete:
/// a type-erased one (tcp::socket, beast::tcp_stream) allocates copies of itself per operation
/// (measured: 9 allocations per request/response on the server).
using strand_type = asio::strand<asio::io_context::executor_type>;
using socket_type = asio::basic_stream_socket<tcp, strand_type>;

/// One connection: reads requests one after the other, answers each.
template <bool Tls>
class session final : public session_base, public std::enable_shared_from_this<session<Tls>> {
public:
    using stream_type = std::conditional_t<Tls, beast::ssl_stream<socket_type>, socket_type>;

    session(std::shared_ptr<server_state> st, socket_type&& socket)
        : st_(std::move(st)), stream_(make_stream(std::move(socket))) {
        ++st_->open;
        peer_.address = endpoint_text(lowest());
        boost::system::error_code ec;
        lowest().set_option(tcp::no_delay(true), ec); // replies leave at once (no Nagle wait)
        // The read buffer holds a whole header: room for max_header_size, so the parser's 431
        // comes before the buffer's own limit.
        buffer_.max_size(std::max<std::size_t>(8192, std::size_t{st_->options.max_header_size} + 4096));
    }
    ~session() override {
        {
            std::lock_guard lock(st_->mutex);
            if (registered_) st_->sessions.erase(self_);
        }
        --st_->open;
    }

    void run() {
        {
            std::lock_guard lock(st_->mutex);
            self_ = st_->sessions.insert(st_->sessions.end(), this->weak_from_this());
            registered_ = true;
        }
        asio::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->start(); });
    }

    void shutdown() override {
        asio::post(stream_.get_executor(), [self = this->shared_from_this()] {
            boost::system::error_code ec;
            self->lowest().shutdown(tcp::socket::shutdown_both, ec);
            self->lowest().close(ec);
        });
    }

    void close_if_expired(std::int64_t now) override {
        auto const d = deadline_.load(std::memory_order_relaxed);
        if (d == 0 || d > now) return;
        deadline_.store(0, std::memory_order_relaxed); // once
        shutdown();
    }

private:
    stream_type make_stream(socket_type&& socket) {
        if constexpr (Tls) return stream_type(std::move(socket), *st_->ssl);
        else return stream_type(std::move(socket));
    }
    socket_type& lowest() { return beast::get_lowest_layer(stream_); }

    /// The connection is closed if the current step has not finished within `d`.
    void set_deadline(std::chrono::milliseconds d) {
        auto const now = deadline_now();
        auto const max_left = std::numeric_limits<std::int64_t>::max() - now;
        auto const left = d.count() >= max_left / 1'000'000 ? max_left : std::int64_t{d.count()} * 1'000'000;
        deadline_.store(now + left, std::memory_order_relaxed);
    }
    void clear_deadline() { deadline_.store(0, std::memory_order_relaxed); }

    void start() {
        if constexpr (Tls) {
            set_deadline(st_->options.read_timeout);
            stream_.async_handshake(asio::ssl::stream_base::server,
                                    [self = this->shared_from_this()](boost::system::error_code ec) {
                                        if (ec) return self->close_now();
                                        describe_tls_peer(self->stream_.native_handle(), self->peer_);
                                        self->read_header();
                                    });
        } else {
            read_header();
        }
    }

    void read_header() {
        if (st_->stopping) return close_gracefully();
        parser_.emplace();
        set_request_limits(*parser_, st_->options);
        header_checked_ = false;
        // receiveTimeout bounds the whole request (and an idle keep-alive connection).
        set_deadline(st_->options.read_timeout);
        read_some();
    }

    /// Reads what is available and parses it: usually the whole request in one operation.
    void read_some() {
        bhttp::async_read_some(stream_, buffer_, *parser_,
                               chained{[self = this->shared_from_this()](boost::system::error_code ec, std::size_t) { self->on_read(ec); }});
    }

    /// Answers a failed read: a status for what the peer sent wrong, silence for a closed or idle peer.
    void on_read_error(boost::system::error_code ec) {
        if (ec == bhttp::error::body_limit)
            return send_error(413, "The request body exceeds the maximum message size quota (" +
                                       std::to_string(st_->options.max_body_size) +
                                       " bytes, maxReceivedMessageSize); it was not read.");
        if (ec == bhttp::error::header_limit)
            return send_error(431, "The request header exceeds " + std::to_string(st_->options.max_header_size) + " bytes.");
        if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() && ec != bhttp::error::end_of_stream &&
            ec != bhttp::error::partial_message && ec != bhttp::error::need_more && ec != bhttp::error::buffer_overflow)
            return send_error(400, "Malformed HTTP request: " + ec.message() + ".");
        close_now(); // end of stream, timeout (receiveTimeout), reset, partial message
    }

    void on_read(boost::system::error_code ec) {
        if (ec == bhttp::error::need_more) ec = {};
        if (ec) return on_read_error(ec);
        if (parser_->is_header_done() && !header_checked_) {
            header_checked_ = true;
            // The parser refuses a Content-Length above body_limit as soon as it has the header
            // (error body_limit above); a chunked body is cut off when it passes the limit.
            auto const& h = parser_->get();
            auto const expect = h[bhttp::field::expect];
            if (!expect.empty()) {
                if (!beast::iequals(expect, "100-continue"))
                    return send_error(417, "Only 'Expect: 100-continue' is supported.");
                if (!parser_->is_done()) {
                    auto cont = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
                    set_deadline(st_->options.write_timeout);
                    return bhttp::async_write(stream_, *cont,
                                              chained{[self = this->shared_from_this(), cont](boost::system::error_code e, std::size_t) {
                                                  if (e) return self->close_now();
                                                  self->set_deadline(self->st_->options.read_timeout);
                                                  self->read_some();
                                              }});
                }
            }
        }
        if (parser_->is_done()) return on_body({});
        if (buffer_.capacity() < read_chunk) buffer_.reserve(std::min(read_chunk, buffer_.max_size()));
        read_some();
    }

    void on_body(boost::system::error_code ec) {
        if (ec) return on_read_error(ec);
        auto msg = parser_->release();
        parser_.reset();
        bool const keep_alive = msg.keep_alive();
        request rq = to_request(std::move(msg));
        if (peer_.secure) rq.peer = peer_;
        else rq.peer.address = peer_.address; // plain HTTP: nothing else to copy
        response r;
        clear_deadline(); // the handler's time is not the peer's
        ++st_->in_flight;
        try {
            r = st_->handler(std::move(rq));
        } catch (std::exception const& e) {
            r = response{500, {}, {}, std::string("The request handler failed: ") + e.what()};
            r.headers.set("Content-Type", "text/plain; charset=utf-8");
        } catch (...) {
            r = response{500, {}, {}, "The request handler failed."};
            r.headers.set("Content-Type", "text/plain; charset=utf-8");
        }
        --st_->in_flight;
        write(std::move(r), keep_alive && !st_->stopping);
    }

    void send_error(int status, std::string text) {
        response r{status, {}, {}, std::move(text)};
        r.headers.set("Content-Type", "text/plain; charset=utf-8");
        write(std::move(r), false);
    }

    /// Sends the response: its head written by `append_response_head` (no Beast serializer: one
    /// buffer for the head, the body sent from where it is), both in one gathered write.
    void write(response r, bool keep_alive) {
        head_.clear();
        http::append_response_head(head_, r, keep_alive);
        body_ = status_has_body(sendable_status(r.status)) ? std::move(r.body) : std::string();
        set_deadline(st_->options.write_timeout);
        std::array<asio::const_buffer, 2> const buffers{asio::buffer(head_), asio::buffer(body_)};
        asio::async_write(stream_, buffers, chained{[self = this->shared_from_this(), keep_alive](boost::system::error_code ec, std::size_t) {
            if (ec) return self->close_now();
            self->body_ = std::string(); // an idle connection keeps no response body (it may have been large)
            if (!keep_alive) return self->close_gracefully();
            self->read_header();
        }});
    }

    void close_gracefully() {
        if constexpr (Tls) {
            set_deadline(std::chrono::seconds(2));
            stream_.async_shutdown([self = this->shared_from_this()](boost::system::error_code) { self->close_now(); });
        } else {
            close_now();
        }
    }

    void close_now() {
        boost::system::error_code ec;
        lowest().shutdown(tcp::socket::shutdown_send, ec);
        lowest().close(ec);
    }

    std::shared_ptr<server_state> st_;
    stream_type stream_;
    beast::flat_buffer buffer_{8192};
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::string head_; ///< the response head being written (its capacity kept for the next one)
    std::string body_; ///< the response body being written
    peer_info peer_;
    std::atomic<std::int64_t> deadline_{0}; ///< deadline_now() time; 0: none
    bool header_checked_ = false;
    std::list<std::weak_ptr<session_base>>::iterator self_;
    bool registered_ = false;
};

/// Over max_connections: a 503 on plain HTTP (TLS clients just see the connection closed).
inline void refuse(std::shared_ptr<server_state> const& st, socket_type&& socket) {
    ++st->refused;
    if (st->options.tls || st->refusing >= st->options.max_connections) {
        boost::system::error_code ec;
        socket.close(ec);
        return;
    }
    struct refusal {
        std::shared_ptr<server_state> st;
        beast::tcp_stream stream;
        std::string text;
        refusal(std::shared_ptr<server_state> s, socket_type&& so) : st(std::move(s)), stream(tcp::socket(std::move(so))) { ++st->refusing; }
        ~refusal() { --st->refusing; }
    };
    auto r = std::make_shared<refusal>(st, std::move(socket));
    std::string const body = "The server has reached its limit of " + std::to_string(st->options.max_connections) +
                             " open connections; try again later.";
    r->text = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
              "Retry-After: 1\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    r->stream.expires_after(std::chrono::seconds(5));
    r->stream.async_write_some(asio::buffer(r->text), [r](boost::system::error_code, std::size_t) {
        boost::system::error_code ec;
        r->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        r->stream.socket().close(ec);
    });
}

/// Closes connections past their deadline, then waits for the next sweep.
inline void sweep(std::shared_ptr<server_state> const& st) {
    st->sweep_timer->expires_after(st->sweep_interval);
    st->sweep_timer->async_wait([st](boost::system::error_code ec) {
        if (ec || st->stopping) return;
        auto const now = deadline_now();
        std::vector<std::shared_ptr<session_base>> live;
        {
            std::lock_guard lock(st->mutex);
            live.reserve(st->sessions.size());
            for (auto const& w : st->sessions)
                if (auto s = w.lock()) live.push_back(std::move(s));
        }
        for (auto const& s : live) s->close_if_expired(now);
        live.clear();
        sweep(st);
    });
}

inline void accept_next(std::shared_ptr<server_state> const& st) {
    st->acceptor->async_accept(asio::make_strand(st->ioc->get_executor()), [st](boost::system::error_code ec, socket_type socket) {
        if (st->stopping || !st->acceptor->is_open()) return;
        if (ec) {
            // Out of descriptors or a transient failure: wait a little instead of spinning.
            auto timer = std::make_shared<asio::steady_timer>(*st->ioc, std::chrono::milliseconds(50));
            timer->async_wait([st, timer](boost::system::error_code) {
                if (!st->stopping) accept_next(st);
            });
            return;
        }
        ++st->accepted;
        if (st->open >= st->options.max_connections) {
            refuse(st, std::move(socket));
        } else if (st->options.tls) {
            std::make_shared<session<true>>(st, std::move(socket))->run();
        } else {
            std::make_shared<session<false>>(st, std::move(socket))->run();
        }
        accept_next(st);
    });
}

} // namespace wsbind::http::beast_detail

namespace wsbind {

inline beast_backend::server::server(http::server_options const& options, http::request_handler handler)
    : state_(std::make_shared<http::beast_detail::server_state>(options, std::move(handler))) {}

inline beast_backend::server::~server() { stop(); }

inline std::error_code beast_backend::server::start() {
    namespace bd = http::beast_detail;
    if (running_) return {};
    if (state_->stopping) // restarted after stop(): a fresh state
        state_ = std::make_shared<bd::server_state>(state_->options, state_->handler);
    auto& st = *state_;
    last_error_.clear();
    if (st.options.tls) {
        st.ssl = bd::make_server_context(*st.options.tls, last_error_);
        if (!st.ssl) return std::make_error_code(std::errc::invalid_argument);
    }
    boost::system::error_code ec;
    auto const address = bd::asio::ip::make_address(st.options.address, ec);
    if (ec) {
        last_error_ = "'" + st.options.address + "' is not an IP address to listen on";
        return std::make_error_code(std::errc::invalid_argument);
    }
    bd::tcp::endpoint const ep(address, st.options.port);
    st.acceptor.emplace(*st.ioc);
    auto fail = [&](char const* what) {
        last_error_ = std::string(what) + " " + address.to_string() + ":" + std::to_string(st.options.port) + ": " + ec.message();
        st.acceptor.reset();
        return static_cast<std::error_code>(ec);
    };
    if (st.acceptor->open(ep.protocol(), ec)) return fail("cannot open a socket for");
    if (st.acceptor->set_option(bd::asio::socket_base::reuse_address(true), ec)) return fail("cannot set SO_REUSEADDR on");
    if (st.acceptor->bind(ep, ec)) return fail("cannot bind");
    if (st.acceptor->listen(bd::asio::socket_base::max_listen_connections, ec)) return fail("cannot listen on");
    port_ = st.acceptor->local_endpoint(ec).port();
    bd::accept_next(state_);
    // Deadlines are checked every quarter of the shortest timeout (10 ms .. 1 s).
    auto const shortest = std::min(st.options.read_timeout, st.options.write_timeout);
    st.sweep_interval = std::clamp(shortest / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
    st.sweep_timer = std::make_unique<bd::asio::steady_timer>(*st.ioc);
    bd::sweep(state_);
    unsigned const n = st.options.threads == 0 ? 1 : st.options.threads;
    for (unsigned i = 0; i < n; ++i) threads_.emplace_back([s = state_] { s->ioc->run(); });
    running_ = true;
    return {};
}

inline void beast_backend::server::stop(std::chrono::milliseconds grace) {
    namespace bd = http::beast_detail;
    if (!running_) return;
    running_ = false;
    auto st = state_;
    st->stopping = true;
    bd::asio::post(*st->ioc, [st] {
        boost::system::error_code ec;
        if (st->acceptor) st->acceptor->close(ec);
    });
    auto const deadline = std::chrono::steady_clock::now() + grace;
    while (st->in_flight > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::vector<std::shared_ptr<bd::session_base>> live;
    {
        std::lock_guard lock(st->mutex);
        for (auto const& w : st->sessions)
            if (auto s = w.lock()) live.push_back(std::move(s));
    }
    for (auto const& s : live) s->shutdown();
    live.clear();
    // Let the closes run, then stop; what is still pending is destroyed with the io_context.
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    st->ioc->stop();
    for (auto& t : threads_) t.join();
    threads_.clear();
    st->acceptor.reset();
    st->sweep_timer.reset();
    st->ioc.reset();
}

inline http::server_stats beast_backend::server::stats() const noexcept {
    return {state_->open.load(), state_->accepted.load(), state_->refused.load()};
}

} // namespace wsbind

#endif
