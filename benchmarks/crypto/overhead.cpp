// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
// wsbind backend overhead against direct library calls, measured in the same run.
//
// Each operation is timed twice per library: through wsbind's backend, and written directly
// against the library doing the same work (same algorithm, same padding, algorithm and operation
// objects fetched or created once where the library allows reuse, output in a freshly allocated
// std::vector as wsbind returns it). The summary prints wsbind/direct per library;
// the goal is <= 1.05. Run: build/benchmarks/crypto/bench_crypto_overhead [--benchmark_min_time=0.5]

#include <wsbind/crypto/botan/backend.hpp>
#include <wsbind/crypto/openssl/backend.hpp>

#include <benchmark/benchmark.h>
#include <botan/kdf.h>
#include <openssl/kdf.h>

#include <cstdio>
#include <map>
#include <string>

using namespace wsbind;
using namespace wsbind::crypto;

namespace {

openssl_backend const ob;
botan_backend const bb;

struct keys {
    openssl_backend::private_key ok;
    botan_backend::private_key bk;
    bytes oaep_ct, v15_ct;
    keys() {
        ok = *ob.generate_rsa_key(2048);
        auto pem = *ob.export_private_key(ok, "");
        bk = *bb.load_private_key(as_bytes(pem), "");
        auto key = bytes(32, 0x5A);
        oaep_ct = *ob.rsa_encrypt(ob.public_key_of(ok), key_transport_algorithm::rsa_oaep_mgf1p, key);
        v15_ct = *ob.rsa_encrypt(ob.public_key_of(ok), key_transport_algorithm::rsa_1_5, key);
    }
};
keys const& k() {
    static keys const instance;
    return instance;
}

bytes const message(1024, 0x42);
bytes const sym_key(32, 0x11), iv(16, 0x22), mac_key(20, 0x0B);
bytes const secret(32, 0x33), seed = to_bytes("WS-SecureConversationWS-SecureConversation0123456789abcdef0123456789abcdef");

// ---- OpenSSL direct ---------------------------------------------------------------------------
struct ossl {
    EVP_MD* sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_CIPHER* aes256 = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
    EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_KDF* prf = EVP_KDF_fetch(nullptr, "TLS1-PRF", nullptr);
    static ossl const& get() {
        static ossl const o;
        return o;
    }
};

void sign_ossl_direct(benchmark::State& s) {
    auto const& o = ossl::get();
    for (auto _ : s) {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        EVP_DigestSignInit(ctx, nullptr, o.sha256, nullptr, k().ok.pkey.get());
        bytes sig(256);
        std::size_t len = sig.size();
        EVP_DigestSign(ctx, sig.data(), &len, message.data(), message.size());
        EVP_MD_CTX_free(ctx);
        benchmark::DoNotOptimize(sig.data());
    }
}
void verify_ossl_direct(benchmark::State& s) {
    auto const& o = ossl::get();
    auto sig = *ob.rsa_sign(k().ok, digest_algorithm::sha256, message);
    EVP_PKEY* pub = ob.public_key_of(k().ok).pkey.get();
    auto pubkey = ob.public_key_of(k().ok);
    for (auto _ : s) {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        EVP_DigestVerifyInit(ctx, nullptr, o.sha256, nullptr, pubkey.pkey.get());
        int ok = EVP_DigestVerify(ctx, sig.data(), sig.size(), message.data(), message.size());
        EVP_MD_CTX_free(ctx);
        benchmark::DoNotOptimize(ok);
    }
    (void)pub;
}
void oaep_ossl_direct(benchmark::State& s) {
    auto const& o = ossl::get();
    for (auto _ : s) {
        EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, k().ok.pkey.get(), nullptr);
        EVP_PKEY_decrypt_init(ctx);
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING);
        EVP_PKEY_CTX_set_rsa_oaep_md(ctx, o.sha1);
        EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, o.sha1);
        bytes out(256);
        std::size_t len = out.size();
        EVP_PKEY_decrypt(ctx, out.data(), &len, k().oaep_ct.data(), k().oaep_ct.size());
        EVP_PKEY_CTX_free(ctx);
        benchmark::DoNotOptimize(out.data());
    }
}
void v15_ossl_direct(benchmark::State& s) {
    for (auto _ : s) { // OpenSSL 3.0's own PKCS#1 v1.5 decryption (no implicit rejection)
        EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, k().ok.pkey.get(), nullptr);
        EVP_PKEY_decrypt_init(ctx);
        EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
        bytes out(256);
        std::size_t len = out.size();
        EVP_PKEY_decrypt(ctx, out.data(), &len, k().v15_ct.data(), k().v15_ct.size());
        EVP_PKEY_CTX_free(ctx);
        benchmark::DoNotOptimize(out.data());
    }
}
void aes_ossl_direct(benchmark::State& s) {
    auto const& o = ossl::get();
    bytes in(static_cast<std::size_t>(s.range(0)), 0x42);
    for (auto _ : s) {
        bytes out(in.size() + 16);
        EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
        EVP_EncryptInit_ex2(ctx, o.aes256, sym_key.data(), iv.data(), nullptr);
        int len = 0, fin = 0;
        EVP_EncryptUpdate(ctx, out.data(), &len, in.data(), static_cast<int>(in.size()));
        EVP_EncryptFinal_ex(ctx, out.data() + len, &fin);
        EVP_CIPHER_CTX_free(ctx);
        benchmark::DoNotOptimize(out.data());
    }
    s.SetBytesProcessed(s.iterations() * s.range(0));
}
void sha1_ossl_direct(benchmark::State& s) {
    auto const& o = ossl::get();
    for (auto _ : s) {
        bytes md(20);
        unsigned int len = 0;
        EVP_Digest(message.data(), message.size(), md.data(), &len, o.sha1, nullptr);
        benchmark::DoNotOptimize(md.data());
    }
}
void hmac_ossl_direct(benchmark::State& s) {
    auto const& o = ossl::get();
    for (auto _ : s) {
        EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(o.hmac);
        char name[] = "SHA1";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", name, 0), OSSL_PARAM_construct_end()};
        EVP_MAC_init(ctx, mac_key.data(), mac_key.size(), params);
        EVP_MAC_update(ctx, message.data(), message.size());
        bytes out(20);
        std::size_t len = 0;
        EVP_MAC_final(ctx, out.data(), &len, out.size());
        EVP_MAC_CTX_free(ctx);
        benchmark::DoNotOptimize(out.data());
    }
}
void psha1_ossl_direct(benchmark::State& s) {
    auto const& o = ossl::get();
    std::size_t n = static_cast<std::size_t>(s.range(0));
    bytes out(n);
    for (auto _ : s) {
        EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(o.prf);
        char name[] = "SHA1";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", name, 0),
                               OSSL_PARAM_construct_octet_string("secret", const_cast<std::uint8_t*>(secret.data()), secret.size()),
                               OSSL_PARAM_construct_octet_string("seed", const_cast<std::uint8_t*>(seed.data()), seed.size()), OSSL_PARAM_construct_end()};
        EVP_KDF_derive(ctx, out.data(), out.size(), params);
        EVP_KDF_CTX_free(ctx);
        benchmark::DoNotOptimize(out.data());
    }
}

