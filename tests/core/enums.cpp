#include <wsbind/core/enums.hpp>
#include <wsbind/credentials/enums.hpp>

#include <catch2/catch.hpp>

#include <iterator>

TEST_CASE("enum names are WCF's, exact and case-sensitive", "[core][enums]") {
    using namespace wsbind;
    STATIC_REQUIRE(to_string(security_mode::transport_with_message_credential) == "TransportWithMessageCredential");
    STATIC_REQUIRE(enum_from_string<security_mode>("Message") == security_mode::message);
    STATIC_REQUIRE(!enum_from_string<security_mode>("message"));
    STATIC_REQUIRE(!enum_from_string<security_mode>(" Message"));
    STATIC_REQUIRE(!enum_from_string<security_mode>("2"));
    STATIC_REQUIRE(enum_size<algorithm_suite> == 17); // Default and the 16 named suites
    STATIC_REQUIRE(enum_size<authentication_mode> == 18);
    STATIC_REQUIRE(enum_size<x509_find_type> == 15);
    CHECK(enum_name_list<message_credential_type>() == "None, Windows, UserName, Certificate, IssuedToken");
    CHECK(enum_name_list<transport_credential_type>() == "None, Basic, Digest, Ntlm, Windows, Certificate, InheritedFromHost");
    CHECK(enum_name_list<store_location>() == "CurrentUser, LocalMachine");
    CHECK(enum_name_list<certificate_validation_mode>() == "None, PeerTrust, ChainTrust, PeerOrChainTrust, Custom");
    CHECK(enum_name_list<revocation_mode>() == "NoCheck, Online, Offline");
    CHECK(to_string(x509_find_type::find_by_subject_key_identifier) == "FindBySubjectKeyIdentifier");
    CHECK(static_cast<int>(x509_find_type::find_by_subject_key_identifier) == 14); // .NET's value
    CHECK(to_string(text_encoding::unicode_fffe) == "unicodeFFFE");
    CHECK(to_string(message_security_version::wss10_trust13_sc13_sp12_bsp10) ==
          "WSSecurity10WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10");
}

TEST_CASE("every enumerator has a distinct name", "[core][enums]") {
    auto distinct = [](auto const& entries) {
        std::size_t const n = std::size(entries);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                if (entries[i].name == entries[j].name || entries[i].value == entries[j].value) return false;
        return true;
    };
    using namespace wsbind;
    CHECK(distinct(enum_info<security_mode>::entries));
    CHECK(distinct(enum_info<algorithm_suite>::entries));
    CHECK(distinct(enum_info<authentication_mode>::entries));
    CHECK(distinct(enum_info<message_version>::entries));
    CHECK(distinct(enum_info<x509_find_type>::entries));
    CHECK(distinct(enum_info<store_name>::entries));
    CHECK(distinct(enum_info<ssl_protocols>::entries));
}
