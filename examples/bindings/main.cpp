// The seed scenarios as compile-time bindings, and what each one means.
//
//  - Message security with a certificate client (wsHttpBinding, Message, Certificate) — seed 001;
//  - the same secured within a reliable, ordered session — seed 002;
//  - MutualCertificateDuplex, where the service holds its client's certificate in advance — seed 000;
//  - basicHttpBinding over HTTPS with a client certificate, for contrast.
//
// Every binding is checked against WCF's rules at compile time; the facts printed below are
// constants computed by the compiler (wsbind::facts<B>).
#include <wsbind/core/print.hpp>
#include <wsbind/wsbind.hpp>

#include <iostream>
#include <string_view>

namespace {

using namespace wsbind;

// Seed 001: <wsHttpBinding><binding><security mode="Message"><message clientCredentialType="Certificate"/>
using calculator = ws_http_binding<security<mode::message, message_credential::certificate>>;

// Seed 002: the same, within a reliable session with ordered delivery.
using reliable_calculator =
    ws_http_binding<security<mode::message, message_credential::certificate>, reliable_session<ordered<true>>>;

// Seed 001 without negotiation and secure conversation: one-shot WS-Security 1.1 messages.
using one_shot_calculator = ws_http_binding<
    security<mode::message, message_credential::certificate, negotiate_service_credential<false>,
             establish_security_context<false>>>;

// Seed 000: a duplex service that signs and encrypts callbacks to a client certificate it holds in advance.
using duplex_calculator = custom_binding<security<with<authentication_mode::mutual_certificate_duplex>>, composite_duplex<>,
                                         one_way<>, text_message_encoding<>, http_transport<>>;

// Transport security with a client certificate.
using https_calculator = basic_http_binding<security<mode::transport, transport_credential::certificate>>;

std::string_view yes_no(bool b) { return b ? "yes" : "no"; }

template <class B>
void explain(std::string_view title) {
    using F = facts<B>;
    constexpr auto const& d = describe<B>();
    constexpr auto e = F::security_element;
    std::cout << "== " << title << "\n";
    std::cout << "  binding:                 " << to_string(d.kind) << "\n";
    if (d.kind != binding_kind::custom) {
        std::cout << "  security mode:           " << to_string(d.security.mode) << "\n";
        std::cout << "  message credential type: " << to_string(d.security.message.client_credential_type) << "\n";
        std::cout << "  transport credential:    " << to_string(d.security.transport.client_credential_type) << "\n";
    } else {
        std::cout << "  stack:                   ";
        for (auto el : d.stack) std::cout << to_string(el) << ' ';
        std::cout << "\n";
    }
    std::cout << "  transport:               " << F::scheme << (uses_tls(d) ? " (TLS)" : "") << "\n";
    std::cout << "  SOAP / WS-Addressing:    SOAP " << F::soap_version / 10 << '.' << F::soap_version % 10 << ", "
              << (F::addressing == addressing_version::ws_addressing_10 ? "WS-Addressing 1.0"
                  : F::addressing == addressing_version::august_2004    ? "WS-Addressing August 2004"
                                                                        : "no WS-Addressing")
              << "\n";
    std::cout << "  security element:        " << to_string(e.kind);
    if (e.kind != security_element_kind::none) {
        std::cout << " (" << to_string(e.mode) << (e.secure_conversation ? ", wrapped in WS-SecureConversation" : "") << ")\n";
        std::cout << "  message security:        " << to_string(e.version) << ", suite " << to_string(e.suite) << "\n";
    } else {
        std::cout << "\n";
    }
    std::cout << "  messages signed:         " << yes_no(F::protection.message_signed) << "\n";
    std::cout << "  messages encrypted:      " << yes_no(F::protection.message_encrypted) << "\n";
    std::cout << "  transport protected:     " << yes_no(F::protection.transport_protected) << "\n";
    std::cout << "  service certificate:     " << (F::needs_service_certificate ? "required" : "not needed")
              << (F::client_needs_service_certificate_in_advance ? " (and known to the client in advance)" : "") << "\n";
    std::cout << "  client certificate:      " << (F::needs_client_certificate ? "required" : "not needed")
              << (F::service_needs_client_certificate_in_advance ? " (and held by the service in advance: serviceCredentials/clientCertificate)" : "")
              << "\n";
    std::cout << "  reliable session:        ";
    if (F::reliable)
        std::cout << "on, " << (d.reliable_session.ordered ? "ordered" : "unordered") << ", inactivityTimeout "
                  << to_string(d.reliable_session.inactivity_timeout) << ", " << to_string(reliable_version_of(d)) << "\n";
    else
        std::cout << "off\n";
    std::cout << "  sessionful / duplex:     " << yes_no(F::sessionful) << " / " << yes_no(F::duplex) << "\n\n";
}

} // namespace

int main() {
    explain<calculator>("Message security with a certificate client (seed 001)");
    explain<reliable_calculator>("Secure messages within a reliable session (seed 002)");
    explain<one_shot_calculator>("Seed 001 without negotiation or secure conversation");
    explain<duplex_calculator>("MutualCertificateDuplex: the service holds the client's certificate (seed 000)");
    explain<https_calculator>("basicHttpBinding over HTTPS with a client certificate");
    std::cout << "All " << rule_count << " rules of WCF's rule table were checked at compile time.\n";
}
