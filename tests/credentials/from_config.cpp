// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// The credentials model built from configuration (include/wsbind/config/credentials.hpp): every
// field of <serviceCredentials> and <clientCredentials> that the model carries, WCF's defaults when
// elements or attributes are absent, each identity kind and their precedence, the behavior lookups
// for services and client endpoints, and end to end: demo PKI -> stores -> configuration ->
// credentials -> resolve().

#include <wsbind/config/credentials.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/crypto/credentials_resolution.hpp>

#include "support/backends.hpp"
#include "support/store_fixture.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace wsbind;
using wsbind::config::configuration;

namespace {

configuration read(std::string const& service_model) {
    auto r = config::read_string("<configuration><system.serviceModel>" + service_model + "</system.serviceModel></configuration>");
    std::string problems;
    for (auto const& d : r.diagnostics()) problems += config::format(d) + "\n";
    INFO(problems);
    REQUIRE(r.ok());
    return *r.get();
}

// Seed 000: <serviceCredentials><clientCertificate> with <certificate> (the client's certificate
// held in advance for MutualCertificateDuplex) and <authentication>, every attribute written.
std::string const seed000 = R"(
<behaviors><serviceBehaviors>
  <behavior name="DuplexBehavior">
    <serviceCredentials>
      <serviceCertificate findValue="Contoso.com" x509FindType="FindBySubjectName" />
      <clientCertificate>
        <certificate findValue="Cohowinery.com" storeLocation="CurrentUser" storeName="TrustedPeople" x509FindType="FindBySubjectName" />
        <authentication certificateValidationMode="PeerOrChainTrust" revocationMode="Offline" trustedStoreLocation="CurrentUser"
                        customCertificateValidatorType="Contoso.Validator, Contoso" includeWindowsGroups="false"
                        mapClientCertificateToWindowsAccount="true" />
      </clientCertificate>
    </serviceCredentials>
  </behavior>
</serviceBehaviors></behaviors>)";

// Seed 001, service and client halves (the service's endpoint binding is not needed here).
std::string const seed001 = R"(
<behaviors>
  <serviceBehaviors>
    <behavior name="ServiceCredentialsBehavior">
      <serviceCredentials>
        <serviceCertificate findValue="Contoso.com" x509FindType="FindBySubjectName" />
      </serviceCredentials>
    </behavior>
  </serviceBehaviors>
  <endpointBehaviors>
    <behavior name="endpointCredentialsBehavior">
      <clientCredentials>
        <clientCertificate findValue="Cohowinery.com" storeLocation="LocalMachine" x509FindType="FindBySubjectName" />
      </clientCredentials>
    </behavior>
  </endpointBehaviors>
</behaviors>
<services>
  <service behaviorConfiguration="ServiceCredentialsBehavior" name="ServiceModel.Calculator">
    <endpoint address="http://localhost/Calculator" binding="wsHttpBinding" name="SecuredByClientCertificate" contract="ServiceModel.ICalculator" />
  </service>
</services>
<client>
  <endpoint address="http://machineName/Calculator" behaviorConfiguration="endpointCredentialsBehavior" binding="wsHttpBinding"
            contract="ICalculator" name="WSHttpBinding_ICalculator">
    <identity><dns value="Contoso.com" /></identity>
  </endpoint>
</client>)";

} // namespace

TEST_CASE("seed 000: serviceCredentials with clientCertificate/certificate and authentication", "[credentials][config][seeds]") {
    auto cfg = read(seed000);
    auto const* b = cfg.find_behavior(config::behavior_kind::service, "DuplexBehavior");
    REQUIRE(b);
    auto c = config::to_service_credentials(*b);
    CHECK(c.behavior_name == "DuplexBehavior");
    REQUIRE(c.service_certificate);
    CHECK(c.service_certificate->find_value == "Contoso.com");
    CHECK(c.service_certificate->find_type == x509_find_type::find_by_subject_name);
    CHECK(c.service_certificate->location == store_location::local_machine); // serviceCertificate's default
    CHECK(c.service_certificate->name == store_name::my);
    REQUIRE(c.client_certificate.certificate);
    CHECK(c.client_certificate.certificate->find_value == "Cohowinery.com");
    CHECK(c.client_certificate.certificate->location == store_location::current_user);
    CHECK(c.client_certificate.certificate->name == store_name::trusted_people);
    CHECK(c.client_certificate.certificate->find_type == x509_find_type::find_by_subject_name);
    auto const& a = c.client_certificate.authentication;
    CHECK(a.validation_mode == certificate_validation_mode::peer_or_chain_trust);
    CHECK(a.revocation == revocation_mode::offline);
    CHECK(a.trusted_store_location == store_location::current_user);
    CHECK(a.custom_certificate_validator_type == "Contoso.Validator, Contoso");
    CHECK_FALSE(a.include_windows_groups);
    CHECK(a.map_client_certificate_to_windows_account);
    CHECK_FALSE(a.custom_validator);
}

