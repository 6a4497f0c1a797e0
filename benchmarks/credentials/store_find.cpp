// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Finding a certificate in a 10,000-certificate store. Goal: the store is indexed once when it is
// opened, and a find takes under 1 ms after that. Baseline (same run): a find by thumbprint that
// scans every certificate, as a store without an index would.
// Run: build/benchmarks/credentials/bench_store_find [--certificates N]

#include <wsbind/crypto/x509_store.hpp>
#include <wsbind/crypto/openssl/backend.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_builder.hpp>
#if WSBIND_BENCH_HAVE_BOTAN
#include <wsbind/crypto/botan/backend.hpp>
#endif

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>

using namespace wsbind;
namespace fs = std::filesystem;

namespace {

std::size_t certificate_count = 10000;

struct corpus {
    fs::path root;
    std::string needle_thumbprint, needle_subject, needle_serial, needle_ski;
    corpus() {
        std::random_device rd;
        root = fs::temp_directory_path() / ("wsbind-bench-store-" + std::to_string(rd()));
        openssl_backend b;
        auto issuer_key = *b.generate_rsa_key(1024);
        auto subject_key = *b.generate_rsa_key(1024);
        auto needle_key = *b.generate_rsa_key(1024);
        auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        x509_store_options o;
        o.root = root;
        auto dir = store_directory(store_location::local_machine, store_name::my, o);
        fs::create_directories(dir);
        auto write = [&](openssl_backend::certificate const& c) {
            auto const& i = b.info(c);
            std::ofstream(dir / (i.thumbprint_hex + ".pem")) << crypto::pem_encode("CERTIFICATE", i.der);
        };
        std::printf("creating %zu certificates in %s ...\n", certificate_count, dir.c_str());
        for (std::size_t n = 0; n < certificate_count; ++n) {
            crypto::certificate_request r;
            r.subject = {{"C", "US"}, {"O", "Org " + std::to_string(n % 97)}, {"CN", "host-" + std::to_string(n) + ".example.com"}};
            r.serial = {static_cast<std::uint8_t>(0x10 + (n >> 16)), static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
            r.not_before = now - std::chrono::hours(1);
            r.not_after = now + std::chrono::hours(24 * 365);
            r.key_usage = crypto::key_usage::digital_signature;
            r.dns_names = {"host-" + std::to_string(n) + ".example.com"};
            write(*crypto::issue_certificate(b, r, b.public_key_of(subject_key), issuer_key));
        }
        crypto::certificate_request r;
        r.subject = {{"C", "US"}, {"O", "Contoso"}, {"CN", "Contoso.com"}};
        r.serial = {0x7F, 0x01, 0x02, 0x03};
        r.not_before = now - std::chrono::hours(1);
        r.not_after = now + std::chrono::hours(24 * 365);
        r.key_usage = crypto::key_usage::digital_signature | crypto::key_usage::key_encipherment;
        r.template_name = "WcfService";
        auto needle = *crypto::issue_certificate(b, r, b.public_key_of(needle_key), issuer_key);
        write(needle);
        auto const& i = b.info(needle);
        needle_thumbprint = i.thumbprint_hex;
        needle_subject = i.subject;
        needle_serial = i.serial_number;
        needle_ski = crypto::to_hex(*i.subject_key_identifier);
    }
    ~corpus() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    [[nodiscard]] x509_store_options options() const {
        x509_store_options o;
        o.root = root;
        o.include_system_trust = false;
        return o;
    }
};

corpus& data() {
    static corpus c;
    return c;
}

template <class B>
struct opened {
    double open_seconds = 0;
    std::unique_ptr<x509_store<B>> store;
    opened() {
        auto t0 = std::chrono::steady_clock::now();
        store = std::make_unique<x509_store<B>>(B{}, store_location::local_machine, store_name::my, data().options());
        open_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
};
template <class B>
opened<B>& store() {
    static opened<B> s;
    return s;
}

template <class B>
void find(benchmark::State& s, x509_find_type type, std::string value, std::size_t expected) {
    auto const& st = *store<B>().store;
    for (auto _ : s) {
        auto hits = st.find(type, value);
        if (hits.size() != expected) {
            s.SkipWithError("unexpected number of matches");
            break;
        }
        benchmark::DoNotOptimize(hits.data());
    }
}

template <class B>
void scan_baseline(benchmark::State& s) {
    auto const& st = *store<B>().store;
    auto const& tp = data().needle_thumbprint;
    for (auto _ : s) {
        std::vector<x509_store_entry<B> const*> hits;
        for (auto const& e : st.entries())
            if (e.info->thumbprint_hex == tp) hits.push_back(&e);
        benchmark::DoNotOptimize(hits.data());
    }
}

class summary_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(std::vector<Run> const& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (auto const& r : runs) times_[r.run_name.str()] = r.GetAdjustedRealTime();
    }
    std::map<std::string, double> times_;
};

template <class B>
void register_all(std::string const& lib) {
    auto const& d = data();
    std::size_t n = certificate_count;
    auto reg = [&](std::string const& name, x509_find_type t, std::string v, std::size_t expected) {
        benchmark::RegisterBenchmark(("find/" + lib + "/" + name).c_str(), [t, v, expected](benchmark::State& s) { find<B>(s, t, v, expected); })
            ->Unit(benchmark::kMicrosecond);
    };
    reg("FindByThumbprint", x509_find_type::find_by_thumbprint, d.needle_thumbprint, 1);
    reg("FindBySubjectDistinguishedName", x509_find_type::find_by_subject_distinguished_name, d.needle_subject, 1);
    reg("FindBySerialNumber", x509_find_type::find_by_serial_number, d.needle_serial, 1);
    reg("FindBySubjectKeyIdentifier", x509_find_type::find_by_subject_key_identifier, d.needle_ski, 1);
    reg("FindBySubjectName", x509_find_type::find_by_subject_name, "Contoso.com", 1);
    reg("FindByIssuerName(10000 matches)", x509_find_type::find_by_issuer_name, "example.com", n);
    reg("FindByTemplateName", x509_find_type::find_by_template_name, "WcfService", 1);
    reg("FindByKeyUsage", x509_find_type::find_by_key_usage, "KeyEncipherment", 1);
    benchmark::RegisterBenchmark(("baseline/" + lib + "/thumbprint scan without index").c_str(), scan_baseline<B>)->Unit(benchmark::kMicrosecond);
}

} // namespace

int main(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--certificates") certificate_count = std::stoul(argv[i + 1]);
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::string(argv[i]) == "--certificates") { ++i; continue; }
        args.push_back(argv[i]);
    }
    int n = static_cast<int>(args.size());
    (void)data();
    std::vector<std::pair<std::string, double>> opens;
    std::vector<std::pair<std::string, std::size_t>> sizes;
    store<openssl_backend>();
    opens.emplace_back("openssl", store<openssl_backend>().open_seconds);
    sizes.emplace_back("openssl", store<openssl_backend>().store->size());
    register_all<openssl_backend>("openssl");
