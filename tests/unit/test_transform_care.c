/* test_transform_care.c - LA01-LA09 and CL01-CL03 on
 * tests/data/transform/la, EH01-EH04 on tests/data/transform/eh, worked by
 * hand for May 2024 (snapshot 31/05/2024: end - 12 months = 31/05/2023,
 * end - 24 months = 31/05/2022, end - 30 months = 30/11/2021).
 *
 * Children in care (episodes by DECOM; REC X1 joins episodes):
 *   L1 S 01/10/2021 -X1- P 10/01/2022 -X1- L 01/06/2022 (open): one period of
 *      care from 01/10/2021; placements [01/10/2021, 10/01/2022) and from
 *      10/01/2022 (the L episode changes legal status only). Age 12.
 *      LA03: 1 placement in the 12 months. LA04: in care since before
 *      30/11/2021, placement since before 31/05/2022 -> numerator.
 *   L2 S 01/03/2024 open, PLACE K2 PR4 -> LA08. LA09: the 20th working day
 *      after Fri 01/03/2024 skips Good Friday 29/03 and Easter Monday 01/04
 *      -> due Tue 02/04/2024; reviewed 02/04 -> next due 02/07 > end -> on time.
 *      Missing M 03/05 and 20/05 (A 05/05 is "away", not counted).
 *   L3 S 01/01/2023 -X1- P 01/06/2023 -X1- T 01/12/2023 -X1- B 01/03/2024:
 *      placements [01/01/2023, 01/06/2023) (last day 31/05/2023 is not after
 *      end - 12 months: does not count), [01/06, 01/12), [01/12, 01/03),
 *      [01/03, open) -> 3 -> LA03 numerator. K1 but PR1 -> not LA08.
 *   L4 LS V3 (short breaks) -> never looked after; LA01 drill-down excluded.
 *   L5 01/01/2023 to 31/05/2024 REC E45 (ceases on the snapshot date: not
 *      looked after on 31/05; ceased in May; SGO).
 *   L6 01/02/2024 to 10/05/2024 REC E4A (returned home).
 *   L7 01/02/2023 to 20/05/2024 REC E13.
 *   L8 two open episodes 01/06/2023 and 01/08/2023 with no X1: overlapping
 *      (dq) -> two periods of care; counted once in LA01; the flow for
 *      Jul-Sep 2023 does not reconcile (1 + 1 - 0 != 1): dq la02_flow.
 *   L9 S 01/06/2021 -X1- P 01/01/2023 (open), age 9: LA04 denominator only
 *      (placement since 01/01/2023 > 31/05/2022).
 * May: LA01 = L1 L2 L3 L8 L9 = 5 / 20000 x 10000 = 2.5; April (30/04) adds
 *   L5 L6 L7 = 8 -> 4. LA02 May started 0, ceased L5 L6 L7 = 3 (8 + 0 - 3 =
 *   5). Jan-Mar 2024 started L2 L6 = 2 (L4's short breaks do not start care).
 *   LA03 = L3 / 5 = 20. LA04 = L1 / (L1 L9) = 50 (L2 L3 L8 in care < 2.5
 *   years). LA05 May children 1, episodes 2; April 1 and 1 (L3).
 *   LA06 = E45 L5 / (L5 L6 L7) = 1/3. LA07 = L6 = 1. LA08 = L2 = 1.
 *   LA09 = L2 / (L1 L2 L3 L8 L9) = 20 (the others have no reviews).
 *
 * Care leavers (OC3; cohort by 17th-21st birthday in period):
 *   Y1 18th birthday 15/05/2024 (two rows: the last, YES F2 B1, counts).
 *   Y2 21st 31/05/2024 (last day): NO G4 U2.  Y3 19th 02/05: DIED, excluded.
 *   Y4 17th 20/05: RHOM, excluded.
 *   May: 17-18 = 1/1 (100) on all three; 19-21 = 0/1; all = 1/2 = 50.
 *   Y5 born 29/02/2008: 17th birthday in common year 2025 is 01/03/2025 ->
 *   in March 2025, not February 2025 (second run, period_end 2025-03).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "test_transform_util.h"

#define MAY "2024-05-01", "2024-05-31"
#define APR "2024-04-01", "2024-04-30"
static const char *conf = "period_end = 2024-05\npopulation_2023 = 10000\npopulation_2024 = 20000\n";

static void looked_after(void **state)
{
	(void)state;
	tx_engine *e = tt_run("la", conf);
	FIG(e, "LA01", "", MAY, 5, 20000, 2.5);
	FIG(e, "LA01", "", APR, 8, 20000, 4);
	FIG(e, "LA02", "started", MAY, 0, -1, 0);
	FIG(e, "LA02", "ceased", MAY, 3, -1, 3);
	FIG(e, "LA02", "started", "2024-01-01", "2024-03-31", 2, -1, 2);
	FIG(e, "LA02", "ceased", "2024-01-01", "2024-03-31", 0, -1, 0);
	FIG(e, "LA03", "", MAY, 1, 5, 20);
	FIG(e, "LA04", "", MAY, 1, 2, 50);
	FIG(e, "LA05", "children", MAY, 1, -1, 1);
	FIG(e, "LA05", "episodes", MAY, 2, -1, 2);
	FIG(e, "LA05", "children", APR, 1, -1, 1);
	FIG(e, "LA05", "episodes", APR, 1, -1, 1);
	FIG(e, "LA06", "", MAY, 1, 3, 100.0 / 3);
	FIG(e, "LA06", "", APR, 0, 0, EMPTY);
	FIG(e, "LA07", "", MAY, 1, -1, 1);
	FIG(e, "LA08", "", MAY, 1, -1, 1);
	FIG(e, "LA09", "", MAY, 1, 5, 20);
	assert_true(tt_has_line("drilldown_rows.csv", "LA01,,2024-05-01,2024-05-31,L4,episodes.csv:10,excluded,"
				"short breaks only (LS V3)"));
	assert_true(tt_has_line("drilldown_rows.csv", "LA09,,2024-05-01,2024-05-31,L2,episodes.csv:5,numerator,"));
	assert_true(tt_has_line("drilldown_rows.csv", "LA03,,2024-05-01,2024-05-31,L3,episodes.csv:6,numerator,"
				"3 placements"));
	assert_true(tt_has_line("dq.csv", "overlapping_episodes,LA01,L8,episodes.csv:15,2023-08-01,"));
	assert_true(tt_has_line("dq.csv", "la02_flow,LA02,L8,,2023-09-30,"));
	/* L1's X1 chain is one period of care: no flow finding, one start */
	assert_false(tt_has_line("dq.csv", ",L1,"));
	tt_done(e);
}

