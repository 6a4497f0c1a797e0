// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
//
// libFuzzer target for the configuration reader and resolver: any bytes in, never a crash, and
// these invariants:
//  - reading, resolving, validating, JSON, codegen and formatting diagnostics complete;
//  - a configuration read without errors, written and read again, gives an equal model (minimal
//    and full writers) with no errors.
// Seeds: the WCF corpus (shared/corpus/wcf-samples) and tests/interop/configs.

#include <wsbind/config/codegen.hpp>
#include <wsbind/config/json.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>
#include <wsbind/config/writer.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(char const* what, std::string const& detail) {
    std::fprintf(stderr, "fuzz_config: invariant broken: %s\n%s\n", what, detail.c_str());
    __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    using namespace wsbind::config;
    std::string_view const text(reinterpret_cast<char const*>(data), size);
    read_options options;
    options.allow_fragment = size % 2 == 1;         // both kinds of roots
    options.limits.max_file_size = 1u << 20;        // bounded per input
    options.limits.max_elements = 20000;
    auto const r = read_string(text, "fuzz.config", options);
    diagnostics d = r.diagnostics();
    auto const& cfg = r.partial();
    auto const resolved = resolve(cfg, d, "fuzz.config");
    validate(cfg, resolved, d, "fuzz.config");
    std::size_t total = to_json(cfg, resolved, d).size();
    for (auto const& x : d) total += format(x).size();
    if (!r.ok()) return total == 0; // keep the work observable
    (void)generate_header(cfg);
    for (auto mode : {write_mode::minimal, write_mode::full}) {
        write_options w;
        w.mode = mode;
        std::string const written = write_string(cfg, w);
        auto const again = read_string(written, "written.config");
        if (!again.ok()) {
            std::string why;
            for (auto const& x : again.diagnostics()) why += format(x) + "\n";
            fail("the writer's output does not read back without errors", why + written);
        }
        if (!(again.partial() == cfg)) fail("read -> write -> read changed the model", written);
    }
    return 0;
}
