// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Certificate, key, PKCS#12 and CRL loading on every backend: the fields WCF uses, and precise
// errors for every kind of bad input.

#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_builder.hpp>

#include "support/backends.hpp"
#include "support/files.hpp"
#include "support/pki.hpp"

#include <catch2/catch.hpp>

#include <cctype>

using namespace wsbind;
using namespace wsbind::crypto;
using wsbind::test::read_file;
using wsbind::test::run;
using wsbind::test::write_file;

namespace {

/// Materials made by the openssl command line (an independent producer), once per binary.
struct cli_materials {
    wsbind::test::temp_dir dir{"wsbind-cli"};
    bool ok = false;
    std::string log;
    cli_materials() {
        auto cli = wsbind::test::openssl_cli();
        if (cli.empty()) return;
        auto d = dir.path().string();
        std::string script =
            "set -e; cd '" + d + "'; O='" + cli + "';"
            "$O req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -days 30 -subj '/C=US/O=Contoso/CN=Contoso Root' -addext keyUsage=critical,keyCertSign,cRLSign;"
            "$O req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj '/C=US/O=Contoso, Ltd/CN=Contoso.com';"
            "printf 'subjectAltName=DNS:contoso.com\\nextendedKeyUsage=serverAuth\\n' > ext.cnf;"
            "$O x509 -req -in leaf.csr -CA root.pem -CAkey root.key -set_serial 0x80ff -out leaf.pem -days 10 -extfile ext.cnf;"
            "$O x509 -in leaf.pem -outform DER -out leaf.der;"
            "$O pkcs12 -export -in leaf.pem -inkey leaf.key -certfile root.pem -out modern.pfx -passout pass:secret;"
            "$O pkcs12 -export -legacy -in leaf.pem -inkey leaf.key -certfile root.pem -out legacy.pfx -passout pass:secret;"
            "$O pkcs12 -export -in leaf.pem -inkey leaf.key -out tdes.pfx -passout pass:secret -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1;"
            "$O pkcs12 -export -in leaf.pem -inkey leaf.key -out nomac.pfx -passout pass:secret -nomac;"
            "$O pkcs12 -export -in leaf.pem -inkey leaf.key -out empty.pfx -passout pass:;"
            "$O pkcs12 -export -in leaf.pem -nokeys -out certonly.pfx -passout pass:secret;"
            "$O pkcs8 -topk8 -in leaf.key -out leaf.enc.key -v2 aes-256-cbc -passout pass:secret;"
            "$O pkcs8 -topk8 -in leaf.key -outform DER -nocrypt -out leaf.key.der;"
            "$O rsa -in leaf.key -traditional -out leaf.rsa.key;"
            "$O rsa -in leaf.key -traditional -outform DER -out leaf.rsa.der;"
            "$O genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key;"
            "$O pkcs12 -export -in leaf.pem -inkey leaf.key -out slow.pfx -passout pass:secret -iter 700000 -nomac;"
            "$O pkcs8 -topk8 -in leaf.key -out slow.key -v2 aes-256-cbc -iter 700000 -passout pass:secret;"
            "$O x509 -in leaf.pem -fingerprint -sha1 -noout > leaf.fingerprint;";
        wsbind::test::write_file(dir / "make.sh", script);
        auto r = run("sh '" + (dir / "make.sh").string() + "'");
        log = r.output;
        ok = r.status == 0;
    }
    std::filesystem::path operator/(std::string_view f) const { return dir / f; }
};

cli_materials const& cli() {
    static cli_materials const m;
    return m;
}

#define REQUIRE_CLI()                                                                         \
    do {                                                                                      \
        if (wsbind::test::openssl_cli().empty()) { WARN("openssl CLI not found; skipped"); return; } \
        INFO(cli().log);                                                                      \
        REQUIRE(cli().ok);                                                                    \
    } while (0)

} // namespace

