/* gen_codes.c - see gen_codes.h. */
#include <stddef.h>
#include "gen_codes.h"
#include "gen_rng.h"

#define N(t) ((int)(sizeof t / sizeof t[0]))

/* Labels are the XSD's documentation of each code; police (6) is about a
 * third of contacts, as nationally. */
const gen_code gen_ref_sources[] = {
	{"1A", 4, "INDIVIDUAL \xe2\x80\x93 family member, relative or carer"},
	{"1B", 1, "INDIVIDUAL \xe2\x80\x93 acquaintance (including neighbours and child minders)"},
	{"1C", 1, "INDIVIDUAL \xe2\x80\x93 self"},
	{"1D", 1, "INDIVIDUAL \xe2\x80\x93 other (including strangers)"},
	{"2A", 18, "SCHOOLS"},
	{"2B", 1, "EDUCATION SERVICES"},
	{"3A", 2, "HEALTH SERVICES \xe2\x80\x93 general practitioner (GP)"},
	{"3B", 2, "HEALTH SERVICES \xe2\x80\x93 health visitor"},
	{"3C", 1, "HEALTH SERVICES \xe2\x80\x93 school nurse"},
	{"3D", 2, "HEALTH SERVICES \xe2\x80\x93 other primary health services"},
	{"3E", 3, "HEALTH SERVICES \xe2\x80\x93 A&E (accident and emergency department)"},
	{"3F", 4, "HEALTH SERVICES \xe2\x80\x93 other (for example hospice)"},
	{"4", 2, "HOUSING - local authority housing or housing association"},
	{"5A", 3, "LA SERVICES \xe2\x80\x93 social care for example adults social care services"},
	{"5B", 2, "LA SERVICES \xe2\x80\x93 other internal (department other than social care in local authorities, for example, youth offending (excluding housing))"},
	{"5C", 2, "LA SERVICES \xe2\x80\x93 external, for example, from another local authority\xe2\x80\x99s adults social care services"},
	{"5D", 3, NULL},
	{"6", 30, "POLICE"},
	{"7", 3, "OTHER LEGAL AGENCY \xe2\x80\x93 including courts, probation, immigration, CAFCASS (Children and Family Court Advisory and Support Service) or prison"},
	{"8", 5, "OTHER \xe2\x80\x93 including children\xe2\x80\x99s centres, independent agency providers or voluntary organisations"},
	{"9", 2, "ANONYMOUS"},
	{"10", 2, "UNKNOWN"},
};
const int gen_nref_sources = N(gen_ref_sources);

const gen_code gen_ethnicity[] = {
	{"WBRI", 64, NULL}, {"WIRI", 1, NULL}, {"WIRT", 0.5, NULL}, {"WOTH", 6, NULL},
	{"WROM", 0.7, NULL}, {"MWBC", 3, NULL}, {"MWBA", 1.2, NULL}, {"MWAS", 1.5, NULL},
	{"MOTH", 3, NULL}, {"AIND", 1.5, NULL}, {"APKN", 3, NULL}, {"ABAN", 1.2, NULL},
	{"AOTH", 1.5, NULL}, {"BCRB", 1.5, NULL}, {"BAFR", 4, NULL}, {"BOTH", 1.2, NULL},
	{"CHNE", 0.3, NULL}, {"OOTH", 2.5, NULL}, {"REFU", 0.4, NULL}, {"NOBT", 1.5, NULL},
};
const int gen_nethnicity = N(gen_ethnicity);

const gen_code gen_disability[] = {
	{"MOB", 2, NULL}, {"HAND", 1, NULL}, {"PC", 1, NULL}, {"INC", 1, NULL},
	{"COMM", 3, NULL}, {"LD", 4, NULL}, {"HEAR", 1, NULL}, {"VIS", 1, NULL},
	{"BEH", 4, NULL}, {"CON", 0.5, NULL}, {"AUT", 4, NULL}, {"DDA", 1, NULL},
};
const int gen_ndisability = N(gen_disability);

