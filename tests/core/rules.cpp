// Each rule of the table: a description that violates it and a twin that does not.
#include <wsbind/core/rules.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <string>

namespace {

using namespace wsbind;
using mutate = std::function<void(binding_description&)>;

struct rule_case {
    rule_id id;
    binding_kind kind;
    mutate bad;
    mutate good;
};

binding_description make(binding_kind k, mutate const& m) {
    auto d = default_description(k);
    if (k == binding_kind::custom) {
        d.stack.push_back(custom_element::text_message_encoding);
        d.stack.push_back(custom_element::http_transport);
    }
    m(d);
    return d;
}

custom_stack stack_of(std::initializer_list<custom_element> es) {
    custom_stack s;
    for (auto e : es) s.push_back(e);
    return s;
}

std::vector<rule_case> const cases = {
    {rule_id::basic_http_message_credential, binding_kind::basic_http,
     [](auto& d) { d.security.message.client_credential_type = message_credential_type::windows; },
     [](auto& d) { d.security.message.client_credential_type = message_credential_type::certificate; }},
    {rule_id::basic_http_message_requires_certificate, binding_kind::basic_http,
     [](auto& d) { d.security.mode = security_mode::message; },
     [](auto& d) { d.security.mode = security_mode::message; d.security.message.client_credential_type = message_credential_type::certificate; }},
    {rule_id::basic_http_credential_only_no_certificate, binding_kind::basic_http,
     [](auto& d) { d.security.mode = security_mode::transport_credential_only; d.security.transport.client_credential_type = transport_credential_type::certificate; },
     [](auto& d) { d.security.mode = security_mode::transport; d.security.transport.client_credential_type = transport_credential_type::certificate; }},
    {rule_id::ws_http_security_mode, binding_kind::ws_http,
     [](auto& d) { d.security.mode = security_mode::transport_credential_only; },
     [](auto& d) { d.security.mode = security_mode::transport; }},
    {rule_id::ws_2007_http_security_mode, binding_kind::ws_2007_http,
     [](auto& d) { d.security.mode = security_mode::transport_credential_only; },
     [](auto& d) { d.security.mode = security_mode::none; }},
    {rule_id::ws_dual_http_security_mode, binding_kind::ws_dual_http,
     [](auto& d) { d.security.mode = security_mode::transport; },
     [](auto& d) { d.security.mode = security_mode::none; }},
    {rule_id::net_tcp_security_mode, binding_kind::net_tcp,
     [](auto& d) { d.security.mode = security_mode::transport_credential_only; },
     [](auto& d) { d.security.mode = security_mode::transport_with_message_credential; d.security.message.client_credential_type = message_credential_type::certificate; }},
    {rule_id::net_tcp_transport_credential, binding_kind::net_tcp,
     [](auto& d) { d.security.transport.client_credential_type = transport_credential_type::basic; },
     [](auto& d) { d.security.transport.client_credential_type = transport_credential_type::certificate; }},
    {rule_id::net_tcp_ssl_protection_level, binding_kind::net_tcp,
     [](auto& d) { d.security.transport.client_credential_type = transport_credential_type::certificate; d.security.transport.protection = protection_level::sign; },
     [](auto& d) { d.security.transport.client_credential_type = transport_credential_type::windows; d.security.transport.protection = protection_level::sign; }},
    {rule_id::ws_http_mixed_mode_credential, binding_kind::ws_http,
     [](auto& d) { d.security.mode = security_mode::transport_with_message_credential; d.security.message.client_credential_type = message_credential_type::none; },
     [](auto& d) { d.security.mode = security_mode::transport_with_message_credential; d.security.message.client_credential_type = message_credential_type::user_name; }},
    {rule_id::ws_2007_http_mixed_mode_credential, binding_kind::ws_2007_http,
     [](auto& d) { d.security.mode = security_mode::transport_with_message_credential; d.security.message.client_credential_type = message_credential_type::none; },
     [](auto& d) { d.security.mode = security_mode::message; d.security.message.client_credential_type = message_credential_type::none; }},
    {rule_id::net_tcp_mixed_mode_credential, binding_kind::net_tcp,
     [](auto& d) { d.security.mode = security_mode::transport_with_message_credential; d.security.message.client_credential_type = message_credential_type::none; },
     [](auto& d) { d.security.mode = security_mode::transport_with_message_credential; }},
    {rule_id::ws_http_reliable_session_requires_secure_conversation, binding_kind::ws_http,
     [](auto& d) { d.reliable_session.enabled = true; d.security.message.establish_security_context = false; },
     [](auto& d) { d.reliable_session.enabled = true; }},
    {rule_id::ws_2007_http_reliable_session_requires_secure_conversation, binding_kind::ws_2007_http,
     [](auto& d) { d.reliable_session.enabled = true; d.security.mode = security_mode::transport_with_message_credential; d.security.message.establish_security_context = false; },
     [](auto& d) { d.reliable_session.enabled = true; d.security.mode = security_mode::none; d.security.message.establish_security_context = false; }},
    {rule_id::ws_http_reliable_session_not_over_transport_security, binding_kind::ws_http,
     [](auto& d) { d.reliable_session.enabled = true; d.security.mode = security_mode::transport; },
     [](auto& d) { d.reliable_session.enabled = false; d.security.mode = security_mode::transport; }},
    {rule_id::ws_2007_http_reliable_session_not_over_transport_security, binding_kind::ws_2007_http,
     [](auto& d) { d.reliable_session.enabled = true; d.security.mode = security_mode::transport; },
     [](auto& d) { d.reliable_session.enabled = true; d.security.mode = security_mode::transport_with_message_credential; d.security.message.client_credential_type = message_credential_type::certificate; }},
    {rule_id::net_tcp_reliable_session_buffered, binding_kind::net_tcp,
     [](auto& d) { d.reliable_session.enabled = true; d.transport.transfer = transfer_mode::streamed; },
     [](auto& d) { d.reliable_session.enabled = false; d.transport.transfer = transfer_mode::streamed; }},
    {rule_id::custom_reliable_session_buffered, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::reliable_session, custom_element::http_transport}); d.transport.transfer = transfer_mode::streamed_request; },
     [](auto& d) { d.stack = stack_of({custom_element::reliable_session, custom_element::http_transport}); }},
    {rule_id::custom_reliable_session_manual_addressing, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::reliable_session, custom_element::http_transport}); d.transport.manual_addressing = true; },
     [](auto& d) { d.transport.manual_addressing = true; }},
    {rule_id::basic_http_message_security_streaming, binding_kind::basic_http,
     [](auto& d) { d.security.mode = security_mode::message; d.security.message.client_credential_type = message_credential_type::certificate; d.transport.transfer = transfer_mode::streamed; },
     [](auto& d) { d.security.mode = security_mode::transport_with_message_credential; d.transport.transfer = transfer_mode::streamed; }},
    {rule_id::net_tcp_message_security_streaming, binding_kind::net_tcp,
     [](auto& d) { d.security.mode = security_mode::message; d.transport.transfer = transfer_mode::streamed_response; },
     [](auto& d) { d.security.mode = security_mode::transport; d.transport.transfer = transfer_mode::streamed_response; }},
    {rule_id::custom_message_security_streaming, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::mutual_certificate; d.transport.transfer = transfer_mode::streamed; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::https_transport}); d.security_element.mode = authentication_mode::user_name_over_transport; d.transport.transfer = transfer_mode::streamed; }},
    {rule_id::custom_message_security_manual_addressing, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::anonymous_for_certificate; d.transport.manual_addressing = true; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::anonymous_for_certificate; }},
    {rule_id::basic_http_buffered_max_buffer_size, binding_kind::basic_http,
     [](auto& d) { d.transport.max_received_message_size = 1000000; d.transport.max_buffer_size = 65536; },
     [](auto& d) { d.transport.max_received_message_size = 1000000; }},
    {rule_id::net_tcp_buffered_max_buffer_size, binding_kind::net_tcp,
     [](auto& d) { d.transport.max_buffer_size = 1000; },
     [](auto& d) { d.transport.max_buffer_size = 65536; }},
    {rule_id::custom_buffered_max_buffer_size, binding_kind::custom,
     [](auto& d) { d.transport.max_buffer_size = 10; },
     [](auto& d) { d.transport.max_received_message_size = 10; d.transport.max_buffer_size = 10; }},
    {rule_id::basic_http_streamed_max_buffer_size, binding_kind::basic_http,
     [](auto& d) { d.transport.transfer = transfer_mode::streamed; d.transport.max_buffer_size = 100000; },
     [](auto& d) { d.transport.transfer = transfer_mode::streamed; d.transport.max_buffer_size = 1000; }},
    {rule_id::net_tcp_streamed_max_buffer_size, binding_kind::net_tcp,
     [](auto& d) { d.transport.transfer = transfer_mode::streamed; d.transport.max_received_message_size = 100; },
     [](auto& d) { d.transport.transfer = transfer_mode::streamed; d.transport.max_received_message_size = 100000; }},
    {rule_id::custom_streamed_max_buffer_size, binding_kind::custom,
     [](auto& d) { d.transport.transfer = transfer_mode::streamed; d.transport.max_buffer_size = 70000; },
     [](auto& d) { d.transport.transfer = transfer_mode::streamed; d.transport.max_buffer_size = 65536; }},
    {rule_id::buffered_max_received_message_size, binding_kind::ws_http,
     [](auto& d) { d.transport.max_received_message_size = 2147483648; },
     [](auto& d) { d.transport.max_received_message_size = 2147483647; }},
    {rule_id::proxy_address_with_default_proxy, binding_kind::basic_http,
     [](auto& d) { d.transport.proxy_address = text(std::string("http://proxy:8080")); },
     [](auto& d) { d.transport.proxy_address = text(std::string("http://proxy:8080")); d.transport.use_default_web_proxy = false; }},
    {rule_id::client_inherited_from_host, binding_kind::ws_http,
     [](auto& d) { d.security.mode = security_mode::transport; d.security.transport.client_credential_type = transport_credential_type::inherited_from_host; },
     [](auto& d) { d.security.mode = security_mode::transport; d.security.transport.client_credential_type = transport_credential_type::ntlm; }},
    {rule_id::custom_transport_required, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::text_message_encoding}); },
     [](auto& d) { d.stack = stack_of({custom_element::https_transport}); }},
    {rule_id::custom_transport_last, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::http_transport, custom_element::text_message_encoding}); },
     [](auto& d) { d.stack = stack_of({custom_element::text_message_encoding, custom_element::http_transport}); }},
    {rule_id::custom_unique_elements, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::one_way, custom_element::one_way, custom_element::http_transport}); },
     [](auto& d) { d.stack = stack_of({custom_element::one_way, custom_element::http_transport}); }},
    {rule_id::custom_composite_duplex_needs_one_way, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::composite_duplex, custom_element::http_transport}); },
     [](auto& d) { d.stack = stack_of({custom_element::composite_duplex, custom_element::one_way, custom_element::http_transport}); }},
    {rule_id::custom_secure_conversation_needs_bootstrap, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::secure_conversation; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::secure_conversation;
                   d.security_element.secure_conversation_bootstrap.emplace().mode = authentication_mode::mutual_certificate; }},
    {rule_id::custom_bootstrap_not_secure_conversation, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::secure_conversation;
                   d.security_element.secure_conversation_bootstrap.emplace().mode = authentication_mode::secure_conversation; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::secure_conversation;
                   d.security_element.secure_conversation_bootstrap.emplace().mode = authentication_mode::anonymous_for_certificate; }},
    {rule_id::custom_issued_token_symmetric_key, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::issued_token;
                   d.security_element.issued_token_parameters.key_type = issued_security_token_key_type::bearer_key; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::issued_token; }},
    {rule_id::custom_encrypted_key_needs_wss11, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::user_name_for_certificate;
                   d.security_element.security_version = message_security_version::wss10_trust_feb2005_sc_feb2005_sp11_bsp10; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::user_name_for_certificate; }},
    {rule_id::custom_thumbprint_needs_wss11, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::anonymous_for_certificate;
                   d.security_element.security_version = message_security_version::wss10_trust13_sc13_sp12_bsp10; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::mutual_certificate;
                   d.security_element.security_version = message_security_version::wss10_trust13_sc13_sp12_bsp10; }},
    {rule_id::custom_over_transport_needs_https, binding_kind::custom,
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::certificate_over_transport; },
     [](auto& d) { d.stack = stack_of({custom_element::security, custom_element::http_transport}); d.security_element.mode = authentication_mode::certificate_over_transport;
                   d.security_element.allow_insecure_transport = true; }},
    {rule_id::timeouts_in_range, binding_kind::ws_http,
     [](auto& d) { d.timeouts.send_timeout = max_wait + timespan::from_ticks(1); },
     [](auto& d) { d.timeouts.send_timeout = timespan::infinite(); }},
    {rule_id::max_received_message_size_positive, binding_kind::basic_http,
     [](auto& d) { d.transport.max_received_message_size = 0; d.transport.max_buffer_size = 1; },
     [](auto& d) { d.transport.max_received_message_size = 1; d.transport.max_buffer_size = 1; }},
    {rule_id::reader_quotas_positive, binding_kind::net_tcp,
     [](auto& d) { d.encoder.reader_quotas.max_depth = 0; },
     [](auto& d) { d.encoder.reader_quotas.max_depth = 1; }},
    {rule_id::reliable_session_ranges, binding_kind::custom,
     [](auto& d) { d.reliable_session.max_transfer_window_size = 4097; },
     [](auto& d) { d.reliable_session.max_transfer_window_size = 4096; }},
};

} // namespace

