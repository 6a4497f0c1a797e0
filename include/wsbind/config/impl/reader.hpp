// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_IMPL_READER_HPP
#define WSBIND_CONFIG_IMPL_READER_HPP

#include <wsbind/config/config_schema.hpp>
#include <wsbind/config/impl/key_set.hpp>
#include <wsbind/config/impl/names.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/config/values.hpp>
#include <wsbind/core/rules.hpp>
#include <wsbind/core/schema.hpp>

#include <algorithm>
#include <array>
#include <deque>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace wsbind::config {

namespace detail {

/// Serialises an element as written (raw, no indentation), to keep unmodelled content.
struct string_writer final : pugi::xml_writer {
    std::string out;
    void write(void const* data, std::size_t size) override { out.append(static_cast<char const*>(data), size); }
};

inline std::string raw_xml(pugi::xml_node n) {
    string_writer w;
    n.print(w, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(w.out);
}

inline bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
inline bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Names compared as the reader meets them: length first, then the bytes.
inline bool same_name(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && std::char_traits<char>::compare(a.data(), b.data(), a.size()) == 0));
}

/// One element of a table, for walking pugixml's tree in lockstep with it: the element's
/// attributes and child elements by name, so that reading needs no path string and no hashing.
/// `Entry` is what an attribute maps to; `Extra` what the lookup keeps per element.
template <class Entry, class Extra>
struct table_node {
    std::string prefix;          ///< the element's path relative to the table's root: "" or ending in '/'
    bool readable = false;       ///< a child element with something to read (the root always is)
    std::vector<std::pair<std::string_view, Entry>> attributes; ///< the first entry of a name wins
    std::vector<std::pair<std::string_view, table_node const*>> children;
    Extra extra{};

    [[nodiscard]] Entry const* attribute(std::string_view name) const noexcept {
        for (auto const& [n, e] : attributes)
            if (same_name(n, name)) return &e;
        return nullptr;
    }
    /// The child element `name`, when it has something to read.
    [[nodiscard]] table_node const* child(std::string_view name) const noexcept {
        for (auto const& [n, c] : children)
            if (same_name(n, name)) return c->readable ? c : nullptr;
        return nullptr;
    }
};

/// The elements of one table (built once; nodes never move).
template <class Entry, class Extra>
class node_tree {
public:
    using node = table_node<Entry, Extra>;
    node_tree() { nodes_.emplace_back().readable = true; }
    /// The node at `prefix` ("" or ending in '/'), created with its parents when absent.
    node& at(std::string_view prefix) {
        node* n = &nodes_.front();
        for (std::size_t start = 0, slash = prefix.find('/'); slash != std::string_view::npos;
             start = slash + 1, slash = prefix.find('/', start)) {
            std::string_view const name = prefix.substr(start, slash - start);
            node* next = nullptr;
            for (auto const& [cn, c] : n->children)
                if (cn == name) next = const_cast<node*>(c);
            if (!next) {
                next = &nodes_.emplace_back();
                next->prefix = std::string(prefix.substr(0, slash + 1));
                n->children.emplace_back(name, next);
            }
            n = next;
        }
        return *n;
    }
    /// The node at `prefix`, or nullptr.
    [[nodiscard]] node const* find(std::string_view prefix) const noexcept {
        node const* n = &nodes_.front();
        for (std::size_t start = 0, slash = prefix.find('/'); n && slash != std::string_view::npos;
             start = slash + 1, slash = prefix.find('/', start)) {
            std::string_view const name = prefix.substr(start, slash - start);
            node const* next = nullptr;
            for (auto const& [cn, c] : n->children)
                if (cn == name) next = c;
            n = next;
        }
        return n;
    }
    /// Adds the attribute `path` (its directory's node created); the first of a name wins.
    node& add_attribute(std::string_view path, Entry e) {
        auto const slash = path.rfind('/');
        node& n = at(slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash + 1));
        std::string_view const name = slash == std::string_view::npos ? path : path.substr(slash + 1);
        if (!n.attribute(name)) n.attributes.emplace_back(name, std::move(e));
        return n;
    }
    /// Marks every directory of `path` ("a/", "a/b/") as a readable child element.
    void mark_readable(std::string_view path) {
        for (std::size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
            at(path.substr(0, slash + 1)).readable = true;
    }
    [[nodiscard]] node const& root() const noexcept { return nodes_.front(); }

private:
    std::deque<node> nodes_;
};

/// An attribute table (config_schema.hpp) as a tree of elements (node_tree).
template <class Root>
class table_index {
public:
    /// Per element: its presence markers (paths ending in '/'), in table order.
    struct extra {
        std::vector<field_def<Root> const*> markers;
    };
    using tree = node_tree<field_def<Root> const*, extra>;
    using node = typename tree::node;

    explicit table_index(std::span<field_def<Root> const> table) : table_(table) {
        for (auto const& f : table) {
            if (f.is_marker()) tree_.at(f.path).extra.markers.push_back(&f);
            else tree_.add_attribute(f.path, &f); // the first of a path, as a scan in table order finds
            // Every directory prefix of the path ("a/", "a/b/"): child elements with something to read.
            if (f.get) tree_.mark_readable(f.path);
        }
    }
    [[nodiscard]] std::span<field_def<Root> const> table() const noexcept { return table_; }
    [[nodiscard]] tree const& elements() const noexcept { return tree_; }
    /// The markers (paths ending in '/') at `path`, in table order.
    [[nodiscard]] std::span<field_def<Root> const* const> markers(std::string_view path) const {
        auto const* n = tree_.find(path);
        if (!n) return {};
        return n->extra.markers;
    }

private:
    std::span<field_def<Root> const> table_;
    tree tree_;
};

/// The index of a table of config_schema.hpp (built once, on first use).
template <auto const& Table>
auto const& index_of() {
    using root = typename std::remove_cvref_t<decltype(Table)>::value_type::root_type;
    static table_index<root> const index(Table);
    return index;
}

/// Enumeration names a binding's configuration element accepts where its .NET enum is narrower
/// than wsbind's shared one (BasicHttpMessageCredentialType, TcpClientCredentialType, the
/// per-binding security mode enums), from core's rule table (rules.hpp).
template <class Values>
std::string names_of(Values const& values) {
    std::string out;
    for (auto v : values) {
        if (!out.empty()) out += ", ";
        out.append(to_string(v));
    }
    return out;
}

inline std::string_view allowed_enum_names(binding_kind kind, std::string_view element, std::string_view path) {
    struct lists {
        std::string modes, message, transport;
    };
    static lists const per_kind[] = {
#define WSBIND_CONFIG_ALLOWED(k)                                                                                       \
    lists{names_of(allowed_security_modes(k)), names_of(allowed_message_credentials(k)),                               \
          names_of(allowed_transport_credentials(k))}
        WSBIND_CONFIG_ALLOWED(binding_kind::basic_http), WSBIND_CONFIG_ALLOWED(binding_kind::ws_http),
        WSBIND_CONFIG_ALLOWED(binding_kind::ws_2007_http), WSBIND_CONFIG_ALLOWED(binding_kind::ws_dual_http),
        WSBIND_CONFIG_ALLOWED(binding_kind::net_tcp), WSBIND_CONFIG_ALLOWED(binding_kind::custom)
#undef WSBIND_CONFIG_ALLOWED
    };
    if (!element.empty()) return {};
    auto const& l = per_kind[static_cast<std::size_t>(kind)];
    if (path == "security/mode") return l.modes;
    if (path == "security/message/clientCredentialType") return l.message;
    if (path == "security/transport/clientCredentialType") return l.transport;
    return {};
}

/// The binding schema of one binding type as trees of elements (node_tree), one per schema
/// element ("" for the binding, a customBinding element's name otherwise).
class schema_index {
public:
    /// A setting with its value spec (computed once: the names allowed in its place included).
    struct entry {
        setting const* s;
        value_spec spec;
    };
    /// Per element: the first non-optional setting under it, in schema order (what `touch`
    /// writes to create an optional group), or nullptr.
    struct extra {
        setting const* first = nullptr;
    };
    using tree = node_tree<entry, extra>;
    using node = typename tree::node;

