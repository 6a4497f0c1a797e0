// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_ENUM_NAMES_HPP
#define WSBIND_CORE_ENUM_NAMES_HPP

/// \file
/// WCF spellings of wsbind's enumerations.
///
/// Every enumeration that mirrors a .NET enum specialises `wsbind::enum_info<E>` with
///  - `type_name`: the .NET type name (`"SecurityMode"`), used in diagnostics;
///  - `entries`: each enumerator with the exact, case-sensitive name .NET's configuration system
///    accepts and prints, in .NET's declaration order (the order .NET lists in its own
///    "The enumeration value must be one of the following: ..." message).
///
/// `to_string(E)`, `enum_from_string<E>(text)` and `enum_name_list<E>()` work for every such enum,
/// in constant expressions too.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

namespace wsbind {

template <class E>
struct enum_entry {
    E value;
    std::string_view name;
};

/// Specialised for every enum that has WCF names; the primary template is left undefined.
template <class E>
struct enum_info;

template <class E>
concept wcf_enum = std::is_enum_v<E> && requires {
    { enum_info<E>::type_name } -> std::convertible_to<std::string_view>;
    enum_info<E>::entries[0];
};

/// The WCF name of `value`, or an empty view for a value outside the enumeration.
template <wcf_enum E>
[[nodiscard]] constexpr std::string_view to_string(E value) noexcept {
    for (auto const& e : enum_info<E>::entries)
        if (e.value == value) return e.name;
    return {};
}

/// Exact, case-sensitive lookup of a WCF name, as .NET's Enum.Parse(type, text, false) does for a
/// single name. Whitespace and numbers are not names; the configuration layer reports them.
template <wcf_enum E>
[[nodiscard]] constexpr std::optional<E> enum_from_string(std::string_view name) noexcept {
    for (auto const& e : enum_info<E>::entries)
        if (e.name == name) return e.value;
    return std::nullopt;
}

/// Number of enumerators known by name.
template <wcf_enum E>
inline constexpr std::size_t enum_size = sizeof(enum_info<E>::entries) / sizeof(enum_info<E>::entries[0]);

namespace detail {
template <wcf_enum E>
constexpr std::size_t enum_name_list_length() noexcept {
    std::size_t n = 0;
    for (auto const& e : enum_info<E>::entries) n += e.name.size() + 2;
    return n == 0 ? 0 : n - 2;
}
template <wcf_enum E>
struct enum_name_list_storage {
    static constexpr auto value = [] {
        std::array<char, enum_name_list_length<E>() + 1> out{};
        std::size_t i = 0;
        bool first = true;
        for (auto const& e : enum_info<E>::entries) {
            if (!first) { out[i++] = ','; out[i++] = ' '; }
            first = false;
            for (char c : e.name) out[i++] = c;
        }
        return out;
    }();
};
} // namespace detail

/// "None, Transport, Message": every name in declaration order, as .NET lists them.
template <wcf_enum E>
[[nodiscard]] constexpr std::string_view enum_name_list() noexcept {
    auto const& s = detail::enum_name_list_storage<E>::value;
    return {s.data(), s.size() - 1};
}

} // namespace wsbind

#endif
