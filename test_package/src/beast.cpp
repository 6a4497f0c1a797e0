// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// Consumer of wsbind::beast: the target brings Boost.Beast/Asio, OpenSSL's libssl (TLS) and threads.
// Serialises a SOAP 1.2 request line and builds a TLS client context.
#include "wsbind_consumer.hpp"

#include <boost/asio/ssl/context.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <sstream>
#include <string>

int main() {
    namespace http = boost::beast::http;
    http::request<http::string_body> request{http::verb::post, "/Calculator", 11};
    request.set(http::field::content_type, "application/soap+xml; charset=utf-8");
    request.body() = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>";
    request.prepare_payload();
    std::ostringstream out;
    out << request;
    boost::asio::ssl::context tls{boost::asio::ssl::context::tls_client};
    bool const ok = out.str().rfind("POST /Calculator HTTP/1.1\r\n", 0) == 0 && tls.native_handle() != nullptr;
    std::printf("wsbind::beast: HTTP request and TLS context %s\n", ok ? "ok" : "FAILED");
    return consumer::core_works() && ok ? 0 : 1;
}
