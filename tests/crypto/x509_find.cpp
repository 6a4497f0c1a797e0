// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Every X509FindType, as WCF applies it to a store: which field, exact or substring, case, hex forms.

#include <wsbind/crypto/x509_find.hpp>
#include <wsbind/crypto/x509_store.hpp>

#include "support/backends.hpp"
#include "support/store_fixture.hpp"

#include <catch2/catch.hpp>

using namespace wsbind;

TEST_CASE("hex find values: trimmed, optional 0x, contiguous or spaced pairs; anything else is named", "[credentials][find]") {
    using detail::find::decode_hex;
    CHECK(*decode_hex("0A1b") == crypto::bytes{0x0A, 0x1B});
    CHECK(*decode_hex("  0x0a1B \t") == crypto::bytes{0x0A, 0x1B});
    CHECK(*decode_hex("0a 1b 2c") == crypto::bytes{0x0A, 0x1B, 0x2C});
    auto lrm = decode_hex("\xE2\x80\x8E" "0a1b");
    REQUIRE_FALSE(lrm);
    CHECK_THAT(lrm.err().message, Catch::Contains("U+200E") && Catch::Contains("position 1"));
    auto odd = decode_hex("0a1");
    REQUIRE_FALSE(odd);
    CHECK_THAT(odd.err().message, Catch::Contains("odd number"));
    auto double_space = decode_hex("0a  1b");
    REQUIRE_FALSE(double_space);
    CHECK_THAT(double_space.err().message, Catch::Contains("position"));
    auto mixed = decode_hex("0a1b 2c");
    REQUIRE_FALSE(mixed);
    auto g = decode_hex("0g");
    REQUIRE_FALSE(g);
    CHECK_THAT(g.err().message, Catch::Contains("'g'"));
    CHECK_FALSE(decode_hex(""));
    CHECK_FALSE(decode_hex("0x"));
}

TEST_CASE("find values are parsed per find type with precise errors", "[credentials][find]") {
    auto thumb = parse_find_value(x509_find_type::find_by_thumbprint, std::string("0a1b"));
    REQUIRE_FALSE(thumb);
    CHECK_THAT(thumb.err().message, Catch::StartsWith("FindByThumbprint value '0a1b'") && Catch::Contains("20 bytes"));
    auto time = parse_find_value(x509_find_type::find_by_time_valid, std::string("2024-01-01"));
    REQUIRE_FALSE(time);
    CHECK_THAT(time.err().message, Catch::Contains("date/time value"));
    CHECK(parse_find_value(x509_find_type::find_by_time_expired, std::chrono::sys_seconds{}));
    CHECK_FALSE(parse_find_value(x509_find_type::find_by_subject_name, std::chrono::sys_seconds{}));
    auto ku = parse_find_value(x509_find_type::find_by_key_usage, std::string("digitalsignature, KeyEncipherment"));
    REQUIRE(ku);
    CHECK(ku->key_usage == (crypto::key_usage::digital_signature | crypto::key_usage::key_encipherment));
    auto bad_ku = parse_find_value(x509_find_type::find_by_key_usage, std::string("Signing"));
    REQUIRE_FALSE(bad_ku);
    CHECK_THAT(bad_ku.err().message, Catch::Contains("DigitalSignature") && Catch::Contains("KeyCertSign"));
    CHECK(parse_find_value(x509_find_type::find_by_application_policy, std::string("client authentication"))->oid == "1.3.6.1.5.5.7.3.2");
    CHECK_FALSE(parse_find_value(x509_find_type::find_by_extension, std::string("no such extension")));
}

