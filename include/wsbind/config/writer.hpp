// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_WRITER_HPP
#define WSBIND_CONFIG_WRITER_HPP

/// \file
/// Writing a configuration model back as `<system.serviceModel>` XML, and a compile-time binding
/// as configuration (`to_config<B>()`).
///
/// - `write_mode::minimal` writes what differs from WCF's defaults: settings whose value is not
///   the default, settings .NET applies only when present that are present, elements whose
///   presence matters (customBinding elements, `<localClientSettings>`, credentials elements,
///   certificate references that are looked up);
/// - `write_mode::full` also writes every other attribute with its default value. Settings that
///   .NET applies only when present stay unwritten when they were not configured, since writing
///   them would change the binding (e.g. algorithmSuite for Kerberos, maxBufferSize).
/// Unmodelled content is written back as it was read. Reading what the writer wrote gives an
/// equal `configuration` (tests/config/writer.cpp, over the whole corpus).

#include <wsbind/config/model.hpp>
#include <wsbind/core/binding.hpp>

#include <pugixml.hpp>

#include <string>

namespace wsbind::config {

enum class write_mode : unsigned char { minimal, full };

struct write_options {
    write_mode mode = write_mode::minimal;
    bool wrap_in_configuration = true;  ///< `<configuration><system.serviceModel>`; else `<system.serviceModel>` only
    bool declaration = true;            ///< `<?xml version="1.0" encoding="utf-8"?>`
    std::string indent = "  ";
};

/// Appends `<system.serviceModel>` for `cfg` to `parent` (nothing when `cfg` has none).
void write(configuration const& cfg, pugi::xml_node parent, write_options const& options = {});
/// The configuration as a document.
[[nodiscard]] std::string write_string(configuration const& cfg, write_options const& options = {});

/// Appends `<binding>` for one binding description (its settings only) to `section`.
void write_binding(binding_description const& d, std::string_view name, pugi::xml_node section,
                   write_mode mode = write_mode::minimal);
/// `<bindings><kind><binding name="...">...</binding></kind></bindings>` for one description.
[[nodiscard]] std::string to_config(binding_description const& d, std::string_view name = {},
                                    write_mode mode = write_mode::minimal);

/// The configuration of compile-time binding `B` (`describe<B>()`), as `to_config` writes it.
template <class B>
    requires is_binding<B>
[[nodiscard]] std::string to_config(std::string_view name = {}, write_mode mode = write_mode::minimal) {
    return to_config(describe<B>(), name, mode);
}

} // namespace wsbind::config

#include <wsbind/config/impl/writer.hpp>

#endif
