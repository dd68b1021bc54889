/* test_returns_scope.c - the scoping predicates of the returns writer on
 * their boundaries (hand-worked dates; year 2025 = 1 Apr 2024 .. 31 Mar 2025). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../returns/returns_scope.h"

#define D(y, m, d) csc_date_make(y, m, d)
#define NO CSC_NODATE

static ret_year y25, y24;

static int setup(void **state)
{
	(void)state;
	ret_year_init(&y25, 2025);
	ret_year_init(&y24, 2024);
	return 0;
}

static void test_year_bounds(void **state)
{
	(void)state;
	assert_int_equal(y25.first, D(2024, 4, 1));
	assert_int_equal(y25.last, D(2025, 3, 31));
	assert_int_equal(y25.sex_letters, 1);
	assert_int_equal(y24.sex_letters, 0);
	ret_year bad;
	assert_int_equal(ret_year_init(&bad, 1999), -1);
	assert_int_equal(ret_year_init(&bad, 3000), -1);
}

/* Episodes: referral <= 31 Mar and (no closure or closure >= 1 Apr). */
static void test_overlap_boundaries(void **state)
{
	(void)state;
	assert_false(ret_overlaps(&y25, D(2023, 6, 1), D(2024, 3, 31)));  /* closed 31 Mar before */
	assert_true(ret_overlaps(&y25, D(2023, 6, 1), D(2024, 4, 1)));    /* closed 1 Apr */
	assert_true(ret_overlaps(&y25, D(2025, 3, 31), NO));              /* referred 31 Mar */
	assert_false(ret_overlaps(&y25, D(2025, 4, 1), NO));              /* referred 1 Apr after */
	assert_true(ret_overlaps(&y25, D(2024, 5, 1), D(2025, 4, 1)));    /* closes after the year */
	assert_true(ret_overlaps(&y25, D(2010, 1, 1), NO));               /* long open */
	assert_false(ret_overlaps(&y25, NO, NO));                         /* no start */
}

static void test_in_year_and_as_at(void **state)
{
	(void)state;
	assert_false(ret_in_year(&y25, D(2024, 3, 31)));
	assert_true(ret_in_year(&y25, D(2024, 4, 1)));
	assert_true(ret_in_year(&y25, D(2025, 3, 31)));
	assert_false(ret_in_year(&y25, D(2025, 4, 1)));
	assert_false(ret_in_year(&y25, NO));
	assert_int_equal(ret_as_at(&y25, D(2025, 3, 31)), D(2025, 3, 31));
	assert_int_equal(ret_as_at(&y25, D(2025, 4, 1)), NO);
	assert_int_equal(ret_as_at(&y25, NO), NO);
}

static void test_s47(void **state)
{
	(void)state;
	/* started in the year, whatever happened next */
	assert_true(ret_s47_in_scope(&y25, D(2024, 4, 1), NO, 1));
	assert_true(ret_s47_in_scope(&y25, D(2025, 3, 31), NO, 0));
	/* started before: conference in the year, or still awaited */
	assert_true(ret_s47_in_scope(&y25, D(2024, 3, 20), D(2024, 4, 1), 0));
	assert_false(ret_s47_in_scope(&y25, D(2024, 3, 1), D(2024, 3, 31), 0));
	assert_true(ret_s47_in_scope(&y25, D(2024, 3, 15), NO, 0));
	assert_false(ret_s47_in_scope(&y25, D(2024, 3, 15), NO, 1));
	/* started after the reference date */
	assert_false(ret_s47_in_scope(&y25, D(2025, 4, 1), NO, 0));
}

static void test_assessment(void **state)
{
	(void)state;
	assert_false(ret_assessment_in_scope(&y25, D(2024, 1, 10), D(2024, 3, 31)));
	assert_true(ret_assessment_in_scope(&y25, D(2024, 3, 20), D(2024, 4, 1)));
	assert_true(ret_assessment_in_scope(&y25, D(2025, 3, 1), NO));
	assert_false(ret_assessment_in_scope(&y25, D(2025, 4, 1), NO));
}

/* OC3: 17th-21st birthday in the year; 29 February falls on 1 March in
 * common years. */
static void test_oc3_age(void **state)
{
	(void)state;
	assert_int_equal(ret_oc3_age(&y25, D(2006, 4, 1)), 18);  /* 18th on 1 Apr 2024 */
	assert_int_equal(ret_oc3_age(&y25, D(2004, 3, 31)), 21); /* 21st on 31 Mar 2025 */
	assert_int_equal(ret_oc3_age(&y25, D(2003, 3, 31)), 0);  /* 21st on 31 Mar 2024, 22nd after */
	assert_int_equal(ret_oc3_age(&y25, D(2008, 4, 1)), 0);   /* 17th on 1 Apr 2025 */
	assert_int_equal(ret_oc3_age(&y25, D(2007, 4, 1)), 17);  /* 17th on 1 Apr 2024 */
	assert_int_equal(ret_oc3_age(&y25, D(2004, 2, 29)), 21); /* 21st on 1 Mar 2025 */
	assert_int_equal(ret_oc3_age(&y25, D(2008, 2, 29)), 17); /* 17th on 1 Mar 2025 */
	/* 2024 year (1 Apr 2023 .. 31 Mar 2024) holds 29 Feb 2024 itself */
	assert_int_equal(ret_oc3_age(&y24, D(2004, 2, 29)), 20);
	assert_int_equal(ret_oc3_age(&y25, NO), 0);
}

static void test_date_parse(void **state)
{
	(void)state;
	int bad = 0;
	assert_int_equal(ret_date("2024-02-29", &bad), D(2024, 2, 29));
	assert_int_equal(ret_date("", &bad), NO);
	assert_int_equal(bad, 0);
	assert_int_equal(ret_date("2023-02-29", &bad), NO);
	assert_int_equal(bad, 1);
	bad = 0;
	assert_int_equal(ret_date("31/03/2025", &bad), NO);
	assert_int_equal(bad, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_year_bounds),     cmocka_unit_test(test_overlap_boundaries),
		cmocka_unit_test(test_in_year_and_as_at), cmocka_unit_test(test_s47),
		cmocka_unit_test(test_assessment),      cmocka_unit_test(test_oc3_age),
		cmocka_unit_test(test_date_parse),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
