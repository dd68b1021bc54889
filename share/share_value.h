/*
 * share_value.h - the value transformations of a pseudonymised extract
 * (../shared/spec/PUBLISHING.md section 2): keyed pseudonyms, dates to the
 * first of their month, postcodes to their sector.
 */
#ifndef SHARE_VALUE_H
#define SHARE_VALUE_H

#include <stddef.h>

/* Hex digits kept of the HMAC-SHA-256 (80 bits): README "Sharing records"
 * gives the collision arithmetic. */
#define SHARE_PSEUDO_HEX 20
#define SHARE_KEY_MIN 32   /* bytes: the HMAC-SHA-256 block half, RFC 2104 */
#define SHARE_KEY_MAX 4096 /* bytes read from the key file at most */

/* HMAC-SHA-256 of msg under key (OpenSSL libcrypto) into mac[32].
 * Returns 0, or -1 after reporting the library's failure. */
int share_hmac(const unsigned char *key, size_t keylen, const char *msg, size_t n,
	       unsigned char mac[32]);

/* The pseudonym of identifier id: the first SHARE_PSEUDO_HEX lowercase hex
 * digits of HMAC-SHA-256(key, id), NUL-terminated. An empty id stays empty
 * (no identifier recorded). Returns 0, or -1 as share_hmac. */
int share_pseudonym(const unsigned char *key, size_t keylen, const char *id, size_t n,
		    char out[SHARE_PSEUDO_HEX + 1]);

/* An ISO date "YYYY-MM-DD" to the first day of its month "YYYY-MM-01"
 * (empty stays empty). Returns 0, or -1 when the value is not a valid ISO
 * date (nothing reported: the caller names the file and line). */
int share_month(const char *s, size_t n, char out[11]);

/* A UK postcode to its sector: the outward code, a space and the first
 * digit of the inward code ("sw1a 1aa", "SW1A1AA" -> "SW1A 1"). Accepts a
 * full postcode with or without the space, or a sector already ("SW1A 1");
 * letters in either case, spaces around and inside ignored except as the
 * outward/inward boundary. Anything else (an outward code alone, wrong
 * shapes, other characters) gives "" (PUBLISHING.md: unparseable becomes
 * blank). Never fails. */
void share_sector(const char *s, size_t n, char out[9]);

#endif