const gen_code gen_factors[] = {
	{"1A", 1, NULL}, {"1B", 5, NULL}, {"1C", 1, NULL}, {"2A", 2, NULL}, {"2B", 5, NULL},
	{"2C", 1, NULL}, {"3A", 6, NULL}, {"3B", 10, NULL}, {"3C", 1, NULL}, {"4A", 5, NULL},
	{"4B", 10, NULL}, {"4C", 1, NULL}, {"5A", 1, NULL}, {"5B", 2, NULL}, {"5C", 0.3, NULL},
	{"6A", 1, NULL}, {"6B", 2, NULL}, {"6C", 0.3, NULL}, {"7A", 0.5, NULL},
	{"8B", 0.1, NULL}, {"8C", 0.1, NULL}, {"8D", 0.1, NULL}, {"8E", 0.1, NULL},
	{"8F", 0.1, NULL}, {"9A", 0.5, NULL}, {"10A", 1, NULL}, {"11A", 1, NULL},
	{"12A", 0.3, NULL}, {"13A", 0.5, NULL}, {"14A", 1, NULL}, {"15A", 1.5, NULL},
	{"16A", 3, NULL}, {"17A", 4, NULL}, {"18B", 0.5, NULL}, {"18C", 2, NULL},
	{"19B", 0.3, NULL}, {"19C", 0.8, NULL}, {"20", 2, NULL}, {"22A", 0.1, NULL},
	{"23A", 0.1, NULL}, {"24A", 0.8, NULL},
};
const int gen_nfactors = N(gen_factors);

const gen_code gen_abuse[] = {
	{"NEG", 50, NULL}, {"PHY", 8, NULL}, {"SAB", 4, NULL}, {"EMO", 36, NULL}, {"MUL", 2, NULL},
};
const int gen_nabuse = N(gen_abuse);

const gen_code gen_eh_reasons[] = {
	{"PROGRESS", 60, NULL}, {"STEPUP", 12, NULL}, {"DISENGAGED", 12, NULL},
	{"MOVED", 6, NULL}, {"OTHER", 10, NULL},
};
const int gen_neh_reasons = N(gen_eh_reasons);

const gen_code gen_eh_orgs[] = {
	{"Family Hub", 40, NULL}, {"School", 25, NULL}, {"Health Visiting", 12, NULL},
	{"Early Help Team", 18, NULL}, {"Voluntary Sector", 5, NULL},
};
const int gen_neh_orgs = N(gen_eh_orgs);

/* IN_TOUCH; YES and NREQ are the young people whose activity is known. */
const gen_code gen_in_touch[] = {
	{"YES", 86, NULL}, {"NO", 4, NULL}, {"REFU", 3, NULL}, {"NREQ", 5, NULL},
	{"RHOM", 1.5, NULL}, {"DIED", 0.5, NULL},
};
const int gen_nin_touch = N(gen_in_touch);

const gen_code gen_activ_eet[] = {
	{"F1", 8, NULL}, {"P1", 1, NULL}, {"F2", 25, NULL}, {"P2", 6, NULL},
	{"F4", 6, NULL}, {"P4", 1, NULL}, {"F5", 15, NULL}, {"P5", 5, NULL},
};
const int gen_nactiv_eet = N(gen_activ_eet);

const gen_code gen_activ_neet[] = {
	{"G4", 45, NULL}, {"G5", 30, NULL}, {"G6", 25, NULL},
};
const int gen_nactiv_neet = N(gen_activ_neet);

const gen_code gen_accom_letter[] = {
	{"B", 10, NULL}, {"C", 2, NULL}, {"D", 20, NULL}, {"E", 10, NULL}, {"K", 5, NULL},
	{"R", 3, NULL}, {"T", 4, NULL}, {"U", 30, NULL}, {"V", 2, NULL}, {"W", 1, NULL},
	{"X", 3, NULL}, {"Y", 5, NULL}, {"Z", 5, NULL},
};
const int gen_naccom_letter = N(gen_accom_letter);

const gen_code gen_sw_reasons[] = {
	{"MANAGE", 10, NULL}, {"FCONTA", 5, NULL}, {"LEFTRL", 30, NULL}, {"ORGRST", 10, NULL},
	{"TSPROC", 15, NULL}, {"ABSENC", 8, NULL}, {"CHCHAN", 10, NULL}, {"OTHERS", 12, NULL},
};
const int gen_nsw_reasons = N(gen_sw_reasons);

const char *const gen_outcomes[] = {"", "REF", "IA", "EH", "NFA", "OTH"};

const char *const gen_upn_letters = "ABCDEFGHJKLMNPQRTUVWXYZ";

int gen_pick_code(struct gen_rng *r, const gen_code *t, int n)
{
	double tot = 0;
	for (int i = 0; i < n; i++)
		tot += t[i].weight;
	double u = gen_unif(r) * tot;
	for (int i = 0; i < n - 1; i++) {
		if (u < t[i].weight)
			return i;
		u -= t[i].weight;
	}
	return n - 1;
}
