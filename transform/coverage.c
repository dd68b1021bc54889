/* coverage.c - the periods of a run against the date the data runs to
 * (csc_coverage.h): a period that starts after it is not computed at all
 * (no figure rather than a zero), and coverage.csv says how far each input
 * runs and whether the run's period is partial (written by the engine with
 * its other outputs, so a failed run leaves the previous one's). csc-run refuses a run
 * period that starts after the data; what reaches here is a period whose
 * last months (a quarter) may lie after it. */
#include "csc_coverage.h"
#include "csc_diag.h"
#include "tx.h"

int tx_periods_covered(tx_period *per, int n, csc_date data_to)
{
	if (data_to == CSC_NODATE)
		return n;
	int map[TX_MAXPER], k = 0;
	for (int i = 0; i < n && i < TX_MAXPER; i++) {
		map[i] = -1;
		if (per[i].start <= data_to) {
			map[i] = k;
			per[k++] = per[i];
		}
	}
	/* a kept period's previous one is earlier, so it is kept too */
	for (int i = 0; i < k; i++)
		if (per[i].prev >= 0)
			per[i].prev = map[per[i].prev];
	return k;
}

int tx_coverage(const csc_conf *c, const char *staging, tx_period *per, int *np,
		csc_coverage *cv)
{
	csc_coverage_init(cv, c);
	if (csc_coverage_read(cv, staging, 1) != 0)
		return CSC_EXIT_INPUT;
	int before = *np;
	*np = tx_periods_covered(per, *np, cv->data_to);
	if (*np < before) {
		char why[200];
		csc_info("%d period(s) start after the data and have no figures: %s", before - *np,
			 csc_coverage_says(cv, cv->limit, why, sizeof why));
	}
	return 0;
}
