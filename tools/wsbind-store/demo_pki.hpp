// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_TOOLS_STORE_DEMO_PKI_HPP
#define WSBIND_TOOLS_STORE_DEMO_PKI_HPP

// The demo PKI of `wsbind-store demo-pki`, also built by the tests at test time:
//   root CA            CN=wsbind Demo Root CA           (self-signed, keyCertSign|cRLSign)
//   intermediate CA    CN=wsbind Demo Issuing CA        (issued by root, pathLen 0)
//   Contoso.com        the seeds' service certificate   (issued by intermediate; serverAuth+clientAuth; SAN Contoso.com, www.contoso.com)
//   Cohowinery.com     the seeds' client certificate    (issued by intermediate; clientAuth; SAN Cohowinery.com)
//   expired            CN=Expired.contoso.com           (validity ended a day ago)
//   not-yet-valid      CN=NotYetValid.contoso.com       (validity starts in 30 days)
//   revoked            CN=Revoked.contoso.com           (listed in the intermediate's CRL)
//   no-certsign CA     CN=wsbind Demo No-CertSign CA    (a CA whose key usage lacks keyCertSign)
//   wrong-usage        CN=WrongUsage.contoso.com        (issued by the no-certsign CA: chain invalid for usage)
//   self-signed        CN=SelfSigned.contoso.com        (self-signed leaf, trusted by no one)
//   unknown-issuer     CN=UnknownIssuer.contoso.com     (issued by a root that is not distributed)
// plus a CRL per CA (root.crl, intermediate.crl, nocertsign.crl) whose distribution points are
// `crl_base_uri + name`.

#include <wsbind/crypto/backend.hpp>
#include <wsbind/crypto/pem.hpp>
#include <wsbind/crypto/x509_builder.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace wsbind::tools {

template <crypto_backend B>
struct demo_pki {
    struct entry {
        std::string file;           ///< file stem, e.g. "contoso"
        std::string description;
        typename B::certificate certificate;
        typename B::private_key key;
    };
    struct crl_entry {
        std::string file;           ///< e.g. "intermediate" (written as crl/intermediate.crl)
        typename B::crl crl;
    };
    std::vector<entry> entries;     ///< in the order listed above
    std::vector<crl_entry> crls;

    [[nodiscard]] entry const& get(std::string_view file) const {
        for (auto const& e : entries)
            if (e.file == file) return e;
        throw std::out_of_range("demo PKI has no entry " + std::string(file));
    }
    [[nodiscard]] crl_entry const& get_crl(std::string_view file) const {
        for (auto const& e : crls)
            if (e.file == file) return e;
        throw std::out_of_range("demo PKI has no CRL " + std::string(file));
    }
};

struct demo_pki_options {
    std::size_t key_bits = 2048;
    std::chrono::sys_seconds now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    std::string crl_base_uri = "http://pki.wsbind.invalid/crl/";
};

