#include <wsbind/core/binding.hpp>

#include <catch2/catch.hpp>

using namespace wsbind;

using calculator = ws_http_binding<security<mode::message, message_credential::certificate>>;
using reliable_calculator =
    ws_http_binding<security<mode::message, message_credential::certificate>, reliable_session<ordered<true>>>;

TEST_CASE("the seed bindings describe themselves as WCF would configure them", "[core][binding]") {
    constexpr auto const& d = describe<calculator>();
    STATIC_REQUIRE(d.kind == binding_kind::ws_http);
    STATIC_REQUIRE(d.security.mode == security_mode::message);
    STATIC_REQUIRE(d.security.message.client_credential_type == message_credential_type::certificate);
    STATIC_REQUIRE(d.security.message.negotiate_service_credential);
    STATIC_REQUIRE(d.security.message.establish_security_context);
    STATIC_REQUIRE_FALSE(d.reliable_session.enabled);
    constexpr auto const& r = describe<reliable_calculator>();
    STATIC_REQUIRE(r.reliable_session.enabled);
    STATIC_REQUIRE(r.reliable_session.ordered);
    STATIC_REQUIRE(r.reliable_session.inactivity_timeout == timespan::from_minutes(10));
}

TEST_CASE("omitted policies keep WCF's defaults; order does not matter", "[core][binding]") {
    auto expected = default_description(binding_kind::ws_http);
    expected.security.message.client_credential_type = message_credential_type::certificate;
    CHECK(describe<calculator>() == expected);
    using a = basic_http_binding<max_received_message_size<1 << 20>, security<mode::transport, transport_credential::certificate>,
                                 reader_quotas<max_depth<64>>>;
    using b = basic_http_binding<reader_quotas<max_depth<64>>, security<transport_credential::certificate, mode::transport>,
                                 max_received_message_size<1 << 20>>;
    STATIC_REQUIRE(describe<a>() == describe<b>());
    STATIC_REQUIRE(describe<basic_http_binding<>>() == default_description(binding_kind::basic_http));
}

TEST_CASE("every kind of policy reaches its setting", "[core][binding]") {
    using B = ws_http_binding<
        open_timeout<"00:00:30">, close_timeout<"Infinite">, send_timeout<"1.00:00:00">, receive_timeout<"00:20:00">,
        max_received_message_size<1000000>, max_buffer_pool_size<0>, allow_cookies<true>, bypass_proxy_on_local<true>,
        use_default_web_proxy<false>, proxy_address<"http://proxy:8080/">, transaction_flow<true>,
        with<message_encoding::mtom>, with<text_encoding::utf16>, with<host_name_comparison_mode::exact>,
        reader_quotas<max_depth<64>, max_string_content_length<1 << 20>, max_array_length<0>>,
        reliable_session<ordered<false>, inactivity_timeout<"00:05:00">>,
        security<mode::transport_with_message_credential, message_credential::user_name, transport_credential::basic,
                 with<proxy_credential_type::ntlm>, realm<"contoso">, with<algorithm_suite::basic256_sha256>,
                 establish_security_context<true>, negotiate_service_credential<false>,
                 with<policy_enforcement::always>>>;
    constexpr auto const& d = describe<B>();
    STATIC_REQUIRE(d.timeouts.open_timeout == timespan::from_seconds(30));
    STATIC_REQUIRE(d.timeouts.close_timeout.is_infinite());
    STATIC_REQUIRE(d.timeouts.send_timeout == timespan::from_days(1));
    STATIC_REQUIRE(d.timeouts.receive_timeout == timespan::from_minutes(20));
    STATIC_REQUIRE(d.transport.max_received_message_size == 1000000);
    STATIC_REQUIRE(d.transport.max_buffer_pool_size == 0);
    STATIC_REQUIRE(d.transport.allow_cookies);
    STATIC_REQUIRE(d.transport.proxy_address == std::string_view("http://proxy:8080/"));
    STATIC_REQUIRE(d.encoder.encoding == message_encoding::mtom);
    STATIC_REQUIRE(d.encoder.write_encoding == text_encoding::utf16);
    STATIC_REQUIRE(d.encoder.reader_quotas.max_depth == 64);
    STATIC_REQUIRE(d.encoder.reader_quotas.max_array_length == 16384); // 0 keeps the default, as in .NET
    STATIC_REQUIRE(d.reliable_session.enabled);
    STATIC_REQUIRE_FALSE(d.reliable_session.ordered);
    STATIC_REQUIRE(d.security.transport.client_credential_type == transport_credential_type::basic);
    STATIC_REQUIRE(d.security.transport.proxy_credential == proxy_credential_type::ntlm);
    STATIC_REQUIRE(d.security.transport.realm == std::string_view("contoso"));
    STATIC_REQUIRE(d.security.transport.extended_protection.enforcement == policy_enforcement::always);
    STATIC_REQUIRE(d.security.message.suite == algorithm_suite::basic256_sha256);
    STATIC_REQUIRE_FALSE(d.security.message.negotiate_service_credential);
}

