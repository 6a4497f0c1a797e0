// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// The compile-fail harness's sanity pair: the fail branch stops at a static_assert whose message the harness
// must find; the positive twin is the same code with the assertion satisfied.
// expect-error: wsbind harness sanity

#include <wsbind/config.hpp>

#include <type_traits>

template <class T>
inline constexpr bool false_v = false;

template <class T>
struct checked {
#ifdef WSBIND_COMPILE_FAIL
    static_assert(false_v<T>, "wsbind harness sanity");
#else
    static_assert(!false_v<T>, "wsbind harness sanity");
#endif
};

int main() {
    [[maybe_unused]] checked<int> instance;
    return 0;
}
