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


static aa_lac lacp(csc_date decom, const char *ls, const char *place, csc_date dec, const char *rec)
{
	aa_lac e = lac(decom, "S", ls, dec, rec);
	strcpy(e.place, place);
	return e;
}

/* Days looked after: DECOM to the day before DEC, or to `to` when open. */
static void days_looked_after(void **state)
{
	(void)state;
	aa_lac ep[] = {lac(D(2024, 1, 1), "S", "C2", D(2024, 1, 11), "X1"), /* 1-10 Jan: 10 days */
		lac(D(2024, 1, 11), "L", "C2", CSC_NODATE, "")};
	assert_int_equal(aa_days_looked_after(ep, 2, D(2024, 1, 1), D(2024, 1, 10)), 10);
	assert_int_equal(aa_days_looked_after(ep, 1, D(2024, 1, 1), D(2024, 1, 31)), 10);
	/* 5-10 Jan (6) and 11-20 Jan (10) */
	assert_int_equal(aa_days_looked_after(ep, 2, D(2024, 1, 5), D(2024, 1, 20)), 16);
	assert_int_equal(aa_days_looked_after(ep, 2, D(2024, 1, 20), D(2024, 1, 5)), 0);
	assert_int_equal(aa_days_looked_after(ep, 2, CSC_NODATE, D(2024, 1, 5)), 0);
	/* the DEC day is not looked after: an episode ending on `from` gives 0 */
	assert_int_equal(aa_days_looked_after(ep, 1, D(2024, 1, 11), D(2024, 1, 11)), 0);
	assert_int_equal(aa_days_looked_after(ep, 2, D(2023, 12, 1), D(2023, 12, 31)), 0);
}

/* List 9 categories, I = 31/03/2026. */
static void leaver_category(void **state)
{
	(void)state;
	/* born 01/06/2009: 16 on I, 14 on 01/06/2023, 16 on 01/06/2025 */
	csc_date dob = D(2009, 6, 1);
	/* open since 31/12/2025: 31/12 + 31 + 28 + 31 = 91 days to I: eligible */
	aa_lac e = lac(D(2025, 12, 31), "S", "C2", CSC_NODATE, "");
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 'd');
	/* from 01/01/2026: 90 days, not eligible; looked after since 16: qualifying */
	e.decom = D(2026, 1, 1);
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 'c');
	/* 01/05/2025 to 01/08/2025: 31 + 30 + 31 = 92 days, ended after 16: relevant */
	e = lac(D(2025, 5, 1), "S", "V2", D(2025, 8, 1), "E8");
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 'a');
	e.dec = D(2025, 7, 30); /* 31 + 30 + 29 = 90 days: qualifying */
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 'c');
	/* ended on the 16th birthday after 151 days: relevant */
	e = lac(D(2025, 1, 1), "S", "V2", D(2025, 6, 1), "E8");
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 'a');
	/* ended the day before: never looked after at 16, not listed */
	e.dec = D(2025, 5, 31);
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 0);
	/* adopted, died: left out; OC3 DIED too */
	e = lac(D(2025, 5, 1), "S", "V2", D(2025, 8, 1), "E11");
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 0);
	strcpy(e.rec, "E2");
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 0, 0, 20), 0);
	strcpy(e.rec, "E8");
	assert_int_equal(aa_leaver_category(&e, 1, dob, I, 1, 1, 20), 0);
	/* an episode after I is not known at I */
	aa_lac two[] = {e, lac(D(2026, 4, 5), "S", "C2", CSC_NODATE, "")};
	assert_int_equal(aa_leaver_category(two, 2, dob, I, 0, 0, 20), 'a');
	/* no date of birth; 15 on I */
	assert_int_equal(aa_leaver_category(&e, 1, CSC_NODATE, I, 0, 0, 20), 0);
	assert_int_equal(aa_leaver_category(&e, 1, D(2010, 6, 1), I, 0, 0, 20), 0);
	/* born 15/01/2007: 19 on I, 16 on 15/01/2023, 18 on 15/01/2025;
	 * 01/10/2024 to 15/01/2025: 31 + 30 + 31 + 14 = 106 days before 18 */
	csc_date dob19 = D(2007, 1, 15);
	e = lac(D(2024, 10, 1), "S", "V2", D(2025, 1, 15), "E17");
	assert_int_equal(aa_leaver_category(&e, 1, dob19, I, 0, 0, 20), 'b');
	e.decom = D(2024, 11, 1); /* 30 + 31 + 14 = 75 days: qualifying */
	assert_int_equal(aa_leaver_category(&e, 1, dob19, I, 0, 0, 20), 'c');
	assert_int_equal(aa_leaver_category(&e, 1, dob19, I, 1, 0, 20), 'b'); /* in OC3 */
	assert_int_equal(aa_leaver_category(NULL, 0, dob19, I, 1, 0, 20), 'b');
	assert_int_equal(aa_leaver_category(NULL, 0, dob19, I, 0, 0, 20), 0);
	/* 21 on I: out at the default age, in with the setting at 25 */
	assert_int_equal(aa_leaver_category(NULL, 0, D(2005, 1, 15), I, 1, 0, 20), 0);
	assert_int_equal(aa_leaver_category(NULL, 0, D(2005, 1, 15), I, 1, 0, 25), 'b');
	/* 17 on I, left care at 13 by an SGO: qualifying */
	e = lac(D(2020, 1, 1), "S", "C2", D(2023, 1, 1), "E45");
	assert_int_equal(aa_leaver_category(&e, 1, D(2009, 1, 15), I, 0, 0, 20), 'c');
	strcpy(e.rec, "E4A");
	assert_int_equal(aa_leaver_category(&e, 1, D(2009, 1, 15), I, 0, 0, 20), 0);
	assert_string_equal(aa_leaver_out('d'), "d) Eligible child");
	assert_null(aa_leaver_out(0));
}

