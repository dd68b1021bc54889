/* test_transform_protection.c - HP01-HP11 on tests/data/transform/hp,
 * worked by hand for May 2024 (snapshot 31/05/2024). Bank holidays:
 * 29/03/2024 Good Friday, 01/04/2024 Easter Monday, 06/05/2024 early May.
 *
 * HP01/HP02. H1 referred Thu 29/02/2024 (leap day); two assessments started
 *   Fri 01/03/2024. Working days after 01/03: March 4-28 = 19 (29th Good
 *   Friday), April 2-30 = 21 (1st Easter Monday), May 1-3 + 7-8 = 5 (6th
 *   bank holiday). Authorised 08/05 -> 45 (within: 3 bank holidays inside the
 *   window; 48 weekdays without them); authorised 09/05 -> 46 (late).
 *   Assessment basis: 1/2 = 50. Referral basis: one more day (01/03) -> 46
 *   and 47 -> 0/2 = 0%. H2's assessment has no authorisation: not in HP01.
 * HP03/HP04/HP05. S47s started in May: H2, H3, H4 -> 3.
 *   H2 Wed 01/05 -> ICPC Thu 23/05: May 2-3, 7-10, 13-17, 20-23 = 15 (day 15,
 *   within; the bank holiday on 06/05 is what keeps it at 15), plan H2/1/cpp1
 *   started 23/05 -> HP05 numerator.
 *   H3 01/05 -> ICPC Fri 24/05 = 16 -> late; no plan.
 *   H4 S47 10/05 with ICPC 09/05: before its S47 -> not counted, dq.
 *   HP04 = 1/2 = 50; HP05 = 1/2 = 50.
 * HP06 (plans open on 31/05: start <= end and no end or end > 31/05):
 *   H2 (23/05), H6 (29/02/2024), H7 (30/11/2023), H8 (31/05/2022),
 *   H9 (31/05/2023), H10 cpp2 (25/05). H5 closes on 31/05 -> not open;
 *   H10 cpp1 closed 20/05. 6 children / 20000 x 10000 = 3.
 *   April (30/04): H5 H6 H7 H8 H9 -> 5 -> 2.5.
 * HP07 (plans starting in May): H2/cpp1 first (previous_cpp empty), H10/cpp1
 *   first, H10/cpp2 second (child has an earlier plan) -> 1/3.
 *   Apr-Jun 2023: H9 previous_cpp 1 -> 1/1 = 100. 12_months: in the test.
 * HP08 (plans ending in May): H5 31/05/2022-31/05/2024 = exactly 24 months
 *   -> numerator; H10/cpp1 18 days -> 1/2 = 50.
 * HP09: end - 3m = 29/02/2024, -6m = 30/11/2023, -12m = 31/05/2023,
 *   -24m = 31/05/2022. <3m: H2, H10 = 2; 3-6m: H6 (start = end - 3 months
 *   exactly) = 1; 6-12m: H7 = 1; 1-2y: H9 = 1; 2y+: H8 = 1.
 * HP10 (open plans started <= 29/02/2024): H6, H7, H8, H9.
 *   H6 due 29/05/2024, review 29/05 -> next due 29/11 > end: on time.
 *   H7 due 29/02/2024 (30/11 + 3 months, clamped); reviews 01/11/2023 (before
 *   the plan: dq) and 01/03/2024 (a day late) -> fails.
 *   H8 due 31/08/2022 (review that day), 28/02/2023 (review), 28/08/2023
 *   (review 01/08), 01/02/2024 (review 31/01), next 31/07/2024 > end: on time.
 *   H9 first due 31/08/2023, no reviews -> fails. 2/4 = 50.
 * HP11 (episodes open on 31/05): H1 H2 H4 H6 H7 H8 H9 H10 (H3 and H5 close on
 *   31/05) = 8 -> 4.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "test_transform_util.h"

#define MAY "2024-05-01", "2024-05-31"
#define APR "2024-04-01", "2024-04-30"
static const char *conf = "period_end = 2024-05\npopulation_2023 = 10000\npopulation_2024 = 20000\n";

static void assessments(void **state)
{
	(void)state;
	tx_engine *e = tt_run("hp", conf);
	FIG(e, "HP01", "", MAY, 2, -1, 2);
	FIG(e, "HP02", "", MAY, 1, 2, 50);
	FIG(e, "HP02", "", APR, 0, 0, EMPTY);
	assert_true(tt_has_line("drilldown_rows.csv", "HP02,,2024-05-01,2024-05-31,H1,H1/1/assessment1,"
				"numerator,\"start 2024-03-01, authorised 2024-05-08: 45 working days\""));
	assert_true(tt_has_line("drilldown_rows.csv", "HP02,,2024-05-01,2024-05-31,H1,H1/1/assessment2,"
				"denominator,\"start 2024-03-01, authorised 2024-05-09: 46 working days\""));
	tt_done(e);
	e = tt_run("hp", "period_end = 2024-05\npopulation_2023 = 1\npopulation_2024 = 1\n"
			 "assessment_basis = referral\n");
	FIG(e, "HP02", "", MAY, 0, 2, 0);
	assert_true(tt_has_line("drilldown_rows.csv", "H1/1/assessment1,denominator,\"referral 2024-02-29, "
				"authorised 2024-05-08: 46 working days\""));
	tt_done(e);
}

static void section47(void **state)
{
	(void)state;
	tx_engine *e = tt_run("hp", conf);
	FIG(e, "HP03", "", MAY, 3, -1, 3);
	FIG(e, "HP04", "", MAY, 1, 2, 50);
	FIG(e, "HP05", "", MAY, 1, 2, 50);
	FIG(e, "HP04", "", APR, 0, 0, EMPTY);
	assert_true(tt_has_line("drilldown_rows.csv", "HP04,,2024-05-01,2024-05-31,H2,H2/1/s471,numerator,"
				"\"S47 2024-05-01, ICPC 2024-05-23: 15 working days\""));
	assert_true(tt_has_line("drilldown_rows.csv", "HP04,,2024-05-01,2024-05-31,H3,H3/1/s471,denominator,"
				"\"S47 2024-05-01, ICPC 2024-05-24: 16 working days\""));
	assert_true(tt_has_line("drilldown_rows.csv", "HP04,,2024-05-01,2024-05-31,H4,H4/1/s471,excluded,"));
	assert_int_equal(tt_count_lines("dq.csv", "icpc_before_s47,HP04,H4,H4/1/s471,2024-05-09,"), 1);
	tt_done(e);
}

static void plans(void **state)
{
	(void)state;
	tx_engine *e = tt_run("hp", conf);
	FIG(e, "HP06", "", MAY, 6, 20000, 3);
	FIG(e, "HP06", "", APR, 5, 20000, 2.5);
	FIG(e, "HP07", "", MAY, 1, 3, 100.0 / 3);
	FIG(e, "HP07", "", "2023-04-01", "2023-06-30", 1, 1, 100);
	/* 12_months (tx_windows): May's window [01/06/2023, 31/05/2024] holds
	 * H6 H7 H2 H10/cpp1 (first plans) and H10/cpp2 (second) -> 1/5; H9's
	 * plan of 31/05/2023, exactly 12 months before the end, is out. April's
	 * [01/05/2023, 30/04/2024]: H9 (previous_cpp 1) H7 H6 -> 1/3. */
	FIG(e, "HP07", "12_months", MAY, 1, 5, 20);
	FIG(e, "HP07", "12_months", APR, 1, 3, 100.0 / 3);
	assert_true(tt_has_line("drilldown_rows.csv", "HP07,12_months,2024-05-01,2024-05-31,H10,"));
	assert_false(tt_has_line("drilldown_rows.csv", "HP07,12_months,2024-05-01,2024-05-31,H9,"));
	FIG(e, "HP08", "", MAY, 1, 2, 50);
	FIG(e, "HP09", "<3m", MAY, 2, -1, 2);
	FIG(e, "HP09", "3-6m", MAY, 1, -1, 1);
	FIG(e, "HP09", "6-12m", MAY, 1, -1, 1);
	FIG(e, "HP09", "1-2y", MAY, 1, -1, 1);
	FIG(e, "HP09", "2y+", MAY, 1, -1, 1);
	FIG(e, "HP10", "", MAY, 2, 4, 50);
	FIG(e, "HP11", "", MAY, 8, 20000, 4);
	assert_true(tt_has_line("drilldown_rows.csv", "HP09,3-6m,2024-05-01,2024-05-31,H6,H6/1/cpp1,numerator,"));
	assert_true(tt_has_line("drilldown_rows.csv", "HP10,,2024-05-01,2024-05-31,H7,H7/1/cpp1,denominator,"
				"plan started 2023-11-30: no review by 2024-02-29"));
	assert_true(tt_has_line("dq.csv", "review_before_plan,HP10,H7,H7/1/cpp1,2023-11-01,"));
	/* HP09 has only its bands, no headline row */
	assert_false(tt_has_line("measures.csv", "HP09,,"));
	tt_done(e);
}

