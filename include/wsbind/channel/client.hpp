// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CHANNEL_CLIENT_HPP
#define WSBIND_CHANNEL_CLIENT_HPP

/// \file
/// `wsbind::client<HttpBackend>`: calls a service endpoint (WCF's ChannelFactory/ClientBase),
/// request/reply and one-way, raw or typed.
///
///     auto c = wsbind::client<wsbind::beast_backend>::make<wsbind::ws_http_binding<wsbind::security<wsbind::mode::none>>>(
///         "http://localhost:8000/calculator");
///     wsbind::service_contract calculator{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
///     auto sum = c.call<double>(calculator, "Add", {"n1", "n2"}, 1.0, 2.0);   // sum.get() == 3
///
/// A call is bounded by the binding's sendTimeout. Its result holds the value, or the fault the
/// service sent, or the communication error (no answer, wrong content type, HTTP errors, a reply
/// that does not relate to the request); `get()` throws `fault_exception` / `communication_error`
/// for those. Thread-safe: concurrent calls share the keep-alive connections.

#include <wsbind/channel/contract.hpp>
#include <wsbind/channel/stack.hpp>
#include <wsbind/http/backend.hpp>
#include <wsbind/soap/encoder.hpp>

#include <array>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <variant>

namespace wsbind {

struct client_options {
    channel::trace_hook trace;               ///< opt-in message logging
    /// HTTPS: trusted CAs (empty: the system's), and the client certificate for Transport security
    /// with clientCredentialType Certificate (the credential store provides them as PEM).
    http::client_tls_options tls;
    std::size_t max_idle_connections = 16;
};

/// The outcome of a call: a value, a fault, or a communication error.
template <class T>
struct call_result {
    std::optional<T> value;
    std::optional<soap::fault> fault;
    std::string error;                       ///< communication error, in words
    int http_status = 0;

    [[nodiscard]] explicit operator bool() const noexcept { return value.has_value(); }
    [[nodiscard]] T& get() & {
        if (fault) throw fault_exception(*fault);
        if (!value) throw communication_error(error);
        return *value;
    }
    [[nodiscard]] T get() && { return std::move(get()); }
};

namespace detail {
/// A random (version 4) UUID as `urn:uuid:...`, for MessageID.
[[nodiscard]] inline std::string new_message_id() {
    thread_local std::mt19937_64 rng{std::random_device{}() ^ (static_cast<std::uint64_t>(std::random_device{}()) << 32)};
    std::uint64_t const a = rng(), b = rng();
    unsigned char bytes[16];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(a >> (8 * i));
    for (int i = 0; i < 8; ++i) bytes[8 + i] = static_cast<unsigned char>(b >> (8 * i));
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);
    char out[46] = "urn:uuid:";
    char* p = out + 9;
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) *p++ = '-';
        *p++ = hex[bytes[i] >> 4];
        *p++ = hex[bytes[i] & 15];
    }
    return std::string(out, static_cast<std::size_t>(p - out));
}
} // namespace detail

template <http_backend HttpBackend>
class client {
    static_assert(http::detail::http_backend_diagnoser<HttpBackend>::value);

public:
    /// A client of compile-time binding `B` (values from `d`, default B's).
    template <class B>
        requires is_binding<B>
    [[nodiscard]] static client make(std::string address, client_options options = {}, binding_description const& d = describe<B>()) {
        return client(std::move(address), channel::stack_of<B>::make(d), channel::settings_of(d), std::move(options), {});
    }

    /// A client of a binding read from configuration; when the runtime cannot carry it, every call
    /// fails with the reason (also in `last_error()`).
    client(std::string address, binding_description const& d, client_options options = {})
        : client(std::move(address), nullptr, channel::settings_of(d), std::move(options), {}) {
        std::string why;
        stack_ = channel::make_stack(d, &why);
        if (!stack_) last_error_ = why;
    }

    client(client&&) noexcept = default;
    client& operator=(client&&) noexcept = default;

    [[nodiscard]] std::string const& address() const noexcept { return address_; }
    [[nodiscard]] std::string const& last_error() const noexcept { return last_error_; }
    /// Releases the connections; later calls open new ones.
    void close() { http_ = std::make_unique<typename HttpBackend::client>(http_options()); }

    /// A raw request/reply: `write_body` fills the request Body; the reply message is returned.
    [[nodiscard]] call_result<soap::message> request(std::string const& action, std::function<void(pugi::xml_node)> const& write_body) {
        return exchange(action, [&](soap::message& m) { if (write_body) write_body(m.body()); }, false);
    }
    /// A raw one-way send: succeeds on HTTP 202 (or 200 with an empty body).
    [[nodiscard]] call_result<std::monostate> send_one_way(std::string const& action, std::function<void(pugi::xml_node)> const& write_body) {
        auto r = exchange(action, [&](soap::message& m) { if (write_body) write_body(m.body()); }, true);
        call_result<std::monostate> out;
        out.fault = std::move(r.fault);
        out.error = std::move(r.error);
        out.http_status = r.http_status;
        if (!out.fault && out.error.empty()) out.value.emplace();
        return out;
    }

