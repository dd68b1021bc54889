/* csc_903.c - see csc_903.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csc_903.h"
#include "csc_diag.h"

/* Keys: one row per child where a dump holds one (Header, UASC, AD1:
 * DfE checks INT31, INT32, INT36); otherwise the child and the date that
 * starts the event, which two rows of one child cannot share. OC2, OC3 and
 * PrevPerm have none: a multi-year dump holds a row per year for a child
 * (returns/RETURNS.md) and the rows carry no year, so two equal rows may be
 * two years. */
const csc_903_table csc_903_tables[CSC_903_NTABLES_ALL] = {
	{"Header", "header", 7, {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}, {"CHILD"}, 0},
	{"Episodes", "episodes", 13,
	 {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
	  "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
	 {"CHILD", "DECOM"}, 0},
	{"Reviews", "reviews", 4, {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}, {"CHILD", "REVIEW"}, 0},
	{"UASC", "uasc", 4, {"CHILD", "SEX", "DOB", "DUC"}, {"CHILD"}, 0},
	{"OC2", "oc2", 12,
	 {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
	  "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
	  "INTERVENTION_OFFERED"},
	 {NULL}, 0},
	{"OC3", "oc3", 5, {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}, {NULL}, 0},
	{"AD1", "ad1", 8,
	 {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
	  "LS_ADOPTR"},
	 {"CHILD"}, 0},
	{"PlacedAdoption", "placedadoption", 5,
	 {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
	 {"CHILD", "DATE_PLACED"}, 0},
	{"PrevPerm", "prevperm", 5, {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"}, {NULL}, 0},
	{"Missing", "missing", 5, {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"},
	 {"CHILD", "MIS_START"}, 0},
	{"SocialWorker", "socialworker", 6, {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
	 {"CHILD", "SW_DECOM"}, 0},
	/* From 2026-27 (../shared/reference/years/ssda903-changes-by-year.md 0.5);
	 * only csc-validate reads it so far (CSC_903_NTABLES leaves it out). */
	{"DoLo", "dolo", 4, {"CHILD", "DOB", "DOLO_START", "DOLO_END"}, {"CHILD", "DOLO_START"}, 2027},
};

static int same_trimmed(const char *f, size_t n, const char *want)
{
	while (n && (*f == ' ' || *f == '\t')) {
		f++;
		n--;
	}
	while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
		n--;
	return n == strlen(want) && memcmp(f, want, n) == 0;
}

static const csc_903_table *identify(char *const *fields, const size_t *len, int n, int ntab)
{
	for (int t = 0; t < ntab; t++) {
		const csc_903_table *tb = &csc_903_tables[t];
		if (tb->ncols != n)
			continue;
		int i;
		for (i = 0; i < n; i++)
			if (!same_trimmed(fields[i], len[i], tb->cols[i]))
				break;
		if (i == n)
			return tb;
	}
	return NULL;
}

const csc_903_table *csc_903_identify(char *const *fields, const size_t *len, int n)
{
	return identify(fields, len, n, CSC_903_NTABLES);
}

const csc_903_table *csc_903_identify_all(char *const *fields, const size_t *len, int n)
{
	return identify(fields, len, n, CSC_903_NTABLES_ALL);
}

const csc_903_table *csc_903_by_name(const char *name)
{
	for (int t = 0; t < CSC_903_NTABLES; t++)
		if (!strcasecmp(name, csc_903_tables[t].name))
			return &csc_903_tables[t];
	return NULL;
}

int csc_903_col(const csc_903_table *t, const char *col)
{
	for (int i = 0; i < t->ncols; i++)
		if (!strcmp(t->cols[i], col))
			return i;
	return -1;
}

static void trimmed(const char *f, size_t n, const char **o, size_t *on)
{
	while (n && (*f == ' ' || *f == '\t'))
		f++, n--;
	while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
		n--;
	*o = f;
	*on = n;
}

static int has_field(char *const *f, const size_t *len, int n, const char *want, int nocase)
{
	size_t wn = strlen(want);
	for (int i = 0; i < n; i++) {
		const char *s;
		size_t sn;
		trimmed(f[i], len[i], &s, &sn);
		if (sn == wn && (nocase ? !strncasecmp(s, want, wn) : !memcmp(s, want, wn)))
			return 1;
	}
	return 0;
}

static void append(char *buf, size_t cap, const char *sep, const char *s, size_t n)
{
	size_t o = strlen(buf);
	if (o + 1 >= cap)
		return;
	snprintf(buf + o, cap - o, "%s%.*s", o ? sep : "", (int)(n > 60 ? 60 : n), s);
}

void csc_903_explain_header(const char *file, long line, char *const *f, const size_t *len, int n)
{
	int best = 0, best_score = -1000000, best_match = 0;
	for (int t = 0; t < CSC_903_NTABLES; t++) {
		const csc_903_table *tb = &csc_903_tables[t];
		int match = 0;
		for (int i = 0; i < tb->ncols; i++)
			match += has_field(f, len, n, tb->cols[i], 1);
		int score = 3 * match - abs(n - tb->ncols);
		if (score > best_score)
			best_score = score, best = t, best_match = match;
	}
	const csc_903_table *tb = &csc_903_tables[best];
	char expected[512] = "", missing[512] = "", extra[512] = "";
	int case_only = 1;
	for (int i = 0; i < tb->ncols; i++) {
		append(expected, sizeof expected, ",", tb->cols[i], strlen(tb->cols[i]));
		if (!has_field(f, len, n, tb->cols[i], 0)) {
			append(missing, sizeof missing, ", ", tb->cols[i], strlen(tb->cols[i]));
			case_only &= has_field(f, len, n, tb->cols[i], 1);
		}
	}
	for (int i = 0; i < n && i < 64; i++) {
		const char *s;
		size_t sn;
		trimmed(f[i], len[i], &s, &sn);
		int known = 0;
		for (int k = 0; k < tb->ncols && !known; k++)
			known = sn == strlen(tb->cols[k]) && !memcmp(s, tb->cols[k], sn);
		if (!known)
			append(extra, sizeof extra, ", ", sn ? s : "(empty)", sn ? sn : 7);
	}
	const char *note = "";
	if (!best_match)
		note = " (no column name is known: is the header row missing?)";
	else if (*missing && case_only)
		note = " (column names are upper case)";
	else if (!*missing && !*extra)
		note = " (the columns must be in this order)";
	csc_error_at(file, line,
		     "header matches no SSDA903 table; closest is %s, whose header is %s%s%s%s%s%s",
		     tb->name, expected, *missing ? "; missing: " : "", missing,
		     *extra ? "; not expected: " : "", extra, note);
}
