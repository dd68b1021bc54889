/* report_strand.c - a strand sheet: one table laid out by the template, then
 * a line chart of each row the template marks `chart`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "report_ctx.h"
#include "report_cell.h"
#include "report_publish.h"

#define FIRST_ROW_TEXT "How will we know we have been successful?"
#define TABLE_ROW 4     /* the header row; rows above hold title and notes */
#define CHART_W 420
#define CHART_H 190
#define CHART_ROWS 11   /* rows a chart and its gap cover at the default height (20 px) */
#define CHART_GAP 20    /* pixels between charts side by side */
#define CHARTS_MAX 4    /* charts side by side at most */
#define TEXT_W 55       /* width of the first column (the measure) */
#define NOTES_W 36      /* width of the Notes column (wider shrinks the printed page):
			 * a headcount row's note on one line */

int report_check_template(const report *r)
{
	int bad = 0;
	for (int s = 0; s < r->t->nsheets; s++)
		for (int i = 0; i < r->t->sheets[s].nrows; i++) {
			const report_tpl_row *row = &r->t->sheets[s].rows[i];
			const report_data_def *d = report_data_find_def(r->d, row->measure);
			if (!d) {
				csc_error_at(r->t->path, row->line,
					     "measure %s is not in definitions.csv", row->measure);
				bad = 1;
			} else if (report_cell_kind_of(d->f[REPORT_DATA_D_KIND]) < 0) {
				csc_error_at(r->t->path, row->line,
					     "measure %s has unknown kind '%.30s' in definitions.csv",
					     row->measure, d->f[REPORT_DATA_D_KIND]);
				bad = 1;
			}
		}
	return bad ? -1 : 0;
}

int report_chart_rows(const report_tpl *t)
{
	int n = 0;
	for (int s = 0; s < t->nsheets; s++)
		for (int i = 0; i < t->sheets[s].nrows; i++)
			n += t->sheets[s].rows[i].chart;
	return n;
}

static int nseries(const report *r)
{
	int n = 0;
	for (int i = 0; i < r->ncols; i++)
		n += r->cols[i].series;
	return n;
}

/* Chart data's row-text column, in Excel character units */
#define CHART_TEXT_WIDTH 64

void report_chart_data_start(report *r)
{
	lxw_worksheet *ws = r->chart_ws;
	const char *heads[4 * REPORT_PERIOD_MAX_COLS + 2] = {"Sheet", "Row"};
	static char nd_heads[3 * REPORT_PERIOD_MAX_COLS][48];
	int k = 2, j = 0;
	for (int i = 0; i < r->ncols; i++)
		if (r->cols[i].series)
			heads[k++] = r->cols[i].head;
	/* then the numerator and denominator of each, so "0.0%" of 2 and of
	 * 200 can be told apart */
	for (int i = 0; i < r->ncols && !r->pub; i++)
		if (r->cols[i].series) {
			snprintf(nd_heads[j], sizeof nd_heads[j], "Number %s", r->cols[i].head);
			heads[k++] = nd_heads[j++];
			snprintf(nd_heads[j], sizeof nd_heads[j], "Out of %s", r->cols[i].head);
			heads[k++] = nd_heads[j++];
		}
	/* then each period's target: the charts' target line */
	for (int i = 0; i < r->ncols; i++)
		if (r->cols[i].series) {
			snprintf(nd_heads[j], sizeof nd_heads[j], "Target %s", r->cols[i].head);
			heads[k++] = nd_heads[j++];
		}
	xl_title(r->b, ws, 0, "Chart data: the figures behind the line charts");
	xl_text(r->b, ws, 1, 0, "Blank cells are periods with no cases, suppressed ([c]) or "
		"not available figures, so that the charts leave a gap rather than plot 0. "
		"Number and Out of are the numerator and denominator of each figure (for a "
		"rate, Out of is the 0-17 population; a count has no Out of); Target is the "
		"period's target (the dashed line), blank when none is set.",
		XF_TEXT);
	long last = 2 + (r->nchart_rows ? r->nchart_rows : 1);
	xl_table(r->b, ws, "ChartData", 2, last, k, heads);
	/* right over their figures: left-aligned, "Out of Jul 26" and
	 * "Number Aug 26" read as one heading in print */
	for (int i = 2; i < k; i++)
		xl_text(r->b, ws, 2, i, heads[i], XF_HEADER_NUM);
	worksheet_freeze_panes(ws, 3, 0);
	xl_check(r->b, worksheet_repeat_rows(ws, 2, 2));
	worksheet_set_row(ws, 2, 30, NULL); /* "Number Q1 2025-26" wraps to two lines */
	worksheet_set_column(ws, 0, 0, 22, NULL);
	/* most row texts whole on one line; a longer one ("Reduced % of child
	 * protection plans that are second or subsequent (12 months to the
	 * month end)") wraps in chart_data_row rather than run under its
	 * figures */
	worksheet_set_column(ws, 1, 1, CHART_TEXT_WIDTH, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(k - 1), 11, NULL);
	if (!r->nchart_rows)
		xl_text(r->b, ws, 3, 0, "No charts in this report", XF_TEXT);
	r->chart_row = 3;
}

