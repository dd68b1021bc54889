/* pub_suppress.c - see pub_suppress.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "pub_suppress.h"

/* A measure with more rows than this (a template's worth is a few hundred)
 * is not published at all rather than solved: elimination is cubic. */
#define REPORT_SUP_MAX_GROUP 4000

int report_sup_primary(const report_sup_row *r)
{
	return (r->has_num && r->num > 0 && r->num < 6) || (r->has_den && r->den > 0 && r->den < 6);
}

/* ---- table order: measure, breakdown, start, end, index ---- */

typedef struct ent {
	const report_sup_row *r;
	size_t i;
} ent;

static int ent_cmp(const void *a, const void *b)
{
	const ent *x = a, *y = b;
	int c = strcmp(x->r->measure, y->r->measure);
	if (!c)
		c = strcmp(x->r->breakdown, y->r->breakdown);
	if (!c)
		c = (x->r->start > y->r->start) - (x->r->start < y->r->start);
	if (!c)
		c = (x->r->end > y->r->end) - (x->r->end < y->r->end);
	if (!c)
		c = (x->i > y->i) - (x->i < y->i);
	return c;
}

/* ---- relations of one measure (indices into the group) ---- */

typedef struct rels {
	size_t *idx;  /* all members, relation after relation: total first */
	size_t *off;  /* relation k is idx[off[k] .. off[k+1]) */
	size_t n, nidx, cap, capidx;
} rels;

static void rels_add(rels *s, size_t total, const size_t *parts, size_t np)
{
	if (s->n + 2 > s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->off = csc_xrealloc(s->off, s->cap * sizeof *s->off);
	}
	if (s->nidx + np + 1 > s->capidx) {
		while (s->nidx + np + 1 > s->capidx)
			s->capidx = s->capidx ? 2 * s->capidx : 256;
		s->idx = csc_xrealloc(s->idx, s->capidx * sizeof *s->idx);
	}
	if (!s->n)
		s->off[0] = 0;
	s->idx[s->nidx++] = total;
	memcpy(s->idx + s->nidx, parts, np * sizeof *parts);
	s->nidx += np;
	s->off[++s->n] = s->nidx;
}

