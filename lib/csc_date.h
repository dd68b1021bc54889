/*
 * csc_date.h - calendar dates as day numbers.
 *
 * A date is an int32 count of days since 1970-01-01 (proleptic Gregorian).
 * Day numbers make "in period", "before" and "days between" plain integer
 * comparisons; CSC_NODATE marks an absent date and sorts before every date.
 */
#ifndef CSC_DATE_H
#define CSC_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t csc_date;

#define CSC_NODATE INT32_MIN
#define CSC_DATE_BUFSZ 11 /* "YYYY-MM-DD" and NUL */

/* Build a date; CSC_NODATE when y/m/d is not a real day (31/02, 29/02/2023). */
csc_date csc_date_make(int y, int m, int d);

/* Split a date into year, month (1-12) and day (1-31). */
void csc_date_ymd(csc_date d, int *y, int *m, int *day);

/* Parse exactly "YYYY-MM-DD" (n bytes, no NUL needed). 0 on success, -1 if
 * the text is not that form or not a real day. */
int csc_date_parse_iso(const char *s, size_t n, csc_date *out);

/* Parse exactly "DD/MM/YYYY" as used by SSDA903 and Annex A. */
int csc_date_parse_dmy(const char *s, size_t n, csc_date *out);

/* Parse either form above. */
int csc_date_parse_any(const char *s, size_t n, csc_date *out);

/* Write "YYYY-MM-DD" (or "" for CSC_NODATE) into buf; returns buf. */
char *csc_date_iso(csc_date d, char buf[CSC_DATE_BUFSZ]);

/* Write "DD/MM/YYYY" (or ""); returns buf. */
char *csc_date_dmy(csc_date d, char buf[CSC_DATE_BUFSZ]);

/* d + n months, keeping the day of month or clamping to the month's last
 * day (31 Aug + 3 = 30 Nov; 29 Feb + 12 = 28 Feb). n may be negative. */
csc_date csc_date_add_months(csc_date d, int n);

/* Completed years of age on date `on` for someone born on `dob`.
 * A 29 February birthday is reached on 1 March in common years. */
int csc_date_age(csc_date dob, csc_date on);

/* The date of the n-th birthday (n >= 0) of someone born on dob; a
 * 29 February birthday falls on 1 March in common years, matching
 * csc_date_age. */
csc_date csc_date_birthday(csc_date dob, int n);

/* 0 = Monday ... 6 = Sunday. */
int csc_date_weekday(csc_date d);

/* First and last day of the month containing d. */
csc_date csc_month_first(csc_date d);
csc_date csc_month_last(csc_date d);

/* Start (1 April) of the financial year containing d. */
csc_date csc_fy_first(csc_date d);

#endif
