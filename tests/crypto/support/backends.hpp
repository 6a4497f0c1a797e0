// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_TESTS_CRYPTO_SUPPORT_BACKENDS_HPP
#define WSBIND_TESTS_CRYPTO_SUPPORT_BACKENDS_HPP

// The backends built into this test run. CMake defines WSBIND_TEST_HAVE_OPENSSL / _BOTAN for the
// backends whose library was found; every conformance test runs once per backend listed here.

#if WSBIND_TEST_HAVE_OPENSSL
#include <wsbind/crypto/openssl/backend.hpp>
#endif
#if WSBIND_TEST_HAVE_BOTAN
#include <wsbind/crypto/botan/backend.hpp>
#endif

#if WSBIND_TEST_HAVE_OPENSSL && WSBIND_TEST_HAVE_BOTAN
#define WSBIND_TEST_BACKENDS wsbind::openssl_backend, wsbind::botan_backend
#elif WSBIND_TEST_HAVE_OPENSSL
#define WSBIND_TEST_BACKENDS wsbind::openssl_backend
#elif WSBIND_TEST_HAVE_BOTAN
#define WSBIND_TEST_BACKENDS wsbind::botan_backend
#else
#error "no crypto backend to test"
#endif

#endif
