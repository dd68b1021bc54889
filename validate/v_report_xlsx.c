/* v_report_xlsx.c - validation.xlsx, for the data officer who sends the
 * return: Cover (what was checked, against which rule set, when, by what),
 * Summary (by rule, errors first), Issues (every issue as a filterable
 * Excel Table, errors before queries, with an empty column for the
 * officer's reason or action: the DfE asks for an explanation of each
 * query it is not corrected), By child, Not run. Every sheet prints
 * landscape on A4, one page wide, its header row repeated on each page,
 * the protective marking at the top of each page. A row is never split
 * across pages (no row is taller than a page: messages wrap in a wide
 * column).
 *
 * Every cell of text is written with worksheet_write_string, never as a
 * formula, so "=HYPERLINK(...)" typed by a case worker stays text. The
 * document properties carry a fixed creation time so the same run gives
 * the same bytes. The workbook is written beside the target and renamed
 * into place (libxlsxwriter writes by file name, so csc_out cannot be used
 * directly). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "csc_diag.h"
#include "v_internal.h"

#define XLSX_MAX_ROWS 1048576u

/* 2000-01-01T00:00:00Z: a fixed creation time for reproducible files (the
 * run time is on the cover, from the front end). */
#define FIXED_CREATED ((time_t)946684800)

/* The Government Security Classification of a return about children. */
#define V_MARKING "OFFICIAL-SENSITIVE"

typedef struct xw {
	lxw_workbook *wb;
	lxw_format *bold, *wrap, *title, *mark, *left, *top;
	lxw_format *mid, *head_mid; /* a count and its bold header, centred */
	int err;
} xw;

/* Lines a wrapped text takes in a column `width` characters wide, counted
 * on the safe side (a line holds `width` characters; words are not split).
 * Neither Excel nor LibreOffice grows a row for wrapped text written by a
 * program, so each row is given its height: otherwise wrapped lines
 * overlap the next row on screen and on paper. */
static unsigned text_lines(const char *t, double width)
{
	unsigned lines = 1, col = 0, cap = width > 4 ? (unsigned)width - 2 : 2;
	while (t && *t) {
		size_t w = strcspn(t, " \n");
		if (col && col + 1 + w > cap) {
			lines++;
			col = 0;
		}
		col += (unsigned)(col ? 1 + w : w);
		while (col > cap) { /* a word longer than a line */
			lines++;
			col -= cap;
		}
		t += w;
		if (*t == '\n') {
			lines++;
			col = 0;
		}
		if (*t)
			t++;
	}
	return lines;
}

/* Give row r the height of its tallest wrapped text (15 points a line). */
static void fit_row(lxw_worksheet *ws, lxw_row_t r, unsigned lines)
{
	if (lines > 1)
		worksheet_set_row(ws, r, 15.0 * lines, NULL);
}

static unsigned max_u(unsigned a, unsigned b) { return a > b ? a : b; }

/* Print set-up shared by every sheet: landscape A4, one page wide (as many
 * long as needed), row `head` repeated on each page (-1: none), the
 * marking at the top and page numbers at the foot. */
static void print_setup(lxw_worksheet *ws, int head)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	if (head >= 0)
		worksheet_repeat_rows(ws, (lxw_row_t)head, (lxw_row_t)head);
	worksheet_set_header(ws, "&C&\"-,Bold\"" V_MARKING);
	worksheet_set_footer(ws, "&Lcsc-validate&CPage &P of &N&R" V_MARKING);
}

static void put_s(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	if (!s || !*s)
		return; /* an empty cell, not an empty string */
	lxw_error e = worksheet_write_string(ws, r, c, s, f ? f : x->top);
	if (e != LXW_NO_ERROR && !x->err) {
		csc_error("workbook: %s", lxw_strerror(e));
		x->err = 1;
	}
}

/* A number, centred: right-aligned it ran into the text of the column to
 * its right ("8Assessments", "10206Please check..."). */
static void put_n(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	lxw_error e = worksheet_write_number(ws, r, c, v, x->mid);
	if (e != LXW_NO_ERROR && !x->err) {
		csc_error("workbook: %s", lxw_strerror(e));
		x->err = 1;
	}
}

