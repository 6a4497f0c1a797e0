// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_CODEGEN_HPP
#define WSBIND_CONFIG_IMPL_CODEGEN_HPP

#include <wsbind/config/codegen.hpp>
#include <wsbind/config/impl/reader.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/core/rules.hpp>
#include <wsbind/core/schema.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wsbind::config {

namespace detail {

/// The C++ enumeration of wsbind for a .NET enum type name.
inline std::string_view cpp_enum_type(std::string_view dotnet) noexcept {
    struct pair { std::string_view dotnet, cpp; };
    static constexpr pair table[] = {
        {"SecurityMode", "security_mode"}, {"MessageCredentialType", "message_credential_type"},
        {"HttpClientCredentialType", "transport_credential_type"}, {"HttpProxyCredentialType", "proxy_credential_type"},
        {"ProtectionLevel", "protection_level"}, {"SecurityAlgorithmSuite", "algorithm_suite"},
        {"MessageSecurityVersion", "message_security_version"}, {"ReliableMessagingVersion", "reliable_messaging_version"},
        {"MessageVersion", "message_version"}, {"WSMessageEncoding", "message_encoding"}, {"Encoding", "text_encoding"},
        {"TransferMode", "transfer_mode"}, {"HostNameComparisonMode", "host_name_comparison_mode"},
        {"AuthenticationMode", "authentication_mode"}, {"SecurityKeyEntropyMode", "security_key_entropy_mode"},
        {"MessageProtectionOrder", "message_protection_order"}, {"SecurityHeaderLayout", "security_header_layout"},
        {"PolicyEnforcement", "policy_enforcement"}, {"ProtectionScenario", "protection_scenario"},
        {"TransactionProtocol", "transaction_protocol"}, {"SecurityKeyType", "issued_security_token_key_type"},
        {"AuthenticationSchemes", "authentication_schemes"}, {"SslProtocols", "ssl_protocols"}};
    for (auto const& p : table)
        if (p.dotnet == dotnet) return p.cpp;
    return {};
}

inline std::string snake_case(std::string_view name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z') {
            if (i != 0) out += '_';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

inline std::string cpp_string_literal(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        auto const u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') { out += '\\'; out += c; }
        else if (u < 0x20 || u >= 0x7F) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xF];
            out += "\"\""; // end the hex escape
        } else out += c;
    }
    out += '"';
    return out;
}

/// One leaf policy for the setting at `rel` (relative to its group) with value `v`.
inline std::string leaf_policy(setting const& s, std::string_view rel, setting_value const& v, std::string& why) {
    value_spec const spec = spec_of(s);
    if (rel.ends_with("proxyAuthenticationScheme")) {
        why = "proxyAuthenticationScheme has no policy in core (with<authentication_schemes> sets authenticationScheme)";
        return {};
    }
    if (s.kind == value_kind::enumeration || s.kind == value_kind::flags) {
        auto const type = cpp_enum_type(s.enums->type_name);
        if (type.empty()) {
            why = "no C++ enumeration known for " + std::string(s.enums->type_name);
            return {};
        }
        return "wsbind::with<static_cast<wsbind::" + std::string(type) + ">(" + std::to_string(v.number) + ")> /* " +
               format_value(spec, v) + " */";
    }
    std::string name;
    if (rel.starts_with("issuer/")) name = "issuer_" + snake_case(rel.substr(7));
    else {
        auto slash = rel.rfind('/');
        name = snake_case(slash == std::string_view::npos ? rel : rel.substr(slash + 1));
    }
    std::string arg;
    switch (s.kind) {
    case value_kind::boolean: arg = v.number != 0 ? "true" : "false"; break;
    case value_kind::int32: arg = std::to_string(v.number); break;
    case value_kind::int64: arg = std::to_string(v.number) + "LL"; break;
    case value_kind::timespan: arg = cpp_string_literal(to_string(timespan::from_ticks(v.number))); break;
    case value_kind::string: arg = cpp_string_literal(v.string.view()); break;
    default: break;
    }
    return "wsbind::" + name + "<" + arg + ">";
}

struct policy_group {
    std::string prefix;      ///< relative path prefix ("security/", "" for the root)
    std::string open;        ///< "wsbind::security<"
    std::vector<std::string> items;
    std::vector<policy_group> children;
};

inline std::string render(policy_group const& g) {
    std::string out = g.open;
    bool first = true;
    auto add = [&](std::string const& s) {
        if (!first) out += ", ";
        first = false;
        out += s;
    };
    for (auto const& i : g.items) add(i);
    for (auto const& c : g.children) add(render(c));
    out += ">";
    return out;
}

