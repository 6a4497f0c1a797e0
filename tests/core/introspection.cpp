#include <wsbind/core/introspection.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/equal.hpp>

#include <catch2/catch.hpp>

using namespace wsbind;
namespace hana = boost::hana;

using calculator = ws_http_binding<security<mode::message, message_credential::certificate>>;

TEST_CASE("a binding's policies are a Hana sequence of types", "[core][introspection]") {
    STATIC_REQUIRE(policy_count<calculator> == 1);
    STATIC_REQUIRE(hana::at_c<0>(policies_of<calculator>) ==
                   hana::basic_type<security<mode::message, message_credential::certificate>>{});
    STATIC_REQUIRE(policy_count<basic_http_binding<>> == 0);
}

TEST_CASE("policies can be added and a binding rebound to another binding type", "[core][introspection]") {
    using reliable = with_policies_t<calculator, reliable_session<ordered<true>>>;
    STATIC_REQUIRE(describe<reliable>().reliable_session.enabled);
    STATIC_REQUIRE(describe<reliable>().security.message.client_credential_type == message_credential_type::certificate);
    using ws2007 = rebind_t<reliable, binding_kind::ws_2007_http>;
    STATIC_REQUIRE(describe<ws2007>().kind == binding_kind::ws_2007_http);
    STATIC_REQUIRE(reliable_version_of(describe<ws2007>()) == reliable_messaging_version::ws_reliable_messaging_11);
    STATIC_REQUIRE(facts<ws2007>::security_element.version == message_security_version::wss11_trust13_sc13_sp12_bsp10);
}
