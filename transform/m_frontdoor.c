/* m_frontdoor.c - FD01-FD05 (one contact at a time) and FD06-FD09 (one
 * child's CIN episodes: re-referrals look back at the child's history). */
#include <string.h>

#include "measures.h"

#define CONTACT const tx_contact *c = unit; if (!tx_in_period(c->date, p)) return

void m_fd01(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CONTACT;
	tx_emit(a, "", TX_NUM, c->child, c->id, "contact on %s", TX_ISO(c->date));
}

void m_fd02(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CONTACT;
	int ref = !strcmp(c->outcome, "REF");
	tx_emit(a, "", ref ? TX_NUM : TX_DEN, c->child, c->id, "outcome %s",
		*c->outcome ? c->outcome : "not recorded");
}

void m_fd03(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	CONTACT;
	int n;
	if (c->completed == CSC_NODATE) {
		tx_emit(a, "", TX_DEN, c->child, c->id, "not completed");
	} else if (c->completed < c->date) {
		tx_emit(a, "", TX_EXCL, c->child, c->id, "completed %s, before the contact",
			TX_ISO(c->completed));
		tx_dq(tx_acc_engine(a), "completed_before_contact", "FD03", c->child, c->id,
		      c->completed, "contact of %s completed on %s, before it was received",
		      TX_ISO(c->date), TX_ISO(c->completed));
	} else if (tx_wd(e, c->date, c->completed, &n) != 0) {
		tx_emit(a, "", TX_EXCL, c->child, c->id, "completion date %s outside the bank-holiday calendar",
			TX_ISO(c->completed));
		tx_dq(tx_acc_engine(a), "outside_calendar", "FD03", c->child, c->id, c->completed,
		      "working days from %s to %s cannot be counted: outside the bank-holiday calendar",
		      TX_ISO(c->date), TX_ISO(c->completed));
	} else {
		tx_emit(a, "", n <= 1 ? TX_NUM : TX_DEN, c->child, c->id,
			"completed %s, %d working day%s after the contact", TX_ISO(c->completed), n,
			n == 1 ? "" : "s");
	}
}

void m_fd04(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CONTACT;
	int police = !strcmp(c->source, "6");
	tx_emit(a, "", police ? TX_NUM : TX_DEN, c->child, c->id, "source %s%s",
		*c->source ? c->source : "not recorded", police ? " (police)" : "");
}

void m_fd05(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	CONTACT;
	if (strcmp(c->source, "6"))
		return;
	tx_emit(a, "", !strcmp(c->outcome, "IA") ? TX_NUM : TX_DEN, c->child, c->id,
		"police contact, outcome %s", *c->outcome ? c->outcome : "not recorded");
}

#define EPISODES const tx_cin_child *u = unit; (void)e; \
	for (int i = 0; i < u->nep; i++)

void m_fd06(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	EPISODES {
		if (!tx_in_period(u->ep[i].referral, p))
			continue;
		char r[64];
		tx_emit(a, "", TX_NUM, u->child, tx_cin_rec(r, sizeof r, u, u->ep[i].no, NULL, 0),
			"referral on %s", TX_ISO(u->ep[i].referral));
	}
}

/* Rates of flows use the 12 months ending at the period end, whatever the
 * period's own length. */
void m_fd07(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	csc_date lo = csc_date_add_months(p->end, -12);
	EPISODES {
		csc_date d = u->ep[i].referral;
		if (d == CSC_NODATE || d <= lo || d > p->end)
			continue;
		char r[64];
		tx_emit(a, "", TX_NUM, u->child, tx_cin_rec(r, sizeof r, u, u->ep[i].no, NULL, 0),
			"referral on %s, in the 12 months ending %s", TX_ISO(d), TX_ISO(p->end));
	}
}

/* The earlier episode that makes episode i a re-referral, or -1: under the
 * referral basis its referral date, under the closure basis its closure
 * date, lies in [referral - 12 months, referral). */
static int rereferral(const tx_engine *e, const tx_cin_child *u, int i)
{
	csc_date r = u->ep[i].referral, lo = csc_date_add_months(r, -12);
	int closure = tx_conf(e)->rereferral_basis == CSC_REREF_CLOSURE;
	for (int j = 0; j < u->nep; j++) {
		csc_date d = closure ? u->ep[j].closure : u->ep[j].referral;
		if (j != i && d != CSC_NODATE && d >= lo && d < r)
			return j;
	}
	return -1;
}

void m_fd08(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	int closure = tx_conf(e)->rereferral_basis == CSC_REREF_CLOSURE;
	EPISODES {
		if (!tx_in_period(u->ep[i].referral, p))
			continue;
		char r[64], r2[64];
		tx_cin_rec(r, sizeof r, u, u->ep[i].no, NULL, 0);
		int j = rereferral(e, u, i);
		if (j < 0)
			tx_emit(a, "", TX_DEN, u->child, r, "no earlier %s in the 12 months before %s",
				closure ? "closure" : "referral", TX_ISO(u->ep[i].referral));
		else
			tx_emit(a, "", TX_NUM, u->child, r, "re-referral: %s %s on %s",
				tx_cin_rec(r2, sizeof r2, u, u->ep[j].no, NULL, 0),
				closure ? "closed" : "referred",
				TX_ISO(closure ? u->ep[j].closure : u->ep[j].referral));
	}
}

void m_fd09(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	EPISODES {
		if (!tx_in_period(u->ep[i].referral, p))
			continue;
		char r[64];
		tx_emit(a, "", u->ep[i].nfa ? TX_NUM : TX_DEN, u->child,
			tx_cin_rec(r, sizeof r, u, u->ep[i].no, NULL, 0),
			u->ep[i].nfa ? "referral with no further action" : "referral acted on");
	}
}
