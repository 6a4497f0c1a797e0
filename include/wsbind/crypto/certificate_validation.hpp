// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CRYPTO_CERTIFICATE_VALIDATION_HPP
#define WSBIND_CRYPTO_CERTIFICATE_VALIDATION_HPP

/// \file
/// Validating a peer's X.509 certificate as WCF does (`<authentication certificateValidationMode
/// revocationMode trustedStoreLocation>`), over any crypto backend and the stores.
///
/// WCF's two sides differ (facts: referencesource System.ServiceModel/Security/
/// X509ClientCertificateAuthentication.cs, X509ServiceCertificateAuthentication (4.8 assembly),
/// System.IdentityModel/Selectors/X509CertificateValidator.cs):
///  - a service validating a client certificate (`serviceCredentials/clientCertificate/authentication`):
///    defaults ChainTrust, Online, trustedStoreLocation LocalMachine; ChainTrust builds the chain with
///    the configured revocation mode, then requires the ISSUER's chain to be valid for client
///    authentication (EKU 1.3.6.1.5.5.7.3.2, no revocation check); PeerOrChainTrust tries the chain
///    first, then PeerTrust;
///  - a client validating a service certificate (`clientCredentials/serviceCertificate/authentication`):
///    defaults ChainTrust, Online, trustedStoreLocation CurrentUser; the chain policy requires server
///    authentication (EKU 1.3.6.1.5.5.7.3.1) on the whole chain; PeerOrChainTrust tries PeerTrust
///    first, then the chain.
/// In both, PeerTrust means: within its validity period, present in CurrentUser\TrustedPeople (same
/// bytes, not only the same thumbprint) and absent from CurrentUser\Disallowed — IdentityModel's
/// PeerTrust validator always uses CurrentUser, whatever trustedStoreLocation says.
/// A certificate without an EKU extension is valid for every usage (as in Windows chain policy).
///
/// Chain trust here: trust anchors are Root and AuthRoot of the trusted store location (a
/// CurrentUser context also sees LocalMachine's, as Windows' CurrentUser stores show the machine's);
/// intermediates come from CertificateAuthority of both locations and from the certificates the peer
/// sent; a certificate in Disallowed (either location) is distrusted explicitly.
/// Revocation (excluding the root, .NET's default X509RevocationFlag.ExcludeRoot):
///  - NoCheck: none;
///  - Offline: CRLs held locally (`<location>/CRL/`, both locations);
///  - Online: the local CRLs plus every CRL distribution point of the chain, fetched through a
///    pluggable `crl_fetcher`. FAIL CLOSED: a CRL that cannot be fetched or parsed, or a
///    certificate with no reachable CRL, makes the certificate invalid (RevocationStatusUnknown,
///    OfflineRevocation). The default fetcher reads `file://` URIs only; install an HTTP fetcher
///    for `http://` distribution points: `http::make_crl_fetcher<beast_backend>()`
///    (<wsbind/http/crl_fetcher.hpp>).

#include <wsbind/credentials/credentials.hpp>
#include <wsbind/credentials/errors.hpp>
#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/x509_store.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace wsbind {

/// Fetches a CRL (DER or PEM) from a distribution point URI.
using crl_fetcher = std::function<crypto::result<crypto::bytes>(std::string_view uri)>;

/// The default fetcher: `file://` URIs only; anything else fails (and revocation then fails closed).
[[nodiscard]] inline crypto::result<crypto::bytes> file_crl_fetcher(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (uri.substr(0, scheme.size()) != scheme)
        return crypto::make_error(crypto::errc::unsupported, "no CRL fetcher for '" + std::string(uri) +
                                                                 "' (only file:// URIs are read by default; install a crl_fetcher for HTTP)");
    std::string path(uri.substr(scheme.size()));
    if (path.rfind("localhost/", 0) == 0) path.erase(0, 9);
    return detail::store::read_file(path);
}

/// Which peer certificate is validated; selects WCF's side-specific defaults and chain policy.
enum class certificate_role : std::uint8_t {
    client_certificate,  ///< a service validates a client's certificate
    service_certificate, ///< a client validates a service's certificate
};

/// The outcome of a validation.
struct certificate_validation_result {
    bool valid = false;
    std::string message;        ///< why not (empty when valid)
    crypto::chain_result chain; ///< the chain verdict, when a chain was built
};

