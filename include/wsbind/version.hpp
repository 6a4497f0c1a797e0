// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_VERSION_HPP
#define WSBIND_VERSION_HPP

#define WSBIND_VERSION_MAJOR 0
#define WSBIND_VERSION_MINOR 1
#define WSBIND_VERSION_PATCH 0
#define WSBIND_VERSION_STRING "0.1.0"

#endif
