/* v_report_csv.c - issues.csv and rules_not_run.csv, and v_write_outputs
 * which writes every output of a run. */
#include <stdlib.h>
#include <string.h>

#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "v_internal.h"

/* Open path for writing (temp + rename) and write the header row. */
static int csv_begin(csc_out *o, csc_csvw *w, const char *path, const char *const *head)
{
	if (csc_out_open(o, path) < 0)
		return -1;
	csc_csvw_init(w, o->fp);
	csc_csvw_header(w, head);
	return 0;
}

int v_write_issues_csv(v_ctx *c, const char *path)
{
	static const char *const head[] = {"rule", "severity", "child", "table", "field",
					   "value", "line", "message", NULL};
	csc_out o;
	csc_csvw w;
	if (csv_begin(&o, &w, path, head) < 0)
		return -1;
	v_sort(c);
	for (size_t i = 0; i < v_issue_count(c); i++) {
		v_issue is = v_issue_at(c, i);
		csc_csvw_str(&w, is.rule);
		csc_csvw_str(&w, is.severity);
		csc_csvw_text(&w, is.child);  /* typed by case workers: formula-guarded */
		csc_csvw_str(&w, is.table);
		csc_csvw_str(&w, is.field);
		csc_csvw_text(&w, is.value);
		if (is.line > 0)
			csc_csvw_long(&w, is.line);
		else
			csc_csvw_str(&w, "");
		csc_csvw_text(&w, is.message);
		csc_csvw_end(&w);
	}
	return csc_out_commit(&o);
}

static int cmp_nr(const void *a, const void *b)
{
	const char *const *x = a, *const *y = b;
	return strcmp(*x, *y);
}

int v_write_not_run_csv(v_ctx *c, const char *path)
{
	static const char *const head[] = {"rule", "reason", "rule_set", NULL};
	/* Sort by code so the file does not depend on table order. */
	if (c->nnr) /* qsort of NULL, 0 is undefined (UBSan) */
		qsort(c->nr, c->nnr, sizeof *c->nr, cmp_nr);
	csc_out o;
	csc_csvw w;
	if (csv_begin(&o, &w, path, head) < 0)
		return -1;
	for (size_t i = 0; i < c->nnr; i++) {
		csc_csvw_str(&w, c->nr[i].code);
		csc_csvw_str(&w, c->nr[i].reason);
		csc_csvw_str(&w, v_rs_label(c, c->nr[i].rs));
		csc_csvw_end(&w);
	}
	return csc_out_commit(&o);
}

/* One row per rule set run, so the issues can be read against the year's
 * rules: which rule set, and how many errors, queries and rules not run. */
int v_write_summary_csv(v_ctx *c, const char *path)
{
	static const char *const head[] = {"rule_set", "errors", "queries", "rules_not_run", NULL};
	csc_out o;
	csc_csvw w;
	if (csv_begin(&o, &w, path, head) < 0)
		return -1;
	for (size_t k = 0; k < c->nrs; k++) {
		long ne = 0, nq = 0, nr = 0;
		for (size_t i = 0; i < c->niss; i++)
			if (c->iss[i].rs == (int)k)
				*(c->iss[i].query ? &nq : &ne) += 1;
		for (size_t i = 0; i < c->nnr; i++)
			nr += c->nr[i].rs == (int)k;
		csc_csvw_str(&w, c->rs[k]);
		csc_csvw_long(&w, ne);
		csc_csvw_long(&w, nq);
		csc_csvw_long(&w, nr);
		csc_csvw_end(&w);
	}
	return csc_out_commit(&o);
}

int v_write_outputs(v_ctx *c, const char *dir, const char *title)
{
	if (csc_mkdirs(dir) < 0) {
		csc_error_at(dir, 0, "cannot create output folder: %m");
		return -1;
	}
	static const char *const names[] = {"issues.csv", "rules_not_run.csv", "validation.xlsx",
					    "summary.csv"};
	int rc = 0;
	for (int k = 0; k < 4 && rc == 0; k++) {
		char *p = csc_path_join(dir, names[k]);
		if (k == 0)
			rc = v_write_issues_csv(c, p);
		else if (k == 1)
			rc = v_write_not_run_csv(c, p);
		else if (k == 2)
			rc = v_write_xlsx(c, p, title);
		else
			rc = v_write_summary_csv(c, p);
		free(p);
	}
	return rc;
}
