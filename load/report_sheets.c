/* report_sheets.c - the fixed sheets around the strands: cover, contents,
 * definitions, data quality (reconciliation, rejected records, findings)
 * and the drill-down. Long lists are streamed from their CSV files twice:
 * once to count (a table's range is declared before its rows), once to
 * write, keeping at most the configured number of rows in the workbook. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_drill.h"
#include "csc_out.h"
#include "csc_version.h"
#include "report_ctx.h"
#include "report_publish.h"

#define HEAD_ROW 3 /* title, description, note, then the table header */
#define COVER_LABEL_W 30 /* the cover's first column: labels, then input names */
#define COVER_W 70 /* the cover's second column: values, then input file names */
#define COVER_TABLE_W 24 /* the third: years, then table names ("PreProceedingsandFGDM") */

static void sheet_intro(report *r, lxw_worksheet *ws, const char *title, const char *desc,
			const char *note)
{
	xl_title(r->b, ws, 0, title);
	xl_text(r->b, ws, 1, 0, desc, XF_TEXT);
	xl_text(r->b, ws, 2, 0, note, XF_TEXT);
}

static void table_frame(report *r, lxw_worksheet *ws, const char *name, long nrows, int ncols,
			const char *const *heads, const double *widths)
{
	xl_table(r->b, ws, name, HEAD_ROW, HEAD_ROW + (nrows ? nrows : 1), ncols, heads);
	worksheet_freeze_panes(ws, HEAD_ROW + 1, 0);
	xl_check(r->b, worksheet_repeat_rows(ws, HEAD_ROW, HEAD_ROW));
	worksheet_set_row(ws, HEAD_ROW, 30, NULL);
	for (int i = 0; i < ncols; i++)
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
}

void report_title(const report *r, char *out, size_t cap)
{
	if (r->drill)
		snprintf(out, cap, "Drill-down: the records behind the figures");
	else
		snprintf(out, cap, "%s%s", r->t->title, r->pub ? " (publication edition)" : "");
}

/* The date the cover says the pack was produced: SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) when set, else the day the dumps were
 * made (data_extracted), else the period end, never the clock: the same
 * inputs give the same bytes. *how says which. */
static csc_date produced(const report *r, const char **how)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (e && *e && strspn(e, "0123456789") == strlen(e) && strlen(e) <= 12) {
		*how = "the day of the run (SOURCE_DATE_EPOCH)";
		return (csc_date)(strtoll(e, NULL, 10) / 86400);
	}
	if (r->conf->data_extracted != CSC_NODATE) {
		*how = "the day the data was extracted (data_extracted); set SOURCE_DATE_EPOCH "
		       "for the day of the run";
		return r->conf->data_extracted;
	}
	*how = "the period end; set SOURCE_DATE_EPOCH for the day of the run";
	return r->period_end;
}

/* A label and a value on the cover; a long value wraps in its row. A NULL
 * label continues the line above. */
static long cover_line(report *r, lxw_worksheet *ws, long y, const char *label, const char *v)
{
	xl_text(r->b, ws, y, 0, label, XF_BOLD);
	xl_text_wrapped(r->b, ws, y, 1, v, COVER_W);
	return y + 1;
}

/* A label and a date cell, shown "31 October 2026" next to the label. */
static long cover_date(report *r, lxw_worksheet *ws, long y, const char *label, csc_date d)
{
	xl_text(r->b, ws, y, 0, label, XF_BOLD);
	xl_num(r->b, ws, y, 1, xl_serial(d), XF_DATE_LEFT);
	return y + 1;
}

/* The source and years of every comparator and target (comparators.csv's
 * comparator_source and target_source), as a table from row y; returns
 * the row after it. */
