// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Helpers shared by the configuration tests.
#ifndef WSBIND_TESTS_CONFIG_TEST_UTIL_HPP
#define WSBIND_TESTS_CONFIG_TEST_UTIL_HPP

#include <wsbind/config/diagnostic.hpp>
#include <wsbind/config/reader.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace test {

inline std::string read_text(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// `<configuration><system.serviceModel>` + body + closing tags.
inline std::string service_model(std::string_view body) {
    std::string s = "<?xml version=\"1.0\"?>\n<configuration>\n<system.serviceModel>\n";
    s.append(body);
    s += "\n</system.serviceModel>\n</configuration>\n";
    return s;
}

inline wsbind::config::diagnostic const* find(wsbind::config::diagnostics const& d, std::string_view code) {
    return d.find(code);
}

inline std::string dump(wsbind::config::diagnostics const& d) {
    std::string out;
    for (auto const& x : d) out += wsbind::config::format(x) + "\n";
    return out;
}

/// The fenced code blocks (```...```) of a Markdown document, in order.
inline std::vector<std::string> code_blocks(std::string const& md) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (true) {
        auto open = md.find("```", pos);
        if (open == std::string::npos) break;
        auto line_end = md.find('\n', open);
        auto close = md.find("```", line_end);
        if (line_end == std::string::npos || close == std::string::npos) break;
        out.push_back(md.substr(line_end + 1, close - line_end - 1));
        pos = close + 3;
    }
    return out;
}

} // namespace test

namespace Catch {
template <>
struct StringMaker<wsbind::config::source_position> {
    static std::string convert(wsbind::config::source_position const& p) {
        return std::to_string(p.line) + ":" + std::to_string(p.column);
    }
};
} // namespace Catch

#endif
