/*
 * returns_cin.h - the CIN census XML for one collection year.
 *
 * Reads the cin_*.csv staging tables child by child (the rows of one child
 * are contiguous in every table, children in the same order), keeps only one
 * child in memory, and writes the children, episodes and groups that belong
 * to the year (returns_scope.h, returns/RETURNS.md) with libxml2's
 * xmlTextWriter, in the element order of the DfE schema.
 */
#ifndef RETURNS_CIN_H
#define RETURNS_CIN_H

#include <stdio.h>

#include "returns_scope.h"

/* The Header/Source values that do not come from the data. */
typedef struct ret_cin_header {
	const char *la_number;  /* LEA, 3 digits (pipeline.conf la_number) */
	const char *release;    /* cscpipe version */
	const char *serial;     /* SerialNo, 3+ digits */
} ret_cin_header;

typedef struct ret_cin_stats {
	long children, episodes, assessments, plans, s47, cpp, reviews;
	long preproc; /* PreProceedingsandFGDM blocks (2026-27 on) */
} ret_cin_stats;


/* Write the return for year y to fp. Returns 0, or a csc_exit code after
 * printing "prog: file:line: reason" (CSC_EXIT_INPUT for unreadable or
 * inconsistent staging, CSC_EXIT_OUTPUT for a write failure). */
int ret_cin_write(const ret_year *y, const ret_cin_header *h, const char *staging_dir, FILE *fp,
		 ret_cin_stats *st);

#endif
