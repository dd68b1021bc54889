/*
 * measures.h - the definition functions behind tx_measures[] (one per
 * measure, grouped by strand in m_*.c) and small helpers they share.
 */
#ifndef TX_MEASURES_H
#define TX_MEASURES_H

#include "tx.h"

#define MFN(name) void name(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)

MFN(m_fd01); MFN(m_fd02); MFN(m_fd03); MFN(m_fd04); MFN(m_fd05);
MFN(m_fd06); MFN(m_fd07); MFN(m_fd08); MFN(m_fd09);
MFN(m_eh01); MFN(m_eh02); MFN(m_eh03); MFN(m_eh04);
MFN(m_hp01); MFN(m_hp02); MFN(m_hp03); MFN(m_hp04); MFN(m_hp05); MFN(m_hp06);
MFN(m_hp07); MFN(m_hp08); MFN(m_hp09); MFN(m_hp10); MFN(m_hp11);
MFN(m_la01); MFN(m_la02); MFN(m_la03); MFN(m_la04); MFN(m_la05); MFN(m_la06);
MFN(m_la07); MFN(m_la08); MFN(m_la09);
MFN(m_cl01); MFN(m_cl02); MFN(m_cl03);

void tx_cin_checks(tx_engine *e, const void *unit);
void tx_lac_checks(tx_engine *e, const void *unit);

/* Name a CIN record "child/episode[/kind+n]" (FORMATS.md) into buf. */
const char *tx_cin_rec(char *buf, size_t n, const tx_cin_child *u, int episode, const char *kind,
		    int no);

/* The review walk (MEASURES.md): from start, first due date `due`, reviews
 * rev[0..n) sorted ascending; each next due date is next(r, k) for the k-th
 * review taken (k = 1, 2, ...). Returns 1 when it passes up to `end`, 0
 * when it fails (and sets *missed to the due date that was missed). */
int tx_review_walk(csc_date start, csc_date due, const csc_date *rev, int n, csc_date end,
		   csc_date (*next)(csc_date r, int k), csc_date *missed);

#endif
