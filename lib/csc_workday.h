/*
 * csc_workday.h - working days against the England and Wales bank holidays.
 *
 * wd(a, b) counts working days d with a < d <= b (MEASURES.md): the same day
 * is 0 and the next working day is 1. The calendar covers whole years from
 * the first to the last year in the bank-holiday file; a date outside that
 * range is an error, never a guess.
 */
#ifndef CSC_WORKDAY_H
#define CSC_WORKDAY_H

#include "csc_date.h"

typedef struct csc_calendar csc_calendar;

/* Load "date,name" rows (ISO dates, header row first) from path. On failure
 * prints "prog: path:line: reason" and returns NULL. */
csc_calendar *csc_calendar_load(const char *path);

/* Build from an in-memory list (tests): holidays need not be sorted; the
 * covered years are first_year..last_year inclusive. */
csc_calendar *csc_calendar_new(int first_year, int last_year,
			       const csc_date *holidays, int n);

void csc_calendar_free(csc_calendar *cal);

/* First and last covered day. */
csc_date csc_calendar_first(const csc_calendar *cal);
csc_date csc_calendar_last(const csc_calendar *cal);

/* 1 when d lies in the covered years. */
int csc_calendar_covers(const csc_calendar *cal, csc_date d);

/* 1 when d is a bank holiday, 0 otherwise (d must be covered). */
int csc_is_bank_holiday(const csc_calendar *cal, csc_date d);

/* 1 when d is Monday-Friday and not a bank holiday (d must be covered). */
int csc_is_workday(const csc_calendar *cal, csc_date d);

/* Working days d with a < d <= b into *out (negative when b < a: minus the
 * count for (b, a]). Returns 0, or -1 when a or b is outside the calendar. */
int csc_wd(const csc_calendar *cal, csc_date a, csc_date b, int *out);

/* The n-th working day after a (n >= 1), so that csc_wd(a, result) == n and
 * result is a working day. Returns CSC_NODATE outside the calendar. */
csc_date csc_wd_add(const csc_calendar *cal, csc_date a, int n);

#endif
