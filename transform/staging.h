/*
 * staging.h - reading the staging CSVs (docs/FORMATS.md) into compact
 * records grouped by child.
 *
 * Columns are found by header name, so a staging file may grow columns
 * without breaking transform. Staging is written by our own extractors, so a
 * missing column or a malformed value is an input error: reported as
 * "file:line: field: message", the read stops and returns -1, and
 * csc-transform exits 3 with no output written; never a silent skip.
 */
#ifndef TX_STAGING_H
#define TX_STAGING_H

#include <stddef.h>

#include "csc_cin_stage.h"
#include "tx.h"

/* Interned strings: child IDs and source file names, numbered in order of
 * first appearance (so grouping by number keeps file order). */
typedef struct tx_strtab {
	char **s;
	int n, cap;
	int *slot;      /* open-addressing hash of indexes + 1 */
	int nslot;
} tx_strtab;

int tx_intern(tx_strtab *t, const char *s);
/* The number of s, or -1 when t does not hold it (nothing is added). */
int tx_find(const tx_strtab *t, const char *s);
void tx_strtab_free(tx_strtab *t);

/* One staged row: v[i] is the value of the i-th wanted column. */
typedef struct tx_fields {
	const char *file;
	long line;
	const char *const *cols;
	const char *const *v;
	int *failed;    /* set by a tx_f_* that reported a bad value */
} tx_fields;

typedef void (*tx_row_fn)(void *ctx, const tx_fields *f);

/* Read path, calling fn for each data row with the NULL-ended columns cols
 * in that order. Returns 0, or -1 after reporting a missing column, a
 * structural error or a bad value (the read stops after that row). */
int tx_read_table(const char *path, const char *const *cols, tx_row_fn fn, void *ctx);

/* One staging table of an input: its file name, the columns wanted and
 * the function taking each row. */
typedef struct tx_table {
	const char *file;
	const char *const *cols;
	tx_row_fn row;
} tx_table;

/* tx_read_table() each of the n tables in folder dir, in order, with ctx.
 * Returns 0, or -1 at the first table that fails (reported). */
int tx_read_tables(const char *dir, const tx_table *t, size_t n, void *ctx);

/* The CIN staging files of dir whose rows[] entry is not NULL, in the
 * order of csc_cin_stage.h, each with every column its definition has (so
 * f->v[CSC_EP_CLOSURE_DATE] etc.). Returns as tx_read_tables. */
int tx_read_cin(const char *dir, const tx_row_fn rows[CSC_CIN_NFILES], void *ctx);

/* Typed fields (an empty cell is CSC_NODATE / dflt / "" / 0). Text not of
 * the form is reported naming file, line, column and value, *f->failed is
 * set (the read then stops and returns -1) and the empty value returned. */
csc_date tx_f_date(const tx_fields *f, int i);
long tx_f_long(const tx_fields *f, int i, long dflt);
void tx_f_code(const tx_fields *f, int i, char *out, size_t cap);
int tx_f_bool(const tx_fields *f, int i);

/* Reorder n records of `size` bytes (whose first member is the int child
 * number) stably by child; returns nchild + 1 offsets (free them). */
int *tx_group(void *recs, size_t size, int n, int nchild);

/* A growable array: *p holds *n items of size, capacity *cap. Returns the
 * next free slot (zeroed). */
void *tx_push(void *pp, int *n, int *cap, size_t size);

/* 1 when the staging file exists. */
int tx_file_exists(const char *path);

/* Read each input's tables and feed its units to the engine. Return 0, or
 * -1 when a table could not be read (reported; units may have been fed). */
int tx_load_contacts(tx_engine *e, const char *dir);
int tx_load_cin(tx_engine *e, const char *dir);
int tx_load_eh(tx_engine *e, const char *dir);
int tx_load_903(tx_engine *e, const char *dir);

#endif
