// Every default of every modelled setting, checked against WCF's value (.NET Framework 4.8).
// The expected values are typed from the reference source tables (wcf-config-facts.md §1-§2),
// independently of wsbind's own defaults; a setting the schema has but this file lacks fails too.
#include <wsbind/core/description.hpp>
#include <wsbind/core/print.hpp>
#include <wsbind/core/schema.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

namespace {

using expected_map = std::map<std::string, std::string>;

expected_map const timeouts = {
    {"closeTimeout", "00:01:00"}, {"openTimeout", "00:01:00"}, {"receiveTimeout", "00:10:00"}, {"sendTimeout", "00:01:00"}};

expected_map const quotas(std::string const& prefix) {
    return {{prefix + "readerQuotas/maxDepth", "32"},
            {prefix + "readerQuotas/maxStringContentLength", "8192"},
            {prefix + "readerQuotas/maxArrayLength", "16384"},
            {prefix + "readerQuotas/maxBytesPerRead", "4096"},
            {prefix + "readerQuotas/maxNameTableCharCount", "16384"}};
}

expected_map const transport_protection(std::string const& prefix) {
    return {{prefix + "extendedProtectionPolicy/policyEnforcement", "Never"},
            {prefix + "extendedProtectionPolicy/protectionScenario", "TransportSelected"},
            {prefix + "extendedProtectionPolicy/customServiceNames", ""}};
}

expected_map merge(std::initializer_list<expected_map> parts) {
    expected_map out;
    for (auto const& p : parts) out.insert(p.begin(), p.end());
    return out;
}

expected_map const basic_http = merge({timeouts, quotas(""), transport_protection("security/transport/"),
    {{"allowCookies", "false"}, {"bypassProxyOnLocal", "false"}, {"hostNameComparisonMode", "StrongWildcard"},
     {"maxBufferPoolSize", "524288"}, {"maxBufferSize", "65536"}, {"maxReceivedMessageSize", "65536"},
     {"messageEncoding", "Text"}, {"proxyAddress", ""}, {"textEncoding", "utf-8"}, {"transferMode", "Buffered"},
     {"useDefaultWebProxy", "true"}, {"security/mode", "None"}, {"security/transport/clientCredentialType", "None"},
     {"security/transport/proxyCredentialType", "None"}, {"security/transport/realm", ""},
     {"security/message/clientCredentialType", "UserName"}, {"security/message/algorithmSuite", "Default"}}});

expected_map const ws_http = merge({timeouts, quotas(""), transport_protection("security/transport/"),
    {{"allowCookies", "false"}, {"bypassProxyOnLocal", "false"}, {"transactionFlow", "false"},
     {"hostNameComparisonMode", "StrongWildcard"}, {"maxBufferPoolSize", "524288"}, {"maxReceivedMessageSize", "65536"},
     {"messageEncoding", "Text"}, {"proxyAddress", ""}, {"textEncoding", "utf-8"}, {"useDefaultWebProxy", "true"},
     {"reliableSession/enabled", "false"}, {"reliableSession/ordered", "true"},
     {"reliableSession/inactivityTimeout", "00:10:00"}, {"security/mode", "Message"},
     {"security/transport/clientCredentialType", "Windows"}, {"security/transport/proxyCredentialType", "None"},
     {"security/transport/realm", ""}, {"security/message/clientCredentialType", "Windows"},
     {"security/message/negotiateServiceCredential", "true"}, {"security/message/establishSecurityContext", "true"},
     {"security/message/algorithmSuite", "Default"}}});

expected_map const ws_dual_http = merge({timeouts, quotas(""),
    {{"bypassProxyOnLocal", "false"}, {"clientBaseAddress", ""}, {"transactionFlow", "false"},
     {"hostNameComparisonMode", "StrongWildcard"}, {"maxBufferPoolSize", "524288"}, {"maxReceivedMessageSize", "65536"},
     {"messageEncoding", "Text"}, {"proxyAddress", ""}, {"textEncoding", "utf-8"}, {"useDefaultWebProxy", "true"},
     {"reliableSession/ordered", "true"}, {"reliableSession/inactivityTimeout", "00:10:00"}, {"security/mode", "Message"},
     {"security/message/clientCredentialType", "Windows"}, {"security/message/negotiateServiceCredential", "true"},
     {"security/message/algorithmSuite", "Default"}}});

expected_map const net_tcp = merge({timeouts, quotas(""), transport_protection("security/transport/"),
    {{"transactionFlow", "false"}, {"transferMode", "Buffered"}, {"transactionProtocol", "OleTransactions"},
     {"hostNameComparisonMode", "StrongWildcard"}, {"listenBacklog", "0"}, {"maxBufferPoolSize", "524288"},
     {"maxBufferSize", "65536"}, {"maxConnections", "0"}, {"maxReceivedMessageSize", "65536"},
     {"portSharingEnabled", "false"}, {"reliableSession/enabled", "false"}, {"reliableSession/ordered", "true"},
     {"reliableSession/inactivityTimeout", "00:10:00"}, {"security/mode", "Transport"},
     {"security/transport/clientCredentialType", "Windows"}, {"security/transport/protectionLevel", "EncryptAndSign"},
     {"security/transport/sslProtocols", "Tls, Tls11, Tls12"}, {"security/message/clientCredentialType", "Windows"},
     {"security/message/algorithmSuite", "Default"}}});

expected_map security_attributes(std::string const& p) {
    return {{p + "authenticationMode", "SspiNegotiated"},
            {p + "defaultAlgorithmSuite", "Default"},
            {p + "allowSerializedSigningTokenOnReply", "false"},
            {p + "enableUnsecuredResponse", "false"},
            {p + "allowInsecureTransport", "false"},
            {p + "includeTimestamp", "true"},
            {p + "keyEntropyMode", "CombinedEntropy"},
            {p + "messageProtectionOrder", "SignBeforeEncryptAndEncryptSignature"},
            {p + "messageSecurityVersion", "WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11"},
            {p + "protectTokens", "false"},
            {p + "requireDerivedKeys", "true"},
            {p + "requireSecurityContextCancellation", "true"},
            {p + "requireSignatureConfirmation", "false"},
            {p + "canRenewSecurityContextToken", "true"},
            {p + "securityHeaderLayout", "Strict"},
            {p + "issuedTokenParameters/defaultMessageSecurityVersion", ""}, // no default: null until configured
            {p + "issuedTokenParameters/keySize", "0"},
            {p + "issuedTokenParameters/keyType", "SymmetricKey"},
            {p + "issuedTokenParameters/tokenType", ""},
            {p + "issuedTokenParameters/useStrTransform", "false"},
            {p + "issuedTokenParameters/issuer/address", ""},
            {p + "issuedTokenParameters/issuer/binding", ""},
            {p + "issuedTokenParameters/issuer/bindingConfiguration", ""},
            {p + "localClientSettings/cacheCookies", "true"},
            {p + "localClientSettings/detectReplays", "true"},
            {p + "localClientSettings/replayCacheSize", "900000"},
            {p + "localClientSettings/maxClockSkew", "00:05:00"},
            {p + "localClientSettings/maxCookieCachingTime", "Infinite"},
            {p + "localClientSettings/replayWindow", "00:05:00"},
            {p + "localClientSettings/sessionKeyRenewalInterval", "10:00:00"},
            {p + "localClientSettings/sessionKeyRolloverInterval", "00:05:00"},
            {p + "localClientSettings/reconnectTransportOnFailure", "true"},
            {p + "localClientSettings/timestampValidityDuration", "00:05:00"},
            {p + "localClientSettings/cookieRenewalThresholdPercentage", "60"},
            {p + "localServiceSettings/detectReplays", "true"},
            {p + "localServiceSettings/issuedCookieLifetime", "10:00:00"},
            {p + "localServiceSettings/maxStatefulNegotiations", "128"},
            {p + "localServiceSettings/replayCacheSize", "900000"},
            {p + "localServiceSettings/maxClockSkew", "00:05:00"},
            {p + "localServiceSettings/negotiationTimeout", "00:01:00"},
            {p + "localServiceSettings/replayWindow", "00:05:00"},
            {p + "localServiceSettings/inactivityTimeout", "00:02:00"},
            {p + "localServiceSettings/sessionKeyRenewalInterval", "15:00:00"},
            {p + "localServiceSettings/sessionKeyRolloverInterval", "00:05:00"},
            {p + "localServiceSettings/reconnectTransportOnFailure", "true"},
            {p + "localServiceSettings/maxPendingSessions", "128"},
            {p + "localServiceSettings/maxCachedCookies", "1000"},
            {p + "localServiceSettings/timestampValidityDuration", "00:05:00"}};
}

expected_map http_transport(std::string const& p) {
    return merge({transport_protection(p),
        {{p + "manualAddressing", "false"}, {p + "maxBufferPoolSize", "524288"}, {p + "maxReceivedMessageSize", "65536"},
         {p + "allowCookies", "false"}, {p + "authenticationScheme", "Anonymous"}, {p + "bypassProxyOnLocal", "false"},
         {p + "decompressionEnabled", "true"}, {p + "hostNameComparisonMode", "StrongWildcard"},
         {p + "keepAliveEnabled", "true"}, {p + "maxBufferSize", "65536"}, {p + "maxPendingAccepts", "0"},
         {p + "proxyAddress", ""}, {p + "proxyAuthenticationScheme", "Anonymous"}, {p + "realm", ""},
         {p + "requestInitializationTimeout", "00:00:00"}, {p + "transferMode", "Buffered"},
         {p + "unsafeConnectionNtlmAuthentication", "false"}, {p + "useDefaultWebProxy", "true"}}});
}

expected_map const custom_common = merge({timeouts, security_attributes("security/"),
    {{"reliableSession/acknowledgementInterval", "00:00:00.2000000"}, {"reliableSession/flowControlEnabled", "true"},
     {"reliableSession/inactivityTimeout", "00:10:00"}, {"reliableSession/maxPendingChannels", "4"},
     {"reliableSession/maxRetryCount", "8"}, {"reliableSession/maxTransferWindowSize", "8"},
     {"reliableSession/ordered", "true"}, {"reliableSession/reliableMessagingVersion", "WSReliableMessagingFebruary2005"},
     {"compositeDuplex/clientBaseAddress", ""}, {"oneWay/maxAcceptedChannels", "10"}, {"oneWay/packetRoutable", "false"},
     {"oneWay/channelPoolSettings/idleTimeout", "00:02:00"}, {"oneWay/channelPoolSettings/leaseTimeout", "00:10:00"},
     {"oneWay/channelPoolSettings/maxOutboundChannelsPerEndpoint", "10"},
     {"textMessageEncoding/maxReadPoolSize", "64"}, {"textMessageEncoding/maxWritePoolSize", "16"},
     {"textMessageEncoding/messageVersion", "Soap12WSAddressing10"}, {"textMessageEncoding/writeEncoding", "utf-8"}},
    quotas("textMessageEncoding/")});

void check_defaults(wsbind::binding_description const& d, expected_map const& expected) {
    std::set<std::string> seen;
    for (auto const& s : wsbind::binding_schema(d.kind)) {
        if (!wsbind::applies(s, d)) continue;
        auto const key = wsbind::setting_key(s);
        INFO(wsbind::to_string(d.kind) << " " << key);
        auto it = expected.find(key);
        REQUIRE(it != expected.end()); // every modelled setting has an expected default here
        CHECK(wsbind::format_setting(s, d) == it->second);
        seen.insert(key);
    }
    for (auto const& [key, value] : expected) {
        INFO(wsbind::to_string(d.kind) << " expected setting missing from the schema: " << key);
        CHECK(seen.count(key) == 1);
    }
}

} // namespace