/* A number beside its label (the Cover's and the Summary's counts). */
static void put_left(xw *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
	lxw_error e = worksheet_write_number(ws, r, c, v, x->left);
	if (e != LXW_NO_ERROR && !x->err) {
		csc_error("workbook: %s", lxw_strerror(e));
		x->err = 1;
	}
}

/* The one row of an empty list: "none" and what that means, in column
 * `col`, so the sheet does not print as headers over nothing. */
static lxw_row_t none_row(xw *x, lxw_worksheet *ws, lxw_col_t col, const char *what)
{
	put_s(x, ws, 1, 0, "none", NULL);
	put_s(x, ws, 1, col, what, NULL);
	return 1;
}

/* An Excel Table over rows first..last with the given headers; the
 * headers of the columns in `counts` (a bit per column) centred over their
 * figures. A table needs one data row, so an empty list gets one blank row. */
static void add_table(xw *x, lxw_worksheet *ws, const char *name, lxw_row_t first, lxw_row_t last,
		      const char *const *heads, int ncol, unsigned counts)
{
	lxw_table_column cols[16];
	lxw_table_column *pcols[17];
	for (int i = 0; i < ncol; i++) {
		memset(&cols[i], 0, sizeof cols[i]);
		cols[i].header = (char *)heads[i];
		/* every header bold: a header_format on some columns only left
		 * the others in the table style's plain weight in LibreOffice */
		cols[i].header_format = counts >> i & 1 ? x->head_mid : x->bold;
		pcols[i] = &cols[i];
	}
	pcols[ncol] = NULL;
	lxw_table_options opt = {0};
	opt.name = (char *)name;
	opt.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
	opt.style_type_number = 2;
	opt.columns = pcols;
	if (last <= first)
		last = first + 1;
	worksheet_add_table(ws, first, 0, last, (lxw_col_t)(ncol - 1), &opt);
}

static void sheet_summary(xw *x, v_ctx *c, const char *title, size_t shown)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Summary");
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 1, 10, NULL);
	worksheet_set_column(ws, 2, 2, 90, x->wrap);
	worksheet_set_column(ws, 3, 4, 12, NULL);
	put_s(x, ws, 0, 0, "Validation of", x->bold);
	put_s(x, ws, 0, 2, title, NULL);
	/* the counts beside their labels, as on the Cover */
	static const char *const what[] = {"Errors", "Queries", "Not run"};
	const size_t n[] = {c->nerror, c->nquery, c->nnr};
	for (int k = 0; k < 3; k++) {
		put_s(x, ws, (lxw_row_t)(1 + k), 0, what[k], x->bold);
		put_left(x, ws, (lxw_row_t)(1 + k), 1, (double)n[k]);
	}
	/* The rule sets that ran: the year's rules are what the issues mean. */
	put_s(x, ws, 4, 0, "Rule set", x->bold);
	size_t len = 1;
	for (size_t k = 0; k < c->nrs; k++)
		len += strlen(c->rs[k]) + 2;
	char *all = csc_xmalloc(len);
	all[0] = 0;
	for (size_t k = 0; k < c->nrs; k++)
		strcat(strcat(all, k ? "; " : ""), c->rs[k]);
	put_s(x, ws, 4, 2, all, NULL);
	lxw_row_t r = 5;
	if (shown < c->niss) {
		char note[200];
		snprintf(note, sizeof note,
			 "The Issues sheet shows the first %zu of %zu issues (Excel's row limit); issues.csv has them all.",
			 shown, c->niss);
		put_s(x, ws, r, 2, note, NULL);
	}
	r = 6;
	static const char *const heads[] = {"Rule", "Severity", "Message", "Count", "Table"};
	lxw_row_t first = r;
	/* Counts per catalogued rule, in catalogue code order. */
	size_t *count = csc_xcalloc(c->ncat + 1, sizeof *count);
	size_t uncatalogued = 0;
	for (size_t i = 0; i < c->niss; i++) {
		if (c->iss[i].cat >= 0)
			count[c->iss[i].cat]++;
		else
			uncatalogued++;
	}
	/* errors first, then queries; code order within each */
	for (size_t k = 0; k < 2 * c->ncat; k++) {
		size_t i = c->cat_sorted[k % c->ncat];
		if (!count[i] || c->cat[i].query != (k >= c->ncat))
			continue;
		r++;
		put_s(x, ws, r, 0, c->cat[i].code, NULL);
		put_s(x, ws, r, 1, c->cat[i].query ? "query" : "error", NULL);
		put_s(x, ws, r, 2, c->cat[i].message, x->wrap);
		fit_row(ws, r, text_lines(c->cat[i].message, 90));
		put_n(x, ws, r, 3, (double)count[i]);
		put_s(x, ws, r, 4, c->cat[i].table, NULL);
	}
	if (uncatalogued) {
		r++;
		put_s(x, ws, r, 0, "?", NULL);
		put_s(x, ws, r, 2, "(rules not in the rules CSV)", NULL);
		put_n(x, ws, r, 3, (double)uncatalogued);
	}
	if (!c->niss) {
		/* nothing found: a row that says so, not an empty table that
		 * reads as a sheet not filled in ([z]: no rule, severity or
		 * table applies; the count is a true 0) */
		char *none = csc_xmalloc(len + 64);
		snprintf(none, len + 64, "none: 0 errors, 0 queries for %s", *all ? all : "this return");
		r++;
		put_s(x, ws, r, 0, "none", NULL);
		put_s(x, ws, r, 1, "[z]", NULL);
		put_s(x, ws, r, 2, none, x->wrap);
		put_n(x, ws, r, 3, 0);
		put_s(x, ws, r, 4, "[z]", NULL);
		free(none);
	}
	free(all);
	free(count);
	add_table(x, ws, "RuleSummary", first, r, heads, 5, 1u << 3);
	print_setup(ws, (int)first);
}

