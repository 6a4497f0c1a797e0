// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/config/writer.hpp>

#include <wsbind/config/reader.hpp>
#include <wsbind/core/binding.hpp>

#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace wsbind;
using namespace wsbind::config;

namespace {

std::string const rich = test::service_model(R"(
<extensions><behaviorExtensions><add name="custom" type="A, B"/></behaviorExtensions></extensions>
<bindings>
  <basicHttpBinding><binding name="b" maxBufferSize="65536"><security mode="Message"><message clientCredentialType="Certificate"/></security></binding></basicHttpBinding>
  <wsHttpBinding>
    <binding name="w" receiveTimeout="Infinite" maxReceivedMessageSize="100000">
      <readerQuotas maxDepth="64"/>
      <reliableSession enabled="true" ordered="false"/>
      <security mode="TransportWithMessageCredential">
        <transport clientCredentialType="None"><extendedProtectionPolicy policyEnforcement="WhenSupported"><customServiceNames><add name="a"/><add name="b"/></customServiceNames></extendedProtectionPolicy></transport>
        <message clientCredentialType="UserName" algorithmSuite="Default"/>
      </security>
    </binding>
  </wsHttpBinding>
  <netTcpBinding><binding><security mode="Transport"><transport sslProtocols="Tls12"/></security></binding></netTcpBinding>
  <customBinding>
    <binding name="c">
      <security authenticationMode="SecureConversation"><localServiceSettings/>
        <secureConversationBootstrap authenticationMode="UserNameForSslNegotiated"><localClientSettings/></secureConversationBootstrap>
        <issuedTokenParameters><issuer address="http://sts/"><headers><h>1</h></headers></issuer></issuedTokenParameters>
      </security>
      <binaryMessageEncoding/>
      <httpTransport/>
    </binding>
    <binding name="plain"><textMessageEncoding/><httpsTransport/></binding>
  </customBinding>
  <netMsmqBinding><binding name="q" exactlyOnce="false"/></netMsmqBinding>
</bindings>
<behaviors>
  <serviceBehaviors><behavior name="s"><serviceMetadata/><serviceCredentials><serviceCertificate/>
    <clientCertificate><certificate findValue=""/></clientCertificate>
    <issuedTokenAuthentication><knownCertificates><add findValue="k"/></knownCertificates><allowedAudienceUris><add allowedAudienceUri="http://a/"/></allowedAudienceUris></issuedTokenAuthentication>
    <peer/></serviceCredentials></behavior></serviceBehaviors>
  <endpointBehaviors><behavior><clientCredentials><serviceCertificate><sslCertificateAuthentication/>
    <scopedCertificates><add targetUri="http://x/"/></scopedCertificates></serviceCertificate></clientCredentials></behavior></endpointBehaviors>
</behaviors>
<services><service name="S" behaviorConfiguration="s">
  <host><baseAddresses><add baseAddress="http://localhost/s"/></baseAddresses><timeouts closeTimeout="00:00:20"/></host>
  <endpoint address="" binding="wsHttpBinding" bindingConfiguration="w" contract="C" listenUri="http://localhost/l"/>
  <endpoint binding="basicHttpBinding" contract="C" name="noaddress"/>
</service></services>
<client>
  <endpoint address="http://h/x" binding="basicHttpBinding" bindingConfiguration="b" contract="C">
    <identity><dns/><rsa value="&lt;RSAKeyValue/&gt;"/></identity><headers><a>1</a></headers>
  </endpoint>
  <metadata/>
</client>
<protocolMapping><add scheme="http" binding="basicHttpBinding"/></protocolMapping>)");

configuration reread(configuration const& cfg, write_mode mode) {
    write_options o;
    o.mode = mode;
    auto const text = write_string(cfg, o);
    auto r = read_string(text, "written");
    INFO(text);
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    return r.partial();
}

} // namespace

TEST_CASE("writer: read, write, read gives an equal model", "[config][writer]") {
    auto r = read_string(rich, "rich");
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    auto const& cfg = *r.get();
    REQUIRE(cfg.bindings.size() == 6);
    CHECK(reread(cfg, write_mode::minimal) == cfg);
    CHECK(reread(cfg, write_mode::full) == cfg);
    // Writing what was written changes nothing.
    auto const once = write_string(cfg);
    auto twice = read_string(once);
    REQUIRE(twice.ok());
    CHECK(write_string(*twice.get()) == once);
}

TEST_CASE("writer: minimal writes only what differs from WCF's defaults", "[config][writer]") {
    auto r = read_string(test::service_model(R"(<bindings><wsHttpBinding><binding name="x" openTimeout="00:01:00"
  maxReceivedMessageSize="2000"><security mode="Message"/></binding></wsHttpBinding></bindings>)"));
    REQUIRE(r.ok());
    write_options o;
    o.declaration = false;
    CHECK(write_string(*r.get(), o) == "<configuration>\n  <system.serviceModel>\n    <bindings>\n      <wsHttpBinding>\n"
                                        "        <binding name=\"x\" maxReceivedMessageSize=\"2000\" />\n      </wsHttpBinding>\n"
                                        "    </bindings>\n  </system.serviceModel>\n</configuration>\n");
    o.mode = write_mode::full;
    auto const full = write_string(*r.get(), o);
    CHECK(full.find("openTimeout=\"00:01:00\"") != std::string::npos);
    CHECK(full.find("<reliableSession enabled=\"false\" ordered=\"true\" inactivityTimeout=\"00:10:00\" />") != std::string::npos);
    // Settings .NET applies only when present stay unwritten.
    CHECK(full.find("algorithmSuite") == std::string::npos);
}

TEST_CASE("writer: to_config of a compile-time binding reads back as its description", "[config][writer]") {
    using calculator = ws_http_binding<security<mode::message, message_credential::certificate>,
                                       reliable_session<ordered<true>, inactivity_timeout<"00:20:00">>,
                                       max_received_message_size<1048576>>;
    auto const text = to_config<calculator>("Calculator");
    CHECK(text.find("<binding name=\"Calculator\" maxReceivedMessageSize=\"1048576\">") != std::string::npos);
    auto r = read_string(test::service_model(text));
    INFO(text);
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    auto d = r.get()->bindings.at(0).description;
    d.name = {};
    CHECK(d == describe<calculator>());

    using custom = custom_binding<security<with<authentication_mode::user_name_over_transport>>, text_message_encoding<>,
                                  https_transport<require_client_certificate<false>>>;
    auto const ctext = to_config(describe<custom>(), "c");
    auto cr = read_string(test::service_model(ctext));
    REQUIRE(cr.ok());
    auto cd = cr.get()->bindings.at(0).description;
    cd.name = {};
    CHECK(cd == describe<custom>());
}

TEST_CASE("writer: a file without <system.serviceModel> writes none (fuzz finding)", "[config][writer]") {
    auto r = read_string("<configuration><appSettings/></configuration>");
    REQUIRE(r.ok());
    CHECK_FALSE(r.get()->has_service_model);
    auto const text = write_string(*r.get());
    CHECK(text.find("system.serviceModel") == std::string::npos);
    auto again = read_string(text);
    REQUIRE(again.ok());
    CHECK(again.partial() == *r.get());
}
