/*
 * report_tpl.h - report templates: the layout of a workbook as data.
 *
 * A template (templates/README.md) names the report, its period columns,
 * the comparator period, the table columns and, per strand sheet, the rows
 * in order (measure ID, breakdown, row text, whether to chart it). The
 * parser takes hostile bytes: every line is bounded, every name checked, and
 * every problem reported as "prog: file:line: message".
 */
#ifndef REPORT_TPL_H
#define REPORT_TPL_H

#include <stddef.h>

#define REPORT_TPL_MAX_LINE 4096    /* bytes in one line */
#define REPORT_TPL_MAX_TEXT 1024    /* bytes in a title or a row text */
#define REPORT_TPL_MAX_SHEETS 32
#define REPORT_TPL_MAX_ROWS 200     /* rows in one sheet */
#define REPORT_TPL_MAX_COLS 16
#define REPORT_TPL_MAX_ID 15        /* bytes in a measure ID */
#define REPORT_TPL_MAX_BREAKDOWN 63
#define REPORT_TPL_MAX_SHEETNAME 31 /* Excel's limit, in characters */

/* Which period columns a report shows. */
enum report_tpl_periods {
	REPORT_TPL_MONTHS,   /* the last months_shown months to period_end */
	REPORT_TPL_QUARTERS, /* FY quarters of the previous and current FY, then the FYs */
};

/* Which period the Target, comparators, RAG and trend refer to. */
enum report_tpl_compare {
	REPORT_TPL_CMP_MONTH,   /* the period_end month */
	REPORT_TPL_CMP_QUARTER, /* the latest quarter shown */
	REPORT_TPL_CMP_YEAR,    /* the current financial year to period_end */
};

/* The columns a strand table may show (the row text always comes first). */
enum report_tpl_col {
	REPORT_TPL_COL_GOOD,      /* What good looks like */
	REPORT_TPL_COL_PERIODS,   /* one column per period */
	REPORT_TPL_COL_TARGET,
	REPORT_TPL_COL_ENGLAND,
	REPORT_TPL_COL_STATNB,    /* statistical neighbours */
	REPORT_TPL_COL_REGION,
	REPORT_TPL_COL_RAG,
	REPORT_TPL_COL_TREND,
	REPORT_TPL_COL_NOTES,     /* why a cell is "no cases", "c" or "not available" */
	REPORT_TPL_COL_NUM,       /* the numerator behind the compared period's figure */
	REPORT_TPL_COL_DEN,       /* its denominator (the population for a rate) */
	REPORT_TPL_NCOLKINDS
};

typedef struct report_tpl_row {
	char measure[REPORT_TPL_MAX_ID + 1];
	char breakdown[REPORT_TPL_MAX_BREAKDOWN + 1]; /* "" = headline */
	char *text;
	int chart;  /* draw a line chart of the series */
	int number; /* show the measure's numerator as a count (a headcount row) */
	long line;  /* where it was defined, for messages */
} report_tpl_row;

typedef struct report_tpl_sheet {
	char *name;  /* the sheet tab, also the strand name */
	char *title; /* the heading in A1 */
	report_tpl_row *rows;
	int nrows;
	long line;
} report_tpl_sheet;

typedef struct report_tpl {
	char *path;
	char *report; /* "highlight", "quarterly", ... (names the workbook) */
	char *title;
	enum report_tpl_periods periods;
	enum report_tpl_compare compare;
	enum report_tpl_col cols[REPORT_TPL_MAX_COLS];
	int ncols;
	report_tpl_sheet *sheets;
	int nsheets;
} report_tpl;

/* Parse a template held in memory; `name` is used in messages. Returns NULL
 * after printing every problem found as "prog: name:line: message". */
report_tpl *report_tpl_parse(const char *name, const char *text, size_t len);

#define REPORT_TPL_MAX_FILE (1u << 20) /* bytes in a template or commentary file */

/* Read a small text input whole (a template, the commentary file): at most
 * REPORT_TPL_MAX_FILE bytes, NUL-terminated, *len its length; `what` names it in
 * messages ("template"). NULL after printing why (cannot open or read,
 * larger than 1 MiB). The caller frees it. */
char *report_tpl_slurp(const char *path, const char *what, size_t *len);

/* Read and parse a file (at most 1 MiB). NULL after printing why. */
report_tpl *report_tpl_load(const char *path);

void report_tpl_free(report_tpl *t);

/* The header text of a column kind ("What good looks like", ...). */
const char *report_tpl_col_header(enum report_tpl_col c);

/* 1 when name is reserved for a fixed sheet (Cover, Contents, ...). */
int report_tpl_reserved_sheet(const char *name);

#endif
