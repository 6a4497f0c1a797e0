// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
//
// bench_config_resolve: resolving a generated ~1 MB configuration (1,000 bindings, 1,000 behaviors,
// 1,000 endpoints) against pugixml's parse of the same text, measured in the same run; and,
// when Mono is available, Mono loading the same file (mono_config_dump --bench).
//
// Goal (wsbind issue 3): resolve at most 2x the raw parse. The ratios are printed at the end.

#include "generate.hpp"

#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

namespace {

std::string const& text() {
    static std::string const t = bench::generate_config(1000);
    return t;
}

void pugixml_parse(benchmark::State& state) {
    auto const& t = text();
    for (auto _ : state) {
        pugi::xml_document doc;
        auto r = doc.load_buffer(t.data(), t.size(), pugi::parse_default, pugi::encoding_utf8);
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(t.size()));
}

void wsbind_read(benchmark::State& state) {
    auto const& t = text();
    for (auto _ : state) {
        auto r = wsbind::config::read_string(t, "generated.config");
        if (!r.ok()) state.SkipWithError("the generated configuration has errors");
        benchmark::DoNotOptimize(r);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(t.size()));
}

void wsbind_resolve(benchmark::State& state) {
    auto const& t = text();
    for (auto _ : state) {
        auto r = wsbind::config::read_string(t, "generated.config");
        auto d = r.diagnostics();
        auto const resolved = wsbind::config::resolve(r.partial(), d, "generated.config");
        wsbind::config::validate(r.partial(), resolved, d, "generated.config");
        if (d.has_errors()) state.SkipWithError("the generated configuration has errors");
        benchmark::DoNotOptimize(resolved);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(t.size()));
}

BENCHMARK(pugixml_parse)->Unit(benchmark::kMillisecond);
BENCHMARK(wsbind_read)->Unit(benchmark::kMillisecond);
BENCHMARK(wsbind_resolve)->Unit(benchmark::kMillisecond);

/// Keeps each benchmark's real time per iteration (ms) for the ratios.
class recording_reporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> ms;
    void ReportRuns(std::vector<Run> const& runs) override {
        // CPU time: the machine may be shared; with --benchmark_repetitions the mean is used.
        for (auto const& r : runs) {
            if (r.error_occurred) continue;
            double const v = r.GetAdjustedCPUTime() * (r.time_unit == benchmark::kMillisecond ? 1.0 : 1e-6);
            if (r.run_type == Run::RT_Iteration && r.repetitions <= 1) ms[r.run_name.function_name] = v;
            else if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "mean") ms[r.run_name.function_name] = v;
        }
        ConsoleReporter::ReportRuns(runs);
    }
};

double mono_ms(std::string const& file) {
#if defined(WSBIND_MONO) && defined(WSBIND_MONO_DUMP)
    if (!std::filesystem::exists(WSBIND_MONO_DUMP)) return -1;
    std::string const cmd = std::string("\"") + WSBIND_MONO + "\" \"" + WSBIND_MONO_DUMP + "\" --bench 5 \"" + file + "\"";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    char buf[128] = {};
    std::string out;
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
    return out.empty() ? -1 : std::atof(out.c_str());
#else
    (void)file;
    return -1;
#endif
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::cout << "generated configuration: " << text().size() << " bytes (1000 bindings, 1000 behaviors, 1000 endpoints)\n";
    recording_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    auto const& ms = reporter.ms;
    auto find = [&](char const* name) { auto it = ms.find(name); return it == ms.end() ? -1.0 : it->second; };
    double const parse = find("pugixml_parse"), read = find("wsbind_read"), resolve = find("wsbind_resolve");
    if (parse > 0 && read > 0 && resolve > 0) {
        std::printf("CPU time: pugixml parse %.2f ms, wsbind read %.2f ms, wsbind resolve %.2f ms\n", parse, read, resolve);
        std::printf("ratio read / pugixml parse:    %.2f\n", read / parse);
        std::printf("ratio resolve / pugixml parse: %.2f (goal: at most 2)\n", resolve / parse);
    }
    auto const file = std::filesystem::temp_directory_path() / "wsbind_bench_generated.config";
    std::ofstream(file, std::ios::binary) << text();
    double const mono = mono_ms(file.string());
    if (mono > 0 && resolve > 0)
        std::printf("Mono loading the same file: %.2f ms per load; ratio Mono / wsbind resolve: %.1f\n", mono, mono / resolve);
    else
        std::printf("Mono comparison skipped (mono or mono_config_dump.exe not available)\n");
    std::filesystem::remove(file);
    benchmark::Shutdown();
    return 0;
}