    explicit schema_index(binding_kind kind) {
        for (auto const& s : binding_schema(kind)) {
            auto& e = element(s.element);
            value_spec spec = spec_of(s);
            spec.allowed_names = allowed_enum_names(kind, s.element, s.path);
            e.elements.add_attribute(s.path, entry{&s, spec});
            e.elements.mark_readable(s.path);
            // Every directory prefix of the path ("security/", "security/message/").
            for (std::size_t slash = s.path.find('/'); slash != std::string_view::npos; slash = s.path.find('/', slash + 1)) {
                auto& n = e.elements.at(s.path.substr(0, slash + 1));
                if (!n.extra.first && !s.optional) n.extra.first = &s;
            }
        }
    }
    /// The tree of schema element `element`, or nullptr.
    [[nodiscard]] tree const* elements(std::string_view element) const noexcept {
        for (auto const& e : elements_)
            if (e.name == element) return &e.elements;
        return nullptr;
    }
    [[nodiscard]] setting const* find(std::string_view element, std::string_view path) const {
        auto const* t = elements(element);
        if (!t) return nullptr;
        auto const slash = path.rfind('/');
        auto const* n = t->find(slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash + 1));
        auto const* e = n ? n->attribute(slash == std::string_view::npos ? path : path.substr(slash + 1)) : nullptr;
        return e ? e->s : nullptr;
    }

private:
    struct element_index {
        std::string_view name;
        schema_index::tree elements;
    };
    element_index& element(std::string_view name) {
        for (auto& e : elements_)
            if (e.name == name) return e;
        return elements_.emplace_back(element_index{name, {}});
    }
    std::deque<element_index> elements_; ///< a deque: the trees' nodes point to each other
};

inline schema_index const& index_for(binding_kind kind) {
    static schema_index const indexes[] = {
        schema_index(binding_kind::basic_http), schema_index(binding_kind::ws_http), schema_index(binding_kind::ws_2007_http),
        schema_index(binding_kind::ws_dual_http), schema_index(binding_kind::net_tcp), schema_index(binding_kind::custom)};
    return indexes[static_cast<std::size_t>(kind)];
}

/// Presence of the optional groups of a customBinding `<security>` element (applied as a whole
/// when present): the reader creates them on sight; the writer must emit them when present.
inline bool security_group_present(binding_description const& d, std::string_view prefix) noexcept {
    auto const& s = d.security_element;
    if (prefix == "localClientSettings/") return s.local_client.has_value();
    if (prefix == "localServiceSettings/") return s.local_service.has_value();
    if (prefix == "secureConversationBootstrap/") return s.secure_conversation_bootstrap.has_value();
    if (prefix == "secureConversationBootstrap/localClientSettings/")
        return s.secure_conversation_bootstrap && s.secure_conversation_bootstrap->local_client.has_value();
    if (prefix == "secureConversationBootstrap/localServiceSettings/")
        return s.secure_conversation_bootstrap && s.secure_conversation_bootstrap->local_service.has_value();
    return false;
}

