/* share_profile.c - the profile table (docs/FORMATS.md "Shared extracts").
 *
 * regional follows PUBLISHING.md section 2: the 903 Header without UPN and
 * MOTHER, Episodes, Missing, OC3, UASC; the CIN child table and the tables
 * of its episodes; the Annex A lists that are staged (list 1 contacts and
 * the early-help list; lists 3 to 9 are not staged, and the staged lists
 * hold no team or worker). src_file and src_line trace rows back to the
 * authority's own dump and are dropped. */
#include <string.h>

#include "share_profile.h"

#define K SHARE_KEEP
#define P SHARE_PSEUDONYM
#define M SHARE_MONTH
#define S SHARE_SECTOR
#define D SHARE_DROP

static const share_file regional_files[] = {
	{"cin_children.csv", 11,
	 {{"child", P}, {"upn", D}, {"former_upn", D}, {"upn_unknown", K}, {"dob", M},
	  {"expected_dob", M}, {"sex", K}, {"death_date", M}, {"ethnicity", K},
	  {"disabilities", K}, {"src_line", D}}},
	{"cin_episodes.csv", 10,
	 {{"child", P}, {"episode", K}, {"referral_date", K}, {"referral_source", K},
	  {"primary_need", K}, {"closure_date", K}, {"closure_reason", K}, {"icpc_date", K},
	  {"referral_nfa", K}, {"src_line", D}}},
	{"cin_assessments.csv", 8,
	 {{"child", P}, {"episode", K}, {"assessment", K}, {"start_date", K}, {"review_date", K},
	  {"authorisation_date", K}, {"factors", K}, {"src_line", D}}},
	{"cin_plans.csv", 6,
	 {{"child", P}, {"episode", K}, {"plan", K}, {"start_date", K}, {"end_date", K},
	  {"src_line", D}}},
	{"cin_s47.csv", 8,
	 {{"child", P}, {"episode", K}, {"s47", K}, {"start_date", K}, {"icpc_target", K},
	  {"icpc_date", K}, {"icpc_not_required", K}, {"src_line", D}}},
	{"cin_cpp.csv", 9,
	 {{"child", P}, {"episode", K}, {"cpp", K}, {"start_date", K}, {"end_date", K},
	  {"initial_category", K}, {"latest_category", K}, {"previous_cpp", K}, {"src_line", D}}},
	{"cin_cpp_reviews.csv", 5,
	 {{"child", P}, {"episode", K}, {"cpp", K}, {"review_date", K}, {"src_line", D}}},
	{"ssda903_header.csv", 9,
	 {{"CHILD", P}, {"SEX", K}, {"DOB", M}, {"ETHNIC", K}, {"UPN", D}, {"MOTHER", D},
	  {"MC_DOB", M}, {"src_file", D}, {"src_line", D}}},
	{"ssda903_episodes.csv", 15,
	 {{"CHILD", P}, {"DECOM", K}, {"RNE", K}, {"LS", K}, {"CIN", K}, {"PLACE", K},
	  {"PLACE_PROVIDER", K}, {"DEC", K}, {"REC", K}, {"REASON_PLACE_CHANGE", K},
	  {"HOME_POST", S}, {"PL_POST", S}, {"URN", K}, {"src_file", D}, {"src_line", D}}},
	{"ssda903_missing.csv", 7,
	 {{"CHILD", P}, {"DOB", M}, {"MISSING", K}, {"MIS_START", K}, {"MIS_END", K},
	  {"src_file", D}, {"src_line", D}}},
	{"ssda903_oc3.csv", 7,
	 {{"CHILD", P}, {"DOB", M}, {"IN_TOUCH", K}, {"ACTIV", K}, {"ACCOM", K},
	  {"src_file", D}, {"src_line", D}}},
	/* DUC, the day UASC status ceased, is usually the 18th birthday: kept
	 * whole it gives the date of birth back, so it goes to its month too. */
	{"ssda903_uasc.csv", 6,
	 {{"CHILD", P}, {"SEX", K}, {"DOB", M}, {"DUC", M}, {"src_file", D}, {"src_line", D}}},
	/* contact_id is the case system's record number: linkable, so keyed */
	{"contacts.csv", 11,
	 {{"contact_id", P}, {"child", P}, {"gender", K}, {"ethnicity", K}, {"dob", M},
	  {"age", K}, {"contact_date", K}, {"source", K}, {"outcome", K},
	  {"completed_date", K}, {"src_line", D}}},
	/* episode is the case system's episode reference ("EH0000006-1" in the
	 * sample, built on the child's number): keyed like the child */
	{"early_help.csv", 9,
	 {{"child", P}, {"episode", P}, {"assessment_start", K}, {"assessment_completion", K},
	  {"organisation", K}, {"tier", K}, {"end_date", K}, {"closure_reason", K},
	  {"src_line", D}}},
};

static const share_profile regional = {
	"regional",
	"903 Header, Episodes, Missing, OC3, UASC; CIN; contacts, early help",
	(int)(sizeof regional_files / sizeof regional_files[0]),
	regional_files,
};

const share_profile *const share_profiles[] = {&regional, NULL};

const share_profile *share_profile_find(const char *name)
{
	for (int i = 0; share_profiles[i]; i++)
		if (!strcmp(share_profiles[i]->name, name))
			return share_profiles[i];
	return NULL;
}

const char *share_tx_name(enum share_tx tx)
{
	static const char *const names[] = {"keep", "pseudonym", "month", "sector", "drop"};
	return (unsigned)tx < sizeof names / sizeof names[0] ? names[tx] : "?";
}
