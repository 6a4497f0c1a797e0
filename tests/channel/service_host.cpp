// service_host and client end to end over loopback: the calculator contract over basicHttpBinding and
// wsHttpBinding (security None), faults, robustness, lifecycle, trace hook.
#include <wsbind/channel/client.hpp>
#include <wsbind/channel/service_host.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <catch2/catch.hpp>

#include <mutex>

using namespace wsbind;
using namespace std::chrono_literals;
using host_t = service_host<beast_backend>;
using client_t = client<beast_backend>;
using basic = basic_http_binding<>;
using ws = ws_http_binding<security<mode::none>>;

namespace {

service_contract calculator() {
    service_contract c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
    c.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
    c.add("Subtract", {"n1", "n2"}, [](double a, double b) { return a - b; });
    c.add("Multiply", {"n1", "n2"}, [](double a, double b) { return a * b; });
    c.add("Divide", {"n1", "n2"}, [](double a, double b) { return a / b; });
    c.add("Fail", {}, []() -> double { throw std::runtime_error("secret detail"); });
    c.add("Refuse", {}, []() -> double {
        soap::fault f;
        f.code = soap::fault_code::sender;
        f.reason = "n1 must be positive";
        throw fault_exception(f);
    });
    return c;
}

template <class B>
struct running {
    host_t host;
    std::string address;
    explicit running(service_host_options o = {}, binding_description const& d = describe<B>()) : host(std::move(o)) {
        host.add_endpoint<B>("http://127.0.0.1:0/calculator", calculator(), d);
        auto const ec = host.open();
        INFO(host.last_error());
        REQUIRE_FALSE(ec);
        address = host.endpoint_addresses().at(0);
    }
};

/// Posts raw bytes to the endpoint and returns the response.
http::response post(std::string const& address, std::string body, std::string content_type, std::string soap_action = {}) {
    beast_backend::client c({});
    http::request rq;
    rq.headers.set("Content-Type", content_type);
    if (!soap_action.empty()) rq.headers.set("SOAPAction", soap_action);
    rq.body = std::move(body);
    auto r = c.round_trip(*http::uri::parse(address), rq, 5s);
    REQUIRE(r);
    return r.value;
}

} // namespace

TEMPLATE_TEST_CASE("calculator: all four operations", "[channel][calculator]", basic, ws) {
    running<TestType> s;
    auto c = client_t::make<TestType>(s.address);
    auto const calc = calculator();
    CHECK(c.template call<double>(calc, "Add", {"n1", "n2"}, 100.0, 15.99).get() == 115.99);
    CHECK(c.template call<double>(calc, "Subtract", {"n1", "n2"}, 145.0, 76.54).get() == 145.0 - 76.54);
    CHECK(c.template call<double>(calc, "Multiply", {"n1", "n2"}, 9.0, 81.25).get() == 731.25);
    CHECK(c.template call<double>(calc, "Divide", {"n1", "n2"}, 22.0, 7.0).get() == 22.0 / 7.0);
    auto inf = c.template call<double>(calc, "Divide", {"n1", "n2"}, 1.0, 0.0);
    CHECK(std::isinf(inf.get()));
}

TEMPLATE_TEST_CASE("faults: unknown action, handler failure, declared fault", "[channel][fault]", basic, ws) {
    running<TestType> s;
    auto c = client_t::make<TestType>(s.address);
    service_contract other{"IOther", "urn:other"};
    auto mismatch = c.template call<double>(other, "Nope", {}, 0);
    CHECK(mismatch.error == "operation 'Nope': 1 arguments but 0 parameter names");
    auto r = c.request("urn:no-such-action", [](pugi::xml_node) {});
    REQUIRE(r.fault);
    CHECK(r.http_status == 500);
    CHECK(r.fault->code == soap::fault_code::sender);
    CHECK(r.fault->subcodes.at(0).local == "ActionNotSupported");
    CHECK(r.fault->reason.rfind("The message with Action 'urn:no-such-action' cannot be processed at the receiver", 0) == 0);

    auto fail = c.template call<double>(calculator(), "Fail", {});
    REQUIRE(fail.fault);
    CHECK(fail.fault->code == soap::fault_code::receiver);
    CHECK(fail.fault->subcodes.at(0).local == "InternalServiceFault");
    CHECK(fail.fault->reason.find("secret detail") == std::string::npos);
    CHECK_THROWS_AS(fail.get(), fault_exception);

    auto refused = c.template call<double>(calculator(), "Refuse", {});
    REQUIRE(refused.fault);
    CHECK(refused.fault->reason == "n1 must be positive");
    // The service keeps serving.
    CHECK(c.template call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0).get() == 3.0);
}

