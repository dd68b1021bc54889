/* csc_cin_elems.c - the CIN census value elements (see csc_cin_elems.h). */
#include <stddef.h>
#include <string.h>

#include "csc_cin_elems.h"

/* Staged sex is M/F/U (FORMATS.md); GenderCurrent (to 2023-24) codes it
 * 1/2/0. Staging does not tell 0 (not recorded) from 9 (indeterminate),
 * so U is written as 0. */
static const char *const gender_codes[] = {"M", "1", "F", "2", "U", "0", NULL};

#define E(name, rec, par, f, c, codes) {name, rec, par, CSC_CIN_##f, c, codes, NULL, 0, 0}
#define CH(name, par, c, codes) E(name, "Child", par, CHILDREN, CSC_CH_##c, codes)
#define EP(name, c, codes) E(name, "CINdetails", "CINdetails", EPISODES, CSC_EP_##c, codes)
#define AS(name, par, c, codes) E(name, "Assessments", par, ASSESSMENTS, CSC_AS_##c, codes)
#define PL(name, c) E(name, "CINPlanDates", "CINPlanDates", PLANS, CSC_PL_##c, NULL)
#define S47(name, c, codes) E(name, "Section47", "Section47", S47, CSC_S47_##c, codes)
#define CPP(name, par, f, c, codes) E(name, "ChildProtectionPlans", par, f, c, codes)
#define PP(name, c)                                                                        \
	{name, "PreProceedingsandFGDM", "PreProceedingsandFGDM", CSC_CIN_PREPROC, CSC_PP_##c,    \
	 NULL, NULL, 2027, 0}

const csc_cin_elem csc_cin_elems[] = {
	CH("LAchildID", "ChildIdentifiers", CHILD, NULL),
	CH("UPN", "ChildIdentifiers", UPN, NULL),
	CH("FormerUPN", "ChildIdentifiers", FORMER_UPN, NULL),
	CH("UPNunknown", "ChildIdentifiers", UPN_UNKNOWN, "unknownupntype"),
	CH("PersonBirthDate", "ChildIdentifiers", DOB, NULL),
	CH("ExpectedPersonBirthDate", "ChildIdentifiers", EXPECTED_DOB, NULL),
	/* the child's sex: GenderCurrent to 2023-24, Sex from 2024-25 */
	{"GenderCurrent", "Child", "ChildIdentifiers", CSC_CIN_CHILDREN, CSC_CH_SEX, "gendertype",
	 gender_codes, 0, 2024},
	{"Sex", "Child", "ChildIdentifiers", CSC_CIN_CHILDREN, CSC_CH_SEX, "sextype", NULL, 2025, 0},
	CH("PersonDeathDate", "ChildIdentifiers", DEATH_DATE, NULL),
	CH("Ethnicity", "ChildCharacteristics", ETHNICITY, "ethnicitytype"),
	CH("Disability", "Disabilities", DISABILITIES, "disabilitytype"),

	EP("CINreferralDate", REFERRAL_DATE, NULL),
	EP("ReferralSource", REFERRAL_SOURCE, "referralsourcetype"),
	EP("PrimaryNeedCode", PRIMARY_NEED, "primaryneedcodetype"),
	EP("CINclosureDate", CLOSURE_DATE, NULL),
	EP("ReasonForClosure", CLOSURE_REASON, "reasonforclosuretype"),
	EP("DateOfInitialCPC", ICPC_DATE, NULL),
	EP("ReferralNFA", REFERRAL_NFA, "yesnotype"),

	AS("AssessmentActualStartDate", "Assessments", START_DATE, NULL),
	AS("AssessmentInternalReviewDate", "Assessments", REVIEW_DATE, NULL),
	AS("AssessmentAuthorisationDate", "Assessments", AUTHORISATION_DATE, NULL),
	AS("AssessmentFactors", "FactorsIdentifiedAtAssessment", FACTORS, "assessmentfactorstype"),

	PL("CINPlanStartDate", START_DATE),
	PL("CINPlanEndDate", END_DATE),

	S47("S47ActualStartDate", START_DATE, NULL),
	S47("InitialCPCtarget", ICPC_TARGET, NULL),
	S47("DateOfInitialCPC", ICPC_DATE, NULL),
	S47("ICPCnotRequired", ICPC_NOT_REQUIRED, "yesnotype"),

	CPP("CPPstartDate", "ChildProtectionPlans", CPP, CSC_CPP_START_DATE, NULL),
	CPP("CPPendDate", "ChildProtectionPlans", CPP, CSC_CPP_END_DATE, NULL),
	CPP("InitialCategoryOfAbuse", "ChildProtectionPlans", CPP, CSC_CPP_INITIAL_CATEGORY,
	    "categoryofabuse"),
	CPP("LatestCategoryOfAbuse", "ChildProtectionPlans", CPP, CSC_CPP_LATEST_CATEGORY,
	    "categoryofabuse"),
	CPP("NumberOfPreviousCPP", "ChildProtectionPlans", CPP, CSC_CPP_PREVIOUS_CPP, NULL),
	CPP("CPPreviewDate", "Reviews", REVIEWS, CSC_RV_REVIEW_DATE, NULL),

	/* 2026-27: repeated inside CINdetails, after ChildProtectionPlans */
	PP("PPStartDate", START_DATE),
	PP("LBPSentDate", LBP_SENT_DATE),
	PP("FGDMMeetingOffer", FGDM_OFFERED),
	PP("FGDMMeetingFac", FGDM_FACILITATED),
	PP("InitialPPMeetingDate", INITIAL_MEETING_DATE),
	PP("ReviewMeetingsCount", REVIEW_MEETINGS),
	PP("StepDecisionDate", STEP_DECISION_DATE),
	PP("PPOutcome", OUTCOME),
	PP("CourtAppDate", COURT_APPLICATION_DATE),
	PP("LetterInitCPDate", LETTER_INIT_CP_DATE),
};

const int csc_cin_nelems = (int)(sizeof csc_cin_elems / sizeof csc_cin_elems[0]);

const csc_cin_elem *csc_cin_elem_find(const char *record, const char *name)
{
	for (int i = 0; i < csc_cin_nelems; i++)
		if (!strcmp(csc_cin_elems[i].record, record) && !strcmp(csc_cin_elems[i].name, name))
			return &csc_cin_elems[i];
	return NULL;
}

int csc_cin_elem_in_year(const csc_cin_elem *e, int year)
{
	return (!e->from || year >= e->from) && (!e->to || year <= e->to);
}

const csc_cin_elem *csc_cin_elem_for(int file, int col, int year)
{
	for (int i = 0; i < csc_cin_nelems; i++) {
		const csc_cin_elem *e = &csc_cin_elems[i];
		if (e->file == file && e->col == col && csc_cin_elem_in_year(e, year))
			return e;
	}
	return NULL;
}

const char *csc_cin_elem_recode(const csc_cin_elem *e, const char *s)
{
	for (int i = 0; e->recode && e->recode[i]; i += 2)
		if (!strcmp(e->recode[i], s))
			return e->recode[i + 1];
	return s;
}
