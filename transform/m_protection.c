/* m_protection.c - HP01-HP11 on one child's CIN records (assessments,
 * Section 47 enquiries, child protection plans and their reviews). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "measures.h"

#define CHILD const tx_cin_child *u = unit; char r[96]

static const tx_cin_ep *episode(const tx_cin_child *u, int no)
{
	for (int i = 0; i < u->nep; i++)
		if (u->ep[i].no == no)
			return &u->ep[i];
	return NULL;
}

/* HP01, HP03: a record (episode ep, `kind` number no) counts when its date
 * d falls in the period, shown as "<what> <date>". */
static void count_dated(tx_acc *a, const tx_cin_child *u, const tx_period *p, int ep,
			const char *kind, int no, csc_date d, const char *what)
{
	char r[96];
	if (tx_in_period(d, p))
		tx_emit(a, "", TX_NUM, u->child, tx_cin_rec(r, sizeof r, u, ep, kind, no), "%s %s", what,
			TX_ISO(d));
}

void m_hp01(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	const tx_cin_child *u = unit;
	for (int i = 0; i < u->nas; i++)
		count_dated(a, u, p, u->as[i].ep, "assessment", u->as[i].no, u->as[i].auth, "authorised");
}

void m_hp02(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int by_referral = tx_conf(e)->assessment_basis == CSC_ASSESS_REFERRAL;
	for (int i = 0; i < u->nas; i++) {
		const tx_cin_asmt *x = &u->as[i];
		if (!tx_in_period(x->auth, p))
			continue;
		tx_cin_rec(r, sizeof r, u, x->ep, "assessment", x->no);
		const tx_cin_ep *ep = episode(u, x->ep);
		csc_date s = by_referral ? (ep ? ep->referral : CSC_NODATE) : x->start;
		const char *what = by_referral ? "referral" : "start";
		int n;
		if (s == CSC_NODATE) {
			tx_emit(a, "", TX_EXCL, u->child, r, "no %s date", what);
			tx_dq(tx_acc_engine(a), "missing_date", "HP02", u->child, r, x->auth,
			      "assessment authorised %s has no %s date", TX_ISO(x->auth), what);
		} else if (x->auth < s) {
			tx_emit(a, "", TX_EXCL, u->child, r, "authorised %s, before its %s %s",
				TX_ISO(x->auth), what, TX_ISO(s));
			tx_dq(tx_acc_engine(a), "authorised_before_start", "HP02", u->child, r, x->auth,
			      "assessment authorised %s, before its %s date %s", TX_ISO(x->auth), what,
			      TX_ISO(s));
		} else if (tx_wd(e, s, x->auth, &n) != 0) {
			tx_emit(a, "", TX_EXCL, u->child, r, "%s %s outside the bank-holiday calendar",
				what, TX_ISO(s));
			tx_dq(tx_acc_engine(a), "outside_calendar", "HP02", u->child, r, s,
			      "working days from %s to %s cannot be counted: outside the bank-holiday calendar",
			      TX_ISO(s), TX_ISO(x->auth));
		} else {
			tx_emit(a, "", n <= 45 ? TX_NUM : TX_DEN, u->child, r,
				"%s %s, authorised %s: %d working days", what, TX_ISO(s),
				TX_ISO(x->auth), n);
		}
	}
}

void m_hp03(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	const tx_cin_child *u = unit;
	for (int i = 0; i < u->ns47; i++)
		count_dated(a, u, p, u->s47[i].ep, "s47", u->s47[i].no, u->s47[i].start, "S47 started");
}

/* HP04's denominator: the S47's own ICPC in period, on or after its start
 * (a conference before its S47 is a dq finding, made in tx_cin_checks). */
static int icpc_counted(const tx_cin_s47 *x, const tx_period *p)
{
	return tx_in_period(x->icpc, p) && x->start != CSC_NODATE && x->icpc >= x->start;
}

void m_hp04(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	for (int i = 0; i < u->ns47; i++) {
		const tx_cin_s47 *x = &u->s47[i];
		if (!tx_in_period(x->icpc, p))
			continue;
		tx_cin_rec(r, sizeof r, u, x->ep, "s47", x->no);
		int n;
		if (!icpc_counted(x, p)) {
			tx_emit(a, "", TX_EXCL, u->child, r, "ICPC %s %s", TX_ISO(x->icpc),
				x->start == CSC_NODATE ? "with no S47 start date" : "before its S47 start");
		} else if (tx_wd(e, x->start, x->icpc, &n) != 0) {
			tx_emit(a, "", TX_EXCL, u->child, r, "S47 start %s outside the bank-holiday calendar",
				TX_ISO(x->start));
			tx_dq(tx_acc_engine(a), "outside_calendar", "HP04", u->child, r, x->start,
			      "working days from %s to %s cannot be counted: outside the bank-holiday calendar",
			      TX_ISO(x->start), TX_ISO(x->icpc));
		} else {
			tx_emit(a, "", n <= 15 ? TX_NUM : TX_DEN, u->child, r,
				"S47 %s, ICPC %s: %d working days", TX_ISO(x->start), TX_ISO(x->icpc), n);
		}
	}
}

