// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_X509_STORE_HPP
#define WSBIND_CRYPTO_X509_STORE_HPP

/// \file
/// `wsbind::x509_store<Backend>`: WCF's X509Store (StoreLocation x StoreName) over a directory of
/// certificate files with their private keys (layout and locations: store_location.hpp), and
/// `wsbind::x509_stores<Backend>`, the set of stores a host or client opens, each opened once.
///
/// Opening a store reads and parses every file once and indexes the certificates (by thumbprint,
/// subject and issuer distinguished name, serial number and subject key identifier); a find then
/// costs a hash lookup for those find types and one pass over precomputed strings for the others.
/// Bad files never stop a store from opening: each one becomes a `store_problem` (unreadable file,
/// corrupt or truncated certificate, duplicate certificate, key that does not match its
/// certificate, encrypted key, key without certificate) that find errors repeat.
///
/// Finding follows WCF (SecurityUtils.GetCertificateFromStore): `find_one` needs exactly one match
/// and throws `certificate_not_found` / `multiple_certificates_found` / `invalid_find_value`
/// (errors.hpp) naming the store, find type, value and the candidates; `try_find_one` reports the
/// same as a value. Vendor-neutral: a template over any crypto_backend; the store layout and the
/// error types are the credentials model's (store_location.hpp, errors.hpp).

#include <wsbind/credentials/errors.hpp>
#include <wsbind/credentials/store_location.hpp>
#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_find.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace wsbind {

/// One certificate of a store, with its private key when the store holds one.
template <class Backend>
struct x509_store_entry {
    typename Backend::certificate certificate;
    std::optional<typename Backend::private_key> private_key;
    std::filesystem::path file;          ///< the file it was read from
    bool from_system_trust = false;      ///< read-only, from the system trust store
    crypto::certificate_info const* info = nullptr; ///< the certificate's fields (owned by `certificate`)
};

/// The outcome of a non-throwing exactly-one lookup.
template <class Backend>
struct x509_find_one_result {
    x509_store_entry<Backend> const* entry = nullptr;
    std::optional<lookup_details> error;
    [[nodiscard]] explicit operator bool() const noexcept { return entry != nullptr; }
};

namespace detail::store {

[[nodiscard]] inline bool has_certificate_extension(std::filesystem::path const& p) {
    auto e = find::ascii_upper(p.extension().string());
    return e == ".PEM" || e == ".CRT" || e == ".CER" || e == ".DER";
}

[[nodiscard]] inline crypto::result<crypto::bytes> read_file(std::filesystem::path const& p) {
    std::error_code ec;
    auto size = std::filesystem::file_size(p, ec);
    if (ec) return crypto::make_error(crypto::errc::io_error, "cannot read: " + ec.message());
    if (size > (64u << 20)) return crypto::make_error(crypto::errc::io_error, "file is larger than 64 MiB; not a certificate file");
    std::ifstream in(p, std::ios::binary);
    if (!in) return crypto::make_error(crypto::errc::io_error, "cannot open for reading (permission denied?)");
    crypto::bytes data(static_cast<std::size_t>(size));
    if (size && !in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(size)))
        return crypto::make_error(crypto::errc::io_error, "read error");
    return data;
}

/// Writes a file atomically (temporary name, then rename), with owner-only permissions if secret.
[[nodiscard]] inline crypto::result<void> write_file(std::filesystem::path const& p, crypto::byte_view data, bool secret) {
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec) return crypto::make_error(crypto::errc::io_error, "cannot create directory " + p.parent_path().string() + ": " + ec.message());
    auto tmp = p;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return crypto::make_error(crypto::errc::io_error, "cannot write " + tmp.string() + " (permission denied?)");
        if (secret) std::filesystem::permissions(tmp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, std::filesystem::perm_options::replace, ec);
        out.write(reinterpret_cast<char const*>(data.data()), static_cast<std::streamsize>(data.size()));
        out.close();
        if (!out) return crypto::make_error(crypto::errc::io_error, "cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, p, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return crypto::make_error(crypto::errc::io_error, "cannot rename into " + p.string());
    }
    return {};
}

