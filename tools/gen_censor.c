/*
 * gen_censor.c - cut a simulated child at the dump's history.
 *
 * The simulation runs past the extraction date; a case system only knows
 * what happened up to it. So: a record starting after the extraction date
 * disappears, an end after it becomes absent (the record is open), and
 * everything that depends on that end goes with it (closure reasons, REC,
 * reason for placement change, assessment factors, ICPC outcome). Records
 * that ended before the first day of the dump's history are not in the dump,
 * except that a CIN episode or a period of care overlapping the history is
 * kept whole, as case systems export them.
 */
#include <string.h>

#include "gen_model.h"

#define CUT(d, e) ((d) != CSC_NODATE && (d) > (e))

static void censor_cin(const gen_opts *o, gen_child *c)
{
	csc_date E = o->end, S = o->start;
	int n = 0;
	for (int i = 0; i < c->ncin; i++) {
		gen_cin *e = &c->cin[i];
		if (e->ref > E || (e->close != CSC_NODATE && e->close < S))
			continue;
		if (CUT(e->close, E))
			e->close = CSC_NODATE, e->reason = 0;
		int k = 0;
		for (int j = 0; j < e->nassess; j++) {
			gen_assess *a = &e->assess[j];
			if (a->start > E)
				continue;
			if (CUT(a->auth, E))
				a->auth = CSC_NODATE, a->nfactors = 0;
			if (CUT(a->review, E))
				a->review = CSC_NODATE;
			e->assess[k++] = *a;
		}
		e->nassess = k;
		k = 0;
		for (int j = 0; j < e->nplans; j++) {
			if (e->plan[j].start > E)
				continue;
			if (CUT(e->plan[j].end, E))
				e->plan[j].end = CSC_NODATE;
			e->plan[k++] = e->plan[j];
		}
		e->nplans = k;
		k = 0;
		for (int j = 0; j < e->ns47; j++) {
			gen_s47 *q = &e->s47[j];
			if (q->start > E)
				continue;
			/* whether a conference is needed is decided at the end of
			 * the enquiry; until then the flag is false */
			if (CUT(q->icpc, E) || (q->not_required && q->start + 10 > E))
				q->icpc = CSC_NODATE, q->not_required = 0;
			e->s47[k++] = *q;
		}
		e->ns47 = k;
		k = 0;
		for (int j = 0; j < e->ncpp; j++) {
			gen_cpp *p = &e->cpp[j];
			if (p->start > E)
				continue;
			if (CUT(p->end, E))
				p->end = CSC_NODATE;
			int r = 0;
			while (r < p->nrev && p->review[r] <= E)
				r++;
			p->nrev = r;
			e->cpp[k++] = *p;
		}
		e->ncpp = k;
		c->cin[n++] = *e;
	}
	c->ncin = n;
}

