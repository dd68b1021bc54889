/* test_transform_frontdoor.c - FD01-FD09 on tests/data/transform/fd, worked
 * by hand. Bank holidays used: 2024-05-06 (Mon, early May).
 *
 * Contacts (period May 2024 unless said):
 *   K1 C1 Fri 03/05, done Tue 07/05: wd = Sat, Sun, Mon 6 (bank holiday) not
 *      working, Tue 7 is 1 -> within 1 day. Police (6), outcome IA.
 *   K2 C2 Fri 03/05, done Wed 08/05: wd = 2 -> late. Police, REF.
 *   K3 C3 10/05, not completed -> denominator only. Source 1, REF.
 *   K4 C4 Fri 31/05 (last day), done same day: wd 0 -> within. Source 5, NFA.
 *   K5 01/06 -> not May.  K6 30/04 -> April only (done same day, NFA).
 *   K7 C7 15/05 done 14/05: completed before received -> FD03 excluded, dq.
 *      Police, EH.
 *   K8 C8 20/05 done 2028-01-05: outside the calendar (2015-2027) -> FD03
 *      excluded, dq. Source 2, OTH.
 * May: FD01 = 6 (K1 K2 K3 K4 K7 K8). FD02 = REF K2 K3 = 2/6.
 *   FD03 = K1 K4 / (K1 K2 K3 K4) = 2/4 = 50. FD04 = K1 K2 K7 = 3/6 = 50.
 *   FD05 = IA among police = K1 = 1/3.
 * April: FD01 = 1, FD02 0/1 = 0 (a real 0%), FD03 1/1, FD05 0/0 = empty.
 * Year to date Apr-May: FD01 7, FD03 3/5 = 60.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "test_transform_util.h"

static const char *conf_referral = "period_end = 2024-05\npopulation_2023 = 10000\n"
				   "population_2024 = 20000\n";
static const char *conf_closure = "period_end = 2024-05\npopulation_2023 = 10000\n"
				  "population_2024 = 20000\nrereferral_basis = closure\n";

static void contacts_may(void **state)
{
	(void)state;
	tx_engine *e = tt_run("fd", conf_referral);
	FIG(e, "FD01", "", "2024-05-01", "2024-05-31", 6, -1, 6);
	FIG(e, "FD02", "", "2024-05-01", "2024-05-31", 2, 6, 100.0 * 2 / 6);
	FIG(e, "FD03", "", "2024-05-01", "2024-05-31", 2, 4, 50);
	FIG(e, "FD04", "", "2024-05-01", "2024-05-31", 3, 6, 50);
	FIG(e, "FD05", "", "2024-05-01", "2024-05-31", 1, 3, 100.0 / 3);
	/* drill-down: K1 counted within a day across the bank holiday */
	assert_true(tt_has_line("drilldown_rows.csv",
				"FD03,,2024-05-01,2024-05-31,C1,K1,numerator,"
				"\"completed 2024-05-07, 1 working day after the contact\""));
	assert_true(tt_has_line("drilldown_rows.csv", "FD03,,2024-05-01,2024-05-31,C2,K2,denominator,"));
	assert_true(tt_has_line("drilldown_rows.csv", "FD03,,2024-05-01,2024-05-31,C7,K7,excluded,"));
	assert_true(tt_has_line("drilldown_rows.csv", "FD03,,2024-05-01,2024-05-31,C8,K8,excluded,"));
	/* each finding once, whatever the number of periods holding it */
	assert_int_equal(tt_count_lines("dq.csv", "completed_before_contact,FD03,C7,K7,2024-05-14,"), 1);
	assert_int_equal(tt_count_lines("dq.csv", "outside_calendar,FD03,C8,K8,2028-01-05,"), 1);
	tt_done(e);
}

static void contacts_april_and_zero_denominator(void **state)
{
	(void)state;
	tx_engine *e = tt_run("fd", conf_referral);
	FIG(e, "FD01", "", "2024-04-01", "2024-04-30", 1, -1, 1);
	FIG(e, "FD02", "", "2024-04-01", "2024-04-30", 0, 1, 0);
	FIG(e, "FD03", "", "2024-04-01", "2024-04-30", 1, 1, 100);
	FIG(e, "FD05", "", "2024-04-01", "2024-04-30", 0, 0, EMPTY);
	/* a quarter with no contacts: the count is 0, the percentages empty */
	FIG(e, "FD01", "", "2024-01-01", "2024-03-31", 0, -1, 0);
	FIG(e, "FD02", "", "2024-01-01", "2024-03-31", 0, 0, EMPTY);
	FIG(e, "FD01", "", "2024-04-01", "2024-05-31", 7, -1, 7);
	FIG(e, "FD03", "", "2024-04-01", "2024-05-31", 3, 5, 60);
	assert_true(tt_has_line("measures.csv", "FD05,,2024-04-01,2024-04-30,,0,0"));
	assert_true(tt_has_line("measures.csv", "FD01,,2024-04-01,2024-04-30,1,1,\n"));
	tt_done(e);
}

