// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Stores on disk: locations, exactly-one lookups with precise errors, and every kind of bad file.

#include <wsbind/crypto/x509_store.hpp>

#include "support/backends.hpp"
#include "support/store_fixture.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

using namespace wsbind;
using wsbind::test::write_file;

namespace {
template <class F>
std::string b_thumb(F const& f, std::string_view file) { return f.info(file).thumbprint_hex; }
} // namespace

TEMPLATE_TEST_CASE("the seeds' certificates are found exactly once, with their keys", "[credentials][store]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_store<TestType> my(f.b, store_location::local_machine, store_name::my, f.options);
    CHECK(my.exists());
    CHECK(my.problems().empty());
    auto const& contoso = my.find_one(x509_find_type::find_by_subject_name, std::string("Contoso.com"));
    CHECK(contoso.info->subject == "CN=Contoso.com, O=Contoso, C=US");
    REQUIRE(contoso.private_key);
    CHECK(f.b.key_matches(*contoso.private_key, contoso.certificate));
    auto const& coho = my.find_one(x509_find_type::find_by_subject_name, std::string("Cohowinery.com"));
    CHECK(coho.private_key);
    CHECK(&my.find_one(x509_find_type::find_by_thumbprint, coho.info->thumbprint_hex) == &coho);
}

TEMPLATE_TEST_CASE("lookup failures name the store, the find type, the value and the candidates", "[credentials][store][errors]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f;
    x509_store<TestType> book(f.b, store_location::local_machine, store_name::address_book, f.options);
    SECTION("none") {
        try {
            (void)book.find_one(x509_find_type::find_by_subject_name, std::string("Fabrikam"));
            FAIL("expected certificate_not_found");
        } catch (certificate_not_found const& e) {
            std::string w = e.what();
            CHECK_THAT(w, Catch::Contains("StoreName 'AddressBook'") && Catch::Contains("StoreLocation 'LocalMachine'") &&
                              Catch::Contains("FindType 'FindBySubjectName'") && Catch::Contains("FindValue 'Fabrikam'") &&
                              Catch::Contains("holds 11 certificates") && Catch::Contains("CN=Contoso.com, O=Contoso, C=US ["));
            CHECK(e.details().store_size == 11);
            CHECK(e.details().candidates.size() == 11);
        }
        auto r = book.try_find_one(x509_find_type::find_by_subject_name, std::string("Fabrikam"));
        REQUIRE_FALSE(r);
        CHECK(r.error->failure == lookup_failure::not_found);
    }
    SECTION("several") {
        try {
            (void)book.find_one(x509_find_type::find_by_subject_name, std::string("contoso"));
            FAIL("expected multiple_certificates_found");
        } catch (multiple_certificates_found const& e) {
            CHECK(e.details().candidates.size() == 7);
            CHECK_THAT(std::string(e.what()), Catch::StartsWith("7 certificates in store LocalMachine\\AddressBook") && Catch::Contains("more specific"));
        }
    }
    SECTION("invalid value") {
        try {
            (void)book.find_one(x509_find_type::find_by_thumbprint, std::string("\xE2\x80\x8E" "ab"));
            FAIL("expected invalid_find_value");
        } catch (invalid_find_value const& e) {
            CHECK_THAT(std::string(e.what()), Catch::Contains("U+200E") && Catch::Contains("AddressBook"));
        }
    }
    SECTION("the store directory does not exist") {
        x509_store<TestType> none(f.b, store_location::current_user, store_name::trusted_publisher, f.options);
        CHECK_FALSE(none.exists());
        CHECK(none.size() == 0);
        auto r = none.try_find_one(x509_find_type::find_by_subject_name, std::string("x"));
        REQUIRE_FALSE(r);
        CHECK_THAT(certificate_lookup_error::describe(*r.error), Catch::Contains("does not exist"));
    }
}

