// The security step interface, without sockets: None and Transport, and a mock of the shape Message
// security will have (adds o:Security last on the way out, checks it against the time passed in on
// the way in, marks it understood, refuses with WCF's InvalidSecurity fault) — the interface carries it.
#include <wsbind/channel/stack.hpp>
#include <wsbind/security/transport.hpp>
#include <wsbind/soap/encoder.hpp>

#include <catch2/catch.hpp>

#include <chrono>

using namespace wsbind;
using namespace std::chrono_literals;

namespace {

constexpr char const* wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";

/// A WS-Security-shaped step: a timestamp header, checked within 5 minutes of the time passed in.
struct timestamp_step {
    soap::step_result on_outbound(soap::message& m, soap::step_context& c) {
        auto h = m.header().append_child("o:Security");
        h.append_attribute("xmlns:o") = wsse;
        h.append_attribute("s:mustUnderstand") = "1";
        h.append_child("o:Created").text().set(static_cast<long long>(std::chrono::duration_cast<std::chrono::seconds>(c.now.time_since_epoch()).count()));
        return soap::step_result::pass();
    }
    soap::step_result on_inbound(soap::message& m, soap::step_context& c) {
        auto const h = soap::xml::child(m.header(), wsse, "Security");
        auto invalid = [] {
            soap::fault f;
            f.code = soap::fault_code::sender;
            f.subcodes.push_back({wsse, "InvalidSecurity"});
            f.reason = "An error occurred when verifying security for the message.";
            return soap::step_result::refuse(f);
        };
        if (!h) return invalid();
        auto const created = std::chrono::seconds(std::stoll(soap::xml::text_of(soap::xml::child(h, wsse, "Created"))));
        auto const now = std::chrono::duration_cast<std::chrono::seconds>(c.now.time_since_epoch());
        if (now - created > 5min || created - now > 5min) return invalid();
        m.mark_understood(h);
        c.identity = "signed by the mock";
        return soap::step_result::pass();
    }
    void on_timer(soap::step_context&) {}
};
static_assert(soap::detail::message_step_diagnoser<timestamp_step>::value);

} // namespace

TEST_CASE("a Message-security-shaped step: header out, verified in against the time passed in", "[security][step]") {
    channel::composed_stack<timestamp_step, reliable::none_step> stack{timestamp_step{}, reliable::none_step{}};
    soap::text_encoder enc(soap::soap12_ws_addressing10);
    auto m = soap::message::create(soap::soap12_ws_addressing10, "urn:op");
    soap::step_context out;
    out.now = std::chrono::system_clock::time_point(std::chrono::hours(480000));
    REQUIRE(stack.outbound(m, out).status == soap::step_status::pass);
    auto const bytes = enc.encode(m);

    auto fresh = enc.decode(bytes, "application/soap+xml");
    REQUIRE(fresh.value);
    CHECK(soap::check_must_understand(*fresh.value)); // nobody has processed o:Security yet
    soap::step_context in;
    in.now = out.now + 1min;
    REQUIRE(stack.inbound(*fresh.value, in).status == soap::step_status::pass);
    CHECK_FALSE(soap::check_must_understand(*fresh.value)); // the step understood it
    CHECK(in.identity == "signed by the mock");

    auto stale = enc.decode(bytes, "application/soap+xml");
    soap::step_context late;
    late.now = out.now + 10min; // time is an input: no sleeping, no clock
    auto r = stack.inbound(*stale.value, late);
    REQUIRE(r.status == soap::step_status::refused);
    CHECK(r.fault->fault.has_subcode(wsse, "InvalidSecurity"));
    CHECK(r.fault->http_status == 500);
}

TEST_CASE("none_step and transport_step on both sides", "[security][step]") {
    auto m = soap::message::create(soap::soap11);
    soap::step_context c;
    security_layer::none_step none;
    CHECK(none.on_inbound(m, c).status == soap::step_status::pass);
    CHECK(none.on_outbound(m, c).status == soap::step_status::pass);
    security_layer::transport_step plain_tls{false};
    c.transport.secure = true;
    CHECK(plain_tls.on_inbound(m, c).status == soap::step_status::pass);
    CHECK(c.identity.empty());
    c.transport.secure = false;
    auto r = plain_tls.on_inbound(m, c);
    REQUIRE(r.status == soap::step_status::refused);
    CHECK(r.fault->fault.reason == "The binding requires Transport security (HTTPS), and the message did not arrive over TLS.");
}
