#include <wsbind/core/schema.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace wsbind;

TEST_CASE("the schema names each setting once per binding, with its value kind", "[core][schema]") {
    for (auto k : {binding_kind::basic_http, binding_kind::ws_http, binding_kind::ws_dual_http, binding_kind::net_tcp,
                   binding_kind::custom}) {
        std::set<std::string> keys;
        for (auto const& s : binding_schema(k)) {
            std::string key(s.element);
            key += '/';
            key += s.path;
            INFO(to_string(k) << " " << key);
            CHECK(keys.insert(key).second);
            CHECK(s.field < 200);
            if (s.kind == value_kind::enumeration || s.kind == value_kind::flags) CHECK(s.enums != nullptr);
        }
    }
    CHECK(binding_schema(binding_kind::ws_http).size() == binding_schema(binding_kind::ws_2007_http).size());
}

TEST_CASE("settings exist exactly where WCF's configuration has the attribute", "[core][schema]") {
    STATIC_REQUIRE(find_setting(binding_kind::basic_http, "", "maxBufferSize") != nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::ws_http, "", "maxBufferSize") == nullptr);        // WS bindings buffer
    STATIC_REQUIRE(find_setting(binding_kind::ws_http, "", "transferMode") == nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::ws_dual_http, "", "reliableSession/enabled") == nullptr); // always on
    STATIC_REQUIRE(find_setting(binding_kind::ws_dual_http, "", "allowCookies") == nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::ws_dual_http, "", "security/message/establishSecurityContext") == nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::basic_http, "", "security/message/negotiateServiceCredential") == nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::net_tcp, "", "security/transport/sslProtocols") != nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::custom, "httpsTransport", "requireClientCertificate") != nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::custom, "httpTransport", "requireClientCertificate") == nullptr);
    STATIC_REQUIRE(find_setting(binding_kind::custom, "security", "secureConversationBootstrap/localServiceSettings/maxPendingSessions") != nullptr);
}

TEST_CASE("ranges come from WCF's validators", "[core][schema]") {
    auto const& rs = *find_setting(binding_kind::custom, "reliableSession", "maxTransferWindowSize");
    CHECK(rs.min == 1);
    CHECK(rs.max == 4096);
    CHECK(in_range(rs, setting_value{4096, {}}));
    CHECK_FALSE(in_range(rs, setting_value{4097, {}}));
    auto const& pool_std = *find_setting(binding_kind::basic_http, "", "maxBufferPoolSize");
    auto const& pool_transport = *find_setting(binding_kind::custom, "httpTransport", "maxBufferPoolSize");
    CHECK(pool_std.min == 0);       // standard bindings accept 0
    CHECK(pool_transport.min == 1); // the transport element does not
    auto const& timeout = *find_setting(binding_kind::ws_http, "", "sendTimeout");
    CHECK(in_range(timeout, setting_value{timespan::infinite().ticks(), {}}));
    CHECK_FALSE(in_range(timeout, setting_value{max_wait.ticks() + 1, {}}));
    CHECK_FALSE(in_range(timeout, setting_value{-1, {}}));
    auto const& inactivity = *find_setting(binding_kind::ws_http, "", "reliableSession/inactivityTimeout");
    CHECK_FALSE(in_range(inactivity, setting_value{0, {}}));
    auto const& mode = *find_setting(binding_kind::ws_http, "", "security/mode");
    CHECK_FALSE(in_range(mode, setting_value{99, {}}));
}

TEST_CASE("apply keeps readerQuotas defaults for 0, like .NET", "[core][schema]") {
    auto d = default_description(binding_kind::basic_http);
    auto const& depth = *find_setting(binding_kind::basic_http, "", "readerQuotas/maxDepth");
    apply(depth, d, setting_value{0, {}});
    CHECK(d.encoder.reader_quotas.max_depth == 32);
    apply(depth, d, setting_value{7, {}});
    CHECK(d.encoder.reader_quotas.max_depth == 7);
}

TEST_CASE("optional settings read as their value in effect until configured", "[core][schema]") {
    auto d = default_description(binding_kind::custom);
    auto const& ts = *find_setting(binding_kind::custom, "security", "includeTimestamp");
    CHECK(ts.optional);
    CHECK_FALSE(ts.is_set(d));
    CHECK(value_of(ts, d).number == 1);
    ts.set(d, setting_value{0, {}});
    CHECK(ts.is_set(d));
    CHECK(value_of(ts, d).number == 0);
    ts.reset(d);
    CHECK_FALSE(ts.is_set(d));
    auto const& lc = *find_setting(binding_kind::custom, "security", "localClientSettings/maxClockSkew");
    CHECK(value_of(lc, d).number == timespan::from_minutes(5).ticks()); // absent sub-element reads as defaults
    lc.set(d, setting_value{timespan::from_minutes(1).ticks(), {}});
    REQUIRE(d.security_element.local_client.has_value());
    CHECK(d.security_element.local_client->max_clock_skew == timespan::from_minutes(1));
}
