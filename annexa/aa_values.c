/*
 * aa_values.c - Annex A forms of CIN codes (ANNEX-A.md, Lists 6 and 7).
 */
#include <string.h>

#include "aa_values.h"

const aa_value aa_need[] = {
	{"N1", "N1 - Abuse or neglect"}, {"N2", "N2 - Child's disability"},
	{"N3", "N3 - Parental disability or illness"}, {"N4", "N4 - Family in acute stress"},
	{"N5", "N5 - Family dysfunction"}, {"N6", "N6 - Socially unacceptable behaviour"},
	{"N7", "N7 - Low income"}, {"N8", "N8 - Absent parenting"},
	{"N9", "N9 - Cases other than children in need"}, {"N0", "N0 - Not stated"},
	{NULL, NULL},
};

const aa_value aa_closure[] = {
	{"RC1", "RC1 - Adopted"}, {"RC2", "RC2 - Died"}, {"RC3", "RC3 - Child arrangements order"},
	{"RC4", "RC4 - Special guardianship order"},
	{"RC5", "RC5 - Transferred to services of another local authority"},
	{"RC6", "RC6 - Transferred to adult social care services"},
	{"RC7", "RC7 - Services ceased for any other reason, including child no longer in need"},
	{"RC8", "RC8 - Case closed after assessment, no further action"},
	{"RC9", "RC9 - Case closed after assessment, referred to early help"},
	{NULL, NULL},
};

const aa_value aa_abuse[] = {
	{"NEG", "a) Neglect"}, {"PHY", "b) Physical abuse"}, {"SAB", "c) Sexual abuse"},
	{"EMO", "d) Emotional abuse"}, {"MUL", "e) Multiple/not recommended"},
	{NULL, NULL},
};

const char *aa_value_out(const aa_value *t, const char *code)
{
	if (!code || !*code)
		return NULL;
	for (; t->code; t++)
		if (!strcmp(t->code, code))
			return t->out;
	return code;
}