/// The group for `path` inside `g` (creating sub-groups known by name), and the relative path left.
inline policy_group& group_for(policy_group& g, std::string_view& rel, bool custom_security) {
    struct known { std::string_view prefix, open; };
    static constexpr known standard[] = {{"security/", "wsbind::security<"}, {"reliableSession/", "wsbind::reliable_session<"},
                                         {"readerQuotas/", "wsbind::reader_quotas<"}};
    static constexpr known security_groups[] = {{"secureConversationBootstrap/", "wsbind::secure_conversation_bootstrap<"},
                                                {"localClientSettings/", "wsbind::local_client_settings<"},
                                                {"localServiceSettings/", "wsbind::local_service_settings<"},
                                                {"issuedTokenParameters/", "wsbind::issued_token_parameters<"},
                                                {"readerQuotas/", "wsbind::reader_quotas<"}};
    auto const& list = custom_security ? std::span<known const>(security_groups) : std::span<known const>(standard);
    for (auto const& k : list) {
        if (!rel.starts_with(k.prefix)) continue;
        rel.remove_prefix(k.prefix.size());
        for (auto& c : g.children)
            if (c.prefix == k.prefix) return custom_security ? group_for(c, rel, true) : c;
        g.children.push_back({std::string(k.prefix), std::string(k.open), {}, {}});
        return custom_security ? group_for(g.children.back(), rel, true) : g.children.back();
    }
    return g;
}

} // namespace detail

inline std::string binding_type_expression(binding_description const& d, std::string& why) {
    if (!is_valid(d)) {
        for (auto const* r : wsbind::validate(d))
            if (r->side == rule_side::any) {
                why = "breaks rule " + std::string(r->name) + " (" + std::string(r->text) + ")";
                break;
            }
        if (why.empty()) why = "breaks a rule of the rule table";
        return {};
    }
    auto const kind = d.kind;
    binding_description const defaults = default_description(kind);
    auto wanted = [&](setting const& s) { return s.optional ? s.is_set(d) : !(s.get(d) == s.get(defaults)); };
    detail::policy_group root{"", {}, {}, {}};
    switch (kind) {
    case binding_kind::basic_http: root.open = "wsbind::basic_http_binding<"; break;
    case binding_kind::ws_http: root.open = "wsbind::ws_http_binding<"; break;
    case binding_kind::ws_2007_http: root.open = "wsbind::ws_2007_http_binding<"; break;
    case binding_kind::ws_dual_http: root.open = "wsbind::ws_dual_http_binding<"; break;
    case binding_kind::net_tcp: root.open = "wsbind::net_tcp_binding<"; break;
    case binding_kind::custom: root.open = "wsbind::custom_binding<"; break;
    }
    auto const schema = binding_schema(kind);
    if (kind != binding_kind::custom) {
        for (auto const& s : schema) {
            if (!wanted(s)) continue;
            std::string_view rel = s.path;
            auto& g = detail::group_for(root, rel, false);
            auto leaf = detail::leaf_policy(s, rel, s.get(d), why);
            if (leaf.empty()) return {};
            g.items.push_back(std::move(leaf));
        }
        for (auto& c : root.children)
            if (c.prefix == "reliableSession/" && find_setting(kind, "", "reliableSession/enabled") && !d.reliable_session.enabled)
                c.items.insert(c.items.begin(), "wsbind::enabled<false>");
        return detail::render(root);
    }
    // customBinding: root settings (timeouts), then the elements in stack order.
    for (auto const& s : schema) {
        if (!s.element.empty() || !wanted(s)) continue;
        auto leaf = detail::leaf_policy(s, s.path, s.get(d), why);
        if (leaf.empty()) return {};
        root.items.push_back(std::move(leaf));
    }
    for (auto e : d.stack) {
        std::string_view const name = to_string(e);
        detail::policy_group g{"", "wsbind::" + detail::snake_case(name) + "<", {}, {}};
        if (e == custom_element::security) {
            g.open = "wsbind::security<";
            for (std::string_view pg : {"secureConversationBootstrap/", "localClientSettings/", "localServiceSettings/",
                                        "secureConversationBootstrap/localClientSettings/",
                                        "secureConversationBootstrap/localServiceSettings/"}) {
                if (!detail::security_group_present(d, pg)) continue;
                // Present groups need at least one leaf to exist in the description.
                bool any = false;
                for (auto const& s : schema)
                    if (s.element == "security" && detail::starts_with(s.path, pg) && wanted(s) &&
                        s.path.substr(pg.size()).find('/') == std::string_view::npos)
                        any = true;
                if (any) continue;
                for (auto const& s : schema) {
                    if (s.element != "security" || !detail::starts_with(s.path, pg) || s.optional) continue;
                    std::string_view rel = s.path;
                    auto& sub = detail::group_for(g, rel, true);
                    if (rel.find('/') != std::string_view::npos) continue;
                    auto leaf = detail::leaf_policy(s, rel, s.get(d), why);
                    if (leaf.empty()) return {};
                    sub.items.push_back(std::move(leaf));
                    break;
                }
            }
        }
        for (auto const& s : schema) {
            if (s.element != name || !wanted(s)) continue;
            if (e == custom_element::security) {
                bool absent = false;
                for (std::string_view pg : {"secureConversationBootstrap/localClientSettings/", "secureConversationBootstrap/localServiceSettings/",
                                            "secureConversationBootstrap/", "localClientSettings/", "localServiceSettings/"})
                    if (detail::starts_with(s.path, pg)) { absent = !detail::security_group_present(d, pg); break; }
                if (absent) continue;
            }
            std::string_view rel = s.path;
            auto& sub = detail::group_for(g, rel, e == custom_element::security || e == custom_element::text_message_encoding);
            auto leaf = detail::leaf_policy(s, rel, s.get(d), why);
            if (leaf.empty()) return {};
            sub.items.push_back(std::move(leaf));
        }
        root.children.push_back(std::move(g));
    }
    return detail::render(root);
}

