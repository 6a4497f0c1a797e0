// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_TESTS_CRYPTO_SUPPORT_PKI_HPP
#define WSBIND_TESTS_CRYPTO_SUPPORT_PKI_HPP

// The demo PKI, built once per backend per test binary (key generation is the slow part), and
// written to a temporary directory for the openssl command line.

#include "files.hpp"

#include <demo_pki.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

namespace wsbind::test {

template <class B>
struct shared_pki {
    tools::demo_pki<B> pki;
    std::unique_ptr<temp_dir> dir;
};

template <class B>
shared_pki<B> const& demo() {
    static shared_pki<B> const instance = [] {
        B b;
        auto p = tools::make_demo_pki(b);
        if (!p) throw std::runtime_error("demo PKI: " + p.err().message);
        shared_pki<B> s{std::move(*p), std::make_unique<temp_dir>(std::string("wsbind-pki-") + std::string(B::name))};
        auto w = tools::write_demo_pki(b, s.pki, s.dir->path());
        if (!w) throw std::runtime_error("demo PKI: " + w.err().message);
        return s;
    }();
    return instance;
}

inline std::string openssl_cli() { return WSBIND_OPENSSL_CLI; }

} // namespace wsbind::test

#endif
