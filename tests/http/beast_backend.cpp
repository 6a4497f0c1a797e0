// The Beast HTTP backend: round trips, keep-alive, limits checked before reading, timeouts,
// bounded connections, HTTPS with and without client certificates.
#include <wsbind/http/beast/backend.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>

using namespace std::chrono_literals;
namespace http = wsbind::http;
using wsbind::beast_backend;

namespace {

std::string read_file(std::string const& name) {
    std::ifstream in(std::string(WSBIND_TEST_PKI) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

http::response echo(http::request&& rq) {
    http::response r;
    r.headers.set("Content-Type", "text/plain");
    r.body = rq.method + " " + rq.target + " " + rq.body;
    if (rq.peer.secure) r.body += " tls";
    if (rq.peer.client_certificate_der) r.body += " cert:" + rq.peer.client_certificate_subject;
    return r;
}

/// A raw TCP connection to the server, for sending what no HTTP client would.
struct raw_connection {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket{ioc};
    explicit raw_connection(std::uint16_t port) {
        socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    }
    void send(std::string const& bytes) { boost::asio::write(socket, boost::asio::buffer(bytes)); }
    /// Everything until the server closes the connection.
    std::string read_to_end() {
        std::string out;
        boost::system::error_code ec;
        char buf[4096];
        for (;;) {
            auto n = socket.read_some(boost::asio::buffer(buf), ec);
            out.append(buf, n);
            if (ec) break;
        }
        return out;
    }
};

http::request post(std::string body) {
    http::request rq;
    rq.headers.set("Content-Type", "text/plain");
    rq.body = std::move(body);
    return rq;
}

http::uri at(std::uint16_t port, char const* scheme = "http", char const* host = "127.0.0.1") {
    return *http::uri::parse(std::string(scheme) + "://" + host + ":" + std::to_string(port) + "/svc");
}

} // namespace

TEST_CASE("beast: round trips reuse one keep-alive connection", "[http][beast]") {
    http::server_options o;
    o.threads = 2;
    beast_backend::server server(o, echo);
    REQUIRE_FALSE(server.start());
    REQUIRE(server.local_port() != 0);
    beast_backend::client client({});
    for (int i = 0; i < 3; ++i) {
        auto r = client.round_trip(at(server.local_port()), post("hello " + std::to_string(i)), 5s);
        REQUIRE(r);
        CHECK(r.value.status == 200);
        CHECK(r.value.body == "POST /svc hello " + std::to_string(i));
    }
    CHECK(client.idle_connections() == 1);
    CHECK(server.stats().accepted == 1);
    server.stop();
}

TEST_CASE("beast: a client retries once when the server closed its idle connection", "[http][beast]") {
    http::server_options o;
    o.read_timeout = 100ms; // idle keep-alive connections are closed quickly
    beast_backend::server server(o, echo);
    REQUIRE_FALSE(server.start());
    beast_backend::client client({});
    REQUIRE(client.round_trip(at(server.local_port()), post("a"), 5s));
    while (server.stats().open_connections != 0) std::this_thread::sleep_for(10ms);
    auto r = client.round_trip(at(server.local_port()), post("b"), 5s);
    REQUIRE(r);
    CHECK(r.value.body == "POST /svc b");
    CHECK(server.stats().accepted == 2);
}

TEST_CASE("beast: Content-Length above max_body_size gets 413 before the body is read", "[http][beast][robustness]") {
    http::server_options o;
    o.max_body_size = 1000;
    std::atomic<int> calls{0};
    beast_backend::server server(o, [&](http::request&& rq) { ++calls; return echo(std::move(rq)); });
    REQUIRE_FALSE(server.start());
    raw_connection c(server.local_port());
    // Announce 100 MB and send none of it: the answer must come from the header alone.
    c.send("POST /svc HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 100000000\r\n\r\n");
    auto const answer = c.read_to_end();
    CHECK(answer.rfind("HTTP/1.1 413 Request Entity Too Large\r\n", 0) == 0);
    CHECK(answer.find("maximum message size quota (1000 bytes, maxReceivedMessageSize)") != std::string::npos);
    CHECK(calls == 0);
    // A chunked body is cut off at the same limit.
    raw_connection chunked(server.local_port());
    chunked.send("POST /svc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7D0\r\n" + std::string(2000, 'x') + "\r\n");
    CHECK(chunked.read_to_end().rfind("HTTP/1.1 413 ", 0) == 0);
    // The server keeps serving others.
    beast_backend::client client({});
    auto r = client.round_trip(at(server.local_port()), post("small"), 5s);
    REQUIRE(r);
    CHECK(r.value.body == "POST /svc small");
}

TEST_CASE("beast: malformed HTTP gets 400, oversized headers 431", "[http][beast][robustness]") {
    http::server_options o;
    o.max_header_size = 2048;
    beast_backend::server server(o, echo);
    REQUIRE_FALSE(server.start());
    {
        raw_connection c(server.local_port());
        c.send("THIS IS NOT HTTP\r\n\r\n");
        auto const answer = c.read_to_end();
        CHECK(answer.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0);
        CHECK(answer.find("Malformed HTTP request") != std::string::npos);
    }
    {
        raw_connection c(server.local_port());
        c.send("POST /svc HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
        CHECK(c.read_to_end().rfind("HTTP/1.1 400 ", 0) == 0);
    }
    {
        raw_connection c(server.local_port());
        c.send("POST /svc HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
        CHECK(c.read_to_end().rfind("HTTP/1.1 431 ", 0) == 0);
    }
    beast_backend::client client({});
    CHECK(client.round_trip(at(server.local_port()), post("still here"), 5s));
}

TEST_CASE("beast: headers between 8 KiB and the default 16 KiB limit are read; above it 431", "[http][beast][robustness]") {
    beast_backend::server server(http::server_options{}, echo); // max_header_size 16 KiB
    REQUIRE_FALSE(server.start());
    {
        raw_connection c(server.local_port());
        c.send("POST /svc HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(12000, 'a') +
               "\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
        CHECK(c.read_to_end().rfind("HTTP/1.1 200 ", 0) == 0);
    }
    {
        raw_connection c(server.local_port());
        c.send("POST /svc HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(17000, 'a') + "\r\n\r\n");
        CHECK(c.read_to_end().rfind("HTTP/1.1 431 ", 0) == 0);
    }
}

TEST_CASE("beast: Expect: 100-continue is answered before the body is read", "[http][beast]") {
    beast_backend::server server({}, echo);
    REQUIRE_FALSE(server.start());
    raw_connection c(server.local_port());
    c.send("POST /svc HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\n");
    char buf[256];
    auto const n = c.socket.read_some(boost::asio::buffer(buf));
    CHECK(std::string(buf, n).rfind("HTTP/1.1 100 Continue\r\n", 0) == 0);
    c.send("hello");
    auto const answer = c.read_to_end();
    CHECK(answer.find("HTTP/1.1 200 OK\r\n") != std::string::npos);
    CHECK(answer.find("POST /svc hello") != std::string::npos);
}

TEST_CASE("beast: requests sent in pieces and pipelined on one connection are answered whole and in order",
          "[http][beast]") {
    beast_backend::server server({}, echo);
    REQUIRE_FALSE(server.start());
    raw_connection c(server.local_port());
    // A body larger than the read buffer the server reserves (8 KiB), its header split mid-line.
    std::string const big(20000, 'b');
    std::string const first = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(big.size()) + "\r\n\r\n" + big;
    c.send(first.substr(0, 30));
    std::this_thread::sleep_for(20ms);
    c.send(first.substr(30, 600));
    std::this_thread::sleep_for(20ms);
    // The rest of the first request and two more in the same write.
    c.send(first.substr(630) + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nxyz" +
           "POST /c HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
    auto const answer = c.read_to_end();
    auto const a = answer.find("POST /a " + big);
    auto const b = answer.find("POST /b xyz");
    auto const d = answer.find("POST /c hi");
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    REQUIRE(d != std::string::npos);
    CHECK(a < b);
    CHECK(b < d);
}

TEST_CASE("beast: a slow client is cut off by read_timeout, others are served", "[http][beast][robustness]") {
    http::server_options o;
    o.read_timeout = 200ms;
    beast_backend::server server(o, echo);
    REQUIRE_FALSE(server.start());
    raw_connection slow(server.local_port());
    slow.send("POST /svc HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"); // 7 bytes never come
    beast_backend::client client({});
    CHECK(client.round_trip(at(server.local_port()), post("fast"), 5s));
    CHECK(slow.read_to_end().empty()); // closed without an answer
}

TEST_CASE("beast: beyond max_connections a connection gets 503; the limit frees up", "[http][beast][robustness]") {
    http::server_options o;
    o.max_connections = 2;
    beast_backend::server server(o, echo);
    REQUIRE_FALSE(server.start());
    auto idle1 = std::make_unique<raw_connection>(server.local_port());
    auto idle2 = std::make_unique<raw_connection>(server.local_port());
    while (server.stats().open_connections < 2) std::this_thread::sleep_for(5ms);
    raw_connection third(server.local_port());
    auto const answer = third.read_to_end();
    CHECK(answer.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0) == 0);
    CHECK(answer.find("limit of 2 open connections") != std::string::npos);
    CHECK(server.stats().refused == 1);
    idle1.reset();
    while (server.stats().open_connections > 1) std::this_thread::sleep_for(5ms);
    beast_backend::client client({});
    CHECK(client.round_trip(at(server.local_port()), post("x"), 5s));
}

TEST_CASE("beast: a handler that throws gives 500, the server goes on", "[http][beast][robustness]") {
    beast_backend::server server({}, [](http::request&& rq) -> http::response {
        if (rq.body == "throw") throw std::runtime_error("boom");
        return echo(std::move(rq));
    });
    REQUIRE_FALSE(server.start());
    beast_backend::client client({});
    auto r = client.round_trip(at(server.local_port()), post("throw"), 5s);
    REQUIRE(r);
    CHECK(r.value.status == 500);
    CHECK(r.value.body == "The request handler failed: boom");
    CHECK(client.round_trip(at(server.local_port()), post("ok"), 5s).value.status == 200);
}

TEST_CASE("beast: start() reports a port in use and a bad address", "[http][beast]") {
    beast_backend::server first({}, echo);
    REQUIRE_FALSE(first.start());
    http::server_options o;
    o.port = first.local_port();
    beast_backend::server second(o, echo);
    CHECK(second.start());
    CHECK(second.last_error().find("cannot bind 127.0.0.1:" + std::to_string(first.local_port())) == 0);
    http::server_options bad;
    bad.address = "not-an-address";
    beast_backend::server third(bad, echo);
    CHECK(third.start() == std::make_error_code(std::errc::invalid_argument));
    CHECK(third.last_error() == "'not-an-address' is not an IP address to listen on");
}

TEST_CASE("beast: client errors are values, with a message", "[http][beast]") {
    beast_backend::client client({});
    // A port nobody listens on: bind a server, stop it, use its port.
    std::uint16_t port = 0;
    {
        beast_backend::server s({}, echo);
        REQUIRE_FALSE(s.start());
        port = s.local_port();
    }
    auto r = client.round_trip(at(port), post("x"), 2s);
    CHECK_FALSE(r);
    CHECK(r.message.find("connecting to 127.0.0.1:" + std::to_string(port) + " failed") == 0);
    // A server that never answers: the call's timeout bounds it.
    beast_backend::server silent({}, [](http::request&& rq) {
        std::this_thread::sleep_for(500ms);
        return echo(std::move(rq));
    });
    REQUIRE_FALSE(silent.start());
    auto t = client.round_trip(at(silent.local_port()), post("x"), 100ms);
    CHECK_FALSE(t);
    CHECK(t.message.find("timed out") != std::string::npos);
}

TEST_CASE("beast: each call on a kept-alive connection has its own timeout", "[http][beast]") {
    // The client's connection keeps one deadline timer armed across calls (not re-armed per read
    // and write): a later call with a shorter timeout must still be cut off at its own deadline,
    // and a call after the timer passed an earlier call's deadline must still get its whole time.
    http::server_options o;
    o.threads = 2;
    beast_backend::server server(o, [](http::request&& rq) {
        if (rq.body.rfind("sleep ", 0) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(rq.body.substr(6))));
        return echo(std::move(rq));
    });
    REQUIRE_FALSE(server.start());
    beast_backend::client client({});
    SECTION("a shorter timeout after a longer one") {
        REQUIRE(client.round_trip(at(server.local_port()), post("a"), 10s));
        REQUIRE(client.idle_connections() == 1);
        auto const t0 = std::chrono::steady_clock::now();
        auto const r = client.round_trip(at(server.local_port()), post("sleep 600"), 150ms);
        CHECK_FALSE(r);
        CHECK(r.message.find("timed out (the call's timeout was 150 ms)") != std::string::npos);
        CHECK(std::chrono::steady_clock::now() - t0 < 550ms);
        CHECK(client.idle_connections() == 0); // a timed-out connection is not reused
        auto const next = client.round_trip(at(server.local_port()), post("b"), 10s);
        REQUIRE(next);
        CHECK(next.value.body == "POST /svc b");
    }
    SECTION("a longer timeout after a shorter one, also once that one's deadline has passed") {
        REQUIRE(client.round_trip(at(server.local_port()), post("a"), 200ms));
        auto r = client.round_trip(at(server.local_port()), post("sleep 300"), 10s); // runs past the first deadline
        REQUIRE(r);
        CHECK(r.value.body == "POST /svc sleep 300");
        std::this_thread::sleep_for(250ms); // the timer's wait ends while the connection is idle
        r = client.round_trip(at(server.local_port()), post("sleep 300"), 10s);
        REQUIRE(r);
        CHECK(r.value.body == "POST /svc sleep 300");
        CHECK(server.stats().accepted == 1);
    }
    server.stop();
}

TEST_CASE("beast: the client's request head: Host, Content-Length, the caller's fields", "[http][beast]") {
    beast_backend::server server({}, [](http::request&& rq) {
        http::response r;
        for (auto const& [n, v] : rq.headers) r.body += n + "=" + v + ";";
        r.body += "|" + rq.method + " " + rq.target + " " + rq.body;
        return r;
    });
    REQUIRE_FALSE(server.start());
    beast_backend::client client({});
    auto const port = std::to_string(server.local_port());
    auto rq = post("body");
    rq.headers.add("X-A", "1");
    auto r = client.round_trip(*http::uri::parse("http://127.0.0.1:" + port + "/svc?q=1"), rq, 5s);
    REQUIRE(r);
    CHECK(r.value.body == "Host=127.0.0.1:" + port + ";Content-Type=text/plain;X-A=1;Content-Length=4;|POST /svc?q=1 body");
    http::request get;
    get.method = "GET";
    get.headers.add("Host", "virtual.example");
    r = client.round_trip(at(server.local_port()), get, 5s);
    REQUIRE(r);
    CHECK(r.value.body == "Host=virtual.example;|GET /svc ");
    server.stop();
}

TEST_CASE("beast: HTTPS, TLS 1.2 or later, server certificate from a certificate source", "[http][beast][tls]") {
    http::server_options o;
    o.tls.emplace();
    o.tls->certificate = std::make_shared<http::pem_certificate_source>(read_file("server.pem"), read_file("server.key"));
    beast_backend::server server(o, echo);
    REQUIRE_FALSE(server.start());

    http::client_options co;
    co.tls.trusted_ca_pem = read_file("ca.pem");
    beast_backend::client client(co);
    auto r = client.round_trip(at(server.local_port(), "https", "localhost"), post("secret"), 5s);
    REQUIRE(r);
    CHECK(r.value.body == "POST /svc secret tls");

    // A client that does not trust the CA refuses the server.
    http::client_options untrusting;
    untrusting.tls.trusted_ca_pem = read_file("rogue_ca.pem");
    beast_backend::client stranger(untrusting);
    auto refused = stranger.round_trip(at(server.local_port(), "https", "localhost"), post("x"), 5s);
    CHECK_FALSE(refused);
    CHECK(refused.message.find("the TLS handshake with localhost failed") == 0);

    // A plain-HTTP request to the HTTPS port does not reach the handler.
    beast_backend::client plain({});
    CHECK_FALSE(plain.round_trip(at(server.local_port()), post("x"), 2s));
}

TEST_CASE("beast: HTTPS with a required client certificate", "[http][beast][tls]") {
    http::server_options o;
    o.tls.emplace();
    o.tls->certificate = std::make_shared<http::pem_certificate_source>(read_file("server.pem"), read_file("server.key"));
    o.tls->require_client_certificate = true;
    o.tls->trusted_client_ca_pem = read_file("ca.pem");
    beast_backend::server server(o, echo);
    REQUIRE_FALSE(server.start());
    auto const u = at(server.local_port(), "https", "localhost");

    http::client_options with_cert;
    with_cert.tls.trusted_ca_pem = read_file("ca.pem");
    with_cert.tls.client_certificate_pem = read_file("client.pem");
    with_cert.tls.client_key_pem = read_file("client.key");
    beast_backend::client good(with_cert);
    auto r = good.round_trip(u, post("hi"), 5s);
    REQUIRE(r);
    CHECK(r.value.body == "POST /svc hi tls cert:/CN=wsbind test client");

    http::client_options without;
    without.tls.trusted_ca_pem = read_file("ca.pem");
    beast_backend::client anonymous(without);
    auto a = anonymous.round_trip(u, post("hi"), 5s);
    CHECK_FALSE(a); // TLS 1.3 reports the refusal on the first read, TLS 1.2 in the handshake

    http::client_options rogue = with_cert;
    rogue.tls.client_certificate_pem = read_file("rogue_client.pem");
    rogue.tls.client_key_pem = read_file("rogue_client.key");
    beast_backend::client intruder(rogue);
    CHECK_FALSE(intruder.round_trip(u, post("hi"), 5s));

    CHECK(good.round_trip(u, post("again"), 5s)); // still serving
}

TEST_CASE("beast: HTTPS refuses to start without a usable certificate", "[http][beast][tls]") {
    http::server_options o;
    o.tls.emplace();
    beast_backend::server none(o, echo);
    CHECK(none.start());
    CHECK(none.last_error().find("HTTPS needs a server certificate") == 0);
    o.tls->certificate = std::make_shared<http::pem_certificate_source>("not pem", "not pem");
    beast_backend::server garbage(o, echo);
    CHECK(garbage.start());
    CHECK(garbage.last_error().find("the server certificate chain is not usable PEM") == 0);
    o.tls->certificate = std::make_shared<http::pem_certificate_source>(read_file("server.pem"), read_file("client.key"));
    beast_backend::server mismatch(o, echo);
    CHECK(mismatch.start());
    INFO(mismatch.last_error());
    CHECK(mismatch.last_error().find("key values mismatch") != std::string::npos);
}
