/* csc_903.c - see csc_903.h. */
#include <string.h>
#include <strings.h>

#include "csc_903.h"

const csc_903_table csc_903_tables[CSC_903_NTABLES_ALL] = {
	{"Header", "header", 7, {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}, 0},
	{"Episodes", "episodes", 13,
	 {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
	  "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}, 0},
	{"Reviews", "reviews", 4, {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}, 0},
	{"UASC", "uasc", 4, {"CHILD", "SEX", "DOB", "DUC"}, 0},
	{"OC2", "oc2", 12,
	 {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
	  "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
	  "INTERVENTION_OFFERED"}, 0},
	{"OC3", "oc3", 5, {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}, 0},
	{"AD1", "ad1", 8,
	 {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
	  "LS_ADOPTR"}, 0},
	{"PlacedAdoption", "placedadoption", 5,
	 {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}, 0},
	{"PrevPerm", "prevperm", 5, {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"}, 0},
	{"Missing", "missing", 5, {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}, 0},
	{"SocialWorker", "socialworker", 6, {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"}, 0},
	/* From 2026-27 (../shared/reference/years/ssda903-changes-by-year.md 0.5). */
	{"DoLo", "dolo", 4, {"CHILD", "DOB", "DOLO_START", "DOLO_END"}, 2027},
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
