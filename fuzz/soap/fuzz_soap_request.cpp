// libFuzzer: the service's request path from bytes to the dispatched body and back.
// Input: first byte selects endpoint (even: basicHttpBinding / SOAP 1.1, odd: wsHttpBinding / SOAP 1.2)
// and content type; the rest is the HTTP body.
#include <wsbind/channel/service_host.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

namespace {

wsbind::service_host<wsbind::beast_backend>& host() {
    static auto* h = [] {
        auto* p = new wsbind::service_host<wsbind::beast_backend>();
        wsbind::service_contract c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
        c.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
        c.add("Echo", {"s", "i", "b"}, [](std::string s, std::int32_t i, bool b) { return s + std::to_string(i) + (b ? "t" : "f"); });
        c.add_raw("Raw", [](wsbind::operation_context& ctx) {
            auto out = ctx.reply.body().append_copy(ctx.request_body);
            (void)out;
        });
        p->add_endpoint<wsbind::basic_http_binding<>>("http://127.0.0.1:0/basic", c);
        p->add_endpoint<wsbind::ws_http_binding<wsbind::security<wsbind::mode::none>>>("http://127.0.0.1:0/ws", c);
        if (p->open()) std::abort();
        return p;
    }();
    return *h;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    if (size == 0) return 0;
    auto& h = host();
    wsbind::http::request rq;
    bool const ws = (data[0] & 1) != 0;
    rq.target = ws ? "/ws" : "/basic";
    static char const* const types[] = {"text/xml; charset=utf-8", "application/soap+xml; charset=utf-8", "text/xml",
                                        "application/soap+xml; charset=utf-16", "text/plain"};
    rq.headers.set("Content-Type", types[(data[0] >> 1) % 5]);
    if (!ws) rq.headers.set("SOAPAction", (data[0] & 0x80) ? "\"http://Microsoft.ServiceModel.Samples/ICalculator/Echo\""
                                                           : "\"http://Microsoft.ServiceModel.Samples/ICalculator/Add\"");
    rq.body.assign(reinterpret_cast<char const*>(data + 1), size - 1);
    auto r = h.dispatch(std::move(rq));
    if (r.status < 200 || r.status > 599) std::abort();
    // Every SOAP reply the service writes (text path or document path) reads back as an envelope.
    if ((r.status == 200 || r.status == 400 || r.status == 500) && !r.body.empty()) {
        wsbind::reader_quotas_settings unlimited; // replies may echo long input (fault reasons)
        unlimited.max_depth = std::numeric_limits<int>::max();
        unlimited.max_string_content_length = std::numeric_limits<int>::max();
        wsbind::soap::text_encoder const enc(ws ? wsbind::soap::soap12_ws_addressing10 : wsbind::soap::soap11, unlimited);
        auto back = enc.decode_in_place(std::move(r.body), r.headers.get("Content-Type"));
        if (!back.value) std::abort();
    }
    return 0;
}
