// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_CHANNEL_SERVICE_HOST_HPP
#define WSBIND_CHANNEL_SERVICE_HOST_HPP

/// \file
/// `wsbind::service_host<HttpBackend>`: serves service contracts on endpoints, each an address, a
/// binding and a contract (WCF's ServiceHost).
///
///     wsbind::service_host<wsbind::beast_backend> host;
///     host.add_endpoint<wsbind::basic_http_binding<>>("http://localhost:8000/calculator", calculator);
///     if (auto e = host.open()) ...;   // listening
///     host.close();
///
/// Per request: POST only (405), endpoint by path (404), maxReceivedMessageSize before the body is
/// read (413, by the transport), the encoder's content-type and envelope checks (415/400),
/// the security and reliable-session steps, mustUnderstand, the WS-Addressing To filter, the
/// operation by action (ActionNotSupported), the handler; faults go back with HTTP 500, one-way
/// operations get 202. Endpoints sharing a scheme, host and port share one listener.
///
/// Lifecycle as WCF's CommunicationObject: Created → open() → Opened → close() → Closed; a
/// closed host cannot be reopened. open() fails (with the reason in `last_error()`) when an
/// endpoint's binding is not carried by the runtime, a port cannot be bound, or an HTTPS endpoint
/// has no usable certificate. close() stops accepting and waits up to closeTimeout for requests
/// in progress.

#include <wsbind/channel/contract.hpp>
#include <wsbind/channel/stack.hpp>
#include <wsbind/http/backend.hpp>
#include <wsbind/soap/encoder.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

namespace wsbind {

struct service_host_options {
    unsigned threads = 2;                 ///< threads per listener
    std::size_t max_connections = 1024;   ///< open connections per listener
    /// serviceDebug includeExceptionDetailInFaults: faults carry the exception's text.
    bool include_exception_detail_in_faults = false;
    /// IP address to listen on; empty: the host of the endpoint address when it is an IP literal,
    /// 127.0.0.1 for "localhost", else all addresses ("0.0.0.0", as StrongWildcard does).
    std::string listen_address;
    /// HTTPS endpoints: the service certificate (serviceCredentials/serviceCertificate; the
    /// credential store provides a source) and the CAs client certificates must chain to.
    std::shared_ptr<http::server_certificate_source const> service_certificate;
    std::string trusted_client_ca_pem;
    channel::trace_hook trace;            ///< opt-in message logging
};

enum class communication_state : std::uint8_t { created, opened, closed, faulted };

template <http_backend HttpBackend>
class service_host {
    static_assert(http::detail::http_backend_diagnoser<HttpBackend>::value);

public:
    explicit service_host(service_host_options options = {}) : options_(std::move(options)) {}
    service_host(service_host const&) = delete;
    service_host& operator=(service_host const&) = delete;
    ~service_host() { close(); }

    /// Adds an endpoint with compile-time binding `B`; `d` supplies the values (defaults: B's).
    template <class B>
        requires is_binding<B>
    void add_endpoint(std::string address, service_contract contract, binding_description const& d = describe<B>()) {
        auto e = std::make_unique<endpoint>();
        e->address = std::move(address);
        e->contract = std::move(contract);
        e->settings = channel::settings_of(d);
        e->stack = channel::stack_of<B>::make(d);
        endpoints_.push_back(std::move(e));
    }

    /// Adds an endpoint whose binding was read from configuration. A binding the runtime cannot
    /// carry is recorded and makes open() fail with the reason.
    void add_endpoint(std::string address, service_contract contract, binding_description const& d) {
        std::string why;
        bool const ok = channel::visit_runtime_binding(d, [&](auto tag) {
            add_endpoint<typename decltype(tag)::type>(address, contract, d);
        }, &why);
        if (!ok) pending_errors_.push_back("endpoint '" + address + "': " + why);
    }