TEMPLATE_TEST_CASE("demo PKI certificates carry the fields WCF looks at", "[crypto][x509]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto const& pki = wsbind::test::demo<TestType>().pki;
    auto const& root = b.info(pki.get("root-ca").certificate);
    auto const& inter = b.info(pki.get("intermediate-ca").certificate);
    auto const& contoso = b.info(pki.get("contoso").certificate);
    auto const& coho = b.info(pki.get("cohowinery").certificate);
    CHECK(root.subject == "CN=wsbind Demo Root CA, O=wsbind demo, C=US");
    CHECK(root.self_issued());
    CHECK(root.is_ca);
    CHECK(inter.path_length == 0);
    CHECK(inter.issuer == root.subject);
    CHECK(contoso.subject == "CN=Contoso.com, O=Contoso, C=US");
    CHECK(contoso.issuer == "CN=wsbind Demo Issuing CA, O=wsbind demo, C=US");
    CHECK(contoso.subject_simple_names == "US, Contoso, Contoso.com");
    CHECK(contoso.common_name == "Contoso.com");
    CHECK(contoso.version == 3);
    CHECK(contoso.dns_names == std::vector<std::string>{"Contoso.com", "www.contoso.com"});
    REQUIRE(contoso.extended_key_usage);
    CHECK(*contoso.extended_key_usage == std::vector<std::string>{"1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"});
    CHECK(contoso.key_usage == (key_usage::digital_signature | key_usage::key_encipherment | key_usage::data_encipherment));
    CHECK(root.key_usage == (key_usage::key_cert_sign | key_usage::crl_sign));
    CHECK(contoso.template_name == "WcfService");
    CHECK(coho.template_oid == "1.3.6.1.4.1.311.21.8.1000.2");
    CHECK(contoso.certificate_policies == std::vector<std::string>{"1.3.6.1.4.1.311.21.8.1000.1"});
    CHECK(contoso.crl_distribution_points == std::vector<std::string>{"http://pki.wsbind.invalid/crl/intermediate.crl"});
    REQUIRE(contoso.subject_key_identifier);
    REQUIRE(contoso.authority_key_identifier);
    CHECK(*contoso.authority_key_identifier == *inter.subject_key_identifier);
    CHECK(contoso.subject_key_identifier_raw->size() == contoso.subject_key_identifier->size() + 2);
    CHECK(contoso.serial_number.size() == 4);
    CHECK(contoso.thumbprint.size() == 20);
    CHECK(contoso.thumbprint_hex == to_hex(contoso.thumbprint));
    CHECK(contoso.rsa_bits() == 2048);
    CHECK(contoso.rsa_exponent == bytes{0x01, 0x00, 0x01});
    CHECK(contoso.not_after - contoso.not_before == std::chrono::hours(24 * 366));
    CHECK(contoso.warnings.empty());
    CHECK_FALSE(coho.extended_key_usage->empty());
    CHECK(b.key_matches(pki.get("contoso").key, pki.get("contoso").certificate));
    CHECK_FALSE(b.key_matches(pki.get("cohowinery").key, pki.get("contoso").certificate));
}

TEMPLATE_TEST_CASE("fields agree with the openssl command line", "[crypto][x509]", WSBIND_TEST_BACKENDS) {
    REQUIRE_CLI();
    TestType b;
    auto cert = b.load_certificate(read_file(cli() / "leaf.pem"));
    REQUIRE(cert);
    auto const& i = b.info(*cert);
    auto fp = crypto::to_string(read_file(cli() / "leaf.fingerprint"));
    std::string hex;
    for (char c : fp.substr(fp.find('=') + 1))
        if (std::isxdigit(static_cast<unsigned char>(c))) hex += c;
    CHECK(i.thumbprint_hex == hex);
    CHECK(i.subject == "CN=Contoso.com, O=\"Contoso, Ltd\", C=US");
    CHECK(i.serial_number == "0080FF"); // .NET keeps the sign byte: SerialNumber is the INTEGER's octets
    auto der = b.load_certificate(read_file(cli() / "leaf.der"));
    REQUIRE(der);
    CHECK(b.info(*der).der == i.der);
}

TEMPLATE_TEST_CASE("certificate loading: PEM, DER, bundles", "[crypto][x509]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto const& pki = wsbind::test::demo<TestType>().pki;
    auto const& c1 = b.info(pki.get("contoso").certificate);
    auto const& c2 = b.info(pki.get("root-ca").certificate);
    std::string bundle = pem_encode("CERTIFICATE", c1.der) + "junk between blocks\n" +
                         "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" + pem_encode("CERTIFICATE", c2.der);
    auto all = b.load_certificates(as_bytes(bundle));
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    CHECK(b.info((*all)[1]).thumbprint == c2.thumbprint);
    auto der = b.load_certificate(c1.der);
    REQUIRE(der);
    CHECK(b.info(*der).thumbprint == c1.thumbprint);
}

