/* The derived columns and record choices of the Annex A lists
 * (annexa/aa_derive.c), each case worked by hand from ANNEX-A.md section 1
 * with the inspection date I = 31/03/2026, so W6 starts 30/09/2025. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "annexa/aa_derive.h"

#define D(y, m, d) csc_date_make(y, m, d)
#define I D(2026, 3, 31)
#define W6 D(2025, 9, 30)

/* List 3: R - 12 months <= other < R; same date counts when earlier in
 * file order; the boundary day itself is inside. */
static void referrals_12m(void **state)
{
	(void)state;
	csc_date r[] = {D(2025, 1, 10), D(2025, 6, 15), D(2025, 6, 15), D(2026, 1, 10), CSC_NODATE,
		D(2026, 6, 15)};
	int n = 6;
	assert_int_equal(aa_count_12m(r, n, 0), 0);
	assert_int_equal(aa_count_12m(r, n, 1), 1); /* r0; r2 same day but later */
	assert_int_equal(aa_count_12m(r, n, 2), 2); /* r0, r1 (same day, earlier) */
	assert_int_equal(aa_count_12m(r, n, 3), 3); /* r0 on the boundary, r1, r2 */
	assert_int_equal(aa_count_12m(r, n, 4), 0); /* no date */
	assert_int_equal(aa_count_12m(r, n, 5), 3); /* r1, r2 on the boundary, r3 */
	/* 29 Feb less 12 months is 28 Feb */
	csc_date l[] = {D(2023, 2, 28), D(2023, 2, 27), D(2024, 2, 29)};
	assert_int_equal(aa_count_12m(l, 3, 2), 1);
	assert_int_equal(aa_count_12m(l, 1, 0), 0); /* a single referral */
}

static aa_episode ep(csc_date ref, csc_date closure, int nfa, int work, long line)
{
	aa_episode e;
	memset(&e, 0, sizeof e);
	e.referral = ref;
	e.closure = closure;
	e.nfa = nfa;
	e.work = work;
	e.line = line;
	e.work_last = CSC_NODATE;
	return e;
}

static void list6_holds(void **state)
{
	(void)state;
	aa_episode e = ep(D(2026, 4, 1), CSC_NODATE, 0, 1, 1);
	assert_false(aa_list6_holds(&e, I, W6)); /* referred after I */
	e = ep(I, CSC_NODATE, 0, 1, 1);
	assert_true(aa_list6_holds(&e, I, W6)); /* referred on I */
	e = ep(D(2025, 1, 1), D(2025, 9, 29), 0, 1, 1);
	assert_false(aa_list6_holds(&e, I, W6)); /* closed the day before W6 */
	e.closure = W6;
	assert_true(aa_list6_holds(&e, I, W6)); /* closed on W6's first day */
	e.nfa = 1;
	assert_false(aa_list6_holds(&e, I, W6)); /* referral NFA */
	e.nfa = -1;
	assert_true(aa_list6_holds(&e, I, W6)); /* NFA not recorded: not NFA */
	e.work = 0;
	assert_false(aa_list6_holds(&e, I, W6)); /* referral only */
	e = ep(CSC_NODATE, CSC_NODATE, 0, 1, 1);
	assert_false(aa_list6_holds(&e, I, W6));
}

static void list6_better(void **state)
{
	(void)state;
	aa_episode a = ep(D(2026, 1, 1), D(2026, 2, 1), 0, 1, 5);
	aa_episode b = ep(D(2025, 12, 1), CSC_NODATE, 0, 1, 2);
	assert_true(aa_list6_better(&a, &b, I)); /* later referral, though closed */
	assert_false(aa_list6_better(&b, &a, I));
	b.referral = a.referral; /* tie: the open one */
	assert_true(aa_list6_better(&b, &a, I));
	assert_false(aa_list6_better(&a, &b, I));
	a.closure = D(2026, 5, 1); /* closed after I: open at I; tie on both: file order */
	assert_true(aa_list6_better(&b, &a, I));
	assert_false(aa_list6_better(&a, &b, I));
}