TEST_CASE("a rule named after a binding type would never fire for another type", "[core][rules]") {
    // Checking a binding evaluates only the rules that concern its type (the name prefix). Each
    // case's violation, applied to every other binding type, must leave the rule's own condition
    // true, so skipping the rule for those types changes no result.
    for (auto const& c : cases) {
        auto const& r = rule_of(c.id);
        for (std::size_t k = 0; k < enum_size<binding_kind>; ++k) {
            auto const kind = static_cast<binding_kind>(k);
            if (detail::rule_concerns(r.name, kind)) continue;
            INFO(r.name << " on " << to_string(kind));
            auto const bad = make(kind, c.bad);
            CHECK(detail::rule_condition(c.id, bad, security_element_of(bad)));
            CHECK(rule_holds(c.id, bad));
        }
    }
}

TEST_CASE("each rule catches its violation and accepts its positive twin", "[core][rules]") {
    std::set<rule_id> covered;
    for (auto const& c : cases) {
        auto const& r = rule_of(c.id);
        INFO(r.name << ": " << r.text);
        auto const bad = make(c.kind, c.bad);
        auto const good = make(c.kind, c.good);
        CHECK_FALSE(rule_holds(c.id, bad));
        CHECK(rule_holds(c.id, good));
        // The twin is clean for this rule on the side it applies to, and validate() reports the rule.
        auto const violations = validate(bad, r.side);
        CHECK(std::find(violations.begin(), violations.end(), &r) != violations.end());
        covered.insert(c.id);
    }
    CHECK(covered.size() == rule_count); // every rule of the table is exercised
}

