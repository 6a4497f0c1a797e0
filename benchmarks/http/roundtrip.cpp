// Round trips per second over loopback, 1 KB payload, security None: a minimal raw Beast HTTP echo
// server (baseline, measured in the same run) against wsbind's service_host and Mono's WCF.
#include <wsbind/channel/client.hpp>
#include <wsbind/channel/service_host.hpp>
#include <wsbind/http/beast/backend.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>
#include <unistd.h>
#include <sys/wait.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using clock_type = std::chrono::steady_clock;

namespace {

// ---- the baseline: a minimal asynchronous Beast echo server -----------------------------------

class raw_echo_session : public std::enable_shared_from_this<raw_echo_session> {
public:
    /// `reserve`: the read buffer's initial capacity. Beast reads at most max(512, free capacity)
    /// bytes per receive, so the minimal server (0) reads a 1.3 KB request in three receives.
    raw_echo_session(tcp::socket&& s, std::size_t reserve) : stream_(std::move(s)) {
        if (reserve != 0) buffer_.reserve(reserve);
    }
    void run() { read(); }

private:
    void read() {
        req_ = {};
        bhttp::async_read(stream_, buffer_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) return;
            self->res_ = {bhttp::status::ok, 11};
            self->res_.set(bhttp::field::content_type, "text/plain");
            self->res_.body() = std::move(self->req_.body());
            self->res_.keep_alive(self->req_.keep_alive());
            self->res_.prepare_payload();
            bhttp::async_write(self->stream_, self->res_, [self](beast::error_code e, std::size_t) {
                if (!e) self->read();
            });
        });
    }
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    bhttp::request<bhttp::string_body> req_;
    bhttp::response<bhttp::string_body> res_;
};

class raw_echo_server {
public:
    raw_echo_server(unsigned threads, std::size_t reserve)
        : reserve_(reserve), ioc_(static_cast<int>(threads)), acceptor_(ioc_, {asio::ip::make_address("127.0.0.1"), 0}) {
        accept();
        for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { ioc_.run(); });
    }
    ~raw_echo_server() {
        ioc_.stop();
        for (auto& t : threads_) t.join();
    }
    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

private:
    void accept() {
        acceptor_.async_accept(asio::make_strand(ioc_), [this](beast::error_code ec, tcp::socket s) {
            if (!ec) std::make_shared<raw_echo_session>(std::move(s), reserve_)->run();
            if (acceptor_.is_open()) accept();
        });
    }
    std::size_t reserve_;
    asio::io_context ioc_;
    tcp::acceptor acceptor_;
    std::vector<std::thread> threads_;
};

// ---- measurement ------------------------------------------------------------------------------

struct figures {
    double rps = 0;
    double p50_us = 0, p99_us = 0;
    std::size_t errors = 0;
};

/// Runs `clients` threads, each making calls with its own `call` object for `seconds`.
figures measure(unsigned clients, double seconds, std::function<std::function<bool()>()> const& make_caller) {
    std::vector<std::vector<double>> lat(clients);
    std::atomic<std::size_t> errors{0};
    std::atomic<bool> go{false}, stop{false};
    std::atomic<unsigned> ready{0};
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < clients; ++i)
        threads.emplace_back([&, i] {
            auto call = make_caller();
            for (int w = 0; w < 20; ++w) call(); // warm-up: connections, caches
            ++ready;
            while (!go) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            while (!stop) {
                auto const t0 = clock_type::now();
                if (!call()) ++errors;
                lat[i].push_back(std::chrono::duration<double, std::micro>(clock_type::now() - t0).count());
            }
        });
    while (ready < clients) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    auto const start = clock_type::now();
    go = true;
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    auto const elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
    for (auto& t : threads) t.join();
    std::vector<double> all;
    for (auto& l : lat) all.insert(all.end(), l.begin(), l.end());
    figures f;
    f.errors = errors;
    if (all.empty()) return f;
    std::sort(all.begin(), all.end());
    f.rps = static_cast<double>(all.size()) / elapsed;
    f.p50_us = all[all.size() / 2];
    f.p99_us = all[std::min(all.size() - 1, all.size() * 99 / 100)];
    return f;
}

std::string const payload(1024, 'x');

wsbind::service_contract echo_contract() {
    wsbind::service_contract c{"IEcho", "http://wsbind.test/bench"};
    c.add("Echo", {"text"}, [](std::string s) { return s; });
    return c;
}

