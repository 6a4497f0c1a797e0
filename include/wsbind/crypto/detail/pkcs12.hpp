// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_DETAIL_PKCS12_HPP
#define WSBIND_CRYPTO_DETAIL_PKCS12_HPP

/// \file
/// A PKCS#12 (RFC 7292) reader written over a backend's primitives, for libraries without one
/// (Botan 2). std only; every length is bounds-checked by the DER reader.
///
/// Supported: integrity MAC with HMAC-SHA1/256/384/512 and the PKCS#12 KDF; password privacy with
/// pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd2-KeyTripleDES-CBC, pbeWithSHAAnd128BitRC2-CBC,
/// pbeWithSHAAnd40BitRC2-CBC (legacy: Windows and older OpenSSL exports) and PBES2 (PBKDF2 with
/// HMAC-SHA1/256/384/512, AES-128/192/256-CBC or DES-EDE3-CBC); keyBag, pkcs8ShroudedKeyBag, certBag (X.509), safeContentsBag. Not supported:
/// public-key privacy mode, BER indefinite lengths.

#include <wsbind/crypto/detail/der.hpp>
#include <wsbind/crypto/detail/rc2.hpp>
#include <wsbind/crypto/pem.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wsbind::crypto::detail::pkcs12 {

/// What the reader needs from a backend.
struct primitives {
    /// digest(alg, data)
    std::function<result<bytes>(digest_algorithm, byte_view)> digest;
    /// hmac(alg, key, data) for any digest (HMAC over SHA-1/256/384/512)
    std::function<result<bytes>(digest_algorithm, byte_view, byte_view)> hmac;
    /// CBC decryption without padding removal
    std::function<result<bytes>(cipher_algorithm, byte_view key, byte_view iv, byte_view data)> cbc_decrypt;
    /// PBKDF2 (RFC 8018) with HMAC over the given digest: (prf, password, salt, iterations, length)
    std::function<result<bytes>(digest_algorithm, byte_view, byte_view, std::size_t, std::size_t)> pbkdf2;
};

/// The raw contents: DER PrivateKeyInfo of each key, DER of each certificate.
struct contents {
    std::vector<bytes> private_keys;
    std::vector<bytes> certificates;
};

inline constexpr std::string_view oid_data = "1.2.840.113549.1.7.1";
inline constexpr std::string_view oid_encrypted_data = "1.2.840.113549.1.7.6";
inline constexpr std::string_view oid_key_bag = "1.2.840.113549.1.12.10.1.1";
inline constexpr std::string_view oid_shrouded_key_bag = "1.2.840.113549.1.12.10.1.2";
inline constexpr std::string_view oid_cert_bag = "1.2.840.113549.1.12.10.1.3";
inline constexpr std::string_view oid_safe_contents_bag = "1.2.840.113549.1.12.10.1.6";
inline constexpr std::string_view oid_x509_certificate = "1.2.840.113549.1.9.22.1";
inline constexpr std::string_view oid_pbe_sha1_3des = "1.2.840.113549.1.12.1.3";
inline constexpr std::string_view oid_pbe_sha1_2des = "1.2.840.113549.1.12.1.4";
inline constexpr std::string_view oid_pbe_sha1_rc2_128 = "1.2.840.113549.1.12.1.5";
inline constexpr std::string_view oid_pbe_sha1_rc2_40 = "1.2.840.113549.1.12.1.6";
inline constexpr std::string_view oid_pbes2 = "1.2.840.113549.1.5.13";

/// The most password-based key derivation iterations wsbind performs for one derivation (PKCS#12
/// MAC, PKCS#12 PBE, PBKDF2). The count comes from the file and is not authenticated before the
/// derivation is done, so an unbounded count lets a tiny file keep a thread busy for hours (the
/// reason .NET has Pkcs12LoaderLimits and Bouncy Castle a maximum count). Real files use 1 to
/// ~600,000 (OpenSSL: 2048; Windows: 2000-10000).
inline constexpr std::size_t max_kdf_iterations = 600'000;