static void case_status(void **state)
{
	(void)state;
	aa_episode e = ep(D(2025, 1, 1), I, 0, 1, 1);
	e.cin_plan_open = e.cp_open = e.open_assessment = 1;
	assert_string_equal(aa_case_status(&e, 1, 1, I), "e) Closed episode"); /* closed on I */
	e.closure = D(2026, 4, 5); /* closed after I: open at I */
	assert_string_equal(aa_case_status(&e, 1, 1, I), "a) Looked after child");
	assert_string_equal(aa_case_status(&e, 0, 1, I), "b) Child Protection plan");
	assert_string_equal(aa_case_status(&e, 0, 0, I), "c) Child in need plan");
	e.cin_plan_open = 0;
	assert_string_equal(aa_case_status(&e, 0, 0, I), "d) Open assessment");
	e.open_assessment = 0;
	assert_string_equal(aa_case_status(&e, 0, 0, I), "c) Child in need plan");
}

static aa_cpp plan(int child, csc_date start, csc_date end, long prev)
{
	aa_cpp c;
	memset(&c, 0, sizeof c);
	c.child = child;
	c.start = start;
	c.end = end;
	c.previous = prev;
	return c;
}

static void list7_holds(void **state)
{
	(void)state;
	aa_cpp c = plan(0, D(2026, 4, 1), CSC_NODATE, -1);
	assert_false(aa_list7_holds(&c, I, W6)); /* starts after I */
	c = plan(0, D(2025, 1, 1), D(2025, 9, 29), -1);
	assert_false(aa_list7_holds(&c, I, W6)); /* ended before W6 */
	c.end = W6;
	assert_true(aa_list7_holds(&c, I, W6));
	c.end = CSC_NODATE;
	assert_true(aa_list7_holds(&c, I, W6));
	c.start = CSC_NODATE;
	assert_false(aa_list7_holds(&c, I, W6));
}

static void previous_plans(void **state)
{
	(void)state;
	aa_cpp p[] = {plan(3, D(2020, 1, 1), D(2020, 9, 1), -1),
		plan(3, D(2022, 5, 5), D(2022, 6, 1), -1), plan(3, D(2022, 5, 5), D(2023, 1, 1), -1),
		plan(3, CSC_NODATE, CSC_NODATE, -1), plan(3, D(2024, 1, 1), CSC_NODATE, -1)};
	assert_int_equal(aa_previous_plans(&p[4], p, 5), 3); /* the undated plan is not counted */
	assert_int_equal(aa_previous_plans(&p[1], p, 5), 1); /* the same day is not earlier */
	assert_int_equal(aa_previous_plans(&p[0], p, 5), 0);
	p[4].previous = 2; /* NumberOfPreviousCPP wins when recorded, even 0 */
	assert_int_equal(aa_previous_plans(&p[4], p, 5), 2);
	p[4].previous = 0;
	assert_int_equal(aa_previous_plans(&p[4], p, 5), 0);
}

/* List 4: started by I; not authorised (or authorised after I) or
 * authorised in W6. */
static void list4_holds(void **state)
{
	(void)state;
	assert_false(aa_list4_holds(D(2026, 4, 1), CSC_NODATE, I, W6));
	assert_false(aa_list4_holds(CSC_NODATE, CSC_NODATE, I, W6));
	assert_true(aa_list4_holds(D(2025, 1, 1), CSC_NODATE, I, W6));
	assert_false(aa_list4_holds(D(2025, 1, 1), D(2025, 9, 29), I, W6));
	assert_true(aa_list4_holds(D(2025, 1, 1), W6, I, W6));
	assert_true(aa_list4_holds(D(2025, 1, 1), I, I, W6));
	assert_true(aa_list4_holds(D(2025, 1, 1), D(2026, 4, 2), I, W6));
}

