/*
 * csc_siphash.h - SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed
 * 64-bit hash of a short message.
 *
 * For the extractors' duplicate check (extract/list_dups.h): a row's 64-bit
 * identity, keyed by the SHA-256 of its key, at a fraction of a SHA-256 per
 * row. The published test vectors are in tests/unit/test_siphash.c.
 */
#ifndef CSC_SIPHASH_H
#define CSC_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

/* SipHash-2-4 of the n bytes at data under the 128-bit key k (key bytes 0-7
 * little-endian in k[0], 8-15 in k[1]). Cannot fail. */
uint64_t csc_siphash(const uint64_t k[2], const void *data, size_t n);

#endif