[[nodiscard]] inline std::optional<std::size_t> read_count(byte_view integer_content) {
    if (integer_content.empty() || integer_content.size() > 8 || (integer_content[0] & 0x80)) return std::nullopt;
    std::size_t n = 0;
    for (auto b : integer_content) n = (n << 8) | b;
    return n;
}

/// The iteration count of a password-based encryption AlgorithmIdentifier (its DER): PKCS#12 PBE
/// (pbeWithSHAAnd...) or PBES2 with PBKDF2; nullopt when it is neither or malformed.
[[nodiscard]] inline std::optional<std::size_t> pbe_iteration_count(byte_view algorithm_identifier_der) {
    byte_view in = algorithm_identifier_der;
    auto alg = der::read(in, der::tag::sequence);
    if (!alg) return std::nullopt;
    byte_view a = alg->content;
    auto oid = der::read(a, der::tag::oid);
    if (!oid) return std::nullopt;
    auto name = der::oid_to_string(oid->content).value_or("");
    auto params = der::read(a, der::tag::sequence);
    if (!params) return std::nullopt;
    byte_view p = params->content;
    if (name.rfind("1.2.840.113549.1.12.1.", 0) == 0) { // PKCS#12 PBE: { salt, iterations }
        if (!der::read(p, der::tag::octet_string)) return std::nullopt;
        auto it = der::read(p, der::tag::integer);
        return it ? read_count(it->content) : std::nullopt;
    }
    if (name == oid_pbes2) { // { keyDerivationFunc { PBKDF2, { salt, iterations, ... } }, encryptionScheme }
        auto kdf = der::read(p, der::tag::sequence);
        if (!kdf) return std::nullopt;
        byte_view k = kdf->content;
        if (!der::read(k, der::tag::oid)) return std::nullopt;
        auto kp = der::read(k, der::tag::sequence);
        if (!kp) return std::nullopt;
        byte_view f = kp->content;
        if (!der::read(f)) return std::nullopt; // salt (OCTET STRING or an AlgorithmIdentifier choice)
        auto it = der::read(f, der::tag::integer);
        return it ? read_count(it->content) : std::nullopt;
    }
    return std::nullopt;
}

/// An error when an encryption's iteration count is zero or above `max_kdf_iterations`.
[[nodiscard]] inline std::optional<std::string> check_iterations(std::optional<std::size_t> count, std::string_view what) {
    if (!count) return std::nullopt;
    if (*count == 0) return std::string(what) + ": iteration count 0 is invalid";
    if (*count > max_kdf_iterations)
        return std::string(what) + ": iteration count " + std::to_string(*count) + " exceeds wsbind's limit of " + std::to_string(max_kdf_iterations) +
               " (refused: an unauthenticated count this large is a denial-of-service risk)";
    return std::nullopt;
}

/// For an encrypted private key (DER EncryptedPrivateKeyInfo, or PEM "ENCRYPTED PRIVATE KEY"):
/// an error when its iteration count is out of bounds.
[[nodiscard]] inline std::optional<std::string> check_encrypted_private_key(byte_view data) {
    std::string_view text(reinterpret_cast<char const*>(data.data()), data.size());
    std::optional<bytes> pem;
    if (text.find("-----BEGIN ") != std::string_view::npos) {
        pem = pem_decode_first(text, "ENCRYPTED PRIVATE KEY");
        if (!pem) return std::nullopt;
        data = *pem;
    }
    byte_view in = data;
    auto epki = der::read(in, der::tag::sequence);
    if (!epki) return std::nullopt;
    byte_view e = epki->content;
    auto alg = der::read(e, der::tag::sequence);
    if (!alg || !der::read(e, der::tag::octet_string)) return std::nullopt;
    return check_iterations(pbe_iteration_count(alg->whole), "encrypted private key");
}

/// The password as PKCS#12 wants it: BMPString (UTF-16BE) with a terminating NUL; nullopt when
/// `absent` (an absent password, which some producers use for "").
[[nodiscard]] inline bytes bmp_password(std::string_view utf8) {
    bytes bmp = der::bmp_string(utf8);
    byte_view v = bmp;
    auto t = der::read(v);
    bytes out(t->content.begin(), t->content.end());
    out.push_back(0);
    out.push_back(0);
    return out;
}

