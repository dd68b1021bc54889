/* cin_schema.c - the CIN census element table (see cin_schema.h). */
#include <stddef.h>
#include <string.h>

#include "cin_schema.h"

/* Node indices used as parents below. */
enum {
	N_MESSAGE, N_HEADER, N_COLLDET, N_SOURCE, N_CHILDREN, N_CHILD, N_IDENT, N_CHARS,
	N_DISABS, N_EPISODE, N_ASSESS, N_FACTORS, N_PLAN, N_S47, N_CPP, N_REVIEWS, N_PREPROC
};

#define GROUP(n, p, k, need) {n, p, k, -1, CIN_V_NONE, 0, 0, need}
#define LEAF(n, p, s, t, m) {n, p, -1, s, t, m, 0, NULL}
#define MULTI(n, p, s) {n, p, -1, s, CIN_V_CODE, 0, 1, NULL}

const cin_node cin_nodes[] = {
	/* groups; the order matches the enum above */
	GROUP("Message", -1, -1, "Children"),
	GROUP("Header", N_MESSAGE, CIN_HEADER, NULL),
	GROUP("CollectionDetails", N_HEADER, -1, NULL),
	GROUP("Source", N_HEADER, -1, NULL),
	GROUP("Children", N_MESSAGE, -1, NULL),
	GROUP("Child", N_CHILDREN, CIN_CHILD, "CINdetails"),
	GROUP("ChildIdentifiers", N_CHILD, -1, NULL),
	GROUP("ChildCharacteristics", N_CHILD, -1, NULL),
	GROUP("Disabilities", N_CHARS, -1, "Disability"),
	GROUP("CINdetails", N_CHILD, CIN_EPISODE, NULL),
	GROUP("Assessments", N_EPISODE, CIN_ASSESS, NULL),
	GROUP("FactorsIdentifiedAtAssessment", N_ASSESS, -1, "AssessmentFactors"),
	GROUP("CINPlanDates", N_EPISODE, CIN_PLAN, NULL),
	GROUP("Section47", N_EPISODE, CIN_S47, NULL),
	GROUP("ChildProtectionPlans", N_EPISODE, CIN_CPP, NULL),
	GROUP("Reviews", N_CPP, -1, "CPPreviewDate"),
	/* 2026-27; no schema published yet: no element is mandatory */
	GROUP("PreProceedingsandFGDM", N_EPISODE, CIN_PREPROC, NULL),

	/* Header/CollectionDetails and Header/Source */
	LEAF("Collection", N_COLLDET, 0, CIN_V_CODE, 0),
	LEAF("Year", N_COLLDET, 1, CIN_V_DIGITS, 0),
	LEAF("ReferenceDate", N_COLLDET, 2, CIN_V_DATE, 0),
	LEAF("SourceLevel", N_SOURCE, 3, CIN_V_CODE, 0),
	LEAF("LEA", N_SOURCE, 4, CIN_V_DIGITS, 0),
	LEAF("SoftwareCode", N_SOURCE, 5, CIN_V_TEXT, 0),
	LEAF("Release", N_SOURCE, 6, CIN_V_TEXT, 0),
	LEAF("SerialNo", N_SOURCE, 7, CIN_V_DIGITS, 0),
	LEAF("DateTime", N_SOURCE, 8, CIN_V_DATETIME, 0),
	/* ChildIdentifiers */
	LEAF("LAchildID", N_IDENT, 0, CIN_V_ID, 1),
	LEAF("UPN", N_IDENT, 1, CIN_V_UPN, 0),
	LEAF("FormerUPN", N_IDENT, 2, CIN_V_UPN, 0),
	LEAF("UPNunknown", N_IDENT, 3, CIN_V_CODE, 0),
	LEAF("PersonBirthDate", N_IDENT, 4, CIN_V_DATE, 0),
	LEAF("ExpectedPersonBirthDate", N_IDENT, 5, CIN_V_DATE, 0),
	LEAF("GenderCurrent", N_IDENT, 6, CIN_V_GENDER, 1), /* or Sex: same slot */
	LEAF("Sex", N_IDENT, 6, CIN_V_SEX, 0),
	LEAF("PersonDeathDate", N_IDENT, 7, CIN_V_DATE, 0),
	/* ChildCharacteristics */
	LEAF("Ethnicity", N_CHARS, 8, CIN_V_CODE, 1),
	/* CINdetails */
	LEAF("CINreferralDate", N_EPISODE, 0, CIN_V_DATE, 1),
	LEAF("ReferralSource", N_EPISODE, 1, CIN_V_CODE, 1),
	LEAF("PrimaryNeedCode", N_EPISODE, 2, CIN_V_CODE, 0),
	LEAF("CINclosureDate", N_EPISODE, 3, CIN_V_DATE, 0),
	LEAF("ReasonForClosure", N_EPISODE, 4, CIN_V_CODE, 0),
	LEAF("DateOfInitialCPC", N_EPISODE, 5, CIN_V_DATE, 0),
	LEAF("ReferralNFA", N_EPISODE, 6, CIN_V_BOOL, 1),
	/* Disabilities/Disability */
	MULTI("Disability", N_DISABS, 9),
	/* Assessments */
	LEAF("AssessmentActualStartDate", N_ASSESS, 0, CIN_V_DATE, 1),
	LEAF("AssessmentInternalReviewDate", N_ASSESS, 1, CIN_V_DATE, 0),
	LEAF("AssessmentAuthorisationDate", N_ASSESS, 2, CIN_V_DATE, 0),
	/* CINPlanDates */
	LEAF("CINPlanStartDate", N_PLAN, 0, CIN_V_DATE, 1),
	LEAF("CINPlanEndDate", N_PLAN, 1, CIN_V_DATE, 0),
	/* Section47 */
	LEAF("S47ActualStartDate", N_S47, 0, CIN_V_DATE, 1),
	LEAF("InitialCPCtarget", N_S47, 1, CIN_V_DATE, 0),
	LEAF("DateOfInitialCPC", N_S47, 2, CIN_V_DATE, 0),
	LEAF("ICPCnotRequired", N_S47, 3, CIN_V_BOOL, 1),
	/* FactorsIdentifiedAtAssessment/AssessmentFactors */
	MULTI("AssessmentFactors", N_FACTORS, 3),
	/* ChildProtectionPlans */
	LEAF("CPPstartDate", N_CPP, 0, CIN_V_DATE, 1),
	LEAF("CPPendDate", N_CPP, 1, CIN_V_DATE, 0),
	LEAF("InitialCategoryOfAbuse", N_CPP, 2, CIN_V_CODE, 1),
	LEAF("LatestCategoryOfAbuse", N_CPP, 3, CIN_V_CODE, 1),
	LEAF("NumberOfPreviousCPP", N_CPP, 4, CIN_V_COUNT, 1),
	/* PreProceedingsandFGDM: dates, a count, and text for the two flags
	 * and the outcome, whose values are not published
	 * (../shared/reference/years/cin-changes-by-year.md section 5) */
	LEAF("PPStartDate", N_PREPROC, 0, CIN_V_DATE, 0),
	LEAF("LBPSentDate", N_PREPROC, 1, CIN_V_DATE, 0),
	LEAF("FGDMMeetingOffer", N_PREPROC, 2, CIN_V_SHORT, 0),
	LEAF("FGDMMeetingFac", N_PREPROC, 3, CIN_V_SHORT, 0),
	LEAF("InitialPPMeetingDate", N_PREPROC, 4, CIN_V_DATE, 0),
	LEAF("ReviewMeetingsCount", N_PREPROC, 5, CIN_V_COUNT, 0),
	LEAF("StepDecisionDate", N_PREPROC, 6, CIN_V_DATE, 0),
	LEAF("PPOutcome", N_PREPROC, 7, CIN_V_SHORT, 0),
	LEAF("CourtAppDate", N_PREPROC, 8, CIN_V_DATE, 0),
	LEAF("LetterInitCPDate", N_PREPROC, 9, CIN_V_DATE, 0),
	/* .. +52 unused */
	LEAF("", -2, -1, CIN_V_NONE, 0), LEAF("", -2, -1, CIN_V_NONE, 0),
	LEAF("", -2, -1, CIN_V_NONE, 0), LEAF("", -2, -1, CIN_V_NONE, 0),
	LEAF("", -2, -1, CIN_V_NONE, 0), LEAF("", -2, -1, CIN_V_NONE, 0),
	LEAF("", -2, -1, CIN_V_NONE, 0), LEAF("", -2, -1, CIN_V_NONE, 0),
	/* Reviews/CPPreviewDate: each one is a record of its own */
	{"CPPreviewDate", N_REVIEWS, CIN_REVIEW, 0, CIN_V_DATE, 1, 0, NULL},
};