/* Every issue, errors before queries (each in issues.csv order: child,
 * line, rule), with an empty column for the data officer's reason or
 * action. */
static void sheet_issues(xw *x, v_ctx *c, size_t shown)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Issues");
	static const char *const heads[] = {"rule", "severity", "child", "table", "field",
					    "value", "line", "message", "reason or action (data officer)"};
	/* field: "AssessmentActualStartDate" ran into the value beside it */
	static const double width[] = {8, 9, 18, 18, 27, 18, 7, 60, 40};
	for (int i = 0; i < 9; i++)
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width[i], i >= 7 ? x->wrap : NULL);
	worksheet_freeze_panes(ws, 1, 0);
	lxw_row_t r = 0;
	for (int query = 0; query <= 1; query++)
		for (size_t i = 0; i < c->niss && r < shown; i++) {
			if (c->iss[i].query != query)
				continue;
			v_issue is = v_issue_at(c, i);
			r++;
			put_s(x, ws, r, 0, is.rule, NULL);
			put_s(x, ws, r, 1, is.severity, NULL);
			put_s(x, ws, r, 2, is.child, NULL);
			put_s(x, ws, r, 3, is.table, NULL);
			put_s(x, ws, r, 4, is.field, NULL);
			put_s(x, ws, r, 5, is.value, NULL);
			if (is.line > 0)
				put_n(x, ws, r, 6, (double)is.line);
			put_s(x, ws, r, 7, is.message, x->wrap);
			fit_row(ws, r, text_lines(is.message, width[7]));
		}
	if (!c->niss)
		r = none_row(x, ws, 7, "no issue: 0 errors, 0 queries");
	add_table(x, ws, "Issues", 0, r, heads, 9, 1u << 6);
	print_setup(ws, 0);
}

/* What was checked, against what, when and by what; the counts; how to
 * use the workbook. */
