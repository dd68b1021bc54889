/* csc_sha256_ni.h - internal to csc_sha256.c: the x86 SHA-extension block
 * function and whether this CPU has the instructions. */
#ifndef CSC_SHA256_NI_H
#define CSC_SHA256_NI_H

#include <stddef.h>
#include <stdint.h>

/* 1 when the CPU has SHA, SSSE3 and SSE4.1 (always 0 off x86-64). */
int csc_sha256_ni_available(void);

/* Hash n 64-byte blocks at p into h, with round constants k. */
void csc_sha256_ni_blocks(uint32_t h[8], const uint32_t k[64], const unsigned char *p, size_t n);

#endif
