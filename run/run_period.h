/*
 * run_period.h - what a run is for: a month (2023-09) or a financial
 * quarter (2023-Q3 = October to December 2023, the third quarter of the
 * financial year that starts in April 2023).
 */
#ifndef RUN_PERIOD_H
#define RUN_PERIOD_H

#include "csc_date.h"

typedef struct run_period {
	char label[16];     /* "2023-09" or "2023-Q3": names the output folder */
	char end_month[16]; /* "YYYY-MM" passed to the stages as --period */
	csc_date end;       /* last day of the period */
	int quarter;        /* 1-4 for a quarter, 0 for a month */
} run_period;

/* Parse "YYYY-MM" or "YYYY-Qn"; 0, or -1 when malformed. */
int run_period_parse(const char *s, run_period *p);

/* The last complete month before `today` (the nightly default). */
void run_period_last_complete(csc_date today, run_period *p);

/* From a period_end already parsed from pipeline.conf. */
void run_period_from_end(csc_date end, run_period *p);

/* The first day of the period: of its month, or of its quarter's first month. */
csc_date run_period_start(const run_period *p);

#endif