    /// A typed call of a WCF wrapped operation: `<op xmlns=ns><p1>..</p1>..</op>` in,
    /// `<opResponse><opResult>..</opResult></opResponse>` out.
    template <class R, class... Args>
    [[nodiscard]] call_result<R> call(service_contract const& contract, std::string const& op,
                                      std::initializer_list<std::string_view> parameter_names, Args const&... args) {
        auto const* names = parameter_names.begin();
        call_result<R> out;
        if (parameter_names.size() != sizeof...(Args)) {
            out.error = "operation '" + op + "': " + std::to_string(sizeof...(Args)) + " arguments but " +
                        std::to_string(parameter_names.size()) + " parameter names";
            return out;
        }
        auto writer = [&](soap::message& m) { // the wrapper as text: no document is built
            auto& out = m.body_text();
            out.reserve(2 * op.size() + contract.ns().size() + 32 + (std::size_t{0} + ... + soap::text_size_hint(args)));
            out += '<';
            out += op;
            out += " xmlns=\"";
            soap::xml::append_escaped(out, contract.ns());
            out += '"';
            if constexpr (sizeof...(Args) == 0) {
                out += "/>";
            } else {
                out += '>';
                std::size_t i = 0;
                (soap::append_value(out, names[i++], args), ...);
                out += "</";
                out += op;
                out += '>';
            }
        };
        auto r = exchange(contract.action_of(op), writer, false);
        out.fault = std::move(r.fault);
        out.error = std::move(r.error);
        out.http_status = r.http_status;
        if (!r.value) return out;
        auto const wrapper = r.value->body_element();
        // Names compared as op + suffix, without building them.
        auto const named = [&op](std::string_view local, std::string_view suffix) {
            return local.size() == op.size() + suffix.size() && local.substr(0, op.size()) == op && local.substr(op.size()) == suffix;
        };
        if (!wrapper || !named(soap::xml::local_name(wrapper), "Response") || soap::xml::namespace_of(wrapper) != contract.ns()) {
            out.error = "the reply's body is not '" + op + "Response' in namespace '" + contract.ns() + "'";
            return out;
        }
        if constexpr (std::is_same_v<R, std::monostate>) {
            out.value.emplace();
        } else {
            pugi::xml_node result;
            for (auto c = soap::xml::first_element(wrapper); c && !result; c = soap::xml::next_element(c))
                if (named(soap::xml::local_name(c), "Result") && soap::xml::namespace_of(c) == contract.ns()) result = c;
            if (!result) {
                out.value.emplace(); // WCF: an absent result is the type's default
                return out;
            }
            std::string why;
            auto v = soap::read_value<R>(result, &why);
            if (!v) {
                out.error = "the reply could not be read: " + why;
                return out;
            }
            out.value = std::move(v);
        }
        return out;
    }

private:
    client(std::string address, std::unique_ptr<channel::step_stack> stack, channel::endpoint_settings settings,
           client_options options, int)
        : address_(std::move(address)), stack_(std::move(stack)), settings_(settings), options_(std::move(options)) {
        std::string why;
        if (auto u = http::uri::parse(address_, &why)) uri_ = *u;
        else last_error_ = "the address '" + address_ + "' is not usable: " + why;
        if (uri_ && (uri_->scheme == "https") != settings_.tls)
            last_error_ = "the address '" + address_ + "' has scheme " + uri_->scheme + " but the binding's transport is " +
                          (settings_.tls ? "https (security mode Transport)" : "http");
        http_ = std::make_unique<typename HttpBackend::client>(http_options());
    }

    [[nodiscard]] http::client_options http_options() const {
        http::client_options o;
        o.max_idle_connections = options_.max_idle_connections;
        o.max_response_body_size = settings_.max_received_message_size;
        o.tls = options_.tls;
        return o;
    }

    void trace(channel::trace_record::direction dir, std::string_view ct, std::string_view action, int status, std::string_view bytes) const {
        if (options_.trace) options_.trace({dir, address_, ct, action, status, bytes});
    }

