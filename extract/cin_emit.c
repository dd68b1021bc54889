/* cin_emit.c - staging the records of one child (see cin_emit.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cin_emit.h"
#include "csc_diag.h"

/* One staging table per record kind: its file, header and where each
 * column comes from. Column sources: slot numbers >= 0, or the codes below. */
enum { C_END = -1, C_CHILD = -2, C_NUM1 = -3, C_NUM2 = -4, C_NUM3 = -5, C_MULTI = -6, C_LINE = -7 };

typedef struct cin_tabledef {
	const char *file;
	const char *const cols[14];
	const signed char src[14];
} cin_tabledef;

/* C_NUMk is the k-th number of the record's path below the child
 * (episode, then assessment/plan/s47/cpp, then review). */
static const cin_tabledef defs[CIN_NKINDS] = {
	[CIN_CHILD] = {"cin_children.csv",
		       {"child", "upn", "former_upn", "upn_unknown", "dob", "expected_dob", "sex",
			"death_date", "ethnicity", "disabilities", "src_line", NULL},
		       {C_CHILD, 1, 2, 3, 4, 5, 6, 7, 8, C_MULTI, C_LINE, C_END}},
	[CIN_EPISODE] = {"cin_episodes.csv",
			 {"child", "episode", "referral_date", "referral_source", "primary_need",
			  "closure_date", "closure_reason", "icpc_date", "referral_nfa", "src_line", NULL},
			 {C_CHILD, C_NUM1, 0, 1, 2, 3, 4, 5, 6, C_LINE, C_END}},
	[CIN_ASSESS] = {"cin_assessments.csv",
			{"child", "episode", "assessment", "start_date", "review_date",
			 "authorisation_date", "factors", "src_line", NULL},
			{C_CHILD, C_NUM1, C_NUM2, 0, 1, 2, C_MULTI, C_LINE, C_END}},
	[CIN_PLAN] = {"cin_plans.csv",
		      {"child", "episode", "plan", "start_date", "end_date", "src_line", NULL},
		      {C_CHILD, C_NUM1, C_NUM2, 0, 1, C_LINE, C_END}},
	[CIN_S47] = {"cin_s47.csv",
		     {"child", "episode", "s47", "start_date", "icpc_target", "icpc_date",
		      "icpc_not_required", "src_line", NULL},
		     {C_CHILD, C_NUM1, C_NUM2, 0, 1, 2, 3, C_LINE, C_END}},
	[CIN_CPP] = {"cin_cpp.csv",
		     {"child", "episode", "cpp", "start_date", "end_date", "initial_category",
		      "latest_category", "previous_cpp", "src_line", NULL},
		     {C_CHILD, C_NUM1, C_NUM2, 0, 1, 2, 3, 4, C_LINE, C_END}},
	[CIN_REVIEW] = {"cin_cpp_reviews.csv",
			{"child", "episode", "cpp", "review_date", "src_line", NULL},
			{C_CHILD, C_NUM1, C_NUM2, 0, C_LINE, C_END}},
};

const char *const cin_stage_files[] = {
	"cin_children.csv", "cin_episodes.csv", "cin_assessments.csv", "cin_plans.csv",
	"cin_s47.csv", "cin_cpp.csv", "cin_cpp_reviews.csv", NULL,
};

/* Names of the kinds in reject reasons ("parent episode C1/2 rejected"). */
static const char *const kind_word[CIN_NKINDS] = {
	"header", "child", "episode", "assessment", "plan", "s47", "cpp", "review",
};

int cin_emit_open(cin_emit *e, csc_stage *s, const char *file)
{
	memset(e, 0, sizeof *e);
	e->stage = s;
	e->file = file;
	for (int k = CIN_CHILD; k < CIN_NKINDS; k++)
		e->tables[k] = csc_stage_table(s, cin_kind_table[k], file, defs[k].file, defs[k].cols);
	return s->failed ? -1 : 0;
}

/* FNV-1a: the set is only probed, never iterated, so order cannot leak. */
static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h | 1; /* 0 marks an empty slot */
}

/* Line of the child already staged with this id, or 0 (and then remember
 * it). Keys live in the slots: no allocation per child, one cache line per
 * probe, which matters at hundreds of thousands of children. */
