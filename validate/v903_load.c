/* v903_load.c - read a folder of SSDA903 CSVs into per-table rows indexed
 * by CHILD (see v903.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csc_csvr.h"
#include "csc_diag.h"
#include "v903.h"

void v903_init(v903_data *d)
{
	memset(d, 0, sizeof *d);
	d->year_start = d->year_end = CSC_NODATE;
}

void v903_free(v903_data *d)
{
	for (size_t b = 0; b < d->nblocks; b++)
		free(d->blocks[b]);
	free(d->blocks);
	for (int t = 0; t < V9_NTAB; t++) {
		free(d->t[t].rows);
		free(d->t[t].by_child);
	}
	for (int t = 0; t < V9_NTAB; t++)
		free(d->t[t].off);
	free(d->ids);
	free(d->hash);
	free(d->rcache);
	for (int i = 0; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	v903_init(d);
}

/* The column each table's rows are ordered by within a child. */
static const int sort_col[V9_NTAB] = {
	[V9_HEADER] = -1, [V9_EPISODES] = EP_DECOM, [V9_REVIEWS] = RV_REVIEW,
	[V9_UASC] = -1, [V9_OC2] = -1, [V9_OC3] = -1, [V9_AD1] = -1,
	[V9_PLACED] = PA_DATE_PLACED, [V9_PREVPERM] = -1, [V9_MISSING] = MS_START,
	[V9_SW] = SW_DECOM, [V9_DOLO] = DL_START,
};

