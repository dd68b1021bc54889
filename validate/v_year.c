/* v_year.c - collection years and their code lists (see v_year.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csc_csvcols.h"
#include "csc_diag.h"
#include "v_year.h"

/* Adding a collection year: extend `last` (and `rules_last`) here, append
 * the year's changes to the CSVs, and give changed rules new table entries
 * (README). CIN 2026-27 is known although the DfE has published no rules
 * for its changes (the PreProceedingsandFGDM block): the 2025-26 rules run
 * on the rest of the return and the block is listed as not checked. */
static const v_collection collections[] = {
	{"SSDA903", 2024, 2027, "ssda903-rules-by-year.csv", "ssda903-codes-by-year.csv", 2027},
	{"CIN", 2024, 2027, "cin-rules-by-year.csv", NULL, 2026},
};

const v_collection *v_collection_find(const char *name)
{
	for (size_t i = 0; i < sizeof collections / sizeof collections[0]; i++)
		if (!strcasecmp(collections[i].name, name))
			return &collections[i];
	return NULL;
}

int v_year_known(const v_collection *c, int year)
{
	return c && year >= c->first && year <= c->last;
}

int v_year_check(const v_collection *c, int year, const char *where)
{
	if (v_year_known(c, year))
		return 0;
	char y[16], a[16], b[16];
	csc_error_at(where, 0, "collection year %s has no %s rule set here: this csc-validate "
		     "knows %s to %s (give --year YYYY, the year ending 31 March YYYY)",
		     v_year_label(year, y, sizeof y), c->name, v_year_label(c->first, a, sizeof a),
		     v_year_label(c->last, b, sizeof b));
	return -1;
}

char *v_year_label(int year, char *buf, size_t cap)
{
	snprintf(buf, cap, "%04d-%02d", year - 1, year % 100);
	return buf;
}

int v_year_parse(const char *s, size_t n)
{
	if (n != 7 || s[4] != '-' || strspn(s, "0123456789") != 4 || strspn(s + 5, "0123456789") < 2)
		return -1;
	int y = atoi(s) + 1;
	if ((s[5] - '0') * 10 + (s[6] - '0') != y % 100)
		return -1;
	return y;
}

/* The by-year CSVs' common frame: the year in its first wanted column, in
 * order; a missing year is an error after the read. */
struct by_year {
	const char *name;
	int year, last_year, seen;
	v_year_row_fn fn;
	void *ctx;
};

static int on_year_row(void *arg, char **v, long line)
{
	struct by_year *b = arg;
	int y = v_year_parse(v[0], strlen(v[0]));
	if (y < 0) {
		csc_error_at(b->name, line, "year '%s' is not a collection year such as 2025-26", v[0]);
		return -1;
	}
	if (y < b->last_year) {
		csc_error_at(b->name, line, "year %s: rows are not in year order", v[0]);
		return -1;
	}
	b->last_year = y;
	b->seen |= y <= b->year;
	return b->fn(b->ctx, v, line, y);
}

int v_by_year_read(const char *path, const char *data, size_t n, const char *name,
		   const char *what, const char *const *cols, int ncols, int year,
		   const char *none, v_year_row_fn fn, void *ctx)
{
	struct by_year b = {name ? name : path, year, 0, 0, fn, ctx};
	int rc = data ? csc_csv_read_cols_mem(data, n, b.name, what, cols, ncols, on_year_row, &b)
		      : csc_csv_read_cols(path, b.name, what, cols, ncols, on_year_row, &b);
	if (rc == 0 && !b.seen) {
		char y[16];
		csc_error_at(b.name, 0, "no %s for %s or any earlier year", none,
			     v_year_label(year, y, sizeof y));
		rc = -1;
	}
	return rc == 0 ? 0 : -1;
}

/* Code lists ------------------------------------------------------------ */

struct v_list {
	char *name;
	char **code;
	size_t n;
	char *joined; /* built after reading */
};

struct v_codes {
	struct v_list *l;
	size_t n;
	int year;
	/* l's indexes by list name: v_codes_get runs for a value of every
	 * row a rule reads, and a walk of every list with strcmp was a third
	 * of an SSDA903 validation (BENCHMARKS.md) */
	size_t *by_name;
};

struct codes_load {
	v_codes *c;
	const char *name;
};

static struct v_list *find_list(v_codes *c, const char *name, int add)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->l[i].name, name))
			return &c->l[i];
	if (!add)
		return NULL;
	c->l = csc_xrealloc(c->l, (c->n + 1) * sizeof *c->l);
	struct v_list *l = &c->l[c->n++];
	memset(l, 0, sizeof *l);
	l->name = csc_xstrdup(name);
	return l;
}

/* v: year, list, code, change */
static int on_code_row(void *arg, char **v, long line, int y)
{
	struct codes_load *st = arg;
	if (y > st->c->year)
		return 0;
	const char *ch = v[3], *code = v[2];
	int add = !strcmp(ch, "base") || !strcmp(ch, "same") || !strcmp(ch, "added");
	if (!add && strcmp(ch, "removed")) {
		csc_error_at(st->name, line, "change '%s' is none of base, same, added, removed", ch);
		return -1;
	}
	struct v_list *l = find_list(st->c, v[1], 1);
	size_t i = 0;
	while (i < l->n && strcmp(l->code[i], code))
		i++;
	if (add && i == l->n) {
		l->code = csc_xrealloc(l->code, (l->n + 1) * sizeof *l->code);
		l->code[l->n++] = csc_xstrdup(code);
	} else if (!add && i < l->n) {
		free(l->code[i]);
		memmove(&l->code[i], &l->code[i + 1], (l->n - i - 1) * sizeof *l->code);
		l->n--;
	}
	return 0;
}