static void sheet_cover(xw *x, v_ctx *c, const char *title)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Cover");
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, 1, 100, x->wrap);
	put_s(x, ws, 0, 0, V_MARKING, x->mark);
	put_s(x, ws, 1, 0, "Validation of a statutory return against the DfE rules", x->title);
	lxw_row_t r = 3;
	put_s(x, ws, r, 0, "Return", x->bold);
	fit_row(ws, r, text_lines(title, 100));
	put_s(x, ws, r++, 1, title, x->wrap);
	put_s(x, ws, r, 0, "Protective marking", x->bold);
	put_s(x, ws, r++, 1, V_MARKING, NULL);
	for (size_t k = 0; k < c->nrs; k++) {
		put_s(x, ws, r, 0, "Collection year and rule set", x->bold);
		put_s(x, ws, r++, 1, c->rs[k], NULL);
	}
	for (size_t k = 0; k < c->ncover; k++) {
		put_s(x, ws, r, 0, c->cover[k].label, x->bold);
		fit_row(ws, r, text_lines(c->cover[k].value, 100));
		put_s(x, ws, r++, 1, c->cover[k].value, x->wrap);
	}
	r++;
	static const char *const counts[] = {"Errors", "Queries", "Rules not run"};
	size_t n[] = {c->nerror, c->nquery, c->nnr};
	for (int k = 0; k < 3; k++) {
		put_s(x, ws, r, 0, counts[k], x->bold);
		put_left(x, ws, r++, 1, (double)n[k]);
	}
	r++;
	static const char how[] =
		"Errors must be corrected before the return is sent. Each query must be corrected or "
		"explained to the DfE: write the reason, or the action taken, in the last column of the "
		"Issues sheet, which lists the errors first, then the queries. Rules not run (an input "
		"they need was not supplied) are listed on the Not run sheet: they were not passed.";
	put_s(x, ws, r, 0, "How to use this workbook", x->bold);
	fit_row(ws, r, text_lines(how, 100));
	put_s(x, ws, r++, 1, how, x->wrap);
	print_setup(ws, -1);
	worksheet_fit_to_pages(ws, 1, 1); /* the cover is one page */
}

/* One row per child: counts and the distinct rules, from the sorted list. */
static void sheet_children(xw *x, v_ctx *c, size_t shown)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "By child");
	static const char *const heads[] = {"child", "errors", "queries", "rules", "first line"};
	worksheet_set_column(ws, 0, 0, 24, NULL);
	worksheet_set_column(ws, 1, 2, 9, NULL);
	worksheet_set_column(ws, 3, 3, 60, NULL);
	worksheet_set_column(ws, 4, 4, 10, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	lxw_row_t r = 0;
	size_t i = 0;
	char *rules = NULL;
	size_t cap = 0;
	while (i < shown) {
		size_t j = i, ne = 0, nq = 0, len = 0;
		long first = 0;
		for (; j < shown && strcmp(c->iss[j].child, c->iss[i].child) == 0; j++) {
			const struct v_iss *e = &c->iss[j];
			if (e->query)
				nq++;
			else
				ne++;
			if (e->line > 0 && (first == 0 || e->line < first))
				first = e->line;
			/* Distinct codes in first-seen order. */
			int seen = 0;
			for (size_t k = i; k < j && !seen; k++)
				seen = strcmp(c->iss[k].code, e->code) == 0;
			if (seen)
				continue;
			size_t add = strlen(e->code) + 2;
			if (len + add + 1 > cap) {
				cap = (len + add + 1) * 2;
				rules = csc_xrealloc(rules, cap);
			}
			len += (size_t)sprintf(rules + len, "%s%s", len ? " " : "", e->code);
		}
		r++;
		put_s(x, ws, r, 0, *c->iss[i].child ? c->iss[i].child : "(whole return)", NULL);
		put_n(x, ws, r, 1, (double)ne);
		put_n(x, ws, r, 2, (double)nq);
		put_s(x, ws, r, 3, len ? rules : "", NULL);
		if (first > 0)
			put_n(x, ws, r, 4, (double)first);
		i = j;
	}
	free(rules);
	if (!shown)
		r = none_row(x, ws, 3, "no child has an issue");
	add_table(x, ws, "ByChild", 0, r, heads, 5, 1u << 1 | 1u << 2 | 1u << 4);
	print_setup(ws, 0);
}

