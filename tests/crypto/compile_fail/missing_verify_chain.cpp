#include "exemplar.hpp"
static_assert(wsbind::check_crypto_backend<wsbind::test::no_verify_chain_backend>());
int main() {}
