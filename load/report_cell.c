/* report_cell.c - see report_cell.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_cell.h"

static const struct { const char *name; enum report_cell_kind kind; } kinds[] = {
	{"count", REPORT_CELL_COUNT}, {"percentage", REPORT_CELL_PCT}, {"%", REPORT_CELL_PCT}, {"pct", REPORT_CELL_PCT},
	{"rate", REPORT_CELL_RATE}};

int report_cell_kind_of(const char *s)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(s, kinds[i].name))
			return (int)kinds[i].kind;
	return -1;
}

double report_cell_round1(double x)
{
	/* Go through the shortest decimal text so that 22.85 (really
	 * 22.849999...) rounds as the 22.85 a person reads in measures.csv. */
	char buf[64];
	snprintf(buf, sizeof buf, "%.15g", x * 10.0);
	double t = strtod(buf, NULL);
	return round(t) / 10.0;
}

static int whole(double x)
{
	return x >= 0 && x <= 1099511627776.0 && x == floor(x);
}

double report_cell_ratio1(double n, double d, double scale)
{
	if (whole(n) && whole(d) && d > 0 && (scale == 100.0 || scale == 10000.0)) {
		/* q = round(n * scale * 10 / d) in integers: (2a + d) / 2d. */
		unsigned long long a = (unsigned long long)n * (unsigned long long)(scale * 10.0);
		unsigned long long dd = (unsigned long long)d;
		if (a / (unsigned long long)(scale * 10.0) == (unsigned long long)n &&
		    a < (1ULL << 62)) {
			unsigned long long q = (2 * a + dd) / (2 * dd);
			return (double)q / 10.0;
		}
	}
	return report_cell_round1(n * scale / d);
}

static int small(const report_data_measure *m, int has, double x)
{
	(void)m;
	return has && x >= 1 && x <= 5;
}

report_cell report_cell_value(const report_data_measure *m, enum report_cell_kind k, int publication)
{
	report_cell c = {REPORT_CELL_OK, 0, NULL, XF_NOTE_NUM};
	if (!m) {
		c.why = REPORT_CELL_MISSING;
		c.text = "[x]"; /* GSS: not available */
		return c;
	}
	if (!m->has_value) {
		c.why = REPORT_CELL_NOCASES;
		c.text = "[z]"; /* GSS: not applicable (no cases to divide by) */
		return c;
	}
	if (publication) {
		int sup = k == REPORT_CELL_COUNT ? small(m, 1, m->value)
					: small(m, m->has_num, m->num) || small(m, m->has_den, m->den);
		if (sup) {
			c.why = REPORT_CELL_SUPPRESSED;
			c.text = "[c]";
			return c;
		}
	}
	switch (k) {
	case REPORT_CELL_COUNT:
		c.v = m->value;
		c.fmt = XF_COUNT;
		break;
	case REPORT_CELL_PCT:
		c.v = m->has_num && m->has_den && m->den > 0 ? report_cell_ratio1(m->num, m->den, 100.0)
							     : report_cell_round1(m->value);
		/* Tenths of a percent over 1000 is the double nearest the
		 * decimal (0.944, not 94.4 / 100 = 0.9440000000000001). */
		c.v = rint(c.v * 10.0) / 1000.0;
		c.fmt = XF_PCT;
		break;
	case REPORT_CELL_RATE:
		c.v = m->has_num && m->has_den && m->den > 0 ? report_cell_ratio1(m->num, m->den, 10000.0)
							     : report_cell_round1(m->value);
		c.fmt = XF_RATE;
		break;
	}
	return c;
}

report_cell report_cell_comparator(const char *s, enum report_cell_kind k)
{
	report_cell c = {REPORT_CELL_NONE, 0, "[x]", XF_NOTE_NUM};
	double x;
	if (!s || report_data_number(s, &x))
		return c;
	c.why = REPORT_CELL_OK;
	switch (k) {
	case REPORT_CELL_COUNT:
		c.v = x;
		c.fmt = XF_COUNT;
		break;
	case REPORT_CELL_PCT:
		c.v = rint(report_cell_round1(x) * 10.0) / 1000.0;
		c.fmt = XF_PCT;
		break;
	case REPORT_CELL_RATE:
		c.v = report_cell_round1(x);
		c.fmt = XF_RATE;
		break;
	}
	return c;
}

void report_cell_write(xl_book *b, lxw_worksheet *ws, long row, int col, const report_cell *c)
{
	if (c->why == REPORT_CELL_OK)
		xl_num(b, ws, row, col, c->v, c->fmt);
	else
		xl_text(b, ws, row, col, c->text, XF_NOTE_NUM);
}

static double nice_step(double x)
{
	double p = pow(10, floor(log10(x)));
	double f = x / p;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

int report_cell_axis(const double *v, int n, enum report_cell_kind k, double *min, double *max, double *step)
{
	if (n < 1)
		return -1;
	double lo = v[0], hi = v[0];
	for (int i = 1; i < n; i++) {
		if (v[i] < lo)
			lo = v[i];
		if (v[i] > hi)
			hi = v[i];
	}
	double pad = (hi - lo) * 0.15;
	if (pad <= 0)
		pad = hi != 0 ? fabs(hi) * 0.2 : k == REPORT_CELL_PCT ? 0.1 : 1;
	double a = lo - pad, b = hi + pad;
	double st = nice_step((b - a) / 5);
	if (k == REPORT_CELL_COUNT && st < 1)
		st = 1;
	/* a hair of slack: 0.95 / 0.05 is 18.999... in binary */
	*min = floor(a / st + 1e-9) * st;
	*max = ceil(b / st - 1e-9) * st;
	if (*min < 0 && lo >= 0)
		*min = 0;
	if (k == REPORT_CELL_PCT && *max > 1 && hi <= 1)
		*max = 1;
	*step = st;
	return 0;
}