struct notes {
	char nocases[256], missing[256], nodata[256];
	int suppressed, published;
	const char *unavailable;
	const char *headcount; /* a headcount row's note (headcount_note) */
};

/* The Notes cell of a headcount row, by the kind of the figure it counts
 * for: one line in the Notes column (the Notes sheet's [z] explains that
 * target, comparators, RAG and trend belong to that figure). Naming the
 * measure again took four or five wrapped lines beside a one-line row. */
static const char *const headcount_note[] = {
	[REPORT_CELL_COUNT] = "The count itself ([z]: Notes sheet)",
	[REPORT_CELL_PCT] = "Numerator of the % ([z]: Notes sheet)",
	[REPORT_CELL_RATE] = "Numerator of the rate ([z]: Notes sheet)"};

static void add_period(char *buf, size_t cap, const char *head)
{
	size_t n = strlen(buf);
	if (n + strlen(head) + 3 < cap)
		snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", head);
}

static void notes_text(const struct notes *n, char *out, size_t cap)
{
	out[0] = '\0';
	size_t k = 0;
	if (n->headcount)
		k += (size_t)snprintf(out + k, cap - k, "%s ", n->headcount);
	if (k < cap && n->unavailable)
		k += (size_t)snprintf(out + k, cap - k, "Not available in this run ([x]): %s. ",
				      n->unavailable);
	if (k < cap && n->nocases[0])
		k += (size_t)snprintf(out + k, cap - k,
				      "No cases in %s ([z]: nothing to count, so no percentage or rate). ",
				      n->nocases);
	if (k < cap && n->suppressed)
		k += (size_t)snprintf(out + k, cap - k, "%s",
				      n->published ? "[c] = confidential: see the Notes sheet. "
						   : "c = suppressed: fewer than 6 records behind the figure. ");
	if (k < cap && n->nodata[0])
		k += (size_t)snprintf(out + k, cap - k, "No data for %s ([x]): the data ends before. ",
				      n->nodata);
	if (k < cap && n->missing[0])
		snprintf(out + k, cap - k, "No figure in measures.csv for %s ([x]). ", n->missing);
	size_t len = strlen(out);
	if (len && out[len - 1] == ' ')
		out[len - 1] = '\0';
}

static const char *unavailable_reason(const report_data_def *d)
{
	const char *a = d->f[REPORT_DATA_D_AVAILABLE];
	if (!strcmp(a, "yes"))
		return NULL;
	if (!strncmp(a, "no: ", 4) && a[4])
		return a + 4;
	return "its input is not configured";
}

static const char *good_text(const char *g)
{
	if (!strcmp(g, "High"))
		return "High";
	if (!strcmp(g, "Low"))
		return "Low";
	return "Context only";
}

/* A text cell in the publication edition: the Analysis Function shorthand. */
static const char *const pub_text[] = {[REPORT_CELL_NOCASES] = "[z]", [REPORT_CELL_SUPPRESSED] = "[c]",
				       [REPORT_CELL_MISSING] = "[x]", [REPORT_CELL_UNAVAILABLE] = "[x]",
				       [REPORT_CELL_NONE] = "[x]"};

