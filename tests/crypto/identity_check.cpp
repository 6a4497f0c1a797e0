// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/crypto/identity_check.hpp>

#include "support/backends.hpp"
#include "support/store_fixture.hpp"

#include <catch2/catch.hpp>

using namespace wsbind;

TEMPLATE_TEST_CASE("dns identity: subjectAltName DNS names, else the CN; case-insensitive", "[credentials][identity]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f(false);
    auto const& contoso = f.cert("contoso");
    CHECK(check_identity(f.b, dns_identity{"Contoso.com"}, contoso).ok); // the seed's <dns value="Contoso.com"/>
    CHECK(check_identity(f.b, dns_identity{"WWW.CONTOSO.COM"}, contoso).ok);
    auto bad = check_identity(f.b, dns_identity{"fabrikam.com"}, contoso);
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.message, Catch::Contains("DNS identity 'fabrikam.com'") && Catch::Contains("Contoso.com, www.contoso.com"));
    CHECK(check_identity(f.b, dns_identity{"Expired.contoso.com"}, f.cert("expired")).ok); // no SAN: the CN
    CHECK(dns_claims(f.info("expired")) == std::vector<std::string>{"Expired.contoso.com"});
    CHECK_THROWS_AS(check_identity_or_throw(f.b, dns_identity{"x"}, contoso), identity_check_error);
    auto host = default_identity_for_host("Contoso.com");
    CHECK(check_identity(f.b, host, contoso).ok);
}

TEMPLATE_TEST_CASE("certificate, certificateReference and rsa identities", "[credentials][identity]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    auto const& contoso = f.cert("contoso");
    auto const& info = f.info("contoso");
    certificate_identity id{crypto::base64_encode(info.der)};
    REQUIRE(decode_certificate_identity(id));
    CHECK(check_identity(f.b, id, contoso).ok);
    CHECK_FALSE(check_identity(f.b, id, f.cert("cohowinery")).ok);
    auto bad64 = decode_certificate_identity(certificate_identity{"not base64!"});
    REQUIRE_FALSE(bad64);
    CHECK(bad64.err().code == crypto::errc::malformed_input);
    auto bad = check_identity(f.b, certificate_identity{"not base64!"}, contoso);
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.message, Catch::Contains("unable to load the certificate identity"));
    auto garbage = check_identity(f.b, certificate_identity{crypto::base64_encode(crypto::bytes{1, 2, 3})}, contoso);
    CHECK_FALSE(garbage.ok);
    CHECK_THAT(garbage.message, Catch::Contains("could not be loaded"));

    x509_stores<TestType> stores(f.b, f.options);
    certificate_reference_identity ref{store_name::my, store_location::local_machine, x509_find_type::find_by_subject_name, "Contoso.com", false};
    CHECK(check_identity(f.b, ref, contoso, &stores).ok);
    certificate_reference_identity first{store_name::address_book, store_location::local_machine, x509_find_type::find_by_subject_name, "contoso", false};
    auto r = check_identity(f.b, first, contoso, &stores); // several match: the first is used, no uniqueness check
    INFO(r.message);
    certificate_reference_identity none{store_name::my, store_location::local_machine, x509_find_type::find_by_subject_name, "Fabrikam", false};
    auto n = check_identity(f.b, none, contoso, &stores);
    CHECK_FALSE(n.ok);
    CHECK_THAT(n.message, Catch::Contains("cannot be loaded"));
    CHECK_FALSE(check_identity(f.b, ref, contoso, nullptr).ok);

    rsa_identity rsa{"<RSAKeyValue><Modulus>" + crypto::base64_encode(info.rsa_modulus) + "</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>"};
    REQUIRE(decode_rsa_identity(rsa));
    CHECK(check_identity(f.b, rsa, contoso).ok);
    CHECK_FALSE(check_identity(f.b, rsa, f.cert("cohowinery")).ok);
    CHECK_FALSE(decode_rsa_identity(rsa_identity{"<RSAKeyValue><Modulus>AQAB</Modulus></RSAKeyValue>"}));
    CHECK_FALSE(decode_rsa_identity(rsa_identity{"<Modulus>AQAB</Modulus>"}));
    CHECK_THAT(check_identity(f.b, rsa_identity{"<RSAKeyValue/>"}, contoso).message, Catch::Contains("<Modulus>"));

    auto upn = check_identity(f.b, user_principal_name_identity{"svc@contoso.com"}, contoso);
    CHECK_FALSE(upn.ok);
    CHECK_THAT(upn.message, Catch::Contains("Windows"));
}