/* List 10, I = 31/03/2026, W12 from 31/03/2025. */
static void adoption(void **state)
{
	(void)state;
	aa_lac ep[] = {lacp(D(2023, 1, 1), "C2", "U6", D(2023, 6, 1), "X1"),
		lacp(D(2023, 6, 1), "E1", "U5", D(2023, 9, 1), "X1"),
		lacp(D(2023, 9, 1), "E1", "A4", D(2025, 6, 1), "E11")};
	aa_adoption q;
	assert_int_equal(aa_adoption_of(ep, 3, D(2023, 5, 1), CSC_NODATE, I, W12, &q), 1);
	assert_int_equal(q.entered, D(2023, 1, 1));
	assert_int_equal(q.order, D(2023, 6, 1)); /* first E1 */
	assert_int_equal(q.ffa, D(2023, 6, 1));   /* U5 */
	assert_int_equal(q.placed, D(2023, 9, 1)); /* A4 */
	assert_int_equal(q.adopted, D(2025, 6, 1));
	ep[2].dec = W12; /* adopted on W12's first day: in */
	assert_int_equal(aa_adoption_of(ep, 3, D(2023, 5, 1), CSC_NODATE, I, W12, &q), 1);
	ep[2].dec = D(2025, 3, 30); /* the day before: out */
	assert_int_equal(aa_adoption_of(ep, 3, D(2023, 5, 1), CSC_NODATE, I, W12, &q), 0);
	/* a decision before the period: the latest period */
	ep[2].dec = D(2025, 6, 1);
	assert_int_equal(aa_adoption_of(ep, 3, D(2022, 12, 1), CSC_NODATE, I, W12, &q), 1);
	assert_int_equal(q.entered, D(2023, 1, 1));
	/* not adopted: reversed before W12 out, in it in, after I unknown */
	aa_lac o = lacp(D(2025, 1, 1), "C2", "U6", CSC_NODATE, "");
	assert_int_equal(aa_adoption_of(&o, 1, D(2025, 2, 1), D(2025, 3, 30), I, W12, &q), 0);
	assert_int_equal(aa_adoption_of(&o, 1, D(2025, 2, 1), D(2025, 4, 1), I, W12, &q), 1);
	assert_int_equal(q.adopted, CSC_NODATE);
	assert_int_equal(q.order, CSC_NODATE);
	assert_int_equal(aa_adoption_of(&o, 1, D(2025, 2, 1), D(2026, 4, 1), I, W12, &q), 1);
	/* decided after I, or no decision date: out */
	assert_int_equal(aa_adoption_of(&o, 1, D(2026, 4, 1), CSC_NODATE, I, W12, &q), 0);
	assert_int_equal(aa_adoption_of(&o, 1, CSC_NODATE, CSC_NODATE, I, W12, &q), 0);
	/* no episodes: listed, the care dates blank */
	assert_int_equal(aa_adoption_of(NULL, 0, D(2025, 6, 1), CSC_NODATE, I, W12, &q), 1);
	assert_int_equal(q.entered, CSC_NODATE);
	/* two periods: the one holding the decision, though a later one is open */
	aa_lac two[] = {lacp(D(2020, 1, 1), "C2", "U6", D(2020, 6, 1), "E4A"),
		lacp(D(2021, 1, 1), "C2", "U6", CSC_NODATE, "")};
	assert_int_equal(aa_adoption_of(two, 2, D(2020, 3, 1), CSC_NODATE, I, W12, &q), 1);
	assert_int_equal(q.entered, D(2020, 1, 1));
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
		cmocka_unit_test(days_looked_after), cmocka_unit_test(leaver_category),
		cmocka_unit_test(adoption),
	};
	return cmocka_run_group_tests_name("annexa_derive", tests, NULL, NULL);
}
