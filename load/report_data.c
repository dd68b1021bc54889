/* report_data.c - see report_data.h. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_csvcols.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "report_data.h"

int report_data_read_csv(const char *path, const char *name, const char *const *cols, int ncols,
		int optional, report_data_row_fn fn, void *ctx)
{
	if (optional && access(path, F_OK) && errno == ENOENT)
		return 1;
	int rc = csc_csv_read_cols(path, name, "header", cols, ncols, fn, ctx);
	return rc ? (rc < 0 ? -1 : rc) : 0;
}

int report_data_number(const char *s, double *out)
{
	if (!*s)
		return 1;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (*end || errno == ERANGE || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

static int parse_period(const char *name, long line, char **f, csc_date *s, csc_date *e)
{
	if (csc_date_parse_iso(f[0], strlen(f[0]), s) || csc_date_parse_iso(f[1], strlen(f[1]), e)) {
		csc_error_at(name, line, "period_start/period_end must be YYYY-MM-DD (got '%.20s', '%.20s')",
			     f[0], f[1]);
		return -1;
	}
	if (*e < *s) {
		csc_error_at(name, line, "period_end is before period_start");
		return -1;
	}
	return 0;
}

struct loadctx {
	report_data *d;
	const char *name;
	size_t cap;
};

static int add_measure(void *vctx, char **f, long line)
{
	struct loadctx *c = vctx;
	report_data *d = c->d;
	report_data_measure m = {0};
	if (!*f[0]) {
		csc_error_at(c->name, line, "empty measure");
		return -1;
	}
	if (parse_period(c->name, line, f + 2, &m.start, &m.end))
		return -1;
	int rv = report_data_number(f[4], &m.value), rn = report_data_number(f[5], &m.num),
	    rdn = report_data_number(f[6], &m.den);
	if (rv < 0 || rn < 0 || rdn < 0) {
		csc_error_at(c->name, line, "value, numerator and denominator must be numbers "
			     "(got '%.30s', '%.30s', '%.30s')", f[4], f[5], f[6]);
		return -1;
	}
	m.has_value = rv == 0;
	m.has_num = rn == 0;
	m.has_den = rdn == 0;
	m.measure = csc_xstrdup(f[0]);
	m.breakdown = csc_xstrdup(f[1]);
	if (d->nm == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		d->m = csc_xrealloc(d->m, c->cap * sizeof *d->m);
	}
	d->m[d->nm++] = m;
	return 0;
}

static int add_rag(void *vctx, char **f, long line)
{
	struct loadctx *c = vctx;
	report_data *d = c->d;
	report_data_rag r = {0};
	if (parse_period(c->name, line, f + 2, &r.start, &r.end))
		return -1;
	double x;
	for (int i = REPORT_DATA_TARGET; i <= REPORT_DATA_REGION; i++)
		if (report_data_number(f[4 + i], &x) < 0) {
			csc_error_at(c->name, line, "'%.30s' is not a number", f[4 + i]);
			return -1;
		}
	r.measure = csc_xstrdup(f[0]);
	r.breakdown = csc_xstrdup(f[1]);
	for (int i = 0; i < REPORT_DATA_NRAG; i++)
		r.f[i] = csc_xstrdup(f[4 + i]);
	if (d->nr == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		d->r = csc_xrealloc(d->r, c->cap * sizeof *d->r);
	}
	d->r[d->nr++] = r;
	return 0;
}

static int add_def(void *vctx, char **f, long line)
{
	struct loadctx *c = vctx;
	report_data *d = c->d;
	(void)line;
	if (d->nd == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		d->d = csc_xrealloc(d->d, c->cap * sizeof *d->d);
	}
	for (int i = 0; i < REPORT_DATA_NDEF; i++)
		d->d[d->nd].f[i] = csc_xstrdup(f[i]);
	d->nd++;
	return 0;
}

struct reconctx {
	struct loadctx l;
	const char *input;
};

static int parse_count(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int add_recon(void *vctx, char **f, long line)
{
	struct reconctx *c = vctx;
	report_data *d = c->l.d;
	report_data_recon r = {.input = c->input};
	if (parse_count(f[2], &r.read) || parse_count(f[3], &r.staged) ||
	    parse_count(f[4], &r.rejected)) {
		csc_error_at(c->l.name, line, "read, staged and rejected must be whole numbers");
		return -1;
	}
	r.file = csc_xstrdup(f[0]);
	r.table = csc_xstrdup(f[1]);
	if (d->nrc == c->l.cap) {
		c->l.cap = c->l.cap ? 2 * c->l.cap : 16;
		d->rc = csc_xrealloc(d->rc, c->l.cap * sizeof *d->rc);
	}
	d->rc[d->nrc++] = r;
	return 0;
}

static int count_row(void *vctx, char **f, long line)
{
	(void)f;
	(void)line;
	(*(long *)vctx)++;
	return 0;
}

static int key_cmp(const char *am, const char *ab, csc_date as, csc_date ae, const char *bm,
		   const char *bb, csc_date bs, csc_date be)
{
	int c = strcmp(am, bm);
	if (!c)
		c = strcmp(ab, bb);
	if (!c)
		c = (as > bs) - (as < bs);
	if (!c)
		c = (ae > be) - (ae < be);
	return c;
}

static int cmp_measure(const void *a, const void *b)
{
	const report_data_measure *x = a, *y = b;
	return key_cmp(x->measure, x->breakdown, x->start, x->end, y->measure, y->breakdown,
		       y->start, y->end);
}

static int cmp_rag(const void *a, const void *b)
{
	const report_data_rag *x = a, *y = b;
	return key_cmp(x->measure, x->breakdown, x->start, x->end, y->measure, y->breakdown,
		       y->start, y->end);
}

/* A duplicate key would make a cell depend on sort order: refuse it. */
static int check_unique(const char *name, const void *base, size_t n, size_t size,
			int (*cmp)(const void *, const void *))
{
	for (size_t i = 1; i < n; i++) {
		const char *a = (const char *)base + (i - 1) * size, *b = a + size;
		if (!cmp(a, b)) {
			const report_data_measure *m = (const report_data_measure *)b; /* same leading layout */
			char s[CSC_DATE_BUFSZ], e[CSC_DATE_BUFSZ];
			csc_error_at(name, 0, "two rows for %s '%s' %s..%s", m->measure, m->breakdown,
				     csc_date_iso(m->start, s), csc_date_iso(m->end, e));
			return -1;
		}
	}
	return 0;
}