inline std::string identifier_for(std::string_view section, std::string_view name) {
    std::string out;
    if (name.empty()) out = "default_" + detail::snake_case(section);
    else
        for (char c : name) {
            bool const ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            out += ok ? c : '_';
        }
    if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), 'b');
    if (out[0] == '_') out.insert(out.begin(), 'b'); // leading underscores are reserved in places
    return out;
}

inline codegen_result generate_header(configuration const& cfg, codegen_options const& options) {
    codegen_result r;
    std::string body;
    std::vector<std::string> used;
    for (auto const& b : cfg.bindings) {
        std::string const label = "binding '" + b.name + "' (" + b.section + ")";
        if (!b.kind) { r.skipped.push_back(label + ": the binding type is not modelled by wsbind"); continue; }
        if (!b.fully_modelled) { r.skipped.push_back(label + ": it has elements wsbind does not model"); continue; }
        std::string why;
        std::string const type = binding_type_expression(b.description, why);
        if (type.empty()) { r.skipped.push_back(label + ": " + why); continue; }
        std::string id = identifier_for(b.section, b.name);
        if (std::find(used.begin(), used.end(), id) != used.end()) id += "_" + detail::snake_case(b.section);
        for (int n = 2; std::find(used.begin(), used.end(), id) != used.end(); ++n) id += "_" + std::to_string(n);
        used.push_back(id);
        body += "/// " + b.section + " binding '" + b.name + "'\n";
        body += "using " + id + " = " + type + ";\n\n";
        r.generated.push_back({id, &b});
    }
    std::string guard = "WSBIND_GENERATED_" + detail::snake_case(options.namespace_name) + "_HPP";
    for (auto& c : guard) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : (((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ? c : '_');
    std::string& h = r.header;
    h += "// Generated by wsbind-config codegen";
    if (!options.source_name.empty()) h += " from " + options.source_name;
    h += ". Do not edit.\n";
    for (auto const& s : r.skipped) h += "// skipped: " + s + "\n";
    if (options.include_guard) h += "#ifndef " + guard + "\n#define " + guard + "\n";
    h += "\n#include <wsbind/core/binding.hpp>\n\n#include <array>\n#include <string_view>\n\nnamespace " + options.namespace_name + " {\n\n";
    h += body;
    h += "/// Every generated binding with its configuration section and name.\n";
    h += "struct generated_binding {\n    std::string_view section;\n    std::string_view name;\n"
         "    wsbind::binding_description const* description;\n};\n\n";
    h += "inline constexpr std::array<generated_binding, " + std::to_string(r.generated.size()) + "> generated_bindings{{\n";
    for (auto const& g : r.generated)
        h += "    {" + detail::cpp_string_literal(g.binding->section) + ", " + detail::cpp_string_literal(g.binding->name) + ", &" +
             g.type_name + "::description},\n";
    h += "}};\n\n} // namespace " + options.namespace_name + "\n";
    if (options.include_guard) h += "\n#endif\n";
    return r;
}

} // namespace wsbind::config

#endif
