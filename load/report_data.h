/*
 * report_data.h - the transform outputs a report is made from.
 *
 * Reads measures.csv, rag.csv, definitions.csv and staging/recon_*.csv
 * (docs/FORMATS.md) into memory: they hold one row per measure, breakdown
 * and period, so their size does not grow with the dumps. drilldown.csv,
 * dq.csv and rejects_*.csv can be large and are streamed by the sheets that
 * show them. Columns are found by header name; a missing column, a short
 * row or a bad number stops the read with "file:line: message".
 */
#ifndef REPORT_DATA_H
#define REPORT_DATA_H

#include <stddef.h>

#include "csc_date.h"
#include "csc_inputs.h"

/* One measures.csv row. */
typedef struct rd_measure {
	char *measure, *breakdown;
	csc_date start, end;
	int has_value, has_num, has_den;
	double value, num, den;
} rd_measure;

/* One rag.csv row; empty text = absent. */
enum { RD_GOOD, RD_TARGET, RD_TOLERANCE, RD_ENGLAND, RD_STATNB, RD_REGION, RD_RAG,
       RD_TREND, RD_NRAG };
typedef struct rd_rag {
	char *measure, *breakdown;
	csc_date start, end;
	char *f[RD_NRAG];
} rd_rag;

/* One definitions.csv row. */
enum { RD_D_MEASURE, RD_D_TITLE, RD_D_KIND, RD_D_GOOD, RD_D_INPUTS, RD_D_BREAKDOWNS,
       RD_D_AVAILABLE, RD_D_DEFINITION, RD_NDEF };
typedef struct rd_def {
	char *f[RD_NDEF];
} rd_def;

/* One staging/recon_<input>.csv row. */
typedef struct rd_recon {
	const char *input; /* csc_inputs[i].name (compared as a pointer) */
	char *file, *table;
	long read, staged, rejected;
} rd_recon;

typedef struct rd {
	char *dir;                /* where the transform outputs are */
	char *staging;            /* where staging/recon_*.csv, rejects_*.csv are */
	rd_measure *m; size_t nm; /* sorted by measure, breakdown, start, end */
	rd_rag *r; size_t nr;     /* sorted the same way */
	rd_def *d; size_t nd;     /* in file order */
	rd_recon *rc; size_t nrc; /* per input, in file order */
	long rejects[CSC_NINPUTS]; /* data rows in rejects_<input>.csv; -1 = no file */
	int have_recon[CSC_NINPUTS];
	csc_date data_to;         /* coverage.csv: the date the data runs to; CSC_NODATE unknown */
	const char *data_by;      /* the title of the input that limits it */
} rd;

/* Read the transform outputs in dir and the reconciliation in
 * staging_dir. Returns NULL after printing why. */
rd *rd_load(const char *dir, const char *staging_dir);
void rd_free(rd *d);

/* Read coverage.csv of d->dir (optional) into data_to and data_by; 0, or
 * -1 after printing why (report_coverage.c). */
int rd_load_coverage(rd *d);

/* A period ending at `end` holds figures only up to d->data_to: 1, else 0. */
int rd_partial(const rd *d, csc_date end);

/* Exact lookups; NULL when absent. */
const rd_measure *rd_find_measure(const rd *d, const char *measure, const char *breakdown,
				  csc_date start, csc_date end);
const rd_rag *rd_find_rag(const rd *d, const char *measure, const char *breakdown,
			  csc_date start, csc_date end);
const rd_def *rd_find_def(const rd *d, const char *measure);

/* The latest end of a calendar-month row in measures.csv; CSC_NODATE if none. */
csc_date rd_latest_month(const rd *d);

/* Read a CSV whose header must name every column in cols (any order, extra
 * columns ignored); fn gets the fields in cols order and the line. Returns
 * 0, fn's non-zero value, or -1 after printing why. A missing file is an
 * error unless optional, when it returns 1 without calling fn. */
typedef int (*rd_row_fn)(void *ctx, char **fields, long line);
int rd_read_csv(const char *path, const char *name, const char *const *cols, int ncols,
		int optional, rd_row_fn fn, void *ctx);

/* Parse a number field: 0 and *out set, 1 when empty, -1 when not a finite
 * number. */
int rd_number(const char *s, double *out);

#endif
