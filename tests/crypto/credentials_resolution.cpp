// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// serviceCredentials / clientCredentials resolved against the stores when a host or client opens,
// including the seeds' scenario (Message security with a certificate client).

#include <wsbind/crypto/certificate_validation.hpp>
#include <wsbind/crypto/credentials_resolution.hpp>
#include <wsbind/crypto/identity_check.hpp>

#include "support/backends.hpp"
#include "support/store_fixture.hpp"

#include <catch2/catch.hpp>

using namespace wsbind;

TEMPLATE_TEST_CASE("seed 001: the service's and the client's certificates resolve, and the identity checks", "[credentials][seeds]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    // <serviceCertificate findValue="Contoso.com" x509FindType="FindBySubjectName"/> (storeLocation defaults to LocalMachine)
    service_credentials service;
    service.behavior_name = "ServiceCredentialsBehavior";
    service.service_certificate = certificate_reference::service_side("Contoso.com", x509_find_type::find_by_subject_name);
    auto s = resolve(service, stores);
    REQUIRE(s.service_certificate);
    CHECK(f.b.info(s.service_certificate->certificate).subject == "CN=Contoso.com, O=Contoso, C=US");
    CHECK(s.service_certificate->private_key);
    // <clientCertificate findValue="Cohowinery.com" storeLocation="LocalMachine" x509FindType="FindBySubjectName"/>
    client_credentials client;
    client.behavior_name = "endpointCredentialsBehavior";
    client.client_certificate = certificate_reference::client_side("Cohowinery.com", x509_find_type::find_by_subject_name);
    client.client_certificate->location = store_location::local_machine;
    auto c = resolve(client, stores);
    REQUIRE(c.client_certificate);
    CHECK(c.client_certificate->private_key);
    // the service validates the client (defaults: ChainTrust, Online -> give it the CRLs locally via Offline here)
    s.authentication.revocation = revocation_mode::offline;
    x509_certificate_validator<TestType> service_side(stores, s.authentication);
    CHECK(service_side.validate(c.client_certificate->certificate).valid);
    // the client checks <identity><dns value="Contoso.com"/></identity> and validates the service certificate
    CHECK(check_identity(f.b, dns_identity{"Contoso.com"}, s.service_certificate->certificate).ok);
    c.authentication.revocation = revocation_mode::offline;
    x509_certificate_validator<TestType> client_side(stores, c.authentication);
    CHECK(client_side.validate(s.service_certificate->certificate).valid);
}

TEMPLATE_TEST_CASE("resolution errors name the behavior and the reference", "[credentials][errors]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    service_credentials service;
    service.behavior_name = "B1";
    service.service_certificate = certificate_reference::service_side("Fabrikam.com", x509_find_type::find_by_subject_name);
    try {
        (void)resolve(service, stores);
        FAIL("expected credential_resolution_error");
    } catch (credential_resolution_error const& e) {
        CHECK_THAT(std::string(e.what()), Catch::StartsWith("serviceCredentials of behavior 'B1', serviceCertificate (LocalMachine\\My, FindBySubjectName 'Fabrikam.com')") &&
                                              Catch::Contains("Cannot find the X.509 certificate"));
    }
    SECTION("the default reference (FindBySubjectDistinguishedName '') finds nothing") {
        service.service_certificate = certificate_reference::service_side();
        CHECK_THROWS_WITH(resolve(service, stores), Catch::Contains("FindBySubjectDistinguishedName ''"));
    }
    SECTION("a service certificate without its private key") {
        service.service_certificate = certificate_reference{"CN=wsbind Demo Root CA, O=wsbind demo, C=US", store_location::local_machine,
                                                            store_name::root, x509_find_type::find_by_subject_distinguished_name};
        CHECK_THROWS_WITH(resolve(service, stores), Catch::Contains("has no usable private key"));
    }
    SECTION("duplex: clientCertificate/certificate needs no key") {
        service.service_certificate.reset();
        service.client_certificate.certificate = certificate_reference::service_side("Cohowinery.com", x509_find_type::find_by_subject_name);
        service.client_certificate.certificate->name = store_name::address_book;
        auto r = resolve(service, stores);
        CHECK(r.client_certificate);
    }
    SECTION("Custom validation without a validator") {
        service.service_certificate.reset();
        service.client_certificate.authentication.validation_mode = certificate_validation_mode::custom;
        service.client_certificate.authentication.custom_certificate_validator_type = "MyValidator, MyAssembly";
        CHECK_THROWS_WITH(resolve(service, stores), Catch::Contains("clientCertificate/authentication") && Catch::Contains("MyValidator, MyAssembly"));
    }
    client_credentials client;
    client.behavior_name = "C1";
    client.service_certificate.default_certificate = certificate_reference::client_side("Contoso", x509_find_type::find_by_subject_name);
    CHECK_THROWS_WITH(resolve(client, stores), Catch::Contains("clientCredentials of behavior 'C1', serviceCertificate/defaultCertificate (CurrentUser\\My"));
    client.service_certificate.default_certificate.reset();
    client.service_certificate.scoped_certificates.push_back({"http://contoso.com/svc", certificate_reference{"contoso", store_location::local_machine,
                                                                                                              store_name::address_book, x509_find_type::find_by_subject_name}});
    CHECK_THROWS_WITH(resolve(client, stores), Catch::Contains("targetUri 'http://contoso.com/svc'") && Catch::Contains("7 certificates"));
}

TEMPLATE_TEST_CASE("scoped service certificates take precedence over the default one", "[credentials]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    client_credentials client;
    client.service_certificate.default_certificate = certificate_reference{"Cohowinery.com", store_location::local_machine, store_name::my,
                                                                           x509_find_type::find_by_subject_name};
    client.service_certificate.scoped_certificates.push_back({"http://contoso.com/svc", certificate_reference{"Contoso.com", store_location::local_machine,
                                                                                                              store_name::my, x509_find_type::find_by_subject_name}});
    auto r = resolve(client, stores);
    CHECK(f.b.info(r.service_certificate_for("http://contoso.com/svc")->certificate).common_name == "Contoso.com");
    CHECK(f.b.info(r.service_certificate_for("http://other/")->certificate).common_name == "Cohowinery.com");
}
