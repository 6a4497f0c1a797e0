// calculator-service --config FILE [--certificate PEM --key PEM] [--client-ca PEM] [--trace]
//
// Hosts the WCF samples' CalculatorService as its configuration file says: <service
// name="Microsoft.ServiceModel.Samples.CalculatorService">, its base addresses, endpoints and
// bindings (basicHttpBinding / wsHttpBinding, security None or Transport). HTTPS endpoints present
// the certificate the service behavior's <serviceCredentials><serviceCertificate> names, found in
// wsbind's certificate stores (tools/wsbind-store; root $WSBIND_CERT_STORE_ROOT), or the PEM files
// given with --certificate/--key. --client-ca names the CAs client certificates must chain to.
// Prints "The service is ready." and serves until <ENTER>, end of input, or SIGINT/SIGTERM.
#include "calculator.hpp"
#include "files.hpp"

#include <wsbind/channel/certificates.hpp>
#include <wsbind/channel/configured.hpp>
#include <wsbind/crypto/openssl/backend.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <csignal>
#include <iostream>

namespace {
std::sig_atomic_t volatile stop_requested = 0;
void on_signal(int) { stop_requested = 1; }
} // namespace

int main(int argc, char** argv) {
    auto const config_file = calculator::option(argc, argv, "--config");
    if (!config_file) {
        std::cerr << "usage: calculator-service --config FILE [--certificate PEM --key PEM [--client-ca PEM]] [--trace]\n";
        return 2;
    }
    auto const read = calculator::read_configuration(*config_file);
    if (!read) return 1;
    auto const& cfg = *read->get();

    auto options = wsbind::configured_service_options(cfg, calculator::service_name);
    if (auto cert = calculator::option(argc, argv, "--certificate")) {
        auto const chain = calculator::read_text(*cert);
        auto const key = calculator::read_text(calculator::option(argc, argv, "--key").value_or(""));
        if (!chain || !key) {
            std::cerr << "calculator-service: cannot read --certificate/--key\n";
            return 1;
        }
        options.service_certificate = std::make_shared<wsbind::http::pem_certificate_source>(*chain, *key);
    } else if (auto const* s = cfg.find_service(calculator::service_name); s != nullptr && !s->behavior_configuration.empty()) {
        auto const* b = cfg.find_behavior(wsbind::config::behavior_kind::service, s->behavior_configuration);
        if (b != nullptr && b->service_credentials && b->service_credentials->service_certificate.specified) {
            wsbind::x509_stores<wsbind::openssl_backend> stores;
            std::string error;
            options.service_certificate = wsbind::configured_service_certificate(cfg, calculator::service_name, stores, error);
            if (!options.service_certificate) {
                std::cerr << "calculator-service: " << error << "\n";
                return 1;
            }
        }
    }
    if (auto ca = calculator::option(argc, argv, "--client-ca")) options.trusted_client_ca_pem = calculator::read_text(*ca).value_or("");
    bool const trace = std::string_view(argv[argc - 1]) == "--trace";
    if (trace)
        options.trace = [](wsbind::channel::trace_record const& r) {
            std::cerr << (r.dir == wsbind::channel::trace_record::direction::received ? "<<< " : ">>> ") << r.bytes << "\n";
        };

    wsbind::service_host<wsbind::beast_backend> host(options);
    auto const added = wsbind::add_configured_service(host, cfg, calculator::service_name, calculator::contract(), *config_file);
    for (auto const& n : added.notes) std::cerr << n << "\n";
    for (auto const& e : added.errors) std::cerr << e << "\n";
    if (!added.ok()) return 1;
    if (host.open()) {
        std::cerr << "calculator-service: " << host.last_error() << "\n";
        return 1;
    }
    for (auto const& a : host.endpoint_addresses()) std::cout << "Listening at " << a << "\n";
    std::cout << "The service is ready.\nPress <ENTER> to terminate service." << std::endl;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    // <ENTER> or end of input stops the service; a service started with stdin closed waits for a signal.
    if (std::cin.peek() != std::char_traits<char>::eof()) {
        std::string line;
        std::getline(std::cin, line);
    } else {
        while (stop_requested == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    host.close();
    return 0;
}