TEST_CASE("seed 001: the service's and the client's credentials, looked up through the service and the client endpoint", "[credentials][config][seeds]") {
    auto cfg = read(seed001);
    auto s = config::service_credentials_for(cfg, "ServiceModel.Calculator");
    CHECK(s.behavior_name == "ServiceCredentialsBehavior");
    REQUIRE(s.service_certificate);
    CHECK(s.service_certificate->find_value == "Contoso.com");
    CHECK(s.service_certificate->location == store_location::local_machine);
    CHECK_FALSE(s.client_certificate.certificate);
    // <clientCertificate><authentication> absent: X509ClientCertificateAuthentication's defaults
    CHECK(s.client_certificate.authentication.validation_mode == certificate_validation_mode::chain_trust);
    CHECK(s.client_certificate.authentication.revocation == revocation_mode::online);
    CHECK(s.client_certificate.authentication.trusted_store_location == store_location::local_machine);
    CHECK(s.client_certificate.authentication.include_windows_groups);
    CHECK_FALSE(s.client_certificate.authentication.map_client_certificate_to_windows_account);

    auto c = config::client_credentials_for(cfg, "WSHttpBinding_ICalculator");
    CHECK(c.behavior_name == "endpointCredentialsBehavior");
    REQUIRE(c.client_certificate);
    CHECK(c.client_certificate->find_value == "Cohowinery.com");
    CHECK(c.client_certificate->location == store_location::local_machine); // written; the default is CurrentUser
    CHECK(c.client_certificate->find_type == x509_find_type::find_by_subject_name);
    CHECK_FALSE(c.service_certificate.default_certificate);
    CHECK(c.service_certificate.scoped_certificates.empty());
    // <serviceCertificate><authentication> absent: X509ServiceCertificateAuthentication's defaults
    CHECK(c.service_certificate.authentication.validation_mode == certificate_validation_mode::chain_trust);
    CHECK(c.service_certificate.authentication.revocation == revocation_mode::online);
    CHECK(c.service_certificate.authentication.trusted_store_location == store_location::current_user);
    CHECK_FALSE(c.service_certificate.ssl_certificate_authentication);

    auto id = config::to_endpoint_identity(cfg.client.at(0).identity);
    REQUIRE(id);
    REQUIRE(std::holds_alternative<dns_identity>(*id));
    CHECK(std::get<dns_identity>(*id).value == "Contoso.com");
}

