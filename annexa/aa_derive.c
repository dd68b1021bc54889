/*
 * aa_derive.c - derived columns and record choices (aa_derive.h).
 */
#include <stddef.h>
#include <string.h>

#include "aa_derive.h"

int aa_count_12m(const csc_date *r, int n, int i)
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

/* RNE codes that start a placement (MEASURES.md). */
static int starts_placement(const aa_lac *e)
{
	return e->rne[0] && !e->rne[1] && strchr("SPTUB", e->rne[0]);
}

/* The last episode of the period starting at i (REC X1 joins the next). */
static int period_last(const aa_lac *ep, int n, int i)
{
	while (i + 1 < n && !strcmp(ep[i].rec, "X1"))
		i++;
	return i;
}

int aa_care_of(const aa_lac *ep, int n, csc_date I, csc_date w6, csc_date w12, aa_care *out)
{
	while (n > 0 && ep[n - 1].decom > I) /* nothing after I is listed */
		n--;
	memset(out, 0, sizeof *out);
	out->e = -1;
	out->placement = CSC_NODATE;
	int q = -1, qlast = -1;
	for (int i = 0; i < n;) {
		int last = period_last(ep, n, i);
		csc_date end = ep[last].dec;
		int open = end == CSC_NODATE || end > I;
		if (open || end >= w6) {
			q = i;
			qlast = last;
		}
		/* placements of this period meeting (I - 12 months, I] */
		for (int k = i; k <= last; k++) {
			if (!starts_placement(&ep[k]))
				continue;
			int nx = k + 1;
			while (nx <= last && !starts_placement(&ep[nx]))
				nx++;
			csc_date pend = nx <= last ? ep[nx].decom : end;
			if (pend == CSC_NODATE || pend - 1 > w12)
				out->placements_12m++;
		}
		i = last + 1;
	}
	if (q < 0)
		return 0;
	out->first = q;
	out->e = qlast;
	out->start = ep[q].decom;
	csc_date end = ep[qlast].dec;
	out->ceased = end != CSC_NODATE && end <= I ? end : CSC_NODATE;
	for (int i = 0; i < q;) {
		int last = period_last(ep, q, i);
		csc_date pe = ep[last].dec;
		if (pe != CSC_NODATE && pe >= w12 && pe < out->start)
			out->second = 1;
		i = last + 1;
	}
	int k = qlast;
	while (k > q && !strcmp(ep[k - 1].ls, ep[qlast].ls))
		k--;
	out->ls_start = ep[k].decom;
	for (k = qlast; k >= q; k--)
		if (starts_placement(&ep[k])) {
			out->placement = ep[k].decom;
			break;
		}
	return 1;
}

int aa_list4_holds(csc_date start, csc_date auth, csc_date I, csc_date w6)
{
	if (start == CSC_NODATE || start > I)
		return 0;
	return auth == CSC_NODATE || auth > I || auth >= w6;
}

/* 1 when the ";"-joined list holds code as a whole item. */
static int has_code(const char *list, const char *code)
{
	size_t n = strlen(code);
	for (const char *s = list; *s;) {
		size_t k = strcspn(s, ";");
		if (k == n && !strncmp(s, code, n))
			return 1;
		s += k + (s[k] == ';');
	}
	return 0;
}

int aa_requires_support(csc_date auth, const char *factors, const aa_episode *e, csc_date I)
{
	if (auth == CSC_NODATE || auth > I)
		return -1;
	if (has_code(factors, "21"))
		return 0;
	if (e->closure != CSC_NODATE && e->closure <= I &&
	    (!strcmp(e->reason, "RC8") || !strcmp(e->reason, "RC9")) &&
	    (e->work_last == CSC_NODATE || e->work_last < auth))
		return 0;
	return 1;
}

int aa_list5_holds(const aa_s47 *s, const aa_episode *e, csc_date I, csc_date w6)
{
	if (s->start == CSC_NODATE || s->start > I)
		return 0;
	if (s->start >= w6)
		return 1;
	if (s->icpc != CSC_NODATE && s->icpc <= I)
		return s->icpc >= w6;
	return s->not_required == 0 && e->referral != CSC_NODATE && e->referral <= w6 &&
	       (e->closure == CSC_NODATE || e->closure > w6);
}

int aa_icpcs_12m(const csc_date *icpc, int n, csc_date S)
{
	if (S == CSC_NODATE)
		return 0;
	csc_date from = csc_date_add_months(S, -12);
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (icpc[i] == CSC_NODATE || icpc[i] < from || icpc[i] >= S)
			continue;
		int seen = 0;
		for (int j = 0; j < i && !seen; j++)
			seen = icpc[j] == icpc[i];
		k += !seen;
	}
	return k;
}

long aa_days_looked_after(const aa_lac *ep, int n, csc_date from, csc_date to)
{
	long days = 0;
	if (from == CSC_NODATE || to == CSC_NODATE || from > to)
		return 0;
	for (int i = 0; i < n; i++) {
		csc_date a = ep[i].decom, z = ep[i].dec == CSC_NODATE ? to : ep[i].dec - 1;
		if (a < from)
			a = from;
		if (z > to)
			z = to;
		if (a <= z)
			days += (long)(z - a) + 1;
	}
	return days;
}