// ---- Botan direct -------------------------------------------------------------------------------
void sign_botan_direct(benchmark::State& s) {
    Botan::PK_Signer signer(*k().bk.key, Botan::system_rng(), "EMSA3(SHA-256)");
    for (auto _ : s) {
        auto sig = signer.sign_message(message.data(), message.size(), Botan::system_rng());
        benchmark::DoNotOptimize(sig.data());
    }
}
void sign_botan_direct_new_signer(benchmark::State& s) {
    for (auto _ : s) {
        Botan::PK_Signer signer(*k().bk.key, Botan::system_rng(), "EMSA3(SHA-256)");
        auto sig = signer.sign_message(message.data(), message.size(), Botan::system_rng());
        benchmark::DoNotOptimize(sig.data());
    }
}
void verify_botan_direct(benchmark::State& s) {
    auto sig = *bb.rsa_sign(k().bk, digest_algorithm::sha256, message);
    Botan::RSA_PublicKey pub(k().bk.key->get_n(), k().bk.key->get_e());
    Botan::PK_Verifier v(pub, "EMSA3(SHA-256)");
    for (auto _ : s) {
        bool ok = v.verify_message(message.data(), message.size(), sig.data(), sig.size());
        benchmark::DoNotOptimize(ok);
    }
}
void oaep_botan_direct(benchmark::State& s) {
    Botan::PK_Decryptor_EME dec(*k().bk.key, Botan::system_rng(), "OAEP(SHA-160)");
    for (auto _ : s) {
        auto out = dec.decrypt(k().oaep_ct.data(), k().oaep_ct.size());
        benchmark::DoNotOptimize(out.data());
    }
}
void v15_botan_direct(benchmark::State& s) {
    Botan::PK_Decryptor_EME dec(*k().bk.key, Botan::system_rng(), "EME-PKCS1-v1_5");
    for (auto _ : s) { // Botan's own constant-time PKCS#1 v1.5 key decryption
        auto out = dec.decrypt_or_random(k().v15_ct.data(), k().v15_ct.size(), 32, Botan::system_rng());
        benchmark::DoNotOptimize(out.data());
    }
}
void aes_botan_direct(benchmark::State& s) {
    auto mode = Botan::Cipher_Mode::create_or_throw("AES-256/CBC/PKCS7", Botan::ENCRYPTION);
    bytes in(static_cast<std::size_t>(s.range(0)), 0x42);
    for (auto _ : s) {
        mode->set_key(sym_key.data(), sym_key.size());
        mode->start(iv.data(), iv.size());
        Botan::secure_vector<std::uint8_t> buf(in.begin(), in.end());
        mode->finish(buf);
        benchmark::DoNotOptimize(buf.data());
    }
    s.SetBytesProcessed(s.iterations() * s.range(0));
}
void sha1_botan_direct(benchmark::State& s) {
    auto h = Botan::HashFunction::create_or_throw("SHA-160");
    for (auto _ : s) {
        h->update(message.data(), message.size());
        bytes out(20);
        h->final(out.data());
        benchmark::DoNotOptimize(out.data());
    }
}
void hmac_botan_direct(benchmark::State& s) {
    auto m = Botan::MessageAuthenticationCode::create_or_throw("HMAC(SHA-160)");
    for (auto _ : s) {
        m->set_key(mac_key.data(), mac_key.size());
        m->update(message.data(), message.size());
        bytes out(20);
        m->final(out.data());
        benchmark::DoNotOptimize(out.data());
    }
}
void psha1_botan_direct(benchmark::State& s) {
    auto kdf = Botan::KDF::create_or_throw("TLS-12-PRF(HMAC(SHA-160))");
    std::size_t n = static_cast<std::size_t>(s.range(0));
    for (auto _ : s) {
        auto out = kdf->derive_key(n, secret.data(), secret.size(), seed.data(), seed.size(), nullptr, 0);
        benchmark::DoNotOptimize(out.data());
    }
}

