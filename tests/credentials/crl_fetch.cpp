// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Online revocation over HTTP (include/wsbind/http/crl_fetcher.hpp) against a local Beast server
// that serves the demo PKI's CRLs at the distribution points written into its certificates:
// a revoked certificate is rejected under revocationMode Online, a good one accepted, and an
// unreachable distribution point makes validation fail closed with the URL in the message. The
// fetcher itself: DER and PEM bodies, redirects, caching until nextUpdate, size limit, status
// errors, timeouts and unsupported schemes, each error naming the URL.

#include <wsbind/crypto/certificate_validation.hpp>
#include <wsbind/http/beast/backend.hpp>
#include <wsbind/http/crl_fetcher.hpp>

#include "support/backends.hpp"
#include "support/files.hpp"

#include <demo_pki.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>

using namespace wsbind;

namespace {

#if WSBIND_TEST_HAVE_OPENSSL
using first_backend = openssl_backend;
#else
using first_backend = botan_backend;
#endif

/// A local HTTP server answering GET <path> with whatever `routes` holds (404 otherwise).
class crl_server {
public:
    crl_server() : server_(options(), [this](http::request&& rq) { return handle(std::move(rq)); }) {
        if (auto ec = server_.start()) throw std::runtime_error("crl_server: " + ec.message());
    }
    ~crl_server() { server_.stop(); }

    [[nodiscard]] std::string base() const { return "http://127.0.0.1:" + std::to_string(server_.local_port()); }
    void route(std::string path, http::response r) {
        std::lock_guard lock(mutex_);
        routes_[std::move(path)] = std::move(r);
    }
    void body(std::string path, std::string b) {
        http::response r;
        r.body = std::move(b);
        route(std::move(path), std::move(r));
    }
    [[nodiscard]] int hits(std::string const& path) {
        std::lock_guard lock(mutex_);
        return hits_[path];
    }
    void stop() { server_.stop(); }
    std::atomic<int> delay_ms{0};

private:
    static http::server_options options() {
        http::server_options o;
        o.threads = 2;
        return o;
    }
    http::response handle(http::request&& rq) {
        if (auto d = delay_ms.load()) std::this_thread::sleep_for(std::chrono::milliseconds(d));
        std::lock_guard lock(mutex_);
        ++hits_[rq.target];
        if (rq.method != "GET") return {405, {}, {}, {}};
        auto it = routes_.find(rq.target);
        if (it == routes_.end()) return {404, {}, {}, "no such CRL"};
        return it->second;
    }
    std::mutex mutex_;
    std::map<std::string, http::response> routes_;
    std::map<std::string, int> hits_;
    beast_backend::server server_;
};

std::string as_text(crypto::bytes const& b) { return std::string(b.begin(), b.end()); }

} // namespace

TEMPLATE_TEST_CASE("Online revocation over http:// distribution points", "[credentials][revocation][http]", WSBIND_TEST_BACKENDS) {
    TestType b;
    crl_server server;
    tools::demo_pki_options po;
    po.crl_base_uri = server.base() + "/crl/";
    auto pki = tools::make_demo_pki(b, po);
    REQUIRE(pki);
    // the intermediate's CRL (which lists the revoked certificate) as PEM, the others as DER
    for (auto const& c : pki->crls) {
        auto const& der = b.crl_info(c.crl).der;
        server.body("/crl/" + c.file + ".crl",
                    c.file == "intermediate" ? crypto::pem_encode("X509 CRL", crypto::byte_view(der.data(), der.size())) : std::string(der.begin(), der.end()));
    }
    // stores with the anchors and intermediates, and no local CRL: revocation data must come over HTTP
    test::temp_dir dir("wsbind-crl-http");
    x509_store_options so;
    so.root = dir.path();
    so.include_system_trust = false;
    auto put = [&](store_location l, store_name n, std::string_view file) {
        x509_store<TestType> s(b, l, n, so);
        REQUIRE(s.add(pki->get(file).certificate, nullptr));
    };
    put(store_location::local_machine, store_name::root, "root-ca");
    put(store_location::local_machine, store_name::certificate_authority, "intermediate-ca");
    x509_stores<TestType> stores(b, so);

    x509_service_certificate_authentication online;
    online.revocation = revocation_mode::online;
    x509_client_certificate_authentication online_service_side;
    online_service_side.revocation = revocation_mode::online;

    SECTION("a good certificate is accepted, a revoked one rejected; CRLs are fetched once and cached") {
        auto fetcher = http::make_crl_fetcher<beast_backend>();
        x509_certificate_validator<TestType> v(stores, online, fetcher);
        auto good = v.validate(pki->get("contoso").certificate);
        INFO(good.message);
        CHECK(good.valid);
        auto revoked = v.validate(pki->get("revoked").certificate);
        CHECK_FALSE(revoked.valid);
        CHECK_THAT(revoked.message, Catch::Contains("Revoked"));
        // the service side with its own validator (and a copy of the same fetcher: shared cache)
        x509_certificate_validator<TestType> service_side(stores, online_service_side, fetcher);
        CHECK(service_side.validate(pki->get("cohowinery").certificate).valid);
        CHECK(server.hits("/crl/intermediate.crl") == 1);
        CHECK(server.hits("/crl/root.crl") == 1);
    }
    SECTION("an unreachable distribution point fails closed, naming the URL") {
        server.stop();
        x509_certificate_validator<TestType> v(stores, online, http::make_crl_fetcher<beast_backend>());
        auto r = v.validate(pki->get("contoso").certificate);
        CHECK_FALSE(r.valid);
        CHECK_THAT(r.message, Catch::Contains(po.crl_base_uri + "intermediate.crl") && Catch::Contains("RevocationStatusUnknown"));
    }
    SECTION("a distribution point answering 404 fails closed too; NoCheck and Offline do not fetch") {
        server.route("/crl/intermediate.crl", http::response{404, {}, {}, "gone"});
        x509_certificate_validator<TestType> v(stores, online, http::make_crl_fetcher<beast_backend>());
        auto r = v.validate(pki->get("contoso").certificate);
        CHECK_FALSE(r.valid);
        CHECK_THAT(r.message, Catch::Contains(po.crl_base_uri + "intermediate.crl") && Catch::Contains("404"));
        auto no_check = online;
        no_check.revocation = revocation_mode::no_check;
        CHECK(x509_certificate_validator<TestType>(stores, no_check, http::make_crl_fetcher<beast_backend>()).validate(pki->get("revoked").certificate).valid);
        CHECK(server.hits("/crl/intermediate.crl") == 1);
    }
}