[[nodiscard]] inline bool contains_text(crypto::byte_view data, std::string_view what) {
    std::string_view s(reinterpret_cast<char const*>(data.data()), data.size());
    return s.find(what) != std::string_view::npos;
}

} // namespace detail::store

template <crypto_backend Backend>
class x509_store {
    static_assert(detail::crypto_backend_diagnoser<Backend>::value);

public:
    using backend_type = Backend;
    using entry = x509_store_entry<Backend>;
    using certificate = typename Backend::certificate;
    using private_key = typename Backend::private_key;

    /// Opens (reads, parses and indexes) the store. Never throws for problems with its files.
    x509_store(Backend backend, store_location location, store_name name, x509_store_options options = {})
        : backend_(std::move(backend)), location_(location), name_(name), options_(std::move(options)),
          directory_(store_directory(location, name, options_)) {
        load();
    }

    [[nodiscard]] store_location location() const noexcept { return location_; }
    [[nodiscard]] store_name name() const noexcept { return name_; }
    [[nodiscard]] std::filesystem::path const& directory() const noexcept { return directory_; }
    /// False when the store's directory does not exist (the store is then empty, or shows only system trust).
    [[nodiscard]] bool exists() const noexcept { return exists_; }
    [[nodiscard]] std::vector<entry> const& entries() const noexcept { return entries_; }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
    [[nodiscard]] std::vector<store_problem> const& problems() const noexcept { return problems_; }
    [[nodiscard]] Backend const& backend() const noexcept { return backend_; }

    /// Every match, in store order. A find value that cannot be used throws `invalid_find_value`.
    [[nodiscard]] std::vector<entry const*> find(x509_find_type type, x509_find_value const& value) const {
        auto criterion = parse_find_value(type, value);
        if (!criterion) throw_lookup_error(details(lookup_failure::invalid_find_value, type, value, {}, criterion.err().message));
        return find(*criterion);
    }

    /// Every match of a parsed criterion.
    [[nodiscard]] std::vector<entry const*> find(x509_find_criterion const& c) const {
        std::vector<std::size_t> hits;
        auto from_map = [&](auto const& map, std::string const& key) {
            auto [b, e] = map.equal_range(key);
            for (auto it = b; it != e; ++it) hits.push_back(it->second);
        };
        switch (c.type) {
        case x509_find_type::find_by_thumbprint:
            if (auto it = by_thumbprint_.find(crypto::to_hex(c.octets)); it != by_thumbprint_.end()) hits.push_back(it->second);
            break;
        case x509_find_type::find_by_subject_distinguished_name: from_map(by_subject_, c.folded); break;
        case x509_find_type::find_by_issuer_distinguished_name: from_map(by_issuer_, c.folded); break;
        case x509_find_type::find_by_serial_number: from_map(by_serial_, crypto::to_hex(c.octets)); break;
        case x509_find_type::find_by_subject_key_identifier: from_map(by_ski_, crypto::to_hex(c.octets)); break;
        case x509_find_type::find_by_subject_name:
            for (std::size_t i = 0; i < entries_.size(); ++i)
                if (subject_simple_folded_[i].find(c.folded) != std::string::npos) hits.push_back(i);
            break;
        case x509_find_type::find_by_issuer_name:
            for (std::size_t i = 0; i < entries_.size(); ++i)
                if (issuer_simple_folded_[i].find(c.folded) != std::string::npos) hits.push_back(i);
            break;
        default:
            for (std::size_t i = 0; i < entries_.size(); ++i)
                if (matches(c, *entries_[i].info)) hits.push_back(i);
            break;
        }
        std::sort(hits.begin(), hits.end());
        hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
        std::vector<entry const*> out;
        out.reserve(hits.size());
        for (auto i : hits) out.push_back(&entries_[i]);
        return out;
    }

