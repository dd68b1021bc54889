/* staging_lists.c - contacts (streamed one at a time: a contact needs no
 * history) and early-help episodes (grouped by child: EH03 looks back at the
 * child's earlier episodes). */
#include <stdlib.h>
#include <string.h>

#include "csc_out.h"
#include "staging.h"

static const char *const contact_cols[] = {"contact_id", "child", "contact_date", "source",
					   "outcome", "completed_date", "src_line", NULL};

static void contact_row(void *ctx, const tx_fields *f)
{
	tx_contact c = {0};
	c.id = f->v[0];
	c.child = f->v[1];
	c.date = tx_f_date(f, 2);
	tx_f_code(f, 3, c.source, sizeof c.source);
	tx_f_code(f, 4, c.outcome, sizeof c.outcome);
	c.completed = tx_f_date(f, 5);
	c.line = tx_f_long(f, 6, 0);
	tx_engine_unit(ctx, TX_CONTACTS, &c);
}

int tx_load_contacts(tx_engine *e, const char *dir)
{
	char *p = csc_path_join(dir, "contacts.csv");
	int rc = tx_read_table(p, contact_cols, contact_row, e);
	free(p);
	return rc;
}

static const char *const eh_cols[] = {"child", "episode", "assessment_start",
				      "assessment_completion", "tier", "end_date",
				      "closure_reason", "src_line", NULL};

struct eh_load {
	tx_strtab ids, eps;
	eh_ep *ep;
	int n, cap;
};

static void eh_row(void *ctx, const tx_fields *f)
{
	struct eh_load *L = ctx;
	eh_ep *x = tx_push(&L->ep, &L->n, &L->cap, sizeof *x);
	x->child = tx_intern(&L->ids, f->v[0]);
	int id = tx_intern(&L->eps, f->v[1]); /* may grow eps.s: index first */
	x->id = L->eps.s[id];
	x->start = tx_f_date(f, 2);
	x->completed = tx_f_date(f, 3);
	x->tier = (int)tx_f_long(f, 4, 0);
	x->end = tx_f_date(f, 5);
	tx_f_code(f, 6, x->closure, sizeof x->closure);
	x->line = tx_f_long(f, 7, 0);
}

static void feed_eh(tx_engine *e, struct eh_load *Lp)
{
	struct eh_load L = *Lp;
	int *off = tx_group(L.ep, sizeof *L.ep, L.n, L.ids.n);
	for (int c = 0; c < L.ids.n; c++) {
		tx_eh_child u = {L.ids.s[c], L.ep + off[c], off[c + 1] - off[c]};
		tx_engine_unit(e, TX_EH, &u);
	}
	free(off);
	*Lp = L; /* what the loop allocated (903: build()) is freed by the caller */
}

int tx_load_eh(tx_engine *e, const char *dir)
{
	struct eh_load L = {0};
	char *p = csc_path_join(dir, "early_help.csv");
	int rc = tx_read_table(p, eh_cols, eh_row, &L);
	free(p);
	if (rc == 0)
		feed_eh(e, &L);
	free(L.ep);
	tx_strtab_free(&L.ids);
	tx_strtab_free(&L.eps);
	return rc;
}
