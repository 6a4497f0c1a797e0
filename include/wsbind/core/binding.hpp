// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_BINDING_HPP
#define WSBIND_CORE_BINDING_HPP

/// \file
/// Compile-time bindings.
///
///     using calculator = wsbind::ws_http_binding<
///         wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>>;
///     using reliable_calculator = wsbind::ws_http_binding<
///         wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>,
///         wsbind::reliable_session<wsbind::ordered<true>>>;
///
/// Policies come in any order; what is omitted keeps WCF's default. A binding type is checked when
/// it is used (`describe<B>()`, `B::description`, `facts<B>`): a setting the binding does not have, a
/// setting given twice, a value outside WCF's range, and every rule of the rule table (rules.hpp)
/// are compile errors whose text says which.

#include <wsbind/core/description.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/facts.hpp>
#include <wsbind/core/policies.hpp>
#include <wsbind/core/rules.hpp>
#include <wsbind/core/schema.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace wsbind {

namespace detail {

template <class P>
constexpr std::size_t leaf_count_of() noexcept {
    if constexpr (is_policy<P>) return P::leaf_count;
    else return 0;
}

template <class P>
constexpr void append_leaves(leaf* out, std::size_t& at, context const& root) {
    if constexpr (is_policy<P>) {
        auto const ls = P::leaves(root);
        for (auto const& l : ls) out[at++] = l;
    }
}

/// Every leaf of the policies, in order (policies that are not policies contribute none; the
/// binding reports them).
template <binding_kind K, class... Ps>
constexpr auto collect_leaves() {
    [[maybe_unused]] constexpr context root{K, context_kind::binding, {}, {}};
    std::array<leaf, (leaf_count_of<Ps>() + ... + 0)> out{};
    [[maybe_unused]] std::size_t at = 0;
    (append_leaves<Ps>(out.data(), at, root), ...);
    return out;
}

/// Index of the first leaf naming a setting the binding does not have, or N.
template <std::size_t N>
constexpr std::size_t first_unknown(std::array<leaf, N> const& leaves) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (leaves[i].unknown) return i;
    return N;
}

/// Checks one top-level policy, so that a failure names it ("required from ... policy_fits<K, P>").
template <binding_kind K, class P>
constexpr bool policy_fits() {
    if constexpr (is_policy<P>) {
        constexpr context root{K, context_kind::binding, {}, {}};
        constexpr auto leaves = P::leaves(root);
        static_assert(first_unknown(leaves) == leaves.size(),
                      "wsbind: this policy names a setting the binding type does not have (WCF's configuration has no "
                      "such attribute or element there); the note 'policy_fits<binding kind, policy>' names both");
    }
    return true;
}

/// Instantiated only when some policy does not fit, to name it.
template <bool AllFit, binding_kind K, class... Ps>
struct policies_fit : std::true_type {};
template <binding_kind K, class... Ps>
struct policies_fit<false, K, Ps...> : std::bool_constant<(policy_fits<K, Ps>() && ...)> {};

template <std::size_t N>
constexpr bool has_duplicates(std::array<leaf, N> const& leaves) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = i + 1; j < N; ++j) {
            auto const& a = leaves[i];
            auto const& b = leaves[j];
            if (!a.implied && !b.implied && a.target != nullptr && a.target == b.target) return true;
        }
    return false;
}

template <std::size_t N>
constexpr bool all_in_range(std::array<leaf, N> const& leaves) noexcept {
    for (auto const& l : leaves)
        if (l.target && !l.push_element && !in_range(*l.target, l.value)) return false;
    return true;
}

/// The description: defaults, then element markers in order, implied settings, then the rest.
template <std::size_t N>
constexpr binding_description build(binding_kind k, std::array<leaf, N> const& leaves) {
    binding_description d = default_description(k);
    for (auto const& l : leaves)
        if (l.push_element && k == binding_kind::custom) d.stack.push_back(l.stack_element);
    for (int pass = 0; pass < 2; ++pass)
        for (auto const& l : leaves)
            if (l.target && !l.push_element && l.implied == (pass == 0)) apply(*l.target, d, l.value);
    return d;
}

template <std::size_t N>
constexpr bool stack_fits(std::array<leaf, N> const& leaves) noexcept {
    std::size_t n = 0;
    for (auto const& l : leaves) n += l.push_element ? 1u : 0u;
    return n <= custom_stack::capacity;
}

