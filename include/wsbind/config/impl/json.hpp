// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_JSON_HPP
#define WSBIND_CONFIG_IMPL_JSON_HPP

#include <wsbind/config/config_schema.hpp>
#include <wsbind/config/impl/reader.hpp>
#include <wsbind/config/json.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/core/schema.hpp>

#include <span>
#include <string>
#include <string_view>

namespace wsbind::config {

inline std::string json_quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(static_cast<unsigned char>(c) >> 4) & 0xF];
                out += hex[static_cast<unsigned char>(c) & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

namespace detail {

/// Whether a customBinding setting belongs to an element present in the stack (and, inside
/// `<security>`, to a group that is present).
inline bool custom_setting_present(setting const& s, binding_description const& d) {
    if (s.element.empty()) return true;
    auto const e = enum_from_string<custom_element>(s.element);
    if (!e || !d.stack.contains(*e)) return false;
    if (s.element == "security") {
        for (std::string_view g : {"secureConversationBootstrap/localClientSettings/", "secureConversationBootstrap/localServiceSettings/",
                                   "secureConversationBootstrap/", "localClientSettings/", "localServiceSettings/"})
            if (starts_with(s.path, g)) return security_group_present(d, g);
    }
    return true;
}

template <class Root, std::size_t N>
void table_settings(settings_list& out, std::string_view prefix, std::array<field_def<Root>, N> const& table, Root const& root) {
    for (auto const& f : table) {
        if (f.is_marker() || !f.get) continue;
        // Skip groups whose presence marker says they are absent.
        bool absent = false;
        for (auto const& m : table)
            if (m.is_marker() && m.get && starts_with(f.path, m.path) && m.get(root).number == 0) absent = true;
        if (absent) continue;
        out.emplace_back(std::string(prefix) + std::string(f.path), format_value(f.spec, f.get(root)));
    }
}

inline void certificate_item(settings_list& out, std::string const& prefix, certificate_reference_config const& c) {
    table_settings(out, prefix, certificate_reference_schema, c);
}

} // namespace detail

inline settings_list binding_settings(binding_config const& b) {
    settings_list out;
    if (!b.kind) return out;
    auto const& d = b.description;
    for (auto const& s : binding_schema(*b.kind)) {
        if (*b.kind == binding_kind::custom && !detail::custom_setting_present(s, d)) continue;
        std::string key = s.element.empty() ? std::string(s.path) : std::string(s.element) + "/" + std::string(s.path);
        out.emplace_back(std::move(key), format_value(spec_of(s), value_of(s, d)));
    }
    return out;
}

inline settings_list behavior_settings(behavior_config const& b) {
    settings_list out;
    if (b.service_credentials) {
        auto const& sc = *b.service_credentials;
        detail::table_settings(out, "serviceCredentials/", service_credentials_schema, sc);
        auto const& known = sc.issued_token_authentication.known_certificates;
        for (std::size_t i = 0; i < known.size(); ++i)
            detail::certificate_item(out, "serviceCredentials/issuedTokenAuthentication/knownCertificates/add[" + std::to_string(i) + "]/",
                                     known[i]);
        auto const& uris = sc.issued_token_authentication.allowed_audience_uris;
        for (std::size_t i = 0; i < uris.size(); ++i)
            out.emplace_back("serviceCredentials/issuedTokenAuthentication/allowedAudienceUris/add[" + std::to_string(i) +
                                 "]/allowedAudienceUri",
                             uris[i]);
    }
    if (b.client_credentials) {
        auto const& cc = *b.client_credentials;
        detail::table_settings(out, "clientCredentials/", client_credentials_schema, cc);
        for (std::size_t i = 0; i < cc.scoped_service_certificates.size(); ++i)
            detail::table_settings(out, "clientCredentials/serviceCertificate/scopedCertificates/add[" + std::to_string(i) + "]/",
                                   scoped_certificate_schema, cc.scoped_service_certificates[i]);
    }
    return out;
}

inline settings_list endpoint_settings(resolved_endpoint const& r, bool service_side) {
    settings_list out;
    if (!r.source) return out;
    auto const& e = *r.source;
    auto add_table = [&](auto const& table) {
        for (auto const& f : table) {
            if (f.path == "address") out.emplace_back("address", r.address);
            else out.emplace_back(std::string(f.path), format_value(f.spec, f.get(e)));
        }
    };
    if (service_side) add_table(service_endpoint_schema);
    else add_table(client_endpoint_schema);
    detail::table_settings(out, "", identity_schema, e);
    out.emplace_back("identity", std::string(to_string(e.identity.effective())));
    return out;
}

namespace detail {

class json_out {
public:
    std::string str;
    void raw(std::string_view s) { str.append(s); }
    void key(std::string_view k) {
        str += json_quote(k);
        str += ':';
    }
    void value(std::string_view v) { str += json_quote(v); }
    void object(settings_list const& l, std::string_view indent) {
        str += '{';
        bool first = true;
        for (auto const& [k, v] : l) {
            if (!first) str += ',';
            first = false;
            str += '\n';
            str.append(indent);
            str += "  ";
            key(k);
            value(v);
        }
        if (!l.empty()) {
            str += '\n';
            str.append(indent);
        }
        str += '}';
    }
    void names(std::vector<unmodelled_element> const& u) {
        str += '[';
        for (std::size_t i = 0; i < u.size(); ++i) {
            if (i) str += ',';
            value(u[i].name);
        }
        str += ']';
    }
};

} // namespace detail

inline std::string to_json(configuration const& cfg, resolved_configuration const& resolved, diagnostics const& diags) {
    detail::json_out j;
    j.raw("{\n\"bindings\":[");
    for (std::size_t i = 0; i < cfg.bindings.size(); ++i) {
        auto const& b = cfg.bindings[i];
        j.raw(i ? ",\n  {" : "\n  {");
        j.key("type"); j.value(b.section); j.raw(",");
        j.key("name"); j.value(b.name); j.raw(",");
        j.key("modelled"); j.raw(b.kind && b.fully_modelled ? "true" : "false"); j.raw(",");
        j.key("unmodelled"); j.names(b.unmodelled); j.raw(",");
        j.key("settings"); j.object(binding_settings(b), "  ");
        j.raw("}");
    }
    j.raw("\n],\n\"behaviors\":[");
    for (std::size_t i = 0; i < cfg.behaviors.size(); ++i) {
        auto const& b = cfg.behaviors[i];
        j.raw(i ? ",\n  {" : "\n  {");
        j.key("kind"); j.value(to_string(b.kind)); j.raw(",");
        j.key("name"); j.value(b.name); j.raw(",");
        j.key("unmodelled"); j.names(b.unmodelled); j.raw(",");
        j.key("settings"); j.object(behavior_settings(b), "  ");
        j.raw("}");
    }
    j.raw("\n],\n\"services\":[");
    for (std::size_t i = 0; i < resolved.services.size(); ++i) {
        auto const& s = resolved.services[i];
        j.raw(i ? ",\n  {" : "\n  {");
        j.key("name"); j.value(s.source->name); j.raw(",");
        j.key("behaviorConfiguration"); j.value(s.source->behavior_configuration); j.raw(",");
        j.key("behavior"); if (s.behavior) j.value(s.behavior->name); else j.raw("null"); j.raw(",");
        j.key("baseAddresses"); j.raw("[");
        for (std::size_t k = 0; k < s.source->base_addresses.size(); ++k) {
            if (k) j.raw(",");
            j.value(s.source->base_addresses[k]);
        }
        j.raw("],");
        settings_list host;
        for (auto const& f : service_schema)
            if (f.path.substr(0, 5) == "host/") host.emplace_back(std::string(f.path), format_value(f.spec, f.get(*s.source)));
        j.key("settings"); j.object(host, "  "); j.raw(",");
        j.key("endpoints"); j.raw("[");
        for (std::size_t k = 0; k < s.endpoints.size(); ++k) {
            j.raw(k ? ",\n    " : "\n    ");
            j.object(endpoint_settings(s.endpoints[k], true), "    ");
        }
        j.raw("]}");
    }
    j.raw("\n],\n\"client\":[");
    for (std::size_t k = 0; k < resolved.client.size(); ++k) {
        j.raw(k ? ",\n  " : "\n  ");
        j.object(endpoint_settings(resolved.client[k], false), "  ");
    }
    j.raw("\n],\n\"diagnostics\":[");
    for (std::size_t i = 0; i < diags.size(); ++i) {
        auto const& d = diags[i];
        j.raw(i ? ",\n  {" : "\n  {");
        j.key("severity"); j.value(to_string(d.severity)); j.raw(",");
        j.key("file"); j.value(d.file); j.raw(",");
        j.key("line"); j.raw(std::to_string(d.position.line)); j.raw(",");
        j.key("column"); j.raw(std::to_string(d.position.column)); j.raw(",");
        j.key("path"); j.value(d.path); j.raw(",");
        j.key("message"); j.value(d.message); j.raw(",");
        j.key("value"); j.value(d.value); j.raw(",");
        j.key("allowed"); j.value(d.allowed); j.raw(",");
        j.key("code"); j.value(d.code);
        j.raw("}");
    }
    j.raw("\n]\n}\n");
    return std::move(j.str);
}

} // namespace wsbind::config

#endif
