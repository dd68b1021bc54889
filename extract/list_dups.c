/* list_dups.c - see list_dups.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_sha256.h"
#include "csc_siphash.h"
#include "list_dups.h"
#include "list_engine.h"

_Static_assert(LIST_MAX_COLS <= 32, "list_dups.keymask holds a bit per column");

void list_dups_init(list_dups *d, const char *table, const int *key, int nkey, int child)
{
	memset(d, 0, sizeof *d);
	d->table = table;
	if (nkey > LIST_DUPS_MAX_KEY)
		csc_die(CSC_EXIT_INTERNAL, "list_dups: more than %d key columns", LIST_DUPS_MAX_KEY);
	for (int i = 0; i < nkey; i++) {
		if (key[i] < 0 || key[i] >= LIST_MAX_COLS)
			csc_die(CSC_EXIT_INTERNAL, "list_dups: key column %d", key[i]);
		d->key[i] = key[i];
		d->keymask |= (uint32_t)1 << key[i];
	}
	d->nkey = nkey;
	d->child = child;
}

void list_dups_free(list_dups *d)
{
	free(d->ent);
	free(d->drop);
	free(d->hb);
	d->ent = NULL;
	d->drop = NULL;
	d->hb = NULL;
	d->hbn = d->hbcap = 0;
	d->n = d->cap = d->ndrop = d->dcap = 0;
}

/* 8 bytes of a digest as a big-endian number (one load and a swap) */
static uint64_t u64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

/* The bytes hashed for a row or a key, gathered so SHA-256 runs once over
 * them (a call per field cost more than the hashing); d->hb grows to the
 * longest row. */
static void hb_put(list_dups *d, const void *p, size_t n)
{
	if (d->hbn + n > d->hbcap) {
		d->hbcap = 2 * (d->hbn + n);
		d->hb = csc_xrealloc(d->hb, d->hbcap);
	}
	memcpy(d->hb + d->hbn, p, n);
	d->hbn += n;
}

/* The value of column i as compared: dates by the day they name (so
 * 1/4/2020 and 01/04/2020 agree; 4 bytes, as every row of the table has
 * a date there), the rest as normalised by the engine, ending with a NUL,
 * which no CSV value holds. A column the file lacks adds nothing: it is
 * blank or made up (Contact ID row<line>) on every row of the file. */
static void hash_col(list_dups *d, const list_reader *r, int i)
{
	const list_val *v = &r->v[i];
	enum list_type ty = r->t->cols[i].type;
	if (r->map[i] < 0)
		return;
	if (ty == LT_DATE_DMY || ty == LT_DATE_ANY) {
		unsigned char b[4];
		for (int k = 0; k < 4; k++)
			b[k] = (unsigned char)((uint32_t)v->d >> (8 * k));
		hb_put(d, b, 4);
	} else {
		hb_put(d, v->s, v->n + 1);
	}
}

/* Keyed by the whole row: a key column the file lacks. */
static int whole_row(const list_dups *d, const list_reader *r)
{
	for (int k = 0; k < d->nkey; k++)
		if (r->map[d->key[k]] < 0)
			return 1;
	return 0;
}

static void digest_cols(list_dups *d, const list_reader *r, const int *cols, int n,
			unsigned char dig[32])
{
	d->hbn = 0;
	for (int i = 0; i < n; i++)
		hash_col(d, r, cols ? cols[i] : i);
	csc_sha256_mem(d->hb, d->hbn, dig);
}

/* The key by SHA-256, which no one can make two keys collide in, first,
 * so that its slot (a cache miss in a large table) is fetched while the
 * row is hashed. The row by SipHash keyed with the rest of the key's
 * digest, over the columns outside the key: it is only ever compared with
 * the first row of the same key, whose key columns are the same. Two such
 * rows differing in 64 bits of hash is what the truncated SHA-256 of the
 * whole row gave before, at a third of the cost. Keyed by the whole row,
 * its digest is both. */
