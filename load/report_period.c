/* report_period.c - see report_period.h. */
#include <stdio.h>

#include "report_period.h"

static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void report_period_month_head(csc_date d, char out[REPORT_PERIOD_HEAD])
{
	int y, m, day;
	csc_date_ymd(d, &y, &m, &day);
	snprintf(out, REPORT_PERIOD_HEAD, "%s %02d", mon[m - 1], ((y % 100) + 100) % 100);
}

void report_period_span(const report_period_col *cols, int n, char *out)
{
	static const char *const full[12] = {"January", "February", "March", "April", "May",
					     "June", "July", "August", "September",
					     "October", "November", "December"};
	if (n < 1) {
		out[0] = '\0';
		return;
	}
	csc_date lo = cols[0].start, hi = cols[0].end;
	for (int i = 1; i < n; i++) {
		if (cols[i].start < lo)
			lo = cols[i].start;
		if (cols[i].end > hi)
			hi = cols[i].end;
	}
	int y1, m1, d1, y2, m2, d2;
	csc_date_ymd(lo, &y1, &m1, &d1);
	csc_date_ymd(hi, &y2, &m2, &d2);
	if (y1 == y2 && m1 == m2)
		snprintf(out, REPORT_PERIOD_SPAN, "%s %d", full[m1 - 1], y1);
	else
		snprintf(out, REPORT_PERIOD_SPAN, "%s %d to %s %d", full[m1 - 1], y1, full[m2 - 1], y2);
}

void report_period_fy_head(csc_date fy_start, char out[REPORT_PERIOD_HEAD])
{
	int y, m, d;
	csc_date_ymd(fy_start, &y, &m, &d);
	snprintf(out, REPORT_PERIOD_HEAD, "%04d-%02d", y, (y + 1) % 100);
}

static void fy_col(csc_date fy, csc_date period_end, report_period_col *c)
{
	c->start = fy;
	c->end = csc_date_add_months(fy, 12) - 1;
	c->series = 0;
	report_period_fy_head(fy, c->head);
	if (c->end > period_end) {
		char m[REPORT_PERIOD_HEAD];
		c->end = period_end;
		report_period_month_head(period_end, m);
		snprintf(c->head + 7, REPORT_PERIOD_HEAD - 7, " to %.6s", m);
	}
}

int report_period_columns(enum report_tpl_periods kind, csc_date period_end, int months_shown,
	       report_period_col cols[REPORT_PERIOD_MAX_COLS])
{
	int n = 0;
	if (kind == REPORT_TPL_MONTHS) {
		if (months_shown < 1)
			months_shown = 1;
		if (months_shown > REPORT_PERIOD_MAX_COLS)
			months_shown = REPORT_PERIOD_MAX_COLS;
		csc_date first = csc_month_first(period_end);
		for (int i = months_shown - 1; i >= 0; i--) {
			report_period_col *c = &cols[n++];
			c->start = csc_date_add_months(first, -i);
			c->end = csc_month_last(c->start);
			c->series = 1;
			report_period_month_head(c->start, c->head);
		}
		return n;
	}
	csc_date cur = csc_fy_first(period_end), prev = csc_date_add_months(cur, -12);
	for (csc_date q = prev; n < REPORT_PERIOD_MAX_COLS - 2; q = csc_date_add_months(q, 3)) {
		csc_date qend = csc_date_add_months(q, 3) - 1;
		if (qend > period_end)
			break;
		report_period_col *c = &cols[n++];
		c->start = q;
		c->end = qend;
		c->series = 1;
		char fy[REPORT_PERIOD_HEAD];
		report_period_fy_head(csc_fy_first(q), fy);
		int y, m, d;
		csc_date_ymd(q, &y, &m, &d);
		int qn = m >= 4 ? (m - 4) / 3 + 1 : 4;
		snprintf(c->head, REPORT_PERIOD_HEAD, "Q%d %.7s", qn, fy);
	}
	fy_col(prev, period_end, &cols[n++]);
	fy_col(cur, period_end, &cols[n++]);
	return n;
}

void report_period_compare(enum report_tpl_compare cmp, csc_date period_end, report_period_col *out)
{
	out->series = 0;
	switch (cmp) {
	case REPORT_TPL_CMP_MONTH:
		out->start = csc_month_first(period_end);
		out->end = period_end;
		report_period_month_head(period_end, out->head);
		return;
	case REPORT_TPL_CMP_QUARTER: {
		/* The latest whole quarter ending on or before period_end. */
		csc_date q = csc_fy_first(period_end);
		csc_date best = csc_date_add_months(q, -3);
		for (int i = 0; i < 4; i++, q = csc_date_add_months(q, 3))
			if (csc_date_add_months(q, 3) - 1 <= period_end)
				best = q;
		report_period_col tmp[REPORT_PERIOD_MAX_COLS];
		int n = report_period_columns(REPORT_TPL_QUARTERS, csc_date_add_months(best, 3) - 1, 1, tmp);
		*out = tmp[n - 3];
		return;
	}
	case REPORT_TPL_CMP_YEAR:
		fy_col(csc_fy_first(period_end), period_end, out);
		return;
	}
}
