// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_WRITER_HPP
#define WSBIND_CONFIG_IMPL_WRITER_HPP

#include <wsbind/config/config_schema.hpp>
#include <wsbind/config/impl/reader.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/config/writer.hpp>
#include <wsbind/core/schema.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace wsbind::config {

namespace detail {

/// The element at relative path `path` ("a/b") under `root`, created on demand.
inline pugi::xml_node element_at(pugi::xml_node root, std::string_view path) {
    pugi::xml_node n = root;
    while (!path.empty()) {
        auto slash = path.find('/');
        std::string const name(path.substr(0, slash));
        pugi::xml_node child = n.child(name.c_str());
        if (!child) child = n.append_child(name.c_str());
        n = child;
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return n;
}

/// Sets attribute `path` ("a/b/attr") under `root`.
inline void set_at(pugi::xml_node root, std::string_view path, std::string const& value) {
    auto slash = path.rfind('/');
    pugi::xml_node n = slash == std::string_view::npos ? root : element_at(root, path.substr(0, slash));
    std::string const attr(slash == std::string_view::npos ? path : path.substr(slash + 1));
    n.append_attribute(attr.c_str()).set_value(value.c_str());
}

/// Appends an element kept as written.
inline void append_raw(pugi::xml_node parent, std::string const& xml) {
    parent.append_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
}

inline void write_setting(pugi::xml_node root, std::string_view path, value_spec const& spec, setting_value const& v) {
    if (ends_with(path, "customServiceNames")) {
        pugi::xml_node names = element_at(root, path);
        std::string_view list = v.string.view();
        while (!list.empty()) {
            auto semi = list.find(';');
            std::string const one(list.substr(0, semi));
            names.append_child("add").append_attribute("name").set_value(one.c_str());
            if (semi == std::string_view::npos) break;
            list.remove_prefix(semi + 1);
        }
        return;
    }
    set_at(root, path, format_value(spec, v));
}

inline void write_binding_settings(binding_description const& d, pugi::xml_node node, write_mode mode,
                                   std::vector<std::string> const* element_order,
                                   std::vector<unmodelled_element> const* unmodelled) {
    auto const kind = d.kind;
    binding_description const defaults = default_description(kind);
    auto wanted = [&](setting const& s) {
        if (s.optional) return s.is_set(d);
        if (mode == write_mode::full) return true;
        return !(s.get(d) == s.get(defaults));
    };
    auto const schema = binding_schema(kind);
    // Binding-level attributes first (path without '/', element "").
    for (auto const& s : schema)
        if (s.element.empty() && s.path.find('/') == std::string_view::npos && wanted(s)) write_setting(node, s.path, spec_of(s), s.get(d));
    if (kind != binding_kind::custom) {
        for (auto const& s : schema)
            if (s.path.find('/') != std::string_view::npos && wanted(s)) write_setting(node, s.path, spec_of(s), s.get(d));
    } else {
        // Elements in their configured order, modelled ones from the description.
        std::vector<std::string> order;
        if (element_order) order = *element_order;
        else
            for (auto e : d.stack) order.emplace_back(to_string(e));
        std::size_t raw = 0;
        for (auto const& name : order) {
            auto const e = enum_from_string<custom_element>(name);
            if (!e) {
                // Unmodelled element: the next kept element of that name at the top level.
                if (unmodelled) {
                    for (; raw < unmodelled->size(); ++raw) {
                        auto const& u = (*unmodelled)[raw];
                        if (u.parent.empty() && u.name == name) {
                            append_raw(node, u.xml);
                            ++raw;
                            break;
                        }
                    }
                }
                continue;
            }
            pugi::xml_node el = node.append_child(name.c_str());
            if (*e == custom_element::security) {
                for (std::string_view g : {"localClientSettings/", "localServiceSettings/", "secureConversationBootstrap/",
                                           "secureConversationBootstrap/localClientSettings/",
                                           "secureConversationBootstrap/localServiceSettings/"})
                    if (security_group_present(d, g)) element_at(el, g.substr(0, g.size() - 1));
            }
            for (auto const& s : schema) {
                if (s.element != name) continue;
                if (name == "security") {
                    bool absent_group = false;
                    for (std::string_view g : {"secureConversationBootstrap/localClientSettings/",
                                               "secureConversationBootstrap/localServiceSettings/", "secureConversationBootstrap/",
                                               "localClientSettings/", "localServiceSettings/"}) {
                        if (starts_with(s.path, g)) {
                            absent_group = !security_group_present(d, g);
                            break;
                        }
                    }
                    if (absent_group) continue;
                }
                if (wanted(s)) write_setting(el, s.path, spec_of(s), s.get(d));
            }
        }
    }
    // Unmodelled parts of modelled elements, where they were.
    if (unmodelled)
        for (auto const& u : *unmodelled)
            if (!u.parent.empty()) append_raw(element_at(node, u.parent), u.xml);
}

template <class Root, std::size_t N>
void write_table(pugi::xml_node node, std::array<field_def<Root>, N> const& table, Root const& root, write_mode mode,
                 Root const& defaults) {
    for (auto const& f : table) {
        if (!f.get) continue;
        if (f.is_marker()) {
            if (f.get(root).number != 0) element_at(node, std::string_view(f.path).substr(0, f.path.size() - 1));
            continue;
        }
        bool absent = false;
        for (auto const& m : table)
            if (m.is_marker() && m.get && starts_with(f.path, m.path) && m.get(root).number == 0) absent = true;
        if (absent || (f.present && !f.present(root))) continue;
        auto const v = f.get(root);
        if (mode == write_mode::minimal && v == f.get(defaults)) continue;
        write_setting(node, f.path, f.spec, v);
    }
}

/// A certificate reference that WCF looks up must be written even with default values.
inline void keep_specified(pugi::xml_node node, std::string_view element, certificate_reference_config const& c) {
    if (!c.specified) return;
    pugi::xml_node e = element_at(node, element);
    if (!e.first_attribute()) e.append_attribute("findValue").set_value(c.find_value.c_str());
}

inline void write_behavior(behavior_config const& b, pugi::xml_node parent, write_mode mode) {
    pugi::xml_node node = parent.append_child("behavior");
    if (!b.name.empty() || mode == write_mode::full) node.append_attribute("name").set_value(b.name.c_str());
    if (b.service_credentials) {
        auto const& sc = *b.service_credentials;
        pugi::xml_node el = node.append_child("serviceCredentials");
        write_table(el, service_credentials_schema, sc, mode, service_credentials_config{});
        keep_specified(el, "serviceCertificate", sc.service_certificate);
        keep_specified(el, "clientCertificate/certificate", sc.client_certificate);
        if (!sc.issued_token_authentication.known_certificates.empty()) {
            pugi::xml_node k = element_at(el, "issuedTokenAuthentication/knownCertificates");
            for (auto const& c : sc.issued_token_authentication.known_certificates)
                write_table(k.append_child("add"), certificate_reference_schema, c, mode, certificate_reference_config{});
        }
        if (!sc.issued_token_authentication.allowed_audience_uris.empty()) {
            pugi::xml_node k = element_at(el, "issuedTokenAuthentication/allowedAudienceUris");
            for (auto const& u : sc.issued_token_authentication.allowed_audience_uris)
                k.append_child("add").append_attribute("allowedAudienceUri").set_value(u.c_str());
        }
    }
    if (b.client_credentials) {
        auto const& cc = *b.client_credentials;
        pugi::xml_node el = node.append_child("clientCredentials");
        write_table(el, client_credentials_schema, cc, mode, client_credentials_config{});
        keep_specified(el, "clientCertificate", cc.client_certificate);
        keep_specified(el, "serviceCertificate/defaultCertificate", cc.default_service_certificate);
        if (!cc.scoped_service_certificates.empty()) {
            pugi::xml_node k = element_at(el, "serviceCertificate/scopedCertificates");
            for (auto const& s : cc.scoped_service_certificates)
                write_table(k.append_child("add"), scoped_certificate_schema, s, mode, scoped_certificate_config{});
        }
    }
    for (auto const& u : b.unmodelled) append_raw(u.parent.empty() ? node : element_at(node, u.parent), u.xml);
}

template <std::size_t N>
void write_endpoint(endpoint_config const& e, pugi::xml_node parent, std::array<field_def<endpoint_config>, N> const& table,
                    write_mode mode) {
    pugi::xml_node node = parent.append_child("endpoint");
    endpoint_config const defaults{};
    for (auto const& f : table) {
        if (f.path == "address") {
            if (e.address) node.append_attribute("address").set_value(e.address->c_str());
            continue;
        }
        auto const v = f.get(e);
        if (mode == write_mode::minimal && v == f.get(defaults)) continue;
        write_setting(node, f.path, f.spec, v);
    }
    if (!e.identity.empty()) write_table(node, identity_schema, e, mode, defaults);
    if (e.headers) append_raw(node, e.headers->xml);
}

} // namespace detail

inline void write_binding(binding_description const& d, std::string_view name, pugi::xml_node section, write_mode mode) {
    pugi::xml_node node = section.append_child("binding");
    if (!name.empty() || mode == write_mode::full) node.append_attribute("name").set_value(std::string(name).c_str());
    detail::write_binding_settings(d, node, mode, nullptr, nullptr);
}

inline std::string to_config(binding_description const& d, std::string_view name, write_mode mode) {
    pugi::xml_document doc;
    pugi::xml_node section = doc.append_child("bindings").append_child(std::string(to_string(d.kind)).c_str());
    write_binding(d, name, section, mode);
    std::ostringstream out;
    doc.print(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
}

inline void write(configuration const& cfg, pugi::xml_node parent, write_options const& options) {
    if (!cfg.has_service_model) return; // nothing was there: write nothing (reading it back says the same)
    pugi::xml_node sm = parent.append_child("system.serviceModel");
    auto const mode = options.mode;
    if (!cfg.bindings.empty()) {
        pugi::xml_node bindings = sm.append_child("bindings");
        for (auto const& b : cfg.bindings) {
            pugi::xml_node section = bindings.child(b.section.c_str());
            if (!section) section = bindings.append_child(b.section.c_str());
            if (!b.kind) {
                for (auto const& u : b.unmodelled) detail::append_raw(section, u.xml);
                continue;
            }
            pugi::xml_node node = section.append_child("binding");
            if (!b.name.empty() || mode == write_mode::full) node.append_attribute("name").set_value(b.name.c_str());
            detail::write_binding_settings(b.description, node, mode, &b.element_order, &b.unmodelled);
        }
    }
    if (!cfg.behaviors.empty()) {
        pugi::xml_node behaviors = sm.append_child("behaviors");
        for (auto kind : {behavior_kind::service, behavior_kind::endpoint}) {
            pugi::xml_node coll;
            for (auto const& b : cfg.behaviors) {
                if (b.kind != kind) continue;
                if (!coll) coll = behaviors.append_child(kind == behavior_kind::service ? "serviceBehaviors" : "endpointBehaviors");
                detail::write_behavior(b, coll, mode);
            }
        }
    }
    if (!cfg.services.empty()) {
        pugi::xml_node services = sm.append_child("services");
        host_timeouts_config const default_timeouts{};
        for (auto const& s : cfg.services) {
            pugi::xml_node node = services.append_child("service");
            node.append_attribute("name").set_value(s.name.c_str());
            if (!s.behavior_configuration.empty() || mode == write_mode::full)
                node.append_attribute("behaviorConfiguration").set_value(s.behavior_configuration.c_str());
            if (!s.base_addresses.empty()) {
                pugi::xml_node ba = detail::element_at(node, "host/baseAddresses");
                for (auto const& a : s.base_addresses) ba.append_child("add").append_attribute("baseAddress").set_value(a.c_str());
            }
            if (!(s.timeouts == default_timeouts) || mode == write_mode::full) {
                service_config probe;
                probe.timeouts = s.timeouts;
                for (auto const& f : service_schema) {
                    if (f.path.substr(0, 5) != "host/") continue;
                    auto const v = f.get(probe);
                    if (mode == write_mode::minimal && v == f.get(service_config{})) continue;
                    detail::write_setting(node, f.path, f.spec, v);
                }
            }
            for (auto const& e : s.endpoints) detail::write_endpoint(e, node, service_endpoint_schema, mode);
        }
    }
    bool const has_metadata = std::any_of(cfg.unmodelled_sections.begin(), cfg.unmodelled_sections.end(),
                                          [](unmodelled_element const& u) { return u.name == "client/metadata"; });
    if (!cfg.client.empty() || has_metadata) {
        pugi::xml_node client = sm.append_child("client");
        for (auto const& e : cfg.client) detail::write_endpoint(e, client, client_endpoint_schema, mode);
        for (auto const& u : cfg.unmodelled_sections)
            if (u.name == "client/metadata") detail::append_raw(client, u.xml);
    }
    for (auto const& u : cfg.unmodelled_sections)
        if (u.name != "client/metadata") detail::append_raw(sm, u.xml);
}

inline std::string write_string(configuration const& cfg, write_options const& options) {
    pugi::xml_document doc;
    pugi::xml_node parent = doc;
    if (options.wrap_in_configuration) parent = doc.append_child("configuration");
    write(cfg, parent, options);
    std::ostringstream out;
    unsigned flags = pugi::format_indent;
    if (!options.declaration) flags |= pugi::format_no_declaration;
    doc.print(out, options.indent.c_str(), flags, pugi::encoding_utf8);
    return out.str();
}

} // namespace wsbind::config

#endif
