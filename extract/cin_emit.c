/* cin_emit.c - staging the records of one child (see cin_emit.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cin_emit.h"
#include "csc_cin_elems.h"
#include "csc_diag.h"
#include "csc_sha256.h"

/* Where each staging column (csc_cin_stage.h) comes from: a value slot of
 * the record (>= 0), or one of these. C_NUMk is the k-th number of the
 * record's path below the child (episode, then assessment/plan/s47/cpp). */
enum { C_CHILD = -2, C_NUM1 = -3, C_NUM2 = -4, C_MULTI = -6, C_LINE = -7 };

/* The record kind staged in a file: the files follow the kinds. */
static int file_kind(int file)
{
	return CIN_CHILD + file;
}

/* The slot (or C_MULTI) of the node staged in column col of file: the
 * element csc_cin_elems.h names for the column, as the element tree
 * (cin_schema.h) reads it in the file's record kind. -1 when none. */
static int value_src(int file, int col)
{
	for (int i = 0; i < csc_cin_nelems; i++) {
		const csc_cin_elem *el = &csc_cin_elems[i];
		if (el->file != file || el->col != col)
			continue;
		for (int n = 0; n < cin_nnodes; n++)
			if (cin_nodes[n].slot >= 0 && cin_node_kind(n) == file_kind(file) &&
			    !strcmp(cin_nodes[n].name, el->name))
				return cin_nodes[n].multi ? C_MULTI : cin_nodes[n].slot;
	}
	return -1;
}

/* Every column's source, from the staging definition and the element
 * table; -1 when a column has no element the reader knows (a table out of
 * step with the other: a programming error, reported). */
static int map_columns(cin_emit *e)
{
	for (int f = 0; f < CSC_CIN_NFILES; f++) {
		const csc_cin_stagedef *d = &csc_cin_stage[f];
		int num = 0;
		for (int c = 0; c < d->ncols; c++) {
			int s;
			switch (d->types[c]) {
			case CSC_COL_CHILD: s = C_CHILD; break;
			case CSC_COL_NUM: s = num++ ? C_NUM2 : C_NUM1; break;
			case CSC_COL_LINE: s = C_LINE; break;
			default: s = value_src(f, c); break;
			}
			if (s == -1) {
				csc_error("%s: column %s has no CIN element in the extractor's table",
					  d->file, d->cols[c]);
				return -1;
			}
			e->src[file_kind(f)][c] = (signed char)s;
		}
	}
	return 0;
}

/* Names of the kinds in reject reasons ("parent episode C1/2 rejected"). */
static const char *const kind_word[CIN_NKINDS] = {
	"header", "child", "episode", "assessment", "plan", "s47", "cpp", "review", "preproc",
};

int cin_emit_open(cin_emit *e, csc_stage *s, const char *file)
{
	memset(e, 0, sizeof *e);
	e->stage = s;
	e->file = file;
	if (map_columns(e) < 0)
		return -1;
	for (int k = CIN_CHILD; k < CIN_NKINDS; k++) {
		const csc_cin_stagedef *d = &csc_cin_stage[k - CIN_CHILD];
		e->tables[k] = csc_stage_table(s, cin_kind_table[k], file, d->file, d->cols);
	}
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

/* The slot of id: the one holding it, or the empty one where it goes
 * (hash 0). Keys live in the slots: no allocation per child, one cache
 * line per probe, which matters at hundreds of thousands of children. */
static cin_idslot *id_slot(cin_emit *e, const char *id)
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
			break;
	return &e->ids[j];
}

/* What makes two Children the same: every record's kind, place and values
 * (each value ending with a NUL, which no XML text holds), not its line. */
/* Append n bytes to e->hbuf at *len, growing it. */
static void hput(cin_emit *e, size_t *len, const void *p, size_t n)
{
	if (*len + n > e->hcap) {
		e->hcap = (*len + n) * 2;
		e->hbuf = csc_xrealloc(e->hbuf, e->hcap);
	}
	memcpy(e->hbuf + *len, p, n);
	*len += n;
}

/* The Child's bytes are gathered first and hashed in one step: the digest
 * is the same as hashing each piece in turn, without a libcrypto call per
 * value (they were 5 % of the run). */