static void put(report *r, lxw_worksheet *ws, long row, int col, report_cell c)
{
	if (r->pub && c.why != REPORT_CELL_OK)
		c.text = pub_text[c.why];
	report_cell_write(r->b, ws, row, col, &c);
}

static void write_rag(report *r, lxw_worksheet *ws, long row, int col, const report_data_rag *rg)
{
	if (r->src && r->src->illustrative) {
		/* made-up targets score nothing (the cover says why) */
		if (rg && *rg->f[REPORT_DATA_RAG])
			xl_text(r->b, ws, row, col, "not scored", XF_CENTER);
		else
			xl_text(r->b, ws, row, col, "[z]", XF_CENTER);
		return;
	}
	static const struct { const char *word; enum xl_fmt fmt; } rag[] = {
		{"Green", XF_GREEN}, {"Amber", XF_AMBER}, {"Red", XF_RED}};
	const char *w = rg ? rg->f[REPORT_DATA_RAG] : "";
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(w, rag[i].word)) {
			xl_text(r->b, ws, row, col, rag[i].word, rag[i].fmt);
			return;
		}
	xl_text(r->b, ws, row, col, "[z]", XF_CENTER); /* no target set */
}

/* No trend: "[z]" for a measure without a direction, else "[x]" (no
 * previous period to compare with). */
static void write_trend(report *r, lxw_worksheet *ws, long row, int col, const report_data_rag *rg,
			const report_data_def *d)
{
	static const struct { const char *in, *out; } trend[] = {
		{"better", "Better"}, {"worse", "Worse"}, {"same", "Same"}};
	const char *w = rg ? rg->f[REPORT_DATA_TREND] : "";
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(w, trend[i].in)) {
			xl_text(r->b, ws, row, col, trend[i].out, XF_CENTER);
			return;
		}
	const char *g = good_text(d->f[REPORT_DATA_D_GOOD]);
	xl_text(r->b, ws, row, col, strcmp(g, "Context only") ? "[x]" : "[z]", XF_CENTER);
}

/* Chart titles and series names starting with '=' would be read by
 * libxlsxwriter as a cell reference: keep them text. */
static const char *chart_text(const char *s, char *buf, size_t cap)
{
	if (s[0] != '=')
		return s;
	snprintf(buf, cap, " %s", s);
	return buf;
}

/* Charts side by side under a table whose columns are widths[0..n-1]:
 * as many as its width holds (1 to CHARTS_MAX), so they print no wider
 * than the table. */
static int charts_across(const double *widths, int n)
{
	double px = 0;
	for (int i = 0; i < n; i++)
		px += xl_col_px(widths[i]);
	int k = (int)((px + CHART_GAP) / (CHART_W + CHART_GAP));
	return k < 1 ? 1 : k > CHARTS_MAX ? CHARTS_MAX : k;
}

/* Where a row's chart goes and what it plots. */
struct chart_at {
	long data_row, base_row;
	int index, across;
};

/* The line chart of one table row: its figures, and a dashed target line
 * when any period has a target; the value axis from the plotted values
 * (report_cell_axis), so that a series between 80% and 95% is not drawn flat. */
