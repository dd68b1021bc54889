/* Publication suppression (load/pub_suppress.c) on tables worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../load/pub_suppress.h"

#define N(a) (sizeof a / sizeof a[0])
#define S REPORT_SUP_SHOWN
#define P REPORT_SUP_PRIMARY
#define X REPORT_SUP_SECONDARY

static csc_date d(int y, int m, int day)
{
	return csc_date_make(y, m, day);
}

static report_sup_row count(const char *m, const char *b, csc_date s, csc_date e, double n)
{
	return (report_sup_row){m, b, s, e, 1, 0, n, 0};
}

static report_sup_row pct(const char *m, const char *b, csc_date s, csc_date e, double n, double dn)
{
	return (report_sup_row){m, b, s, e, 1, 1, n, dn};
}

static void expect(const report_sup_row *rows, size_t n, const enum report_sup_state *want)
{
	enum report_sup_state got[64];
	assert_true(n <= 64);
	report_sup_suppress(rows, n, got);
	for (size_t i = 0; i < n; i++) {
		if (got[i] != want[i])
			print_error("row %zu (%s %s): got %d, want %d\n", i, rows[i].measure,
				    rows[i].breakdown, got[i], want[i]);
		assert_int_equal(got[i], want[i]);
	}
}

/* Counts 1-5 are c; 0 and 6 are shown; a percentage or rate is c when its
 * numerator or denominator is 1-5; no cases (0/0) is shown (as empty). */
static void primary(void **state)
{
	(void)state;
	csc_date a = d(2023, 4, 1), e = d(2023, 4, 30);
	report_sup_row r[] = {
		count("A", "", a, e, 0), count("B", "", a, e, 1), count("C", "", a, e, 5),
		count("D", "", a, e, 6), pct("E", "", a, e, 3, 40), pct("F", "", a, e, 40, 45),
		pct("G", "", a, e, 0, 3), pct("H", "", a, e, 0, 0), pct("I", "", a, e, 6, 6),
		pct("J", "", a, e, 12, 52000), pct("K", "", a, e, 4, 52000),
		count("L", "", a, e, 0.5), count("M", "", a, e, 5.5),
	};
	static const enum report_sup_state want[] = {S, P, P, S, P, S, P, S, S, S, P, P, P};
	expect(r, N(r), want);
	report_sup_row none = {"Z", "", a, e, 0, 0, 0, 0};
	assert_int_equal(report_sup_primary(&none), 0);
}

/* One period, total 20 = 3 + 0 + 7 + 10: 3 is c, and alone in the
 * breakdown it would be 20 - 0 - 7 - 10. The smallest shown part that is
 * not 0 is 7. */
static void breakdown_secondary(void **state)
{
	(void)state;
	csc_date a = d(2023, 4, 1), e = d(2023, 4, 30);
	report_sup_row r[] = {
		count("HP09", "", a, e, 20), count("HP09", "<3m", a, e, 3),
		count("HP09", "3-6m", a, e, 0), count("HP09", "6-12m", a, e, 7),
		count("HP09", "1-2y", a, e, 10),
	};
	static const enum report_sup_state want[] = {S, P, S, X, S};
	expect(r, N(r), want);
}

/* Ties go to the first in table order: 30 = 2 + 8 + 8 + 12. */
static void breakdown_tie(void **state)
{
	(void)state;
	csc_date a = d(2023, 4, 1), e = d(2023, 4, 30);
	report_sup_row r[] = {
		count("M", "", a, e, 30), count("M", "w", a, e, 2), count("M", "x", a, e, 8),
		count("M", "y", a, e, 8), count("M", "z", a, e, 12),
	};
	static const enum report_sup_state want[] = {S, P, X, S, S};
	expect(r, N(r), want);
	/* The same rows listed in another order: the tie goes to the first
	 * listed of the two 8s. */
	report_sup_row r2[] = {r[0], r[1], r[3], r[2], r[4]};
	expect(r2, N(r2), want);
}

/* Two small parts already protect each other; a total without parts, or
 * parts that do not add up (not a breakdown of the total), is no relation. */
static void breakdown_no_secondary(void **state)
{
	(void)state;
	csc_date a = d(2023, 4, 1), e = d(2023, 4, 30);
	report_sup_row r[] = {
		count("M", "", a, e, 30), count("M", "x", a, e, 2), count("M", "y", a, e, 4),
		count("M", "z", a, e, 24),
		/* LA05-like: children 9, episodes 4, no headline */
		count("N", "children", a, e, 9), count("N", "episodes", a, e, 4),
		/* headline 50 is not 3 + 20 */
		count("Q", "", a, e, 50), count("Q", "p", a, e, 3), count("Q", "q", a, e, 20),
	};
	static const enum report_sup_state want[] = {S, P, P, S, S, P, S, P, S};
	expect(r, N(r), want);
}

