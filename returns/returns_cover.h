/*
 * returns_cover.h - which collection years the staged dumps cover.
 *
 * A dump covers the span from its earliest to its latest event date: CIN
 * referral and closure dates, SSDA903 episode start and end dates. A return
 * can be written for a year that overlaps that span; any other year is a
 * usage error, because its return would be empty rather than true.
 */
#ifndef RETURNS_COVER_H
#define RETURNS_COVER_H

#include "csc_date.h"

typedef struct ret_cover {
	csc_date first, last;  /* CSC_NODATE when nothing is staged */
	int cin, ssda903;      /* the input was staged */
} ret_cover;

/* Scan the staged episode tables under staging_dir. 0, or a csc_exit code
 * after printing why. */
int ret_cover_scan(const char *staging_dir, ret_cover *c);

#endif
