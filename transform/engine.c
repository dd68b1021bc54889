/* engine.c - the one period loop, the accumulators, the drill-down and
 * data-quality writers, and the whole run (tx_run). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_drill.h"
#include "csc_out.h"
#include "engine_int.h"
#include "staging.h"
#include "tx.h"

const int tx_input_id[TX_NINPUTS] = {CSC_IN_CONTACTS, CSC_IN_CIN, CSC_IN_EH, CSC_IN_903};

const char *tx_input_name(int in)
{
	return csc_inputs[tx_input_id[in]].name;
}

static int out_open(csc_out *o, const char *dir, const char *name)
{
	char *p = csc_path_join(dir, name);
	int rc = csc_out_open(o, p);
	free(p);
	return rc;
}

/* Abort the outputs still open (a failed run leaves only the previous ones). */
static void abort_outs(csc_out *const *o, int n)
{
	for (int i = 0; i < n; i++)
		if (o[i] && o[i]->fp)
			csc_out_abort(o[i]);
}

const csc_conf *tx_conf(const tx_engine *e) { return e->c; }
const csc_calendar *tx_cal(const tx_engine *e) { return e->cal; }
tx_engine *tx_acc_engine(tx_acc *a) { return a->e; }

const tx_period *tx_period_list(const tx_engine *e, int *n)
{
	*n = e->nshown;
	return e->per;
}

int tx_wd(const tx_engine *e, csc_date a, csc_date b, int *out)
{
	return csc_wd(e->cal, a, b, out);
}

int tx_measure_index(const char *id)
{
	for (int m = 0; m < tx_nmeasures; m++)
		if (!strcmp(tx_measures[m].id, id))
			return m;
	return -1;
}

int tx_available(const tx_engine *e, int m)
{
	return e->avail[m];
}

static long *cell(const tx_engine *e, int m, int p, int b)
{
	return e->cnt + (((size_t)m * TX_MAXPER + (size_t)p) * TX_MAXBD + (size_t)b) * 2;
}

static int bd_index(int m, const char *bd)
{
	/* the first bytes before strcmp: this runs for every record counted,
	 * mostly with the headline "" */
	for (int b = 0; b < TX_MAXBD && tx_measures[m].bd[b]; b++) {
		const char *t = tx_measures[m].bd[b];
		if (t[0] == bd[0] && (!bd[0] || !strcmp(t, bd)))
			return b;
	}
	return -1;
}

static const char *const role_name[] = {"numerator", "denominator", "excluded"};
static const size_t role_len[] = {9, 11, 8};

/* The breakdown a count goes to: a window's call (a->as) counts only the
 * headline, under the window's label; NULL: not counted. */
static const char *acc_bd(const tx_acc *a, const char *bd)
{
	return !a->as ? bd : *bd ? NULL : a->as;
}

void tx_count(tx_acc *a, const char *bd, enum tx_role role)
{
	bd = acc_bd(a, bd);
	if (!bd)
		return;
	int b = bd_index(a->m, bd);
	if (b < 0) {
		/* a bug in a measure function: reported once, the run fails (7) */
		if (!a->e->bug)
			csc_error("%s: no breakdown '%s'", tx_measures[a->m].id, bd);
		a->e->bug = 1;
		return;
	}
	long *c = cell(a->e, a->m, a->p, b);
	if (role == TX_NUM)
		c[0]++;
	if (role != TX_EXCL)
		c[1]++;
}

void tx_emit_row(tx_acc *a, const char *bd, enum tx_role role, const char *child,
		 const char *record, const char *reason, ...)
{
	tx_engine *e = a->e;
	if (!acc_bd(a, bd))
		return;
	tx_count(a, bd, role);
	bd = acc_bd(a, bd);
	const tx_period *p = &e->per[a->p];
	if (!p->drill)
		return;
	char why[512];
	va_list ap;
	va_start(ap, reason);
	size_t n[CSC_DRILL_NF];
	const char *text = tx_vformat(why, sizeof why, reason, ap, &n[5]);
	va_end(ap);
	const char *f[CSC_DRILL_NF] = {tx_measures[a->m].id, bd, child ? child : "",
				       record ? record : "", role_name[role], text};
	for (int i = 0; i < 4; i++)
		n[i] = strlen(f[i]);
	n[4] = role_len[role];
	csc_drill_enc_addn(e->enc, f, n, e->drow[a->p]);
	e->ndrill++;
	e->pdrill[a->p]++;
}

