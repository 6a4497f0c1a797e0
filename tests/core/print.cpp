#include <wsbind/core/binding.hpp>
#include <wsbind/core/io.hpp>
#include <wsbind/core/print.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace wsbind;

TEST_CASE("values print in .NET's configuration form", "[core][print]") {
    auto const& ssl = *find_setting(binding_kind::net_tcp, "", "security/transport/sslProtocols");
    auto d = default_description(binding_kind::net_tcp);
    CHECK(format_value(ssl, value_of(ssl, d)) == "Tls, Tls11, Tls12");
    d.security.transport.ssl = ssl_protocols::tls12 | ssl_protocols::tls13;
    CHECK(format_value(ssl, value_of(ssl, d)) == "Tls12, Tls13");
    auto const& auth = *find_setting(binding_kind::custom, "httpTransport", "authenticationScheme");
    CHECK(format_value(auth, setting_value{6, {}}) == "IntegratedWindowsAuthentication");
    CHECK(format_value(auth, setting_value{8 | 1, {}}) == "Digest, Basic");
    auto const& ack = *find_setting(binding_kind::custom, "reliableSession", "acknowledgementInterval");
    CHECK(format_value(ack, setting_value{2'000'000, {}}) == "00:00:00.2000000");
}

TEST_CASE("a description prints every setting that applies", "[core][print]") {
    std::ostringstream os;
    os << describe<ws_http_binding<security<mode::message, message_credential::certificate>>>();
    auto const s = os.str();
    CHECK(s.rfind("wsHttpBinding\n", 0) == 0);
    CHECK(s.find("  security/message/clientCredentialType=Certificate\n") != std::string::npos);
    CHECK(s.find("  reliableSession/inactivityTimeout=00:10:00\n") != std::string::npos);
    auto custom = to_string(describe<custom_binding<text_message_encoding<>, http_transport<>>>());
    CHECK(custom.find("[textMessageEncoding, httpTransport]") != std::string::npos);
    CHECK(custom.find("security/") == std::string::npos); // elements not in the stack are not printed
}
