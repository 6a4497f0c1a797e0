// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CONFIG_MODEL_HPP
#define WSBIND_CONFIG_MODEL_HPP

/// \file
/// The configuration model: what `<system.serviceModel>` says, as plain values.
///
/// - Bindings are `binding_description`s (core) keyed by section (`wsHttpBinding`) and name;
///   binding types and customBinding elements wsbind does not model are kept as named,
///   unmodelled entries (their XML kept verbatim, so the writer reproduces them).
/// - Behaviors model `<serviceCredentials>` and `<clientCredentials>` completely enough for the
///   credentials layer to build credentials from them (`service_credentials_config`,
///   `client_credentials_config`); other behavior extensions are kept as named entries.
/// - Services, their hosts and endpoints, and client endpoints with their identities.
///
/// Defaults are the member initialisers here (credentials and endpoints) and core's
/// `default_description` (bindings); `config_schema.hpp` lists every attribute once.
/// Equality (`==`) compares what the configuration means, not where it was written.

#include <wsbind/config/diagnostic.hpp>
#include <wsbind/core/description.hpp>
#include <wsbind/core/enum_names.hpp>
#include <wsbind/core/enums.hpp>
#include <wsbind/core/schema.hpp>
#include <wsbind/core/timespan.hpp>
#include <wsbind/credentials/enums.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wsbind {

/// ListenUriMode of a service endpoint.
enum class listen_uri_mode : std::uint8_t { explicit_mode, unique };

template <>
struct enum_info<listen_uri_mode> {
    static constexpr std::string_view type_name = "ListenUriMode";
    static constexpr std::array<enum_entry<listen_uri_mode>, 2> entries{{
        {listen_uri_mode::explicit_mode, "Explicit"},
        {listen_uri_mode::unique, "Unique"}}};
};

} // namespace wsbind

