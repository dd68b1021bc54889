/* The drill-down's record names, dates and reasons built without printf
 * (transform/recfmt.c): the same bytes snprintf/vsnprintf and
 * csc_date_iso give, truncation included. Expected strings worked by hand. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "transform/measures.h"
#include "transform/tx.h"

static void test_cat(void **state)
{
	(void)state;
	char b[8];
	size_t at = tx_cat(b, sizeof b, 0, "abc");
	assert_int_equal(at, 3);
	assert_string_equal(b, "abc");
	at = tx_cat(b, sizeof b, at, "defgh"); /* 8 would be needed: 7 kept */
	assert_int_equal(at, 8);
	assert_string_equal(b, "abcdefg");
	at = tx_cat(b, sizeof b, at, "ij"); /* already full: untouched */
	assert_int_equal(at, 10);
	assert_string_equal(b, "abcdefg");
	char one[1] = {'x'};
	assert_int_equal(tx_cat(one, 1, 0, "abc"), 3);
	assert_int_equal(one[0], '\0');
	assert_int_equal(tx_cat(NULL, 0, 0, "abc"), 3); /* n = 0 writes nothing */
}

static void test_cat_long(void **state)
{
	(void)state;
	char b[32];
	tx_cat_long(b, sizeof b, 0, 0);
	assert_string_equal(b, "0");
	tx_cat_long(b, sizeof b, tx_cat(b, sizeof b, 0, "n="), -407);
	assert_string_equal(b, "n=-407");
	tx_cat_long(b, sizeof b, 0, 1234567890L);
	assert_string_equal(b, "1234567890");
	char want[32];
	snprintf(want, sizeof want, "%ld", LONG_MIN);
	assert_int_equal(tx_cat_long(b, sizeof b, 0, LONG_MIN), strlen(want));
	assert_string_equal(b, want);
	char s[4];
	assert_int_equal(tx_cat_long(s, sizeof s, 0, 98765), 5);
	assert_string_equal(s, "987");
}

static void test_lac_rec(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(tx_lac_rec(b, sizeof b, "/s/staging/episodes.csv", 12), "episodes.csv:12");
	assert_string_equal(tx_lac_rec(b, sizeof b, "header.csv", 3), "header.csv:3");
	assert_string_equal(tx_lac_rec(b, sizeof b, NULL, 7), ":7");
	assert_string_equal(tx_lac_rec(b, sizeof b, "dir/", 0), ":0");
	char s[6];
	assert_string_equal(tx_lac_rec(s, sizeof s, "a/episodes.csv", 12), "episo");
}

static void test_cin_rec(void **state)
{
	(void)state;
	tx_cin_child u = {.child = "C00042"};
	char b[64];
	assert_string_equal(tx_cin_rec(b, sizeof b, &u, 3, NULL, 0), "C00042/3");
	assert_string_equal(tx_cin_rec(b, sizeof b, &u, 3, "cpp", 2), "C00042/3/cpp2");
	assert_string_equal(tx_cin_rec(b, sizeof b, &u, 12, "s47", 10), "C00042/12/s4710");
	char s[10];
	assert_string_equal(tx_cin_rec(s, sizeof s, &u, 12, "s47", 10), "C00042/12");
	u.child = "";
	assert_string_equal(tx_cin_rec(b, sizeof b, &u, -1, "x", -2), "/-1/x-2");
}

static void test_iso(void **state)
{
	(void)state;
	char b[CSC_DATE_BUFSZ];
	assert_string_equal(tx_iso(csc_date_make(2026, 10, 31), b), "2026-10-31");
	assert_string_equal(tx_iso(csc_date_make(1970, 1, 1), b), "1970-01-01"); /* day 0 */
	assert_string_equal(tx_iso(CSC_NODATE, b), "");
	/* 256 days apart share a slot: each still gives its own date, again */
	for (int r = 0; r < 2; r++) {
		assert_string_equal(tx_iso(csc_date_make(2024, 1, 1), b), "2024-01-01");
		assert_string_equal(tx_iso(csc_date_make(2024, 1, 1) + 256, b), "2024-09-13");
		assert_string_equal(tx_iso(csc_date_make(2024, 1, 1) - 256, b), "2023-04-20");
	}
	/* two in one expression keep their own buffers */
	char x[CSC_DATE_BUFSZ], y[CSC_DATE_BUFSZ];
	assert_string_not_equal(tx_iso(0, x), tx_iso(256, y));
}

/* tx_vformat, its length checked against the string it returns */
static const char *fmt(char *b, size_t n, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	size_t len = 12345;
	const char *r = tx_vformat(b, n, f, ap, &len);
	va_end(ap);
	assert_int_equal(len, strlen(r));
	return r;
}

static void test_vformat(void **state)
{
	(void)state;
	char b[32];
	const char *plain = "first plan";
	assert_ptr_equal(fmt(b, sizeof b, plain), plain); /* no copy */
	assert_string_equal(fmt(b, sizeof b, "%s %s", "ICPC", "2026-01-02"), "ICPC 2026-01-02");
	assert_string_equal(fmt(b, sizeof b, "tier %d assessment", -3), "tier -3 assessment");
	assert_string_equal(fmt(b, sizeof b, "%d%%", 45), "45%");
	assert_string_equal(fmt(b, sizeof b, "100%% sure"), "100% sure");
	assert_string_equal(fmt(b, sizeof b, "%s", ""), "");
	assert_string_equal(fmt(b, sizeof b, "source %s%s", "police", ""), "source police");
	/* what %s/%d do not cover goes to vsnprintf */
	assert_string_equal(fmt(b, sizeof b, "%s is %3d", "n", 7), "n is   7");
	assert_string_equal(fmt(b, sizeof b, "%ld and %s", 5L, "x"), "5 and x");
	/* truncation as vsnprintf: n - 1 bytes kept */
	char s[8];
	assert_string_equal(fmt(s, sizeof s, "abc %s", "defghij"), "abc def");
	assert_string_equal(fmt(s, sizeof s, "abcdefghij %d", 1), "abcdefg");
	assert_string_equal(fmt(s, sizeof s, "abcdefghij"), "abcdefg");
	assert_string_equal(fmt(s, sizeof s, "%d %s", 1234567, "x"), "1234567");
	assert_string_equal(fmt(s, sizeof s, "%s%d", "abcdefg", 1), "abcdefg");
	assert_string_equal(fmt(s, sizeof s, "%ld%s", 123456789L, "x"), "1234567");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cat),     cmocka_unit_test(test_cat_long),
		cmocka_unit_test(test_lac_rec), cmocka_unit_test(test_cin_rec),
		cmocka_unit_test(test_iso),     cmocka_unit_test(test_vformat),
	};
	return cmocka_run_group_tests_name("transform_recfmt", tests, NULL, NULL);
}
