/*
 * csc_sha256.h - SHA-256 (FIPS 180-4), for run manifests: a published pack
 * can be proven to come from given input files.
 */
#ifndef CSC_SHA256_H
#define CSC_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct csc_sha256 {
	uint32_t h[8];
	uint64_t len;      /* bytes hashed so far */
	unsigned char buf[64];
	size_t nbuf;
} csc_sha256;

void csc_sha256_init(csc_sha256 *s);
void csc_sha256_update(csc_sha256 *s, const void *data, size_t n);

/* Finish and write 64 lowercase hex digits and a NUL into hex. */
void csc_sha256_hex(csc_sha256 *s, char hex[65]);

/* Finish and write the 32-byte digest into out. */
void csc_sha256_digest(csc_sha256 *s, unsigned char out[32]);

/* Use the CPU's SHA instructions when it has them (on, the default) or the
 * portable code (off; tests compare the two). Returns the previous choice. */
int csc_sha256_accelerate(int on);

/* Hash a whole file into hex; 0, or -1 with errno set. */
int csc_sha256_file(const char *path, char hex[65]);

#endif