TEMPLATE_TEST_CASE("corrupt, truncated and foreign certificate input gives precise errors", "[crypto][x509][errors]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto const& der = b.info(wsbind::test::demo<TestType>().pki.get("contoso").certificate).der;
    std::string pem = pem_encode("CERTIFICATE", der);
    auto expect_malformed = [&](crypto::byte_view input, std::string_view why) {
        INFO(why);
        auto r = b.load_certificate(input);
        REQUIRE_FALSE(r);
        CHECK(r.err().code == errc::malformed_input);
        CHECK_THAT(r.err().message, Catch::StartsWith("certificate"));
    };
    expect_malformed(bytes{}, "empty");
    expect_malformed(as_bytes("hello world"), "text");
    expect_malformed(byte_view(der).first(der.size() / 2), "truncated DER");
    bytes trailing = der;
    trailing.push_back(0);
    expect_malformed(trailing, "trailing byte after DER");
    std::string cut = pem.substr(0, pem.size() / 2);
    expect_malformed(as_bytes(cut), "PEM cut in the middle");
    std::string bad_b64 = pem;
    bad_b64[40] = '*';
    expect_malformed(as_bytes(bad_b64), "PEM with a non-Base64 character");
    std::string second_bad = pem + pem.substr(0, pem.size() - 40);
    auto r = b.load_certificates(as_bytes(second_bad));
    REQUIRE_FALSE(r);
    CHECK(r.err().code == errc::malformed_input);
    bytes flipped = der;
    flipped[4] ^= 0xFF; // break the TBS length
    expect_malformed(flipped, "corrupted length");
    // and the backend still works afterwards
    CHECK(b.load_certificate(der));
}

TEMPLATE_TEST_CASE("private keys: PKCS#8, encrypted PKCS#8, PKCS#1; PEM and DER", "[crypto][keys]", WSBIND_TEST_BACKENDS) {
    REQUIRE_CLI();
    TestType b;
    auto cert = b.load_certificate(read_file(cli() / "leaf.pem"));
    REQUIRE(cert);
    for (auto [file, pw] : std::vector<std::pair<char const*, char const*>>{
             {"leaf.key", ""}, {"leaf.enc.key", "secret"}, {"leaf.rsa.key", ""}, {"leaf.rsa.der", ""}, {"leaf.key.der", ""}}) {
        INFO(file);
        auto k = b.load_private_key(read_file(cli() / file), pw);
        REQUIRE(k);
        CHECK(b.key_matches(*k, *cert));
    }
    SECTION("wrong or missing password") {
        auto wrong = b.load_private_key(read_file(cli() / "leaf.enc.key"), "nope");
        REQUIRE_FALSE(wrong);
        CHECK(wrong.err().code == errc::bad_password);
        auto none = b.load_private_key(read_file(cli() / "leaf.enc.key"), "");
        REQUIRE_FALSE(none);
        CHECK(none.err().code == errc::bad_password);
        CHECK_THAT(none.err().message, Catch::Contains("no password"));
    }
    SECTION("not RSA") {
        auto ec = b.load_private_key(read_file(cli() / "ec.key"), "");
        REQUIRE_FALSE(ec);
        CHECK(ec.err().code == errc::unsupported);
        CHECK_THAT(ec.err().message, Catch::Contains("only RSA"));
    }
    SECTION("corrupt and truncated") {
        auto pem = crypto::to_string(read_file(cli() / "leaf.key"));
        for (auto const& bad : {pem.substr(0, pem.size() / 2), std::string("garbage"), std::string()}) {
            auto r = b.load_private_key(as_bytes(bad), "");
            REQUIRE_FALSE(r);
            CHECK(r.err().code == errc::malformed_input);
        }
        auto der = read_file(cli() / "leaf.key.der");
        auto r = b.load_private_key(byte_view(der).first(100), "");
        REQUIRE_FALSE(r);
        CHECK(r.err().code == errc::malformed_input);
    }
    SECTION("export and reload, with and without password") {
        auto k = b.load_private_key(read_file(cli() / "leaf.key"), "");
        for (char const* pw : {"", "p@ss"}) {
            auto pem = b.export_private_key(*k, pw);
            REQUIRE(pem);
            auto back = b.load_private_key(as_bytes(*pem), pw);
            REQUIRE(back);
            CHECK(b.key_matches(*back, *cert));
        }
    }
}

TEMPLATE_TEST_CASE("PKCS#12: modern, legacy RC2-40, 3DES, no MAC, empty password, certificates only", "[crypto][pkcs12]", WSBIND_TEST_BACKENDS) {
    REQUIRE_CLI();
    TestType b;
    auto leaf = b.load_certificate(read_file(cli() / "leaf.pem"));
    REQUIRE(leaf);
    for (auto [file, pw, others] : std::vector<std::tuple<char const*, char const*, std::size_t>>{
             {"modern.pfx", "secret", 1}, {"legacy.pfx", "secret", 1}, {"tdes.pfx", "secret", 0}, {"nomac.pfx", "secret", 0}, {"empty.pfx", "", 0}}) {
        INFO(file);
        auto p = b.load_pkcs12(read_file(cli() / file), pw);
        REQUIRE(p);
        REQUIRE(p->key);
        REQUIRE(p->certificate);
        CHECK(b.info(*p->certificate).thumbprint == b.info(*leaf).thumbprint);
        CHECK(b.key_matches(*p->key, *p->certificate));
        CHECK(p->others.size() == others);
    }
    auto certonly = b.load_pkcs12(read_file(cli() / "certonly.pfx"), "secret");
    REQUIRE(certonly);
    CHECK_FALSE(certonly->key);
    CHECK(b.info(*certonly->certificate).thumbprint == b.info(*leaf).thumbprint);
}