/* Care leavers: `all` is the total of 17-18 and 19-21, for numerators and
 * denominators. 19-21 has 4 in touch out of 9: c. all = 30/40 and 17-18 =
 * 26/31 would give it away, so the smaller shown row goes: 17-18
 * (26 + 31 = 57 against 30 + 40 = 70). */
static void breakdown_all_percentages(void **state)
{
	(void)state;
	csc_date a = d(2023, 4, 1), e = d(2024, 3, 31);
	report_sup_row r[] = {
		pct("CL01", "17-18", a, e, 26, 31), pct("CL01", "19-21", a, e, 4, 9),
		pct("CL01", "all", a, e, 30, 40),
	};
	static const enum report_sup_state want[] = {X, P, S};
	expect(r, N(r), want);
}

/* Across periods: months Apr-Jul, Q1 = Apr + May + Jun, the year to date
 * Apr-Jul = Q1 + Jul = the four months. May is 3: c. Q1 - Apr - Jun would
 * give it, so the smallest shown row of that relation goes: Apr (10). Then
 * Apr + May = 13 is known from Q1 and from the year to date, but neither
 * month is. Jul (8) is smaller than Apr but is not in Q1's relation, and
 * would not protect May. */
static void period_secondary(void **state)
{
	(void)state;
	report_sup_row r[] = {
		count("FD01", "", d(2023, 4, 1), d(2023, 4, 30), 10),
		count("FD01", "", d(2023, 5, 1), d(2023, 5, 31), 3),
		count("FD01", "", d(2023, 6, 1), d(2023, 6, 30), 12),
		count("FD01", "", d(2023, 7, 1), d(2023, 7, 31), 8),
		count("FD01", "", d(2023, 4, 1), d(2023, 6, 30), 25),
		count("FD01", "", d(2023, 4, 1), d(2023, 7, 31), 33),
	};
	static const enum report_sup_state want[] = {X, P, S, S, S, S};
	expect(r, N(r), want);
	assert_int_equal(report_sup_relations(r, N(r), NULL, NULL), 3); /* Q1, YTD by months, YTD by Q1 + Jul */
}

/* A small month whose quarter is not tiled by published months (the window
 * shows only Jun) is not recoverable: nothing more is suppressed. But the
 * year to date = Q1 + Jul with Jul small: Jul = YTD - Q1, so Q1 (the
 * smaller) goes too. */
static void period_partial_window(void **state)
{
	(void)state;
	report_sup_row r[] = {
		count("FD06", "", d(2023, 6, 1), d(2023, 6, 30), 2),
		count("FD06", "", d(2023, 7, 1), d(2023, 7, 31), 4),
		count("FD06", "", d(2023, 4, 1), d(2023, 6, 30), 40),
		count("FD06", "", d(2023, 4, 1), d(2023, 7, 31), 44),
	};
	static const enum report_sup_state want[] = {P, P, X, S};
	expect(r, N(r), want);
}

/* A snapshot (children on a plan at the period end): the quarter is its
 * last month, not the sum of its months, so subtraction reveals nothing. */
static void period_snapshot(void **state)
{
	(void)state;
	report_sup_row r[] = {
		count("HP06", "", d(2023, 4, 1), d(2023, 4, 30), 40),
		count("HP06", "", d(2023, 5, 1), d(2023, 5, 31), 41),
		count("HP06", "", d(2023, 6, 1), d(2023, 6, 30), 4),
		count("HP06", "", d(2023, 4, 1), d(2023, 6, 30), 4),
	};
	static const enum report_sup_state want[] = {S, S, P, P};
	expect(r, N(r), want);
}

/* Percentages across periods: numerators and denominators add up (6 + 2 +
 * 10 = 18, 12 + 5 + 13 = 30). May (2/5) is c; Q1 less Apr and Jun would
 * give both its numbers. */
static void period_percentages(void **state)
{
	(void)state;
	report_sup_row r[] = {
		pct("FD02", "", d(2023, 4, 1), d(2023, 4, 30), 6, 12),
		pct("FD02", "", d(2023, 5, 1), d(2023, 5, 31), 2, 5),
		pct("FD02", "", d(2023, 6, 1), d(2023, 6, 30), 10, 13),
		pct("FD02", "", d(2023, 4, 1), d(2023, 6, 30), 18, 30),
	};
	/* Apr (6 + 12 = 18) is smaller than Jun (23) and Q1 (48). */
	static const enum report_sup_state want[] = {X, P, S, S};
	expect(r, N(r), want);
}