TEST_CASE("includeExceptionDetailInFaults puts the exception's text in the fault", "[channel][fault]") {
    service_host_options o;
    o.include_exception_detail_in_faults = true;
    running<basic> s(o);
    auto c = client_t::make<basic>(s.address);
    auto fail = c.call<double>(calculator(), "Fail", {});
    REQUIRE(fail.fault);
    CHECK(fail.fault->reason == "secret detail");
}

TEST_CASE("robustness: wrong content type, malformed XML, non-SOAP, mustUnderstand, bad parameters", "[channel][robustness]") {
    running<basic> s;
    auto const add = "\"http://Microsoft.ServiceModel.Samples/ICalculator/Add\"";
    auto wrong_type = post(s.address, "<x/>", "application/json", add);
    CHECK(wrong_type.status == 415);
    CHECK(wrong_type.body == "Cannot process the message because the content type 'application/json' was not the expected type 'text/xml; charset=utf-8'.");

    auto malformed = post(s.address, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>", "text/xml", add);
    CHECK(malformed.status == 400);
    CHECK(malformed.body.find("<faultcode>s:Client</faultcode>") != std::string::npos);
    CHECK(malformed.body.find("The message is not well-formed XML") != std::string::npos);

    auto not_soap = post(s.address, "<order><item/></order>", "text/xml", add);
    CHECK(not_soap.status == 400);
    CHECK(not_soap.body.find("The message is not a SOAP envelope: its root element is 'order'") != std::string::npos);

    auto mu = post(s.address,
                   "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><x:Secret xmlns:x=\"urn:x\" "
                   "s:mustUnderstand=\"1\"/></s:Header><s:Body><Add xmlns=\"http://Microsoft.ServiceModel.Samples\"/></s:Body></s:Envelope>",
                   "text/xml; charset=utf-8", add);
    CHECK(mu.status == 500);
    CHECK(mu.body.find("<faultcode>s:MustUnderstand</faultcode>") != std::string::npos);

    auto bad_value = post(s.address,
                          "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Add xmlns=\"http://Microsoft.ServiceModel.Samples\">"
                          "<n1>one</n1><n2>2</n2></Add></s:Body></s:Envelope>",
                          "text/xml; charset=utf-8", add);
    CHECK(bad_value.status == 500);
    CHECK(bad_value.body.find("a:DeserializationFailed</faultcode>") != std::string::npos);
    CHECK(bad_value.body.find("The value 'one' cannot be parsed as the type 'Double'") != std::string::npos);

    // Missing parameters take their default, as WCF does: 0 + 2.
    auto missing = post(s.address,
                        "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Add xmlns=\"http://Microsoft.ServiceModel.Samples\">"
                        "<n2>2</n2></Add></s:Body></s:Envelope>",
                        "text/xml; charset=utf-8", add);
    CHECK(missing.status == 200);
    CHECK(missing.body.find("<AddResult>2</AddResult>") != std::string::npos);

    beast_backend::client raw({});
    http::request get;
    get.method = "GET";
    auto g = raw.round_trip(*http::uri::parse(s.address), get, 5s);
    REQUIRE(g);
    CHECK(g.value.status == 405);
    auto nowhere = raw.round_trip(*http::uri::parse(s.address + "/elsewhere"), get, 5s);
    REQUIRE(nowhere);
    CHECK(nowhere.value.status == 404);

    auto c = client_t::make<basic>(s.address);
    CHECK(c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0).get() == 3.0);
}

TEST_CASE("maxReceivedMessageSize: an oversized request is refused with 413 before it is read", "[channel][robustness]") {
    auto d = describe<ws>();
    d.transport.max_received_message_size = 2000;
    running<ws> s({}, d);
    auto c = client_t::make<ws>(s.address);
    auto big = c.request("http://Microsoft.ServiceModel.Samples/ICalculator/Add", [](pugi::xml_node body) {
        body.append_child("Add").text().set(std::string(5000, 'x').c_str());
    });
    CHECK_FALSE(big);
    CHECK(big.http_status == 413);
    CHECK(big.error.find("(413)") != std::string::npos);
    CHECK(c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0).get() == 3.0);
}

TEST_CASE("wsHttpBinding: WS-Addressing To filter and SOAP version mismatch", "[channel][robustness]") {
    running<ws> s;
    auto const env = [](std::string to) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
               "<a:Action s:mustUnderstand=\"1\">http://Microsoft.ServiceModel.Samples/ICalculator/Add</a:Action>"
               "<a:MessageID>urn:uuid:1</a:MessageID><a:To s:mustUnderstand=\"1\">" + to + "</a:To></s:Header><s:Body>"
               "<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>1</n1><n2>2</n2></Add></s:Body></s:Envelope>";
    };
    auto ok = post(s.address, env(s.address), "application/soap+xml; charset=utf-8");
    CHECK(ok.status == 200);
    CHECK(ok.body.find("<a:RelatesTo>urn:uuid:1</a:RelatesTo>") != std::string::npos);
    auto elsewhere = post(s.address, env("http://127.0.0.1/other"), "application/soap+xml; charset=utf-8");
    CHECK(elsewhere.status == 500);
    CHECK(elsewhere.body.find("a:DestinationUnreachable") != std::string::npos);
    auto soap11 = post(s.address, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>",
                       "application/soap+xml");
    CHECK(soap11.status == 400);
    CHECK(soap11.body.find("<s:Value>s:VersionMismatch</s:Value>") != std::string::npos);
}

