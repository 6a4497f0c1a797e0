// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_CODEGEN_HPP
#define WSBIND_CONFIG_CODEGEN_HPP

/// \file
/// Code generation: for each binding configuration of a file, the compile-time binding type
/// (core's policies, binding.hpp) whose `describe<>()` equals the configuration's description
/// (apart from the name, which a type does not carry). `wsbind-config codegen FILE` prints it;
/// tests/config/codegen compiles the headers generated from the whole corpus and checks the
/// equality.
///
/// A binding is skipped, with a note saying why, when it is not fully modelled, when it breaks a
/// rule of the rule table (its type would not compile), or when a setting has no policy.

#include <wsbind/config/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wsbind::config {

struct codegen_options {
    std::string namespace_name = "config_bindings";
    std::string source_name;   ///< named in the header's comment
    bool include_guard = true;
};

struct codegen_result {
    std::string header;
    struct entry {
        std::string type_name;     ///< C++ identifier of the generated alias
        binding_config const* binding = nullptr;
    };
    std::vector<entry> generated;
    std::vector<std::string> skipped; ///< "binding 'X' (customBinding): why"
};

/// The policy list (`wsbind::ws_http_binding<...>`) of one binding description, or "" with
/// `why` set when it cannot be expressed.
[[nodiscard]] std::string binding_type_expression(binding_description const& d, std::string& why);

/// A C++ identifier from a configuration name ("WSHttpBinding_ICalculator" stays, "my-binding"
/// becomes "my_binding"; an empty name becomes "default_<section>").
[[nodiscard]] std::string identifier_for(std::string_view section, std::string_view name);

[[nodiscard]] codegen_result generate_header(configuration const& cfg, codegen_options const& options = {});

} // namespace wsbind::config

#include <wsbind/config/impl/codegen.hpp>

#endif