#if WSBIND_BENCH_HAVE_BOTAN
    store<botan_backend>();
    opens.emplace_back("botan", store<botan_backend>().open_seconds);
    sizes.emplace_back("botan", store<botan_backend>().store->size());
    register_all<botan_backend>("botan");
#endif
    benchmark::Initialize(&n, args.data());
    summary_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\nstore of %zu certificates (+1 needle)\n", certificate_count);
    for (std::size_t i = 0; i < opens.size(); ++i)
        std::printf("  %-8s open + index once: %.3f s (%zu certificates indexed)\n", opens[i].first.c_str(), opens[i].second, sizes[i].second);
    std::printf("  %-48s %12s %10s\n", "find (exactly one match unless noted)", "time", "< 1 ms?");
    for (auto const& [name, t] : reporter.times_)
        std::printf("  %-48s %10.2fus %10s\n", name.c_str(), t, t < 1000.0 ? "yes" : "NO"); // times are in microseconds
    for (auto const& lib : {std::string("openssl"), std::string("botan")}) {
        auto idx = reporter.times_.find("find/" + lib + "/FindByThumbprint");
        auto scan = reporter.times_.find("baseline/" + lib + "/thumbprint scan without index");
        if (idx != reporter.times_.end() && scan != reporter.times_.end())
            std::printf("  %s: indexed thumbprint find / unindexed scan = %.4f\n", lib.c_str(), idx->second / scan->second);
    }
    benchmark::Shutdown();
    return 0;
}
