// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Harness self-test (registered with FAIL_VERDICT output-mismatch): the fail branch does fail to compile, but
// with a message the expect-error regex below does not match, so the harness must reject the .fail test.
// expect-error: this text is never printed by any compiler

template <class T>
inline constexpr bool false_v = false;

#ifdef WSBIND_COMPILE_FAIL
static_assert(false_v<int>, "wsbind harness: a different message");
#endif

int main() { return 0; }