static void sheet_not_run(xw *x, v_ctx *c)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Not run");
	static const char *const heads[] = {"rule", "reason", "message", "rule set"};
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 2, 70, x->wrap);
	worksheet_set_column(ws, 3, 3, 18, NULL);
	lxw_row_t r = 0;
	for (size_t i = 0; i < c->nnr; i++) {
		r++;
		put_s(x, ws, r, 0, c->nr[i].code, NULL);
		put_s(x, ws, r, 1, c->nr[i].reason, x->wrap);
		put_s(x, ws, r, 2, v_rule_message(c, c->nr[i].code), x->wrap);
		fit_row(ws, r, max_u(text_lines(c->nr[i].reason, 70), text_lines(v_rule_message(c, c->nr[i].code), 70)));
		put_s(x, ws, r, 3, v_rs_label(c, c->nr[i].rs), NULL);
	}
	if (!c->nnr)
		r = none_row(x, ws, 1, "every rule of the rule set ran");
	add_table(x, ws, "NotRun", 0, r, heads, 4, 0);
	print_setup(ws, 0);
}

int v_write_xlsx(v_ctx *c, const char *path, const char *title)
{
	v_sort(c);
	size_t shown = c->niss < XLSX_MAX_ROWS - 1 ? c->niss : XLSX_MAX_ROWS - 1;
	size_t n = strlen(path) + 32;
	char *tmp = csc_xmalloc(n);
	snprintf(tmp, n, "%s.tmp.%ld", path, (long)getpid());
	xw x = {0};
	lxw_workbook_options wo = {0};
	x.wb = workbook_new_opt(tmp, &wo);
	if (!x.wb) {
		csc_error_at(path, 0, "cannot create workbook");
		free(tmp);
		return -1;
	}
	lxw_doc_properties props = {0};
	props.title = "Validation report";
	props.subject = (char *)(title ? title : "");
	props.author = "cscpipe csc-validate";
	props.created = FIXED_CREATED;
	workbook_set_properties(x.wb, &props);
	x.bold = workbook_add_format(x.wb);
	format_set_bold(x.bold);
	x.wrap = workbook_add_format(x.wb);
	format_set_text_wrap(x.wrap);
	format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
	x.title = workbook_add_format(x.wb);
	format_set_bold(x.title);
	format_set_font_size(x.title, 14);
	x.left = workbook_add_format(x.wb);
	format_set_align(x.left, LXW_ALIGN_LEFT);
	format_set_align(x.left, LXW_ALIGN_VERTICAL_TOP);
	/* every cell at the top of its row: rows grow for wrapped messages */
	x.top = workbook_add_format(x.wb);
	format_set_align(x.top, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(x.bold, LXW_ALIGN_VERTICAL_TOP);
	x.mid = workbook_add_format(x.wb);
	format_set_align(x.mid, LXW_ALIGN_CENTER);
	format_set_align(x.mid, LXW_ALIGN_VERTICAL_TOP);
	x.head_mid = workbook_add_format(x.wb);
	format_set_bold(x.head_mid);
	format_set_align(x.head_mid, LXW_ALIGN_CENTER);
	format_set_align(x.head_mid, LXW_ALIGN_VERTICAL_TOP); /* level with x.bold's */
	x.mark = workbook_add_format(x.wb);
	format_set_bold(x.mark);
	format_set_font_color(x.mark, LXW_COLOR_RED);

	sheet_cover(&x, c, title ? title : "");
	sheet_summary(&x, c, title ? title : "", shown);
	sheet_issues(&x, c, shown);
	sheet_children(&x, c, shown);
	sheet_not_run(&x, c);

	lxw_error e = workbook_close(x.wb);
	if (e != LXW_NO_ERROR || x.err) {
		if (e != LXW_NO_ERROR)
			csc_error_at(path, 0, "cannot write workbook: %s", lxw_strerror(e));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (rename(tmp, path) < 0) {
		csc_error_at(path, 0, "cannot rename workbook into place: %m");
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}