    /// Exactly one match, or the reason why not (never throws for lookup failures).
    [[nodiscard]] x509_find_one_result<Backend> try_find_one(x509_find_type type, x509_find_value const& value) const {
        x509_find_one_result<Backend> r;
        auto criterion = parse_find_value(type, value);
        if (!criterion) {
            r.error = details(lookup_failure::invalid_find_value, type, value, {}, criterion.err().message);
            return r;
        }
        auto hits = find(*criterion);
        if (hits.size() == 1) r.entry = hits.front();
        else r.error = details(hits.empty() ? lookup_failure::not_found : lookup_failure::multiple_found, type, value, hits, {});
        return r;
    }

    /// Exactly one match (WCF's rule for credential references); throws otherwise.
    [[nodiscard]] entry const& find_one(x509_find_type type, x509_find_value const& value) const {
        auto r = try_find_one(type, value);
        if (!r) throw_lookup_error(std::move(*r.error));
        return *r.entry;
    }

    /// The entry with this certificate (same thumbprint and same bytes), if any.
    [[nodiscard]] entry const* find_certificate(certificate const& c) const {
        auto const& i = backend_.info(c);
        auto it = by_thumbprint_.find(i.thumbprint_hex);
        if (it == by_thumbprint_.end()) return nullptr;
        auto const& e = entries_[it->second];
        return e.info->der == i.der ? &e : nullptr; // SHA-1 alone is not trusted (as WCF's PeerTrust)
    }

    /// Adds a certificate (and its key) as `<THUMBPRINT>.pem` (+ `.key`, owner-only). Adding a
    /// certificate that is present is not an error; its key is added if it had none.
    crypto::result<std::filesystem::path> add(certificate const& c, private_key const* key = nullptr) {
        auto const& info = backend_.info(c);
        if (key && !backend_.key_matches(*key, c))
            return crypto::make_error(crypto::errc::key_mismatch, "the private key does not belong to the certificate " + info.subject + " [" + info.thumbprint_hex + "]");
        auto cert_path = directory_ / (info.thumbprint_hex + ".pem");
        auto key_path = directory_ / (info.thumbprint_hex + ".key");
        if (auto const* existing = find_certificate(c)) {
            if (existing->from_system_trust)
                return crypto::make_error(crypto::errc::invalid_argument, "the certificate is part of the read-only system trust store");
            if (!key || existing->private_key) return existing->file;
            cert_path = existing->file;
            key_path = existing->file;
            key_path.replace_extension(".key");
        } else {
            auto pem = crypto::pem_encode("CERTIFICATE", info.der);
            if (auto w = detail::store::write_file(cert_path, crypto::as_bytes(pem), false); !w) return w.err();
        }
        if (key) {
            auto pem = backend_.export_private_key(*key, "");
            if (!pem) return pem.err();
            if (auto w = detail::store::write_file(key_path, crypto::as_bytes(*pem), true); !w) return w.err();
        }
        reload();
        return cert_path;
    }

    /// Removes the certificate with this thumbprint (hex) and its key file.
    crypto::result<void> remove(std::string_view thumbprint_hex) {
        auto it = by_thumbprint_.find(detail::find::ascii_upper(thumbprint_hex));
        if (it == by_thumbprint_.end())
            return crypto::make_error(crypto::errc::not_found, "no certificate with thumbprint " + std::string(thumbprint_hex) + " in " + directory_.string());
        auto const& e = entries_[it->second];
        if (e.from_system_trust) return crypto::make_error(crypto::errc::invalid_argument, "the certificate is part of the read-only system trust store");
        std::error_code ec;
        auto key = e.file;
        key.replace_extension(".key");
        std::filesystem::remove(key, ec);
        if (!std::filesystem::remove(e.file, ec) || ec)
            return crypto::make_error(crypto::errc::io_error, "cannot remove " + e.file.string() + (ec ? ": " + ec.message() : std::string()));
        reload();
        return {};
    }