TEST_CASE("defaults when elements or attributes are absent", "[credentials][config][defaults]") {
    SECTION("empty <serviceCredentials>: no certificate is looked up") {
        auto cfg = read(R"(<behaviors><serviceBehaviors><behavior name="S"><serviceCredentials /></behavior></serviceBehaviors></behaviors>)");
        auto c = config::to_service_credentials(*cfg.find_behavior(config::behavior_kind::service, "S"));
        CHECK(c.behavior_name == "S");
        CHECK_FALSE(c.service_certificate);
        CHECK_FALSE(c.client_certificate.certificate);
        CHECK(c.client_certificate.authentication.trusted_store_location == store_location::local_machine);
    }
    SECTION("a certificate element without attributes is not applied; one attribute is enough") {
        auto cfg = read(R"(<behaviors><serviceBehaviors><behavior name="S"><serviceCredentials>
              <serviceCertificate />
              <clientCertificate><certificate storeName="TrustedPeople" /></clientCertificate>
            </serviceCredentials></behavior></serviceBehaviors></behaviors>)");
        auto c = config::to_service_credentials(*cfg.find_behavior(config::behavior_kind::service, "S"));
        CHECK_FALSE(c.service_certificate);
        REQUIRE(c.client_certificate.certificate);
        CHECK(c.client_certificate.certificate->find_value.empty());
        CHECK(c.client_certificate.certificate->location == store_location::local_machine);
        CHECK(c.client_certificate.certificate->name == store_name::trusted_people);
        CHECK(c.client_certificate.certificate->find_type == x509_find_type::find_by_subject_distinguished_name);
    }
    SECTION("empty <clientCredentials>: CurrentUser defaults") {
        auto cfg = read(R"(<behaviors><endpointBehaviors><behavior name="E"><clientCredentials>
              <clientCertificate findValue="CN=Cohowinery.com, O=Coho Winery, C=US" />
              <serviceCertificate><defaultCertificate x509FindType="FindByThumbprint" findValue="00" /></serviceCertificate>
            </clientCredentials></behavior></endpointBehaviors></behaviors>)");
        auto c = config::to_client_credentials(*cfg.find_behavior(config::behavior_kind::endpoint, "E"));
        REQUIRE(c.client_certificate);
        CHECK(c.client_certificate->location == store_location::current_user);
        CHECK(c.client_certificate->name == store_name::my);
        CHECK(c.client_certificate->find_type == x509_find_type::find_by_subject_distinguished_name);
        REQUIRE(c.service_certificate.default_certificate);
        CHECK(c.service_certificate.default_certificate->location == store_location::current_user);
        CHECK(c.service_certificate.default_certificate->find_type == x509_find_type::find_by_thumbprint);
        CHECK(c.service_certificate.authentication.trusted_store_location == store_location::current_user);
    }
    SECTION("a behavior without credentials, and a behavior of the other kind, give the model's defaults") {
        auto cfg = read(R"(<behaviors><serviceBehaviors><behavior name="S"><serviceDebug /></behavior></serviceBehaviors>
                           <endpointBehaviors><behavior name="E" /></endpointBehaviors></behaviors>)");
        auto const* s = cfg.find_behavior(config::behavior_kind::service, "S");
        auto const* e = cfg.find_behavior(config::behavior_kind::endpoint, "E");
        REQUIRE(s);
        REQUIRE(e);
        auto sc = config::to_service_credentials(*s);
        CHECK(sc.behavior_name == "S");
        CHECK_FALSE(sc.service_certificate);
        auto cc = config::to_client_credentials(*e);
        CHECK(cc.behavior_name == "E");
        CHECK_FALSE(cc.client_certificate);
        CHECK(cc.service_certificate.authentication.trusted_store_location == store_location::current_user);
        CHECK_FALSE(config::to_service_credentials(*e).service_certificate);
        CHECK_FALSE(config::to_client_credentials(*s).client_certificate);
    }
}

