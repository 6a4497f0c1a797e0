// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/config/json.hpp>

#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>

#include "mini_json.hpp"
#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace wsbind;
using namespace wsbind::config;

namespace {

test::json::value resolve_json(std::string const& text) {
    auto r = read_string(text, "app.config");
    diagnostics d = r.diagnostics();
    auto resolved = resolve(r.partial(), d, "app.config");
    validate(r.partial(), resolved, d, "app.config");
    return test::json::parse(to_json(r.partial(), resolved, d));
}

test::json::value const& settings_of(test::json::value const& doc, std::string_view array, std::size_t i) {
    return *doc.get(array)->a.at(i).get("settings");
}

} // namespace

TEST_CASE("resolve --json: every setting of a binding, in .NET's string form", "[config][json]") {
    auto doc = resolve_json(test::service_model(R"(<bindings><wsHttpBinding><binding name="X" receiveTimeout="1.00:00:00"
  sendTimeout="Infinite"><readerQuotas maxDepth="0"/><reliableSession enabled="true"/>
  <security><message clientCredentialType="Certificate"/></security></binding></wsHttpBinding></bindings>)"));
    auto const& b = doc.get("bindings")->a.at(0);
    CHECK(b.str("type") == "wsHttpBinding");
    CHECK(b.str("name") == "X");
    CHECK(b.get("modelled")->b);
    auto const& s = *b.get("settings");
    CHECK(s.str("receiveTimeout") == "1.00:00:00");
    CHECK(s.str("sendTimeout") == "Infinite");
    CHECK(s.str("openTimeout") == "00:01:00");
    CHECK(s.str("readerQuotas/maxDepth") == "32");
    CHECK(s.str("readerQuotas/maxStringContentLength") == "8192");
    CHECK(s.str("reliableSession/enabled") == "true");
    CHECK(s.str("reliableSession/inactivityTimeout") == "00:10:00");
    CHECK(s.str("security/mode") == "Message");
    CHECK(s.str("security/message/clientCredentialType") == "Certificate");
    CHECK(s.str("security/message/algorithmSuite") == "Default");
    CHECK(s.str("security/transport/clientCredentialType") == "Windows");
    CHECK(s.str("maxReceivedMessageSize") == "65536");
    CHECK(s.str("textEncoding") == "utf-8");
    // Every schema setting is listed.
    CHECK(s.size() == binding_schema(binding_kind::ws_http).size());
}

TEST_CASE("resolve --json: customBindings list the elements present", "[config][json]") {
    auto doc = resolve_json(test::service_model(R"(<bindings><customBinding><binding name="c">
  <textMessageEncoding/><httpsTransport requireClientCertificate="true"/></binding></customBinding></bindings>)"));
    auto const& s = settings_of(doc, "bindings", 0);
    CHECK(s.str("httpsTransport/requireClientCertificate") == "true");
    CHECK(s.str("textMessageEncoding/messageVersion") == "Soap12WSAddressing10");
    CHECK(s.str("httpsTransport/maxBufferSize") == "65536");
    CHECK(s.str("openTimeout") == "00:01:00");
    CHECK(s.get("security/authenticationMode") == nullptr);
    CHECK(s.get("reliableSession/ordered") == nullptr);
}

TEST_CASE("resolve --json: behaviors, services, client and diagnostics", "[config][json]") {
    auto doc = resolve_json(test::service_model(R"(<behaviors><serviceBehaviors><behavior name="b"><serviceMetadata/><serviceCredentials>
  <clientCertificate><authentication certificateValidationMode="PeerTrust"/></clientCertificate></serviceCredentials>
</behavior></serviceBehaviors></behaviors>
<services><service name="S" behaviorConfiguration="b"><host><baseAddresses><add baseAddress="http://h:1/s"/></baseAddresses></host>
  <endpoint address="calc" binding="basicHttpBinding" contract="C"/></service></services>
<client><endpoint name="e" address="http://h/x" binding="wsHttpBinding" bindingConfiguration="nope" contract="C">
  <identity><dns value="h"/></identity></endpoint></client>)"));
    auto const& beh = doc.get("behaviors")->a.at(0);
    CHECK(beh.str("kind") == "service");
    CHECK(beh.get("unmodelled")->a.at(0).s == "serviceMetadata");
    auto const& bs = *beh.get("settings");
    CHECK(bs.str("serviceCredentials/clientCertificate/authentication/certificateValidationMode") == "PeerTrust");
    CHECK(bs.str("serviceCredentials/clientCertificate/authentication/revocationMode") == "Online");
    CHECK(bs.str("serviceCredentials/serviceCertificate/storeLocation") == "LocalMachine");
    auto const& svc = doc.get("services")->a.at(0);
    CHECK(svc.str("behavior") == "b");
    auto const& ep = svc.get("endpoints")->a.at(0);
    CHECK(ep.str("address") == "http://h:1/s/calc");
    CHECK(ep.str("binding") == "basicHttpBinding");
    CHECK(ep.str("listenUriMode") == "Explicit");
    CHECK(ep.str("identity") == "none");
    auto const& cl = doc.get("client")->a.at(0);
    CHECK(cl.str("identity/dns/value") == "h");
    CHECK(cl.str("identity") == "dns");
    CHECK(cl.get("identity/rsa/value") == nullptr);
    auto const& diag = doc.get("diagnostics")->a;
    bool found = false;
    for (auto const& d : diag)
        if (d.str("code") == "ConfigInvalidBindingConfigurationName") {
            found = true;
            CHECK(d.str("severity") == "error");
            CHECK(d.str("file") == "app.config");
            CHECK(d.get("line")->n > 0);
            CHECK(d.str("value") == "nope");
        }
    CHECK(found);
}

TEST_CASE("json_quote escapes what JSON needs", "[config][json]") {
    CHECK(json_quote("a\"b\\c\n\x01") == "\"a\\\"b\\\\c\\n\\u0001\"");
    CHECK(test::json::parse(json_quote("\xC3\xA9\t")).s == "\xC3\xA9\t");
}
