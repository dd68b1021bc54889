/* staging_cin.c - the CIN census staging tables, grouped into one unit per
 * child (the measures look across a child's episodes: re-referrals, second
 * plans). */
#include <stdlib.h>
#include <string.h>

#include "staging.h"

struct tx_cin_load {
	tx_strtab ids;
	csc_date *dob; int ndob, capdob;
	tx_cin_ep *ep; int nep, capep;
	tx_cin_asmt *as; int nas, capas;
	tx_cin_s47 *s47; int ns47, caps47;
	tx_cin_cpp *cpp; int ncpp, capcpp;
	tx_cin_rev *rev; int nrev, caprev;
};

static const char *const child_cols[] = {"child", "dob", NULL};
static void child_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	int c = tx_intern(&L->ids, f->v[0]);
	while (L->ndob <= c)
		*(csc_date *)tx_push(&L->dob, &L->ndob, &L->capdob, sizeof *L->dob) = CSC_NODATE;
	L->dob[c] = tx_f_date(f, 1);
}

static const char *const ep_cols[] = {"child", "episode", "referral_date", "closure_date",
				      "referral_nfa", "src_line", NULL};
static void ep_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_ep *x = tx_push(&L->ep, &L->nep, &L->capep, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->no = (int)tx_f_long(f, 1, 0);
	x->referral = tx_f_date(f, 2);
	x->closure = tx_f_date(f, 3);
	x->nfa = tx_f_bool(f, 4);
	x->line = tx_f_long(f, 5, 0);
}

static const char *const as_cols[] = {"child", "episode", "assessment", "start_date",
				      "authorisation_date", "src_line", NULL};
static void as_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_asmt *x = tx_push(&L->as, &L->nas, &L->capas, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->ep = (int)tx_f_long(f, 1, 0);
	x->no = (int)tx_f_long(f, 2, 0);
	x->start = tx_f_date(f, 3);
	x->auth = tx_f_date(f, 4);
	x->line = tx_f_long(f, 5, 0);
}

static const char *const s47_cols[] = {"child", "episode", "s47", "start_date", "icpc_date",
				       "src_line", NULL};
static void s47_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_s47 *x = tx_push(&L->s47, &L->ns47, &L->caps47, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->ep = (int)tx_f_long(f, 1, 0);
	x->no = (int)tx_f_long(f, 2, 0);
	x->start = tx_f_date(f, 3);
	x->icpc = tx_f_date(f, 4);
	x->line = tx_f_long(f, 5, 0);
}

static const char *const cpp_cols[] = {"child", "episode", "cpp", "start_date", "end_date",
				       "previous_cpp", "src_line", NULL};
static void cpp_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_cpp *x = tx_push(&L->cpp, &L->ncpp, &L->capcpp, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->ep = (int)tx_f_long(f, 1, 0);
	x->no = (int)tx_f_long(f, 2, 0);
	x->start = tx_f_date(f, 3);
	x->end = tx_f_date(f, 4);
	x->previous = (int)tx_f_long(f, 5, 0);
	x->line = tx_f_long(f, 6, 0);
}

static const char *const rev_cols[] = {"child", "episode", "cpp", "review_date", "src_line", NULL};
static void rev_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_rev *x = tx_push(&L->rev, &L->nrev, &L->caprev, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	x->ep = (int)tx_f_long(f, 1, 0);
	x->cpp = (int)tx_f_long(f, 2, 0);
	x->date = tx_f_date(f, 3);
	x->line = tx_f_long(f, 4, 0);
}

static const tx_table tables[] = {
	{"cin_children.csv", child_cols, child_row},
	{"cin_episodes.csv", ep_cols, ep_row},
	{"cin_assessments.csv", as_cols, as_row},
	{"cin_s47.csv", s47_cols, s47_row},
	{"cin_cpp.csv", cpp_cols, cpp_row},
	{"cin_cpp_reviews.csv", rev_cols, rev_row},
};

static void feed_cin(tx_engine *e, struct tx_cin_load *Lp)
{
	struct tx_cin_load L = *Lp;
	int nc = L.ids.n;
	int *oe = tx_group(L.ep, sizeof *L.ep, L.nep, nc);
	int *oa = tx_group(L.as, sizeof *L.as, L.nas, nc);
	int *os = tx_group(L.s47, sizeof *L.s47, L.ns47, nc);
	int *oc = tx_group(L.cpp, sizeof *L.cpp, L.ncpp, nc);
	int *orv = tx_group(L.rev, sizeof *L.rev, L.nrev, nc);
	for (int c = 0; c < nc; c++) {
		tx_cin_child u = {
			L.ids.s[c], c < L.ndob ? L.dob[c] : CSC_NODATE,
			L.ep + oe[c], oe[c + 1] - oe[c],
			L.as + oa[c], oa[c + 1] - oa[c],
			L.s47 + os[c], os[c + 1] - os[c],
			L.cpp + oc[c], oc[c + 1] - oc[c],
			L.rev + orv[c], orv[c + 1] - orv[c],
		};
		tx_engine_unit(e, TX_CIN, &u);
	}
	free(oe); free(oa); free(os); free(oc); free(orv);
	*Lp = L; /* what the loop allocated (903: build()) is freed by the caller */
}

int tx_load_cin(tx_engine *e, const char *dir)
{
	struct tx_cin_load L = {0};
	int rc = tx_read_tables(dir, tables, sizeof tables / sizeof tables[0], &L);
	if (rc == 0)
		feed_cin(e, &L);
	free(L.dob); free(L.ep); free(L.as); free(L.s47); free(L.cpp); free(L.rev);
	tx_strtab_free(&L.ids);
	return rc;
}
