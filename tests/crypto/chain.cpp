// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Chain building and verification with CRLs on the demo PKI: each backend's verdicts, and their
// agreement with `openssl verify` on the same files.

#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_builder.hpp>

#include "support/backends.hpp"
#include "support/files.hpp"
#include "support/pki.hpp"

#include <catch2/catch.hpp>

using namespace wsbind;
using namespace wsbind::crypto;

namespace {

template <class B>
struct chain_fixture {
    B b;
    wsbind::test::shared_pki<B> const& s = wsbind::test::demo<B>();
    std::vector<typename B::certificate> anchors{s.pki.get("root-ca").certificate};
    std::vector<typename B::certificate> untrusted{s.pki.get("intermediate-ca").certificate, s.pki.get("nocertsign-ca").certificate};
    std::vector<typename B::crl> crls{s.pki.get_crl("root").crl, s.pki.get_crl("intermediate").crl, s.pki.get_crl("nocertsign").crl};

    chain_result verify(std::string_view leaf, bool revocation, std::vector<typename B::crl> const* use_crls = nullptr) const {
        chain_options o;
        o.check_revocation = revocation;
        auto const& c = use_crls ? *use_crls : crls;
        return b.verify_chain(s.pki.get(leaf).certificate, untrusted, anchors, c, o);
    }
};

struct expectation {
    char const* leaf;
    std::uint32_t without_revocation;
    std::uint32_t with_revocation;
};

// Verdicts as .NET's X509Chain reports them (ExcludeRoot revocation).
expectation const expectations[] = {
    {"contoso", chain_status::no_error, chain_status::no_error},
    {"cohowinery", chain_status::no_error, chain_status::no_error},
    {"intermediate-ca", chain_status::no_error, chain_status::no_error},
    {"root-ca", chain_status::no_error, chain_status::no_error},
    {"expired", chain_status::not_time_valid, chain_status::not_time_valid},
    {"not-yet-valid", chain_status::not_time_valid, chain_status::not_time_valid},
    {"revoked", chain_status::no_error, chain_status::revoked},
    {"wrong-usage", chain_status::invalid_basic_constraints, chain_status::invalid_basic_constraints},
    {"self-signed", chain_status::untrusted_root, chain_status::untrusted_root},
    {"unknown-issuer", chain_status::partial_chain, chain_status::partial_chain},
};

} // namespace

TEMPLATE_TEST_CASE("chain verdicts on the demo PKI", "[crypto][chain]", WSBIND_TEST_BACKENDS) {
    chain_fixture<TestType> f;
    for (auto const& e : expectations) {
        for (bool rev : {false, true}) {
            auto r = f.verify(e.leaf, rev);
            INFO(TestType::name << ": " << e.leaf << (rev ? " with" : " without") << " revocation: " << r.summary());
            std::uint32_t expected = rev ? e.with_revocation : e.without_revocation;
            if (expected == chain_status::no_error) {
                CHECK(r.ok());
            } else {
                CHECK_FALSE(r.ok());
                CHECK((r.status & expected) != 0);
            }
        }
    }
    SECTION("a good chain is reported leaf first") {
        auto r = f.verify("contoso", true);
        REQUIRE(r.chain.size() == 3);
        CHECK(r.chain[0] == f.b.info(f.s.pki.get("contoso").certificate).thumbprint_hex);
        CHECK(r.chain[2] == f.b.info(f.s.pki.get("root-ca").certificate).thumbprint_hex);
    }
}

