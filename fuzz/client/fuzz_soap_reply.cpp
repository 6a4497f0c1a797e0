// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
//
// libFuzzer: the client's reply path — what a server (or anything pretending to be one) sends back.
//
// wsbind::client runs over an HTTP backend that answers every request with the fuzzer's response:
//   byte 0, bit 0    binding: basicHttpBinding (SOAP 1.1) or wsHttpBinding with security None
//                    (SOAP 1.2 + WS-Addressing 1.0)
//   byte 0, bits 1-2 the call: typed Add(double, double) -> double, typed Echo(string) -> string,
//                    raw request/reply, one-way send
//   byte 0, bit 3    set: the rest is raw HTTP response bytes, parsed as the Beast client parses them
//                    (boost::beast::http::response_parser, the client's header and body limits)
//                    clear: byte 1 picks the status, byte 2 the Content-Type, the rest is the body
// In structured bodies, "$ID" is replaced by the request's MessageID, so that replies can relate to
// their request and the fuzzer reaches the code behind the RelatesTo check (raw bytes stay as they
// are: their Content-Length and chunk sizes count what is written).
//
// Oracles: no crash, no sanitizer report, no exception out of the client; every call ends in exactly
// one of a value, a fault or a communication error; get() throws fault_exception for a fault and
// communication_error for an error; a value needs status 200 (202 or an empty 200 for one-way).

#include <wsbind/channel/client.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <boost/asio/buffer.hpp>

#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

/// The response the fake backend gives for the next request (set by the fuzz input).
struct scripted_reply {
    bool raw = false;
    std::string_view bytes; ///< raw: HTTP response bytes; otherwise the body
    int status = 200;
    std::string_view content_type;
} next;

constexpr std::uint64_t max_body = 65536; ///< the binding's maxReceivedMessageSize (WCF's default)

/// `$ID` in `body` replaced by the MessageID of `request_body` (or left as it is).
std::string with_message_id(std::string_view body, std::string_view request_body) {
    std::string out(body);
    auto const at = request_body.find("urn:uuid:");
    if (at == std::string_view::npos) return out;
    auto const id = request_body.substr(at, 45);
    for (auto p = out.find("$ID"); p != std::string::npos; p = out.find("$ID", p + id.size())) out.replace(p, 3, id);
    return out;
}

/// Raw bytes read as the Beast client reads a response: its parser and limits, its conversion.
wsbind::http::client_result parse_raw(std::string_view bytes) {
    namespace bhttp = boost::beast::http;
    wsbind::http::client_result r;
    bhttp::response_parser<bhttp::string_body> parser;
    wsbind::http::beast_detail::set_response_limits(parser, max_body);
    boost::system::error_code ec;
    std::size_t used = 0;
    while (!ec && used < bytes.size() && !parser.is_done())
        used += parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    if (ec == bhttp::error::need_more) ec = {};
    // The connection ends here: as Beast's read does, end_of_stream before any byte, else put_eof.
    if (!ec && !parser.is_done()) {
        if (!parser.got_some()) ec = bhttp::error::end_of_stream;
        else parser.put_eof(ec);
    }
    if (ec || !parser.is_done()) {
        r.error = std::make_error_code(std::errc::protocol_error);
        r.message = "malformed response: " + ec.message();
        return r;
    }
    r.value = wsbind::http::beast_detail::to_response(parser.release());
    return r;
}

