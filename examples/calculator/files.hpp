// Small helpers of the calculator programs: reading a file or the configuration, command-line options.
#pragma once

#include <wsbind/config/reader.hpp>

#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace calculator {

inline std::optional<std::string> read_text(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The value after `--name` in argv, if present.
inline std::optional<std::string> option(int argc, char** argv, std::string_view name) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return std::string(argv[i + 1]);
    return std::nullopt;
}

/// The configuration file `path`, its diagnostics printed as a compiler prints them (notes left
/// out); nullopt when it has errors.
inline std::optional<wsbind::config::read_result> read_configuration(std::string const& path) {
    auto read = wsbind::config::read_file(path);
    for (auto const& d : read.diagnostics())
        if (d.severity != wsbind::config::severity::note) std::cerr << wsbind::config::format(d) << "\n";
    if (!read.ok()) return std::nullopt;
    return read;
}

} // namespace calculator