TEST_CASE("clientCredentials: every X.509 field", "[credentials][config]") {
    auto cfg = read(R"(<behaviors><endpointBehaviors><behavior name="Full"><clientCredentials>
          <clientCertificate findValue="Cohowinery.com" storeLocation="LocalMachine" storeName="TrustedPeople" x509FindType="FindBySubjectName" />
          <serviceCertificate>
            <defaultCertificate findValue="Contoso.com" storeLocation="LocalMachine" storeName="AddressBook" x509FindType="FindBySubjectName" />
            <scopedCertificates>
              <add targetUri="http://contoso.com/a" findValue="a.contoso.com" storeName="TrustedPeople" x509FindType="FindBySubjectName" />
              <add targetUri="http://contoso.com/b" />
            </scopedCertificates>
            <authentication certificateValidationMode="Custom" revocationMode="NoCheck" trustedStoreLocation="LocalMachine"
                            customCertificateValidatorType="Contoso.V, Contoso" />
            <sslCertificateAuthentication certificateValidationMode="PeerTrust" revocationMode="Offline" />
          </serviceCertificate>
        </clientCredentials></behavior></endpointBehaviors></behaviors>)");
    auto c = config::to_client_credentials(*cfg.find_behavior(config::behavior_kind::endpoint, "Full"));
    REQUIRE(c.client_certificate);
    CHECK(c.client_certificate->location == store_location::local_machine);
    CHECK(c.client_certificate->name == store_name::trusted_people);
    auto const& sc = c.service_certificate;
    REQUIRE(sc.default_certificate);
    CHECK(sc.default_certificate->find_value == "Contoso.com");
    CHECK(sc.default_certificate->location == store_location::local_machine);
    CHECK(sc.default_certificate->name == store_name::address_book);
    REQUIRE(sc.scoped_certificates.size() == 2);
    CHECK(sc.scoped_certificates[0].target_uri == "http://contoso.com/a");
    CHECK(sc.scoped_certificates[0].reference.find_value == "a.contoso.com");
    CHECK(sc.scoped_certificates[0].reference.location == store_location::current_user);
    CHECK(sc.scoped_certificates[0].reference.name == store_name::trusted_people);
    CHECK(sc.scoped_certificates[0].reference.find_type == x509_find_type::find_by_subject_name);
    // only targetUri written: the defaults of defaultCertificate, and still looked up
    CHECK(sc.scoped_certificates[1].target_uri == "http://contoso.com/b");
    CHECK(sc.scoped_certificates[1].reference.find_value.empty());
    CHECK(sc.scoped_certificates[1].reference.location == store_location::current_user);
    CHECK(sc.scoped_certificates[1].reference.find_type == x509_find_type::find_by_subject_distinguished_name);
    CHECK(sc.authentication.validation_mode == certificate_validation_mode::custom);
    CHECK(sc.authentication.revocation == revocation_mode::no_check);
    CHECK(sc.authentication.trusted_store_location == store_location::local_machine);
    CHECK(sc.authentication.custom_certificate_validator_type == "Contoso.V, Contoso");
    REQUIRE(sc.ssl_certificate_authentication);
    CHECK(sc.ssl_certificate_authentication->validation_mode == certificate_validation_mode::peer_trust);
    CHECK(sc.ssl_certificate_authentication->revocation == revocation_mode::offline);
    CHECK(sc.ssl_certificate_authentication->trusted_store_location == store_location::current_user); // its own default
}

TEST_CASE("every identity kind, and WCF's precedence among them", "[credentials][config][identity]") {
    auto cfg = read(R"(<client>
      <endpoint name="upn" address="http://h/" binding="basicHttpBinding" contract="C"><identity>
        <userPrincipalName value="svc@contoso.com" /><servicePrincipalName value="host/x" /><dns value="d" /><rsa value="r" />
        <certificate encodedValue="QUJD" /><certificateReference findValue="x" /></identity></endpoint>
      <endpoint name="spn" address="http://h/" binding="basicHttpBinding" contract="C"><identity>
        <servicePrincipalName value="host/contoso.com" /><dns value="d" /><rsa value="r" /><certificate encodedValue="QUJD" /></identity></endpoint>
      <endpoint name="dns" address="http://h/" binding="basicHttpBinding" contract="C"><identity>
        <dns value="Contoso.com" /><rsa value="r" /><certificate encodedValue="QUJD" /><certificateReference findValue="x" /></identity></endpoint>
      <endpoint name="rsa" address="http://h/" binding="basicHttpBinding" contract="C"><identity>
        <rsa value="&lt;RSAKeyValue&gt;&lt;Modulus&gt;AQAB&lt;/Modulus&gt;&lt;Exponent&gt;AQAB&lt;/Exponent&gt;&lt;/RSAKeyValue&gt;" />
        <certificate encodedValue="QUJD" /></identity></endpoint>
      <endpoint name="cert" address="http://h/" binding="basicHttpBinding" contract="C"><identity>
        <certificate encodedValue="QUJD" /><certificateReference findValue="x" /></identity></endpoint>
      <endpoint name="ref" address="http://h/" binding="basicHttpBinding" contract="C"><identity>
        <certificateReference storeName="TrustedPeople" storeLocation="CurrentUser" x509FindType="FindByThumbprint" findValue="0011" isChainIncluded="true" />
      </identity></endpoint>
      <endpoint name="refdefaults" address="http://h/" binding="basicHttpBinding" contract="C"><identity><certificateReference /></identity></endpoint>
      <endpoint name="emptydns" address="http://h/" binding="basicHttpBinding" contract="C"><identity><dns /></identity></endpoint>
      <endpoint name="none" address="http://h/" binding="basicHttpBinding" contract="C" />
    </client>)");
    auto id = [&](std::string_view name) {
        for (auto const& e : cfg.client)
            if (e.name == name) return config::to_endpoint_identity(e.identity);
        FAIL("no endpoint " << name);
        return std::optional<endpoint_identity>{};
    };
    auto upn = id("upn");
    REQUIRE(upn);
    CHECK(std::get<user_principal_name_identity>(*upn).value == "svc@contoso.com");
    CHECK(std::get<service_principal_name_identity>(*id("spn")).value == "host/contoso.com");
    CHECK(std::get<dns_identity>(*id("dns")).value == "Contoso.com");
    CHECK(std::get<rsa_identity>(*id("rsa")).value == "<RSAKeyValue><Modulus>AQAB</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>");
    CHECK(std::get<certificate_identity>(*id("cert")).encoded_value == "QUJD");
    auto ref = std::get<certificate_reference_identity>(*id("ref"));
    CHECK(ref.name == store_name::trusted_people);
    CHECK(ref.location == store_location::current_user);
    CHECK(ref.find_type == x509_find_type::find_by_thumbprint);
    CHECK(ref.find_value == "0011");
    CHECK(ref.is_chain_included);
    auto defaults = std::get<certificate_reference_identity>(*id("refdefaults"));
    CHECK(defaults.name == store_name::my);
    CHECK(defaults.location == store_location::local_machine);
    CHECK(defaults.find_type == x509_find_type::find_by_subject_distinguished_name);
    CHECK(defaults.find_value.empty());
    CHECK_FALSE(defaults.is_chain_included);
    auto empty_dns = id("emptydns"); // an element present with its default value still counts
    REQUIRE(empty_dns);
    CHECK(std::get<dns_identity>(*empty_dns).value.empty());
    CHECK_FALSE(id("none"));
}

