// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/config/values.hpp>
#include <wsbind/credentials/enums.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace wsbind;
using namespace wsbind::config;

namespace {

value_spec spec(value_kind k, std::int64_t min, std::int64_t max) {
    value_spec s;
    s.kind = k;
    s.min = min;
    s.max = max;
    return s;
}

template <class E>
value_spec enum_spec(std::string_view allowed = {}) {
    value_spec s;
    s.kind = wsbind::detail::is_flags_enum<E> ? value_kind::flags : value_kind::enumeration;
    s.enums = &wsbind::detail::enum_table_for<E>;
    s.allowed_names = allowed;
    return s;
}

value_spec const boolean = spec(value_kind::boolean, 0, 1);
value_spec const int32_positive = spec(value_kind::int32, 1, std::numeric_limits<std::int32_t>::max());
value_spec const int64_positive = spec(value_kind::int64, 1, std::numeric_limits<std::int64_t>::max());
value_spec const timeout = spec(value_kind::timespan, 0, max_wait.ticks());

} // namespace

TEST_CASE("booleans: trimmed, any case, nothing else", "[config][values]") {
    CHECK(parse_value(boolean, "true", "allowCookies").value.number == 1);
    CHECK(parse_value(boolean, "FALSE", "allowCookies").value.number == 0);
    CHECK(parse_value(boolean, " True\t", "allowCookies").value.number == 1);
    auto r = parse_value(boolean, "yes", "allowCookies");
    REQUIRE_FALSE(r);
    CHECK(r.message == "The value of the property 'allowCookies' cannot be parsed. The error is: yes is not a valid value for Boolean.");
    CHECK(r.allowed == "true or false (any case)");
    CHECK_FALSE(parse_value(boolean, "1", "allowCookies"));
    CHECK_FALSE(parse_value(boolean, "", "allowCookies"));
}

TEST_CASE("integers: .NET's Int32/Int64 converters and validators", "[config][values]") {
    CHECK(parse_value(int64_positive, "65536", "maxReceivedMessageSize").value.number == 65536);
    CHECK(parse_value(int64_positive, "  +42 ", "maxReceivedMessageSize").value.number == 42);
    CHECK(parse_value(int64_positive, "0x10", "maxReceivedMessageSize").value.number == 16);
    CHECK(parse_value(int64_positive, "#ff", "maxReceivedMessageSize").value.number == 255);
    CHECK(parse_value(int64_positive, "&H10", "maxReceivedMessageSize").value.number == 16);
    CHECK(parse_value(int64_positive, "9223372036854775807", "maxReceivedMessageSize").value.number ==
          std::numeric_limits<std::int64_t>::max());

    SECTION("not a number") {
        auto r = parse_value(int64_positive, "64k", "maxReceivedMessageSize");
        REQUIRE_FALSE(r);
        CHECK(r.message == "The value of the property 'maxReceivedMessageSize' cannot be parsed. The error is: 64k is not a valid value for Int64.");
        CHECK(r.allowed == "an integer in the range 1-9223372036854775807");
        CHECK_FALSE(parse_value(int64_positive, "1,000", "maxReceivedMessageSize"));
        CHECK_FALSE(parse_value(int64_positive, "1.5", "maxReceivedMessageSize"));
        CHECK_FALSE(parse_value(int64_positive, "", "maxReceivedMessageSize"));
        CHECK_FALSE(parse_value(int64_positive, "0x", "maxReceivedMessageSize"));
    }
    SECTION("overflow is a conversion error, not a wrap-around") {
        CHECK_FALSE(parse_value(int32_positive, "2147483648", "maxBufferSize"));
        CHECK_FALSE(parse_value(int64_positive, "9223372036854775808", "maxReceivedMessageSize"));
        CHECK_FALSE(parse_value(int64_positive, std::string(5000, '9'), "maxReceivedMessageSize"));
    }
    SECTION("range") {
        auto r = parse_value(int32_positive, "0", "maxBufferSize");
        REQUIRE_FALSE(r);
        CHECK(r.code == "Validation_scalar_range_violation_not_in_range");
        CHECK(r.message == "The value for the property 'maxBufferSize' is not valid. The error is: The value must be inside the range 1-2147483647.");
        CHECK_FALSE(parse_value(int32_positive, "-5", "maxBufferSize"));
    }
    SECTION("hex is two's complement over the type (Convert.ToInt32(s, 16))") {
        auto any32 = spec(value_kind::int32, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max());
        CHECK(parse_value(any32, "0xFFFFFFFF", "x").value.number == -1);
        CHECK_FALSE(parse_value(any32, "0x100000000", "x"));
    }
}

