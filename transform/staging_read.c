/* staging_read.c - see staging.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csc_csvcols.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "staging.h"

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void rehash(tx_strtab *t)
{
	int n = t->nslot ? t->nslot * 2 : 1024;
	free(t->slot);
	t->slot = csc_xcalloc((size_t)n, sizeof *t->slot);
	t->nslot = n;
	for (int i = 0; i < t->n; i++) {
		uint32_t h = hash(t->s[i]) & (uint32_t)(n - 1);
		while (t->slot[h])
			h = (h + 1) & (uint32_t)(n - 1);
		t->slot[h] = i + 1;
	}
}

int tx_intern(tx_strtab *t, const char *s)
{
	if (2 * (t->n + 1) > t->nslot)
		rehash(t);
	uint32_t m = (uint32_t)(t->nslot - 1), h = hash(s) & m;
	for (; t->slot[h]; h = (h + 1) & m)
		if (!strcmp(t->s[t->slot[h] - 1], s))
			return t->slot[h] - 1;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->s = csc_xrealloc(t->s, (size_t)t->cap * sizeof *t->s);
	}
	t->s[t->n] = csc_xstrdup(s);
	t->slot[h] = ++t->n;
	return t->n - 1;
}

int tx_find(const tx_strtab *t, const char *s)
{
	if (!t->nslot)
		return -1;
	uint32_t m = (uint32_t)(t->nslot - 1), h = hash(s) & m;
	for (; t->slot[h]; h = (h + 1) & m)
		if (!strcmp(t->s[t->slot[h] - 1], s))
			return t->slot[h] - 1;
	return -1;
}

void tx_strtab_free(tx_strtab *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
	free(t->slot);
	memset(t, 0, sizeof *t);
}

void *tx_push(void *pp, int *n, int *cap, size_t size)
{
	char **p = pp;
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*p = csc_xrealloc(*p, (size_t)*cap * size);
	}
	char *slot = *p + (size_t)(*n)++ * size;
	memset(slot, 0, size);
	return slot;
}

int tx_file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

struct reader {
	const char *name;
	const char *const *cols;
	tx_row_fn fn;
	void *ctx;
	int failed; /* a field was reported (bad): stop after this row */
};

static int on_row(void *vctx, char **v, long line)
{
	struct reader *r = vctx;
	tx_fields f = {r->name, line, r->cols, (const char *const *)v, &r->failed};
	r->fn(r->ctx, &f);
	return r->failed ? -1 : 0;
}

int tx_read_table(const char *path, const char *const *cols, tx_row_fn fn, void *ctx)
{
	struct reader r = {path, cols, fn, ctx, 0};
	int ncols = 0;
	while (cols[ncols])
		ncols++;
	if (ncols > CSC_COLS_MAX) {
		csc_error("%s: too many staging columns", path);
		return -1;
	}
	int rc = csc_csv_read_cols(path, path, "staging header", cols, ncols, on_row, &r);
	if (rc != 0) {
		/* a missing column or a bad field is reported already */
		if (rc == -1 && !r.failed)
			csc_error("%s: cannot read staging table", path);
		return -1;
	}
	return 0;
}

int tx_read_tables(const char *dir, const tx_table *t, size_t n, void *ctx)
{
	for (size_t i = 0; i < n; i++) {
		char *p = csc_path_join(dir, t[i].file);
		int rc = tx_read_table(p, t[i].cols, t[i].row, ctx);
		free(p);
		if (rc)
			return -1;
	}
	return 0;
}

int tx_read_cin(const char *dir, const tx_row_fn rows[CSC_CIN_NFILES], void *ctx)
{
	for (int f = 0; f < CSC_CIN_NFILES; f++) {
		if (!rows[f])
			continue;
		tx_table t = {csc_cin_stage[f].file, csc_cin_stage[f].cols, rows[f]};
		if (tx_read_tables(dir, &t, 1, ctx))
			return -1;
	}
	return 0;
}

/* Report a field that is not of its form; the read stops after this row. */
static void bad(const tx_fields *f, int i, const char *want)
{
	csc_error_at(f->file, f->line, "%s: '%.40s' is not %s", f->cols[i], f->v[i], want);
	*f->failed = 1;
}

csc_date tx_f_date(const tx_fields *f, int i)
{
	csc_date d;
	if (!*f->v[i])
		return CSC_NODATE;
	if (csc_date_parse_iso(f->v[i], strlen(f->v[i]), &d) != 0) {
		bad(f, i, "a date YYYY-MM-DD");
		return CSC_NODATE;
	}
	return d;
}

long tx_f_long(const tx_fields *f, int i, long dflt)
{
	if (!*f->v[i])
		return dflt;
	char *end;
	long x = strtol(f->v[i], &end, 10);
	if (*end || x < 0 || x > 1000000000L) {
		bad(f, i, "a whole number");
		return dflt;
	}
	return x;
}

void tx_f_code(const tx_fields *f, int i, char *out, size_t cap)
{
	size_t n = strlen(f->v[i]);
	if (n >= cap) {
		bad(f, i, "a code");
		out[0] = '\0';
		return;
	}
	memcpy(out, f->v[i], n + 1);
}

int tx_f_bool(const tx_fields *f, int i)
{
	const char *v = f->v[i];
	if (!*v || !strcmp(v, "0"))
		return 0;
	if (!strcmp(v, "1"))
		return 1;
	bad(f, i, "1 or 0");
	return 0;
}

int *tx_group(void *recs, size_t size, int n, int nchild)
{
	int *off = csc_xcalloc((size_t)nchild + 1, sizeof *off);
	char *r = recs;
	for (int i = 0; i < n; i++)
		off[*(int *)(r + (size_t)i * size) + 1]++;
	for (int c = 0; c < nchild; c++)
		off[c + 1] += off[c];
	if (n == 0)
		return off;
	char *tmp = csc_xmalloc((size_t)n * size);
	int *pos = csc_xmalloc((size_t)nchild * sizeof *pos);
	memcpy(pos, off, (size_t)nchild * sizeof *pos);
	for (int i = 0; i < n; i++) {
		int c = *(int *)(r + (size_t)i * size);
		memcpy(tmp + (size_t)pos[c]++ * size, r + (size_t)i * size, size);
	}
	memcpy(r, tmp, (size_t)n * size);
	free(tmp);
	free(pos);
	return off;
}
