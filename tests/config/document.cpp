// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#include <wsbind/config/document.hpp>

#include "test_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace wsbind::config;

namespace {

struct loaded {
    document doc;
    diagnostics diags;
    bool ok = false;
};

void load(loaded& l, std::string const& text, load_options const& o = {}) { l.ok = l.doc.load_string(text, "t.config", l.diags, o); }

} // namespace

TEST_CASE("document: positions of elements and attributes, columns in characters", "[config][document]") {
    loaded l;
    load(l, "<a>\n\t<b x=\"1\"   y='\xC3\xA9\xC3\xA9'  z=\"2\"/>\n</a>");
    REQUIRE(l.ok);
    auto b = l.doc.root().child("b");
    CHECK(l.doc.position_of(b) == source_position{2, 3});          // tab counts one
    CHECK(l.doc.position_of(b.attribute("x")) == source_position{2, 5});
    CHECK(l.doc.position_of_value(b.attribute("x")) == source_position{2, 8});
    CHECK(l.doc.position_of(b.attribute("z")) == source_position{2, 21}); // é counts one column
}

TEST_CASE("document: offsets and the shared position index give the positions the document gives", "[config][document]") {
    std::string const text = "<a>\n\t<b x=\"1\"   y='\xC3\xA9\xC3\xA9'  z=\"2\"/>\n<!-- \xE2\x82\xAC -->\n  <c w=\"\" v='\xF0\x9F\x98\x80'>t\xC3\xA9xt</c>\n</a>";
    std::shared_ptr<position_index const> index;
    std::vector<std::pair<source_offset, source_position>> expected;
    {
        loaded l;
        load(l, text);
        REQUIRE(l.ok);
        index = l.doc.positions();
        REQUIRE(index != nullptr);
        auto const check = [&](source_offset o, source_position p) {
            CHECK(index->at_offset(o) == p);
            expected.emplace_back(o, p);
        };
        for (auto n = l.doc.root(); n; n = n.first_child() ? n.first_child() : n.next_sibling()) {
            check(l.doc.offset_of(n), l.doc.position_of(n));
            for (auto a : n.attributes()) {
                check(l.doc.offset_of(a), l.doc.position_of(a));
                check(l.doc.offset_of_value(a), l.doc.position_of_value(a));
            }
        }
        auto const c = l.doc.root().child("c");
        CHECK(l.doc.position_of_value(c.attribute("v")) == source_position{4, 14});
        CHECK(l.doc.position_of(c.attribute("v").next_attribute()) == source_position{}); // no attribute
        CHECK(l.doc.offset_of(c.attribute("v").next_attribute()) == unknown_offset);
        CHECK(l.doc.position_of(l.doc.root().child("c").first_child()) == source_position{4, 17}); // after a 4-byte character
        CHECK(l.doc.offset_of(pugi::xml_node{}) == unknown_offset);
        CHECK(expected.size() == 14);
    }
    // The index outlives the document (a configuration keeps it).
    for (auto const& [o, p] : expected) CHECK(index->at_offset(o) == p);
    CHECK(index->at_offset(unknown_offset) == source_position{});
    CHECK(position_at(nullptr, 3) == source_position{});
}