// ---- through wsbind -----------------------------------------------------------------------------
template <class B, class K>
void sign_wsbind(benchmark::State& s, B const& b, K const& key) {
    for (auto _ : s) benchmark::DoNotOptimize(b.rsa_sign(key, digest_algorithm::sha256, message));
}
template <class B, class K>
void verify_wsbind(benchmark::State& s, B const& b, K const& key) {
    auto sig = *b.rsa_sign(key, digest_algorithm::sha256, message);
    auto pub = b.public_key_of(key);
    for (auto _ : s) benchmark::DoNotOptimize(b.rsa_verify(pub, digest_algorithm::sha256, message, sig));
}
template <class B, class K>
void oaep_wsbind(benchmark::State& s, B const& b, K const& key) {
    for (auto _ : s) benchmark::DoNotOptimize(b.rsa_decrypt(key, key_transport_algorithm::rsa_oaep_mgf1p, k().oaep_ct, 32));
}
template <class B, class K>
void v15_wsbind(benchmark::State& s, B const& b, K const& key) {
    for (auto _ : s) benchmark::DoNotOptimize(b.rsa_decrypt(key, key_transport_algorithm::rsa_1_5, k().v15_ct, 32));
}
template <class B>
void aes_wsbind(benchmark::State& s, B const& b) {
    bytes in(static_cast<std::size_t>(s.range(0)), 0x42);
    for (auto _ : s) benchmark::DoNotOptimize(b.encrypt(cipher_algorithm::aes256_cbc, sym_key, iv, in, cbc_padding::xmlenc));
    s.SetBytesProcessed(s.iterations() * s.range(0));
}
template <class B>
void sha1_wsbind(benchmark::State& s, B const& b) {
    for (auto _ : s) benchmark::DoNotOptimize(b.digest(digest_algorithm::sha1, message));
}
template <class B>
void hmac_wsbind(benchmark::State& s, B const& b) {
    for (auto _ : s) benchmark::DoNotOptimize(b.hmac(mac_algorithm::hmac_sha1, mac_key, message));
}
template <class B>
void psha1_wsbind(benchmark::State& s, B const& b) {
    for (auto _ : s) benchmark::DoNotOptimize(b.p_sha1(secret, seed, 0, static_cast<std::size_t>(s.range(0))));
}