static void hash_row(list_dups *d, const list_reader *r, uint64_t key[2], uint64_t *row)
{
	unsigned char dig[32];
	if (whole_row(d, r)) {
		digest_cols(d, r, NULL, r->t->ncols, dig);
		key[0] = u64(dig);
		key[1] = u64(dig + 8);
		*row = u64(dig + 16);
		return;
	}
	digest_cols(d, r, d->key, d->nkey, dig);
	key[0] = u64(dig);
	key[1] = u64(dig + 8);
	if (d->cap)
		__builtin_prefetch(&d->ent[key[0] & (d->cap - 1)]);
	const uint64_t k[2] = {u64(dig + 16), u64(dig + 24)};
	d->hbn = 0;
	for (int i = 0; i < r->t->ncols; i++)
		if (!(d->keymask >> i & 1))
			hash_col(d, r, i);
	*row = csc_siphash(k, d->hb, d->hbn);
}

static void grow(list_dups *d)
{
	list_dups_ent *old = d->ent;
	size_t ocap = d->cap;
	d->cap = ocap ? 2 * ocap : 1024;
	d->ent = csc_xcalloc(d->cap, sizeof *d->ent);
	for (size_t i = 0; i < ocap; i++) {
		if (!old[i].line)
			continue;
		size_t j = old[i].key[0] & (d->cap - 1);
		while (d->ent[j].line)
			j = (j + 1) & (d->cap - 1);
		d->ent[j] = old[i];
	}
	free(old);
}

/* The entry of key, or a free slot for it (line 0). */
static list_dups_ent *slot(list_dups *d, const uint64_t key[2])
{
	if (4 * (d->n + 1) > 3 * d->cap)
		grow(d);
	size_t j = key[0] & (d->cap - 1);
	while (d->ent[j].line && (d->ent[j].key[0] != key[0] || d->ent[j].key[1] != key[1]))
		j = (j + 1) & (d->cap - 1);
	return &d->ent[j];
}

static uint32_t file_index(list_dups *d, csc_table *rec, const char *file)
{
	for (int i = d->nfiles - 1; i >= 0; i--)
		if (d->recs[i] == rec)
			return (uint32_t)i;
	if (d->nfiles == LIST_DUPS_MAX_FILES)
		csc_die(CSC_EXIT_INTERNAL, "list_dups: more than %d files", LIST_DUPS_MAX_FILES);
	d->files[d->nfiles] = file;
	d->recs[d->nfiles] = rec;
	d->copy_of[d->nfiles] = NULL;
	return (uint32_t)d->nfiles++;
}

void list_dups_copy(list_dups *d, csc_table *rec, const char *file, const char *of)
{
	d->copy_of[file_index(d, rec, file)] = of;
}

/* The reject's field and value: the key's last column, the one that
 * tells a child's rows apart ("DECOM", "01/04/2020"); and the key in words
 * ("CHILD C1, DECOM 01/04/2020") for sentences. */
static void describe(list_dups *d, const list_reader *r)
{
	size_t w = 0, cap = sizeof d->words;
	d->field[0] = d->value[0] = d->words[0] = '\0';
	if (!d->nkey || whole_row(d, r)) {
		snprintf(d->field, sizeof d->field, "(all columns)");
		snprintf(d->words, cap, "the same values in every column");
		return;
	}
	int last = d->key[d->nkey - 1];
	snprintf(d->field, sizeof d->field, "%s", r->t->cols[last].name);
	snprintf(d->value, sizeof d->value, "%.200s", r->v[last].s);
	for (int k = 0; k < d->nkey && w < cap; k++)
		w += (size_t)snprintf(d->words + w, cap - w, "%s%s %.100s", k ? ", " : "",
				      r->t->cols[d->key[k]].name, r->v[d->key[k]].s);
}

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The key has just become conflicting: take its first row back out of
 * staging (rejected now, removed by list_dups_finish) and write the
 * finding. */
