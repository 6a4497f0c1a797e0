// The reliable-session step interface, without sockets, exercised by a WS-RM-shaped mock: outbound
// messages get a sequence number and are kept until acknowledged (retransmission on the timer the
// step asks for); inbound messages arriving early are absorbed and released in order; stand-alone
// acknowledgements are absorbed. Time is an input.
#include <wsbind/channel/stack.hpp>
#include <wsbind/reliable/step.hpp>

#include <catch2/catch.hpp>

#include <map>

using namespace wsbind;
using namespace std::chrono_literals;

namespace {

constexpr char const* rm = "http://schemas.xmlsoap.org/ws/2005/02/rm";

struct ordered_step {
    long next_out = 1, next_in = 1;
    std::map<long, soap::message> held;    // inbound, early
    std::map<long, std::string> unacked;   // outbound, by number (the action, for the mock)
    std::chrono::system_clock::time_point retransmit_at{};

    soap::step_result on_outbound(soap::message& m, soap::step_context& c) {
        auto h = m.header().prepend_child("r:Sequence");
        h.append_attribute("xmlns:r") = rm;
        h.append_child("r:MessageNumber").text().set(next_out);
        unacked[next_out++] = m.action();
        retransmit_at = c.now + 2s;
        c.wake_at = retransmit_at;
        return soap::step_result::pass();
    }
    soap::step_result on_inbound(soap::message& m, soap::step_context& c) {
        if (auto ack = soap::xml::child(m.header(), rm, "SequenceAcknowledgement")) {
            unacked.erase(std::stol(soap::xml::text_of(ack)));
            return soap::step_result::absorbed();
        }
        auto const seq = soap::xml::child(m.header(), rm, "Sequence");
        auto const n = std::stol(soap::xml::text_of(soap::xml::child(seq, rm, "MessageNumber")));
        m.mark_understood(seq);
        if (n != next_in) {
            held.emplace(n, std::move(m));
            return soap::step_result::absorbed();
        }
        ++next_in;
        for (auto it = held.find(next_in); it != held.end(); it = held.find(++next_in)) {
            c.to_deliver.push_back(std::move(it->second));
            held.erase(it);
        }
        return soap::step_result::pass();
    }
    void on_timer(soap::step_context& c) {
        if (unacked.empty() || c.now < retransmit_at) return;
        c.to_send.push_back(soap::message::create(soap::soap12_ws_addressing10, unacked.begin()->second)); // first unacked only
        retransmit_at = c.now + 4s; // back-off
        c.wake_at = retransmit_at;
    }
};
static_assert(soap::detail::message_step_diagnoser<ordered_step>::value);

soap::message numbered(long n, std::string action) {
    auto m = soap::message::create(soap::soap12_ws_addressing10, std::move(action));
    auto h = m.header().append_child("r:Sequence");
    h.append_attribute("xmlns:r") = rm;
    h.append_child("r:MessageNumber").text().set(n);
    return m;
}

} // namespace

TEST_CASE("a WS-RM-shaped step: ordered delivery through absorb and to_deliver", "[reliable][step]") {
    channel::composed_stack<security_layer::none_step, ordered_step> stack{{}, {}};
    soap::step_context c;
    auto m2 = numbered(2, "second");
    CHECK(stack.inbound(m2, c).status == soap::step_status::absorbed);
    auto m3 = numbered(3, "third");
    CHECK(stack.inbound(m3, c).status == soap::step_status::absorbed);
    auto m1 = numbered(1, "first");
    REQUIRE(stack.inbound(m1, c).status == soap::step_status::pass);
    CHECK_FALSE(soap::check_must_understand(m1));
    REQUIRE(c.to_deliver.size() == 2);
    CHECK(c.to_deliver[0].action() == "second");
    CHECK(c.to_deliver[1].action() == "third");
}

TEST_CASE("a WS-RM-shaped step: retransmission driven by the time passed in, acks absorbed", "[reliable][step]") {
    channel::composed_stack<security_layer::none_step, ordered_step> stack{{}, {}};
    soap::step_context c;
    c.now = std::chrono::system_clock::time_point(1000s);
    auto m = soap::message::create(soap::soap12_ws_addressing10, "op");
    REQUIRE(stack.outbound(m, c).status == soap::step_status::pass);
    REQUIRE(c.wake_at);
    CHECK(*c.wake_at == c.now + 2s);
    soap::step_context early;
    early.now = c.now + 1s;
    stack.timer(early);
    CHECK(early.to_send.empty());
    soap::step_context due;
    due.now = c.now + 2s;
    stack.timer(due);
    REQUIRE(due.to_send.size() == 1);
    CHECK(due.to_send[0].action() == "op");
    CHECK(*due.wake_at == due.now + 4s);

    auto ack = soap::message::create(soap::soap12_ws_addressing10, "ack");
    auto a = ack.header().append_child("r:SequenceAcknowledgement");
    a.append_attribute("xmlns:r") = rm;
    a.text().set(1);
    soap::step_context in;
    CHECK(stack.inbound(ack, in).status == soap::step_status::absorbed);
    soap::step_context later;
    later.now = c.now + 100s;
    stack.timer(later);
    CHECK(later.to_send.empty()); // acknowledged: nothing to resend
}