TEMPLATE_TEST_CASE("every find type against a store of the demo PKI", "[credentials][find]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_store<TestType> store(f.b, store_location::local_machine, store_name::address_book, f.options);
    REQUIRE(store.problems().empty());
    REQUIRE(store.size() == f.pki.entries.size());
    auto names = [&](x509_find_type t, x509_find_value const& v) {
        std::vector<std::string> out;
        for (auto const* e : store.find(t, v)) out.push_back(*e->info->common_name);
        std::sort(out.begin(), out.end());
        return out;
    };
    using V = std::vector<std::string>;
    auto const& contoso = f.info("contoso");

    SECTION("FindByThumbprint: exact, any hex form") {
        CHECK(names(x509_find_type::find_by_thumbprint, contoso.thumbprint_hex) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_thumbprint, crypto::to_hex(contoso.thumbprint, false)) == V{"Contoso.com"});
        std::string spaced;
        for (std::size_t i = 0; i < contoso.thumbprint_hex.size(); i += 2) spaced += (i ? " " : "") + contoso.thumbprint_hex.substr(i, 2);
        CHECK(names(x509_find_type::find_by_thumbprint, spaced) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_thumbprint, std::string(40, '0')).empty());
        CHECK_THROWS_AS(store.find(x509_find_type::find_by_thumbprint, "\xE2\x80\x8E" + contoso.thumbprint_hex), invalid_find_value);
    }
    SECTION("FindBySubjectName: substring of the values, case-insensitive") {
        CHECK(names(x509_find_type::find_by_subject_name, std::string("cohowinery")) == V{"Cohowinery.com"});
        CHECK(names(x509_find_type::find_by_subject_name, std::string("Contoso.com")) ==
              V{"Contoso.com", "Expired.contoso.com", "NotYetValid.contoso.com", "Revoked.contoso.com", "SelfSigned.contoso.com",
                "UnknownIssuer.contoso.com", "WrongUsage.contoso.com"});
        CHECK(names(x509_find_type::find_by_subject_name, std::string("CN=Cohowinery.com")).empty()); // attribute names are not part of it
        CHECK(names(x509_find_type::find_by_subject_name, std::string("Coho Winery, Cohowinery")) == V{"Cohowinery.com"});
    }
    SECTION("FindBySubjectDistinguishedName: the whole .NET string, case-insensitive") {
        CHECK(names(x509_find_type::find_by_subject_distinguished_name, std::string("CN=Contoso.com, O=Contoso, C=US")) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_subject_distinguished_name, std::string("cn=contoso.com, o=contoso, c=us")) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_subject_distinguished_name, std::string("CN=Contoso.com,O=Contoso,C=US")).empty());
        CHECK(names(x509_find_type::find_by_subject_distinguished_name, std::string("CN=Contoso.com")).empty());
    }
    SECTION("FindByIssuerName / FindByIssuerDistinguishedName") {
        CHECK(names(x509_find_type::find_by_issuer_name, std::string("unknown root")) == V{"UnknownIssuer.contoso.com"});
        CHECK(names(x509_find_type::find_by_issuer_name, std::string("No-CertSign")) == V{"WrongUsage.contoso.com"});
        CHECK(names(x509_find_type::find_by_issuer_distinguished_name, std::string("CN=wsbind Demo Root CA, O=wsbind demo, C=US")) ==
              V{"wsbind Demo Issuing CA", "wsbind Demo No-CertSign CA", "wsbind Demo Root CA"});
    }
    SECTION("FindBySerialNumber: hex, exact including length") {
        CHECK(names(x509_find_type::find_by_serial_number, contoso.serial_number) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_serial_number, "00" + contoso.serial_number).empty());
        CHECK(names(x509_find_type::find_by_serial_number, crypto::to_hex(contoso.serial, false)) == V{"Contoso.com"});
    }
    SECTION("FindBySubjectKeyIdentifier: the key identifier or the extension's encoded value") {
        CHECK(names(x509_find_type::find_by_subject_key_identifier, crypto::to_hex(*contoso.subject_key_identifier)) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_subject_key_identifier, crypto::to_hex(*contoso.subject_key_identifier_raw)) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_subject_key_identifier, std::string("0102030405")).empty());
    }
    SECTION("time find types need a time") {
        auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        CHECK(names(x509_find_type::find_by_time_expired, now) == V{"Expired.contoso.com"});
        CHECK(names(x509_find_type::find_by_time_not_yet_valid, now) == V{"NotYetValid.contoso.com"});
        CHECK(names(x509_find_type::find_by_time_valid, now).size() == f.pki.entries.size() - 2);
        CHECK_THROWS_AS(store.find(x509_find_type::find_by_time_valid, std::string("now")), invalid_find_value);
    }
    SECTION("FindByTemplateName: V1 name (case-insensitive) or V2 OID") {
        CHECK(names(x509_find_type::find_by_template_name, std::string("wcfservice")) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_template_name, std::string("1.3.6.1.4.1.311.21.8.1000.2")) == V{"Cohowinery.com"});
        CHECK(names(x509_find_type::find_by_template_name, std::string("WebServer")).empty());
    }
    SECTION("FindByApplicationPolicy: EKU present, or no EKU at all") {
        auto server = names(x509_find_type::find_by_application_policy, std::string("Server Authentication"));
        CHECK(std::find(server.begin(), server.end(), "Contoso.com") != server.end());
        CHECK(std::find(server.begin(), server.end(), "Cohowinery.com") == server.end()); // EKU without serverAuth
        CHECK(std::find(server.begin(), server.end(), "Expired.contoso.com") != server.end()); // no EKU: valid for all
        auto client = names(x509_find_type::find_by_application_policy, std::string("1.3.6.1.5.5.7.3.2"));
        CHECK(std::find(client.begin(), client.end(), "Cohowinery.com") != client.end());
    }
    SECTION("FindByCertificatePolicy and FindByExtension") {
        CHECK(names(x509_find_type::find_by_certificate_policy, std::string("1.3.6.1.4.1.311.21.8.1000.1")) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_certificate_policy, std::string("2.5.29.32.0")).empty());
        CHECK(names(x509_find_type::find_by_extension, std::string("Certificate Template Name")) == V{"Contoso.com"});
        CHECK(names(x509_find_type::find_by_extension, std::string("2.5.29.17")) == V{"Cohowinery.com", "Contoso.com"});
    }
    SECTION("FindByKeyUsage: every requested bit") {
        CHECK(names(x509_find_type::find_by_key_usage, std::string("KeyCertSign")) ==
              V{"SelfSigned.contoso.com", "wsbind Demo Issuing CA", "wsbind Demo Root CA"});
        CHECK(names(x509_find_type::find_by_key_usage, std::string("KeyCertSign, DataEncipherment")).empty());
        CHECK(names(x509_find_type::find_by_key_usage, std::string("DataEncipherment")).size() == 7);
    }
}
