// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Second translation unit of the two-TU link test: includes every public header (see a.cpp).
#include "wsbind_all_headers.hpp"

#include <wsbind/wsbind.hpp>

#include <string>
#include <string_view>

namespace two_tu_b {

using calculator = wsbind::ws_http_binding<
    wsbind::security<wsbind::mode::message, wsbind::message_credential::certificate>>;

void const* calculator_description() { return &wsbind::describe<calculator>(); }
std::string calculator_text() { return wsbind::to_string(wsbind::describe<calculator>()); }

void const* security_mode_entries() { return &wsbind::enum_info<wsbind::security_mode>::entries; }
void const* security_mode_size() { return &wsbind::enum_size<wsbind::security_mode>; }
char const* security_mode_name_list() { return wsbind::enum_name_list<wsbind::security_mode>().data(); }
void const* max_wait() { return &wsbind::max_wait; }
std::string max_wait_text() { return wsbind::to_string(wsbind::max_wait); }

} // namespace two_tu_b
