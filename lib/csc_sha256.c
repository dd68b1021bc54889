/* csc_sha256.c - see csc_sha256.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "csc_sha256.h"

void csc_sha256_init(csc_sha256 *s)
{
	s->ctx = EVP_MD_CTX_new();
	s->failed = !s->ctx || EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL) != 1;
}

void csc_sha256_update(csc_sha256 *s, const void *data, size_t n)
{
	if (!s->failed && n && EVP_DigestUpdate(s->ctx, data, n) != 1)
		s->failed = 1;
}

int csc_sha256_digest(csc_sha256 *s, unsigned char out[32])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	if (!s->failed && (EVP_DigestFinal_ex(s->ctx, md, &len) != 1 || len != 32))
		s->failed = 1;
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
	if (s->failed) {
		memset(out, 0, 32);
		return -1;
	}
	memcpy(out, md, 32);
	return 0;
}

int csc_sha256_hex(csc_sha256 *s, char hex[65])
{
	unsigned char md[32];
	hex[0] = '\0';
	if (csc_sha256_digest(s, md) != 0)
		return -1;
	static const char digits[] = "0123456789abcdef";
	for (unsigned i = 0; i < 32; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
	return 0;
}

int csc_sha256_fd(int fd, char hex[65], long long *bytes)
{
	csc_sha256 s;
	csc_sha256_init(&s);
	unsigned char buf[1 << 16];
	long long total = 0;
	int err = 0;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = errno;
			break;
		}
		if (n == 0)
			break;
		csc_sha256_update(&s, buf, (size_t)n);
		total += n;
	}
	if (csc_sha256_hex(&s, hex) != 0) {
		errno = ENOMEM;
		return -1;
	}
	if (err) {
		errno = err;
		hex[0] = '\0';
		return -1;
	}
	if (bytes)
		*bytes = total;
	return 0;
}

int csc_sha256_file(const char *path, char hex[65])
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	csc_sha256 s;
	csc_sha256_init(&s);
	unsigned char buf[1 << 16];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		csc_sha256_update(&s, buf, n);
	int bad = ferror(f);
	int saved = errno;
	fclose(f);
	if (csc_sha256_hex(&s, hex) != 0) {
		errno = ENOMEM;
		return -1;
	}
	if (bad) {
		errno = saved ? saved : EIO;
		hex[0] = '\0';
		return -1;
	}
	return 0;
}
