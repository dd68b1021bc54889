/*
 * csc_csvw.h - writing RFC 4180 CSV.
 *
 * Fields are quoted only when they hold a comma, quote, CR or LF; rows end in
 * LF. csc_csvw_text additionally guards free text typed by case workers: a
 * value starting with = + - @ TAB or CR is prefixed with an apostrophe so a
 * spreadsheet opening the file never evaluates it as a formula.
 */
#ifndef CSC_CSVW_H
#define CSC_CSVW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csc_date.h"

typedef struct csc_csvw {
	FILE *fp;
	int col; /* fields written in the current row */
	/* Columns (bit i = column i < 64) whose ISO dates are watched: the
	 * latest one written, and its column, are kept for the staging
	 * coverage file (csc_coverage.h). 0 after csc_csvw_init. */
	uint64_t watch;
	char latest[CSC_DATE_BUFSZ]; /* "" until a watched column held a date */
	int latest_col;
	/* csc_csvw_buffer_rows: the row so far, written to fp at its end (or
	 * when the buffer fills), so that a row costs one fwrite, not one per
	 * field and separator. 0 after csc_csvw_init. */
	int buffered;
	size_t rbn;
	char rb[2048];
} csc_csvw;

/* Start writing to fp (owned by the caller). */
void csc_csvw_init(csc_csvw *w, FILE *fp);

/* One field of n bytes. */
void csc_csvw_field(csc_csvw *w, const char *s, size_t n);

/* csc_csvw_field for n bytes the caller knows hold no comma, quote, CR or
 * LF (an ISO date, a number): written as they are, without looking. */
void csc_csvw_plain(csc_csvw *w, const char *s, size_t n);

/* A NUL-terminated field (NULL writes an empty field). */
void csc_csvw_str(csc_csvw *w, const char *s);

/* A NUL-terminated field of free text, formula-guarded (see above). */
void csc_csvw_text(csc_csvw *w, const char *s);

/* The same, n bytes long (s need not end in a NUL). */
void csc_csvw_textn(csc_csvw *w, const char *s, size_t n);

/* An integer field. */
void csc_csvw_long(csc_csvw *w, long v);

/* An ISO date field; CSC_NODATE writes an empty field. */
void csc_csvw_date(csc_csvw *w, csc_date d);

/* A number printed with up to 17 significant digits (round-trips). */
void csc_csvw_double(csc_csvw *w, double v);

/* Watch the columns set in mask (bit i = column i) for the latest ISO date
 * written in them (w->latest, w->latest_col); an empty or non-date field is
 * ignored. */
void csc_csvw_watch(csc_csvw *w, uint64_t mask);

/* From now on, collect each row and write it to fp whole at csc_csvw_end
 * (or in pieces of sizeof rb, for a longer row): the same bytes, in fewer
 * calls. Only for a writer whose fp nothing else writes to in the middle
 * of a row; fp holds every ended row. */
void csc_csvw_buffer_rows(csc_csvw *w);

/* End the row. */
void csc_csvw_end(csc_csvw *w);

/* Write a whole header row from a NULL-terminated list of names. */
void csc_csvw_header(csc_csvw *w, const char *const *names);

#endif