static void add_chart(report *r, lxw_worksheet *ws, const report_tpl_row *row, enum report_cell_kind k,
		      const report_cell *cells, const report_cell *tgt, const struct chart_at *at)
{
	int ns = nseries(r);
	lxw_chart *ch = workbook_add_chart(r->b->wb, LXW_CHART_LINE);
	if (!ch) {
		xl_check(r->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, "Chart data", 2, 2, 2, (lxw_col_t)(ns + 1));
	chart_series_set_values(s, "Chart data", (lxw_row_t)at->data_row, 2,
				(lxw_row_t)at->data_row, (lxw_col_t)(ns + 1));
	char buf[REPORT_TPL_MAX_TEXT + 2];
	chart_series_set_name(s, chart_text(row->text, buf, sizeof buf));
	chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
	double v[2 * REPORT_PERIOD_MAX_COLS];
	int nv = 0, ntgt = 0;
	for (int i = 0; i < r->ncols; i++) {
		if (!r->cols[i].series)
			continue;
		if (cells[i].why == REPORT_CELL_OK)
			v[nv++] = cells[i].v;
		if (tgt[i].why == REPORT_CELL_OK) {
			v[nv++] = tgt[i].v;
			ntgt++;
		}
	}
	if (ntgt) {
		/* the Target columns follow the values and (not in the
		 * publication edition) the n and N of each period */
		int first = 2 + ns * (r->pub ? 1 : 3);
		lxw_chart_series *t = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(t, "Chart data", 2, 2, 2, (lxw_col_t)(ns + 1));
		chart_series_set_values(t, "Chart data", (lxw_row_t)at->data_row, (lxw_col_t)first,
					(lxw_row_t)at->data_row, (lxw_col_t)(first + ns - 1));
		chart_series_set_name(t, "Target");
		chart_series_set_marker_type(t, LXW_CHART_MARKER_NONE);
		lxw_chart_line tl = {.color = 0xC00000, .width = 1.25,
				     .dash_type = LXW_CHART_LINE_DASH_DASH};
		chart_series_set_line(t, &tl);
		/* only the target in the legend: the title names the figure */
		int16_t del[] = {0, -1};
		chart_legend_delete_series(ch, del);
		chart_legend_set_position(ch, LXW_CHART_LEGEND_TOP);
	} else {
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	}
	chart_title_set_name(ch, chart_text(row->text, buf, sizeof buf));
	lxw_chart_font tf = {.size = 10, .bold = LXW_TRUE};
	chart_title_set_name_font(ch, &tf);
	chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);
	lxw_chart_axis *y = ch->y_axis;
	double lo, hi, step;
	if (report_cell_axis(v, nv, k, &lo, &hi, &step) == 0) {
		chart_axis_set_min(y, lo);
		chart_axis_set_max(y, hi);
		chart_axis_set_major_unit(y, step);
	} else {
		chart_axis_set_min(y, 0);
		step = 1;
	}
	/* a step under a whole percentage point needs a decimal */
	chart_axis_set_num_format(y, k == REPORT_CELL_PCT ? (step < 0.00999 ? "0.0%" : "0%")
				  : k == REPORT_CELL_RATE ? "0.0" : "#,##0");
	lxw_chart_options opt = {.x_offset = (at->index % at->across) * (CHART_W + CHART_GAP),
				 .y_offset = 10, .x_scale = CHART_W / 480.0,
				 .y_scale = CHART_H / 288.0, .description = row->text};
	xl_check(r->b, worksheet_insert_chart_opt(ws, (lxw_row_t)(at->base_row + (at->index /
				  at->across) * CHART_ROWS), 0, ch, &opt));
}

/* The numerator and denominator behind one figure, as shown. */
struct nd {
	report_cell n, d;
};

static void chart_data_row(report *r, const report_tpl_sheet *sh, const report_tpl_row *row,
			   const report_cell *cells, const struct nd *nd, const report_cell *tgt)
{
	lxw_worksheet *ws = r->chart_ws;
	long y = r->chart_row++;
	xl_text(r->b, ws, y, 0, sh->name, XF_TEXT);
	xl_text_wrapped(r->b, ws, y, 1, row->text, CHART_TEXT_WIDTH);
	int k = 2;
	for (int i = 0; i < r->ncols; i++) {
		if (!r->cols[i].series)
			continue;
		if (cells[i].why == REPORT_CELL_OK)
			xl_num(r->b, ws, y, k, cells[i].v, cells[i].fmt);
		k++;
	}
	for (int i = 0; i < r->ncols && !r->pub; i++) {
		if (!r->cols[i].series)
			continue;
		if (nd[i].n.why == REPORT_CELL_OK)
			xl_num(r->b, ws, y, k, nd[i].n.v, XF_COUNT);
		if (nd[i].d.why == REPORT_CELL_OK)
			xl_num(r->b, ws, y, k + 1, nd[i].d.v, XF_COUNT);
		k += 2;
	}
	for (int i = 0; i < r->ncols; i++) {
		if (!r->cols[i].series)
			continue;
		if (tgt[i].why == REPORT_CELL_OK)
			xl_num(r->b, ws, y, k, tgt[i].v, tgt[i].fmt);
		k++;
	}
}