const int cin_nnodes = (int)(sizeof cin_nodes / sizeof cin_nodes[0]);

const char *const cin_kind_table[CIN_NKINDS] = {
	"Header", "Child", "CINdetails", "Assessments", "CINPlanDates",
	"Section47", "ChildProtectionPlans", "CPPreviewDate", "PreProceedingsandFGDM",
};

const char *const cin_kind_short[CIN_NKINDS] = {
	"", "", "", "assessment", "plan", "s47", "cpp", "review", "preproc",
};

int cin_node_kind(int node)
{
	for (int n = node; n >= 0; n = cin_nodes[n].parent)
		if (cin_nodes[n].opens >= 0)
			return cin_nodes[n].opens;
	return -1;
}

const char *cin_slot_name(int kind, int slot)
{
	if (kind == CIN_CHILD && slot == CIN_SLOT_SEX)
		return "GenderCurrent (or Sex)";
	for (int n = 0; n < cin_nnodes; n++)
		if (cin_nodes[n].slot == slot && cin_nodes[n].parent >= 0 &&
		    cin_node_kind(n) == kind)
			return cin_nodes[n].name;
	return "?";
}

int cin_node_find(int parent, const char *name)
{
	for (int n = 0; n < cin_nnodes; n++)
		if (cin_nodes[n].parent == parent && strcmp(cin_nodes[n].name, name) == 0)
			return n;
	return -1;
}
