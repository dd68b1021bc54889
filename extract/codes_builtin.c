/* codes_builtin.c - see codes_builtin.h. */
#include <string.h>

#include "codes_builtin.h"
#include "csc_annexa_codes.h"

/* One row per code: list, code, then labels that mean it. */
static const struct {
	const char *list;
	const char *code;
	const char *alias[6];
} builtin[] = {
	{"outcome", "REF", {"Referral", "Referral to children's social care", "Referred to CSC",
			    "Referral to CSC", "Referred"}},
	{"outcome", "IA", {"Information and advice", "Advice and information", "Advice",
			   "Information"}},
	{"outcome", "EH", {"Early help", "Referral to early help", "Referred to early help"}},
	{"outcome", "NFA", {"No further action"}},
	{"outcome", "OTH", {"Other"}},
	{"tier", "2", {"Tier 2", "Universal plus", "Universal+", "T2"}},
	{"tier", "3", {"Tier 3", "Targeted", "Targeted early help", "T3"}},
	{"closure", "PROGRESS", {"Needs met", "Progress made", "Needs met / progress made",
				 "Needs met progress made"}},
	{"closure", "STEPUP", {"Step up", "Stepped up", "Stepped up to social care",
			       "Step up to social care", "Step-up"}},
	{"closure", "DISENGAGED", {"Disengaged", "Family disengaged", "Not engaged"}},
	{"closure", "MOVED", {"Moved", "Moved away", "Moved out of area"}},
	{"closure", "OTHER", {"Other"}},
	/* ReferralSource: common short forms the XSD labels do not yield */
	{"source", "3A", {"GP", "Doctor"}},
	{"source", "3E", {"A&E", "A and E", "Accident and emergency", "Hospital A&E"}},
	{"source", "2A", {"School"}},
	{"source", "1A", {"Family", "Family member", "Relative", "Parent", "Carer"}},
	{"source", "1C", {"Self", "Self referral", "Child"}},
	{"source", "4", {"Housing"}},
	{"source", "5D", {"Early help"}},
};

int codes_builtin(codes_list *c, const char *name)
{
	const csc_aa_field *aa = csc_aa_find(name);
	int found = aa != NULL;
	if (aa) {
		c->aa = aa;
		for (int i = 0; i < aa->n; i++)
			codes_add(c, aa->v[i].code);
	}
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
		if (strcmp(builtin[i].list, name))
			continue;
		found = 1;
		codes_add(c, builtin[i].code);
		for (int k = 0; k < 6 && builtin[i].alias[k]; k++)
			codes_alias(c, builtin[i].alias[k], builtin[i].code);
	}
	return found ? 0 : -1;
}