static int rec_is(const char *rec, const char *const *codes)
{
	for (; *codes; codes++)
		if (!strcmp(rec, *codes))
			return 1;
	return 0;
}

int aa_leaver_category(const aa_lac *ep, int n, csc_date dob, csc_date I, int in_oc3, int died,
		       int max_age)
{
	static const char *const gone[] = {"E2", "E11", "E12", NULL};
	static const char *const sgo[] = {"E45", "E46", "E47", "E48", NULL};
	if (dob == CSC_NODATE || dob > I || died)
		return 0;
	while (n > 0 && ep[n - 1].decom > I) /* nothing after I is known */
		n--;
	int age = csc_date_age(dob, I), open = 0, by_sgo = 0;
	csc_date b14 = csc_date_birthday(dob, 14), b16 = csc_date_birthday(dob, 16),
		 b18 = csc_date_birthday(dob, 18), ended = CSC_NODATE;
	const char *rec = "";
	for (int i = 0; i < n;) {
		int last = period_last(ep, n, i);
		csc_date end = ep[last].dec;
		if (end == CSC_NODATE || end > I) {
			open = 1;
		} else {
			ended = end;
			rec = ep[last].rec;
			by_sgo |= rec_is(rec, sgo);
		}
		i = last + 1;
	}
	/* the latest period ended by I, unless one is open after it */
	if (!open && ended != CSC_NODATE && rec_is(rec, gone))
		return 0;
	if (age >= 16 && age <= 17) {
		if (open && aa_days_looked_after(ep, n, b14, I) >= 91)
			return 'd';
		if (!open && ended != CSC_NODATE && ended >= b16 &&
		    aa_days_looked_after(ep, n, b14, ended) >= 91)
			return 'a';
	}
	if (age >= 18 && age <= max_age &&
	    ((aa_days_looked_after(ep, n, b16, b18 - 1) > 0 &&
	      aa_days_looked_after(ep, n, b14, b18 - 1) >= 91) || in_oc3))
		return 'b';
	if (age >= 16 && age <= 20 && (aa_days_looked_after(ep, n, b16, I) > 0 || by_sgo))
		return 'c';
	return 0;
}

const char *aa_leaver_out(int category)
{
	switch (category) {
	case 'a': return "a) Relevant child";
	case 'b': return "b) Former relevant child";
	case 'c': return "c) Qualifying care leaver";
	case 'd': return "d) Eligible child";
	default: return NULL;
	}
}

/* The first DECOM of ep[a..z] whose field at `off` is one of codes. */
static csc_date first_with(const aa_lac *ep, int a, int z, size_t off, const char *const *codes)
{
	for (int k = a; k <= z; k++)
		if (rec_is((const char *)&ep[k] + off, codes))
			return ep[k].decom;
	return CSC_NODATE;
}

int aa_adoption_of(const aa_lac *ep, int n, csc_date decision, csc_date ceased, csc_date I,
		   csc_date w12, aa_adoption *out)
{
	static const char *const adopted[] = {"E11", "E12", NULL};
	static const char *const order[] = {"E1", "D1", NULL};
	static const char *const placed[] = {"A3", "A4", "A5", "A6", NULL};
	static const char *const ffa[] = {"U2", "U5", NULL};
	out->entered = out->order = out->placed = out->ffa = out->adopted = CSC_NODATE;
	if (decision == CSC_NODATE || decision > I)
		return 0;
	while (n > 0 && ep[n - 1].decom > I)
		n--;
	int qa = -1, qz = -1, la = -1, lz = -1;
	for (int i = 0; i < n;) {
		int last = period_last(ep, n, i);
		csc_date end = ep[last].dec;
		if (ep[i].decom <= decision && (end == CSC_NODATE || end >= decision)) {
			qa = i; /* the period holding the decision */
			qz = last;
		}
		la = i;
		lz = last;
		i = last + 1;
	}
	if (qa < 0) { /* else the latest by I */
		qa = la;
		qz = lz;
	}
	if (qa >= 0) {
		out->entered = ep[qa].decom;
		out->order = first_with(ep, qa, qz, offsetof(aa_lac, ls), order);
		out->placed = first_with(ep, qa, qz, offsetof(aa_lac, place), placed);
		out->ffa = first_with(ep, qa, qz, offsetof(aa_lac, place), ffa);
		csc_date end = ep[qz].dec;
		if (end != CSC_NODATE && end <= I && rec_is(ep[qz].rec, adopted))
			out->adopted = end;
	}
	if (ceased != CSC_NODATE && ceased > I)
		ceased = CSC_NODATE; /* not known at I */
	if (out->adopted != CSC_NODATE)
		return out->adopted >= w12;
	if (ceased != CSC_NODATE)
		return ceased >= w12;
	return 1;
}