/// Builds the demo PKI with backend `b` (keys generated, certificates signed and parsed by `b`).
template <crypto_backend B>
[[nodiscard]] crypto::result<demo_pki<B>> make_demo_pki(B const& b, demo_pki_options const& o = {}) {
    using namespace std::chrono;
    using crypto::certificate_request;
    namespace ku = crypto::key_usage;
    demo_pki<B> pki;
    auto const now = o.now;
    auto const day = hours(24);
    auto key = [&]() { return b.generate_rsa_key(o.key_bits); };
    auto ca_key = key(), int_key = key(), contoso_key = key(), coho_key = key(), misc_key = key(), other_root_key = key(), bad_ca_key = key();
    for (auto* k : {&ca_key, &int_key, &contoso_key, &coho_key, &misc_key, &other_root_key, &bad_ca_key})
        if (!*k) return k->err();
    auto add = [&](std::string file, std::string description, crypto::result<typename B::certificate> c,
                   typename B::private_key const& k) -> crypto::result<void> {
        if (!c) return c.err();
        pki.entries.push_back({std::move(file), std::move(description), std::move(*c), k});
        return {};
    };
    std::uint8_t serial = 0x10;
    auto base = [&](std::string cn, std::string org) {
        certificate_request r;
        r.subject = {{"C", "US"}, {"O", std::move(org)}, {"CN", std::move(cn)}};
        r.serial = {0x5A, serial++};
        r.not_before = now - day;
        r.not_after = now + 365 * day;
        return r;
    };
    // root
    auto root_req = base("wsbind Demo Root CA", "wsbind demo");
    root_req.is_ca = true;
    root_req.key_usage = ku::key_cert_sign | ku::crl_sign;
    root_req.not_after = now + 3650 * day;
    if (auto r = add("root-ca", "root CA (trust anchor)", crypto::issue_certificate(b, root_req, b.public_key_of(*ca_key), *ca_key), *ca_key); !r) return r.err();
    auto root = pki.entries.back().certificate;
    // intermediate
    auto int_req = base("wsbind Demo Issuing CA", "wsbind demo");
    int_req.is_ca = true;
    int_req.path_length = 0;
    int_req.key_usage = ku::key_cert_sign | ku::crl_sign;
    int_req.not_after = now + 1825 * day;
    int_req.crl_distribution_points = {o.crl_base_uri + "root.crl"};
    if (auto r = add("intermediate-ca", "intermediate CA (issues the leaves)", crypto::issue_certificate(b, int_req, b.public_key_of(*int_key), *ca_key, &root), *int_key); !r)
        return r.err();
    auto inter = pki.entries.back().certificate;
    std::string const int_cdp = o.crl_base_uri + "intermediate.crl";
    auto leaf = [&](std::string cn, std::string org) {
        auto r = base(std::move(cn), std::move(org));
        r.key_usage = ku::digital_signature | ku::key_encipherment | ku::data_encipherment;
        r.crl_distribution_points = {int_cdp};
        return r;
    };
    // the seeds' certificates
    auto contoso = leaf("Contoso.com", "Contoso");
    contoso.extended_key_usage = {std::string(crypto::oids::server_auth), std::string(crypto::oids::client_auth)};
    contoso.dns_names = {"Contoso.com", "www.contoso.com"};
    contoso.template_name = "WcfService";
    contoso.certificate_policies = {"1.3.6.1.4.1.311.21.8.1000.1"};
    if (auto r = add("contoso", "service certificate of the seeds (Contoso.com)", crypto::issue_certificate(b, contoso, b.public_key_of(*contoso_key), *int_key, &inter), *contoso_key); !r)
        return r.err();
    auto coho = leaf("Cohowinery.com", "Coho Winery");
    coho.extended_key_usage = {std::string(crypto::oids::client_auth)};
    coho.dns_names = {"Cohowinery.com"};
    coho.template_oid = "1.3.6.1.4.1.311.21.8.1000.2";
    coho.certificate_policies = {"1.3.6.1.4.1.311.21.8.1000.2"};
    if (auto r = add("cohowinery", "client certificate of the seeds (Cohowinery.com)", crypto::issue_certificate(b, coho, b.public_key_of(*coho_key), *int_key, &inter), *coho_key); !r)
        return r.err();
    // bad ones
    auto expired = leaf("Expired.contoso.com", "Contoso");
    expired.not_before = now - 60 * day;
    expired.not_after = now - day;
    if (auto r = add("expired", "expired yesterday", crypto::issue_certificate(b, expired, b.public_key_of(*misc_key), *int_key, &inter), *misc_key); !r) return r.err();
    auto nyv = leaf("NotYetValid.contoso.com", "Contoso");
    nyv.not_before = now + 30 * day;
    nyv.not_after = now + 60 * day;
    if (auto r = add("not-yet-valid", "valid from 30 days on", crypto::issue_certificate(b, nyv, b.public_key_of(*misc_key), *int_key, &inter), *misc_key); !r) return r.err();
    auto revoked = leaf("Revoked.contoso.com", "Contoso");
    auto revoked_serial = revoked.serial;
    if (auto r = add("revoked", "revoked in intermediate.crl", crypto::issue_certificate(b, revoked, b.public_key_of(*misc_key), *int_key, &inter), *misc_key); !r) return r.err();
    auto bad_ca = base("wsbind Demo No-CertSign CA", "wsbind demo");
    bad_ca.is_ca = true;
    bad_ca.key_usage = ku::digital_signature | ku::crl_sign;
    bad_ca.crl_distribution_points = {o.crl_base_uri + "root.crl"};
    if (auto r = add("nocertsign-ca", "CA certificate without keyCertSign", crypto::issue_certificate(b, bad_ca, b.public_key_of(*bad_ca_key), *ca_key, &root), *bad_ca_key); !r)
        return r.err();
    auto bad_ca_cert = pki.entries.back().certificate;
    auto wrong = leaf("WrongUsage.contoso.com", "Contoso");
    wrong.crl_distribution_points = {o.crl_base_uri + "nocertsign.crl"};
    if (auto r = add("wrong-usage", "issued by a CA not allowed to sign certificates", crypto::issue_certificate(b, wrong, b.public_key_of(*misc_key), *bad_ca_key, &bad_ca_cert), *misc_key); !r)
        return r.err();
    auto self = base("SelfSigned.contoso.com", "Contoso");
    self.key_usage = ku::digital_signature | ku::key_encipherment | ku::key_cert_sign;
    if (auto r = add("self-signed", "self-signed, trusted by no one", crypto::issue_certificate(b, self, b.public_key_of(*misc_key), *misc_key), *misc_key); !r) return r.err();
    auto other_root_req = base("wsbind Unknown Root", "Nobody");
    other_root_req.is_ca = true;
    other_root_req.key_usage = ku::key_cert_sign | ku::crl_sign;
    auto other_root = crypto::issue_certificate(b, other_root_req, b.public_key_of(*other_root_key), *other_root_key);
    if (!other_root) return other_root.err();
    auto unknown = leaf("UnknownIssuer.contoso.com", "Contoso");
    unknown.crl_distribution_points.clear();
    if (auto r = add("unknown-issuer", "issued by a CA that is not distributed", crypto::issue_certificate(b, unknown, b.public_key_of(*misc_key), *other_root_key, &*other_root), *misc_key); !r)
        return r.err();
    // CRLs
    crypto::crl_request cr;
    cr.this_update = now - hours(1);
    cr.next_update = now + 30 * day;
    auto root_crl = crypto::issue_crl(b, cr, root, *ca_key);
    if (!root_crl) return root_crl.err();
    pki.crls.push_back({"root", std::move(*root_crl)});
    auto int_cr = cr;
    int_cr.revoked = {{revoked_serial, now - hours(2)}};
    auto int_crl = crypto::issue_crl(b, int_cr, inter, *int_key);
    if (!int_crl) return int_crl.err();
    pki.crls.push_back({"intermediate", std::move(*int_crl)});
    auto bad_crl = crypto::issue_crl(b, cr, bad_ca_cert, *bad_ca_key);
    if (!bad_crl) return bad_crl.err();
    pki.crls.push_back({"nocertsign", std::move(*bad_crl)});
    return pki;
}

