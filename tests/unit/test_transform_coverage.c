/* The periods of a run against the data's end (transform/coverage.c):
 * a period that starts after it is dropped, every previous-period link
 * still points at the same span. Counts worked by hand from periods.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "transform/tx.h"

/* March 2024, 3 months shown: months Jan, Feb, Mar 2024; the 8 quarters of
 * 2022-23 and 2023-24; the financial year 2022-23; the year to date
 * 2023-24 (= the rolling 12 months, listed once): 13 shown. Hidden, for
 * trends: December 2023, January-March 2022, the year 2021-22: 3. */
static int march(tx_period *p)
{
	int n = tx_periods(csc_date_make(2024, 3, 31), 3, p, TX_MAXPER);
	assert_int_equal(n, 16);
	return n;
}

static int shown(const tx_period *p, int n)
{
	int k = 0;
	while (k < n && !p[k].hidden)
		k++;
	return k;
}

/* every kept period has the previous period it had before */
static void same_links(const tx_period *before, int nb, const tx_period *after, int na)
{
	for (int i = 0; i < na; i++) {
		int j = 0;
		while (j < nb && !(before[j].start == after[i].start && before[j].end == after[i].end))
			j++;
		assert_true(j < nb);
		if (before[j].prev < 0) {
			assert_int_equal(after[i].prev, -1);
			continue;
		}
		assert_true(after[i].prev >= 0 && after[i].prev < na);
		assert_int_equal(after[after[i].prev].start, before[before[j].prev].start);
		assert_int_equal(after[after[i].prev].end, before[before[j].prev].end);
	}
}

static void test_mid_february(void **state)
{
	(void)state;
	tx_period before[TX_MAXPER], p[TX_MAXPER];
	int nb = march(before);
	memcpy(p, before, sizeof p);
	/* data to 14/02/2024: only March 2024 starts after it */
	int n = tx_periods_covered(p, nb, csc_date_make(2024, 2, 14));
	assert_int_equal(n, 15);
	assert_int_equal(shown(p, n), 12);
	for (int i = 0; i < n; i++)
		assert_true(p[i].start <= csc_date_make(2024, 2, 14));
	same_links(before, nb, p, n);
}

static void test_december(void **state)
{
	(void)state;
	tx_period before[TX_MAXPER], p[TX_MAXPER];
	int nb = march(before);
	memcpy(p, before, sizeof p);
	/* data to 31/12/2023: the three months and the January-March quarter
	 * go; the year to date (from April 2023) stays, partial */
	int n = tx_periods_covered(p, nb, csc_date_make(2023, 12, 31));
	assert_int_equal(n, 12);
	assert_int_equal(shown(p, n), 9);
	same_links(before, nb, p, n);
	int fytd = 0;
	for (int i = 0; i < n; i++)
		fytd += p[i].kind == TX_FYTD && p[i].start == csc_date_make(2023, 4, 1);
	assert_int_equal(fytd, 1);
}

static void test_no_date(void **state)
{
	(void)state;
	tx_period before[TX_MAXPER], p[TX_MAXPER];
	int nb = march(before);
	memcpy(p, before, sizeof p);
	assert_int_equal(tx_periods_covered(p, nb, CSC_NODATE), 16);
	assert_memory_equal(p, before, sizeof before[0] * 16);
	/* data to the period end or after: nothing goes */
	assert_int_equal(tx_periods_covered(p, nb, csc_date_make(2024, 3, 1)), 16);
	assert_memory_equal(p, before, sizeof before[0] * 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mid_february),
		cmocka_unit_test(test_december),
		cmocka_unit_test(test_no_date),
	};
	return cmocka_run_group_tests_name("transform_coverage", tests, NULL, NULL);
}
