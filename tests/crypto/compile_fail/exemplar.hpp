// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_TESTS_CRYPTO_EXEMPLAR_HPP
#define WSBIND_TESTS_CRYPTO_EXEMPLAR_HPP

// The minimal type that models wsbind::crypto_backend: every valid expression of the requirements
// table, declared only (the concept checks expressions, never calls them). The compile-fail TUs
// derive broken variants from it by leaving one requirement out.

#include <wsbind/crypto/backend.hpp>

namespace wsbind::test {

namespace c = wsbind::crypto;

#define WSBIND_EXEMPLAR_HANDLES                                                             \
    struct private_key {};                                                                  \
    struct public_key {};                                                                   \
    struct certificate {};                                                                  \
    struct crl {};
#define WSBIND_EXEMPLAR_BODY(omit)                                                          \
    static constexpr std::string_view name = "exemplar";                                    \
    c::result<c::bytes> digest(c::digest_algorithm, c::byte_view) const;                    \
    c::result<c::bytes> hmac(c::mac_algorithm, c::byte_view, c::byte_view) const;           \
    c::result<c::bytes> p_sha1(c::byte_view, c::byte_view, std::size_t, std::size_t) const; \
    c::result<c::bytes> random(std::size_t) const;                                          \
    bool constant_time_equal(c::byte_view, c::byte_view) const;                             \
    c::result<c::bytes> encrypt(c::cipher_algorithm, c::byte_view, c::byte_view, c::byte_view, c::cbc_padding) const; \
    c::result<c::bytes> decrypt(c::cipher_algorithm, c::byte_view, c::byte_view, c::byte_view, c::cbc_padding) const; \
    c::result<c::bytes> key_wrap(c::key_wrap_algorithm, c::byte_view, c::byte_view) const;  \
    c::result<c::bytes> key_unwrap(c::key_wrap_algorithm, c::byte_view, c::byte_view) const; \
    c::result<private_key> generate_rsa_key(std::size_t) const;                             \
    c::result<private_key> load_private_key(c::byte_view, std::string_view) const;          \
    c::result<std::string> export_private_key(private_key const&, std::string_view) const;  \
    public_key public_key_of(private_key const&) const;                                     \
    public_key certificate_public_key(certificate const&) const;                            \
    c::bytes public_key_spki(public_key const&) const;                                      \
    omit(c::result<c::bytes> rsa_sign(private_key const&, c::digest_algorithm, c::byte_view) const;) \
    bool rsa_verify(public_key const&, c::digest_algorithm, c::byte_view, c::byte_view) const; \
    c::result<c::bytes> rsa_encrypt(public_key const&, c::key_transport_algorithm, c::byte_view) const; \
    c::result<c::bytes> rsa_decrypt(private_key const&, c::key_transport_algorithm, c::byte_view, std::size_t) const; \
    c::result<certificate> load_certificate(c::byte_view) const;                            \
    c::result<std::vector<certificate>> load_certificates(c::byte_view) const;              \
    c::certificate_info const& info(certificate const&) const;                              \
    c::result<c::pkcs12_contents<private_key, certificate>> load_pkcs12(c::byte_view, std::string_view) const; \
    bool key_matches(private_key const&, certificate const&) const;                         \
    c::result<crl> load_crl(c::byte_view) const;                                            \
    c::crl_info const& crl_info(crl const&) const;

#define WSBIND_KEEP(x) x
#define WSBIND_DROP(x)
#define WSBIND_EXEMPLAR_VERIFY_CHAIN                                                        \
    c::chain_result verify_chain(certificate const&, std::span<certificate const>, std::span<certificate const>, \
                                 std::span<crl const>, c::chain_options const&) const;

/// Models crypto_backend.
struct exemplar_backend {
    WSBIND_EXEMPLAR_HANDLES
    WSBIND_EXEMPLAR_BODY(WSBIND_KEEP)
    WSBIND_EXEMPLAR_VERIFY_CHAIN
};

/// Lacks rsa_sign.
struct no_rsa_sign_backend {
    WSBIND_EXEMPLAR_HANDLES
    WSBIND_EXEMPLAR_BODY(WSBIND_DROP)
    WSBIND_EXEMPLAR_VERIFY_CHAIN
};

/// Lacks verify_chain.
struct no_verify_chain_backend {
    WSBIND_EXEMPLAR_HANDLES
    WSBIND_EXEMPLAR_BODY(WSBIND_KEEP)
};

} // namespace wsbind::test

#endif
