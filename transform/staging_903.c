/* staging_903.c - the SSDA903 staging tables, grouped into one unit per
 * child with its periods of care and placements worked out once
 * (MEASURES.md, "Children in care"). */
#include <stdlib.h>
#include <string.h>

#include "staging.h"

struct tx_lac_load {
	tx_strtab ids, files;
	tx_lac_hdr *hdr; int nhdr, caphdr;
	tx_lac_ep *ep; int nep, capep;
	tx_lac_rev *rev; int nrev, caprev;
	tx_lac_miss *mis; int nmis, capmis;
	tx_lac_oc3 *oc3; int noc3, capoc3;
	tx_lac_poc *poc; int npoc, cappoc;
	tx_lac_plc *plc; int nplc, capplc;
};

static const char *file_of(struct tx_lac_load *L, const char *f)
{
	int i = tx_intern(&L->files, f); /* may grow files.s: index first */
	return L->files.s[i];
}

static const char *const hdr_cols[] = {"CHILD", "DOB", "src_file", "src_line", NULL};
static void hdr_row(void *ctx, const tx_fields *f)
{
	struct tx_lac_load *L = ctx;
	tx_lac_hdr *x = tx_push(&L->hdr, &L->nhdr, &L->caphdr, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->dob = tx_f_date(f, 1);
	x->file = file_of(L, f->v[2]);
	x->line = tx_f_long(f, 3, 0);
}

static const char *const ep_cols[] = {"CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER",
				      "DEC", "REC", "src_file", "src_line", NULL};
static void ep_row(void *ctx, const tx_fields *f)
{
	struct tx_lac_load *L = ctx;
	tx_lac_ep *x = tx_push(&L->ep, &L->nep, &L->capep, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->decom = tx_f_date(f, 1);
	tx_f_code(f, 2, x->rne, sizeof x->rne);
	tx_f_code(f, 3, x->ls, sizeof x->ls);
	tx_f_code(f, 4, x->place, sizeof x->place);
	tx_f_code(f, 5, x->provider, sizeof x->provider);
	x->dec = tx_f_date(f, 6);
	tx_f_code(f, 7, x->rec, sizeof x->rec);
	x->file = file_of(L, f->v[8]);
	x->line = tx_f_long(f, 9, 0);
}

static const char *const rev_cols[] = {"CHILD", "REVIEW", "src_file", "src_line", NULL};
static void rev_row(void *ctx, const tx_fields *f)
{
	struct tx_lac_load *L = ctx;
	tx_lac_rev *x = tx_push(&L->rev, &L->nrev, &L->caprev, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->date = tx_f_date(f, 1);
	x->file = file_of(L, f->v[2]);
	x->line = tx_f_long(f, 3, 0);
}

static const char *const mis_cols[] = {"CHILD", "MISSING", "MIS_START", "src_file", "src_line", NULL};
static void mis_row(void *ctx, const tx_fields *f)
{
	struct tx_lac_load *L = ctx;
	tx_lac_miss *x = tx_push(&L->mis, &L->nmis, &L->capmis, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->is_m = !strcmp(f->v[1], "M");
	x->start = tx_f_date(f, 2);
	x->file = file_of(L, f->v[3]);
	x->line = tx_f_long(f, 4, 0);
}

static const char *const oc3_cols[] = {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM", "src_file",
				       "src_line", NULL};
static void oc3_row(void *ctx, const tx_fields *f)
{
	struct tx_lac_load *L = ctx;
	tx_lac_oc3 *x = tx_push(&L->oc3, &L->noc3, &L->capoc3, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->dob = tx_f_date(f, 1);
	tx_f_code(f, 2, x->in_touch, sizeof x->in_touch);
	tx_f_code(f, 3, x->activ, sizeof x->activ);
	tx_f_code(f, 4, x->accom, sizeof x->accom);
	x->file = file_of(L, f->v[5]);
	x->line = tx_f_long(f, 6, 0);
}

static const tx_table tables[] = {
	{"ssda903_header.csv", hdr_cols, hdr_row},
	{"ssda903_episodes.csv", ep_cols, ep_row},
	{"ssda903_reviews.csv", rev_cols, rev_row},
	{"ssda903_missing.csv", mis_cols, mis_row},
	{"ssda903_oc3.csv", oc3_cols, oc3_row},
};

/* Stable insertion sorts: a child has a handful of records. */
static void sort_eps(tx_lac_ep *ep, int n)
{
	for (int i = 1; i < n; i++) {
		tx_lac_ep x = ep[i];
		int j = i;
		for (; j > 0 && ep[j - 1].decom > x.decom; j--)
			ep[j] = ep[j - 1];
		ep[j] = x;
	}
}

static void sort_revs(tx_lac_rev *r, int n)
{
	for (int i = 1; i < n; i++) {
		tx_lac_rev x = r[i];
		int j = i;
		for (; j > 0 && r[j - 1].date > x.date; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

int tx_lac_short_break(const tx_lac_ep *ep)
{
	return !strcmp(ep->ls, "V3") || !strcmp(ep->ls, "V4");
}

static int starts_placement(const tx_lac_ep *ep)
{
	return ep->rne[0] && !ep->rne[1] && strchr("SPTUB", ep->rne[0]);
}

/* Periods of care: runs of episodes (short breaks left out) joined by REC
 * X1. Placements: from each episode with RNE S/P/T/U/B (and from the first
 * episode of a period whatever its RNE: a looked-after child is placed
 * somewhere) to the next placement start or the period's end. */
static void build(struct tx_lac_load *L, tx_lac_child *u)
{
	L->npoc = L->nplc = 0;
	const char *prev_rec = NULL;
	for (int i = 0; i < u->nep; i++) {
		const tx_lac_ep *ep = &u->ep[i];
		if (tx_lac_short_break(ep) || ep->decom == CSC_NODATE)
			continue;
		tx_lac_poc *c;
		if (!prev_rec || strcmp(prev_rec, "X1")) {
			c = tx_push(&L->poc, &L->npoc, &L->cappoc, sizeof *c);
			c->start = ep->decom;
			c->first = i;
		} else {
			c = &L->poc[L->npoc - 1];
		}
		c->last = i;
		c->end = ep->dec;
		prev_rec = ep->rec;
		if (c->first == i || starts_placement(ep)) {
			if (L->nplc && L->plc[L->nplc - 1].poc == L->npoc - 1)
				L->plc[L->nplc - 1].end = ep->decom;
			tx_lac_plc *pl = tx_push(&L->plc, &L->nplc, &L->capplc, sizeof *pl);
			pl->start = ep->decom;
			pl->ep = i;
			pl->poc = L->npoc - 1;
		}
	}
	for (int k = 0; k < L->nplc; k++) {
		int last = k + 1 == L->nplc || L->plc[k + 1].poc != L->plc[k].poc;
		if (last)
			L->plc[k].end = L->poc[L->plc[k].poc].end;
	}
	u->poc = L->poc;
	u->npoc = L->npoc;
	u->plc = L->plc;
	u->nplc = L->nplc;
}

static void feed_903(tx_engine *e, struct tx_lac_load *Lp)
{
	struct tx_lac_load L = *Lp;
	int nc = L.ids.n;
	int *oh = tx_group(L.hdr, sizeof *L.hdr, L.nhdr, nc);
	int *oe = tx_group(L.ep, sizeof *L.ep, L.nep, nc);
	int *orv = tx_group(L.rev, sizeof *L.rev, L.nrev, nc);
	int *om = tx_group(L.mis, sizeof *L.mis, L.nmis, nc);
	int *oo = tx_group(L.oc3, sizeof *L.oc3, L.noc3, nc);
	for (int c = 0; c < nc; c++) {
		tx_lac_child u = {0};
		u.child = L.ids.s[c];
		u.dob = oh[c + 1] > oh[c] ? L.hdr[oh[c]].dob : CSC_NODATE;
		sort_eps(L.ep + oe[c], oe[c + 1] - oe[c]);
		sort_revs(L.rev + orv[c], orv[c + 1] - orv[c]);
		u.ep = L.ep + oe[c];
		u.nep = oe[c + 1] - oe[c];
		u.rev = L.rev + orv[c];
		u.nrev = orv[c + 1] - orv[c];
		u.mis = L.mis + om[c];
		u.nmis = om[c + 1] - om[c];
		u.oc3 = L.oc3 + oo[c];
		u.noc3 = oo[c + 1] - oo[c];
		build(&L, &u);
		tx_engine_unit(e, TX_903, &u);
	}
	free(oh); free(oe); free(orv); free(om); free(oo);
	*Lp = L; /* what the loop allocated (903: build()) is freed by the caller */
}

int tx_load_903(tx_engine *e, const char *dir)
{
	struct tx_lac_load L = {0};
	int rc = tx_read_tables(dir, tables, sizeof tables / sizeof tables[0], &L);
	if (rc == 0)
		feed_903(e, &L);
	free(L.hdr); free(L.ep); free(L.rev); free(L.mis); free(L.oc3); free(L.poc); free(L.plc);
	tx_strtab_free(&L.ids);
	tx_strtab_free(&L.files);
	return rc;
}
