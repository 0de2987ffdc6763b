#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H

/* The system's libcrypto (Debian libssl-dev), used only for SHA-256 of inputs and reports. Declarations
 * only: the manifest needs one hash, and OpenSSL's EVP interface is what the library keeps stable. */
#include <openssl/evp.h>

#endif