void m_hp05(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CHILD;
	for (int i = 0; i < u->ns47; i++) {
		const tx_cin_s47 *x = &u->s47[i];
		if (!icpc_counted(x, p))
			continue;
		int plan = 0;
		for (int j = 0; j < u->ncpp && !plan; j++)
			plan = u->cpp[j].ep == x->ep && u->cpp[j].start == x->icpc;
		tx_emit(a, "", plan ? TX_NUM : TX_DEN, u->child, tx_cin_rec(r, sizeof r, u, x->ep, "s47", x->no),
			plan ? "ICPC %s: plan started that day" : "ICPC %s: no plan started that day",
			TX_ISO(x->icpc));
	}
}

static int open_at(const tx_cin_cpp *c, csc_date d)
{
	return c->start != CSC_NODATE && c->start <= d && (c->end == CSC_NODATE || c->end > d);
}

/* The child's plan open at d: the earliest-started one when records
 * overlap (the longest time on a plan); NULL when none. */
static const tx_cin_cpp *open_plan(const tx_cin_child *u, csc_date d)
{
	const tx_cin_cpp *best = NULL;
	for (int i = 0; i < u->ncpp; i++)
		if (open_at(&u->cpp[i], d) && (!best || u->cpp[i].start < best->start))
			best = &u->cpp[i];
	return best;
}

void m_hp06(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CHILD;
	const tx_cin_cpp *c = open_plan(u, p->end);
	if (!c)
		return;
	/* named first: the data-quality finding below needs it too */
	tx_cin_rec(r, sizeof r, u, c->ep, "cpp", c->no);
	tx_emit(a, "", TX_NUM, u->child, r, "plan started %s, open on %s", TX_ISO(c->start),
		TX_ISO(p->end));
	int open = 0;
	for (int i = 0; i < u->ncpp; i++)
		open += open_at(&u->cpp[i], p->end);
	if (open > 1)
		tx_dq(tx_acc_engine(a), "overlapping_plans", "HP06", u->child, r, p->end,
		      "%d child protection plans open on %s", open, TX_ISO(p->end));
}

void m_hp07(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CHILD;
	for (int i = 0; i < u->ncpp; i++) {
		const tx_cin_cpp *c = &u->cpp[i];
		if (!tx_in_period(c->start, p))
			continue;
		int j, earlier = -1;
		for (j = 0; j < u->ncpp && earlier < 0; j++)
			if (u->cpp[j].start != CSC_NODATE && u->cpp[j].start < c->start)
				earlier = j;
		tx_cin_rec(r, sizeof r, u, c->ep, "cpp", c->no);
		if (c->previous > 0)
			tx_emit(a, "", TX_NUM, u->child, r, "NumberOfPreviousCPP %d", c->previous);
		else if (earlier >= 0)
			tx_emit(a, "", TX_NUM, u->child, r, "earlier plan started %s",
				TX_ISO(u->cpp[earlier].start));
		else
			tx_emit(a, "", TX_DEN, u->child, r, "first plan");
	}
}

void m_hp08(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CHILD;
	for (int i = 0; i < u->ncpp; i++) {
		const tx_cin_cpp *c = &u->cpp[i];
		if (!tx_in_period(c->end, p) || c->start == CSC_NODATE)
			continue;
		int two = c->end >= csc_date_add_months(c->start, 24);
		tx_emit(a, "", two ? TX_NUM : TX_DEN, u->child, tx_cin_rec(r, sizeof r, u, c->ep, "cpp", c->no),
			"plan %s to %s", TX_ISO(c->start), TX_ISO(c->end));
	}
}

/* Time on plan bands: the band holds start > end - months[b+1] and
 * start <= end - months[b] (MEASURES.md, HP09). */
static const char *const hp09_bd[] = {"<3m", "3-6m", "6-12m", "1-2y", "2y+"};
static const int hp09_months[] = {0, 3, 6, 12, 24};

void m_hp09(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CHILD;
	const tx_cin_cpp *c = open_plan(u, p->end);
	if (!c)
		return;
	int b = 4;
	while (b > 0 && c->start > csc_date_add_months(p->end, -hp09_months[b]))
		b--;
	tx_emit(a, hp09_bd[b], TX_NUM, u->child, tx_cin_rec(r, sizeof r, u, c->ep, "cpp", c->no),
		"plan started %s", TX_ISO(c->start));
}

