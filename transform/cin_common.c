/* cin_common.c - helpers shared by the CIN measures. */
#include <stdio.h>

#include "measures.h"

const char *cin_rec(char *buf, size_t n, const tx_cin_child *u, int episode, const char *kind,
		    int no)
{
	if (kind)
		snprintf(buf, n, "%s/%d/%s%d", u->child, episode, kind, no);
	else
		snprintf(buf, n, "%s/%d", u->child, episode);
	return buf;
}