TEST_CASE("one-way operations get 202 and no reply", "[channel][one_way]") {
    std::mutex mutex;
    std::vector<double> seen;
    service_contract log{"ILog", "urn:log"};
    log.add_one_way("Record", {"value"}, [&](double v) {
        std::lock_guard lock(mutex);
        seen.push_back(v);
    });
    host_t host;
    host.add_endpoint<ws>("http://127.0.0.1:0/log", log);
    REQUIRE_FALSE(host.open());
    auto c = client_t::make<ws>(host.endpoint_addresses().at(0));
    auto r = c.send_one_way(log.action_of("Record"), [](pugi::xml_node body) {
        auto w = body.append_child("Record");
        w.append_attribute("xmlns") = "urn:log";
        soap::append_value(w, "value", 4.5);
    });
    CHECK(r);
    CHECK(r.http_status == 202);
    std::lock_guard lock(mutex);
    CHECK(seen == std::vector<double>{4.5});
}

TEST_CASE("lifecycle: open, close, no reopen; errors are reported", "[channel][lifecycle]") {
    host_t host;
    CHECK(host.open());
    CHECK(host.last_error() == "the service host has no endpoints");

    host_t h2;
    h2.add_endpoint<basic>("http://127.0.0.1:0/a", calculator());
    REQUIRE_FALSE(h2.open());
    CHECK(h2.state() == communication_state::opened);
    CHECK(h2.open());
    CHECK(h2.last_error() == "the service host is already open");
    auto const address = h2.endpoint_addresses().at(0);
    h2.close();
    CHECK(h2.state() == communication_state::closed);
    CHECK(h2.open());
    CHECK(h2.last_error() == "a closed service host cannot be reopened (create a new one)");
    auto c = client_t::make<basic>(address);
    auto r = c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0);
    CHECK_FALSE(r);
    CHECK(r.error.find("failed") != std::string::npos);

    host_t wrong;
    wrong.add_endpoint("http://127.0.0.1:0/x", calculator(), default_description(binding_kind::ws_http));
    CHECK(wrong.open());
    CHECK(wrong.last_error().find("security mode Message is not in wsbind's runtime yet") != std::string::npos);

    host_t scheme;
    scheme.add_endpoint<basic>("https://127.0.0.1:0/x", calculator());
    CHECK(scheme.open());
    CHECK(scheme.last_error() == "endpoint address 'https://127.0.0.1:0/x' has scheme https but its binding's transport is http");
}

TEST_CASE("trace hook shows raw messages in and out", "[channel][trace]") {
    std::mutex mutex;
    std::vector<std::string> lines;
    auto hook = [&](channel::trace_record const& r) {
        std::lock_guard lock(mutex);
        lines.push_back((r.dir == channel::trace_record::direction::received ? "in " : "out ") + std::string(r.bytes));
    };
    service_host_options o;
    o.trace = hook;
    running<basic> s(o);
    client_options co;
    co.trace = hook;
    auto c = client_t::make<basic>(s.address, co);
    REQUIRE(c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0));
    std::lock_guard lock(mutex);
    REQUIRE(lines.size() == 4); // client out, service in, service out, client in
    CHECK(lines[0].rfind("out <s:Envelope", 0) == 0);
    CHECK(lines[0].find("<n1>1</n1><n2>2</n2>") != std::string::npos);
    CHECK(lines[3].find("<AddResult>3</AddResult>") != std::string::npos);
}

TEST_CASE("wire format: WCF's calculator request and response shapes", "[channel][calculator]") {
    std::string request, response;
    client_options co;
    co.trace = [&](channel::trace_record const& r) {
        (r.dir == channel::trace_record::direction::sent ? request : response) = std::string(r.bytes);
    };
    running<basic> s;
    auto c = client_t::make<basic>(s.address, co);
    REQUIRE(c.call<double>(calculator(), "Add", {"n1", "n2"}, 1.0, 2.0));
    CHECK(request == "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Add xmlns=\"http://Microsoft.ServiceModel.Samples\">"
                     "<n1>1</n1><n2>2</n2></Add></s:Body></s:Envelope>");
    CHECK(response == "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><AddResponse xmlns=\"http://Microsoft.ServiceModel.Samples\">"
                      "<AddResult>3</AddResult></AddResponse></s:Body></s:Envelope>");
}
