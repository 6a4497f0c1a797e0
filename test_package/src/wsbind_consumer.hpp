// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// What every consumer program includes: wsbind's umbrella header, and a check that it works.
#ifndef WSBIND_TEST_PACKAGE_CONSUMER_HPP
#define WSBIND_TEST_PACKAGE_CONSUMER_HPP

#if __has_include(<wsbind/wsbind.hpp>)
#include <wsbind/wsbind.hpp>
#else
// Until the umbrella header exists, the header it will certainly include.
#include <wsbind/core/enums.hpp>
#endif
#include <wsbind/version.hpp>

#include <cstdio>
#include <string_view>

namespace consumer {

// The WCF name of SecurityMode.Message, computed at compile time and parsed back at run time.
inline bool core_works() {
    constexpr std::string_view name = wsbind::to_string(wsbind::security_mode::message);
    static_assert(name == "Message");
    auto const parsed = wsbind::enum_from_string<wsbind::security_mode>("TransportWithMessageCredential");
    bool const ok = parsed == wsbind::security_mode::transport_with_message_credential;
    std::printf("wsbind %s: security mode %.*s, parse %s\n", WSBIND_VERSION_STRING, static_cast<int>(name.size()),
                name.data(), ok ? "ok" : "FAILED");
    return ok;
}

} // namespace consumer

#endif
