/* measures.c - the measure catalogue (MEASURES.md) as one table; the
 * engine's period loop, the outputs and the RAG come for free.
 *
 * Adding a measure, every file to touch:
 *
 *  - docs/spec/MEASURES.md (and ../shared/spec/MEASURES.md, which it copies:
 *    tests/e2e/spec_sync.sh): the definition, a row of the table;
 *  - transform/measures.c: one entry below (ID, title, kind, direction,
 *    input, staging files, breakdowns, definition text, function);
 *  - transform/measures.h: the declaration of its function, m_<id>;
 *  - transform/m_<strand>.c: the function, classifying one unit's records
 *    for one period with tx_emit()/tx_count();
 *  - templates/highlight.tpl and templates/quarterly.tpl: its row
 *    (test_spec_measures fails until the table, MEASURES.md and both
 *    templates name the same measures);
 *  - templates/comparators.csv: its England, neighbour and target values;
 *  - tests/unit/test_transform_<strand>.c: a hand-worked case.
 */
#include "measures.h"

#define HEAD {"", NULL}
#define CONTACTS "contacts.csv"
#define CIN_EP "cin_children.csv cin_episodes.csv"
#define CIN_ALL CIN_EP " cin_assessments.csv cin_s47.csv cin_cpp.csv cin_cpp_reviews.csv"
#define EH "early_help.csv"
#define LA "ssda903_header.csv ssda903_episodes.csv ssda903_reviews.csv ssda903_missing.csv ssda903_oc3.csv"
#define CL_BD {"17-18", "19-21", "all", NULL}
/* the headline and the same over the 12 months to the period end (tx_windows) */
#define HEAD_12M {"", "12_months", NULL}
#define DEF_12M                                                                              \
	" 12_months (an addition to MEASURES.md, transform/NOTES.md): the same over the 12 months " \
	"ending at the period end ((end - 12 months, end]), which the board packs show."