static long cover_sources(report *r, lxw_worksheet *ws, long y)
{
	static const char *const heads[] = {"Figures", "Source", "Years"};
	static const char *const kinds[] = {"England, statistical neighbours, region",
					    "Targets"};
	const report_src_info *c = r->src;
	xl_text(r->b, ws, y++, 0, "Sources of the comparators and targets", XF_SUBTITLE);
	long n = c ? (long)c->n + (c->missing > 0) : 0;
	xl_table(r->b, ws, "Sources", y, y + (n ? n : 1), 3, heads);
	y++;
	if (!c || (!c->n && !c->missing)) {
		xl_text(r->b, ws, y, 0, "None", XF_TEXT);
		xl_text(r->b, ws, y, 1, c ? "comparators.csv holds no comparator or target"
			: "no comparators.csv in templates_dir", XF_TEXT);
		xl_text(r->b, ws, y++, 2, "[x]", XF_NOTE_NUM);
		return y;
	}
	char years[2 * REPORT_PERIOD_HEAD + 8], a[REPORT_PERIOD_HEAD], buf[320];
	for (size_t i = 0; i < c->n; i++) {
		const report_src_source *s = &c->s[i];
		report_period_fy_head(csc_date_make(s->fy_lo, 4, 1), a);
		if (s->fy_lo == s->fy_hi)
			snprintf(years, sizeof years, "%s", a);
		else {
			char b2[REPORT_PERIOD_HEAD];
			report_period_fy_head(csc_date_make(s->fy_hi, 4, 1), b2);
			snprintf(years, sizeof years, "%s to %s", a, b2);
		}
		/* "England, statistical neighbours, region" is wider than the
		 * label column: wrapped, not cut off by the source beside it */
		xl_text_wrapped(r->b, ws, y, 0, kinds[s->target], COVER_LABEL_W);
		snprintf(buf, sizeof buf, "%s%s", s->name, c->illustrative ? " (illustrative)" : "");
		xl_text(r->b, ws, y, 1, buf, XF_TEXT);
		xl_text(r->b, ws, y++, 2, years, XF_TEXT);
	}
	if (c->missing) {
		xl_text(r->b, ws, y, 0, "Not given", XF_TEXT);
		snprintf(buf, sizeof buf, c->have_columns
			 ? "%d comparator or target entries of comparators.csv name no source "
			   "(comparator_source, target_source)"
			 : "comparators.csv has no comparator_source and target_source columns "
			   "(%d comparator or target entries without a source)", c->missing);
		xl_text(r->b, ws, y, 1, buf, XF_TEXT);
		xl_text(r->b, ws, y++, 2, "[x]", XF_NOTE_NUM);
	}
	return y;
}