TEST_CASE("behavior lookups: behaviorConfiguration, the unnamed default behavior, and errors", "[credentials][config][lookup]") {
    auto cfg = read(R"(
      <behaviors>
        <serviceBehaviors>
          <behavior><serviceCredentials><serviceCertificate findValue="Default.com" x509FindType="FindBySubjectName" /></serviceCredentials></behavior>
          <behavior name="Named"><serviceCredentials><serviceCertificate findValue="Named.com" x509FindType="FindBySubjectName" /></serviceCredentials></behavior>
        </serviceBehaviors>
        <endpointBehaviors>
          <behavior><clientCredentials><clientCertificate findValue="DefaultClient.com" /></clientCredentials></behavior>
        </endpointBehaviors>
      </behaviors>
      <services>
        <service name="UsesDefault"><endpoint address="" binding="basicHttpBinding" contract="C" /></service>
        <service name="UsesNamed" behaviorConfiguration="Named"><endpoint address="" binding="basicHttpBinding" contract="C" /></service>
      </services>
      <client>
        <endpoint name="A" address="http://h/" binding="basicHttpBinding" contract="C" />
      </client>)");
    auto d = config::service_credentials_for(cfg, "UsesDefault");
    CHECK(d.behavior_name.empty());
    REQUIRE(d.service_certificate);
    CHECK(d.service_certificate->find_value == "Default.com");
    auto n = config::service_credentials_for(cfg, "UsesNamed");
    CHECK(n.behavior_name == "Named");
    CHECK(n.service_certificate->find_value == "Named.com");
    auto a = config::client_credentials_for(cfg, "A");
    CHECK(a.behavior_name.empty());
    REQUIRE(a.client_certificate);
    CHECK(a.client_certificate->find_value == "DefaultClient.com");

    CHECK_THROWS_WITH(config::service_credentials_for(cfg, "Missing"), Catch::Contains("no <service name=\"Missing\">"));
    CHECK_THROWS_WITH(config::client_credentials_for(cfg, "Missing"), Catch::Contains("no <client><endpoint name=\"Missing\">"));

    config::service_config bad;
    bad.name = "Bad";
    bad.behavior_configuration = "Nope";
    CHECK_THROWS_WITH(config::service_credentials_for(cfg, bad),
                      Catch::Contains("<service name=\"Bad\"> names behaviorConfiguration 'Nope'") && Catch::Contains("(unnamed), 'Named'"));
    config::endpoint_config bad_endpoint;
    bad_endpoint.name = "E";
    bad_endpoint.behavior_configuration = "Nope";
    CHECK_THROWS_AS(config::client_credentials_for(cfg, bad_endpoint), credential_resolution_error);

    // no unnamed behavior and no behaviorConfiguration: WCF's defaults, nothing looked up
    auto bare = read(R"(<services><service name="S"><endpoint address="" binding="basicHttpBinding" contract="C" /></service></services>)");
    auto none = config::service_credentials_for(bare, "S");
    CHECK_FALSE(none.service_certificate);
    CHECK(none.client_certificate.authentication.validation_mode == certificate_validation_mode::chain_trust);
}

