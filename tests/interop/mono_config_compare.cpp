// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
//
// Compares wsbind's reading of every corpus file (`resolve --json`) with Mono's
// (mono_config_dump.exe), setting by setting.
//
//   mono_config_compare MONO DUMP_EXE DEVIATIONS_FILE [--verbose] DIR_OR_FILE...
//
// Settings are compared where both sides have them (same binding type and name, same behavior,
// same endpoint). A disagreement is accepted only when it matches a documented deviation of Mono
// from .NET Framework 4.8 (mono_deviations.txt, explained in mono_deviations.md); any other
// disagreement fails the test. Sections Mono refuses to load are counted and listed, not compared.

#include <wsbind/config/json.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/config/resolve.hpp>
#include <wsbind/config/validate.hpp>

#include "mini_json.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using test::json::value;

struct deviation {
    std::string scope;      ///< binding type, "serviceCredentials", "clientCredentials", "endpoint"
    std::regex key;
    std::regex ours;
    std::regex mono;
    std::string id;
    std::size_t hits = 0;
};

std::vector<deviation> load_deviations(fs::path const& file) {
    std::vector<deviation> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::size_t start = 0;
        while (true) {
            auto bar = line.find('|', start);
            f.push_back(line.substr(start, bar - start));
            if (bar == std::string::npos) break;
            start = bar + 1;
        }
        if (f.size() != 5) {
            std::cerr << file << ": bad line: " << line << '\n';
            continue;
        }
        out.push_back({f[0], std::regex(f[1]), std::regex(f[2]), std::regex(f[3]), f[4], 0});
    }
    return out;
}

struct counts {
    std::size_t files = 0, mono_loaded = 0, mono_refused_sections = 0;
    std::size_t bindings = 0, behaviors = 0, endpoints = 0;
    std::size_t compared = 0, agreed = 0, deviations = 0, unexplained = 0;
};

class comparer {
public:
    comparer(std::vector<deviation>& devs, bool verbose) : devs_(devs), verbose_(verbose) {}
    counts c;
    std::vector<std::string> unexplained;

    void settings(std::string const& file, std::string const& scope, std::string const& what, value const& ours, value const& mono,
                  std::vector<std::string> const& skip = {}) {
        for (std::size_t i = 0; i < ours.keys.size(); ++i) {
            auto const& key = ours.keys[i];
            auto const& ov = ours.values[i];
            if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
            auto const* mv = mono.get(key);
            if (!mv) continue;
            ++c.compared;
            if (ov.s == mv->s) {
                ++c.agreed;
                continue;
            }
            bool known = false;
            for (auto& d : devs_) {
                if (d.scope != scope && d.scope != "*") continue;
                if (std::regex_match(key, d.key) && std::regex_match(ov.s, d.ours) && std::regex_match(mv->s, d.mono)) {
                    ++d.hits;
                    known = true;
                    break;
                }
            }
            std::string const line = fs::path(file).filename().string() + ": " + what + " " + key + ": wsbind '" + ov.s +
                                     "', Mono '" + mv->s + "'";
            if (known) {
                ++c.deviations;
                if (verbose_) std::cout << "  known deviation: " << line << '\n';
            } else {
                ++c.unexplained;
                unexplained.push_back(line);
            }
        }
    }

private:
    std::vector<deviation>& devs_;
    bool verbose_;
};

