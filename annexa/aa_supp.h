/*
 * aa_supp.h - the optional supplementary list per case: the Annex A
 * columns no input holds (allocated team and worker, visits, seen alone,
 * health and dental checks, permanence plan...), named by
 * `annexa_supplementary` in pipeline.conf (docs/FORMATS.md, "Annex A
 * supplementary list").
 *
 * One row per child: "Child Unique ID" and any of the columns of
 * aa_supp_cols, named as Annex A's headers (matched ignoring case, spaces,
 * "_" and "-"); an unknown column is an error, so a misspelt one is never
 * silently ignored. Values are read as ANNEX-A.md section 2 reads Annex A
 * values (dates dd/mm/yyyy, yyyy-mm-dd or an Excel serial; yes/no forms;
 * codes by their lettered form or label, whole value, case ignored). A
 * row with a value that does not read, no ID, or the ID of an earlier row
 * is rejected (file, line, field, value, reason: a rejected_record of the
 * checks). An empty cell stays empty: nothing is ever made up.
 *
 * Each value is written into every list that has its column, for the
 * child's rows, where the list's own inputs left the cell empty (so List
 * 8's worker stays SW_ID when the SSDA903 has one).
 */
#ifndef AA_SUPP_H
#define AA_SUPP_H

#include "aa_checks.h"
#include "aa_data.h"
#include "aa_sheet.h"
#include "aa_values.h"

#define AA_NSUPP 19

typedef struct aa_supp_col {
	const char *header;    /* Annex A's, exactly */
	char type;             /* 'T' text, 'D' date, 'Y' yes/no/unknown, 'C' code of codes */
	const aa_value *codes; /* 'C': accepted as code (a label) or out (lettered form) */
} aa_supp_col;

extern const aa_supp_col aa_supp_cols[AA_NSUPP];

typedef struct aa_supp {
	const char *path;      /* NULL: not configured */
	int has[AA_NSUPP];     /* the file has the column */
	long rows, rejected;
} aa_supp;

/* Read the supplementary list at path into d (each child's values as
 * d->people[].supp), its rejects into ck. 0; or -1 after reporting a file
 * that cannot be read or a header that is refused. */
int aa_supp_read(aa_supp *sp, const char *path, aa_data *d, aa_checks *ck);

/* Read one value v of column c into out (cap bytes: the text as written,
 * or a date as YYYY-MM-DD): 0, or -1 with why it does not read in *why. */
int aa_supp_value(const aa_supp_col *c, const char *v, char *out, size_t cap, const char **why);

/* Fill the empty cells of the current row of s whose header is a
 * supplementary column from the child's values (aa_sheet calls it when
 * a row is complete). */
void aa_supp_fill(aa_sheet *s);

#endif
