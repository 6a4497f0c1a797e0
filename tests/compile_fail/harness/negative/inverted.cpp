// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Harness self-test (FAIL_VERDICT compiled-but-must-fail, PASS_VERDICT positive-twin-failed): the branches are
// the wrong way round, so the harness must reject both the .fail test (the code compiles) and the .pass test
// (the positive twin does not compile).
// expect-error: wsbind harness inverted

template <class T>
inline constexpr bool false_v = false;

#ifdef WSBIND_COMPILE_FAIL
static_assert(!false_v<int>, "wsbind harness inverted");
#else
static_assert(false_v<int>, "wsbind harness inverted");
#endif

int main() { return 0; }
