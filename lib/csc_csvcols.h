/*
 * csc_csvcols.h - read a CSV by the names in its header row: each data row
 * is handed over as the values of the wanted columns, in the caller's order,
 * wherever they stand in the file. So a file may gain columns, or reorder
 * them, without breaking its readers (the staging contract, docs/FORMATS.md;
 * the transform's outputs read by load).
 */
#ifndef CSC_CSVCOLS_H
#define CSC_CSVCOLS_H

#include <stddef.h>

#define CSC_COLS_MAX 64 /* wanted columns per read */

/* Returned when a wanted column is missing from the header or past the end
 * of a row (reported here), to tell it from csc_csv_read's own -1. */
#define CSC_COLS_BAD (-2)

/* One data row: v[i] is the value of cols[i] (NUL-terminated, in the
 * reader's buffer: it may be changed in place, not past its end, and is
 * valid until fn returns); line is the row's physical line. Return 0 to go
 * on, non-zero to stop the read (then returned). */
typedef int (*csc_cols_fn)(void *ctx, char **v, long line);

/* Read path (named `name` in messages; NULL = path) whose first row is a
 * header, calling fn for each data row (csc_csv_read skips blank lines)
 * with the ncols columns cols, found by name (the last of equal names). `what` names the header row in the
 * message for a missing column ("<what> has no column 'x'"; NULL =
 * "header"). Returns 0 at end of file; fn's non-zero value if it stopped;
 * CSC_COLS_BAD after reporting a missing column, a row too short for a
 * wanted column, or ncols outside 0..CSC_COLS_MAX; -1 after csc_csv_read
 * reported a structural error or an unreadable file. */
int csc_csv_read_cols(const char *path, const char *name, const char *what,
		      const char *const *cols, int ncols, csc_cols_fn fn, void *ctx);

/* Same from memory (tests). */
int csc_csv_read_cols_mem(const char *data, size_t n, const char *name, const char *what,
			  const char *const *cols, int ncols, csc_cols_fn fn, void *ctx);

/* Pull-style, for a caller that reads several files side by side
 * (csc-returns): open path (`name` in messages; NULL = path), read its
 * header row and find the ncols columns cols in it as csc_csv_read_cols
 * does. Returns the reader, or NULL after printing why: unreadable, no
 * header row (an empty file), a structural error in it, a missing column,
 * ncols outside 0..CSC_COLS_MAX. */
typedef struct csc_cols_reader csc_cols_reader;
csc_cols_reader *csc_cols_open(const char *path, const char *name, const char *what,
			       const char *const *cols, int ncols);

/* The next data row: 1 with (*v)[i] the value of cols[i] and *line the
 * row's line (valid until the next call or csc_cols_close); 0 at end of
 * file; -1 after printing why (a structural error, or a row too short for a
 * wanted column). */
int csc_cols_next(csc_cols_reader *r, char ***v, long *line);

/* Close r (NULL is allowed). */
void csc_cols_close(csc_cols_reader *r);

#endif