template <crypto_backend Backend>
class x509_certificate_validator {
public:
    using certificate = typename Backend::certificate;

    x509_certificate_validator(x509_stores<Backend> const& stores, x509_client_certificate_authentication const& a, crl_fetcher fetcher = file_crl_fetcher)
        : stores_(&stores), role_(certificate_role::client_certificate), mode_(a.validation_mode), revocation_(a.revocation),
          trusted_location_(a.trusted_store_location), custom_(a.custom_validator), fetcher_(std::move(fetcher)) {}
    x509_certificate_validator(x509_stores<Backend> const& stores, x509_service_certificate_authentication const& a, crl_fetcher fetcher = file_crl_fetcher)
        : stores_(&stores), role_(certificate_role::service_certificate), mode_(a.validation_mode), revocation_(a.revocation),
          trusted_location_(a.trusted_store_location), custom_(a.custom_validator), fetcher_(std::move(fetcher)) {}

    /// Validates `cert`; `supporting` are the other certificates the peer sent (possible intermediates).
    [[nodiscard]] certificate_validation_result validate(certificate const& cert, std::span<certificate const> supporting = {},
                                                         std::optional<std::chrono::sys_seconds> at = std::nullopt) const {
        auto const now = at.value_or(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
        auto const& info = backend().info(cert);
        std::string const id = info.subject + " [" + info.thumbprint_hex + "]";
        auto fail = [&](std::string why, crypto::chain_result chain = {}) {
            certificate_validation_result r;
            r.message = "The X.509 certificate " + id + " is not valid (certificateValidationMode " + std::string(to_string(mode_)) + "): " + std::move(why);
            r.chain = std::move(chain);
            return r;
        };
        switch (mode_) {
        case certificate_validation_mode::none: return {true, {}, {}};
        case certificate_validation_mode::custom: {
            if (!custom_) return fail("the mode is Custom but no custom validator is set");
            if (auto e = custom_(info)) return fail("rejected by the custom validator: " + *e);
            return {true, {}, {}};
        }
        case certificate_validation_mode::peer_trust: {
            auto p = peer_trust(cert, now);
            if (!p.empty()) return fail(p);
            return {true, {}, {}};
        }
        case certificate_validation_mode::chain_trust: {
            auto c = chain_trust(cert, supporting, now);
            if (!c.ok) return fail(c.message, std::move(c.chain));
            return {true, {}, std::move(c.chain)};
        }
        case certificate_validation_mode::peer_or_chain_trust: {
            if (role_ == certificate_role::service_certificate) { // peer first (IdentityModel PeerOrChainTrustValidator)
                auto p = peer_trust(cert, now);
                if (p.empty()) return {true, {}, {}};
                auto c = chain_trust(cert, supporting, now);
                if (c.ok) return {true, {}, std::move(c.chain)};
                return fail(p + " " + c.message, std::move(c.chain));
            }
            auto c = chain_trust(cert, supporting, now); // chain first (ClientPeerOrChainTrustValidator)
            if (c.ok) return {true, {}, std::move(c.chain)};
            auto p = peer_trust(cert, now);
            if (p.empty()) return {true, {}, std::move(c.chain)};
            return fail(p + " " + c.message, std::move(c.chain));
        }
        }
        return fail("unknown certificateValidationMode");
    }

    /// As `validate`, throwing `certificate_validation_error` when not valid.
    void validate_or_throw(certificate const& cert, std::span<certificate const> supporting = {},
                           std::optional<std::chrono::sys_seconds> at = std::nullopt) const {
        auto r = validate(cert, supporting, at);
        if (!r.valid) throw certificate_validation_error(r.message);
    }

    [[nodiscard]] certificate_role role() const noexcept { return role_; }

private:
    struct chain_outcome {
        bool ok = false;
        std::string message;
        crypto::chain_result chain;
    };

    [[nodiscard]] Backend const& backend() const { return stores_->backend(); }

    /// "" when trusted as a peer, else the reason.
    [[nodiscard]] std::string peer_trust(certificate const& cert, std::chrono::sys_seconds now) const {
        auto const& info = backend().info(cert);
        if (now < info.not_before || now > info.not_after)
            return "PeerTrust: the certificate is outside its validity period (now " + format(now) + ", valid from " + format(info.not_before) + " to " +
                   format(info.not_after) + ").";
        auto const& people = stores_->get(store_location::current_user, store_name::trusted_people);
        if (!people.find_certificate(cert))
            return "PeerTrust: the certificate is not in the CurrentUser\\TrustedPeople store (" + people.directory().string() + ").";
        auto const& disallowed = stores_->get(store_location::current_user, store_name::disallowed);
        if (disallowed.find_certificate(cert)) return "PeerTrust: the certificate is in the CurrentUser\\Disallowed store.";
        return {};
    }

    [[nodiscard]] chain_outcome chain_trust(certificate const& cert, std::span<certificate const> supporting, std::chrono::sys_seconds now) const {
        chain_outcome out;
        std::vector<certificate> anchors, untrusted(supporting.begin(), supporting.end());
        auto add_all = [](std::vector<certificate>& to, x509_store<Backend> const& s) {
            for (auto const& e : s.entries()) to.push_back(e.certificate);
        };
        std::vector<store_location> anchor_locations{trusted_location_};
        if (trusted_location_ == store_location::current_user) anchor_locations.push_back(store_location::local_machine);
        for (auto loc : anchor_locations) {
            add_all(anchors, stores_->get(loc, store_name::root));
            add_all(anchors, stores_->get(loc, store_name::auth_root));
        }
        for (auto loc : {store_location::current_user, store_location::local_machine}) add_all(untrusted, stores_->get(loc, store_name::certificate_authority));
        crypto::chain_options options;
        options.verification_time = now;
        options.check_revocation = false;
        auto chain = backend().verify_chain(cert, untrusted, anchors, {}, options);
        // explicit distrust
        for (auto const& tp : chain.chain)
            for (auto loc : {store_location::current_user, store_location::local_machine}) {
                auto const& d = stores_->get(loc, store_name::disallowed);
                if (!d.find(x509_find_type::find_by_thumbprint, tp).empty()) {
                    chain.status |= crypto::chain_status::explicit_distrust;
                    chain.messages.push_back("certificate " + tp + " is in the " + std::string(to_string(loc)) + "\\Disallowed store");
                }
            }
        if (chain.ok() && revocation_ != revocation_mode::no_check) {
            std::vector<typename Backend::crl> crls;
            std::vector<std::string> fetch_problems;
            for (auto loc : {trusted_location_, store_location::local_machine}) {
                auto const& local = stores_->local_crls(loc);
                crls.insert(crls.end(), local.begin(), local.end());
                if (trusted_location_ == store_location::local_machine) break;
            }
            if (revocation_ == revocation_mode::online) fetch_crls(cert, supporting, untrusted, anchors, chain, crls, fetch_problems);
            options.check_revocation = true;
            auto with_revocation = backend().verify_chain(cert, untrusted, anchors, crls, options);
            if (!fetch_problems.empty() && (with_revocation.status & crypto::chain_status::revocation_status_unknown)) {
                with_revocation.status |= crypto::chain_status::offline_revocation;
                for (auto& p : fetch_problems) with_revocation.messages.push_back(std::move(p));
            }
            with_revocation.status |= chain.status & crypto::chain_status::explicit_distrust;
            chain = std::move(with_revocation);
        }
        if (chain.ok()) apply_usage_policy(cert, supporting, untrusted, anchors, chain);
        out.ok = chain.ok();
        if (!out.ok) {
            std::string trusted = std::string(to_string(trusted_location_));
            out.message = "ChainTrust: the chain could not be verified (trusted store location " + trusted + ", revocation mode " +
                          std::string(to_string(revocation_)) + "): " + chain.summary();
        }
        out.chain = std::move(chain);
        return out;
    }

    /// Fetches the CRLs of every chain element below the root through the fetcher (fail closed).
    void fetch_crls(certificate const& cert, std::span<certificate const> supporting, std::vector<certificate> const& untrusted,
                    std::vector<certificate> const& anchors, crypto::chain_result const& chain, std::vector<typename Backend::crl>& crls,
                    std::vector<std::string>& problems) const {
        for (std::size_t i = 0; i + 1 < chain.chain.size(); ++i) {
            auto const* element = lookup(chain.chain[i], cert, supporting, untrusted, anchors);
            if (!element) continue;
            auto const& info = backend().info(*element);
            if (info.crl_distribution_points.empty()) {
                problems.push_back("certificate " + info.subject + " has no CRL distribution point");
                continue;
            }
            for (auto const& uri : info.crl_distribution_points) {
                auto c = fetch(uri);
                if (!c) // fetchers name the URI themselves (http::http_crl_fetcher does); do not repeat it
                    problems.push_back(c.err().message.find(uri) != std::string::npos ? c.err().message : "CRL " + uri + ": " + c.err().message);
                else crls.push_back(std::move(*c));
            }
        }
    }

    crypto::result<typename Backend::crl> fetch(std::string const& uri) const {
        {
            std::lock_guard lock(cache_mutex_);
            auto it = cache_.find(uri);
            if (it != cache_.end()) {
                auto const& ci = backend().crl_info(it->second);
                auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
                if (ci.next_update && *ci.next_update > now) return it->second;
                cache_.erase(it);
            }
        }
        if (!fetcher_) return crypto::make_error(crypto::errc::unsupported, "no CRL fetcher is configured");
        auto data = fetcher_(uri);
        if (!data) return data.err();
        auto c = backend().load_crl(*data);
        if (!c) return c.err();
        std::lock_guard lock(cache_mutex_);
        cache_.insert_or_assign(uri, *c);
        return c;
    }

    certificate const* lookup(std::string const& thumbprint, certificate const& cert, std::span<certificate const> supporting,
                              std::vector<certificate> const& untrusted, std::vector<certificate> const& anchors) const {
        if (backend().info(cert).thumbprint_hex == thumbprint) return &cert;
        for (auto const& c : supporting)
            if (backend().info(c).thumbprint_hex == thumbprint) return &c;
        for (auto const& c : untrusted)
            if (backend().info(c).thumbprint_hex == thumbprint) return &c;
        for (auto const& c : anchors)
            if (backend().info(c).thumbprint_hex == thumbprint) return &c;
        return nullptr;
    }

    /// WCF's side-specific application policy (see the file comment).
    void apply_usage_policy(certificate const& cert, std::span<certificate const> supporting, std::vector<certificate> const& untrusted,
                            std::vector<certificate> const& anchors, crypto::chain_result& chain) const {
        std::string_view const eku = role_ == certificate_role::service_certificate ? crypto::oids::server_auth : crypto::oids::client_auth;
        std::size_t const first = role_ == certificate_role::service_certificate ? 0 : 1;
        for (std::size_t i = first; i < chain.chain.size(); ++i) {
            auto const* element = lookup(chain.chain[i], cert, supporting, untrusted, anchors);
            if (!element) continue;
            auto const& info = backend().info(*element);
            if (!info.extended_key_usage) continue;
            auto const& list = *info.extended_key_usage;
            if (std::find(list.begin(), list.end(), eku) != list.end() ||
                std::find(list.begin(), list.end(), crypto::oids::any_extended_key_usage) != list.end())
                continue;
            chain.status |= crypto::chain_status::not_valid_for_usage;
            chain.messages.push_back("depth " + std::to_string(i) + " (" + info.subject + "): not valid for " +
                                     (role_ == certificate_role::service_certificate ? "server authentication (1.3.6.1.5.5.7.3.1)"
                                                                                     : "client authentication (1.3.6.1.5.5.7.3.2)"));
        }
    }

    static std::string format(std::chrono::sys_seconds t) {
        using namespace std::chrono;
        auto days = floor<std::chrono::days>(t);
        year_month_day ymd{days};
        hh_mm_ss hms{t - days};
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                      static_cast<unsigned>(ymd.day()), static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                      static_cast<long>(hms.seconds().count()));
        return buf;
    }

    x509_stores<Backend> const* stores_;
    certificate_role role_;
    certificate_validation_mode mode_;
    revocation_mode revocation_;
    store_location trusted_location_;
    custom_certificate_validator custom_;
    crl_fetcher fetcher_;
    mutable std::mutex cache_mutex_;
    mutable std::map<std::string, typename Backend::crl> cache_;
};

} // namespace wsbind

#endif
