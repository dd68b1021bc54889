/* Period selection for csc-run: months and financial quarters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "run/run_period.h"

static void test_month(void **state)
{
	(void)state;
	run_period p;
	assert_int_equal(run_period_parse("2024-02", &p), 0);
	assert_string_equal(p.label, "2024-02");
	assert_string_equal(p.end_month, "2024-02");
	assert_int_equal(p.end, csc_date_make(2024, 2, 29));
	assert_int_equal(p.quarter, 0);
}

static void test_quarters(void **state)
{
	(void)state;
	run_period p;
	/* FY 2023-24: Q1 Apr-Jun 2023, Q2 Jul-Sep, Q3 Oct-Dec 2023, Q4 Jan-Mar 2024 */
	assert_int_equal(run_period_parse("2023-Q1", &p), 0);
	assert_string_equal(p.end_month, "2023-06");
	assert_int_equal(run_period_parse("2023-Q3", &p), 0);
	assert_string_equal(p.label, "2023-Q3");
	assert_string_equal(p.end_month, "2023-12");
	assert_int_equal(p.end, csc_date_make(2023, 12, 31));
	assert_int_equal(run_period_parse("2023-Q4", &p), 0);
	assert_string_equal(p.end_month, "2024-03");
	assert_int_equal(p.end, csc_date_make(2024, 3, 31));
}

static void test_bad(void **state)
{
	(void)state;
	run_period p;
	assert_int_equal(run_period_parse("2023-Q5", &p), -1);
	assert_int_equal(run_period_parse("2023-Q0", &p), -1);
	assert_int_equal(run_period_parse("2023-13", &p), -1);
	assert_int_equal(run_period_parse("23-09", &p), -1);
	assert_int_equal(run_period_parse("", &p), -1);
}

static void test_last_complete_month(void **state)
{
	(void)state;
	run_period p;
	run_period_last_complete(csc_date_make(2026, 11, 23), &p);
	assert_string_equal(p.label, "2026-10");
	run_period_last_complete(csc_date_make(2024, 3, 1), &p);
	assert_string_equal(p.label, "2024-02");
	run_period_last_complete(csc_date_make(2024, 1, 1), &p);
	assert_string_equal(p.label, "2023-12");
}

static void test_start(void **state)
{
	(void)state;
	run_period p;
	assert_int_equal(run_period_parse("2024-02", &p), 0);
	assert_int_equal(run_period_start(&p), csc_date_make(2024, 2, 1));
	/* Q3 2023-24 is October to December 2023; Q4 January to March 2024 */
	assert_int_equal(run_period_parse("2023-Q3", &p), 0);
	assert_int_equal(run_period_start(&p), csc_date_make(2023, 10, 1));
	assert_int_equal(run_period_parse("2023-Q4", &p), 0);
	assert_int_equal(run_period_start(&p), csc_date_make(2024, 1, 1));
	assert_int_equal(run_period_parse("2024-Q1", &p), 0);
	assert_int_equal(run_period_start(&p), csc_date_make(2024, 4, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_quarters),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_last_complete_month),
		cmocka_unit_test(test_start),
	};
	return cmocka_run_group_tests_name("run_period", tests, NULL, NULL);
}
