// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
//
// bench_config_resolve: resolving a generated ~1 MB configuration (1,000 bindings, 1,000 behaviors,
// 1,000 endpoints) against pugixml's parse of the same text, measured in the same run; and,
// when Mono is available, Mono loading the same file (mono_config_dump --bench).
//
// Goal (wsbind issue 3): resolve at most 2x the raw parse. The ratios are printed at the end.
//
// What "resolve" measures: the whole pipeline a user runs, as tools/wsbind-config does it:
// read_string (input checks, pugixml parse, the model with every value parsed and located, its
// diagnostics), a copy of the read diagnostics, resolve (references, default configurations,
// addresses), validate (core's rule table per binding and per side, cross-element rules), and
// the destruction of all of it. "parse" is pugixml's load_buffer of the same text (a copy of
// the buffer, parse_default), also destroyed each time.
//
// "parse + walk" is pugixml's parse followed by one walk reading every element name, attribute
// name and value: the least any reader built on pugixml's tree can cost, to show how much of the
// 2x the design leaves for checking, modelling, resolving and validating.
//
// After Google Benchmark's runs, `--rounds=N` (default 21) interleaved rounds each time parse,
// read and resolve (3 iterations each, CPU time of this thread, page faults included) and print
// the median ratio and its range. They run twice (glibc): "fresh memory", where the allocator gives
// freed memory back to the system before every iteration (malloc_trim, not timed), so that each
// one faults its pages in as a process loading its configuration once does; and "reused memory",
// where the allocator keeps it (the CPU work alone). Google Benchmark's own loops above see a mix:
// its parse loop alone mostly runs on fresh memory, the wsbind loops mostly on reused memory.
//
// Breakdown (to see where the time goes): "load" is the document alone (wsbind::config::document:
// the input checks, pugixml's parse, the line index) without reading the model; the rounds print
// it next to read and resolve; and the heap allocations (operator new) one resolve makes, counted once,
// untimed.

#include "generate.hpp"

#include <wsbind/config/document.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>

#include <benchmark/benchmark.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <new>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

/// Heap allocations made by this program (operator new below), to count what one resolve makes.
std::size_t allocations = 0;

} // namespace

// Not inlined: the compiler then never sees free() applied to what operator new returned.
[[gnu::noinline]] void* operator new(std::size_t size) {
    ++allocations;
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }

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

/// The full pipeline (see the top of the file); false when the configuration has errors.
bool full_pipeline(std::string const& t) {
    auto r = wsbind::config::read_string(t, "generated.config");
    auto d = r.diagnostics();
    auto const resolved = wsbind::config::resolve(r.partial(), d, "generated.config");
    wsbind::config::validate(r.partial(), resolved, d, "generated.config");
    benchmark::DoNotOptimize(resolved);
    return !d.has_errors();
}

bool parse_only(std::string const& t) {
    pugi::xml_document doc;
    auto r = doc.load_buffer(t.data(), t.size(), pugi::parse_default, pugi::encoding_utf8);
    benchmark::DoNotOptimize(r);
    return static_cast<bool>(r);
}

/// The floor of any reader built on pugixml's tree: the parse, then one walk that reads every
/// element name, attribute name and attribute value once (no checks, no model).
bool parse_and_walk(std::string const& t) {
    pugi::xml_document doc;
    auto const r = doc.load_buffer(t.data(), t.size(), pugi::parse_default, pugi::encoding_utf8);
    std::size_t seen = 0;
    for (pugi::xml_node n = doc.first_child(); n;) {
        seen += std::strlen(n.name());
        for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
            seen += std::strlen(a.name()) + std::strlen(a.value());
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && !n.next_sibling()) n = n.parent();
        if (n) n = n.next_sibling();
    }
    benchmark::DoNotOptimize(seen);
    return static_cast<bool>(r);
}

bool load_only(std::string const& t) {
    wsbind::config::diagnostics d;
    wsbind::config::document doc;
    bool const ok = doc.load_string(t, "generated.config", d);
    benchmark::DoNotOptimize(doc);
    return ok;
}

bool read_only(std::string const& t) {
    auto r = wsbind::config::read_string(t, "generated.config");
    benchmark::DoNotOptimize(r);
    return r.ok();
}

