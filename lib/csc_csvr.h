/*
 * csc_csvr.h - streaming CSV reading on top of libcsv.
 *
 * Reads any size of file in fixed memory (one row at a time), and hands each
 * row to a callback with the physical line it started on. It accepts what
 * Excel and case systems write: a UTF-8 byte-order mark, CRLF line ends,
 * quoted fields with embedded newlines, and Windows-1252 text (each field
 * that is not valid UTF-8 is converted from Windows-1252 to UTF-8).
 *
 * Structural problems stop the read with "file:line: reason": an unterminated
 * quote, a field over CSC_CSV_MAX_FIELD bytes, a row over CSC_CSV_MAX_FIELDS
 * fields, a NUL byte, UTF-16 text, or a byte that is neither UTF-8 nor
 * Windows-1252.
 */
#ifndef CSC_CSVR_H
#define CSC_CSVR_H

#include <stddef.h>

#define CSC_CSV_MAX_FIELD (1u << 20) /* 1 MiB */
#define CSC_CSV_MAX_FIELDS 1024

typedef struct csc_row {
	int n;                /* number of fields */
	char **f;             /* NUL-terminated UTF-8 fields */
	const size_t *len;    /* their lengths in bytes */
	long line;            /* physical line the row starts on (1-based) */
	long index;           /* 0 for the first row (the header), 1, 2, ... */
} csc_row;

/* Return 0 to go on, non-zero to stop reading (returned by csc_csv_read). */
typedef int (*csc_row_fn)(void *ctx, const csc_row *row);

/* Read path, calling fn for every row. Returns 0 at end of file, the
 * callback's non-zero value if it stopped, or -1 after printing a structural
 * error. `name` is the file name used in messages (NULL = path). */
int csc_csv_read(const char *path, const char *name, csc_row_fn fn, void *ctx);

/* Same, from memory (tests and fuzzing). */
int csc_csv_read_mem(const char *data, size_t n, const char *name, csc_row_fn fn, void *ctx);

/* Normalise a header name for matching: lower case, spaces, underscores and
 * hyphens removed ("Date of Contact" -> "dateofcontact"). Writes at most
 * cap-1 bytes into out. */
void csc_csv_key(const char *in, char *out, size_t cap);

#endif