static void care_leavers(void **state)
{
	(void)state;
	tx_engine *e = tt_run("la", conf);
	static const char *const m[] = {"CL01", "CL02", "CL03"};
	for (int i = 0; i < 3; i++) {
		FIG(e, m[i], "17-18", MAY, 1, 1, 100);
		FIG(e, m[i], "19-21", MAY, 0, 1, 0);
		FIG(e, m[i], "all", MAY, 1, 2, 50);
		FIG(e, m[i], "all", APR, 0, 0, EMPTY);
	}
	assert_true(tt_has_line("drilldown_rows.csv", "CL01,19-21,2024-05-01,2024-05-31,Y3,oc3.csv:5,excluded,IN_TOUCH DIED"));
	assert_true(tt_has_line("drilldown_rows.csv", "CL01,all,2024-05-01,2024-05-31,Y4,oc3.csv:6,excluded,IN_TOUCH RHOM"));
	assert_true(tt_has_line("drilldown_rows.csv", "CL01,all,2024-05-01,2024-05-31,Y1,oc3.csv:2,excluded,"));
	tt_done(e);
	e = tt_run("la", "period_end = 2025-03\npopulation_2023 = 1\npopulation_2024 = 1\npopulation_2025 = 1\n");
	FIG(e, "CL01", "17-18", "2025-03-01", "2025-03-31", 1, 1, 100);
	FIG(e, "CL02", "17-18", "2025-03-01", "2025-03-31", 1, 1, 100);
	FIG(e, "CL03", "17-18", "2025-03-01", "2025-03-31", 1, 1, 100);
	FIG(e, "CL01", "all", "2025-02-01", "2025-02-28", 0, 0, EMPTY);
	tt_done(e);
}

