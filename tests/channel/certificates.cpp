// HTTPS with the service certificate (and the client certificate) taken from the certificate stores,
// as <serviceCredentials><serviceCertificate> and <clientCredentials><clientCertificate> name them.
#include <wsbind/channel/certificates.hpp>
#include <wsbind/channel/client.hpp>
#include <wsbind/channel/configured.hpp>
#include <wsbind/channel/service_host.hpp>
#include <wsbind/config/reader.hpp>
#include <wsbind/crypto/openssl/backend.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace wsbind;

namespace {

std::string pki(std::string const& name) {
    std::ifstream in(std::string(WSBIND_TEST_PKI) + "/" + name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

crypto::byte_view view(std::string const& s) { return {reinterpret_cast<std::uint8_t const*>(s.data()), s.size()}; }

/// A store root holding the test server certificate in LocalMachine\My and the client's in CurrentUser\My.
std::filesystem::path make_stores() {
    auto root = std::filesystem::temp_directory_path() / ("wsbind-channel-stores-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root);
    x509_store_options o;
    o.root = root;
    o.include_system_trust = false;
    openssl_backend b;
    x509_store<openssl_backend> machine(b, store_location::local_machine, store_name::my, o);
    auto server_key = b.load_private_key(view(pki("server.key")), "").value();
    REQUIRE(machine.add(b.load_certificate(view(pki("server.pem"))).value(), &server_key));
    x509_store<openssl_backend> user(b, store_location::current_user, store_name::my, o);
    auto client_key = b.load_private_key(view(pki("client.key")), "").value();
    REQUIRE(user.add(b.load_certificate(view(pki("client.pem"))).value(), &client_key));
    return root;
}

config::configuration read(std::string const& text) {
    auto r = config::read_string("<configuration><system.serviceModel>" + text + "</system.serviceModel></configuration>");
    INFO((r.diagnostics().empty() ? std::string() : config::format(r.diagnostics()[0])));
    REQUIRE(r.ok());
    return *r.get();
}

} // namespace

TEST_CASE("HTTPS: service and client certificates from the stores, named by configuration", "[channel][certificates]") {
    auto const root = make_stores();
    x509_store_options o;
    o.root = root;
    o.include_system_trust = false;
    x509_stores<openssl_backend> stores(openssl_backend{}, o);

    auto const service_cfg = read(R"(
<services><service name="S" behaviorConfiguration="creds">
  <endpoint address="https://localhost:0/secure" binding="basicHttpBinding" bindingConfiguration="cert" contract="ICalculator"/>
</service></services>
<bindings><basicHttpBinding><binding name="cert"><security mode="Transport"><transport clientCredentialType="Certificate"/></security></binding></basicHttpBinding></bindings>
<behaviors><serviceBehaviors><behavior name="creds"><serviceCredentials>
  <serviceCertificate findValue="localhost" x509FindType="FindBySubjectName" storeLocation="LocalMachine" storeName="My"/>
</serviceCredentials></behavior></serviceBehaviors></behaviors>)");
    std::string error;
    auto source = configured_service_certificate(service_cfg, "S", stores, error);
    INFO(error);
    REQUIRE(source);
    service_host_options ho;
    ho.service_certificate = source;
    ho.trusted_client_ca_pem = pki("ca.pem");
    service_host<beast_backend> host(ho);
    service_contract calc{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
    calc.add("Add", {"n1", "n2"}, [](double a, double b) { return a + b; });
    REQUIRE(add_configured_service(host, service_cfg, "S", calc).ok());
    REQUIRE_FALSE(host.open());

    auto const client_cfg = read(R"(
<client><endpoint name="e" address=")" + host.endpoint_addresses().at(0) +
                                 R"(" binding="basicHttpBinding" bindingConfiguration="cert" contract="ICalculator" behaviorConfiguration="me"/></client>
<bindings><basicHttpBinding><binding name="cert"><security mode="Transport"><transport clientCredentialType="Certificate"/></security></binding></basicHttpBinding></bindings>
<behaviors><endpointBehaviors><behavior name="me"><clientCredentials>
  <clientCertificate findValue="wsbind test client" x509FindType="FindBySubjectName" storeLocation="CurrentUser" storeName="My"/>
</clientCredentials></behavior></endpointBehaviors></behaviors>)");
    auto pem = configured_client_certificate(client_cfg, "e", stores, error);
    INFO(error);
    REQUIRE(pem);
    client_options co;
    co.tls.trusted_ca_pem = pki("ca.pem");
    co.tls.client_certificate_pem = pem->first;
    co.tls.client_key_pem = pem->second;
    configured_result r;
    auto c = make_configured_client<beast_backend>(client_cfg, "e", calc, r, co);
    REQUIRE(c);
    CHECK(c->call<double>(calc, "Add", {"n1", "n2"}, 20.0, 22.0).get() == 42.0);
    std::filesystem::remove_all(root);
}

TEST_CASE("store lookups that fail say why", "[channel][certificates]") {
    auto const root = make_stores();
    x509_store_options o;
    o.root = root;
    o.include_system_trust = false;
    x509_stores<openssl_backend> stores(openssl_backend{}, o);
    auto const cfg = read(R"(
<services><service name="S" behaviorConfiguration="b"><endpoint address="https://localhost:0/x" binding="basicHttpBinding" contract="I"/></service>
<service name="T"><endpoint address="https://localhost:0/y" binding="basicHttpBinding" contract="I"/></service></services>
<behaviors><serviceBehaviors><behavior name="b"><serviceCredentials>
  <serviceCertificate findValue="nobody" x509FindType="FindBySubjectName"/>
</serviceCredentials></behavior></serviceBehaviors></behaviors>)");
    std::string error;
    CHECK_FALSE(configured_service_certificate(cfg, "S", stores, error));
    INFO(error);
    CHECK(error.find("nobody") != std::string::npos);
    CHECK_FALSE(configured_service_certificate(cfg, "T", stores, error));
    CHECK(error == "<service name=\"T\"> has no service behavior with <serviceCredentials><serviceCertificate>, which HTTPS needs");
    std::filesystem::remove_all(root);
}
