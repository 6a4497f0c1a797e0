// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>

#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace wsbind;
using namespace wsbind::config;
using test::service_model;

TEST_CASE("reader: a standard binding, every attribute through the schema", "[config][reader]") {
    auto r = read_string(service_model(R"(
<bindings>
  <wsHttpBinding>
    <binding name="Reliable" openTimeout="00:02:00" maxReceivedMessageSize="1048576" messageEncoding="Mtom"
             textEncoding="utf-16" transactionFlow="true">
      <readerQuotas maxDepth="64" maxArrayLength="0"/>
      <reliableSession enabled="true" ordered="false" inactivityTimeout="01:00:00"/>
      <security mode="Message">
        <message clientCredentialType="Certificate" negotiateServiceCredential="false" algorithmSuite="Basic256Sha256"/>
      </security>
    </binding>
  </wsHttpBinding>
</bindings>)"));
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    auto const* cfg = r.get();
    REQUIRE(cfg->bindings.size() == 1);
    auto const& b = cfg->bindings[0];
    CHECK(b.section == "wsHttpBinding");
    CHECK(b.name == "Reliable");
    REQUIRE(b.kind == binding_kind::ws_http);
    CHECK(b.fully_modelled);
    auto const& d = b.description;
    CHECK(d.name.view() == "Reliable");
    CHECK(d.timeouts.open_timeout == timespan::from_minutes(2));
    CHECK(d.timeouts.send_timeout == timespan::from_minutes(1)); // default kept
    CHECK(d.transport.max_received_message_size == 1048576);
    CHECK(d.encoder.encoding == message_encoding::mtom);
    CHECK(d.encoder.write_encoding == text_encoding::utf16);
    CHECK(d.transaction_flow);
    CHECK(d.encoder.reader_quotas.max_depth == 64);
    CHECK(d.encoder.reader_quotas.max_array_length == 16384); // 0 keeps the default
    CHECK(d.reliable_session.enabled);
    CHECK_FALSE(d.reliable_session.ordered);
    CHECK(d.reliable_session.inactivity_timeout == timespan::from_hours(1));
    CHECK(d.security.mode == security_mode::message);
    CHECK(d.security.message.client_credential_type == message_credential_type::certificate);
    CHECK_FALSE(d.security.message.negotiate_service_credential);
    CHECK(d.security.message.suite == algorithm_suite::basic256_sha256);
}

TEST_CASE("reader: defaults are WCF's when nothing is said", "[config][reader]") {
    auto r = read_string(service_model("<bindings><netTcpBinding><binding name='t'/></netTcpBinding>"
                                       "<basicHttpBinding><binding/></basicHttpBinding></bindings>"));
    REQUIRE(r.ok());
    auto const& cfg = *r.get();
    CHECK(cfg.bindings[0].description == [] { auto d = default_description(binding_kind::net_tcp); d.name = "t"; return d; }());
    CHECK(cfg.bindings[1].name.empty());
    CHECK(cfg.bindings[1].description == default_description(binding_kind::basic_http));
    CHECK_FALSE(cfg.bindings[1].description.security.message.suite.has_value());
    CHECK_FALSE(cfg.bindings[1].description.transport.max_buffer_size.has_value());
}

TEST_CASE("reader: unknown attributes and elements are errors, with what is allowed", "[config][reader]") {
    auto r = read_string(service_model(R"(<bindings>
  <basicHttpBinding>
    <binding name="B" maxReceivedMessagesize="10">
      <security mode="None"><mesage/></security>
    </binding>
  </basicHttpBinding>
</bindings>)"), "app.config");
    REQUIRE_FALSE(r.ok());
    CHECK(r.get() == nullptr);
    auto const* a = r.diagnostics().find("Config_base_unrecognized_attribute");
    REQUIRE(a);
    CHECK(a->message == "Unrecognized attribute 'maxReceivedMessagesize'. Note that attribute names are case-sensitive.");
    CHECK(a->path == "system.serviceModel/bindings/basicHttpBinding/binding[@name='B']/@maxReceivedMessagesize");
    CHECK(a->file == "app.config");
    CHECK(a->position == source_position{6, 23});
    CHECK(a->allowed.find("maxReceivedMessageSize") != std::string::npos);
    auto const* e = r.diagnostics().find("Config_base_unrecognized_element_name");
    REQUIRE(e);
    CHECK(e->message == "Unrecognized element 'mesage'.");
    CHECK(e->path == "system.serviceModel/bindings/basicHttpBinding/binding[@name='B']/security/mesage");
    CHECK(e->allowed == "transport, message");
    CHECK(e->position == source_position{7, 30}); // the element name
    // The rest of the binding is still read.
    CHECK(r.partial().bindings.size() == 1);
}

TEST_CASE("reader: a binding type's narrower enums", "[config][reader]") {
    auto r = read_string(service_model("<bindings><wsDualHttpBinding><binding name='d'><security mode='Transport'/>"
                                       "</binding></wsDualHttpBinding></bindings>"));
    REQUIRE_FALSE(r.ok());
    auto const* d = r.diagnostics().find("Invalid_enum_value");
    REQUIRE(d);
    CHECK(d->message.find("must be one of the following: None, Message.") != std::string::npos);
    CHECK(d->value == "Transport");
    CHECK(d->allowed == "None, Message");
    CHECK(d->path == "system.serviceModel/bindings/wsDualHttpBinding/binding[@name='d']/security/@mode");
}

TEST_CASE("reader: duplicates, clear and remove", "[config][reader]") {
    SECTION("the same name twice in one file") {
        auto r = read_string(service_model("<bindings><basicHttpBinding><binding name='A'/>\n<binding name='A'/>"
                                           "</basicHttpBinding></bindings>"));
        REQUIRE_FALSE(r.ok());
        auto const* d = r.diagnostics().find("ConfigDuplicateKeyAtSameScope");
        REQUIRE(d);
        CHECK(d->value == "A");
        CHECK(d->position.line == 5);
        CHECK(r.partial().bindings.size() == 1);
    }
    SECTION("two unnamed bindings are duplicates too") {
        auto r = read_string(service_model("<bindings><basicHttpBinding><binding/><binding name=''/></basicHttpBinding></bindings>"));
        CHECK(r.diagnostics().find("ConfigDuplicateKeyAtSameScope"));
    }
    SECTION("the same name in two binding types is fine") {
        auto r = read_string(service_model("<bindings><basicHttpBinding><binding name='A'/></basicHttpBinding>"
                                           "<wsHttpBinding><binding name='A'/></wsHttpBinding></bindings>"));
        CHECK(r.ok());
    }
    SECTION("clear and remove") {
        auto r = read_string(service_model("<bindings><basicHttpBinding><binding name='A'/><binding name='B'/><clear/>"
                                           "<binding name='C'/><binding name='D'/><remove name='C'/></basicHttpBinding></bindings>"));
        REQUIRE(r.ok());
        REQUIRE(r.get()->bindings.size() == 1);
        CHECK(r.get()->bindings[0].name == "D");
    }
    SECTION("remove takes only the key") {
        auto r = read_string(service_model("<bindings><basicHttpBinding><remove name='C' maxBufferSize='1'/></basicHttpBinding></bindings>"));
        CHECK(r.diagnostics().find("Config_base_unrecognized_attribute"));
    }
    SECTION("a child element twice") {
        auto r = read_string(service_model("<bindings><basicHttpBinding><binding><security/><security/></binding>"
                                           "</basicHttpBinding></bindings>"));
        CHECK(r.diagnostics().find("Config_base_element_cannot_have_multiple_child_elements"));
    }
    SECTION("a section twice") {
        auto r = read_string(service_model("<bindings/><bindings/>"));
        CHECK(r.diagnostics().find("Config_sections_must_be_unique"));
    }
    SECTION("text inside an element") {
        auto r = read_string(service_model("<bindings><basicHttpBinding><binding>oops</binding></basicHttpBinding></bindings>"));
        CHECK(r.diagnostics().find("Config_base_section_invalid_content"));
    }
}

TEST_CASE("reader: unmodelled binding types, elements and behaviors are kept with a located warning", "[config][reader]") {
    auto r = read_string(service_model(R"(<bindings>
  <netMsmqBinding><binding name="q" exactlyOnce="false"/></netMsmqBinding>
  <customBinding>
    <binding name="c">
      <binaryMessageEncoding/>
      <tcpTransport portSharingEnabled="true"/>
    </binding>
  </customBinding>
</bindings>
<behaviors><serviceBehaviors><behavior><serviceMetadata httpGetEnabled="true"/></behavior></serviceBehaviors></behaviors>
<protocolMapping><add scheme="http" binding="wsHttpBinding"/></protocolMapping>)"));
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    auto const& cfg = *r.get();
    REQUIRE(cfg.bindings.size() == 2);
    CHECK_FALSE(cfg.bindings[0].kind.has_value());
    CHECK(cfg.bindings[0].section == "netMsmqBinding");
    CHECK(cfg.bindings[0].name == "q");
    CHECK(cfg.bindings[1].kind == binding_kind::custom);
    CHECK_FALSE(cfg.bindings[1].fully_modelled);
    CHECK(cfg.bindings[1].element_order == std::vector<std::string>{"binaryMessageEncoding", "tcpTransport"});
    REQUIRE(cfg.bindings[1].unmodelled.size() == 2);
    CHECK(cfg.bindings[1].unmodelled[1].xml == "<tcpTransport portSharingEnabled=\"true\"/>");
    CHECK(cfg.behaviors[0].unmodelled[0].name == "serviceMetadata");
    CHECK(cfg.unmodelled_sections[0].name == "protocolMapping");
    std::size_t warnings = 0;
    for (auto const& d : r.diagnostics()) {
        CHECK(d.severity == severity::warning);
        CHECK(d.position.line > 0);
        CHECK(d.code == "wsbind_unmodelled");
        ++warnings;
    }
    CHECK(warnings == 5);
}

TEST_CASE("reader: names neither WCF nor the file knows are errors", "[config][reader]") {
    SECTION("binding type") {
        auto r = read_string(service_model("<bindings><fooBinding><binding/></fooBinding></bindings>"));
        auto const* d = r.diagnostics().find("ConfigBindingExtensionNotFound");
        REQUIRE(d);
        CHECK(d->message.find("system.serviceModel/bindings/fooBinding") != std::string::npos);
    }
    SECTION("binding element") {
        auto r = read_string(service_model("<bindings><customBinding><binding><gzipEncoding/><httpTransport/></binding>"
                                           "</customBinding></bindings>"));
        CHECK(r.diagnostics().find("ConfigInvalidExtensionElementName"));
    }
    SECTION("registered by the file: a warning") {
        auto r = read_string(service_model("<extensions><bindingElementExtensions><add name='gzipEncoding' type='X, Y'/>"
                                           "</bindingElementExtensions></extensions>"
                                           "<bindings><customBinding><binding><gzipEncoding level='9'/><httpTransport/></binding>"
                                           "</customBinding></bindings>"));
        INFO(test::dump(r.diagnostics()));
        CHECK(r.ok());
        CHECK(r.get()->extensions.binding_element_extensions == std::vector<std::string>{"gzipEncoding"});
    }
    SECTION("behavior extension") {
        auto r = read_string(service_model("<behaviors><endpointBehaviors><behavior><myBehavior/></behavior>"
                                           "</endpointBehaviors></behaviors>"));
        CHECK(r.diagnostics().find("ConfigInvalidExtensionElementName"));
    }
    SECTION("section") {
        auto r = read_string(service_model("<bindingz/>"));
        CHECK(r.diagnostics().find("Config_unrecognized_configuration_section"));
    }
}

TEST_CASE("reader: customBinding stack, order and structural rules", "[config][reader]") {
    auto r = read_string(service_model(R"(<bindings><customBinding><binding name="c" sendTimeout="00:00:30">
  <reliableSession maxRetryCount="3" reliableMessagingVersion="WSReliableMessaging11"/>
  <security authenticationMode="UserNameOverTransport" includeTimestamp="false">
    <localClientSettings maxClockSkew="00:10:00"/>
  </security>
  <textMessageEncoding messageVersion="Soap11"><readerQuotas maxStringContentLength="100000"/></textMessageEncoding>
  <httpsTransport requireClientCertificate="true" maxBufferSize="100000" maxReceivedMessageSize="100000">
    <extendedProtectionPolicy policyEnforcement="Always"><customServiceNames><add name="HTTP/a"/><add name="HTTP/b"/></customServiceNames></extendedProtectionPolicy>
  </httpsTransport>
</binding></customBinding></bindings>)"));
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    auto const& b = r.get()->bindings[0];
    REQUIRE(b.fully_modelled);
    auto const& d = b.description;
    REQUIRE(d.stack.size() == 4);
    CHECK(d.stack[0] == custom_element::reliable_session);
    CHECK(d.stack[3] == custom_element::https_transport);
    CHECK(d.timeouts.send_timeout == timespan::from_seconds(30));
    CHECK(d.reliable_session.max_retry_count == 3);
    CHECK(d.reliable_session.version == reliable_messaging_version::ws_reliable_messaging_11);
    CHECK(d.security_element.mode == authentication_mode::user_name_over_transport);
    CHECK(d.security_element.include_timestamp == false);
    REQUIRE(d.security_element.local_client.has_value());
    CHECK(d.security_element.local_client->max_clock_skew == timespan::from_minutes(10));
    CHECK_FALSE(d.security_element.local_service.has_value());
    CHECK(d.encoder.version == message_version::soap11);
    CHECK(d.encoder.reader_quotas.max_string_content_length == 100000);
    CHECK(d.transport.require_client_certificate);
    CHECK(d.transport.max_buffer_size == 100000);
    CHECK(d.transport.extended_protection.enforcement == policy_enforcement::always);
    CHECK(d.transport.extended_protection.custom_service_names.view() == "HTTP/a;HTTP/b");

    SECTION("two transports") {
        auto t = read_string(service_model("<bindings><customBinding><binding><httpTransport/><tcpTransport/>"
                                           "</binding></customBinding></bindings>"));
        CHECK(t.diagnostics().find("ConfigTransportAlreadyInBinding"));
    }
    SECTION("the same element twice") {
        auto t = read_string(service_model("<bindings><customBinding><binding><security/><security/><httpTransport/>"
                                           "</binding></customBinding></bindings>"));
        CHECK(t.diagnostics().find("ConfigDuplicateItem"));
    }
    SECTION("SecureConversation without a written bootstrap gets WCF's default one") {
        auto t = read_string(service_model("<bindings><customBinding><binding><security authenticationMode='SecureConversation'/>"
                                           "<httpTransport/></binding></customBinding></bindings>"));
        REQUIRE(t.ok());
        auto const& s = t.get()->bindings[0].description.security_element;
        REQUIRE(s.secure_conversation_bootstrap.has_value());
        CHECK(s.secure_conversation_bootstrap->mode == authentication_mode::sspi_negotiated);
    }
}

TEST_CASE("reader: credentials behaviors", "[config][reader]") {
    auto r = read_string(service_model(R"(<behaviors>
  <serviceBehaviors>
    <behavior name="S">
      <serviceCredentials>
        <serviceCertificate findValue="Contoso.com" x509FindType="FindBySubjectName"/>
        <clientCertificate>
          <certificate findValue="client" storeLocation="CurrentUser" storeName="TrustedPeople"/>
          <authentication certificateValidationMode="PeerOrChainTrust" revocationMode="NoCheck"/>
        </clientCertificate>
        <userNameAuthentication userNamePasswordValidationMode="Custom" customUserNamePasswordValidatorType="V, A"/>
        <issuedTokenAuthentication audienceUriMode="Never">
          <knownCertificates><add findValue="sts" x509FindType="FindBySubjectName"/></knownCertificates>
          <allowedAudienceUris><add allowedAudienceUri="http://a/"/></allowedAudienceUris>
        </issuedTokenAuthentication>
      </serviceCredentials>
    </behavior>
  </serviceBehaviors>
  <endpointBehaviors>
    <behavior name="C">
      <clientCredentials supportInteractive="false">
        <clientCertificate findValue="Cohowinery.com" storeLocation="LocalMachine" x509FindType="FindBySubjectName"/>
        <serviceCertificate>
          <defaultCertificate findValue="svc"/>
          <scopedCertificates><add targetUri="http://x/" findValue="x"/></scopedCertificates>
          <authentication certificateValidationMode="None"/>
          <sslCertificateAuthentication revocationMode="Offline"/>
        </serviceCertificate>
        <windows allowedImpersonationLevel="Impersonation"/>
      </clientCredentials>
    </behavior>
  </endpointBehaviors>
</behaviors>)"));
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    auto const& cfg = *r.get();
    auto const* s = cfg.find_behavior(behavior_kind::service, "S");
    REQUIRE(s);
    REQUIRE(s->service_credentials);
    auto const& sc = *s->service_credentials;
    CHECK(sc.service_certificate.specified);
    CHECK(sc.service_certificate.find_value == "Contoso.com");
    CHECK(sc.service_certificate.find_type == x509_find_type::find_by_subject_name);
    CHECK(sc.service_certificate.location == store_location::local_machine);
    CHECK(sc.client_certificate.specified);
    CHECK(sc.client_certificate.location == store_location::current_user);
    CHECK(sc.client_certificate.name == store_name::trusted_people);
    CHECK(sc.client_certificate_authentication.validation_mode == certificate_validation_mode::peer_or_chain_trust);
    CHECK(sc.client_certificate_authentication.revocation == revocation_mode::no_check);
    CHECK(sc.client_certificate_authentication.trusted_store_location == store_location::local_machine);
    CHECK(sc.user_name_authentication.validation_mode == user_name_password_validation_mode::custom);
    CHECK(sc.issued_token_authentication.audience_mode == audience_uri_mode::never);
    REQUIRE(sc.issued_token_authentication.known_certificates.size() == 1);
    CHECK(sc.issued_token_authentication.known_certificates[0].find_value == "sts");
    CHECK(sc.issued_token_authentication.allowed_audience_uris == std::vector<std::string>{"http://a/"});

    auto const* c = cfg.find_behavior(behavior_kind::endpoint, "C");
    REQUIRE(c);
    REQUIRE(c->client_credentials);
    auto const& cc = *c->client_credentials;
    CHECK_FALSE(cc.support_interactive);
    CHECK(cc.client_certificate.location == store_location::local_machine);
    CHECK(cc.default_service_certificate.specified);
    CHECK(cc.default_service_certificate.location == store_location::current_user);
    REQUIRE(cc.scoped_service_certificates.size() == 1);
    CHECK(cc.scoped_service_certificates[0].target_uri == "http://x/");
    CHECK(cc.service_certificate_authentication.validation_mode == certificate_validation_mode::none);
    CHECK(cc.service_certificate_authentication.trusted_store_location == store_location::current_user);
    REQUIRE(cc.ssl_certificate_authentication.has_value());
    CHECK(cc.ssl_certificate_authentication->revocation == revocation_mode::offline);
    CHECK(cc.ssl_certificate_authentication->trusted_store_location == store_location::current_user);
    CHECK(cc.windows_allowed_impersonation_level == token_impersonation_level::impersonation);

    SECTION("an empty certificate element is not a lookup") {
        auto e = read_string(service_model("<behaviors><serviceBehaviors><behavior><serviceCredentials><serviceCertificate/>"
                                           "</serviceCredentials></behavior></serviceBehaviors></behaviors>"));
        REQUIRE(e.ok());
        CHECK_FALSE(e.get()->behaviors[0].service_credentials->service_certificate.specified);
    }
    SECTION("serviceCredentials in an endpoint behavior") {
        auto e = read_string(service_model("<behaviors><endpointBehaviors><behavior><serviceCredentials/></behavior>"
                                           "</endpointBehaviors></behaviors>"));
        CHECK(e.diagnostics().find("ConfigInvalidBehaviorType"));
    }
    SECTION("a bad store name") {
        auto e = read_string(service_model("<behaviors><serviceBehaviors><behavior><serviceCredentials>"
                                           "<serviceCertificate storeName='Personal'/></serviceCredentials></behavior>"
                                           "</serviceBehaviors></behaviors>"));
        auto const* d = e.diagnostics().find("Invalid_enum_value");
        REQUIRE(d);
        CHECK(d->allowed == "AddressBook, AuthRoot, CertificateAuthority, Disallowed, My, Root, TrustedPeople, TrustedPublisher");
    }
    SECTION("unmodelled credentials parts are kept") {
        auto e = read_string(service_model("<behaviors><endpointBehaviors><behavior><clientCredentials><issuedToken/>"
                                           "</clientCredentials></behavior></endpointBehaviors></behaviors>"));
        REQUIRE(e.ok());
        REQUIRE(e.get()->behaviors[0].unmodelled.size() == 1);
        CHECK(e.get()->behaviors[0].unmodelled[0].parent == "clientCredentials");
    }
}

TEST_CASE("reader: services, endpoints, client and identity", "[config][reader]") {
    auto r = read_string(service_model(R"(<services>
  <service name="Svc" behaviorConfiguration="B">
    <host>
      <baseAddresses><add baseAddress="http://localhost:8000/svc"/><add baseAddress="net.tcp://localhost:9000/svc"/></baseAddresses>
      <timeouts openTimeout="00:02:00"/>
    </host>
    <endpoint address="" binding="wsHttpBinding" contract="IC" listenUriMode="Unique"/>
    <endpoint address="mex" binding="mexHttpBinding" contract="IMetadataExchange"/>
  </service>
</services>
<client>
  <endpoint name="E" address="http://h/x" binding="basicHttpBinding" contract="IC">
    <identity><dns value="Contoso.com"/><certificateReference findValue="x" isChainIncluded="true"/></identity>
    <headers><h xmlns="urn:x">1</h></headers>
  </endpoint>
</client>)"));
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.diagnostics().count(severity::error) == 0);
    auto const& cfg = *r.get();
    REQUIRE(cfg.services.size() == 1);
    auto const& s = cfg.services[0];
    CHECK(s.base_addresses == std::vector<std::string>{"http://localhost:8000/svc", "net.tcp://localhost:9000/svc"});
    CHECK(s.timeouts.open_timeout == timespan::from_minutes(2));
    REQUIRE(s.endpoints.size() == 2);
    CHECK(s.endpoints[0].address == std::string());
    CHECK(s.endpoints[0].listen_mode == listen_uri_mode::unique);
    REQUIRE(cfg.client.size() == 1);
    auto const& e = cfg.client[0];
    CHECK(e.identity.dns == std::string("Contoso.com"));
    REQUIRE(e.identity.certificate_reference);
    CHECK(e.identity.certificate_reference->is_chain_included);
    CHECK(e.identity.effective() == identity_kind::dns);
    REQUIRE(e.headers);

    SECTION("duplicate endpoints and base addresses") {
        auto d = read_string(service_model("<services><service name='S'><host><baseAddresses><add baseAddress='http://a/'/>"
                                           "<add baseAddress='http://a/'/></baseAddresses></host>"
                                           "<endpoint binding='basicHttpBinding' contract='C'/>"
                                           "<endpoint binding='basicHttpBinding' contract='C'/></service></services>"));
        std::size_t dup = 0;
        for (auto const& x : d.diagnostics()) dup += x.code == "ConfigDuplicateKeyAtSameScope";
        CHECK(dup == 2);
    }
    SECTION("a service needs a name") {
        auto d = read_string(service_model("<services><service/></services>"));
        CHECK(d.diagnostics().find("Config_base_required_attribute_missing"));
    }
    SECTION("client endpoints with the same contract and name") {
        auto d = read_string(service_model("<client><endpoint binding='basicHttpBinding' contract='C'/>"
                                           "<endpoint binding='wsHttpBinding' contract='C'/></client>"));
        CHECK(d.diagnostics().find("ConfigDuplicateKeyAtSameScope"));
    }
}

TEST_CASE("reader: roots, fragments and streams", "[config][reader]") {
    CHECK(read_string("<system.serviceModel><bindings/></system.serviceModel>").ok());
    auto no_sm = read_string("<configuration><appSettings/></configuration>");
    CHECK(no_sm.ok());
    CHECK(no_sm.diagnostics().find("wsbind_no_service_model"));
    CHECK_FALSE(no_sm.partial().has_service_model);
    CHECK_FALSE(read_string("<wsHttpBinding><binding/></wsHttpBinding>").ok());
    read_options o;
    o.allow_fragment = true;
    auto f = read_string("<wsHttpBinding><binding name='x'/></wsHttpBinding>", "snippet", o);
    REQUIRE(f.ok());
    CHECK(f.get()->bindings[0].name == "x");
    std::istringstream in(test::service_model("<bindings><basicHttpBinding><binding name='s'/></basicHttpBinding></bindings>"));
    auto s = read_stream(in, "stdin");
    REQUIRE(s.ok());
    CHECK(s.get()->bindings[0].name == "s");
    // Two <system.serviceModel> elements form one section group.
    auto two = read_string("<configuration><system.serviceModel><bindings/></system.serviceModel>"
                           "<system.serviceModel><client/></system.serviceModel></configuration>");
    CHECK(two.ok());
}

TEST_CASE("reader: the program keeps working after bad input", "[config][reader]") {
    for (std::string_view bad : {"", "<", "<configuration>", "\xFF\xFE", "<configuration><system.serviceModel><bindings>"
                                 "<customBinding><binding><security><secureConversationBootstrap><secureConversationBootstrap/>"}) {
        auto r = read_string(bad);
        CHECK_FALSE(r.ok());
    }
    CHECK(read_string(service_model("")).ok());
}

TEST_CASE("reader: a list of enumeration names, as .NET combines it", "[config][reader]") {
    auto r = read_string(service_model("<bindings><wsHttpBinding><binding name='w'><security mode='Transport, Message'/>"
                                       "</binding></wsHttpBinding>\n<basicHttpBinding><binding name='b'>"
                                       "<security mode='Message, TransportCredentialOnly'/></binding></basicHttpBinding></bindings>"));
    REQUIRE_FALSE(r.ok());
    auto const* w = r.partial().find_binding("wsHttpBinding", "w");
    REQUIRE(w);
    CHECK(w->description.security.mode == security_mode::transport_with_message_credential);
    REQUIRE(r.diagnostics().size() == 1);
    auto const& d = r.diagnostics()[0];
    CHECK(d.code == "InvalidEnumArgument");
    CHECK(d.value == "Message, TransportCredentialOnly");
    CHECK(d.path == "system.serviceModel/bindings/basicHttpBinding/binding[@name='b']/security/@mode");
    CHECK(d.position == source_position{5, 53});
}

TEST_CASE("reader: element paths derived from the model are those the reader reports", "[config][reader]") {
    // Each item's path() must equal the path the reader put in its own diagnostics for that
    // element (the unknown attribute 'bogus' on each): the model no longer stores paths.
    auto r = read_string(service_model(R"(
<bindings>
  <basicHttpBinding>
    <binding name="B'1" bogus="x"/>
  </basicHttpBinding>
</bindings>
<behaviors>
  <serviceBehaviors><behavior name="SB" bogus="x"/></serviceBehaviors>
  <endpointBehaviors><behavior bogus="x"/></endpointBehaviors>
</behaviors>
<services>
  <service name="S" bogus="x">
    <endpoint name="E" binding="basicHttpBinding" contract="C" bogus="x"/>
    <endpoint binding="basicHttpBinding" contract="C2" bogus="x"/>
  </service>
</services>
<client>
  <endpoint name="CE" binding="basicHttpBinding" contract="C" bogus="x"/>
  <endpoint binding="basicHttpBinding" contract="C3" bogus="x"/>
</client>)"));
    auto const& cfg = r.partial();
    std::vector<std::string> reported;
    for (auto const& d : r.diagnostics())
        if (d.code == "Config_base_unrecognized_attribute") reported.push_back(d.path);
    auto const at = [](std::string p) { return p + "/@bogus"; };
    REQUIRE(cfg.bindings.size() == 1);
    REQUIRE(cfg.behaviors.size() == 2);
    REQUIRE(cfg.services.size() == 1);
    REQUIRE(cfg.services[0].endpoints.size() == 2);
    REQUIRE(cfg.client.size() == 2);
    std::vector<std::string> const derived{at(cfg.bindings[0].path()),
                                           at(cfg.behaviors[0].path()),
                                           at(cfg.behaviors[1].path()),
                                           at(cfg.services[0].path()),
                                           at(cfg.services[0].endpoints[0].path(&cfg.services[0])),
                                           at(cfg.services[0].endpoints[1].path(&cfg.services[0])),
                                           at(cfg.client[0].path(nullptr)),
                                           at(cfg.client[1].path(nullptr))};
    CHECK(reported == derived);
    CHECK(cfg.bindings[0].path() == "system.serviceModel/bindings/basicHttpBinding/binding[@name='B'1']");
    CHECK(cfg.behaviors[1].path() == "system.serviceModel/behaviors/endpointBehaviors/behavior[@name='']");
    CHECK(cfg.services[0].endpoints[1].path(&cfg.services[0]) ==
          "system.serviceModel/services/service[@name='S']/endpoint[@contract='C2']");
    CHECK(cfg.client[0].path(nullptr) == "system.serviceModel/client/endpoint[@name='CE']");
}

TEST_CASE("model: boxed parts copy, compare and empty like std::optional", "[config][model]") {
    behavior_config a;
    CHECK_FALSE(a.service_credentials);
    CHECK(a.service_credentials == std::nullopt);
    a.service_credentials.emplace().type = "T";
    behavior_config b = a; // a deep copy
    REQUIRE(b.service_credentials);
    CHECK(b.service_credentials->type == "T");
    CHECK(a == b);
    b.service_credentials->type = "U";
    CHECK(a.service_credentials->type == "T");
    CHECK_FALSE(a == b);
    b.service_credentials.reset();
    CHECK_FALSE(a == b);
    CHECK_THROWS_AS(b.service_credentials.value(), std::bad_optional_access);
    a = b;
    CHECK_FALSE(a.service_credentials);
    CHECK(a == b);
    endpoint_config e;
    e.headers = unmodelled_element{"headers", "<headers/>", {}, {}};
    endpoint_config f = std::move(e);
    REQUIRE(f.headers);
    CHECK(f.headers->xml == "<headers/>");
}

TEST_CASE("reader: the model keeps offsets, which its configuration turns into lines and columns", "[config][reader]") {
    // Non-ASCII text before and inside the places: columns count characters, not bytes.
    std::string const text = service_model("<!-- \xC3\xA9\xE2\x82\xAC -->\n<bindings>\n  <wsHttpBinding>\n"
                                           "    <binding name=\"\xC3\xA9\" maxReceivedMessageSize=\"10\"/>\n"
                                           "  </wsHttpBinding>\n</bindings>\n"
                                           "<client><endpoint name=\"x\" address=\"http://h/\xC3\xA9\" binding=\"wsHttpBinding\" "
                                           "bindingConfiguration=\"zz\" contract=\"C\"/></client>");
    configuration cfg;
    {
        auto const r = read_string(text, "app.config");
        REQUIRE(r.diagnostics().empty());
        cfg = r.partial(); // a copy: it shares the line index, which outlives the reading
    }
    REQUIRE(cfg.positions != nullptr);
    REQUIRE(cfg.bindings.size() == 1);
    auto const& b = cfg.bindings[0];
    CHECK(cfg.position(b.origin.offset) == source_position{7, 6});
    REQUIRE(b.positions.size() == 1);
    CHECK(cfg.position(b.positions[0].second) == source_position{7, 47}); // byte 48: "\xC3\xA9" is one column
    CHECK(b.offset_of(*b.positions[0].first) == b.positions[0].second);
    REQUIRE(cfg.client.size() == 1);
    auto const& e = cfg.client[0];
    CHECK(cfg.position(e.origin.offset) == source_position{10, 10});
    CHECK(cfg.position(e.origin.attribute("address")) == source_position{10, 37});
    CHECK(e.origin.attribute("listenUri") == e.origin.offset); // not written: the element
    CHECK(cfg.position(unknown_offset) == source_position{});
    CHECK(configuration{}.position(0) == source_position{}); // built in code: no index
    // A diagnostic found after reading is located through the index.
    diagnostics d;
    (void)resolve(cfg, d, "app.config");
    auto const* x = d.find("ConfigInvalidBindingConfigurationName");
    REQUIRE(x != nullptr);
    CHECK(x->position == source_position{10, 95});
}
