// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
//
// wsbind-config: WCF <system.serviceModel> configuration, read as .NET Framework 4.8 reads it.
//
//   wsbind-config check [--fragment] FILE...      diagnostics as file:line:col: severity: message
//   wsbind-config resolve --json [--fragment] FILE  the effective configuration as one JSON object
//   wsbind-config write [--full] FILE             the configuration written back (minimal or full)
//   wsbind-config codegen FILE                    a C++ header with a binding type per configuration
//
// Exit status: 0 without errors, 1 when a file has errors, 2 for a usage error.

#include <wsbind/config/codegen.hpp>
#include <wsbind/config/json.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>
#include <wsbind/config/writer.hpp>

#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

int usage() {
    std::cerr << "usage: wsbind-config check [--fragment] FILE...\n"
                 "       wsbind-config resolve --json [--fragment] FILE\n"
                 "       wsbind-config write [--full] [--fragment] FILE\n"
                 "       wsbind-config codegen [--namespace NAME] FILE\n";
    return 2;
}

struct analysis {
    wsbind::config::read_result read;
    wsbind::config::diagnostics all;
    wsbind::config::resolved_configuration resolved;
};

analysis analyse(std::string const& file, bool fragment) {
    using namespace wsbind::config;
    read_options options;
    options.allow_fragment = fragment;
    analysis a{read_file(file, options), {}, {}};
    a.all = a.read.diagnostics();
    auto const& cfg = a.read.partial();
    a.resolved = resolve(cfg, a.all, file);
    validate(cfg, a.resolved, a.all, file);
    return a;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage();
    std::string const command = args[0];
    bool fragment = false, json = false, full = false;
    std::string ns = "config_bindings";
    std::vector<std::string> files;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--fragment") fragment = true;
        else if (args[i] == "--json") json = true;
        else if (args[i] == "--full") full = true;
        else if (args[i] == "--namespace" && i + 1 < args.size()) ns = args[++i];
        else if (!args[i].empty() && args[i][0] == '-' && args[i] != "-") return usage();
        else files.push_back(args[i]);
    }
    if (files.empty()) return usage();

    if (command == "check") {
        bool errors = false;
        for (auto const& f : files) {
            auto a = analyse(f, fragment);
            for (auto const& d : a.all) std::cout << wsbind::config::format(d) << '\n';
            errors = errors || a.all.has_errors();
        }
        return errors ? 1 : 0;
    }
    if (command == "resolve") {
        if (!json || files.size() != 1) return usage();
        auto a = analyse(files[0], fragment);
        std::cout << wsbind::config::to_json(a.read.partial(), a.resolved, a.all);
        return a.all.has_errors() ? 1 : 0;
    }
    if (command == "write") {
        if (files.size() != 1) return usage();
        auto a = analyse(files[0], fragment);
        for (auto const& d : a.read.diagnostics())
            if (d.severity == wsbind::config::severity::error) std::cerr << wsbind::config::format(d) << '\n';
        if (!a.read.ok()) return 1;
        wsbind::config::write_options wo;
        wo.mode = full ? wsbind::config::write_mode::full : wsbind::config::write_mode::minimal;
        std::cout << wsbind::config::write_string(*a.read.get(), wo);
        return 0;
    }
    if (command == "codegen") {
        if (files.size() != 1) return usage();
        auto a = analyse(files[0], fragment);
        for (auto const& d : a.read.diagnostics())
            if (d.severity == wsbind::config::severity::error) std::cerr << wsbind::config::format(d) << '\n';
        if (!a.read.ok()) return 1;
        wsbind::config::codegen_options co;
        co.namespace_name = ns;
        co.source_name = files[0];
        auto const result = wsbind::config::generate_header(*a.read.get(), co);
        for (auto const& note : result.skipped) std::cerr << files[0] << ": note: " << note << '\n';
        std::cout << result.header;
        return 0;
    }
    return usage();
}
