// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>

#include <wsbind/config/reader.hpp>

#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace wsbind;
using namespace wsbind::config;
using test::service_model;

namespace {

struct checked {
    read_result read;
    diagnostics diags;
    resolved_configuration resolved;
};

checked check(std::string const& text) {
    checked c{read_string(text, "app.config"), {}, {}};
    c.diags = c.read.diagnostics();
    c.resolved = resolve(c.read.partial(), c.diags, "app.config");
    validate(c.read.partial(), c.resolved, c.diags, "app.config");
    return c;
}

} // namespace

TEST_CASE("resolve: the unnamed binding is the default configuration (.NET 4)", "[config][resolve]") {
    auto c = check(service_model(R"(<bindings><basicHttpBinding><binding maxReceivedMessageSize="1000" maxBufferSize="1000"/>
<binding name="Named" maxReceivedMessageSize="2000" maxBufferSize="2000"/></basicHttpBinding></bindings>
<client>
  <endpoint name="a" address="http://h/a" binding="basicHttpBinding" contract="C"/>
  <endpoint name="b" address="http://h/b" binding="basicHttpBinding" bindingConfiguration="Named" contract="C"/>
  <endpoint name="c" address="http://h/c" binding="wsHttpBinding" contract="C"/>
</client>)"));
    INFO(test::dump(c.diags));
    REQUIRE_FALSE(c.diags.has_errors());
    REQUIRE(c.resolved.client.size() == 3);
    REQUIRE(c.resolved.client[0].description);
    CHECK(c.resolved.client[0].description->transport.max_received_message_size == 1000);
    CHECK(c.resolved.client[1].description->transport.max_received_message_size == 2000);
    CHECK(*c.resolved.client[2].description == default_description(binding_kind::ws_http));
    CHECK(c.resolved.client[2].binding == nullptr);
    // The description is the configuration's own (not a copy), or the binding type's stored defaults.
    CHECK(c.resolved.client[0].description == &c.read.partial().bindings.at(0).description);
    CHECK(c.resolved.client[1].description == &c.read.partial().bindings.at(1).description);
    CHECK(c.resolved.client[2].description == &default_binding(binding_kind::ws_http));
}

TEST_CASE("resolve: references must resolve", "[config][resolve]") {
    auto c = check(service_model(R"(<bindings><basicHttpBinding><binding name="B1"/></basicHttpBinding></bindings>
<behaviors><endpointBehaviors><behavior name="E1"/></endpointBehaviors></behaviors>
<services><service name="S" behaviorConfiguration="Missing">
  <endpoint address="http://h/s" binding="basicHttpBinding" bindingConfiguration="B2" contract="C"/>
</service></services>
<client><endpoint address="http://h/x" binding="basicHttpBinding" behaviorConfiguration="E2" contract="C"/>
<endpoint name="n" address="http://h/y" binding="basichttpbinding" contract="C"/>
<endpoint name="m" address="http://h/y" bindingConfiguration="B1" contract="C"/></client>)"));
    auto const* b = c.diags.find("ConfigInvalidBindingConfigurationName");
    REQUIRE(b);
    CHECK(b->message == "The basicHttpBinding binding does not have a configured binding named 'B2'. This is an invalid value for "
                        "bindingConfiguration.");
    CHECK(b->allowed == "B1");
    CHECK(b->path.ends_with("/@bindingConfiguration"));
    CHECK(b->position.line == 7);
    auto const* sb = c.diags.find("ConfigInvalidServiceBehavior");
    REQUIRE(sb);
    CHECK(sb->message == "There is no service behavior named 'Missing'.");
    CHECK(sb->allowed == "none are configured");
    auto const* eb = c.diags.find("ConfigInvalidEndpointBehavior");
    REQUIRE(eb);
    CHECK(eb->allowed == "E1");
    auto const* s = c.diags.find("ConfigInvalidSection");
    REQUIRE(s);
    CHECK(s->value == "basichttpbinding");
    CHECK(c.diags.find("ConfigInvalidAttribute")); // bindingConfiguration without binding
    CHECK(c.diags.find("Config_base_required_attribute_missing"));
}

TEST_CASE("resolve: relative addresses against the base address of the binding's scheme", "[config][resolve]") {
    auto c = check(service_model(R"(<bindings><basicHttpBinding><binding name="tls"><security mode="Transport"/></binding>
</basicHttpBinding></bindings>
<services><service name="S">
  <host><baseAddresses><add baseAddress="http://localhost:8000/app"/><add baseAddress="net.tcp://localhost:9000/app/"/>
  <add baseAddress="https://localhost:8443/app"/></baseAddresses></host>
  <endpoint address="" binding="basicHttpBinding" contract="C"/>
  <endpoint address="/calc" binding="netTcpBinding" contract="C"/>
  <endpoint address="secure" binding="basicHttpBinding" bindingConfiguration="tls" contract="C"/>
  <endpoint address="http://elsewhere/x" binding="wsHttpBinding" contract="C"/>
  <endpoint address="mex" binding="mexHttpBinding" contract="IMetadataExchange"/>
</service></services>)"));
    INFO(test::dump(c.diags));
    REQUIRE_FALSE(c.diags.has_errors());
    auto const& e = c.resolved.services[0].endpoints;
    CHECK(e[0].address == "http://localhost:8000/app");
    CHECK(e[1].address == "net.tcp://localhost:9000/app/calc");
    CHECK(e[2].address == "https://localhost:8443/app/secure");
    CHECK(e[3].address == "http://elsewhere/x");
    CHECK(e[4].address == "http://localhost:8000/app/mex");
    CHECK(e[4].description == nullptr);

    auto none = check(service_model(R"(<services><service name="S">
  <host><baseAddresses><add baseAddress="http://localhost:8000/app"/></baseAddresses></host>
  <endpoint address="calc" binding="netTcpBinding" contract="C"/></service></services>)"));
    auto const* d = none.diags.find("SFxEndpointNoMatchingScheme");
    REQUIRE(d);
    CHECK(d->message == "Could not find a base address that matches scheme net.tcp for the endpoint with binding netTcpBinding. "
                        "Registered base address schemes are [http].");
}

TEST_CASE("validate: base addresses", "[config][validate]") {
    auto c = check(service_model(R"(<services><service name="S"><host><baseAddresses>
<add baseAddress="http://a:1/x"/><add baseAddress="HTTP://b:2/y"/><add baseAddress="relative/path"/>
<add baseAddress="http://u@h/x?q=1"/></baseAddresses></host></service></services>)"));
    CHECK(c.diags.find("BaseAddressDuplicateScheme"));
    CHECK(c.diags.find("BaseAddressMustBeAbsolute"));
    CHECK(c.diags.find("BaseAddressCannotHaveUserInfo"));
    CHECK(c.diags.find("BaseAddressDuplicateScheme")->position.line == 5);

    // Absolute URIs without an authority ("urn:a", "http:") have no user information to refuse
    // (this once threw std::out_of_range); "URN:b" repeats the scheme of "urn:a".
    auto bare = check(service_model(R"(<services><service name="S"><host><baseAddresses>
<add baseAddress="urn:a"/><add baseAddress="http:"/><add baseAddress="URN:b"/></baseAddresses></host></service></services>)"));
    INFO(test::dump(bare.diags));
    CHECK_FALSE(bare.diags.find("BaseAddressCannotHaveUserInfo"));
    auto const* dup = bare.diags.find("BaseAddressDuplicateScheme");
    REQUIRE(dup);
    CHECK(dup->position.line == 5);
    CHECK(dup->message.find("scheme urn.") != std::string::npos);
}

TEST_CASE("validate: each binding against core's rule table, blaming the attribute", "[config][validate]") {
    auto c = check(service_model(R"(<bindings><wsHttpBinding>
<binding name="rm"><reliableSession enabled="true"/>
  <security mode="Transport"/></binding>
<binding name="mixed"><security mode="TransportWithMessageCredential"><message clientCredentialType="None"/></security></binding>
</wsHttpBinding>
<basicHttpBinding><binding name="msg"><security mode="Message"/></binding></basicHttpBinding></bindings>)"));
    auto const* rm = c.diags.find("WSHttpDoesNotSupportRMWithHttps");
    REQUIRE(rm);
    CHECK(rm->message == "wsHttpBinding: a reliable session cannot be used with security mode Transport (use Message or "
                         "TransportWithMessageCredential).");
    CHECK(rm->path == "system.serviceModel/bindings/wsHttpBinding/binding[@name='rm']/reliableSession/@enabled");
    CHECK(rm->position.line == 5);
    auto const* mixed = c.diags.find("ClientCredentialTypeMustBeSpecifiedForMixedMode");
    REQUIRE(mixed);
    CHECK(mixed->path.ends_with("security/message/@clientCredentialType"));
    auto const* msg = c.diags.find("BasicHttpMessageSecurityRequiresCertificate");
    REQUIRE(msg);
    CHECK(msg->position.line == 9); // the binding: clientCredentialType was not written
}

TEST_CASE("validate: client-side rules for the bindings client endpoints use", "[config][validate]") {
    auto c = check(service_model(R"(<bindings><basicHttpBinding><binding name="p" proxyAddress="http://proxy:8080"/></basicHttpBinding></bindings>
<client><endpoint address="http://h/x" binding="basicHttpBinding" bindingConfiguration="p" contract="C"/></client>)"));
    CHECK(c.diags.find("UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress"));
}

TEST_CASE("validate: certificates across bindings, behaviors and endpoints (seed 001)", "[config][validate]") {
    std::string const binding = R"(<bindings><wsHttpBinding><binding name="Cert"><security mode="Message">
  <message clientCredentialType="Certificate"/></security></binding></wsHttpBinding></bindings>)";

    SECTION("service without a service certificate") {
        auto c = check(service_model(binding + R"(<services><service name="S">
  <endpoint address="http://h/s" binding="wsHttpBinding" bindingConfiguration="Cert" contract="C"/></service></services>)"));
        auto const* d = c.diags.find("ServiceCertificateNotProvided");
        REQUIRE(d);
        CHECK(d->message.starts_with("The service certificate is not provided. Specify a service certificate in ServiceCredentials."));
        CHECK(d->path.ends_with("/@binding"));
    }
    SECTION("service with one") {
        auto c = check(service_model(binding + R"(<behaviors><serviceBehaviors><behavior><serviceCredentials>
  <serviceCertificate findValue="Contoso.com" x509FindType="FindBySubjectName"/></serviceCredentials></behavior></serviceBehaviors></behaviors>
<services><service name="S">
  <endpoint address="http://h/s" binding="wsHttpBinding" bindingConfiguration="Cert" contract="C"/></service></services>)"));
        INFO(test::dump(c.diags));
        CHECK_FALSE(c.diags.has_errors());
    }
    SECTION("client without a client certificate") {
        auto c = check(service_model(binding + R"(<client><endpoint address="http://h/s" binding="wsHttpBinding"
  bindingConfiguration="Cert" contract="C"><identity><dns value="Contoso.com"/></identity></endpoint></client>)"));
        auto const* d = c.diags.find("ClientCertificateNotProvidedOnClientCredentials");
        REQUIRE(d);
        CHECK(d->message.find("the endpoint has no endpoint behavior") != std::string::npos);
        CHECK_FALSE(c.diags.find("wsbind_default_dns_identity"));
    }
    SECTION("client with one but no identity: the negotiated certificate must match the host") {
        auto c = check(service_model(binding + R"(<behaviors><endpointBehaviors><behavior name="eb"><clientCredentials>
  <clientCertificate findValue="Cohowinery.com" x509FindType="FindBySubjectName"/></clientCredentials></behavior></endpointBehaviors></behaviors>
<client><endpoint address="http://machineName/Calculator" behaviorConfiguration="eb" binding="wsHttpBinding"
  bindingConfiguration="Cert" contract="C"/></client>)"));
        INFO(test::dump(c.diags));
        CHECK_FALSE(c.diags.has_errors());
        auto const* w = c.diags.find("wsbind_default_dns_identity");
        REQUIRE(w);
        CHECK(w->message.find("'machineName'") != std::string::npos);
    }
    SECTION("without negotiation the client must know the service certificate") {
        auto c = check(service_model(R"(<bindings><wsHttpBinding><binding name="N"><security mode="Message">
  <message clientCredentialType="UserName" negotiateServiceCredential="false"/></security></binding></wsHttpBinding></bindings>
<client><endpoint address="http://h/s" binding="wsHttpBinding" bindingConfiguration="N" contract="C"/>
<endpoint name="withIdentity" address="http://h/s" binding="wsHttpBinding" bindingConfiguration="N" contract="C">
  <identity><certificateReference findValue="svc"/></identity></endpoint></client>)"));
        std::size_t n = 0;
        for (auto const& d : c.diags) n += d.code == "ServiceCertificateNotProvidedOnClientCredentials";
        CHECK(n == 1);
    }
}

TEST_CASE("validate: MutualCertificateDuplex needs the client certificate on the service (seed 000)", "[config][validate]") {
    std::string const binding = R"(<bindings><customBinding><binding name="Duplex">
  <security authenticationMode="MutualCertificateDuplex"/><compositeDuplex/><oneWay/><textMessageEncoding/><httpTransport/>
</binding></customBinding></bindings>)";
    auto without = check(service_model(binding + R"(<behaviors><serviceBehaviors><behavior><serviceCredentials>
  <serviceCertificate findValue="svc"/></serviceCredentials></behavior></serviceBehaviors></behaviors>
<services><service name="S"><endpoint address="http://h/s" binding="customBinding" bindingConfiguration="Duplex" contract="C"/>
</service></services>)"));
    INFO(test::dump(without.diags));
    CHECK(without.diags.find("NoClientCertificate"));
    auto with = check(service_model(binding + R"(<behaviors><serviceBehaviors><behavior><serviceCredentials>
  <serviceCertificate findValue="svc"/><clientCertificate><certificate findValue="client"/></clientCertificate>
</serviceCredentials></behavior></serviceBehaviors></behaviors>
<services><service name="S"><endpoint address="http://h/s" binding="customBinding" bindingConfiguration="Duplex" contract="C"/>
</service></services>)"));
    INFO(test::dump(with.diags));
    CHECK_FALSE(with.diags.find("NoClientCertificate"));
}

TEST_CASE("validate: the transport address uses the binding's scheme", "[config][validate]") {
    auto c = check(service_model(R"(<client><endpoint address="https://h/x" binding="basicHttpBinding" contract="C"/>
<endpoint name="logical" address="urn:x" binding="basicHttpBinding" contract="C"/></client>)"));
    auto const* d = c.diags.find("InvalidUriScheme");
    REQUIRE(d);
    CHECK(d->message == "The provided URI scheme 'https' is invalid; expected 'http' (binding basicHttpBinding).");
    std::size_t n = 0;
    for (auto const& x : c.diags) n += x.code == "InvalidUriScheme";
    CHECK(n == 1);
}

TEST_CASE("service_certificate_from_credentials: HTTPS certificates come from the HTTP stack", "[config][validate]") {
    auto d = default_description(binding_kind::basic_http);
    d.security.mode = security_mode::transport;
    CHECK_FALSE(service_certificate_from_credentials(d));
    auto t = default_description(binding_kind::net_tcp);
    t.security.transport.client_credential_type = transport_credential_type::certificate;
    CHECK(service_certificate_from_credentials(t));
    auto m = default_description(binding_kind::ws_http);
    m.security.message.client_credential_type = message_credential_type::user_name;
    CHECK(service_certificate_from_credentials(m));
    m.security.message.client_credential_type = message_credential_type::windows;
    CHECK_FALSE(service_certificate_from_credentials(m));
}