TEMPLATE_TEST_CASE("end to end: demo PKI -> stores -> configuration -> credentials -> resolve()", "[credentials][config][e2e]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);

    SECTION("seed 001 resolves on both sides") {
        auto cfg = read(seed001);
        auto s = resolve(config::service_credentials_for(cfg, "ServiceModel.Calculator"), stores);
        REQUIRE(s.service_certificate);
        CHECK(f.b.info(s.service_certificate->certificate).subject == "CN=Contoso.com, O=Contoso, C=US");
        CHECK(s.service_certificate->private_key);
        auto c = resolve(config::client_credentials_for(cfg, "WSHttpBinding_ICalculator"), stores);
        REQUIRE(c.client_certificate);
        CHECK(f.b.info(c.client_certificate->certificate).subject == "CN=Cohowinery.com, O=Coho Winery, C=US");
        CHECK(c.client_certificate->private_key);
    }
    SECTION("seed 000: the client's certificate held by the service resolves without a key") {
        auto cfg = read(seed000);
        auto s = config::to_service_credentials(*cfg.find_behavior(config::behavior_kind::service, "DuplexBehavior"));
        s.client_certificate.authentication.custom_validator = [](crypto::certificate_info const&) { return std::optional<std::string>(); };
        // the fixture holds Cohowinery.com in CurrentUser\My, not in TrustedPeople: point the reference there
        s.client_certificate.certificate->name = store_name::my;
        auto r = resolve(s, stores);
        REQUIRE(r.client_certificate);
        CHECK(f.b.info(r.client_certificate->certificate).subject == "CN=Cohowinery.com, O=Coho Winery, C=US");
        CHECK(r.authentication.validation_mode == certificate_validation_mode::peer_or_chain_trust);
    }
    SECTION("a wrong findValue: the error names the behavior and the reference") {
        auto cfg = read(R"(<behaviors><serviceBehaviors><behavior name="Wrong">
            <serviceCredentials><serviceCertificate findValue="Fabrikam.com" x509FindType="FindBySubjectName" /></serviceCredentials>
          </behavior></serviceBehaviors></behaviors>
          <services><service name="S" behaviorConfiguration="Wrong"><endpoint address="" binding="basicHttpBinding" contract="C" /></service></services>)");
        CHECK_THROWS_WITH(resolve(config::service_credentials_for(cfg, "S"), stores),
                          Catch::StartsWith("serviceCredentials of behavior 'Wrong', serviceCertificate (LocalMachine\\My, FindBySubjectName 'Fabrikam.com')") &&
                              Catch::Contains("Cannot find the X.509 certificate"));
    }
    SECTION("the unnamed behavior is named as such; a client reference in the wrong location fails") {
        auto cfg = read(R"(<behaviors><endpointBehaviors><behavior>
            <clientCredentials><serviceCertificate><defaultCertificate findValue="Contoso.com" x509FindType="FindBySubjectName" /></serviceCertificate></clientCredentials>
          </behavior></endpointBehaviors></behaviors>
          <client><endpoint name="A" address="http://h/" binding="basicHttpBinding" contract="C" /></client>)");
        // defaultCertificate defaults to CurrentUser\My, where the fixture has no Contoso.com
        CHECK_THROWS_WITH(resolve(config::client_credentials_for(cfg, "A"), stores),
                          Catch::StartsWith("clientCredentials of the unnamed (default) behavior, serviceCertificate/defaultCertificate "
                                            "(CurrentUser\\My, FindBySubjectName 'Contoso.com')"));
    }
    SECTION("sslCertificateAuthentication, when configured, is what validates SSL/TLS server certificates") {
        auto cfg = read(R"(<behaviors><endpointBehaviors>
            <behavior name="Ssl"><clientCredentials><serviceCertificate>
              <authentication certificateValidationMode="ChainTrust" />
              <sslCertificateAuthentication certificateValidationMode="PeerTrust" revocationMode="NoCheck" />
            </serviceCertificate></clientCredentials></behavior>
            <behavior name="NoSsl"><clientCredentials><serviceCertificate><authentication certificateValidationMode="PeerOrChainTrust" /></serviceCertificate></clientCredentials></behavior>
            <behavior name="SslCustom"><clientCredentials><serviceCertificate>
              <sslCertificateAuthentication certificateValidationMode="Custom" customCertificateValidatorType="Tls.V, Tls" />
            </serviceCertificate></clientCredentials></behavior>
          </endpointBehaviors></behaviors>)");
        auto ssl = resolve(config::to_client_credentials(*cfg.find_behavior(config::behavior_kind::endpoint, "Ssl")), stores);
        CHECK(ssl.authentication.validation_mode == certificate_validation_mode::chain_trust);
        CHECK(ssl.ssl_authentication().validation_mode == certificate_validation_mode::peer_trust);
        CHECK(ssl.ssl_authentication().revocation == revocation_mode::no_check);
        auto no_ssl = resolve(config::to_client_credentials(*cfg.find_behavior(config::behavior_kind::endpoint, "NoSsl")), stores);
        CHECK(no_ssl.ssl_authentication().validation_mode == certificate_validation_mode::peer_or_chain_trust);
        CHECK_THROWS_WITH(resolve(config::to_client_credentials(*cfg.find_behavior(config::behavior_kind::endpoint, "SslCustom")), stores),
                          Catch::Contains("behavior 'SslCustom', serviceCertificate/sslCertificateAuthentication") && Catch::Contains("'Tls.V, Tls'"));
    }
    SECTION("Custom validation configured by type name needs a validator set in code") {
        auto cfg = read(R"(<behaviors><serviceBehaviors><behavior name="V"><serviceCredentials><clientCertificate>
            <authentication certificateValidationMode="Custom" customCertificateValidatorType="Contoso.V, Contoso" />
          </clientCertificate></serviceCredentials></behavior></serviceBehaviors></behaviors>)");
        auto s = config::to_service_credentials(*cfg.find_behavior(config::behavior_kind::service, "V"));
        CHECK_THROWS_WITH(resolve(s, stores), Catch::Contains("behavior 'V', clientCertificate/authentication") && Catch::Contains("'Contoso.V, Contoso'"));
    }
}

