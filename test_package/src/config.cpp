// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Consumer of wsbind::config: the target brings pugixml. Reads a <security mode> attribute with pugixml and
// maps it with wsbind's WCF names.
#include "wsbind_consumer.hpp"

#include <pugixml.hpp>

int main() {
    pugi::xml_document doc;
    if (!doc.load_string("<binding><security mode=\"Message\"/></binding>")) return 1;
    char const* mode = doc.child("binding").child("security").attribute("mode").as_string();
    auto const parsed = wsbind::enum_from_string<wsbind::security_mode>(mode);
    bool const ok = parsed == wsbind::security_mode::message;
    std::printf("wsbind::config: <security mode=\"%s\"> %s\n", mode, ok ? "ok" : "FAILED");
    return consumer::core_works() && ok ? 0 : 1;
}
