/*
 * csc_cin_elems.h - the CIN census value elements, one table for the
 * extractor, csc-returns and csc-validate.
 *
 * Each row is one element that holds a value (docs/spec/INPUTS.md section
 * 1): its name, the record it belongs to and the element directly around
 * it, the staging column it is staged in (csc_cin_stage.h), the name of its
 * code list in the CIN XSD of ref/ (the extractor and csc-validate read
 * the codes from there), and the collection years whose return holds it.
 * The extractor stages each element into its column from this table;
 * csc-returns writes an element of a record kind in this table's order
 * when the year holds it; csc-validate reads its fields by these names.
 *
 * Adding an element: one row here, in the XSD's order within its parent;
 * its column in csc_cin_stage.[ch]; its value type in the extractor's
 * element tree (extract/cin_schema.c); docs/FORMATS.md; for a rule to read
 * it, a field in validate/cin_model.h and a row naming its column in
 * schema[] of validate/cin_model.c (the name comes from here).
 */
#ifndef CSC_CIN_ELEMS_H
#define CSC_CIN_ELEMS_H

#include "csc_cin_stage.h"

typedef struct csc_cin_elem {
	const char *name;    /* "ReferralSource" */
	const char *record;  /* the record element it belongs to: "Child", "CINdetails", ... */
	const char *parent;  /* the element directly around it: "ChildIdentifiers", ... */
	signed char file;    /* enum csc_cin_file of its staging column */
	signed char col;     /* the column in that file */
	const char *codes;   /* its code list's simpleType in the XSD, or NULL */
	/* staged code -> code written, pairs ending with NULL (GenderCurrent
	 * stages M/F/U); NULL: written as staged */
	const char *const *recode;
	short from, to;      /* collection years of the returns holding it
				(2025 = 2024-25); 0 = no bound */
} csc_cin_elem;

extern const csc_cin_elem csc_cin_elems[];
extern const int csc_cin_nelems;

/* The row of element `name` inside record `record`, or NULL. */
const csc_cin_elem *csc_cin_elem_find(const char *record, const char *name);

/* The element a collection year's return writes staging column (file,
 * col) as, or NULL when that year's return holds none. */
const csc_cin_elem *csc_cin_elem_for(int file, int col, int year);

/* Whether year's return holds element e. */
int csc_cin_elem_in_year(const csc_cin_elem *e, int year);

/* The code e writes for the staged value s (its recode pair), else s. */
const char *csc_cin_elem_recode(const csc_cin_elem *e, const char *s);

#endif
