// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_INTROSPECTION_HPP
#define WSBIND_CORE_INTROSPECTION_HPP

/// \file
/// Type-level access to compile-time bindings, with Boost.Hana.
///
///     constexpr auto ps = wsbind::policies_of<B>;              // hana::basic_tuple of hana::basic_type
///     using B2 = wsbind::with_policies_t<B, wsbind::reliable_session<>>;   // B plus more policies
///     using B3 = wsbind::rebind_t<B, wsbind::binding_kind::ws_2007_http>;  // same policies, other binding
///
/// The binding model itself uses plain fold expressions (measured cheaper to compile, see
/// benchmarks/core); Hana is offered here for code that transforms or inspects policy packs.

#include <wsbind/core/binding.hpp>

#include <boost/hana/basic_tuple.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/type.hpp>

#include <cstddef>

namespace wsbind {

namespace detail {
template <class B>
struct binding_traits;
template <binding_kind K, class... Ps>
struct binding_traits<binding<K, Ps...>> {
    static constexpr auto policies = boost::hana::make_basic_tuple(boost::hana::basic_type<Ps>{}...);
    template <class... Extra>
    using with = binding<K, Ps..., Extra...>;
    template <binding_kind Other>
    using rebind = binding<Other, Ps...>;
};
} // namespace detail

/// The policies of `B`, in the order written, as a Hana sequence of types.
template <class B>
    requires is_binding<B>
inline constexpr auto policies_of = detail::binding_traits<B>::policies;

/// The number of top-level policies of `B`.
template <class B>
    requires is_binding<B>
inline constexpr std::size_t policy_count = decltype(boost::hana::length(policies_of<B>))::value;

/// `B` with more policies appended (the result is checked like any binding when used).
template <class B, class... Extra>
    requires is_binding<B>
using with_policies_t = typename detail::binding_traits<B>::template with<Extra...>;

/// The same policies on another binding type, e.g. a wsHttpBinding's settings as ws2007HttpBinding.
template <class B, binding_kind K>
    requires is_binding<B>
using rebind_t = typename detail::binding_traits<B>::template rebind<K>;

} // namespace wsbind

#endif
