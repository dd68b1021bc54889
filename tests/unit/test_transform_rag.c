/* test_transform_rag.c - RAG and trend boundaries, the period list, and
 * rag.csv for the front-door fixture (targets in
 * tests/data/transform/templates/comparators.csv, made up for the test). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "test_transform_util.h"

/* High, target 80, tolerance 5: 80 and 79.96 (shown 80.0) are on target;
 * 75 misses by exactly the tolerance; 74.9 by more. Low, target 20,
 * tolerance 2: 22 Amber; 22.05 shows as 22.1 (half away from zero) -> Red. */
static void rag_boundaries(void **state)
{
	(void)state;
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, 80, 80, 5), "Green");
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, 79.96, 80, 5), "Green");
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, 90, 80, 5), "Green");
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, 75, 80, 5), "Amber");
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, 74.9, 80, 5), "Red");
	assert_string_equal(tx_rag(TX_LOW, TX_PCT, 20, 20, 2), "Green");
	assert_string_equal(tx_rag(TX_LOW, TX_PCT, 22, 20, 2), "Amber");
	assert_string_equal(tx_rag(TX_LOW, TX_PCT, 22.05, 20, 2), "Red");
	assert_string_equal(tx_rag(TX_LOW, TX_PCT, 19, 20, 2), "Green");
	/* no tolerance: any miss is Red */
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, 79.9, 80, NAN), "Red");
	/* no target, no direction, no value: no RAG */
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, 50, NAN, 5), "");
	assert_string_equal(tx_rag(TX_NONE, TX_PCT, 50, 40, 5), "");
	assert_string_equal(tx_rag(TX_HIGH, TX_PCT, NAN, 40, 5), "");
}

static void trend(void **state)
{
	(void)state;
	assert_string_equal(tx_trend(TX_HIGH, TX_PCT, 81, 80), "better");
	assert_string_equal(tx_trend(TX_HIGH, TX_PCT, 79, 80), "worse");
	assert_string_equal(tx_trend(TX_LOW, TX_PCT, 10, 12), "better");
	assert_string_equal(tx_trend(TX_LOW, TX_PCT, 14, 12), "worse");
	/* both show as 80.0 */
	assert_string_equal(tx_trend(TX_HIGH, TX_PCT, 80.04, 79.96), "same");
	assert_string_equal(tx_trend(TX_NONE, TX_PCT, 81, 80), "");
	assert_string_equal(tx_trend(TX_HIGH, TX_PCT, 81, NAN), "");
}

/* period_end 2024-05, 2 months: Apr, May 2024; the four quarters of 2023-24
 * (none of 2024-25 has ended); FY 2023-24; Apr-May 2024; Jun 2023-May 2024.
 * period_end 2024-06, 1 month: June; five quarters (Q1 2024-25 = the year to
 * date, listed once); FY 2023-24; Jul 2023-Jun 2024. */
static void periods(void **state)
{
	(void)state;
	tx_period p[TX_MAXPER];
	int n = tx_periods(tt_d("2024-05-31"), 2, p, TX_MAXPER), shown = 0;
	for (int i = 0; i < n; i++)
		shown += !p[i].hidden;
	assert_int_equal(shown, 9);
	assert_int_equal(p[0].start, tt_d("2024-04-01"));
	assert_int_equal(p[1].end, tt_d("2024-05-31"));
	assert_int_equal(p[2].start, tt_d("2023-04-01"));
	assert_int_equal(p[5].end, tt_d("2024-03-31"));
	assert_int_equal(p[6].kind, TX_FY);
	assert_int_equal(p[7].start, tt_d("2024-04-01"));
	assert_int_equal(p[8].start, tt_d("2023-06-01"));
	/* previous periods: May <- April (shown), April <- March (hidden),
	 * year to date <- Apr-May 2023, rolling <- Jun 2022-May 2023 */
	assert_int_equal(p[1].prev, 0);
	assert_true(p[p[0].prev].hidden);
	assert_int_equal(p[p[0].prev].start, tt_d("2024-03-01"));
	assert_int_equal(p[p[7].prev].end, tt_d("2023-05-31"));
	assert_int_equal(p[p[8].prev].start, tt_d("2022-06-01"));
	assert_int_equal(p[p[2].prev].start, tt_d("2023-01-01"));

	n = tx_periods(tt_d("2024-06-30"), 1, p, TX_MAXPER);
	shown = 0;
	for (int i = 0; i < n; i++)
		shown += !p[i].hidden;
	assert_int_equal(shown, 8);
	assert_int_equal(p[5].start, tt_d("2024-04-01"));
	assert_int_equal(p[5].end, tt_d("2024-06-30"));
	assert_int_equal(p[7].start, tt_d("2023-07-01"));
}