void tx_dq(tx_engine *e, const char *check, const char *measure, const char *child,
	   const char *record, csc_date date, const char *detail, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, detail);
	vsnprintf(text, sizeof text, detail, ap);
	va_end(ap);
	tx_dq_put(e, check, measure, child, record, date, text);
}

void tx_dq_put(tx_engine *e, const char *check, const char *measure, const char *child,
	       const char *record, csc_date date, const char *text)
{
	char key[1024], d[CSC_DATE_BUFSZ];
	snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", check, measure, child, record,
		 csc_date_iso(date, d), text);
	int before = e->dqseen.n;
	tx_intern(&e->dqseen, key);
	if (e->dqseen.n == before)
		return;
	if (e->dq_defer) {
		tx_dq_row *r = tx_push(&e->dqrows, &e->ndqrows, &e->capdqrows, sizeof *r);
		*r = (tx_dq_row){csc_xstrdup(check), csc_xstrdup(measure), csc_xstrdup(child),
				 csc_xstrdup(record), csc_xstrdup(text), date};
		return;
	}
	csc_csvw_str(&e->qw, check);
	csc_csvw_str(&e->qw, measure);
	csc_csvw_text(&e->qw, child);
	csc_csvw_text(&e->qw, record);
	csc_csvw_date(&e->qw, date);
	csc_csvw_text(&e->qw, text);
	csc_csvw_end(&e->qw);
	e->ndq++;
}

void tx_engine_unit(tx_engine *e, enum tx_input in, const void *unit)
{
	e->units[in]++;
	if (tx_checks[in])
		tx_checks[in](e, unit);
	const int *ms = e->inmeas[in];
	for (int p = 0; p < e->np; p++)
		for (int i = 0; i < e->ninmeas[in]; i++) {
			tx_acc a = {e, ms[i], p, e->per[p].drill, NULL};
			tx_measures[ms[i]].fn(e, unit, &e->per[p], &a);
			int w = e->win[ms[i]];
			if (w < 0)
				continue;
			/* the window's call: its findings are the periods' own
			 * (hidden: not reported again for a span no one reads) */
			tx_period wp = e->per[p];
			wp.start = e->wstart[p * tx_nwindows + w];
			wp.hidden = 1;
			a.as = tx_windows[w].bd;
			tx_measures[ms[i]].fn(e, unit, &wp, &a);
		}
	/* the unit's records, each once with its periods */
	if (e->enc)
		e->nrec += csc_drill_enc_flush(e->enc);
}

double tx_value(const tx_engine *e, int m, int p, int b, long *num, long *den)
{
	const long *c = cell(e, m, p, b);
	*num = c[0];
	switch (tx_measures[m].kind) {
	case TX_COUNT:
		*den = -1;
		return (double)c[0];
	case TX_PCT:
		*den = c[1];
		return c[1] ? (double)c[0] / (double)c[1] * 100.0 : NAN;
	case TX_RATE:
		*den = e->per[p].pop;
		return e->per[p].pop > 0 ? (double)c[0] / (double)e->per[p].pop * 10000.0 : NAN;
	}
	return NAN;
}

int tx_result(const tx_engine *e, const char *measure, const char *bd, csc_date start,
	      csc_date end, long *num, long *den, double *value)
{
	int m = tx_measure_index(measure);
	if (m < 0 || !e->avail[m])
		return -1;
	int b = bd_index(m, bd);
	if (b < 0)
		return -1;
	for (int p = 0; p < e->np; p++)
		if (e->per[p].start == start && e->per[p].end == end) {
			*value = tx_value(e, m, p, b, num, den);
			return 0;
		}
	return -1;
}

/* ---- outputs ---- */

static const char *const measures_hdr[] = {"measure", "breakdown", "period_start", "period_end",
					   "value", "numerator", "denominator", NULL};
static const char *const dper_hdr[] = {"period_start", "period_end", "rows", NULL};
static const char *const dq_hdr[] = {"check", "measure", "child", "record", "date", "detail", NULL};
static const char *const defs_hdr[] = {"measure", "title", "kind", "good", "inputs",
				       "breakdowns", "available", "definition", NULL};
