/* run_period.c - see run_period.h. */
#include <stdio.h>
#include <string.h>

#include "csc_conf.h"
#include "run_period.h"

void run_period_from_end(csc_date end, run_period *p)
{
	int y, m, d;
	memset(p, 0, sizeof *p);
	csc_date_ymd(end, &y, &m, &d);
	snprintf(p->end_month, sizeof p->end_month, "%04d-%02d", y % 10000, m % 100);
	memcpy(p->label, p->end_month, sizeof p->end_month);
	p->end = csc_month_last(end);
}

int run_period_parse(const char *s, run_period *p)
{
	csc_date end;
	if (csc_parse_month(s, &end) == 0) {
		run_period_from_end(end, p);
		return 0;
	}
	/* YYYY-Qn: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec of YYYY, Q4 Jan-Mar of YYYY+1 */
	if (strlen(s) != 7 || s[4] != '-' || s[5] != 'Q' || s[6] < '1' || s[6] > '4')
		return -1;
	char ym[8];
	memcpy(ym, s, 4);
	memcpy(ym + 4, "-01", 4); /* with its NUL */
	if (csc_parse_month(ym, &end) != 0)
		return -1;
	int y, m, d, q = s[6] - '0';
	csc_date_ymd(end, &y, &m, &d);
	int endm = 3 + 3 * q; /* 6, 9, 12, 15 */
	csc_date last = csc_month_last(csc_date_make(y + (endm > 12), (endm - 1) % 12 + 1, 1));
	run_period_from_end(last, p);
	snprintf(p->label, sizeof p->label, "%.4s-Q%d", s, q);
	p->quarter = q;
	return 0;
}

void run_period_last_complete(csc_date today, run_period *p)
{
	run_period_from_end(csc_month_first(today) - 1, p);
}

csc_date run_period_start(const run_period *p)
{
	return csc_month_first(csc_date_add_months(p->end, p->quarter ? -2 : 0));
}
