// Two translation units include every crypto and credentials header, with both backends; linking
// them together catches non-inline definitions and other ODR mistakes in the header-only code.
#include <wsbind/crypto/certificate_validation.hpp>
#include <wsbind/crypto/credentials_resolution.hpp>
#include <wsbind/crypto/identity_check.hpp>
#include <wsbind/crypto/x509_find.hpp>
#include <wsbind/crypto/x509_store.hpp>
#include <wsbind/crypto/x509_builder.hpp>
#include <wsbind/crypto/xmlenc.hpp>

#include "support/backends.hpp"

#include <string>

std::string odr_a() {
    wsbind::crypto::bytes none;
    return wsbind::crypto::to_hex(*wsbind::openssl_backend{}.digest(wsbind::crypto::digest_algorithm::sha1, none)) +
           wsbind::crypto::to_hex(*wsbind::botan_backend{}.digest(wsbind::crypto::digest_algorithm::sha1, none));
}
