/* Report cells: rounding to 1 dp halves away from zero, "no cases", small
 * number suppression, and the period columns with their headings. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../load/report_cell.h"
#include "../../load/report_period.h"

static report_data_measure pct(double num, double den)
{
	report_data_measure m = {.has_value = den > 0, .has_num = 1, .has_den = 1, .num = num, .den = den};
	m.value = den > 0 ? num / den * 100 : 0;
	return m;
}

static void rounding_halves_away(void **state)
{
	(void)state;
	/* 457/2000 = 22.85 exactly: 22.9, though the double 22.85 is below. */
	assert_true(report_cell_ratio1(457, 2000, 100) == 22.9);
	assert_true(report_cell_ratio1(1803, 2000, 100) == 90.2);   /* 90.15 */
	assert_true(report_cell_ratio1(83, 400, 100) == 20.8);      /* 20.75 */
	assert_true(report_cell_ratio1(1, 8, 100) == 12.5);
	assert_true(report_cell_ratio1(40, 180, 100) == 22.2);      /* 22.22 */
	assert_true(report_cell_ratio1(1, 2000, 100) == 0.1);       /* 0.05 */
	assert_true(report_cell_ratio1(1, 2001, 100) == 0.0);       /* 0.0499... */
	assert_true(report_cell_ratio1(1234, 56789, 10000) == 217.3); /* 217.2958 */
	assert_true(report_cell_ratio1(400, 56789, 10000) == 70.4);
	assert_true(report_cell_round1(22.85) == 22.9);
	assert_true(report_cell_round1(0.05) == 0.1);
	assert_true(report_cell_round1(-0.05) == -0.1);
	assert_true(report_cell_round1(1.25) == 1.3);
	assert_true(report_cell_round1(1.24999) == 1.2);
}

static void cells(void **state)
{
	(void)state;
	report_data_measure m = pct(457, 2000);
	report_cell c = report_cell_value(&m, REPORT_CELL_PCT, 0);
	assert_int_equal(c.why, REPORT_CELL_OK);
	assert_true(c.v == 0.229); /* stored as the fraction under 0.0% */
	assert_int_equal(c.fmt, XF_PCT);

	m = pct(0, 0);
	c = report_cell_value(&m, REPORT_CELL_PCT, 1);
	assert_int_equal(c.why, REPORT_CELL_NOCASES);
	assert_string_equal(c.text, "[z]"); /* GSS: not applicable */

	c = report_cell_value(NULL, REPORT_CELL_COUNT, 0);
	assert_int_equal(c.why, REPORT_CELL_MISSING);
	assert_string_equal(c.text, "[x]"); /* GSS: not available */
	c = report_cell_comparator("", REPORT_CELL_PCT);
	assert_int_equal(c.why, REPORT_CELL_NONE);
	assert_string_equal(c.text, "[x]");
	c = report_cell_comparator(NULL, REPORT_CELL_RATE);
	assert_string_equal(c.text, "[x]");

	report_data_measure n = {.has_value = 1, .value = 5, .has_num = 1, .num = 5};
	assert_int_equal(report_cell_value(&n, REPORT_CELL_COUNT, 1).why, REPORT_CELL_SUPPRESSED);
	assert_string_equal(report_cell_value(&n, REPORT_CELL_COUNT, 1).text, "[c]");
	assert_int_equal(report_cell_value(&n, REPORT_CELL_COUNT, 0).why, REPORT_CELL_OK);
	n.value = n.num = 6;
	assert_int_equal(report_cell_value(&n, REPORT_CELL_COUNT, 1).why, REPORT_CELL_OK);
	n.value = n.num = 0; /* 0 is not a small number to protect */
	assert_int_equal(report_cell_value(&n, REPORT_CELL_COUNT, 1).why, REPORT_CELL_OK);

	m = pct(1, 200); /* numerator 1 */
	assert_int_equal(report_cell_value(&m, REPORT_CELL_PCT, 1).why, REPORT_CELL_SUPPRESSED);
	m = pct(5, 5); /* denominator 5 */
	assert_int_equal(report_cell_value(&m, REPORT_CELL_PCT, 1).why, REPORT_CELL_SUPPRESSED);
	m = pct(6, 6);
	assert_int_equal(report_cell_value(&m, REPORT_CELL_PCT, 1).why, REPORT_CELL_OK);

	report_data_measure r = {.has_value = 1, .value = 217.29577911919563, .has_num = 1, .num = 1234,
			.has_den = 1, .den = 56789};
	c = report_cell_value(&r, REPORT_CELL_RATE, 1);
	assert_true(c.v == 217.3);
	assert_int_equal(c.fmt, XF_RATE);

	c = report_cell_comparator("22.5", REPORT_CELL_PCT);
	assert_true(c.v == 0.225);
	assert_int_equal(report_cell_comparator("", REPORT_CELL_PCT).why, REPORT_CELL_NONE);
	assert_int_equal(report_cell_kind_of("percentage"), REPORT_CELL_PCT);
	assert_int_equal(report_cell_kind_of("%"), REPORT_CELL_PCT);
	assert_int_equal(report_cell_kind_of("ratio"), -1);
}

