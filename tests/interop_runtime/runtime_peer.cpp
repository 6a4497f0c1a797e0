// wsbind's side of the Mono interop tests: the calculator service and client over basicHttpBinding
// and wsHttpBinding with security None, built from compile-time bindings.
//   runtime_peer service            hosts /calculator/basic and /calculator/ws on 127.0.0.1, prints
//                                   "READY <port>", serves until killed
//   runtime_peer client basic|ws URL  calls the four operations and an unknown one; exit 0 when right
//   runtime_peer free-port          prints a port that was free a moment ago
//   runtime_peer https-service PKI  hosts the calculator over HTTPS with certificates from PKI/ (server.pem,
//                                   server.key, ca.pem): /calculator/certificate (basicHttpBinding, Transport,
//                                   clientCredentialType Certificate) on one port and /calculator/open
//                                   (Transport, no client certificate) on another; prints "READY <port1> <port2>";
//                                   also /calculator/open-basic and /calculator/certificate-ws
#include <wsbind/channel/client.hpp>
#include <wsbind/channel/service_host.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <thread>
#include <iostream>
#include <string>

namespace {

using namespace wsbind;
using basic = basic_http_binding<>;
using ws = ws_http_binding<security<mode::none>>;

service_contract calculator() {
    service_contract c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
    c.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
    c.add("Subtract", {"n1", "n2"}, [](double a, double b) { return a - b; });
    c.add("Multiply", {"n1", "n2"}, [](double a, double b) { return a * b; });
    c.add("Divide", {"n1", "n2"}, [](double a, double b) { return a / b; });
    return c;
}

int serve() {
    service_host_options o;
    if (std::getenv("WSBIND_TRACE") != nullptr)
        o.trace = [](channel::trace_record const& r) {
            std::cerr << (r.dir == channel::trace_record::direction::received ? "<<< " : ">>> ") << "[" << r.content_type
                      << " | action " << r.action << " | HTTP " << r.http_status << "] " << r.bytes << "\n";
        };
    service_host<beast_backend> host(o);
    beast_backend::server probe({}, [](http::request&&) { return http::response{}; });
    if (probe.start()) return 2;
    auto const port = std::to_string(probe.local_port());
    probe.stop();
    host.add_endpoint<basic>("http://127.0.0.1:" + port + "/calculator/basic", calculator());
    host.add_endpoint<ws>("http://127.0.0.1:" + port + "/calculator/ws", calculator());
    if (host.open()) {
        std::cerr << "cannot open: " << host.last_error() << "\n";
        return 2;
    }
    std::cout << "READY " << port << std::endl;
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1)); // until the test kills us
}

std::string read_pem(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int serve_https(std::string const& pki) {
    service_host_options o;
    o.service_certificate = std::make_shared<http::pem_certificate_source>(read_pem(pki + "/server.pem"), read_pem(pki + "/server.key"));
    o.trusted_client_ca_pem = read_pem(pki + "/ca.pem");
    service_host<beast_backend> host(o);
    host.add_endpoint<basic_http_binding<security<mode::transport, transport_credential::certificate>>>(
        "https://127.0.0.1:0/calculator/certificate", calculator());
    host.add_endpoint<ws_http_binding<security<mode::transport, transport_credential::none>>>("https://localhost:0/calculator/open",
                                                                                             calculator());
    // The other binding of each shape, on the same listener (for the Mono HTTPS test).
    host.add_endpoint<basic_http_binding<security<mode::transport>>>("https://localhost:0/calculator/open-basic", calculator());
    host.add_endpoint<ws_http_binding<security<mode::transport, transport_credential::certificate>>>(
        "https://localhost:0/calculator/certificate-ws", calculator());
    if (host.open()) {
        std::cerr << "cannot open: " << host.last_error() << "\n";
        return 2;
    }
    auto const a = host.endpoint_addresses();
    std::cout << "READY " << http::uri::parse(a[0])->port << " " << http::uri::parse(a[1])->port << std::endl;
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1)); // until the test kills us
}

template <class B>
int call_all(std::string const& address) {
    client_options o;
    if (std::getenv("WSBIND_TRACE") != nullptr)
        o.trace = [](channel::trace_record const& r) {
            std::cerr << (r.dir == channel::trace_record::direction::received ? "<<< " : ">>> ") << "[" << r.content_type
                      << " | action " << r.action << " | HTTP " << r.http_status << "] " << r.bytes << "\n";
        };
    auto c = client<beast_backend>::make<B>(address, o);
    auto const calc = calculator();
    int failures = 0;
    auto expect = [&](char const* what, call_result<double> r, double expected) {
        if (!r) {
            std::cout << what << ": " << (r.fault ? "fault: " + r.fault->reason : r.error) << "   WRONG\n";
            ++failures;
            return;
        }
        bool const ok = *r.value == expected;
        std::cout << what << " = " << soap::data_contract<double>::write(*r.value) << (ok ? "" : "   WRONG") << "\n";
        if (!ok) ++failures;
    };
    expect("Add(100, 15.99)", c.template call<double>(calc, "Add", {"n1", "n2"}, 100.0, 15.99), 100 + 15.99);
    expect("Subtract(145, 76.54)", c.template call<double>(calc, "Subtract", {"n1", "n2"}, 145.0, 76.54), 145 - 76.54);
    expect("Multiply(9, 81.25)", c.template call<double>(calc, "Multiply", {"n1", "n2"}, 9.0, 81.25), 9 * 81.25);
    expect("Divide(22, 7)", c.template call<double>(calc, "Divide", {"n1", "n2"}, 22.0, 7.0), 22.0 / 7);
    expect("Divide(1, 0)", c.template call<double>(calc, "Divide", {"n1", "n2"}, 1.0, 0.0), INFINITY);
    expect("Add(0.1, 0.2)", c.template call<double>(calc, "Add", {"n1", "n2"}, 0.1, 0.2), 0.1 + 0.2);
    auto power = c.template call<double>(calc, "Power", {"n1", "n2"}, 2.0, 8.0);
    if (power.fault) {
        auto const& f = *power.fault;
        std::cout << "Power: fault, HTTP " << power.http_status << ", subcode "
                  << (f.subcodes.empty() ? std::string("(none)") : f.subcodes.front().local + " (" + f.subcodes.front().ns + ")")
                  << ": " << f.reason << "\n";
        if (f.subcodes.empty() || f.subcodes.front().local != "ActionNotSupported") ++failures;
    } else {
        std::cout << "Power: " << (power ? "no fault" : power.error) << "   WRONG\n";
        ++failures;
    }
    std::cout << (failures == 0 ? "OK" : std::to_string(failures) + " FAILURES") << std::endl;
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    std::string const cmd = argc > 1 ? argv[1] : "";
    if (cmd == "service") return serve();
    if (cmd == "https-service" && argc == 3) return serve_https(argv[2]);
    if (cmd == "free-port") {
        beast_backend::server probe({}, [](http::request&&) { return http::response{}; });
        if (probe.start()) return 2;
        std::cout << probe.local_port() << std::endl;
        return 0;
    }
    if (cmd == "client" && argc == 4) {
        std::string const binding = argv[2];
        if (binding == "basic") return call_all<basic>(argv[3]);
        if (binding == "ws") return call_all<ws>(argv[3]);
    }
    std::cerr << "usage: runtime_peer service | free-port | client basic|ws ADDRESS\n";
    return 2;
}