    /// Starts listening on every endpoint. Returns an error (and `last_error()`) when it cannot.
    [[nodiscard]] std::error_code open() {
        if (state_ != communication_state::created) {
            last_error_ = state_ == communication_state::opened ? "the service host is already open"
                                                                 : "a closed service host cannot be reopened (create a new one)";
            return std::make_error_code(std::errc::operation_not_permitted);
        }
        if (!pending_errors_.empty()) return fail(pending_errors_.front());
        if (endpoints_.empty()) return fail("the service host has no endpoints");
        for (auto& e : endpoints_) {
            std::string why;
            auto u = http::uri::parse(e->address, &why);
            if (!u) return fail("endpoint address '" + e->address + "' is not usable: " + why);
            if ((u->scheme == "https") != e->settings.tls)
                return fail("endpoint address '" + e->address + "' has scheme " + u->scheme + " but its binding's transport is " +
                            (e->settings.tls ? "https (security mode Transport)" : "http"));
            e->uri = *u;
            auto const key = u->scheme + "://" + listen_address_for(*u) + ":" + std::to_string(u->port);
            auto& l = listeners_[key];
            if (!l) {
                l = std::make_unique<listener>();
                l->scheme = u->scheme;
                l->address = listen_address_for(*u);
                l->port = u->port;
            }
            l->endpoints.push_back(e.get());
        }
        for (auto& [key, l] : listeners_) {
            http::server_options so;
            so.address = l->address;
            so.port = l->port;
            so.threads = options_.threads;
            so.max_connections = options_.max_connections;
            so.max_body_size = 0;
            so.read_timeout = std::chrono::milliseconds::max();
            so.write_timeout = std::chrono::milliseconds::max();
            for (auto* e : l->endpoints) {
                so.max_body_size = std::max(so.max_body_size, e->settings.max_received_message_size);
                so.read_timeout = std::min(so.read_timeout, e->settings.receive_timeout);
                so.write_timeout = std::min(so.write_timeout, e->settings.send_timeout);
            }
            if (l->scheme == "https") {
                if (!options_.service_certificate)
                    return fail("HTTPS endpoint on port " + std::to_string(l->port) +
                                " needs a service certificate (service_host_options::service_certificate)");
                so.tls.emplace();
                so.tls->certificate = options_.service_certificate;
                so.tls->trusted_client_ca_pem = options_.trusted_client_ca_pem;
                // The handshake comes before the path: when every endpoint on the port requires a client
                // certificate the handshake does; when only some do, it asks for one and each
                // endpoint's transport step decides.
                auto const requires_cert = [](endpoint* e) { return e->settings.require_client_certificate; };
                so.tls->require_client_certificate = std::all_of(l->endpoints.begin(), l->endpoints.end(), requires_cert);
                so.tls->request_client_certificate = std::any_of(l->endpoints.begin(), l->endpoints.end(), requires_cert);
            }
            listener* raw = l.get();
            l->server = std::make_unique<typename HttpBackend::server>(so, [this, raw](http::request&& rq) { return handle(*raw, std::move(rq)); });
            if (auto ec = l->server->start()) {
                std::string detail;
                if constexpr (requires(typename HttpBackend::server& s) { s.last_error(); }) detail = l->server->last_error();
                else detail = ec.message();
                close_listeners();
                return fail("cannot listen for " + key + ": " + detail, ec);
            }
            l->actual_port = l->server->local_port();
            for (auto* e : l->endpoints)
                if (e->uri.port == 0) e->address = replace_port(e->address, l->actual_port);
        }
        state_ = communication_state::opened;
        return {};
    }

    /// Stops listening; waits up to the endpoints' closeTimeout for requests in progress.
    void close() {
        if (state_ == communication_state::opened) close_listeners();
        if (state_ != communication_state::created || !listeners_.empty()) state_ = communication_state::closed;
        listeners_.clear();
    }

    [[nodiscard]] communication_state state() const noexcept { return state_; }
    [[nodiscard]] std::string const& last_error() const noexcept { return last_error_; }

    /// Endpoint addresses (after open(): with the port bound when the address said port 0).
    [[nodiscard]] std::vector<std::string> endpoint_addresses() const {
        std::vector<std::string> out;
        for (auto const& e : endpoints_) out.push_back(e->address);
        return out;
    }

    /// Processes one HTTP request as the listener of its scheme and port would, without a socket
    /// (tests, fuzzing). The host must be open; a request for no listener gets 404.
    [[nodiscard]] http::response dispatch(http::request&& rq, std::string_view scheme = "http", std::uint16_t port = 0) const {
        for (auto const& [k, l] : listeners_)
            if (l->scheme == scheme && (port == 0 || l->actual_port == port)) return handle(*l, std::move(rq));
        return text_response(404, "no listener for " + std::string(scheme) + " port " + std::to_string(port));
    }

