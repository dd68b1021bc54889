/* csc_drill.c - the compact drill-down: groups written once with their
 * periods, and expanded back in the order they were met (csc_drill.h). */
#include "csc_drill.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"

const char *const csc_drill_header[] = {"group", "measure", "breakdown", "periods", "child",
					"record", "role", "reason", NULL};

/* Rows held before a unit is written in pieces: bounds the encoder's
 * memory whatever one child's records are. */
#define UNIT_MAX (1 << 20)
#define UNIT_BYTES ((size_t)32 << 20)

/* ---- encoder ---- */

struct key {
	size_t off;      /* the six fields, one after another, at buf + off */
	uint32_t len[CSC_DRILL_NF];
	uint32_t hash;
	int next;        /* hash chain */
};

struct row {
	int key, per;
};

struct csc_drill_enc {
	csc_csvw *w;
	char *buf;
	size_t len, cap;
	struct key *k;
	int nk, capk;
	struct row *r;
	int nr, capr;
	int *head;
	int nhead;       /* a power of two */
	int lastper;
	long groups, split;
	/* scratch of a flush: per key (capk) and per row (capr) */
	int *last, *indeg, *start, *adj, *heap, *order, *loc, *pl;
	int scap_k, scap_r;
};

static void grow(void **p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return;
	int n = *cap ? *cap : 64;
	while (n < need)
		n *= 2;
	*p = csc_xrealloc(*p, (size_t)n * size);
	*cap = n;
}

csc_drill_enc *csc_drill_enc_new(csc_csvw *w)
{
	csc_drill_enc *d = csc_xcalloc(1, sizeof *d);
	d->w = w;
	d->nhead = 256;
	d->head = csc_xmalloc((size_t)d->nhead * sizeof *d->head);
	memset(d->head, 0xff, (size_t)d->nhead * sizeof *d->head);
	return d;
}

void csc_drill_enc_free(csc_drill_enc *d)
{
	if (!d)
		return;
	free(d->buf);
	free(d->k);
	free(d->r);
	free(d->head);
	free(d->last);
	free(d->indeg);
	free(d->start);
	free(d->adj);
	free(d->heap);
	free(d->order);
	free(d->loc);
	free(d->pl);
	free(d);
}

/* Append the n bytes of s to the arena *buf; their offset. */
static size_t append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n > *cap) {
		*cap = *cap ? *cap : 4096;
		while (*len + n > *cap)
			*cap *= 2;
		*buf = csc_xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	return *len - n;
}

/* A word at a time: hashing every record met was a tenth of the
 * transform byte by byte. */
static uint64_t mix(uint64_t h, const char *s, size_t n)
{
	uint64_t v;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&v, s, 8);
		h = (h ^ v) * 0x9e3779b97f4a7c15u;
		h ^= h >> 29;
	}
	/* the tail gathered in a register: memcpy into v byte by byte, read
	 * back whole, stalled store forwarding (a third of this function) */
	v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)(unsigned char)s[i] << (8 * i);
	/* the length closes the field: "ab","c" is not "a","bc" */
	h = (h ^ v ^ (uint64_t)n << 56) * 0x9e3779b97f4a7c15u;
	return h ^ h >> 29;
}

static void rehash(csc_drill_enc *d)
{
	d->nhead *= 2;
	d->head = csc_xrealloc(d->head, (size_t)d->nhead * sizeof *d->head);
	memset(d->head, 0xff, (size_t)d->nhead * sizeof *d->head);
	for (int k = 0; k < d->nk; k++) {
		int *h = &d->head[d->k[k].hash & (uint32_t)(d->nhead - 1)];
		d->k[k].next = *h;
		*h = k;
	}
}

void csc_drill_enc_add(csc_drill_enc *d, const char *const f[CSC_DRILL_NF], int per)
{
	const char *v[CSC_DRILL_NF];
	size_t n[CSC_DRILL_NF];
	for (int i = 0; i < CSC_DRILL_NF; i++) {
		v[i] = f[i] ? f[i] : "";
		n[i] = strlen(v[i]);
	}
	csc_drill_enc_addn(d, v, n, per);
}

