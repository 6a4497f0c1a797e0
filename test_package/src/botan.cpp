// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Consumer of wsbind::botan: the target brings Botan 2. SHA-256("abc") (FIPS 180-2 vector).
#include "wsbind_consumer.hpp"

#include <botan/hash.h>
#include <botan/hex.h>
#include <botan/version.h>

int main() {
    auto hash = Botan::HashFunction::create("SHA-256");
    if (!hash) return 1;
    hash->update("abc");
    auto const hex = Botan::hex_encode(hash->final(), false);
    bool const ok = BOTAN_VERSION_MAJOR == 2 &&
                    hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    std::printf("wsbind::botan: Botan %s, SHA-256 %s\n", Botan::short_version_cstr(), ok ? "ok" : "FAILED");
    return consumer::core_works() && ok ? 0 : 1;
}