/// RFC 7292 Appendix B.2 key derivation.
[[nodiscard]] inline result<bytes> kdf(primitives const& p, digest_algorithm h, std::uint8_t id, byte_view password_bmp,
                                       byte_view salt, std::size_t iterations, std::size_t n) {
    std::size_t const u = digest_size(h);
    std::size_t const v = (h == digest_algorithm::sha384 || h == digest_algorithm::sha512) ? 128 : 64;
    auto fill = [v](byte_view in) {
        bytes out;
        if (in.empty()) return out;
        std::size_t len = v * ((in.size() + v - 1) / v);
        out.resize(len);
        for (std::size_t i = 0; i < len; ++i) out[i] = in[i % in.size()];
        return out;
    };
    bytes i_buf = fill(salt);
    bytes pw = fill(password_bmp);
    i_buf.insert(i_buf.end(), pw.begin(), pw.end());
    bytes result_bytes;
    bytes d(v, id);
    while (result_bytes.size() < n) {
        bytes a = d;
        a.insert(a.end(), i_buf.begin(), i_buf.end());
        for (std::size_t r = 0; r < iterations; ++r) {
            auto hh = p.digest(h, a);
            if (!hh) return hh.err();
            a = std::move(*hh);
        }
        result_bytes.insert(result_bytes.end(), a.begin(), a.end());
        if (result_bytes.size() >= n) break;
        bytes b(v);
        for (std::size_t i = 0; i < v; ++i) b[i] = a[i % u];
        for (std::size_t off = 0; off < i_buf.size(); off += v) {
            unsigned carry = 1;
            for (std::size_t k = v; k-- > 0;) {
                unsigned s = i_buf[off + k] + b[k] + carry;
                i_buf[off + k] = static_cast<std::uint8_t>(s & 0xFF);
                carry = s >> 8;
            }
        }
    }
    result_bytes.resize(n);
    return result_bytes;
}

[[nodiscard]] inline std::optional<digest_algorithm> digest_from_oid(std::string_view oid) {
    if (oid == "1.3.14.3.2.26") return digest_algorithm::sha1;
    if (oid == "2.16.840.1.101.3.4.2.1") return digest_algorithm::sha256;
    if (oid == "2.16.840.1.101.3.4.2.2") return digest_algorithm::sha384;
    if (oid == "2.16.840.1.101.3.4.2.3") return digest_algorithm::sha512;
    return std::nullopt;
}

class reader {
public:
    reader(primitives p, std::string_view password) : p_(std::move(p)), password_(password), bmp_(bmp_password(password)) {}

