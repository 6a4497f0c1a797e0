// DataContract primitives: the text .NET Framework's XmlConvert writes (checked against Mono 6.8,
// which uses the same XmlConvert) and what it accepts.
#include <wsbind/soap/data_contract.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using wsbind::soap::data_contract;

TEST_CASE("double: written as XmlConvert.ToString writes it", "[soap][data_contract]") {
    // Each pair printed by Mono 6.8's System.Xml.XmlConvert.ToString(double).
    std::pair<double, char const*> const cases[] = {
        {0.1, "0.1"}, {1e20, "1E+20"}, {1e15, "1E+15"}, {1e14, "100000000000000"}, {123456789012345.0, "123456789012345"},
        {1e-5, "1E-05"}, {0.0001, "0.0001"}, {-0.0, "-0"}, {0.0, "0"}, {0.1 + 0.2, "0.30000000000000004"},
        {0.1 + 0.7, "0.79999999999999993"}, {1.0 / 3, "0.33333333333333331"}, {3.0, "3"},
        {std::numeric_limits<double>::max(), "1.7976931348623157E+308"},
        {std::numeric_limits<double>::denorm_min(), "4.94065645841247E-324"}, {1e21, "1E+21"},
        {12345678901234567890.0, "1.2345678901234567E+19"}, {2.5e-7, "2.5E-07"}, {-2.5, "-2.5"},
        {std::numeric_limits<double>::infinity(), "INF"}, {-std::numeric_limits<double>::infinity(), "-INF"},
        {std::numeric_limits<double>::quiet_NaN(), "NaN"}};
    for (auto const& [value, text] : cases) {
        INFO(text);
        CHECK(data_contract<double>::write(value) == text);
    }
}

TEST_CASE("double: read as XmlConvert.ToDouble reads it", "[soap][data_contract]") {
    CHECK(data_contract<double>::read(" 1.5 ") == 1.5);
    CHECK(data_contract<double>::read("1e3") == 1000.0);
    CHECK(data_contract<double>::read("+1") == 1.0);
    CHECK(data_contract<double>::read("1.") == 1.0);
    CHECK(data_contract<double>::read(".5") == 0.5);
    CHECK(data_contract<double>::read("INF") == std::numeric_limits<double>::infinity());
    CHECK(data_contract<double>::read("-INF") == -std::numeric_limits<double>::infinity());
    CHECK(data_contract<double>::read("Infinity") == std::numeric_limits<double>::infinity());
    CHECK(std::isnan(*data_contract<double>::read("NaN")));
    auto const minus_zero = data_contract<double>::read("-0");
    REQUIRE(minus_zero);
    CHECK(std::signbit(*minus_zero));
    for (char const* bad : {"1,5", "0x10", "+INF", "", "abc", "1e", "--1", "1.5.5", "nan"}) {
        INFO(bad);
        CHECK_FALSE(data_contract<double>::read(bad));
    }
    for (double v : {0.1, 1e20, 0.1 + 0.7, 1.0 / 3, 4.94065645841247E-324, 1.7976931348623157E+308})
        CHECK(data_contract<double>::read(data_contract<double>::write(v)) == v);
}

TEST_CASE("other primitives", "[soap][data_contract]") {
    CHECK(data_contract<float>::write(0.1f) == "0.1");
    CHECK(data_contract<bool>::write(true) == "true");
    CHECK(data_contract<bool>::read("1") == true);
    CHECK_FALSE(data_contract<bool>::read("yes"));
    CHECK(data_contract<std::int32_t>::read(" 42 ") == 42);
    CHECK_FALSE(data_contract<std::int32_t>::read("4294967296"));
    CHECK(data_contract<std::int64_t>::write(-9) == "-9");
}

TEST_CASE("read_value names the type and the text it could not parse", "[soap][data_contract]") {
    pugi::xml_document doc;
    doc.load_string("<n1>abc</n1>");
    std::string error;
    CHECK_FALSE(wsbind::soap::read_value<double>(doc.first_child(), &error));
    CHECK(error == "There was an error deserializing the object of type Double. The value 'abc' cannot be parsed as the type 'Double'.");
}