/// Collects per-benchmark times, then prints wsbind/direct side by side.
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(std::vector<Run> const& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (auto const& r : runs) {
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median") continue;
            times_[r.run_name.str()] = r.GetAdjustedCPUTime();
        }
    }
    void summary() const {
        struct row { char const* label; char const* op; };
        static constexpr row rows[] = {
            {"RSA-2048 sign (SHA-256)", "rsa_sign"}, {"RSA-2048 verify (SHA-256)", "rsa_verify"},
            {"RSA-2048 decrypt OAEP", "rsa_decrypt_oaep"}, {"RSA-2048 decrypt v1.5 (*)", "rsa_decrypt_v15"},
            {"AES-256-CBC 1 KB", "aes256_cbc/1024"}, {"AES-256-CBC 64 KB", "aes256_cbc/65536"},
            {"SHA-1 1 KB", "sha1"}, {"HMAC-SHA1 1 KB", "hmac_sha1"}, {"P_SHA-1 32 B", "p_sha1/32"}, {"P_SHA-1 256 B", "p_sha1/256"}};
        std::printf("\n%-28s | %12s %12s %7s | %12s %12s %7s\n", "operation", "openssl", "wsbind", "ratio", "botan", "wsbind", "ratio");
        std::printf("%.*s\n", 100, "----------------------------------------------------------------------------------------------------");
        for (auto const& r : rows) {
            auto get = [&](std::string const& lib, std::string const& kind) {
                std::string op = r.op, arg;
                auto slash = op.find('/');
                if (slash != std::string::npos) { arg = op.substr(slash); op = op.substr(0, slash); }
                auto it = times_.find(op + "/" + lib + "/" + kind + arg);
                return it == times_.end() ? 0.0 : it->second;
            };
            double od = get("openssl", "direct"), ow = get("openssl", "wsbind"), bd = get("botan", "direct"), bw = get("botan", "wsbind");
            std::printf("%-28s | %10.2fus %10.2fus %7.3f | %10.2fus %10.2fus %7.3f\n", r.label, od / 1000, ow / 1000, od > 0 ? ow / od : 0.0, bd / 1000,
                        bw / 1000, bd > 0 ? bw / bd : 0.0);
        }
        auto fresh = times_.find("rsa_sign/botan/direct_new_signer");
        if (fresh != times_.end())
            std::printf("\nBotan RSA sign creating a new PK_Signer per call (what wsbind's per-key operation pool avoids): %.2fus\n",
                        fresh->second / 1000);
        std::printf("(*) v1.5 direct = the library's own decryption (OpenSSL 3.0: explicit padding check, no implicit rejection;\n"
                    "    Botan: decrypt_or_random); wsbind = raw RSA + constant-time decode with implicit rejection.\n"
                    "Goal: ratio <= 1.05. Times are CPU time per operation, median of the repetitions (the machine is shared).\n"
                    "Direct baselines reuse algorithm and operation objects where the library allows it and return a fresh std::vector.\n");
    }

private:
    std::map<std::string, double> times_;
};

} // namespace

