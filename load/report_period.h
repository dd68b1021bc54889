/*
 * report_period.h - the period columns of a report and their headings.
 *
 * Monthly reports show the last months_shown calendar months to period_end
 * ("Jul 23"). Quarterly reports show the financial-year quarters (Q1 =
 * Apr-Jun) of the previous and current financial year that have ended by
 * period_end ("Q1 2023-24"), then the previous financial year ("2023-24")
 * and the current one to period_end ("2024-25 to Nov 24", or "2024-25" when
 * complete). The periods match measures.csv rows exactly.
 */
#ifndef REPORT_PERIOD_H
#define REPORT_PERIOD_H

#include "csc_date.h"
#include "report_tpl.h"

#define REPORT_PERIOD_MAX_COLS 32
#define REPORT_PERIOD_HEAD 32

typedef struct report_period_col {
	csc_date start, end;
	char head[REPORT_PERIOD_HEAD];
	int series; /* part of the charted series (months, quarters; not years) */
} report_period_col;

/* Fill cols for the report kind; returns how many. */
int report_period_columns(enum report_tpl_periods kind, csc_date period_end, int months_shown,
	       report_period_col cols[REPORT_PERIOD_MAX_COLS]);

/* The period the comparators, RAG and trend refer to, with a heading. */
void report_period_compare(enum report_tpl_compare cmp, csc_date period_end, report_period_col *out);

/* The span of n columns as a title, "April 2025 to October 2026": the
 * month of the earliest start to the month of the latest end (the columns
 * overlap: quarters, then whole years). out holds at least REPORT_PERIOD_SPAN bytes. */
#define REPORT_PERIOD_SPAN 48
void report_period_span(const report_period_col *cols, int n, char *out);

/* "Jul 23" for the month containing d. */
void report_period_month_head(csc_date d, char out[REPORT_PERIOD_HEAD]);

/* "2023-24" for the financial year starting at fy_start. */
void report_period_fy_head(csc_date fy_start, char out[REPORT_PERIOD_HEAD]);

#endif
