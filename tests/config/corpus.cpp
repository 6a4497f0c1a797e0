// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Conformance on real files: the 288 WCF sample configurations of dotnet/samples (shared/corpus).
#include <wsbind/config/json.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>
#include <wsbind/config/writer.hpp>

#include "mini_json.hpp"
#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace wsbind;
using namespace wsbind::config;

namespace {

std::vector<std::filesystem::path> corpus_files() {
    std::vector<std::filesystem::path> files;
    std::filesystem::path const dir = WSBIND_WCF_CORPUS;
    if (!std::filesystem::exists(dir)) return files;
    for (auto const& e : std::filesystem::directory_iterator(dir)) {
        auto const ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".config" || ext == ".Config")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("corpus: every file is read, resolved and validated without errors", "[config][corpus]") {
    auto const files = corpus_files();
    if (files.empty()) {
        WARN("WCF corpus not found at " WSBIND_WCF_CORPUS "; skipped");
        return;
    }
    CHECK(files.size() == 288);
    std::size_t bindings = 0, modelled = 0, endpoints = 0, resolved_endpoints = 0, warnings = 0, round_trips = 0;
    for (auto const& f : files) {
        INFO(f.filename().string());
        auto const r = read_file(f.string());
        diagnostics d = r.diagnostics();
        auto const& cfg = r.partial();
        auto const resolved = resolve(cfg, d, f.string());
        validate(cfg, resolved, d, f.string());
        INFO(test::dump(d));
        CHECK_FALSE(d.has_errors());
        for (auto const& x : d) {
            // Out-of-scope content is reported where it is.
            CHECK(x.position.line > 0);
            CHECK(x.file == f.string());
            warnings += x.severity == severity::warning;
        }
        // Every in-scope binding resolves to a description with every schema setting.
        for (auto const& b : cfg.bindings) {
            ++bindings;
            if (!b.kind || !b.fully_modelled) continue;
            ++modelled;
            CHECK_FALSE(binding_settings(b).empty());
        }
        auto endpoint = [&](resolved_endpoint const& e) {
            ++endpoints;
            bool const in_scope = enum_from_string<binding_kind>(e.binding_section).has_value() &&
                                  (!e.binding || e.binding->fully_modelled) && e.binding_section != "customBinding";
            if (in_scope) CHECK(e.description != nullptr);
            resolved_endpoints += e.description != nullptr;
        };
        for (auto const& s : resolved.services)
            for (auto const& e : s.endpoints) endpoint(e);
        for (auto const& e : resolved.client) endpoint(e);
        // resolve --json is valid JSON.
        auto const json = test::json::parse(to_json(cfg, resolved, d));
        CHECK(json.get("bindings")->a.size() == cfg.bindings.size());
        // read -> write -> read gives an equal model, minimal and full.
        for (auto mode : {write_mode::minimal, write_mode::full}) {
            write_options o;
            o.mode = mode;
            auto const again = read_string(write_string(cfg, o), "written");
            INFO(test::dump(again.diagnostics()));
            CHECK(again.ok());
            CHECK(again.partial() == cfg);
            round_trips += again.ok() && again.partial() == cfg;
        }
    }
    WARN("corpus: " << files.size() << " files, " << bindings << " bindings (" << modelled << " modelled), " << endpoints
                    << " endpoints (" << resolved_endpoints << " resolved to a wsbind binding), " << warnings
                    << " warnings, " << round_trips << " round trips equal");
}
