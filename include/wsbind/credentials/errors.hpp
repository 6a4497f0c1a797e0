// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CREDENTIALS_ERRORS_HPP
#define WSBIND_CREDENTIALS_ERRORS_HPP

/// \file
/// Exceptions of the credentials layer, thrown where a WCF user expects an exception (certificate
/// lookups when a host or client opens, validation of a peer's certificate, identity checks).
/// Each carries the facts needed to fix the problem, not only a message. std only.

#include <wsbind/credentials/enums.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace wsbind {

/// Something wrong with a file or directory of a store; the store stays usable.
struct store_problem {
    std::filesystem::path path;
    std::string message;
};

/// Why a certificate lookup failed.
enum class lookup_failure : std::uint8_t {
    not_found,          ///< no certificate matched (WCF: CannotFindCert)
    multiple_found,     ///< more than one matched where exactly one is needed (WCF: FoundMultipleCerts)
    invalid_find_value, ///< the find value is not valid for its find type (WCF: FormatException/CryptographicException)
};

/// Everything known about a failed lookup.
struct lookup_details {
    lookup_failure failure = lookup_failure::not_found;
    store_location location = store_location::local_machine;
    store_name name = store_name::my;
    x509_find_type find_type = x509_find_type::find_by_subject_distinguished_name;
    std::string find_value;
    std::filesystem::path directory;      ///< the store's directory
    bool store_exists = true;
    std::size_t store_size = 0;           ///< certificates in the store
    std::vector<std::string> candidates;  ///< "subject [thumbprint]": the matches (multiple) or the store's certificates (not found, first 20)
    std::vector<store_problem> problems;  ///< problems met while reading the store
    std::string reason;                   ///< for invalid_find_value: what is wrong and what is allowed
};

/// Base of the lookup exceptions; `what()` is one precise paragraph.
class certificate_lookup_error : public std::runtime_error {
public:
    explicit certificate_lookup_error(lookup_details d) : std::runtime_error(describe(d)), details_(std::move(d)) {}
    [[nodiscard]] lookup_details const& details() const noexcept { return details_; }

    [[nodiscard]] static std::string describe(lookup_details const& d) {
        std::string where = std::string(to_string(d.location)) + "\\" + std::string(to_string(d.name)) + " (" + d.directory.string() + ")";
        std::string criteria = std::string(to_string(d.find_type)) + " '" + d.find_value + "'";
        std::string s;
        switch (d.failure) {
        case lookup_failure::invalid_find_value:
            s = "Invalid find value for store " + where + ": " + d.reason;
            break;
        case lookup_failure::multiple_found:
            s = std::to_string(d.candidates.size()) + " certificates in store " + where + " match " + criteria +
                "; exactly one is required, so give a more specific find value (for example FindByThumbprint). Matches: ";
            for (std::size_t i = 0; i < d.candidates.size(); ++i) s += (i ? "; " : "") + d.candidates[i];
            break;
        case lookup_failure::not_found:
            s = "Cannot find the X.509 certificate using the search criteria StoreName '" + std::string(to_string(d.name)) + "', StoreLocation '" +
                std::string(to_string(d.location)) + "', FindType '" + std::string(to_string(d.find_type)) + "', FindValue '" + d.find_value + "'. ";
            if (!d.store_exists) {
                s += "The store directory " + d.directory.string() + " does not exist.";
            } else {
                s += "The store " + d.directory.string() + " holds " + std::to_string(d.store_size) + " certificate" + (d.store_size == 1 ? "" : "s");
                if (!d.candidates.empty()) {
                    s += ": ";
                    for (std::size_t i = 0; i < d.candidates.size(); ++i) s += (i ? "; " : "") + d.candidates[i];
                    if (d.store_size > d.candidates.size()) s += "; ...";
                }
                s += ".";
            }
            break;
        }
        if (!d.problems.empty()) {
            s += " Problems reading the store: ";
            for (std::size_t i = 0; i < d.problems.size() && i < 10; ++i) s += (i ? "; " : "") + d.problems[i].path.filename().string() + ": " + d.problems[i].message;
            if (d.problems.size() > 10) s += "; ...";
        }
        return s;
    }

private:
    lookup_details details_;
};

/// No certificate matched.
class certificate_not_found : public certificate_lookup_error {
public:
    using certificate_lookup_error::certificate_lookup_error;
};
/// Several certificates matched where WCF requires exactly one.
class multiple_certificates_found : public certificate_lookup_error {
public:
    using certificate_lookup_error::certificate_lookup_error;
};
/// The find value cannot be used with its find type.
class invalid_find_value : public certificate_lookup_error {
public:
    using certificate_lookup_error::certificate_lookup_error;
};

[[noreturn]] inline void throw_lookup_error(lookup_details d) {
    switch (d.failure) {
    case lookup_failure::not_found: throw certificate_not_found(std::move(d));
    case lookup_failure::multiple_found: throw multiple_certificates_found(std::move(d));
    case lookup_failure::invalid_find_value: throw invalid_find_value(std::move(d));
    }
    throw certificate_lookup_error(std::move(d));
}

/// A certificate failed validation (WCF: SecurityTokenValidationException).
class certificate_validation_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The peer's certificate does not satisfy the expected endpoint identity
/// (WCF: MessageSecurityException "Identity check failed ...").
class identity_check_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A credential (serviceCredentials / clientCredentials) could not be resolved when a host or a
/// client opened; the message names the behavior and the reference that failed.
class credential_resolution_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace wsbind

#endif
