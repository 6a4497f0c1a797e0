// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Two-TU link test: a.cpp and b.cpp both include every public header and are linked into one program.
// A non-inline function or variable defined in a header fails the link (multiple definition); an entity given
// internal linkage by mistake (static, anonymous namespace) has a different address in each TU, checked here.
#include "wsbind_all_headers.hpp"

#include <wsbind/wsbind.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace two_tu_b {
using calculator = wsbind::ws_http_binding<
    wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>>;
void const* calculator_description();
std::string calculator_text();
void const* security_mode_entries();
void const* security_mode_size();
char const* security_mode_name_list();
void const* max_wait();
std::string max_wait_text();
} // namespace two_tu_b

TEST_CASE("inline variables of wsbind's headers are one object across translation units") {
    CHECK(two_tu_b::security_mode_entries() == &wsbind::enum_info<wsbind::security_mode>::entries);
    CHECK(two_tu_b::security_mode_size() == &wsbind::enum_size<wsbind::security_mode>);
    CHECK(two_tu_b::security_mode_name_list() == wsbind::enum_name_list<wsbind::security_mode>().data());
    CHECK(two_tu_b::max_wait() == &wsbind::max_wait);
    CHECK(two_tu_b::calculator_description() == &wsbind::describe<two_tu_b::calculator>());
}

TEST_CASE("inline functions of wsbind's headers agree across translation units") {
    CHECK(two_tu_b::max_wait_text() == wsbind::to_string(wsbind::max_wait));
    CHECK(two_tu_b::calculator_text() == wsbind::to_string(wsbind::describe<two_tu_b::calculator>()));
    CHECK(std::string(two_tu_b::security_mode_name_list()).starts_with("None, Transport, Message"));
}