report_data *report_data_load(const char *dir, const char *staging_dir)
{
	static const char *const mcols[] = {"measure", "breakdown", "period_start", "period_end",
					    "value", "numerator", "denominator"};
	static const char *const rcols[] = {"measure", "breakdown", "period_start", "period_end",
					    "good", "target", "tolerance", "england",
					    "stat_neighbours", "region", "rag", "trend"};
	static const char *const dcols[] = {"measure", "title", "kind", "good", "inputs",
					    "breakdowns", "available", "definition"};
	static const char *const ccols[] = {"file", "table", "read", "staged", "rejected"};
	static const char *const jcols[] = {"file"};

	report_data *d = csc_xcalloc(1, sizeof *d);
	d->dir = csc_xstrdup(dir);
	d->staging = csc_xstrdup(staging_dir);
	char *p;
	int rc;

	p = csc_path_join(dir, "measures.csv");
	struct loadctx lc = {d, p, 0};
	rc = report_data_read_csv(p, NULL, mcols, 7, 0, add_measure, &lc);
	free(p);
	if (rc)
		goto fail;
	p = csc_path_join(dir, "rag.csv");
	lc = (struct loadctx){d, p, 0};
	rc = report_data_read_csv(p, NULL, rcols, 12, 0, add_rag, &lc);
	free(p);
	if (rc)
		goto fail;
	p = csc_path_join(dir, "definitions.csv");
	lc = (struct loadctx){d, p, 0};
	rc = report_data_read_csv(p, NULL, dcols, 8, 0, add_def, &lc);
	free(p);
	if (rc)
		goto fail;

	size_t rccap = 0;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		char name[64];
		snprintf(name, sizeof name, "recon_%s.csv", csc_inputs[i].name);
		p = csc_path_join(staging_dir, name);
		struct reconctx c = {{d, p, rccap}, csc_inputs[i].name};
		rc = report_data_read_csv(p, NULL, ccols, 5, 1, add_recon, &c);
		rccap = c.l.cap;
		free(p);
		if (rc < 0)
			goto fail;
		d->have_recon[i] = rc == 0;
		snprintf(name, sizeof name, "rejects_%s.csv", csc_inputs[i].name);
		p = csc_path_join(staging_dir, name);
		long n = 0;
		rc = report_data_read_csv(p, NULL, jcols, 1, 1, count_row, &n);
		free(p);
		if (rc < 0)
			goto fail;
		d->rejects[i] = rc == 1 ? -1 : n;
	}

	if (report_data_load_coverage(d))
		goto fail;
	qsort(d->m, d->nm, sizeof *d->m, cmp_measure);
	qsort(d->r, d->nr, sizeof *d->r, cmp_rag);
	p = csc_path_join(dir, "measures.csv");
	rc = check_unique(p, d->m, d->nm, sizeof *d->m, cmp_measure);
	free(p);
	if (rc)
		goto fail;
	p = csc_path_join(dir, "rag.csv");
	rc = check_unique(p, d->r, d->nr, sizeof *d->r, cmp_rag);
	free(p);
	if (rc)
		goto fail;
	return d;