static csc_date six_months(csc_date r, int k)
{
	(void)k;
	return csc_date_add_months(r, 6);
}

static int cmp_date(const void *x, const void *y)
{
	csc_date a = *(const csc_date *)x, b = *(const csc_date *)y;
	return (a > b) - (a < b);
}

void m_hp10(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CHILD;
	const tx_cin_cpp *c = open_plan(u, p->end);
	if (!c)
		return;
	tx_cin_rec(r, sizeof r, u, c->ep, "cpp", c->no);
	if (c->start > csc_date_add_months(p->end, -3))
		return;
	csc_date stack[64], *rev = u->nrev <= 64 ? stack : csc_xmalloc((size_t)u->nrev * sizeof *rev);
	int n = 0;
	for (int i = 0; i < u->nrev; i++)
		if (u->rev[i].ep == c->ep && u->rev[i].cpp == c->no && u->rev[i].date != CSC_NODATE)
			rev[n++] = u->rev[i].date;
	qsort(rev, (size_t)n, sizeof *rev, cmp_date);
	csc_date missed;
	if (tx_review_walk(c->start, csc_date_add_months(c->start, 3), rev, n, p->end, six_months,
			   &missed))
		tx_emit(a, "", TX_NUM, u->child, r, "plan started %s: every review on time (%d reviews)",
			TX_ISO(c->start), n);
	else
		tx_emit(a, "", TX_DEN, u->child, r, "plan started %s: no review by %s", TX_ISO(c->start),
			TX_ISO(missed));
	if (rev != stack)
		free(rev);
}

void m_hp11(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CHILD;
	for (int i = 0; i < u->nep; i++) {
		const tx_cin_ep *x = &u->ep[i];
		if (x->referral != CSC_NODATE && x->referral <= p->end &&
		    (x->closure == CSC_NODATE || x->closure > p->end)) {
			tx_emit(a, "", TX_NUM, u->child, tx_cin_rec(r, sizeof r, u, x->no, NULL, 0),
				"referred %s, open on %s", TX_ISO(x->referral), TX_ISO(p->end));
			return;
		}
	}
}

/* Findings about a child's CIN records that hold whatever the period. */
void tx_cin_checks(tx_engine *e, const void *unit)
{
	CHILD;
	for (int i = 0; i < u->ns47; i++) {
		const tx_cin_s47 *x = &u->s47[i];
		if (x->icpc != CSC_NODATE && x->start != CSC_NODATE && x->icpc < x->start)
			tx_dq(e, "icpc_before_s47", "HP04", u->child,
			      tx_cin_rec(r, sizeof r, u, x->ep, "s47", x->no), x->icpc,
			      "initial conference %s is before its S47 start %s: not counted",
			      TX_ISO(x->icpc), TX_ISO(x->start));
	}
	for (int i = 0; i < u->nrev; i++) {
		const tx_cin_rev *v = &u->rev[i];
		for (int j = 0; j < u->ncpp; j++) {
			const tx_cin_cpp *c = &u->cpp[j];
			if (c->ep == v->ep && c->no == v->cpp && v->date != CSC_NODATE &&
			    c->start != CSC_NODATE && v->date < c->start)
				tx_dq(e, "review_before_plan", "HP10", u->child,
				      tx_cin_rec(r, sizeof r, u, c->ep, "cpp", c->no), v->date,
				      "review %s is before the plan started %s", TX_ISO(v->date),
				      TX_ISO(c->start));
		}
	}
	for (int j = 0; j < u->ncpp; j++) {
		const tx_cin_cpp *c = &u->cpp[j];
		if (c->end != CSC_NODATE && c->start != CSC_NODATE && c->end < c->start)
			tx_dq(e, "plan_ends_before_start", "HP08", u->child,
			      tx_cin_rec(r, sizeof r, u, c->ep, "cpp", c->no), c->end,
			      "plan ends %s, before it started %s", TX_ISO(c->end), TX_ISO(c->start));
	}
	for (int i = 0; i < u->nep; i++) {
		const tx_cin_ep *x = &u->ep[i];
		if (x->closure != CSC_NODATE && x->referral != CSC_NODATE && x->closure < x->referral)
			tx_dq(e, "closed_before_referral", "HP11", u->child,
			      tx_cin_rec(r, sizeof r, u, x->no, NULL, 0), x->closure,
			      "episode closed %s, before its referral %s", TX_ISO(x->closure),
			      TX_ISO(x->referral));
	}
}
