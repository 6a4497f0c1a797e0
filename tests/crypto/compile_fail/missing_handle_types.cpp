#include <wsbind/crypto/backend.hpp>
struct nothing_at_all {};
static_assert(wsbind::check_crypto_backend<nothing_at_all>());
int main() {}