TEST_CASE("every standard-binding setting defaults to WCF's value", "[core][defaults]") {
    using wsbind::binding_kind;
    check_defaults(wsbind::default_description(binding_kind::basic_http), basic_http);
    check_defaults(wsbind::default_description(binding_kind::ws_http), ws_http);
    check_defaults(wsbind::default_description(binding_kind::ws_2007_http), ws_http);
    check_defaults(wsbind::default_description(binding_kind::ws_dual_http), ws_dual_http);
    check_defaults(wsbind::default_description(binding_kind::net_tcp), net_tcp);
}

TEST_CASE("every customBinding element setting defaults to WCF's value", "[core][defaults]") {
    using wsbind::custom_element;
    for (auto transport : {custom_element::http_transport, custom_element::https_transport}) {
        auto d = wsbind::default_description(wsbind::binding_kind::custom);
        for (auto e : {custom_element::security, custom_element::reliable_session, custom_element::composite_duplex,
                       custom_element::one_way, custom_element::text_message_encoding, transport})
            d.stack.push_back(e);
        d.security_element.secure_conversation_bootstrap.emplace();
        auto expected = merge({custom_common, security_attributes("security/secureConversationBootstrap/")});
        if (transport == custom_element::http_transport) {
            expected = merge({expected, http_transport("httpTransport/")});
        } else {
            expected = merge({expected, http_transport("httpsTransport/"), {{"httpsTransport/requireClientCertificate", "false"}}});
        }
        check_defaults(d, expected);
    }
}

