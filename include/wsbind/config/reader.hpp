// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_READER_HPP
#define WSBIND_CONFIG_READER_HPP

/// \file
/// Reading `<system.serviceModel>` into a `wsbind::config::configuration`, as .NET Framework 4.8
/// reads it (wcf-config-facts.md §1–§4, §6):
///  - every binding type of the compile-time model, each attribute through core's binding schema;
///    other binding types, customBinding elements and behavior extensions that WCF knows (or the
///    file registers under `<extensions>`) are kept as named, unmodelled entries with a warning;
///  - `<serviceCredentials>`, `<clientCredentials>`, services, hosts, endpoints, identities;
///  - unnamed `<binding>`/`<behavior>` as the default configuration; `<clear>`/`<remove>`;
///    duplicate keys, unknown attributes and elements, repeated child elements, text content,
///    missing required attributes: errors, as .NET raises them.
/// Reading never throws for bad input and always reads the whole file; each problem is a
/// located diagnostic. A result with errors does not give its model away silently: `get()` is
/// null then, and `partial()` must be asked for by name.

#include <wsbind/config/diagnostic.hpp>
#include <wsbind/config/document.hpp>
#include <wsbind/config/model.hpp>

#include <iosfwd>
#include <string>
#include <string_view>

namespace wsbind::config {

struct read_options {
    load_options limits;
    /// Accept a document whose root is not `<configuration>` but `<system.serviceModel>`'s
    /// content (`<bindings>`, `<wsHttpBinding>`, `<behaviors>`, ...): documentation snippets.
    /// `<configuration>` and `<system.serviceModel>` roots are always accepted.
    bool allow_fragment = false;
};

class read_result {
public:
    read_result() = default;
    read_result(configuration c, config::diagnostics d) : config_(std::move(c)), diagnostics_(std::move(d)) {}

    /// True when no diagnostic is an error.
    [[nodiscard]] bool ok() const noexcept { return !diagnostics_.has_errors(); }
    /// The configuration, or nullptr when reading found errors.
    [[nodiscard]] configuration const* get() const noexcept { return ok() ? &config_ : nullptr; }
    /// What could be read despite errors (settings with errors keep their defaults).
    [[nodiscard]] configuration const& partial() const noexcept { return config_; }
    [[nodiscard]] config::diagnostics const& diagnostics() const noexcept { return diagnostics_; }

private:
    configuration config_;
    config::diagnostics diagnostics_;
};

/// Reads a configuration file (app.config, web.config, or a file holding `<system.serviceModel>`).
[[nodiscard]] read_result read_file(std::string const& path, read_options const& options = {});
/// Reads configuration text held in memory; `name` is what diagnostics call it.
[[nodiscard]] read_result read_string(std::string_view text, std::string name = "<string>", read_options const& options = {});
/// Reads everything a stream delivers.
[[nodiscard]] read_result read_stream(std::istream& in, std::string name = "<stream>", read_options const& options = {});
/// Reads an already loaded document (diagnostics of loading are the caller's).
void read_document(document const& doc, configuration& out, diagnostics& diags, read_options const& options = {});

} // namespace wsbind::config

#include <wsbind/config/impl/reader.hpp>

#endif
