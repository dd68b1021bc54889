/* v_upn.c - the shape of a Unique Pupil Number (see v_upn.h). */
#include <string.h>

#include "v_upn.h"

static const char upn_letters[] = "ABCDEFGHJKLMNPQRTUVWXYZ";

int v_upn_letter(char c)
{
	const char *p = c ? strchr(upn_letters, c) : NULL;
	return p ? (int)(p - upn_letters) : -1;
}

char v_upn_letter_of(int v)
{
	return v >= 0 && v < 23 ? upn_letters[v] : '?';
}

int v_upn_shape_ok(const char *s)
{
	if (strlen(s) != 13 || v_upn_letter(s[0]) < 0)
		return 0;
	for (int i = 1; i < 12; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return (s[12] >= '0' && s[12] <= '9') || v_upn_letter(s[12]) >= 0;
}