    /// Server statistics of the listener of endpoint `i`.
    [[nodiscard]] http::server_stats stats(std::size_t i = 0) const {
        for (auto const& [k, l] : listeners_)
            for (auto* e : l->endpoints)
                if (e == endpoints_.at(i).get() && l->server) return l->server->stats();
        return {};
    }

private:
    struct endpoint {
        std::string address;
        http::uri uri;
        service_contract contract{""};
        channel::endpoint_settings settings;
        std::unique_ptr<channel::step_stack> stack;
    };
    struct listener {
        std::string scheme, address;
        std::uint16_t port = 0, actual_port = 0;
        std::vector<endpoint*> endpoints;
        std::unique_ptr<typename HttpBackend::server> server;
    };

    std::error_code fail(std::string why, std::error_code ec = std::make_error_code(std::errc::invalid_argument)) {
        last_error_ = std::move(why);
        return ec;
    }

    [[nodiscard]] std::string listen_address_for(http::uri const& u) const {
        if (!options_.listen_address.empty()) return options_.listen_address;
        if (u.host == "localhost") return "127.0.0.1";
        bool ip = !u.host.empty() && (u.host.find(':') != std::string::npos ||
                                      std::all_of(u.host.begin(), u.host.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }));
        return ip ? u.host : "0.0.0.0";
    }