void report_cover(report *r, lxw_worksheet *ws)
{
	const csc_conf *c = r->conf;
	char buf[1400], what[1100];
	xl_text(r->b, ws, 0, 0, r->pub ? "OFFICIAL: publication edition" : XL_MARKING, XF_MARKING);
	report_title(r, what, sizeof what);
	snprintf(buf, sizeof buf, "%s: %s", c->la_name, what);
	xl_text(r->b, ws, 1, 0, buf, XF_TITLE);
	worksheet_set_row(ws, 1, 21, NULL);
	long y = 3;
	snprintf(buf, sizeof buf, "%s (DfE LA number %s)", c->la_name, c->la_number);
	y = cover_line(r, ws, y, "Authority", buf);
	char span[REPORT_PERIOD_SPAN];
	report_period_span(r->cols, r->ncols, span);
	if (r->drill)
		snprintf(buf, sizeof buf, "the periods of the highlight and quarterly workbooks "
			 "to %s", span + (strstr(span, " to ") ? strstr(span, " to ") - span + 4 : 0));
	else
		snprintf(buf, sizeof buf, "%s", span);
	y = cover_line(r, ws, y, "Period", buf);
	/* The figures run to the period end, or to the data's end before it.
	 * Dates are date cells beside their labels; what qualifies one goes on
	 * the line below (a long text after a date cell ran past the page). */
	char d1[CSC_DATE_BUFSZ], d2[CSC_DATE_BUFSZ];
	int partial = report_data_partial(r->d, r->period_end);
	y = cover_date(r, ws, y, "Data to", partial ? r->d->data_to : r->period_end);
	if (partial) {
		snprintf(buf, sizeof buf, "partial: data to %s (%s); the period ends %s, and nothing "
			 "after %s is in the data", csc_date_dmy(r->d->data_to, d1), r->d->data_by,
			 csc_date_dmy(r->period_end, d2), d1);
		y = cover_line(r, ws, y, NULL, buf);
	}
	const char *how;
	y = cover_date(r, ws, y, "Produced", produced(r, &how));
	y = cover_line(r, ws, y, NULL, how);
	snprintf(buf, sizeof buf, "cscpipe %s", csc_version());
	y = cover_line(r, ws, y, "Program", buf);
	y = cover_line(r, ws, y, "Contact", c->contact ? c->contact
		       : "not given (pipeline.conf contact)");
	if (!r->drill) {
		if (r->src && r->src->illustrative)
			snprintf(buf, sizeof buf, "the tables' Target, England, Statistical "
				 "neighbours, RAG and Trend columns refer to %s. RAG not scored (illustrative "
				 "comparators): comparators.csv marks its England, statistical-"
				 "neighbour, regional and target figures as illustrative, made up "
				 "for demonstration, so no figure is scored against them", r->cmp.head);
		else
			snprintf(buf, sizeof buf, "the tables' Target, England, Statistical "
				 "neighbours, RAG and Trend columns refer to %s", r->cmp.head);
		y = cover_line(r, ws, y, "Comparators and RAG", buf);
	}
	worksheet_set_column(ws, 0, 0, COVER_LABEL_W, NULL);
	worksheet_set_column(ws, 1, 1, COVER_W, NULL);
	if (r->pub) {
		/* no marking for internal handling, no file names or record counts */
		y = report_pub_cover(r, ws, y);
		cover_sources(r, ws, y + 1);
		return;
	}
	y = cover_line(r, ws, y, "Small numbers", c->publication_mode
		? "publication mode: counts of 1 to 5, and percentages or rates resting on 1 to 5 "
		  "records, are shown as [c]"
		: "not suppressed (internal use): do not publish without publication_mode = yes");
	y = cover_line(r, ws, y, "Protective marking", XL_MARKING ": contains information about "
		       "children. Handle, store and share under the authority's "
		       "information-governance rules.");
	snprintf(buf, sizeof buf, "[z] not applicable: nothing to count in the period, so a "
		 "percentage does not exist (it is not 0%%); [x] not available: the input feeding "
		 "the measure was not supplied (the Notes sheet has the key). Figures are produced "
		 "by cscpipe from the case-system dumps; every figure can be traced in the "
		 "drill-down workbook of the period (drilldown-<period>.xlsx).");
	y = cover_line(r, ws, y, "Notes", r->drill ? "Every record of drilldown.csv, the "
		       "records behind the figures of the highlight and quarterly workbooks." : buf);
	y++;
	if (!r->drill)
		y = cover_sources(r, ws, y) + 1;
	y = report_cover_inputs(r, ws, y);
	/* the cover is one printed page, however many input files */
	worksheet_fit_to_pages(ws, 1, 1);
	worksheet_activate(ws);
}

/* The input files and their record counts from row y; the row after. */
long report_cover_inputs(report *r, lxw_worksheet *ws, long y)
{
	xl_text(r->b, ws, y++, 0, "Input files and record counts", XF_SUBTITLE);
	static const char *const heads[] = {"Input", "File", "Table", "Records read",
					    "Records staged", "Records rejected"};
	long n = 0;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		long k = 0;
		for (size_t j = 0; j < r->d->nrc; j++)
			k += r->d->rc[j].input == csc_inputs[i].name;
		n += k ? k : 1;
	}
	xl_table(r->b, ws, "Inputs", y, y + n, 6, heads);
	for (int col = 3; col < 6; col++) /* over their figures */
		xl_text(r->b, ws, y, col, heads[col], XF_HEADER_NUM);
	y++;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		int any = 0;
		for (size_t j = 0; j < r->d->nrc; j++) {
			const report_data_recon *rc = &r->d->rc[j];
			if (rc->input != csc_inputs[i].name)
				continue;
			any = 1;
			xl_text(r->b, ws, y, 0, csc_inputs[i].title, XF_TEXT);
			xl_text(r->b, ws, y, 1, rc->file, XF_TEXT);
			xl_text(r->b, ws, y, 2, rc->table, XF_TEXT);
			xl_num(r->b, ws, y, 3, (double)rc->read, XF_COUNT);
			xl_num(r->b, ws, y, 4, (double)rc->staged, XF_COUNT);
			xl_num(r->b, ws, y, 5, (double)rc->rejected, XF_COUNT);
			y++;
		}
		if (!any) {
			xl_text(r->b, ws, y, 0, csc_inputs[i].title, XF_TEXT);
			xl_text(r->b, ws, y, 1, "not configured in this run", XF_TEXT);
			for (int col = 2; col < 6; col++)
				xl_text(r->b, ws, y, col, "[x]", XF_NOTE_NUM);
			y++;
		}
	}
	worksheet_set_column(ws, 2, 2, COVER_TABLE_W, NULL);
	worksheet_set_column(ws, 3, 5, 16, NULL);
	return y;
}