static void requires_support(void **state)
{
	(void)state;
	aa_episode e = ep(D(2025, 1, 1), D(2025, 11, 1), 0, 1, 1);
	strcpy(e.reason, "RC8");
	csc_date auth = D(2025, 10, 1);
	assert_int_equal(aa_requires_support(CSC_NODATE, "", &e, I), -1);
	assert_int_equal(aa_requires_support(D(2026, 4, 1), "", &e, I), -1); /* after I */
	assert_int_equal(aa_requires_support(auth, "1A;21", &e, I), 0);       /* factor 21 */
	assert_int_equal(aa_requires_support(auth, "2A;3B", &e, I), 0);       /* RC8, nothing after */
	strcpy(e.reason, "RC7");
	assert_int_equal(aa_requires_support(auth, "211;1A", &e, I), 1);     /* 21 only as a part */
	strcpy(e.reason, "RC9");
	e.work_last = auth; /* a plan starting on the day of authorisation */
	assert_int_equal(aa_requires_support(auth, "", &e, I), 1);
	e.work_last = D(2025, 9, 30); /* only before it */
	assert_int_equal(aa_requires_support(auth, "", &e, I), 0);
	e.closure = D(2026, 5, 1); /* closed after I: not known then */
	assert_int_equal(aa_requires_support(auth, "", &e, I), 1);
}

static aa_s47 s47(csc_date start, csc_date icpc, int not_required)
{
	aa_s47 s = {0, 0, start, icpc, not_required};
	return s;
}

/* List 5: started in W6, or earlier and undecided at W6's start. */
static void list5_holds(void **state)
{
	(void)state;
	aa_episode e = ep(D(2025, 1, 1), CSC_NODATE, 0, 1, 1);
	aa_s47 s = s47(D(2025, 10, 1), CSC_NODATE, -1);
	assert_true(aa_list5_holds(&s, &e, I, W6));
	s.start = D(2026, 4, 1);
	assert_false(aa_list5_holds(&s, &e, I, W6)); /* after I */
	s.start = CSC_NODATE;
	assert_false(aa_list5_holds(&s, &e, I, W6));
	s = s47(D(2025, 9, 1), D(2025, 10, 5), 0);
	assert_true(aa_list5_holds(&s, &e, I, W6));  /* ICPC in W6 */
	s.icpc = D(2025, 9, 20);
	assert_false(aa_list5_holds(&s, &e, I, W6)); /* decided before W6 */
	s.icpc = CSC_NODATE;
	assert_true(aa_list5_holds(&s, &e, I, W6));  /* no ICPC, required, episode open */
	s.icpc = D(2026, 4, 10);
	assert_true(aa_list5_holds(&s, &e, I, W6));  /* an ICPC after I is none at I */
	s.icpc = CSC_NODATE;
	s.not_required = 1;
	assert_false(aa_list5_holds(&s, &e, I, W6));
	s.not_required = -1;
	assert_false(aa_list5_holds(&s, &e, I, W6)); /* not recorded false */
	s.not_required = 0;
	e.closure = W6;
	assert_false(aa_list5_holds(&s, &e, I, W6)); /* closed on I - 6 months */
	e.closure = D(2025, 10, 1);
	assert_true(aa_list5_holds(&s, &e, I, W6));
}

static void icpcs_12m(void **state)
{
	(void)state;
	csc_date c[] = {D(2025, 1, 15), D(2025, 6, 1), D(2025, 6, 1), CSC_NODATE, D(2026, 1, 15),
		D(2025, 1, 14)};
	/* [15/01/2025, 15/01/2026): the boundary day, one 01/06/2025 (twice) */
	assert_int_equal(aa_icpcs_12m(c, 6, D(2026, 1, 15)), 2);
	assert_int_equal(aa_icpcs_12m(c, 6, CSC_NODATE), 0);
	assert_int_equal(aa_icpcs_12m(c, 0, D(2026, 1, 15)), 0);
}

static aa_lac lac(csc_date decom, const char *rne, const char *ls, csc_date dec, const char *rec)
{
	aa_lac e;
	memset(&e, 0, sizeof e);
	e.decom = decom;
	e.dec = dec;
	strcpy(e.rne, rne);
	strcpy(e.ls, ls);
	strcpy(e.rec, rec);
	return e;
}

#define W12 D(2025, 3, 31)

/* List 8, worked by hand: three periods of care, the last open at I and
 * joined by X1 across a change of legal status, and an episode after I. */