/* List names are unique (find_list). */
static int by_list_name(const void *a, const void *b, void *arg)
{
	const v_codes *c = arg;
	return strcmp(c->l[*(const size_t *)a].name, c->l[*(const size_t *)b].name);
}

/* The lists of year, joined for v_codes_get and indexed by name; NULL (c
 * freed) when rc is not 0. */
static v_codes *finish(v_codes *c, int rc)
{
	if (rc != 0) {
		v_codes_free(c);
		return NULL;
	}
	c->by_name = csc_xmalloc((c->n ? c->n : 1) * sizeof *c->by_name);
	for (size_t i = 0; i < c->n; i++)
		c->by_name[i] = i;
	qsort_r(c->by_name, c->n, sizeof *c->by_name, by_list_name, c);
	for (size_t i = 0; i < c->n; i++) {
		struct v_list *l = &c->l[i];
		size_t len = 1;
		for (size_t k = 0; k < l->n; k++)
			len += strlen(l->code[k]) + 1;
		l->joined = csc_xmalloc(len);
		l->joined[0] = 0;
		char *p = l->joined;
		for (size_t k = 0; k < l->n; k++)
			p += sprintf(p, "%s%s", k ? " " : "", l->code[k]);
	}
	return c;
}

static const char *const code_cols[] = {"year", "list", "code", "change"};

static v_codes *codes_load(const char *path, const char *data, size_t n, const char *name,
			   int year)
{
	v_codes *c = csc_xcalloc(1, sizeof *c);
	c->year = year;
	struct codes_load st = {c, name ? name : path};
	return finish(c, v_by_year_read(path, data, n, st.name, "code lists CSV", code_cols, 4, year,
					 "code list", on_code_row, &st));
}

v_codes *v_codes_load(const char *path, int year)
{
	return codes_load(path, NULL, 0, path, year);
}

v_codes *v_codes_load_mem(const char *data, size_t n, const char *name, int year)
{
	return codes_load(NULL, data, n, name, year);
}

void v_codes_free(v_codes *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		for (size_t k = 0; k < c->l[i].n; k++)
			free(c->l[i].code[k]);
		free(c->l[i].code);
		free(c->l[i].name);
		free(c->l[i].joined);
	}
	free(c->l);
	free(c->by_name);
	free(c);
}

const char *v_codes_get(const v_codes *c, const char *list)
{
	if (!c)
		return NULL;
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct v_list *l = &c->l[c->by_name[mid]];
		int cmp = strcmp(l->name, list);
		if (!cmp)
			return l->joined;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int v_codes_year(const v_codes *c)
{
	return c ? c->year : 0;
}

int v_codes_has(const v_codes *c, const char *list, const char *code)
{
	const char *s = v_codes_get(c, list);
	size_t n = strlen(code);
	while (s && *s) {
		size_t k = strcspn(s, " ");
		if (k == n && !memcmp(s, code, n))
			return 1;
		s += k + (s[k] == ' ');
	}
	return 0;
}

/* Add each "old>new" of the year's 503D list not yet in out: the new
 * count, or -1 after saying that out (cap entries) cannot hold them. */
static int add_recodes(const v_codes *codes, v_recode *out, int n, int cap, const char *path)
{
	const char *s = v_codes_get(codes, V_RECODE_LIST);
	while (s && *s) {
		size_t k = strcspn(s, " ");
		const char *gt = memchr(s, '>', k);
		size_t a = gt ? (size_t)(gt - s) : 0, b = gt ? k - a - 1 : 0;
		if (gt && a && b && a < sizeof out->from_code && b < sizeof out->to_code) {
			v_recode r = {{0}, {0}, 0};
			memcpy(r.from_code, s, a);
			memcpy(r.to_code, gt + 1, b);
			int seen = 0;
			for (int i = 0; i < n && !seen; i++)
				seen = !strcmp(out[i].from_code, r.from_code) && !strcmp(out[i].to_code, r.to_code);
			if (!seen && n == cap) {
				csc_error_at(path, 0, "more than %d PLACE successions (%s) in %d-%02d: "
					     "this program holds %d", cap, V_RECODE_LIST,
					     codes->year - 1, codes->year % 100, cap);
				return -1;
			}
			if (!seen)
				out[n++] = r;
		}
		s += k + (s[k] == ' ');
	}
	return n;
}

int v_recodes_load(const char *path, const v_collection *c, v_recode *out, int cap)
{
	int n = 0;
	for (int y = c->first; y <= c->last; y++) {
		v_codes *codes = v_codes_load(path, y);
		if (!codes)
			return -1;
		n = add_recodes(codes, out, n, cap, path);
		for (int i = 0; i < n; i++)
			if (!out[i].year && v_codes_has(codes, "Episodes.PLACE", out[i].to_code))
				out[i].year = y;
		v_codes_free(codes);
		if (n < 0)
			return -1;
	}
	return n;
}
