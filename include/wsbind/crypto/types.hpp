// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_TYPES_HPP
#define WSBIND_CRYPTO_TYPES_HPP

/// \file
/// Vendor-neutral value types shared by every crypto backend: byte buffers, algorithm
/// enumerations, the error type and `wsbind::crypto::result<T>`. std only; no OpenSSL, no Botan.
///
/// Backends report failures as values (`result<T>`); exceptions are raised only at API edges
/// where a WCF user expects them (store lookups, credential resolution, validation).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace wsbind::crypto {

/// An owned byte buffer.
using bytes = std::vector<std::uint8_t>;
/// A read-only view of bytes.
using byte_view = std::span<std::uint8_t const>;

/// The bytes of a string (no copy).
[[nodiscard]] inline byte_view as_bytes(std::string_view s) noexcept {
    return {reinterpret_cast<std::uint8_t const*>(s.data()), s.size()};
}
/// A copy of a string's bytes.
[[nodiscard]] inline bytes to_bytes(std::string_view s) { auto v = as_bytes(s); return {v.begin(), v.end()}; }
/// The characters of a byte buffer.
[[nodiscard]] inline std::string to_string(byte_view b) { return {reinterpret_cast<char const*>(b.data()), b.size()}; }

/// Message digests WS-Security and WCF's algorithm suites use.
enum class digest_algorithm : std::uint8_t { sha1, sha256, sha384, sha512 };
/// HMACs of the algorithm suites (symmetric signature).
enum class mac_algorithm : std::uint8_t { hmac_sha1, hmac_sha256 };
/// Block ciphers in CBC mode (XML Encryption's aes128-cbc, aes192-cbc, aes256-cbc, tripledes-cbc).
enum class cipher_algorithm : std::uint8_t { aes128_cbc, aes192_cbc, aes256_cbc, tripledes_cbc };
/// Symmetric key wrap: RFC 3394 AES key wrap (kw-aes128/192/256) and RFC 3217 CMS Triple-DES key wrap (kw-tripledes).
enum class key_wrap_algorithm : std::uint8_t { aes128_kw, aes192_kw, aes256_kw, tripledes_kw };
/// Asymmetric key transport: RSA-OAEP with MGF1-SHA1 and SHA-1 (rsa-oaep-mgf1p) and RSA PKCS#1 v1.5 (rsa-1_5).
enum class key_transport_algorithm : std::uint8_t { rsa_oaep_mgf1p, rsa_1_5 };
/// CBC padding: none (input must be a multiple of the block size) or XML Encryption's scheme
/// (last byte = pad length 1..block size, other pad bytes arbitrary and not checked).
enum class cbc_padding : std::uint8_t { none, xmlenc };

[[nodiscard]] constexpr std::string_view name_of(digest_algorithm a) noexcept {
    switch (a) {
    case digest_algorithm::sha1: return "SHA-1";
    case digest_algorithm::sha256: return "SHA-256";
    case digest_algorithm::sha384: return "SHA-384";
    case digest_algorithm::sha512: return "SHA-512";
    }
    return "?";
}
[[nodiscard]] constexpr std::string_view name_of(mac_algorithm a) noexcept {
    return a == mac_algorithm::hmac_sha1 ? "HMAC-SHA1" : "HMAC-SHA256";
}
[[nodiscard]] constexpr std::string_view name_of(cipher_algorithm a) noexcept {
    switch (a) {
    case cipher_algorithm::aes128_cbc: return "AES-128-CBC";
    case cipher_algorithm::aes192_cbc: return "AES-192-CBC";
    case cipher_algorithm::aes256_cbc: return "AES-256-CBC";
    case cipher_algorithm::tripledes_cbc: return "3DES-CBC";
    }
    return "?";
}
[[nodiscard]] constexpr std::string_view name_of(key_wrap_algorithm a) noexcept {
    switch (a) {
    case key_wrap_algorithm::aes128_kw: return "AES-128 key wrap (RFC 3394)";
    case key_wrap_algorithm::aes192_kw: return "AES-192 key wrap (RFC 3394)";
    case key_wrap_algorithm::aes256_kw: return "AES-256 key wrap (RFC 3394)";
    case key_wrap_algorithm::tripledes_kw: return "Triple-DES key wrap (RFC 3217)";
    }
    return "?";
}
[[nodiscard]] constexpr std::string_view name_of(key_transport_algorithm a) noexcept {
    return a == key_transport_algorithm::rsa_oaep_mgf1p ? "RSA-OAEP (MGF1-SHA1)" : "RSA PKCS#1 v1.5";
}

