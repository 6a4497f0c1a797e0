// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Every certificateValidationMode x every revocationMode, on both of WCF's sides, over the stores.

#include <wsbind/crypto/certificate_validation.hpp>

#include "support/backends.hpp"
#include "support/store_fixture.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace wsbind;

namespace {

/// An "online" fetcher serving the demo CRLs at their distribution points (counts fetches).
template <class B>
struct demo_crl_server {
    std::map<std::string, crypto::bytes> crls;
    std::shared_ptr<int> fetches = std::make_shared<int>(0);
    explicit demo_crl_server(test::store_fixture<B> const& f) {
        for (auto const& c : f.pki.crls) crls["http://pki.wsbind.invalid/crl/" + c.file + ".crl"] = f.b.crl_info(c.crl).der;
    }
    crl_fetcher fetcher() const {
        auto copy = crls;
        auto count = fetches;
        return [copy, count](std::string_view uri) -> crypto::result<crypto::bytes> {
            ++*count;
            auto it = copy.find(std::string(uri));
            if (it == copy.end()) return crypto::make_error(crypto::errc::io_error, "HTTP 404 for " + std::string(uri));
            return it->second;
        };
    }
};

crl_fetcher unreachable() {
    return [](std::string_view uri) -> crypto::result<crypto::bytes> {
        return crypto::make_error(crypto::errc::io_error, "connection refused: " + std::string(uri));
    };
}

custom_certificate_validator reject_revoked() {
    return [](crypto::certificate_info const& i) -> std::optional<std::string> {
        if (i.subject.find("Revoked") != std::string::npos) return "subject is on the application's deny list";
        return std::nullopt;
    };
}

} // namespace

TEMPLATE_TEST_CASE("service side: every validation mode x revocation mode for client certificates", "[credentials][validation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    demo_crl_server<TestType> server(f);
    auto const& good = f.cert("cohowinery");   // chains to the root; clientAuth
    auto const& revoked = f.cert("revoked");   // chains to the root; revoked; in CurrentUser\TrustedPeople
    struct row {
        certificate_validation_mode mode;
        revocation_mode revocation;
        bool good_valid;
        bool revoked_valid;
    };
    using M = certificate_validation_mode;
    using R = revocation_mode;
    row const rows[] = {
        {M::none, R::no_check, true, true},          {M::none, R::offline, true, true},          {M::none, R::online, true, true},
        {M::peer_trust, R::no_check, false, true},   {M::peer_trust, R::offline, false, true},   {M::peer_trust, R::online, false, true},
        {M::chain_trust, R::no_check, true, true},   {M::chain_trust, R::offline, true, false},  {M::chain_trust, R::online, true, false},
        {M::peer_or_chain_trust, R::no_check, true, true}, {M::peer_or_chain_trust, R::offline, true, true}, {M::peer_or_chain_trust, R::online, true, true},
        {M::custom, R::no_check, true, false},       {M::custom, R::offline, true, false},       {M::custom, R::online, true, false},
    };
    for (auto const& r : rows) {
        x509_client_certificate_authentication a;
        a.validation_mode = r.mode;
        a.revocation = r.revocation;
        a.custom_validator = reject_revoked();
        x509_certificate_validator<TestType> v(stores, a, server.fetcher());
        auto g = v.validate(good);
        auto rv = v.validate(revoked);
        INFO(to_string(r.mode) << " x " << to_string(r.revocation) << "\ngood: " << g.message << "\nrevoked: " << rv.message);
        CHECK(g.valid == r.good_valid);
        CHECK(rv.valid == r.revoked_valid);
        if (!rv.valid) CHECK_THAT(rv.message, Catch::Contains(std::string(to_string(r.mode))) && Catch::Contains("CN=Revoked.contoso.com"));
    }
}

TEMPLATE_TEST_CASE("chain trust: the bad certificates of the demo PKI", "[credentials][validation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    x509_client_certificate_authentication a;
    a.revocation = revocation_mode::no_check;
    x509_certificate_validator<TestType> v(stores, a);
    for (auto const* name : {"expired", "not-yet-valid", "wrong-usage", "self-signed", "unknown-issuer"}) {
        auto r = v.validate(f.cert(name));
        INFO(name << ": " << r.message);
        CHECK_FALSE(r.valid);
        CHECK_THROWS_AS(v.validate_or_throw(f.cert(name)), certificate_validation_error);
    }
    CHECK_THAT(v.validate(f.cert("expired")).message, Catch::Contains("NotTimeValid"));
    CHECK_THAT(v.validate(f.cert("unknown-issuer")).message, Catch::Contains("PartialChain"));
    CHECK(v.validate(f.cert("cohowinery")).valid);
    SECTION("an intermediate sent by the peer is used") {
        test::store_fixture<TestType> bare(false);
        bare.add(store_location::local_machine, store_name::root, "root-ca");
        x509_stores<TestType> s(bare.b, bare.options);
        x509_certificate_validator<TestType> v2(s, a);
        CHECK_FALSE(v2.validate(bare.cert("cohowinery")).valid);
        std::vector<typename TestType::certificate> sent{bare.cert("intermediate-ca")};
        CHECK(v2.validate(bare.cert("cohowinery"), sent).valid);
    }
}

