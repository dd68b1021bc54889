/*
 * returns_scope.h - which records belong in a collection year's returns.
 *
 * A collection year is named by the year it ends in: 2025 runs from
 * 1 April 2024 to 31 March 2025 (the reference date). Every scoping rule of
 * the writers is one of the small predicates below so that each boundary is
 * tested on its own (tests/unit/test_returns_scope.c) and documented once
 * (returns/RETURNS.md).
 */
#ifndef RETURNS_SCOPE_H
#define RETURNS_SCOPE_H

#include "csc_date.h"

typedef struct ret_year {
	int year;          /* 2025 */
	csc_date first;    /* 1 April year-1 */
	csc_date last;     /* 31 March year = reference date */
	int sex_letters;   /* 1 from 2024-25: Sex M/F/U; 0 before: GenderCurrent / SEX 1/2 */
} ret_year;

/* Fill y for the collection year ending 31 March `year`; -1 when year is
 * outside 2000..2999. */
int ret_year_init(ret_year *y, int year);

/* A span [start, end] (end CSC_NODATE = still open) touches the year:
 * start <= 31 March and (no end or end >= 1 April). A missing start never
 * touches. */
int ret_overlaps(const ret_year *y, csc_date start, csc_date end);

/* 1 April <= d <= 31 March. */
int ret_in_year(const ret_year *y, csc_date d);

/* A date after the reference date had not happened on it: the return shows
 * it as absent. Returns d, or CSC_NODATE when d > 31 March. */
csc_date ret_as_at(const ret_year *y, csc_date d);

/* Section 47 enquiry belongs to the year: it started in the year; or it
 * started before and its conference falls in the year; or it started before
 * and, on 1 April, was still waiting for a conference (none held, none
 * recorded as not required). */
int ret_s47_in_scope(const ret_year *y, csc_date start, csc_date icpc, int icpc_not_required);

/* Assessment belongs to the year: started by 31 March and not authorised
 * before 1 April. */
int ret_assessment_in_scope(const ret_year *y, csc_date start, csc_date authorised);

/* OC3: one of the 17th..21st birthdays of dob falls in the year; returns the
 * age (17..21) or 0. A 29 February birthday falls on 1 March in common
 * years (csc_date_birthday). */
int ret_oc3_age(const ret_year *y, csc_date dob);

/* Parse an ISO staging date ("" = absent). Returns CSC_NODATE for absent or
 * malformed text; *bad (when not NULL) is set to 1 for malformed text. */
csc_date ret_date(const char *s, int *bad);

#endif