TEST_CASE("enumerations: exact, case-sensitive names", "[config][values]") {
    auto const modes = enum_spec<security_mode>();
    CHECK(parse_value(modes, "Message", "mode").value.number == static_cast<std::int64_t>(security_mode::message));

    SECTION("wrong case names the right spelling") {
        auto r = parse_value(modes, "message", "mode");
        REQUIRE_FALSE(r);
        CHECK(r.code == "Invalid_enum_value");
        CHECK(r.message.find("The enumeration value must be one of the following: None, Transport, Message, "
                             "TransportWithMessageCredential, TransportCredentialOnly.") != std::string::npos);
        CHECK(r.message.find("did you mean 'Message'") != std::string::npos);
    }
    SECTION("surrounding whitespace is refused and said") {
        auto r = parse_value(enum_spec<message_credential_type>(), " Certificate", "clientCredentialType");
        REQUIRE_FALSE(r);
        CHECK(r.message.find("surrounding whitespace") != std::string::npos);
        CHECK_FALSE(parse_value(enum_spec<message_credential_type>(), "Certificate ", "clientCredentialType"));
    }
    SECTION("numbers are not names") {
        CHECK_FALSE(parse_value(modes, "2", "mode"));
        CHECK_FALSE(parse_value(modes, "-1", "mode"));
        CHECK_FALSE(parse_value(modes, "+Message", "mode"));
        CHECK_FALSE(parse_value(modes, "", "mode"));
    }
    SECTION("a binding's narrower enum lists only its names") {
        auto const basic = enum_spec<message_credential_type>("UserName, Certificate");
        CHECK(parse_value(basic, "Certificate", "clientCredentialType"));
        auto r = parse_value(basic, "Windows", "clientCredentialType");
        REQUIRE_FALSE(r);
        CHECK(r.message.find("must be one of the following: UserName, Certificate.") != std::string::npos);
        CHECK(r.allowed == "UserName, Certificate");
    }
    SECTION("class factory types accept Default") {
        auto const rm = enum_spec<reliable_messaging_version>();
        CHECK(parse_value(rm, "Default", "reliableMessagingVersion").value.number ==
              static_cast<std::int64_t>(reliable_messaging_version::ws_reliable_messaging_february_2005));
        CHECK(parse_value(rm, "WSReliableMessaging11", "reliableMessagingVersion").value.number ==
              static_cast<std::int64_t>(reliable_messaging_version::ws_reliable_messaging_11));
        auto r = parse_value(rm, "default", "reliableMessagingVersion");
        REQUIRE_FALSE(r);
        CHECK(r.code == "ConfigInvalidClassFactoryValue");
        CHECK(r.allowed == "WSReliableMessagingFebruary2005, WSReliableMessaging11, Default");
        CHECK(parse_value(enum_spec<message_version>(), "Default", "messageVersion").value.number ==
              static_cast<std::int64_t>(message_version::soap12_ws_addressing10));
        CHECK(parse_value(enum_spec<message_security_version>(), "Default", "messageSecurityVersion"));
    }
    SECTION("algorithm suites are case-sensitive (Mono's converter is not)") {
        CHECK(parse_value(enum_spec<algorithm_suite>(), "Basic256Sha256", "algorithmSuite"));
        CHECK_FALSE(parse_value(enum_spec<algorithm_suite>(), "basic256sha256", "algorithmSuite"));
        CHECK(parse_value(enum_spec<algorithm_suite>(), "TripleDesSha256Rsa15", "algorithmSuite"));
    }
}

