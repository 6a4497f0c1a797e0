// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// .NET's X500DistinguishedName.Name rendering, checked on names built attribute by attribute.
#include <wsbind/crypto/x509_name.hpp>

#include <catch2/catch.hpp>

using namespace wsbind::crypto;

namespace {
bytes atv(std::string_view oid, bytes value) { return der::sequence(der::oid(oid), value); }
bytes rdn(std::initializer_list<bytes> atvs) {
    bytes content;
    for (auto const& a : atvs) content.insert(content.end(), a.begin(), a.end());
    return der::make(der::tag::set, content);
}
bytes name(std::initializer_list<bytes> rdns) {
    bytes content;
    for (auto const& r : rdns) content.insert(content.end(), r.begin(), r.end());
    return der::make(der::tag::sequence, content);
}
bytes ps(std::string_view s) { return der::printable_string(s); }
bytes utf8(std::string_view s) { return der::utf8_string(s); }
} // namespace

TEST_CASE(".NET renders RDNs in reverse encoding order with short names", "[crypto][name]") {
    auto n = name({rdn({atv("2.5.4.6", ps("US"))}), rdn({atv("2.5.4.8", ps("WA"))}), rdn({atv("2.5.4.7", ps("Redmond"))}),
                   rdn({atv("2.5.4.10", ps("Contoso"))}), rdn({atv("2.5.4.11", ps("IT"))}), rdn({atv("2.5.4.3", ps("Contoso.com"))})});
    CHECK(dotnet_name(n) == "CN=Contoso.com, OU=IT, O=Contoso, L=Redmond, S=WA, C=US");
    CHECK(simple_name_string(n) == "US, WA, Redmond, Contoso, IT, Contoso.com");
    CHECK(name_attribute_value(n, oid_common_name) == "Contoso.com");
}

TEST_CASE("the rest of .NET's attribute names, and OID.x for unknown ones", "[crypto][name]") {
    auto n = name({rdn({atv("0.9.2342.19200300.100.1.25", der::ia5_string("com"))}), rdn({atv("1.2.840.113549.1.9.1", der::ia5_string("a@b.c"))}),
                   rdn({atv("2.5.4.9", ps("1 Main St"))}), rdn({atv("2.5.4.5", ps("1234"))}), rdn({atv("2.5.4.42", ps("Ann"))}),
                   rdn({atv("2.5.4.4", ps("Lee"))}), rdn({atv("2.5.4.12", ps("Dr"))}), rdn({atv("2.5.4.43", ps("A"))}),
                   rdn({atv("2.5.4.17", ps("98052"))}), rdn({atv("0.9.2342.19200300.100.1.1", utf8("jdoe"))}),
                   rdn({atv("1.3.6.1.4.1.311.60.2.1.3", ps("US"))})});
    CHECK(dotnet_name(n) == "OID.1.3.6.1.4.1.311.60.2.1.3=US, OID.0.9.2342.19200300.100.1.1=jdoe, PostalCode=98052, I=A, T=Dr, SN=Lee, "
                            "G=Ann, SERIALNUMBER=1234, STREET=1 Main St, E=a@b.c, DC=com");
}

TEST_CASE("multi-valued RDNs join with ' + '", "[crypto][name]") {
    auto n = name({rdn({atv("2.5.4.10", ps("Contoso"))}), rdn({atv("2.5.4.11", ps("Sales")), atv("2.5.4.3", ps("Bob"))})});
    CHECK(dotnet_name(n) == "OU=Sales + CN=Bob, O=Contoso");
    CHECK(simple_name_string(n) == "Contoso, Sales + Bob");
}

TEST_CASE("values are quoted exactly when .NET quotes them", "[crypto][name]") {
    auto one = [](std::string_view v) { return dotnet_name(name({rdn({atv("2.5.4.3", utf8(v))})})); };
    CHECK(one("plain value") == "CN=plain value");
    CHECK(one("Contoso, Ltd") == "CN=\"Contoso, Ltd\"");
    for (std::string_view special : {"a+b", "a=b", "a<b", "a>b", "#a", "a;b", "a\nb"}) CHECK(one(special) == "CN=\"" + std::string(special) + "\"");
    CHECK(one("say \"hi\"") == "CN=\"say \"\"hi\"\"\"");
    CHECK(one(" lead") == "CN=\" lead\"");
    CHECK(one("trail\t") == "CN=\"trail\t\"");
    CHECK(one("") == "CN=\"\"");
    CHECK(one("a\rb") == "CN=a\rb"); // CR is not in Windows' list
    CHECK(one("caf\xC3\xA9") == "CN=caf\xC3\xA9");
}

TEST_CASE("non-text values print as #hex, unquoted; trailing NULs are dropped", "[crypto][name]") {
    auto n = name({rdn({atv("2.5.4.3", der::octet_string(bytes{0xDE, 0xAD}))}), rdn({atv("2.5.4.10", der::integer(std::uint64_t{5}))}),
                   rdn({atv("2.5.4.11", der::make(der::tag::visible_string, as_bytes("vis")))}), rdn({atv("2.5.4.7", ps(std::string("x\0\0", 3)))}),
                   rdn({atv("2.5.4.8", der::bmp_string("W\xC3\xA4"))})});
    CHECK(dotnet_name(n) == "S=W\xC3\xA4, L=x, OU=#1A03766973, O=#020105, CN=#DEAD");
}

TEST_CASE("malformed names render as empty, as .NET does", "[crypto][name]") {
    CHECK(dotnet_name(bytes{}) == "");
    CHECK(dotnet_name(bytes{0x30, 0x03, 0x31, 0x01}) == "");
    CHECK(dotnet_name(bytes{0x30, 0x02, 0x31, 0x00}) == ""); // empty RDN set
    CHECK(dotnet_name(bytes{0x30, 0x00}) == "");
    CHECK_FALSE(parse_name(bytes{0x30, 0x05, 0x31, 0x03, 0x30, 0x01, 0x06}));
}