TEST_CASE("document: malformed XML is reported where pugixml found it", "[config][document]") {
    SECTION("mismatched end tag names the open start tag and its place") {
        loaded l;
        load(l, "<a>\n  <b>\n  </c>\n</a>");
        REQUIRE_FALSE(l.ok);
        REQUIRE(l.diags.size() == 1);
        auto const& d = l.diags[0];
        CHECK(d.code == "Xml_TagMismatchEx");
        CHECK(d.message == "The 'b' start tag on line 2 position 4 does not match the end tag of 'c'.");
        CHECK(d.position == source_position{3, 5});
        CHECK(d.file == "t.config");
    }
    SECTION("unclosed elements at the end") {
        loaded l;
        load(l, "<a>\n<b>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].message == "Unexpected end of file has occurred. The following elements are not closed: b, a.");
        CHECK(l.diags[0].position == source_position{2, 4});
    }
    SECTION("bad attribute syntax") {
        loaded l;
        load(l, "<a x=1/>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_NotWellFormed");
        CHECK(l.diags[0].position.line == 1);
    }
    SECTION("empty document") {
        loaded l;
        load(l, "  \n");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_MissingRoot");
    }
}

TEST_CASE("document: encodings and byte order marks", "[config][document]") {
    SECTION("UTF-8 BOM is skipped; columns do not count it") {
        loaded l;
        load(l, "\xEF\xBB\xBF<a x='1'/>");
        REQUIRE(l.ok);
        CHECK(l.doc.position_of(l.doc.root().attribute("x")) == source_position{1, 4});
    }
    SECTION("UTF-16LE with BOM is converted") {
        std::string u16 = "\xFF\xFE";
        for (char c : std::string("<a x='\xE9'/>")) {
            u16 += c;
            u16 += '\0';
        }
        loaded l;
        load(l, u16);
        REQUIRE(l.ok);
        CHECK(std::string(l.doc.root().attribute("x").value()) == "\xC3\xA9");
    }
    SECTION("UTF-16BE without BOM is recognised") {
        std::string u16;
        for (char c : std::string("<a/>")) {
            u16 += '\0';
            u16 += c;
        }
        loaded l;
        load(l, u16);
        CHECK(l.ok);
    }
    SECTION("unpaired surrogate") {
        loaded l;
        load(l, std::string("\xFF\xFE<\0a\0\x00\xD8/\0>\0", 12));
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_InvalidCharInThisEncoding");
    }
    SECTION("invalid UTF-8 is located") {
        loaded l;
        load(l, "<a>\n  <b x='\xFF'/></a>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_InvalidCharInThisEncoding");
        CHECK(l.diags[0].position == source_position{2, 9});
    }
    SECTION("overlong UTF-8 is invalid") {
        loaded l;
        load(l, "<a x='\xC0\xAF'/>");
        CHECK_FALSE(l.ok);
    }
    SECTION("control characters XML forbids") {
        loaded l;
        load(l, "<a x='\x01'/>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_InvalidCharacter");
        loaded m;
        load(m, "<a x='&#0;'/>");
        CHECK_FALSE(m.ok);
    }
    SECTION("declared windows-1252 is transcoded") {
        loaded l;
        load(l, "<?xml version='1.0' encoding='windows-1252'?><a x='\x80'/>");
        REQUIRE(l.ok);
        CHECK(std::string(l.doc.root().attribute("x").value()) == "\xE2\x82\xAC"); // euro sign
    }
    SECTION("declared utf-16 without a BOM") {
        loaded l;
        load(l, "<?xml version='1.0' encoding='utf-16'?><a/>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_NoUnicodeBOM");
    }
    SECTION("UTF-32 is refused") {
        loaded l;
        load(l, std::string("\xFF\xFE\0\0<\0\0\0", 8));
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "wsbind_unsupported_encoding");
    }
}

TEST_CASE("document: DTDs and entity tricks are refused", "[config][document]") {
    SECTION("DOCTYPE with an internal subset (billion laughs)") {
        loaded l;
        load(l, "<?xml version='1.0'?>\n<!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]>\n<lolz>&lol2;</lolz>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].position.line >= 2);
    }
    SECTION("DOCTYPE alone") {
        loaded l;
        load(l, "<!DOCTYPE configuration SYSTEM 'http://example.org/x.dtd'><configuration/>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_DtdIsProhibited");
    }
    SECTION("undeclared entity") {
        loaded l;
        load(l, "<a x='&xxe;'/>");
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "Xml_UndeclaredEntity");
        CHECK(l.diags[0].message == "Reference to undeclared entity 'xxe'.");
    }
    SECTION("predefined entities and character references are fine") {
        loaded l;
        load(l, "<a x='&lt;&amp;&#65;&#x42;'/>");
        REQUIRE(l.ok);
        CHECK(std::string(l.doc.root().attribute("x").value()) == "<&AB");
    }
    SECTION("'&' in a comment is not a reference") {
        loaded l;
        load(l, "<a><!-- a & b --></a>");
        CHECK(l.ok);
    }
}

