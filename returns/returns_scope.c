/* returns_scope.c - see returns_scope.h. */
#include <string.h>

#include "returns_scope.h"

int rs_year_init(rs_year *y, int year)
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

int rs_overlaps(const rs_year *y, csc_date start, csc_date end)
{
	if (start == CSC_NODATE || start > y->last)
		return 0;
	return end == CSC_NODATE || end >= y->first;
}

int rs_in_year(const rs_year *y, csc_date d)
{
	return d != CSC_NODATE && d >= y->first && d <= y->last;
}

csc_date rs_as_at(const rs_year *y, csc_date d)
{
	return d != CSC_NODATE && d > y->last ? CSC_NODATE : d;
}

int rs_s47_in_scope(const rs_year *y, csc_date start, csc_date icpc, int icpc_not_required)
{
	if (start == CSC_NODATE || start > y->last)
		return 0;
	if (start >= y->first)
		return 1;
	if (icpc != CSC_NODATE)
		return icpc >= y->first;
	return !icpc_not_required;
}

int rs_assessment_in_scope(const rs_year *y, csc_date start, csc_date authorised)
{
	return rs_overlaps(y, start, authorised);
}

int rs_oc3_age(const rs_year *y, csc_date dob)
{
	if (dob == CSC_NODATE)
		return 0;
	for (int age = 17; age <= 21; age++)
		if (rs_in_year(y, csc_date_birthday(dob, age)))
			return age;
	return 0;
}

csc_date rs_date(const char *s, int *bad)
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