/* Early help (May 2024):
 *   P1 E1 ended 14/05/2023, E2 started 14/05/2024: exactly 12 months before
 *      -> repeat. E2 tier 3 completed 20/05; ended 31/05 PROGRESS.
 *   P2 E3 ended 13/05/2023, E4 started 14/05/2024: 12 months + 1 day -> not
 *      a repeat. E4 tier 2 completed 02/05.
 *   P3 E5 started 02/04, tier 2 completed 10/05, ended 15/05 STEPUP.
 * May: EH01 = E4 E5 = 2; EH02 = E2 = 1; EH03 = E2 / (E2 E4) = 50;
 *   EH04 = E2 / (E2 E5) = 50. April: EH03 = 0/1 (E5) = 0; EH04 empty.
 */
static void early_help(void **state)
{
	(void)state;
	tx_engine *e = tt_run("eh", conf);
	FIG(e, "EH01", "", MAY, 2, -1, 2);
	FIG(e, "EH02", "", MAY, 1, -1, 1);
	FIG(e, "EH03", "", MAY, 1, 2, 50);
	FIG(e, "EH04", "", MAY, 1, 2, 50);
	FIG(e, "EH03", "", APR, 0, 1, 0);
	FIG(e, "EH04", "", APR, 0, 0, EMPTY);
	assert_true(tt_has_line("drilldown_rows.csv", "EH03,,2024-05-01,2024-05-31,P1,P1/E2,numerator,"));
	assert_true(tt_has_line("drilldown_rows.csv", "EH03,,2024-05-01,2024-05-31,P2,P2/E4,denominator,"));
	/* only early help is staged: the other strands are not available */
	assert_int_equal(tx_available(e, tx_measure_index("FD01")), 0);
	assert_true(tt_has_line("definitions.csv", "FD01,Contacts received,count,Low,contacts,,"
				"no: contacts not configured,"));
	assert_false(tt_has_line("measures.csv", "FD01,"));
	assert_false(tt_has_line("measures.csv", "LA01,"));
	tt_done(e);
}

/* LA06's 12_months breakdown (tx_windows): periods of care ending in
 * [end - 12 months + 1 day, end], on tests/data/transform/la12, one
 * single-episode period of care per child, all from DECOM 2023-06-01 but
 * W6 and W7 (2022-01-01):
 *   W1 ends Thu 29/02/2024 E45 (SGO)    W2 ends 28/02/2024 E46 (SGO)
 *   W3 ends 28/02/2025 E4A              W4 ends 01/03/2025 E47 (SGO)
 *   W5 ends 15/06/2024 E13              W6 ends 28/02/2023 E4A
 *   W7 ends 01/03/2023 E4A
 * period_end 2025-02:
 *   Feb 2025: window [29/02/2024, 28/02/2025] (28/02/2024 is exactly 12
 *     months before the end: out) = W1 W3 W5 -> 1/3; the month itself W3
 *     -> 0/1. W4 ends after the window.
 *   Jan 2025: [01/02/2024, 31/01/2025] = W1 W2 W5 -> 2/3.
 *   Oct-Dec 2024: [01/01/2024, 31/12/2024] = W1 W2 W5 -> 2/3; the quarter
 *     itself has no exits (no cases).
 *   FY to date 01/04/2024-28/02/2025: the window is Feb 2025's (1/3), the
 *     period itself W3 W5 -> 0/2.
 *   Previous FY 2023-24: [01/04/2023, 31/03/2024] = W1 W2 -> 2/2, as the
 *     period itself (W6 and W7 end before April 2023).
 * period_end 2024-02 (a leap year): Feb 2024's window [01/03/2023,
 *   29/02/2024] = W1 W2 W7 (its first day) -> 2/3; W6 (28/02/2023) out.
 * period_end 2022-06: [01/07/2021, 30/06/2022] has no exits -> no cases.
 */
