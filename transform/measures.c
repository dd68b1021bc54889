/* measures.c - the measure catalogue (MEASURES.md) as one table. Adding a
 * measure is one entry here plus its definition function in m_*.c; the
 * engine's period loop, the outputs and the RAG come for free. */
#include "measures.h"

#define HEAD {"", NULL}
#define CONTACTS "contacts.csv"
#define CIN_EP "cin_children.csv cin_episodes.csv"
#define CIN_ALL CIN_EP " cin_assessments.csv cin_s47.csv cin_cpp.csv cin_cpp_reviews.csv"
#define EH "early_help.csv"
#define LA "ssda903_header.csv ssda903_episodes.csv ssda903_reviews.csv ssda903_missing.csv ssda903_oc3.csv"
#define CL_BD {"17-18", "19-21", "all", NULL}

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
};

const int tx_nmeasures = (int)(sizeof tx_measures / sizeof tx_measures[0]);

const tx_check_fn tx_checks[TX_NINPUTS] = {NULL, NULL, NULL, NULL};