    [[nodiscard]] result<contents> read(byte_view pfx) {
        auto fail = [](std::string what) { return make_error(errc::malformed_input, "PKCS#12: " + std::move(what)); };
        byte_view in = pfx;
        auto top = der::read(in, der::tag::sequence);
        if (!top) return fail("not a DER PFX structure (corrupt or truncated)");
        if (!in.empty()) return fail(std::to_string(in.size()) + " bytes of trailing data");
        byte_view f = top->content;
        auto version = der::read(f, der::tag::integer);
        if (!version || version->content.size() != 1 || version->content[0] != 3) return fail("unsupported PFX version (expected 3)");
        auto auth_safe = der::read(f, der::tag::sequence);
        if (!auth_safe) return fail("missing authSafe");
        auto data = content_info_data(auth_safe->content);
        if (!data) return fail("authSafe is not of type data (public-key integrity mode is not supported)");
        if (auto mac = der::read(f, der::tag::sequence)) {
            auto ok = verify_mac(mac->content, *data);
            if (!ok) return ok.err();
        }
        byte_view safes = *data;
        auto seq = der::read(safes, der::tag::sequence);
        if (!seq) return fail("malformed AuthenticatedSafe");
        byte_view items = seq->content;
        while (!items.empty()) {
            auto ci = der::read(items, der::tag::sequence);
            if (!ci) return fail("malformed ContentInfo");
            byte_view c = ci->content;
            auto type = der::read(c, der::tag::oid);
            if (!type) return fail("malformed ContentInfo type");
            auto type_s = der::oid_to_string(type->content).value_or("");
            if (type_s == oid_data) {
                auto d = content_info_data(ci->content);
                if (!d) return fail("malformed data ContentInfo");
                auto r = read_safe_contents(*d, 0);
                if (!r) return r.err();
            } else if (type_s == oid_encrypted_data) {
                auto explicit0 = der::read(c, der::tag::context(0));
                if (!explicit0) return fail("encryptedData without content");
                byte_view ed = explicit0->content;
                auto eds = der::read(ed, der::tag::sequence);
                if (!eds) return fail("malformed EncryptedData");
                byte_view e = eds->content;
                if (!der::read(e, der::tag::integer)) return fail("malformed EncryptedData version");
                auto eci = der::read(e, der::tag::sequence);
                if (!eci) return fail("malformed EncryptedContentInfo");
                byte_view ef = eci->content;
                if (!der::read(ef, der::tag::oid)) return fail("malformed EncryptedContentInfo type");
                auto alg = der::read(ef, der::tag::sequence);
                if (!alg) return fail("malformed content encryption algorithm");
                bytes ciphertext;
                if (auto prim = der::read(ef, 0x80)) {
                    ciphertext.assign(prim->content.begin(), prim->content.end());
                } else if (auto cons = der::read(ef, der::tag::context(0))) {
                    byte_view parts = cons->content;
                    while (!parts.empty()) {
                        auto os = der::read(parts, der::tag::octet_string);
                        if (!os) return fail("malformed constructed encrypted content");
                        ciphertext.insert(ciphertext.end(), os->content.begin(), os->content.end());
                    }
                } else {
                    return fail("encrypted content missing");
                }
                auto plain = decrypt(alg->content, ciphertext, "certificates");
                if (!plain) return plain.err();
                auto r = read_safe_contents(*plain, 0);
                if (!r) return r.err();
            }
            // other content types (enveloped data) are skipped
        }
        return std::move(out_);
    }

private:
    /// Content octets of a ContentInfo of type data ([0] EXPLICIT OCTET STRING, possibly constructed).
    std::optional<bytes> content_info_data(byte_view ci_content) {
        byte_view c = ci_content;
        auto type = der::read(c, der::tag::oid);
        if (!type || der::oid_to_string(type->content).value_or("") != oid_data) return std::nullopt;
        auto explicit0 = der::read(c, der::tag::context(0));
        if (!explicit0) return std::nullopt;
        byte_view inner = explicit0->content;
        if (auto os = der::read(inner, der::tag::octet_string)) return bytes(os->content.begin(), os->content.end());
        if (auto cons = der::read(inner, 0x24)) {
            bytes out;
            byte_view parts = cons->content;
            while (!parts.empty()) {
                auto os = der::read(parts, der::tag::octet_string);
                if (!os) return std::nullopt;
                out.insert(out.end(), os->content.begin(), os->content.end());
            }
            return out;
        }
        return std::nullopt;
    }

    result<void> verify_mac(byte_view mac_data, byte_view signed_data) {
        auto fail = [](std::string what) { return make_error(errc::malformed_input, "PKCS#12: " + std::move(what)); };
        byte_view m = mac_data;
        auto digest_info = der::read(m, der::tag::sequence);
        auto salt = der::read(m, der::tag::octet_string);
        if (!digest_info || !salt) return fail("malformed MacData");
        std::size_t iterations = 1;
        if (auto it = der::read(m, der::tag::integer)) {
            iterations = 0;
            if (it->content.size() > 4 || it->content.empty() || (it->content[0] & 0x80)) return fail("bad MAC iteration count");
            for (auto b : it->content) iterations = iterations * 256 + b;
            if (auto e = check_iterations(iterations, "PKCS#12 MAC")) return make_error(errc::unsupported, *e);
        }
        byte_view di = digest_info->content;
        auto alg = der::read(di, der::tag::sequence);
        auto expected = der::read(di, der::tag::octet_string);
        if (!alg || !expected) return fail("malformed MAC DigestInfo");
        byte_view a = alg->content;
        auto oid = der::read(a, der::tag::oid);
        if (!oid) return fail("malformed MAC algorithm");
        auto h = digest_from_oid(der::oid_to_string(oid->content).value_or(""));
        if (!h) return make_error(errc::unsupported, "PKCS#12: unsupported MAC digest " + der::oid_to_string(oid->content).value_or("?"));
        auto check = [&](byte_view pw) -> result<bool> {
            auto key = kdf(p_, *h, 3, pw, salt->content, iterations, digest_size(*h));
            if (!key) return key.err();
            auto mac = p_.hmac(*h, *key, signed_data);
            if (!mac) return mac.err();
            return constant_time_equal(*mac, expected->content);
        };
        auto ok = check(bmp_);
        if (!ok) return ok.err();
        if (*ok) return {};
        if (password_.empty()) {
            auto ok2 = check(byte_view{});
            if (!ok2) return ok2.err();
            if (*ok2) {
                absent_password_ = true;
                return {};
            }
        }
        return make_error(errc::bad_password, "PKCS#12: the integrity MAC does not verify with the password given (wrong password or corrupt file)");
    }

