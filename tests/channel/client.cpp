// The client against servers that misbehave, and HTTPS (Transport security) end to end.
#include <wsbind/channel/client.hpp>
#include <wsbind/channel/service_host.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace wsbind;
using namespace std::chrono_literals;
using client_t = client<beast_backend>;
using basic = basic_http_binding<>;

namespace {
std::string pki(std::string const& name) {
    std::ifstream in(std::string(WSBIND_TEST_PKI) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
service_contract calculator() {
    service_contract c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
    c.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
    c.add_raw("WhoAmI", [](operation_context& ctx) {
        auto w = ctx.reply.body().append_child("WhoAmIResponse");
        w.append_attribute("xmlns") = "http://Microsoft.ServiceModel.Samples";
        soap::append_value(w, "WhoAmIResult", ctx.identity);
    });
    return c;
}
} // namespace

TEST_CASE("client: HTTP errors, wrong content types and unrelated replies are errors with words", "[channel][client]") {
    std::string body = "<html>oops</html>";
    std::string type = "text/html";
    int status = 200;
    beast_backend::server server({}, [&](http::request&&) {
        http::response r;
        r.status = status;
        r.headers.set("Content-Type", type);
        r.body = body;
        return r;
    });
    REQUIRE_FALSE(server.start());
    auto const address = "http://127.0.0.1:" + std::to_string(server.local_port()) + "/svc";
    auto c = client_t::make<basic>(address);
    auto r = c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0);
    CHECK_FALSE(r);
    CHECK(r.error.rfind("The content type text/html of the response message does not match the content type of the binding "
                        "(text/xml; charset=utf-8).", 0) == 0);
    CHECK_THROWS_AS(r.get(), communication_error);

    status = 404;
    r = c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0);
    CHECK(r.error.rfind("There was no endpoint listening at " + address, 0) == 0);

    status = 200;
    type = "text/xml";
    body = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Other xmlns=\"urn:x\"/></s:Body></s:Envelope>";
    r = c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0);
    CHECK(r.error == "the reply's body is not 'AddResponse' in namespace 'http://Microsoft.ServiceModel.Samples'");

    using ws = ws_http_binding<security<mode::none>>;
    type = "application/soap+xml";
    body = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
           "<a:RelatesTo>urn:uuid:someone-else</a:RelatesTo></s:Header><s:Body/></s:Envelope>";
    auto w = client_t::make<ws>(address);
    auto u = w.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0);
    CHECK(u.error.rfind("the reply's RelatesTo 'urn:uuid:someone-else' does not match the request's MessageID", 0) == 0);
}

TEST_CASE("client: sendTimeout bounds a call", "[channel][client]") {
    beast_backend::server server({}, [](http::request&&) {
        std::this_thread::sleep_for(1s);
        return http::response{};
    });
    REQUIRE_FALSE(server.start());
    auto d = describe<basic>();
    d.timeouts.send_timeout = timespan::from_milliseconds(100);
    auto c = client_t::make<basic>("http://127.0.0.1:" + std::to_string(server.local_port()) + "/svc", {}, d);
    auto r = c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0);
    CHECK_FALSE(r);
    CHECK(r.error.find("timed out (the call's timeout was 100 ms)") != std::string::npos);
}