fail:
	report_data_free(d);
	return NULL;
}

void report_data_free(report_data *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nm; i++) {
		free(d->m[i].measure);
		free(d->m[i].breakdown);
	}
	for (size_t i = 0; i < d->nr; i++) {
		free(d->r[i].measure);
		free(d->r[i].breakdown);
		for (int j = 0; j < REPORT_DATA_NRAG; j++)
			free(d->r[i].f[j]);
	}
	for (size_t i = 0; i < d->nd; i++)
		for (int j = 0; j < REPORT_DATA_NDEF; j++)
			free(d->d[i].f[j]);
	for (size_t i = 0; i < d->nrc; i++) {
		free(d->rc[i].file);
		free(d->rc[i].table);
	}
	free(d->m);
	free(d->r);
	free(d->d);
	free(d->rc);
	free(d->dir);
	free(d->staging);
	free(d);
}

const report_data_measure *report_data_find_measure(const report_data *d, const char *measure, const char *breakdown,
				  csc_date start, csc_date end)
{
	report_data_measure key = {.measure = (char *)measure, .breakdown = (char *)breakdown,
			  .start = start, .end = end};
	return d->nm ? bsearch(&key, d->m, d->nm, sizeof *d->m, cmp_measure) : NULL;
}

const report_data_rag *report_data_find_rag(const report_data *d, const char *measure, const char *breakdown,
			  csc_date start, csc_date end)
{
	report_data_rag key = {.measure = (char *)measure, .breakdown = (char *)breakdown,
		      .start = start, .end = end};
	return d->nr ? bsearch(&key, d->r, d->nr, sizeof *d->r, cmp_rag) : NULL;
}

const report_data_def *report_data_find_def(const report_data *d, const char *measure)
{
	for (size_t i = 0; i < d->nd; i++)
		if (!strcmp(d->d[i].f[REPORT_DATA_D_MEASURE], measure))
			return &d->d[i];
	return NULL;
}

csc_date report_data_latest_month(const report_data *d)
{
	csc_date best = CSC_NODATE;
	for (size_t i = 0; i < d->nm; i++)
		if (d->m[i].start == csc_month_first(d->m[i].end) &&
		    d->m[i].end == csc_month_last(d->m[i].start) && d->m[i].end > best)
			best = d->m[i].end;
	return best;
}
