// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Consumer of wsbind::openssl: the target brings OpenSSL 3's libcrypto. SHA-256("abc") (FIPS 180-2 vector).
#include "wsbind_consumer.hpp"

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <cstring>

int main() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest("abc", 3, digest, &length, EVP_sha256(), nullptr) != 1 || length != 32) return 1;
    static constexpr unsigned char expected[] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40,
                                                 0xde, 0x5d, 0xae, 0x22, 0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17,
                                                 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    bool const ok = OPENSSL_VERSION_MAJOR >= 3 && std::memcmp(digest, expected, sizeof expected) == 0;
    std::printf("wsbind::openssl: %s, SHA-256 %s\n", OPENSSL_VERSION_TEXT, ok ? "ok" : "FAILED");
    return consumer::core_works() && ok ? 0 : 1;
}
