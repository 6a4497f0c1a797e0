// Derived facts against WCF's construction tables (MessageSecurityOverHttp.cs, BasicHttpMessageSecurity.cs,
// SecurityBindingElement.cs; wcf-config-facts.md §5.4-§5.5, wcf-wire-facts.md §1).
#include <wsbind/core/binding.hpp>
#include <wsbind/core/facts.hpp>

#include <catch2/catch.hpp>

using namespace wsbind;

namespace {
binding_description ws_message(message_credential_type c, bool negotiate, bool sc) {
    auto d = default_description(binding_kind::ws_http);
    d.security.message.client_credential_type = c;
    d.security.message.negotiate_service_credential = negotiate;
    d.security.message.establish_security_context = sc;
    return d;
}
} // namespace

TEST_CASE("wsHttpBinding Message: the one-shot element per credential and negotiation", "[core][facts]") {
    struct row { message_credential_type cred; authentication_mode negotiated, not_negotiated; };
    row const table[] = {
        {message_credential_type::none, authentication_mode::anonymous_for_ssl_negotiated, authentication_mode::anonymous_for_certificate},
        {message_credential_type::windows, authentication_mode::sspi_negotiated, authentication_mode::kerberos},
        {message_credential_type::user_name, authentication_mode::user_name_for_ssl_negotiated, authentication_mode::user_name_for_certificate},
        {message_credential_type::certificate, authentication_mode::mutual_ssl_negotiated, authentication_mode::mutual_certificate},
        {message_credential_type::issued_token, authentication_mode::issued_token_for_ssl_negotiated, authentication_mode::issued_token_for_certificate},
    };
    for (auto const& r : table) {
        CHECK(security_element_of(ws_message(r.cred, true, false)).mode == r.negotiated);
        CHECK(security_element_of(ws_message(r.cred, false, false)).mode == r.not_negotiated);
    }
}

TEST_CASE("seed 001 with negotiate=false, SC=false: symmetric X.509 protection + endorsing client certificate", "[core][facts]") {
    auto const e = security_element_of(ws_message(message_credential_type::certificate, false, false));
    CHECK(e.kind == security_element_kind::symmetric);
    CHECK_FALSE(e.secure_conversation);
    CHECK(e.protection.kind == token_kind::x509);
    CHECK(e.protection.reference == x509_reference::thumbprint);
    CHECK(e.protection.inclusion == token_inclusion::never);
    CHECK(e.protection.require_derived_keys);
    CHECK(e.endorsing.kind == token_kind::x509);
    CHECK(e.endorsing.inclusion == token_inclusion::always_to_recipient);
    CHECK_FALSE(e.endorsing.require_derived_keys);
    CHECK(e.require_signature_confirmation);
    CHECK(e.version == message_security_version::wss11_trust_feb2005_sc_feb2005_sp11_bsp10);
    CHECK(e.suite == algorithm_suite::basic256);
    CHECK(e.include_timestamp);
    CHECK(e.layout == security_header_layout::strict);
}

TEST_CASE("establishSecurityContext wraps the one-shot element in secure conversation", "[core][facts]") {
    auto const e = security_element_of(ws_message(message_credential_type::certificate, false, true));
    CHECK(e.kind == security_element_kind::symmetric);
    CHECK(e.secure_conversation);
    CHECK(e.protection.kind == token_kind::secure_conversation);
    CHECK(e.protection.require_cancellation);
    CHECK_FALSE(e.require_signature_confirmation);
    CHECK(e.mode == authentication_mode::mutual_certificate); // bootstrap
}

TEST_CASE("MutualCertificate over WS-Security 1.0 is asymmetric, as a customBinding builds it", "[core][facts]") {
    using B = custom_binding<security<with<authentication_mode::mutual_certificate>,
                                      with<message_security_version::wss10_trust_feb2005_sc_feb2005_sp11_bsp10>>,
                             text_message_encoding<>, http_transport<>>;
    constexpr auto e = facts<B>::security_element;
    STATIC_REQUIRE(e.kind == security_element_kind::asymmetric);
    STATIC_REQUIRE(e.initiator.reference == x509_reference::any);
    STATIC_REQUIRE(e.recipient.inclusion == token_inclusion::never);
    STATIC_REQUIRE_FALSE(e.initiator.require_derived_keys);
}

TEST_CASE("MutualCertificateDuplex: the service holds the client's certificate in advance (seed 000)", "[core][facts]") {
    using B = custom_binding<security<with<authentication_mode::mutual_certificate_duplex>>, composite_duplex<>, one_way<>,
                             text_message_encoding<>, http_transport<>>;
    using F = facts<B>;
    STATIC_REQUIRE(F::security_element.kind == security_element_kind::asymmetric);
    STATIC_REQUIRE(F::security_element.recipient.inclusion == token_inclusion::always_to_initiator);
    STATIC_REQUIRE(F::security_element.initiator.reference == x509_reference::thumbprint);
    STATIC_REQUIRE(F::service_needs_client_certificate_in_advance);
    STATIC_REQUIRE(F::needs_client_certificate);
    STATIC_REQUIRE(F::needs_service_certificate);
    STATIC_REQUIRE(F::duplex);
}

