#include <catch2/catch.hpp>
#include <string>
std::string odr_a();
std::string odr_b();
TEST_CASE("two translation units with every crypto and credentials header link and agree", "[crypto][odr]") {
    CHECK(odr_a() == odr_b());
    CHECK(odr_a().substr(0, 40) == "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709");
}
