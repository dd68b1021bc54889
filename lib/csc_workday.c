/* csc_workday.c - see csc_workday.h.
 *
 * cum[i] holds the number of working days in [first, first + i), so any wd()
 * is two array reads: national data asks for millions of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_workday.h"

struct csc_calendar {
	csc_date first, last;
	unsigned char *holiday; /* 1 per covered day */
	int32_t *cum;           /* ndays + 1 entries */
	int ndays;
};

csc_calendar *csc_calendar_new(int first_year, int last_year,
			       const csc_date *holidays, int n)
{
	csc_calendar *cal = csc_xcalloc(1, sizeof *cal);
	cal->first = csc_date_make(first_year, 1, 1);
	cal->last = csc_date_make(last_year, 12, 31);
	cal->ndays = cal->last - cal->first + 1;
	cal->holiday = csc_xcalloc((size_t)cal->ndays, 1);
	cal->cum = csc_xcalloc((size_t)cal->ndays + 1, sizeof *cal->cum);
	for (int i = 0; i < n; i++)
		if (holidays[i] >= cal->first && holidays[i] <= cal->last)
			cal->holiday[holidays[i] - cal->first] = 1;
	for (int i = 0; i < cal->ndays; i++) {
		csc_date d = cal->first + i;
		int work = csc_date_weekday(d) < 5 && !cal->holiday[i];
		cal->cum[i + 1] = cal->cum[i] + work;
	}
	return cal;
}

/* A longer line is an error, never split into two (it cannot be a date). */
#define CAL_MAX_LINE 512

csc_calendar *csc_calendar_load(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		csc_error_at(path, 0, "cannot open bank-holiday calendar: %m");
		return NULL;
	}
	char *line = NULL;
	size_t linecap = 0;
	ssize_t got;
	long lineno = 0;
	csc_date *days = NULL;
	int n = 0, cap = 0, miny = 9999, maxy = 0, bad = 0;
	while ((got = getline(&line, &linecap, f)) > 0) {
		lineno++;
		if (got > CAL_MAX_LINE) {
			csc_error_at(path, lineno, "line longer than %d bytes", CAL_MAX_LINE);
			bad = 1;
			break;
		}
		if (memchr(line, '\0', (size_t)got)) {
			csc_error_at(path, lineno, "NUL byte in line: not a text CSV file");
			bad = 1;
			break;
		}
		size_t len = strcspn(line, ",\r\n");
		if (lineno == 1 && strncmp(line, "date", 4) == 0)
			continue;
		if (len == 0 && (line[0] == '\n' || line[0] == '\r'))
			continue;
		csc_date d;
		if (csc_date_parse_iso(line, len, &d) != 0) {
			csc_error_at(path, lineno, "bad date '%.*s' (expected YYYY-MM-DD)",
				     (int)(len > 40 ? 40 : len), line);
			bad = 1;
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 128;
			days = csc_xrealloc(days, (size_t)cap * sizeof *days);
		}
		days[n++] = d;
		int y, m, dd;
		csc_date_ymd(d, &y, &m, &dd);
		if (y < miny)
			miny = y;
		if (y > maxy)
			maxy = y;
	}
	free(line);
	fclose(f);
	if (!bad && n == 0) {
		csc_error_at(path, 0, "bank-holiday calendar holds no dates");
		bad = 1;
	}
	/* England has bank holidays every year: a year without any inside the
	 * range is a year missing from the file, and would count every weekday
	 * of it as a working day */
	for (int y = miny + 1; !bad && y < maxy; y++) {
		int any = 0;
		for (int i = 0; i < n && !any; i++) {
			int yy, m, dd;
			csc_date_ymd(days[i], &yy, &m, &dd);
			any = yy == y;
		}
		if (!any) {
			csc_error_at(path, 0,
				     "no bank holidays in %d: the calendar must list every year from %d to %d",
				     y, miny, maxy);
			bad = 1;
		}
	}
	csc_calendar *cal = bad ? NULL : csc_calendar_new(miny, maxy, days, n);
	free(days);
	return cal;
}

void csc_calendar_free(csc_calendar *cal)
{
	if (!cal)
		return;
	free(cal->holiday);
	free(cal->cum);
	free(cal);
}

csc_date csc_calendar_first(const csc_calendar *cal) { return cal->first; }
csc_date csc_calendar_last(const csc_calendar *cal) { return cal->last; }

int csc_calendar_covers(const csc_calendar *cal, csc_date d)
{
	return d != CSC_NODATE && d >= cal->first && d <= cal->last;
}

int csc_is_bank_holiday(const csc_calendar *cal, csc_date d)
{
	return csc_calendar_covers(cal, d) && cal->holiday[d - cal->first];
}

int csc_is_workday(const csc_calendar *cal, csc_date d)
{
	return csc_calendar_covers(cal, d) && cal->cum[d - cal->first + 1] != cal->cum[d - cal->first];
}

int csc_wd(const csc_calendar *cal, csc_date a, csc_date b, int *out)
{
	if (!csc_calendar_covers(cal, a) || !csc_calendar_covers(cal, b))
		return -1;
	/* working days in (a, b] = cum[b+1] - cum[a+1] */
	*out = cal->cum[b - cal->first + 1] - cal->cum[a - cal->first + 1];
	return 0;
}

csc_date csc_wd_add(const csc_calendar *cal, csc_date a, int n)
{
	if (!csc_calendar_covers(cal, a) || n < 1)
		return CSC_NODATE;
	int32_t want = cal->cum[a - cal->first + 1] + n;
	/* first index i with cum[i+1] == want; binary search over cum */
	int lo = a - cal->first + 1, hi = cal->ndays;
	if (cal->cum[hi] < want)
		return CSC_NODATE;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (cal->cum[mid + 1] >= want)
			hi = mid;
		else
			lo = mid + 1;
	}
	return cal->first + lo;
}