TEMPLATE_TEST_CASE("revocation fails closed when CRLs are missing, expired or forged", "[crypto][chain][revocation]", WSBIND_TEST_BACKENDS) {
    chain_fixture<TestType> f;
    auto const& pki = f.s.pki;
    SECTION("no CRL from the intermediate") {
        std::vector<typename TestType::crl> only_root{pki.get_crl("root").crl};
        auto r = f.verify("contoso", true, &only_root);
        INFO(r.summary());
        CHECK_FALSE(r.ok());
        CHECK((r.status & chain_status::revocation_status_unknown) != 0);
        CHECK(f.verify("contoso", false, &only_root).ok());
    }
    SECTION("no CRL from the root: the intermediate's status is unknown; the root itself needs none") {
        std::vector<typename TestType::crl> only_int{pki.get_crl("intermediate").crl};
        auto r = f.verify("contoso", true, &only_int);
        INFO(r.summary());
        CHECK((r.status & chain_status::revocation_status_unknown) != 0);
        std::vector<typename TestType::crl> none;
        CHECK(f.verify("root-ca", true, &none).ok());
    }
    SECTION("an expired CRL") {
        crl_request cr;
        cr.this_update = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) - std::chrono::hours(48);
        cr.next_update = cr.this_update + std::chrono::hours(24);
        auto stale = issue_crl(f.b, cr, pki.get("intermediate-ca").certificate, pki.get("intermediate-ca").key);
        REQUIRE(stale);
        std::vector<typename TestType::crl> crls{pki.get_crl("root").crl, *stale};
        auto r = f.verify("contoso", true, &crls);
        INFO(r.summary());
        CHECK_FALSE(r.ok());
        CHECK((r.status & chain_status::revocation_status_unknown) != 0);
    }
    SECTION("a CRL signed by the wrong key") {
        crl_request cr;
        cr.this_update = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) - std::chrono::hours(1);
        cr.next_update = cr.this_update + std::chrono::hours(24);
        auto forged = issue_crl(f.b, cr, pki.get("intermediate-ca").certificate, pki.get("contoso").key);
        REQUIRE(forged);
        std::vector<typename TestType::crl> crls{pki.get_crl("root").crl, *forged};
        auto r = f.verify("revoked", true, &crls);
        INFO(r.summary());
        CHECK_FALSE(r.ok());
    }
    SECTION("verification time is honoured") {
        chain_options o;
        o.verification_time = f.b.info(pki.get("not-yet-valid").certificate).not_before + std::chrono::hours(1);
        auto r = f.b.verify_chain(pki.get("not-yet-valid").certificate, f.untrusted, f.anchors, f.crls, o);
        INFO(r.summary());
        CHECK(r.ok());
    }
}

#if WSBIND_TEST_HAVE_OPENSSL && WSBIND_TEST_HAVE_BOTAN
TEST_CASE("OpenSSL and Botan give the same verdict for every chain", "[crypto][chain][cross]") {
    chain_fixture<openssl_backend> o;
    chain_fixture<botan_backend> b;
    for (auto const& e : expectations) {
        for (bool rev : {false, true}) {
            auto ro = o.verify(e.leaf, rev);
            auto rb = b.verify(e.leaf, rev);
            INFO(e.leaf << (rev ? " with" : " without") << " revocation: openssl " << ro.summary() << " | botan " << rb.summary());
            CHECK(ro.ok() == rb.ok());
        }
    }
}
#endif

TEMPLATE_TEST_CASE("every verdict agrees with `openssl verify` on the same files", "[crypto][chain][openssl-cli]", WSBIND_TEST_BACKENDS) {
    auto cli = wsbind::test::openssl_cli();
    if (cli.empty()) {
        WARN("openssl CLI not found; skipped");
        return;
    }
    chain_fixture<TestType> f;
    auto dir = f.s.dir->path();
    std::string untrusted, crls;
    for (auto const& c : f.untrusted) untrusted += pem_encode("CERTIFICATE", f.b.info(c).der);
    for (auto const& c : f.crls) crls += pem_encode("X509 CRL", f.b.crl_info(c).der);
    wsbind::test::write_file(dir / "untrusted.pem", untrusted);
    wsbind::test::write_file(dir / "crls.pem", crls);
    for (auto const& e : expectations) {
        for (bool rev : {false, true}) {
            std::string cmd = cli + " verify -CAfile '" + (dir / "root-ca.pem").string() + "' -untrusted '" + (dir / "untrusted.pem").string() + "' " +
                              (rev ? "-crl_check_all -CRLfile '" + (dir / "crls.pem").string() + "' " : std::string()) + "'" +
                              (dir / (std::string(e.leaf) + ".pem")).string() + "'";
            auto out = wsbind::test::run(cmd);
            auto ours = f.verify(e.leaf, rev);
            INFO(TestType::name << " " << e.leaf << (rev ? " with" : " without") << " revocation\nopenssl: " << out.output << "wsbind: " << ours.summary());
            CHECK((out.status == 0) == ours.ok());
        }
    }
}
