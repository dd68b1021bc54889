/* share_value.c - see share_value.h. */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "csc_date.h"
#include "csc_diag.h"
#include "share_value.h"

int share_hmac(const unsigned char *key, size_t keylen, const char *msg, size_t n,
	       unsigned char mac[32])
{
	unsigned int len = 0;
	/* HMAC() with an empty message passes d = NULL through to the digest,
	 * which OpenSSL accepts only with n = 0; a non-NULL pointer is safer. */
	static const unsigned char none[1];
	const unsigned char *d = n ? (const unsigned char *)msg : none;
	if (keylen > (size_t)0x7fffffff ||
	    !HMAC(EVP_sha256(), key, (int)keylen, d, n, mac, &len) || len != 32) {
		csc_error("HMAC-SHA-256 failed in OpenSSL libcrypto");
		return -1;
	}
	return 0;
}

int share_pseudonym(const unsigned char *key, size_t keylen, const char *id, size_t n,
		    char out[SHARE_PSEUDO_HEX + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char mac[32];
	out[0] = '\0';
	if (n == 0)
		return 0;
	if (share_hmac(key, keylen, id, n, mac) != 0)
		return -1;
	for (int i = 0; i < SHARE_PSEUDO_HEX; i++)
		out[i] = hex[(mac[i / 2] >> (i % 2 ? 0 : 4)) & 0xf];
	out[SHARE_PSEUDO_HEX] = '\0';
	return 0;
}

int share_month(const char *s, size_t n, char out[11])
{
	csc_date d;
	char buf[CSC_DATE_BUFSZ];
	out[0] = '\0';
	if (n == 0)
		return 0;
	if (csc_date_parse_iso(s, n, &d) != 0)
		return -1;
	csc_date_iso(csc_month_first(d), buf);
	memcpy(out, buf, 10);
	out[10] = '\0';
	return 0;
}

static int is_alpha(char c) { return c >= 'A' && c <= 'Z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* The six outward-code shapes of the Royal Mail format (A = letter,
 * 9 = digit). */
static int outward_ok(const char *o, size_t n)
{
	static const char *const shapes[] = {"A9", "A99", "AA9", "AA99", "A9A", "AA9A"};
	for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
		if (strlen(shapes[s]) != n)
			continue;
		size_t i;
		for (i = 0; i < n; i++)
			if (shapes[s][i] == 'A' ? !is_alpha(o[i]) : !is_digit(o[i]))
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

void share_sector(const char *s, size_t n, char out[9])
{
	/* Upper-cased characters with the spaces squeezed out, and where the
	 * first space inside the value fell (the outward/inward boundary). */
	char c[8];
	size_t nc = 0, gap = 0;
	int gaps = 0, pending = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == ' ' || ch == '\t') {
			pending = nc > 0;
			continue;
		}
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (!is_alpha(ch) && !is_digit(ch))
			return;
		if (nc == sizeof c)
			return;
		if (pending) {
			gaps++;
			gap = nc;
			pending = 0;
		}
		c[nc++] = ch;
	}
	size_t outlen;
	if (gaps > 1)
		return;
	if (gaps == 1) {
		/* "SW1A 1AA" or the sector "SW1A 1" */
		size_t in = nc - gap;
		if (!(in == 1 && is_digit(c[gap])) &&
		    !(in == 3 && is_digit(c[gap]) && is_alpha(c[gap + 1]) && is_alpha(c[gap + 2])))
			return;
		outlen = gap;
	} else {
		/* no space: only a full postcode is unambiguous ("SW1A1" could be
		 * the sector SW1A 1 or a mistyped outward code) */
		if (nc < 5 || !is_digit(c[nc - 3]) || !is_alpha(c[nc - 2]) || !is_alpha(c[nc - 1]))
			return;
		outlen = nc - 3;
	}
	if (!outward_ok(c, outlen))
		return;
	memcpy(out, c, outlen);
	out[outlen] = ' ';
	out[outlen + 1] = c[outlen];
	out[outlen + 2] = '\0';
}