TEST_CASE("the identity a client expects: the configured one, else DNS of the address host", "[credentials][config][identity]") {
    auto cfg = read(R"(<client>
      <endpoint name="configured" address="http://machineName/Calculator" binding="wsHttpBinding" contract="C"><identity><dns value="Contoso.com" /></identity></endpoint>
      <endpoint name="host" address="http://Contoso.COM:8080/Calculator?wsdl" binding="wsHttpBinding" contract="C" />
      <endpoint name="userinfo" address="https://user:pw@www.contoso.com/x" binding="wsHttpBinding" contract="C" />
      <endpoint name="ipv6" address="http://[::1]:8000/x" binding="wsHttpBinding" contract="C" />
      <endpoint name="noaddress" binding="wsHttpBinding" contract="C" />
    </client>)");
    auto expected = [&](std::string_view name) -> std::optional<std::string> {
        for (auto const& e : cfg.client)
            if (e.name == name) {
                auto id = config::expected_identity(e);
                if (!id) return std::nullopt;
                return std::get<dns_identity>(*id).value;
            }
        FAIL("no endpoint " << name);
        return std::nullopt;
    };
    CHECK(expected("configured") == "Contoso.com");
    CHECK(expected("host") == "contoso.com");
    CHECK(expected("userinfo") == "www.contoso.com");
    CHECK(expected("ipv6") == "::1");
    CHECK_FALSE(expected("noaddress"));
}
