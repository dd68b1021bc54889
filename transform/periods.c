/* periods.c - the reporting periods of one run (docs/FORMATS.md).
 *
 * Shown: each month of the window, each financial-year quarter ending in the
 * previous or current financial year up to period_end, the previous
 * financial year, the current year to date, the rolling 12 months. A span
 * that two rules produce (Q1 = year to date at the end of June) is listed
 * once. Each shown period then gets a "previous period" for the trend:
 * the month, quarter or year before; for the year to date and the rolling
 * 12 months, the same span a year earlier. Those not already shown are
 * added as hidden periods. */
#include "tx.h"

static const char *const kind_names[] = {"month", "quarter", "financial year",
					 "year to date", "rolling 12 months"};

const char *tx_pkind_name(enum tx_pkind k)
{
	return kind_names[k];
}

/* [mode][kind]: the period kinds whose records drilldown.csv lists. The
 * workbooks (load/report_period.c) show months, quarters, the previous
 * financial year and the year to date, never the rolling 12 months; a
 * rolling 12 months that is also a year to date (period_end in March) was
 * listed once as the year to date, so it keeps its drill-down. */
static const unsigned char drilled[2][5] = {
	[CSC_DRILL_REPORT] = {[TX_MONTH] = 1, [TX_QUARTER] = 1, [TX_FY] = 1, [TX_FYTD] = 1},
	[CSC_DRILL_ALL] = {1, 1, 1, 1, 1},
};

int tx_period_drilled(const tx_period *p, enum csc_drill_periods mode)
{
	return !p->hidden && drilled[mode][p->kind];
}

static int find(const tx_period *per, int n, csc_date s, csc_date e)
{
	for (int i = 0; i < n; i++)
		if (per[i].start == s && per[i].end == e)
			return i;
	return -1;
}

static int add(tx_period *per, int n, int cap, csc_date s, csc_date e, enum tx_pkind k, int hidden)
{
	if (n >= cap || find(per, n, s, e) >= 0)
		return n;
	per[n] = (tx_period){s, e, k, hidden, 0, -1, -1};
	return n + 1;
}

/* The span before [s, e] that the trend compares with. */
static void previous(const tx_period *p, csc_date *s, csc_date *e)
{
	int months = p->kind == TX_MONTH ? 1 : p->kind == TX_QUARTER ? 3 : 12;
	if (p->kind == TX_FYTD) {
		*s = csc_date_add_months(p->start, -12);
		*e = csc_month_last(csc_date_add_months(csc_month_first(p->end), -12));
		return;
	}
	*s = csc_date_add_months(p->start, -months);
	*e = p->start - 1;
}

int tx_periods(csc_date E, int months_shown, tx_period *per, int cap)
{
	int n = 0;
	csc_date m1 = csc_month_first(E);
	for (int i = months_shown - 1; i >= 0; i--) {
		csc_date s = csc_date_add_months(m1, -i);
		n = add(per, n, cap, s, csc_month_last(s), TX_MONTH, 0);
	}
	csc_date F = csc_fy_first(E), PF = csc_date_add_months(F, -12);
	for (int q = 0; q < 8; q++) {
		csc_date s = csc_date_add_months(PF, 3 * q);
		csc_date e = csc_date_add_months(s, 3) - 1;
		if (e <= E)
			n = add(per, n, cap, s, e, TX_QUARTER, 0);
	}
	n = add(per, n, cap, PF, F - 1, TX_FY, 0);
	n = add(per, n, cap, F, E, TX_FYTD, 0);
	n = add(per, n, cap, csc_date_add_months(m1, -11), E, TX_ROLL12, 0);
	int shown = n;
	for (int i = 0; i < shown; i++) {
		csc_date s, e;
		previous(&per[i], &s, &e);
		int j = find(per, n, s, e);
		if (j < 0 && n < cap) {
			n = add(per, n, cap, s, e, per[i].kind, 1);
			j = n - 1;
		}
		per[i].prev = j;
	}
	return n;
}
