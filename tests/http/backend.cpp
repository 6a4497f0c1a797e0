// The http_backend concept: a minimal conforming type, and what the diagnoser says about types that miss a part.
#include <wsbind/http/backend.hpp>

#include <catch2/catch.hpp>

namespace {

// The smallest type that meets every requirement (the exemplar of the concept's table).
struct exemplar_backend {
    struct server {
        server(wsbind::http::server_options const&, wsbind::http::request_handler) {}
        std::error_code start() { return {}; }
        void stop() {}
        std::uint16_t local_port() const { return 0; }
        wsbind::http::server_stats stats() const { return {}; }
    };
    struct client {
        explicit client(wsbind::http::client_options const&) {}
        wsbind::http::client_result round_trip(wsbind::http::uri const&, wsbind::http::request const&, std::chrono::milliseconds) {
            return {};
        }
    };
};

struct no_client {
    using server = exemplar_backend::server;
};

struct client_without_round_trip {
    using server = exemplar_backend::server;
    struct client {
        explicit client(wsbind::http::client_options const&) {}
    };
};

} // namespace

TEST_CASE("http_backend: the exemplar satisfies the concept and the diagnoser", "[http][concept]") {
    STATIC_REQUIRE(wsbind::http_backend<exemplar_backend>);
    STATIC_REQUIRE(wsbind::http::detail::http_backend_diagnoser<exemplar_backend>::value);
}

TEST_CASE("http_backend: types that miss a requirement are not backends", "[http][concept]") {
    STATIC_REQUIRE_FALSE(wsbind::http_backend<no_client>);
    STATIC_REQUIRE_FALSE(wsbind::http_backend<client_without_round_trip>);
    STATIC_REQUIRE_FALSE(wsbind::http_backend<int>);
}

TEST_CASE("uri::parse splits absolute http and https URIs", "[http][uri]") {
    auto u = wsbind::http::uri::parse("http://localhost:8080/Calculator/svc?x=1");
    REQUIRE(u);
    CHECK(u->scheme == "http");
    CHECK(u->host == "localhost");
    CHECK(u->port == 8080);
    CHECK(u->target == "/Calculator/svc?x=1");
    auto h = wsbind::http::uri::parse("HTTPS://[::1]");
    REQUIRE(h);
    CHECK(h->scheme == "https");
    CHECK(h->host == "::1");
    CHECK(h->port == 443);
    CHECK(h->target == "/");
    std::string why;
    CHECK_FALSE(wsbind::http::uri::parse("net.tcp://host/x", &why));
    CHECK(why == "the scheme is neither http nor https");
    CHECK_FALSE(wsbind::http::uri::parse("http://host:99999/", &why));
    CHECK(why == "the port is above 65535");
    CHECK_FALSE(wsbind::http::uri::parse("localhost/x", &why));
    CHECK(why == "not an absolute URI (no '://')");
}

TEST_CASE("fields: case-insensitive lookup, set replaces", "[http][fields]") {
    wsbind::http::fields f;
    f.set("Content-Type", "text/xml");
    f.set("content-type", "application/soap+xml");
    f.add("X-A", "1");
    CHECK(f.size() == 2);
    CHECK(f.get("CONTENT-TYPE") == "application/soap+xml");
    CHECK_FALSE(f.get("SOAPAction"));
}