void report_contents(report *r, lxw_worksheet *ws, const char *const *names,
		     const char *const *descs, int n)
{
	sheet_intro(r, ws, "Contents", "The sheets in this workbook; select a name to go to it.",
		    "This worksheet contains one table.");
	static const char *const heads[] = {"Sheet", "What it holds"};
	static const double widths[] = {28, 90};
	table_frame(r, ws, "Contents", n, 2, heads, widths);
	for (int i = 0; i < n; i++) {
		xl_link(r->b, ws, HEAD_ROW + 1 + i, 0, names[i], names[i]);
		xl_text(r->b, ws, HEAD_ROW + 1 + i, 1, descs[i], XF_TEXT);
	}
}

/* The key to the symbols in the numeric columns (GSS, "Releasing
 * statistics in spreadsheets"): one row per symbol or convention. */
void report_notes(report *r, lxw_worksheet *ws)
{
	static const char *const rows[][2] = {
		{"[x]", "Not available: no figure for the period (the data ends before it, "
			"the measure's input is not configured in this run, or no comparator "
			"figure is held). The row's Notes cell says which."},
		{"[z]", "Not applicable: no cases to make a percentage or rate from (the "
			"denominator is 0), no target set for the measure, no direction to judge "
			"a trend by, a count's denominator, or the target, comparators, RAG and "
			"trend of a headcount row (they belong to the rate or percentage it counts "
			"for, on its own row)."},
		{"[c]", "Suppressed in publication mode: a count of 1 to 5, or a percentage or "
		      "rate whose numerator or denominator is 1 to 5."},
		{"Number (n), Out of (N)", "The numerator and denominator behind the compared "
					   "period's figure; for a rate, N is the 0-17 population."},
		{"Rounding", "Percentages and rates are rounded to 1 decimal place, halves away "
			     "from zero; the unrounded values are in measures.csv."},
		{"RAG", "Green: on or better than target; Amber: within tolerance; Red: "
			"otherwise. Action RAG in the commentary: Green on track, Amber at risk, "
			"Red off track, Blue complete."},
		/* last: only when comparators.csv is marked illustrative */
		{"not scored", "RAG not scored (illustrative comparators): comparators.csv marks "
			       "its England, statistical-neighbour, regional and target figures as "
			       "made up for demonstration, so no figure is scored against them "
			       "(the Cover lists their sources)."},
	};
	const long n = (long)(sizeof rows / sizeof rows[0]) - !(r->src && r->src->illustrative);
	sheet_intro(r, ws, "Notes", "The symbols and conventions used in the tables of this "
		    "workbook.", "This worksheet contains one table.");
	static const char *const heads[] = {"Symbol", "Meaning"};
	static const double widths[] = {24, 100};
	table_frame(r, ws, "Notes", n, 2, heads, widths);
	for (long i = 0; i < n; i++) {
		xl_text(r->b, ws, HEAD_ROW + 1 + i, 0, rows[i][0], XF_TEXT);
		xl_text_wrapped(r->b, ws, HEAD_ROW + 1 + i, 1, rows[i][1], widths[1]);
	}
}