static const char *const rag_hdr[] = {"measure", "breakdown", "period_start", "period_end",
				      "good", "target", "tolerance", "england",
				      "stat_neighbours", "region", "rag", "trend", NULL};

static void write_measures(const tx_engine *e, csc_csvw *w)
{
	csc_csvw_header(w, measures_hdr);
	for (int m = 0; m < tx_nmeasures; m++) {
		if (!e->avail[m])
			continue;
		for (int b = 0; b < TX_MAXBD && tx_measures[m].bd[b]; b++)
			for (int p = 0; p < e->nshown; p++) {
				long num, den;
				double v = tx_value(e, m, p, b, &num, &den);
				csc_csvw_str(w, tx_measures[m].id);
				csc_csvw_str(w, tx_measures[m].bd[b]);
				csc_csvw_date(w, e->per[p].start);
				csc_csvw_date(w, e->per[p].end);
				if (isnan(v))
					csc_csvw_str(w, "");
				else
					csc_csvw_double(w, v);
				csc_csvw_long(w, num);
				if (den < 0)
					csc_csvw_str(w, "");
				else
					csc_csvw_long(w, den);
				csc_csvw_end(w);
			}
	}
}

/* Which periods drilldown.csv covers (its `periods` are this file's row
 * numbers), and its records met in each: the load sizes its drill-down
 * sheets from these counts instead of a pass over the file. */
static void write_drill_periods(const tx_engine *e, csc_csvw *w)
{
	csc_csvw_header(w, dper_hdr);
	for (int p = 0; p < e->nshown; p++) {
		if (!e->per[p].drill)
			continue;
		csc_csvw_date(w, e->per[p].start);
		csc_csvw_date(w, e->per[p].end);
		csc_csvw_long(w, e->pdrill[p]);
		csc_csvw_end(w);
	}
}

static const char *const kind_name[] = {"count", "percentage", "rate"};
static const char *const good_name[] = {"\xe2\x80\x94", "High", "Low"};

static void write_definitions(const tx_engine *e, csc_csvw *w)
{
	csc_csvw_header(w, defs_hdr);
	for (int m = 0; m < tx_nmeasures; m++) {
		const tx_measure *t = &tx_measures[m];
		char bds[128] = "", avail[128] = "yes";
		for (int b = 0; b < TX_MAXBD && t->bd[b]; b++)
			if (*t->bd[b])
				snprintf(bds + strlen(bds), sizeof bds - strlen(bds), "%s%s",
					 *bds ? ";" : "", t->bd[b]);
		if (!e->avail[m])
			snprintf(avail, sizeof avail, "no: %s not configured", tx_input_name(t->input));
		csc_csvw_str(w, t->id);
		csc_csvw_str(w, t->title);
		csc_csvw_str(w, kind_name[t->kind]);
		csc_csvw_str(w, good_name[t->good]);
		csc_csvw_str(w, tx_input_name(t->input));
		csc_csvw_str(w, bds);
		csc_csvw_str(w, avail);
		csc_csvw_str(w, t->definition);
		csc_csvw_end(w);
	}
}