    [[nodiscard]] static std::string replace_port(std::string const& address, std::uint16_t port) {
        auto const scheme_end = address.find("://");
        auto const path = address.find('/', scheme_end + 3);
        auto authority = address.substr(scheme_end + 3, path == std::string::npos ? std::string::npos : path - scheme_end - 3);
        auto const colon = authority.rfind(':');
        if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) authority.resize(colon);
        return address.substr(0, scheme_end + 3) + authority + ":" + std::to_string(port) +
               (path == std::string::npos ? std::string() : address.substr(path));
    }

    void close_listeners() {
        std::chrono::milliseconds grace{0};
        for (auto const& e : endpoints_) grace = std::max(grace, e->settings.close_timeout);
        for (auto& [k, l] : listeners_)
            if (l->server) {
                if constexpr (requires(typename HttpBackend::server& s) { s.stop(grace); }) l->server->stop(grace);
                else l->server->stop();
            }
    }

    static bool path_equals(std::string_view a, std::string_view b) noexcept {
        auto strip = [](std::string_view s) {
            if (auto q = s.find('?'); q != std::string_view::npos) s = s.substr(0, q);
            while (s.size() > 1 && s.back() == '/') s.remove_suffix(1);
            return s;
        };
        return soap::detail::iequals(strip(a), strip(b));
    }

    void trace(channel::trace_record::direction dir, endpoint const& e, std::string_view ct, std::string_view action, int status,
               std::string_view bytes) const {
        if (options_.trace) options_.trace({dir, e.address, ct, action, status, bytes});
    }

    http::response text_response(int status, std::string text, std::string_view reason = {}) const {
        http::response r;
        r.status = status;
        r.reason = std::string(reason);
        r.headers.set("Content-Type", "text/plain; charset=utf-8");
        r.body = std::move(text);
        return r;
    }

    http::response encode_reply(endpoint const& e, soap::message& reply, int status) const {
        soap::text_encoder enc(e.settings.version, e.settings.quotas);
        http::response r;
        r.status = status;
        r.headers.set("Content-Type", enc.content_type());
        r.body = enc.encode(reply);
        trace(channel::trace_record::direction::sent, e, enc.content_type(), reply.action(), status, r.body);
        return r;
    }

    http::response fault_response(endpoint const& e, soap::fault f, int status, std::string const& relates_to) const {
        auto m = soap::message::create_fault(e.settings.version, std::move(f));
        if (e.settings.version.addressing == soap::addressing_version::ws_addressing_10) m.addressing().relates_to = relates_to;
        else m.addressing().action.clear();
        return encode_reply(e, m, status);
    }

    http::response handle(listener& l, http::request&& rq) const {
        endpoint const* e = nullptr;
        for (auto* c : l.endpoints)
            if (path_equals(c->uri.target, rq.target)) e = c;
        if (e == nullptr)
            return text_response(404, "There is no endpoint at '" + rq.target + "' on this port.");
        auto const content_type = rq.headers.get("Content-Type");
        auto const soap_action = rq.headers.get("SOAPAction");
        trace(channel::trace_record::direction::received, *e, content_type.value_or(""), soap_action.value_or(""), 0, rq.body);
        if (rq.method != "POST")
            return text_response(405, "The endpoint accepts SOAP messages with POST only (method " + rq.method + " refused).");
        if (rq.body.size() > e->settings.max_received_message_size)
            return text_response(413, "The request body exceeds the maximum message size quota (" +
                                          std::to_string(e->settings.max_received_message_size) + " bytes, maxReceivedMessageSize).");
        soap::text_encoder enc(e->settings.version, e->settings.quotas);
        auto decoded = enc.decode_in_place(std::move(rq.body), content_type, soap_action);
        if (decoded.unsupported_media_type()) {
            auto text = decoded.failure->fault.reason;
            return text_response(415, text, text);
        }
        if (!decoded.value) return fault_response(*e, std::move(decoded.failure->fault), decoded.failure->http_status, {});
        auto& request = *decoded.value;
        auto const& request_id = request.addressing().message_id;

        soap::step_context ctx;
        ctx.now = std::chrono::system_clock::now();
        ctx.role = soap::channel_role::service;
        ctx.transport.secure = rq.peer.secure;
        ctx.transport.client_certificate_der = std::move(rq.peer.client_certificate_der);
        ctx.transport.client_certificate_subject = std::move(rq.peer.client_certificate_subject);
        ctx.transport.peer_address = std::move(rq.peer.address);
        auto stepped = e->stack->inbound(request, ctx);
        if (stepped.status == soap::step_status::refused)
            return fault_response(*e, std::move(stepped.fault->fault), stepped.fault->http_status, request_id);
        if (stepped.status == soap::step_status::absorbed) {
            http::response r;
            r.status = 202;
            return r;
        }
        if (auto mu = soap::check_must_understand(request)) return fault_response(*e, std::move(*mu), 500, request_id);

        if (e->settings.version.addressing == soap::addressing_version::ws_addressing_10 && !request.addressing().to.empty() &&
            request.addressing().to != e->address) {
            auto to = http::uri::parse(request.addressing().to);
            if (!to || !path_equals(to->target, e->uri.target)) {
                soap::fault f;
                f.code = soap::fault_code::sender;
                f.subcodes.push_back({std::string(soap::ns::ws_addressing_10), "DestinationUnreachable"});
                f.reason = "The message with To '" + request.addressing().to +
                           "' cannot be processed at the receiver, due to an AddressFilter mismatch at the EndpointDispatcher.  "
                           "Check that the sender and receiver's EndpointAddresses agree.";
                return fault_response(*e, std::move(f), 500, request_id);
            }
        }

        auto const* op = e->contract.find(request.action());
        if (op == nullptr)
            return fault_response(*e, soap::action_not_supported(request.action(), e->settings.version.addressing), 500, request_id);

        auto reply = soap::message::create(e->settings.version, op->reply_action);
        if (e->settings.version.addressing == soap::addressing_version::ws_addressing_10) reply.addressing().relates_to = request_id;
        else reply.addressing().action.clear();
        operation_context oc{request, request.body_element(), reply, ctx.identity};
        try {
            op->handler(oc);
        } catch (fault_exception const& fe) {
            if (op->one_way) return http::response{202, {}, {}, {}};
            return fault_response(*e, fe.fault(), 500, request_id);
        } catch (std::exception const& ex) {
            if (op->one_way) return http::response{202, {}, {}, {}};
            auto f = soap::internal_service_fault();
            if (options_.include_exception_detail_in_faults) f.reason = ex.what();
            return fault_response(*e, std::move(f), 500, request_id);
        } catch (...) {
            if (op->one_way) return http::response{202, {}, {}, {}};
            return fault_response(*e, soap::internal_service_fault(), 500, request_id);
        }
        if (op->one_way) return http::response{202, {}, {}, {}};
        soap::step_context out_ctx;
        out_ctx.now = ctx.now;
        out_ctx.role = soap::channel_role::service;
        out_ctx.transport = std::move(ctx.transport);
        auto out = e->stack->outbound(reply, out_ctx);
        if (out.status == soap::step_status::refused)
            return fault_response(*e, std::move(out.fault->fault), out.fault->http_status, request_id);
        return encode_reply(*e, reply, 200);
    }

    service_host_options options_;
    std::vector<std::unique_ptr<endpoint>> endpoints_;
    std::map<std::string, std::unique_ptr<listener>> listeners_;
    std::vector<std::string> pending_errors_;
    std::string last_error_;
    communication_state state_ = communication_state::created;
};

} // namespace wsbind

#endif