/* Which periods get drill-down rows. period_end 2024-05 (periods() above):
 * report drills into the 2 months, 4 quarters, FY and year to date, not the
 * rolling 12 months (p[8]); all into the 9 shown; hidden ones never.
 * period_end 2024-03: the rolling 12 months Apr 2023-Mar 2024 is the year to
 * date, listed once as such, so report drills into it. */
static void drilled_periods(void **state)
{
	(void)state;
	tx_period p[TX_MAXPER];
	int n = tx_periods(tt_d("2024-05-31"), 2, p, TX_MAXPER);
	int report = 0, all = 0;
	for (int i = 0; i < n; i++) {
		report += tx_period_drilled(&p[i], CSC_DRILL_REPORT);
		all += tx_period_drilled(&p[i], CSC_DRILL_ALL);
		if (p[i].hidden) {
			assert_false(tx_period_drilled(&p[i], CSC_DRILL_REPORT));
			assert_false(tx_period_drilled(&p[i], CSC_DRILL_ALL));
		}
	}
	assert_int_equal(report, 8);
	assert_int_equal(all, 9);
	assert_int_equal(p[8].kind, TX_ROLL12);
	assert_false(tx_period_drilled(&p[8], CSC_DRILL_REPORT));
	assert_true(tx_period_drilled(&p[8], CSC_DRILL_ALL));
	assert_true(tx_period_drilled(&p[7], CSC_DRILL_REPORT)); /* year to date */
	assert_true(tx_period_drilled(&p[6], CSC_DRILL_REPORT)); /* FY 2023-24 */

	n = tx_periods(tt_d("2024-03-31"), 1, p, TX_MAXPER);
	int fytd = -1, roll = 0;
	for (int i = 0; i < n; i++) {
		if (p[i].hidden)
			continue;
		if (p[i].start == tt_d("2023-04-01") && p[i].end == tt_d("2024-03-31"))
			fytd = i;
		roll += p[i].kind == TX_ROLL12;
	}
	assert_int_equal(roll, 0);
	assert_true(fytd >= 0);
	assert_int_equal(p[fytd].kind, TX_FYTD);
	assert_true(tx_period_drilled(&p[fytd], CSC_DRILL_REPORT));
}

/* The engine: drill-down rows only for drilled periods, every period still
 * counted. FD fixture, May 2024: FD01 counts 6 contacts in May (frontdoor
 * test) and 7 in the rolling 12 months Jun 2023-May 2024, whose figure is in
 * measures.csv under both settings, drill-down rows only under all, and
 * drilldown_periods.csv lists exactly the drilled periods. */
