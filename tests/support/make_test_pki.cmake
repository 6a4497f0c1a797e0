# Creates a small PKI for the HTTPS tests with the openssl CLI (run at configure time):
#   ca.pem/ca.key            test CA
#   server.pem/server.key    CN=localhost, SAN DNS:localhost, IP:127.0.0.1, signed by the CA
#   client.pem/client.key    CN=wsbind test client, signed by the CA (clientAuth)
#   rogue_ca.pem, rogue_client.pem/.key   a client certificate from another CA (must be refused)
# Usage: cmake -DOUT=<dir> -DOPENSSL=<openssl> -P make_test_pki.cmake
if(EXISTS "${OUT}/rogue_client.key")
  return()
endif()
file(MAKE_DIRECTORY "${OUT}")
function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${OUT}" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "make_test_pki: '${ARGN}' failed: ${err}")
  endif()
endfunction()
file(WRITE "${OUT}/server.ext" "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n")
file(WRITE "${OUT}/client.ext" "extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n")
foreach(ca IN ITEMS ca rogue_ca)
  run(${OPENSSL} req -x509 -newkey rsa:2048 -nodes -keyout ${ca}.key -out ${ca}.pem -days 3650 -subj "/CN=wsbind ${ca}"
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign")
endforeach()
function(leaf name cn ca ext)
  run(${OPENSSL} req -newkey rsa:2048 -nodes -keyout ${name}.key -out ${name}.csr -subj "/CN=${cn}")
  run(${OPENSSL} x509 -req -in ${name}.csr -CA ${ca}.pem -CAkey ${ca}.key -CAcreateserial -out ${name}.pem -days 3650
      -extfile ${ext})
endfunction()
leaf(server localhost ca server.ext)
leaf(client "wsbind test client" ca client.ext)
leaf(rogue_client "wsbind rogue client" rogue_ca client.ext)