    /// Reads the directory again.
    void reload() { load(); }

private:
    void load() {
        entries_.clear();
        problems_.clear();
        clear_indexes();
        std::error_code ec;
        exists_ = std::filesystem::is_directory(directory_, ec);
        if (exists_) load_directory(directory_);
        else if (std::filesystem::exists(directory_, ec))
            problems_.push_back({directory_, "exists but is not a directory"});
        if (options_.include_system_trust && location_ == store_location::local_machine &&
            (name_ == store_name::root || name_ == store_name::certificate_authority))
            load_system_trust();
        for (std::size_t i = 0; i < entries_.size(); ++i) index(i);
    }

    void load_directory(std::filesystem::path const& dir) {
        std::error_code ec;
        std::filesystem::directory_iterator it(dir, ec);
        if (ec) {
            problems_.push_back({dir, "cannot list the store directory: " + ec.message()});
            return;
        }
        std::vector<std::filesystem::path> files;
        for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
            if (ec) {
                problems_.push_back({dir, "error while listing the store directory: " + ec.message()});
                break;
            }
            std::error_code fec;
            if (it->is_regular_file(fec)) files.push_back(it->path());
            else if (it->is_symlink(fec) && !std::filesystem::exists(it->path(), fec) &&
                     (detail::store::has_certificate_extension(it->path()) || detail::find::ascii_upper(it->path().extension().string()) == ".KEY"))
                problems_.push_back({it->path(), "broken symbolic link (its target does not exist)"});
        }
        std::sort(files.begin(), files.end());
        std::vector<std::filesystem::path> used_keys;
        for (auto const& f : files) {
            if (!detail::store::has_certificate_extension(f)) continue;
            auto data = detail::store::read_file(f);
            if (!data) {
                problems_.push_back({f, data.err().message});
                continue;
            }
            auto certs = backend_.load_certificates(*data);
            if (!certs) {
                problems_.push_back({f, "not a certificate file: " + certs.err().message});
                continue;
            }
            std::optional<private_key> key;
            std::filesystem::path key_source;
            if (detail::store::contains_text(*data, "PRIVATE KEY-----")) {
                key_source = f;
                auto k = backend_.load_private_key(*data, "");
                if (k) key = std::move(*k);
                else problems_.push_back({f, "private key in the certificate file cannot be used: " + k.err().message});
            }
            auto key_file = f;
            key_file.replace_extension(".key");
            std::error_code kec;
            if (!key && std::filesystem::is_regular_file(key_file, kec)) {
                used_keys.push_back(key_file);
                key_source = key_file;
                auto kd = detail::store::read_file(key_file);
                if (!kd) problems_.push_back({key_file, kd.err().message});
                else {
                    auto k = backend_.load_private_key(*kd, "");
                    if (k) key = std::move(*k);
                    else if (k.err().code == crypto::errc::bad_password)
                        problems_.push_back({key_file, "encrypted private keys are not supported in stores (store the key unencrypted with "
                                                       "owner-only permissions, or import the PFX): " + k.err().message});
                    else problems_.push_back({key_file, "not a usable private key: " + k.err().message});
                }
            }
            bool first = true;
            for (auto& c : *certs) {
                entry e{std::move(c), std::nullopt, f, false, nullptr};
                e.info = &backend_.info(e.certificate);
                if (first && key) {
                    if (backend_.key_matches(*key, e.certificate)) e.private_key = key;
                    else problems_.push_back({key_source, "the private key does not match the certificate " + e.info->subject + " [" + e.info->thumbprint_hex + "] in " + f.filename().string()});
                }
                first = false;
                if (auto dup = duplicate_of(*e.info)) {
                    problems_.push_back({f, "duplicate certificate " + e.info->subject + " [" + e.info->thumbprint_hex + "], also in " + dup->filename().string() + "; the first is used"});
                    // keep a key that came with the duplicate
                    for (auto& existing : entries_)
                        if (existing.info->thumbprint_hex == e.info->thumbprint_hex && !existing.private_key && e.private_key)
                            existing.private_key = std::move(e.private_key);
                    continue;
                }
                seen_.emplace(e.info->thumbprint_hex, f);
                entries_.push_back(std::move(e));
            }
        }
        for (auto const& f : files) {
            if (detail::find::ascii_upper(f.extension().string()) != ".KEY") continue;
            if (std::find(used_keys.begin(), used_keys.end(), f) != used_keys.end()) continue;
            problems_.push_back({f, "private key file without a certificate file of the same name"});
        }
    }

    void load_system_trust() {
        auto take = [&](std::filesystem::path const& f) {
            auto data = detail::store::read_file(f);
            if (!data) return;
            auto certs = backend_.load_certificates(*data); // "TRUSTED CERTIFICATE" blocks are skipped, as .NET skips them
            if (!certs) return;
            for (auto& c : *certs) {
                entry e{std::move(c), std::nullopt, f, true, nullptr};
                e.info = &backend_.info(e.certificate);
                bool root = e.info->self_issued();
                if (root != (name_ == store_name::root)) continue;
                if (seen_.count(e.info->thumbprint_hex)) continue;
                seen_.emplace(e.info->thumbprint_hex, f);
                entries_.push_back(std::move(e));
            }
        };
        std::error_code ec;
        auto file = system_trust_file(options_);
        if (std::filesystem::is_regular_file(file, ec)) take(file);
        auto dir = system_trust_directory(options_);
        if (std::filesystem::is_directory(dir, ec)) {
            std::vector<std::filesystem::path> files;
            for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
                std::error_code fec;
                if (it->is_regular_file(fec) && it->path() != file) files.push_back(it->path());
            }
            std::sort(files.begin(), files.end());
            for (auto const& f : files) take(f);
        }
    }

    [[nodiscard]] std::optional<std::filesystem::path> duplicate_of(crypto::certificate_info const& i) const {
        auto it = seen_.find(i.thumbprint_hex);
        if (it == seen_.end()) return std::nullopt;
        return it->second;
    }

    void clear_indexes() {
        seen_.clear();
        by_thumbprint_.clear();
        by_subject_.clear();
        by_issuer_.clear();
        by_serial_.clear();
        by_ski_.clear();
        subject_simple_folded_.clear();
        issuer_simple_folded_.clear();
    }

    void index(std::size_t i) {
        auto const& info = *entries_[i].info;
        by_thumbprint_.emplace(info.thumbprint_hex, i);
        by_subject_.emplace(detail::find::ascii_upper(info.subject), i);
        by_issuer_.emplace(detail::find::ascii_upper(info.issuer), i);
        by_serial_.emplace(info.serial_number, i);
        if (info.subject_key_identifier) by_ski_.emplace(crypto::to_hex(*info.subject_key_identifier), i);
        if (info.subject_key_identifier_raw) by_ski_.emplace(crypto::to_hex(*info.subject_key_identifier_raw), i);
        subject_simple_folded_.push_back(detail::find::ascii_upper(info.subject_simple_names));
        issuer_simple_folded_.push_back(detail::find::ascii_upper(info.issuer_simple_names));
    }

    [[nodiscard]] lookup_details details(lookup_failure f, x509_find_type type, x509_find_value const& value, std::vector<entry const*> const& hits,
                                         std::string reason) const {
        lookup_details d;
        d.failure = f;
        d.location = location_;
        d.name = name_;
        d.find_type = type;
        if (auto const* s = std::get_if<std::string>(&value)) d.find_value = *s;
        else d.find_value = std::to_string(std::get<std::chrono::sys_seconds>(value).time_since_epoch().count()) + " (seconds since 1970)";
        d.directory = directory_;
        d.store_exists = exists_;
        d.store_size = entries_.size();
        d.problems = problems_;
        d.reason = std::move(reason);
        auto describe = [](entry const& e) { return e.info->subject + " [" + e.info->thumbprint_hex + "]"; };
        if (f == lookup_failure::multiple_found)
            for (auto const* e : hits) d.candidates.push_back(describe(*e));
        else if (f == lookup_failure::not_found)
            for (std::size_t i = 0; i < entries_.size() && i < 20; ++i) d.candidates.push_back(describe(entries_[i]));
        return d;
    }

    Backend backend_;
    store_location location_;
    store_name name_;
    x509_store_options options_;
    std::filesystem::path directory_;
    bool exists_ = false;
    std::vector<entry> entries_;
    std::vector<store_problem> problems_;
    std::unordered_map<std::string, std::filesystem::path> seen_;
    std::unordered_map<std::string, std::size_t> by_thumbprint_;
    std::unordered_multimap<std::string, std::size_t> by_subject_, by_issuer_, by_serial_, by_ski_;
    std::vector<std::string> subject_simple_folded_, issuer_simple_folded_;
};

