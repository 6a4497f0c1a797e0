// Channel stacks composed by type from compile-time bindings, and from descriptions.
#include <wsbind/channel/stack.hpp>

#include <catch2/catch.hpp>

#include <type_traits>

using namespace wsbind;

TEST_CASE("stack_of: the steps each binding asks for", "[channel][stack]") {
    STATIC_REQUIRE(std::is_same_v<channel::stack_of<basic_http_binding<>>::security_step, security_layer::none_step>);
    STATIC_REQUIRE(std::is_same_v<channel::stack_of<basic_http_binding<security<mode::transport>>>::security_step, security_layer::transport_step>);
    STATIC_REQUIRE(std::is_same_v<channel::stack_of<ws_http_binding<security<mode::none>>>::reliable_step, reliable::none_step>);
}

TEST_CASE("make_stack: descriptions the runtime cannot carry say why", "[channel][stack]") {
    std::string why;
    CHECK_FALSE(channel::make_stack(default_description(binding_kind::ws_http), &why)); // Message security by default
    CHECK(why == "security mode Message is not in wsbind's runtime yet (None and Transport are; Message security comes with the WS-Security step)");
    auto rm = default_description(binding_kind::ws_http);
    rm.security.mode = security_mode::none;
    rm.reliable_session.enabled = true;
    CHECK_FALSE(channel::make_stack(rm, &why));
    CHECK(why == "reliable sessions (WS-ReliableMessaging) are not in wsbind's runtime yet");
    CHECK_FALSE(channel::make_stack(default_description(binding_kind::net_tcp), &why));
    CHECK(why.find("netTcpBinding is modelled") != std::string::npos);
    auto windows = default_description(binding_kind::basic_http);
    windows.security.mode = security_mode::transport;
    windows.security.transport.client_credential_type = transport_credential_type::windows;
    CHECK_FALSE(channel::make_stack(windows, &why));
    CHECK(why == "transport clientCredentialType Windows is not supported by wsbind (None and Certificate are)");
    CHECK(channel::make_stack(default_description(binding_kind::basic_http), &why));
}

TEST_CASE("transport_step: service side requires TLS and, when configured, a client certificate", "[channel][security]") {
    security_layer::transport_step step{true};
    auto m = soap::message::create(soap::soap11);
    soap::step_context c;
    auto r = step.on_inbound(m, c);
    REQUIRE(r.status == soap::step_status::refused);
    CHECK(r.fault->http_status == 403);
    c.transport.secure = true;
    r = step.on_inbound(m, c);
    REQUIRE(r.status == soap::step_status::refused);
    CHECK(r.fault->fault.reason.find("presented no verified one") != std::string::npos);
    c.transport.client_certificate_der = "der";
    c.transport.client_certificate_subject = "/CN=x";
    CHECK(step.on_inbound(m, c).status == soap::step_status::pass);
    CHECK(c.identity == "/CN=x");
    soap::step_context client_side;
    client_side.role = soap::channel_role::client;
    CHECK(step.on_inbound(m, client_side).status == soap::step_status::pass);
}

TEST_CASE("settings_of: timeouts and limits come from the description", "[channel][stack]") {
    auto d = default_description(binding_kind::basic_http);
    d.timeouts.send_timeout = timespan::from_seconds(5);
    d.timeouts.receive_timeout = timespan::infinite();
    d.transport.max_received_message_size = 1000;
    auto s = channel::settings_of(d);
    CHECK(s.send_timeout == std::chrono::seconds(5));
    CHECK(s.receive_timeout == std::chrono::milliseconds(2147483647));
    CHECK(s.max_received_message_size == 1000);
    CHECK(s.version == soap::soap11);
    CHECK_FALSE(s.tls);
}
