/* report_period.c - see report_period.h. */
#include <stdio.h>

#include "report_period.h"

static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void rp_month_head(csc_date d, char out[RP_HEAD])
{
	int y, m, day;
	csc_date_ymd(d, &y, &m, &day);
	snprintf(out, RP_HEAD, "%s %02d", mon[m - 1], ((y % 100) + 100) % 100);
}

void rp_span(const rp_col *cols, int n, char *out)
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
		snprintf(out, RP_SPAN, "%s %d", full[m1 - 1], y1);
	else
		snprintf(out, RP_SPAN, "%s %d to %s %d", full[m1 - 1], y1, full[m2 - 1], y2);
}

void rp_fy_head(csc_date fy_start, char out[RP_HEAD])
{
	int y, m, d;
	csc_date_ymd(fy_start, &y, &m, &d);
	snprintf(out, RP_HEAD, "%04d-%02d", y, (y + 1) % 100);
}

static void fy_col(csc_date fy, csc_date period_end, rp_col *c)
{
	c->start = fy;
	c->end = csc_date_add_months(fy, 12) - 1;
	c->series = 0;
	rp_fy_head(fy, c->head);
	if (c->end > period_end) {
		char m[RP_HEAD];
		c->end = period_end;
		rp_month_head(period_end, m);
		snprintf(c->head + 7, RP_HEAD - 7, " to %.6s", m);
	}
}

int rp_columns(enum tpl_periods kind, csc_date period_end, int months_shown,
	       rp_col cols[RP_MAX_COLS])
{
	int n = 0;
	if (kind == TPL_MONTHS) {
		if (months_shown < 1)
			months_shown = 1;
		if (months_shown > RP_MAX_COLS)
			months_shown = RP_MAX_COLS;
		csc_date first = csc_month_first(period_end);
		for (int i = months_shown - 1; i >= 0; i--) {
			rp_col *c = &cols[n++];
			c->start = csc_date_add_months(first, -i);
			c->end = csc_month_last(c->start);
			c->series = 1;
			rp_month_head(c->start, c->head);
		}
		return n;
	}
	csc_date cur = csc_fy_first(period_end), prev = csc_date_add_months(cur, -12);
	for (csc_date q = prev; n < RP_MAX_COLS - 2; q = csc_date_add_months(q, 3)) {
		csc_date qend = csc_date_add_months(q, 3) - 1;
		if (qend > period_end)
			break;
		rp_col *c = &cols[n++];
		c->start = q;
		c->end = qend;
		c->series = 1;
		char fy[RP_HEAD];
		rp_fy_head(csc_fy_first(q), fy);
		int y, m, d;
		csc_date_ymd(q, &y, &m, &d);
		int qn = m >= 4 ? (m - 4) / 3 + 1 : 4;
		snprintf(c->head, RP_HEAD, "Q%d %.7s", qn, fy);
	}
	fy_col(prev, period_end, &cols[n++]);
	fy_col(cur, period_end, &cols[n++]);
	return n;
}

void rp_compare(enum tpl_compare cmp, csc_date period_end, rp_col *out)
{
	out->series = 0;
	switch (cmp) {
	case TPL_CMP_MONTH:
		out->start = csc_month_first(period_end);
		out->end = period_end;
		rp_month_head(period_end, out->head);
		return;
	case TPL_CMP_QUARTER: {
		/* The latest whole quarter ending on or before period_end. */
		csc_date q = csc_fy_first(period_end);
		csc_date best = csc_date_add_months(q, -3);
		for (int i = 0; i < 4; i++, q = csc_date_add_months(q, 3))
			if (csc_date_add_months(q, 3) - 1 <= period_end)
				best = q;
		rp_col tmp[RP_MAX_COLS];
		int n = rp_columns(TPL_QUARTERS, csc_date_add_months(best, 3) - 1, 1, tmp);
		*out = tmp[n - 3];
		return;
	}
	case TPL_CMP_YEAR:
		fy_col(csc_fy_first(period_end), period_end, out);
		return;
	}
}
