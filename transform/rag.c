/* rag.c - comparators and targets (templates/comparators.csv), RAG and
 * trend (MEASURES.md, "Comparators and RAG").
 *
 * RAG and trend compare figures as a board reads them: percentages and rates
 * rounded to one decimal place (halves away from zero), counts exactly, so a
 * figure shown as 80.0% against a target of 80 is Green, never Amber. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csc_csvr.h"
#include "csc_csvw.h"
#include "csc_diag.h"
#include "tx.h"

enum { C_ENGLAND, C_SN, C_REGION, C_TARGET, C_TOL, C_N };

struct crow {
	char measure[8], bd[16];
	int fy;              /* financial year starting 1 April fy */
	double v[C_N];       /* NaN = empty */
};

struct tx_comparators {
	struct crow *r;
	int n, cap;
	const char *path;
	int header;
	int failed;  /* a row was reported: stop, without a second message */
	int col[8];
};

static const char *const cmp_cols[] = {"measure", "breakdown", "year", "england",
				       "stat_neighbours", "region", "target", "tolerance"};

/* *v = the number s (NAN when empty); -1 after reporting when it is not one. */
static int num(const tx_comparators *t, long line, const char *s, const char *col, double *v)
{
	*v = NAN;
	if (!*s)
		return 0;
	char *end;
	*v = strtod(s, &end);
	if (*end || !isfinite(*v)) {
		csc_error_at(t->path, line, "%s: '%.40s' is not a number", col, s);
		return -1;
	}
	return 0;
}

/* A row that stops the load: reported by the caller; -1 stops csc_csv_read. */
static int row_failed(tx_comparators *t)
{
	t->failed = 1;
	return -1;
}

static int cmp_row(void *ctx, const csc_row *row)
{
	tx_comparators *t = ctx;
	if (row->n == 0 || row->f[0][0] == '#' || (row->n == 1 && !row->f[0][0]))
		return 0;
	if (!t->header) {
		for (int i = 0; i < 8; i++) {
			t->col[i] = -1;
			for (int j = 0; j < row->n; j++)
				if (!strcmp(row->f[j], cmp_cols[i]))
					t->col[i] = j;
			if (t->col[i] < 0) {
				csc_error_at(t->path, row->line, "no column '%s'", cmp_cols[i]);
				return row_failed(t);
			}
		}
		t->header = 1;
		return 0;
	}
	const char *f[8];
	for (int i = 0; i < 8; i++)
		f[i] = t->col[i] < row->n ? row->f[t->col[i]] : "";
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 128;
		t->r = csc_xrealloc(t->r, (size_t)t->cap * sizeof *t->r);
	}
	struct crow *r = &t->r[t->n];
	if (tx_measure_index(f[0]) < 0) {
		csc_error_at(t->path, row->line, "measure: '%.40s' is not a measure ID", f[0]);
		return row_failed(t);
	}
	if (strlen(f[1]) >= sizeof r->bd) {
		csc_error_at(t->path, row->line, "breakdown: '%.40s' is too long", f[1]);
		return row_failed(t);
	}
	int y, y2;
	char tail;
	if (sscanf(f[2], "%4d-%2d%c", &y, &y2, &tail) != 2 || strlen(f[2]) != 7 ||
	    (y + 1) % 100 != y2) {
		csc_error_at(t->path, row->line, "year: '%.40s' is not a financial year like 2024-25",
			     f[2]);
		return row_failed(t);
	}
	snprintf(r->measure, sizeof r->measure, "%s", f[0]);
	snprintf(r->bd, sizeof r->bd, "%s", f[1]);
	r->fy = y;
	for (int i = 0; i < C_N; i++)
		if (num(t, row->line, f[3 + i], cmp_cols[3 + i], &r->v[i]))
			return row_failed(t);
	if (r->v[C_TOL] < 0) {
		csc_error_at(t->path, row->line, "tolerance: '%.40s' is negative", f[3 + C_TOL]);
		return row_failed(t);
	}
	/* a second row for the same figure would silently lose to the first */
	for (int i = 0; i < t->n; i++)
		if (t->r[i].fy == y && !strcmp(t->r[i].measure, r->measure) &&
		    !strcmp(t->r[i].bd, r->bd)) {
			csc_error_at(t->path, row->line,
				     "%s %s%s%s: a second row for the same measure, breakdown and year",
				     r->measure, f[2], *r->bd ? " " : "", r->bd);
			return row_failed(t);
		}
	t->n++;
	return 0;
}