static void month_columns(void **state)
{
	(void)state;
	report_period_col c[REPORT_PERIOD_MAX_COLS];
	int n = report_period_columns(REPORT_TPL_MONTHS, csc_date_make(2024, 2, 29), 6, c);
	assert_int_equal(n, 6);
	assert_string_equal(c[0].head, "Sep 23");
	assert_string_equal(c[5].head, "Feb 24");
	assert_int_equal(c[5].start, csc_date_make(2024, 2, 1));
	assert_int_equal(c[5].end, csc_date_make(2024, 2, 29));
	assert_int_equal(c[0].end, csc_date_make(2023, 9, 30));
	assert_int_equal(c[0].series, 1);
}

static void quarter_columns(void **state)
{
	(void)state;
	report_period_col c[REPORT_PERIOD_MAX_COLS];
	int n = report_period_columns(REPORT_TPL_QUARTERS, csc_date_make(2023, 12, 31), 6, c);
	assert_int_equal(n, 9); /* 4 + 3 quarters, 2 years */
	assert_string_equal(c[0].head, "Q1 2022-23");
	assert_int_equal(c[0].start, csc_date_make(2022, 4, 1));
	assert_string_equal(c[3].head, "Q4 2022-23");
	assert_int_equal(c[3].end, csc_date_make(2023, 3, 31));
	assert_string_equal(c[6].head, "Q3 2023-24");
	assert_string_equal(c[7].head, "2022-23");
	assert_int_equal(c[7].series, 0);
	assert_string_equal(c[8].head, "2023-24 to Dec 23");
	assert_int_equal(c[8].start, csc_date_make(2023, 4, 1));
	assert_int_equal(c[8].end, csc_date_make(2023, 12, 31));

	/* November: the Oct-Dec quarter has not ended, so it is not shown. */
	n = report_period_columns(REPORT_TPL_QUARTERS, csc_date_make(2023, 11, 30), 6, c);
	assert_int_equal(n, 8);
	assert_string_equal(c[5].head, "Q2 2023-24");
	assert_string_equal(c[7].head, "2023-24 to Nov 23");

	/* March: the current year is complete. */
	n = report_period_columns(REPORT_TPL_QUARTERS, csc_date_make(2024, 3, 31), 6, c);
	assert_int_equal(n, 10);
	assert_string_equal(c[9].head, "2023-24");

	report_period_col q;
	report_period_compare(REPORT_TPL_CMP_QUARTER, csc_date_make(2023, 11, 30), &q);
	assert_string_equal(q.head, "Q2 2023-24");
	assert_int_equal(q.end, csc_date_make(2023, 9, 30));
	report_period_compare(REPORT_TPL_CMP_QUARTER, csc_date_make(2024, 4, 30), &q);
	assert_string_equal(q.head, "Q4 2023-24");
	report_period_compare(REPORT_TPL_CMP_MONTH, csc_date_make(2024, 4, 30), &q);
	assert_string_equal(q.head, "Apr 24");
	assert_int_equal(q.start, csc_date_make(2024, 4, 1));
}

/* The cover's period title: earliest start to latest end, never the
 * first heading glued to the last ("Q1 2025-26 to 2026-27 to Oct 26"). */
