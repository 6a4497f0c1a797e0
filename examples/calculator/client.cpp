// calculator-client --config FILE [--endpoint NAME] [--ca PEM] [--certificate PEM --key PEM] [--trace]
//
// Calls the WCF samples' calculator through each <client><endpoint> of contract ICalculator in the
// configuration file (or the one named by --endpoint), as the sample's client does, and prints the
// results. HTTPS: --ca names the CA the service certificate must chain to (default: the system's);
// the client certificate (Transport security with clientCredentialType Certificate) is the one the
// endpoint behavior's <clientCredentials><clientCertificate> names, from wsbind's certificate stores
// ($WSBIND_CERT_STORE_ROOT), or the PEM files given with --certificate/--key.
#include "calculator.hpp"
#include "files.hpp"

#include <wsbind/channel/certificates.hpp>
#include <wsbind/channel/configured.hpp>
#include <wsbind/crypto/openssl/backend.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/http/beast/backend.hpp>
#include <wsbind/soap/data_contract.hpp>

#include <iostream>

namespace {

std::string text(double v) { return wsbind::soap::data_contract<double>::write(v); }

int run(wsbind::client<wsbind::beast_backend>& c) {
    auto const calc = calculator::contract();
    struct call {
        char const* op;
        double n1, n2;
    };
    int failures = 0;
    for (auto const& [op, n1, n2] : {call{"Add", 100, 15.99}, call{"Subtract", 145, 76.54}, call{"Multiply", 9, 81.25}, call{"Divide", 22, 7}}) {
        auto r = c.call<double>(calc, op, {"n1", "n2"}, n1, n2);
        std::cout << op << "(" << text(n1) << "," << text(n2) << ") = ";
        if (r) {
            std::cout << text(*r.value) << "\n";
        } else {
            ++failures;
            std::cout << (r.fault ? "fault: " + r.fault->reason : "error: " + r.error) << "\n";
        }
    }
    return failures;
}

} // namespace

int main(int argc, char** argv) {
    auto const config_file = calculator::option(argc, argv, "--config");
    if (!config_file) {
        std::cerr << "usage: calculator-client --config FILE [--endpoint NAME] [--ca PEM] [--certificate PEM --key PEM] [--trace]\n";
        return 2;
    }
    auto const read = calculator::read_configuration(*config_file);
    if (!read) return 1;
    auto const& cfg = *read->get();

    wsbind::client_options options;
    if (auto ca = calculator::option(argc, argv, "--ca")) options.tls.trusted_ca_pem = calculator::read_text(*ca).value_or("");
    if (auto cert = calculator::option(argc, argv, "--certificate")) {
        options.tls.client_certificate_pem = calculator::read_text(*cert).value_or("");
        options.tls.client_key_pem = calculator::read_text(calculator::option(argc, argv, "--key").value_or("")).value_or("");
    }
    if (std::string_view(argv[argc - 1]) == "--trace")
        options.trace = [](wsbind::channel::trace_record const& r) {
            std::cerr << (r.dir == wsbind::channel::trace_record::direction::received ? "<<< " : ">>> ") << r.bytes << "\n";
        };

    std::vector<std::string> names;
    if (auto n = calculator::option(argc, argv, "--endpoint")) names.push_back(*n);
    else
        for (auto const& e : cfg.client)
            if (wsbind::configured_contract_matches(e.contract, calculator::contract())) names.push_back(e.name);
    if (names.empty()) {
        std::cerr << "calculator-client: " << *config_file << " has no <client><endpoint> for ICalculator\n";
        return 1;
    }
    int failures = 0;
    for (auto const& name : names) {
        auto endpoint_options = options;
        for (auto const& e : cfg.client) {
            if (e.name != name || !endpoint_options.tls.client_certificate_pem.empty()) continue;
            auto const* b = cfg.find_behavior(wsbind::config::behavior_kind::endpoint, e.behavior_configuration);
            if (b == nullptr || !b->client_credentials || !b->client_credentials->client_certificate.specified) continue;
            wsbind::x509_stores<wsbind::openssl_backend> stores;
            std::string error;
            auto pem = wsbind::configured_client_certificate(cfg, name, stores, error);
            if (!pem) {
                std::cerr << "calculator-client: " << error << "\n";
                return 1;
            }
            endpoint_options.tls.client_certificate_pem = pem->first;
            endpoint_options.tls.client_key_pem = pem->second;
        }
        wsbind::configured_result r;
        auto c = wsbind::make_configured_client<wsbind::beast_backend>(cfg, name, calculator::contract(), r, endpoint_options, *config_file);
        for (auto const& e : r.errors) std::cerr << e << "\n";
        if (!c) return 1;
        std::cout << "Endpoint " << name << " (" << c->address() << "):\n";
        failures += run(*c);
    }
    return failures == 0 ? 0 : 1;
}
