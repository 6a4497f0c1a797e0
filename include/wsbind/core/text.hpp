// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_TEXT_HPP
#define WSBIND_CORE_TEXT_HPP

/// \file
/// `wsbind::text`: a string value that can live in a constexpr binding description.
///
/// In a constant expression it refers to characters of static storage (a literal, or the
/// `fixed_string` of a policy such as `realm<"contoso">`); at run time it owns a copy. Either way
/// it behaves as an immutable value: copyable, comparable, convertible to std::string_view.

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

namespace wsbind {

class text {
public:
    constexpr text() noexcept = default;
    constexpr text(std::string_view s) { assign(s); }                 // NOLINT(google-explicit-constructor)
    constexpr text(char const* s) : text(std::string_view(s)) {}       // NOLINT(google-explicit-constructor)
    constexpr text(text const& other) { assign(other.view()); }
    constexpr text(text&& other) noexcept
        : data_(std::exchange(other.data_, "")), size_(std::exchange(other.size_, 0)),
          owned_(std::exchange(other.owned_, false)) {}
    constexpr text& operator=(text const& other) {
        if (this != &other) { text copy(other); swap(copy); }
        return *this;
    }
    constexpr text& operator=(text&& other) noexcept { swap(other); return *this; }
    constexpr ~text() { if (owned_) delete[] data_; }

    constexpr void swap(text& other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        std::swap(owned_, other.owned_);
    }

    [[nodiscard]] constexpr std::string_view view() const noexcept { return {data_, size_}; }
    [[nodiscard]] constexpr operator std::string_view() const noexcept { return view(); } // NOLINT
    [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }

    friend constexpr bool operator==(text const& a, text const& b) noexcept { return a.view() == b.view(); }
    friend constexpr bool operator==(text const& a, std::string_view b) noexcept { return a.view() == b; }

private:
    constexpr void assign(std::string_view s) {
        if (std::is_constant_evaluated() || s.empty()) {
            data_ = s.empty() ? "" : s.data();
            size_ = s.size();
        } else {
            char* copy = new char[s.size()];
            for (std::size_t i = 0; i < s.size(); ++i) copy[i] = s[i];
            data_ = copy;
            size_ = s.size();
            owned_ = true;
        }
    }

    char const* data_ = "";
    std::size_t size_ = 0;
    bool owned_ = false;
};

/// A string usable as a template argument: `realm<"contoso">`.
template <std::size_t N>
struct fixed_string {
    char value[N]{};
    constexpr fixed_string(char const (&s)[N]) noexcept { // NOLINT(google-explicit-constructor)
        for (std::size_t i = 0; i < N; ++i) value[i] = s[i];
    }
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {value, N - 1}; }
};

} // namespace wsbind

#endif