/* Zeros are true zeros: shown, and not chosen to protect (a 0 hides
 * nothing) while another row can be: 9 = 0 + 3 + 6: the 6 goes, not the 0.
 * A table of zeros is shown whole. */
static void zeros(void **state)
{
	(void)state;
	csc_date a = d(2023, 4, 1), e = d(2023, 4, 30);
	report_sup_row r[] = {
		count("M", "", a, e, 9), count("M", "a", a, e, 0), count("M", "b", a, e, 3),
		count("M", "c", a, e, 6), count("Z", "", a, e, 0), count("Z", "a", a, e, 0),
		count("Z", "b", a, e, 0),
	};
	static const enum report_sup_state want[] = {S, S, P, X, S, S, S};
	expect(r, N(r), want);
}

/* 8 = 3 + 5: both parts are c, which protects each; the total is shown.
 * 7 = 2 + 0 + 5 likewise. */
static void total_chosen(void **state)
{
	(void)state;
	csc_date a = d(2023, 4, 1), e = d(2023, 4, 30);
	report_sup_row r[] = {
		count("M", "", a, e, 8), count("M", "a", a, e, 3), count("M", "b", a, e, 5),
		count("N", "", a, e, 7), count("N", "a", a, e, 2), count("N", "b", a, e, 0),
		count("N", "c", a, e, 5),
	};
	static const enum report_sup_state want[] = {S, P, P, S, P, S, P};
	expect(r, N(r), want);
	/* 12 = 4 + 0 + 8: the 8, not the 0 */
	report_sup_row r2[] = {count("N", "", a, e, 12), count("N", "a", a, e, 4), count("N", "b", a, e, 0),
		       count("N", "c", a, e, 8)};
	static const enum report_sup_state want2[] = {S, P, S, X};
	expect(r2, N(r2), want2);
	/* 14 = 14 + 0: nothing small, nothing hidden */
	report_sup_row r3[] = {count("O", "", a, e, 14), count("O", "a", a, e, 14), count("O", "b", a, e, 0)};
	static const enum report_sup_state want3[] = {S, S, S};
	expect(r3, N(r3), want3);
}

/* Breakdowns and periods together: the small month of one breakdown needs
 * its breakdown and its period group protected, and the result leaves no
 * relation with exactly one suppressed row. */
struct chk {
	const enum report_sup_state *st;
	int bad;
};

static void one_hidden(void *ctx, size_t total, const size_t *parts, size_t np)
{
	struct chk *c = ctx;
	int h = c->st[total] != REPORT_SUP_SHOWN;
	for (size_t k = 0; k < np; k++)
		h += c->st[parts[k]] != REPORT_SUP_SHOWN;
	c->bad += h == 1;
}

static void grid(void **state)
{
	(void)state;
	csc_date m1 = d(2023, 4, 1), e1 = d(2023, 4, 30), m2 = d(2023, 5, 1), e2 = d(2023, 5, 31);
	report_sup_row r[] = {
		count("G", "", m1, e1, 30), count("G", "", m2, e2, 40), count("G", "", m1, e2, 70),
		count("G", "a", m1, e1, 2), count("G", "a", m2, e2, 15), count("G", "a", m1, e2, 17),
		count("G", "b", m1, e1, 28), count("G", "b", m2, e2, 25), count("G", "b", m1, e2, 53),
	};
	enum report_sup_state st[N(r)];
	long k = report_sup_suppress(r, N(r), st);
	/* a/Apr (2) is c. Breakdowns first: Apr (30 = 2 + 28) loses b/Apr
	 * (28 < 30); then period groups: a (17 = 2 + 15) loses a/May (15), b
	 * (53 = 28 + 25) now has b/Apr alone and loses b/May (25 < 53). May
	 * (40 = 15 + 25) has two. The four form a rectangle: none solvable. */
	static const enum report_sup_state want[] = {S, S, S, P, X, S, X, X, S};
	expect(r, N(r), want);
	assert_int_equal(report_sup_relations(r, N(r), NULL, NULL), 6);
	struct chk c = {st, 0};
	report_sup_relations(r, N(r), one_hidden, &c);
	assert_int_equal(c.bad, 0);
	assert_int_equal(st[3], P);
	assert_true(k >= 4);
	/* a/Apr must not be solvable: a/May hidden and b/Apr hidden */
	assert_int_not_equal(st[4], S);
	assert_int_not_equal(st[6], S);
}

