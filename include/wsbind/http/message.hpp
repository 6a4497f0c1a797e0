// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_HTTP_MESSAGE_HPP
#define WSBIND_HTTP_MESSAGE_HPP

/// \file
/// HTTP requests and responses as plain values, independent of any HTTP library: what the channel
/// layer hands to an HTTP backend and gets back. Header names compare case-insensitively.

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace wsbind::http {

namespace detail {
[[nodiscard]] inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

/// Appends `text` with control characters (except tab) as spaces: no CR/LF can end a line early.
inline void append_field_text(std::string& out, std::string_view text) {
    std::size_t const at = out.size();
    out.append(text);
    // First a look eight bytes at a time: field text rarely has any.
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; text.size() - i >= 8; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        auto const del = w ^ (ones * 0x7F);
        if ((((w - ones * 0x20) & ~w) | ((del - ones) & ~del)) & highs) break; // a byte below 0x20 or 0x7F
    }
    for (; i < text.size(); ++i)
        if (auto const c = static_cast<unsigned char>(text[i]); c < 0x20 || c == 0x7F) break;
    if (i == text.size()) return;
    for (i = at; i < out.size(); ++i)
        if (auto const c = static_cast<unsigned char>(out[i]); (c < 0x20 && c != '\t') || c == 0x7F) out[i] = ' ';
}
} // namespace detail

