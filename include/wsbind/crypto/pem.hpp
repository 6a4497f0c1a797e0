// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_PEM_HPP
#define WSBIND_CRYPTO_PEM_HPP

/// \file
/// Base64 and PEM armour (RFC 7468) for writing certificates and CRLs, and Base64 decoding for
/// values such as `<certificate encodedValue>` (std only). Parsing PEM files is the backends' job.

#include <wsbind/crypto/types.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace wsbind::crypto {

[[nodiscard]] inline std::string base64_encode(byte_view data) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        std::uint32_t v = static_cast<std::uint32_t>(data[i] << 16 | data[i + 1] << 8 | data[i + 2]);
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (i + 1 == data.size()) {
        std::uint32_t v = static_cast<std::uint32_t>(data[i] << 16);
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == data.size()) {
        std::uint32_t v = static_cast<std::uint32_t>(data[i] << 16 | data[i + 1] << 8);
        out += alphabet[v >> 18];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

/// Base64 decoding that skips ASCII white space; nullopt on any other non-alphabet character or
/// a bad length/padding.
[[nodiscard]] inline std::optional<bytes> base64_decode(std::string_view text) {
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    bytes out;
    std::uint32_t acc = 0;
    int n = 0, pad = 0;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (c == '=') {
            ++pad;
            continue;
        }
        if (pad) return std::nullopt; // data after padding
        int v = value(c);
        if (v < 0) return std::nullopt;
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        if (++n == 4) {
            out.push_back(static_cast<std::uint8_t>(acc >> 16));
            out.push_back(static_cast<std::uint8_t>((acc >> 8) & 0xFF));
            out.push_back(static_cast<std::uint8_t>(acc & 0xFF));
            acc = 0;
            n = 0;
        }
    }
    if (n == 1 || pad > 2 || (n == 0 && pad != 0) || (n != 0 && n + pad != 4)) return std::nullopt;
    if (n == 2) out.push_back(static_cast<std::uint8_t>(acc >> 4));
    if (n == 3) {
        out.push_back(static_cast<std::uint8_t>(acc >> 10));
        out.push_back(static_cast<std::uint8_t>((acc >> 2) & 0xFF));
    }
    return out;
}

/// The DER of the first PEM block with this label; nullopt when there is none or it is not valid
/// Base64 (RFC 1421 header lines such as Proc-Type are skipped).
[[nodiscard]] inline std::optional<bytes> pem_decode_first(std::string_view text, std::string_view label) {
    std::string const begin = "-----BEGIN " + std::string(label) + "-----";
    std::string const end = "-----END " + std::string(label) + "-----";
    auto b = text.find(begin);
    if (b == std::string_view::npos) return std::nullopt;
    b += begin.size();
    auto e = text.find(end, b);
    if (e == std::string_view::npos) return std::nullopt;
    std::string_view body = text.substr(b, e - b);
    if (auto colon = body.find(':'); colon != std::string_view::npos) { // headers end at a blank line
        auto blank = body.find("\n\n", colon);
        if (blank == std::string_view::npos) blank = body.find("\r\n\r\n", colon);
        if (blank == std::string_view::npos) return std::nullopt;
        body = body.substr(blank);
    }
    return base64_decode(body);
}

/// "-----BEGIN label-----", 64-column Base64, "-----END label-----".
[[nodiscard]] inline std::string pem_encode(std::string_view label, byte_view der) {
    std::string b64 = base64_encode(der);
    std::string out = "-----BEGIN " + std::string(label) + "-----\n";
    for (std::size_t i = 0; i < b64.size(); i += 64) {
        out.append(b64, i, 64);
        out += '\n';
    }
    out += "-----END " + std::string(label) + "-----\n";
    return out;
}

} // namespace wsbind::crypto

#endif