static void span_titles(void **state)
{
	(void)state;
	report_period_col c[REPORT_PERIOD_MAX_COLS];
	char out[REPORT_PERIOD_SPAN];
	int n = report_period_columns(REPORT_TPL_QUARTERS, csc_date_make(2026, 10, 31), 6, c);
	report_period_span(c, n, out);
	assert_string_equal(out, "April 2025 to October 2026");
	n = report_period_columns(REPORT_TPL_MONTHS, csc_date_make(2026, 10, 31), 6, c);
	report_period_span(c, n, out);
	assert_string_equal(out, "May 2026 to October 2026");
	n = report_period_columns(REPORT_TPL_MONTHS, csc_date_make(2024, 2, 29), 1, c);
	report_period_span(c, n, out);
	assert_string_equal(out, "February 2024");
	/* a year that has ended: the last quarter and the year both end in March */
	n = report_period_columns(REPORT_TPL_QUARTERS, csc_date_make(2024, 3, 31), 6, c);
	report_period_span(c, n, out);
	assert_string_equal(out, "April 2022 to March 2024");
	report_period_span(c, 0, out);
	assert_string_equal(out, "");
}

/* Axes worked by hand (report_cell.h, report_cell_axis). */
static void axes(void **state)
{
	(void)state;
	double lo, hi, st;
	/* 80% to 95%: span 15, 2.25 each side = 77.75..97.25; (97.25-77.75)/5
	 * = 3.9 -> 5; out to 75%..100% */
	const double pct[] = {0.80, 0.95, 0.9};
	assert_int_equal(report_cell_axis(pct, 3, REPORT_CELL_PCT, &lo, &hi, &st), 0);
	assert_true(fabs(lo - 0.75) < 1e-12 && fabs(hi - 1.0) < 1e-12 && fabs(st - 0.05) < 1e-12);
	/* counts 435..517: span 82, 12.3 each side = 422.7..529.3; 21.32 -> 25;
	 * out to 400..550 */
	const double cnt[] = {517, 435, 493, 499, 445, 510};
	assert_int_equal(report_cell_axis(cnt, 6, REPORT_CELL_COUNT, &lo, &hi, &st), 0);
	assert_true(lo == 400 && hi == 550 && st == 25);
	/* 1%..3%: .3 points each side = .7%..3.3%; 2.6/5 = .52 points -> 1;
	 * out to 0%..4% */
	const double low[] = {0.01, 0.03};
	assert_int_equal(report_cell_axis(low, 2, REPORT_CELL_PCT, &lo, &hi, &st), 0);
	assert_true(lo == 0 && fabs(st - 0.01) < 1e-12 && fabs(hi - 0.04) < 1e-12);
	/* far from 0 it does not start at 0, and goes below 0 only for data
	 * below it: -5..5 -> -6.5..6.5, 13/5 = 2.6 -> 5: -10..10 */
	const double neg[] = {-5, 5};
	assert_int_equal(report_cell_axis(neg, 2, REPORT_CELL_RATE, &lo, &hi, &st), 0);
	assert_true(lo == -10 && hi == 10 && st == 5);
	/* near 100%: 96.55..100.45, .78 points -> 1: 96%..101%, kept to 100% */
	const double top[] = {0.97, 1.0};
	assert_int_equal(report_cell_axis(top, 2, REPORT_CELL_PCT, &lo, &hi, &st), 0);
	assert_true(hi == 1.0 && fabs(lo - 0.96) < 1e-12 && fabs(st - 0.01) < 1e-12);
	/* one value, twice: 20% of it each side, 32..48; 16/5 = 3.2 -> 5;
	 * out to 30..50 */
	const double same[] = {40, 40};
	assert_int_equal(report_cell_axis(same, 2, REPORT_CELL_RATE, &lo, &hi, &st), 0);
	assert_true(lo == 30 && hi == 50 && st == 5);
	/* all zero counts: 1 each side, -1..1; .4 -> .5, but counts step by 1;
	 * not below 0: 0..1 */
	const double zero[] = {0, 0};
	assert_int_equal(report_cell_axis(zero, 2, REPORT_CELL_COUNT, &lo, &hi, &st), 0);
	assert_true(lo == 0 && hi == 1 && st == 1);
	assert_int_equal(report_cell_axis(zero, 0, REPORT_CELL_COUNT, &lo, &hi, &st), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rounding_halves_away),
		cmocka_unit_test(cells),
		cmocka_unit_test(month_columns),
		cmocka_unit_test(quarter_columns),
		cmocka_unit_test(span_titles),
		cmocka_unit_test(axes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
