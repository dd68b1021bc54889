/* report_publish.c - see report_publish.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "report_publish.h"

enum report_sup_state *report_pub_states(const report_data *d)
{
	report_sup_row *rows = csc_xcalloc(d->nm ? d->nm : 1, sizeof *rows);
	for (size_t i = 0; i < d->nm; i++) {
		const report_data_measure *m = &d->m[i];
		rows[i] = (report_sup_row){m->measure, m->breakdown, m->start, m->end,
				   m->has_num, m->has_den, m->num, m->den};
		/* A count row made by hand without its numerator: the value
		 * is the count. */
		if (!m->has_num && !m->has_den && m->has_value) {
			rows[i].has_num = 1;
			rows[i].num = m->value;
		}
	}
	enum report_sup_state *st = csc_xcalloc(d->nm ? d->nm : 1, sizeof *st);
	long n = report_sup_suppress(rows, d->nm, st);
	free(rows);
	if (n < 0) {
		free(st);
		return NULL;
	}
	return st;
}

/* A number field, `c` when the row is hidden and the field holds one. */
static void field(csc_csvw *w, int has, double v, int hidden)
{
	if (!has)
		csc_csvw_str(w, "");
	else if (hidden)
		csc_csvw_str(w, "c");
	else
		csc_csvw_double(w, v);
}

int report_pub_csv(const report_data *d, const enum report_sup_state *st, const char *dir)
{
	char *path = csc_path_join(dir, REPORT_PUB_CSV);
	csc_out o;
	if (csc_out_open(&o, path)) {
		free(path);
		return -1;
	}
	csc_csvw w;
	csc_csvw_init(&w, o.fp);
	static const char *const hdr[] = {"measure", "breakdown", "period_start", "period_end",
					  "value", "numerator", "denominator", NULL};
	csc_csvw_header(&w, hdr);
	for (size_t i = 0; i < d->nm; i++) {
		const report_data_measure *m = &d->m[i];
		int hidden = st[i] != REPORT_SUP_SHOWN;
		csc_csvw_str(&w, m->measure);
		csc_csvw_str(&w, m->breakdown);
		csc_csvw_date(&w, m->start);
		csc_csvw_date(&w, m->end);
		/* a hidden row's value is c even when empty: no cases is
		 * itself a figure of the row */
		field(&w, m->has_value || hidden, m->value, hidden);
		field(&w, m->has_num, m->num, hidden);
		field(&w, m->has_den, m->den, hidden);
		csc_csvw_end(&w);
	}
	int rc = csc_out_commit(&o);
	if (!rc)
		csc_info("wrote %s", path);
	free(path);
	return rc;
}

void report_pub_name(char *buf, size_t cap, const char *name, const char *label)
{
	snprintf(buf, cap, "%s-%s-published.xlsx", name, label);
}

int report_pub_remove(const char *dir, const char *book)
{
	const char *names[] = {REPORT_PUB_CSV, book};
	int rc = 0;
	for (size_t i = 0; i < 2; i++) {
		char *p = csc_path_join(dir, names[i]);
		if (unlink(p) && errno != ENOENT) {
			csc_error_at(p, 0, "cannot remove the publication edition of an earlier run: %s",
				     strerror(errno));
			rc = -1;
		}
		free(p);
	}
	return rc;
}

int report_pub_hidden(const report *r, const report_data_measure *m)
{
	return r->pub && m && r->pub[m - r->d->m] != REPORT_SUP_SHOWN;
}

int report_pub_any_hidden(const report *r, const char *measure, const char *breakdown)
{
	if (!r->pub)
		return 0;
	for (size_t i = 0; i < r->d->nm; i++)
		if (r->pub[i] != REPORT_SUP_SHOWN && !strcmp(r->d->m[i].measure, measure) &&
		    !strcmp(r->d->m[i].breakdown, breakdown))
			return 1;
	return 0;
}

long report_pub_cover(report *r, lxw_worksheet *ws, long y)
{
	xl_text(r->b, ws, y, 0, "Small numbers", XF_BOLD);
	xl_text(r->b, ws, y++, 1, "suppressed for publication: [c] marks a confidential figure; "
		"the Notes sheet gives the key and the rule", XF_TEXT);
	xl_text(r->b, ws, y, 0, "Not included", XF_BOLD);
	xl_text(r->b, ws, y, 1, "the records behind the figures, rejected records and "
		"data-quality findings (they stay in the internal workbook)", XF_TEXT);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 1, 100, NULL);
	worksheet_activate(ws);
	return y + 1;
}

void report_pub_notes(report *r, lxw_worksheet *ws)
{
	xl_title(r->b, ws, 0, "Notes");
	xl_text(r->b, ws, 1, 0, "The symbols used in this workbook and how small numbers are "
		"protected (Government Analysis Function shorthand).", XF_TEXT);
	xl_text(r->b, ws, 2, 0, "This worksheet contains one table.", XF_TEXT);
	static const char *const heads[] = {"Symbol or rule", "Meaning"};
	static const char *const rows[][2] = {
		{"[c]", "confidential: suppressed to protect children who could be identified"},
		{"[x]", "not available: the data was not supplied, or ends before the period"},
		{"[z]", "not applicable: nothing to count in the period, so there is no percentage "
			"or rate (it is not 0)"},
		{"0", "a true zero, shown"},
		{"Primary suppression", "a count of 1 to 5, and a percentage or rate whose numerator "
			"or denominator is 1 to 5, is [c]"},
		{"Secondary suppression", "where a total and all but one of its parts would be shown "
			"(the breakdowns of a measure in one period, or months with their quarter, "
			"year to date or year), a further figure is [c]: the smallest shown part "
			"that is not 0, ties to the first; no [c] figure can be worked out by "
			"subtraction"},
		{"Trend and RAG", "[c] where they would tell on a suppressed figure"},
		{"Rounding", "percentages and rates to 1 decimal place; counts are not rounded"},
	};
	size_t n = sizeof rows / sizeof rows[0];
	xl_table(r->b, ws, "Notes", 3, 3 + (long)n, 2, heads);
	for (size_t i = 0; i < n; i++) {
		xl_text(r->b, ws, 4 + (long)i, 0, rows[i][0], XF_BOLD);
		xl_text(r->b, ws, 4 + (long)i, 1, rows[i][1], XF_WRAP);
	}
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, 1, 100, NULL);
}
