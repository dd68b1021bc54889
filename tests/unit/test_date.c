/* Dates: parsing, month arithmetic, ages. Every expected value below was
 * worked out with a paper calendar, not printed by the code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "csc_date.h"

static csc_date D(int y, int m, int d) { return csc_date_make(y, m, d); }

static void test_make_rejects_impossible_days(void **state)
{
	(void)state;
	assert_int_equal(csc_date_make(2023, 2, 29), CSC_NODATE);
	assert_int_equal(csc_date_make(2023, 2, 31), CSC_NODATE);
	assert_int_equal(csc_date_make(2023, 4, 31), CSC_NODATE);
	assert_int_equal(csc_date_make(2023, 13, 1), CSC_NODATE);
	assert_int_equal(csc_date_make(2023, 0, 1), CSC_NODATE);
	assert_int_equal(csc_date_make(1900, 2, 29), CSC_NODATE); /* century, not leap */
	assert_int_not_equal(csc_date_make(2000, 2, 29), CSC_NODATE);
	assert_int_not_equal(csc_date_make(2024, 2, 29), CSC_NODATE);
}

static void test_epoch_and_round_trip(void **state)
{
	(void)state;
	assert_int_equal(D(1970, 1, 1), 0);
	assert_int_equal(D(1970, 1, 2), 1);
	assert_int_equal(D(1969, 12, 31), -1);
	assert_int_equal(D(2000, 3, 1) - D(2000, 2, 28), 2);
	assert_int_equal(D(2024, 1, 1) - D(2023, 1, 1), 365);
	assert_int_equal(D(2025, 1, 1) - D(2024, 1, 1), 366);
	for (csc_date d = D(1999, 12, 1); d < D(2030, 1, 1); d++) {
		int y, m, dd;
		csc_date_ymd(d, &y, &m, &dd);
		assert_int_equal(csc_date_make(y, m, dd), d);
	}
}

static void test_parse(void **state)
{
	(void)state;
	csc_date d = 0;
	assert_int_equal(csc_date_parse_iso("2023-09-30", 10, &d), 0);
	assert_int_equal(d, D(2023, 9, 30));
	assert_int_equal(csc_date_parse_dmy("29/02/2024", 10, &d), 0);
	assert_int_equal(d, D(2024, 2, 29));
	assert_int_equal(csc_date_parse_dmy("31/02/2023", 10, &d), -1);
	assert_int_equal(csc_date_parse_dmy("29/02/2023", 10, &d), -1);
	assert_int_equal(csc_date_parse_iso("2023-9-30", 9, &d), -1);
	assert_int_equal(csc_date_parse_iso("2023-09-3x", 10, &d), -1);
	assert_int_equal(csc_date_parse_iso("2023/09/30", 10, &d), -1);
	assert_int_equal(csc_date_parse_dmy("1/9/2023", 8, &d), -1);
	assert_int_equal(csc_date_parse_any("01/09/2023", 10, &d), 0);
	assert_int_equal(d, D(2023, 9, 1));
	assert_int_equal(csc_date_parse_any("2023-09-01", 10, &d), 0);
	assert_int_equal(d, D(2023, 9, 1));
	assert_int_equal(csc_date_parse_any("", 0, &d), -1);
	assert_int_equal(csc_date_parse_any("0000-01-01", 10, &d), -1);
}

static void test_format(void **state)
{
	(void)state;
	char b[CSC_DATE_BUFSZ];
	assert_string_equal(csc_date_iso(D(2024, 2, 29), b), "2024-02-29");
	assert_string_equal(csc_date_dmy(D(2024, 2, 29), b), "29/02/2024");
	assert_string_equal(csc_date_iso(CSC_NODATE, b), "");
}

static void test_add_months(void **state)
{
	(void)state;
	/* MEASURES.md: 31 Aug + 3 months = 30 Nov; 29 Feb + 12 months = 28 Feb */
	assert_int_equal(csc_date_add_months(D(2023, 8, 31), 3), D(2023, 11, 30));
	assert_int_equal(csc_date_add_months(D(2024, 2, 29), 12), D(2025, 2, 28));
	/* 12 months before 29 Feb 2024 starts on 28 Feb 2023 */
	assert_int_equal(csc_date_add_months(D(2024, 2, 29), -12), D(2023, 2, 28));
	assert_int_equal(csc_date_add_months(D(2024, 3, 31), -1), D(2024, 2, 29));
	assert_int_equal(csc_date_add_months(D(2023, 3, 31), -1), D(2023, 2, 28));
	assert_int_equal(csc_date_add_months(D(2023, 12, 15), 1), D(2024, 1, 15));
	assert_int_equal(csc_date_add_months(D(2024, 1, 15), -1), D(2023, 12, 15));
	assert_int_equal(csc_date_add_months(D(2021, 6, 30), 24), D(2023, 6, 30));
	assert_int_equal(csc_date_add_months(D(2023, 9, 30), -30), D(2021, 3, 30));
	assert_int_equal(csc_date_add_months(CSC_NODATE, 3), CSC_NODATE);
}

static void test_age_and_birthdays(void **state)
{
	(void)state;
	csc_date leap = D(2008, 2, 29);
	assert_int_equal(csc_date_age(leap, D(2024, 2, 28)), 15);
	assert_int_equal(csc_date_age(leap, D(2024, 2, 29)), 16);
	/* common year: the birthday is reached on 1 March */
	assert_int_equal(csc_date_age(leap, D(2025, 2, 28)), 16);
	assert_int_equal(csc_date_age(leap, D(2025, 3, 1)), 17);
	assert_int_equal(csc_date_birthday(leap, 17), D(2025, 3, 1));
	assert_int_equal(csc_date_birthday(leap, 16), D(2024, 2, 29));
	assert_int_equal(csc_date_age(D(2005, 4, 1), D(2023, 3, 31)), 17);
	assert_int_equal(csc_date_age(D(2005, 4, 1), D(2023, 4, 1)), 18);
}

static void test_weekday_and_periods(void **state)
{
	(void)state;
	assert_int_equal(csc_date_weekday(D(2023, 5, 8)), 0);  /* Monday */
	assert_int_equal(csc_date_weekday(D(2022, 9, 19)), 0); /* Monday */
	assert_int_equal(csc_date_weekday(D(2024, 2, 29)), 3); /* Thursday */
	assert_int_equal(csc_date_weekday(D(2023, 9, 30)), 5); /* Saturday */
	assert_int_equal(csc_month_first(D(2024, 2, 17)), D(2024, 2, 1));
	assert_int_equal(csc_month_last(D(2024, 2, 17)), D(2024, 2, 29));
	assert_int_equal(csc_month_last(D(2023, 2, 1)), D(2023, 2, 28));
	assert_int_equal(csc_fy_first(D(2024, 3, 31)), D(2023, 4, 1));
	assert_int_equal(csc_fy_first(D(2024, 4, 1)), D(2024, 4, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_make_rejects_impossible_days),
		cmocka_unit_test(test_epoch_and_round_trip),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_age_and_birthdays),
		cmocka_unit_test(test_weekday_and_periods),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
