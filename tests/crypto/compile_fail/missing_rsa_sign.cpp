#include "exemplar.hpp"
static_assert(wsbind::check_crypto_backend<wsbind::test::no_rsa_sign_backend>());
int main() {}
