/* report_cell.c - see report_cell.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_cell.h"

static const struct { const char *name; enum rc_kind kind; } kinds[] = {
	{"count", RC_COUNT}, {"percentage", RC_PCT}, {"%", RC_PCT}, {"pct", RC_PCT},
	{"rate", RC_RATE}};

int rc_kind_of(const char *s)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(s, kinds[i].name))
			return (int)kinds[i].kind;
	return -1;
}

double rc_round1(double x)
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

double rc_ratio1(double n, double d, double scale)
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
	return rc_round1(n * scale / d);
}

static int small(const rd_measure *m, int has, double x)
{
	(void)m;
	return has && x >= 1 && x <= 5;
}

rc_cell rc_value(const rd_measure *m, enum rc_kind k, int publication)
{
	rc_cell c = {RC_OK, 0, NULL, XF_NOTE_NUM};
	if (!m) {
		c.why = RC_MISSING;
		c.text = "[x]"; /* GSS: not available */
		return c;
	}
	if (!m->has_value) {
		c.why = RC_NOCASES;
		c.text = "[z]"; /* GSS: not applicable (no cases to divide by) */
		return c;
	}
	if (publication) {
		int sup = k == RC_COUNT ? small(m, 1, m->value)
					: small(m, m->has_num, m->num) || small(m, m->has_den, m->den);
		if (sup) {
			c.why = RC_SUPPRESSED;
			c.text = "c";
			return c;
		}
	}
	switch (k) {
	case RC_COUNT:
		c.v = m->value;
		c.fmt = XF_COUNT;
		break;
	case RC_PCT:
		c.v = m->has_num && m->has_den && m->den > 0 ? rc_ratio1(m->num, m->den, 100.0)
							     : rc_round1(m->value);
		/* Tenths of a percent over 1000 is the double nearest the
		 * decimal (0.944, not 94.4 / 100 = 0.9440000000000001). */
		c.v = rint(c.v * 10.0) / 1000.0;
		c.fmt = XF_PCT;
		break;
	case RC_RATE:
		c.v = m->has_num && m->has_den && m->den > 0 ? rc_ratio1(m->num, m->den, 10000.0)
							     : rc_round1(m->value);
		c.fmt = XF_RATE;
		break;
	}
	return c;
}

rc_cell rc_comparator(const char *s, enum rc_kind k)
{
	rc_cell c = {RC_NONE, 0, "[x]", XF_NOTE_NUM};
	double x;
	if (!s || rd_number(s, &x))
		return c;
	c.why = RC_OK;
	switch (k) {
	case RC_COUNT:
		c.v = x;
		c.fmt = XF_COUNT;
		break;
	case RC_PCT:
		c.v = rint(rc_round1(x) * 10.0) / 1000.0;
		c.fmt = XF_PCT;
		break;
	case RC_RATE:
		c.v = rc_round1(x);
		c.fmt = XF_RATE;
		break;
	}
	return c;
}

void rc_write(xl_book *b, lxw_worksheet *ws, long row, int col, const rc_cell *c)
{
	if (c->why == RC_OK)
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

int rc_axis(const double *v, int n, enum rc_kind k, double *min, double *max, double *step)
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
		pad = hi != 0 ? fabs(hi) * 0.2 : k == RC_PCT ? 0.1 : 1;
	double a = lo - pad, b = hi + pad;
	double st = nice_step((b - a) / 5);
	if (k == RC_COUNT && st < 1)
		st = 1;
	/* a hair of slack: 0.95 / 0.05 is 18.999... in binary */
	*min = floor(a / st + 1e-9) * st;
	*max = ceil(b / st - 1e-9) * st;
	if (*min < 0 && lo >= 0)
		*min = 0;
	if (k == RC_PCT && *max > 1 && hi <= 1)
		*max = 1;
	*step = st;
	return 0;
}