static long id_seen(cin_emit *e, const char *id, long line)
{
	if (2 * (e->nids + 1) > e->idcap) {
		size_t cap = e->idcap ? e->idcap * 2 : 1024;
		cin_idslot *ids = csc_xcalloc(cap, sizeof *ids);
		for (size_t i = 0; i < e->idcap; i++)
			if (e->ids[i].hash) {
				size_t j = e->ids[i].hash & (cap - 1);
				while (ids[j].hash)
					j = (j + 1) & (cap - 1);
				ids[j] = e->ids[i];
			}
		free(e->ids);
		e->ids = ids;
		e->idcap = cap;
	}
	uint64_t h = hash(id);
	size_t j = h & (e->idcap - 1);
	for (; e->ids[j].hash; j = (j + 1) & (e->idcap - 1))
		if (e->ids[j].hash == h && strcmp(e->ids[j].id, id) == 0)
			return e->ids[j].line;
	e->ids[j].hash = h;
	e->ids[j].line = line;
	snprintf(e->ids[j].id, sizeof e->ids[j].id, "%s", id);
	e->nids++;
	return 0;
}

/* "C1", "C1/2", "C1/2/cpp1", "C1/2/cpp1/review3"; a child without a usable
 * LAchildID is "(line N)". */
static void rec_id(const cin_child *c, int i, char *buf, size_t sz)
{
	const cin_rec *r = &c->recs[i];
	if (r->kind == CIN_CHILD) {
		if (r->val[0][0]) /* only a valid LAchildID is kept */
			snprintf(buf, sz, "%s", r->val[0]);
		else
			snprintf(buf, sz, "(line %ld)", r->line);
		return;
	}
	rec_id(c, r->parent, buf, sz);
	size_t used = strlen(buf);
	if (r->kind == CIN_EPISODE)
		snprintf(buf + used, sz - used, "/%d", r->num);
	else
		snprintf(buf + used, sz - used, "/%s%d", cin_kind_short[r->kind], r->num);
}

static int path_num(const cin_child *c, int i, int k)
{
	int chain[4], n = 0;
	for (int j = i; j > 0 && n < 4; j = c->recs[j].parent)
		chain[n++] = c->recs[j].num;
	/* chain is leaf first: episode is the last entry */
	return k <= n ? chain[n - k] : 0;
}

/* Integers without printf: there are millions of them. */
static void put_long(csc_csvw *w, long v)
{
	char b[24], *p = b + sizeof b;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	csc_csvw_field(w, p, (size_t)(b + sizeof b - p));
}

static void stage_row(cin_emit *e, const cin_child *c, int i)
{
	const cin_rec *r = &c->recs[i];
	csc_table *t = e->tables[r->kind];
	const cin_tabledef *d = &defs[r->kind];
	csc_table_stage(t);
	for (int k = 0; d->src[k] != C_END; k++) {
		int s = d->src[k];
		switch (s) {
		case C_CHILD: csc_csvw_str(&t->w, c->recs[0].val[0]); break;
		case C_NUM1: put_long(&t->w, path_num(c, i, 1)); break;
		case C_NUM2: put_long(&t->w, path_num(c, i, 2)); break;
		case C_NUM3: put_long(&t->w, path_num(c, i, 3)); break;
		case C_MULTI: csc_csvw_str(&t->w, r->multi); break;
		case C_LINE: put_long(&t->w, r->line); break;
		default: csc_csvw_str(&t->w, r->val[s]); break;
		}
	}
	csc_csvw_end(&t->w);
}

int cin_emit_child(void *arg, const cin_child *c)
{
	cin_emit *e = arg;
	char id[256], pid[256], reason[CIN_REASON_MAX + 300];
	if (c->n > e->rejcap) {
		e->rejcap = c->n * 2;
		e->rejected = csc_xrealloc(e->rejected, (size_t)e->rejcap);
	}
	const cin_rec *child = &c->recs[0];
	long dup = 0;
	if (!child->bad)
		dup = id_seen(e, child->val[0], child->line);
	for (int i = 0; i < c->n; i++) {
		const cin_rec *r = &c->recs[i];
		csc_table *t = e->tables[r->kind];
		int p = r->parent;
		e->rejected[i] = 1;
		if (p >= 0 && e->rejected[p]) {
			rec_id(c, i, id, sizeof id);
			rec_id(c, p, pid, sizeof pid);
			snprintf(reason, sizeof reason, "parent %s %s rejected", kind_word[c->recs[p].kind], pid);
			csc_stage_reject(e->stage, t, r->line, "-", id, reason);
		} else if (r->bad) {
			csc_stage_reject(e->stage, t, r->err_line, r->err_field, r->err_value, r->err_reason);
		} else if (i == 0 && dup) {
			snprintf(reason, sizeof reason,
				 "LAchildID %s is used by an earlier Child (line %ld)", r->val[0], dup);
			csc_stage_reject(e->stage, t, r->line, "LAchildID", r->val[0], reason);
		} else {
			e->rejected[i] = 0;
			stage_row(e, c, i);
		}
	}
	return 0;
}

void cin_emit_free(cin_emit *e)
{
	free(e->ids);
	free(e->rejected);
	memset(e, 0, sizeof *e);
}