TEST_CASE("flags enumerations: comma-separated names", "[config][values]") {
    auto const ssl = enum_spec<ssl_protocols>();
    auto r = parse_value(ssl, "Tls, Tls11,Tls12", "sslProtocols");
    REQUIRE(r);
    CHECK(r.value.number == static_cast<std::int64_t>(ssl_protocols::tls | ssl_protocols::tls11 | ssl_protocols::tls12));
    CHECK(format_value(ssl, r.value) == "Tls, Tls11, Tls12");
    CHECK_FALSE(parse_value(ssl, "Tls,", "sslProtocols"));
    CHECK_FALSE(parse_value(ssl, "Tls, tls11", "sslProtocols"));
    CHECK_FALSE(parse_value(ssl, " Tls", "sslProtocols"));
    auto const schemes = enum_spec<authentication_schemes>();
    CHECK(parse_value(schemes, "Negotiate, Ntlm", "authenticationScheme").value.number == 6);
    CHECK(format_value(schemes, setting_value{6, {}}) == "IntegratedWindowsAuthentication");
}

TEST_CASE("TimeSpan: TimeSpanOrInfiniteConverter and the range validator", "[config][values]") {
    auto ticks = [&](std::string_view t) { return parse_value(timeout, t, "openTimeout").value.number; };
    CHECK(ticks("00:10:00") == timespan::from_minutes(10).ticks());
    CHECK(ticks("10") == timespan::from_days(10).ticks());
    CHECK(ticks("1.02:03:04.5") == (timespan::from_days(1) + timespan::from_hours(2) + timespan::from_minutes(3) +
                                    timespan::from_seconds(4) + timespan::from_milliseconds(500)).ticks());
    CHECK(ticks(" 00:01:00 ") == timespan::from_minutes(1).ticks());
    CHECK(ticks("Infinite") == timespan::infinite().ticks());
    CHECK(ticks("INFINITE") == timespan::infinite().ticks());
    CHECK_FALSE(parse_value(timeout, " Infinite", "openTimeout")); // not trimmed before the Infinite test; then not a TimeSpan
    CHECK_FALSE(parse_value(timeout, "00:60:00", "openTimeout"));
    CHECK_FALSE(parse_value(timeout, "1 minute", "openTimeout"));
    SECTION("range: at most MaxWait, unless Infinite") {
        CHECK(parse_value(timeout, "24.20:31:23.647", "openTimeout"));
        auto r = parse_value(timeout, "25.00:00:00", "openTimeout");
        REQUIRE_FALSE(r);
        CHECK(r.message == "The value for the property 'openTimeout' is not valid. The error is: The value must be inside the "
                           "range 00:00:00-24.20:31:23.6470000 (or Infinite).");
        CHECK_FALSE(parse_value(timeout, "-00:00:01", "openTimeout"));
    }
    CHECK(format_value(timeout, setting_value{timespan::from_days(1).ticks(), {}}) == "1.00:00:00");
    CHECK(format_value(timeout, setting_value{timespan::infinite().ticks(), {}}) == "Infinite");
}

TEST_CASE("text encodings: names .NET knows, of which WCF's encoders take three", "[config][values]") {
    auto const enc = enum_spec<text_encoding>();
    CHECK(parse_value(enc, "utf-8", "textEncoding").value.number == static_cast<std::int64_t>(text_encoding::utf8));
    CHECK(parse_value(enc, "UTF-8", "textEncoding").value.number == static_cast<std::int64_t>(text_encoding::utf8));
    CHECK(parse_value(enc, "unicode", "textEncoding").value.number == static_cast<std::int64_t>(text_encoding::utf16));
    CHECK(parse_value(enc, "utf-16BE", "textEncoding").value.number == static_cast<std::int64_t>(text_encoding::unicode_fffe));
    auto r = parse_value(enc, "iso-8859-1", "textEncoding");
    REQUIRE_FALSE(r);
    CHECK(r.code == "MessageTextEncodingNotSupported");
    auto u = parse_value(enc, "utf-9", "textEncoding");
    REQUIRE_FALSE(u);
    CHECK(u.code == "ConfigInvalidEncodingValue");
    CHECK(u.allowed.find("utf-8, utf-16 or unicodeFFFE") != std::string::npos);
}