static void sgo_12_months(void **state)
{
	(void)state;
	const char *pop = "population_2021 = 1000\npopulation_2022 = 1000\npopulation_2023 = 1000\n"
			  "population_2024 = 1000\npopulation_2025 = 1000\n";
	char c[512];
	snprintf(c, sizeof c, "period_end = 2025-02\n%s", pop);
	tx_engine *e = tt_run("la12", c);
	FIG(e, "LA06", "12_months", "2025-02-01", "2025-02-28", 1, 3, 100.0 / 3);
	FIG(e, "LA06", "", "2025-02-01", "2025-02-28", 0, 1, 0);
	FIG(e, "LA06", "12_months", "2025-01-01", "2025-01-31", 2, 3, 200.0 / 3);
	FIG(e, "LA06", "12_months", "2024-10-01", "2024-12-31", 2, 3, 200.0 / 3);
	FIG(e, "LA06", "", "2024-10-01", "2024-12-31", 0, 0, EMPTY);
	FIG(e, "LA06", "12_months", "2024-04-01", "2025-02-28", 1, 3, 100.0 / 3);
	FIG(e, "LA06", "", "2024-04-01", "2025-02-28", 0, 2, 0);
	FIG(e, "LA06", "12_months", "2023-04-01", "2024-03-31", 2, 2, 100);
	FIG(e, "LA06", "", "2023-04-01", "2024-03-31", 2, 2, 100);
	/* the drill-down names the window's records under the period's row */
	assert_true(tt_has_line("drilldown_rows.csv", "LA06,12_months,2025-02-01,2025-02-28,W1,episodes.csv:2,numerator,"
				"\"ceased 2024-02-29, REC E45\""));
	assert_true(tt_has_line("drilldown_rows.csv", "LA06,12_months,2025-02-01,2025-02-28,W5,episodes.csv:6,denominator,"
				"\"ceased 2024-06-15, REC E13\""));
	assert_false(tt_has_line("drilldown_rows.csv", "LA06,12_months,2025-02-01,2025-02-28,W2,"));
	assert_true(tt_has_line("definitions.csv", "LA06,") && tt_has_line("measures.csv", "LA06,12_months,"));
	tt_done(e);
	snprintf(c, sizeof c, "period_end = 2024-02\n%s", pop);
	e = tt_run("la12", c);
	FIG(e, "LA06", "12_months", "2024-02-01", "2024-02-29", 2, 3, 200.0 / 3);
	FIG(e, "LA06", "", "2024-02-01", "2024-02-29", 2, 2, 100);
	tt_done(e);
	snprintf(c, sizeof c, "period_end = 2022-06\n%s", pop);
	e = tt_run("la12", c);
	FIG(e, "LA06", "12_months", "2022-06-01", "2022-06-30", 0, 0, EMPTY);
	FIG(e, "LA06", "12_months", "2021-07-01", "2022-06-30", 0, 0, EMPTY);
	tt_done(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(looked_after),
		cmocka_unit_test(care_leavers),
		cmocka_unit_test(early_help),
		cmocka_unit_test(sgo_12_months),
	};
	return cmocka_run_group_tests_name("transform_care", tests, NULL, NULL);
}
