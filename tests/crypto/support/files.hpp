// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_TESTS_CRYPTO_SUPPORT_FILES_HPP
#define WSBIND_TESTS_CRYPTO_SUPPORT_FILES_HPP

#include <wsbind/crypto/types.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace wsbind::test {

inline crypto::bytes read_file(std::filesystem::path const& p) {
    std::ifstream in(p, std::ios::binary);
    return crypto::bytes(std::istreambuf_iterator<char>(in), {});
}

inline void write_file(std::filesystem::path const& p, std::string_view text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

inline void write_file(std::filesystem::path const& p, crypto::byte_view data) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<char const*>(data.data()), static_cast<std::streamsize>(data.size()));
}

/// A fresh directory under the system temp dir, removed on destruction.
class temp_dir {
public:
    explicit temp_dir(std::string const& prefix = "wsbind-test") {
        std::random_device rd;
        for (int i = 0; i < 100; ++i) {
            auto p = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(rd()));
            if (std::filesystem::create_directory(p)) { path_ = p; return; }
        }
        throw std::runtime_error("cannot create a temporary directory");
    }
    temp_dir(temp_dir const&) = delete;
    temp_dir& operator=(temp_dir const&) = delete;
    ~temp_dir() { std::error_code ec; std::filesystem::remove_all(path_, ec); }
    [[nodiscard]] std::filesystem::path const& path() const noexcept { return path_; }
    [[nodiscard]] std::filesystem::path operator/(std::string_view s) const { return path_ / s; }

private:
    std::filesystem::path path_;
};

/// Runs a shell command; returns its exit status and combined output.
struct command_result {
    int status = -1;
    std::string output;
};
inline command_result run(std::string const& command) {
    command_result r;
    std::string full = command + " 2>&1";
    FILE* p = ::popen(full.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
    int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

} // namespace wsbind::test

#endif
