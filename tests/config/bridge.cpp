// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/config/bridge.hpp>

#include <wsbind/config/reader.hpp>

#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <type_traits>

using namespace wsbind;
using namespace wsbind::config;

TEST_CASE("visit_binding: a configuration-loaded binding reaches the typed runtime", "[config][bridge]") {
    auto r = read_string(test::service_model(R"(<bindings><wsHttpBinding><binding name="seed002" sendTimeout="00:05:00">
  <reliableSession enabled="true" ordered="true"/>
  <security mode="Message"><message clientCredentialType="Certificate"/></security>
</binding></wsHttpBinding></bindings>)"));
    REQUIRE(r.ok());
    auto const& d = r.get()->bindings.at(0).description;
    bool called = false;
    bool const visited = visit_binding(d, [&](auto tag) {
        using B = typename decltype(tag)::type;
        called = true;
        STATIC_REQUIRE(is_binding<B>);
        CHECK(same_shape<B>(d));
        CHECK(std::is_same_v<B, ws_http_binding<security<mode::message, message_credential::certificate>,
                                                reliable_session<enabled<true>>>>);
        CHECK(facts<B>::reliable);
        CHECK(facts<B>::needs_client_certificate);
    });
    CHECK(visited);
    CHECK(called);
}

TEST_CASE("visit_binding: every standard binding type and its shapes", "[config][bridge]") {
    for (auto kind : {binding_kind::basic_http, binding_kind::ws_http, binding_kind::ws_2007_http, binding_kind::ws_dual_http,
                      binding_kind::net_tcp}) {
        for (auto m : allowed_security_modes(kind)) {
            auto d = default_description(kind);
            d.security.mode = m;
            if (kind == binding_kind::basic_http && m == security_mode::message)
                d.security.message.client_credential_type = message_credential_type::certificate;
            if (m == security_mode::transport_with_message_credential && kind != binding_kind::basic_http)
                d.security.message.client_credential_type = message_credential_type::user_name;
            if (m == security_mode::transport_credential_only) d.security.transport.client_credential_type = transport_credential_type::basic;
            INFO(to_string(kind) << " " << to_string(m));
            REQUIRE(is_valid(d));
            bool shape = false;
            CHECK(visit_binding(d, [&](auto tag) { shape = same_shape<typename decltype(tag)::type>(d); }));
            CHECK(shape);
        }
    }
}

TEST_CASE("visit_binding: invalid and custom descriptions are not visited", "[config][bridge]") {
    auto d = default_description(binding_kind::basic_http);
    d.security.mode = security_mode::message; // needs Certificate
    CHECK_FALSE(visit_binding(d, [](auto) { FAIL("visited"); }));
    auto c = default_description(binding_kind::custom);
    CHECK_FALSE(visit_binding(c, [](auto) { FAIL("visited"); }));
}