TEST_CASE("reliable_session<enabled<false>> is allowed and wins over the group's implied enabled", "[core][binding]") {
    using B = ws_http_binding<reliable_session<enabled<false>, ordered<false>>>;
    STATIC_REQUIRE_FALSE(describe<B>().reliable_session.enabled);
    STATIC_REQUIRE_FALSE(describe<B>().reliable_session.ordered);
    // wsDualHttpBinding has no `enabled`: the session is always on.
    using D = ws_dual_http_binding<reliable_session<ordered<false>>>;
    STATIC_REQUIRE(describe<D>().reliable_session.enabled);
}

TEST_CASE("a customBinding is an ordered stack of elements", "[core][binding]") {
    using B = custom_binding<
        reliable_session<with<reliable_messaging_version::ws_reliable_messaging_11>, max_retry_count<3>, flow_control_enabled<false>>,
        security<with<authentication_mode::secure_conversation>, require_security_context_cancellation<false>,
                 secure_conversation_bootstrap<with<authentication_mode::mutual_certificate>,
                                               with<message_security_version::wss11_trust13_sc13_sp12_bsp10>>,
                 local_client_settings<max_clock_skew<"00:10:00">>>,
        text_message_encoding<with<message_version::soap12_ws_addressing10>, reader_quotas<max_depth<100>>>,
        https_transport<require_client_certificate<true>, max_received_message_size<200000>, max_buffer_size<200000>>>;
    constexpr auto const& d = describe<B>();
    STATIC_REQUIRE(d.stack.size() == 4);
    STATIC_REQUIRE(d.stack[0] == custom_element::reliable_session);
    STATIC_REQUIRE(d.stack[3] == custom_element::https_transport);
    STATIC_REQUIRE(d.reliable_session.version == reliable_messaging_version::ws_reliable_messaging_11);
    STATIC_REQUIRE(d.reliable_session.max_retry_count == 3);
    STATIC_REQUIRE(d.security_element.mode == authentication_mode::secure_conversation);
    STATIC_REQUIRE_FALSE(d.security_element.require_security_context_cancellation);
    STATIC_REQUIRE(d.security_element.secure_conversation_bootstrap->mode == authentication_mode::mutual_certificate);
    STATIC_REQUIRE(d.security_element.local_client->max_clock_skew == timespan::from_minutes(10));
    STATIC_REQUIRE(d.encoder.reader_quotas.max_depth == 100);
    STATIC_REQUIRE(d.transport.require_client_certificate);
    STATIC_REQUIRE(facts<B>::scheme == "https");
    STATIC_REQUIRE(facts<B>::security_element.secure_conversation);
    STATIC_REQUIRE(facts<B>::reliable);
}

TEST_CASE("binding types are distinct per composition", "[core][binding]") {
    STATIC_REQUIRE(is_binding<calculator>);
    STATIC_REQUIRE_FALSE(is_binding<int>);
    STATIC_REQUIRE(!std::is_same_v<calculator, reliable_calculator>);
}

TEST_CASE("both authentication schemes of an HTTP transport element can be set", "[core][binding]") {
    using B = custom_binding<http_transport<with<authentication_schemes::ntlm>,
                                            proxy_authentication_scheme<authentication_schemes::basic>>>;
    STATIC_REQUIRE(describe<B>().transport.authentication_scheme == authentication_schemes::ntlm);
    STATIC_REQUIRE(describe<B>().transport.proxy_authentication_scheme == authentication_schemes::basic);
}