/// Header fields in order; lookups are case-insensitive (RFC 9110 §5.1).
class fields {
public:
    void set(std::string_view name, std::string_view value) {
        for (auto& [n, v] : items_)
            if (detail::iequals(n, name)) { v.assign(value); return; }
        add(name, value);
    }
    void add(std::string_view name, std::string_view value) {
        items_.emplace_back(std::piecewise_construct, std::forward_as_tuple(name), std::forward_as_tuple(value)); // built in place
    }
    [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const noexcept {
        for (auto const& [n, v] : items_)
            if (detail::iequals(n, name)) return std::string_view(v);
        return std::nullopt;
    }
    [[nodiscard]] bool contains(std::string_view name) const noexcept { return get(name).has_value(); }
    [[nodiscard]] auto begin() const noexcept { return items_.begin(); }
    [[nodiscard]] auto end() const noexcept { return items_.end(); }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    void reserve(std::size_t n) { items_.reserve(n); }
    void clear() noexcept { items_.clear(); }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

/// What a peer looks like to the server: its address and, over TLS, what it presented.
struct peer_info {
    std::string address;                 ///< "127.0.0.1:54321"
    bool secure = false;                 ///< the request came over TLS
    std::string tls_version;             ///< e.g. "TLSv1.3" (TLS only)
    /// DER of the client certificate, when the client presented one and it was verified.
    std::optional<std::string> client_certificate_der;
    std::string client_certificate_subject; ///< one-line subject (OpenSSL's form), informational
};

struct request {
    std::string method = "POST";
    std::string target = "/";            ///< path and query, as sent
    fields headers;
    std::string body;
    peer_info peer;                      ///< filled in by servers
};

struct response {
    int status = 200;
    std::string reason;                  ///< empty: the standard reason phrase
    fields headers;
    std::string body;
};

/// The standard reason phrase of the statuses wsbind sends.
[[nodiscard]] inline std::string_view reason_phrase(int status) noexcept {
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

namespace detail {
/// Appends `list` as header lines, except nameless ones, `skip` (when given) and the framing
/// fields the sender writes itself (Content-Length, Transfer-Encoding, Connection).
inline void append_fields(std::string& out, fields const& list, std::string_view skip) {
    using namespace std::string_view_literals;
    for (auto const& [name, value] : list) {
        if (name.empty() || (!skip.empty() && iequals(name, skip)) || iequals(name, "Content-Length") ||
            iequals(name, "Transfer-Encoding") || iequals(name, "Connection"))
            continue;
        append_field_text(out, name);
        out.append(": "sv);
        append_field_text(out, value);
        out.append("\r\n"sv);
    }
}

inline void append_content_length(std::string& out, std::size_t size) {
    using namespace std::string_view_literals;
    out.append("Content-Length: "sv);
    out.append(std::to_string(size));
    out.append("\r\n"sv);
}
} // namespace detail

/// The status a server sends for `status`: itself when it has three digits, else 500.
[[nodiscard]] constexpr int sendable_status(int status) noexcept { return status >= 100 && status <= 999 ? status : 500; }

/// Whether a response with this status carries a body (RFC 9112 §6.3: not 1xx, 204, 304).
[[nodiscard]] constexpr bool status_has_body(int status) noexcept { return !(status < 200 || status == 204 || status == 304); }

/// Appends the HTTP/1.1 status line and header section of `r` to `out`, ending with the empty line;
/// the body (`r.body`) is sent after it as is. The framing is the server's, not the handler's:
///  - a status outside 100–999 is sent as 500;
///  - `Content-Length` is the body's size, except for 1xx, 204 and 304, which have no body (RFC 9112
///    §6.3); a handler's own Content-Length, Transfer-Encoding and Connection fields are dropped;
///  - `Connection: close` when the connection closes after this response;
///  - CR and LF inside a name or value become spaces (no response splitting); nameless fields are dropped;
///  - the reason phrase keeps at most `max_reason_phrase` bytes (cut at a UTF-8 character boundary, "..."
///    appended) with control characters as spaces: WCF puts messages that quote the request in it (415
///    quotes the request's Content-Type), and clients refuse a head above their limit (Beast: 8 KiB).
inline constexpr std::size_t max_reason_phrase = 512;

inline void append_response_head(std::string& out, response const& r, bool keep_alive) {
    using namespace std::string_view_literals; // appends without strlen
    int const status = sendable_status(r.status);
    std::string_view reason = r.reason.empty() || status != r.status ? reason_phrase(status) : std::string_view(r.reason);
    bool const cut = reason.size() > max_reason_phrase;
    if (cut) {
        std::size_t n = max_reason_phrase;
        while (n > 0 && (static_cast<unsigned char>(reason[n]) & 0xC0) == 0x80) --n; // not inside a character
        reason = reason.substr(0, n);
    }
    char code[3] = {static_cast<char>('0' + status / 100), static_cast<char>('0' + status / 10 % 10), static_cast<char>('0' + status % 10)};
    out.append("HTTP/1.1 "sv);
    out.append(code, 3);
    out.push_back(' ');
    detail::append_field_text(out, reason);
    if (cut) out.append("..."sv);
    out.append("\r\n"sv);
    detail::append_fields(out, r.headers, {});
    if (status_has_body(status)) detail::append_content_length(out, r.body.size());
    if (!keep_alive) out.append("Connection: close\r\n"sv);
    out.append("\r\n"sv);
}

/// Appends the HTTP/1.1 request line and header section of `rq` to `out`, ending with the empty
/// line; the body (`rq.body`) is sent after it as is. The framing is the client's:
///  - `Host` first: the request's own Host field when it has one, else `host`;
///  - `Content-Length` is the body's size; a request without a body has none, except POST, PUT and
///    OPTIONS (`Content-Length: 0`, as Beast frames them); the request's own Content-Length,
///    Transfer-Encoding and Connection fields are dropped (the connection is kept alive);
///  - CR and LF inside the method, target, names or values become spaces (no request splitting);
///    nameless fields are dropped.
inline void append_request_head(std::string& out, request const& rq, std::string_view target, std::string_view host) {
    using namespace std::string_view_literals; // appends without strlen
    detail::append_field_text(out, rq.method);
    out.push_back(' ');
    detail::append_field_text(out, target);
    out.append(" HTTP/1.1\r\nHost: "sv);
    detail::append_field_text(out, rq.headers.get("Host").value_or(host));
    out.append("\r\n"sv);
    detail::append_fields(out, rq.headers, "Host");
    if (!rq.body.empty() || rq.method == "POST" || rq.method == "PUT" || rq.method == "OPTIONS")
        detail::append_content_length(out, rq.body.size());
    out.append("\r\n"sv);
}

/// An absolute http/https URI split into what a client needs.
struct uri {
    std::string scheme;  ///< "http" or "https" (lower case)
    std::string host;    ///< without brackets for IPv6 literals
    std::uint16_t port = 0;
    std::string target;  ///< path and query, "/" when empty

    /// Parses `http[s]://host[:port][/path]`; nullopt when the text is not such a URI, with
    /// `error` saying why.
    [[nodiscard]] static std::optional<uri> parse(std::string_view text, std::string* error = nullptr) {
        auto fail = [&](std::string_view why) -> std::optional<uri> {
            if (error) *error = std::string(why);
            return std::nullopt;
        };
        uri u;
        auto const colon = text.find("://");
        if (colon == std::string_view::npos) return fail("not an absolute URI (no '://')");
        for (char c : text.substr(0, colon)) u.scheme.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        if (u.scheme != "http" && u.scheme != "https") return fail("the scheme is neither http nor https");
        auto rest = text.substr(colon + 3);
        auto const slash = rest.find_first_of("/?");
        auto authority = rest.substr(0, slash);
        u.target = slash == std::string_view::npos ? std::string("/") : std::string(rest.substr(slash));
        if (!u.target.empty() && u.target.front() == '?') u.target.insert(0, "/");
        if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
        std::string_view port_text;
        if (!authority.empty() && authority.front() == '[') {
            auto const close = authority.find(']');
            if (close == std::string_view::npos) return fail("an IPv6 literal without ']'");
            u.host = std::string(authority.substr(1, close - 1));
            auto after = authority.substr(close + 1);
            if (!after.empty()) {
                if (after.front() != ':') return fail("text after the IPv6 literal");
                port_text = after.substr(1);
            }
        } else {
            auto const c = authority.rfind(':');
            u.host = std::string(authority.substr(0, c));
            if (c != std::string_view::npos) port_text = authority.substr(c + 1);
        }
        if (u.host.empty()) return fail("no host");
        if (port_text.empty()) {
            u.port = u.scheme == "https" ? 443 : 80;
        } else {
            unsigned long p = 0;
            for (char c : port_text) {
                if (c < '0' || c > '9') return fail("the port is not a number");
                p = p * 10 + static_cast<unsigned long>(c - '0');
                if (p > 65535) return fail("the port is above 65535");
            }
            u.port = static_cast<std::uint16_t>(p);
        }
        return u;
    }
};

} // namespace wsbind::http

#endif