TEST_CASE("basicHttpBinding Message/Certificate: asymmetric, WSS 1.0 BSP, Lax, no derived keys", "[core][facts]") {
    using B = basic_http_binding<security<mode::message, message_credential::certificate>>;
    constexpr auto e = facts<B>::security_element;
    STATIC_REQUIRE(e.kind == security_element_kind::asymmetric);
    STATIC_REQUIRE(e.layout == security_header_layout::lax);
    STATIC_REQUIRE(e.allow_serialized_signing_token_on_reply);
    STATIC_REQUIRE(e.version == message_security_version::wss10_trust_feb2005_sc_feb2005_sp11_bsp10);
    STATIC_REQUIRE_FALSE(e.initiator.require_derived_keys);
    STATIC_REQUIRE(facts<B>::soap_version == 11);
    STATIC_REQUIRE(facts<B>::addressing == addressing_version::none);
    STATIC_REQUIRE(facts<B>::scheme == "http");
}

TEST_CASE("Kerberos keeps Basic128 unless algorithmSuite is configured", "[core][facts]") {
    auto d = ws_message(message_credential_type::windows, false, false);
    CHECK(security_element_of(d).suite == algorithm_suite::basic128);
    d.security.message.suite = algorithm_suite::default_suite; // explicitly "Default"
    CHECK(security_element_of(d).suite == algorithm_suite::basic256);
    d.security.message.suite = algorithm_suite::basic256_sha256;
    CHECK(security_element_of(d).suite == algorithm_suite::basic256_sha256);
}

TEST_CASE("TransportWithMessageCredential builds over-transport elements on HTTPS", "[core][facts]") {
    auto d = default_description(binding_kind::ws_http);
    d.security.mode = security_mode::transport_with_message_credential;
    d.security.message.client_credential_type = message_credential_type::user_name;
    d.security.message.establish_security_context = false;
    auto e = security_element_of(d);
    CHECK(e.kind == security_element_kind::transport);
    CHECK(e.mode == authentication_mode::user_name_over_transport);
    CHECK(e.signed_encrypted.kind == token_kind::user_name);
    CHECK(transport_scheme(d) == "https");
    d.security.message.establish_security_context = true;
    e = security_element_of(d);
    CHECK(e.kind == security_element_kind::transport);
    CHECK(e.endorsing.kind == token_kind::secure_conversation);
    d.security.message.client_credential_type = message_credential_type::certificate;
    CHECK(needs_client_certificate(d));
    CHECK(needs_service_certificate(d));
}

TEST_CASE("certificates each binding needs", "[core][facts]") {
    auto d = default_description(binding_kind::basic_http);
    CHECK_FALSE(needs_service_certificate(d));
    CHECK_FALSE(needs_client_certificate(d));
    d.security.mode = security_mode::transport;
    CHECK(needs_service_certificate(d));
    CHECK_FALSE(needs_client_certificate(d));
    d.security.transport.client_credential_type = transport_credential_type::certificate;
    CHECK(needs_client_certificate(d));
    CHECK(requires_transport_client_certificate(d));
    auto w = default_description(binding_kind::ws_http); // Message/Windows: SSPI, no certificates
    CHECK_FALSE(needs_service_certificate(w));
    CHECK_FALSE(needs_client_certificate(w));
    w.security.message.client_credential_type = message_credential_type::user_name;
    CHECK(needs_service_certificate(w));
    CHECK_FALSE(client_needs_service_certificate_in_advance(w)); // negotiated
    w.security.message.negotiate_service_credential = false;
    CHECK(client_needs_service_certificate_in_advance(w));
}

TEST_CASE("versions, sessions and duplex", "[core][facts]") {
    using W = ws_http_binding<security<mode::message, message_credential::certificate>, reliable_session<ordered<true>>>;
    STATIC_REQUIRE(facts<W>::reliable);
    STATIC_REQUIRE(facts<W>::sessionful);
    STATIC_REQUIRE_FALSE(facts<W>::duplex);
    STATIC_REQUIRE(facts<W>::soap_version == 12);
    STATIC_REQUIRE(facts<W>::addressing == addressing_version::ws_addressing_10);
    STATIC_REQUIRE(reliable_version_of(describe<W>()) == reliable_messaging_version::ws_reliable_messaging_february_2005);
    using W7 = ws_2007_http_binding<reliable_session<>>;
    STATIC_REQUIRE(reliable_version_of(describe<W7>()) == reliable_messaging_version::ws_reliable_messaging_11);
    STATIC_REQUIRE(facts<W7>::security_element.version == message_security_version::wss11_trust13_sc13_sp12_bsp10);
    using D = ws_dual_http_binding<>;
    STATIC_REQUIRE(facts<D>::duplex);
    STATIC_REQUIRE(facts<D>::reliable);
    using N = basic_http_binding<>;
    STATIC_REQUIRE_FALSE(facts<N>::sessionful);
    STATIC_REQUIRE(facts<N>::security_element.kind == security_element_kind::none);
    STATIC_REQUIRE(facts<N>::protection == protection_facts{});
}