/// Output size of a digest in bytes.
[[nodiscard]] constexpr std::size_t digest_size(digest_algorithm a) noexcept {
    switch (a) {
    case digest_algorithm::sha1: return 20;
    case digest_algorithm::sha256: return 32;
    case digest_algorithm::sha384: return 48;
    case digest_algorithm::sha512: return 64;
    }
    return 0;
}
[[nodiscard]] constexpr digest_algorithm digest_of(mac_algorithm a) noexcept {
    return a == mac_algorithm::hmac_sha1 ? digest_algorithm::sha1 : digest_algorithm::sha256;
}
/// Key size of a cipher in bytes (3DES: 24, three-key).
[[nodiscard]] constexpr std::size_t key_size(cipher_algorithm a) noexcept {
    switch (a) {
    case cipher_algorithm::aes128_cbc: return 16;
    case cipher_algorithm::aes192_cbc: return 24;
    case cipher_algorithm::aes256_cbc: return 32;
    case cipher_algorithm::tripledes_cbc: return 24;
    }
    return 0;
}
/// Block size of a cipher in bytes (= IV size).
[[nodiscard]] constexpr std::size_t block_size(cipher_algorithm a) noexcept {
    return a == cipher_algorithm::tripledes_cbc ? 8 : 16;
}
/// Size of the key-encryption key of a key wrap algorithm in bytes.
[[nodiscard]] constexpr std::size_t kek_size(key_wrap_algorithm a) noexcept {
    switch (a) {
    case key_wrap_algorithm::aes128_kw: return 16;
    case key_wrap_algorithm::aes192_kw: return 24;
    case key_wrap_algorithm::aes256_kw: return 32;
    case key_wrap_algorithm::tripledes_kw: return 24;
    }
    return 0;
}

/// What went wrong, in categories a caller can act on. The message says where and what.
enum class errc : std::uint8_t {
    invalid_argument,      ///< a caller error: wrong key size, empty input, unsupported combination
    malformed_input,       ///< bytes that do not parse (corrupt or truncated PEM/DER/PKCS#12)
    unsupported,           ///< valid input using something this backend cannot do
    bad_password,          ///< PKCS#12 MAC or encrypted key does not verify with the password given
    key_mismatch,          ///< a private key that does not belong to its certificate
    decryption_failed,     ///< authenticated unwrap / OAEP / padding failure
    verification_failed,   ///< signature or chain does not verify
    not_found,             ///< nothing where something was expected
    io_error,              ///< a file or directory could not be read or written
    library_error,         ///< the underlying library failed unexpectedly
};

[[nodiscard]] constexpr std::string_view name_of(errc e) noexcept {
    switch (e) {
    case errc::invalid_argument: return "invalid argument";
    case errc::malformed_input: return "malformed input";
    case errc::unsupported: return "unsupported";
    case errc::bad_password: return "bad password";
    case errc::key_mismatch: return "key mismatch";
    case errc::decryption_failed: return "decryption failed";
    case errc::verification_failed: return "verification failed";
    case errc::not_found: return "not found";
    case errc::io_error: return "I/O error";
    case errc::library_error: return "library error";
    }
    return "?";
}

/// A failure as a value: a category and a precise message.
struct error {
    errc code = errc::library_error;
    std::string message;

    friend bool operator==(error const&, error const&) = default;
};

/// Thrown by `result<T>::value()` on an error, and by API edges that throw.
class crypto_error : public std::runtime_error {
public:
    explicit crypto_error(error e) : std::runtime_error(e.message), error_(std::move(e)) {}
    [[nodiscard]] error const& err() const noexcept { return error_; }
    [[nodiscard]] errc code() const noexcept { return error_.code; }

private:
    error error_;
};

