/* Every CIN census rule, failed and passed: a table of small returns, each
 * with the rule code and whether that code must be raised. The census year
 * of the default header is 2025-04-01..2026-03-31; a case with another
 * ReferenceDate runs that collection year's rule set (2024-03-31: 2023-24).
 * Expected outcomes are worked by hand from the DfE rule text; see the
 * comment on each case. A final check makes sure every rule table entry
 * has at least one failing and one passing case in a year it is in force,
 * and that each year's registry matches ref/cin-rules-by-year.csv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csc_csvr.h"
#include "validate/cin_rules.h"
#include "csc_cin_elems.h"
#include "csc_csvcols.h"
#include "csc_workday.h"
#include "validate/v_engine.h"
#include "validate/v_year.h"

#define BY_YEAR CSC_DATADIR "/ref/cin-rules-by-year.csv"

#define T(tag, v) "<" #tag ">" v "</" #tag ">"
#define CHILD(x) "<Child>" x "</Child>"
#define IDS(x) "<ChildIdentifiers>" x "</ChildIdentifiers>"
#define CHR(x) "<ChildCharacteristics>" x "</ChildCharacteristics>"
#define DIS(x) "<Disabilities>" x "</Disabilities>"
#define D(x) T(Disability, x)
#define EP(x) "<CINdetails>" x "</CINdetails>"
#define ASS(x) "<Assessments>" x "</Assessments>"
#define FAC(x) "<FactorsIdentifiedAtAssessment>" x "</FactorsIdentifiedAtAssessment>"
#define F(x) T(AssessmentFactors, x)
#define PLAN(x) "<CINPlanDates>" x "</CINPlanDates>"
#define S47(x) "<Section47>" x "</Section47>"
#define CPP(x) "<ChildProtectionPlans>" x "</ChildProtectionPlans>"
#define REV(x) "<Reviews>" x "</Reviews>"

#define UPN_OK "L201234567890" /* check letter worked by hand: see test_upn */
#define ID_BASE T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(Sex, "M")
#define ID_OK T(LAchildID, "C1") ID_BASE
#define CH_OK CHR(T(Ethnicity, "WBRI") DIS(D("NONE")))
#define EPF(ref, nfa) T(CINreferralDate, ref) T(ReferralSource, "1A") T(PrimaryNeedCode, "N1") T(ReferralNFA, nfa)
#define EPF_OK EPF("2025-06-02", "false")
#define CLOSED(d, r) T(CINclosureDate, d) T(ReasonForClosure, r)
#define AS(s) T(AssessmentActualStartDate, s)
#define AU(s) T(AssessmentAuthorisationDate, s)
#define ASS_DONE ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("1A")))
#define PS(s) T(CINPlanStartDate, s)
#define PE(s) T(CINPlanEndDate, s)
#define SS(s) T(S47ActualStartDate, s)
#define SI(s) T(DateOfInitialCPC, s)
#define NOTREQ(b) T(ICPCnotRequired, b)
#define CATS T(InitialCategoryOfAbuse, "NEG") T(LatestCategoryOfAbuse, "NEG") T(NumberOfPreviousCPP, "0")
#define CS(s) T(CPPstartDate, s)
#define CE(s) T(CPPendDate, s)
#define CPP_AT(s, e) CPP(CS(s) e CATS)

/* A child: default identifiers and characteristics, then the episodes. */
#define KID(eps) CHILD(IDS(ID_OK) CH_OK eps)
#define KIDI(ids, eps) CHILD(IDS(ids) CH_OK eps)
#define KIDC(ch, eps) CHILD(IDS(ID_OK) CHR(ch) eps)
#define OK_EP EP(EPF_OK)

typedef struct rcase {
	const char *code;
	int fail;            /* 1: the code must be raised; 0: it must not */
	const char *children;
	const char *refdate; /* header ReferenceDate; NULL = 2026-03-31 */
	const char *why;
} rcase;

