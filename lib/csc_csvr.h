/*
 * csc_csvr.h - streaming CSV reading.
 *
 * Reads any size of file in bounded memory (one record at a time), and hands
 * each row to a callback with the physical line it started on. It accepts
 * what Excel and case systems write: a UTF-8 byte-order mark, LF, CRLF or
 * CR-only line ends (each counts as one line, also inside a quoted field),
 * quoted fields with embedded line ends, and Windows-1252 text (each field
 * that is not valid UTF-8 is converted from Windows-1252 to UTF-8). Spaces
 * and tabs around a field are dropped (inside quotes they are kept); a quote
 * inside an unquoted field is an ordinary character (5'10", Smith "Jr").
 *
 * Quoted fields and stray quotes. A field that starts with a quote ends at
 * the next single quote ("" is a quote) that is followed, after optional
 * spaces, by a comma, a line end or the end of the file. The record is
 * "broken" by its quote, and not a row, when:
 *   - the quote is never closed (end of file inside it);
 *   - the closing quote is followed by other text ("ab"c);
 *   - a quoted field runs over a line end and the record it makes does not
 *     have the header's number of fields, or the quoted field passes
 *     CSC_CSV_MAX_FIELD bytes, or the record 4 MiB or CSC_CSV_MAX_FIELDS.
 * A legitimate multi-line field (a note with line breaks in a row of the
 * header's width) is read whole. Under CSC_CSV_RECOVER a broken record is
 * handed to the callback as a row with `broken` set, holding its first
 * physical line as one field, and reading goes on at the record's second
 * physical line: every later line is read again as the start of a record,
 * so a stray opening quote costs its own line and never swallows the next
 * ones. Without the flag a broken record stops the read with
 * "file:line: reason". The window kept for re-reading is the record being
 * read, so memory stays bounded (about 4 MiB at most).
 *
 * Structural problems stop the read with "file:line: reason": a field over
 * CSC_CSV_MAX_FIELD bytes, a row over CSC_CSV_MAX_FIELDS fields or 4 MiB
 * (outside a multi-line quoted field), a NUL byte, UTF-16 text, a byte that
 * is neither UTF-8 nor Windows-1252, or a broken header row.
 */
#ifndef CSC_CSVR_H
#define CSC_CSVR_H

#include <stddef.h>

#include "csc_input.h"

#define CSC_CSV_MAX_FIELD (1u << 20) /* 1 MiB */
#define CSC_CSV_MAX_FIELDS 1024

/* Flags of csc_csv_readf: hand broken records to the callback (above). */
#define CSC_CSV_RECOVER 1u

typedef struct csc_row {
	int n;                /* number of fields */
	char **f;             /* NUL-terminated UTF-8 fields */
	const size_t *len;    /* their lengths in bytes */
	long line;            /* physical line the row starts on (1-based) */
	long index;           /* 0 for the first row (the header), 1, 2, ... */
	const char *broken;   /* NULL; under CSC_CSV_RECOVER, why the record
				 starting on `line` is not a row: then n = 1
				 and f[0] is that physical line's text */
	int bad_field;        /* broken: the field (1-based) whose quote broke it */
} csc_row;

/* Return 0 to go on, non-zero to stop reading (returned by csc_csv_read). */
typedef int (*csc_row_fn)(void *ctx, const csc_row *row);

/* Read path, calling fn for every row. Returns 0 at end of file, the
 * callback's non-zero value if it stopped, or -1 after printing a structural
 * error (a broken record is one). `name` is the file name used in messages
 * (NULL = path). */
int csc_csv_read(const char *path, const char *name, csc_row_fn fn, void *ctx);

/* Same, from memory (tests and fuzzing). */
int csc_csv_read_mem(const char *data, size_t n, const char *name, csc_row_fn fn, void *ctx);

/* csc_csv_read / csc_csv_read_mem with flags (CSC_CSV_RECOVER); same
 * returns. */
int csc_csv_readf(const char *path, const char *name, unsigned flags, csc_row_fn fn, void *ctx);
int csc_csv_readf_mem(const char *data, size_t n, const char *name, unsigned flags,
		      csc_row_fn fn, void *ctx);

/* csc_csv_readf_mem over a buffer the reader may change: the fields it
 * hands out lie in data itself where they can (valid UTF-8 with a byte
 * after them), saving a copy each, so data's bytes are unspecified after
 * the call. Same returns. (csc_csv_readf and csc_csv_open do this in
 * their own buffer.) */
int csc_csv_readf_buf(char *data, size_t n, const char *name, unsigned flags, csc_row_fn fn,
		      void *ctx);

/* csc_csv_readf, and when the whole file was read (0 returned) its size and
 * SHA-256, computed from the very bytes parsed, into *d (csc_input_digest).
 * d may be NULL. */
int csc_csv_readf_digest(const char *path, const char *name, unsigned flags, csc_row_fn fn,
			 void *ctx, csc_digest *d);

/* Pull-style reading, for a caller that reads several files side by side
 * (csc-returns merges seven staging tables child by child): the same
 * parser, limits and messages as csc_csv_readf, one row per call. */
typedef struct csc_csv_reader csc_csv_reader;

/* Open path (`name` in messages; NULL = path) with flags (CSC_CSV_RECOVER):
 * the reader, or NULL after printing why (csc_input_open). */
csc_csv_reader *csc_csv_open(const char *path, const char *name, unsigned flags);

/* The next row into *row, its fields valid until the next call or
 * csc_csv_close: 1; 0 at end of file; -1 after printing a structural error
 * (and on any call after it). */
int csc_csv_next(csc_csv_reader *r, csc_row *row);

/* Close r (NULL is allowed). */
void csc_csv_close(csc_csv_reader *r);

/* Normalise a header name for matching: lower case, spaces, underscores and
 * hyphens removed ("Date of Contact" -> "dateofcontact"). Writes at most
 * cap-1 bytes into out. */
void csc_csv_key(const char *in, char *out, size_t cap);

#endif