/// The stores (and locally held CRLs) a host or client uses, each opened once on first use.
/// Thread-safe; stores are immutable once opened (use `reload()` to pick up changes).
template <crypto_backend Backend>
class x509_stores {
public:
    explicit x509_stores(Backend backend = {}, x509_store_options options = {}) : backend_(std::move(backend)), options_(std::move(options)) {}

    [[nodiscard]] x509_store<Backend> const& get(store_location location, store_name name) const {
        std::lock_guard lock(mutex_);
        auto key = std::make_pair(location, name);
        auto it = stores_.find(key);
        if (it == stores_.end()) it = stores_.emplace(key, std::make_unique<x509_store<Backend>>(backend_, location, name, options_)).first;
        return *it->second;
    }

    /// CRLs from `<location>/CRL/` (offline revocation checking); problems go to `crl_problems`.
    [[nodiscard]] std::vector<typename Backend::crl> const& local_crls(store_location location) const {
        std::lock_guard lock(mutex_);
        auto it = crls_.find(location);
        if (it != crls_.end()) return it->second;
        std::vector<typename Backend::crl> out;
        auto dir = crl_directory(location, options_);
        std::error_code ec;
        if (std::filesystem::is_directory(dir, ec)) {
            std::vector<std::filesystem::path> files;
            for (std::filesystem::directory_iterator di(dir, ec), end; !ec && di != end; di.increment(ec)) {
                std::error_code fec;
                if (di->is_regular_file(fec)) files.push_back(di->path());
            }
            std::sort(files.begin(), files.end());
            for (auto const& f : files) {
                auto data = detail::store::read_file(f);
                if (!data) {
                    crl_problems_.push_back({f, data.err().message});
                    continue;
                }
                auto c = backend_.load_crl(*data);
                if (!c) crl_problems_.push_back({f, "not a CRL: " + c.err().message});
                else out.push_back(std::move(*c));
            }
        }
        return crls_.emplace(location, std::move(out)).first->second;
    }

    [[nodiscard]] std::vector<store_problem> crl_problems() const {
        std::lock_guard lock(mutex_);
        return crl_problems_;
    }

    /// Forgets every opened store and CRL list; the next use reads the disk again.
    void reload() {
        std::lock_guard lock(mutex_);
        stores_.clear();
        crls_.clear();
        crl_problems_.clear();
    }

    [[nodiscard]] Backend const& backend() const noexcept { return backend_; }
    [[nodiscard]] x509_store_options const& options() const noexcept { return options_; }

private:
    Backend backend_;
    x509_store_options options_;
    mutable std::mutex mutex_;
    mutable std::map<std::pair<store_location, store_name>, std::unique_ptr<x509_store<Backend>>> stores_;
    mutable std::map<store_location, std::vector<typename Backend::crl>> crls_;
    mutable std::vector<store_problem> crl_problems_;
};

} // namespace wsbind

#endif