/* A numerator or denominator cell: "[x]" when the figure has none, "[c]"
 * when publication mode suppresses it (1-5), "[z]" when it does not apply
 * (the denominator of a count). */
static report_cell nd_cell(const report_data_measure *m, int has, double x, int applies, int publication)
{
	if (!applies)
		return (report_cell){REPORT_CELL_NONE, 0, "[z]", XF_NOTE_NUM};
	if (!m || !has)
		return (report_cell){REPORT_CELL_MISSING, 0, "[x]", XF_NOTE_NUM};
	if (publication && x >= 1 && x <= 5)
		return (report_cell){REPORT_CELL_SUPPRESSED, 0, "[c]", XF_NOTE_NUM};
	return (report_cell){REPORT_CELL_OK, x, NULL, XF_COUNT};
}

/* n and N of one measures.csv row shown as kind k; a headcount row (the
 * numerator shown as a count) has neither. */
static struct nd nd_of(const report_data_measure *m, enum report_cell_kind k, int number, int publication)
{
	if (number)
		return (struct nd){nd_cell(m, 0, 0, 0, 0), nd_cell(m, 0, 0, 0, 0)};
	if (k == REPORT_CELL_COUNT)
		return (struct nd){nd_cell(m, m && m->has_value, m ? m->value : 0, 1, publication),
				   nd_cell(m, 0, 0, 0, 0)};
	return (struct nd){nd_cell(m, m && m->has_num, m ? m->num : 0, 1, publication),
			   nd_cell(m, m && m->has_den, m ? m->den : 0, 1, publication)};
}

/* The measures.csv row of a headcount row: its numerator as the value. */
static const report_data_measure *as_count(const report_data_measure *m, report_data_measure *buf)
{
	if (!m)
		return NULL;
	*buf = *m;
	buf->value = m->num;
	buf->has_value = m->has_num;
	buf->has_den = 0;
	return buf;
}

/* The publication edition leaves out the numerator and denominator
 * columns: its suppression (report_publish.h) is decided on the figures,
 * and n and N beside figures that are shown could give away one that is
 * not (a breakdown's n from the total's and the other breakdowns'). */
static int col_shown(const report *r, enum report_tpl_col c)
{
	return !(r->pub && (c == REPORT_TPL_COL_NUM || c == REPORT_TPL_COL_DEN));
}

