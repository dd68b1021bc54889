/* m_care.c - LA01-LA09 on one child's SSDA903 records. Periods of care and
 * placements are built once per child (staging_903.c), short breaks
 * (LS V3/V4) already left out. */
#include <stdio.h>
#include <string.h>

#include "measures.h"

#define CHILD const tx_lac_child *u = unit; char r[96]; (void)e
#define EPREC(i) tx_lac_rec(r, sizeof r, u->ep[i].file, u->ep[i].line)

/* The period of care the child is in on day d (start <= d < end), or -1. */
static int poc_at(const tx_lac_child *u, csc_date d)
{
	for (int k = 0; k < u->npoc; k++)
		if (u->poc[k].start <= d && (u->poc[k].end == CSC_NODATE || d < u->poc[k].end))
			return k;
	return -1;
}

/* A short-break episode covering d, or -1 (to explain an exclusion). */
static int short_break_at(const tx_lac_child *u, csc_date d)
{
	for (int i = 0; i < u->nep; i++)
		if (tx_lac_short_break(&u->ep[i]) && u->ep[i].decom != CSC_NODATE &&
		    u->ep[i].decom <= d && (u->ep[i].dec == CSC_NODATE || d < u->ep[i].dec))
			return i;
	return -1;
}

void m_la01(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int k = poc_at(u, p->end), s;
	if (k >= 0)
		tx_emit(a, "", TX_NUM, u->child, EPREC(u->poc[k].first),
			"period of care from %s, open on %s", TX_ISO(u->poc[k].start), TX_ISO(p->end));
	else if ((s = short_break_at(u, p->end)) >= 0)
		tx_emit(a, "", TX_EXCL, u->child, EPREC(s), "short breaks only (LS %s)", u->ep[s].ls);
}

static int tx_lac_on(const tx_lac_child *u, csc_date d)
{
	return poc_at(u, d) >= 0;
}

void m_la02(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int started = 0, ceased = 0;
	for (int k = 0; k < u->npoc; k++) {
		const tx_lac_poc *c = &u->poc[k];
		if (tx_in_period(c->start, p)) {
			started++;
			tx_emit(a, "started", TX_NUM, u->child, EPREC(c->first), "started %s",
				TX_ISO(c->start));
		}
		if (tx_in_period(c->end, p)) {
			ceased++;
			tx_emit(a, "ceased", TX_NUM, u->child, EPREC(c->last), "ceased %s, REC %s",
				TX_ISO(c->end), u->ep[c->last].rec);
		}
	}
	/* The flow reconciles child by child when periods of care do not
	 * overlap, so a mismatch names the child whose records are wrong. */
	int before = tx_lac_on(u, p->start - 1), after = tx_lac_on(u, p->end);
	if (before + started - ceased != after && !p->hidden)
		tx_dq(tx_acc_engine(a), "la02_flow", "LA02", u->child, "", p->end,
		      "%s to %s: looked after at the start %d + started %d - ceased %d != looked after at the end %d",
		      TX_ISO(p->start), TX_ISO(p->end), before, started, ceased, after);
}

void m_la03(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int k = poc_at(u, p->end);
	if (k < 0)
		return;
	csc_date lo = csc_date_add_months(p->end, -12);
	int n = 0;
	for (int j = 0; j < u->nplc; j++) {
		const tx_lac_plc *pl = &u->plc[j];
		if (pl->start <= p->end && (pl->end == CSC_NODATE || pl->end - 1 > lo))
			n++;
	}
	tx_emit(a, "", n >= 3 ? TX_NUM : TX_DEN, u->child, EPREC(u->poc[k].first),
		"%d placement%s in the 12 months ending %s", n, n == 1 ? "" : "s", TX_ISO(p->end));
}

void m_la04(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int k = poc_at(u, p->end);
	if (k < 0)
		return;
	const tx_lac_poc *c = &u->poc[k];
	EPREC(c->first);
	if (u->dob == CSC_NODATE) {
		tx_emit(a, "", TX_EXCL, u->child, r, "no date of birth in the Header table");
		tx_dq(tx_acc_engine(a), "missing_dob", "LA04", u->child, r, CSC_NODATE,
		      "looked-after child with no Header row or DOB");
		return;
	}
	int age = csc_date_age(u->dob, p->end);
	if (age >= 16) {
		tx_emit(a, "", TX_EXCL, u->child, r, "aged %d on %s", age, TX_ISO(p->end));
		return;
	}
	if (c->start > csc_date_add_months(p->end, -30)) {
		tx_emit(a, "", TX_EXCL, u->child, r, "looked after since %s, under 2.5 years",
			TX_ISO(c->start));
		return;
	}
	csc_date ps = CSC_NODATE;
	for (int j = 0; j < u->nplc; j++)
		if (u->plc[j].poc == k && u->plc[j].start <= p->end &&
		    (u->plc[j].end == CSC_NODATE || p->end < u->plc[j].end))
			ps = u->plc[j].start;
	int stable = ps != CSC_NODATE && ps <= csc_date_add_months(p->end, -24);
	tx_emit(a, "", stable ? TX_NUM : TX_DEN, u->child, r,
		"looked after since %s, current placement since %s", TX_ISO(c->start), TX_ISO(ps));
}

void m_la05(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int counted = 0;
	for (int i = 0; i < u->nmis; i++) {
		const tx_lac_miss *m = &u->mis[i];
		if (!m->is_m || !tx_in_period(m->start, p))
			continue;
		tx_lac_rec(r, sizeof r, m->file, m->line);
		tx_emit(a, "episodes", TX_NUM, u->child, r, "missing from %s", TX_ISO(m->start));
		if (!counted++)
			tx_emit(a, "children", TX_NUM, u->child, r, "first missing episode %s",
				TX_ISO(m->start));
	}
}