int main(int argc, char** argv) {
    (void)k();
    auto reg = [](std::string const& name, auto fn) { return benchmark::RegisterBenchmark(name.c_str(), fn); };
    reg("rsa_sign/openssl/direct", sign_ossl_direct);
    reg("rsa_sign/openssl/wsbind", [](benchmark::State& s) { sign_wsbind(s, ob, k().ok); });
    reg("rsa_sign/botan/direct", sign_botan_direct);
    reg("rsa_sign/botan/direct_new_signer", sign_botan_direct_new_signer);
    reg("rsa_sign/botan/wsbind", [](benchmark::State& s) { sign_wsbind(s, bb, k().bk); });
    reg("rsa_verify/openssl/direct", verify_ossl_direct);
    reg("rsa_verify/openssl/wsbind", [](benchmark::State& s) { verify_wsbind(s, ob, k().ok); });
    reg("rsa_verify/botan/direct", verify_botan_direct);
    reg("rsa_verify/botan/wsbind", [](benchmark::State& s) { verify_wsbind(s, bb, k().bk); });
    reg("rsa_decrypt_oaep/openssl/direct", oaep_ossl_direct);
    reg("rsa_decrypt_oaep/openssl/wsbind", [](benchmark::State& s) { oaep_wsbind(s, ob, k().ok); });
    reg("rsa_decrypt_oaep/botan/direct", oaep_botan_direct);
    reg("rsa_decrypt_oaep/botan/wsbind", [](benchmark::State& s) { oaep_wsbind(s, bb, k().bk); });
    reg("rsa_decrypt_v15/openssl/direct", v15_ossl_direct);
    reg("rsa_decrypt_v15/openssl/wsbind", [](benchmark::State& s) { v15_wsbind(s, ob, k().ok); });
    reg("rsa_decrypt_v15/botan/direct", v15_botan_direct);
    reg("rsa_decrypt_v15/botan/wsbind", [](benchmark::State& s) { v15_wsbind(s, bb, k().bk); });
    for (long n : {1024L, 65536L}) {
        reg("aes256_cbc/openssl/direct", aes_ossl_direct)->Arg(n);
        reg("aes256_cbc/openssl/wsbind", [](benchmark::State& s) { aes_wsbind(s, ob); })->Arg(n);
        reg("aes256_cbc/botan/direct", aes_botan_direct)->Arg(n);
        reg("aes256_cbc/botan/wsbind", [](benchmark::State& s) { aes_wsbind(s, bb); })->Arg(n);
    }
    reg("sha1/openssl/direct", sha1_ossl_direct);
    reg("sha1/openssl/wsbind", [](benchmark::State& s) { sha1_wsbind(s, ob); });
    reg("sha1/botan/direct", sha1_botan_direct);
    reg("sha1/botan/wsbind", [](benchmark::State& s) { sha1_wsbind(s, bb); });
    reg("hmac_sha1/openssl/direct", hmac_ossl_direct);
    reg("hmac_sha1/openssl/wsbind", [](benchmark::State& s) { hmac_wsbind(s, ob); });
    reg("hmac_sha1/botan/direct", hmac_botan_direct);
    reg("hmac_sha1/botan/wsbind", [](benchmark::State& s) { hmac_wsbind(s, bb); });
    for (long n : {32L, 256L}) {
        reg("p_sha1/openssl/direct", psha1_ossl_direct)->Arg(n);
        reg("p_sha1/openssl/wsbind", [](benchmark::State& s) { psha1_wsbind(s, ob); })->Arg(n);
        reg("p_sha1/botan/direct", psha1_botan_direct)->Arg(n);
        reg("p_sha1/botan/wsbind", [](benchmark::State& s) { psha1_wsbind(s, bb); })->Arg(n);
    }
    // sanity: the direct P_SHA-1 equals wsbind's
    {
        auto kdf = Botan::KDF::create_or_throw("TLS-12-PRF(HMAC(SHA-160))");
        auto direct = kdf->derive_key(64, secret.data(), secret.size(), seed.data(), seed.size(), nullptr, 0);
        if (bytes(direct.begin(), direct.end()) != *bb.p_sha1(secret, seed, 0, 64)) {
            std::fprintf(stderr, "P_SHA-1 baseline mismatch\n");
            return 1;
        }
    }
    std::vector<char*> args(argv, argv + argc);
    bool has_reps = false;
    for (int i = 1; i < argc; ++i) has_reps = has_reps || std::string(argv[i]).rfind("--benchmark_repetitions", 0) == 0;
    std::string reps = "--benchmark_repetitions=5", agg = "--benchmark_report_aggregates_only=true";
    if (!has_reps) {
        args.push_back(reps.data());
        args.push_back(agg.data());
    }
    int n = static_cast<int>(args.size());
    benchmark::Initialize(&n, args.data());
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.summary();
    benchmark::Shutdown();
    return 0;
}
