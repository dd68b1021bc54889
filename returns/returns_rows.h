/*
 * returns_rows.h - pull-style reading of one staging table.
 *
 * The CIN writer merges seven staging tables child by child, so it must pull
 * rows from several files at once; csc_csv_read (push, one file) cannot do
 * that. This reader parses the staging form only (FORMATS.md: UTF-8, LF or
 * CRLF, RFC 4180 quoting), maps the columns a caller asks for by header name,
 * and bounds every field and row so hostile bytes cannot overrun it.
 */
#ifndef RETURNS_ROWS_H
#define RETURNS_ROWS_H

#include <stdio.h>

#define RR_MAX_FIELD (1u << 16)  /* bytes in one staging field */
#define RR_MAX_FIELDS 64         /* fields in one staging row */

typedef struct ret_rows_reader {
	FILE *fp;
	char *path;
	long line;          /* physical line of the next byte */
	long row_line;      /* line the current row started on */
	int ncols;          /* columns asked for */
	int map[RR_MAX_FIELDS]; /* asked column i -> field index in the file */
	int nf;             /* fields in the current row */
	char *f[RR_MAX_FIELDS];
	size_t cap[RR_MAX_FIELDS];
	int have;           /* a current row is loaded */
	int eof;
} ret_rows_reader;

/* Open path, read its header and map the NULL-terminated `cols` onto it.
 * Returns 0; 1 when the file does not exist (table not staged); -1 after
 * printing "prog: path:1: ..." (unreadable, or a column is missing). */
int ret_rows_open(ret_rows_reader *r, const char *path, const char *const *cols);

/* Load the next row into r; 1 = a row, 0 = end of file, -1 = structural
 * error printed ("prog: path:line: ..."). */
int ret_rows_next(ret_rows_reader *r);

/* Field i (in the order asked at ret_rows_open) of the current row; "" if the row
 * is short. Valid until the next ret_rows_next. */
const char *ret_rows_get(const ret_rows_reader *r, int i);

void ret_rows_close(ret_rows_reader *r);

#endif
