// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_CHAIN_HPP
#define WSBIND_CRYPTO_CHAIN_HPP

/// \file
/// Vendor-neutral types for certificate chain verification and CRLs (std only).
///
/// Status flags use the values of .NET's X509ChainStatusFlags so that a WCF user recognises them.

#include <wsbind/crypto/certificate_info.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wsbind::crypto {

/// A subset of .NET's X509ChainStatusFlags, same values.
namespace chain_status {
inline constexpr std::uint32_t no_error = 0;
inline constexpr std::uint32_t not_time_valid = 0x00000001;
inline constexpr std::uint32_t revoked = 0x00000004;
inline constexpr std::uint32_t not_signature_valid = 0x00000008;
inline constexpr std::uint32_t not_valid_for_usage = 0x00000010;
inline constexpr std::uint32_t untrusted_root = 0x00000020;
inline constexpr std::uint32_t revocation_status_unknown = 0x00000040;
inline constexpr std::uint32_t invalid_extension = 0x00000100;
inline constexpr std::uint32_t invalid_basic_constraints = 0x00000400;
inline constexpr std::uint32_t partial_chain = 0x00010000;
inline constexpr std::uint32_t offline_revocation = 0x01000000;
inline constexpr std::uint32_t explicit_distrust = 0x04000000;
inline constexpr std::uint32_t other = 0x80000000; ///< not a .NET flag: anything else the library reported

/// The .NET names of the flags set in `flags`, comma-separated.
[[nodiscard]] inline std::string names(std::uint32_t flags) {
    struct row { std::uint32_t f; char const* n; };
    static constexpr row rows[] = {
        {not_time_valid, "NotTimeValid"}, {revoked, "Revoked"}, {not_signature_valid, "NotSignatureValid"},
        {not_valid_for_usage, "NotValidForUsage"}, {untrusted_root, "UntrustedRoot"},
        {revocation_status_unknown, "RevocationStatusUnknown"}, {invalid_extension, "InvalidExtension"},
        {invalid_basic_constraints, "InvalidBasicConstraints"}, {partial_chain, "PartialChain"},
        {offline_revocation, "OfflineRevocation"}, {explicit_distrust, "ExplicitDistrust"}, {other, "Other"}};
    std::string out;
    for (auto const& r : rows)
        if (flags & r.f) {
            if (!out.empty()) out += ", ";
            out += r.n;
        }
    return out.empty() ? "NoError" : out;
}
} // namespace chain_status

/// What to check when verifying a chain.
struct chain_options {
    /// The time to verify at (.NET: X509ChainPolicy.VerificationTime; default now).
    std::chrono::sys_seconds verification_time = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    /// Require revocation information (CRLs) for every certificate below the root; a certificate
    /// without a current CRL from its issuer gets RevocationStatusUnknown (fail closed). The root is
    /// not checked (.NET's default X509RevocationFlag.ExcludeRoot).
    bool check_revocation = false;
};

/// The outcome of a chain verification.
struct chain_result {
    std::uint32_t status = chain_status::no_error;   ///< union of the flags of every element
    std::vector<std::string> chain;                  ///< thumbprints (hex), leaf first, as far as built
    std::vector<std::string> messages;               ///< one line per problem: where and what

    [[nodiscard]] bool ok() const noexcept { return status == chain_status::no_error; }
    /// All messages joined, for an exception text.
    [[nodiscard]] std::string summary() const {
        std::string s = chain_status::names(status);
        for (auto const& m : messages) {
            s += "; ";
            s += m;
        }
        return s;
    }
};

/// A revoked certificate entry of a CRL.
struct revoked_entry {
    bytes serial;
    std::chrono::sys_seconds revocation_date{};
};

/// The fields of a CRL.
struct crl_info {
    bytes der;
    bytes issuer_der;
    std::string issuer;   ///< .NET string form
    std::chrono::sys_seconds this_update{};
    std::optional<std::chrono::sys_seconds> next_update;
    std::vector<revoked_entry> revoked;
};

namespace detail {
/// Decodes a CRL's fields from its DER (the backend's library has accepted it first).
[[nodiscard]] inline result<crl_info> decode_crl_info(byte_view crl_der) {
    auto fail = [](std::string what) { return make_error(errc::malformed_input, "X.509 CRL: " + std::move(what)); };
    crl_info info;
    info.der.assign(crl_der.begin(), crl_der.end());
    byte_view in = crl_der;
    auto all = der::read(in, der::tag::sequence);
    if (!all) return fail("not a DER SEQUENCE");
    byte_view c = all->content;
    auto tbs = der::read(c, der::tag::sequence);
    if (!tbs) return fail("missing tbsCertList");
    byte_view t = tbs->content;
    (void)der::read(t, der::tag::integer);
    if (!der::read(t, der::tag::sequence)) return fail("missing signature algorithm");
    auto issuer = der::read(t, der::tag::sequence);
    if (!issuer) return fail("missing issuer");
    info.issuer_der.assign(issuer->whole.begin(), issuer->whole.end());
    info.issuer = dotnet_name(info.issuer_der);
    auto tu = der::read(t);
    if (!tu) return fail("missing thisUpdate");
    auto tuv = der::decode_time(tu->tag, tu->content);
    if (!tuv) return fail("malformed thisUpdate");
    info.this_update = *tuv;
    if (auto p = der::peek_tag(t); p && (*p == der::tag::utc_time || *p == der::tag::generalized_time)) {
        auto nu = der::read(t);
        auto nuv = der::decode_time(nu->tag, nu->content);
        if (!nuv) return fail("malformed nextUpdate");
        info.next_update = *nuv;
    }
    if (auto list = der::read(t, der::tag::sequence)) {
        byte_view entries = list->content;
        while (!entries.empty()) {
            auto e = der::read(entries, der::tag::sequence);
            if (!e) return fail("malformed revoked entry");
            byte_view f = e->content;
            auto serial = der::read(f, der::tag::integer);
            auto when = der::read(f);
            if (!serial || !when) return fail("malformed revoked entry");
            auto w = der::decode_time(when->tag, when->content);
            if (!w) return fail("malformed revocationDate");
            info.revoked.push_back({bytes(serial->content.begin(), serial->content.end()), *w});
        }
    }
    return info;
}
} // namespace detail

/// What a PKCS#12 (PFX) file held. `certificate` is the one whose public key matches `key`
/// (or, without a key, the first certificate); `others` are the rest (e.g. the chain).
template <class PrivateKey, class Certificate>
struct pkcs12_contents {
    std::optional<PrivateKey> key;
    std::optional<Certificate> certificate;
    std::vector<Certificate> others;
};

} // namespace wsbind::crypto

#endif
