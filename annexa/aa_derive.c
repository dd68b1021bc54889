/*
 * aa_derive.c - derived columns and record choices (aa_derive.h).
 */
#include <string.h>

#include "aa_derive.h"

int aa_referrals_12m(const csc_date *r, int n, int i)
{
	if (r[i] == CSC_NODATE)
		return 0;
	csc_date from = csc_date_add_months(r[i], -12);
	int k = 0;
	for (int j = 0; j < n; j++)
		if (j != i && r[j] != CSC_NODATE && r[j] >= from &&
		    (r[j] < r[i] || (r[j] == r[i] && j < i)))
			k++;
	return k;
}

int aa_list6_holds(const aa_episode *e, csc_date I, csc_date w6)
{
	if (e->referral == CSC_NODATE || e->referral > I)
		return 0;
	if (e->closure != CSC_NODATE && e->closure < w6)
		return 0;
	return e->nfa != 1 && e->work;
}

/* Open at I: not closed by I (a closure after I is not yet known at I). */
static int ep_open(const aa_episode *e, csc_date I)
{
	return e->closure == CSC_NODATE || e->closure > I;
}

int aa_list6_better(const aa_episode *a, const aa_episode *b, csc_date I)
{
	if (a->referral != b->referral)
		return a->referral > b->referral;
	if (ep_open(a, I) != ep_open(b, I))
		return ep_open(a, I);
	return a->line < b->line;
}

const char *aa_case_status(const aa_episode *e, int looked_after, int cp_open, csc_date I)
{
	if (!ep_open(e, I))
		return "e) Closed episode";
	if (looked_after)
		return "a) Looked after child";
	if (cp_open)
		return "b) Child Protection plan";
	if (e->cin_plan_open)
		return "c) Child in need plan";
	if (e->open_assessment)
		return "d) Open assessment";
	return "c) Child in need plan";
}

int aa_list7_holds(const aa_cpp *c, csc_date I, csc_date w6)
{
	return c->start != CSC_NODATE && c->start <= I && (c->end == CSC_NODATE || c->end >= w6);
}

long aa_previous_plans(const aa_cpp *c, const aa_cpp *all, int n)
{
	if (c->previous >= 0)
		return c->previous;
	long k = 0;
	for (int j = 0; j < n; j++)
		if (all[j].child == c->child && all[j].start != CSC_NODATE && all[j].start < c->start)
			k++;
	return k;
}