    /// Decrypts with a PKCS#12 PBE or PBES2 algorithm; removes the padding.
    result<bytes> decrypt(byte_view alg_content, byte_view ciphertext, std::string_view what) {
        auto fail = [&](std::string why) { return make_error(errc::malformed_input, "PKCS#12: " + std::string(what) + ": " + std::move(why)); };
        byte_view a = alg_content;
        auto oid = der::read(a, der::tag::oid);
        if (!oid) return fail("malformed algorithm identifier");
        std::string alg = der::oid_to_string(oid->content).value_or("");
        if (alg == oid_pbes2) {
            auto params = der::read(a, der::tag::sequence);
            if (!params) return fail("malformed PBES2 parameters");
            return pbes2_decrypt(params->content, ciphertext, what);
        }
        std::size_t key_len = 0;
        bool use_rc2 = false;
        unsigned rc2_bits = 0;
        if (alg == oid_pbe_sha1_3des) key_len = 24;
        else if (alg == oid_pbe_sha1_2des) key_len = 16;
        else if (alg == oid_pbe_sha1_rc2_128) { key_len = 16; use_rc2 = true; rc2_bits = 128; }
        else if (alg == oid_pbe_sha1_rc2_40) { key_len = 5; use_rc2 = true; rc2_bits = 40; }
        else return make_error(errc::unsupported, "PKCS#12: " + std::string(what) + " use unsupported encryption " + alg);
        auto params = der::read(a, der::tag::sequence);
        if (!params) return fail("malformed PBE parameters");
        byte_view pf = params->content;
        auto salt = der::read(pf, der::tag::octet_string);
        auto iters = der::read(pf, der::tag::integer);
        if (!salt || !iters || iters->content.empty() || iters->content.size() > 4 || (iters->content[0] & 0x80)) return fail("malformed PBE parameters");
        std::size_t iterations = 0;
        for (auto b : iters->content) iterations = iterations * 256 + b;
        if (auto e = check_iterations(iterations, "PKCS#12 " + std::string(what))) return make_error(errc::unsupported, *e);
        if (ciphertext.empty() || ciphertext.size() % 8 != 0) return fail("ciphertext is not a multiple of 8 bytes");
        byte_view pw = absent_password_ ? byte_view{} : byte_view(bmp_);
        auto key = kdf(p_, digest_algorithm::sha1, 1, pw, salt->content, iterations, key_len);
        auto iv = kdf(p_, digest_algorithm::sha1, 2, pw, salt->content, iterations, 8);
        if (!key) return key.err();
        if (!iv) return iv.err();
        bytes plain;
        if (use_rc2) {
            plain = rc2_helper::cbc_decrypt_with(*key, rc2_bits, *iv, ciphertext);
        } else {
            bytes k3 = *key;
            if (k3.size() == 16) k3.insert(k3.end(), key->begin(), key->begin() + 8);
            auto r = p_.cbc_decrypt(cipher_algorithm::tripledes_cbc, k3, *iv, ciphertext);
            if (!r) return r.err();
            plain = std::move(*r);
        }
        std::size_t pad = plain.back();
        bool pad_ok = pad >= 1 && pad <= 8;
        for (std::size_t i = 0; pad_ok && i < pad; ++i) pad_ok = plain[plain.size() - 1 - i] == pad;
        if (!pad_ok)
            return make_error(errc::bad_password, "PKCS#12: " + std::string(what) + " could not be decrypted with the password given");
        plain.resize(plain.size() - pad);
        return plain;
    }