TEMPLATE_TEST_CASE("revocation: offline uses local CRLs, online fetches them, both fail closed", "[credentials][validation][revocation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    demo_crl_server<TestType> server(f);
    x509_client_certificate_authentication a;
    SECTION("online with an unreachable distribution point (and no CRL held locally)") {
        std::filesystem::remove_all(crl_directory(store_location::local_machine, f.options));
        x509_certificate_validator<TestType> v(stores, a, unreachable());
        auto r = v.validate(f.cert("cohowinery"));
        INFO(r.message);
        CHECK_FALSE(r.valid);
        CHECK((r.chain.status & crypto::chain_status::revocation_status_unknown) != 0);
        CHECK((r.chain.status & crypto::chain_status::offline_revocation) != 0);
        CHECK_THAT(r.message, Catch::Contains("connection refused"));
    }
    SECTION("online with the default (file:// only) fetcher and http distribution points") {
        std::filesystem::remove_all(crl_directory(store_location::local_machine, f.options));
        x509_certificate_validator<TestType> v(stores, a);
        auto r = v.validate(f.cert("cohowinery"));
        CHECK_FALSE(r.valid);
        CHECK_THAT(r.message, Catch::Contains("only file:// URIs"));
    }
    SECTION("online fetches once and caches") {
        test::store_fixture<TestType> no_local(true);
        std::filesystem::remove_all(crl_directory(store_location::local_machine, no_local.options));
        x509_stores<TestType> s(no_local.b, no_local.options);
        demo_crl_server<TestType> srv(no_local);
        x509_certificate_validator<TestType> v(s, a, srv.fetcher());
        CHECK(v.validate(no_local.cert("cohowinery")).valid);
        int after_first = *srv.fetches;
        CHECK(after_first == 2); // the leaf's and the intermediate's distribution points
        CHECK(v.validate(no_local.cert("contoso")).valid);
        CHECK(*srv.fetches == after_first);
        CHECK_FALSE(v.validate(no_local.cert("revoked")).valid);
    }
    SECTION("offline without local CRLs") {
        test::store_fixture<TestType> no_local(true);
        std::filesystem::remove_all(crl_directory(store_location::local_machine, no_local.options));
        x509_stores<TestType> s(no_local.b, no_local.options);
        a.revocation = revocation_mode::offline;
        x509_certificate_validator<TestType> v(s, a, server.fetcher());
        auto r = v.validate(no_local.cert("cohowinery"));
        CHECK_FALSE(r.valid);
        CHECK_THAT(r.message, Catch::Contains("RevocationStatusUnknown"));
        CHECK(*server.fetches == 0); // offline never fetches
    }
    SECTION("a corrupt CRL file in the CRL directory is reported and ignored") {
        test::write_file(crl_directory(store_location::local_machine, f.options) / "broken.crl", std::string("not a crl"));
        x509_stores<TestType> s(f.b, f.options);
        a.revocation = revocation_mode::offline;
        x509_certificate_validator<TestType> v(s, a);
        CHECK(v.validate(f.cert("cohowinery")).valid);
        auto problems = s.crl_problems();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path.filename() == "broken.crl");
    }
}

TEMPLATE_TEST_CASE("trustedStoreLocation and the Disallowed store", "[credentials][validation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f(false);
    f.add(store_location::current_user, store_name::root, "root-ca");
    f.add(store_location::local_machine, store_name::certificate_authority, "intermediate-ca");
    x509_stores<TestType> stores(f.b, f.options);
    x509_client_certificate_authentication a;
    a.revocation = revocation_mode::no_check;
    a.trusted_store_location = store_location::local_machine;
    CHECK_FALSE(x509_certificate_validator<TestType>(stores, a).validate(f.cert("cohowinery")).valid); // root only in CurrentUser
    a.trusted_store_location = store_location::current_user;
    CHECK(x509_certificate_validator<TestType>(stores, a).validate(f.cert("cohowinery")).valid);
    SECTION("a CurrentUser context also sees LocalMachine's roots") {
        test::store_fixture<TestType> g(false);
        g.add(store_location::local_machine, store_name::root, "root-ca");
        g.add(store_location::local_machine, store_name::certificate_authority, "intermediate-ca");
        x509_stores<TestType> s(g.b, g.options);
        CHECK(x509_certificate_validator<TestType>(s, a).validate(g.cert("cohowinery")).valid);
    }
    SECTION("Disallowed wins") {
        f.add(store_location::local_machine, store_name::disallowed, "intermediate-ca");
        x509_stores<TestType> s(f.b, f.options);
        auto r = x509_certificate_validator<TestType>(s, a).validate(f.cert("cohowinery"));
        CHECK_FALSE(r.valid);
        CHECK_THAT(r.message, Catch::Contains("ExplicitDistrust") && Catch::Contains("Disallowed"));
    }
}

