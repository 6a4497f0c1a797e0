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

namespace {
/// A degenerate PKCS#7 SignedData ("certs-only", as `.p7b` files and WCF's encodedValue use) built
/// with the DER writer.
crypto::bytes p7b(std::vector<crypto::bytes> const& certs) {
    namespace d = crypto::der;
    crypto::bytes set;
    for (auto const& c : certs) set.insert(set.end(), c.begin(), c.end());
    auto signed_data = d::sequence(d::integer(1), d::make(d::tag::set, {}), d::sequence(d::oid("1.2.840.113549.1.7.1")),
                                   d::make(d::tag::context(0), set), d::make(d::tag::set, {}));
    return d::sequence(d::oid("1.2.840.113549.1.7.2"), d::make(d::tag::context(0), signed_data));
}
} // namespace

TEMPLATE_TEST_CASE("certificate identity given as a PKCS#7 collection: the first certificate is the identity", "[credentials][identity][pkcs7]",
                   WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f(false);
    auto const& contoso = f.cert("contoso");
    auto const& c_der = f.info("contoso").der;
    auto const& i_der = f.info("intermediate-ca").der;
    crypto::bytes const leaf(c_der.begin(), c_der.end()), issuer(i_der.begin(), i_der.end());

    certificate_identity chain{crypto::base64_encode(p7b({leaf, issuer}))};
    auto all = decode_certificate_identity_collection(chain);
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    CHECK(all->at(0) == leaf);
    CHECK(all->at(1) == issuer);
    CHECK(*decode_certificate_identity(chain) == leaf);
    CHECK(check_identity(f.b, chain, contoso).ok);
    CHECK_FALSE(check_identity(f.b, chain, f.cert("cohowinery")).ok);
    // the supporting certificate is not the identity
    certificate_identity reversed{crypto::base64_encode(p7b({issuer, leaf}))};
    auto r = check_identity(f.b, reversed, contoso);
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.message, Catch::Contains("wsbind Demo Issuing CA"));
    // a single DER certificate is still a collection of one
    auto single = decode_certificate_identity_collection(certificate_identity{crypto::base64_encode(leaf)});
    REQUIRE(single);
    CHECK(single->size() == 1);

    SECTION("what the openssl command line writes (crl2pkcs7 -nocrl) is read the same way") {
        if (test::openssl_cli().empty()) return;
        auto const dir = test::demo<TestType>().dir->path();
        test::temp_dir out("wsbind-p7b");
        auto p = out.path() / "contoso.p7b";
        auto cmd = test::run(test::openssl_cli() + " crl2pkcs7 -nocrl -certfile " + (dir / "contoso.pem").string() + " -outform DER -out " + p.string());
        INFO(cmd.output);
        REQUIRE(cmd.status == 0);
        auto der = test::read_file(p);
        certificate_identity from_cli{crypto::base64_encode(der)};
        CHECK(*decode_certificate_identity(from_cli) == leaf);
        CHECK(check_identity(f.b, from_cli, contoso).ok);
    }
    SECTION("bad collections are precise errors") {
        auto err = [](crypto::bytes const& der) {
            auto e = decode_certificate_identity_collection(certificate_identity{crypto::base64_encode(der)});
            REQUIRE_FALSE(e);
            CHECK(e.err().code == crypto::errc::malformed_input);
            return e.err().message;
        };
        CHECK_THAT(err(p7b({})), Catch::Contains("without certificates"));
        namespace d = crypto::der;
        CHECK_THAT(err(d::sequence(d::oid("1.2.840.113549.1.7.1"), d::make(d::tag::context(0), d::octet_string({})))), Catch::Contains("not signedData"));
        auto truncated = p7b({leaf});
        truncated.resize(truncated.size() / 2);
        // a truncated outer SEQUENCE is not recognised as PKCS#7; loading it as a certificate fails
        auto t = check_identity(f.b, certificate_identity{crypto::base64_encode(truncated)}, contoso);
        CHECK_FALSE(t.ok);
        auto bad_set = p7b({leaf});
        bad_set.push_back(0); // trailing garbage after the ContentInfo
        CHECK_THAT(err(bad_set), Catch::Contains("not DER"));
    }
}