TEST_CASE("URIs: relative or absolute, absolute ones need a host", "[config][values]") {
    std::string why;
    CHECK(is_valid_uri("http://localhost:8000/service", why));
    CHECK(is_valid_uri("mex", why));
    CHECK(is_valid_uri("urn:Stuff", why));
    CHECK(is_valid_uri("net.tcp://[::1]:808/x", why));
    CHECK_FALSE(is_valid_uri("http://", why));
    CHECK(why == "Invalid URI: The hostname could not be parsed.");
    CHECK_FALSE(is_valid_uri("http://host:99999/", why));
    CHECK(why == "Invalid URI: Invalid port specified.");
    std::string scheme;
    CHECK(is_absolute_uri("net.tcp://h/x", &scheme));
    CHECK(scheme == "net.tcp");
    CHECK_FALSE(is_absolute_uri("/relative/path"));
}

TEST_CASE("enumerations: a list of names is combined as Enum.Parse does, then checked by IsDefined", "[config][values]") {
    // wsHttpBinding/netTcpBinding <security mode>: SecurityMode (None = 0, Transport = 1, Message = 2,
    // TransportWithMessageCredential = 3).
    auto const modes = enum_spec<security_mode>("None, Transport, Message, TransportWithMessageCredential");
    auto const twmc = static_cast<std::int64_t>(security_mode::transport_with_message_credential);

    SECTION("Transport, Message is 1 | 2 = 3: TransportWithMessageCredential") {
        auto r = parse_value(modes, "Transport, Message", "mode");
        REQUIRE(r);
        CHECK(r.value.number == twmc);
        CHECK(parse_value(modes, "Message,Transport", "mode").value.number == twmc);
        CHECK(parse_value(modes, "Message , \tMessage", "mode").value.number == static_cast<std::int64_t>(security_mode::message));
        CHECK(parse_value(modes, "None, Transport", "mode").value.number == static_cast<std::int64_t>(security_mode::transport));
    }
    SECTION("parts are trimmed; the whole value may still not have surrounding whitespace") {
        CHECK_FALSE(parse_value(modes, " Transport, Message", "mode"));
        CHECK_FALSE(parse_value(modes, "Transport, Message ", "mode"));
    }
    SECTION("every part must be an exact name") {
        auto r = parse_value(modes, "Transport, message", "mode");
        REQUIRE_FALSE(r);
        CHECK(r.code == "Invalid_enum_value");
        CHECK(r.message.find("must be one of the following: None, Transport, Message, TransportWithMessageCredential.") !=
              std::string::npos);
        CHECK_FALSE(parse_value(modes, "Transport,,Message", "mode"));
        CHECK_FALSE(parse_value(modes, "Transport,", "mode"));
        CHECK_FALSE(parse_value(modes, "Transport, 2", "mode"));
        CHECK_FALSE(parse_value(modes, "Transport, TransportCredentialOnly", "mode")); // not a SecurityMode name
    }
    SECTION("a combination the enumeration does not define is refused by the property's validator") {
        // basicHttpBinding: BasicHttpSecurityMode, Message | TransportCredentialOnly = 2 | 4 = 6.
        auto const basic = enum_spec<security_mode>("None, Transport, Message, TransportWithMessageCredential, TransportCredentialOnly");
        auto r = parse_value(basic, "Message, TransportCredentialOnly", "mode");
        REQUIRE_FALSE(r);
        CHECK(r.code == "InvalidEnumArgument");
        CHECK(r.message.find("The value for the property 'mode' is not valid.") != std::string::npos);
        CHECK(r.message.find("The value of argument 'value' (6)") != std::string::npos);
        CHECK(parse_value(basic, "Transport, Message", "mode").value.number == twmc);
    }
    SECTION("the binding's own enumeration gives the numbers") {
        // BasicHttpMessageCredentialType: UserName = 0, Certificate = 1.
        CHECK(parse_value(enum_spec<message_credential_type>("UserName, Certificate"), "UserName, Certificate", "clientCredentialType")
                  .value.number == static_cast<std::int64_t>(message_credential_type::certificate));
        // MessageCredentialType: Windows = 1 | UserName = 2 = Certificate (3).
        CHECK(parse_value(enum_spec<message_credential_type>(), "Windows, UserName", "clientCredentialType").value.number ==
              static_cast<std::int64_t>(message_credential_type::certificate));
        // TcpClientCredentialType: Windows = 1 | Certificate = 2 = 3, not defined.
        CHECK_FALSE(parse_value(enum_spec<transport_credential_type>("None, Windows, Certificate"), "Windows, Certificate",
                                "clientCredentialType"));
        // HttpClientCredentialType: Windows = 4 | Certificate = 5 = 5.
        CHECK(parse_value(enum_spec<transport_credential_type>(), "Windows, Certificate", "clientCredentialType").value.number ==
              static_cast<std::int64_t>(transport_credential_type::certificate));
    }
    SECTION("StoreLocation and StoreName count from 1") {
        // CurrentUser = 1 | LocalMachine = 2 = 3: not defined.
        CHECK_FALSE(parse_value(enum_spec<store_location>(), "CurrentUser, LocalMachine", "storeLocation"));
        // AddressBook = 1 | AuthRoot = 2 = 3: CertificateAuthority.
        CHECK(parse_value(enum_spec<store_name>(), "AddressBook, AuthRoot", "storeName").value.number ==
              static_cast<std::int64_t>(store_name::certificate_authority));
    }
}