value ours_for(fs::path const& file) {
    using namespace wsbind::config;
    auto r = read_file(file.string());
    diagnostics d = r.diagnostics();
    auto const resolved = resolve(r.partial(), d, file.string());
    validate(r.partial(), resolved, d, file.string());
    return test::json::parse(to_json(r.partial(), resolved, d));
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::cerr << "usage: mono_config_compare MONO DUMP_EXE DEVIATIONS_FILE [--verbose] DIR_OR_FILE...\n";
        return 2;
    }
    std::string const mono = argv[1];
    std::string const dump = argv[2];
    auto devs = load_deviations(argv[3]);
    bool verbose = false;
    std::vector<fs::path> files;
    for (int i = 4; i < argc; ++i) {
        std::string const a = argv[i];
        if (a == "--verbose") { verbose = true; continue; }
        if (fs::is_directory(a)) {
            std::vector<fs::path> dir;
            for (auto const& e : fs::directory_iterator(a)) {
                auto const ext = e.path().extension().string();
                if (e.is_regular_file() && (ext == ".config" || ext == ".Config")) dir.push_back(e.path());
            }
            std::sort(dir.begin(), dir.end());
            files.insert(files.end(), dir.begin(), dir.end());
        } else {
            files.emplace_back(a);
        }
    }

    // One Mono process reads every file (one JSON object per line).
    std::string cmd = "\"" + mono + "\" \"" + dump + "\"";
    for (auto const& f : files) cmd += " \"" + f.string() + "\"";
    cmd += " 2>/dev/null";
    std::map<std::string, value> mono_by_file;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        std::string line;
        char buf[65536];
        while (std::fgets(buf, sizeof buf, p)) {
            line += buf;
            if (!line.empty() && line.back() == '\n') {
                auto v = test::json::parse(line);
                mono_by_file[v.str("file")] = std::move(v);
                line.clear();
            }
        }
        pclose(p);
    }
    if (mono_by_file.size() != files.size()) {
        std::cerr << "mono_config_compare: Mono printed " << mono_by_file.size() << " results for " << files.size()
                  << " files (did it crash?): " << cmd.substr(0, 200) << "...\n";
        return 1;
    }

    comparer cmp(devs, verbose);
    std::vector<std::string> refused;
    for (auto const& f : files) {
        ++cmp.c.files;
        auto it = mono_by_file.find(f.string());
        if (it == mono_by_file.end() || it->second.get("load_error")) {
            refused.push_back(f.filename().string() + ": Mono cannot load the file" +
                              (it != mono_by_file.end() ? " (" + it->second.str("load_error") + ")" : std::string()));
            continue;
        }
        value const& m = it->second;
        ++cmp.c.mono_loaded;
        auto const& errors = *m.get("errors");
        for (std::size_t i = 0; i < errors.keys.size(); ++i) {
            ++cmp.c.mono_refused_sections;
            refused.push_back(f.filename().string() + ": Mono refuses " + errors.keys[i] + ": " + errors.values[i].s.substr(0, 160));
        }
        value const ours = ours_for(f);
        // Bindings by (type, name).
        for (auto const& mb : m.get("bindings")->a) {
            for (auto const& ob : ours.get("bindings")->a) {
                if (ob.str("type") != mb.str("type") || ob.str("name") != mb.str("name") || !ob.get("modelled")->b) continue;
                ++cmp.c.bindings;
                cmp.settings(f.string(), mb.str("type"), mb.str("type") + " '" + mb.str("name") + "'", *ob.get("settings"),
                             *mb.get("settings"));
            }
        }
        // Behaviors by (kind, name).
        for (auto const& mb : m.get("behaviors")->a) {
            for (auto const& ob : ours.get("behaviors")->a) {
                if (ob.str("kind") != mb.str("kind") || ob.str("name") != mb.str("name")) continue;
                ++cmp.c.behaviors;
                std::string const scope = mb.str("kind") == "service" ? "serviceCredentials" : "clientCredentials";
                cmp.settings(f.string(), scope, mb.str("kind") + " behavior '" + mb.str("name") + "'", *ob.get("settings"),
                             *mb.get("settings"));
            }
        }
        // Service endpoints (the address is compared resolved by wsbind, as written by Mono: skipped).
        for (auto const& ms : m.get("services")->a) {
            for (auto const& os : ours.get("services")->a) {
                if (os.str("name") != ms.str("name")) continue;
                auto const& oe = os.get("endpoints")->a;
                auto const& me = ms.get("endpoints")->a;
                for (std::size_t i = 0; i < std::min(oe.size(), me.size()); ++i) {
                    ++cmp.c.endpoints;
                    cmp.settings(f.string(), "endpoint", "service '" + ms.str("name") + "' endpoint " + std::to_string(i), oe[i], me[i],
                                 {"address"});
                }
            }
        }
        auto const& oc = ours.get("client")->a;
        auto const& mc = m.get("client")->a;
        for (std::size_t i = 0; i < std::min(oc.size(), mc.size()); ++i) {
            ++cmp.c.endpoints;
            cmp.settings(f.string(), "endpoint", "client endpoint " + std::to_string(i), oc[i], mc[i]);
        }
    }

    auto const& c = cmp.c;
    std::cout << "Mono comparison over " << c.files << " files: Mono loaded " << c.mono_loaded << " (" << c.mono_refused_sections
              << " sections refused by Mono, not compared)\n"
              << "  compared: " << c.bindings << " bindings, " << c.behaviors << " behaviors, " << c.endpoints << " endpoints; "
              << c.compared << " settings\n"
              << "  agreed: " << c.agreed << "; known Mono deviations: " << c.deviations << "; unexplained: " << c.unexplained << '\n';
    std::map<std::string, std::size_t> by_id;
    for (auto const& d : devs) by_id[d.id] += d.hits;
    for (auto const& [id, n] : by_id)
        if (n) std::cout << "  deviation " << id << ": " << n << " settings\n";
    if (verbose)
        for (auto const& r : refused) std::cout << "  " << r << '\n';
    for (auto const& u : cmp.unexplained) std::cout << "  DISAGREEMENT " << u << '\n';
    return c.unexplained == 0 ? 0 : 1;
}