TEMPLATE_TEST_CASE("bad files never stop a store from opening and are reported precisely", "[credentials][store][errors]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f(false);
    auto dir = f.store_dir(store_location::local_machine, store_name::my);
    auto const& contoso = f.info("contoso");
    auto pem = crypto::pem_encode("CERTIFICATE", contoso.der);
    auto key = *f.b.export_private_key(f.pki.get("contoso").key, "");
    auto other_key = *f.b.export_private_key(f.pki.get("cohowinery").key, "");
    write_file(dir / "good.pem", pem);
    write_file(dir / "good.key", key);
    write_file(dir / "copy.crt", pem);                                      // duplicate
    write_file(dir / "truncated.pem", pem.substr(0, pem.size() / 2));       // truncated PEM
    write_file(dir / "garbage.der", std::string("\x30\x82\x05\x00garbage", 12)); // truncated DER
    write_file(dir / "empty.cer", std::string());
    write_file(dir / "mismatch.pem", crypto::pem_encode("CERTIFICATE", f.info("cohowinery").der));
    write_file(dir / "mismatch.key", key);                                  // Contoso's key next to Cohowinery's cert
    write_file(dir / "locked.pem", crypto::pem_encode("CERTIFICATE", f.info("revoked").der));
    write_file(dir / "locked.key", *f.b.export_private_key(f.pki.get("revoked").key, "pw")); // encrypted key
    write_file(dir / "orphan.key", other_key);
    write_file(dir / "readme.txt", std::string("not a certificate; ignored"));
    std::filesystem::create_directories(dir / "subdir.pem");               // a directory with a certificate-like name
    std::filesystem::create_symlink(dir / "gone.pem", dir / "dangling.pem"); // a link to nothing
    x509_store<TestType> s(f.b, store_location::local_machine, store_name::my, f.options);
    auto problem = [&](std::string const& file) -> std::string {
        for (auto const& p : s.problems())
            if (p.path.filename() == file) return p.message;
        return {};
    };
    INFO([&] { std::string all; for (auto const& p : s.problems()) all += p.path.filename().string() + ": " + p.message + "\n"; return all; }());
    CHECK(s.size() == 3); // good (or its duplicate), mismatch, locked
    CHECK_THAT(problem("copy.crt") + problem("good.pem"), Catch::Contains("duplicate certificate"));
    CHECK_THAT(problem("truncated.pem"), Catch::Contains("not a certificate file"));
    CHECK_THAT(problem("garbage.der"), Catch::Contains("not a certificate file"));
    CHECK_THAT(problem("empty.cer"), Catch::Contains("not a certificate file") && Catch::Contains("empty"));
    CHECK_THAT(problem("mismatch.key"), Catch::Contains("does not match the certificate CN=Cohowinery.com"));
    CHECK_THAT(problem("locked.key"), Catch::Contains("encrypted private keys are not supported"));
    CHECK_THAT(problem("orphan.key"), Catch::Contains("without a certificate"));
    CHECK(problem("readme.txt").empty());
    CHECK_THAT(problem("dangling.pem"), Catch::Contains("broken symbolic link"));
    auto missing = detail::store::read_file(dir / "no-such-file.pem");
    REQUIRE_FALSE(missing);
    CHECK(missing.err().code == crypto::errc::io_error);
    CHECK_THAT(missing.err().message, Catch::Contains("cannot read"));
    auto const& good = s.find_one(x509_find_type::find_by_thumbprint, contoso.thumbprint_hex);
    CHECK(good.private_key);
    auto const& mismatch = s.find_one(x509_find_type::find_by_subject_name, std::string("Cohowinery"));
    CHECK_FALSE(mismatch.private_key);
    SECTION("lookup errors repeat the problems") {
        auto r = s.try_find_one(x509_find_type::find_by_subject_name, std::string("nothing"));
        REQUIRE_FALSE(r);
        CHECK_THAT(certificate_lookup_error::describe(*r.error), Catch::Contains("Problems reading the store") && Catch::Contains("truncated.pem"));
    }
    SECTION("unreadable files and directories") {
        if (::geteuid() == 0) {
            WARN("running as root: permission checks cannot fail; skipped");
            return;
        }
        std::filesystem::permissions(dir / "good.pem", std::filesystem::perms::none);
        x509_store<TestType> again(f.b, store_location::local_machine, store_name::my, f.options);
        bool found = false;
        for (auto const& p : again.problems()) found = found || p.path.filename() == "good.pem";
        CHECK(found);
        std::filesystem::permissions(dir / "good.pem", std::filesystem::perms::owner_all);
    }
}