TEST_CASE("http_crl_fetcher: DER and PEM, redirects, caching, limits and errors naming the URL", "[credentials][revocation][http]") {
    first_backend b;
    crl_server server;
    tools::demo_pki_options po;
    po.key_bits = 1024; // only the CRLs matter here
    auto pki = tools::make_demo_pki(b, po);
    REQUIRE(pki);
    auto const& der_v = b.crl_info(pki->get_crl("intermediate").crl).der;
    crypto::bytes const der(der_v.begin(), der_v.end());
    server.body("/der.crl", as_text(der));
    server.body("/pem.crl", crypto::pem_encode("X509 CRL", der));
    http::response moved{302, {}, {}, {}};
    moved.headers.set("Location", server.base() + "/der.crl");
    server.route("/moved.crl", moved);
    http::response relative{301, {}, {}, {}};
    relative.headers.set("Location", "/pem.crl");
    server.route("/relative.crl", relative);
    http::response loop{302, {}, {}, {}};
    loop.headers.set("Location", "/loop.crl");
    server.route("/loop.crl", loop);
    server.body("/garbage.crl", "this is not a CRL");
    server.body("/cert.crl", crypto::pem_encode("CERTIFICATE", b.info(pki->get("contoso").certificate).der));
    server.body("/big.crl", std::string(4096, 'x'));

    http::crl_fetcher_options o;
    o.max_size = 2048;
    o.timeout = std::chrono::milliseconds(500);
    http::http_crl_fetcher<beast_backend> fetch(o);
    auto const base = server.base();

    // DER, PEM, a redirect to another URL, a redirect to a path: the same DER each time
    for (char const* path : {"/der.crl", "/pem.crl", "/moved.crl", "/relative.crl"}) {
        INFO(path);
        auto got = fetch(base + path);
        REQUIRE(got);
        CHECK(*got == der);
        CHECK(b.load_crl(*got)); // the backend accepts what the fetcher hands over
    }

    // cached until nextUpdate (the demo CRLs carry one): no second request
    CHECK(fetch.cached() == 4);
    CHECK(server.hits("/der.crl") == 2); // directly and through the redirect
    CHECK(fetch(base + "/der.crl"));
    CHECK(fetch(base + "/moved.crl"));
    CHECK(server.hits("/der.crl") == 2);
    CHECK(server.hits("/moved.crl") == 1);

    auto expect_error = [&](std::string const& uri, std::string const& what) {
        auto r = fetch(uri);
        REQUIRE_FALSE(r);
        CHECK_THAT(r.err().message, Catch::Contains(uri) && Catch::Contains(what));
    };
    expect_error(base + "/missing.crl", "HTTP status 404");
    expect_error(base + "/loop.crl", "redirect beyond 3 hops");
    expect_error(base + "/garbage.crl", "not a DER CertificateList");
    expect_error(base + "/cert.crl", "PEM without a valid 'X509 CRL' block");
    expect_error(base + "/big.crl", "");
    CHECK(fetch.cached() == 4);
    expect_error("ldap://directory.contoso.com/CN=CRL", "only http://, https:// and file:// are fetched");
    expect_error("file:///nonexistent/wsbind/x.crl", "");
    server.delay_ms = 1500;
    expect_error(base + "/pem.crl?slow", "");
    server.delay_ms = 0;
    server.stop();
    expect_error(base + "/pem.crl?after-stop", "");
    // a file:// CRL still works through the HTTP fetcher
    test::temp_dir dir("wsbind-crl-file");
    test::write_file(dir.path() / "i.crl", crypto::byte_view(der.data(), der.size()));
    auto f = fetch("file://" + (dir.path() / "i.crl").string());
    REQUIRE(f);
    CHECK(*f == der);
}