template <class B>
std::function<std::function<bool()>()> soap_caller(std::string address, bool keep_alive = true) {
    return [address, keep_alive] {
        wsbind::client_options o;
        if (!keep_alive) o.max_idle_connections = 0;
        auto c = std::make_shared<wsbind::client<wsbind::beast_backend>>(wsbind::client<wsbind::beast_backend>::make<B>(address, o));
        auto contract = std::make_shared<wsbind::service_contract>(echo_contract());
        return std::function<bool()>([c, contract] {
            auto r = c->template call<std::string>(*contract, "Echo", {"text"}, payload);
            return r && r.value->size() == payload.size();
        });
    };
}

std::function<std::function<bool()>()> raw_caller(std::uint16_t port) {
    return [port] {
        auto c = std::make_shared<wsbind::beast_backend::client>(wsbind::http::client_options{});
        auto u = *wsbind::http::uri::parse("http://127.0.0.1:" + std::to_string(port) + "/echo");
        return std::function<bool()>([c, u] {
            wsbind::http::request rq;
            rq.headers.set("Content-Type", "text/plain");
            rq.body = payload;
            auto r = c->round_trip(u, rq, std::chrono::seconds(10));
            return r && r.value.body.size() == payload.size();
        });
    };
}

/// The first line of a file, or "" when it cannot be read.
std::string first_line(char const* path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

/// How this machine's idle CPUs wait: one-client round trips mostly measure how fast an idle CPU
/// wakes (README, "The quiet machine"). With the haltpoll cpuidle driver and guest_halt_poll_ns 0,
/// an idle virtual CPU halts at once and every wake-up of it costs tens of microseconds.
std::string idle_policy() {
    auto const driver = first_line("/sys/devices/system/cpu/cpuidle/current_driver");
    if (driver.empty()) return "cpuidle driver unknown";
    std::string text = "cpuidle driver " + driver;
    if (auto const poll = first_line("/sys/module/haltpoll/parameters/guest_halt_poll_ns"); !poll.empty())
        text += ", guest_halt_poll_ns " + poll + (poll == "0" ? " (idle CPUs halt at once)" : "");
    return text;
}

long rss_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

std::string arg(int argc, char** argv, std::string const& name, std::string fallback = {}) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return argv[i + 1];
    return fallback;
}

} // namespace

