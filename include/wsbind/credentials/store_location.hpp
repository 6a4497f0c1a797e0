// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CREDENTIALS_STORE_LOCATION_HPP
#define WSBIND_CREDENTIALS_STORE_LOCATION_HPP

/// \file
/// Where wsbind's certificate stores live on disk (std only).
///
/// A store is a directory: `<location root>/<StoreLocation>/<StoreName>/`, e.g.
/// `/var/lib/wsbind/certs/LocalMachine/My/`. Each certificate is a file (`*.pem`, `*.crt`,
/// `*.cer`, `*.der`); its private key, if any, is `<same stem>.key` (PKCS#8 PEM, unencrypted,
/// readable by the owner only) or a PRIVATE KEY block in the certificate's own PEM file. CRLs
/// for offline revocation checking live in `<location root>/<StoreLocation>/CRL/` (`*.crl`, DER
/// or PEM).
///
/// The location root is, in order of precedence:
///  1. `x509_store_options::root` given in code;
///  2. the environment variable `WSBIND_CERT_STORE_ROOT` (one root holding both `CurrentUser/`
///     and `LocalMachine/`);
///  3. the defaults: CurrentUser → `$XDG_DATA_HOME/wsbind/certs` (XDG_DATA_HOME defaulting to
///     `$HOME/.local/share`); LocalMachine → `/var/lib/wsbind/certs`.
///
/// System trust, as .NET does on Linux (dotnet/runtime StorePal.OpenSsl.cs and
/// OpenSslCachedSystemStoreProvider.cs): LocalMachine\Root additionally shows the self-issued
/// certificates of the system trust store, and LocalMachine\CertificateAuthority the others. The
/// trust store is the file `$SSL_CERT_FILE` (default /etc/ssl/certs/ca-certificates.crt) and the
/// directory `$SSL_CERT_DIR` (default /etc/ssl/certs); certificates there are read-only in wsbind.
/// Unlike .NET on Linux, wsbind lets every LocalMachine store exist as a directory (a WCF service
/// certificate lives in LocalMachine\My), writable by whoever may write the directory.

#include <wsbind/credentials/enums.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

namespace wsbind {

/// How stores are located and what they show.
struct x509_store_options {
    /// Replaces the location roots: `<root>/CurrentUser/...` and `<root>/LocalMachine/...`.
    std::optional<std::filesystem::path> root;
    /// LocalMachine\Root and LocalMachine\CertificateAuthority also show the system trust store.
    bool include_system_trust = true;
    /// Overrides of the system trust locations ($SSL_CERT_FILE / $SSL_CERT_DIR otherwise).
    std::optional<std::filesystem::path> system_trust_file;
    std::optional<std::filesystem::path> system_trust_directory;
};

inline constexpr char const* store_root_environment_variable = "WSBIND_CERT_STORE_ROOT";

namespace detail {
[[nodiscard]] inline std::optional<std::string> getenv_nonempty(char const* name) {
    char const* v = std::getenv(name); // NOLINT(concurrency-mt-unsafe): read-only use
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}
} // namespace detail

/// `<location root>/<StoreLocation>`, following the precedence above.
[[nodiscard]] inline std::filesystem::path location_directory(store_location location, x509_store_options const& options = {}) {
    std::string const leaf(to_string(location));
    if (options.root) return *options.root / leaf;
    if (auto env = detail::getenv_nonempty(store_root_environment_variable)) return std::filesystem::path(*env) / leaf;
    if (location == store_location::local_machine) return std::filesystem::path("/var/lib/wsbind/certs") / leaf;
    if (auto xdg = detail::getenv_nonempty("XDG_DATA_HOME")) return std::filesystem::path(*xdg) / "wsbind" / "certs" / leaf;
    if (auto home = detail::getenv_nonempty("HOME")) return std::filesystem::path(*home) / ".local" / "share" / "wsbind" / "certs" / leaf;
    return std::filesystem::path(".wsbind") / "certs" / leaf;
}

/// The directory of one store.
[[nodiscard]] inline std::filesystem::path store_directory(store_location location, store_name name, x509_store_options const& options = {}) {
    return location_directory(location, options) / std::string(to_string(name));
}

/// The directory of a location's locally held CRLs.
[[nodiscard]] inline std::filesystem::path crl_directory(store_location location, x509_store_options const& options = {}) {
    return location_directory(location, options) / "CRL";
}

/// The system trust store file and directory.
[[nodiscard]] inline std::filesystem::path system_trust_file(x509_store_options const& options = {}) {
    if (options.system_trust_file) return *options.system_trust_file;
    if (auto f = detail::getenv_nonempty("SSL_CERT_FILE")) return *f;
    return "/etc/ssl/certs/ca-certificates.crt";
}
[[nodiscard]] inline std::filesystem::path system_trust_directory(x509_store_options const& options = {}) {
    if (options.system_trust_directory) return *options.system_trust_directory;
    if (auto d = detail::getenv_nonempty("SSL_CERT_DIR")) return *d;
    return "/etc/ssl/certs";
}

} // namespace wsbind

#endif
