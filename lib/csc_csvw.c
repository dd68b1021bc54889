/* csc_csvw.c - see csc_csvw.h. A writer owns its FILE and staging files are
 * written by one thread, so the unlocked stdio calls are safe; the locked
 * ones cost a lock per field, a tenth of a CIN extract. */
#include <stdlib.h>
#include <string.h>

#include "csc_csvw.h"

void csc_csvw_init(csc_csvw *w, FILE *fp)
{
	w->fp = fp;
	w->col = 0;
	w->watch = 0;
	memset(w->latest, 0, sizeof w->latest);
	w->latest_col = -1;
	w->buffered = 0;
	w->rbn = 0;
}

void csc_csvw_buffer_rows(csc_csvw *w)
{
	w->buffered = 1;
}

static void flush_row(csc_csvw *w)
{
	fwrite_unlocked(w->rb, 1, w->rbn, w->fp);
	w->rbn = 0;
}

static inline void put_n(csc_csvw *w, const char *s, size_t n)
{
	if (!w->buffered) {
		fwrite_unlocked(s, 1, n, w->fp);
		return;
	}
	if (n > sizeof w->rb - w->rbn) {
		flush_row(w);
		if (n > sizeof w->rb) {
			fwrite_unlocked(s, 1, n, w->fp);
			return;
		}
	}
	memcpy(w->rb + w->rbn, s, n);
	w->rbn += n;
}

static inline void put_c(csc_csvw *w, char c)
{
	if (!w->buffered) {
		putc_unlocked(c, w->fp);
		return;
	}
	if (w->rbn == sizeof w->rb)
		flush_row(w);
	w->rb[w->rbn++] = c;
}

void csc_csvw_watch(csc_csvw *w, uint64_t mask)
{
	w->watch = mask;
}

/* ISO dates order as text; the field is checked to be a real day only when
 * it would become the latest, which is rare, so the cost per field is one
 * bit test. */
static void watch_field(csc_csvw *w, const char *s, size_t n)
{
	csc_date d;
	if (w->col >= 64 || !(w->watch >> w->col & 1) || n != CSC_DATE_BUFSZ - 1 ||
	    memcmp(s, w->latest, n) <= 0 || csc_date_parse_iso(s, n, &d) != 0)
		return;
	memcpy(w->latest, s, n);
	w->latest[n] = '\0';
	w->latest_col = w->col;
}

static void sep(csc_csvw *w)
{
	if (w->col++)
		put_c(w, ',');
}

static void raw_field(csc_csvw *w, const char *s, size_t n, int guard)
{
	int quote = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r') {
			quote = 1;
			break;
		}
	/* A lone "-" or "+" cannot be a formula; anything longer starting with a
	 * formula character, or a leading tab or CR, is guarded. */
	int needs_guard = guard && n > 0 && s[0] && strchr("=+-@\t\r", s[0]) &&
			  (n > 1 || s[0] == '=' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
	if (quote)
		put_c(w, '"');
	if (needs_guard)
		put_c(w, '\'');
	if (!quote) {
		put_n(w, s, n);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '"')
				put_c(w, '"');
			put_c(w, s[i]);
		}
		put_c(w, '"');
	}
}

void csc_csvw_field(csc_csvw *w, const char *s, size_t n)
{
	if (w->watch)
		watch_field(w, s, n);
	sep(w);
	raw_field(w, s, n, 0);
}

void csc_csvw_plain(csc_csvw *w, const char *s, size_t n)
{
	if (w->watch)
		watch_field(w, s, n);
	sep(w);
	put_n(w, s, n);
}

void csc_csvw_str(csc_csvw *w, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (w->watch && s)
		watch_field(w, s, n);
	sep(w);
	if (s)
		raw_field(w, s, n, 0);
}

void csc_csvw_text(csc_csvw *w, const char *s)
{
	sep(w);
	if (s)
		raw_field(w, s, strlen(s), 1);
}

void csc_csvw_textn(csc_csvw *w, const char *s, size_t n)
{
	sep(w);
	raw_field(w, s, n, 1);
}

void csc_csvw_long(csc_csvw *w, long v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%ld", v);
	sep(w);
	put_n(w, b, (size_t)n);
}

void csc_csvw_date(csc_csvw *w, csc_date d)
{
	char b[CSC_DATE_BUFSZ];
	size_t n = d == CSC_NODATE ? 0 : strlen(csc_date_iso(d, b));
	if (w->watch && n)
		watch_field(w, b, n);
	sep(w);
	put_n(w, b, n);
}

void csc_csvw_double(csc_csvw *w, double v)
{
	char b[32];
	sep(w);
	/* the shortest form that reads back as the same double */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(b, sizeof b, "%.*g", prec, v);
		if (strtod(b, NULL) == v)
			break;
	}
	put_n(w, b, strlen(b));
}

void csc_csvw_end(csc_csvw *w)
{
	put_c(w, '\n');
	if (w->buffered)
		flush_row(w);
	w->col = 0;
}

void csc_csvw_header(csc_csvw *w, const char *const *names)
{
	for (; *names; names++)
		csc_csvw_str(w, *names);
	csc_csvw_end(w);
}