struct scripted_backend {
    struct server {
        server(wsbind::http::server_options const&, wsbind::http::request_handler) {}
        std::error_code start() { return std::make_error_code(std::errc::operation_not_supported); }
        void stop() {}
        [[nodiscard]] std::uint16_t local_port() const { return 0; }
        [[nodiscard]] wsbind::http::server_stats stats() const { return {}; }
    };
    struct client {
        explicit client(wsbind::http::client_options const& o) : limit(o.max_response_body_size) {}
        wsbind::http::client_result round_trip(wsbind::http::uri const&, wsbind::http::request const& rq, std::chrono::milliseconds) {
            if (limit != max_body) std::abort(); // the binding's quota reaches the transport
            if (next.raw) return parse_raw(next.bytes); // lengths in the bytes stay as written
            wsbind::http::client_result r;
            r.value.status = next.status;
            if (!next.content_type.empty()) r.value.headers.set("Content-Type", next.content_type);
            r.value.body = with_message_id(next.bytes, rq.body);
            return r;
        }
        std::uint64_t limit;
    };
};
static_assert(wsbind::http_backend<scripted_backend>);

using client_t = wsbind::client<scripted_backend>;
using ws_none = wsbind::ws_http_binding<wsbind::security<wsbind::mode::none>>;

wsbind::service_contract const& contract() {
    static wsbind::service_contract const c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
    return c;
}

/// WSBIND_FUZZ_VERBOSE=1: each input's outcome on stderr (to see what seeds reach).
bool const verbose = std::getenv("WSBIND_FUZZ_VERBOSE") != nullptr;

template <class T>
void check(wsbind::call_result<T>& r, bool one_way) {
    if (verbose)
        std::fprintf(stderr, "HTTP %d: %s%s\n", r.http_status, r.value ? "value" : r.fault ? "fault: " : "error: ",
                     r.value ? "" : r.fault ? r.fault->reason.c_str() : r.error.c_str());
    int const outcomes = (r.value ? 1 : 0) + (r.fault ? 1 : 0) + (!r.error.empty() ? 1 : 0);
    if (outcomes != 1) std::abort();
    if (r.value && r.http_status != 200 && !(one_way && r.http_status == 202)) std::abort();
    try {
        (void)r.get();
        if (!r.value) std::abort();
    } catch (wsbind::fault_exception const&) {
        if (!r.fault) std::abort();
    } catch (wsbind::communication_error const&) {
        if (r.error.empty()) std::abort();
    }
}

template <class Client>
void run(Client& c, unsigned call) {
    auto const& k = contract();
    switch (call) {
    case 0: { auto r = c.template call<double>(k, "Add", {"n1", "n2"}, 1.5, 2.25); check(r, false); break; }
    case 1: { auto r = c.template call<std::string>(k, "Echo", {"s"}, std::string("a<&>b")); check(r, false); break; }
    case 2: { auto r = c.request(k.action_of("Raw"), [](pugi::xml_node b) { b.append_child("Raw"); }); check(r, false); break; }
    default: { auto r = c.send_one_way(k.action_of("Notify"), {}); check(r, true); break; }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr int statuses[] = {200, 500, 400, 202, 404, 415, 413, 503, 302, 204, 100, 0, -1, 999, 201, 401};
    static constexpr std::string_view types[] = {"text/xml; charset=utf-8", "application/soap+xml; charset=utf-8",
                                                 "text/xml", "application/soap+xml",
                                                 "application/soap+xml; charset=utf-16", "text/xml; charset=utf-16le",
                                                 "text/html", "", "multipart/related; type=\"application/xop+xml\"",
                                                 "application/soap+xml; charset=utf-8; action=\"x\""};
    unsigned const head = data[0];
    next = {};
    next.raw = (head & 8) != 0;
    std::size_t skip = 1;
    if (!next.raw) {
        if (size < 3) return 0;
        next.status = statuses[data[1] % std::size(statuses)];
        next.content_type = types[data[2] % std::size(types)];
        skip = 3;
    }
    next.bytes = std::string_view(reinterpret_cast<char const*>(data + skip), size - skip);
    static client_t basic = client_t::make<wsbind::basic_http_binding<>>("http://127.0.0.1:1/basic");
    static client_t ws = client_t::make<ws_none>("http://127.0.0.1:1/ws");
    run((head & 1) ? ws : basic, (head >> 1) & 3);
    return 0;
}