/* Overlapping periods: Apr (3) is c. Apr-May = Apr + May loses May (10);
 * May-Jun = May + Jun then loses Jun (12); Apr-Jun = (Apr-May) + Jun then
 * loses Apr-May (13). Now every relation has two or more hidden, yet
 * (Apr-Jun) - (May-Jun) = 25 - 22 = Apr: the elimination finds it, and the
 * only shown row of Apr's relations, Apr-Jun, goes too. */
static void elimination(void **state)
{
	(void)state;
	report_sup_row r[] = {
		count("R", "", d(2023, 4, 1), d(2023, 4, 30), 3),
		count("R", "", d(2023, 5, 1), d(2023, 5, 31), 10),
		count("R", "", d(2023, 6, 1), d(2023, 6, 30), 12),
		count("R", "", d(2023, 4, 1), d(2023, 5, 31), 13),
		count("R", "", d(2023, 5, 1), d(2023, 6, 30), 22),
		count("R", "", d(2023, 4, 1), d(2023, 6, 30), 25),
	};
	static const enum report_sup_state want[] = {P, X, X, X, S, X};
	expect(r, N(r), want);
	/* Apr-May and May-Jun by months; Apr-Jun by months and by Apr-May + Jun */
	assert_int_equal(report_sup_relations(r, N(r), NULL, NULL), 4);
}

/* Odd tables made by hand: no rows, absent dates, a period ending before it
 * starts, a duplicated row, negative numbers: no crash, and primary
 * suppression still applies. */
static void odd_rows(void **state)
{
	(void)state;
	assert_int_equal(report_sup_suppress(NULL, 0, NULL), 0);
	assert_int_equal(report_sup_relations(NULL, 0, NULL, NULL), 0);
	report_sup_row r[] = {
		count("O", "", CSC_NODATE, CSC_NODATE, 3),
		count("O", "", d(2023, 5, 1), d(2023, 4, 1), 9),
		count("O", "", d(2023, 4, 1), d(2023, 4, 30), 4),
		count("O", "", d(2023, 4, 1), d(2023, 4, 30), 4),
		count("O", "", d(2023, 4, 1), d(2023, 5, 31), 8),
		count("O", "", d(2023, 5, 1), d(2023, 5, 31), -1),
	};
	enum report_sup_state st[N(r)];
	assert_true(report_sup_suppress(r, N(r), st) >= 3);
	assert_int_equal(st[0], P);
	assert_int_equal(st[2], P);
	assert_int_equal(st[3], P);
}

/* The same table gives the same result every time, and in any order the
 * rows come (up to ties, which follow the order). */
static void deterministic(void **state)
{
	(void)state;
	report_sup_row r[] = {
		count("FD01", "", d(2023, 4, 1), d(2023, 4, 30), 10),
		count("FD01", "", d(2023, 5, 1), d(2023, 5, 31), 3),
		count("FD01", "", d(2023, 6, 1), d(2023, 6, 30), 12),
		count("FD01", "", d(2023, 4, 1), d(2023, 6, 30), 25),
		count("HP09", "", d(2023, 4, 1), d(2023, 4, 30), 20),
		count("HP09", "x", d(2023, 4, 1), d(2023, 4, 30), 3),
		count("HP09", "y", d(2023, 4, 1), d(2023, 4, 30), 17),
	};
	enum report_sup_state a[N(r)], b[N(r)];
	report_sup_suppress(r, N(r), a);
	report_sup_suppress(r, N(r), b);
	assert_memory_equal(a, b, sizeof a);
	report_sup_row rev[N(r)];
	for (size_t i = 0; i < N(r); i++)
		rev[i] = r[N(r) - 1 - i];
	enum report_sup_state c[N(r)];
	report_sup_suppress(rev, N(rev), c);
	for (size_t i = 0; i < N(r); i++)
		assert_int_equal(a[i], c[N(r) - 1 - i]);
	static const enum report_sup_state want[] = {X, P, S, S, S, P, X};
	expect(r, N(r), want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(primary),
		cmocka_unit_test(breakdown_secondary),
		cmocka_unit_test(breakdown_tie),
		cmocka_unit_test(breakdown_no_secondary),
		cmocka_unit_test(breakdown_all_percentages),
		cmocka_unit_test(period_secondary),
		cmocka_unit_test(period_partial_window),
		cmocka_unit_test(period_snapshot),
		cmocka_unit_test(period_percentages),
		cmocka_unit_test(zeros),
		cmocka_unit_test(total_chosen),
		cmocka_unit_test(grid),
		cmocka_unit_test(elimination),
		cmocka_unit_test(odd_rows),
		cmocka_unit_test(deterministic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