inline std::string join(std::vector<std::string> const& names) {
    std::string out;
    for (auto const& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

/// `element[@attribute='value']`.
inline std::string keyed(std::string_view element, std::string_view attribute, std::string_view value) {
    return concat({element, "[@", attribute, "='", value, "']"});
}

/// `parent/name`.
inline std::string sub_path(std::string_view parent, std::string_view name) { return concat({parent, "/", name}); }


/// Reads one document into a configuration.
class reader {
public:
    reader(document const& doc, configuration& out, diagnostics& diags, read_options const& options)
        : doc_(doc), cfg_(out), diags_(diags), options_(options) {}

    void run() {
        pugi::xml_node root = doc_.root();
        if (!root) return;
        std::string_view const name = root.name();
        if (name == "configuration") {
            // The section group may be written more than once; each section inside it only once
            // (.NET scans the sections of every <system.serviceModel> element into one group).
            std::vector<pugi::xml_node> groups;
            for (auto child : root.children("system.serviceModel")) groups.push_back(child);
            if (groups.empty()) {
                report(severity::warning, root, "configuration",
                       "The file has no <system.serviceModel> section: there is nothing for WCF to read.", {}, {},
                       "wsbind_no_service_model");
                return;
            }
            read_service_model(groups);
        } else if (name == "system.serviceModel") {
            read_service_model({root});
        } else if (options_.allow_fragment) {
            cfg_.has_service_model = true;
            read_fragment(root);
        } else {
            report(severity::error, root, std::string(name),
                   "The root element is <" + std::string(name) +
                       ">; a configuration file's root element must be <configuration> (or <system.serviceModel>).",
                   std::string(name), "configuration", "Config_file_doesnt_have_root_configuration");
        }
    }

private:
    /// Names already seen among an element's children (few: no allocation below 16).
    struct seen_names {
        // Plain pointers and sizes: nothing to initialise for the first 16 (one per element read).
        std::array<char const*, 16> data;
        std::array<std::size_t, 16> size;
        std::size_t count = 0;
        std::vector<std::string_view> more;
        bool insert(std::string_view n) {
            for (std::size_t i = 0; i < count; ++i)
                if (std::string_view(data[i], size[i]) == n) return false;
            for (auto const& m : more)
                if (m == n) return false;
            if (count < data.size()) {
                data[count] = n.data();
                size[count] = n.size();
                ++count;
            } else {
                more.push_back(n);
            }
            return true;
        }
    };

    // ---- diagnostics ------------------------------------------------------------------------

    void report(severity sev, source_position pos, std::string path, std::string message, std::string value,
                std::string allowed, std::string code) {
        diagnostic d;
        d.severity = sev;
        d.file = doc_.name();
        d.position = pos;
        d.path = std::move(path);
        d.message = std::move(message);
        d.value = std::move(value);
        d.allowed = std::move(allowed);
        d.code = std::move(code);
        diags_.add(std::move(d));
    }
    void report(severity sev, pugi::xml_node n, std::string path, std::string message, std::string value,
                std::string allowed, std::string code) {
        report(sev, doc_.position_of(n), std::move(path), std::move(message), std::move(value), std::move(allowed), std::move(code));
    }

    origin origin_of(pugi::xml_node n) const { return {doc_.offset_of(n), {}}; }

    /// A string builder of the current nesting depth, reused from item to item (no allocation
    /// once warm): item paths are built here, the model does not keep them.
    class builder_scope {
    public:
        explicit builder_scope(reader& r) : r_(r) {
            if (r.builders_.size() < r.builder_depth_ + 1) r.builders_.resize(r.builder_depth_ + 1);
            s_ = &r.builders_[r.builder_depth_++];
        }
        builder_scope(builder_scope const&) = delete;
        builder_scope& operator=(builder_scope const&) = delete;
        ~builder_scope() { --r_.builder_depth_; }
        /// `parent/name` in the builder.
        std::string& sub_path(std::string_view parent, std::string_view name) { return write({parent, "/", name}); }
        /// `parent/element[@attribute='value']` in the builder.
        std::string const& child_path(std::string_view parent, std::string_view element, std::string_view attribute,
                                      std::string_view value) {
            return write({parent, "/", element, "[@", attribute, "='", value, "']"});
        }

    private:
        /// The builder holding `parts` end to end: one size for all (no reallocation once warm).
        std::string& write(std::initializer_list<std::string_view> parts) {
            std::string& p = *s_;
            std::size_t n = 0;
            for (auto part : parts) {
                // A part inside the builder itself would move under resize: build a copy (never happens in the reader).
                if (!p.empty() && part.data() >= p.data() && part.data() < p.data() + p.size()) return p = detail::concat(parts);
                n += part.size();
            }
            p.resize(n);
            char* out = p.data();
            for (auto part : parts) {
                std::char_traits<char>::copy(out, part.data(), part.size());
                out += part.size();
            }
            return p;
        }

        reader& r_;
        std::string* s_;
    };

    static bool valid_uri(std::string_view value) {
        std::string why;
        return is_valid_uri(value, why);
    }

    void unrecognized_attribute(pugi::xml_attribute a, std::string const& path, std::string allowed) {
        report(severity::error, doc_.position_of(a), path + "/@" + a.name(),
               std::string("Unrecognized attribute '") + a.name() + "'. Note that attribute names are case-sensitive.",
               a.value(), std::move(allowed), "Config_base_unrecognized_attribute");
    }

    void unrecognized_element(pugi::xml_node n, std::string const& path, std::string allowed) {
        report(severity::error, n, path + "/" + n.name(), std::string("Unrecognized element '") + n.name() + "'.", n.name(),
               std::move(allowed), "Config_base_unrecognized_element_name");
    }

    void bad_value(pugi::xml_attribute a, std::string const& path, parsed_value const& r) {
        report(severity::error, doc_.position_of_value(a), path + "/@" + a.name(), r.message, a.value(), r.allowed, r.code);
    }

    void unmodelled(pugi::xml_node n, std::string const& path, std::string message) {
        report(severity::warning, n, path, std::move(message), n.name(), {}, "wsbind_unmodelled");
    }

    /// Text or CDATA inside a configuration element is an error in .NET.
    void check_no_text(pugi::xml_node node, std::string const& path) {
        // text() finds the first text or CDATA child inside pugixml: most elements have none.
        if (!node.text()) return;
        for (auto c : node.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                std::string_view v = c.value();
                if (detail::trim(v).empty()) continue;
                report(severity::error, doc_.position_of(c), path,
                       std::string("The configuration section cannot contain a CDATA or text element (in <") + node.name() + ">).",
                       std::string(v.substr(0, 64)), "no text content", "Config_base_section_invalid_content");
                return;
            }
        }
    }

    /// Attributes of an element that has none but the lock attributes.
    void no_attributes(pugi::xml_node node, std::string const& path) {
        for (auto a : node.attributes())
            if (!is_lock_attribute(a.name()) && std::string_view(a.name()) != "xmlns") unrecognized_attribute(a, path, "none");
    }

    /// A second child element of the same name (`seen` holds names already read).
    bool repeated(pugi::xml_node child, seen_names& seen, std::string const& path) {
        std::string_view const n = child.name();
        if (!seen.insert(n)) {
            report(severity::error, child, path + "/" + child.name(),
                   "The element <" + std::string(n) + "> may only appear once in this section.", std::string(n), {},
                   "Config_base_element_cannot_have_multiple_child_elements");
            return true;
        }
        return false;
    }

    // ---- the section group ------------------------------------------------------------------

    void read_service_model(std::vector<pugi::xml_node> const& groups) {
        cfg_.has_service_model = true;
        std::string const path = "system.serviceModel";
        for (auto sm : groups) {
            no_attributes(sm, path);
            check_no_text(sm, path);
        }
        // <extensions> first: it registers names used by the other sections.
        for (auto sm : groups)
            for (auto child : sm.children("extensions")) read_extensions(child, path + "/extensions");
        seen_names seen;
        for (auto sm : groups)
        for (auto child : sm.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view const n = child.name();
            std::string const cpath = sub_path(path, n);
            if (!seen.insert(n)) {
                report(severity::error, child, cpath, "Sections must only appear once per config file.", std::string(n), {},
                       "Config_sections_must_be_unique");
                continue;
            }
            if (child.attribute("configSource")) {
                report(severity::warning, doc_.position_of(child.attribute("configSource")), cpath + "/@configSource",
                       "The section is read from another file (configSource), which wsbind does not follow; its content is "
                       "kept unmodelled.",
                       child.attribute("configSource").value(), {}, "wsbind_config_source");
                cfg_.unmodelled_sections.push_back({std::string(n), raw_xml(child), origin_of(child), {}});
                continue;
            }
            if (n == "bindings") read_bindings(child, cpath);
            else if (n == "behaviors") read_behaviors(child, cpath);
            else if (n == "services") read_services(child, cpath);
            else if (n == "client") read_client(child, cpath);
            else if (n == "extensions") cfg_.unmodelled_sections.push_back({std::string(n), raw_xml(child), origin_of(child), {}});
            else if (contains(known_service_model_sections, n)) {
                unmodelled(child, cpath, "The section <" + std::string(n) + "> is not modelled by wsbind; it is kept as written.");
                cfg_.unmodelled_sections.push_back({std::string(n), raw_xml(child), origin_of(child), {}});
            } else {
                report(severity::error, child, cpath, "Unrecognized configuration section " + cpath + ".", std::string(n),
                       "bindings, behaviors, services, client, extensions, protocolMapping, diagnostics, "
                       "serviceHostingEnvironment, standardEndpoints, commonBehaviors, comContracts, machineSettings, routing",
                       "Config_unrecognized_configuration_section");
            }
        }
    }

    void read_fragment(pugi::xml_node root) {
        std::string_view const n = root.name();
        std::string const base = "system.serviceModel";
        if (n == "bindings") read_bindings(root, base + "/bindings");
        else if (n == "behaviors") read_behaviors(root, base + "/behaviors");
        else if (n == "services") read_services(root, base + "/services");
        else if (n == "client") read_client(root, base + "/client");
        else if (n == "serviceBehaviors") read_behavior_collection(root, base + "/behaviors/serviceBehaviors", behavior_kind::service);
        else if (n == "endpointBehaviors") read_behavior_collection(root, base + "/behaviors/endpointBehaviors", behavior_kind::endpoint);
        else if (enum_from_string<binding_kind>(n) || contains(known_binding_sections, n)) read_binding_section(root, base + "/bindings/" + root.name());
        else
            report(severity::error, root, std::string(n),
                   "The fragment's root element <" + std::string(n) +
                       "> is not a part of <system.serviceModel> wsbind can read on its own.",
                   std::string(n), "configuration, system.serviceModel, bindings, behaviors, services, client, a binding section",
                   "wsbind_bad_fragment");
    }

    void read_extensions(pugi::xml_node ext, std::string const& path) {
        no_attributes(ext, path);
        check_no_text(ext, path);
        seen_names seen;
        for (auto c : ext.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string const cpath = sub_path(path, c.name());
            if (repeated(c, seen, path)) continue;
            std::vector<std::string>* names = nullptr;
            std::string_view const n = c.name();
            if (n == "bindingExtensions") names = &cfg_.extensions.binding_extensions;
            else if (n == "bindingElementExtensions") names = &cfg_.extensions.binding_element_extensions;
            else if (n == "behaviorExtensions") names = &cfg_.extensions.behavior_extensions;
            else if (n == "endpointExtensions") names = &cfg_.extensions.endpoint_extensions;
            else {
                unrecognized_element(c, path, "bindingExtensions, bindingElementExtensions, behaviorExtensions, endpointExtensions");
                continue;
            }
            no_attributes(c, cpath);
            for (auto item : c.children()) {
                if (item.type() != pugi::node_element) continue;
                std::string_view const in = item.name();
                if (in == "clear") { names->clear(); continue; }
                std::string const name = item.attribute("name").value();
                if (in == "remove") { std::erase(*names, name); continue; }
                if (in != "add") { unrecognized_element(item, cpath, "add, remove, clear"); continue; }
                if (!item.attribute("name")) {
                    report(severity::error, item, cpath + "/add", "The required attribute 'name' was not found.", {}, "a name",
                           "Config_base_required_attribute_missing");
                    continue;
                }
                if (std::find(names->begin(), names->end(), name) != names->end()) {
                    report(severity::error, item, cpath + "/" + keyed("add", "name", name),
                           "The extension name '" + name + "' is registered more than once in the same configuration scope.",
                           name, {}, "ConfigDuplicateKeyAtSameScope");
                    continue;
                }
                names->push_back(name);
            }
        }
        if (!cfg_.extensions.binding_extensions.empty() || !cfg_.extensions.binding_element_extensions.empty() ||
            !cfg_.extensions.behavior_extensions.empty() || !cfg_.extensions.endpoint_extensions.empty())
            unmodelled(ext, path,
                       "The file registers its own extensions (custom .NET types); wsbind knows their names but does not model "
                       "them.");
    }

    bool registered(std::vector<std::string> const& names, std::string_view n) const {
        return std::find(names.begin(), names.end(), n) != names.end();
    }

    // ---- collections (AddRemoveClearMap) --------------------------------------------------------

    /// Reads the items of an add/remove/clear collection. `read_item(child, item_path)` returns the
    /// item or nothing; `key_of(item)` its key; `remove_keys` the key attribute names.
    template <class Item, class ReadItem, class KeyOf, class PathOf>
    void read_collection(pugi::xml_node node, std::string const& path, std::string_view add_name, std::vector<Item>& items,
                         std::initializer_list<std::string_view> remove_keys, ReadItem&& read_item, KeyOf&& key_of,
                         PathOf&& item_path, bool allow_clear_remove = true, std::size_t first = 0,
                         std::initializer_list<std::string_view> other_children = {}) {
        std::size_t adds = 0;
        std::string const add_name_z(add_name); // the range keeps the pointer: keep the string alive
        for (auto child : node.children(add_name_z.c_str())) { (void)child; ++adds; }
        items.reserve(items.size() + adds);
        // Keys of the items this collection holds (from `first`), for duplicate detection in O(1).
        std::hash<std::string_view> const hash;
        key_set keys(items.size() - first + adds);
        auto const index_keys = [&] {
            keys.clear();
            for (std::size_t i = first; i < items.size(); ++i) keys.insert(hash(key_of(items[i])), i);
        };
        index_keys();
        for (auto child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view const n = child.name();
            if (std::find(other_children.begin(), other_children.end(), n) != other_children.end()) continue;
            if (allow_clear_remove && n == "clear") {
                no_attributes(child, path + "/clear");
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(first), items.end());
                keys.clear();
                continue;
            }
            if (allow_clear_remove && n == "remove") {
                std::string const rpath = path + "/remove";
                for (auto a : child.attributes()) {
                    std::string_view an = a.name();
                    if (is_lock_attribute(an)) continue;
                    if (std::find(remove_keys.begin(), remove_keys.end(), an) == remove_keys.end()) {
                        std::vector<std::string> k(remove_keys.begin(), remove_keys.end());
                        unrecognized_attribute(a, rpath, join(k));
                    }
                }
                Item probe{};
                if (auto it = read_item(child, rpath, true)) probe = std::move(*it);
                auto const& k = key_of(probe); // a reference when key_of gives one: no copy
                if (keys.find(hash(k), [&](std::size_t i) { return key_of(items[i]) == k; }) != key_set::npos) {
                    items.erase(std::remove_if(items.begin() + static_cast<std::ptrdiff_t>(first), items.end(),
                                               [&](Item const& i) { return key_of(i) == k; }),
                                items.end());
                    index_keys(); // the items after the removed one moved
                }
                continue;
            }
            if (n != add_name) {
                unrecognized_element(child, path, allow_clear_remove ? std::string(add_name) + ", remove, clear" : std::string(add_name));
                continue;
            }
            auto item = read_item(child, path, false);
            if (!item) continue;
            auto const& k = key_of(*item);
            std::size_t const h = hash(k);
            if (keys.find(h, [&](std::size_t i) { return key_of(items[i]) == k; }) != key_set::npos) {
                report(severity::error, child, path + "/" + item_path(*item),
                       "A child element named '" + std::string(add_name) +
                           "' with same key already exists at the same configuration scope. Collection elements must be "
                           "unique within the same configuration scope (e.g. the same application.config file). Duplicate "
                           "key value: '" +
                           describe_key(k) + "'.",
                       describe_key(k), {}, "ConfigDuplicateKeyAtSameScope");
                continue;
            }
            keys.insert(h, items.size());
            items.push_back(std::move(*item));
        }
    }

    static std::string describe_key(std::string const& k) { return k; }

    // ---- generic element reading --------------------------------------------------------------

    /// Reads `node` (an element at relative path `prefix`, "" for the root element) through a
    /// lookup that knows the element's attributes and children (its table's elements).
    template <class Lookup>
    void read_element(pugi::xml_node node, std::string_view prefix, std::string_view path, Lookup& lk) {
        auto const* at = lk.elements().find(prefix);
        if (!at) return;
        // Builders reused from element to element (a deque: nested reads never move them).
        if (builders_.size() < builder_depth_ + 2) builders_.resize(builder_depth_ + 2);
        std::string& p = builders_[builder_depth_];
        std::string& scratch = builders_[builder_depth_ + 1];
        builder_depth_ += 2;
        p.assign(path);
        read_element_in(node, *at, p, scratch, lk);
        builder_depth_ -= 2;
    }

    /// read_element at the table element `at`, with `path` as a builder: children append to it
    /// and restore it. `scratch` builds the relative path of children the table does not have.
    template <class Lookup, class Node>
    void read_element_in(pugi::xml_node node, Node const& at, std::string& path, std::string& scratch, Lookup& lk) {
        lk.touch(at);
        for (auto a = node.first_attribute(); a; a = a.next_attribute()) {
            std::string_view const an = a.name();
            if (is_lock_attribute(an)) continue;
            if (lk.is_key(at, an)) continue;
            if (auto const* e = at.attribute(an)) {
                value_spec const& spec = lk.spec(*e);
                std::string_view const value = a.value();
                current_attribute = a;
                current_value = value.data();
                setting_value plain;
                if (spec.kind == value_kind::string && (!spec.uri || valid_uri(value)) && lk.set_string(*e, value)) {
                    // Stored as written: a string (a valid URI where one is needed) has nothing more to check.
                } else if (parse_plain_value(spec, value, plain)) {
                    lk.set(*e, plain);
                } else if (auto r = parse_value(spec, value, an); !r) {
                    bad_value(a, path, r);
                } else {
                    lk.set(*e, r.value);
                }
            } else {
                unrecognized_attribute(a, path, lk.attribute_names(at.prefix));
            }
        }
        check_no_text(node, path);
        seen_names seen;
        for (auto child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view const name = child.name();
            Node const* next = at.child(name);
            std::string const* cprefix = next ? &next->prefix : nullptr;
            if (!next) {
                scratch.assign(at.prefix);
                scratch.append(name);
                scratch += '/';
                cprefix = &scratch;
            }
            std::size_t const path_mark = path.size();
            path += '/';
            path.append(name);
            if (lk.special(*this, child, *cprefix, path)) {
            } else if (!seen.insert(name)) {
                path.erase(path_mark);
                report(severity::error, child, path + "/" + std::string(name),
                       "The element <" + std::string(name) + "> may only appear once in this section.", std::string(name), {},
                       "Config_base_element_cannot_have_multiple_child_elements");
            } else if (next) {
                read_element_in(child, *next, path, scratch, lk);
            } else if (lk.known_unmodelled(*cprefix)) {
                unmodelled(child, path, "The element <" + std::string(name) + "> is not modelled by wsbind; it is kept as written.");
                lk.keep(child, at.prefix, raw_xml(child), origin_of(child));
            } else {
                path.erase(path_mark);
                unrecognized_element(child, path, lk.child_names(at.prefix));
            }
            path.erase(path_mark);
        }
    }

    /// Names directly under `prefix` in a list of paths: attributes or child elements.
    template <class Paths>
    static std::string names_under(Paths const& paths, std::string_view prefix, bool elements) {
        std::vector<std::string> out;
        for (std::string_view p : paths) {
            if (!starts_with(p, prefix)) continue;
            std::string_view rest = p.substr(prefix.size());
            auto slash = rest.find('/');
            std::string name;
            if (elements) {
                if (slash == std::string_view::npos) continue;
                name = std::string(rest.substr(0, slash));
            } else {
                if (slash != std::string_view::npos || rest.empty()) continue;
                name = std::string(rest);
            }
            if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
        }
        return out.empty() ? std::string("none") : join(out);
    }

    // ---- bindings ---------------------------------------------------------------------------------

    struct binding_lookup {
        reader& r;
        schema_index const& idx;
        binding_kind kind;
        std::string_view element;
        binding_config& b;

        /// The tree of this lookup's schema element (every element of a binding type's schema has one).
        schema_index::tree const& elements() const { return *idx.elements(element); }
        bool is_key(schema_index::node const& at, std::string_view an) const {
            return at.prefix.empty() && element.empty() && an == "name";
        }
        value_spec const& spec(schema_index::entry const& e) const { return e.spec; }
        void set(schema_index::entry const& e, setting_value const& v) const {
            apply(*e.s, b.description, v); // readerQuotas: 0 keeps the default
            b.positions.emplace_back(e.s, r.current_offset());
        }
        bool set_string(schema_index::entry const&, std::string_view) const { return false; } // descriptions hold text

        void touch(schema_index::node const& at) const {
            if (setting const* first = at.extra.first) first->set(b.description, first->get(b.description));
        }
        std::string paths_text(std::string const& prefix, bool elements) const {
            std::vector<std::string_view> paths;
            for (auto const& s : binding_schema(kind))
                if (s.element == element) paths.push_back(s.path);
            return names_under(paths, prefix, elements);
        }
        std::string attribute_names(std::string const& prefix) const {
            std::string n = paths_text(prefix, false);
            if (prefix.empty() && element.empty()) n = n == "none" ? "name" : "name, " + n;
            return n;
        }
        std::string child_names(std::string const& prefix) const { return paths_text(prefix, true); }
        bool special(reader& rd, pugi::xml_node child, std::string const& cprefix, std::string const& cpath) const {
            // <customServiceNames><add name="..."/></customServiceNames>: the setting is the list.
            if (ends_with(cprefix, "extendedProtectionPolicy/customServiceNames/")) {
                std::string const rel = cprefix.substr(0, cprefix.size() - 1);
                setting const* s = idx.find(element, rel);
                if (!s) return false;
                struct name_item { std::string name; };
                std::vector<name_item> names;
                rd.no_attributes(child, cpath);
                rd.read_collection(
                    child, cpath, "add", names, {"name"},
                    [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<name_item> {
                        auto a = item.attribute("name");
                        for (auto x : item.attributes()) {
                            std::string_view xn = x.name();
                            if (!for_remove && xn != "name" && !is_lock_attribute(xn)) rd.unrecognized_attribute(x, ipath + "/add", "name");
                        }
                        if (!a) {
                            rd.report(severity::error, item, ipath + "/" + item.name(), "The required attribute 'name' was not found.",
                                      {}, "a service principal name", "Config_base_required_attribute_missing");
                            return std::nullopt;
                        }
                        return name_item{a.value()};
                    },
                    [](name_item const& i) -> std::string const& { return i.name; }, [](name_item const& i) { return keyed("add", "name", i.name); });
                std::string joined;
                for (auto const& n : names) {
                    if (!joined.empty()) joined += ';';
                    joined += n.name;
                }
                s->set(b.description, setting_value{0, text(joined)});
                return true;
            }
            return false;
        }
        bool known_unmodelled(std::string const& cprefix) const {
            for (std::string_view suffix : {"issuer/headers/", "issuer/identity/", "issuedTokenParameters/issuerMetadata/",
                                            "issuedTokenParameters/claimTypeRequirements/",
                                            "issuedTokenParameters/additionalRequestParameters/", "webSocketSettings/",
                                            "messageHandlerFactory/"})
                if (ends_with(cprefix, suffix)) return true;
            return false;
        }
        void keep(pugi::xml_node child, std::string const& prefix, std::string xml, origin o) const {
            b.fully_modelled = false;
            std::string parent(element);
            if (!prefix.empty()) {
                if (!parent.empty()) parent += '/';
                parent += prefix.substr(0, prefix.size() - 1);
            }
            b.unmodelled.push_back({child.name(), std::move(xml), std::move(o), std::move(parent)});
        }
    };

    /// How many `<name>` elements the children of `node` hold (to reserve the model's vectors once).
    static std::size_t count_grandchildren(pugi::xml_node node, char const* name) {
        std::size_t count = 0;
        for (auto c : node.children())
            for (auto g : c.children(name)) { (void)g; ++count; }
        return count;
    }

    void read_bindings(pugi::xml_node node, std::string const& path) {
        no_attributes(node, path);
        check_no_text(node, path);
        cfg_.bindings.reserve(cfg_.bindings.size() + count_grandchildren(node, "binding"));
        seen_names seen;
        for (auto section : node.children()) {
            if (section.type() != pugi::node_element) continue;
            if (repeated(section, seen, path)) continue;
            read_binding_section(section, sub_path(path, section.name()));
        }
    }

    void read_binding_section(pugi::xml_node section, std::string const& path) {
        std::string_view const n = section.name();
        auto const kind = enum_from_string<binding_kind>(n);
        bool const known = kind || contains(known_binding_sections, n) || registered(cfg_.extensions.binding_extensions, n);
        if (!known) {
            report(severity::error, section, path,
                   "Configuration binding extension '" + path +
                       "' could not be found. Verify that this binding extension is properly registered in "
                       "system.serviceModel/extensions/bindingExtensions and that it is spelled correctly.",
                   std::string(n), "a binding type WCF knows or the file registers", "ConfigBindingExtensionNotFound");
            return;
        }
        no_attributes(section, path);
        check_no_text(section, path);
        std::size_t const first = cfg_.bindings.size();
        std::string const section_name(n);
        read_collection(
            section, path, "binding", cfg_.bindings, {"name"},
            [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<binding_config> {
                std::optional<binding_config> out; // returned as is: no move out of a local
                binding_config& b = out.emplace();
                b.section = section_name;
                b.name = item.attribute("name").value();
                if (for_remove) return out;
                b.positions.reserve(16); // most bindings set fewer: one allocation
                b.origin.offset = doc_.offset_of(item);
                builder_scope scope(*this);
                std::string const& bpath = scope.child_path(ipath, "binding", "name", b.name);
                if (kind) {
                    b.kind = *kind;
                    b.description = default_description(*kind);
                    b.description.name = text(b.name);
                    if (*kind == binding_kind::custom) read_custom_binding(item, bpath, b);
                    else {
                        binding_lookup lk{*this, index_for(*kind), *kind, {}, b};
                        read_element(item, {}, bpath, lk);
                    }
                } else {
                    b.fully_modelled = false;
                    b.unmodelled.push_back({"binding", raw_xml(item), b.origin, {}});
                    unmodelled(item, bpath,
                               "The binding type " + section_name + " is not modelled by wsbind; binding '" + b.name +
                                   "' is kept as written.");
                }
                return out;
            },
            [&](binding_config const& b) { return b.section == section_name ? b.name : std::string("\x01") + b.section + b.name; },
            [](binding_config const& b) { return keyed("binding", "name", b.name); }, true, first);
    }

    void read_custom_binding(pugi::xml_node node, std::string const& path, binding_config& b) {
        auto& d = b.description;
        schema_index const& idx = index_for(binding_kind::custom);
        binding_lookup root{*this, idx, binding_kind::custom, {}, b};
        for (auto a : node.attributes()) {
            std::string_view const an = a.name();
            if (is_lock_attribute(an) || an == "name") continue;
            if (auto const* s = idx.find({}, an)) {
                auto r = parse_value(spec_of(*s), a.value(), an);
                if (!r) bad_value(a, path, r);
                else {
                    apply(*s, d, r.value);
                    b.positions.emplace_back(s, doc_.offset_of_value(a));
                }
            } else {
                unrecognized_attribute(a, path, root.attribute_names({}));
            }
        }
        check_no_text(node, path);
        std::string transport, encoder, upgrade;
        b.element_order.reserve(6);
        seen_names seen;
        builder_scope scope(*this);
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            std::string_view const n = child.name();
            std::string const& cpath = scope.sub_path(path, n);
            auto const modelled = enum_from_string<custom_element>(n);
            auto const* known = find_binding_element(n);
            bool const ext = registered(cfg_.extensions.binding_element_extensions, n);
            if (!modelled && !known && !ext) {
                report(severity::error, child, cpath,
                       "Invalid element in configuration. The extension name '" + std::string(n) +
                           "' is not registered in the collection at system.serviceModel/extensions/bindingElementExtensions.",
                       std::string(n), "a binding element WCF knows or the file registers", "ConfigInvalidExtensionElementName");
                continue;
            }
            if (!seen.insert(n)) {
                report(severity::error, child, cpath,
                       "The binding element <" + std::string(n) + "> appears more than once in this binding.", std::string(n),
                       {}, "ConfigDuplicateItem");
                continue;
            }
            // At most one transport, one message encoder, one stream upgrade (CustomBindingElement).
            auto const category = known ? known->category : binding_element_category::other;
            auto one_of = [&](std::string& slot, char const* what, char const* code) {
                if (!slot.empty()) {
                    report(severity::error, child, cpath,
                           std::string("The binding already has a ") + what + " element <" + slot + ">; <" + std::string(n) +
                               "> cannot be added: a binding holds only one.",
                           std::string(n), {}, code);
                    return false;
                }
                slot = std::string(n);
                return true;
            };
            if (category == binding_element_category::transport && !one_of(transport, "transport", "ConfigTransportAlreadyInBinding")) continue;
            if (category == binding_element_category::encoder && !one_of(encoder, "message encoding", "ConfigMessageEncodingAlreadyInBinding")) continue;
            if (category == binding_element_category::stream_upgrade && !one_of(upgrade, "stream upgrade", "ConfigStreamUpgradeElementAlreadyInBinding")) continue;
            b.element_order.emplace_back(n);
            if (modelled) {
                if (!d.stack.push_back(*modelled)) {
                    report(severity::error, child, cpath, "The binding has more elements than wsbind's custom stack holds.",
                           std::string(n), {}, "wsbind_custom_stack_full");
                    continue;
                }
                binding_lookup lk{*this, idx, binding_kind::custom, n, b};
                read_element(child, {}, cpath, lk);
                // <secureConversationBootstrap> is a configuration property of <security>: when it
                // is not written, WCF uses a default one (SspiNegotiated), never "no bootstrap"
                // (SecurityElement.SecureConversationBootstrap is never null).
                if (*modelled == custom_element::security && d.security_element.mode == authentication_mode::secure_conversation &&
                    !d.security_element.secure_conversation_bootstrap)
                    d.security_element.secure_conversation_bootstrap.emplace();
            } else {
                b.fully_modelled = false;
                b.unmodelled.push_back({std::string(n), raw_xml(child), origin_of(child), {}});
                unmodelled(child, cpath,
                           "The binding element <" + std::string(n) + "> is not modelled by wsbind; binding '" + b.name +
                               "' is kept but will not be resolved to a wsbind binding.");
            }
        }
    }

    // ---- behaviors --------------------------------------------------------------------------------

    template <class Root>
    struct table_lookup {
        reader& r;
        table_index<Root> const& index;
        Root& root;
        behavior_config* owner = nullptr; ///< where unmodelled children are kept
        std::span<std::string_view const> unmodelled_children{};
        std::string_view root_name{};
        origin* positions = nullptr;      ///< records where root attributes were written

        using node = typename table_index<Root>::node;
        typename table_index<Root>::tree const& elements() const { return index.elements(); }
        bool is_key(node const&, std::string_view) const { return false; }
        value_spec const& spec(field_def<Root> const* f) const { return f->spec; }
        void set(field_def<Root> const* f, setting_value const& v) const { set(*f, v); }
        bool set_string(field_def<Root> const* f, std::string_view v) const { return set_string(*f, v); }
        void set(field_def<Root> const& f, setting_value const& v) const {
            f.set(root, v);
            if (positions) positions->attributes.emplace_back(f.path, r.current_offset());
        }
        bool set_string(field_def<Root> const& f, std::string_view v) const {
            if (!f.set_string) return false;
            f.set_string(root, v);
            if (positions) positions->attributes.emplace_back(f.path, r.current_offset());
            return true;
        }
        void touch(node const& at) const {
            for (auto const* f : at.extra.markers)
                if (f->set) f->set(root, setting_value{1, {}});
        }
        bool has_child(std::string const& cprefix) const {
            auto const* n = index.elements().find(cprefix);
            return n && n->readable;
        }
        std::string attribute_names(std::string const& prefix) const {
            std::vector<std::string_view> paths;
            for (auto const& f : index.table()) paths.push_back(f.path);
            return names_under(paths, prefix, false);
        }
        std::string child_names(std::string const& prefix) const {
            std::vector<std::string_view> paths;
            for (auto const& f : index.table()) paths.push_back(f.path);
            for (auto u : unmodelled_children) paths.push_back(u);
            return names_under(paths, prefix, true);
        }
        bool special(reader& rd, pugi::xml_node child, std::string const& cprefix, std::string const& cpath) const {
            for (auto const* f : index.markers(cprefix))
                if (!f->get) return rd.read_table_collection(root, child, cprefix, cpath);
            return false;
        }
        bool known_unmodelled(std::string const& cprefix) const {
            for (auto u : unmodelled_children)
                if (u == cprefix) return true;
            return false;
        }
        void keep(pugi::xml_node child, std::string const& prefix, std::string xml, origin o) const {
            std::string parent(root_name);
            if (!prefix.empty()) parent += "/" + prefix.substr(0, prefix.size() - 1);
            if (owner) owner->unmodelled.push_back({child.name(), std::move(xml), std::move(o), std::move(parent)});
        }
    };

    template <auto const& Table, class Item>
    std::optional<Item> read_table_item(pugi::xml_node item, std::string const& path, Item start) {
        Item out = std::move(start);
        table_lookup<Item> lk{*this, index_of<Table>(), out, nullptr, {}, {}, nullptr};
        read_element(item, {}, path, lk);
        for (auto const& f : Table) {
            if (f.required && !item.attribute(std::string(f.path).c_str())) {
                report(severity::error, item, path,
                       "The required attribute '" + std::string(f.path) + "' was not found.", {}, std::string(f.path),
                       "Config_base_required_attribute_missing");
                return std::nullopt;
            }
        }
        return out;
    }

    bool read_table_collection(service_credentials_config& sc, pugi::xml_node child, std::string const& cprefix,
                               std::string const& cpath) {
        no_attributes(child, cpath);
        check_no_text(child, cpath);
        if (cprefix == "issuedTokenAuthentication/knownCertificates/") {
            read_collection(
                child, cpath, "add", sc.issued_token_authentication.known_certificates,
                {"findValue", "storeLocation", "storeName", "x509FindType"},
                [&](pugi::xml_node item, std::string const& ipath, bool) {
                    return read_table_item<certificate_reference_schema>(item, ipath + "/add", certificate_reference_config{});
                },
                [](certificate_reference_config const& c) {
                    return c.find_value + "|" + std::string(to_string(c.location)) + "|" + std::string(to_string(c.name)) + "|" +
                           std::string(to_string(c.find_type));
                },
                [](certificate_reference_config const& c) { return keyed("add", "findValue", c.find_value); });
            return true;
        }
        if (cprefix == "issuedTokenAuthentication/allowedAudienceUris/") {
            struct uri_item { std::string uri; };
            std::vector<uri_item> items;
            read_collection(
                child, cpath, "add", items, {"allowedAudienceUri"},
                [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<uri_item> {
                    for (auto x : item.attributes()) {
                        std::string_view xn = x.name();
                        if (!for_remove && xn != "allowedAudienceUri" && !is_lock_attribute(xn))
                            unrecognized_attribute(x, ipath + "/add", "allowedAudienceUri");
                    }
                    auto a = item.attribute("allowedAudienceUri");
                    if (!a || std::string_view(a.value()).empty()) {
                        report(severity::error, item, ipath + "/add",
                               "The required attribute 'allowedAudienceUri' was not found (or is empty).", {}, "a URI",
                               "Config_base_required_attribute_missing");
                        return std::nullopt;
                    }
                    return uri_item{a.value()};
                },
                [](uri_item const& i) -> std::string const& { return i.uri; }, [](uri_item const& i) { return keyed("add", "allowedAudienceUri", i.uri); });
            for (auto& i : items) sc.issued_token_authentication.allowed_audience_uris.push_back(std::move(i.uri));
            return true;
        }
        return false;
    }

    bool read_table_collection(client_credentials_config& cc, pugi::xml_node child, std::string const& cprefix,
                               std::string const& cpath) {
        if (cprefix != "serviceCertificate/scopedCertificates/") return false;
        no_attributes(child, cpath);
        check_no_text(child, cpath);
        read_collection(
            child, cpath, "add", cc.scoped_service_certificates, {"targetUri"},
            [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<scoped_certificate_config> {
                if (for_remove) return scoped_certificate_config{item.attribute("targetUri").value(), {}};
                return read_table_item<scoped_certificate_schema>(item, ipath + "/add", scoped_certificate_config{});
            },
            [](scoped_certificate_config const& s) -> std::string const& { return s.target_uri; },
            [](scoped_certificate_config const& s) { return keyed("add", "targetUri", s.target_uri); });
        return true;
    }

    template <class Root>
    bool read_table_collection(Root&, pugi::xml_node, std::string const&, std::string const&) {
        return false;
    }

    void read_behaviors(pugi::xml_node node, std::string const& path) {
        no_attributes(node, path);
        check_no_text(node, path);
        cfg_.behaviors.reserve(cfg_.behaviors.size() + count_grandchildren(node, "behavior"));
        seen_names seen;
        for (auto c : node.children()) {
            if (c.type() != pugi::node_element) continue;
            if (repeated(c, seen, path)) continue;
            std::string_view const n = c.name();
            if (n == "serviceBehaviors") read_behavior_collection(c, path + "/serviceBehaviors", behavior_kind::service);
            else if (n == "endpointBehaviors") read_behavior_collection(c, path + "/endpointBehaviors", behavior_kind::endpoint);
            else unrecognized_element(c, path, "serviceBehaviors, endpointBehaviors");
        }
    }

    void read_behavior_collection(pugi::xml_node node, std::string const& path, behavior_kind kind) {
        no_attributes(node, path);
        check_no_text(node, path);
        // Behaviors of both kinds share cfg_.behaviors; this collection covers its own kind only
        // (those from `first` on: a collection element is read once, `repeated` sees to that).
        std::size_t const first = cfg_.behaviors.size();
        read_collection(
            node, path, "behavior", cfg_.behaviors, {"name"},
            [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<behavior_config> {
                std::optional<behavior_config> out; // returned as is: no move out of a local
                behavior_config& b = out.emplace();
                b.kind = kind;
                b.name = item.attribute("name").value();
                if (for_remove) return out;
                b.origin.offset = doc_.offset_of(item);
                builder_scope scope(*this);
                std::string const& bpath = scope.child_path(ipath, "behavior", "name", b.name);
                read_behavior(item, bpath, b);
                return out;
            },
            [](behavior_config const& b) -> std::string const& { return b.name; }, [](behavior_config const& b) { return keyed("behavior", "name", b.name); },
            true, first);
    }

    void read_behavior(pugi::xml_node node, std::string const& path, behavior_config& b) {
        for (auto a : node.attributes()) {
            std::string_view const an = a.name();
            if (an != "name" && !is_lock_attribute(an)) unrecognized_attribute(a, path, "name");
        }
        check_no_text(node, path);
        seen_names seen;
        static constexpr std::array<std::string_view, 2> service_unmodelled{{"peer/", "secureConversationAuthentication/securityContextClaimTypes/"}};
        static constexpr std::array<std::string_view, 2> client_unmodelled{{"issuedToken/", "peer/"}};
        builder_scope scope(*this);
        for (auto c : node.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view const n = c.name();
            std::string const& cpath = scope.sub_path(path, n);
            bool const known = contains(known_behavior_extensions, n) || registered(cfg_.extensions.behavior_extensions, n);
            if (!known) {
                report(severity::error, c, cpath,
                       "Invalid element in configuration. The extension name '" + std::string(n) +
                           "' is not registered in the collection at system.serviceModel/extensions/behaviorExtensions.",
                       std::string(n), "a behavior extension WCF knows or the file registers", "ConfigInvalidExtensionElementName");
                continue;
            }
            if (!seen.insert(n)) {
                report(severity::error, c, cpath, "The behavior extension <" + std::string(n) + "> appears more than once in this behavior.",
                       std::string(n), {}, "ConfigDuplicateItem");
                continue;
            }
            if (n == "serviceCredentials" || n == "clientCredentials") {
                bool const service_side = n == "serviceCredentials";
                if (service_side != (b.kind == behavior_kind::service)) {
                    report(severity::error, c, cpath,
                           "The behavior extension <" + std::string(n) + "> cannot be used in " +
                               (b.kind == behavior_kind::service ? "a service" : "an endpoint") + " behavior.",
                           std::string(n), service_side ? "serviceBehaviors" : "endpointBehaviors", "ConfigInvalidBehaviorType");
                    continue;
                }
                if (service_side) {
                    b.service_credentials.emplace();
                    table_lookup<service_credentials_config> lk{*this, index_of<service_credentials_schema>(), *b.service_credentials, &b,
                                                                service_unmodelled, "serviceCredentials", nullptr};
                    read_element(c, {}, cpath, lk);
                } else {
                    b.client_credentials.emplace();
                    table_lookup<client_credentials_config> lk{*this, index_of<client_credentials_schema>(), *b.client_credentials, &b,
                                                               client_unmodelled, "clientCredentials", nullptr};
                    read_element(c, {}, cpath, lk);
                }
                continue;
            }
            b.unmodelled.push_back({std::string(n), raw_xml(c), origin_of(c), {}});
            unmodelled(c, cpath, concat({"The behavior extension <", n, "> is not modelled by wsbind; it is kept as written."}));
        }
    }

    // ---- services and client -----------------------------------------------------------------------

    struct endpoint_lookup : table_lookup<endpoint_config> {
        bool special(reader& rd, pugi::xml_node child, std::string const& cprefix, std::string const& cpath) const {
            if (cprefix == "headers/") {
                if (root.headers) return false; // repeated: reported by the caller
                root.headers = unmodelled_element{"headers", raw_xml(child), rd.origin_of(child), {}};
                rd.unmodelled(child, cpath, "Endpoint <headers> are not modelled by wsbind; they are kept as written.");
                return true;
            }
            if (cprefix == "identity/") {
                rd.no_attributes(child, cpath);
                table_lookup<endpoint_config> ilk{rd, index_of<identity_schema>(), root, nullptr, {}, {}, nullptr};
                // identity children: read each through the identity table (paths start with identity/).
                rd.check_no_text(child, cpath);
                seen_names seen;
                builder_scope prefix_scope(rd), path_scope(rd);
                for (auto id : child.children()) {
                    if (id.type() != pugi::node_element) continue;
                    std::string_view const name = id.name();
                    std::string const& iprefix = prefix_scope.sub_path(std::string_view(cprefix).substr(0, cprefix.size() - 1), name) += '/';
                    std::string const& ipath = path_scope.sub_path(cpath, name);
                    if (rd.repeated(id, seen, cpath)) continue;
                    if (ilk.has_child(iprefix)) rd.read_element(id, iprefix, ipath, ilk);
                    else rd.unrecognized_element(id, cpath, ilk.child_names(cprefix));
                }
                return true;
            }
            return false;
        }
    };

    template <auto const& Table>
    std::optional<endpoint_config> read_endpoint(pugi::xml_node node, std::string const& path) {
        std::optional<endpoint_config> out; // returned as is: no move out of a local
        endpoint_config& e = out.emplace();
        endpoint_lookup lk{{*this, index_of<Table>(), e, nullptr, {}, {}, &e.origin}};
        std::string_view const name = node.attribute("name").value();
        std::string_view const contract = node.attribute("contract").value();
        e.origin.offset = doc_.offset_of(node);
        e.origin.attributes.reserve(8);
        builder_scope scope(*this);
        read_element(node, {}, !name.empty() ? scope.child_path(path, "endpoint", "name", name) : scope.child_path(path, "endpoint", "contract", contract), lk);
        return out;
    }

    static std::string upper(std::string s) {
        for (auto& c : s)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return s;
    }

    void read_services(pugi::xml_node node, std::string const& path) {
        no_attributes(node, path);
        check_no_text(node, path);
        read_collection(
            node, path, "service", cfg_.services, {"name"},
            [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<service_config> {
                std::optional<service_config> out; // returned as is: no move out of a local
                service_config& s = out.emplace();
                s.name = item.attribute("name").value();
                if (for_remove) return out;
                s.origin.offset = doc_.offset_of(item);
                s.origin.attributes.reserve(4);
                builder_scope scope(*this);
                std::string const& spath = scope.child_path(ipath, "service", "name", s.name);
                if (!item.attribute("name") || s.name.empty()) {
                    report(severity::error, item, spath,
                           item.attribute("name") ? "The value for the property 'name' is not valid. The error is: The string "
                                                    "must be at least 1 characters long."
                                                  : "The required attribute 'name' was not found.",
                           {}, "the service's configuration name", "Config_base_required_attribute_missing");
                    return std::nullopt;
                }
                read_service(item, spath, s);
                return out;
            },
            [](service_config const& s) -> std::string const& { return s.name; }, [](service_config const& s) { return keyed("service", "name", s.name); });
    }

    struct service_lookup : table_lookup<service_config> {
        bool special(reader& rd, pugi::xml_node child, std::string const& cprefix, std::string const& cpath) const {
            if (cprefix == "endpoint/" || cprefix == "clear/" || cprefix == "remove/") return true; // read by read_service
            if (cprefix == "host/baseAddresses/") {
                rd.no_attributes(child, cpath);
                rd.check_no_text(child, cpath);
                struct addr {
                    std::string value;
                    source_offset offset = unknown_offset; ///< of the value
                };
                std::vector<addr> items;
                rd.read_collection(
                    child, cpath, "add", items, {"baseAddress"},
                    [&](pugi::xml_node item, std::string const& ipath, bool) -> std::optional<addr> {
                        for (auto x : item.attributes()) {
                            std::string_view xn = x.name();
                            if (xn != "baseAddress" && !is_lock_attribute(xn)) rd.unrecognized_attribute(x, ipath + "/add", "baseAddress");
                        }
                        auto a = item.attribute("baseAddress");
                        if (!a || std::string_view(a.value()).empty()) {
                            rd.report(severity::error, item, ipath + "/add",
                                      a ? "The value for the property 'baseAddress' is not valid. The error is: The string must "
                                          "be at least 1 characters long."
                                        : "The required attribute 'baseAddress' was not found.",
                                      {}, "an absolute URI", "Config_base_required_attribute_missing");
                            return std::nullopt;
                        }
                        std::string why;
                        if (!is_valid_uri(a.value(), why)) {
                            rd.report(severity::error, rd.doc_.position_of_value(a), ipath + "/add/@baseAddress",
                                      detail::conversion_error("baseAddress", why), a.value(), "an absolute URI", "UriFormatException");
                            return std::nullopt;
                        }
                        return addr{a.value(), rd.doc_.offset_of_value(a)};
                    },
                    [](addr const& x) -> std::string const& { return x.value; },
                    [](addr const& x) { return keyed("add", "baseAddress", x.value); }, false);
                // Offsets of the kept items only (a duplicate is reported and dropped), in step with the addresses.
                root.base_addresses.reserve(root.base_addresses.size() + items.size());
                root.base_address_offsets.reserve(root.base_address_offsets.size() + items.size());
                for (auto& x : items) {
                    root.base_addresses.push_back(std::move(x.value));
                    root.base_address_offsets.push_back(x.offset);
                }
                return true;
            }
            return false;
        }
    };

    void read_service(pugi::xml_node node, std::string const& path, service_config& s) {
        service_lookup lk{{*this, index_of<service_schema>(), s, nullptr, {}, {}, &s.origin}};
        read_element(node, {}, path, lk);
        struct endpoint_item {
            endpoint_config e;
        };
        read_collection(
            node, path, "endpoint", s.endpoints, {"address", "binding", "bindingConfiguration", "bindingName", "bindingNamespace", "contract", "kind", "endpointConfiguration"},
            [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<endpoint_config> {
                if (for_remove) {
                    endpoint_config e;
                    e.address = item.attribute("address").value();
                    e.binding = item.attribute("binding").value();
                    e.binding_configuration = item.attribute("bindingConfiguration").value();
                    e.binding_name = item.attribute("bindingName").value();
                    e.binding_namespace = item.attribute("bindingNamespace").value();
                    e.contract = item.attribute("contract").value();
                    e.kind = item.attribute("kind").value();
                    e.endpoint_configuration = item.attribute("endpointConfiguration").value();
                    return e;
                }
                return read_endpoint<service_endpoint_schema>(item, ipath);
            },
            [](endpoint_config const& e) {
                std::string_view const parts[] = {e.binding_configuration, e.binding_name, e.binding_namespace, e.binding,
                                                  e.contract, e.kind, e.endpoint_configuration};
                std::size_t size = e.address ? e.address->size() : 0;
                for (auto p : parts) size += p.size() + 1;
                std::string k = upper(e.address.value_or(""));
                k.reserve(size);
                for (auto p : parts) {
                    k += '|';
                    k.append(p);
                }
                return k;
            },
            [](endpoint_config const& e) { return keyed("endpoint", "address", e.address.value_or("")); }, true, 0,
            {"host"});
        // Host children the reader skipped above are in the table (timeouts) or special (baseAddresses).
    }

    void read_client(pugi::xml_node node, std::string const& path) {
        no_attributes(node, path);
        check_no_text(node, path);
        // <metadata> is ClientSection's other child; keep it.
        for (auto m : node.children("metadata")) {
            unmodelled(m, path + "/metadata", "The client <metadata> element is not modelled by wsbind; it is kept as written.");
            cfg_.unmodelled_sections.push_back({"client/metadata", raw_xml(m), origin_of(m), {}});
        }
        pugi::xml_node filtered = node;
        read_collection(
            filtered, path, "endpoint", cfg_.client, {"contract", "name"},
            [&](pugi::xml_node item, std::string const& ipath, bool for_remove) -> std::optional<endpoint_config> {
                if (for_remove) {
                    endpoint_config e;
                    e.contract = item.attribute("contract").value();
                    e.name = item.attribute("name").value();
                    return e;
                }
                return read_endpoint<client_endpoint_schema>(item, ipath);
            },
            [](endpoint_config const& e) {
                std::string k;
                k.reserve(e.contract.size() + e.name.size() + 1);
                k.append(e.contract);
                k += '|';
                k.append(e.name);
                return k;
            },
            [](endpoint_config const& e) { return keyed("endpoint", "name", e.name); }, true, 0, {"metadata"});
    }

public:
    // Used by the lookups above.
    document const& doc_;
    pugi::xml_attribute current_attribute; ///< the attribute being applied
    char const* current_value = nullptr;   ///< its value (pugixml's pointer)
    /// Where the value of the attribute being applied was written (its offset; computed only when kept).
    [[nodiscard]] source_offset current_offset() const noexcept {
        auto const o = doc_.offset_of_text(current_value);
        return o != unknown_offset ? o : doc_.offset_of_value(current_attribute); // an empty value: its name
    }

private:
    configuration& cfg_;
    diagnostics& diags_;
    read_options const& options_;
    std::deque<std::string> builders_; ///< path builders of read_element, by nesting depth
    std::size_t builder_depth_ = 0;
};

} // namespace detail

inline void read_document(document const& doc, configuration& out, diagnostics& diags, read_options const& options) {
    if (!doc.ok()) return;
    out.positions = doc.positions();
    detail::reader r(doc, out, diags, options);
    r.run();
}

inline read_result read_string(std::string_view text, std::string name, read_options const& options) {
    configuration cfg;
    diagnostics diags;
    document doc;
    if (doc.load_string(text, std::move(name), diags, options.limits)) read_document(doc, cfg, diags, options);
    return {std::move(cfg), std::move(diags)};
}

inline read_result read_file(std::string const& path, read_options const& options) {
    configuration cfg;
    diagnostics diags;
    document doc;
    if (doc.load_file(path, diags, options.limits)) read_document(doc, cfg, diags, options);
    return {std::move(cfg), std::move(diags)};
}

inline read_result read_stream(std::istream& in, std::string name, read_options const& options) {
    configuration cfg;
    diagnostics diags;
    document doc;
    if (doc.load_stream(in, std::move(name), diags, options.limits)) read_document(doc, cfg, diags, options);
    return {std::move(cfg), std::move(diags)};
}

} // namespace wsbind::config

#endif
