// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// `wsbind-config codegen` over the corpus: each generated binding type describes exactly what the
// configuration file says (all.hpp is generated at build time by codegen_corpus.cmake).
#include <wsbind/config/reader.hpp>

#include "all.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

using namespace wsbind;
using namespace wsbind::config;

TEST_CASE("codegen: describe<> of every generated type equals the configuration", "[config][codegen]") {
    std::filesystem::path const dir = WSBIND_WCF_CORPUS;
    std::size_t types = 0, modelled = 0;
    for (auto const& [file, entries] : codegen_corpus::files()) {
        INFO(std::string(file));
        auto const r = read_file((dir / std::string(file)).string());
        REQUIRE(r.ok());
        for (auto const& b : r.get()->bindings) modelled += b.kind && b.fully_modelled;
        for (auto const& e : entries) {
            INFO(std::string(e.section) << " '" << std::string(e.name) << "'");
            auto const* b = r.get()->find_binding(e.section, e.name);
            REQUIRE(b);
            auto expected = b->description;
            expected.name = {};
            CHECK(*e.description == expected);
            ++types;
        }
    }
    WARN("codegen: " << types << " generated binding types of " << modelled << " fully modelled bindings, all equal");
    CHECK(types > 0);
}
