/*
 * pub_suppress.h - which figures of measures.csv may be published
 * (statistical disclosure control, ../shared/spec/PUBLISHING.md section 1).
 *
 * The unit is one row: a measure, breakdown and period with its value,
 * numerator and denominator. A suppressed row hides all three.
 *
 * Primary: a row whose numerator or denominator is more than 0 and less
 * than 6 (1 to 5 for whole counts; a count's value is its numerator). 0 is
 * a true zero and is shown.
 *
 * Relations: a total that is the sum of parts, found in the table itself:
 *  - a breakdown: in one period, the headline row (empty breakdown, else
 *    the breakdown `all`) and the other breakdowns of the measure;
 *  - a period group: for one measure and breakdown, a period longer than a
 *    month and (a) the month rows that tile it, (b) the tiling that takes at
 *    each step the longest other period starting there (a year to date is
 *    its quarters then its months; the previous year its quarters; the
 *    rolling 12 months a month then the year to date).
 * A relation counts only when it holds in the true figures (the parts'
 * numerators, or denominators, add up to the total's exactly): subtracting
 * in one that does not hold (a snapshot count, a rolling rate) recovers
 * nothing.
 *
 * Secondary, one measure at a time: relation by relation (breakdowns, then
 * period groups, in the order of breakdown and period), a relation with
 * exactly one suppressed row gets one more: its shown row with the smallest
 * numerator plus denominator that is not 0, ties to the first in table
 * order (a 0 only when nothing else is left), until no relation has exactly
 * one. Then, while elimination over all the relations of the measure still
 * works out a suppressed row (a combination of relations rather than one
 * subtraction), the first such row in table order gets the same choice made
 * among the shown rows of all the relations that contain it, and the pass
 * starts again. Table order is the order of `rows`; the same table gives
 * the same choices. Unit tests: tests/unit/test_pub_suppress.c.
 */
#ifndef PUB_SUPPRESS_H
#define PUB_SUPPRESS_H

#include <stddef.h>

#include "csc_date.h"

enum report_sup_state { REPORT_SUP_SHOWN, REPORT_SUP_PRIMARY, REPORT_SUP_SECONDARY };

/* One row of the table. */
typedef struct report_sup_row {
	const char *measure, *breakdown; /* breakdown "" = the headline row */
	csc_date start, end;
	int has_num, has_den;
	double num, den;
} report_sup_row;

/* Is this row small (primary suppression)? 1 or 0. */
int report_sup_primary(const report_sup_row *r);

/* Decide every row of the n rows: state[i] for rows[i]. Rows of one
 * measure need not be contiguous; table order (the index) breaks ties.
 * Returns the number of rows suppressed, or -1 when n is too large
 * (REPORT_SUP_MAX_ROWS) after reporting it; state is then all REPORT_SUP_PRIMARY so that
 * nothing is published by mistake. */
#define REPORT_SUP_MAX_ROWS 1000000
long report_sup_suppress(const report_sup_row *rows, size_t n, enum report_sup_state *state);

/* The relations report_sup_suppress protects, for checking and tests: calls fn
 * with the index of the total and of the parts of each, in a fixed order.
 * Returns the number of relations. */
typedef void (*report_sup_relation_fn)(void *ctx, size_t total, const size_t *parts, size_t nparts);
size_t report_sup_relations(const report_sup_row *rows, size_t n, report_sup_relation_fn fn, void *ctx);

#endif
