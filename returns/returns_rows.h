/*
 * returns_rows.h - pull-style reading of one staging table.
 *
 * The CIN writer merges seven staging tables child by child, so it must pull
 * rows from several files at once. This is the project's header-mapped CSV
 * reader (csc_cols_open, lib/csc_csvcols.h: the parser, limits and messages
 * of every other staging reader) with the returns' conventions: a table
 * that was not staged is not an error, and the current row and its line
 * stay at hand for merging.
 */
#ifndef RETURNS_ROWS_H
#define RETURNS_ROWS_H

#include "csc_csvcols.h"

typedef struct ret_rows_reader {
	csc_cols_reader *cr;
	char *path;
	long row_line;      /* line the current row started on */
	int ncols;          /* columns asked for */
	char **v;           /* the current row's values, in the order asked */
	int have;           /* a current row is loaded */
} ret_rows_reader;

/* Open path, read its header and map the NULL-terminated `cols` onto it.
 * Returns 0; 1 when the file does not exist (table not staged; r->path is
 * set for messages); -1 after printing "prog: path:line: ..." (unreadable,
 * no header row, or a column is missing). */
int ret_rows_open(ret_rows_reader *r, const char *path, const char *const *cols);

/* Load the next row into r; 1 = a row, 0 = end of file, -1 = error printed
 * ("prog: path:line: ..."). */
int ret_rows_next(ret_rows_reader *r);

/* Field i (in the order asked at ret_rows_open) of the current row; "" when
 * there is none. Valid until the next ret_rows_next. */
const char *ret_rows_get(const ret_rows_reader *r, int i);

void ret_rows_close(ret_rows_reader *r);

#endif