tx_comparators *tx_comparators_load(const char *path)
{
	tx_comparators *t = csc_xcalloc(1, sizeof *t);
	t->path = path;
	int rc = csc_csv_read(path, path, cmp_row, t);
	if (rc != 0 && !t->failed)
		csc_error("%s: cannot read the comparators and targets", path);
	else if (rc == 0 && !t->header)
		csc_error_at(path, 1, "no header row");
	t->path = NULL;
	if (rc != 0 || !t->header) {
		tx_comparators_free(t);
		return NULL;
	}
	return t;
}

void tx_comparators_free(tx_comparators *t)
{
	if (!t)
		return;
	free(t->r);
	free(t);
}

static const struct crow *lookup(const tx_comparators *t, const char *m, const char *bd, int fy)
{
	for (int i = 0; i < t->n; i++)
		if (t->r[i].fy == fy && !strcmp(t->r[i].measure, m) && !strcmp(t->r[i].bd, bd))
			return &t->r[i];
	return NULL;
}

/* The figure in tenths as shown: 1 decimal place, halves away from zero.
 * The small nudge absorbs binary error (66.65 is stored as 66.6499...). */
static long long tenths(double v)
{
	double x = fabs(v) * 10.0;
	long long r = (long long)floor(x + 0.5 + 1e-9);
	return v < 0 ? -r : r;
}

const char *tx_rag(enum tx_good g, enum tx_kind k, double v, double t, double tol)
{
	(void)k;
	if (g == TX_NONE || isnan(v) || isnan(t))
		return "";
	long long vi = tenths(v), ti = tenths(t), di = isnan(tol) ? 0 : tenths(tol);
	long long miss = g == TX_HIGH ? ti - vi : vi - ti;
	if (miss <= 0)
		return "Green";
	return miss <= di ? "Amber" : "Red";
}

const char *tx_trend(enum tx_good g, enum tx_kind k, double v, double pv)
{
	(void)k;
	if (g == TX_NONE || isnan(v) || isnan(pv))
		return "";
	long long a = tenths(v), b = tenths(pv);
	if (a == b)
		return "same";
	return (a > b) == (g == TX_HIGH) ? "better" : "worse";
}

static void opt_num(csc_csvw *w, const struct crow *r, int i)
{
	if (!r || isnan(r->v[i]))
		csc_csvw_str(w, "");
	else
		csc_csvw_double(w, r->v[i]);
}

/* Months in [start, end] (whole months). */
static int months(const tx_period *p)
{
	int y1, m1, d1, y2, m2, d2;
	csc_date_ymd(p->start, &y1, &m1, &d1);
	csc_date_ymd(p->end, &y2, &m2, &d2);
	return (y2 * 12 + m2) - (y1 * 12 + m1) + 1;
}

static const char *const good_word[] = {"\xe2\x80\x94", "High", "Low"};

void tx_write_rag(const tx_engine *e, const tx_comparators *cmp, csc_csvw *w)
{
	int np;
	const tx_period *per = tx_period_list(e, &np);
	for (int m = 0; m < tx_nmeasures; m++) {
		const tx_measure *t = &tx_measures[m];
		if (!tx_available(e, m))
			continue;
		for (int b = 0; b < TX_MAXBD && t->bd[b]; b++)
			for (int p = 0; p < np; p++) {
				long n, d;
				double v = tx_value(e, m, p, b, &n, &d), pv = NAN;
				if (per[p].prev >= 0)
					pv = tx_value(e, m, per[p].prev, b, &n, &d);
				int y, mo, dd;
				csc_date_ymd(csc_fy_first(per[p].end), &y, &mo, &dd);
				const struct crow *r = lookup(cmp, t->id, t->bd[b], y);
				/* A flow count's target is per month: scale it to the
				 * period (a quarter has three months' contacts). */
				struct crow sc;
				if (r && t->kind == TX_COUNT && !t->snapshot) {
					sc = *r;
					sc.v[C_TARGET] *= months(&per[p]);
					sc.v[C_TOL] *= months(&per[p]);
					r = &sc;
				}
				csc_csvw_str(w, t->id);
				csc_csvw_str(w, t->bd[b]);
				csc_csvw_date(w, per[p].start);
				csc_csvw_date(w, per[p].end);
				csc_csvw_str(w, good_word[t->good]);
				opt_num(w, r, C_TARGET);
				opt_num(w, r, C_TOL);
				opt_num(w, r, C_ENGLAND);
				opt_num(w, r, C_SN);
				opt_num(w, r, C_REGION);
				csc_csvw_str(w, r ? tx_rag(t->good, t->kind, v, r->v[C_TARGET],
							   r->v[C_TOL]) : "");
				csc_csvw_str(w, tx_trend(t->good, t->kind, v, pv));
				csc_csvw_end(w);
			}
	}
}