static size_t trim(const char **s, size_t n)
{
	while (n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		n--;
	}
	while (n && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t'))
		n--;
	return n;
}

enum { BLOCK = 64 * 1024 };

/* n bytes for a row, aligned for its pointers, from d's current block or a
 * new one (of n bytes when a row is larger than a block). */
static void *row_alloc(v903_data *d, size_t n)
{
	n = (n + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
	if (!d->nblocks || d->block_size - d->block_used < n) {
		d->blocks = csc_xrealloc(d->blocks, (d->nblocks + 1) * sizeof *d->blocks);
		d->block_size = n > BLOCK ? n : BLOCK;
		d->blocks[d->nblocks++] = csc_xmalloc(d->block_size);
		d->block_used = 0;
	}
	void *p = d->blocks[d->nblocks - 1] + d->block_used;
	d->block_used += n;
	return p;
}

/* v903_add_row with each value's length given (the CSV reader knows it). */
static void add_row_len(v903_data *d, int t, char *const *vals, const size_t *lens, int n,
			long line, int file)
{
	v903_table *tb = &d->t[t];
	int nc = csc_903_tables[t].ncols;
	/* one block: nc pointers, nc dates, then the NUL-terminated values */
	size_t bytes = nc * (sizeof(char *) + sizeof(csc_date));
	for (int i = 0; i < nc && i < n; i++)
		bytes += lens[i] + 1;
	bytes += nc; /* room for "" of missing columns */
	char **f = row_alloc(d, bytes);
	csc_date *dt = (csc_date *)(f + nc);
	char *p = (char *)(dt + nc);
	for (int i = 0; i < nc; i++) {
		const char *s = i < n ? vals[i] : "";
		size_t len = trim(&s, i < n ? lens[i] : 0);
		memcpy(p, s, len);
		p[len] = 0;
		f[i] = p;
		if (!len || csc_date_parse_dmy(p, len, &dt[i]) < 0)
			dt[i] = CSC_NODATE;
		p += len + 1;
	}
	if (tb->n == tb->cap) {
		tb->cap = tb->cap ? tb->cap * 2 : 64;
		tb->rows = csc_xrealloc(tb->rows, tb->cap * sizeof *tb->rows);
	}
	v903_row *r = &tb->rows[tb->n++];
	r->f = f;
	r->dt = dt;
	r->line = line;
	r->file = file;
	r->child = -1;
	r->table = (int8_t)t;
	r->key = CSC_NODATE;
	if (sort_col[t] >= 0)
		r->key = v903_date(r, sort_col[t]);
}

void v903_add_row(v903_data *d, int t, char *const *vals, int n, long line, int file)
{
	int nc = csc_903_tables[t].ncols;
	size_t lens[CSC_903_MAX_COLS];
	for (int i = 0; i < nc && i < n; i++)
		lens[i] = strlen(vals[i]);
	add_row_len(d, t, vals, lens, n, line, file);
}

static uint32_t hash_id(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

int32_t v903_child_number(const v903_data *d, const char *child)
{
	if (!d->hcap)
		return -1;
	for (size_t h = hash_id(child) & (d->hcap - 1);; h = (h + 1) & (d->hcap - 1)) {
		int32_t k = d->hash[h];
		if (k < 0 || !strcmp(d->ids[k], child))
			return k;
	}
}

/* Rows of one child: by key date, then file order (rows sit in file order
 * in their table, so pointer order is file order). */
static int by_key_cmp(const void *a, const void *b)
{
	const v903_row *x = *(v903_row *const *)a, *y = *(v903_row *const *)b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Sort a child's n rows as by_key_cmp: by insertion when few (most
 * children have one to a few rows), else by qsort (a hostile file can
 * give one child every row). */
static void sort_group(v903_row **g, size_t n)
{
	if (n > 16) {
		qsort(g, n, sizeof *g, by_key_cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		v903_row *r = g[i];
		size_t j = i;
		for (; j > 0 && g[j - 1]->key > r->key; j--)
			g[j] = g[j - 1];
		g[j] = r;
	}
}

uint64_t v903_prefix(const char *s)
{
	uint64_t k = 0;
	for (int i = 0; i < 8 && s[i]; i++)
		k |= (uint64_t)(unsigned char)s[i] << (56 - 8 * i);
	return k;
}

int v903_prefix_cmp(uint64_t pa, const char *a, uint64_t pb, const char *b)
{
	if (pa != pb)
		return pa < pb ? -1 : 1;
	/* equal prefixes: both end within them (a zero last byte), or both go on */
	return pa & 0xff ? strcmp(a + 8, b + 8) : 0;
}

/* A provisional child number with its CHILD and that string's prefix, so
 * that sorting them reads few of the strings (each a cache miss). */
struct id_key {
	uint64_t pfx;
	const char *id;
	int32_t k;
};

static int id_key_cmp(const void *a, const void *b)
{
	const struct id_key *x = a, *y = b;
	return v903_prefix_cmp(x->pfx, x->id, y->pfx, y->id);
}

void v903_index(v903_data *d)
{
	size_t total = 0;
	for (int t = 0; t < V9_NTAB; t++)
		total += d->t[t].n;
	free(d->rcache);
	d->rcache = v903_rcache_new();
	/* the distinct children of all tables, numbered as first met through
	 * a hash sized for every row */
	free(d->ids);
	free(d->hash);
	const char **first = csc_xmalloc((total ? total : 1) * sizeof *first);
	for (d->hcap = 16; d->hcap < 2 * total; d->hcap *= 2)
		;
	d->hash = csc_xmalloc(d->hcap * sizeof *d->hash);
	memset(d->hash, 0xff, d->hcap * sizeof *d->hash); /* -1: empty */
	size_t u = 0;
	for (int t = 0; t < V9_NTAB; t++)
		for (size_t i = 0; i < d->t[t].n; i++) {
			v903_row *r = &d->t[t].rows[i];
			size_t h = hash_id(r->f[0]) & (d->hcap - 1);
			while (d->hash[h] >= 0 && strcmp(first[d->hash[h]], r->f[0]))
				h = (h + 1) & (d->hcap - 1);
			if (d->hash[h] < 0) {
				d->hash[h] = (int32_t)u;
				first[u++] = r->f[0];
			}
			r->child = d->hash[h];
		}
	/* renumber in CHILD order, so that a child's number is its place */
	struct id_key *order = csc_xmalloc((u ? u : 1) * sizeof *order);
	int32_t *rank = csc_xmalloc((u ? u : 1) * sizeof *rank);
	for (size_t k = 0; k < u; k++)
		order[k] = (struct id_key){v903_prefix(first[k]), first[k], (int32_t)k};
	qsort(order, u, sizeof *order, id_key_cmp);
	d->ids = csc_xmalloc((u ? u : 1) * sizeof *d->ids);
	for (size_t k = 0; k < u; k++) {
		rank[order[k].k] = (int32_t)k;
		d->ids[k] = order[k].id;
	}
	d->nids = u;
	for (int t = 0; t < V9_NTAB; t++)
		for (size_t i = 0; i < d->t[t].n; i++)
			d->t[t].rows[i].child = rank[d->t[t].rows[i].child];
	free(first);
	free(order);
	free(rank);
	/* the hash, rebuilt for the distinct children only, stays small */
	free(d->hash);
	for (d->hcap = 16; d->hcap < 2 * u; d->hcap *= 2)
		;
	d->hash = csc_xmalloc(d->hcap * sizeof *d->hash);
	memset(d->hash, 0xff, d->hcap * sizeof *d->hash);
	for (size_t k = 0; k < u; k++) {
		size_t h = hash_id(d->ids[k]) & (d->hcap - 1);
		while (d->hash[h] >= 0)
			h = (h + 1) & (d->hcap - 1);
		d->hash[h] = (int32_t)k;
	}
	/* per table: rows by child number (so by CHILD), then key date, then
	 * file order. Counted into place by child, which keeps file order;
	 * then each child's few rows by key, stably */
	for (int t = 0; t < V9_NTAB; t++) {
		v903_table *tb = &d->t[t];
		free(tb->off);
		tb->off = csc_xcalloc(u + 1, sizeof *tb->off);
		tb->owner = d;
		for (size_t i = 0; i < tb->n; i++)
			tb->off[tb->rows[i].child + 1]++;
		for (size_t k = 0; k < u; k++)
			tb->off[k + 1] += tb->off[k];
		free(tb->by_child);
		tb->by_child = csc_xmalloc((tb->n ? tb->n : 1) * sizeof *tb->by_child);
		size_t *next = csc_xmalloc((u ? u : 1) * sizeof *next);
		memcpy(next, tb->off, u * sizeof *next);
		for (size_t i = 0; i < tb->n; i++)
			tb->by_child[next[tb->rows[i].child]++] = &tb->rows[i];
		free(next);
		for (size_t k = 0; k < u; k++)
			sort_group(tb->by_child + tb->off[k], tb->off[k + 1] - tb->off[k]);
	}
}

/* Dates of events that happen within the collection year in a return:
 * episode ends, reviews, missing periods, social worker changes. Start
 * dates are not: open episodes keep their old DECOM. */
static const struct { int t, col; } year_events[] = {
	{V9_EPISODES, EP_DEC}, {V9_REVIEWS, RV_REVIEW}, {V9_MISSING, MS_START},
	{V9_SW, SW_DEC},
};

void v903_derive_year(v903_data *d)
{
	if (d->year_end != CSC_NODATE)
		return;
	/* the collection year (by its starting calendar year) holding most
	 * event dates, the later on a tie: one mistyped date cannot move it */
	enum { FIRST = 1900, YEARS = 300 };
	static long count[YEARS];
	memset(count, 0, sizeof count);
	int y, m, dd, best = -1;
	for (size_t k = 0; k < sizeof year_events / sizeof year_events[0]; k++) {
		const v903_table *tb = &d->t[year_events[k].t];
		for (size_t i = 0; i < tb->n; i++) {
			csc_date x = v903_date(&tb->rows[i], year_events[k].col);
			if (x == CSC_NODATE)
				continue;
			csc_date_ymd(csc_fy_first(x), &y, &m, &dd);
			if (y >= FIRST && y < FIRST + YEARS)
				count[y - FIRST]++;
		}
	}
	for (int k = 0; k < YEARS; k++)
		if (count[k] && (best < 0 || count[k] >= count[best]))
			best = k;
	if (best >= 0) {
		y = FIRST + best;
	} else {
		/* no events at all: the year of the latest episode start */
		csc_date latest = CSC_NODATE;
		const v903_table *tb = &d->t[V9_EPISODES];
		for (size_t i = 0; i < tb->n; i++) {
			csc_date x = v903_date(&tb->rows[i], EP_DECOM);
			if (x > latest)
				latest = x;
		}
		if (latest == CSC_NODATE)
			return;
		csc_date_ymd(csc_fy_first(latest), &y, &m, &dd);
	}
	d->year_start = csc_date_make(y, 4, 1);
	d->year_end = csc_date_make(y + 1, 3, 31);
}

/* Reading one file ------------------------------------------------------ */

struct load {
	v903_data *d;
	const char *name;
	int file;
	int table; /* -1 until the header is identified */
	int bad;   /* the header matches no table (printed) */
};

static int on_row(void *ctx, const csc_row *row)
{
	struct load *l = ctx;
	if (row->index == 0) {
		const csc_903_table *t = csc_903_identify_all(row->f, row->len, row->n);
		if (!t) {
			/* an unreadable table is unreadable input (exit 3), as in the
			 * extractor: validating the rest would pass rules that never
			 * saw this table's rows */
			csc_903_explain_header(l->name, row->line, row->f, row->len, row->n);
			l->bad = 1;
			return 1;
		}
		l->table = (int)(t - csc_903_tables);
		l->d->t[l->table].present = 1;
		return 0;
	}
	int blank = 1;
	for (int i = 0; i < row->n && blank; i++)
		blank = row->len[i] == 0;
	if (blank)
		return 0; /* trailing empty lines written by spreadsheets */
	int nc = csc_903_tables[l->table].ncols;
	if (row->n != nc)
		csc_error_at(l->name, row->line, "%d fields where %s has %d; %s", row->n,
			     csc_903_tables[l->table].name, nc,
			     row->n < nc ? "missing ones read as blank" : "extra ones ignored");
	add_row_len(l->d, l->table, row->f, row->len, row->n, row->line, l->file);
	return 0;
}

static int is_csv(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcasecmp(name + n - 4, ".csv");
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int v903_load(v903_data *d, const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		csc_error_at(dir, 0, "cannot read folder: %s", strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (!is_csv(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = csc_xrealloc(names, cap * sizeof *names);
		}
		names[n++] = csc_xstrdup(e->d_name);
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		char *path = csc_xmalloc(plen);
		snprintf(path, plen, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		d->files = csc_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
		d->files[d->nfiles] = path;
		struct load l = {d, path, d->nfiles, -1, 0};
		d->nfiles++;
		int r = csc_csv_read(path, path, on_row, &l);
		if (r == 0 && l.table < 0 && !l.bad) {
			csc_error_at(path, 1, "empty file: expected an SSDA903 header row");
			l.bad = 1;
		}
		if (r < 0 || l.bad) {
			rc = -1;
			break;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	int found = 0;
	for (int t = 0; t < V9_NTAB; t++)
		found |= d->t[t].present;
	if (rc == 0 && !found) {
		csc_error_at(dir, 0, "no SSDA903 table found (no .csv file has a 903 header)");
		rc = -1;
	}
	v903_index(d);
	return rc;
}

int v903_load_mem(v903_data *d, const char *name, const char *data, size_t n)
{
	d->files = csc_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
	d->files[d->nfiles] = csc_xstrdup(name);
	struct load l = {d, d->files[d->nfiles], d->nfiles, -1, 0};
	d->nfiles++;
	return csc_csv_read_mem(data, n, name, on_row, &l) < 0 || l.bad ? -1 : 0;
}
