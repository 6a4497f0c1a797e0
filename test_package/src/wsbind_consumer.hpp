// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// What every consumer program includes: wsbind's umbrella header, and a check that it works.
#ifndef WSBIND_TEST_PACKAGE_CONSUMER_HPP
#define WSBIND_TEST_PACKAGE_CONSUMER_HPP

#include <wsbind/core/print.hpp>
#include <wsbind/wsbind.hpp>

#include <cstdio>
#include <string_view>

namespace consumer {

// The seed scenario "Message Security with a Certificate Client".
using calculator_binding = wsbind::ws_http_binding<
    wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>>;

// A compile-time binding, its derived facts, and WCF's names for its settings.
inline bool core_works() {
    using facts = wsbind::facts<calculator_binding>;
    static_assert(facts::needs_client_certificate && facts::needs_service_certificate);
    constexpr std::string_view mode = wsbind::to_string(wsbind::security_mode::message);
    static_assert(mode == "Message");
    auto const parsed = wsbind::enum_from_string<wsbind::security_mode>("TransportWithMessageCredential");
    auto const text = wsbind::to_string(wsbind::describe<calculator_binding>());
    bool const ok = parsed == wsbind::security_mode::transport_with_message_credential &&
                    text.find("security/mode=Message") != std::string_view::npos;
    std::printf("wsbind %s: wsHttpBinding, security mode %.*s, %s\n", WSBIND_VERSION_STRING,
                static_cast<int>(mode.size()), mode.data(), ok ? "ok" : "FAILED");
    return ok;
}

} // namespace consumer

#endif
