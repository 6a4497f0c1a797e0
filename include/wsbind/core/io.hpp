// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CORE_IO_HPP
#define WSBIND_CORE_IO_HPP

/// \file
/// Stream output for wsbind's core values (kept apart so core headers stay free of <ostream>).

#include <wsbind/core/description.hpp>
#include <wsbind/core/print.hpp>

#include <ostream>

namespace wsbind {

inline std::ostream& operator<<(std::ostream& os, binding_description const& d) { return os << to_string(d); }
inline std::ostream& operator<<(std::ostream& os, timespan t) { return os << to_string(t); }

} // namespace wsbind

#endif