static int same(double a, double b)
{
	return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

/* Do the parts add up to the total, in numerators or in denominators? */
static int holds(const ent *g, size_t total, const size_t *parts, size_t np)
{
	int num = g[total].r->has_num, den = g[total].r->has_den;
	double sn = 0, sd = 0;
	for (size_t k = 0; k < np; k++) {
		const report_sup_row *p = g[parts[k]].r;
		num &= p->has_num;
		den &= p->has_den;
		sn += p->has_num ? p->num : 0;
		sd += p->has_den ? p->den : 0;
	}
	return (num && same(sn, g[total].r->num)) || (den && same(sd, g[total].r->den));
}

static void try_add(rels *s, const ent *g, size_t total, const size_t *parts, size_t np)
{
	if (np && holds(g, total, parts, np))
		rels_add(s, total, parts, np);
}

static int is_month(const report_sup_row *r)
{
	return r->start != CSC_NODATE && r->end != CSC_NODATE &&
	       csc_month_first(r->start) == r->start && csc_month_last(r->start) == r->end;
}

static int is_total_name(const char *b)
{
	return !*b || !strcmp(b, "all");
}

/* Breakdowns: the period's headline ("" or else "all") and its other
 * breakdowns. g[0..ng) is in table order. */
static void breakdown_rels(rels *s, const ent *g, size_t ng, size_t *parts)
{
	for (size_t t = 0; t < ng; t++) {
		const report_sup_row *T = g[t].r;
		if (!is_total_name(T->breakdown))
			continue;
		int has_blank = 0;
		size_t np = 0;
		for (size_t k = 0; k < ng; k++) {
			const report_sup_row *p = g[k].r;
			if (p->start != T->start || p->end != T->end)
				continue;
			if (!*p->breakdown)
				has_blank = 1;
			else if (strcmp(p->breakdown, "all"))
				parts[np++] = k;
		}
		if (*T->breakdown && has_blank)
			continue; /* "" is the total; "all" is then just another row */
		try_add(s, g, t, parts, np);
	}
}

/* Period groups of one breakdown: b[0..nb) is one breakdown of the group,
 * sorted by start then end; `base` maps it back into the group. */
static void period_rels(rels *s, const ent *g, size_t base, size_t nb, size_t *parts,
			size_t *parts2)
{
	for (size_t t = 0; t < nb; t++) {
		const report_sup_row *T = g[base + t].r;
		if (T->start == CSC_NODATE || T->end == CSC_NODATE || T->end < T->start ||
		    is_month(T))
			continue;
		/* (a) the months that tile it */
		size_t na = 0;
		csc_date next = T->start;
		for (size_t k = 0; k < nb && next <= T->end; k++) {
			const report_sup_row *p = g[base + k].r;
			if (k == t || !is_month(p) || p->start != next || p->end > T->end)
				continue;
			parts[na++] = base + k;
			next = p->end + 1;
		}
		if (next != T->end + 1)
			na = 0;
		try_add(s, g, base + t, parts, na);
		/* (b) the longest period at each step */
		size_t nl = 0;
		next = T->start;
		while (next <= T->end) {
			size_t best = nb;
			for (size_t k = 0; k < nb; k++) {
				const report_sup_row *p = g[base + k].r;
				if (k != t && p->start == next && p->end <= T->end && p->end >= p->start &&
				    (best == nb || p->end > g[base + best].r->end))
					best = k;
			}
			if (best == nb)
				break;
			parts2[nl++] = base + best;
			next = g[base + best].r->end + 1;
		}
		if (next != T->end + 1 || (nl == na && !memcmp(parts, parts2, na * sizeof *parts)))
			continue;
		try_add(s, g, base + t, parts2, nl);
	}
}

/* ---- which suppressed rows the shown ones determine ---- */

/* Fill det[u] (u over the unknowns) with 1 where the relations fix that
 * unknown: after reduction to row echelon form, a row with a single
 * non-zero entry. col[k] is the unknown of group row k or -1 (shown). */
static void determined(const rels *s, const long *col, size_t nu, double *a, char *det)
{
	size_t nr = s->n;
	memset(a, 0, nr * nu * sizeof *a);
	for (size_t r = 0; r < nr; r++)
		for (size_t j = s->off[r]; j < s->off[r + 1]; j++) {
			long c = col[s->idx[j]];
			if (c >= 0)
				a[r * nu + (size_t)c] += j == s->off[r] ? 1.0 : -1.0;
		}
	memset(det, 0, nu);
	size_t prow = 0;
	for (size_t c = 0; c < nu && prow < nr; c++) {
		size_t best = prow;
		for (size_t r = prow + 1; r < nr; r++)
			if (fabs(a[r * nu + c]) > fabs(a[best * nu + c]))
				best = r;
		if (fabs(a[best * nu + c]) < 1e-9)
			continue;
		if (best != prow)
			for (size_t k = 0; k < nu; k++) {
				double t = a[prow * nu + k];
				a[prow * nu + k] = a[best * nu + k];
				a[best * nu + k] = t;
			}
		double pv = a[prow * nu + c];
		for (size_t k = 0; k < nu; k++)
			a[prow * nu + k] /= pv;
		for (size_t r = 0; r < nr; r++) {
			double f = a[r * nu + c];
			if (r == prow || fabs(f) < 1e-12)
				continue;
			for (size_t k = 0; k < nu; k++)
				a[r * nu + k] -= f * a[prow * nu + k];
		}
		prow++;
	}
	for (size_t r = 0; r < prow; r++) {
		size_t nz = 0, at = 0;
		for (size_t k = 0; k < nu; k++)
			if (fabs(a[r * nu + k]) > 1e-9) {
				nz++;
				at = k;
			}
		if (nz == 1)
			det[at] = 1;
	}
}

static double size_of(const report_sup_row *r)
{
	return (r->has_num ? fabs(r->num) : 0) + (r->has_den ? fabs(r->den) : 0);
}

/* Is row k a better choice than best (ng = none yet)? */
static int better(const ent *g, size_t ng, size_t k, size_t best)
{
	if (best == ng)
		return 1;
	double sk = size_of(g[k].r), sb = size_of(g[best].r);
	if ((sk == 0) != (sb == 0))
		return sb == 0;
	return sk != sb ? sk < sb : g[k].i < g[best].i;
}

/* The best shown row of relation r (ng = none), or of best so far. */
static size_t best_in(const rels *s, size_t r, const ent *g, size_t ng, size_t best,
		      const enum report_sup_state *state)
{
	for (size_t j = s->off[r]; j < s->off[r + 1]; j++) {
		size_t k = s->idx[j];
		if (state[g[k].i] == REPORT_SUP_SHOWN && better(g, ng, k, best))
			best = k;
	}
	return best;
}

static size_t hidden_in(const rels *s, size_t r, const ent *g, const enum report_sup_state *state)
{
	size_t h = 0;
	for (size_t j = s->off[r]; j < s->off[r + 1]; j++)
		h += state[g[s->idx[j]].i] != REPORT_SUP_SHOWN;
	return h;
}

/* Relation by relation until none has exactly one suppressed row. */
static void one_by_one(const rels *s, const ent *g, size_t ng, enum report_sup_state *state)
{
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t r = 0; r < s->n; r++) {
			if (hidden_in(s, r, g, state) != 1)
				continue;
			size_t k = best_in(s, r, g, ng, ng, state);
			if (k != ng) {
				state[g[k].i] = REPORT_SUP_SECONDARY;
				changed = 1;
			}
		}
	}
}

/* Secondary suppression within one measure: one relation at a time, then
 * whatever elimination over all of them still works out. */