TEMPLATE_TEST_CASE("a store path that is a file is reported", "[credentials][store][errors]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f(false);
    write_file(f.store_dir(store_location::current_user, store_name::root), std::string("oops"));
    x509_store<TestType> s(f.b, store_location::current_user, store_name::root, f.options);
    CHECK_FALSE(s.exists());
    REQUIRE(s.problems().size() == 1);
    CHECK_THAT(s.problems()[0].message, Catch::Contains("not a directory"));
}

TEMPLATE_TEST_CASE("add and remove", "[credentials][store]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f(false);
    x509_store<TestType> s(f.b, store_location::current_user, store_name::my, f.options);
    auto const& e = f.pki.get("cohowinery");
    auto wrong = s.add(e.certificate, &f.pki.get("contoso").key);
    REQUIRE_FALSE(wrong);
    CHECK(wrong.err().code == crypto::errc::key_mismatch);
    REQUIRE(s.add(e.certificate));
    CHECK(s.size() == 1);
    CHECK_FALSE(s.entries()[0].private_key);
    REQUIRE(s.add(e.certificate, &e.key)); // adds the key to the present certificate
    REQUIRE(s.size() == 1);
    CHECK(s.entries()[0].private_key);
    auto key_file = s.entries()[0].file;
    key_file.replace_extension(".key");
    auto perms = std::filesystem::status(key_file).permissions();
    CHECK((perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) == std::filesystem::perms::none);
    REQUIRE(s.remove(b_thumb(f, "cohowinery")));
    CHECK(s.size() == 0);
    CHECK_FALSE(std::filesystem::exists(key_file));
    auto again = s.remove(b_thumb(f, "cohowinery"));
    REQUIRE_FALSE(again);
    CHECK(again.err().code == crypto::errc::not_found);
}

TEMPLATE_TEST_CASE("LocalMachine Root and CertificateAuthority also show the system trust store", "[credentials][store]", WSBIND_TEST_BACKENDS) {
    test::store_fixture<TestType> f(false);
    auto sys = f.dir / "system";
    write_file(sys / "bundle.crt", crypto::pem_encode("CERTIFICATE", f.info("root-ca").der) + crypto::pem_encode("CERTIFICATE", f.info("intermediate-ca").der));
    write_file(sys / "dir" / "root.pem", crypto::pem_encode("CERTIFICATE", f.info("root-ca").der)); // the same root again: shown once
    write_file(sys / "dir" / "trusted.pem", std::string("-----BEGIN TRUSTED CERTIFICATE-----\nAAAA\n-----END TRUSTED CERTIFICATE-----\n"));
    auto o = f.options;
    o.include_system_trust = true;
    o.system_trust_file = sys / "bundle.crt";
    o.system_trust_directory = sys / "dir";
    x509_store<TestType> root(f.b, store_location::local_machine, store_name::root, o);
    x509_store<TestType> ca(f.b, store_location::local_machine, store_name::certificate_authority, o);
    x509_store<TestType> user_root(f.b, store_location::current_user, store_name::root, o);
    REQUIRE(root.size() == 1);
    CHECK(root.entries()[0].from_system_trust);
    CHECK(root.entries()[0].info->subject == f.info("root-ca").subject);
    REQUIRE(ca.size() == 1);
    CHECK(ca.entries()[0].info->subject == f.info("intermediate-ca").subject);
    CHECK(user_root.size() == 0);
    auto r = root.remove(f.info("root-ca").thumbprint_hex);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.err().message, Catch::Contains("read-only"));
}

TEMPLATE_TEST_CASE("the real system trust store loads (if present)", "[credentials][store][system]", WSBIND_TEST_BACKENDS) {
    if (!std::filesystem::exists("/etc/ssl/certs")) return;
    TestType b;
    x509_store_options o;
    o.root = std::filesystem::temp_directory_path() / "wsbind-no-such-root";
    x509_store<TestType> root(b, store_location::local_machine, store_name::root, o);
    CHECK(root.size() > 0);
    for (auto const& e : root.entries()) CHECK(e.info->self_issued());
}