/* Referrals (cin_episodes.csv):
 *   A: 15/05/2023 (closed 10/06/2023) then 15/05/2024: the earlier referral
 *      is exactly 12 months before -> re-referral on the referral basis;
 *      closure 10/06/2023 is inside [15/05/2023, 15/05/2024) -> re-referral
 *      on the closure basis too.
 *   B: 14/05/2023 (closed same day) then 15/05/2024: 12 months + 1 day ->
 *      not a re-referral on either basis.
 *   C: 10/01/2022 closed 15/05/2023, then 15/05/2024 (NFA): referral basis
 *      no; closure exactly 12 months before -> yes on the closure basis.
 *   D: 28/02/2023 then 29/02/2024: 29/02/2024 - 12 months = 28/02/2023 ->
 *      re-referral (both bases: closed 01/03/2023).
 *   E: 27/02/2023 (closed same day) then 29/02/2024: one day more -> no.
 *   F: two referrals on 31/05/2024 (last day), the first NFA: a same-day
 *      referral is not "earlier" -> neither is a re-referral.
 *   G: 01/06/2024 -> outside every period.
 * May 2024: FD06 = A2 B2 C2 F1 F2 = 5; FD09 = C2 F1 = 2/5 = 40;
 *   FD08 = A2 = 1/5 = 20 (referral basis), A2 C2 = 2/5 = 40 (closure).
 * Jan-Mar 2024: FD06 = D2 E2 = 2; FD08 = D2 = 1/2 on both bases.
 * FD07 (12 months ending 31/05/2024, i.e. after 31/05/2023): A2 B2 C2 D2 E2
 *   F1 F2 = 7 / 20000 (population 2024) x 10000 = 3.5.
 *   Apr 2023-Mar 2024: after 31/03/2023 -> A1 B1 D2 E2 = 4 -> 2.0.
 *   Apr-Jun 2023 uses population 2023 (10000): after 30/06/2022 -> A1 B1 D1
 *   E1 = 4 -> 4.0.
 */
static void referrals_referral_basis(void **state)
{
	(void)state;
	tx_engine *e = tt_run("fd", conf_referral);
	FIG(e, "FD06", "", "2024-05-01", "2024-05-31", 5, -1, 5);
	FIG(e, "FD08", "", "2024-05-01", "2024-05-31", 1, 5, 20);
	FIG(e, "FD09", "", "2024-05-01", "2024-05-31", 2, 5, 40);
	FIG(e, "FD06", "", "2024-01-01", "2024-03-31", 2, -1, 2);
	FIG(e, "FD08", "", "2024-01-01", "2024-03-31", 1, 2, 50);
	FIG(e, "FD07", "", "2024-05-01", "2024-05-31", 7, 20000, 3.5);
	FIG(e, "FD07", "", "2023-04-01", "2024-03-31", 4, 20000, 2);
	FIG(e, "FD07", "", "2023-04-01", "2023-06-30", 4, 10000, 4);
	FIG(e, "FD06", "", "2023-04-01", "2023-06-30", 2, -1, 2);
	/* April: no referrals -> 0 referrals and an empty re-referral rate */
	FIG(e, "FD06", "", "2024-04-01", "2024-04-30", 0, -1, 0);
	FIG(e, "FD08", "", "2024-04-01", "2024-04-30", 0, 0, EMPTY);
	assert_true(tt_has_line("drilldown_rows.csv", "FD08,,2024-05-01,2024-05-31,A,A/2,numerator,"
				"re-referral: A/1 referred on 2023-05-15"));
	assert_true(tt_has_line("drilldown_rows.csv", "FD08,,2024-05-01,2024-05-31,B,B/2,denominator,"));
	assert_true(tt_has_line("drilldown_rows.csv", "FD08,,2024-01-01,2024-03-31,D,D/2,numerator,"));
	assert_true(tt_has_line("drilldown_rows.csv", "FD08,,2024-01-01,2024-03-31,E,E/2,denominator,"));
	tt_done(e);
}

static void referrals_closure_basis(void **state)
{
	(void)state;
	tx_engine *e = tt_run("fd", conf_closure);
	FIG(e, "FD08", "", "2024-05-01", "2024-05-31", 2, 5, 40);
	FIG(e, "FD08", "", "2024-01-01", "2024-03-31", 1, 2, 50);
	assert_true(tt_has_line("drilldown_rows.csv", "FD08,,2024-05-01,2024-05-31,C,C/2,numerator,"
				"re-referral: C/1 closed on 2023-05-15"));
	assert_true(tt_has_line("drilldown_rows.csv", "FD08,,2024-05-01,2024-05-31,B,B/2,denominator,"));
	tt_done(e);
}

/* A missing population year for a shown period stops the run (exit 4);
 * the quarters of 2023-24 need population_2023. */
static void missing_population(void **state)
{
	(void)state;
	tt_run_fail("fd", "period_end = 2024-05\npopulation_2024 = 20000\n", 4);
	tt_run_fail("fd", "period_end = 2024-05\npopulation_2023 = 20000\n", 4);
}

/* The period itself outside the bank-holiday calendar (2015-2027) is fatal. */
static void period_outside_calendar(void **state)
{
	(void)state;
	tt_run_fail("fd", "period_end = 2028-05\npopulation_2027 = 1\npopulation_2028 = 1\n", 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(contacts_may),
		cmocka_unit_test(contacts_april_and_zero_denominator),
		cmocka_unit_test(referrals_referral_basis),
		cmocka_unit_test(referrals_closure_basis),
		cmocka_unit_test(missing_population),
		cmocka_unit_test(period_outside_calendar),
	};
	return cmocka_run_group_tests_name("transform_frontdoor", tests, NULL, NULL);
}