void csc_drill_enc_addn(csc_drill_enc *d, const char *const v[CSC_DRILL_NF],
			const size_t n[CSC_DRILL_NF], int per)
{
	if (per < 1 || per > CSC_DRILL_MAXPER)
		return; /* not a period of drilldown_periods.csv: a caller's bug */
	if (d->nr && (per < d->lastper || d->nr >= UNIT_MAX || d->len >= UNIT_BYTES))
		csc_drill_enc_flush(d);
	d->lastper = per;
	uint32_t len[CSC_DRILL_NF];
	uint64_t h64 = 0;
	for (int i = 0; i < CSC_DRILL_NF; i++) {
		len[i] = n[i] < UINT32_MAX ? (uint32_t)n[i] : UINT32_MAX - 1;
		h64 = mix(h64, v[i], len[i]);
	}
	uint32_t h = (uint32_t)(h64 ^ h64 >> 32);
	int k = d->head[h & (uint32_t)(d->nhead - 1)];
	for (; k >= 0; k = d->k[k].next) {
		const struct key *c = &d->k[k];
		if (c->hash != h || memcmp(c->len, len, sizeof len))
			continue;
		const char *p = d->buf + c->off;
		int i = 0;
		for (; i < CSC_DRILL_NF && !memcmp(p, v[i], len[i]); i++)
			p += len[i];
		if (i == CSC_DRILL_NF)
			break;
	}
	if (k < 0) { /* first met in this unit: its bytes are held once */
		grow((void **)&d->k, &d->capk, d->nk + 1, sizeof *d->k);
		k = d->nk++;
		struct key *c = &d->k[k];
		c->off = d->len;
		memcpy(c->len, len, sizeof len);
		for (int i = 0; i < CSC_DRILL_NF; i++)
			append(&d->buf, &d->len, &d->cap, v[i], len[i]);
		int *hd = &d->head[h & (uint32_t)(d->nhead - 1)];
		c->hash = h;
		c->next = *hd;
		*hd = k;
		if (d->nk * 2 > d->nhead)
			rehash(d);
	}
	grow((void **)&d->r, &d->capr, d->nr + 1, sizeof *d->r);
	d->r[d->nr++] = (struct row){k, per};
}

