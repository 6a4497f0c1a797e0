// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CREDENTIALS_ENUMS_HPP
#define WSBIND_CREDENTIALS_ENUMS_HPP

/// \file
/// Enumerations of WCF's credential model (System.Security.Cryptography.X509Certificates and
/// System.ServiceModel.Security), with their configuration names. std only.

#include <wsbind/core/enum_names.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace wsbind {

/// X.509 store location (StoreLocation).
enum class store_location : std::uint8_t { current_user, local_machine };

/// X.509 store name (StoreName).
enum class store_name : std::uint8_t { address_book, auth_root, certificate_authority, disallowed, my, root, trusted_people, trusted_publisher };

/// How a certificate is looked up (X509FindType); values 0..14 as in .NET.
enum class x509_find_type : std::uint8_t { find_by_thumbprint, find_by_subject_name, find_by_subject_distinguished_name, find_by_issuer_name, find_by_issuer_distinguished_name, find_by_serial_number, find_by_time_valid, find_by_time_not_yet_valid, find_by_time_expired, find_by_template_name, find_by_application_policy, find_by_certificate_policy, find_by_extension, find_by_key_usage, find_by_subject_key_identifier };

/// X509CertificateValidationMode.
enum class certificate_validation_mode : std::uint8_t { none, peer_trust, chain_trust, peer_or_chain_trust, custom };

/// X509RevocationMode.
enum class revocation_mode : std::uint8_t { no_check, online, offline };

/// UserNamePasswordValidationMode.
enum class user_name_password_validation_mode : std::uint8_t { windows, membership_provider, custom };

/// AudienceUriMode.
enum class audience_uri_mode : std::uint8_t { never, always, bearer_key_only };

/// TokenImpersonationLevel.
enum class token_impersonation_level : std::uint8_t { none, anonymous, identification, impersonation, delegation };



template <>
struct enum_info<store_location> {
    static constexpr std::string_view type_name = "StoreLocation";
    static constexpr enum_entry<store_location> entries[] = {
        {store_location::current_user, "CurrentUser"},
        {store_location::local_machine, "LocalMachine"}};
};

template <>
struct enum_info<store_name> {
    static constexpr std::string_view type_name = "StoreName";
    static constexpr enum_entry<store_name> entries[] = {
        {store_name::address_book, "AddressBook"},
        {store_name::auth_root, "AuthRoot"},
        {store_name::certificate_authority, "CertificateAuthority"},
        {store_name::disallowed, "Disallowed"},
        {store_name::my, "My"},
        {store_name::root, "Root"},
        {store_name::trusted_people, "TrustedPeople"},
        {store_name::trusted_publisher, "TrustedPublisher"}};
};

template <>
struct enum_info<x509_find_type> {
    static constexpr std::string_view type_name = "X509FindType";
    static constexpr enum_entry<x509_find_type> entries[] = {
        {x509_find_type::find_by_thumbprint, "FindByThumbprint"},
        {x509_find_type::find_by_subject_name, "FindBySubjectName"},
        {x509_find_type::find_by_subject_distinguished_name, "FindBySubjectDistinguishedName"},
        {x509_find_type::find_by_issuer_name, "FindByIssuerName"},
        {x509_find_type::find_by_issuer_distinguished_name, "FindByIssuerDistinguishedName"},
        {x509_find_type::find_by_serial_number, "FindBySerialNumber"},
        {x509_find_type::find_by_time_valid, "FindByTimeValid"},
        {x509_find_type::find_by_time_not_yet_valid, "FindByTimeNotYetValid"},
        {x509_find_type::find_by_time_expired, "FindByTimeExpired"},
        {x509_find_type::find_by_template_name, "FindByTemplateName"},
        {x509_find_type::find_by_application_policy, "FindByApplicationPolicy"},
        {x509_find_type::find_by_certificate_policy, "FindByCertificatePolicy"},
        {x509_find_type::find_by_extension, "FindByExtension"},
        {x509_find_type::find_by_key_usage, "FindByKeyUsage"},
        {x509_find_type::find_by_subject_key_identifier, "FindBySubjectKeyIdentifier"}};
};

template <>
struct enum_info<certificate_validation_mode> {
    static constexpr std::string_view type_name = "X509CertificateValidationMode";
    static constexpr enum_entry<certificate_validation_mode> entries[] = {
        {certificate_validation_mode::none, "None"},
        {certificate_validation_mode::peer_trust, "PeerTrust"},
        {certificate_validation_mode::chain_trust, "ChainTrust"},
        {certificate_validation_mode::peer_or_chain_trust, "PeerOrChainTrust"},
        {certificate_validation_mode::custom, "Custom"}};
};

template <>
struct enum_info<revocation_mode> {
    static constexpr std::string_view type_name = "X509RevocationMode";
    static constexpr enum_entry<revocation_mode> entries[] = {
        {revocation_mode::no_check, "NoCheck"},
        {revocation_mode::online, "Online"},
        {revocation_mode::offline, "Offline"}};
};

template <>
struct enum_info<user_name_password_validation_mode> {
    static constexpr std::string_view type_name = "UserNamePasswordValidationMode";
    static constexpr enum_entry<user_name_password_validation_mode> entries[] = {
        {user_name_password_validation_mode::windows, "Windows"},
        {user_name_password_validation_mode::membership_provider, "MembershipProvider"},
        {user_name_password_validation_mode::custom, "Custom"}};
};

template <>
struct enum_info<audience_uri_mode> {
    static constexpr std::string_view type_name = "AudienceUriMode";
    static constexpr enum_entry<audience_uri_mode> entries[] = {
        {audience_uri_mode::never, "Never"},
        {audience_uri_mode::always, "Always"},
        {audience_uri_mode::bearer_key_only, "BearerKeyOnly"}};
};

template <>
struct enum_info<token_impersonation_level> {
    static constexpr std::string_view type_name = "TokenImpersonationLevel";
    static constexpr enum_entry<token_impersonation_level> entries[] = {
        {token_impersonation_level::none, "None"},
        {token_impersonation_level::anonymous, "Anonymous"},
        {token_impersonation_level::identification, "Identification"},
        {token_impersonation_level::impersonation, "Impersonation"},
        {token_impersonation_level::delegation, "Delegation"}};
};

} // namespace wsbind

#endif