void report_definitions(report *r, lxw_worksheet *ws)
{
	sheet_intro(r, ws, "Definitions", "How each measure is counted (the measure table of "
		    "this run; see MEASURES.md for the full rules).",
		    "This worksheet contains one table. Good: High or Low is the direction in "
		    "which a figure is better; Context only has no direction.");
	static const char *const heads[] = {"Measure", "Title", "Kind", "Good", "Inputs",
					    "Breakdowns", "Available in this run", "Definition"};
	static const double widths[] = {10, 40, 11, 11, 16, 22, 22, 110};
	table_frame(r, ws, "Definitions", (long)r->d->nd, 8, heads, widths);
	/* Every column wraps, each row as tall as its longest cell: LibreOffice
	 * does not fit rows to wrapped text and drew it over the next rows. */
	for (size_t i = 0; i < r->d->nd; i++) {
		const char *t[REPORT_DATA_NDEF];
		long y = HEAD_ROW + 1 + (long)i;
		for (int f = 0; f < REPORT_DATA_NDEF; f++) {
			t[f] = r->d->d[i].f[f];
			xl_text(r->b, ws, y, f, t[f], XF_WRAP);
		}
		double h = xl_wrap_height(t, widths, REPORT_DATA_NDEF);
		if (h > 0)
			worksheet_set_row(ws, (lxw_row_t)y, h, NULL);
	}
	if (!r->d->nd)
		xl_text(r->b, ws, HEAD_ROW + 1, 0, "definitions.csv lists no measures", XF_TEXT);
}

void report_recon(report *r, lxw_worksheet *ws)
{
	sheet_intro(r, ws, "Data quality: reconciliation",
		    "Records read from each input file, staged for the measures, and rejected. "
		    "Records read = staged + rejected on every row.",
		    "This worksheet contains one table. The rejected records are listed on the "
		    "Rejected records sheet; findings made while extracting and computing on DQ findings.");
	static const char *const heads[] = {"Input", "File", "Table", "Records read",
					    "Records staged", "Records rejected",
					    "Rows in rejects file", "Balances"};
	/* Table wide enough for "PreProceedingsandFGDM" (it was cut off) */
	static const double widths[] = {30, 50, COVER_TABLE_W, 14, 14, 14, 14, 12};
	long n = 0;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		long k = 0;
		for (size_t j = 0; j < r->d->nrc; j++)
			k += r->d->rc[j].input == csc_inputs[i].name;
		n += k ? k : 1;
	}
	table_frame(r, ws, "Reconciliation", n, 8, heads, widths);
	/* headers over their figures; Balances centred, clear of the rejects
	 * column's "see first row" ("see first row yes" read as one) */
	for (int col = 3; col < 7; col++)
		xl_text(r->b, ws, HEAD_ROW, col, heads[col], XF_HEADER_NUM);
	xl_text(r->b, ws, HEAD_ROW, 7, heads[7], XF_HEADER_MID);
	long y = HEAD_ROW + 1;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		int first = 1;
		for (size_t j = 0; j < r->d->nrc; j++) {
			const report_data_recon *rc = &r->d->rc[j];
			if (rc->input != csc_inputs[i].name)
				continue;
			xl_text(r->b, ws, y, 0, csc_inputs[i].title, XF_TEXT);
			xl_text(r->b, ws, y, 1, rc->file, XF_TEXT);
			xl_text(r->b, ws, y, 2, rc->table, XF_TEXT);
			xl_num(r->b, ws, y, 3, (double)rc->read, XF_COUNT);
			xl_num(r->b, ws, y, 4, (double)rc->staged, XF_COUNT);
			xl_num(r->b, ws, y, 5, (double)rc->rejected, XF_COUNT);
			if (first && r->d->rejects[i] >= 0)
				xl_num(r->b, ws, y, 6, (double)r->d->rejects[i], XF_COUNT);
			else
				xl_text(r->b, ws, y, 6, first ? "no file" : "see first row", XF_NOTE_NUM);
			xl_text(r->b, ws, y, 7, rc->read == rc->staged + rc->rejected ? "yes" : "NO",
				XF_CENTER);
			first = 0;
			y++;
		}
		if (first) {
			xl_text(r->b, ws, y, 0, csc_inputs[i].title, XF_TEXT);
			xl_text(r->b, ws, y, 1, "not configured in this run", XF_TEXT);
			for (int col = 2; col < 8; col++)
				xl_text(r->b, ws, y, col, "[x]", XF_NOTE_NUM);
			y++;
		}
	}
}

