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

static void child_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	int c = tx_intern(&L->ids, f->v[CSC_CIN_COL_CHILD]);
	while (L->ndob <= c)
		*(csc_date *)tx_push(&L->dob, &L->ndob, &L->capdob, sizeof *L->dob) = CSC_NODATE;
	L->dob[c] = tx_f_date(f, CSC_CH_DOB);
}

static void ep_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_ep *x = tx_push(&L->ep, &L->nep, &L->capep, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[CSC_CIN_COL_CHILD]);
	x->no = (int)tx_f_long(f, CSC_EP_EPISODE, 0);
	x->referral = tx_f_date(f, CSC_EP_REFERRAL_DATE);
	x->closure = tx_f_date(f, CSC_EP_CLOSURE_DATE);
	x->nfa = tx_f_bool(f, CSC_EP_REFERRAL_NFA);
	x->line = tx_f_long(f, CSC_EP_SRC_LINE, 0);
}

static void as_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_asmt *x = tx_push(&L->as, &L->nas, &L->capas, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[CSC_CIN_COL_CHILD]);
	x->ep = (int)tx_f_long(f, CSC_AS_EPISODE, 0);
	x->no = (int)tx_f_long(f, CSC_AS_ASSESSMENT, 0);
	x->start = tx_f_date(f, CSC_AS_START_DATE);
	x->auth = tx_f_date(f, CSC_AS_AUTHORISATION_DATE);
	x->line = tx_f_long(f, CSC_AS_SRC_LINE, 0);
}

static void s47_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_s47 *x = tx_push(&L->s47, &L->ns47, &L->caps47, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[CSC_CIN_COL_CHILD]);
	x->ep = (int)tx_f_long(f, CSC_S47_EPISODE, 0);
	x->no = (int)tx_f_long(f, CSC_S47_S47, 0);
	x->start = tx_f_date(f, CSC_S47_START_DATE);
	x->icpc = tx_f_date(f, CSC_S47_ICPC_DATE);
	x->line = tx_f_long(f, CSC_S47_SRC_LINE, 0);
}

static void cpp_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_cpp *x = tx_push(&L->cpp, &L->ncpp, &L->capcpp, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[CSC_CIN_COL_CHILD]);
	x->ep = (int)tx_f_long(f, CSC_CPP_EPISODE, 0);
	x->no = (int)tx_f_long(f, CSC_CPP_CPP, 0);
	x->start = tx_f_date(f, CSC_CPP_START_DATE);
	x->end = tx_f_date(f, CSC_CPP_END_DATE);
	x->previous = (int)tx_f_long(f, CSC_CPP_PREVIOUS_CPP, 0);
	x->line = tx_f_long(f, CSC_CPP_SRC_LINE, 0);
}

static void rev_row(void *ctx, const tx_fields *f)
{
	struct tx_cin_load *L = ctx;
	tx_cin_rev *x = tx_push(&L->rev, &L->nrev, &L->caprev, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[CSC_CIN_COL_CHILD]);
	x->ep = (int)tx_f_long(f, CSC_RV_EPISODE, 0);
	x->cpp = (int)tx_f_long(f, CSC_RV_CPP, 0);
	x->date = tx_f_date(f, CSC_RV_REVIEW_DATE);
	x->line = tx_f_long(f, CSC_RV_SRC_LINE, 0);
}

/* The files read (the measures use no CIN plan), each with its row. */
static const tx_row_fn rows[CSC_CIN_NFILES] = {
	[CSC_CIN_CHILDREN] = child_row, [CSC_CIN_EPISODES] = ep_row,
	[CSC_CIN_ASSESSMENTS] = as_row, [CSC_CIN_S47] = s47_row,
	[CSC_CIN_CPP] = cpp_row, [CSC_CIN_REVIEWS] = rev_row,
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
	int rc = tx_read_cin(dir, rows, &L);
	if (rc == 0)
		feed_cin(e, &L);
	free(L.dob); free(L.ep); free(L.as); free(L.s47); free(L.cpp); free(L.rev);
	tx_strtab_free(&L.ids);
	return rc;
}