TEST_CASE("Transport security: HTTPS with a required client certificate", "[channel][transport]") {
    using secure = basic_http_binding<security<mode::transport, transport_credential::certificate>>;
    service_host_options o;
    o.service_certificate = std::make_shared<http::pem_certificate_source>(pki("server.pem"), pki("server.key"));
    o.trusted_client_ca_pem = pki("ca.pem");
    service_host<beast_backend> host(o);
    host.add_endpoint<secure>("https://localhost:0/secure", calculator());
    REQUIRE_FALSE(host.open());
    auto const address = host.endpoint_addresses().at(0);

    client_options co;
    co.tls.trusted_ca_pem = pki("ca.pem");
    co.tls.client_certificate_pem = pki("client.pem");
    co.tls.client_key_pem = pki("client.key");
    auto c = client_t::make<secure>(address, co);
    CHECK(c.call<double>(calculator(), "Add", {"n1", "n2"}, 2.0, 3.0).get() == 5.0);
    CHECK(c.call<std::string>(calculator(), "WhoAmI", {}).get() == "/CN=wsbind test client");

    client_options no_cert;
    no_cert.tls.trusted_ca_pem = pki("ca.pem");
    auto anonymous = client_t::make<secure>(address, no_cert);
    auto refused = anonymous.call<double>(calculator(), "Add", {"n1", "n2"}, 2.0, 3.0);
    CHECK_FALSE(refused);
    CHECK_FALSE(refused.fault);

    // A plain-HTTP client of the same address is refused by its own binding check.
    auto wrong = client_t::make<basic>(address);
    auto w = wrong.call<double>(calculator(), "Add", {"n1", "n2"}, 2.0, 3.0);
    CHECK(w.error.find("has scheme https but the binding's transport is http") != std::string::npos);
}

TEST_CASE("Transport security without client certificates; HTTPS without a certificate fails to open", "[channel][transport]") {
    using secure = ws_http_binding<security<mode::transport, transport_credential::none>>;
    service_host<beast_backend> missing;
    missing.add_endpoint<secure>("https://localhost:0/s", calculator());
    CHECK(missing.open());
    CHECK(missing.last_error().find("needs a service certificate") != std::string::npos);

    service_host_options o;
    o.service_certificate = std::make_shared<http::pem_certificate_source>(pki("server.pem"), pki("server.key"));
    service_host<beast_backend> host(o);
    host.add_endpoint<secure>("https://localhost:0/s", calculator());
    REQUIRE_FALSE(host.open());
    client_options co;
    co.tls.trusted_ca_pem = pki("ca.pem");
    auto c = client_t::make<secure>(host.endpoint_addresses().at(0), co);
    CHECK(c.call<double>(calculator(), "Add", {"n1", "n2"}, 2.0, 3.0).get() == 5.0);
    CHECK(c.call<std::string>(calculator(), "WhoAmI", {}).get().empty());
}

TEST_CASE("Transport security: endpoints sharing an HTTPS port, only one requiring a client certificate", "[channel][transport]") {
    using with_cert = basic_http_binding<security<mode::transport, transport_credential::certificate>>;
    using without = basic_http_binding<security<mode::transport>>;
    service_host_options o;
    o.service_certificate = std::make_shared<http::pem_certificate_source>(pki("server.pem"), pki("server.key"));
    o.trusted_client_ca_pem = pki("ca.pem");
    beast_backend::server probe({}, [](http::request&&) { return http::response{}; });
    REQUIRE_FALSE(probe.start());
    auto const port = std::to_string(probe.local_port());
    probe.stop();
    service_host<beast_backend> host(o);
    host.add_endpoint<with_cert>("https://localhost:" + port + "/strict", calculator());
    host.add_endpoint<without>("https://localhost:" + port + "/open", calculator());
    REQUIRE_FALSE(host.open());
    client_options anonymous;
    anonymous.tls.trusted_ca_pem = pki("ca.pem");
    auto open_client = client_t::make<without>("https://localhost:" + port + "/open", anonymous);
    CHECK(open_client.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 1.0).get() == 2.0);
    auto strict_anonymous = client_t::make<with_cert>("https://localhost:" + port + "/strict", anonymous);
    auto refused = strict_anonymous.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 1.0);
    CHECK_FALSE(refused);
    CHECK(refused.http_status == 403);
    CHECK(refused.error.find("(403)") != std::string::npos);
    client_options with;
    with.tls = anonymous.tls;
    with.tls.client_certificate_pem = pki("client.pem");
    with.tls.client_key_pem = pki("client.key");
    auto strict = client_t::make<with_cert>("https://localhost:" + port + "/strict", with);
    CHECK(strict.call<std::string>(calculator(), "WhoAmI", {}).get() == "/CN=wsbind test client");
}