/* Streaming a CSV into a capped table. */
struct stream {
	report *r;
	lxw_worksheet *ws;
	long count, cap, y;
	const char *input; /* rejects: the input's title */
	int date_col;      /* column holding an ISO date, -1 none */
	int ncols;
};

static int count_only(void *vctx, char **f, long line)
{
	(void)f;
	(void)line;
	((struct stream *)vctx)->count++;
	return 0;
}

static int write_row(void *vctx, char **f, long line)
{
	struct stream *s = vctx;
	(void)line;
	if (s->count >= s->cap)
		return 0;
	s->count++;
	int x = 0;
	if (s->input)
		xl_text(s->r->b, s->ws, s->y, x++, s->input, XF_TEXT);
	for (int i = 0; i < s->ncols; i++, x++) {
		csc_date d;
		char *end;
		if (i == s->date_col && !csc_date_parse_iso(f[i], strlen(f[i]), &d))
			xl_num(s->r->b, s->ws, s->y, x, xl_serial(d), XF_DATE_MID);
		else if (s->input && i == 1 && *f[i] && strtol(f[i], &end, 10) >= 0 && !*end)
			xl_num(s->r->b, s->ws, s->y, x, strtod(f[i], NULL), XF_COUNT_PLAIN);
		else
			xl_text(s->r->b, s->ws, s->y, x, f[i], XF_TEXT);
	}
	s->y++;
	return 0;
}

int report_rejects(report *r, lxw_worksheet *ws)
{
	static const char *const cols[] = {"file", "line", "field", "value", "reason"};
	static const char *const heads[] = {"Input", "File", "Line", "Field", "Value", "Reason"};
	static const double widths[] = {28, 40, 10, 20, 30, 70};
	long total = 0, shown;
	char name[64];
	for (int i = 0; i < CSC_NINPUTS; i++)
		total += r->d->rejects[i] > 0 ? r->d->rejects[i] : 0;
	shown = total < r->drill_rows_per_sheet ? total : r->drill_rows_per_sheet;
	char note[256];
	snprintf(note, sizeof note, "This worksheet contains one table: %ld of %ld rejected "
		 "records%s.", shown, total, shown < total ? " (the rest are in staging/rejects_*.csv)"
							   : "");
	sheet_intro(r, ws, "Rejected records", "Every record the extract could not use, with the "
		    "file, line, field, value and the reason, so that it can be corrected at source.",
		    note);
	table_frame(r, ws, "Rejects", shown, 6, heads, widths);
	xl_text(r->b, ws, HEAD_ROW, 2, heads[2], XF_HEADER_MID); /* over its centred lines */
	if (!shown)
		xl_text(r->b, ws, HEAD_ROW + 1, 0, "No records were rejected", XF_TEXT);
	struct stream s = {r, ws, 0, shown, HEAD_ROW + 1, NULL, -1, 5};
	for (int i = 0; i < CSC_NINPUTS && s.count < shown; i++) {
		if (r->d->rejects[i] <= 0)
			continue;
		snprintf(name, sizeof name, "rejects_%s.csv", csc_inputs[i].name);
		char *p = csc_path_join(r->d->staging, name);
		s.input = csc_inputs[i].title;
		int rc = report_data_read_csv(p, NULL, cols, 5, 0, write_row, &s);
		free(p);
		if (rc)
			return -1;
	}
	return 0;
}