static uint64_t content_hash(cin_emit *e, const cin_child *c)
{
	csc_sha256 h;
	unsigned char dig[32];
	size_t len = 0;
	for (int i = 0; i < c->n; i++) {
		const cin_rec *r = &c->recs[i];
		int head[4] = {r->kind, r->parent, r->num, r->bad};
		hput(e, &len, head, sizeof head);
		hput(e, &len, r->seen, sizeof r->seen);
		for (int k = 0; k < CIN_MAX_SLOTS; k++)
			if (r->seen[k])
				hput(e, &len, r->val[k], strlen(r->val[k]) + 1);
		hput(e, &len, r->multi, strlen(r->multi) + 1);
		if (r->bad) {
			hput(e, &len, r->err_field, strlen(r->err_field) + 1);
			hput(e, &len, r->err_value, strlen(r->err_value) + 1);
		}
	}
	csc_sha256_init(&h);
	csc_sha256_update(&h, e->hbuf, len);
	/* libcrypto fails only when memory runs out: the one exit outside main,
	 * as csc_xmalloc's (a zeroed digest would make Children equal) */
	if (csc_sha256_digest(&h, dig) != 0)
		csc_die(CSC_EXIT_INTERNAL, "out of memory (libcrypto SHA-256)");
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | dig[i];
	return v;
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Why a Child of a conflicting ID is rejected; other is the line of the
 * other Child named. */
static void conflict_reason(char *buf, size_t sz, const char *id, long other)
{
	snprintf(buf, sz,
		 "LAchildID %s is also used by the Child at line %ld with other content: every "
		 "Child with this LAchildID is rejected, as none can be trusted",
		 id, other);
}

/* Whether child c is kept: 0, or 1 with reason filled (a duplicate or a
 * conflicting ID). A new ID is remembered with its line and content. */
static int id_check(cin_emit *e, const cin_child *c, char *reason, size_t sz)
{
	const cin_rec *r = &c->recs[0];
	uint64_t content = content_hash(e, c);
	cin_idslot *s = id_slot(e, r->val[0]);
	if (!s->hash) {
		s->hash = hash(r->val[0]);
		s->content = content;
		s->line = r->line;
		snprintf(s->id, sizeof s->id, "%s", r->val[0]);
		e->nids++;
		return 0;
	}
	if (!s->other && s->content == content) {
		snprintf(reason, sz, "exact duplicate of the Child at line %ld (the same content)",
			 s->line);
		return 1;
	}
	if (!s->other) {
		char record[300], detail[600];
		s->other = r->line;
		e->nconflicts++;
		snprintf(record, sizeof record, "%.200s:%ld", base(e->file), s->line);
		snprintf(detail, sizeof detail,
			 "Child: the Children at %.200s:%ld and %.200s:%ld have the same LAchildID "
			 "but other content; no record of this child is staged (correct the source)",
			 e->file, s->line, e->file, r->line);
		csc_stage_finding(e->stage, "conflicting_rows", r->val[0], record, detail);
	}
	conflict_reason(reason, sz, r->val[0], s->line);
	return 1;
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
	const signed char *src = e->src[r->kind];
	csc_table_stage(t);
	for (int k = 0; k < csc_cin_stage[r->kind - CIN_CHILD].ncols; k++) {
		int s = src[k];
		switch (s) {
		case C_CHILD: csc_csvw_str(&t->w, c->recs[0].val[0]); break;
		case C_NUM1: put_long(&t->w, path_num(c, i, 1)); break;
		case C_NUM2: put_long(&t->w, path_num(c, i, 2)); break;
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
	char why[CIN_REASON_MAX + 300];
	int dup = !child->bad && id_check(e, c, why, sizeof why);
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
			csc_stage_reject(e->stage, t, r->line, "LAchildID", r->val[0], why);
		} else {
			e->rejected[i] = 0;
			stage_row(e, c, i);
		}
	}
	return 0;
}

struct take_back {
	cin_emit *e;
	int kind;
};

/* A staged row of a conflicting ID's first Child: rejected now, as the
 * Child's records were when they came, with the record's id as far as the
 * row tells it (a review row has no review number: "C1/2/cpp1/review"). */
static int keep_row(void *arg, uint64_t row, int n, char *const *f, const size_t *len)
{
	struct take_back *tb = arg;
	cin_emit *e = tb->e;
	(void)row, (void)len;
	cin_idslot *s = id_slot(e, f[0]);
	if (!s->hash || !s->other)
		return 1;
	csc_table *t = e->tables[tb->kind];
	long line = strtol(f[n - 1], NULL, 10);
	char id[600], reason[CIN_REASON_MAX + 300];
	if (tb->kind == CIN_CHILD) {
		conflict_reason(reason, sizeof reason, f[0], s->other);
		csc_stage_unstage(e->stage, t, line, "LAchildID", f[0], reason);
		return 0;
	}
	/* child, episode, then the record's own number (reviews: the cpp's) */
	if (tb->kind == CIN_EPISODE)
		snprintf(id, sizeof id, "%.200s/%.20s", f[0], f[1]);
	else if (tb->kind == CIN_REVIEW)
		snprintf(id, sizeof id, "%.200s/%.20s/cpp%.20s/review", f[0], f[1], f[2]);
	else
		snprintf(id, sizeof id, "%.200s/%.20s/%s%.20s", f[0], f[1], cin_kind_short[tb->kind],
			 f[2]);
	snprintf(reason, sizeof reason, "parent child %s rejected", f[0]);
	csc_stage_unstage(e->stage, t, line, "-", id, reason);
	return 0;
}

int cin_emit_finish(cin_emit *e)
{
	if (!e->nconflicts)
		return 0;
	for (int k = CIN_CHILD; k < CIN_NKINDS; k++) {
		struct take_back tb = {e, k};
		if (csc_table_filter(e->tables[k], keep_row, &tb) < 0)
			return -1;
	}
	return 0;
}

void cin_emit_free(cin_emit *e)
{
	free(e->ids);
	free(e->rejected);
	free(e->hbuf);
	memset(e, 0, sizeof *e);
}