TEST_CASE("every binding's defaults satisfy every rule", "[core][rules]") {
    for (auto k : {binding_kind::basic_http, binding_kind::ws_http, binding_kind::ws_2007_http, binding_kind::ws_dual_http,
                   binding_kind::net_tcp}) {
        INFO(to_string(k));
        for (auto side : {rule_side::any, rule_side::client, rule_side::service}) CHECK(validate(default_description(k), side).empty());
    }
    // A customBinding with no transport is invalid, as in WCF.
    auto const v = validate(default_description(binding_kind::custom));
    REQUIRE(v.size() == 1);
    CHECK(v[0]->id == rule_id::custom_transport_required);
}

TEST_CASE("the rule table is consistent", "[core][rules]") {
    std::set<std::string_view> names, texts;
    for (std::size_t i = 0; i < rule_count; ++i) {
        auto const& r = rule_table[i];
        CHECK(static_cast<std::size_t>(r.id) == i);
        CHECK(names.insert(r.name).second);
        CHECK(texts.insert(r.text).second);
        CHECK_FALSE(r.wcf_key.empty());
    }
    CHECK(rule_count >= 40);
}

TEST_CASE("allowed values per binding match WCF's per-binding enums", "[core][rules]") {
    CHECK(allowed_security_modes(binding_kind::basic_http).size() == 5);
    CHECK(allowed_security_modes(binding_kind::ws_http).size() == 4);
    CHECK(allowed_security_modes(binding_kind::ws_dual_http).size() == 2);
    CHECK(allowed_message_credentials(binding_kind::basic_http).size() == 2);
    CHECK(allowed_transport_credentials(binding_kind::net_tcp).size() == 3);
    CHECK(allowed_transport_credentials(binding_kind::ws_http).size() == 7);
}

TEST_CASE("client-only rules are not applied to services", "[core][rules]") {
    auto d = default_description(binding_kind::basic_http);
    d.security.mode = security_mode::transport;
    d.security.transport.client_credential_type = transport_credential_type::inherited_from_host;
    CHECK(validate(d, rule_side::service).empty());
    CHECK(validate(d, rule_side::client).size() == 1);
}
