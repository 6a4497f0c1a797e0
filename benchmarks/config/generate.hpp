// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// A generated configuration of a given size: N bindings, N behaviors, N endpoints (shared by the
// benchmark and the fuzz seeds).
#ifndef WSBIND_BENCHMARKS_CONFIG_GENERATE_HPP
#define WSBIND_BENCHMARKS_CONFIG_GENERATE_HPP

#include <string>

namespace bench {

/// About 1 MB for n = 1000: n bindings (basicHttp, wsHttp, netTcp, customBinding in turn, with
/// non-default attributes and nested elements), n behaviors (service and endpoint, with
/// credentials), n endpoints (services with base addresses, and client endpoints with identities).
inline std::string generate_config(int n) {
    std::string s;
    s.reserve(static_cast<std::size_t>(n) * 1100);
    s += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <system.serviceModel>\n    <bindings>\n";
    auto id = [](char const* prefix, int i) { return std::string(prefix) + std::to_string(i); };
    std::string basic, ws, tcp, custom;
    for (int i = 0; i < n; ++i) {
        switch (i % 4) {
        case 0:
            basic += "        <binding name=\"" + id("b", i) + "\" closeTimeout=\"00:00:30\" maxReceivedMessageSize=\"1048576\" "
                     "maxBufferSize=\"1048576\" transferMode=\"Buffered\" messageEncoding=\"Text\">\n"
                     "          <readerQuotas maxDepth=\"64\" maxStringContentLength=\"65536\" maxArrayLength=\"65536\"/>\n"
                     "          <security mode=\"TransportWithMessageCredential\">\n"
                     "            <transport clientCredentialType=\"None\"/>\n"
                     "            <message clientCredentialType=\"Certificate\" algorithmSuite=\"Basic256Sha256\"/>\n"
                     "          </security>\n        </binding>\n";
            break;
        case 1:
            ws += "        <binding name=\"" + id("w", i) + "\" receiveTimeout=\"00:20:00\" sendTimeout=\"00:02:00\" "
                  "maxReceivedMessageSize=\"2097152\" transactionFlow=\"false\">\n"
                  "          <reliableSession enabled=\"true\" ordered=\"true\" inactivityTimeout=\"00:30:00\"/>\n"
                  "          <security mode=\"Message\">\n"
                  "            <message clientCredentialType=\"Certificate\" negotiateServiceCredential=\"true\" "
                  "establishSecurityContext=\"true\"/>\n"
                  "          </security>\n        </binding>\n";
            break;
        case 2:
            tcp += "        <binding name=\"" + id("t", i) + "\" portSharingEnabled=\"true\" maxConnections=\"50\" "
                   "listenBacklog=\"50\" maxReceivedMessageSize=\"524288\" maxBufferSize=\"524288\">\n"
                   "          <reliableSession enabled=\"false\"/>\n"
                   "          <security mode=\"Transport\"><transport clientCredentialType=\"Windows\" "
                   "protectionLevel=\"EncryptAndSign\"/></security>\n        </binding>\n";
            break;
        default:
            custom += "        <binding name=\"" + id("c", i) + "\" openTimeout=\"00:00:20\">\n"
                      "          <reliableSession maxRetryCount=\"4\" ordered=\"true\"/>\n"
                      "          <security authenticationMode=\"SecureConversation\">\n"
                      "            <secureConversationBootstrap authenticationMode=\"UserNameForSslNegotiated\"/>\n"
                      "          </security>\n"
                      "          <textMessageEncoding messageVersion=\"Soap12WSAddressing10\"/>\n"
                      "          <httpTransport maxReceivedMessageSize=\"65536\"/>\n        </binding>\n";
            break;
        }
    }
    s += "      <basicHttpBinding>\n" + basic + "      </basicHttpBinding>\n";
    s += "      <wsHttpBinding>\n" + ws + "      </wsHttpBinding>\n";
    s += "      <netTcpBinding>\n" + tcp + "      </netTcpBinding>\n";
    s += "      <customBinding>\n" + custom + "      </customBinding>\n";
    s += "    </bindings>\n    <behaviors>\n      <serviceBehaviors>\n";
    for (int i = 0; i < n; i += 2)
        s += "        <behavior name=\"" + id("sb", i) + "\">\n          <serviceMetadata httpGetEnabled=\"true\"/>\n"
             "          <serviceCredentials>\n            <serviceCertificate findValue=\"localhost\" storeLocation=\"LocalMachine\" "
             "storeName=\"My\" x509FindType=\"FindBySubjectName\"/>\n"
             "            <clientCertificate><authentication certificateValidationMode=\"PeerOrChainTrust\"/></clientCertificate>\n"
             "          </serviceCredentials>\n        </behavior>\n";
    s += "      </serviceBehaviors>\n      <endpointBehaviors>\n";
    for (int i = 1; i < n; i += 2)
        s += "        <behavior name=\"" + id("eb", i) + "\">\n          <clientCredentials>\n"
             "            <clientCertificate findValue=\"client\" storeLocation=\"CurrentUser\" x509FindType=\"FindBySubjectName\"/>\n"
             "            <serviceCertificate><authentication certificateValidationMode=\"PeerOrChainTrust\"/></serviceCertificate>\n"
             "          </clientCredentials>\n        </behavior>\n";
    s += "      </endpointBehaviors>\n    </behaviors>\n    <services>\n";
    int const services = n / 4;
    for (int k = 0; k < services; ++k) {
        s += "      <service name=\"" + id("Service", k) + "\" behaviorConfiguration=\"" + id("sb", (2 * k) % n) + "\">\n"
             "        <host><baseAddresses><add baseAddress=\"http://localhost:8000/" + id("s", k) +
             "\"/><add baseAddress=\"https://localhost:8443/" + id("s", k) + "\"/><add baseAddress=\"net.tcp://localhost:9000/" + id("s", k) + "\"/></baseAddresses></host>\n";
        int const i = 4 * k;
        s += "        <endpoint address=\"basic\" binding=\"basicHttpBinding\" bindingConfiguration=\"" + id("b", i) +
             "\" contract=\"IService\"/>\n";
        s += "        <endpoint address=\"ws\" binding=\"wsHttpBinding\" bindingConfiguration=\"" + id("w", i + 1) +
             "\" contract=\"IService\"/>\n";
        s += "      </service>\n";
    }
    s += "    </services>\n    <client>\n";
    for (int i = 0; i < n - 2 * services; ++i) {
        int const b = 4 * (i % (n / 4)) + 1;
        s += "      <endpoint name=\"" + id("e", i) + "\" address=\"http://localhost:8000/s/ws\" binding=\"wsHttpBinding\" "
             "bindingConfiguration=\"" + id("w", b) + "\" behaviorConfiguration=\"" + id("eb", ((2 * i + 1) % n) | 1) +
             "\" contract=\"IService\">\n        <identity><dns value=\"localhost\"/></identity>\n      </endpoint>\n";
    }
    s += "    </client>\n  </system.serviceModel>\n</configuration>\n";
    return s;
}

} // namespace bench

#endif
