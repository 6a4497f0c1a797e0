// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Harness check against a real wsbind diagnostic, through the umbrella header, with both compilers: the
// harness must see a static_assert message raised deep inside a binding's instantiation. (The WCF rule
// itself belongs to tests/compile_fail/rules/; this file only exercises the harness.)
// expect-error: basicHttpBinding: message clientCredentialType must be UserName or Certificate

#include <wsbind/wsbind.hpp>

#ifdef WSBIND_COMPILE_FAIL
using binding = wsbind::basic_http_binding<
    wsbind::security<wsbind::mode::message, wsbind::message_credential::windows>>;
#else
using binding = wsbind::basic_http_binding<
    wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>>;
#endif

int main() { return wsbind::describe<binding>().kind == wsbind::binding_kind::basic_http ? 0 : 1; }