static void care_periods(void **state)
{
	(void)state;
	aa_lac ep[] = {
		lac(D(2024, 1, 1), "S", "V2", D(2024, 6, 1), "E4A"),   /* P1: ended before W12 */
		lac(D(2025, 5, 1), "S", "V2", D(2025, 8, 1), "E4B"),   /* P2: ended in W12, before W6 */
		lac(D(2025, 10, 1), "S", "V2", D(2025, 11, 1), "X1"),  /* P3 ... */
		lac(D(2025, 11, 1), "L", "C2", D(2026, 1, 10), "X1"),  /* legal status change only */
		lac(D(2026, 1, 10), "P", "C2", CSC_NODATE, ""),        /* ... open at I */
		lac(D(2026, 4, 5), "S", "C2", CSC_NODATE, ""),         /* after I: ignored */
	};
	aa_care q;
	assert_int_equal(aa_care_of(ep, 6, I, W6, W12, &q), 1);
	assert_int_equal(q.first, 2);
	assert_int_equal(q.e, 4);
	assert_int_equal(q.start, D(2025, 10, 1));
	assert_int_equal(q.ceased, CSC_NODATE);
	assert_int_equal(q.second, 1);                 /* P2 ended 01/08/2025 */
	assert_int_equal(q.ls_start, D(2025, 11, 1));  /* C2 since episode 3 */
	assert_int_equal(q.placement, D(2026, 1, 10)); /* RNE P; RNE L starts none */
	/* P1's placement ended 31/05/2024: out; P2's; P3's two (episode 3
	 * starts none) */
	assert_int_equal(q.placements_12m, 3);
	/* without P2, no other period ended in the 12 months */
	aa_lac two[] = {ep[0], ep[2], ep[3], ep[4]};
	assert_int_equal(aa_care_of(two, 4, I, W6, W12, &q), 1);
	assert_int_equal(q.second, 0);
	assert_int_equal(q.placements_12m, 2);
}

static void care_edges(void **state)
{
	(void)state;
	aa_care q;
	aa_lac a = lac(D(2025, 1, 1), "S", "C2", W6, "E11"); /* ended on W6's first day */
	assert_int_equal(aa_care_of(&a, 1, I, W6, W12, &q), 1);
	assert_int_equal(q.ceased, W6);
	a.dec = D(2025, 9, 29); /* the day before: not listed */
	assert_int_equal(aa_care_of(&a, 1, I, W6, W12, &q), 0);
	a.dec = D(2026, 5, 1); /* ends after I: open at I, not ceased */
	assert_int_equal(aa_care_of(&a, 1, I, W6, W12, &q), 1);
	assert_int_equal(q.ceased, CSC_NODATE);
	a.decom = D(2026, 4, 1); /* starts after I */
	assert_int_equal(aa_care_of(&a, 1, I, W6, W12, &q), 0);
	/* a placement whose last day is I - 12 months does not meet the 12
	 * months; one day later it does */
	aa_lac b[] = {lac(D(2025, 1, 1), "S", "V2", D(2025, 4, 1), "E4A"),
		lac(D(2025, 4, 2), "S", "V2", CSC_NODATE, "")};
	assert_int_equal(aa_care_of(b, 2, I, W6, W12, &q), 1);
	assert_int_equal(q.placements_12m, 1);
	assert_int_equal(q.second, 1); /* ended 01/04/2025, after I - 12 months */
	b[0].dec = D(2025, 4, 2);
	assert_int_equal(aa_care_of(b, 2, I, W6, W12, &q), 1);
	assert_int_equal(q.placements_12m, 2);
	/* the latest qualifying period wins, and an empty list is not listed */
	assert_int_equal(aa_care_of(b, 0, I, W6, W12, &q), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(referrals_12m), cmocka_unit_test(list6_holds),
		cmocka_unit_test(list6_better), cmocka_unit_test(case_status),
		cmocka_unit_test(list7_holds), cmocka_unit_test(previous_plans),
		cmocka_unit_test(care_periods), cmocka_unit_test(care_edges),
		cmocka_unit_test(list4_holds), cmocka_unit_test(requires_support),
		cmocka_unit_test(list5_holds), cmocka_unit_test(icpcs_12m),
	};
	return cmocka_run_group_tests_name("annexa_derive", tests, NULL, NULL);
}