[[nodiscard]] inline error make_error(errc code, std::string message) { return error{code, std::move(message)}; }

/// Either a T or an `error`. C++20 has no std::expected; this is the small subset wsbind needs.
template <class T>
class [[nodiscard]] result {
public:
    using value_type = T;

    result(T value) : v_(std::in_place_index<0>, std::move(value)) {}            // NOLINT(google-explicit-constructor)
    result(error e) : v_(std::in_place_index<1>, std::move(e)) {}                // NOLINT(google-explicit-constructor)
    template <class U>
        requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, T> &&
                 !std::is_same_v<std::remove_cvref_t<U>, error> && !std::is_same_v<std::remove_cvref_t<U>, result>)
    result(U&& value) : v_(std::in_place_index<0>, T(std::forward<U>(value))) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool has_value() const noexcept { return v_.index() == 0; }
    [[nodiscard]] explicit operator bool() const noexcept { return has_value(); }

    [[nodiscard]] T& value() & { check(); return std::get<0>(v_); }
    [[nodiscard]] T const& value() const& { check(); return std::get<0>(v_); }
    [[nodiscard]] T&& value() && { check(); return std::get<0>(std::move(v_)); }
    [[nodiscard]] T& operator*() & noexcept { return std::get<0>(v_); }
    [[nodiscard]] T const& operator*() const& noexcept { return std::get<0>(v_); }
    [[nodiscard]] T&& operator*() && noexcept { return std::get<0>(std::move(v_)); }
    [[nodiscard]] T* operator->() noexcept { return &std::get<0>(v_); }
    [[nodiscard]] T const* operator->() const noexcept { return &std::get<0>(v_); }

    /// The error; only meaningful when `!has_value()`.
    [[nodiscard]] error const& err() const& noexcept { return std::get<1>(v_); }
    [[nodiscard]] error&& err() && noexcept { return std::get<1>(std::move(v_)); }

private:
    void check() const {
        if (v_.index() != 0) throw crypto_error(std::get<1>(v_));
    }
    std::variant<T, error> v_;
};

/// Success or an `error`.
template <>
class [[nodiscard]] result<void> {
public:
    using value_type = void;
    result() noexcept = default;
    result(error e) : e_(std::move(e)) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool has_value() const noexcept { return !e_.has_value(); }
    [[nodiscard]] explicit operator bool() const noexcept { return has_value(); }
    void value() const {
        if (e_) throw crypto_error(*e_);
    }
    [[nodiscard]] error const& err() const& noexcept { return *e_; }
    [[nodiscard]] error&& err() && noexcept { return std::move(*e_); }

private:
    std::optional<error> e_;
};

/// Uppercase hexadecimal, as .NET prints thumbprints and serial numbers.
[[nodiscard]] inline std::string to_hex(byte_view b, bool upper = true) {
    static constexpr char lower_digits[] = "0123456789abcdef";
    static constexpr char upper_digits[] = "0123456789ABCDEF";
    char const* d = upper ? upper_digits : lower_digits;
    std::string s;
    s.resize(b.size() * 2);
    for (std::size_t i = 0; i < b.size(); ++i) {
        s[2 * i] = d[b[i] >> 4];
        s[2 * i + 1] = d[b[i] & 0xF];
    }
    return s;
}

namespace detail {
[[nodiscard]] constexpr int hex_digit_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
} // namespace detail

/// Contiguous hex (even length, either case) to bytes; nullopt if anything else is present.
[[nodiscard]] inline std::optional<bytes> from_hex(std::string_view s) {
    if (s.size() % 2 != 0) return std::nullopt;
    bytes out(s.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        int hi = detail::hex_digit_value(s[2 * i]);
        int lo = detail::hex_digit_value(s[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return out;
}

/// Constant-time equality of two byte strings of public length (timing depends on the lengths only).
[[nodiscard]] inline bool constant_time_equal(byte_view a, byte_view b) noexcept {
    if (a.size() != b.size()) return false;
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<std::uint8_t>(a[i] ^ b[i]);
    // Keep the compiler from turning the loop into an early exit.
    volatile std::uint8_t sink = diff;
    return sink == 0;
}

} // namespace wsbind::crypto

#endif
