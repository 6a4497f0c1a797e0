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
