/*
 * report_data.h - the transform outputs a report is made from.
 *
 * Reads measures.csv, rag.csv, definitions.csv and staging/recon_*.csv
 * (docs/FORMATS.md) into memory: they hold one row per measure, breakdown
 * and period, so their size does not grow with the dumps. drilldown.csv
 * (one group of records at a time, lib/csc_drill.h), dq.csv and
 * rejects_*.csv can be large and are streamed by the sheets that show them. Columns are found by header name; a missing column, a short
 * row or a bad number stops the read with "file:line: message".
 */
#ifndef REPORT_DATA_H
#define REPORT_DATA_H

#include <stddef.h>

#include "csc_date.h"
#include "csc_inputs.h"

/* One measures.csv row. */
typedef struct report_data_measure {
	char *measure, *breakdown;
	csc_date start, end;
	int has_value, has_num, has_den;
	double value, num, den;
} report_data_measure;

/* One rag.csv row; empty text = absent. */
enum { REPORT_DATA_GOOD, REPORT_DATA_TARGET, REPORT_DATA_TOLERANCE, REPORT_DATA_ENGLAND, REPORT_DATA_STATNB, REPORT_DATA_REGION, REPORT_DATA_RAG,
       REPORT_DATA_TREND, REPORT_DATA_NRAG };
typedef struct report_data_rag {
	char *measure, *breakdown;
	csc_date start, end;
	char *f[REPORT_DATA_NRAG];
} report_data_rag;

/* One definitions.csv row. */
enum { REPORT_DATA_D_MEASURE, REPORT_DATA_D_TITLE, REPORT_DATA_D_KIND, REPORT_DATA_D_GOOD, REPORT_DATA_D_INPUTS, REPORT_DATA_D_BREAKDOWNS,
       REPORT_DATA_D_AVAILABLE, REPORT_DATA_D_DEFINITION, REPORT_DATA_NDEF };
typedef struct report_data_def {
	char *f[REPORT_DATA_NDEF];
} report_data_def;

/* One staging/recon_<input>.csv row. */
typedef struct report_data_recon {
	const char *input; /* csc_inputs[i].name (compared as a pointer) */
	char *file, *table;
	long read, staged, rejected;
} report_data_recon;

typedef struct report_data {
	char *dir;                /* where the transform outputs are */
	char *staging;            /* where staging/recon_*.csv, rejects_*.csv are */
	report_data_measure *m; size_t nm; /* sorted by measure, breakdown, start, end */
	report_data_rag *r; size_t nr;     /* sorted the same way */
	report_data_def *d; size_t nd;     /* in file order */
	report_data_recon *rc; size_t nrc; /* per input, in file order */
	long rejects[CSC_NINPUTS]; /* data rows in rejects_<input>.csv; -1 = no file */
	int have_recon[CSC_NINPUTS];
	csc_date data_to;         /* coverage.csv: the date the data runs to; CSC_NODATE unknown */
	const char *data_by;      /* the title of the input that limits it */
} report_data;

/* Read the transform outputs in dir and the reconciliation in
 * staging_dir. Returns NULL after printing why. */
report_data *report_data_load(const char *dir, const char *staging_dir);
void report_data_free(report_data *d);

/* Read coverage.csv of d->dir (optional) into data_to and data_by; 0, or
 * -1 after printing why (report_coverage.c). */
int report_data_load_coverage(report_data *d);

/* A period ending at `end` holds figures only up to d->data_to: 1, else 0. */
int report_data_partial(const report_data *d, csc_date end);

/* Exact lookups; NULL when absent. */
const report_data_measure *report_data_find_measure(const report_data *d, const char *measure, const char *breakdown,
				  csc_date start, csc_date end);
const report_data_rag *report_data_find_rag(const report_data *d, const char *measure, const char *breakdown,
			  csc_date start, csc_date end);
const report_data_def *report_data_find_def(const report_data *d, const char *measure);

/* The latest end of a calendar-month row in measures.csv; CSC_NODATE if none. */
csc_date report_data_latest_month(const report_data *d);

/* Read a CSV whose header must name every column in cols (any order, extra
 * columns ignored); fn gets the fields in cols order and the line. Returns
 * 0, fn's non-zero value, or -1 after printing why. A missing file is an
 * error unless optional, when it returns 1 without calling fn. */
typedef int (*report_data_row_fn)(void *ctx, char **fields, long line);
int report_data_read_csv(const char *path, const char *name, const char *const *cols, int ncols,
		int optional, report_data_row_fn fn, void *ctx);

/* Parse a number field: 0 and *out set, 1 when empty, -1 when not a finite
 * number. */
int report_data_number(const char *s, double *out);

#endif