void wsbind_resolve(benchmark::State& state) {
    auto const& t = text();
    for (auto _ : state)
        if (!full_pipeline(t)) state.SkipWithError("the generated configuration has errors");
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

/// CPU time of this thread, in milliseconds (other processes on the machine do not count).
double thread_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

bool fresh_memory = false; ///< give freed memory back to the system before each timed iteration

double per_iteration(bool (*f)(std::string const&), std::string const& t, int iterations) {
    double total = 0;
    for (int i = 0; i < iterations; ++i) {
#if defined(__GLIBC__)
        if (fresh_memory) malloc_trim(0);
#endif
        double const start = thread_ms();
        if (!f(t)) std::fprintf(stderr, "unexpected failure in a timed round\n");
        total += thread_ms() - start;
    }
    return total / iterations;
}

struct rounds_result {
    double parse = 0, walk = 0, load = 0, read = 0, resolve = 0; ///< medians, ms
    double ratio = 0, ratio_min = 0, ratio_max = 0;    ///< resolve / parse
    double walk_ratio = 0, load_ratio = 0, read_ratio = 0;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

rounds_result interleaved_rounds(std::string const& t, int rounds) {
    std::vector<double> parse, walk, load, read, resolve, ratio, walk_ratio, load_ratio, read_ratio;
    for (int r = 0; r < rounds; ++r) {
        double const p = per_iteration(parse_only, t, 3);
        double const w = per_iteration(parse_and_walk, t, 3);
        double const ld = per_iteration(load_only, t, 3);
        double const rd = per_iteration(read_only, t, 3);
        double const rs = per_iteration(full_pipeline, t, 3);
        parse.push_back(p);
        walk.push_back(w);
        load.push_back(ld);
        read.push_back(rd);
        resolve.push_back(rs);
        ratio.push_back(rs / p);
        walk_ratio.push_back(w / p);
        load_ratio.push_back(ld / p);
        read_ratio.push_back(rd / p);
    }
    rounds_result out;
    out.parse = median(parse);
    out.walk = median(walk);
    out.load = median(load);
    out.read = median(read);
    out.resolve = median(resolve);
    out.ratio = median(ratio);
    out.walk_ratio = median(walk_ratio);
    out.load_ratio = median(load_ratio);
    out.read_ratio = median(read_ratio);
    out.ratio_min = *std::min_element(ratio.begin(), ratio.end());
    out.ratio_max = *std::max_element(ratio.begin(), ratio.end());
    return out;
}

void print_rounds(char const* title, rounds_result const& r, int rounds) {
    std::printf("%s, %d interleaved rounds (thread CPU time, medians): pugixml parse %.2f ms, parse + walk %.2f ms, wsbind "
                "document load %.2f ms, wsbind read %.2f ms, wsbind resolve %.2f ms\n",
                title, rounds, r.parse, r.walk, r.load, r.read, r.resolve);
    std::printf("  ratio (parse + walk) / parse: %.2f; load / parse: %.2f; read / parse: %.2f; resolve / parse: %.2f (range "
                "%.2f-%.2f; goal: at most 2)\n",
                r.walk_ratio, r.load_ratio, r.read_ratio, r.ratio, r.ratio_min, r.ratio_max);
}

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
    int rounds = 21;
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--rounds=", 9) == 0) rounds = std::max(1, std::atoi(argv[i] + 9));
    std::cout << "generated configuration: " << text().size() << " bytes (1000 bindings, 1000 behaviors, 1000 endpoints)\n";
    {
        std::size_t const before = allocations;
        full_pipeline(text());
        std::printf("heap allocations (operator new) per resolve: %zu (pugixml allocates with malloc: not counted)\n",
                    allocations - before);
    }
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
#if defined(__GLIBC__)
    fresh_memory = true;
    auto const fresh = interleaved_rounds(text(), rounds);
    print_rounds("Fresh memory (malloc_trim before each iteration)", fresh, rounds);
    fresh_memory = false;
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 512 * 1024 * 1024);
    auto const reused = interleaved_rounds(text(), rounds);
    print_rounds("Reused memory (allocator keeps freed memory)", reused, rounds);
#else
    auto const fresh = interleaved_rounds(text(), rounds);
    print_rounds("Default allocator", fresh, rounds);
#endif
    auto const file = std::filesystem::temp_directory_path() / "wsbind_bench_generated.config";
    std::ofstream(file, std::ios::binary) << text();
    double const mono = mono_ms(file.string());
    if (mono > 0 && resolve > 0)
        std::printf("Mono loading the same file (mono_config_dump --bench 5: ConfigurationManager.OpenMappedExeConfiguration, "
                    "ServiceModelSectionGroup, every setting read; wall time): %.2f ms per load; ratio Mono / wsbind resolve: "
                    "%.0f (Google Benchmark CPU time), %.0f (interleaved rounds, fresh memory); Mono / pugixml parse: %.0f\n",
                    mono, mono / resolve, mono / fresh.resolve, mono / fresh.parse);
    else
        std::printf("Mono comparison skipped (mono or mono_config_dump.exe not available)\n");
    std::filesystem::remove(file);
    benchmark::Shutdown();
    return 0;
}