TEST_CASE("settings that .NET applies only when configured are unset by default", "[core][defaults]") {
    auto const ws = wsbind::default_description(wsbind::binding_kind::ws_http);
    CHECK_FALSE(ws.security.message.suite.has_value());
    auto const basic = wsbind::default_description(wsbind::binding_kind::basic_http);
    CHECK_FALSE(basic.transport.max_buffer_size.has_value());
    auto const custom = wsbind::default_description(wsbind::binding_kind::custom);
    CHECK_FALSE(custom.security_element.include_timestamp.has_value());
    CHECK_FALSE(custom.security_element.require_derived_keys.has_value());
    CHECK_FALSE(custom.security_element.local_client.has_value());
    CHECK(custom.stack.empty());
    // wsDualHttpBinding always has a reliable session; ws2007HttpBinding uses WS-RM 1.1.
    CHECK(wsbind::default_description(wsbind::binding_kind::ws_dual_http).reliable_session.enabled);
    CHECK(wsbind::default_description(wsbind::binding_kind::ws_2007_http).reliable_session.version ==
          wsbind::reliable_messaging_version::ws_reliable_messaging_11);
    CHECK(basic.encoder.version == wsbind::message_version::soap11);
    CHECK(ws.encoder.version == wsbind::message_version::soap12_ws_addressing10);
}

TEST_CASE("maxBufferSize follows maxReceivedMessageSize until configured", "[core][defaults]") {
    auto d = wsbind::default_description(wsbind::binding_kind::basic_http);
    d.transport.max_received_message_size = 1'000'000;
    CHECK(wsbind::effective_max_buffer_size(d.transport) == 1'000'000);
    d.transport.max_received_message_size = 10'000'000'000;
    CHECK(wsbind::effective_max_buffer_size(d.transport) == 2147483647);
    d.transport.transfer = wsbind::transfer_mode::streamed;
    CHECK(wsbind::effective_max_buffer_size(d.transport) == 65536);
    d.transport.max_buffer_size = 4096;
    CHECK(wsbind::effective_max_buffer_size(d.transport) == 4096);
}