int report_dq(report *r, lxw_worksheet *ws)
{
	static const char *const cols[] = {"check", "measure", "child", "record", "date", "detail"};
	static const char *const heads[] = {"Check", "Measure", "Child", "Record", "Date", "Detail"};
	static const double widths[] = {24, 10, 14, 16, 12, 80};
	char *p = csc_path_join(r->d->dir, "dq.csv");
	struct stream s = {r, ws, 0, 0, 0, NULL, 4, 6};
	int rc = report_data_read_csv(p, NULL, cols, 6, 1, count_only, &s);
	if (rc < 0) {
		free(p);
		return -1;
	}
	long total = s.count, shown = total < r->drill_rows_per_sheet ? total : r->drill_rows_per_sheet;
	char note[256];
	snprintf(note, sizeof note, "This worksheet contains one table: %ld of %ld findings%s.",
		 shown, total, shown < total ? " (the rest are in dq.csv)" : "");
	/* one line no wider than the table: past its last column the text
	 * was cut off in print */
	sheet_intro(r, ws, "Data-quality findings", "Problems found while extracting (rows that "
		    "contradict each other are not counted) and computing (a record a rule excludes, "
		    "such as a conference before its enquiry, is not counted).", note);
	table_frame(r, ws, "DQFindings", shown, 6, heads, widths);
	xl_text(r->b, ws, HEAD_ROW, 4, heads[4], XF_HEADER_MID); /* over its centred dates */
	if (rc == 1)
		xl_text(r->b, ws, HEAD_ROW + 1, 0, "dq.csv was not produced in this run", XF_TEXT);
	else if (!shown)
		xl_text(r->b, ws, HEAD_ROW + 1, 0, "No findings", XF_TEXT);
	else {
		s = (struct stream){r, ws, 0, shown, HEAD_ROW + 1, NULL, 4, 6};
		rc = report_data_read_csv(p, NULL, cols, 6, 0, write_row, &s);
	}
	free(p);
	return rc < 0 ? -1 : 0;
}

/* Drill-down: every record of drilldown.csv in every period it lists, in
 * its own workbook (the board workbooks print; a national year's records
 * would not). */
struct drill {
	report *r;
	lxw_worksheet **ws;
	int nsheets;
	long n, total;
	const csc_date (*per)[2]; /* the periods of drilldown_periods.csv */
};

/* drilldown_periods.csv: the periods drilldown.csv numbers (its rows) and
 * the transform's count of drill-down records in each. */
static const char *const dper_cols[] = {"period_start", "period_end", "rows"};

struct dper {
	long n;
	int np;
	csc_date per[CSC_DRILL_MAXPER][2];
	const char *path;
};

static int dper_row(void *vctx, char **f, long line)
{
	struct dper *d = vctx;
	csc_date s, e;
	char *end;
	errno = 0;
	long n = strtol(f[2], &end, 10);
	if (csc_date_parse_iso(f[0], strlen(f[0]), &s) || csc_date_parse_iso(f[1], strlen(f[1]), &e) ||
	    !*f[2] || *end || errno || n < 0 || n > LONG_MAX - d->n) {
		csc_error_at(d->path, line, "expected period_start,period_end,rows (dates and a count)");
		return -1;
	}
	if (d->np == CSC_DRILL_MAXPER) {
		csc_error_at(d->path, line, "more than %d periods", CSC_DRILL_MAXPER);
		return -1;
	}
	d->per[d->np][0] = s;
	d->per[d->np++][1] = e;
	d->n += n;
	return 0;
}

/* Read drilldown_periods.csv into *d: 0, 1 when neither it nor
 * drilldown.csv exists (no drill-down), -1 after reporting. drilldown.csv
 * names its periods by this file's rows, so it cannot be read without it. */
static int read_dper(report *r, struct dper *d)
{
	char *p = csc_path_join(r->d->dir, "drilldown_periods.csv");
	d->n = 0;
	d->np = 0;
	d->path = p;
	int rc = report_data_read_csv(p, NULL, dper_cols, 3, 1, dper_row, d);
	free(p);
	if (rc != 1)
		return rc < 0 ? -1 : 0;
	p = csc_path_join(r->d->dir, "drilldown.csv");
	rc = access(p, F_OK) && errno == ENOENT;
	if (!rc)
		csc_error_at(p, 0, "its periods are the rows of drilldown_periods.csv, which is "
			     "missing: the two files are written together by csc-transform");
	free(p);
	return rc ? 1 : -1;
}

/* The count comes from drilldown_periods.csv (a pass over drilldown.csv,
 * 8 GB for a national year, was a third of the stage: BENCHMARKS.md). */
long report_drill_count(report *r)
{
	if (!r->conf->drilldown)
		return 0; /* switched off: an old drilldown.csv is not this run's */
	struct dper *d = csc_xmalloc(sizeof *d);
	int rc = read_dper(r, d);
	long n = rc < 0 ? -1 : rc ? 0 : d->n;
	free(d);
	return n;
}