static void protect(const rels *s, const ent *g, size_t ng, enum report_sup_state *state)
{
	long *col = csc_xcalloc(ng, sizeof *col);
	size_t *order = csc_xcalloc(ng, sizeof *order);
	char *det = csc_xcalloc(ng ? ng : 1, 1);
	double *a = NULL;
	for (;;) {
		one_by_one(s, g, ng, state);
		size_t nu = 0;
		for (size_t k = 0; k < ng; k++) {
			col[k] = state[g[k].i] != REPORT_SUP_SHOWN ? (long)nu : -1;
			if (col[k] >= 0)
				order[nu++] = k;
		}
		if (!nu || !s->n)
			break;
		a = csc_xrealloc(a, s->n * nu * sizeof *a);
		determined(s, col, nu, a, det);
		/* The first determined row, in table order, that a shown row
		 * of one of its relations can protect. */
		size_t pick = ng, first = ng;
		for (size_t u = 0; u < nu; u++) {
			if (!det[u] || (first != ng && g[order[u]].i > g[first].i))
				continue;
			size_t c = ng;
			for (size_t r = 0; r < s->n; r++)
				for (size_t j = s->off[r]; j < s->off[r + 1]; j++)
					if (s->idx[j] == order[u])
						c = best_in(s, r, g, ng, c, state);
			if (c != ng) {
				first = order[u];
				pick = c;
			}
		}
		if (pick == ng)
			break;
		state[g[pick].i] = REPORT_SUP_SECONDARY;
	}
	free(a);
	free(det);
	free(order);
	free(col);
}

/* ---- driver ---- */

typedef void (*group_fn)(void *ctx, const ent *g, size_t ng, const rels *s);

/* Sort, split into measures, build each one's relations and call fn. */
static int each_group(const report_sup_row *rows, size_t n, group_fn fn, void *ctx)
{
	if (n > REPORT_SUP_MAX_ROWS) {
		csc_error("%zu rows of figures are more than the %d suppression handles", n,
			  REPORT_SUP_MAX_ROWS);
		return -1;
	}
	ent *e = csc_xcalloc(n ? n : 1, sizeof *e);
	for (size_t i = 0; i < n; i++)
		e[i] = (ent){&rows[i], i};
	qsort(e, n, sizeof *e, ent_cmp);
	size_t *parts = csc_xcalloc(n ? n : 1, sizeof *parts);
	size_t *parts2 = csc_xcalloc(n ? n : 1, sizeof *parts2);
	for (size_t a = 0; a < n;) {
		size_t b = a + 1;
		while (b < n && !strcmp(e[b].r->measure, e[a].r->measure))
			b++;
		rels s = {0};
		if (b - a <= REPORT_SUP_MAX_GROUP) {
			breakdown_rels(&s, e + a, b - a, parts);
			for (size_t x = 0; x < b - a;) {
				size_t y = x + 1;
				while (y < b - a && !strcmp(e[a + y].r->breakdown, e[a + x].r->breakdown))
					y++;
				period_rels(&s, e + a, x, y - x, parts, parts2);
				x = y;
			}
		}
		fn(ctx, e + a, b - a, &s);
		free(s.idx);
		free(s.off);
		a = b;
	}
	free(parts2);
	free(parts);
	free(e);
	return 0;
}

static void suppress_group(void *ctx, const ent *g, size_t ng, const rels *s)
{
	enum report_sup_state *state = ctx;
	if (ng > REPORT_SUP_MAX_GROUP) {
		csc_error("warning: measure %s has %zu rows, more than %d: none of it is published",
			 g[0].r->measure, ng, REPORT_SUP_MAX_GROUP);
		for (size_t k = 0; k < ng; k++)
			if (state[g[k].i] == REPORT_SUP_SHOWN)
				state[g[k].i] = REPORT_SUP_SECONDARY;
		return;
	}
	protect(s, g, ng, state);
}

long report_sup_suppress(const report_sup_row *rows, size_t n, enum report_sup_state *state)
{
	for (size_t i = 0; i < n; i++)
		state[i] = report_sup_primary(&rows[i]) ? REPORT_SUP_PRIMARY : REPORT_SUP_SHOWN;
	if (each_group(rows, n, suppress_group, state)) {
		for (size_t i = 0; i < n; i++)
			state[i] = REPORT_SUP_PRIMARY;
		return -1;
	}
	long k = 0;
	for (size_t i = 0; i < n; i++)
		k += state[i] != REPORT_SUP_SHOWN;
	return k;
}

struct rel_ctx {
	report_sup_relation_fn fn;
	void *ctx;
	size_t n;
	size_t *buf;
};

static void call_group(void *ctx, const ent *g, size_t ng, const rels *s)
{
	(void)ng;
	struct rel_ctx *c = ctx;
	for (size_t r = 0; r < s->n; r++) {
		size_t np = s->off[r + 1] - s->off[r] - 1;
		for (size_t j = 0; j < np; j++)
			c->buf[j] = g[s->idx[s->off[r] + 1 + j]].i;
		if (c->fn)
			c->fn(c->ctx, g[s->idx[s->off[r]]].i, c->buf, np);
		c->n++;
	}
}

size_t report_sup_relations(const report_sup_row *rows, size_t n, report_sup_relation_fn fn, void *ctx)
{
	struct rel_ctx c = {fn, ctx, 0, csc_xcalloc(n ? n : 1, sizeof(size_t))};
	each_group(rows, n, call_group, &c);
	free(c.buf);
	return c.n;
}
