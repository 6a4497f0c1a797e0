#include "exemplar.hpp"
static_assert(wsbind::crypto_backend<wsbind::test::exemplar_backend>);
static_assert(wsbind::check_crypto_backend<wsbind::test::exemplar_backend>());
int main() {}
