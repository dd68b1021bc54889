/*
 * aa_derive.h - the derived columns and the record choices of the Annex A
 * lists, as ANNEX-A.md section 1 words them. Pure functions of the
 * records, so each is unit-tested by hand (tests/unit/test_annexa_derive.c).
 */
#ifndef AA_DERIVE_H
#define AA_DERIVE_H

#include "aa_data.h"

/* List 3, Number of Referrals in Last 12 Months (and List 5's Section 47
 * enquiries, the same rule): of one child's n dates r[] (its CINdetails,
 * or Section47s, in file order), how many others than r[i] lie
 * in [r[i] - 12 months, r[i]); one on the same date counts when it comes
 * earlier in file order. Empty dates never count; r[i] empty gives 0. */
int aa_count_12m(const csc_date *r, int n, int i);

/* List 6: the episode is listed (referral by I, not closed before I - 6
 * months, not referral-only: NFA, or no assessment, plan, S47 or CP plan). */
int aa_list6_holds(const aa_episode *e, csc_date I, csc_date w6);

/* List 6: 1 when episode a is the better row for its child than b (the
 * later referral; on a tie the one open at I, then the earlier in file
 * order). */
int aa_list6_better(const aa_episode *a, const aa_episode *b, csc_date I);

/* List 6, Case Status, the first that holds (ANNEX-A.md): closed by I ->
 * "e) Closed episode"; looked after at I -> "a) Looked after child"; CP
 * plan open at I -> "b) Child Protection plan"; CIN plan open at I ->
 * "c) Child in need plan"; open assessment -> "d) Open assessment"; else
 * "c) Child in need plan". cp_open and cin_plan_open are the child's. */
const char *aa_case_status(const aa_episode *e, int looked_after, int cp_open, csc_date I);

/* List 7: the plan is listed (start by I, not ended before I - 6 months). */
int aa_list7_holds(const aa_cpp *c, csc_date I, csc_date w6);

/* List 7, Number of Previous Child Protection Plans: NumberOfPreviousCPP
 * when the plan has it, else how many of the child's n plans all[] start
 * before it (plans with no start date do not count). */
long aa_previous_plans(const aa_cpp *c, const aa_cpp *all, int n);

/* List 4: the assessment (started by I) is listed: not authorised, or
 * authorised in W6 [w6, I]. An authorisation after I is not known at I:
 * listed, as not authorised. */
int aa_list4_holds(csc_date start, csc_date auth, csc_date I, csc_date w6);

/* List 4, requiring LA children's social care support (ANNEX-A.md, a
 * heuristic): -1 (blank) when not authorised by I; 0 (b) No) when its
 * factors (";"-joined codes) include 21, or its episode e closed by I with
 * RC8 or RC9 and no CIN plan, S47 or CP plan starting on or after the
 * authorisation; else 1 (a) Yes). */
int aa_requires_support(csc_date auth, const char *factors, const aa_episode *e, csc_date I);

/* List 5: the enquiry s of episode e is listed: started in W6, or
 * started before and undecided at I - 6 months (its ICPC in W6, or no ICPC
 * by I with ICPCnotRequired false and the episode open at I - 6 months). */
int aa_list5_holds(const aa_s47 *s, const aa_episode *e, csc_date I, csc_date w6);

/* List 5, Number of ICPCs in the last 12 months: how many distinct dates
 * of the n ICPC dates icpc[] (CSC_NODATE ignored) lie in [S - 12 months, S). */
int aa_icpcs_12m(const csc_date *icpc, int n, csc_date S);

/* List 8: a child's periods of care by the inspection date (MEASURES.md
 * Care: episodes joined by REC X1; a placement starts at RNE S, P, T, U or
 * B and lasts to the next placement start of the period or its end). */
typedef struct aa_care {
	int first, e;         /* Q's first and last episode (indexes into the child's) */
	csc_date start;       /* Q's first DECOM */
	csc_date ceased;      /* Q's end when on or before I, else CSC_NODATE */
	int second;           /* another period ended in [I - 12 months, Q's start) */
	csc_date ls_start;    /* first DECOM of the unbroken run of E's LS ending at E */
	csc_date placement;   /* start of Q's latest placement; CSC_NODATE: none */
	int placements_12m;   /* placements (any period) meeting the 12 months to I */
} aa_care;

/* Of one child's n episodes ep[] (sorted by DECOM, short breaks left out),
 * those starting after I ignored: the latest period of care Q that is open
 * at I or ended in W6 [w6, I], its last episode E and the derived columns
 * (ANNEX-A.md List 8). 1 and *out filled when there is such a period, 0
 * when the child is not listed. */
int aa_care_of(const aa_lac *ep, int n, csc_date I, csc_date w6, csc_date w12, aa_care *out);

/* Days looked after in [from, to] by one child's n episodes ep[] (sorted
 * by DECOM, short breaks left out): an episode holds the days from its
 * DECOM to the day before its DEC (the day care ends is not a day looked
 * after), or to `to` when open. 0 when from > to. */
long aa_days_looked_after(const aa_lac *ep, int n, csc_date from, csc_date to);

/* List 9, Eligibility Category (ANNEX-A.md, first that holds), from the
 * child's n episodes ep[] (sorted by DECOM, short breaks left out; those
 * starting after I are ignored), date of birth, whether the child is in
 * any OC3 file and whether OC3 says DIED. L14(t) is aa_days_looked_after
 * from the 14th birthday to t. Left out (0): no date of birth, OC3 DIED,
 * or the latest period of care ended by I ended E2, E11 or E12. Else:
 *   'd' Eligible child: 16-17, looked after at I, L14(I) >= 91;
 *   'a' Relevant child: 16-17, the latest period ended by I ended on or
 *       after the 16th birthday, L14(its end) >= 91;
 *   'b' Former relevant child: 18 to max_age, looked after on a day from
 *       the 16th to the 18th birthday with L14(day before 18th) >= 91, or
 *       in an OC3 file;
 *   'c' Qualifying care leaver: 16-20, looked after on a day from the 16th
 *       birthday to I, or a period ended by I ended E45-E48 (SGO);
 *   0 none. */
int aa_leaver_category(const aa_lac *ep, int n, csc_date dob, csc_date I, int in_oc3, int died,
		       int max_age);

/* The Annex A form of an eligibility category letter ("d) Eligible child"),
 * NULL for 0. */
const char *aa_leaver_out(int category);

/* List 10: what one adoption decision's period of care says. */
typedef struct aa_adoption {
	csc_date entered;     /* first DECOM of the period holding the decision (else the latest by I) */
	csc_date order;       /* first DECOM in it with LS E1 or D1 (Placement Order) */
	csc_date placed;      /* first DECOM in it with PLACE A3-A6 */
	csc_date ffa;         /* first DECOM in it with PLACE U2 or U5 */
	csc_date adopted;     /* its end when it ended E11/E12 by I (Adoption Order) */
} aa_adoption;

/* List 10 for the decision dated `decision` (DATE_PLACED, else DATE_INT)
 * with DATE_PLACED_CEASED `ceased`, from the child's n episodes ep[]
 * (sorted by DECOM, short breaks left out, those after I ignored). 1 and
 * *out filled when the decision is listed: made by I and, by I, adopted in
 * W12 [w12, I], reversed (ceased) in W12, or neither adopted nor reversed;
 * 0 when not (no decision date, decided after I, or adopted or reversed
 * before W12). With no episodes every date of *out is CSC_NODATE. */
int aa_adoption_of(const aa_lac *ep, int n, csc_date decision, csc_date ceased, csc_date I,
		   csc_date w12, aa_adoption *out);

#endif