/* A measure is available when every staging file it reads exists. */
static void find_available(tx_engine *e, const char *staging)
{
	for (int m = 0; m < tx_nmeasures; m++) {
		char list[256], *save = NULL;
		snprintf(list, sizeof list, "%s", tx_measures[m].tables);
		e->avail[m] = 1;
		for (char *t = strtok_r(list, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			char *p = csc_path_join(staging, t);
			if (!tx_file_exists(p))
				e->avail[m] = 0;
			free(p);
		}
	}
}

/* Findings the extractors made (staging/findings_<input>.csv, rows that
 * contradict each other) open dq.csv, so the board pack's DQ findings sheet
 * shows them with the ones made while computing. A file may be absent
 * (staging from before it existed). */
static const char *const finding_cols[] = {"check", "measure", "child", "record", "date",
					   "detail", NULL};

static void finding_row(void *ctx, const tx_fields *f)
{
	tx_dq(ctx, f->v[0], f->v[1], f->v[2], f->v[3], tx_f_date(f, 4), "%s", f->v[5]);
}

static void copy_findings(tx_engine *e, const char *staging)
{
	for (int in = 0; in < TX_NINPUTS; in++) {
		char name[64];
		snprintf(name, sizeof name, "findings_%s.csv", tx_input_name(in));
		char *p = csc_path_join(staging, name);
		if (tx_file_exists(p))
			tx_read_table(p, finding_cols, finding_row, e);
		free(p);
	}
}

static int any_available(const tx_engine *e, enum tx_input in)
{
	for (int m = 0; m < tx_nmeasures; m++)
		if (tx_measures[m].input == in && e->avail[m])
			return 1;
	return 0;
}

/* Rates need the population of the calendar year of each shown period's
 * end; a hidden (trend-only) period without one just has no value. */
static int check_population(tx_engine *e)
{
	int need = 0;
	for (int m = 0; m < tx_nmeasures; m++)
		need |= e->avail[m] && tx_measures[m].kind == TX_RATE;
	for (int p = 0; p < e->np; p++) {
		int y, mo, d;
		csc_date_ymd(e->per[p].end, &y, &mo, &d);
		if (csc_conf_population(e->c, y, &e->per[p].pop) != 0)
			e->per[p].pop = -1;
		if (need && !e->per[p].hidden && e->per[p].pop < 0) {
			csc_error_at(e->c->path, 0,
				     "no population_%d: rates per 10,000 for the period ending %04d-%02d-%02d "
				     "need the 0-17 population of %d",
				     y, y, mo, d, y);
			return -1;
		}
	}
	return 0;
}

static int check_calendar(const tx_engine *e)
{
	for (int p = 0; p < e->nshown; p++)
		if (!csc_calendar_covers(e->cal, e->per[p].start) ||
		    !csc_calendar_covers(e->cal, e->per[p].end)) {
			char a[CSC_DATE_BUFSZ], b[CSC_DATE_BUFSZ];
			csc_error("the period %s to %s lies outside the bank-holiday calendar "
				  "(%s to %s): working days cannot be counted",
				  csc_date_iso(e->per[p].start, a), csc_date_iso(e->per[p].end, b),
				  csc_date_iso(csc_calendar_first(e->cal), (char[CSC_DATE_BUFSZ]){0}),
				  csc_date_iso(csc_calendar_last(e->cal), (char[CSC_DATE_BUFSZ]){0}));
			return -1;
		}
	return 0;
}

static void summary(const tx_engine *e)
{
	char a[CSC_DATE_BUFSZ], b[CSC_DATE_BUFSZ];
	csc_info("periods: %d shown (%s to %s), %d more for trends", e->nshown,
		 csc_date_iso(e->per[0].start, a), csc_date_iso(e->c->period_end, b),
		 e->np - e->nshown);
	for (int in = 0; in < TX_NINPUTS; in++)
		if (any_available(e, in))
			csc_info("%s: %ld units", tx_input_name(in), e->units[in]);
	char na[1024] = "";
	for (int m = 0; m < tx_nmeasures; m++)
		if (!e->avail[m])
			snprintf(na + strlen(na), sizeof na - strlen(na), "%s%s", *na ? " " : "",
				 tx_measures[m].id);
	if (*na)
		csc_info("not available (input not configured): %s", na);
	long groups = e->ngroups, split = e->nsplit, g = 0, s = 0;
	if (e->enc)
		csc_drill_enc_stats(e->enc, &g, &s);
	csc_info("drill-down: %ld records in their periods, written as %ld rows in %ld groups "
		 "(%ld units in more than one); data-quality findings: %ld", e->ndrill, e->nrec,
		 groups + g, split + s, e->ndq);
}

void tx_engine_free(tx_engine *e)
{
	if (!e)
		return;
	csc_calendar_free(e->cal);
	free(e->avail);
	free(e->win);
	free(e->wstart);
	for (int in = 0; in < TX_NINPUTS; in++)
		free(e->inmeas[in]);
	free(e->cnt);
	csc_drill_enc_free(e->enc);
	tx_strtab_free(&e->dqseen);
	free(e);
}

static int finish(tx_engine *e, tx_engine **keep, int rc)
{
	if (keep && rc == CSC_EXIT_OK)
		*keep = e;
	else
		tx_engine_free(e);
	return rc;
}

/* drilldown = no: a drilldown.csv left by an earlier run into the same
 * folder would otherwise be shown by the load as this run's. */
static int remove_stale_drill(const char *outdir)
{
	static const char *const names[] = {"drilldown.csv", "drilldown_periods.csv"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = csc_path_join(outdir, names[i]);
		int rc = unlink(p) && errno != ENOENT;
		if (rc)
			csc_error_at(p, 0, "cannot remove the drill-down of an earlier run: %m");
		free(p);
		if (rc)
			return -1;
	}
	return 0;
}

int (*const tx_loaders[TX_NINPUTS])(tx_engine *, const char *) = {
	tx_load_contacts, tx_load_cin, tx_load_eh, tx_load_903};

/* --jobs, else transform_jobs, else (auto) the cores online. */
static int run_jobs(const csc_conf *c, const tx_opts *o)
{
	int jobs = o && o->jobs > 0 ? o->jobs : c->transform_jobs;
	if (jobs <= 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = n < 1 ? 1 : n > CSC_JOBS_MAX ? CSC_JOBS_MAX : (int)n;
	}
	return jobs;
}

int tx_run(const csc_conf *c, const tx_opts *o, tx_engine **keep)
{
	if (keep)
		*keep = NULL;
	tx_engine *e = csc_xcalloc(1, sizeof *e);
	e->c = c;
	e->drill = c->drilldown;
	e->avail = csc_xcalloc((size_t)tx_nmeasures, sizeof *e->avail);
	e->cnt = csc_xcalloc((size_t)tx_nmeasures * TX_MAXPER * TX_MAXBD * 2, sizeof *e->cnt);
	const char *outdir = o && o->output_dir ? o->output_dir : c->output_dir;
	/* staging always lives under output_dir; --out only moves the results */
	char *staging = o && o->staging_dir ? csc_xstrdup(o->staging_dir)
					    : csc_path_join(c->output_dir, "staging");

	if (c->period_end == CSC_NODATE) {
		free(staging);
		csc_error("no period_end: give one in pipeline.conf or with --period");
		return finish(e, keep, CSC_EXIT_CONFIG);
	}
	char *bh = csc_path_join(c->reference_dir, "bank-holidays-england-wales.csv");
	e->cal = csc_calendar_load(bh);
	free(bh);
	if (!e->cal) {
		free(staging);
		return finish(e, keep, CSC_EXIT_INPUT);
	}
	e->np = tx_periods(c->period_end, c->months_shown, e->per, TX_MAXPER);
	csc_coverage cv;
	int crc = tx_coverage(c, staging, e->per, &e->np, &cv);
	if (crc) {
		free(staging);
		return finish(e, keep, crc);
	}
	while (e->nshown < e->np && !e->per[e->nshown].hidden)
		e->nshown++;
	for (int p = 0, row = 0; p < e->np; p++) {
		e->per[p].drill = e->drill && tx_period_drilled(&e->per[p], c->drilldown_periods);
		e->drow[p] = e->per[p].drill ? ++row : 0;
	}
	find_available(e, staging);
	e->win = csc_xcalloc((size_t)tx_nmeasures, sizeof *e->win);
	for (int m = 0; m < tx_nmeasures; m++) {
		e->win[m] = -1;
		for (int b = 0; b < TX_MAXBD && tx_measures[m].bd[b]; b++)
			for (int w = 0; w < tx_nwindows; w++)
				if (!strcmp(tx_measures[m].bd[b], tx_windows[w].bd))
					e->win[m] = w;
	}
	/* each window's start per period, once rather than per unit */
	e->wstart = csc_xcalloc((size_t)e->np * (size_t)tx_nwindows + 1, sizeof *e->wstart);
	for (int p = 0; p < e->np; p++)
		for (int w = 0; w < tx_nwindows; w++)
			e->wstart[p * tx_nwindows + w] =
				csc_date_add_months(e->per[p].end, -tx_windows[w].months) + 1;
	for (int in = 0; in < TX_NINPUTS; in++) {
		e->inmeas[in] = csc_xcalloc((size_t)tx_nmeasures, sizeof *e->inmeas[in]);
		for (int m = 0; m < tx_nmeasures; m++)
			if ((int)tx_measures[m].input == in && e->avail[m])
				e->inmeas[in][e->ninmeas[in]++] = m;
	}
	if (check_calendar(e) || check_population(e)) {
		free(staging);
		return finish(e, keep, CSC_EXIT_CONFIG);
	}
	char *cmp_path = csc_path_join(c->templates_dir, "comparators.csv");
	tx_comparators *cmp = tx_comparators_load(cmp_path);
	free(cmp_path);
	if (!cmp) {
		free(staging);
		return finish(e, keep, CSC_EXIT_INPUT);
	}

	if (csc_mkdirs(outdir) != 0) {
		csc_error_at(outdir, 0, "cannot create the output folder: %m");
		free(staging);
		tx_comparators_free(cmp);
		return finish(e, keep, CSC_EXIT_OUTPUT);
	}
	csc_out mo = {0}, ro = {0}, fo = {0}, po = {0}, co = {0};
	csc_out *const outs[] = {&e->dout, &e->qout, &mo, &ro, &fo, &po, &co};
	const int nouts = (int)(sizeof outs / sizeof outs[0]);
	if (!e->drill && remove_stale_drill(outdir)) {
		free(staging);
		tx_comparators_free(cmp);
		return finish(e, keep, CSC_EXIT_OUTPUT);
	}
	if ((e->drill && out_open(&e->dout, outdir, "drilldown.csv")) ||
	    out_open(&e->qout, outdir, "dq.csv")) {
		abort_outs(outs, nouts);
		free(staging);
		tx_comparators_free(cmp);
		return finish(e, keep, CSC_EXIT_OUTPUT);
	}
	if (e->drill) {
		csc_csvw_init(&e->dw, e->dout.fp);
		csc_csvw_header(&e->dw, csc_drill_header);
		e->enc = csc_drill_enc_new(&e->dw);
	}
	csc_csvw_init(&e->qw, e->qout.fp);
	csc_csvw_header(&e->qw, dq_hdr);
	copy_findings(e, staging);

	enum tx_input ins[TX_NINPUTS];
	int nin = 0;
	for (int in = 0; in < TX_NINPUTS; in++)
		if (any_available(e, in))
			ins[nin++] = (enum tx_input)in;
	int failed = tx_jobs_run(e, ins, nin, run_jobs(c, o), staging, outdir);
	free(staging);
	if (!failed && e->bug)
		failed = CSC_EXIT_INTERNAL;
	if (failed) {
		abort_outs(outs, nouts);
		tx_comparators_free(cmp);
		return finish(e, keep, failed);
	}

	tx_comparators *keepcmp = cmp;
	int rc = CSC_EXIT_OK;
	if (out_open(&mo, outdir, "measures.csv") || out_open(&ro, outdir, "rag.csv") ||
	    out_open(&fo, outdir, "definitions.csv") || out_open(&co, outdir, "coverage.csv") ||
	    (e->drill && out_open(&po, outdir, "drilldown_periods.csv"))) {
		abort_outs(outs, nouts);
		tx_comparators_free(keepcmp);
		return finish(e, keep, CSC_EXIT_OUTPUT);
	}
	csc_csvw w;
	csc_csvw_init(&w, mo.fp);
	write_measures(e, &w);
	csc_csvw_init(&w, ro.fp);
	csc_csvw_header(&w, rag_hdr);
	tx_write_rag(e, keepcmp, &w);
	csc_csvw_init(&w, fo.fp);
	write_definitions(e, &w);
	if (e->drill) {
		csc_csvw_init(&w, po.fp);
		write_drill_periods(e, &w);
	}
	csc_csvw_init(&w, co.fp);
	csc_coverage_write(&cv, &w, c->period_end);
	tx_comparators_free(keepcmp);

	/* measures.csv last: it is what the next stage waits for. */
	if ((e->drill && (csc_out_commit(&e->dout) || csc_out_commit(&po))) ||
	    csc_out_commit(&e->qout) || csc_out_commit(&ro) || csc_out_commit(&fo) ||
	    csc_out_commit(&co) || csc_out_commit(&mo)) {
		abort_outs(outs, nouts);
		rc = CSC_EXIT_OUTPUT;
	}
	if (rc == CSC_EXIT_OK && !(o && o->quiet))
		summary(e);
	return finish(e, keep, rc);
}
