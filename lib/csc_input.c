/* csc_input.c - see csc_input.h. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "csc_diag.h"
#include "csc_input.h"

long long csc_input_limit = CSC_MAX_INPUT_BYTES;

static void too_big(csc_input *in)
{
	csc_error_at(in->name, 0, "larger than %lld bytes, the limit on one input file", csc_input_limit);
	in->failed = 1;
}

int csc_input_open(csc_input *in, const char *path, const char *name)
{
	memset(in, 0, sizeof *in);
	in->name = name ? name : path;
	in->f = fopen(path, "rb");
	if (!in->f) {
		csc_error_at(in->name, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(in->f), &st) == 0) {
		/* fopen accepts a folder; reading it would give a raw EISDIR */
		if (S_ISDIR(st.st_mode)) {
			csc_error_at(in->name, 0, "cannot read: is a folder, not a file");
			csc_input_close(in);
			return -1;
		}
		if (S_ISREG(st.st_mode))
			in->total = (long long)st.st_size;
	}
	if (in->total > csc_input_limit) {
		too_big(in);
		csc_input_close(in);
		return -1;
	}
	return 0;
}

void csc_input_hash(csc_input *in)
{
	if (in->hashing || in->done)
		return;
	csc_sha256_init(&in->sha);
	in->hashing = 1;
}

long csc_input_read(csc_input *in, void *buf, size_t n)
{
	if (in->failed || !in->f)
		return -1;
	size_t got = fread(buf, 1, n, in->f);
	if (got == 0 && ferror(in->f)) {
		csc_error_at(in->name, 0, "read error: %s", strerror(errno));
		in->failed = 1;
		return -1;
	}
	if (got == 0 && n > 0)
		in->eof = 1;
	if (in->hashing)
		csc_sha256_update(&in->sha, buf, got);
	in->done += (long long)got;
	if (in->done > csc_input_limit) {
		too_big(in);
		return -1;
	}
	return (long)got;
}

/* Finish the hash, once: it releases what libcrypto allocated, so every
 * hashed input does it, digested or not. The sum counts only when the end
 * had been reached. */
static void finish_hash(csc_input *in)
{
	if (!in->hashing)
		return;
	in->hashing = 0;
	char hex[65];
	if (csc_sha256_hex(&in->sha, hex) == 0 && in->eof && !in->failed) {
		memcpy(in->sum, hex, sizeof in->sum);
		in->summed = 1;
	}
}

int csc_input_digest(csc_input *in, csc_digest *d)
{
	char buf[65536];
	while (!in->eof) {
		if (!in->f) {
			csc_error_at(in->name, 0, "closed before its end was read");
			return -1;
		}
		if (csc_input_read(in, buf, sizeof buf) < 0)
			return -1;
	}
	if (in->failed)
		return -1;
	if (!in->hashing && !in->summed) {
		csc_error_at(in->name, 0, "internal error: its SHA-256 was not asked for before reading");
		return -1;
	}
	finish_hash(in);
	if (!in->summed) {
		csc_error_at(in->name, 0, "cannot compute its SHA-256 (libcrypto failed)");
		return -1;
	}
	memcpy(d->sha256, in->sum, sizeof d->sha256);
	d->bytes = in->done;
	return 0;
}

void csc_input_close(csc_input *in)
{
	finish_hash(in);
	if (in->f)
		fclose(in->f);
	in->f = NULL;
}