static int rec_in(const char *rec, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(rec, *list))
			return 1;
	return 0;
}

static const char *const sgo[] = {"E45", "E46", "E47", "E48", NULL};
static const char *const home[] = {"E4A", "E4B", NULL};

void m_la06(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	for (int k = 0; k < u->npoc; k++) {
		const tx_lac_poc *c = &u->poc[k];
		if (!tx_in_period(c->end, p))
			continue;
		const char *rec = u->ep[c->last].rec;
		tx_emit(a, "", rec_in(rec, sgo) ? TX_NUM : TX_DEN, u->child, EPREC(c->last),
			"ceased %s, REC %s", TX_ISO(c->end), rec);
	}
}

void m_la07(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	for (int k = 0; k < u->npoc; k++) {
		const tx_lac_poc *c = &u->poc[k];
		if (tx_in_period(c->end, p) && rec_in(u->ep[c->last].rec, home))
			tx_emit(a, "", TX_NUM, u->child, EPREC(c->last), "ceased %s, REC %s",
				TX_ISO(c->end), u->ep[c->last].rec);
	}
}

void m_la08(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int k = poc_at(u, p->end);
	if (k < 0)
		return;
	const csc_conf *c = tx_conf(e);
	for (int i = u->poc[k].first; i <= u->poc[k].last; i++) {
		const tx_lac_ep *x = &u->ep[i];
		if (tx_lac_short_break(x) || x->decom > p->end || (x->dec != CSC_NODATE && x->dec <= p->end))
			continue;
		int res = 0;
		for (int j = 0; j < c->nresidential; j++)
			res |= !strcmp(x->place, c->residential_places[j]);
		int purchased = !strcmp(x->provider, "PR4") || !strcmp(x->provider, "PR5");
		if (res && purchased)
			tx_emit(a, "", TX_NUM, u->child, EPREC(i), "PLACE %s, provider %s", x->place,
				x->provider);
		return;
	}
}

static csc_date tx_lac_next_review(csc_date r, int k)
{
	return csc_date_add_months(r, k == 1 ? 3 : 6);
}

void m_la09(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CHILD;
	int k = poc_at(u, p->end), n;
	if (k < 0)
		return;
	const tx_lac_poc *c = &u->poc[k];
	EPREC(c->first);
	if (tx_wd(e, c->start, p->end, &n) != 0) {
		tx_emit(a, "", TX_EXCL, u->child, r, "start %s outside the bank-holiday calendar",
			TX_ISO(c->start));
		tx_dq(tx_acc_engine(a), "outside_calendar", "LA09", u->child, r, c->start,
		      "working days from %s cannot be counted: outside the bank-holiday calendar",
		      TX_ISO(c->start));
		return;
	}
	if (n < 20)
		return;
	csc_date rev[256];
	int nr = 0;
	for (int i = 0; i < u->nrev && nr < 256; i++)
		if (u->rev[i].date != CSC_NODATE && u->rev[i].date >= c->start &&
		    (c->end == CSC_NODATE || u->rev[i].date <= c->end))
			rev[nr++] = u->rev[i].date;
	csc_date missed, due = csc_wd_add(tx_cal(e), c->start, 20);
	if (tx_review_walk(c->start, due, rev, nr, p->end, tx_lac_next_review, &missed))
		tx_emit(a, "", TX_NUM, u->child, r, "in care since %s: every review on time", TX_ISO(c->start));
	else
		tx_emit(a, "", TX_DEN, u->child, r, "in care since %s: no review by %s",
			TX_ISO(c->start), TX_ISO(missed));
}

/* Findings about a child's episodes that hold whatever the period. */
void tx_lac_checks(tx_engine *e, const void *unit)
{
	CHILD;
	int prev = -1;
	for (int i = 0; i < u->nep; i++) {
		const tx_lac_ep *x = &u->ep[i];
		if (tx_lac_short_break(x) || x->decom == CSC_NODATE)
			continue;
		if (x->dec != CSC_NODATE && x->dec < x->decom)
			tx_dq(e, "episode_ends_before_start", "LA01", u->child, EPREC(i), x->dec,
			      "episode ends %s, before it started %s", TX_ISO(x->dec), TX_ISO(x->decom));
		if (prev >= 0) {
			const tx_lac_ep *y = &u->ep[prev];
			if (y->dec == CSC_NODATE || x->decom < y->dec)
				tx_dq(e, "overlapping_episodes", "LA01", u->child, EPREC(i), x->decom,
				      "episode from %s starts before the previous one (from %s) ended%s%s",
				      TX_ISO(x->decom), TX_ISO(y->decom), y->dec == CSC_NODATE ? "" : " on ",
				      y->dec == CSC_NODATE ? "" : TX_ISO(y->dec));
			else if (!strcmp(y->rec, "X1") && x->decom != y->dec)
				tx_dq(e, "x1_gap", "LA02", u->child, EPREC(i), x->decom,
				      "previous episode ended %s with REC X1 but this one starts %s",
				      TX_ISO(y->dec), TX_ISO(x->decom));
		}
		prev = i;
	}
	if (prev >= 0 && !strcmp(u->ep[prev].rec, "X1"))
		tx_dq(e, "x1_last", "LA02", u->child, EPREC(prev), u->ep[prev].dec,
		      "last episode ends with REC X1 but no episode follows");
}
