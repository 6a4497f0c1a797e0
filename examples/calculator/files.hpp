// Small helpers of the calculator programs: reading a file, command-line options.
#pragma once

#include <fstream>
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

} // namespace calculator