const tx_measure tx_measures[] = {
	{"FD01", "Contacts received", TX_COUNT, TX_LOW, TX_CONTACTS, CONTACTS, HEAD,
	 "Contacts with Date of Contact in the period.", m_fd01, 0},
	{"FD02", "% contacts resulting in a referral", TX_PCT, TX_LOW, TX_CONTACTS, CONTACTS, HEAD,
	 "FD01 contacts with outcome REF / FD01 contacts.", m_fd02, 0},
	{"FD03", "% contacts completed within 1 working day", TX_PCT, TX_HIGH, TX_CONTACTS, CONTACTS,
	 HEAD,
	 "FD01 contacts with a completion date and wd(contact, completed) <= 1 / FD01 contacts. "
	 "A contact completed before it was received, or whose working days cannot be counted "
	 "(outside the bank-holiday calendar), is excluded and reported in dq.csv.",
	 m_fd03, 0},
	{"FD04", "Police contacts", TX_PCT, TX_NONE, TX_CONTACTS, CONTACTS, HEAD,
	 "FD01 contacts with source police (code 6) / FD01 contacts; the numerator is the count.",
	 m_fd04, 0},
	{"FD05", "% police contacts resulting in information and advice", TX_PCT, TX_LOW, TX_CONTACTS,
	 CONTACTS, HEAD, "FD04 police contacts with outcome IA / FD04 police contacts.", m_fd05, 0},
	{"FD06", "Referrals", TX_COUNT, TX_NONE, TX_CIN, CIN_EP, HEAD,
	 "CIN episodes (CINdetails) with CINreferralDate in the period.", m_fd06, 0},
	{"FD07", "Referral rate per 10,000", TX_RATE, TX_NONE, TX_CIN, CIN_EP, HEAD,
	 "CIN episodes with CINreferralDate in the 12 months ending at the period end, per 10,000 "
	 "children aged 0-17 (population of the calendar year containing the period end).",
	 m_fd07, 0},
	{"FD08", "% re-referrals within 12 months", TX_PCT, TX_LOW, TX_CIN, CIN_EP, HEAD,
	 "FD06 referrals whose child has another referral in the 12 months before this one "
	 "([referral - 12 months, referral)) / FD06. Setting rereferral_basis: referral (national: "
	 "the earlier CINreferralDate lies in those 12 months) or closure (the earlier episode's "
	 "CINclosureDate does).",
	 m_fd08, 0},
	{"FD09", "% referrals with no further action", TX_PCT, TX_LOW, TX_CIN, CIN_EP, HEAD,
	 "FD06 referrals with ReferralNFA true / FD06 referrals.", m_fd09, 0},

	{"EH01", "Early help assessments completed, tier 2", TX_COUNT, TX_HIGH, TX_EH, EH, HEAD,
	 "Early-help episodes with an assessment completion date in the period, Tier 2.", m_eh01, 0},
	{"EH02", "Early help assessments completed, tier 3", TX_COUNT, TX_HIGH, TX_EH, EH, HEAD,
	 "As EH01, Tier 3.", m_eh02, 0},
	{"EH03", "% repeat early help episodes", TX_PCT, TX_LOW, TX_EH, EH, HEAD,
	 "Episodes starting (assessment start date) in the period whose child had another episode "
	 "ending in the 12 months before this one started / episodes starting in the period.",
	 m_eh03, 0},
	{"EH04", "% early help episodes closed because of progress", TX_PCT, TX_HIGH, TX_EH, EH, HEAD,
	 "Episodes ending (episode end date) in the period with closure reason PROGRESS / episodes "
	 "ending in the period.", m_eh04, 0},

	{"HP01", "Assessments completed", TX_COUNT, TX_NONE, TX_CIN, CIN_ALL, HEAD,
	 "Assessments with AssessmentAuthorisationDate in the period.", m_hp01, 0},
	{"HP02", "% assessments completed within 45 working days", TX_PCT, TX_HIGH, TX_CIN, CIN_ALL,
	 HEAD,
	 "HP01 assessments with wd(start, authorisation) <= 45 / HP01. Setting assessment_basis: "
	 "assessment (AssessmentActualStartDate, default) or referral (the episode's "
	 "CINreferralDate). An assessment with no start, authorised before its start or outside the "
	 "bank-holiday calendar is excluded and reported in dq.csv.", m_hp02, 0},
	{"HP03", "Section 47 enquiries started", TX_COUNT, TX_NONE, TX_CIN, CIN_ALL, HEAD,
	 "Section47 groups with S47ActualStartDate in the period.", m_hp03, 0},
	{"HP04", "% initial child protection conferences within 15 working days", TX_PCT, TX_HIGH,
	 TX_CIN, CIN_ALL, HEAD,
	 "Section47 groups whose own DateOfInitialCPC is in the period and on or after their "
	 "S47ActualStartDate; numerator: wd(S47 start, ICPC) <= 15. A conference dated before its "
	 "S47 start is a data-quality finding, not counted.", m_hp04, 0},
	{"HP05", "% initial conferences resulting in a child protection plan", TX_PCT, TX_HIGH, TX_CIN,
	 CIN_ALL, HEAD,
	 "HP04 denominator groups whose CIN episode has a plan with CPPstartDate equal to the ICPC "
	 "date / HP04 denominator.", m_hp05, 0},
	{"HP06", "Children subject to a child protection plan", TX_RATE, TX_NONE, TX_CIN, CIN_ALL, HEAD,
	 "Distinct children with a plan where CPPstartDate <= period end and (no CPPendDate or "
	 "CPPendDate > period end), per 10,000 children aged 0-17.", m_hp06, 1},
	{"HP07", "% child protection plans that are second or subsequent", TX_PCT, TX_LOW, TX_CIN,
	 CIN_ALL, HEAD_12M,
	 "Plans starting in the period whose NumberOfPreviousCPP > 0 or whose child has a plan with "
	 "an earlier CPPstartDate / plans starting in the period." DEF_12M, m_hp07, 0},
	{"HP08", "% plans ending that lasted 2 years or more", TX_PCT, TX_LOW, TX_CIN, CIN_ALL, HEAD,
	 "Plans with CPPendDate in the period and CPPendDate >= CPPstartDate + 24 months / plans "
	 "with CPPendDate in the period.", m_hp08, 0},
	{"HP09", "Children on a plan by time on plan", TX_COUNT, TX_NONE, TX_CIN, CIN_ALL,
	 {"<3m", "3-6m", "6-12m", "1-2y", "2y+", NULL},
	 "HP06 children by the start of their open plan (the earliest, if records overlap): <3m "
	 "start > end - 3 months; 3-6m end - 6 months < start <= end - 3 months; 6-12m; 1-2y; 2y+ "
	 "start <= end - 24 months.", m_hp09, 1},
	{"HP10", "% child protection reviews on time", TX_PCT, TX_HIGH, TX_CIN, CIN_ALL, HEAD,
	 "HP06 children whose open plan started on or before period end - 3 months; numerator: "
	 "the review walk passes (first review due start + 3 months, then each review + 6 months, "
	 "up to the period end).", m_hp10, 0},
	{"HP11", "Children in need", TX_RATE, TX_NONE, TX_CIN, CIN_ALL, HEAD,
	 "Distinct children with a CIN episode where CINreferralDate <= period end and (no "
	 "CINclosureDate or CINclosureDate > period end), per 10,000 children aged 0-17.", m_hp11, 1},

	{"LA01", "Children looked after", TX_RATE, TX_NONE, TX_903, LA, HEAD,
	 "Children looked after on the period's last day (a period of care - episodes joined by "
	 "REC X1, short breaks LS V3/V4 left out - with start <= day < end), per 10,000 children "
	 "aged 0-17.", m_la01, 1},
	{"LA02", "Started / ceased to be looked after", TX_COUNT, TX_NONE, TX_903, LA,
	 {"started", "ceased", NULL},
	 "started: periods of care starting in the period; ceased: periods ending in the period. "
	 "LA01 at the previous period end + started - ceased = LA01 at this end; a child for whom "
	 "it does not hold is a data-quality finding.", m_la02, 0},
	{"LA03", "% with 3 or more placements in the last 12 months", TX_PCT, TX_LOW, TX_903, LA, HEAD,
	 "LA01 children with 3 or more placements whose interval meets the 12 months ending at the "
	 "period end (start <= end and last day > end - 12 months) / LA01.", m_la03, 0},
	{"LA04", "Long-term placement stability", TX_PCT, TX_HIGH, TX_903, LA, HEAD,
	 "LA01 children aged under 16 on the last day whose period of care started on or before "
	 "end - 30 months; numerator: their current placement started on or before end - 24 months.",
	 m_la04, 0},
	{"LA05", "Missing", TX_COUNT, TX_LOW, TX_903, LA, {"children", "episodes", NULL},
	 "Missing rows with MISSING = M and MIS_START in the period: children (distinct) and "
	 "episodes (rows).", m_la05, 0},
	{"LA06", "% ceasing care through a special guardianship order", TX_PCT, TX_HIGH, TX_903, LA,
	 HEAD_12M,
	 "Periods of care ending in the period with final REC E45, E46, E47 or E48 / periods ending "
	 "in the period." DEF_12M, m_la06, 0},
	{"LA07", "Children returned home", TX_COUNT, TX_HIGH, TX_903, LA, HEAD,
	 "Periods of care ending in the period with final REC E4A or E4B.", m_la07, 0},
	{"LA08", "Children in a purchased residential placement", TX_COUNT, TX_LOW, TX_903, LA, HEAD,
	 "LA01 children whose episode open on the last day has PLACE in the setting "
	 "residential_places (default K1, K2, R1) and PLACE_PROVIDER PR4 or PR5.", m_la08, 1},
	{"LA09", "% reviews held on time", TX_PCT, TX_HIGH, TX_903, LA, HEAD,
	 "LA01 children whose period of care started at least 20 working days before the last day; "
	 "numerator: the review walk passes with the first review due on the 20th working day after "
	 "the start, the second 3 months after the first, then every 6 months; reviews are the "
	 "child's Reviews rows dated within the period of care.", m_la09, 0},

	{"CL01", "% care leavers in touch", TX_PCT, TX_HIGH, TX_903, LA, CL_BD,
	 "IN_TOUCH YES / cohort. Cohort: OC3 rows whose young person's 17th-21st birthday falls in "
	 "the period, excluding IN_TOUCH DIED or RHOM; one row per young person (the last).",
	 m_cl01, 0},
	{"CL02", "% in education, employment or training", TX_PCT, TX_HIGH, TX_903, LA, CL_BD,
	 "ACTIV in F1, P1, F2, P2, F4, P4, F5, P5 / cohort (as CL01).", m_cl02, 0},
	{"CL03", "% in suitable accommodation", TX_PCT, TX_HIGH, TX_903, LA, CL_BD,
	 "ACCOM ending in 1 / cohort (as CL01).", m_cl03, 0},
};

const int tx_nmeasures = (int)(sizeof tx_measures / sizeof tx_measures[0]);

/* A board reads a small flow's percentage over a year (an authority sees a
 * few special guardianship exits a month, and MEASURES.md's flow rates,
 * FD07, already take the 12 months ending at the period end). */
const tx_window tx_windows[] = {
	{"12_months", 12},
};

const int tx_nwindows = (int)(sizeof tx_windows / sizeof tx_windows[0]);

const tx_check_fn tx_checks[TX_NINPUTS] = {NULL, tx_cin_checks, NULL, tx_lac_checks};