static void drill_frame(report *r, lxw_worksheet *ws, int k, int nsheets, long rows, long shown,
			long total)
{
	static const char *const heads[] = {"Measure", "Breakdown", "Period start", "Period end",
					    "Child", "Record", "Role", "Reason"};
	static const double widths[] = {10, 12, 12, 12, 14, 18, 13, 70};
	char title[64], note[256], name[32];
	snprintf(title, sizeof title, "Drill-down%s", nsheets > 1 ? "" : "");
	if (nsheets > 1)
		snprintf(title, sizeof title, "Drill-down, part %d of %d", k + 1, nsheets);
	snprintf(note, sizeof note, "This worksheet contains one table of %ld records (%ld in "
		 "this workbook%s). Role: numerator = counted in numerator and denominator; "
		 "denominator = denominator only; excluded = looked at and left out, with the reason.",
		 rows, shown, shown < total ? ", the rest are in drilldown.csv" : "");
	sheet_intro(r, ws, title, "The child-level records behind each figure of the highlight and "
		    "quarterly workbooks of this period. Filter on Measure, Breakdown and Period "
		    "to check a figure by hand.", note);
	snprintf(name, sizeof name, "DrillDown%d", k + 1);
	table_frame(r, ws, name, rows, 8, heads, widths);
}

static int drill_row(void *vctx, char *const f[CSC_DRILL_NF], int per)
{
	struct drill *d = vctx;
	long rows = d->r->drill_rows_per_sheet;
	int k = (int)(d->n / rows);
	if (d->n >= d->total || k >= d->nsheets)
		return 1; /* the workbook's share is written */
	lxw_worksheet *ws = d->ws[k];
	long y = HEAD_ROW + 1 + d->n % rows;
	xl_book *b = d->r->b;
	xl_text(b, ws, y, 0, f[0], XF_TEXT);
	xl_text(b, ws, y, 1, f[1], XF_TEXT);
	xl_date(b, ws, y, 2, d->per[per - 1][0]);
	xl_date(b, ws, y, 3, d->per[per - 1][1]);
	for (int i = 2; i < CSC_DRILL_NF; i++)
		xl_text(b, ws, y, i + 2, f[i], XF_TEXT);
	d->n++;
	return b->error ? 1 : 0;
}

struct drill_read {
	csc_drill_dec *dec;
	const char *path;
	long line;
};

static int drill_csv_row(void *vctx, char **f, long line)
{
	struct drill_read *dr = vctx;
	dr->line = line;
	return csc_drill_dec_row(dr->dec, f, dr->path, line);
}

int report_drill(report *r, lxw_worksheet **ws, int nsheets, long total)
{
	long per = r->drill_rows_per_sheet;
	long shown = total < r->drill_max ? total : r->drill_max;
	for (int k = 0; k < nsheets; k++) {
		long rows = shown - (long)k * per;
		drill_frame(r, ws[k], k, nsheets, rows > per ? per : rows, shown, total);
	}
	if (!shown) {
		xl_text(r->b, ws[0], HEAD_ROW + 1, 0, r->conf->drilldown
			? "No drill-down records in this run"
			: "Drill-down switched off in pipeline.conf (drilldown = no)", XF_TEXT);
		return 0;
	}
	struct dper *dp = csc_xmalloc(sizeof *dp);
	int rc = read_dper(r, dp);
	char *p = csc_path_join(r->d->dir, "drilldown.csv");
	struct drill d = {r, ws, nsheets, 0, shown, (const csc_date(*)[2])dp->per};
	struct drill_read dr = {NULL, p, 0};
	if (!rc) {
		dr.dec = csc_drill_dec_new(dp->np, drill_row, &d);
		rc = report_data_read_csv(p, NULL, csc_drill_header, 8, 0, drill_csv_row, &dr);
		if (!rc)
			rc = csc_drill_dec_end(dr.dec, p, dr.line);
		csc_drill_dec_free(dr.dec);
	}
	if (rc >= 0 && d.n < shown) {
		/* the counts came from drilldown_periods.csv and do not match */
		csc_error_at(p, 0, "%ld drill-down rows, drilldown_periods.csv says %ld: the two "
			     "files are not from one run", d.n, total);
		rc = -1;
	}
	free(p);
	free(dp);
	return rc < 0 ? -1 : 0;
}
