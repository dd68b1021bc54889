/*
 * csc_sha256.h - SHA-256 (FIPS 180-4), for run manifests: a published pack
 * can be proven to come from given input files.
 *
 * A thin wrapper over OpenSSL's libcrypto (EVP_Digest*): it picks the CPU's
 * fast path (x86 SHA extensions, ARMv8 crypto, AVX2 ...) at run time and has
 * years of review behind it. The wrapper keeps the project's small streaming
 * API and hex output so callers need no OpenSSL header.
 */
#ifndef CSC_SHA256_H
#define CSC_SHA256_H

#include <stddef.h>

struct evp_md_ctx_st; /* OpenSSL's EVP_MD_CTX */

typedef struct csc_sha256 {
	struct evp_md_ctx_st *ctx;
	int failed;        /* libcrypto refused a step; csc_sha256_hex reports it */
} csc_sha256;

/* Start a digest. Never fails by itself: a libcrypto failure (out of
 * memory) is remembered and reported by csc_sha256_hex. Every init must be
 * paired with one csc_sha256_hex, which releases what init allocated. */
void csc_sha256_init(csc_sha256 *s);

/* Hash n more bytes (any split of the message gives the same digest). */
void csc_sha256_update(csc_sha256 *s, const void *data, size_t n);

/* Finish, write 64 lowercase hex digits and a NUL into hex and release the
 * digest. 0, or -1 (hex set to "") when libcrypto failed at any step. */
int csc_sha256_hex(csc_sha256 *s, char hex[65]);

/* Finish, write the 32-byte digest into out and release the digest, as
 * csc_sha256_hex does. 0, or -1 (out zeroed) when libcrypto failed. */
int csc_sha256_digest(csc_sha256 *s, unsigned char out[32]);

/* The digest of n bytes at data into out, in one call: for many short
 * messages (the extractors' duplicate check hashes two per row), where
 * the streaming calls above cost more than the hashing. Cannot fail. */
void csc_sha256_mem(const void *data, size_t n, unsigned char out[32]);

/* Hash everything left to read on fd into hex, and its length into *bytes
 * (may be NULL); fd is not closed. 0, or -1 with errno set (ENOMEM when
 * libcrypto failed). */
int csc_sha256_fd(int fd, char hex[65], long long *bytes);

/* Hash a whole file into hex, streaming (64 KiB at a time); 0, or -1 with
 * errno set (ENOMEM when libcrypto failed). */
int csc_sha256_file(const char *path, char hex[65]);

#endif