static void heap_push(int *h, int *n, int v)
{
	int i = (*n)++;
	while (i > 0 && h[(i - 1) / 2] > v) {
		h[i] = h[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h[i] = v;
}

static int heap_pop(int *h, int *n)
{
	int top = h[0], v = h[--*n], i = 0;
	for (;;) {
		int c = 2 * i + 1;
		if (c >= *n)
			break;
		if (c + 1 < *n && h[c + 1] < h[c])
			c++;
		if (h[c] >= v)
			break;
		h[i] = h[c];
		i = c;
	}
	if (*n)
		h[i] = v;
	return top;
}

/* One order of the unit's records in which every period's records come in
 * the order they were met: records are the nodes, "met just before in the
 * same period" the edges; Kahn's algorithm taking the earliest met record
 * first, so a unit met in one order everywhere keeps it. 1 with d->order
 * filled, 0 when there is none (a record met twice in one period, or a
 * cycle). */
static int topo(csc_drill_enc *d)
{
	int nk = d->nk, nr = d->nr;
	for (int k = 0; k < nk; k++)
		d->last[k] = d->indeg[k] = d->start[k + 1] = 0;
	for (int i = 0; i < nr; i++) {
		int k = d->r[i].key, p = d->r[i].per;
		if (d->last[k] == p)
			return 0;
		d->last[k] = p;
		if (i > 0 && d->r[i - 1].per == p) {
			d->start[d->r[i - 1].key + 1]++;
			d->indeg[k]++;
		}
	}
	d->start[0] = 0;
	for (int k = 0; k < nk; k++)
		d->start[k + 1] += d->start[k];
	for (int k = 0; k < nk; k++)
		d->loc[k] = d->start[k]; /* fill position */
	for (int i = 1; i < nr; i++)
		if (d->r[i - 1].per == d->r[i].per)
			d->adj[d->loc[d->r[i - 1].key]++] = d->r[i].key;
	int nh = 0, n = 0;
	for (int k = 0; k < nk; k++)
		if (!d->indeg[k])
			heap_push(d->heap, &nh, k);
	while (nh) {
		int k = heap_pop(d->heap, &nh);
		d->order[n++] = k;
		for (int e = d->start[k]; e < d->start[k + 1]; e++)
			if (!--d->indeg[d->adj[e]])
				heap_push(d->heap, &nh, d->adj[e]);
	}
	return n == nk;
}

/* v (>= 0) in decimal at p; its length. */
static size_t put_int(char *p, int v)
{
	char t[12];
	size_t n = 0;
	do
		t[n++] = (char)('0' + v % 10);
	while (v /= 10);
	for (size_t i = 0; i < n; i++)
		p[i] = t[n - 1 - i];
	return n;
}

/* Write rows [a, b) as one group of the n records order[] in that order,
 * each with the periods it was met in. */
static long write_group(csc_drill_enc *d, int a, int b, const int *order, int n)
{
	/* the periods of each record: a counting sort of the rows by record */
	int *cnt = d->indeg, *at = d->start;
	for (int j = 0; j < n; j++) {
		d->loc[order[j]] = j;
		cnt[j] = 0;
	}
	for (int i = a; i < b; i++)
		cnt[d->loc[d->r[i].key]]++;
	at[0] = 0;
	for (int j = 0; j < n; j++)
		at[j + 1] = at[j] + cnt[j];
	for (int j = 0; j < n; j++)
		cnt[j] = at[j];
	for (int i = a; i < b; i++)
		d->pl[cnt[d->loc[d->r[i].key]]++] = d->r[i].per;
	csc_csvw *w = d->w;
	d->groups++;
	for (int j = 0; j < n; j++) {
		const struct key *c = &d->k[order[j]];
		const char *f[CSC_DRILL_NF];
		const char *p = d->buf + c->off;
		for (int i = 0; i < CSC_DRILL_NF; i++) {
			f[i] = p;
			p += c->len[i];
		}
		char per[CSC_DRILL_MAXPER * 4 + 1]; /* at most every period once */
		size_t pn = 0;
		for (int e = at[j]; e < at[j + 1]; e++) {
			if (pn)
				per[pn++] = ';';
			pn += put_int(per + pn, d->pl[e]);
		}
		char num[16];
		/* group and periods are digits and ';': nothing to quote */
		csc_csvw_plain(w, num, j ? 0 : put_int(num, n));
		csc_csvw_field(w, f[0], c->len[0]);
		csc_csvw_field(w, f[1], c->len[1]);
		csc_csvw_plain(w, per, pn);
		csc_csvw_textn(w, f[2], c->len[2]);
		csc_csvw_textn(w, f[3], c->len[3]);
		csc_csvw_field(w, f[4], c->len[4]);
		csc_csvw_textn(w, f[5], c->len[5]);
		csc_csvw_end(w);
	}
	return n;
}

/* No single order exists (or the unit is larger than a group): cut the
 * rows into runs, each a group in the order its records were first met,
 * a new run starting where that order would break. */
static long greedy(csc_drill_enc *d)
{
	long written = 0;
	int a = 0, n = 0, curper = -1, lastpos = -1;
	for (int k = 0; k < d->nk; k++) {
		d->loc[k] = -1;
		d->last[k] = 0;
	}
	for (int i = 0; i < d->nr; i++) {
		int k = d->r[i].key, p = d->r[i].per;
		if (p != curper) {
			curper = p;
			lastpos = -1;
		}
		int j = d->loc[k];
		if ((j >= 0 && (d->last[k] == p || j < lastpos)) || (j < 0 && n == CSC_DRILL_GROUP_MAX)) {
			written += write_group(d, a, i, d->order, n);
			for (int t = 0; t < n; t++)
				d->loc[d->order[t]] = -1;
			n = 0;
			a = i;
			lastpos = j = -1;
		}
		if (j < 0) {
			j = n;
			d->order[n++] = k;
			d->loc[k] = j;
		}
		d->last[k] = p;
		lastpos = j;
	}
	return written + write_group(d, a, d->nr, d->order, n);
}

long csc_drill_enc_flush(csc_drill_enc *d)
{
	if (!d->nr)
		return 0;
	if (d->nk + 1 > d->scap_k) {
		int c = d->scap_k;
		grow((void **)&d->last, &c, d->nk + 1, sizeof *d->last);
		d->indeg = csc_xrealloc(d->indeg, (size_t)c * sizeof *d->indeg);
		d->start = csc_xrealloc(d->start, (size_t)(c + 1) * sizeof *d->start);
		d->heap = csc_xrealloc(d->heap, (size_t)c * sizeof *d->heap);
		d->order = csc_xrealloc(d->order, (size_t)c * sizeof *d->order);
		d->loc = csc_xrealloc(d->loc, (size_t)c * sizeof *d->loc);
		d->scap_k = c;
	}
	if (d->nr > d->scap_r) {
		int c = d->scap_r;
		grow((void **)&d->adj, &c, d->nr, sizeof *d->adj);
		d->pl = csc_xrealloc(d->pl, (size_t)c * sizeof *d->pl);
		d->scap_r = c;
	}
	long before = d->groups;
	long n = d->nk <= CSC_DRILL_GROUP_MAX && topo(d) ? write_group(d, 0, d->nr, d->order, d->nk)
							 : greedy(d);
	d->split += d->groups - before > 1;
	for (int k = 0; k < d->nk; k++)
		d->head[d->k[k].hash & (uint32_t)(d->nhead - 1)] = -1;
	d->nk = d->nr = 0;
	d->len = 0;
	d->lastper = 0;
	return n;
}

void csc_drill_enc_stats(const csc_drill_enc *d, long *groups, long *split)
{
	*groups = d->groups;
	*split = d->split;
}

/* ---- decoder ---- */

struct drow {
	size_t off[CSC_DRILL_NF];
	int pbeg, pn, cur;
};

struct csc_drill_dec {
	int nper;
	csc_drill_row_fn fn;
	void *ctx;
	int want;        /* rows still to come in the open group; 0 = none open */
	struct drow *r;
	int n, capr;
	char *buf;
	size_t len, cap;
	int *per;
	int np, capper;
};

csc_drill_dec *csc_drill_dec_new(int nper, csc_drill_row_fn fn, void *ctx)
{
	csc_drill_dec *d = csc_xcalloc(1, sizeof *d);
	d->nper = nper;
	d->fn = fn;
	d->ctx = ctx;
	return d;
}

void csc_drill_dec_free(csc_drill_dec *d)
{
	if (!d)
		return;
	free(d->r);
	free(d->buf);
	free(d->per);
	free(d);
}

/* "3;13;14": period numbers 1..nper, ascending; appended to d->per. */
static int parse_periods(csc_drill_dec *d, const char *s)
{
	int prev = 0;
	for (;;) {
		if (*s < '1' || *s > '9')
			return -1; /* no leading zero: periods start at 1 */
		long v = 0;
		while (*s >= '0' && *s <= '9' && v <= CSC_DRILL_MAXPER)
			v = v * 10 + (*s++ - '0');
		if (v <= prev || v > d->nper)
			return -1;
		grow((void **)&d->per, &d->capper, d->np + 1, sizeof *d->per);
		d->per[d->np++] = prev = (int)v;
		if (!*s)
			return 0;
		if (*s++ != ';')
			return -1;
	}
}

/* The held group expanded: for each period in ascending order, the rows
 * listing it, in file order. */
static int expand(csc_drill_dec *d)
{
	for (;;) {
		int p = 0;
		for (int i = 0; i < d->n; i++) {
			const struct drow *r = &d->r[i];
			if (r->cur < r->pn && (!p || d->per[r->pbeg + r->cur] < p))
				p = d->per[r->pbeg + r->cur];
		}
		if (!p)
			return 0;
		for (int i = 0; i < d->n; i++) {
			struct drow *r = &d->r[i];
			if (r->cur == r->pn || d->per[r->pbeg + r->cur] != p)
				continue;
			r->cur++;
			char *f[CSC_DRILL_NF];
			for (int k = 0; k < CSC_DRILL_NF; k++)
				f[k] = d->buf + r->off[k];
			int rc = d->fn(d->ctx, f, p);
			if (rc)
				return rc;
		}
	}
}

int csc_drill_dec_row(csc_drill_dec *d, char *const f[8], const char *path, long line)
{
	if (!d->want) {
		char *end;
		errno = 0;
		long n = strtol(f[0], &end, 10);
		if (f[0][0] < '1' || f[0][0] > '9' || *end || errno || n > CSC_DRILL_GROUP_MAX) {
			csc_error_at(path, line, "group: expected the number of rows of a group "
				     "(1 to %d) on its first row", CSC_DRILL_GROUP_MAX);
			return -1;
		}
		d->want = (int)n;
		d->n = d->np = 0;
		d->len = 0;
	} else if (*f[0]) {
		csc_error_at(path, line, "group: a new group starts with %d row%s of the previous "
			     "one missing", d->want, d->want == 1 ? "" : "s");
		return -1;
	}
	int pbeg = d->np;
	if (parse_periods(d, f[3])) {
		csc_error_at(path, line, "periods: expected row numbers of drilldown_periods.csv "
			     "(1 to %d), ascending, separated by ';'", d->nper);
		return -1;
	}
	grow((void **)&d->r, &d->capr, d->n + 1, sizeof *d->r);
	struct drow *r = &d->r[d->n++];
	*r = (struct drow){.pbeg = pbeg, .pn = d->np - pbeg};
	static const int col[CSC_DRILL_NF] = {1, 2, 4, 5, 6, 7};
	for (int k = 0; k < CSC_DRILL_NF; k++) {
		size_t n = strlen(f[col[k]]) + 1;
		if (d->len + n > CSC_DRILL_GROUP_BYTES) {
			csc_error_at(path, line, "a group of more than %u MiB of values",
				     CSC_DRILL_GROUP_BYTES >> 20);
			return -1;
		}
		r->off[k] = append(&d->buf, &d->len, &d->cap, f[col[k]], n);
	}
	if (--d->want)
		return 0;
	return expand(d);
}

int csc_drill_dec_end(csc_drill_dec *d, const char *path, long line)
{
	if (!d->want)
		return 0;
	csc_error_at(path, line, "the last group ends with %d row%s missing", d->want,
		     d->want == 1 ? "" : "s");
	return -1;
}