/// One class per rule, so that every violated rule is reported (not only the first) with its text.
#define WSBIND_RULE_ASSERT(id, key, path, side, text)                                                   \
    template <std::uint64_t Violated>                                                                   \
    struct rule_assert_##id {                                                                           \
        static_assert(((Violated >> static_cast<unsigned>(rule_id::id)) & 1u) == 0, text);              \
        static constexpr bool value = true;                                                             \
    };
WSBIND_RULES(WSBIND_RULE_ASSERT)
#undef WSBIND_RULE_ASSERT

/// Every violated rule asserted with its text (instantiated only for a binding that breaks one).
template <std::uint64_t Violated>
struct rule_asserts {
#define WSBIND_RULE_INSTANCE(id, key, path, side, text) static_assert(rule_assert_##id<Violated>::value);
    WSBIND_RULES(WSBIND_RULE_INSTANCE)
#undef WSBIND_RULE_INSTANCE
    static constexpr bool value = false;
};
template <>
struct rule_asserts<0> : std::true_type {};

/// Asserts every side-independent rule of the rule table for `D`, with the rule's text.
template <binding_description const& D>
struct rules_check : rule_asserts<rule_mask(D)> {};

} // namespace detail

/// A compile-time binding of type `K` composed from policies `Ps...`.
template <binding_kind K, class... Ps>
struct binding {
    static_assert((detail::is_policy<Ps> && ...),
                  "wsbind: a binding's arguments must be wsbind policies (e.g. wsbind::security<...>, "
                  "wsbind::reliable_session<...>, wsbind::with<enum value>, wsbind::max_received_message_size<N>)");
    static constexpr binding_kind kind = K;
    static constexpr auto leaves = detail::collect_leaves<K, Ps...>();

    static_assert(detail::policies_fit<detail::first_unknown(leaves) == leaves.size(), K, Ps...>::value);
    static_assert(!detail::has_duplicates(leaves), "wsbind: the same setting is given twice in one binding");
    static_assert(detail::stack_fits(leaves), "wsbind: a customBinding has more elements than wsbind models");

    static constexpr binding_description description = detail::build(K, leaves);
    // The rules first: their texts say more than the generic range check after them.
    static_assert(detail::rules_check<description>::value, "wsbind: the binding breaks the WCF rules reported above");
    static_assert(detail::all_in_range(leaves),
                  "wsbind: a policy's value is outside the range WCF accepts for that setting (see schema.hpp)");
};

/// The binding types of WCF, .NET Framework 4.8.
template <class... Ps> using basic_http_binding = binding<binding_kind::basic_http, Ps...>;
template <class... Ps> using ws_http_binding = binding<binding_kind::ws_http, Ps...>;
template <class... Ps> using ws_2007_http_binding = binding<binding_kind::ws_2007_http, Ps...>;
template <class... Ps> using ws_dual_http_binding = binding<binding_kind::ws_dual_http, Ps...>;
/// netTcpBinding is modelled (description, rules, configuration) but has no transport in wsbind.
template <class... Ps> using net_tcp_binding = binding<binding_kind::net_tcp, Ps...>;
/// A customBinding: an ordered stack of binding elements, top first, transport last.
template <class... Ps> using custom_binding = binding<binding_kind::custom, Ps...>;

template <class T>
inline constexpr bool is_binding = false;
template <binding_kind K, class... Ps>
inline constexpr bool is_binding<binding<K, Ps...>> = true;

/// Every setting of compile-time binding `B`.
template <class B>
    requires is_binding<B>
[[nodiscard]] constexpr binding_description const& describe() noexcept {
    return B::description;
}

/// Derived facts of compile-time binding `B`, as constants.
template <class B>
    requires is_binding<B>
struct facts {
    static constexpr binding_description const& d = B::description;
    static constexpr security_element_info security_element = security_element_of(d);
    static constexpr bool needs_service_certificate = wsbind::needs_service_certificate(d, security_element);
    static constexpr bool needs_client_certificate = wsbind::needs_client_certificate(d, security_element);
    static constexpr bool service_needs_client_certificate_in_advance =
        wsbind::service_needs_client_certificate_in_advance(d, security_element);
    static constexpr bool client_needs_service_certificate_in_advance =
        wsbind::client_needs_service_certificate_in_advance(d, security_element);
    static constexpr protection_facts protection = protection_of(d, security_element);
    static constexpr int soap_version = wsbind::soap_version(d);
    static constexpr addressing_version addressing = addressing_of(d);
    static constexpr std::string_view scheme = transport_scheme(d);
    static constexpr bool reliable = has_reliable_session(d);
    static constexpr bool sessionful = is_sessionful(d, security_element);
    static constexpr bool duplex = is_duplex(d);
};

} // namespace wsbind

#endif
