// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Consumer of wsbind::wsbind, the umbrella target.
#include "wsbind_consumer.hpp"

int main() { return consumer::core_works() ? 0 : 1; }