void report_strand(report *r, const report_tpl_sheet *sh, lxw_worksheet *ws)
{
	const report_tpl *t = r->t;
	const char *heads[REPORT_TPL_MAX_COLS + REPORT_PERIOD_MAX_COLS + 1];
	int nh = 0;
	heads[nh++] = FIRST_ROW_TEXT;
	for (int c = 0; c < t->ncols; c++) {
		if (t->cols[c] == REPORT_TPL_COL_PERIODS)
			for (int i = 0; i < r->ncols; i++)
				heads[nh++] = r->cols[i].head;
		else if (col_shown(r, t->cols[c]))
			heads[nh++] = report_tpl_col_header(t->cols[c]);
	}

	int ncharts = 0;
	for (int i = 0; i < sh->nrows; i++)
		ncharts += sh->rows[i].chart;

	xl_text(r->b, ws, 0, 0, sh->title, XF_TITLE);
	worksheet_set_row(ws, 0, 21, NULL); /* the 16-point title clears row 1 */
	char line[768], span[REPORT_PERIOD_SPAN];
	report_period_span(r->cols, r->ncols, span);
	int len = snprintf(line, sizeof line, "%s. %s: %s.", r->conf->la_name, t->title, span);
	if (report_data_partial(r->d, r->period_end) && len > 0 && (size_t)len < sizeof line) {
		char d[CSC_DATE_BUFSZ];
		snprintf(line + len, sizeof line - (size_t)len,
			 " Partial: data to %s (%s); periods after it have no figures.",
			 csc_date_dmy(r->d->data_to, d), r->d->data_by);
	}
	xl_text(r->b, ws, 1, 0, line, XF_TEXT);
	/* Two lines no longer than the table is wide: text past its last
	 * column is cut off in print. */
	snprintf(line, sizeof line,
		 "Target, England, statistical neighbours, RAG, trend, Number (n) and Out of (N) "
		 "refer to %s. %s", r->cmp.head,
		 r->src && r->src->illustrative
		 ? "RAG not scored (illustrative comparators): the comparators and targets are "
		   "made up for demonstration (the Cover)."
		 : "RAG: Green on or better than target, Amber within tolerance, Red otherwise.");
	xl_text(r->b, ws, 2, 0, line, XF_TEXT);
	const char *key = "Percentages and rates are rounded to 1 decimal place; [x] not available, "
			  "[z] not applicable, [c] suppressed (the Notes sheet).";
	if (ncharts)
		snprintf(line, sizeof line, "This worksheet contains one table, the commentary and "
			 "actions below it, then %d line chart%s. %s", ncharts,
			 ncharts == 1 ? "" : "s", key);
	else
		snprintf(line, sizeof line, "This worksheet contains one table, the commentary and "
			 "actions below it. %s", key);
	xl_text(r->b, ws, 3, 0, line, XF_TEXT);

	long first = TABLE_ROW, last = TABLE_ROW + sh->nrows;
	xl_table(r->b, ws, sh->name, first, last, nh, heads);
	worksheet_freeze_panes(ws, (lxw_row_t)(first + 1), 1);
	xl_check(r->b, worksheet_repeat_rows(ws, (lxw_row_t)first, (lxw_row_t)first));
	/* Headers aligned with their cells: figures right, RAG and trend centred. */
	static const enum xl_fmt head_fmt[REPORT_TPL_NCOLKINDS] = {
		[REPORT_TPL_COL_PERIODS] = XF_HEADER_NUM, [REPORT_TPL_COL_TARGET] = XF_HEADER_NUM,
		[REPORT_TPL_COL_ENGLAND] = XF_HEADER_NUM, [REPORT_TPL_COL_STATNB] = XF_HEADER_NUM,
		[REPORT_TPL_COL_REGION] = XF_HEADER_NUM, [REPORT_TPL_COL_RAG] = XF_HEADER_MID,
		[REPORT_TPL_COL_TREND] = XF_HEADER_MID, [REPORT_TPL_COL_NUM] = XF_HEADER_NUM,
		[REPORT_TPL_COL_DEN] = XF_HEADER_NUM};
	/* One width per column: LibreOffice keeps the first of overlapping
	 * column ranges, so a wide Notes column inside a narrow range is lost. */
	worksheet_set_column(ws, 0, 0, TEXT_W, NULL);
	double widths[REPORT_TPL_MAX_COLS + REPORT_PERIOD_MAX_COLS + 1];
	widths[0] = TEXT_W;
	int col = 1, has_notes = 0;
	for (int c = 0; c < t->ncols; c++) {
		has_notes |= t->cols[c] == REPORT_TPL_COL_NOTES;
		int n = t->cols[c] == REPORT_TPL_COL_PERIODS ? r->ncols : col_shown(r, t->cols[c]);
		for (int k = col; k < col + n; k++) {
			/* A long period heading ("2026-27 to Oct 26") gets the
			 * width to stay whole rather than strand its last word. */
			double w = t->cols[c] == REPORT_TPL_COL_NOTES ? NOTES_W : 12;
			if (t->cols[c] == REPORT_TPL_COL_PERIODS && strlen(heads[k]) > 12)
				w = (double)strlen(heads[k]) + 1;
			worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, w, NULL);
			widths[k] = w;
			if (head_fmt[t->cols[c]])
				xl_text(r->b, ws, first, k, heads[k], head_fmt[t->cols[c]]);
		}
		col += n;
	}
	worksheet_set_row(ws, (lxw_row_t)first, 30, NULL);

	long chart_base = report_commentary(r, sh, ws, last + 2) + 2;
	int chart_index = 0, across = charts_across(widths, nh);
	for (int i = 0; i < sh->nrows; i++) {
		const report_tpl_row *row = &sh->rows[i];
		const report_data_def *d = report_data_find_def(r->d, row->measure);
		enum report_cell_kind k = (enum report_cell_kind)report_cell_kind_of(d->f[REPORT_DATA_D_KIND]);
		/* a headcount row shows the numerator of its measure as a count */
		enum report_cell_kind shown = row->number ? REPORT_CELL_COUNT : k;
		int pub = r->conf->publication_mode && !r->pub;
		const char *why_na = unavailable_reason(d);
		const report_data_rag *rg = report_data_find_rag(r->d, row->measure, row->breakdown, r->cmp.start,
					       r->cmp.end);
		long y = first + 1 + i;
		report_cell cells[REPORT_PERIOD_MAX_COLS];
		struct nd nd[REPORT_PERIOD_MAX_COLS];
		struct notes n = {.unavailable = why_na, .published = r->pub != NULL,
				  .headcount = row->number ? headcount_note[k] : NULL};
		for (int p = 0; p < r->ncols; p++) {
			nd[p] = nd_of(NULL, k, row->number, pub);
			if (why_na) {
				cells[p] = (report_cell){REPORT_CELL_UNAVAILABLE, 0, "[x]", XF_NOTE_NUM};
				continue;
			}
			if (r->d->data_to != CSC_NODATE && r->cols[p].start > r->d->data_to) {
				/* the transform computed nothing for it: no zero either */
				cells[p] = (report_cell){REPORT_CELL_NONE, 0, "[x]", XF_NOTE_NUM};
				add_period(n.nodata, sizeof n.nodata, r->cols[p].head);
				continue;
			}
			const report_data_measure *m = report_data_find_measure(r->d, row->measure, row->breakdown,
							      r->cols[p].start, r->cols[p].end);
			const report_data_measure *m0 = m; /* the row itself: the edition's state is per row */
			report_data_measure cnt;
			if (row->number)
				m = as_count(m, &cnt);
			cells[p] = report_cell_value(m, shown, pub);
			nd[p] = nd_of(m, k, row->number, pub);
			if (report_pub_hidden(r, m0)) {
				cells[p] = (report_cell){REPORT_CELL_SUPPRESSED, 0, "[c]", XF_NOTE_NUM};
				nd[p] = (struct nd){cells[p], cells[p]};
			}
			if (cells[p].why == REPORT_CELL_NOCASES)
				add_period(n.nocases, sizeof n.nocases, r->cols[p].head);
			else if (cells[p].why == REPORT_CELL_MISSING)
				add_period(n.missing, sizeof n.missing, r->cols[p].head);
			else if (cells[p].why == REPORT_CELL_SUPPRESSED)
				n.suppressed = 1;
		}
		/* RAG places the comparator figure against its target, and a
		 * trend against another period: either can give away a [c]. */
		int cmp_hidden = report_pub_hidden(r, report_data_find_measure(r->d, row->measure,
								      row->breakdown, r->cmp.start,
								      r->cmp.end));
		int any_hidden = report_pub_any_hidden(r, row->measure, row->breakdown);
		/* n and N of the compared period */
		const report_data_measure *mc = NULL;
		report_data_measure cntc;
		if (!why_na && !(r->d->data_to != CSC_NODATE && r->cmp.start > r->d->data_to))
			mc = report_data_find_measure(r->d, row->measure, row->breakdown, r->cmp.start,
					     r->cmp.end);
		if (row->number)
			mc = as_count(mc, &cntc);
		struct nd ndc = nd_of(mc, k, row->number, pub);
		xl_text(r->b, ws, y, 0, row->text, XF_WRAP);
		char note[1024 + REPORT_COMM_MAX_TEXT * 4 + 2];
		const char *said = report_comm_note(r->comm, sh->name, r->period_end, row->measure,
					   row->breakdown);
		int k0 = said ? snprintf(note, sizeof note, "%s", said) : 0;
		notes_text(&n, note + k0 + (k0 > 0), sizeof note - (size_t)k0 - 1);
		if (k0 > 0)
			note[k0] = note[k0 + 1] ? ' ' : '\0';
		int x = 1;
		for (int c = 0; c < t->ncols; c++) {
			report_cell cc;
			switch (t->cols[c]) {
			case REPORT_TPL_COL_GOOD:
				xl_text(r->b, ws, y, x++, good_text(d->f[REPORT_DATA_D_GOOD]), XF_TEXT);
				break;
			case REPORT_TPL_COL_PERIODS:
				for (int p = 0; p < r->ncols; p++)
					put(r, ws, y, x++, cells[p]);
				break;
			case REPORT_TPL_COL_TARGET:
			case REPORT_TPL_COL_ENGLAND:
			case REPORT_TPL_COL_STATNB:
			case REPORT_TPL_COL_REGION: {
				static const int field[] = {[REPORT_TPL_COL_TARGET] = REPORT_DATA_TARGET,
							    [REPORT_TPL_COL_ENGLAND] = REPORT_DATA_ENGLAND,
							    [REPORT_TPL_COL_STATNB] = REPORT_DATA_STATNB,
							    [REPORT_TPL_COL_REGION] = REPORT_DATA_REGION};
				cc = report_cell_comparator(rg ? rg->f[field[t->cols[c]]] : NULL, k);
				if (t->cols[c] == REPORT_TPL_COL_TARGET && cc.why != REPORT_CELL_OK)
					cc.text = "[z]"; /* no target set, not a missing figure */
				if (row->number)
					cc = (report_cell){REPORT_CELL_NONE, 0, "[z]", XF_NOTE_NUM};
				put(r, ws, y, x++, cc);
				break;
			}
			case REPORT_TPL_COL_RAG:
			case REPORT_TPL_COL_TREND:
				if (t->cols[c] == REPORT_TPL_COL_RAG ? cmp_hidden : any_hidden)
					xl_text(r->b, ws, y, x, "[c]", XF_CENTER);
				else if (row->number)
					xl_text(r->b, ws, y, x, "[z]", XF_CENTER);
				else if (t->cols[c] == REPORT_TPL_COL_RAG)
					write_rag(r, ws, y, x, rg);
				else
					write_trend(r, ws, y, x, rg, d);
				x++;
				break;
			case REPORT_TPL_COL_NUM:
				if (!r->pub) /* not in the publication edition (below) */
					put(r, ws, y, x++, ndc.n);
				break;
			case REPORT_TPL_COL_DEN:
				if (!r->pub)
					put(r, ws, y, x++, ndc.d);
				break;
			case REPORT_TPL_COL_NOTES:
				xl_text(r->b, ws, y, x++, note, XF_WRAP); /* blank when nothing to say */
				break;
			case REPORT_TPL_NCOLKINDS:
				break;
			}
		}
		/* Wrapped text needs a taller row where LibreOffice would
		 * otherwise draw it over the next one. */
		const char *wrapped[] = {row->text, note};
		const double wrap_w[] = {TEXT_W, NOTES_W};
		double h = xl_wrap_height(wrapped, wrap_w, has_notes ? 2 : 1);
		if (h > 0)
			worksheet_set_row(ws, (lxw_row_t)y, h, NULL);
		if (row->chart) {
			/* each period's target (rag.csv; a headcount row has none) */
			report_cell tgt[REPORT_PERIOD_MAX_COLS];
			for (int p = 0; p < r->ncols; p++) {
				const report_data_rag *tr = row->number ? NULL
					: report_data_find_rag(r->d, row->measure, row->breakdown,
						      r->cols[p].start, r->cols[p].end);
				tgt[p] = report_cell_comparator(tr ? tr->f[REPORT_DATA_TARGET] : NULL, shown);
			}
			struct chart_at at = {r->chart_row, chart_base, chart_index++, across};
			chart_data_row(r, sh, row, cells, nd, tgt);
			add_chart(r, ws, row, shown, cells, tgt, &at);
		}
	}
	if (!ncharts)
		return;
	xl_text(r->b, ws, chart_base - 1, 0, "Charts of the series in the table (figures on the "
		"Chart data sheet)", XF_SUBTITLE);
	/* Each row of charts prints on one page, the first with its heading. */
	int nrows = (ncharts + across - 1) / across;
	long *bfirst = csc_xcalloc((size_t)nrows, sizeof *bfirst);
	long *brows = csc_xcalloc((size_t)nrows, sizeof *brows);
	for (int i = 0; i < nrows; i++) {
		bfirst[i] = chart_base + (long)i * CHART_ROWS;
		brows[i] = CHART_ROWS;
	}
	bfirst[0]--;
	brows[0]++;
	xl_keep_blocks(r->b, ws, xl_fit_scale(widths, nh), first, bfirst, brows, nrows);
	free(bfirst);
	free(brows);
}