/* The review walk on its own: CP rule (start + 3 months, then + 6). */
static csc_date plus6(csc_date r, int k)
{
	(void)k;
	return csc_date_add_months(r, 6);
}

static void review_walk(void **state)
{
	(void)state;
	csc_date s = tt_d("2024-01-31"), missed = 0;
	/* due 30/04/2024 (31/01 + 3 months, clamped) */
	csc_date on_time[] = {tt_d("2024-04-30")}, late[] = {tt_d("2024-05-01")};
	assert_int_equal(tx_review_walk(s, csc_date_add_months(s, 3), on_time, 1, tt_d("2024-06-30"),
					plus6, &missed), 1);
	assert_int_equal(tx_review_walk(s, csc_date_add_months(s, 3), late, 1, tt_d("2024-06-30"),
					plus6, &missed), 0);
	assert_int_equal(missed, tt_d("2024-04-30"));
	/* nothing due yet: passes with no reviews */
	assert_int_equal(tx_review_walk(s, csc_date_add_months(s, 3), NULL, 0, tt_d("2024-04-29"),
					plus6, &missed), 1);
	/* a review on the start day does not count (prev < r) */
	csc_date same[] = {s};
	assert_int_equal(tx_review_walk(s, csc_date_add_months(s, 3), same, 1, tt_d("2024-04-30"),
					plus6, &missed), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(assessments),
		cmocka_unit_test(section47),
		cmocka_unit_test(plans),
		cmocka_unit_test(review_walk),
	};
	return cmocka_run_group_tests_name("transform_protection", tests, NULL, NULL);
}