/// Writes <dir>/<file>.pem (certificate), <dir>/<file>.key (PKCS#8 PEM, unencrypted, mode 0600),
/// <dir>/crl/<name>.crl (DER) and <dir>/crl/<name>.crl.pem.
template <crypto_backend B>
[[nodiscard]] crypto::result<void> write_demo_pki(B const& b, demo_pki<B> const& pki, std::filesystem::path const& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir / "crl", ec);
    if (ec) return crypto::make_error(crypto::errc::io_error, "cannot create " + (dir / "crl").string() + ": " + ec.message());
    auto write = [](fs::path const& p, std::string_view data, bool secret) -> crypto::result<void> {
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        if (!out) return crypto::make_error(crypto::errc::io_error, "cannot write " + p.string());
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        out.close();
        if (!out) return crypto::make_error(crypto::errc::io_error, "cannot write " + p.string());
        if (secret) fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
        return {};
    };
    for (auto const& e : pki.entries) {
        if (auto r = write(dir / (e.file + ".pem"), crypto::pem_encode("CERTIFICATE", b.info(e.certificate).der), false); !r) return r;
        auto key = b.export_private_key(e.key, "");
        if (!key) return key.err();
        if (auto r = write(dir / (e.file + ".key"), *key, true); !r) return r;
    }
    for (auto const& c : pki.crls) {
        auto const& der = b.crl_info(c.crl).der;
        if (auto r = write(dir / "crl" / (c.file + ".crl"), crypto::to_string(der), false); !r) return r;
        if (auto r = write(dir / "crl" / (c.file + ".crl.pem"), crypto::pem_encode("X509 CRL", der), false); !r) return r;
    }
    return {};
}

} // namespace wsbind::tools

#endif
