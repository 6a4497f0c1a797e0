// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
#ifndef WSBIND_TESTS_CREDENTIALS_STORE_FIXTURE_HPP
#define WSBIND_TESTS_CREDENTIALS_STORE_FIXTURE_HPP

// A store root in a temporary directory, filled from the demo PKI:
//   LocalMachine\Root                  root CA
//   LocalMachine\CertificateAuthority  issuing CA, no-certsign CA
//   LocalMachine\My                    Contoso.com (+key), Cohowinery.com (+key)
//   CurrentUser\My                     Cohowinery.com (+key)
//   CurrentUser\TrustedPeople          self-signed, revoked
//   LocalMachine\AddressBook           every demo certificate (for find tests)
//   LocalMachine\CRL                   the three CRLs

#include <wsbind/crypto/x509_store.hpp>

#include "support/files.hpp"
#include "support/pki.hpp"

namespace wsbind::test {

template <class B>
struct store_fixture {
    B b;
    temp_dir dir{"wsbind-stores"};
    x509_store_options options;
    tools::demo_pki<B> const& pki = demo<B>().pki;

    explicit store_fixture(bool populate = true) {
        options.root = dir.path();
        options.include_system_trust = false;
        if (populate) fill();
    }

    void add(store_location l, store_name n, std::string_view file, bool with_key = false) {
        x509_store<B> s(b, l, n, options);
        auto const& e = pki.get(file);
        auto r = s.add(e.certificate, with_key ? &e.key : nullptr);
        if (!r) throw std::runtime_error("fixture: " + r.err().message);
    }

    void fill() {
        add(store_location::local_machine, store_name::root, "root-ca");
        add(store_location::local_machine, store_name::certificate_authority, "intermediate-ca");
        add(store_location::local_machine, store_name::certificate_authority, "nocertsign-ca");
        add(store_location::local_machine, store_name::my, "contoso", true);
        add(store_location::local_machine, store_name::my, "cohowinery", true);
        add(store_location::current_user, store_name::my, "cohowinery", true);
        add(store_location::current_user, store_name::trusted_people, "self-signed");
        add(store_location::current_user, store_name::trusted_people, "revoked");
        for (auto const& e : pki.entries) add(store_location::local_machine, store_name::address_book, e.file);
        auto crl_dir = crl_directory(store_location::local_machine, options);
        for (auto const& c : pki.crls) write_file(crl_dir / (c.file + ".crl"), b.crl_info(c.crl).der);
    }

    [[nodiscard]] std::filesystem::path store_dir(store_location l, store_name n) const { return store_directory(l, n, options); }
    [[nodiscard]] typename B::certificate const& cert(std::string_view file) const { return pki.get(file).certificate; }
    [[nodiscard]] crypto::certificate_info const& info(std::string_view file) const { return b.info(cert(file)); }
};

} // namespace wsbind::test

#endif
