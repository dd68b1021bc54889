/*
 * aa_derive.h - the derived columns and the record choices of the Annex A
 * lists, as ANNEX-A.md section 1 words them. Pure functions of the
 * records, so each is unit-tested by hand (tests/unit/test_annexa_derive.c).
 */
#ifndef AA_DERIVE_H
#define AA_DERIVE_H

#include "aa_data.h"

/* List 3, Number of Referrals in Last 12 Months: of one child's n referral
 * dates r[] (its CINdetails in file order), how many others than r[i] lie
 * in [r[i] - 12 months, r[i]); one on the same date counts when it comes
 * earlier in file order. Empty dates never count; r[i] empty gives 0. */
int aa_referrals_12m(const csc_date *r, int n, int i);

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

#endif