    /// RFC 8018 PBES2: PBKDF2 then CBC with PKCS#7 padding. The password is used as UTF-8 bytes.
    result<bytes> pbes2_decrypt(byte_view params, byte_view ciphertext, std::string_view what) {
        auto fail = [&](std::string why) { return make_error(errc::malformed_input, "PKCS#12: " + std::string(what) + ": " + std::move(why)); };
        byte_view pv = params;
        auto kdf_alg = der::read(pv, der::tag::sequence);
        auto enc_alg = der::read(pv, der::tag::sequence);
        if (!kdf_alg || !enc_alg) return fail("malformed PBES2 parameters");
        byte_view k = kdf_alg->content;
        auto kdf_oid = der::read(k, der::tag::oid);
        if (!kdf_oid || der::oid_to_string(kdf_oid->content).value_or("") != "1.2.840.113549.1.5.12")
            return make_error(errc::unsupported, "PKCS#12: " + std::string(what) + ": PBES2 key derivation other than PBKDF2 is not supported");
        auto kp = der::read(k, der::tag::sequence);
        if (!kp) return fail("malformed PBKDF2 parameters");
        byte_view kf = kp->content;
        auto salt = der::read(kf, der::tag::octet_string);
        auto iters = der::read(kf, der::tag::integer);
        if (!salt || !iters || iters->content.empty() || iters->content.size() > 4 || (iters->content[0] & 0x80)) return fail("malformed PBKDF2 parameters");
        std::size_t iterations = 0;
        for (auto b : iters->content) iterations = iterations * 256 + b;
        if (auto e = check_iterations(iterations, "PKCS#12 " + std::string(what))) return make_error(errc::unsupported, *e);
        std::optional<std::size_t> key_length;
        if (auto kl = der::read(kf, der::tag::integer)) {
            if (kl->content.empty() || kl->content.size() > 2) return fail("bad PBKDF2 key length");
            std::size_t n = 0;
            for (auto b : kl->content) n = n * 256 + b;
            key_length = n;
        }
        digest_algorithm prf = digest_algorithm::sha1;
        if (auto prf_alg = der::read(kf, der::tag::sequence)) {
            byte_view pa = prf_alg->content;
            auto po = der::read(pa, der::tag::oid);
            std::string ps = po ? der::oid_to_string(po->content).value_or("") : "";
            if (ps == "1.2.840.113549.2.7") prf = digest_algorithm::sha1;
            else if (ps == "1.2.840.113549.2.9") prf = digest_algorithm::sha256;
            else if (ps == "1.2.840.113549.2.10") prf = digest_algorithm::sha384;
            else if (ps == "1.2.840.113549.2.11") prf = digest_algorithm::sha512;
            else return make_error(errc::unsupported, "PKCS#12: " + std::string(what) + ": unsupported PBKDF2 PRF " + ps);
        }
        byte_view e = enc_alg->content;
        auto enc_oid = der::read(e, der::tag::oid);
        auto iv = der::read(e, der::tag::octet_string);
        if (!enc_oid || !iv) return fail("malformed PBES2 encryption scheme");
        std::string es = der::oid_to_string(enc_oid->content).value_or("");
        cipher_algorithm c;
        if (es == "2.16.840.1.101.3.4.1.2") c = cipher_algorithm::aes128_cbc;
        else if (es == "2.16.840.1.101.3.4.1.22") c = cipher_algorithm::aes192_cbc;
        else if (es == "2.16.840.1.101.3.4.1.42") c = cipher_algorithm::aes256_cbc;
        else if (es == "1.2.840.113549.3.7") c = cipher_algorithm::tripledes_cbc;
        else return make_error(errc::unsupported, "PKCS#12: " + std::string(what) + ": unsupported PBES2 cipher " + es);
        if (key_length && *key_length != key_size(c)) return fail("PBKDF2 key length does not match the cipher");
        if (iv->content.size() != block_size(c)) return fail("PBES2 IV has the wrong size");
        std::size_t const bs = block_size(c);
        if (ciphertext.empty() || ciphertext.size() % bs != 0) return fail("ciphertext is not a multiple of the block size");
        auto key = p_.pbkdf2(prf, as_bytes(password_), salt->content, iterations, key_size(c));
        if (!key) return key.err();
        auto plain = p_.cbc_decrypt(c, *key, iv->content, ciphertext);
        if (!plain) return plain.err();
        std::size_t pad = plain->back();
        bool pad_ok = pad >= 1 && pad <= bs;
        for (std::size_t i = 0; pad_ok && i < pad; ++i) pad_ok = (*plain)[plain->size() - 1 - i] == pad;
        if (!pad_ok) return make_error(errc::bad_password, "PKCS#12: " + std::string(what) + " could not be decrypted with the password given");
        plain->resize(plain->size() - pad);
        return plain;
    }

