# The crypto backends built into this test run, for tests/crypto and tests/credentials:
# wsbind_crypto_test_libs (link), wsbind_crypto_test_defs (WSBIND_TEST_HAVE_<BACKEND>=1, the
# vectors directory and the openssl command line, as support/*.hpp expect them).
set(wsbind_crypto_test_libs "")
set(wsbind_crypto_test_defs "WSBIND_VECTORS_DIR=\"${PROJECT_SOURCE_DIR}/tests/vectors\"")
if(TARGET wsbind::openssl)
  list(APPEND wsbind_crypto_test_libs wsbind::openssl)
  list(APPEND wsbind_crypto_test_defs WSBIND_TEST_HAVE_OPENSSL=1)
endif()
if(TARGET wsbind::botan)
  list(APPEND wsbind_crypto_test_libs wsbind::botan)
  list(APPEND wsbind_crypto_test_defs WSBIND_TEST_HAVE_BOTAN=1)
endif()
find_program(WSBIND_OPENSSL_CLI openssl)
list(APPEND wsbind_crypto_test_defs "WSBIND_OPENSSL_CLI=\"${WSBIND_OPENSSL_CLI}\"")
