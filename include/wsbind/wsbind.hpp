// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_WSBIND_HPP
#define WSBIND_WSBIND_HPP

/// \file
/// wsbind's umbrella header: the core model (policies, bindings, the rule table, descriptions and
/// derived facts) and the credentials model. It includes no backend (no pugixml, OpenSSL, Botan or
/// Beast): include `<wsbind/config/...>`, `<wsbind/crypto/openssl/...>` etc. for those layers.
/// Text output (`to_string` of descriptions and timespans, `format_value`) is in
/// `<wsbind/core/print.hpp>` and `<wsbind/core/io.hpp>`; std::chrono interop in `<wsbind/core/chrono.hpp>`.

#include <wsbind/config.hpp>
#include <wsbind/version.hpp>

#include <wsbind/core/binding.hpp>
#include <wsbind/core/description.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/facts.hpp>
#include <wsbind/core/policies.hpp>
#include <wsbind/core/rules.hpp>
#include <wsbind/core/schema.hpp>
#include <wsbind/core/timespan.hpp>

#include <wsbind/credentials/enums.hpp>

#endif
