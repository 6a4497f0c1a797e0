// Services and clients opened from app.config text (needs the configuration layer).
#include <wsbind/channel/configured.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <catch2/catch.hpp>

using namespace wsbind;

namespace {

service_contract calculator() {
    service_contract c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
    c.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
    c.add("Fail", {}, []() -> double { throw std::runtime_error("the detail"); });
    return c;
}

config::configuration read(std::string const& service_model) {
    auto r = config::read_string("<configuration><system.serviceModel>" + service_model + "</system.serviceModel></configuration>");
    INFO((r.diagnostics().empty() ? std::string() : config::format(r.diagnostics()[0])));
    REQUIRE(r.ok());
    return *r.get();
}

std::string const service_xml = R"(
<services>
  <service name="Samples.CalculatorService" behaviorConfiguration="debug">
    <host><baseAddresses><add baseAddress="http://127.0.0.1:0/calc"/></baseAddresses></host>
    <endpoint address="" binding="wsHttpBinding" bindingConfiguration="none" contract="Samples.ICalculator"/>
    <endpoint address="basic" binding="basicHttpBinding" contract="ICalculator"/>
    <endpoint address="other" binding="basicHttpBinding" contract="Samples.IOther"/>
  </service>
</services>
<bindings><wsHttpBinding><binding name="none" sendTimeout="00:00:30"><security mode="None"/></binding></wsHttpBinding></bindings>
<behaviors><serviceBehaviors><behavior name="debug"><serviceDebug includeExceptionDetailInFaults="true"/></behavior></serviceBehaviors></behaviors>)";

} // namespace

TEST_CASE("a service and its client opened from configuration", "[channel][config]") {
    auto const cfg = read(service_xml);
    auto const options = configured_service_options(cfg, "Samples.CalculatorService");
    CHECK(options.include_exception_detail_in_faults);
    service_host<beast_backend> host(options);
    auto const added = add_configured_service(host, cfg, "Samples.CalculatorService", calculator());
    INFO((added.errors.empty() ? std::string() : added.errors[0]));
    REQUIRE(added.ok());
    CHECK(added.endpoints == std::vector<std::string>{"http://127.0.0.1:0/calc", "http://127.0.0.1:0/calc/basic"});
    REQUIRE(added.notes.size() == 1);
    CHECK(added.notes[0].find("endpoint 'http://127.0.0.1:0/calc/other' skipped: its contract 'Samples.IOther' is not ICalculator") !=
          std::string::npos);
    REQUIRE_FALSE(host.open());
    auto const addresses = host.endpoint_addresses();

    auto const client_cfg = read(R"(<client>
      <endpoint name="ws" address=")" + addresses[0] + R"(" binding="wsHttpBinding" bindingConfiguration="none" contract="Samples.ICalculator"/>
      <endpoint name="basic" address=")" + addresses[1] + R"(" binding="basicHttpBinding" contract="Samples.ICalculator"/>
    </client><bindings><wsHttpBinding><binding name="none"><security mode="None"/></binding></wsHttpBinding></bindings>)");
    for (char const* name : {"ws", "basic"}) {
        configured_result r;
        auto c = make_configured_client<beast_backend>(client_cfg, name, calculator(), r);
        REQUIRE(c);
        CHECK(c->call<double>(calculator(), "Add", {"n1", "n2"}, 1.5, 2.0).get() == 3.5);
        auto f = c->call<double>(calculator(), "Fail", {});
        REQUIRE(f.fault);
        CHECK(f.fault->reason == "the detail"); // includeExceptionDetailInFaults from the behavior
    }
    configured_result ambiguous;
    CHECK_FALSE(make_configured_client<beast_backend>(client_cfg, "", calculator(), ambiguous));
    CHECK(ambiguous.errors.at(0) == "the configuration has 2 <client> endpoints for contract ICalculator; name one (endpointConfigurationName)");
}

TEST_CASE("configuration the runtime cannot serve is refused with reasons", "[channel][config]") {
    auto const cfg = read(R"(<services>
      <service name="S">
        <endpoint address="http://127.0.0.1:0/m" binding="wsHttpBinding" contract="ICalculator"/>
        <endpoint address="relative" binding="basicHttpBinding" contract="ICalculator"/>
      </service></services>)");
    service_host<beast_backend> host;
    auto const r = add_configured_service(host, cfg, "S", calculator(), "app.config");
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].find("endpoint 'http://127.0.0.1:0/m': security mode Message is not in wsbind's runtime yet") != std::string::npos);
    CHECK(r.errors[1].find("endpoint address 'relative' is not absolute") != std::string::npos);
    CHECK(r.errors[0].rfind("app.config:3: ", 0) == 0);
    auto const missing = add_configured_service(host, cfg, "T", calculator());
    CHECK(missing.errors.at(0) == "the configuration has no <service name=\"T\"> (it has 'S')");
    configured_result c;
    CHECK_FALSE(make_configured_client<beast_backend>(cfg, "nope", calculator(), c));
    CHECK(c.errors.at(0) == "the configuration has no <client><endpoint name=\"nope\">");
}