TEST_CASE("timespans: more than five fields are a format error", "[config][values]") {
    // core's parse_timespan wrote past its separator array for these (fuzz_config); the
    // configuration layer refuses them before it gets them.
    auto const ts = spec(value_kind::timespan, 0, max_wait.ticks());
    for (char const* text : {"1:2:3:4:5:6", "1.2:3:4.5:", "0:0:0:0:0.", "  1:2:3:4:5:6  ", "-1.2:3:4.5.6"}) {
        INFO(text);
        auto r = parse_value(ts, text, "acknowledgementInterval");
        REQUIRE_FALSE(r);
        CHECK(r.code == "Top_level_conversion_error_from_string");
        CHECK(r.message.find("is not a valid value for TimeSpan.") != std::string::npos);
    }
    CHECK(parse_value(ts, "1.02:03:04.5", "x"));
}

TEST_CASE("parse_plain_value: the common forms give what parse_value gives, anything else is left to it", "[config][values]") {
    std::vector<std::string> texts = {"", "true", "TRUE", "False", " true", "true ", "yes", "0", "1", "10", "0123", "65536",
                                      "524288", "999999999", "2147483647", "2147483648", "9223372036854775807", "-1", "+5",
                                      "0x10", "#10", "1 ", "00:00:00", "00:20:00", "23:59:59", "24:00:00", "00:60:00",
                                      "00:00:60", "0:20:00", "00:20", "1.00:00:00", "00:20:00.5", "Infinite", "infinite",
                                      "Default", "None", "none", " None", "None,Message", "Message, Transport", "1x"};
    std::size_t plain = 0, compared = 0;
    auto check = [&](value_spec const& s) {
        std::vector<std::string> all = texts;
        if (s.enums)
            for (auto const& e : *s.enums) all.emplace_back(e.name);
        for (auto const& t : all) {
            setting_value v{42, {}};
            bool const fast = parse_plain_value(s, t, v);
            auto const r = parse_value(s, t, "p");
            ++compared;
            if (!fast) continue;
            ++plain;
            INFO("value " << t << " kind " << static_cast<int>(s.kind));
            REQUIRE(r.ok);
            CHECK(v == r.value);
        }
    };
    for (auto kind : {binding_kind::basic_http, binding_kind::ws_http, binding_kind::ws_2007_http, binding_kind::ws_dual_http,
                      binding_kind::net_tcp, binding_kind::custom})
        for (auto const& s : binding_schema(kind)) check(spec_of(s));
    check(spec(value_kind::int64, -5, std::numeric_limits<std::int64_t>::max()));
    check(spec(value_kind::timespan, timespan::from_minutes(1).ticks(), timespan::from_hours(1).ticks()));
    CHECK(plain > 100);
    CHECK(compared > plain);
}
