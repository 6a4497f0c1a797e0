// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_DETAIL_CONSTANT_TIME_HPP
#define WSBIND_CRYPTO_DETAIL_CONSTANT_TIME_HPP

/// \file
/// Branch-free helpers over secret bytes (std only).

#include <cstdint>

namespace wsbind::crypto::detail::ct {

/// Hides a value from the optimiser so that mask arithmetic is not turned back into branches.
[[nodiscard]] inline std::uint32_t barrier(std::uint32_t x) noexcept {
#if defined(__GNUC__) || defined(__clang__)
    __asm__("" : "+r"(x));
#endif
    return x;
}

/// 0xFFFFFFFF when x == 0, else 0.
[[nodiscard]] inline std::uint32_t is_zero(std::uint32_t x) noexcept {
    // (~x & (x - 1)) has its top bit set exactly when x == 0.
    return static_cast<std::uint32_t>(0) - (barrier(~x & (x - 1)) >> 31);
}
/// 0xFFFFFFFF when a == b, else 0.
[[nodiscard]] inline std::uint32_t is_equal(std::uint32_t a, std::uint32_t b) noexcept { return is_zero(a ^ b); }
/// (mask & a) | (~mask & b), for mask all-ones or all-zeros.
[[nodiscard]] inline std::uint8_t select(std::uint32_t mask, std::uint8_t a, std::uint8_t b) noexcept {
    return static_cast<std::uint8_t>((barrier(mask) & a) | (~mask & b));
}

} // namespace wsbind::crypto::detail::ct

#endif