namespace wsbind::config {

/// An optional part held on the heap: `std::optional`'s interface with one pointer in place,
/// for large parts most items leave out (a behavior has one kind of credentials at most; few
/// endpoints have `<headers>`), so that the model's items stay small. Copies copy the part.
template <class T>
class boxed {
public:
    using value_type = T;
    boxed() noexcept = default;
    boxed(std::nullopt_t) noexcept {}
    boxed(T value) : p_(std::make_unique<T>(std::move(value))) {}
    boxed(boxed const& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    boxed(boxed&&) noexcept = default;
    boxed& operator=(boxed const& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    boxed& operator=(boxed&&) noexcept = default;
    boxed& operator=(std::nullopt_t) noexcept {
        p_.reset();
        return *this;
    }
    boxed& operator=(T value) {
        if (p_) *p_ = std::move(value);
        else p_ = std::make_unique<T>(std::move(value));
        return *this;
    }
    ~boxed() = default;

    template <class... Args>
    T& emplace(Args&&... args) {
        p_ = std::make_unique<T>(std::forward<Args>(args)...);
        return *p_;
    }
    void reset() noexcept { p_.reset(); }
    [[nodiscard]] bool has_value() const noexcept { return p_ != nullptr; }
    [[nodiscard]] explicit operator bool() const noexcept { return p_ != nullptr; }
    [[nodiscard]] T& operator*() noexcept { return *p_; }
    [[nodiscard]] T const& operator*() const noexcept { return *p_; }
    [[nodiscard]] T* operator->() noexcept { return p_.get(); }
    [[nodiscard]] T const* operator->() const noexcept { return p_.get(); }
    [[nodiscard]] T& value() {
        if (!p_) throw std::bad_optional_access();
        return *p_;
    }
    [[nodiscard]] T const& value() const {
        if (!p_) throw std::bad_optional_access();
        return *p_;
    }

    friend bool operator==(boxed const& a, boxed const& b) { return a && b ? *a == *b : !a && !b; }
    friend bool operator==(boxed const& a, std::nullopt_t) noexcept { return !a; }

private:
    std::unique_ptr<T> p_;
};

namespace detail {

/// The parts joined, in one allocation (sized once, copied in place).
inline std::string concat(std::initializer_list<std::string_view> parts) {
    std::size_t size = 0;
    for (auto p : parts) size += p.size();
    std::string s(size, '\0');
    char* out = s.data();
    for (auto p : parts) {
        std::char_traits<char>::copy(out, p.data(), p.size());
        out += p.size();
    }
    return s;
}

} // namespace detail

/// Where something was written (not part of equality), as byte offsets into the text read: the
/// configuration's `positions` index turns them into line and column (`configuration::position`)
/// when a diagnostic or a caller needs them. The element's path (as in diagnostics) is not stored:
/// the items of a configuration derive theirs from their keys (`path()`), when a diagnostic needs it.
struct origin {
    source_offset offset = unknown_offset; ///< the element's name
    /// Offsets of the values of the element's own attributes (endpoints and services), for
    /// diagnostics found after reading (references, addresses). Names have static storage.
    std::vector<std::pair<std::string_view, source_offset>> attributes;

    /// The offset of attribute `name`'s value (the element's when it was not written).
    [[nodiscard]] source_offset attribute(std::string_view name) const noexcept {
        for (auto const& [n, o] : attributes)
            if (n == name) return o;
        return offset;
    }

    /// A diagnostic located at this element (element path `path`), or at its attribute
    /// `attribute` when one is named (position of the value, path ending in `/@attribute`);
    /// `positions` is the index of the configuration holding the element (null: position unknown).
    [[nodiscard]] diagnostic located(position_index const* positions, severity sev, std::string file, std::string_view path,
                                     std::string_view attribute, std::string message, std::string value, std::string allowed,
                                     std::string code) const {
        diagnostic d;
        d.severity = sev;
        d.file = std::move(file);
        d.position = position_at(positions, attribute.empty() ? offset : this->attribute(attribute));
        d.path = attribute.empty() ? std::string(path) : detail::concat({path, "/@", attribute});
        d.message = std::move(message);
        d.value = std::move(value);
        d.allowed = std::move(allowed);
        d.code = std::move(code);
        return d;
    }
};

/// An element wsbind keeps by name without modelling it; `xml` is the element as written
/// (raw pugixml serialisation), so the writer can reproduce it.
struct unmodelled_element {
    std::string name;
    std::string xml;
    config::origin origin;
    /// Where it sits, relative to the element that keeps it (e.g. `security/issuedTokenParameters/issuer`
    /// inside a customBinding `<binding>`, `serviceCredentials` inside a `<behavior>`); "" = directly.
    std::string parent{};
    friend bool operator==(unmodelled_element const& a, unmodelled_element const& b) {
        return a.name == b.name && a.xml == b.xml && a.parent == b.parent;
    }
};

// ---- bindings --------------------------------------------------------------------------------

/// One `<binding>` of a binding section.
struct binding_config {
    std::string section;                     ///< the binding section: `wsHttpBinding`, `netMsmqBinding`, ...
    std::optional<binding_kind> kind;        ///< empty: a binding type wsbind does not model
    std::string name;                        ///< "" = the section's default configuration
    /// True when every element and attribute was modelled, so `description` is the binding.
    /// False for unmodelled binding types and for customBindings with unmodelled elements.
    bool fully_modelled = true;
    binding_description description;         ///< defaults applied; valid when `kind` is set
    /// customBinding: the child elements in order (modelled and unmodelled), as written.
    std::vector<std::string> element_order;
    /// Unmodelled content: customBinding elements, unmodelled parts of modelled elements, or
    /// (for an unmodelled binding type) the whole `<binding>`.
    std::vector<unmodelled_element> unmodelled;
    config::origin origin;
    /// Where each configured setting's value was written (offsets; to blame the attribute a rule names).
    std::vector<std::pair<setting const*, source_offset>> positions;

    /// The offset of setting `s`'s value (the `<binding>`'s when it was not written).
    [[nodiscard]] source_offset offset_of(setting const& s) const noexcept {
        for (auto const& [p, o] : positions)
            if (p == &s) return o;
        return origin.offset;
    }
    /// The element path: `system.serviceModel/bindings/<section>/binding[@name='<name>']`.
    [[nodiscard]] std::string path() const {
        return detail::concat({"system.serviceModel/bindings/", section, "/binding[@name='", name, "']"});
    }

    friend bool operator==(binding_config const& a, binding_config const& b) {
        return a.section == b.section && a.kind == b.kind && a.name == b.name && a.fully_modelled == b.fully_modelled &&
               (!a.kind || a.description == b.description) && a.element_order == b.element_order &&
               a.unmodelled == b.unmodelled;
    }
};

// ---- credentials -----------------------------------------------------------------------------

/// A certificate named by store lookup (findValue/storeLocation/storeName/x509FindType).
/// `specified` is true when at least one of the four attributes was written: only then does WCF
/// look the certificate up (and require exactly one match).
struct certificate_reference_config {
    bool specified = false;
    std::string find_value;
    store_location location = store_location::local_machine;
    store_name name = store_name::my;
    x509_find_type find_type = x509_find_type::find_by_subject_distinguished_name;

    [[nodiscard]] static certificate_reference_config in(store_location l) {
        certificate_reference_config c;
        c.location = l;
        return c;
    }
    friend bool operator==(certificate_reference_config const&, certificate_reference_config const&) = default;
};

/// `<authentication>` of a certificate (X509ClientCertificateAuthentication /
/// X509ServiceCertificateAuthentication); the client side has no Windows attributes.
struct certificate_authentication_config {
    certificate_validation_mode validation_mode = certificate_validation_mode::chain_trust;
    revocation_mode revocation = revocation_mode::online;
    store_location trusted_store_location = store_location::local_machine;
    std::string custom_certificate_validator_type;
    bool include_windows_groups = true;                   ///< service side only
    bool map_client_certificate_to_windows_account = false; ///< service side only

    [[nodiscard]] static certificate_authentication_config trusted_in(store_location l) {
        certificate_authentication_config c;
        c.trusted_store_location = l;
        return c;
    }
    friend bool operator==(certificate_authentication_config const&, certificate_authentication_config const&) = default;
};

/// `<userNameAuthentication>` of `<serviceCredentials>`.
struct user_name_authentication_config {
    user_name_password_validation_mode validation_mode = user_name_password_validation_mode::windows;
    bool include_windows_groups = true;
    std::string membership_provider_name;
    std::string custom_user_name_password_validator_type;
    bool cache_logon_tokens = false;
    std::int32_t max_cached_logon_tokens = 128;
    timespan cached_logon_token_lifetime = timespan::from_minutes(15);
    friend bool operator==(user_name_authentication_config const&, user_name_authentication_config const&) = default;
};

/// `<windowsAuthentication>` of `<serviceCredentials>`.
struct windows_authentication_config {
    bool include_windows_groups = true;
    bool allow_anonymous_logons = false;
    friend bool operator==(windows_authentication_config const&, windows_authentication_config const&) = default;
};

/// `<issuedTokenAuthentication>` of `<serviceCredentials>`.
struct issued_token_authentication_config {
    audience_uri_mode audience_mode = audience_uri_mode::always;
    certificate_validation_mode validation_mode = certificate_validation_mode::chain_trust;
    revocation_mode revocation = revocation_mode::online;
    store_location trusted_store_location = store_location::local_machine;
    std::string custom_certificate_validator_type;
    std::string saml_serializer_type;
    bool allow_untrusted_rsa_issuers = false;
    std::vector<certificate_reference_config> known_certificates; ///< `<knownCertificates><add>`
    std::vector<std::string> allowed_audience_uris;               ///< `<allowedAudienceUris><add>`
    friend bool operator==(issued_token_authentication_config const&, issued_token_authentication_config const&) = default;
};

/// `<serviceCredentials>`: the credentials a service presents and how it authenticates clients.
struct service_credentials_config {
    std::string type;
    bool use_identity_configuration = false;
    std::string identity_configuration;
    certificate_reference_config service_certificate = certificate_reference_config::in(store_location::local_machine);
    /// `<clientCertificate><certificate>`: the client's certificate held by the service in advance
    /// (duplex / MutualCertificateDuplex), and `<clientCertificate><authentication>`.
    certificate_reference_config client_certificate = certificate_reference_config::in(store_location::local_machine);
    certificate_authentication_config client_certificate_authentication =
        certificate_authentication_config::trusted_in(store_location::local_machine);
    user_name_authentication_config user_name_authentication;
    windows_authentication_config windows_authentication;
    issued_token_authentication_config issued_token_authentication;
    std::string security_state_encoder_type; ///< `<secureConversationAuthentication>`
    friend bool operator==(service_credentials_config const&, service_credentials_config const&) = default;
};

/// `<scopedCertificates><add>` of `<clientCredentials><serviceCertificate>`.
struct scoped_certificate_config {
    std::string target_uri;
    certificate_reference_config certificate = certificate_reference_config::in(store_location::current_user);
    friend bool operator==(scoped_certificate_config const&, scoped_certificate_config const&) = default;
};

/// `<clientCredentials>`: the credentials a client presents and how it authenticates services.
struct client_credentials_config {
    std::string type;
    bool use_identity_configuration = false;
    bool support_interactive = true;
    certificate_reference_config client_certificate = certificate_reference_config::in(store_location::current_user);
    certificate_reference_config default_service_certificate = certificate_reference_config::in(store_location::current_user);
    std::vector<scoped_certificate_config> scoped_service_certificates;
    certificate_authentication_config service_certificate_authentication =
        certificate_authentication_config::trusted_in(store_location::current_user);
    /// `<sslCertificateAuthentication>`: present only when configured (then SSL/TLS server
    /// certificates are validated with it instead of `service_certificate_authentication`).
    std::optional<certificate_authentication_config> ssl_certificate_authentication;
    bool windows_allow_ntlm = true;
    token_impersonation_level windows_allowed_impersonation_level = token_impersonation_level::identification;
    token_impersonation_level http_digest_impersonation_level = token_impersonation_level::identification;
    friend bool operator==(client_credentials_config const&, client_credentials_config const&) = default;
};

// ---- behaviors -------------------------------------------------------------------------------

enum class behavior_kind : std::uint8_t { service, endpoint };

[[nodiscard]] constexpr std::string_view to_string(behavior_kind k) noexcept {
    return k == behavior_kind::service ? "service" : "endpoint";
}

/// One `<behavior>` of `<serviceBehaviors>` or `<endpointBehaviors>`.
struct behavior_config {
    behavior_kind kind = behavior_kind::service;
    std::string name; ///< "" = the default behavior (.NET 4)
    boxed<service_credentials_config> service_credentials; ///< service behaviors
    boxed<client_credentials_config> client_credentials;   ///< endpoint behaviors
    /// Behavior extensions wsbind does not model (serviceMetadata, serviceDebug, ...), and
    /// unmodelled parts of the credentials elements (e.g. `<peer>`), in order.
    std::vector<unmodelled_element> unmodelled;
    config::origin origin;

    /// The element path: `system.serviceModel/behaviors/serviceBehaviors/behavior[@name='<name>']`
    /// (endpointBehaviors for endpoint behaviors).
    [[nodiscard]] std::string path() const {
        return detail::concat({"system.serviceModel/behaviors/", kind == behavior_kind::service ? "serviceBehaviors" : "endpointBehaviors",
                               "/behavior[@name='", name, "']"});
    }

    /// Unmodelled extensions compare in any order: a behavior's extensions are keyed by name.
    friend bool operator==(behavior_config const& a, behavior_config const& b) {
        return a.kind == b.kind && a.name == b.name && a.service_credentials == b.service_credentials &&
               a.client_credentials == b.client_credentials && a.unmodelled.size() == b.unmodelled.size() &&
               std::is_permutation(a.unmodelled.begin(), a.unmodelled.end(), b.unmodelled.begin());
    }
};

// ---- endpoints -------------------------------------------------------------------------------

/// `<certificateReference>` of an endpoint identity.
struct identity_certificate_reference {
    store_name name = store_name::my;
    store_location location = store_location::local_machine;
    x509_find_type find_type = x509_find_type::find_by_subject_distinguished_name;
    std::string find_value;
    bool is_chain_included = false;
    friend bool operator==(identity_certificate_reference const&, identity_certificate_reference const&) = default;
};

enum class identity_kind : std::uint8_t {
    none, user_principal_name, service_principal_name, dns, rsa, certificate, certificate_reference
};

[[nodiscard]] constexpr std::string_view to_string(identity_kind k) noexcept {
    switch (k) {
    case identity_kind::none: return "none";
    case identity_kind::user_principal_name: return "userPrincipalName";
    case identity_kind::service_principal_name: return "servicePrincipalName";
    case identity_kind::dns: return "dns";
    case identity_kind::rsa: return "rsa";
    case identity_kind::certificate: return "certificate";
    case identity_kind::certificate_reference: return "certificateReference";
    }
    return "none";
}

/// `<identity>`: each child as written; WCF uses the first present in the order
/// userPrincipalName, servicePrincipalName, dns, rsa, certificate, certificateReference.
struct identity_config {
    std::optional<std::string> user_principal_name;
    std::optional<std::string> service_principal_name;
    std::optional<std::string> dns;
    std::optional<std::string> rsa;
    std::optional<std::string> certificate;  ///< encodedValue (Base64)
    std::optional<identity_certificate_reference> certificate_reference;

    /// The identity WCF uses (ConfigLoader.LoadIdentity precedence).
    [[nodiscard]] identity_kind effective() const noexcept {
        if (user_principal_name) return identity_kind::user_principal_name;
        if (service_principal_name) return identity_kind::service_principal_name;
        if (dns) return identity_kind::dns;
        if (rsa) return identity_kind::rsa;
        if (certificate) return identity_kind::certificate;
        if (certificate_reference) return identity_kind::certificate_reference;
        return identity_kind::none;
    }
    [[nodiscard]] bool empty() const noexcept { return effective() == identity_kind::none; }
    friend bool operator==(identity_config const&, identity_config const&) = default;
};

struct service_config;

/// `<service><endpoint>` and `<client><endpoint>`; attributes a side does not have stay empty.
struct endpoint_config {
    std::optional<std::string> address;  ///< client: absent = null (no address)
    std::string behavior_configuration;
    std::string binding;
    std::string binding_configuration;
    std::string binding_name;            ///< service only
    std::string binding_namespace;       ///< service only
    std::string contract;
    std::string name;
    std::string listen_uri;              ///< service only
    listen_uri_mode listen_mode = listen_uri_mode::explicit_mode; ///< service only
    bool is_system_endpoint = false;     ///< service only
    std::string kind;
    std::string endpoint_configuration;
    identity_config identity;
    boxed<unmodelled_element> headers; ///< `<headers>` kept as written
    config::origin origin;

    /// The element path: `<service path>/endpoint[@name='<name>']` for an endpoint of `service`,
    /// `system.serviceModel/client/endpoint[@name='<name>']` for a client endpoint (nullptr);
    /// `[@contract='<contract>']` when the endpoint has no name.
    [[nodiscard]] std::string path(service_config const* service) const;

    friend bool operator==(endpoint_config const& a, endpoint_config const& b) {
        return a.address == b.address && a.behavior_configuration == b.behavior_configuration && a.binding == b.binding &&
               a.binding_configuration == b.binding_configuration && a.binding_name == b.binding_name &&
               a.binding_namespace == b.binding_namespace && a.contract == b.contract && a.name == b.name &&
               a.listen_uri == b.listen_uri && a.listen_mode == b.listen_mode && a.is_system_endpoint == b.is_system_endpoint &&
               a.kind == b.kind && a.endpoint_configuration == b.endpoint_configuration && a.identity == b.identity &&
               a.headers == b.headers;
    }
};

/// `<host><timeouts>`: 0 means "not applied" (the host keeps its own default).
struct host_timeouts_config {
    timespan open_timeout = timespan::from_minutes(1);
    timespan close_timeout = timespan::from_seconds(10);
    friend bool operator==(host_timeouts_config const&, host_timeouts_config const&) = default;
};

/// `<services><service>`.
struct service_config {
    std::string name;
    std::string behavior_configuration;
    std::vector<std::string> base_addresses;
    std::vector<source_offset> base_address_offsets; ///< where each base address was written
    host_timeouts_config timeouts;
    std::vector<endpoint_config> endpoints;
    config::origin origin;

    /// The element path: `system.serviceModel/services/service[@name='<name>']`.
    [[nodiscard]] std::string path() const {
        return detail::concat({"system.serviceModel/services/service[@name='", name, "']"});
    }

    friend bool operator==(service_config const& a, service_config const& b) {
        return a.name == b.name && a.behavior_configuration == b.behavior_configuration &&
               a.base_addresses == b.base_addresses && a.timeouts == b.timeouts && a.endpoints == b.endpoints;
    }
};

inline std::string endpoint_config::path(service_config const* service) const {
    bool const named = !name.empty();
    std::string_view const key = named ? std::string_view("/endpoint[@name='") : std::string_view("/endpoint[@contract='");
    std::string_view const value = named ? name : contract;
    if (service) return detail::concat({"system.serviceModel/services/service[@name='", service->name, "']", key, value, "']"});
    return detail::concat({"system.serviceModel/client", key, value, "']"});
}

// ---- the whole section group -----------------------------------------------------------------

/// Extension names a file registers under `<extensions>` (so they are known, if unmodelled).
struct extensions_config {
    std::vector<std::string> binding_extensions;
    std::vector<std::string> binding_element_extensions;
    std::vector<std::string> behavior_extensions;
    std::vector<std::string> endpoint_extensions;
    friend bool operator==(extensions_config const&, extensions_config const&) = default;
};

/// Everything `<system.serviceModel>` says that wsbind reads.
struct configuration {
    std::vector<binding_config> bindings;       ///< in file order
    std::vector<behavior_config> behaviors;     ///< service and endpoint behaviors, in file order
    std::vector<service_config> services;
    std::vector<endpoint_config> client;
    extensions_config extensions;
    /// Sections wsbind does not model (protocolMapping, diagnostics, standardEndpoints, ...),
    /// and elements of `<configuration>` outside `<system.serviceModel>` are not kept.
    std::vector<unmodelled_element> unmodelled_sections;
    bool has_service_model = false;             ///< a `<system.serviceModel>` element was found
    /// The line index of the text read (null for a configuration built in code): turns the
    /// offsets of `origin`s into line and column. Shared: copies of the configuration and the
    /// document it was read from hold the same index.
    std::shared_ptr<position_index const> positions;

    /// Line and column of an offset the model keeps ({} when unknown or not read from a text).
    [[nodiscard]] source_position position(source_offset offset) const noexcept { return position_at(positions.get(), offset); }

    /// The `<binding>` of `section` named `name` (ordinal comparison), or nullptr.
    [[nodiscard]] binding_config const* find_binding(std::string_view section, std::string_view name) const noexcept {
        for (auto const& b : bindings)
            if (b.section == section && b.name == name) return &b;
        return nullptr;
    }
    /// The behavior of `kind` named `name`, or nullptr.
    [[nodiscard]] behavior_config const* find_behavior(behavior_kind kind, std::string_view name) const noexcept {
        for (auto const& b : behaviors)
            if (b.kind == kind && b.name == name) return &b;
        return nullptr;
    }
    /// The service named `name`; when several have that name the last one wins, as in WCF.
    [[nodiscard]] service_config const* find_service(std::string_view name) const noexcept {
        service_config const* found = nullptr;
        for (auto const& s : services)
            if (s.name == name) found = &s;
        return found;
    }

    /// Unmodelled sections compare in any order: sections are keyed by name.
    friend bool operator==(configuration const& a, configuration const& b) {
        return a.bindings == b.bindings && a.behaviors == b.behaviors && a.services == b.services && a.client == b.client &&
               a.extensions == b.extensions && a.has_service_model == b.has_service_model &&
               a.unmodelled_sections.size() == b.unmodelled_sections.size() &&
               std::is_permutation(a.unmodelled_sections.begin(), a.unmodelled_sections.end(), b.unmodelled_sections.begin());
    }
};

} // namespace wsbind::config

#endif
