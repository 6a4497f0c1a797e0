// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// wsbind-store: certmgr/makecert for wsbind's directory-backed certificate stores.

#include <wsbind/crypto/certificate_validation.hpp>
#include <wsbind/crypto/x509_store.hpp>
#include <wsbind/crypto/pem.hpp>

#include "demo_pki.hpp"

#if WSBIND_STORE_HAVE_OPENSSL
#include <wsbind/crypto/openssl/backend.hpp>
#endif
#if WSBIND_STORE_HAVE_BOTAN
#include <wsbind/crypto/botan/backend.hpp>
#endif
#if WSBIND_STORE_HAVE_BEAST
#include <wsbind/http/beast/backend.hpp>
#include <wsbind/http/crl_fetcher.hpp>
#endif

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace wsbind;

constexpr int exit_ok = 0, exit_failed = 1, exit_usage = 2, exit_error = 3;

char const* const usage_text = R"(usage: wsbind-store [global options] <command> [options]

global options:
  --backend openssl|botan   crypto backend (default: openssl when built in)
  --root DIR                store root holding CurrentUser/ and LocalMachine/
                            (default: $WSBIND_CERT_STORE_ROOT, else CurrentUser ->
                            $XDG_DATA_HOME/wsbind/certs, LocalMachine -> /var/lib/wsbind/certs)
  --no-system-trust         LocalMachine\Root and \CertificateAuthority do not show /etc/ssl/certs

commands:
  import --location L --store S [--password P] [--key KEYFILE] FILE
        import a PEM/DER certificate (with its key from the same PEM file or --key)
        or a PFX/PKCS#12 file (key and every certificate) into store S of location L
  list --location L --store S
        print thumbprint, key flag, expiry and subject of each certificate
  find --location L --store S --find-type T --value V
        print the thumbprint and subject of the one match (WCF's rule: exactly one)
  remove --location L --store S --thumbprint HEX
  verify --mode M --revocation R [--trusted-location L] [--role client|service]
         [--extra FILE]... [--crl-map DIR] [--time UNIX-SECONDS] FILE
        validate FILE's certificate as a WCF service (role client: the certificate is a
        client's) or client (role service) would; M: None, PeerTrust, ChainTrust,
        PeerOrChainTrust; R: NoCheck, Offline, Online. Online fetches CRLs from their
        distribution points: http(s):// over HTTP (when built with the Beast layer) and
        file:// URIs; with --crl-map DIR, non-file URIs are read from DIR by file name
  demo-pki DIR [--key-bits N] [--crl-base-uri URI]
        create a demo PKI (root and intermediate CA, Contoso.com, Cohowinery.com and bad
        certificates) in DIR and a ready store under DIR/store
  backends
        print the crypto backends built into this wsbind-store, one per line

L: CurrentUser | LocalMachine    S: AddressBook | AuthRoot | CertificateAuthority |
Disallowed | My | Root | TrustedPeople | TrustedPublisher    T: an X509FindType name
exit status: 0 success, 1 not found / not valid, 2 usage error, 3 other error
)";

/// The backends compiled in, in the order `--backend` defaults to them.
constexpr char const* built_backends[] = {
#if WSBIND_STORE_HAVE_OPENSSL
    "openssl",
#endif
#if WSBIND_STORE_HAVE_BOTAN
    "botan",
#endif
};

std::string built_backend_list() {
    std::string out;
    for (char const* b : built_backends) out += (out.empty() ? "" : ", ") + std::string(b);
    return out;
}

struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct args {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;
    std::vector<std::string> flags;

    [[nodiscard]] std::optional<std::string> get(std::string const& name) const {
        auto it = options.find(name);
        if (it == options.end() || it->second.empty()) return std::nullopt;
        return it->second.back();
    }
    [[nodiscard]] std::string require(std::string const& name) const {
        auto v = get(name);
        if (!v) throw usage_error("missing option --" + name);
        return *v;
    }
    [[nodiscard]] bool flag(std::string const& name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }
};

