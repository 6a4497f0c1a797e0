// Faults in both SOAP versions, as WCF writes and reads them.
#include <wsbind/soap/fault.hpp>

#include <catch2/catch.hpp>

using namespace wsbind::soap;

namespace {
std::string write(fault const& f, envelope_version v) {
    std::string out;
    append_fault(out, f, v);
    return out;
}
std::optional<fault> reparse(std::string const& fault_xml, envelope_version v, pugi::xml_document& doc) {
    std::string const env = "<s:Envelope xmlns:s=\"" + std::string(envelope_namespace(v)) + "\"><s:Body>" + fault_xml + "</s:Body></s:Envelope>";
    REQUIRE(doc.load_string(env.c_str()));
    return read_fault(doc.document_element().first_child().first_child(), v);
}
} // namespace

TEST_CASE("ActionNotSupported in SOAP 1.1 without addressing: faultcode is the subcode", "[soap][fault]") {
    auto const f = action_not_supported("urn:x", addressing_version::none);
    auto const text = write(f, envelope_version::soap11);
    CHECK(text.rfind("<s:Fault><faultcode xmlns:a=\"http://schemas.microsoft.com/ws/2005/05/addressing/none\">a:ActionNotSupported</faultcode>"
                     "<faultstring xml:lang=\"en-US\">The message with Action 'urn:x' cannot be processed at the receiver, due to a "
                     "ContractFilter mismatch at the EndpointDispatcher.", 0) == 0);
    pugi::xml_document doc;
    auto back = reparse(text, envelope_version::soap11, doc);
    REQUIRE(back);
    CHECK(back->code == fault_code::sender);
    CHECK(back->has_subcode(ns::addressing_none, "ActionNotSupported"));
    CHECK(back->reason == f.reason);
    CHECK(write(*back, envelope_version::soap11) == text);
}

TEST_CASE("ActionNotSupported in SOAP 1.2 with WS-Addressing: Sender with a subcode", "[soap][fault]") {
    auto const f = action_not_supported("urn:x", addressing_version::ws_addressing_10);
    auto const text = write(f, envelope_version::soap12);
    CHECK(text.rfind("<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value xmlns:a=\"http://www.w3.org/2005/08/addressing\">"
                     "a:ActionNotSupported</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">", 0) == 0);
    pugi::xml_document doc;
    auto back = reparse(text, envelope_version::soap12, doc);
    REQUIRE(back);
    CHECK(back->code == fault_code::sender);
    CHECK(back->has_subcode(ns::ws_addressing_10, "ActionNotSupported"));
    CHECK(write(*back, envelope_version::soap12) == text);
}

TEST_CASE("codes without subcodes map to SOAP 1.1's names", "[soap][fault]") {
    fault f;
    f.code = fault_code::sender;
    f.reason = "a < b & c";
    CHECK(write(f, envelope_version::soap11) ==
          "<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"en-US\">a &lt; b &amp; c</faultstring></s:Fault>");
    f.code = fault_code::receiver;
    f.detail_xml = "<x xmlns=\"urn:d\">1</x>";
    auto const text = write(f, envelope_version::soap11);
    CHECK(text.find("<faultcode>s:Server</faultcode>") != std::string::npos);
    pugi::xml_document doc;
    auto back = reparse(text, envelope_version::soap11, doc);
    REQUIRE(back);
    CHECK(back->code == fault_code::receiver);
    CHECK(back->reason == "a < b & c");
    CHECK(back->detail_xml == "<x xmlns=\"urn:d\">1</x>");
}

TEST_CASE("nested subcodes and must-understand in SOAP 1.2", "[soap][fault]") {
    fault f;
    f.code = fault_code::sender;
    f.subcodes = {{"urn:a", "One"}, {"urn:b", "Two"}};
    f.reason = "r";
    pugi::xml_document doc;
    auto back = reparse(write(f, envelope_version::soap12), envelope_version::soap12, doc);
    REQUIRE(back);
    REQUIRE(back->subcodes.size() == 2);
    CHECK(back->subcodes[1] == wsbind::soap::xml::qname{"urn:b", "Two"});
    auto const mu = must_understand("Security", "urn:sec");
    CHECK(mu.code == fault_code::must_understand);
    CHECK(mu.reason.rfind("The header 'Security' from the namespace 'urn:sec' was not understood by the recipient", 0) == 0);
    CHECK(write(mu, envelope_version::soap11).find("<faultcode>s:MustUnderstand</faultcode>") != std::string::npos);
}

TEST_CASE("read_fault refuses what is not a fault, saying why", "[soap][fault]") {
    pugi::xml_document doc;
    doc.load_string("<s:Fault xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Code><s:Value>s:Oops</s:Value></s:Code></s:Fault>");
    std::string why;
    CHECK_FALSE(read_fault(doc.first_child(), envelope_version::soap12, &why));
    CHECK(why == "the SOAP 1.2 fault code 'Oops' is not one of SOAP 1.2's codes");
    CHECK_FALSE(read_fault(doc.first_child(), envelope_version::soap11, &why));
    CHECK(why == "not a SOAP Fault element");
}
