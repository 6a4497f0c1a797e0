// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// The three scenario documents the project was created from (shared/seeds), read as they are.
#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>

#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace wsbind;
using namespace wsbind::config;

namespace {

std::filesystem::path const seeds = WSBIND_SEEDS_DIR;

std::vector<std::string> blocks_of(char const* file) {
    auto const path = seeds / file;
    if (!std::filesystem::exists(path)) return {};
    return test::code_blocks(test::read_text(path));
}

diagnostics check_all(read_result const& r, std::string const& name) {
    diagnostics d = r.diagnostics();
    auto const resolved = resolve(r.partial(), d, name);
    validate(r.partial(), resolved, d, name);
    return d;
}

} // namespace

TEST_CASE("seed 002: the binding snippet as published is not well-formed", "[config][seeds]") {
    auto blocks = blocks_of("002_7e6347dfed96d907.txt");
    if (blocks.empty()) {
        WARN("seeds not found at " << seeds << "; skipped");
        return;
    }
    std::string const snippet = blocks.back();
    REQUIRE(snippet.find("clientCredentialType = \" Certificate\"") != std::string::npos);
    read_options o;
    o.allow_fragment = true;
    auto r = read_string(snippet, "002.xml", o);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.diagnostics().size() == 1);
    auto const& d = r.diagnostics()[0];
    CHECK(d.code == "Xml_TagMismatchEx");
    // <security mode="Message" /> is already closed, so </security> closes <binding>.
    CHECK(d.message == "The 'binding' start tag on line 2 position 6 does not match the end tag of 'security'.");
    CHECK(d.position == source_position{5, 11});
    CHECK(d.value == "</security>");
    CHECK(format(d) == "002.xml:5:11: error: The 'binding' start tag on line 2 position 6 does not match the end tag of 'security'.");
}

TEST_CASE("seed 002: repaired XML, the leading space kept", "[config][seeds]") {
    auto blocks = blocks_of("002_7e6347dfed96d907.txt");
    if (blocks.empty()) {
        WARN("seeds not found at " << seeds << "; skipped");
        return;
    }
    std::string snippet = blocks.back();
    auto const at = snippet.find("<security mode=\"Message\" />");
    REQUIRE(at != std::string::npos);
    snippet.replace(at, std::string("<security mode=\"Message\" />").size(), "<security mode=\"Message\">");
    read_options o;
    o.allow_fragment = true;
    auto r = read_string(snippet, "002.xml", o);
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.diagnostics().size() == 1);
    auto const& d = r.diagnostics()[0];
    CHECK(d.code == "Invalid_enum_value");
    CHECK(d.path == "system.serviceModel/bindings/wsHttpBinding/binding[@name='MessageSecurity']/security/message/@clientCredentialType");
    CHECK(d.value == " Certificate");
    CHECK(d.position == source_position{4, 45}); // the value, after the opening quote
    CHECK(d.message == "The value of the property 'clientCredentialType' cannot be parsed. The error is: The enumeration value must "
                       "be one of the following: None, Windows, UserName, Certificate, IssuedToken. (The value has surrounding "
                       "whitespace, which .NET does not remove from enumeration values.)");
    CHECK(d.allowed == "None, Windows, UserName, Certificate, IssuedToken");
    // Everything else of the binding was read.
    CHECK(r.partial().bindings.at(0).description.security.mode == security_mode::message);

    // And without the space the snippet is a valid binding.
    auto const space = snippet.find("\" Certificate\"");
    snippet.erase(space + 1, 1);
    auto ok = read_string(snippet, "002.xml", o);
    INFO(test::dump(ok.diagnostics()));
    REQUIRE(ok.ok());
    CHECK(ok.get()->bindings[0].description.security.message.client_credential_type == message_credential_type::certificate);
}

TEST_CASE("seed 001: the service and client configurations", "[config][seeds]") {
    auto blocks = blocks_of("001_185061512b8b25d1.txt");
    if (blocks.empty()) {
        WARN("seeds not found at " << seeds << "; skipped");
        return;
    }
    REQUIRE(blocks.size() == 2);
    SECTION("service: the endpoint names a binding configuration that is not there") {
        auto r = read_string(blocks[0], "001-service.config");
        REQUIRE(r.ok());
        auto d = check_all(r, "001-service.config");
        auto const* x = d.find("ConfigInvalidBindingConfigurationName");
        REQUIRE(x);
        CHECK(x->value == "MessageAndCertificateClient");
        CHECK(x->allowed == "WSHttpBinding_ICalculator");
        CHECK(x->position == source_position{19, 41});
        // The service behavior has the service certificate the configured binding would need.
        auto const* sb = r.get()->find_behavior(behavior_kind::service, "ServiceCredentialsBehavior");
        REQUIRE(sb);
        CHECK(sb->service_credentials->service_certificate.find_value == "Contoso.com");
    }
    SECTION("client: certificate in the endpoint behavior, DNS identity") {
        auto r = read_string(blocks[1], "001-client.config");
        REQUIRE(r.ok());
        auto d = check_all(r, "001-client.config");
        INFO(test::dump(d));
        CHECK_FALSE(d.has_errors());
        CHECK(d.empty());
        auto const& e = r.get()->client.at(0);
        CHECK(e.identity.dns == std::string("Contoso.com"));
        auto const* eb = r.get()->find_behavior(behavior_kind::endpoint, "endpointCredentialsBehavior");
        REQUIRE(eb);
        CHECK(eb->client_credentials->client_certificate.location == store_location::local_machine);
        CHECK(eb->client_credentials->client_certificate.find_type == x509_find_type::find_by_subject_name);
    }
}

TEST_CASE("seed 000: <clientCertificate> of <serviceCredentials>", "[config][seeds]") {
    auto blocks = blocks_of("000_b85f88ecac2cb889.txt");
    if (blocks.empty()) {
        WARN("seeds not found at " << seeds << "; skipped");
        return;
    }
    REQUIRE(blocks.size() == 1);
    // The syntax block, placed where it belongs.
    auto r = read_string(test::service_model("<behaviors><serviceBehaviors><behavior><serviceCredentials>" + blocks[0] +
                                             "</serviceCredentials></behavior></serviceBehaviors></behaviors>"));
    INFO(test::dump(r.diagnostics()));
    REQUIRE(r.ok());
    auto const& sc = *r.get()->behaviors.at(0).service_credentials;
    CHECK_FALSE(sc.client_certificate.specified); // <certificate /> alone names no certificate
    CHECK(sc.client_certificate_authentication.validation_mode == certificate_validation_mode::chain_trust);
}
