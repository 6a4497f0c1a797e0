// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/crypto/backend.hpp>

#include "compile_fail/exemplar.hpp"

#include <catch2/catch.hpp>

using namespace wsbind;

TEST_CASE("the exemplar models crypto_backend; each broken variant does not", "[crypto][concept]") {
    STATIC_REQUIRE(crypto_backend<test::exemplar_backend>);
    STATIC_REQUIRE_FALSE(crypto_backend<test::no_rsa_sign_backend>);
    STATIC_REQUIRE_FALSE(crypto_backend<test::no_verify_chain_backend>);
    STATIC_REQUIRE_FALSE(crypto_backend<int>);
    // each requirement is separately observable, which is what the diagnoser reports
    STATIC_REQUIRE(detail::crypto_req::has_verify_chain<test::no_rsa_sign_backend>);
    STATIC_REQUIRE_FALSE(detail::crypto_req::has_rsa_sign<test::no_rsa_sign_backend>);
    STATIC_REQUIRE(detail::crypto_req::has_rsa_sign<test::no_verify_chain_backend>);
    STATIC_REQUIRE_FALSE(detail::crypto_req::has_verify_chain<test::no_verify_chain_backend>);
}

TEST_CASE("result<T> carries a value or a precise error", "[crypto][result]") {
    crypto::result<int> ok = 42;
    REQUIRE(ok);
    CHECK(*ok == 42);
    crypto::result<int> bad = crypto::make_error(crypto::errc::malformed_input, "certificate: empty input");
    REQUIRE_FALSE(bad);
    CHECK(bad.err().code == crypto::errc::malformed_input);
    CHECK_THROWS_MATCHES(bad.value(), crypto::crypto_error, Catch::Message("certificate: empty input"));
    crypto::result<void> v;
    CHECK(v);
    crypto::result<void> e = crypto::make_error(crypto::errc::io_error, "x");
    CHECK_FALSE(e);
    CHECK_THROWS_AS(e.value(), crypto::crypto_error);
}

TEST_CASE("hex helpers", "[crypto][hex]") {
    CHECK(crypto::to_hex(crypto::bytes{0x00, 0xAB, 0x0f}) == "00AB0F");
    CHECK(crypto::to_hex(crypto::bytes{0x00, 0xAB, 0x0f}, false) == "00ab0f");
    CHECK(crypto::from_hex("00aB0F") == crypto::bytes{0x00, 0xAB, 0x0f});
    CHECK_FALSE(crypto::from_hex("abc"));
    CHECK_FALSE(crypto::from_hex("zz"));
    CHECK(crypto::constant_time_equal(crypto::bytes{1, 2}, crypto::bytes{1, 2}));
    CHECK_FALSE(crypto::constant_time_equal(crypto::bytes{1, 2}, crypto::bytes{1, 3}));
}