static void take_back(list_dups *d, list_reader *r, const list_dups_ent *e, long line)
{
	const char *field = d->field, *value = d->value, *words = d->words;
	char reason[LIST_REASON_MAX], detail[LIST_REASON_MAX + 200], record[300];
	const char *first = d->files[e->file];
	snprintf(reason, sizeof reason,
		 "rows with %s differ (this one and %s:%ld): every row with this key is "
		 "rejected, as none can be trusted",
		 words, r->file, line);
	csc_stage_unstage(r->stage, d->recs[e->file], (long)e->line, field, value, reason);
	if (d->ndrop == d->dcap) {
		d->dcap = d->dcap ? 2 * d->dcap : 64;
		d->drop = csc_xrealloc(d->drop, d->dcap * sizeof *d->drop);
	}
	d->drop[d->ndrop++] = e->ord;
	snprintf(record, sizeof record, "%.200s:%ld", base(first), (long)e->line);
	snprintf(detail, sizeof detail,
		 "%s: rows %s:%ld and %s:%ld have the same %s but different values; no row "
		 "with this key is staged (correct the source)",
		 d->table, first, (long)e->line, r->file, line, words);
	csc_stage_finding(r->stage, "conflicting_rows", d->child >= 0 ? r->v[d->child].s : "",
			  record, detail);
}

int list_dups_check(list_dups *d, list_reader *r, long line, list_reject *rej)
{
	uint32_t file = file_index(d, r->rec, r->file);
	if (d->copy_of[file]) {
		d->duplicates++;
		rej->field = "(all columns)";
		rej->value = "";
		snprintf(rej->reason, sizeof rej->reason,
			 "exact duplicate of %s:%ld (this file is a copy of that one)", d->copy_of[file],
			 line);
		return -1;
	}
	if (!d->nkey)
		return 0;
	uint64_t key[2], row;
	hash_row(d, r, key, &row);
	list_dups_ent *e = slot(d, key);
	if (!e->line) {
		*e = (list_dups_ent){{key[0], key[1]}, row, d->nstaged++, line, file, 0};
		d->n++;
		return 0;
	}
	describe(d, r);
	rej->field = d->field;
	rej->value = d->value;
	const char *first = d->files[e->file];
	if (!e->conflict && e->row == row) {
		d->duplicates++;
		snprintf(rej->reason, sizeof rej->reason,
			 "exact duplicate of %s:%ld (the same values in every column)",
			 first, (long)e->line);
		return -1;
	}
	d->conflicts++;
	if (!e->conflict) {
		e->conflict = 1;
		d->conflicts++; /* the first row, taken back */
		take_back(d, r, e, line);
	}
	snprintf(rej->reason, sizeof rej->reason,
		 "rows with %s differ (the first at %s:%ld): every row with this key is "
		 "rejected, as none can be trusted",
		 d->words, first, (long)e->line);
	return -1;
}

static int by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* Staged rows are dropped in order: d->drop is sorted, the cursor walks
 * it as the rows go by. */
struct drop_walk {
	const list_dups *d;
	size_t k;
};

static int keep_row(void *arg, uint64_t row, int n, char *const *f, const size_t *len)
{
	struct drop_walk *w = arg;
	(void)n, (void)f, (void)len;
	if (w->k < w->d->ndrop && w->d->drop[w->k] == row) {
		w->k++;
		return 0;
	}
	return 1;
}

int list_dups_finish(list_dups *d, csc_table *t)
{
	if (!d->ndrop)
		return 0;
	qsort(d->drop, d->ndrop, sizeof *d->drop, by_value);
	struct drop_walk w = {d, 0};
	if (csc_table_filter(t, keep_row, &w) < 0)
		return -1;
	if (w.k != d->ndrop) {
		csc_error_at(t->out.path, 0, "internal error: %zu of %zu rows to take out were found",
			     w.k, d->ndrop);
		return -1;
	}
	return 0;
}
