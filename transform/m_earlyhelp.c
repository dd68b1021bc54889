/* m_earlyhelp.c - EH01-EH04 on one child's early-help episodes. An episode
 * starts on its assessment start date and ends on its episode end date. */
#include <stdio.h>
#include <string.h>

#include "measures.h"

#define EPISODES const tx_eh_child *u = unit; (void)e; char r[160]; \
	for (int i = 0; i < u->nep; i++)
#define REC (tx_cat(r, sizeof r, tx_cat(r, sizeof r, tx_cat(r, sizeof r, 0, u->child), "/"), \
			    u->ep[i].id), r) /* "%s/%s" */

static void completed_tier(const void *unit, const tx_period *p, tx_acc *a, int tier,
			   const tx_engine *e)
{
	EPISODES {
		if (!tx_in_period(u->ep[i].completed, p) || u->ep[i].tier != tier)
			continue;
		tx_emit(a, "", TX_NUM, u->child, REC, "tier %d assessment completed %s", tier,
			TX_ISO(u->ep[i].completed));
	}
}

void m_eh01(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	completed_tier(unit, p, a, 2, e);
}

void m_eh02(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	completed_tier(unit, p, a, 3, e);
}

void m_eh03(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	EPISODES {
		csc_date s = u->ep[i].start;
		if (!tx_in_period(s, p))
			continue;
		csc_date lo = csc_date_add_months(s, -12);
		int j;
		for (j = 0; j < u->nep; j++)
			if (j != i && u->ep[j].end != CSC_NODATE && u->ep[j].end >= lo && u->ep[j].end < s)
				break;
		if (j < u->nep)
			tx_emit(a, "", TX_NUM, u->child, REC, "repeat: episode %s ended %s",
				u->ep[j].id, TX_ISO(u->ep[j].end));
		else
			tx_emit(a, "", TX_DEN, u->child, REC, "no episode ended in the 12 months before %s",
				TX_ISO(s));
	}
}

void m_eh04(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	EPISODES {
		if (!tx_in_period(u->ep[i].end, p))
			continue;
		int progress = !strcmp(u->ep[i].closure, "PROGRESS");
		tx_emit(a, "", progress ? TX_NUM : TX_DEN, u->child, REC, "closed %s, reason %s",
			TX_ISO(u->ep[i].end), *u->ep[i].closure ? u->ep[i].closure : "not recorded");
	}
}
