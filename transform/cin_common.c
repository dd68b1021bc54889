/* cin_common.c - helpers shared by the CIN measures. */
#include <stdio.h>

#include "measures.h"

const char *tx_cin_rec(char *buf, size_t n, const tx_cin_child *u, int episode, const char *kind,
		    int no)
{
	/* "%s/%d/%s%d" or "%s/%d" (tx_cat: no printf per record met) */
	size_t at = tx_cat(buf, n, 0, u->child);
	at = tx_cat_long(buf, n, tx_cat(buf, n, at, "/"), episode);
	if (kind)
		tx_cat_long(buf, n, tx_cat(buf, n, tx_cat(buf, n, at, "/"), kind), no);
	return buf;
}

int tx_review_walk(csc_date start, csc_date due, const csc_date *rev, int n, csc_date end,
		   csc_date (*next)(csc_date r, int k), csc_date *missed)
{
	csc_date prev = start;
	int k = 0;
	while (due != CSC_NODATE && due <= end) {
		int found = -1;
		for (int i = 0; i < n && found < 0; i++)
			if (rev[i] > prev && rev[i] <= due)
				found = i;
		if (found < 0) {
			*missed = due;
			return 0;
		}
		prev = rev[found];
		due = next(prev, ++k);
	}
	return 1;
}