static void censor_care(const gen_opts *o, gen_child *c)
{
	csc_date E = o->end, S = o->start;
	/* keep whole periods of care that overlap [S, E] */
	uint32_t keep = 0;
	for (int i = 0; i < c->nepi; i++) {
		gen_epi *x = &c->epi[i];
		int last = i + 1 == c->nepi || c->epi[i + 1].period != x->period;
		if (last && x->dec >= S && c->epi[i].period < 32) {
			/* the period's first episode starts on or before E */
			int f = i;
			while (f > 0 && c->epi[f - 1].period == x->period)
				f--;
			if (c->epi[f].decom <= E)
				keep |= 1u << x->period;
		}
	}
	csc_date from = CSC_NODATE;
	int n = 0;
	for (int i = 0; i < c->nepi; i++) {
		gen_epi *x = &c->epi[i];
		if (x->period >= 32 || !(keep >> x->period & 1) || x->decom > E)
			continue;
		if (from == CSC_NODATE)
			from = x->decom;
		if (CUT(x->dec, E))
			x->dec = CSC_NODATE, x->rec[0] = 0, x->rpc[0] = 0;
		c->epi[n++] = *x;
	}
	c->nepi = n;

	/* the period-level tables follow the kept periods */
	int k = 0;
	for (int i = 0; i < c->nrev; i++)
		if (from != CSC_NODATE && c->review[i] >= from && c->review[i] <= E)
			c->review[k++] = c->review[i];
	c->nrev = k;
	k = 0;
	for (int i = 0; i < c->nmiss; i++) {
		gen_missing *m = &c->miss[i];
		if (from == CSC_NODATE || m->start < from || m->start > E)
			continue;
		if (CUT(m->end, E))
			m->end = CSC_NODATE;
		c->miss[k++] = *m;
	}
	c->nmiss = k;
	k = 0;
	for (int i = 0; i < c->nsw; i++) {
		gen_sw *w = &c->sw[i];
		if (from == CSC_NODATE || w->start < from || w->start > E)
			continue;
		if (CUT(w->end, E))
			w->end = CSC_NODATE, w->reason = 0;
		c->sw[k++] = *w;
	}
	c->nsw = k;
	k = 0;
	for (int i = 0; i < c->ndolo; i++) {
		gen_span *d = &c->dolo[i];
		if (from == CSC_NODATE || d->start < from || d->start > E)
			continue;
		if (CUT(d->end, E))
			d->end = CSC_NODATE;
		c->dolo[k++] = *d;
	}
	c->ndolo = k;
	k = 0;
	for (int i = 0; i < c->noc2; i++)
		if (c->oc2[i].census >= S && c->oc2[i].census <= E)
			c->oc2[k++] = c->oc2[i];
	c->noc2 = k;
	k = 0;
	for (int i = 0; i < c->nprevperm; i++)
		if (c->prevperm_period[i] < 32 && keep >> c->prevperm_period[i] & 1) {
			c->prevperm[k] = c->prevperm[i];
			c->prevperm_date[k++] = c->prevperm_date[i];
		}
	c->nprevperm = k;

	/* adoption: AD1 once the adoption order is made, PlacedAdoption once
	 * the decision is taken */
	int adopted_in_dump = 0;
	for (int i = 0; i < c->nepi; i++)
		if (!strcmp(c->epi[i].rec, "E11") || !strcmp(c->epi[i].rec, "E12"))
			adopted_in_dump = 1;
	if (c->nplaced && (c->placed[0] > E || !c->nepi))
		c->nplaced = 0;
	c->adopted = c->adopted && adopted_in_dump;

	if (c->uasc && !c->nepi)
		c->uasc = 0;
	if (CUT(c->duc, E))
		c->duc = CSC_NODATE;
	/* one OC3 row per 17th-21st birthday in the history, oldest first, as
	 * the returns of those years held them (like OC2) */
	k = 0;
	for (int i = 0; i < c->noc3; i++)
		if (c->oc3[i].birthday >= S && c->oc3[i].birthday <= E)
			c->oc3[k++] = c->oc3[i];
	c->noc3 = k;
}

int gen_censor_child(const gen_opts *o, gen_child *c)
{
	csc_date E = o->end, S = o->start;
	int k = 0;
	for (int i = 0; i < c->ncontacts; i++) {
		gen_contact *x = &c->contact[i];
		if (x->date < S || x->date > E)
			continue;
		if (CUT(x->done, E)) {
			x->done = CSC_NODATE;
			if (x->outcome != GEN_OUT_REF)
				x->outcome = GEN_OUT_NONE;
		}
		c->contact[k++] = *x;
	}
	c->ncontacts = k;
	k = 0;
	for (int i = 0; i < c->neh; i++) {
		gen_eh *h = &c->eh[i];
		if (h->start > E || h->end < S)
			continue;
		if (CUT(h->done, E))
			h->done = CSC_NODATE;
		if (CUT(h->end, E))
			h->end = CSC_NODATE;
		c->eh[k++] = *h;
	}
	c->neh = k;
	censor_cin(o, c);
	censor_care(o, c);
	return c->ncontacts || c->neh || c->ncin || c->nepi || c->noc3;
}