TEST_CASE("document: the input checks find every character wherever it falls in a block", "[config][document]") {
    // The checks skip plain text 16 (or 8) bytes at a time: each case is tried at every offset
    // across several block boundaries, after text with and without line breaks.
    struct probe {
        char const* text;
        char const* code; ///< expected error code, or nullptr when the document is fine
    };
    probe const probes[] = {
        {"&bogus;", "Xml_UndeclaredEntity"},
        {"&#1;", "Xml_InvalidCharacter"},
        {"\x01", "Xml_InvalidCharacter"},
        {"\xFF", "Xml_InvalidCharInThisEncoding"},
        {"\xC3(", "Xml_InvalidCharInThisEncoding"},
        {"&amp;&#65;\xC3\xA9", nullptr},
        {"<!-- & \x7F -->", nullptr},
        {"<![CDATA[ & < ]]>", nullptr},
        {"<?pi & ?>", nullptr},
    };
    for (auto const& p : probes) {
        for (std::size_t pad = 0; pad < 40; ++pad) {
            for (bool lines : {false, true}) {
                std::string const before = lines ? std::string(pad, '\n') : std::string(pad, ' ');
                std::string const text = "<a>" + before + p.text + "<b/></a>";
                CAPTURE(p.text, pad, lines);
                loaded l;
                load(l, text);
                if (p.code == nullptr) {
                    CHECK(l.ok);
                    CHECK(l.doc.position_of(l.doc.root().child("b")).line == (lines ? pad + 1 : 1));
                    continue;
                }
                REQUIRE_FALSE(l.ok);
                CHECK(l.diags[0].code == p.code);
                // The character is on the last line of the padding, right after it.
                CHECK(l.diags[0].position == (lines && pad > 0 ? source_position{static_cast<std::uint32_t>(pad + 1), 1}
                                                    : source_position{1, static_cast<std::uint32_t>(4 + pad)}));
            }
        }
    }
}

TEST_CASE("document: the markup limit is exact, however the tags are counted", "[config][document]") {
    // 5,000 tags: more than the checks sum up in one go (255 blocks of 16 bytes).
    for (std::size_t limit : {std::size_t{4999}, std::size_t{5000}}) {
        std::string s = "<a>\n";
        for (int i = 0; i < 4998; ++i) s += i % 7 == 0 ? "<b x='1'/>\n" : "<b/>";
        std::size_t const last = s.size();
        s += "</a>";
        load_options o;
        o.max_elements = limit;
        loaded l;
        load(l, s, o);
        CAPTURE(limit);
        if (limit == 5000) {
            CHECK(l.ok);
            continue;
        }
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "wsbind_too_many_elements");
        auto const line = static_cast<std::uint32_t>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(last), '\n') + 1);
        CHECK(l.diags[0].position.line == line);
        CHECK(l.diags[0].position.column == last - s.rfind('\n', last - 1));
    }
}

TEST_CASE("document: limits bound memory", "[config][document]") {
    SECTION("file size, before parsing") {
        load_options o;
        o.max_file_size = 100;
        loaded l;
        load(l, "<a>" + std::string(200, ' ') + "</a>", o);
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "wsbind_file_too_large");
    }
    SECTION("element count, before parsing") {
        load_options o;
        o.max_elements = 1000;
        std::string s = "<a>";
        for (int i = 0; i < 2000; ++i) s += "<b/>";
        s += "</a>";
        loaded l;
        load(l, s, o);
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "wsbind_too_many_elements");
    }
    SECTION("nesting depth") {
        std::string s;
        for (int i = 0; i < 100000; ++i) s += "<a>";
        for (int i = 0; i < 100000; ++i) s += "</a>";
        loaded l;
        load(l, s);
        REQUIRE_FALSE(l.ok);
        CHECK(l.diags[0].code == "wsbind_too_deep");
        CHECK(l.diags[0].position == source_position{1, 128 * 3 + 2});
    }
    SECTION("a 10 MB file of huge attribute values is read") {
        std::string s = "<a x='" + std::string(10u * 1024u * 1024u, 'v') + "'/>";
        loaded l;
        load(l, s);
        CHECK(l.ok);
    }
    SECTION("streams are read up to the limit") {
        load_options o;
        o.max_file_size = 64;
        std::istringstream in("<a>" + std::string(1000, ' ') + "</a>");
        document doc;
        diagnostics d;
        CHECK_FALSE(doc.load_stream(in, "s", d, o));
        CHECK(d[0].code == "wsbind_file_too_large");
    }
    SECTION("missing file") {
        document doc;
        diagnostics d;
        CHECK_FALSE(doc.load_file("/nonexistent/app.config", d));
        CHECK(d[0].code == "wsbind_file_not_found");
    }
}