args parse(int argc, char** argv, int first) {
    static std::vector<std::string> const flag_names{"no-system-trust", "help"};
    args a;
    for (int i = first; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0) {
            auto name = s.substr(2);
            if (std::find(flag_names.begin(), flag_names.end(), name) != flag_names.end()) {
                a.flags.push_back(name);
                continue;
            }
            if (i + 1 >= argc) throw usage_error("option " + s + " needs a value");
            a.options[name].push_back(argv[++i]);
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

template <class E>
E parse_enum(std::string const& text, char const* what) {
    if (auto v = enum_from_string<E>(text)) return *v;
    throw usage_error(std::string("invalid ") + what + " '" + text + "'; allowed: " + std::string(enum_name_list<E>()));
}

crypto::result<crypto::bytes> read_all(fs::path const& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return crypto::make_error(crypto::errc::io_error, "cannot read " + p.string());
    return crypto::bytes(std::istreambuf_iterator<char>(in), {});
}

template <class B>
class tool {
public:
    tool(args a, x509_store_options o) : a_(std::move(a)), options_(std::move(o)) {}

    int run(std::string const& command) {
        if (command == "import") return import();
        if (command == "list") return list();
        if (command == "find") return find();
        if (command == "remove") return remove();
        if (command == "verify") return verify();
        if (command == "demo-pki") return demo();
        throw usage_error("unknown command '" + command + "'");
    }

private:
    x509_store<B> open_store() const {
        return x509_store<B>(b_, parse_enum<store_location>(a_.require("location"), "store location"),
                             parse_enum<store_name>(a_.require("store"), "store name"), options_);
    }

    static void print_problems(x509_store<B> const& s) {
        for (auto const& p : s.problems()) std::cerr << "warning: " << p.path.string() << ": " << p.message << "\n";
    }

    int import() {
        if (a_.positional.size() != 1) throw usage_error("import needs one FILE");
        auto store = open_store();
        fs::path file = a_.positional[0];
        auto data = read_all(file);
        if (!data) return fail(data.err().message);
        std::string password = a_.get("password").value_or("");
        std::vector<typename B::certificate> certs;
        std::optional<typename B::private_key> key;
        auto ext = detail::find::ascii_upper(file.extension().string());
        bool pfx = ext == ".PFX" || ext == ".P12";
        if (!pfx) {
            auto c = b_.load_certificates(*data);
            if (!c) {
                auto p = b_.load_pkcs12(*data, password); // a PFX with another extension
                if (!p) return fail(file.string() + ": neither a certificate (" + c.err().message + ") nor a PFX (" + p.err().message + ")");
                pfx = true;
            } else {
                certs = std::move(*c);
                if (detail::store::contains_text(*data, "PRIVATE KEY-----")) {
                    auto k = b_.load_private_key(*data, password);
                    if (!k) return fail(file.string() + ": " + k.err().message);
                    key = std::move(*k);
                }
            }
        }
        if (pfx) {
            auto p = b_.load_pkcs12(*data, password);
            if (!p) return fail(file.string() + ": " + p.err().message);
            if (p->certificate) certs.push_back(*p->certificate);
            certs.insert(certs.end(), p->others.begin(), p->others.end());
            key = p->key;
        }
        if (auto kf = a_.get("key")) {
            auto kd = read_all(*kf);
            if (!kd) return fail(kd.err().message);
            auto k = b_.load_private_key(*kd, password);
            if (!k) return fail(*kf + ": " + k.err().message);
            key = std::move(*k);
        }
        if (key && !b_.key_matches(*key, certs.front()))
            return fail("the private key does not belong to the certificate " + b_.info(certs.front()).subject);
        for (std::size_t i = 0; i < certs.size(); ++i) {
            auto r = store.add(certs[i], i == 0 && key ? &*key : nullptr);
            if (!r) return fail(r.err().message);
            auto const& info = b_.info(certs[i]);
            std::cout << "imported " << info.thumbprint_hex << " " << info.subject << (i == 0 && key ? " (with private key)" : "") << " -> "
                      << r->string() << "\n";
        }
        return exit_ok;
    }

    int list() {
        auto store = open_store();
        print_problems(store);
        if (!store.exists()) std::cerr << "note: " << store.directory().string() << " does not exist\n";
        for (auto const& e : store.entries()) {
            auto days = std::chrono::floor<std::chrono::days>(e.info->not_after);
            std::chrono::year_month_day ymd{days};
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
            std::cout << e.info->thumbprint_hex << "  " << (e.private_key ? "key" : "   ") << "  " << date << "  " << e.info->subject
                      << (e.from_system_trust ? "  (system)" : "") << "\n";
        }
        return exit_ok;
    }

    int find() {
        auto store = open_store();
        auto type = parse_enum<x509_find_type>(a_.require("find-type"), "find type");
        auto r = store.try_find_one(type, a_.require("value"));
        if (!r) {
            std::cerr << "error: " << certificate_lookup_error::describe(*r.error) << "\n";
            return r.error->failure == lookup_failure::invalid_find_value ? exit_usage : exit_failed;
        }
        std::cout << r.entry->info->thumbprint_hex << " " << r.entry->info->subject << "\n";
        return exit_ok;
    }

    int remove() {
        auto store = open_store();
        auto r = store.remove(a_.require("thumbprint"));
        if (!r) return fail(r.err().message, r.err().code == crypto::errc::not_found ? exit_failed : exit_error);
        std::cout << "removed " << a_.require("thumbprint") << "\n";
        return exit_ok;
    }

    int verify() {
        if (a_.positional.size() != 1) throw usage_error("verify needs one FILE");
        auto data = read_all(a_.positional[0]);
        if (!data) return fail(data.err().message);
        auto certs = b_.load_certificates(*data);
        if (!certs) {
            auto p = b_.load_pkcs12(*data, a_.get("password").value_or(""));
            if (!p) return fail(a_.positional[0] + ": " + certs.err().message);
            certs = std::vector<typename B::certificate>{*p->certificate};
            certs->insert(certs->end(), p->others.begin(), p->others.end());
        }
        std::vector<typename B::certificate> extra(certs->begin() + 1, certs->end());
        if (a_.options.count("extra"))
            for (auto const& f : a_.options.at("extra")) {
                auto d = read_all(f);
                if (!d) return fail(d.err().message);
                auto c = b_.load_certificates(*d);
                if (!c) return fail(f + ": " + c.err().message);
                extra.insert(extra.end(), c->begin(), c->end());
            }
        auto mode = parse_enum<certificate_validation_mode>(a_.require("mode"), "validation mode");
        if (mode == certificate_validation_mode::custom) throw usage_error("mode Custom needs code; use None, PeerTrust, ChainTrust or PeerOrChainTrust");
        auto revocation = parse_enum<revocation_mode>(a_.require("revocation"), "revocation mode");
        std::string role = a_.get("role").value_or("client");
        if (role != "client" && role != "service") throw usage_error("invalid --role '" + role + "'; allowed: client, service");
#if WSBIND_STORE_HAVE_BEAST
        crl_fetcher fetcher = http::make_crl_fetcher<beast_backend>();
#else
        crl_fetcher fetcher = file_crl_fetcher;
#endif
        if (auto dir = a_.get("crl-map"))
            fetcher = [dir = fs::path(*dir)](std::string_view uri) -> crypto::result<crypto::bytes> {
                if (uri.rfind("file://", 0) == 0) return file_crl_fetcher(uri);
                auto slash = uri.rfind('/');
                auto name = std::string(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
                if (name.empty()) return crypto::make_error(crypto::errc::not_found, "no file name in " + std::string(uri));
                return detail::store::read_file(dir / name);
            };
        x509_stores<B> stores(b_, options_);
        std::optional<std::chrono::sys_seconds> at;
        if (auto t = a_.get("time")) at = std::chrono::sys_seconds(std::chrono::seconds(std::stoll(*t)));
        certificate_validation_result result;
        if (role == "client") {
            x509_client_certificate_authentication a;
            a.validation_mode = mode;
            a.revocation = revocation;
            if (auto l = a_.get("trusted-location")) a.trusted_store_location = parse_enum<store_location>(*l, "store location");
            result = x509_certificate_validator<B>(stores, a, fetcher).validate(certs->front(), extra, at);
        } else {
            x509_service_certificate_authentication a;
            a.validation_mode = mode;
            a.revocation = revocation;
            if (auto l = a_.get("trusted-location")) a.trusted_store_location = parse_enum<store_location>(*l, "store location");
            result = x509_certificate_validator<B>(stores, a, fetcher).validate(certs->front(), extra, at);
        }
        auto const& info = b_.info(certs->front());
        if (result.valid) {
            std::cout << "valid: " << info.subject << " [" << info.thumbprint_hex << "]\n";
            return exit_ok;
        }
        std::cout << "NOT valid: " << result.message << "\n";
        return exit_failed;
    }

    int demo() {
        if (a_.positional.size() != 1) throw usage_error("demo-pki needs one DIR");
        fs::path dir = a_.positional[0];
        tools::demo_pki_options o;
        if (auto bits = a_.get("key-bits")) o.key_bits = static_cast<std::size_t>(std::stoul(*bits));
        if (auto uri = a_.get("crl-base-uri")) o.crl_base_uri = *uri;
        auto pki = tools::make_demo_pki(b_, o);
        if (!pki) return fail("demo PKI: " + pki.err().message);
        if (auto w = tools::write_demo_pki(b_, *pki, dir); !w) return fail(w.err().message);
        x509_store_options so;
        so.root = dir / "store";
        so.include_system_trust = false;
        auto put = [&](store_location l, store_name n, std::string_view file, bool key) -> crypto::result<void> {
            x509_store<B> s(b_, l, n, so);
            auto const& e = pki->get(file);
            auto r = s.add(e.certificate, key ? &e.key : nullptr);
            if (!r) return r.err();
            return {};
        };
        for (auto const& [l, n, f, k] : std::vector<std::tuple<store_location, store_name, char const*, bool>>{
                 {store_location::local_machine, store_name::root, "root-ca", false},
                 {store_location::local_machine, store_name::certificate_authority, "intermediate-ca", false},
                 {store_location::local_machine, store_name::certificate_authority, "nocertsign-ca", false},
                 {store_location::local_machine, store_name::my, "contoso", true},
                 {store_location::local_machine, store_name::my, "cohowinery", true},
                 {store_location::current_user, store_name::my, "cohowinery", true},
                 {store_location::current_user, store_name::trusted_people, "self-signed", false}}) {
            if (auto r = put(l, n, f, k); !r) return fail(r.err().message);
        }
        std::error_code ec;
        fs::create_directories(crl_directory(store_location::local_machine, so), ec);
        for (auto const& c : pki->crls) {
            std::ofstream out(crl_directory(store_location::local_machine, so) / (c.file + ".crl"), std::ios::binary);
            auto const& der = b_.crl_info(c.crl).der;
            out.write(reinterpret_cast<char const*>(der.data()), static_cast<std::streamsize>(der.size()));
        }
        std::ofstream readme(dir / "README.txt");
        readme << "wsbind demo PKI (backend " << B::name << ")\n\nfile                 certificate\n";
        for (auto const& e : pki->entries) {
            char line[256];
            std::snprintf(line, sizeof line, "%-20s %s: %s [%s]\n", (e.file + ".pem").c_str(), e.description.c_str(), b_.info(e.certificate).subject.c_str(),
                          b_.info(e.certificate).thumbprint_hex.c_str());
            readme << line;
        }
        readme << "\nEach certificate's key is <file>.key (PKCS#8 PEM, unencrypted). crl/ holds the CRLs (DER and PEM),\n"
                  "distributed at " << o.crl_base_uri << "<name>.crl.\n"
                  "store/ is a wsbind store root: export WSBIND_CERT_STORE_ROOT=" << (dir / "store").string() << "\n"
                  "  LocalMachine\\Root: root CA; LocalMachine\\CertificateAuthority: the CAs; LocalMachine\\My: Contoso.com,\n"
                  "  Cohowinery.com (with keys); CurrentUser\\My: Cohowinery.com; CurrentUser\\TrustedPeople: the self-signed one;\n"
                  "  LocalMachine\\CRL: the CRLs (for revocationMode Offline).\n";
        std::cout << "demo PKI written to " << dir.string() << " (" << pki->entries.size() << " certificates, " << pki->crls.size()
                  << " CRLs); store root " << (dir / "store").string() << "\n";
        return exit_ok;
    }

    static int fail(std::string const& message, int code = exit_error) {
        std::cerr << "error: " << message << "\n";
        return code;
    }

    B b_;
    args a_;
    x509_store_options options_;
};

} // namespace

int main(int argc, char** argv) {
    try {
        int first = 1;
        std::string backend;
        std::optional<std::string> root;
        bool system_trust = true;
        while (first < argc && std::string(argv[first]).rfind("--", 0) == 0) {
            std::string o = argv[first];
            if (o == "--help") {
                std::cout << usage_text;
                return exit_ok;
            }
            if (o == "--no-system-trust") {
                system_trust = false;
                ++first;
                continue;
            }
            if (first + 1 >= argc) throw usage_error("option " + o + " needs a value");
            if (o == "--backend") backend = argv[first + 1];
            else if (o == "--root") root = argv[first + 1];
            else throw usage_error("unknown global option " + o);
            first += 2;
        }
        if (first >= argc) throw usage_error("no command");
        std::string command = argv[first];
        auto a = parse(argc, argv, first + 1);
        // command options may also carry the globals
        if (auto b = a.get("backend")) backend = *b;
        if (auto r = a.get("root")) root = *r;
        if (a.flag("no-system-trust")) system_trust = false;
        if (command == "backends") {
            for (char const* b : built_backends) std::cout << b << "\n";
            return exit_ok;
        }
        x509_store_options options;
        if (root) options.root = *root;
        options.include_system_trust = system_trust;
#if WSBIND_STORE_HAVE_OPENSSL
        if (backend.empty() || backend == "openssl") return tool<openssl_backend>(std::move(a), options).run(command);
#endif
#if WSBIND_STORE_HAVE_BOTAN
        if (backend.empty() || backend == "botan") return tool<botan_backend>(std::move(a), options).run(command);
#endif
        throw usage_error("backend '" + backend + "' is not built into this wsbind-store (built in: " + built_backend_list() + ")");
    } catch (usage_error const& e) {
        std::cerr << "error: " << e.what() << "\n\n" << usage_text;
        return exit_usage;
    } catch (std::exception const& e) {
        std::cerr << "error: " << e.what() << "\n";
        return exit_error;
    }
}