static const rcase cases[] = {
	{"100", 1, KID(OK_EP), "2026-03-30", "header date is not 31 March of Year 2026"},
	{"100", 0, KID(OK_EP), NULL, "2026-03-31 for Year 2026"},
	{"1103", 1, KID(EP(EPF_OK ASS(AS("2025-06-01")))), NULL, "assessment a day before referral"},
	{"1103", 0, KID(EP(EPF_OK ASS(AS("2025-06-02")))), NULL, "assessment on the referral day"},
	{"1104", 1, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-01") NOTREQ("false")))), NULL, "S47 ICPC before referral"},
	{"1104", 1, KID(EP(EPF_OK SI("2025-06-01"))), NULL, "CIN-level ICPC before referral"},
	{"1104", 0, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-10") NOTREQ("false")))), NULL, "ICPC after referral"},
	{"1105", 1, KID(EP(EPF_OK CPP_AT("2025-06-01", ""))), NULL, "CP plan before referral"},
	{"1105", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "CP plan after referral"},
	{"1510", 1, KIDI(T(LAchildID, "C1") T(UPN, "A201234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "check letter should be L"},
	{"1510", 0, KID(OK_EP), NULL, "correct check letter"},
	{"1520", 1, KID(OK_EP) KIDI(T(LAchildID, "C2") ID_BASE, OK_EP), NULL, "two children, one UPN"},
	{"1520", 0, KID(OK_EP) KIDI(T(LAchildID, "C2") T(UPN, "A201234567891") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "different UPNs"},
	/* regression (UBSan at cin_checks.c:109): with no key at all the list
	 * was sorted as a NULL array */
	{"1520", 0, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "no child has a UPN"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "Q999234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "LA 999 does not exist"},
	{"1530", 0, KID(OK_EP), NULL, "LA 201 City of London"},
	/* issue 15: the DfE pseudo LA numbers 001-005, 660-681, 701-708 are valid */
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X001234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "pseudo LA 001"},
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X005234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "pseudo LA 005"},
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X660234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "pseudo LA 660"},
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X681234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "pseudo LA 681"},
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X701234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "pseudo LA 701"},
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X708234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "pseudo LA 708"},
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X875234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "875, in the DfE list (was missing here)"},
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X942234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "942, added 2023-24"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "X000234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "000 is no LA"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "X006234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "006, just past the pseudo range"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "X659234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "659"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "X682234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "682"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "X700234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "700"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "X709234567890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "709"},
	{"1540", 1, KIDI(T(LAchildID, "C1") T(UPN, "L2012345X7890") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "letter among chars 5-12"},
	{"1540", 0, KID(OK_EP), NULL, "digits"},
	{"1550", 1, KIDI(T(LAchildID, "C1") T(UPN, "L20123456789I") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "I is not allowed at 13"},
	{"1550", 0, KIDI(T(LAchildID, "C1") T(UPN, "L20123456789A") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "temporary UPN letter A"},
	{"1560Q", 1, KIDI(ID_OK T(FormerUPN, "X12"), OK_EP), NULL, "former UPN too short"},
	{"1560Q", 0, KIDI(ID_OK T(FormerUPN, "A201234567891"), OK_EP), NULL, "former UPN well formed"},
	{"1570", 1, KIDI(T(LAchildID, "ABCDEFGHIJKLMNOPQRSTU") ID_BASE, OK_EP), NULL, "21 characters"},
	{"1570", 0, KIDI(T(LAchildID, "ABCDEFGHIJKLMNOPQRST") ID_BASE, OK_EP), NULL, "20 characters"},
	{"1580", 1, KIDI(T(LAchildID, "C-1") ID_BASE, OK_EP), NULL, "hyphen"},
	{"1580", 0, KID(OK_EP), NULL, "alphanumeric"},
	{"2883", 1, KID(EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "1 plan, 0 conferences"},
	{"2883", 0, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-10") NOTREQ("false")) CPP_AT("2025-06-10", ""))), NULL, "1 plan, 1 conference"},
	{"2884", 1, KID(EP(EPF_OK SI("2025-06-10") S47(SS("2025-06-03") SI("2025-06-10") NOTREQ("false")))), NULL, "same ICPC on both levels"},
	{"2884", 0, KID(EP(EPF_OK SI("2025-06-10"))), NULL, "ICPC on CIN details only"},
	{"2885", 1, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-10") NOTREQ("false")) CPP_AT("2025-06-11", ""))), NULL, "plan a day after the ICPC"},
	{"2885", 0, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-10") NOTREQ("false")) CPP_AT("2025-06-10", ""))), NULL, "plan on the ICPC day"},
	{"2886Q", 1, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2015-05-01") T(Sex, "U"), OK_EP), NULL, "1 of 1 born child without sex"},
	{"2886Q", 0, KID(OK_EP), NULL, "sex recorded"},
	{"2887Q", 1, KID(OK_EP), NULL, "no disability codes besides NONE"},
	{"2887Q", 0, KIDC(T(Ethnicity, "WBRI") DIS(D("MOB") D("HAND") D("PC") D("INC") D("COMM") D("LD") D("HEAR") D("VIS")), OK_EP), NULL, "8 codes"},
	{"2888Q", 1, KIDC(T(Ethnicity, "WBRI") DIS(D("MOB")), OK_EP), NULL, "the only disabled child has one code"},
	{"2888Q", 0, KIDC(T(Ethnicity, "WBRI") DIS(D("MOB") D("HAND")), OK_EP), NULL, "a child with two codes"},
	{"2889", 1, KID(EP(EPF_OK S47(SS("2025-06-01") NOTREQ("true")))), NULL, "S47 before referral"},
	{"2889", 0, KID(EP(EPF_OK S47(SS("2025-06-02") NOTREQ("true")))), NULL, "S47 on referral day"},
	{"2990", 1, KID(EP(EPF_OK CLOSED("2025-07-01", "RC8") ASS_DONE PLAN(PS("2025-06-05") PE("2025-06-20")))), NULL, "plan on an RC8 episode"},
	{"2990", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC8") ASS_DONE)), NULL, "RC8 after an assessment only"},
	{"2991Q", 1, KID(EP(EPF_OK S47(SS("2025-06-03") NOTREQ("true")))), NULL, "S47 without assessment"},
	{"2991Q", 0, KID(EP(EPF_OK ASS_DONE S47(SS("2025-06-03") NOTREQ("true")))), NULL, "S47 with assessment"},
	{"4000", 1, KID(EP(EPF("2025-06-02", "true") PLAN(PS("2025-06-05")))), NULL, "plan on NFA"},
	{"4000", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05")))), NULL, "plan on further action"},
	{"4001", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05")) CPP_AT("2025-06-10", ""))), NULL, "both open"},
	{"4001", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-06-10")) CPP_AT("2025-06-10", ""))), NULL, "plan ended when CPP began"},
	/* issue 15: one CINdetails module; an open CIN plan in one and a CP plan in another is not 4001 */
	{"4001", 0, KID(EP(EPF("2025-05-01", "false") PLAN(PS("2025-05-05"))) EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "CIN plan and CP plan in different modules"},
	{"4001", 1, KID(EP(EPF("2025-05-01", "false") PLAN(PS("2025-05-05"))) EP(EPF_OK PLAN(PS("2025-06-05")) CPP_AT("2025-06-10", ""))), NULL, "both open in the second module"},
	{"4003", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05")) CPP(CS("2025-06-10") CATS REV(T(CPPreviewDate, "2025-07-01"))))), NULL, "review while CIN plan open"},
	{"4003", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-06-10")) CPP(CS("2025-06-10") CATS REV(T(CPPreviewDate, "2025-07-01"))))), NULL, "plan ended before"},
	/* issue 15: one CINdetails module */
	{"4003", 0, KID(EP(EPF("2025-05-01", "false") PLAN(PS("2025-05-05"))) EP(EPF_OK CPP(CS("2025-06-10") CATS REV(T(CPPreviewDate, "2025-07-01"))))), NULL, "open CIN plan in another module"},
	{"4004", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05")) PLAN(PS("2025-06-06")))), NULL, "two open plans"},
	{"4004", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-06-06")) PLAN(PS("2025-06-06")))), NULL, "one open"},
	{"4008", 1, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK PLAN(PS("2025-07-02")))), NULL, "plan after death"},
	{"4008", 0, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-07-01")))), NULL, "plan before death"},
	{"4009Q", 1, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-07-02")))), NULL, "plan ends after death"},
	{"4009Q", 0, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-07-01")))), NULL, "ends on the day"},
	{"4010", 1, KID(EP(EPF_OK PLAN(PE("2025-07-01")))), NULL, "no start date"},
	{"4010", 1, KID(EP(EPF_OK PLAN(PS("2026-04-01")))), NULL, "starts after the census"},
	{"4010", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05")))), NULL, "starts in the year"},
	{"4011", 1, KID(EP(EPF_OK PLAN(PS("2025-06-10") PE("2025-06-05")))), NULL, "ends before start"},
	{"4011", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-06-10")))), NULL, "ordered"},
	{"4012Q", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-06-05")))), NULL, "same day"},
	{"4012Q", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-06-06")))), NULL, "next day"},
	{"4013", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2026-04-02")))), NULL, "end after 31 March"},
	{"4013", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2026-03-31")))), NULL, "end on 31 March"},
	{"4014", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-07-01")) PLAN(PS("2025-06-20") PE("2025-08-01")))), NULL, "overlap"},
	{"4014", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-07-01")) PLAN(PS("2025-07-01") PE("2025-08-01")))), NULL, "back to back"},
	/* issue 15: an open plan runs to the ReferenceDate (31/03/2026), not for ever */
	{"4014", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05")) PLAN(PS("2026-03-30") PE("2026-03-31")))), NULL, "starts the day before the reference date, inside an open plan"},
	{"4014", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05")) PLAN(PS("2026-03-31")))), NULL, "starts on the reference date, where the open plan ends"},
	{"4015", 1, KID(EP(EPF_OK PLAN(PS("2025-06-01")))), NULL, "plan before referral"},
	{"4015", 0, KID(EP(EPF_OK PLAN(PS("2025-06-02")))), NULL, "plan on referral day"},
	{"4016", 1, KID(EP(EPF_OK CPP_AT("2025-06-10", "") PLAN(PS("2025-06-20")))), NULL, "CIN plan starts during CPP"},
	{"4016", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-07-01")) PLAN(PS("2025-07-01")))), NULL, "CIN plan starts as CPP ends"},
	{"4017", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05")) CPP_AT("2025-06-20", ""))), NULL, "CPP starts during CIN plan"},
	{"4017", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05") PE("2025-06-20")) CPP_AT("2025-06-20", ""))), NULL, "CIN plan ends as CPP starts"},
	/* issue 15: an open CIN plan runs to the ReferenceDate */
	{"4017", 1, KID(EP(EPF_OK PLAN(PS("2025-06-05")) CPP_AT("2026-03-30", ""))), NULL, "CPP the day before the reference date, CIN plan open"},
	{"4017", 0, KID(EP(EPF_OK PLAN(PS("2025-06-05")) CPP_AT("2026-03-31", ""))), NULL, "CPP on the reference date, where the open CIN plan ends"},
	{"4180", 1, KIDI(T(LAchildID, "C1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(Sex, "X"), OK_EP), NULL, "Sex X"},
	{"4180", 1, KIDI(T(LAchildID, "C1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01"), OK_EP), NULL, "no Sex"},
	{"4180", 0, KID(OK_EP), NULL, "Sex M"},
	{"4180", 1, KIDI(T(LAchildID, "C1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "2"), OK_EP), NULL, "GenderCurrent, the 2023-24 element, from 2024-25"},
	{"4220", 1, KIDC(T(Ethnicity, "XXXX") DIS(D("NONE")), OK_EP), NULL, "unknown ethnicity"},
	{"4220", 0, KID(OK_EP), NULL, "WBRI"},
	{"8500", 1, KIDI(ID_BASE, OK_EP), NULL, "no LAchildID"},
	{"8500", 0, KID(OK_EP), NULL, "has one"},
	{"8510", 1, KID(OK_EP) KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "C1 twice"},
	{"8510", 0, KID(OK_EP) KIDI(T(LAchildID, "C2") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "C1 and C2"},
	{"8510", 0, KIDI(ID_BASE, OK_EP), NULL, "no child has an LA child ID (no keys to sort)"},
	{"8520", 1, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2026-04-01") T(Sex, "M"), OK_EP), NULL, "born after 31 March"},
	{"8520", 0, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2026-03-31") T(Sex, "M"), OK_EP), NULL, "born on 31 March"},
	{"8525Q", 1, KIDI(ID_OK T(ExpectedPersonBirthDate, "2026-05-01"), OK_EP), NULL, "both dates"},
	{"8525Q", 1, KIDI(T(LAchildID, "C1") T(Sex, "U"), OK_EP), NULL, "neither date"},
	{"8525Q", 0, KID(OK_EP), NULL, "birth date only"},
	{"8530Q", 1, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2027-01-01") T(Sex, "U"), OK_EP), NULL, "after ref + 9 months (2026-12-31)"},
	{"8530Q", 1, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2026-02-28") T(Sex, "U"), OK_EP), NULL, "before ref - 30 days (2026-03-01)"},
	{"8530Q", 0, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2026-12-31") T(Sex, "U"), OK_EP), NULL, "on ref + 9 months"},
	{"8535Q", 1, KIDI(ID_OK T(PersonDeathDate, "2015-04-01"), OK_EP), NULL, "death before birth"},
	{"8535Q", 0, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), OK_EP), NULL, "death after birth"},
	{"8540", 1, KIDC(T(Ethnicity, "WBRI") DIS(D("XYZ")), OK_EP), NULL, "unknown code"},
	{"8540", 1, KIDC(T(Ethnicity, "WBRI"), OK_EP), NULL, "none recorded, further action"},
	{"8540", 0, KID(OK_EP), NULL, "NONE"},
	{"8545Q", 1, KIDI(ID_OK T(PersonDeathDate, "2025-03-01"), OK_EP), NULL, "died before the year"},
	{"8545Q", 0, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), OK_EP), NULL, "died in the year"},
	{"8555Q", 1, KIDI(ID_OK T(PersonDeathDate, "2025-06-01"), OK_EP), NULL, "referred after death"},
	{"8555Q", 0, KIDI(ID_OK T(PersonDeathDate, "2025-06-02"), OK_EP), NULL, "referred on the day"},
	{"8565", 1, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7") ASS(AS("2025-06-03") AU("2025-07-05") FAC(F("1A"))))), NULL, "authorised after closure"},
	{"8565", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7") ASS_DONE)), NULL, "authorised on closure day"},
	{"8568", 1, KID(EP(EPF("2025-06-02", "maybe"))), NULL, "not a flag"},
	{"8568", 1, KID(EP(T(CINreferralDate, "2025-06-02") T(ReferralSource, "1A"))), NULL, "missing"},
	{"8568", 0, KID(EP(EPF("2025-06-02", "FALSE"))), NULL, "FALSE"},
	/* 1 April 2024 is Easter Monday and 29 March Good Friday, so one
	 * working day before the 2024-25 year is Thursday 28 March. */
	{"8569Q", 1, KID(EP(EPF("2024-03-27", "true"))), "2025-03-31", "NFA referral before 28 March 2024"},
	{"8569Q", 0, KID(EP(EPF("2024-03-28", "true"))), "2025-03-31", "NFA referral on 28 March 2024 (fails if bank holidays are ignored)"},
	{"8585Q", 1, KID(EP(EPF_OK CLOSED("2025-07-01", "RC2"))), NULL, "died, no date of death"},
	{"8585Q", 0, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK CLOSED("2025-07-01", "RC2"))), NULL, "date of death given"},
	{"8590", 1, KID(""), NULL, "no episode"},
	{"8590", 0, KID(OK_EP), NULL, "one episode"},
	{"8600", 1, KID(EP(T(ReferralSource, "1A") T(ReferralNFA, "false"))), NULL, "no referral date"},
	{"8600", 1, KID(EP(EPF("2026-04-01", "false"))), NULL, "after the census"},
	{"8600", 0, KID(OK_EP), NULL, "in the year"},
	{"8606", 1, KID(EP(EPF("2014-07-01", "false"))), NULL, "304 days before birth"},
	{"8606", 0, KID(EP(EPF("2014-08-01", "false"))), NULL, "273 days before birth"},
	{"8608", 1, KID(EP(EPF_OK ASS(AS("2025-07-05") AU("2025-07-01") FAC(F("1A"))))), NULL, "start after end"},
	{"8608", 0, KID(EP(EPF_OK ASS_DONE)), NULL, "ordered"},
	{"8610", 1, KID(EP(T(CINreferralDate, "2025-06-02") T(ReferralSource, "1A") T(ReferralNFA, "0"))), NULL, "no primary need"},
	{"8610", 0, KID(OK_EP), NULL, "N1"},
	{"8614", 1, KID(EP(EPF_OK ASS(AS("2025-06-03") FAC(F("1A"))))), NULL, "factors, not completed"},
	{"8614", 0, KID(EP(EPF_OK ASS_DONE)), NULL, "factors, completed"},
	{"8615", 1, KID(EP(EPF_OK S47(SS("2025-06-12") SI("2025-06-10") NOTREQ("false")))), NULL, "S47 after its ICPC"},
	{"8615", 1, KID(EP(EPF_OK S47(SI("2025-06-10") NOTREQ("false")))), NULL, "no S47 start"},
	{"8615", 0, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-10") NOTREQ("false")))), NULL, "ordered"},
	{"8620", 1, KID(EP(EPF_OK CLOSED("2026-04-05", "RC7"))), NULL, "closed after the year"},
	{"8620", 0, KID(EP(EPF_OK CLOSED("2025-12-01", "RC7"))), NULL, "closed in the year"},
	{"8630", 1, KID(EP(EPF_OK CLOSED("2025-06-01", "RC7"))), NULL, "closed before referral"},
	{"8630", 0, KID(EP(EPF_OK CLOSED("2025-06-02", "RC7"))), NULL, "closed on referral day"},
	{"8640", 1, KID(EP(EPF_OK CLOSED("2025-12-01", "RC0"))), NULL, "RC0"},
	{"8640", 0, KID(EP(EPF_OK CLOSED("2025-12-01", "RC7"))), NULL, "RC7"},
	{"8650", 1, KID(EP(T(CINreferralDate, "2025-06-02") T(ReferralSource, "1A") T(PrimaryNeedCode, "N10") T(ReferralNFA, "false"))), NULL, "N10"},
	{"8650", 0, KID(OK_EP), NULL, "N1"},
	/* Census ending 31 Jan 2026: 45 working days back, across 25-26 Dec
	 * and 1 Jan, is Tue 25 Nov 2025 (48 without the holidays). */
	{"8670Q", 1, KID(EP(EPF("2025-11-20", "false") ASS(AS("2025-11-24")))), "2026-01-31", "46 working days"},
	{"8670Q", 0, KID(EP(EPF("2025-11-20", "false") ASS(AS("2025-11-25")))), "2026-01-31", "45 working days"},
	/* Census ending 9 Jan 2026: 15 working days back is Tue 16 Dec 2025
	 * (18 without the holidays). */
	{"8675Q", 1, KID(EP(EPF("2025-12-01", "false") S47(SS("2025-12-15") NOTREQ("false")))), "2026-01-09", "16 working days"},
	{"8675Q", 0, KID(EP(EPF("2025-12-01", "false") S47(SS("2025-12-16") NOTREQ("false")))), "2026-01-09", "15 working days"},
	{"8696", 1, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2026-04-02") FAC(F("1A"))))), NULL, "completed after the year"},
	{"8696", 0, KID(EP(EPF_OK ASS_DONE)), NULL, "completed in the year"},
	{"8715", 1, KID(EP(EPF("2025-02-01", "false") SI("2025-03-01"))), NULL, "ICPC before the year"},
	{"8715", 1, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2026-04-01") NOTREQ("false")))), NULL, "S47 ICPC after the year"},
	{"8715", 0, KID(EP(EPF_OK SI("2025-06-10"))), NULL, "ICPC in the year"},
	{"8720", 1, KID(EP(EPF_OK CPP(CATS))), NULL, "no CPP start"},
	{"8720", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "start in the year"},
	{"8730", 1, KID(EP(EPF_OK CPP(CS("2025-06-10") T(InitialCategoryOfAbuse, "NEG") T(LatestCategoryOfAbuse, "NEG")))), NULL, "no previous count"},
	{"8730", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "count 0"},
	{"8736", 1, KID(EP(EPF("2025-02-01", "false") ASS(AS("2025-03-01")))), NULL, "open assessment from before the year"},
	{"8736", 0, KID(EP(EPF_OK ASS(AS("2025-06-03")))), NULL, "open assessment from the year"},
	{"8740", 1, KID(EP(EPF("2025-02-01", "false") S47(SS("2025-03-01") NOTREQ("false")))), NULL, "open S47 from before the year"},
	{"8740", 0, KID(EP(EPF("2025-02-01", "false") S47(SS("2025-03-01") NOTREQ("true")))), NULL, "ICPC not required"},
	{"8750", 1, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2026-05-01") T(Sex, "M"), OK_EP), NULL, "unborn, M"},
	{"8750", 0, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2026-05-01") T(Sex, "U"), OK_EP), NULL, "unborn, U"},
	{"8770Q", 1, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "aged 10, no UPN"},
	{"8770Q", 1, KIDI(T(LAchildID, "C1") T(UPNunknown, "UN1") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "UN1 at school age"},
	{"8770Q", 0, KIDI(T(LAchildID, "C1") T(UPNunknown, "UN2") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "UN2"},
	{"8772", 1, KIDI(T(LAchildID, "C1") T(UPNunknown, "UN7") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), OK_EP), NULL, "UN7, further action"},
	{"8772", 0, KIDI(T(LAchildID, "C1") T(UPNunknown, "UN7") T(PersonBirthDate, "2015-05-01") T(Sex, "M"), EP(EPF("2025-06-02", "true"))), NULL, "UN7, NFA"},
	{"8775Q", 1, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "1990-01-01") T(Sex, "M"), OK_EP), NULL, "36, open episode"},
	{"8775Q", 0, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2005-01-01") T(Sex, "M"), OK_EP), NULL, "21"},
	{"8790", 1, KIDC(T(Ethnicity, "WBRI") DIS(D("NONE") D("MOB")), OK_EP), NULL, "NONE and MOB"},
	{"8790", 0, KID(OK_EP), NULL, "NONE"},
	{"8794", 1, KIDC(T(Ethnicity, "WBRI") DIS(D("MOB") D("MOB")), OK_EP), NULL, "MOB twice"},
	{"8794", 0, KIDC(T(Ethnicity, "WBRI") DIS(D("MOB") D("HAND")), OK_EP), NULL, "two codes"},
	{"8805", 1, KID(EP(EPF_OK T(CINclosureDate, "2025-07-01"))), NULL, "closed, no reason"},
	{"8805", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7"))), NULL, "closed with reason"},
	{"8810", 1, KID(EP(EPF_OK T(ReasonForClosure, "RC7"))), NULL, "reason, no date"},
	{"8810", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7"))), NULL, "both"},
	{"8815", 1, KID(EP(EPF("2025-05-01", "false")) EP(EPF_OK)), NULL, "two open"},
	{"8815", 0, KID(EP(EPF("2025-05-01", "false") CLOSED("2025-05-20", "RC7")) EP(EPF_OK)), NULL, "one open"},
	{"8816", 1, KID(EP(EPF_OK) EP(EPF("2025-08-01", "false") CLOSED("2025-09-01", "RC7"))), NULL, "open episode is not the latest"},
	{"8816", 0, KID(EP(EPF("2025-05-01", "false") CLOSED("2025-05-20", "RC7")) EP(EPF_OK)), NULL, "open episode is the latest"},
	{"8820", 1, KID(EP(EPF("2025-05-01", "false") CLOSED("2025-07-01", "RC7")) EP(EPF("2025-06-15", "false") CLOSED("2025-08-01", "RC7"))), NULL, "second starts before the first closes"},
	{"8820", 0, KID(EP(EPF("2025-05-01", "false") CLOSED("2025-07-01", "RC7")) EP(EPF("2025-07-01", "false") CLOSED("2025-08-01", "RC7"))), NULL, "second starts the day the first closes"},
	/* issue 15: an open episode (no closure, not NFA) runs to the ReferenceDate */
	{"8820", 1, KID(EP(EPF("2025-05-01", "false")) EP(EPF("2025-06-15", "false") CLOSED("2025-08-01", "RC7"))), NULL, "closed episode inside an open one"},
	{"8820", 1, KID(EP(EPF("2025-05-01", "false")) EP(EPF("2026-03-30", "false"))), NULL, "two open, the second from the day before the reference date"},
	{"8820", 0, KID(EP(EPF("2025-05-01", "false") CLOSED("2025-07-01", "RC7")) EP(EPF("2025-07-01", "false"))), NULL, "open episode after a closed one"},
	{"8820", 0, KID(EP(EPF("2025-05-01", "false")) EP(EPF("2026-03-31", "false"))), NULL, "second from the reference date, where the open one ends"},
	{"8825Q", 1, KID(EP(EPF_OK CLOSED("2025-07-01", "RC8"))), NULL, "RC8 without assessment"},
	{"8825Q", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC8") ASS_DONE)), NULL, "RC8 with assessment"},
	{"8831", 1, KID(EP(EPF("2025-06-02", "true") ASS(AS("2025-06-03")))), NULL, "assessment on NFA"},
	{"8831", 0, KID(EP(EPF("2025-06-02", "true"))), NULL, "NFA alone"},
	{"8832", 1, KID(EP(EPF("2025-06-02", "true") CPP_AT("2025-06-10", ""))), NULL, "CPP on NFA"},
	{"8832", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "CPP on further action"},
	{"8839", 1, KID(EP(EPF_OK S47(SS("2025-06-03") NOTREQ("false")) S47(SS("2025-06-04") NOTREQ("false")))), NULL, "two open S47"},
	{"8839", 0, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-10") NOTREQ("false")) S47(SS("2025-06-11") NOTREQ("false")))), NULL, "one open"},
	{"8840", 1, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-06-10")))), NULL, "same day"},
	{"8840", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-06-11")))), NULL, "next day"},
	{"8841", 1, KID(EP(EPF_OK CPP(CS("2025-06-10") CATS REV(T(CPPreviewDate, "2025-06-10"))))), NULL, "review on start day"},
	{"8841", 0, KID(EP(EPF_OK CPP(CS("2025-06-10") CATS REV(T(CPPreviewDate, "2025-06-11"))))), NULL, "review after"},
	{"8842Q", 1, KID(EP(EPF_OK CPP(CS("2025-06-10") CATS REV(T(CPPreviewDate, ""))))), NULL, "empty review date"},
	{"8842Q", 0, KID(EP(EPF_OK CPP(CS("2025-06-10") CATS REV(T(CPPreviewDate, "2025-07-01"))))), NULL, "dated"},
	{"8863Q", 1, KID(EP(EPF_OK ASS(AS("2025-06-03")) ASS(AS("2025-06-10")))), NULL, "second starts while first open"},
	{"8863Q", 0, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-06-05") FAC(F("1A"))) ASS(AS("2025-06-10")))), NULL, "first done"},
	{"8866", 1, KID(EP(T(CINreferralDate, "2025-06-02") T(ReferralSource, "99") T(PrimaryNeedCode, "N1") T(ReferralNFA, "false"))), NULL, "source 99"},
	{"8866", 0, KID(OK_EP), NULL, "1A"},
	{"8867", 1, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7") ASS(AS("2025-06-03")))), NULL, "closed, assessment open"},
	{"8867", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7") ASS_DONE)), NULL, "closed, assessment done"},
	{"8868", 1, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7") S47(SS("2025-06-03") NOTREQ("false")))), NULL, "closed, S47 open"},
	{"8868", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7") S47(SS("2025-06-03") NOTREQ("true")))), NULL, "ICPC not required"},
	{"8869", 1, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("21") F("1A"))))), NULL, "21 with 1A"},
	{"8869", 0, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("21"))))), NULL, "21 alone"},
	{"8870Q", 1, KID(EP(EPF_OK S47(SS("2025-06-03") T(InitialCPCtarget, "2025-06-14") NOTREQ("true")))), NULL, "target on a Saturday"},
	{"8870Q", 0, KID(EP(EPF_OK S47(SS("2025-06-03") T(InitialCPCtarget, "2025-06-13") NOTREQ("true")))), NULL, "Friday"},
	{"8873Q", 1, KID(EP(EPF_OK CLOSED("2025-07-01", "RC7") ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("21"))))), NULL, "no factors but RC7"},
	{"8873Q", 0, KID(EP(EPF_OK CLOSED("2025-07-01", "RC8") ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("21"))))), NULL, "RC8"},
	{"8875", 1, KID(EP(EPF_OK SI("2025-06-14"))), NULL, "ICPC on a Saturday"},
	{"8875", 0, KID(EP(EPF_OK SI("2025-06-13"))), NULL, "Friday"},
	{"8890", 1, KID(EP(EPF_OK S47(SS("2025-06-03") NOTREQ("false")) S47(SS("2025-06-05") NOTREQ("false")))), NULL, "second starts during first"},
	{"8890", 0, KID(EP(EPF_OK S47(SS("2025-06-03") SI("2025-06-04") NOTREQ("false")) S47(SS("2025-06-05") NOTREQ("false")))), NULL, "first finished"},
	{"8896", 1, KID(EP(EPF_OK ASS(AS("2025-06-03")) ASS(AS("2025-06-04")))), NULL, "two open"},
	{"8896", 0, KID(EP(EPF_OK ASS_DONE ASS(AS("2025-07-04")))), NULL, "one open"},
	{"8897Q", 1, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01")))), NULL, "completed, no factors"},
	{"8897Q", 0, KID(EP(EPF_OK ASS_DONE)), NULL, "with factors"},
	/* issue 15: only assessments authorised on or after 1 April of the census year */
	{"8897Q", 0, KID(EP(EPF("2025-02-03", "false") ASS(AS("2025-02-10") AU("2025-03-31")))), NULL, "no factors, authorised 31/03/2025, before the year"},
	{"8897Q", 1, KID(EP(EPF("2025-02-03", "false") ASS(AS("2025-02-10") AU("2025-04-01")))), NULL, "no factors, authorised 01/04/2025, the first day"},
	{"8898", 1, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("1A") F("1A"))))), NULL, "1A twice"},
	{"8898", 0, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("1A") F("2A"))))), NULL, "1A, 2A"},
	{"8905", 1, KID(EP(EPF_OK CPP(CS("2025-06-10") T(InitialCategoryOfAbuse, "XXX") T(LatestCategoryOfAbuse, "NEG") T(NumberOfPreviousCPP, "0")))), NULL, "XXX"},
	{"8905", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "NEG"},
	{"8910", 1, KID(EP(EPF_OK CPP(CS("2025-06-10") T(InitialCategoryOfAbuse, "NEG") T(NumberOfPreviousCPP, "0")))), NULL, "missing"},
	{"8910", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", ""))), NULL, "NEG"},
	{"8915", 1, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK CPP_AT("2025-07-02", ""))), NULL, "CPP after death"},
	{"8915", 0, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK CPP_AT("2025-06-10", CE("2025-07-01")))), NULL, "CPP before death"},
	{"8920", 1, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK CPP_AT("2025-06-10", CE("2025-07-02")))), NULL, "ends after death"},
	{"8920", 0, KIDI(ID_OK T(PersonDeathDate, "2025-07-01"), EP(EPF_OK CPP_AT("2025-06-10", CE("2025-07-01")))), NULL, "ends on the day"},
	{"8925", 1, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-06-09")))), NULL, "ends before start"},
	{"8925", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-06-11")))), NULL, "ordered"},
	{"8930", 1, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2026-04-02")))), NULL, "ends after the year"},
	{"8930", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2026-03-31")))), NULL, "ends 31 March"},
	{"8935", 1, KID(EP(EPF_OK CPP_AT("2025-06-10", "") CPP_AT("2025-06-11", ""))), NULL, "two open"},
	{"8935", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-06-11")) CPP_AT("2025-06-11", ""))), NULL, "one open"},
	{"8940", 1, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-07-01")) CPP_AT("2025-06-20", CE("2025-08-01")))), NULL, "overlap"},
	{"8940", 0, KID(EP(EPF_OK CPP_AT("2025-06-10", CE("2025-07-01")) CPP_AT("2025-07-01", CE("2025-08-01")))), NULL, "back to back"},
	{"8945Q", 1, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("18A"))))), NULL, "18A"},
	{"8945Q", 0, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("18B"))))), NULL, "18B"},
	{"8950Q", 1, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("19A"))))), NULL, "19A"},
	{"8950Q", 0, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("19C"))))), NULL, "19C"},

	/* ---- collection years (issue 15; cin-changes-by-year.md). The rule
	 * set is the ReferenceDate's year: 2024-03-31 runs 2023-24's. ---- */
	/* 4180, 8750, 2886Q: GenderCurrent 1, 2, 0, 9 up to 2023-24, Sex M, F, U after */
	{"4180", 0, KIDI(T(LAchildID, "C1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "1"), OK_EP), "2024-03-31", "2023-24: GenderCurrent 1"},
	{"4180", 1, KIDI(T(LAchildID, "C1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "3"), OK_EP), "2024-03-31", "2023-24: GenderCurrent 3"},
	{"4180", 1, KID(OK_EP), "2024-03-31", "2023-24: Sex M, no GenderCurrent"},
	{"8750", 0, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2024-05-01") T(GenderCurrent, "0"), OK_EP), "2024-03-31", "2023-24: unborn, GenderCurrent 0"},
	{"8750", 1, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2024-05-01") T(GenderCurrent, "9"), OK_EP), "2024-03-31", "2023-24: unborn, GenderCurrent 9"},
	{"8750", 1, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2024-05-01") T(Sex, "U"), OK_EP), "2024-03-31", "2023-24: unborn, Sex U (not the year's element)"},
	{"8750", 1, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2026-05-01") T(GenderCurrent, "0"), OK_EP), NULL, "2025-26: unborn, GenderCurrent 0 (the 2023-24 element)"},
	{"2886Q", 1, KIDI(T(LAchildID, "C1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "0"), OK_EP), "2024-03-31", "2023-24: 1 of 1 born child GenderCurrent 0"},
	{"2886Q", 0, KIDI(T(LAchildID, "C1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "2"), OK_EP), "2024-03-31", "2023-24: GenderCurrent 2"},
	{"2886Q", 0, KIDI(T(LAchildID, "C1") T(ExpectedPersonBirthDate, "2024-05-01") T(GenderCurrent, "0"), OK_EP), "2024-03-31", "2023-24: the only child is unborn"},
	/* 8770Q: school age from the ReferenceDate less 6 years (2023-24), from
	 * 31 August six years before the ReferenceDate's year (2024-25 on) */
	{"8770Q", 1, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2018-03-31") T(GenderCurrent, "1"), OK_EP), "2024-03-31", "2023-24: born 31/03/2018, ReferenceDate less 6 years"},
	{"8770Q", 0, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2018-04-01") T(GenderCurrent, "1"), OK_EP), "2024-03-31", "2023-24: born 01/04/2018 (2024-25's cut-off would be 31/08/2018)"},
	{"8770Q", 1, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2019-08-31") T(Sex, "M"), OK_EP), "2025-03-31", "2024-25: born 31/08/2019"},
	{"8770Q", 1, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2019-06-01") T(Sex, "M"), OK_EP), "2025-03-31", "2024-25: born 01/06/2019 (2023-24's cut-off would be 31/03/2019)"},
	{"8770Q", 0, KIDI(T(LAchildID, "C1") T(PersonBirthDate, "2019-09-01") T(Sex, "M"), OK_EP), "2025-03-31", "2024-25: born 01/09/2019"},
	/* 1570, 1580, 8945Q, 8950Q: added in 2024-25, not in 2023-24's rule set */
	{"1570", 0, KIDI(T(LAchildID, "ABCDEFGHIJKLMNOPQRSTU") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "1"), OK_EP), "2024-03-31", "2023-24: 21 characters, no such rule"},
	{"1570", 1, KIDI(T(LAchildID, "ABCDEFGHIJKLMNOPQRSTU") ID_BASE, OK_EP), "2025-03-31", "2024-25: 21 characters"},
	{"1580", 0, KIDI(T(LAchildID, "C-1") T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "1"), OK_EP), "2024-03-31", "2023-24: hyphen, no such rule"},
	{"1580", 1, KIDI(T(LAchildID, "C-1") ID_BASE, OK_EP), "2025-03-31", "2024-25: hyphen"},
	{"8945Q", 0, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("18A"))))), "2024-03-31", "2023-24: 18A, no such rule"},
	{"8945Q", 1, KID(EP(EPF_OK ASS(AS("2024-06-03") AU("2024-07-01") FAC(F("18A"))))), "2025-03-31", "2024-25: 18A"},
	{"8950Q", 0, KID(EP(EPF_OK ASS(AS("2025-06-03") AU("2025-07-01") FAC(F("19A"))))), "2024-03-31", "2023-24: 19A, no such rule"},
	{"8950Q", 1, KID(EP(EPF_OK ASS(AS("2024-06-03") AU("2024-07-01") FAC(F("19A"))))), "2025-03-31", "2024-25: 19A"},
	/* 1530: 942 and 943 from 2023-24, the first year here */
	{"1530", 0, KIDI(T(LAchildID, "C1") T(UPN, "X943234567890") T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "1"), OK_EP), "2024-03-31", "2023-24: 943"},
	{"1530", 1, KIDI(T(LAchildID, "C1") T(UPN, "X944234567890") T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "1"), OK_EP), "2024-03-31", "2023-24: 944"},
	/* Each 2024-25 change beside the same child a year earlier under
	 * 2023-24's rules (every date one year back: test_every_change_has_cases) */
#define Y24(ids, ref) KIDI(T(LAchildID, "C1") ids, EP(EPF(ref, "false")))
	{"4180", 1, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2014-05-01") T(Sex, "M"), "2023-06-02"), "2024-03-31", "2023-24: Sex M, no GenderCurrent"},
	{"4180", 0, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(Sex, "M"), "2024-06-02"), "2025-03-31", "2024-25: Sex M"},
	{"4180", 1, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "1"), "2024-06-02"), "2025-03-31", "2024-25: GenderCurrent 1, no Sex"},
	{"8750", 1, Y24(T(ExpectedPersonBirthDate, "2024-05-01") T(Sex, "U"), "2023-06-02"), "2024-03-31", "2023-24: unborn, Sex U, no GenderCurrent"},
	{"8750", 0, Y24(T(ExpectedPersonBirthDate, "2025-05-01") T(Sex, "U"), "2024-06-02"), "2025-03-31", "2024-25: unborn, Sex U"},
	{"8750", 1, Y24(T(ExpectedPersonBirthDate, "2025-05-01") T(Sex, "M"), "2024-06-02"), "2025-03-31", "2024-25: unborn, Sex M"},
	{"2886Q", 0, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2014-05-01") T(GenderCurrent, "1") T(Sex, "U"), "2023-06-02"), "2024-03-31", "2023-24: GenderCurrent 1 (Sex U is not the year's element)"},
	{"2886Q", 1, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(GenderCurrent, "1") T(Sex, "U"), "2024-06-02"), "2025-03-31", "2024-25: 1 of 1 born child Sex U"},
	{"2886Q", 0, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(Sex, "F"), "2024-06-02"), "2025-03-31", "2024-25: Sex F"},
	{"8770Q", 0, Y24(T(PersonBirthDate, "2018-04-01") T(GenderCurrent, "1"), "2023-06-02"), "2024-03-31", "2023-24: born 01/04/2018, after 31/03/2018"},
	{"8770Q", 1, Y24(T(PersonBirthDate, "2019-04-01") T(GenderCurrent, "1"), "2024-06-02"), "2025-03-31", "2024-25: born 01/04/2019, on or before 31/08/2019"},
	/* the rules 2024-25 adds, passed that year */
	{"1570", 0, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(Sex, "M"), "2024-06-02"), "2025-03-31", "2024-25: 2 characters"},
	{"1580", 0, Y24(T(UPN, UPN_OK) T(PersonBirthDate, "2015-05-01") T(Sex, "M"), "2024-06-02"), "2025-03-31", "2024-25: C1"},
	{"8945Q", 0, KID(EP(EPF("2024-06-02", "false") ASS(AS("2024-06-03") AU("2024-07-01") FAC(F("18B"))))), "2025-03-31", "2024-25: 18B"},
	{"8950Q", 0, KID(EP(EPF("2024-06-02", "false") ASS(AS("2024-06-03") AU("2024-07-01") FAC(F("19C"))))), "2025-03-31", "2024-25: 19C"},
#undef Y24
};

static csc_calendar *cal;
static vcin_codes codes; /* the code lists of ref/'s XSDs, as csc-validate's */

static int setup(void **state)
{
	(void)state;
	cal = csc_calendar_load(CSC_DATADIR "/ref/bank-holidays-england-wales.csv");
	return cal && vcin_codes_load(&codes, CSC_DATADIR "/ref") == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	csc_calendar_free(cal);
	vcin_codes_free(&codes);
	return 0;
}

/* The collection year of a case: its ReferenceDate is 31 March. */
static int case_year(const char *refdate)
{
	return refdate ? atoi(refdate) : 2026;
}

/* Validate one return built from children and a header date, under the
 * rule set of the date's collection year (as csc-validate chooses it);
 * returns the context (caller frees). */
static v_ctx *run_return(const char *children, const char *refdate)
{
	char *xml = malloc(strlen(children) + 512);
	assert_non_null(xml);
	const char *rd = refdate ? refdate : "2026-03-31";
	sprintf(xml,
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message><Header><CollectionDetails>"
		"<Collection>CIN</Collection>%s<ReferenceDate>%s</ReferenceDate></CollectionDetails>"
		"<Source><SourceLevel>L</SourceLevel><LEA>201</LEA></Source></Header>"
		"<Children>%s</Children></Message>\n",
		refdate ? "" : "<Year>2026</Year>", rd, children);
	v_ctx *ctx = v_ctx_new();
	vcin_opts o = {CSC_NODATE, 0, NULL, cal, 0, &codes};
	int year = vcin_return_year_mem(xml, strlen(xml), "case.xml", &o);
	assert_int_equal(year, case_year(refdate));
	assert_int_equal(v_load_catalogue_year(ctx, BY_YEAR, year), 0);
	o.ruleset = year;
	assert_int_equal(vcin_validate_mem(ctx, xml, strlen(xml), "case.xml", &o), 0);
	free(xml);
	return ctx;
}

static void test_every_case(void **state)
{
	(void)state;
	int bad = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const rcase *c = &cases[i];
		v_ctx *ctx = run_return(c->children, c->refdate);
		size_t n = v_count(ctx, c->code);
		if ((c->fail && n == 0) || (!c->fail && n != 0)) {
			print_error("rule %s, case \"%s\": expected %s, got %zu issue(s)\n", c->code, c->why,
				    c->fail ? "a failure" : "no failure", n);
			bad++;
		}
		assert_int_equal(v_not_run_count(ctx), 0); /* every rule ran */
		v_ctx_free(ctx);
	}
	assert_int_equal(bad, 0);
}

/* Every rule table entry has a failing and a passing case in a year it is
 * in force, and each year's registry is exactly that year's DfE list. */
static void test_every_code_has_cases(void **state)
{
	(void)state;
	int missing = 0;
	for (size_t r = 0; r < vcin_nrules; r++) {
		int f = 0, p = 0;
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
			if (strcmp(cases[i].code, vcin_rules[r].rule.code) == 0 &&
			    v_rule_in_year(&vcin_rules[r], case_year(cases[i].refdate)))
				*(cases[i].fail ? &f : &p) += 1;
		if (!f || !p) {
			print_error("rule %s (%d-%d) lacks a %s case\n", vcin_rules[r].rule.code, vcin_rules[r].from,
				    vcin_rules[r].to, !f ? "failing" : "passing");
			missing++;
		}
	}
	assert_int_equal(missing, 0);
	/* 105 rules in 2023-24; 2024-25 adds 1570, 1580, 8945Q, 8950Q; 2025-26
	 * changes nothing; 2026-27 has no published rules (the 2025-26 set) */
	static const struct { int year; size_t n; } sets[] = {{2024, 105}, {2025, 109}, {2026, 109}, {2027, 109}};
	for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
		v_ctx *ctx = v_ctx_new();
		assert_int_equal(v_load_catalogue_year(ctx, BY_YEAR, sets[k].year), 0);
		assert_int_equal(v_check_registry_year(ctx, vcin_rules, vcin_nrules, vcin_not_implemented, NULL,
						       sets[k].year), 0);
		size_t n = 0;
		for (size_t r = 0; r < vcin_nrules; r++)
			n += v_rule_in_year(&vcin_rules[r], sets[k].year);
		assert_int_equal(n, sets[k].n);
		v_ctx_free(ctx);
	}
}

/* children with every yyyy-mm-dd date one year later; out has cap bytes. */
static void children_next_year(const char *in, char *out, size_t cap)
{
	size_t n = strlen(in);
	assert_true(n < cap);
	memcpy(out, in, n + 1);
	for (size_t i = 0; i + 10 <= n; i++) {
		char *d = out + i;
		int ok = d[4] == '-' && d[7] == '-';
		for (int k = 0; k < 10 && ok; k++)
			ok = k == 4 || k == 7 || (d[k] >= '0' && d[k] <= '9');
		if (!ok)
			continue;
		char y[16];
		snprintf(y, sizeof y, "%04d", (atoi(d) + 1) % 10000);
		memcpy(d, y, 4);
		i += 9;
	}
}

/* Every rule ref/cin-rules-by-year.csv adds or modifies in a year fails
 * and passes in that very year; an added one is in no rule set the year
 * before; a modified one has a case of the year before whose child, one
 * year later, is a case of the year with the other outcome (2022-23, the
 * year before 2023-24, is not a year here). */
struct change { int year; char code[16], change[12]; };
static int on_change(void *arg, const csc_row *row)
{
	struct change *c = arg;
	if (row->index == 0 || row->n < 3 || (strcmp(row->f[2], "added") && strcmp(row->f[2], "modified")))
		return 0;
	size_t k = 0;
	while (c[k].year)
		k++;
	assert_true(k < 31);
	c[k].year = v_year_parse(row->f[0], strlen(row->f[0]));
	snprintf(c[k].code, sizeof c[k].code, "%s", row->f[1]);
	snprintf(c[k].change, sizeof c[k].change, "%s", row->f[2]);
	return 0;
}

static void test_every_change_has_cases(void **state)
{
	(void)state;
	static struct change ch[32];
	memset(ch, 0, sizeof ch);
	assert_int_equal(csc_csv_read(BY_YEAR, NULL, on_change, ch), 0);
	int n = 0, bad = 0;
	for (; ch[n].year; n++) {
		const struct change *c = &ch[n];
		int f = 0, p = 0, contrast = 0;
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			if (strcmp(cases[i].code, c->code))
				continue;
			int y = case_year(cases[i].refdate);
			if (y == c->year)
				*(cases[i].fail ? &f : &p) += 1;
			if (y != c->year - 1)
				continue;
			char *later = malloc(strlen(cases[i].children) + 1);
			assert_non_null(later);
			children_next_year(cases[i].children, later, strlen(cases[i].children) + 1);
			for (size_t j = 0; j < sizeof cases / sizeof cases[0]; j++)
				contrast |= !strcmp(cases[j].code, c->code) && case_year(cases[j].refdate) == c->year &&
					    cases[j].fail != cases[i].fail && !strcmp(cases[j].children, later);
			free(later);
		}
		const char *why = NULL;
		if (!f || !p)
			why = "no failing or no passing case of that year";
		else if (c->year > 2024 && !strcmp(c->change, "added") && v_year_known(v_collection_find("CIN"), c->year - 1)) {
			for (size_t r = 0; r < vcin_nrules; r++)
				if (!strcmp(vcin_rules[r].rule.code, c->code) && v_rule_in_year(&vcin_rules[r], c->year - 1))
					why = "in force the year before";
		} else if (c->year > 2024 && !strcmp(c->change, "modified") && !contrast)
			why = "no case of the year before whose child a year later has the other outcome";
		if (why) {
			print_error("%s %s in %d: %s\n", c->code, c->change, c->year, why);
			bad++;
		}
	}
	assert_int_equal(n, 1 + 4 + 4); /* cin-changes-by-year.md 0.1 */
	assert_int_equal(bad, 0);
}

/* The 2025-26 rule set read from the by-year file is the DfE's 2025-26
 * list (ref/cin-rules-2025-26.csv, copied from the shared reference, read
 * here as it is: code,table,message,affected_fields): the same codes with
 * the same messages and tables. */
struct dfe_list {
	const v_ctx *b;
	int matched;
};

static int on_dfe_rule(void *arg, char **v, long line)
{
	(void)line;
	struct dfe_list *d = arg;
	for (size_t r = 0; r < vcin_nrules; r++)
		if (v_rule_in_year(&vcin_rules[r], 2026) && !strcmp(vcin_rules[r].rule.code, v[0])) {
			const char *msg = v[2] + strspn(v[2], " "); /* as the catalogue trims it */
			assert_string_equal(msg, v_rule_message(d->b, v[0]));
			assert_string_equal(v[1], v_rule_table(d->b, v[0]));
			d->matched++;
		}
	return 0;
}

static void test_2025_26_catalogue(void **state)
{
	(void)state;
	v_ctx *b = v_ctx_new();
	assert_int_equal(v_load_catalogue_year(b, BY_YEAR, 2026), 0);
	static const char *const cols[] = {"code", "table", "message"};
	struct dfe_list d = {b, 0};
	assert_int_equal(csc_csv_read_cols(CSC_DATADIR "/ref/cin-rules-2025-26.csv", NULL, NULL,
					   cols, 3, on_dfe_rule, &d), 0);
	size_t n2026 = 0;
	for (size_t r = 0; r < vcin_nrules; r++)
		n2026 += v_rule_in_year(&vcin_rules[r], 2026);
	assert_int_equal(d.matched, n2026); /* every 2025-26 rule is in the DfE's list */
	/* and 2023-24 quotes that year's messages */
	v_ctx *c = v_ctx_new();
	assert_int_equal(v_load_catalogue_year(c, BY_YEAR, 2024), 0);
	assert_string_equal(v_rule_message(c, "4180"), "Gender is missing");
	assert_false(v_rule_known(c, "1570"));
	v_ctx_free(b);
	v_ctx_free(c);
}

/* The year of a return: options first, then the header's ReferenceDate
 * (the 31 March on or after it), then its Year; 0 when nothing says. */
static void test_return_year(void **state)
{
	(void)state;
	static const struct { const char *hdr; csc_date refdate; int year, want; } yc[] = {
		{"<ReferenceDate>2025-03-31</ReferenceDate>", CSC_NODATE, 0, 2025},
		{"<ReferenceDate>2025-04-01</ReferenceDate>", CSC_NODATE, 0, 2026},
		{"<Year>2024</Year>", CSC_NODATE, 0, 2024},
		{"<Year>2024</Year><ReferenceDate>2026-03-31</ReferenceDate>", CSC_NODATE, 0, 2026},
		{"<ReferenceDate>2026-03-31</ReferenceDate>", CSC_NODATE, 2024, 2024},
		{"<ReferenceDate>2026-03-31</ReferenceDate>", 0, 0, 0}, /* refdate set below */
		{"", CSC_NODATE, 0, 0},
		{"<Year>20x4</Year><ReferenceDate>soon</ReferenceDate>", CSC_NODATE, 0, 0},
	};
	for (size_t i = 0; i < sizeof yc / sizeof yc[0]; i++) {
		char xml[512];
		snprintf(xml, sizeof xml, "<Message><Header><CollectionDetails>%s</CollectionDetails></Header>"
			 "<Children></Children></Message>", yc[i].hdr);
		vcin_opts o = {yc[i].refdate, yc[i].year, NULL, NULL, 0, NULL};
		int want = yc[i].want;
		if (yc[i].refdate == 0) { /* --reference-date 2023-12-01 wins */
			o.refdate = csc_date_make(2023, 12, 1);
			want = 2024;
		}
		assert_int_equal(vcin_return_year_mem(xml, strlen(xml), "y.xml", &o), want);
	}
	vcin_opts o = {CSC_NODATE, 0, NULL, NULL, 0, NULL};
	assert_int_equal(vcin_return_year_mem("<Message>", 9, "bad.xml", &o), -1);
	/* CIN years here: 2023-24 to 2026-27 */
	const v_collection *c = v_collection_find("CIN");
	assert_false(v_year_known(c, 2023));
	assert_true(v_year_known(c, 2024));
	assert_true(v_year_known(c, 2027));
	assert_false(v_year_known(c, 2028));
	assert_int_equal(v_year_check(c, 2027, "x"), 0);
	assert_int_equal(v_year_check(c, 2023, "x"), -1);
}

/* 2026-27: the 2025-26 rules run, and the PreProceedingsandFGDM block
 * (no published rules) is listed as not run with how many episodes hold
 * it, never silently passed. 2025-26 lists nothing. */
static void test_2026_27(void **state)
{
	(void)state;
#define PP "<PreProceedingsandFGDM>" T(PPStartDate, "2026-09-09") T(PPOutcome, "A") "</PreProceedingsandFGDM>"
	const char *kids = KID(EP(EPF("2026-06-02", "false") PP) EP(EPF("2026-07-01", "false") CLOSED("2026-08-01", "RC7") PP PP))
		KID(EP(EPF("2026-06-02", "false")));
	v_ctx *ctx = run_return(kids, "2027-03-31");
	assert_int_equal(v_not_run_count(ctx), 1);
	assert_string_equal(v_not_run_code(ctx, 0), "PreProceedingsandFGDM");
	assert_string_equal(v_not_run_reason(ctx, 0),
			    "no DfE validation rules are published for the 2026-27 PreProceedingsandFGDM block: "
			    "2 CINdetails hold one, not checked; the rest of the return ran the 2025-26 rules");
	assert_int_equal(v_ruleset_count(ctx), 1);
	assert_string_equal(v_ruleset_label(ctx, 0), "CIN 2026-27");
	assert_int_equal(v_count(ctx, "8820"), 1); /* the 2025-26 rules ran: the second episode starts inside the open first */
	v_ctx_free(ctx);
	ctx = run_return(KID(EP(EPF_OK PP)), NULL);
	assert_int_equal(v_not_run_count(ctx), 0);
	v_ctx_free(ctx);
#undef PP
}

/* The baseline child used by the passing cases is clean: only 2887Q, a
 * query on the whole return (fewer than 8 disability codes), is raised. */
static void test_baseline_clean(void **state)
{
	(void)state;
	v_ctx *ctx = run_return(KID(EP(EPF_OK ASS_DONE)), NULL);
	v_sort(ctx);
	for (size_t i = 0; i < v_issue_count(ctx); i++) {
		v_issue is = v_issue_at(ctx, i);
		if (strcmp(is.rule, "2887Q") != 0)
			print_error("unexpected %s on %s %s=%s\n", is.rule, is.child, is.field, is.value);
	}
	assert_int_equal(v_issue_count(ctx), 1);
	assert_int_equal(v_count(ctx, "2887Q"), 1);
	assert_int_equal(v_exit_status(ctx), 1);
	v_ctx_free(ctx);
}

/* UPN check letter worked by hand for L201234567890:
 * 2*2+3*0+4*1+5*2+6*3+7*4+8*5+9*6+10*7+11*8+12*9+13*0 = 424;
 * 424 mod 23 = 10 -> the 11th letter of ABCDEFGHJKLMNPQRTUVWXYZ = L. */
static void test_upn(void **state)
{
	(void)state;
	char c = 0;
	assert_int_equal(vcin_upn_check_letter("L201234567890", &c), 0);
	assert_int_equal(c, 'L');
	/* temporary UPN: A counts 0, like the digit 0 */
	assert_int_equal(vcin_upn_check_letter("X20123456789A", &c), 0);
	assert_int_equal(c, 'L');
	assert_int_equal(vcin_upn_check_letter("L2012345678", &c), -1);
	assert_true(vcin_la_code_known("201"));
	assert_true(vcin_la_code_known("943"));
	assert_false(vcin_la_code_known("999"));
	/* 195 codes: ../shared/reference/years/cin-changes-by-year.md 2.1 */
	int n = 0;
	for (int i = 0; i < 1000; i++) {
		char b[4];
		snprintf(b, sizeof b, "%03d", i);
		n += vcin_la_code_known(b);
	}
	assert_int_equal(n, 195);
	assert_false(vcin_la_code_known("2x1"));
}

/* Issues name the child, table, field, value and line. */
static void test_issue_location(void **state)
{
	(void)state;
	v_ctx *ctx = run_return(KID(EP(EPF_OK CLOSED("2025-07-01", "RC0"))), NULL);
	assert_int_equal(v_count(ctx, "8640"), 1);
	v_sort(ctx);
	int found = 0;
	for (size_t i = 0; i < v_issue_count(ctx); i++) {
		v_issue is = v_issue_at(ctx, i);
		if (strcmp(is.rule, "8640") != 0)
			continue;
		found = 1;
		assert_string_equal(is.child, "C1");
		assert_string_equal(is.table, "CINdetails");
		assert_string_equal(is.field, "ReasonForClosure");
		assert_string_equal(is.value, "RC0");
		assert_string_equal(is.severity, "error");
		assert_int_equal(is.line, 2); /* the declaration, then the whole return on line 2 */
		assert_string_equal(is.message,
				    "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)");
	}
	assert_true(found);
	v_ctx_free(ctx);
}

/* Without any reference date, census-year rules are listed as not run. */
/* The validator's fields take their names from the element table
 * (lib/csc_cin_elems.c): each field of each record kind is the element (or
 * the wrapper around a repeated one) the XSD names, as reports print it.
 * Written out by hand from the XSD: a row of lib/csc_cin_elems.c renamed or
 * moved, or a schema[] row pointing at the wrong column, fails here. */
static void test_fields_in_element_table(void **state)
{
	(void)state;
	static const char *const want[CIN_K_COUNT_][CIN_MAX_FIELDS] = {
		[CIN_K_MESSAGE] = {"Collection", "Year", "ReferenceDate", "LEA"},
		[CIN_K_CHILD] = {"LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
				 "ExpectedPersonBirthDate", "Sex", "GenderCurrent", "PersonDeathDate",
				 "Ethnicity", "Disabilities"},
		[CIN_K_EPISODE] = {"CINreferralDate", "ReferralSource", "PrimaryNeedCode",
				   "CINclosureDate", "ReasonForClosure", "DateOfInitialCPC",
				   "ReferralNFA", "PreProceedingsandFGDM"},
		[CIN_K_ASSESS] = {"AssessmentActualStartDate", "AssessmentInternalReviewDate",
				  "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"},
		[CIN_K_PLAN] = {"CINPlanStartDate", "CINPlanEndDate"},
		[CIN_K_S47] = {"S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC",
			       "ICPCnotRequired"},
		[CIN_K_CPP] = {"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse",
			       "LatestCategoryOfAbuse", "NumberOfPreviousCPP", "Reviews"},
	};
	static const char *const records[CIN_K_COUNT_] = {
		"Message", "Child", "CINdetails", "Assessments", "CINPlanDates", "Section47",
		"ChildProtectionPlans",
	};
	int n = 0;
	for (int k = 0; k < CIN_K_COUNT_; k++) {
		assert_string_equal(vcin_kind_record((enum vcin_kind)k), records[k]);
		for (int f = 0; f < CIN_MAX_FIELDS; f++) {
			const char *name = vcin_field_name((enum vcin_kind)k, f);
			assert_string_equal(name, want[k][f] ? want[k][f] : "");
			n += *name != '\0';
		}
	}
	assert_int_equal(n, 4 + 11 + 8 + 4 + 2 + 4 + 6);
	assert_string_equal(vcin_field_name(CIN_K_COUNT_, 0), "");
	assert_string_equal(vcin_field_name(CIN_K_CHILD, CIN_MAX_FIELDS), "");
	assert_string_equal(vcin_field_name(CIN_K_CHILD, -1), "");
	assert_string_equal(vcin_kind_record(CIN_K_COUNT_), "");
}

/* Every element of the table in a record the validator reads is read: it
 * is a field of that record's kind, or the wrapper around it is (the
 * repeated Disability, AssessmentFactors, CPPreviewDate). The elements of
 * PreProceedingsandFGDM are not (no DfE rule reads them yet): only the
 * block is marked. */
static void test_element_table_read(void **state)
{
	(void)state;
	int n = 0;
	for (int e = 0; e < csc_cin_nelems; e++) {
		const csc_cin_elem *el = &csc_cin_elems[e];
		if (!strcmp(el->record, "PreProceedingsandFGDM"))
			continue;
		int found = 0;
		for (int k = CIN_K_CHILD; k < CIN_K_COUNT_ && !found; k++) {
			if (strcmp(vcin_kind_record((enum vcin_kind)k), el->record))
				continue;
			for (int f = 0; f < CIN_MAX_FIELDS && !found; f++) {
				const char *name = vcin_field_name((enum vcin_kind)k, f);
				found = !strcmp(name, el->name) || !strcmp(name, el->parent);
			}
		}
		if (!found)
			fail_msg("%s/%s is not read by csc-validate", el->record, el->name);
		n++;
	}
	assert_int_equal(n, csc_cin_nelems - 10);
}

/* Copy ref/'s XSD `name` into dir with the enumeration value `from`
 * renamed `to`. */
static void xsd_edit(const char *dir, const char *name, const char *from, const char *to)
{
	char in[512], out[512], pat[64];
	snprintf(in, sizeof in, "%s/ref/%s", CSC_DATADIR, name);
	snprintf(out, sizeof out, "%s/%s", dir, name);
	snprintf(pat, sizeof pat, "value=\"%s\"", from);
	FILE *f = fopen(in, "r"), *g = fopen(out, "w");
	assert_non_null(f);
	assert_non_null(g);
	char line[4096];
	int hits = 0;
	while (fgets(line, sizeof line, f)) {
		char *p = strstr(line, pat);
		if (p) {
			fprintf(g, "%.*svalue=\"%s\"%s", (int)(p - line), line, to, p + strlen(pat));
			hits++;
		} else {
			fputs(line, g);
		}
	}
	fclose(f);
	fclose(g);
	assert_int_equal(hits, 1);
}

/* The code lists are ref/'s XSDs', not the validator's: with WBRI renamed
 * in a copy of ref/, a child of ethnicity WBRI fails 4220, which it passes
 * with ref/ itself (and without lists no code is refused). */
static void test_code_lists_from_ref(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_vcin_ref.XXXXXX";
	assert_non_null(mkdtemp(dir));
	xsd_edit(dir, "CIN_schema_2025.xsd", "WBRI", "ZZZZ");
	xsd_edit(dir, "CIN_schema_2024.xsd", "WBRI", "ZZZZ");
	vcin_codes edited;
	assert_int_equal(vcin_codes_load(&edited, dir), 0);
	const char *xml = "<?xml version=\"1.0\"?><Message><Header><CollectionDetails>"
			  "<Collection>CIN</Collection><ReferenceDate>2026-03-31</ReferenceDate>"
			  "</CollectionDetails></Header><Children>" KID(OK_EP) "</Children></Message>";
	const vcin_codes *lists[] = {&codes, &edited, NULL};
	const size_t want[] = {0, 1, 0};
	for (int i = 0; i < 3; i++) {
		v_ctx *ctx = v_ctx_new();
		vcin_opts o = {CSC_NODATE, 0, NULL, cal, 2026, lists[i]};
		assert_int_equal(v_load_catalogue_year(ctx, BY_YEAR, 2026), 0);
		assert_int_equal(vcin_validate_mem(ctx, xml, strlen(xml), "case.xml", &o), 0);
		assert_int_equal(v_count(ctx, "4220"), want[i]);
		v_ctx_free(ctx);
	}
	vcin_codes_free(&edited);
	char p[600];
	snprintf(p, sizeof p, "%s/CIN_schema_2025.xsd", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/CIN_schema_2024.xsd", dir);
	unlink(p);
	rmdir(dir);
}

static void test_no_reference_date(void **state)
{
	(void)state;
	const char *xml = "<Message><Children>" KID(OK_EP) "</Children></Message>";
	v_ctx *ctx = v_ctx_new();
	assert_int_equal(v_load_catalogue_year(ctx, BY_YEAR, 2026), 0);
	vcin_opts o = {CSC_NODATE, 0, NULL, cal, 0, &codes};
	assert_int_equal(vcin_validate_mem(ctx, xml, strlen(xml), "x.xml", &o), 0);
	int seen8600 = 0, seen8569 = 0, seen8670 = 0;
	for (size_t i = 0; i < v_not_run_count(ctx); i++) {
		seen8600 |= strcmp(v_not_run_code(ctx, i), "8600") == 0;
		seen8569 |= strcmp(v_not_run_code(ctx, i), "8569Q") == 0;
		seen8670 |= strcmp(v_not_run_code(ctx, i), "8670Q") == 0;
	}
	assert_true(seen8600 && seen8569 && seen8670);
	assert_int_equal(v_count(ctx, "100"), 1); /* no header date at all */
	v_ctx_free(ctx);

	/* --year 2026 supplies 31 March 2026: everything runs */
	ctx = v_ctx_new();
	assert_int_equal(v_load_catalogue_year(ctx, BY_YEAR, 2026), 0);
	vcin_opts o2 = {CSC_NODATE, 2026, NULL, cal, 0, &codes};
	assert_int_equal(vcin_validate_mem(ctx, xml, strlen(xml), "x.xml", &o2), 0);
	assert_int_equal(v_not_run_count(ctx), 0);
	v_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_case),
		cmocka_unit_test(test_every_code_has_cases),
		cmocka_unit_test(test_every_change_has_cases),
		cmocka_unit_test(test_2025_26_catalogue),
		cmocka_unit_test(test_return_year),
		cmocka_unit_test(test_2026_27),
		cmocka_unit_test(test_baseline_clean),
		cmocka_unit_test(test_upn),
		cmocka_unit_test(test_issue_location),
		cmocka_unit_test(test_no_reference_date),
		cmocka_unit_test(test_code_lists_from_ref),
		cmocka_unit_test(test_fields_in_element_table),
		cmocka_unit_test(test_element_table_read),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