static void drilldown_periods_setting(void **state)
{
	(void)state;
	const char *conf = "period_end = 2024-05\npopulation_2023 = 1\npopulation_2024 = 1\n";
	tx_engine *e = tt_run("fd", conf);
	long num, den;
	double v;
	assert_int_equal(tx_result(e, "FD01", "", tt_d("2023-06-01"), tt_d("2024-05-31"), &num, &den, &v), 0);
	long r12 = num;
	assert_int_equal(r12, 7); /* the fixture's contacts: 6 in May, 1 in April 2024 */
	assert_int_equal(tt_count_lines("drilldown_rows.csv", ",2023-06-01,2024-05-31,"), 0);
	assert_true(tt_count_lines("drilldown_rows.csv", "FD01,,2024-05-01,2024-05-31,") == 6);
	assert_int_equal(tt_count_lines("drilldown_periods.csv", "2023-06-01,2024-05-31,"), 0);
	assert_int_equal(tt_count_lines("drilldown_periods.csv", "\n"), 9); /* header + 8 */
	assert_true(tt_has_line("drilldown_periods.csv", "2024-04-01,2024-05-31,"));
	/* drilldown.csv itself: each contact's records once, with the rows of
	 * drilldown_periods.csv (1 April, 2 May, 3-6 the quarters of 2023-24,
	 * 7 that year, 8 the year to date April-May 2024) it counts in. K1,
	 * 3 May: May and the year to date; K6, 30 April: April and the year to
	 * date. K1's group holds its 5 records (FD01-FD05), K6's 4 (no FD05: not
	 * a police contact). */
	assert_true(tt_has_line("drilldown.csv", "5,FD01,,2;8,C1,K1,numerator,contact on 2024-05-03\n"));
	assert_true(tt_has_line("drilldown.csv", ",FD05,,2;8,C1,K1,numerator,\"police contact, outcome IA\"\n"));
	assert_true(tt_has_line("drilldown.csv", "4,FD01,,1;8,C6,K6,numerator,contact on 2024-04-30\n"));
	tt_done(e);

	char all[256];
	snprintf(all, sizeof all, "%sdrilldown_periods = all\n", conf);
	e = tt_run("fd", all);
	assert_int_equal(tx_result(e, "FD01", "", tt_d("2023-06-01"), tt_d("2024-05-31"), &num, &den, &v), 0);
	assert_int_equal(num, r12);
	assert_int_equal(tt_count_lines("drilldown_rows.csv", "FD01,,2023-06-01,2024-05-31,"), (int)r12);
	assert_int_equal(tt_count_lines("drilldown_periods.csv", "\n"), 10);
	assert_true(tt_has_line("drilldown_periods.csv", "2023-06-01,2024-05-31,"));
	/* the rolling 12 months is row 9: both contacts count in it too */
	assert_true(tt_has_line("drilldown.csv", "5,FD01,,2;8;9,C1,K1,numerator,contact on 2024-05-03\n"));
	assert_true(tt_has_line("drilldown.csv", "4,FD01,,1;8;9,C6,K6,numerator,contact on 2024-04-30\n"));
	tt_done(e);
}

/* FD fixture, May 2024 (see test_transform_frontdoor.c for the figures):
 * FD02 33.3 (Low) vs target 30 tol 5 -> Amber; trend vs April 0.0 -> worse.
 * FD03 50 (High) vs 60 tol 10: misses by exactly 10 -> Amber; April 100 ->
 * worse. FD01 (a flow count: target 5 a month, tol 1) 6 -> Amber; year to
 * date Apr-May 7 vs 10 (2 months) -> Green, previous Apr-May 2023 had 0 ->
 * worse. FD04 has no direction: comparators shown, no RAG, no trend. */
static void rag_csv(void **state)
{
	(void)state;
	tx_engine *e = tt_run("fd", "period_end = 2024-05\npopulation_2023 = 1\npopulation_2024 = 1\n");
	assert_true(tt_has_line("rag.csv", "FD02,,2024-05-01,2024-05-31,Low,30,5,22.5,21,20,Amber,worse\n"));
	assert_true(tt_has_line("rag.csv", "FD03,,2024-05-01,2024-05-31,High,60,10,80,85,82,Amber,worse\n"));
	assert_true(tt_has_line("rag.csv", "FD03,,2024-04-01,2024-04-30,High,60,10,80,85,82,Green,\n"));
	assert_true(tt_has_line("rag.csv", "FD01,,2024-05-01,2024-05-31,Low,5,1,,,,Amber,worse\n"));
	assert_true(tt_has_line("rag.csv", "FD01,,2024-04-01,2024-05-31,Low,10,2,,,,Green,worse\n"));
	assert_true(tt_has_line("rag.csv", "FD04,,2024-05-01,2024-05-31,\xe2\x80\x94,,,30,,,,\n"));
	/* the previous FY has no comparators row (2023-24): nothing */
	assert_true(tt_has_line("rag.csv", "FD02,,2023-04-01,2024-03-31,Low,,,,,,,\n"));
	tt_done(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rag_boundaries),
		cmocka_unit_test(trend),
		cmocka_unit_test(periods),
		cmocka_unit_test(drilled_periods),
		cmocka_unit_test(drilldown_periods_setting),
		cmocka_unit_test(rag_csv),
	};
	return cmocka_run_group_tests_name("transform_rag", tests, NULL, NULL);
}
