// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// The credentials model (std only): store locations, WCF's defaults on each side, lookup error
// texts and endpoint identities. Backend-dependent behaviour is tested in tests/crypto.

#include <wsbind/credentials/credentials.hpp>
#include <wsbind/credentials/endpoint_identity.hpp>
#include <wsbind/credentials/errors.hpp>
#include <wsbind/credentials/store_location.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace wsbind;

TEST_CASE("store directories: option, environment variable, defaults", "[credentials][store]") {
    x509_store_options o;
    o.root = "/tmp/r";
    CHECK(store_directory(store_location::local_machine, store_name::my, o) == "/tmp/r/LocalMachine/My");
    CHECK(store_directory(store_location::current_user, store_name::trusted_people, o) == "/tmp/r/CurrentUser/TrustedPeople");
    CHECK(crl_directory(store_location::local_machine, o) == "/tmp/r/LocalMachine/CRL");
    ::setenv("WSBIND_CERT_STORE_ROOT", "/srv/certs", 1);
    CHECK(store_directory(store_location::current_user, store_name::root) == "/srv/certs/CurrentUser/Root");
    CHECK(store_directory(store_location::local_machine, store_name::root, o) == "/tmp/r/LocalMachine/Root"); // the API wins
    ::unsetenv("WSBIND_CERT_STORE_ROOT");
    CHECK(store_directory(store_location::local_machine, store_name::certificate_authority) == "/var/lib/wsbind/certs/LocalMachine/CertificateAuthority");
    ::setenv("XDG_DATA_HOME", "/home/u/.data", 1);
    CHECK(store_directory(store_location::current_user, store_name::my) == "/home/u/.data/wsbind/certs/CurrentUser/My");
    ::unsetenv("XDG_DATA_HOME");
    std::string old_home = std::getenv("HOME") ? std::getenv("HOME") : "";
    ::setenv("HOME", "/home/u", 1);
    CHECK(store_directory(store_location::current_user, store_name::my) == "/home/u/.local/share/wsbind/certs/CurrentUser/My");
    ::setenv("HOME", old_home.c_str(), 1);
}

TEST_CASE("WCF's defaults differ by side", "[credentials][model]") {
    x509_client_certificate_authentication service_side; // serviceCredentials/clientCertificate/authentication
    x509_service_certificate_authentication client_side;  // clientCredentials/serviceCertificate/authentication
    CHECK(service_side.validation_mode == certificate_validation_mode::chain_trust);
    CHECK(service_side.revocation == revocation_mode::online);
    CHECK(service_side.trusted_store_location == store_location::local_machine);
    CHECK(service_side.include_windows_groups);
    CHECK_FALSE(service_side.map_client_certificate_to_windows_account);
    CHECK(client_side.validation_mode == certificate_validation_mode::chain_trust);
    CHECK(client_side.revocation == revocation_mode::online);
    CHECK(client_side.trusted_store_location == store_location::current_user);
    auto s = certificate_reference::service_side();
    auto c = certificate_reference::client_side();
    CHECK(s.location == store_location::local_machine);
    CHECK(c.location == store_location::current_user);
    for (auto const& r : {s, c}) {
        CHECK(r.name == store_name::my);
        CHECK(r.find_type == x509_find_type::find_by_subject_distinguished_name);
        CHECK(r.find_value.empty());
    }
    CHECK(scoped_certificate{}.reference.location == store_location::current_user);
    service_credentials sc;
    CHECK_FALSE(sc.service_certificate);
    CHECK_FALSE(sc.client_certificate.certificate);
    certificate_reference_identity ref;
    CHECK(ref.location == store_location::local_machine);
    CHECK(ref.name == store_name::my);
    CHECK_FALSE(ref.is_chain_included);
}

TEST_CASE("lookup errors read like WCF's and carry their facts", "[credentials][errors]") {
    lookup_details d;
    d.failure = lookup_failure::not_found;
    d.location = store_location::local_machine;
    d.name = store_name::my;
    d.find_type = x509_find_type::find_by_subject_name;
    d.find_value = "Contoso.com";
    d.directory = "/var/lib/wsbind/certs/LocalMachine/My";
    d.store_exists = false;
    auto text = certificate_lookup_error::describe(d);
    CHECK(text == "Cannot find the X.509 certificate using the search criteria StoreName 'My', StoreLocation 'LocalMachine', FindType "
                  "'FindBySubjectName', FindValue 'Contoso.com'. The store directory /var/lib/wsbind/certs/LocalMachine/My does not exist.");
    d.store_exists = true;
    d.store_size = 1;
    d.candidates = {"CN=Fabrikam.com [AB]"};
    d.problems = {{"/x/bad.pem", "not a certificate file: certificate: empty input"}};
    CHECK_THAT(certificate_lookup_error::describe(d), Catch::Contains("holds 1 certificate: CN=Fabrikam.com [AB].") &&
                                                          Catch::Contains("Problems reading the store: bad.pem: not a certificate file"));
    d.failure = lookup_failure::multiple_found;
    d.candidates = {"A [1]", "B [2]"};
    CHECK_THAT(certificate_lookup_error::describe(d), Catch::StartsWith("2 certificates in store LocalMachine\\My"));
    try {
        throw_lookup_error(d);
    } catch (multiple_certificates_found const& e) {
        CHECK(e.details().candidates.size() == 2);
    }
    d.failure = lookup_failure::invalid_find_value;
    d.reason = "FindByThumbprint value 'x': odd number of hexadecimal digits";
    CHECK_THROWS_AS(throw_lookup_error(d), invalid_find_value);
}

TEST_CASE("endpoint identity values", "[credentials][identity]") {
    auto id = default_identity_for_host("Contoso.com");
    REQUIRE(std::holds_alternative<dns_identity>(id));
    CHECK(std::get<dns_identity>(id).value == "Contoso.com");
}
