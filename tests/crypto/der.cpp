// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/crypto/detail/der.hpp>
#include <wsbind/crypto/pem.hpp>

#include <catch2/catch.hpp>

using namespace wsbind::crypto;

TEST_CASE("DER reader accepts definite lengths and refuses anything that would read past the input", "[crypto][der]") {
    bytes short_form{0x04, 0x02, 0xAA, 0xBB, 0x05, 0x00};
    byte_view in = short_form;
    auto t = der::read(in);
    REQUIRE(t);
    CHECK(t->tag == 0x04);
    CHECK(t->content.size() == 2);
    CHECK(in.size() == 2);
    bytes long_form{0x04, 0x81, 0x80};
    long_form.resize(3 + 0x80, 0x11);
    in = long_form;
    REQUIRE(der::read(in));
    CHECK(in.empty());
    for (bytes bad : {bytes{}, bytes{0x04}, bytes{0x04, 0x03, 0x00}, bytes{0x04, 0x80, 0x00, 0x00}, bytes{0x04, 0x85, 1, 1, 1, 1, 1},
                      bytes{0x1F, 0x81, 0x01, 0x00}, bytes{0x04, 0x84, 0xFF, 0xFF, 0xFF, 0xFF}}) {
        byte_view b = bad;
        CHECK_FALSE(der::read(b));
        CHECK(b.size() == bad.size()); // unchanged on failure
    }
    bytes wrong_tag{0x02, 0x01, 0x01};
    in = wrong_tag;
    CHECK_FALSE(der::read(in, der::tag::sequence));
    CHECK(in.size() == 3);
}

TEST_CASE("OIDs convert both ways and malformed ones are refused", "[crypto][der]") {
    for (std::string oid : {"2.5.4.3", "1.2.840.113549.1.1.11", "0.9.2342.19200300.100.1.25", "2.5.29.37.0", "1.3.6.1.4.1.311.21.8.1000.1"}) {
        auto c = der::oid_from_string(oid);
        REQUIRE(c);
        CHECK(der::oid_to_string(*c) == oid);
    }
    CHECK(der::oid_to_string(bytes{0x55, 0x04, 0x03}) == "2.5.4.3");
    CHECK_FALSE(der::oid_to_string(bytes{}));
    CHECK_FALSE(der::oid_to_string(bytes{0x55, 0x84}));       // truncated arc
    CHECK_FALSE(der::oid_to_string(bytes{0x55, 0x80, 0x01})); // non-minimal
    CHECK_FALSE(der::oid_from_string("1"));
    CHECK_FALSE(der::oid_from_string("1..2"));
    CHECK_FALSE(der::oid_from_string("3.1"));
    CHECK_FALSE(der::oid_from_string("1.40"));
    CHECK_FALSE(der::oid_from_string("1.2.a"));
}

TEST_CASE("times: UTCTime below 2050, GeneralizedTime from 2050", "[crypto][der]") {
    using namespace std::chrono;
    auto t = sys_days{year{2031} / 3 / 4} + hours{5} + minutes{6} + seconds{7};
    auto enc = der::time(t);
    CHECK(enc[0] == der::tag::utc_time);
    byte_view in = enc;
    auto tlv = der::read(in);
    CHECK(der::decode_time(tlv->tag, tlv->content) == t);
    auto late = sys_days{year{2051} / 1 / 1};
    auto enc2 = der::time(late);
    CHECK(enc2[0] == der::tag::generalized_time);
    in = enc2;
    tlv = der::read(in);
    CHECK(der::decode_time(tlv->tag, tlv->content) == late);
    CHECK_FALSE(der::decode_time(der::tag::utc_time, as_bytes("3113010000Z0")));
    CHECK_FALSE(der::decode_time(der::tag::utc_time, as_bytes("311301000000Z"))); // month 13
    CHECK_FALSE(der::decode_time(der::tag::utc_time, as_bytes("310230000000Z"))); // Feb 30
}

TEST_CASE("text decoding follows the string types .NET decodes", "[crypto][der]") {
    CHECK(der::decode_text(der::tag::utf8_string, as_bytes("caf\xC3\xA9")) == "caf\xC3\xA9");
    CHECK_FALSE(der::decode_text(der::tag::utf8_string, as_bytes("\xC3")));
    CHECK(der::decode_text(der::tag::bmp_string, bytes{0x00, 0x41, 0x00, 0xE9}) == "A\xC3\xA9");
    CHECK_FALSE(der::decode_text(der::tag::bmp_string, bytes{0x00}));
    CHECK(der::decode_text(der::tag::t61_string, bytes{0x41, 0xE9}) == "A\xC3\xA9"); // Latin-1 fallback
    CHECK_FALSE(der::decode_text(der::tag::printable_string, bytes{0x41, 0xE9}));
    CHECK_FALSE(der::decode_text(der::tag::octet_string, bytes{0x41}));
}

TEST_CASE("Base64 and PEM armour", "[crypto][pem]") {
    CHECK(base64_encode(as_bytes("")) == "");
    CHECK(base64_encode(as_bytes("f")) == "Zg==");
    CHECK(base64_encode(as_bytes("fo")) == "Zm8=");
    CHECK(base64_encode(as_bytes("foobar")) == "Zm9vYmFy");
    CHECK(base64_decode("Zm9v\r\nYmFy") == to_bytes("foobar"));
    CHECK(base64_decode("Zg==") == to_bytes("f"));
    CHECK_FALSE(base64_decode("Zg="));
    CHECK_FALSE(base64_decode("Z"));
    CHECK_FALSE(base64_decode("Zm9v!"));
    CHECK_FALSE(base64_decode("Zg==Zg=="));
    auto pem = pem_encode("CERTIFICATE", bytes(100, 0x41));
    CHECK(pem.rfind("-----BEGIN CERTIFICATE-----\n", 0) == 0);
    CHECK(pem.find("-----END CERTIFICATE-----\n") != std::string::npos);
}