TEMPLATE_TEST_CASE("PKCS#12: wrong password, truncation and corruption are precise errors", "[crypto][pkcs12][errors]", WSBIND_TEST_BACKENDS) {
    REQUIRE_CLI();
    TestType b;
    for (auto const* file : {"modern.pfx", "legacy.pfx", "tdes.pfx"}) {
        INFO(file);
        auto data = read_file(cli() / file);
        auto wrong = b.load_pkcs12(data, "Secret");
        REQUIRE_FALSE(wrong);
        CHECK(wrong.err().code == errc::bad_password);
        CHECK_THAT(wrong.err().message, Catch::Contains("password"));
        auto truncated = b.load_pkcs12(byte_view(data).first(data.size() - 10), "secret");
        REQUIRE_FALSE(truncated);
        CHECK(truncated.err().code == errc::malformed_input);
        auto corrupt = data;
        corrupt[corrupt.size() / 2] ^= 0x5A;
        auto c = b.load_pkcs12(corrupt, "secret");
        REQUIRE_FALSE(c);
        CHECK((c.err().code == errc::bad_password || c.err().code == errc::malformed_input));
    }
    auto nomac_wrong = b.load_pkcs12(read_file(cli() / "nomac.pfx"), "wrong");
    REQUIRE_FALSE(nomac_wrong);
    CHECK(nomac_wrong.err().code == errc::bad_password);
    CHECK_FALSE(b.load_pkcs12(bytes{}, "x"));
    CHECK_FALSE(b.load_pkcs12(as_bytes("not a pfx at all"), "x"));
    // the backend still works after all that
    CHECK(b.load_pkcs12(read_file(cli() / "modern.pfx"), "secret"));
}

TEMPLATE_TEST_CASE("CRLs load from PEM and DER; bad CRLs are precise errors", "[crypto][crl]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto const& s = wsbind::test::demo<TestType>();
    auto der = read_file(s.dir->path() / "crl" / "intermediate.crl");
    auto pem = read_file(s.dir->path() / "crl" / "intermediate.crl.pem");
    auto c1 = b.load_crl(der);
    auto c2 = b.load_crl(pem);
    REQUIRE(c1);
    REQUIRE(c2);
    auto const& info = b.crl_info(*c1);
    CHECK(info.issuer == "CN=wsbind Demo Issuing CA, O=wsbind demo, C=US");
    REQUIRE(info.revoked.size() == 1);
    CHECK(info.revoked[0].serial == b.info(s.pki.get("revoked").certificate).serial);
    CHECK(info.next_update.has_value());
    CHECK(b.crl_info(*c2).der == info.der);
    auto bad = b.load_crl(byte_view(der).first(der.size() - 1));
    REQUIRE_FALSE(bad);
    CHECK(bad.err().code == errc::malformed_input);
    CHECK_FALSE(b.load_crl(as_bytes("-----BEGIN X509 CRL-----\n!!\n-----END X509 CRL-----\n")));
}

TEMPLATE_TEST_CASE("serial numbers keep .NET's form, including the sign byte", "[crypto][x509]", WSBIND_TEST_BACKENDS) {
    TestType b;
    auto const& pki = wsbind::test::demo<TestType>().pki;
    crypto::certificate_request r;
    r.subject = {{"CN", "serial test"}};
    r.serial = {0x80, 0x01};
    r.not_before = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    r.not_after = r.not_before + std::chrono::hours(1);
    auto const& k = pki.get("expired").key;
    auto c = crypto::issue_certificate(b, r, b.public_key_of(k), k);
    REQUIRE(c);
    CHECK(b.info(*c).serial_number == "008001");
    CHECK(b.info(*c).subject == "CN=serial test");
}

TEMPLATE_TEST_CASE("unauthenticated iteration counts above the limit are refused before any work", "[crypto][pkcs12][errors]", WSBIND_TEST_BACKENDS) {
    REQUIRE_CLI();
    TestType b;
    auto p = b.load_pkcs12(read_file(cli() / "slow.pfx"), "secret");
    REQUIRE_FALSE(p);
    CHECK(p.err().code == errc::unsupported);
    CHECK_THAT(p.err().message, Catch::Contains("iteration count 700000 exceeds"));
    auto k = b.load_private_key(read_file(cli() / "slow.key"), "secret");
    REQUIRE_FALSE(k);
    CHECK(k.err().code == errc::unsupported);
    CHECK_THAT(k.err().message, Catch::Contains("700000"));
}