    result<void> read_safe_contents(byte_view data, int depth) {
        auto fail = [](std::string what) { return make_error(errc::malformed_input, "PKCS#12: " + std::move(what)); };
        if (depth > 4) return fail("safe contents nested too deeply");
        byte_view in = data;
        auto seq = der::read(in, der::tag::sequence);
        if (!seq) return fail("malformed SafeContents (or wrong password)");
        byte_view bags = seq->content;
        while (!bags.empty()) {
            auto bag = der::read(bags, der::tag::sequence);
            if (!bag) return fail("malformed SafeBag");
            byte_view b = bag->content;
            auto id = der::read(b, der::tag::oid);
            auto value = der::read(b, der::tag::context(0));
            if (!id || !value) return fail("malformed SafeBag");
            std::string type = der::oid_to_string(id->content).value_or("");
            byte_view v = value->content;
            if (type == oid_key_bag) {
                auto pki = der::read(v, der::tag::sequence);
                if (!pki) return fail("malformed key bag");
                out_.private_keys.emplace_back(pki->whole.begin(), pki->whole.end());
            } else if (type == oid_shrouded_key_bag) {
                auto epki = der::read(v, der::tag::sequence);
                if (!epki) return fail("malformed shrouded key bag");
                byte_view e = epki->content;
                auto alg = der::read(e, der::tag::sequence);
                auto enc = der::read(e, der::tag::octet_string);
                if (!alg || !enc) return fail("malformed EncryptedPrivateKeyInfo");
                auto plain = decrypt(alg->content, enc->content, "the private key");
                if (!plain) return plain.err();
                byte_view pv = *plain;
                auto pki = der::read(pv, der::tag::sequence);
                if (!pki) return make_error(errc::bad_password, "PKCS#12: the private key could not be decrypted with the password given");
                out_.private_keys.emplace_back(pki->whole.begin(), pki->whole.end());
            } else if (type == oid_cert_bag) {
                auto cb = der::read(v, der::tag::sequence);
                if (!cb) return fail("malformed certificate bag");
                byte_view c = cb->content;
                auto cid = der::read(c, der::tag::oid);
                auto cval = der::read(c, der::tag::context(0));
                if (!cid || !cval) return fail("malformed certificate bag");
                if (der::oid_to_string(cid->content).value_or("") != oid_x509_certificate) continue;
                byte_view cv = cval->content;
                auto os = der::read(cv, der::tag::octet_string);
                if (!os) return fail("malformed X.509 certificate bag");
                out_.certificates.emplace_back(os->content.begin(), os->content.end());
            } else if (type == oid_safe_contents_bag) {
                auto r = read_safe_contents(v, depth + 1);
                if (!r) return r.err();
            }
        }
        return {};
    }

    struct rc2_helper {
        static bytes cbc_decrypt_with(byte_view key, unsigned bits, byte_view iv, byte_view data) {
            detail::rc2 cipher(key, bits);
            return cipher.cbc_decrypt(iv, data);
        }
    };

    primitives p_;
    std::string password_;
    bytes bmp_;
    bool absent_password_ = false;
    contents out_;
};

} // namespace wsbind::crypto::detail::pkcs12

#endif
