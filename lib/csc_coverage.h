/*
 * csc_coverage.h - the date the data runs to (INPUTS.md, "Coverage").
 *
 * A dump holds nothing after the day it was extracted. Each extractor
 * watches the event-date columns of its staging tables (the table in
 * csc_coverage.c: dates on which something happened, never birth dates,
 * expected dates or targets) and records the latest staged one per table in
 * staging/coverage_<input>.csv (docs/FORMATS.md). An input's coverage is the
 * latest of those, or `data_extracted` from pipeline.conf when set; the
 * run's coverage is the earliest over the configured inputs. csc-run
 * refuses a period that starts after it, and a period that ends after it is
 * partial (transform writes coverage.csv, the workbooks say "data to").
 */
#ifndef CSC_COVERAGE_H
#define CSC_COVERAGE_H

#include <stdint.h>

#include "csc_conf.h"
#include "csc_csvw.h"
#include "csc_date.h"
#include "csc_inputs.h"

#define CSC_COV_MAXCOLS 4 /* event-date columns in one staging table */

/* The columns of staging/coverage_<input>.csv, NULL-terminated. */
extern const char *const csc_coverage_stage_header[];

/* The event-date columns of the staging file named stage_file (base name)
 * that appear in header (NULL-terminated): their names (static strings) and
 * positions into names[] and pos[] (CSC_COV_MAXCOLS each). Returns how many
 * (0: the table holds no event date) and the bit mask of their positions
 * in *mask (positions past 63 are not watched). */
int csc_coverage_columns(const char *stage_file, const char *const *header,
			 const char **names, int *pos, uint64_t *mask);

typedef struct csc_cov_input {
	const char *input;    /* csc_inputs[i].name */
	const char *key;      /* csc_inputs[i].key */
	int configured;
	csc_date latest;      /* latest event date staged; CSC_NODATE = none */
	char found_in[96];    /* "<staging file> <column>" of that date */
	csc_date data_to;     /* data_extracted when set, else latest */
} csc_cov_input;

typedef struct csc_coverage {
	csc_cov_input in[CSC_NINPUTS]; /* in the order of csc_inputs */
	csc_date extracted;   /* data_extracted from pipeline.conf; CSC_NODATE = not set */
	int limit;            /* the input whose data_to is the earliest; -1: none has one */
	csc_date data_to;     /* in[limit].data_to, or CSC_NODATE */
} csc_coverage;

/* Empty coverage for conf: which inputs are configured, data_extracted;
 * no latest dates yet. */
void csc_coverage_init(csc_coverage *cv, const csc_conf *conf);

/* Read staging/coverage_<input>.csv of every configured input into cv (after
 * csc_coverage_init) and settle it. 0, or -1 after naming a file that is
 * missing or malformed (exit 3: re-run the extract). With missing_ok, a
 * missing file (staging made by hand) leaves its input without a date. */
int csc_coverage_read(csc_coverage *cv, const char *staging_dir, int missing_ok);

/* Compute every data_to, limit and data_to from latest and extracted. The
 * first input in order wins a tie. */
void csc_coverage_settle(csc_coverage *cv);

enum csc_cov_verdict {
	CSC_COV_COMPLETE, /* the data covers the whole period (or has no date) */
	CSC_COV_PARTIAL,  /* the period ends after the data */
	CSC_COV_NODATA,   /* the period starts after the data: refused */
};

/* Where the period [start, end] stands against cv. */
enum csc_cov_verdict csc_coverage_judge(const csc_coverage *cv, csc_date start, csc_date end);

/* The last day of the default month: the last complete month the data
 * covers (the month of data_to when data_to is its last day, else the month
 * before), but never later than the last complete month before today;
 * today's last complete month when no input has a date. */
csc_date csc_coverage_default_end(const csc_coverage *cv, csc_date today);

/* "contacts runs to 15/10/2026 (its latest event date, contacts.csv
 * contact_date)", or "(data_extracted in pipeline.conf)": input i's
 * coverage and where it comes from, for messages. Returns buf. */
const char *csc_coverage_says(const csc_coverage *cv, int i, char *buf, size_t cap);

/* Write cv as coverage.csv for the period ending `end` into w, header
 * first: one row per configured input (docs/FORMATS.md). The caller owns
 * the file, and commits it only with the outputs it describes. */
void csc_coverage_write(const csc_coverage *cv, csc_csvw *w, csc_date end);

/* The columns of coverage.csv, NULL-terminated. */
extern const char *const csc_coverage_header[];

#endif
