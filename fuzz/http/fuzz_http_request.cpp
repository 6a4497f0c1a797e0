// libFuzzer: raw HTTP request bytes, parsed and converted as the Beast server does it (its default
// limits, beast_detail::set_request_limits and to_request), then
// dispatched to a calculator service (basicHttpBinding at /basic, wsHttpBinding at /ws); the reply
// is framed as the server writes it (http::append_response_head) and must read back as one HTTP
// response with the same status and body.
#include <wsbind/channel/service_host.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

wsbind::service_host<wsbind::beast_backend>& host() {
    static auto* h = [] {
        auto* p = new wsbind::service_host<wsbind::beast_backend>();
        wsbind::service_contract c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
        c.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
        p->add_endpoint<wsbind::basic_http_binding<>>("http://127.0.0.1:0/basic", c);
        p->add_endpoint<wsbind::ws_http_binding<wsbind::security<wsbind::mode::none>>>("http://127.0.0.1:0/ws", c);
        if (p->open()) std::abort();
        return p;
    }();
    return *h;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    namespace bhttp = boost::beast::http;
    bhttp::request_parser<bhttp::string_body> parser;
    wsbind::http::beast_detail::set_request_limits(parser, wsbind::http::server_options{}); // the server's defaults
    boost::system::error_code ec;
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_done()) return 0;
    auto msg = parser.release();
    bool const keep_alive = msg.keep_alive();
    auto r = host().dispatch(wsbind::http::beast_detail::to_request(std::move(msg)));
    if (r.status < 200 || r.status > 599) std::abort();
    std::string wire;
    wsbind::http::append_response_head(wire, r, keep_alive);
    bool const has_body = wsbind::http::status_has_body(wsbind::http::sendable_status(r.status));
    if (has_body) wire += r.body; // what the server sends
    bhttp::response_parser<bhttp::string_body> back;
    back.eager(true);
    back.body_limit(wire.size());
    auto const used = back.put(boost::asio::buffer(wire), ec);
    if (ec || !back.is_done() || used != wire.size()) std::abort();
    auto const& reply = back.get();
    if (reply.result_int() != static_cast<unsigned>(r.status) || reply.body() != (has_body ? r.body : std::string()) || reply.keep_alive() != keep_alive)
        std::abort();
    return 0;
}
