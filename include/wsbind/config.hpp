// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_HPP
#define WSBIND_CONFIG_HPP

/// \file
/// The few macros wsbind has, with their defaults.

#include <wsbind/version.hpp>

#if !defined(__cplusplus) || (__cplusplus < 202002L && !defined(_MSVC_LANG))
#error "wsbind requires C++20"
#endif

#endif