    template <class FillBody>
    call_result<soap::message> exchange(std::string action, FillBody const& fill_body, bool one_way) {
        call_result<soap::message> out;
        if (!last_error_.empty() || !stack_ || !uri_) {
            out.error = last_error_.empty() ? "the client is not usable" : last_error_;
            return out;
        }
        auto const v = settings_.version;
        bool const wsa = v.addressing == soap::addressing_version::ws_addressing_10;
        auto m = soap::message::create(v, std::move(action));
        if (wsa) {
            if (!one_way) {
                m.addressing().message_id = detail::new_message_id();
                m.addressing().reply_to.assign(soap::anonymous_address);
            }
            m.addressing().to = address_;
        }
        fill_body(m);
        soap::step_context ctx;
        ctx.now = std::chrono::system_clock::now();
        ctx.role = soap::channel_role::client;
        auto stepped = stack_->outbound(m, ctx);
        if (stepped.status == soap::step_status::refused) {
            out.error = "the request was refused by the channel stack: " + stepped.fault->fault.reason;
            return out;
        }
        soap::text_encoder enc(v, settings_.quotas);
        http::request rq;
        rq.method = "POST";
        rq.headers.set("Content-Type", enc.content_type());
        if (v.envelope == soap::envelope_version::soap11) {
            std::string quoted;
            quoted.reserve(m.action().size() + 2);
            quoted += '"';
            quoted += m.action();
            quoted += '"';
            rq.headers.set("SOAPAction", quoted);
        }
        rq.body = enc.encode(m);
        trace(channel::trace_record::direction::sent, enc.content_type(), m.action(), 0, rq.body);
        auto r = http_->round_trip(*uri_, rq, settings_.send_timeout);
        if (!r) {
            out.error = "The request to " + address_ + " failed: " + r.message;
            return out;
        }
        auto& resp = r.value;
        out.http_status = resp.status;
        auto const content_type = resp.headers.get("Content-Type");
        trace(channel::trace_record::direction::received, content_type.value_or(""), {}, resp.status, resp.body);
        if (one_way && (resp.status == 202 || (resp.status == 200 && resp.body.empty()))) {
            out.value.emplace(soap::message::create(v));
            return out;
        }
        if (resp.status != 200 && resp.status != 500 && resp.status != 400) {
            if (resp.status == 404)
                out.error = "There was no endpoint listening at " + address_ +
                            " that could accept the message. This is often caused by an incorrect address or SOAP action (HTTP 404).";
            else
                out.error = "The remote server returned an unexpected response: (" + std::to_string(resp.status) + ") " +
                            (resp.reason.empty() ? std::string(http::reason_phrase(resp.status)) : resp.reason) +
                            (resp.body.empty() ? std::string() : ": " + resp.body.substr(0, 512));
            return out;
        }
        if (enc.check_content_type(content_type)) {
            out.error = "The content type " + std::string(content_type.value_or("(none)")) +
                        " of the response message does not match the content type of the binding (" +
                        std::string(enc.content_type()) + "). The first " + std::to_string(std::min<std::size_t>(resp.body.size(), 512)) +
                        " bytes of the response were: '" + resp.body.substr(0, 512) + "'.";
            return out;
        }
        auto decoded = enc.decode_in_place(std::move(resp.body), content_type);
        if (!decoded.value) {
            out.error = "The response (HTTP " + std::to_string(resp.status) + ") is not a readable SOAP message: " +
                        decoded.failure->fault.reason;
            return out;
        }
        auto& reply = *decoded.value;
        soap::step_context in_ctx;
        in_ctx.now = std::chrono::system_clock::now();
        in_ctx.role = soap::channel_role::client;
        auto in = stack_->inbound(reply, in_ctx);
        if (in.status == soap::step_status::refused) {
            out.error = "the reply was refused by the channel stack: " + in.fault->fault.reason;
            return out;
        }
        if (auto mu = soap::check_must_understand(reply)) {
            out.error = "the reply carries a header the client does not understand: " + mu->reason;
            return out;
        }
        // The request's MessageID as sent (`m` is the request after the channel stack's steps).
        auto const& message_id = m.addressing().message_id;
        if (wsa && !reply.addressing().relates_to.empty() && reply.addressing().relates_to != message_id) {
            out.error = "the reply's RelatesTo '" + reply.addressing().relates_to + "' does not match the request's MessageID '" +
                        message_id + "'";
            return out;
        }
        if (reply.is_fault()) {
            std::string why;
            auto f = reply.read_fault(&why);
            if (!f) out.error = "the reply is a malformed fault: " + why;
            else out.fault = std::move(f);
            return out;
        }
        if (resp.status != 200) {
            out.error = "HTTP " + std::to_string(resp.status) + " with a reply that is not a fault";
            return out;
        }
        out.value.emplace(std::move(reply));
        return out;
    }

    std::string address_;
    std::optional<http::uri> uri_;
    std::unique_ptr<channel::step_stack> stack_;
    channel::endpoint_settings settings_;
    client_options options_;
    std::unique_ptr<typename HttpBackend::client> http_;
    std::string last_error_;
};

} // namespace wsbind

#endif
