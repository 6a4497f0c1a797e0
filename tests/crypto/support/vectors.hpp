// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_TESTS_CRYPTO_SUPPORT_VECTORS_HPP
#define WSBIND_TESTS_CRYPTO_SUPPORT_VECTORS_HPP

// Reader for the known-answer files in tests/vectors/*.vec:
//   # comment
//   [Algorithm]
//   Field = hex-or-decimal
//   (blank line ends a record)

#include <wsbind/crypto/types.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace wsbind::test {

struct vector_record {
    std::string algorithm;
    std::size_t line = 0;
    std::map<std::string, std::string> fields;

    [[nodiscard]] crypto::bytes hex(std::string const& name) const {
        auto it = fields.find(name);
        if (it == fields.end()) throw std::runtime_error("vector at line " + std::to_string(line) + ": missing field " + name);
        auto b = crypto::from_hex(it->second);
        if (!b) throw std::runtime_error("vector at line " + std::to_string(line) + ": field " + name + " is not hex");
        return *b;
    }
    [[nodiscard]] std::size_t number(std::string const& name) const {
        auto it = fields.find(name);
        if (it == fields.end()) throw std::runtime_error("vector at line " + std::to_string(line) + ": missing field " + name);
        return static_cast<std::size_t>(std::stoull(it->second));
    }
    [[nodiscard]] bool has(std::string const& name) const { return fields.count(name) != 0; }
};

inline std::filesystem::path vectors_dir() { return WSBIND_VECTORS_DIR; }

inline std::vector<vector_record> read_vectors(std::string const& file) {
    std::ifstream in(vectors_dir() / file);
    if (!in) throw std::runtime_error("cannot open vector file " + (vectors_dir() / file).string());
    std::vector<vector_record> out;
    std::string algorithm, line;
    vector_record current;
    std::size_t n = 0;
    auto flush = [&] {
        if (!current.fields.empty()) out.push_back(current);
        current = vector_record{};
    };
    while (std::getline(in, line)) {
        ++n;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty() && line[0] == '#') continue;
        if (line.empty()) { flush(); continue; }
        if (line.front() == '[' && line.back() == ']') { flush(); algorithm = line.substr(1, line.size() - 2); continue; }
        auto eq = line.find('=');
        if (eq == std::string::npos) throw std::runtime_error(file + ":" + std::to_string(n) + ": expected 'Field = value'");
        auto trim = [](std::string s) {
            while (!s.empty() && s.back() == ' ') s.pop_back();
            while (!s.empty() && s.front() == ' ') s.erase(s.begin());
            return s;
        };
        if (current.fields.empty()) { current.algorithm = algorithm; current.line = n; }
        current.fields[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
    flush();
    if (out.empty()) throw std::runtime_error("no vectors in " + file);
    return out;
}

} // namespace wsbind::test

#endif
