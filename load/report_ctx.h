/*
 * report_ctx.h - one workbook being laid out from a template.
 *
 * report_main.c fills a `report` per template and calls the sheet writers
 * (report_strand.c for the strand tables and charts, report_sheets.c for the
 * cover, contents, definitions, data-quality and drill-down sheets).
 */
#ifndef REPORT_CTX_H
#define REPORT_CTX_H

#include "csc_conf.h"
#include "pub_suppress.h"
#include "report_comm.h"
#include "report_data.h"
#include "report_period.h"
#include "report_sources.h"
#include "report_tpl.h"
#include "xl_book.h"

typedef struct report {
	const csc_conf *conf;
	const report_data *d;
	const report_tpl *t;
	const report_comm *comm;             /* the commentary file; NULL when not configured */
	const report_src_info *src;        /* comparators.csv's provenance; NULL: no such file */
	xl_book *b;
	csc_date period_end;
	/* The publication edition (report_publish.h): the suppression state
	 * of each d->m row; NULL for the internal workbooks. */
	const enum report_sup_state *pub;
	/* The drill-down workbook: cover, contents and every drill-down row,
	 * never a strand (the board workbooks are for print). */
	int drill;
	report_period_col cols[REPORT_PERIOD_MAX_COLS];  /* the period columns */
	int ncols;
	report_period_col cmp;                /* the comparator period */
	long drill_rows_per_sheet; /* data rows per drill-down sheet */
	long drill_max;            /* drill-down rows kept in the workbook (memory bound) */
	/* Chart data sheet, written as strand sheets ask for series. */
	lxw_worksheet *chart_ws;
	long chart_row;
	int nchart_rows;
} report;

/* Check every template row names a measure in definitions.csv; prints
 * "template:line: message" for each that does not. 0 or -1. */
int report_check_template(const report *r);

/* Rows the template charts (the Chart data table's size). */
int report_chart_rows(const report_tpl *t);

/* The strand table and its charts on ws. */
void report_strand(report *r, const report_tpl_sheet *sh, lxw_worksheet *ws);

/* The commentary section of strand sh from row y down (report_comm_sheet.c);
 * returns the first row after it. */
long report_commentary(report *r, const report_tpl_sheet *sh, lxw_worksheet *ws, long y);

/* The header row of the Chart data table (before any strand). */
void report_chart_data_start(report *r);

/* The workbook's title after the authority's name ("Children's social
 * care highlight report", "Drill-down: ..."), into out. */
void report_title(const report *r, char *out, size_t cap);

/* The fixed sheets. */
void report_cover(report *r, lxw_worksheet *ws);
/* The cover's table of input files and record counts from row y; returns
 * the row after it. */
long report_cover_inputs(report *r, lxw_worksheet *ws, long y);
void report_contents(report *r, lxw_worksheet *ws, const char *const *names,
		     const char *const *descs, int n);
void report_notes(report *r, lxw_worksheet *ws);
void report_definitions(report *r, lxw_worksheet *ws);
void report_recon(report *r, lxw_worksheet *ws);
/* Streamed sheets; return -1 after printing a read error. */
int report_rejects(report *r, lxw_worksheet *ws);
int report_dq(report *r, lxw_worksheet *ws);

/* Rows of drilldown.csv, counted first so the drill-down sheets can be
 * planned: from drilldown_periods.csv when present, else from a pass over
 * drilldown.csv; 0 when drilldown = no; -1 after printing a read error. */
long report_drill_count(report *r);
/* Write the first drill_max of them over the given sheets (each holds
 * drill_rows_per_sheet rows). */
int report_drill(report *r, lxw_worksheet **ws, int nsheets, long total);

#endif
