/*
 * csc_903.h - the SSDA903 tables and how to recognise them.
 *
 * A 903 file is identified by its exact header row, whatever it is called
 * (INPUTS.md section 2). Both the extractor and the validator use this one
 * table of tables.
 */
#ifndef CSC_903_H
#define CSC_903_H

#include <stddef.h>

/* The tables of every collection year, then the tables a later year adds:
 * DoLo (deprivation of liberty orders, 2026-27; `from` says the first year).
 * The extractor stages all of them and csc-returns writes each in the years
 * that have it. CSC_903_NTABLES_ALL is the same count, kept for csc-validate,
 * which reads every table a return may hold. */
#define CSC_903_NTABLES 12
#define CSC_903_NTABLES_ALL CSC_903_NTABLES
#define CSC_903_MAX_COLS 16
#define CSC_903_MAX_KEY 3

typedef struct csc_903_table {
	const char *name;      /* "Episodes" as in the DfE guide */
	const char *stage;     /* "episodes": staging/ssda903_<stage>.csv */
	int ncols;
	const char *cols[CSC_903_MAX_COLS];
	/* the columns that identify a row: two rows with the same key are the
	 * same record (docs/FORMATS.md, duplicates); NULL-terminated, empty
	 * when a table's rows have no key */
	const char *key[CSC_903_MAX_KEY + 1];
	int from;              /* first collection year (2027 = 2026-27); 0: every year */
} csc_903_table;

extern const csc_903_table csc_903_tables[CSC_903_NTABLES_ALL];

/* The table whose header is exactly these fields (after trimming spaces
 * around each name; case must match the DfE column names), or NULL. */
const csc_903_table *csc_903_identify(char *const *fields, const size_t *len, int n);

/* The same over every table, later years' ones included (csc-validate). */
const csc_903_table *csc_903_identify_all(char *const *fields, const size_t *len, int n);

/* The table called name (DfE spelling, case-insensitive), or NULL. */
const csc_903_table *csc_903_by_name(const char *name);

/* Index of column `col` in table t, or -1. */
int csc_903_col(const csc_903_table *t, const char *col);

/* Print, for a header that matches no table, the expected header of the
 * table it is closest to and what differs ("file:line: ..."), through
 * csc_error_at. */
void csc_903_explain_header(const char *file, long line, char *const *f, const size_t *len,
			    int n);

#endif
