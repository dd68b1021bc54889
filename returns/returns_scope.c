/* returns_scope.c - see returns_scope.h. */
#include <string.h>

#include "returns_scope.h"

int ret_year_init(ret_year *y, int year)
{
	if (year < 2000 || year > 2999)
		return -1;
	y->year = year;
	y->first = csc_date_make(year - 1, 4, 1);
	y->last = csc_date_make(year, 3, 31);
	/* The CIN and SSDA903 specifications for 2024-25 replaced the 1/2/0/9
	 * gender codes with the M/F/U sex item (INPUTS.md). */
	y->sex_letters = year >= 2025;
	return 0;
}

int ret_overlaps(const ret_year *y, csc_date start, csc_date end)
{
	if (start == CSC_NODATE || start > y->last)
		return 0;
	return end == CSC_NODATE || end >= y->first;
}

int ret_in_year(const ret_year *y, csc_date d)
{
	return d != CSC_NODATE && d >= y->first && d <= y->last;
}

csc_date ret_as_at(const ret_year *y, csc_date d)
{
	return d != CSC_NODATE && d > y->last ? CSC_NODATE : d;
}

int ret_s47_in_scope(const ret_year *y, csc_date start, csc_date icpc, int icpc_not_required)
{
	if (start == CSC_NODATE || start > y->last)
		return 0;
	if (start >= y->first)
		return 1;
	if (icpc != CSC_NODATE)
		return icpc >= y->first;
	return !icpc_not_required;
}

int ret_assessment_in_scope(const ret_year *y, csc_date start, csc_date authorised)
{
	return ret_overlaps(y, start, authorised);
}

int ret_oc3_age(const ret_year *y, csc_date dob)
{
	if (dob == CSC_NODATE)
		return 0;
	for (int age = 17; age <= 21; age++)
		if (ret_in_year(y, csc_date_birthday(dob, age)))
			return age;
	return 0;
}

csc_date ret_date(const char *s, int *bad)
{
	csc_date d;
	if (!s || !*s)
		return CSC_NODATE;
	if (csc_date_parse_iso(s, strlen(s), &d) == 0)
		return d;
	if (bad)
		*bad = 1;
	return CSC_NODATE;
}