TEMPLATE_TEST_CASE("PeerTrust uses CurrentUser\\TrustedPeople and Disallowed, and checks the validity period", "[credentials][validation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    f.add(store_location::current_user, store_name::trusted_people, "expired");
    f.add(store_location::current_user, store_name::disallowed, "self-signed");
    x509_stores<TestType> stores(f.b, f.options);
    x509_client_certificate_authentication a;
    a.validation_mode = certificate_validation_mode::peer_trust;
    a.trusted_store_location = store_location::local_machine; // ignored by PeerTrust, as in IdentityModel
    x509_certificate_validator<TestType> v(stores, a);
    CHECK(v.validate(f.cert("revoked")).valid);
    auto expired = v.validate(f.cert("expired"));
    CHECK_FALSE(expired.valid);
    CHECK_THAT(expired.message, Catch::Contains("validity period"));
    auto disallowed = v.validate(f.cert("self-signed"));
    CHECK_FALSE(disallowed.valid);
    CHECK_THAT(disallowed.message, Catch::Contains("Disallowed"));
    auto absent = v.validate(f.cert("cohowinery"));
    CHECK_THAT(absent.message, Catch::Contains("TrustedPeople"));
}

TEMPLATE_TEST_CASE("client side: the service certificate must be valid for server authentication", "[credentials][validation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    x509_service_certificate_authentication a; // CurrentUser trust: sees LocalMachine's root
    a.revocation = revocation_mode::offline;
    x509_certificate_validator<TestType> v(stores, a);
    CHECK(v.validate(f.cert("contoso")).valid);
    auto coho = v.validate(f.cert("cohowinery")); // EKU clientAuth only
    CHECK_FALSE(coho.valid);
    CHECK_THAT(coho.message, Catch::Contains("NotValidForUsage") && Catch::Contains("server authentication"));
    CHECK(v.validate(f.cert("expired")).valid == false);
    SECTION("PeerOrChainTrust on the client side tries the peer first") {
        a.validation_mode = certificate_validation_mode::peer_or_chain_trust;
        x509_certificate_validator<TestType> pv(stores, a);
        CHECK(pv.validate(f.cert("self-signed")).valid);
        CHECK(pv.validate(f.cert("contoso")).valid);
        auto bad = pv.validate(f.cert("unknown-issuer"));
        CHECK_FALSE(bad.valid);
        CHECK_THAT(bad.message, Catch::Contains("PeerTrust") && Catch::Contains("ChainTrust"));
    }
}

TEMPLATE_TEST_CASE("service side: the client certificate's issuer must be valid for client authentication", "[credentials][validation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    crypto::certificate_request ca;
    ca.subject = {{"CN", "Server-only CA"}};
    ca.serial = {0x77};
    ca.not_before = now - std::chrono::hours(1);
    ca.not_after = now + std::chrono::hours(100);
    ca.is_ca = true;
    ca.key_usage = crypto::key_usage::key_cert_sign | crypto::key_usage::crl_sign;
    ca.extended_key_usage = {"1.3.6.1.5.5.7.3.1"};
    auto const& root = f.pki.get("root-ca");
    auto const& ca_key = f.pki.get("intermediate-ca").key;
    auto server_ca = crypto::issue_certificate(f.b, ca, f.b.public_key_of(ca_key), root.key, &root.certificate);
    REQUIRE(server_ca);
    crypto::certificate_request leaf;
    leaf.subject = {{"CN", "client of a server-only CA"}};
    leaf.serial = {0x78};
    leaf.not_before = ca.not_before;
    leaf.not_after = ca.not_after;
    leaf.extended_key_usage = {"1.3.6.1.5.5.7.3.2"};
    auto client = crypto::issue_certificate(f.b, leaf, f.b.public_key_of(f.pki.get("cohowinery").key), ca_key, &*server_ca);
    REQUIRE(client);
    x509_stores<TestType> stores(f.b, f.options);
    x509_client_certificate_authentication a;
    a.revocation = revocation_mode::no_check;
    x509_certificate_validator<TestType> v(stores, a);
    std::vector<typename TestType::certificate> sent{*server_ca};
    auto r = v.validate(*client, sent);
    CHECK_FALSE(r.valid);
    CHECK_THAT(r.message, Catch::Contains("depth 1") && Catch::Contains("client authentication"));
    CHECK(v.validate(f.cert("cohowinery")).valid);
}

TEMPLATE_TEST_CASE("Custom without a validator is an error, not a pass", "[credentials][validation]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_stores<TestType> stores(f.b, f.options);
    x509_client_certificate_authentication a;
    a.validation_mode = certificate_validation_mode::custom;
    auto r = x509_certificate_validator<TestType>(stores, a).validate(f.cert("cohowinery"));
    CHECK_FALSE(r.valid);
    CHECK_THAT(r.message, Catch::Contains("no custom validator"));
}
