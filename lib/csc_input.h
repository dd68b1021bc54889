/*
 * csc_input.h - opening an input file for streaming, under the size limit.
 *
 * Memory never depends on the size of an input (readers stream it), so the
 * limit is not about memory: it makes a wrong path fail at once rather than
 * after hours (a disk image, /dev/zero or an endless pipe named as a dump).
 * A regular file over the limit is refused before a byte is read; anything
 * else (a pipe, a device) is refused when the limit is reached.
 */
#ifndef CSC_INPUT_H
#define CSC_INPUT_H

#include <stddef.h>
#include <stdio.h>

#include "csc_sha256.h"

/* 64 GiB: about fifty times one year of all England's CIN census XML. */
#define CSC_MAX_INPUT_BYTES (64LL << 30)

/* The limit in force: CSC_MAX_INPUT_BYTES; tests lower it to reach it. */
extern long long csc_input_limit;

typedef struct csc_input {
	FILE *f;
	const char *name;  /* file name for messages */
	long long total;   /* size of a regular file, else 0 (unknown) */
	long long done;    /* bytes read so far */
	int failed;        /* an error has been printed */
	int eof;           /* the end was reached */
	csc_sha256 sha;    /* of every byte read so far, while hashing */
	int hashing;       /* sha is live (released by csc_input_close/digest) */
	int summed;        /* sum holds the SHA-256 of the whole input */
	char sum[65];
} csc_input;

/* What an input held, as read: for the run manifest, which must name the
 * bytes the figures came from, not a file that may have changed since. */
typedef struct csc_digest {
	long long bytes;
	char sha256[65];
} csc_digest;

/* Open path for reading; 0, or -1 after printing "name: reason" (cannot
 * open, a folder, or a regular file over csc_input_limit). */
int csc_input_open(csc_input *in, const char *path, const char *name);

/* Hash every byte read from now on, for csc_input_digest; call it right
 * after csc_input_open (before any read: a later call does nothing). Only
 * readers whose caller wants the digest pay for it. */
void csc_input_hash(csc_input *in);

/* Read up to n bytes into buf: the count (0 at end of file), or -1 after
 * printing why (read error, or the limit passed by a non-regular file). */
long csc_input_read(csc_input *in, void *buf, size_t n);

/* Read whatever is left of the input to its end (a reader may stop at the
 * end of its document), then its byte count and SHA-256 into d (the input
 * must have been opened for it with csc_input_hash). Every byte is hashed
 * as it is read, so a pipe is never opened a second time to hash
 * it. May be called after csc_input_close only if the end had been reached.
 * 0, or -1 after printing why (read error, the size limit, or closed before
 * its end). */
int csc_input_digest(csc_input *in, csc_digest *d);

/* Close; safe to call twice. */
void csc_input_close(csc_input *in);

#endif