TEST_CASE("append_response_head: the server's framing, whatever the handler set", "[http][response]") {
    using wsbind::http::append_response_head;
    using wsbind::http::response;
    auto head = [](response const& r, bool keep_alive) {
        std::string s = "kept:"; // appends
        append_response_head(s, r, keep_alive);
        return s;
    };
    SECTION("status line, fields in order, Content-Length of the body") {
        response r{200, {}, {}, "hello"};
        r.headers.set("Content-Type", "text/xml; charset=utf-8");
        r.headers.add("X-A", "1");
        CHECK(head(r, true) == "kept:HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nX-A: 1\r\nContent-Length: 5\r\n\r\n");
    }
    SECTION("closing: Connection: close; the handler's framing fields are dropped") {
        response r{500, {}, {}, ""};
        r.headers.add("content-length", "99");
        r.headers.add("Transfer-Encoding", "chunked");
        r.headers.add("Connection", "keep-alive");
        CHECK(head(r, false) == "kept:HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }
    SECTION("a given reason phrase; 1xx, 204 and 304 have no Content-Length") {
        CHECK(head(response{415, "Cannot process", {}, "x"}, true) == "kept:HTTP/1.1 415 Cannot process\r\nContent-Length: 1\r\n\r\n");
        CHECK(head(response{204, {}, {}, "ignored"}, true) == "kept:HTTP/1.1 204 No Content\r\n\r\n");
        CHECK(head(response{304, {}, {}, {}}, true) == "kept:HTTP/1.1 304 Not Modified\r\n\r\n");
        CHECK(head(response{100, {}, {}, {}}, true) == "kept:HTTP/1.1 100 Continue\r\n\r\n");
        CHECK_FALSE(wsbind::http::status_has_body(204));
        CHECK(wsbind::http::status_has_body(202));
    }
    SECTION("no response splitting: CR and LF become spaces; a nameless field is dropped; a bad status is 500") {
        response r{200, "OK\r\nX-Evil: 1", {}, "b"};
        r.headers.add("X-Value", "a\r\nSet-Cookie: x=1");
        r.headers.add("", "nameless");
        CHECK(head(r, true) == "kept:HTTP/1.1 200 OK  X-Evil: 1\r\nX-Value: a  Set-Cookie: x=1\r\nContent-Length: 1\r\n\r\n");
        CHECK(head(response{42, "Odd", {}, "b"}, true) == "kept:HTTP/1.1 500 Internal Server Error\r\nContent-Length: 1\r\n\r\n");
        CHECK(head(response{1000, {}, {}, ""}, true).rfind("kept:HTTP/1.1 500 ", 0) == 0);
        CHECK(head(response{599, {}, {}, ""}, true).rfind("kept:HTTP/1.1 599 Unknown\r\n", 0) == 0);
    }
    SECTION("a long reason phrase is cut at a character boundary; control characters become spaces") {
        std::string reason = "Cannot process the message because the content type '" + std::string(600, 'x') + "'";
        reason[100] = '\x01';
        reason.replace(511, 2, "\xC3\xA9"); // é across the cut at 512 bytes: the cut moves before it
        auto const h = head(response{415, reason, {}, "b"}, true);
        std::string const expected_reason = reason.substr(0, 100) + " " + reason.substr(101, 410) + "...";
        CHECK(h == "kept:HTTP/1.1 415 " + expected_reason + "\r\nContent-Length: 1\r\n\r\n");
        CHECK(expected_reason.size() == 511 + 3);
    }
}

TEST_CASE("append_request_head: the client's framing, whatever the request set", "[http][request]") {
    using wsbind::http::append_request_head;
    using wsbind::http::request;
    auto head = [](request const& rq, std::string_view target = "/svc?x=1") {
        std::string s = "kept:"; // appends
        append_request_head(s, rq, target, "example.org:8080");
        return s;
    };
    SECTION("request line, Host first, fields in order, Content-Length of the body") {
        request rq;
        rq.headers.set("Content-Type", "text/xml; charset=utf-8");
        rq.headers.add("SOAPAction", "\"urn:a\"");
        rq.body = "hello";
        CHECK(head(rq) == "kept:POST /svc?x=1 HTTP/1.1\r\nHost: example.org:8080\r\nContent-Type: text/xml; charset=utf-8\r\n"
                          "SOAPAction: \"urn:a\"\r\nContent-Length: 5\r\n\r\n");
    }
    SECTION("the request's own Host replaces the connection's; its framing fields are dropped") {
        request rq;
        rq.headers.add("X-A", "1");
        rq.headers.add("host", "virtual.example");
        rq.headers.add("content-length", "99");
        rq.headers.add("Transfer-Encoding", "chunked");
        rq.headers.add("Connection", "close");
        CHECK(head(rq) == "kept:POST /svc?x=1 HTTP/1.1\r\nHost: virtual.example\r\nX-A: 1\r\nContent-Length: 0\r\n\r\n");
    }
    SECTION("no body: Content-Length: 0 for POST, PUT and OPTIONS only") {
        request rq;
        rq.method = "GET";
        CHECK(head(rq, "/") == "kept:GET / HTTP/1.1\r\nHost: example.org:8080\r\n\r\n");
        rq.method = "PUT";
        CHECK(head(rq, "/") == "kept:PUT / HTTP/1.1\r\nHost: example.org:8080\r\nContent-Length: 0\r\n\r\n");
        rq.method = "DELETE";
        rq.body = "x";
        CHECK(head(rq, "/") == "kept:DELETE / HTTP/1.1\r\nHost: example.org:8080\r\nContent-Length: 1\r\n\r\n");
    }
    SECTION("no request splitting: CR and LF become spaces; a nameless field is dropped") {
        request rq;
        rq.headers.add("X-Value", "a\r\nSet-Cookie: x=1");
        rq.headers.add("", "nameless");
        CHECK(head(rq, "/a\r\nX-Evil: 1") ==
              "kept:POST /a  X-Evil: 1 HTTP/1.1\r\nHost: example.org:8080\r\nX-Value: a  Set-Cookie: x=1\r\nContent-Length: 0\r\n\r\n");
        // Found wherever it is in a long value; DEL too; tab is kept.
        for (std::size_t at = 0; at < 40; ++at) {
            for (char const bad : {'\r', '\n', '\x01', '\x7F'}) {
                request r2;
                std::string value(40, 'v');
                value[at] = bad;
                value[39 - at] = '\t';
                r2.headers.add("X-Long", value);
                std::string expected = value; // 39 - at is never at
                expected[at] = ' ';
                INFO(at);
                CHECK(head(r2, "/").find("X-Long: " + expected + "\r\n") != std::string::npos);
            }
        }
    }
}
