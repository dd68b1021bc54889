/*
 * csc_stage.h - what every extractor writes: staging tables, rejects and the
 * reconciliation counts (docs/FORMATS.md).
 *
 * An extractor opens one csc_stage for its input, one csc_table per staging
 * file, and for every source record calls either csc_table_* to stage it or
 * csc_stage_reject to reject it, so that read = staged + rejected holds by
 * construction. csc_stage_commit writes rejects_<input>.csv,
 * recon_<input>.csv, findings_<input>.csv, coverage_<input>.csv and
 * sources_<input>.csv (the size and SHA-256 of each file read, as read) and
 * renames every file into place; csc_stage_abort leaves the previous staging
 * untouched.
 */
#ifndef CSC_STAGE_H
#define CSC_STAGE_H

#include <stddef.h>
#include <stdint.h>

#include "csc_coverage.h"
#include "csc_csvw.h"
#include "csc_input.h"
#include "csc_out.h"

#define CSC_STAGE_MAX_TABLES 64 /* an SSDA903 folder may hold one file per table per year */

typedef struct csc_table {
	const char *name;     /* recon table name, e.g. "Episodes" */
	const char *file;     /* source file this table is read from */
	csc_out out;          /* staging/<stage_file> */
	csc_csvw w;
	long read, staged, rejected;
	int open;
	/* coverage: the staging file's name and its event-date columns, whose
	 * latest date w keeps (csc_csvw_watch) */
	char *stage_name;
	int ncov;
	const char *cov_name[CSC_COV_MAXCOLS];
	int cov_pos[CSC_COV_MAXCOLS];
} csc_table;

typedef struct csc_source {
	char *file;           /* as configured: named in the manifest */
	csc_digest digest;
} csc_source;

typedef struct csc_stage {
	char *dir;            /* <output_dir>/staging */
	char *input;          /* "cin", "ssda903", "contacts", "early_help" */
	csc_out rej_out;
	csc_csvw rej;
	csc_out find_out;     /* findings_<input>.csv */
	csc_csvw find;
	csc_table tables[CSC_STAGE_MAX_TABLES];
	csc_table spare;      /* returned past the limit: stages nothing */
	int ntables;
	csc_source sources[CSC_STAGE_MAX_TABLES];
	int nsources;
	int failed;
} csc_stage;

/* Create <staging_dir> if needed and open rejects_<input>.csv. 0 or -1. */
int csc_stage_open(csc_stage *s, const char *staging_dir, const char *input);

/* Open staging/<stage_file> with the given NULL-terminated header, counted
 * in recon as `table` read from `source_file`. NULL stage_file counts
 * records without staging them (a table read only to be reconciled).
 * When the file cannot be opened, or past CSC_STAGE_MAX_TABLES tables, the
 * error is reported and s->failed set: check it before staging a record,
 * as the table returned has no file to write to (csc_stage_commit then
 * returns -1). */
csc_table *csc_stage_table(csc_stage *s, const char *table, const char *source_file,
			   const char *stage_file, const char *const *header);

/* Count one record as read and staged; the caller then writes its fields
 * with csc_csvw_* on t->w and ends the row with csc_csvw_end. */
void csc_table_stage(csc_table *t);

/* Count one record as read and rejected, and write the rejects row. */
void csc_stage_reject(csc_stage *s, csc_table *t, long line, const char *field,
		      const char *value, const char *reason);

/* Take back one record counted as staged in t (its row is removed from
 * staging by the caller) and reject it: read = staged + rejected still
 * holds. */
void csc_stage_unstage(csc_stage *s, csc_table *t, long line, const char *field,
		       const char *value, const char *reason);

/* Whether to keep staged row `row` (0 for the first after the header) of
 * n fields; f[i] is field i unquoted (NUL-terminated, len[i] bytes).
 * Return 1 to keep it, 0 to drop it (the caller unstages it). */
typedef int (*csc_row_keep)(void *arg, uint64_t row, int n, char *const *f, const size_t *len);

/* Rewrite t's staging temporary (flushed, positioned at its end) onto
 * itself, keeping the header and the rows keep accepts, through t's writer
 * so the coverage it watches is that of the rows kept. The temporary is
 * re-read without following links (as csc_out made it). Returns the number
 * of rows dropped, or -1 after printing why (a read or write error). */
long csc_table_filter(csc_table *t, csc_row_keep keep, void *arg);

/* Write a data-quality finding made while extracting to
 * findings_<input>.csv (the columns of dq.csv, which the transform copies
 * it into): check, child and record name it, detail says what is wrong. */
void csc_stage_finding(csc_stage *s, const char *check, const char *child, const char *record,
		       const char *detail);

/* Record that file was read whole, with its size and SHA-256 as read
 * (csc_input_digest), for sources_<input>.csv; past CSC_STAGE_MAX_TABLES
 * files it says so and fails the stage. */
void csc_stage_source(csc_stage *s, const char *file, const csc_digest *d);

/* Write recon, sources_<input>.csv and coverage_<input>.csv (the latest event date of each
 * staged table, csc_coverage.h), commit every file. 0, or -1 when any write
 * failed. */
int csc_stage_commit(csc_stage *s);

/* Remove every temporary file; previous staging stays as it was. */
void csc_stage_abort(csc_stage *s);

/* Release the names held by s (after commit or abort). */
void csc_stage_free(csc_stage *s);

/* Remove staging files of an input that is not configured (stale tables
 * from an earlier run), then write its header-only recon, rejects,
 * findings, sources and coverage files. 0 or -1. */
int csc_stage_not_configured(const char *staging_dir, const char *input,
			     const char *const *stage_files);

/* Print "<input>: <file> <table>: read N = staged S + rejected R" lines. */
void csc_stage_summary(const csc_stage *s);

#endif