int main(int argc, char** argv) {
    using namespace wsbind;
    double const seconds = std::stod(arg(argc, argv, "--seconds", "3"));
    unsigned const server_threads = 2;
    std::cout << "Round trips over loopback, 1 KB payload, security None, " << server_threads << " server threads, "
              << std::thread::hardware_concurrency() << " cores, " << seconds << " s per figure\n"
              << idle_policy() << "\n\n";

    raw_echo_server raw(server_threads, 0);
    // The same server with an 8 KiB read buffer (one receive per request, as wsbind's server reads
    // once a request spans reads): a second, stricter baseline.
    raw_echo_server raw_8k(server_threads, 8192);
    // wsbind's HTTP backend alone (echo handler, no SOAP), to tell the transport's cost from SOAP's.
    http::server_options hso;
    hso.threads = server_threads;
    beast_backend::server http_only(hso, [](http::request&& rq) {
        http::response r;
        r.headers.set("Content-Type", "text/plain");
        r.body = std::move(rq.body);
        return r;
    });
    if (http_only.start()) return 1;
    service_host_options o;
    o.threads = server_threads;
    service_host<beast_backend> host(o);
    host.add_endpoint<basic_http_binding<>>("http://127.0.0.1:0/echo/basic", echo_contract());
    host.add_endpoint<ws_http_binding<security<mode::none>>>("http://127.0.0.1:0/echo/ws", echo_contract());
    if (host.open()) {
        std::cerr << host.last_error() << "\n";
        return 1;
    }
    auto const addresses = host.endpoint_addresses();

    struct row {
        std::string name;
        unsigned clients;
        figures f;
    };
    std::vector<row> rows;
    pid_t mono_pid = -1;
    std::string mono_base;
    if (auto mono = arg(argc, argv, "--mono"); !mono.empty()) {
        beast_backend::server probe({}, [](http::request&&) { return http::response{}; });
        if (!probe.start()) {
            auto const port = std::to_string(probe.local_port());
            probe.stop();
            auto const exe = arg(argc, argv, "--mono-service");
            std::cout.flush();
            mono_pid = fork();
            if (mono_pid == 0) {
                freopen("/dev/null", "w", stdout);
                execl(mono.c_str(), mono.c_str(), exe.c_str(), port.c_str(), static_cast<char*>(nullptr));
                _exit(127);
            }
            mono_base = "http://127.0.0.1:" + port + "/echo";
            // Wait until it answers.
            auto probe_call = soap_caller<basic_http_binding<>>(mono_base + "/basic")();
            for (int i = 0; i < 200 && !probe_call(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    // Servers are measured in turn, `rounds` times over, so that load from elsewhere on the machine
    // falls on all of them alike; each figure is the median of its rounds, each ratio the median of
    // the per-round ratios against the baseline of the same round.
    int const rounds = std::stoi(arg(argc, argv, "--rounds", "5"));
    struct candidate {
        std::string name;
        std::function<std::function<std::function<bool()>()>()> caller;
    };
    std::vector<candidate> candidates = {
        {"raw Beast echo (baseline)", [&] { return raw_caller(raw.port()); }},
        {"raw Beast echo, 8 KiB buffer", [&] { return raw_caller(raw_8k.port()); }},
        {"wsbind HTTP backend, echo", [&] { return raw_caller(http_only.local_port()); }},
        {"wsbind basicHttpBinding", [&] { return soap_caller<basic_http_binding<>>(addresses[0]); }},
        {"wsbind wsHttpBinding", [&] { return soap_caller<ws_http_binding<security<mode::none>>>(addresses[1]); }},
    };
    if (!mono_base.empty()) {
        candidates.push_back({"Mono WCF basicHttpBinding", [&] { return soap_caller<basic_http_binding<>>(mono_base + "/basic"); }});
        candidates.push_back({"Mono WCF wsHttpBinding",
                              [&] { return soap_caller<ws_http_binding<security<mode::none>>>(mono_base + "/ws"); }});
    }
    // --single NAME --calls N: N round trips, one client, against the one server whose name holds
    // NAME, nothing else; for counting system calls per round trip (strace -f -c) or profiling.
    if (auto single = arg(argc, argv, "--single"); !single.empty()) {
        auto const it = std::find_if(candidates.begin(), candidates.end(),
                                     [&](candidate const& c) { return c.name.find(single) != std::string::npos; });
        if (it == candidates.end()) {
            std::cerr << "no server named like '" << single << "'\n";
            return 2;
        }
        int const calls = std::stoi(arg(argc, argv, "--calls", "20000"));
        auto call = it->caller()();
        std::vector<double> lat;
        lat.reserve(static_cast<std::size_t>(calls));
        auto const t0 = clock_type::now();
        for (int i = 0; i < calls; ++i) {
            auto const a = clock_type::now();
            if (!call()) {
                std::cerr << "call " << i << " failed\n";
                return 1;
            }
            lat.push_back(std::chrono::duration<double, std::micro>(clock_type::now() - a).count());
        }
        auto const elapsed = std::chrono::duration<double>(clock_type::now() - t0).count();
        std::sort(lat.begin(), lat.end());
        std::printf("%s: %d round trips, %.0f/s, p50 %.1f us\n", it->name.c_str(), calls, calls / elapsed,
                    lat[lat.size() / 2]);
        host.close();
        return 0;
    }
    if (auto only = arg(argc, argv, "--only"); !only.empty())
        candidates.erase(std::remove_if(candidates.begin() + 2, candidates.end(),
                                        [&](candidate const& c) { return c.name.find(only) == std::string::npos; }),
                         candidates.end());
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v.empty() ? 0.0 : v[v.size() / 2];
    };
    std::vector<double> ratios_by_row, ratios_8k_by_row;
    std::vector<std::pair<double, double>> ratio_range_by_row; // lowest and highest per-round ratio
    for (unsigned clients : {1u, 16u}) {
        std::vector<std::vector<figures>> per(candidates.size());
        std::vector<std::vector<double>> ratio(candidates.size()), ratio_8k(candidates.size());
        for (int r = 0; r < rounds; ++r) {
            double base = 0, base_8k = 0;
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                bool const mono = candidates[i].name.rfind("Mono", 0) == 0;
                if (mono && r > 0) continue; // Mono is slow and steady: one round is enough
                auto f = measure(clients, mono ? 2.0 : seconds, candidates[i].caller());
                if (i == 0) base = f.rps;
                if (i == 1) base_8k = f.rps;
                ratio[i].push_back(base > 0 ? f.rps / base : 0);
                ratio_8k[i].push_back(base_8k > 0 ? f.rps / base_8k : 0);
                per[i].push_back(f);
            }
        }
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            figures m;
            std::vector<double> rps, p50, p99;
            for (auto const& f : per[i]) {
                rps.push_back(f.rps);
                p50.push_back(f.p50_us);
                p99.push_back(f.p99_us);
                m.errors += f.errors;
            }
            m.rps = median(rps);
            m.p50_us = median(p50);
            m.p99_us = median(p99);
            rows.push_back({candidates[i].name, clients, m});
            ratios_by_row.push_back(median(ratio[i]));
            ratios_8k_by_row.push_back(median(ratio_8k[i]));
            auto const [lo, hi] = std::minmax_element(ratio[i].begin(), ratio[i].end());
            ratio_range_by_row.emplace_back(ratio[i].empty() ? 0 : *lo, ratio[i].empty() ? 0 : *hi);
        }
    }
    if (mono_pid > 0) {
        kill(mono_pid, SIGTERM);
        waitpid(mono_pid, nullptr, 0);
    }

    std::printf("%-28s %7s %13s %9s %15s %9s %9s %9s %7s\n", "server", "clients", "round trips/s", "vs raw", "(range)",
                "vs 8 KiB", "p50 us", "p99 us", "errors");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto const& r = rows[i];
        std::printf("%-28s %7u %13.0f %8.1f%% %6.1f–%5.1f%% %8.1f%% %9.0f %9.0f %7zu\n", r.name.c_str(), r.clients, r.f.rps,
                    100 * ratios_by_row[i], 100 * ratio_range_by_row[i].first, 100 * ratio_range_by_row[i].second,
                    100 * ratios_8k_by_row[i], r.f.p50_us, r.f.p99_us, r.f.errors);
    }
    std::printf("(median of %d rounds; 'vs raw' is the median of per-round ratios against the minimal raw Beast server, the range\n"
                " their lowest and highest; 'vs 8 KiB' the median of per-round ratios against the raw server with an 8 KiB buffer)\n",
                rounds);

    // SOAP processing without sockets: one request through service_host::dispatch (decode, checks,
    // typed parameters, handler, reply encoding), to tell protocol cost from transport cost.
    {
        auto const make_request = [](bool ws, std::string const& address) {
            http::request rq;
            rq.target = http::uri::parse(address)->target;
            auto m = soap::message::create(ws ? soap::soap12_ws_addressing10 : soap::soap11, "http://wsbind.test/bench/IEcho/Echo");
            if (ws) {
                m.addressing().message_id = "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e";
                m.addressing().to = address;
            }
            auto w = m.body().append_child("Echo");
            w.append_attribute("xmlns") = "http://wsbind.test/bench";
            soap::append_value(w, "text", payload);
            soap::text_encoder enc(m.version());
            rq.body = enc.encode(m);
            rq.headers.set("Content-Type", enc.content_type());
            if (!ws) rq.headers.set("SOAPAction", "\"http://wsbind.test/bench/IEcho/Echo\"");
            return rq;
        };
        for (bool ws : {false, true}) {
            auto const proto = make_request(ws, addresses[ws ? 1 : 0]);
            constexpr int n = 20000;
            auto const t0 = clock_type::now();
            std::size_t bytes = 0;
            for (int i = 0; i < n; ++i) {
                auto rq = proto;
                bytes += host.dispatch(std::move(rq)).body.size();
            }
            auto const us = std::chrono::duration<double, std::micro>(clock_type::now() - t0).count() / n;
            std::printf("%sservice-side SOAP processing, %s: %.1f us per request (no sockets)\n", ws ? "" : "\n",
                        ws ? "wsHttpBinding" : "basicHttpBinding", us);
            (void)bytes;
        }
    }

    // Memory per idle connection of the service host (connections opened from this process: the
    // figure includes the client sockets' small user-space part).
    constexpr int idle = 1000;
    auto const before = rss_kb();
    {
        asio::io_context ioc;
        std::vector<tcp::socket> sockets;
        sockets.reserve(idle);
        auto const u = *http::uri::parse(addresses[0]);
        for (int i = 0; i < idle; ++i) {
            sockets.emplace_back(ioc);
            sockets.back().connect({asio::ip::make_address("127.0.0.1"), u.port});
        }
        while (host.stats(0).open_connections < static_cast<std::size_t>(idle)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        auto const after = rss_kb();
        std::printf("\nmemory per idle connection: %.1f KiB (%d idle connections, RSS %+ld KiB)\n",
                    static_cast<double>(after - before) / idle, idle, after - before);
    }
    host.close();
    return 0;
}
