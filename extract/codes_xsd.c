/* codes_xsd.c - see codes_xsd.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cin_xsd.h"
#include "codes_xsd.h"
#include "csc_diag.h"

/* The first " – " / " - " separator in s, or NULL; *w gets its width. */
static const char *dash(const char *s, size_t *w)
{
	for (const char *p = s; *p; p++) {
		if (p[0] == ' ' && p[1] == '-' && p[2] == ' ') {
			*w = 3;
			return p;
		}
		if (p[0] == ' ' && !strncmp(p + 1, "\xE2\x80\x93 ", 4)) {
			*w = 5;
			return p;
		}
	}
	return NULL;
}

static void alias_n(codes_list *c, const char *code, const char *s, size_t n)
{
	char *t = csc_xstrndup(s, n);
	codes_alias(c, t, code);
	free(t);
}

void codes_xsd_label(codes_list *c, const char *code, const char *label)
{
	codes_alias(c, label, code);
	size_t w;
	const char *d = dash(label, &w);
	const char *rest = d ? d + w : label;
	if (d)
		codes_alias(c, rest, code);
	const char *open = strchr(rest, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (open && close) {
		alias_n(c, code, rest, (size_t)(open - rest));
		alias_n(c, code, open + 1, (size_t)(close - open - 1));
	}
}

int codes_xsd_load(const char *path, const char *type_name, codes_list *c)
{
	cin_xsd x;
	if (cin_xsd_load(&x, path) != 0)
		return -1;
	const cin_codes *t = cin_xsd_type(&x, type_name);
	for (int i = 0; t && i < t->n; i++) {
		codes_add(c, t->v[i]);
		if (t->label[i])
			codes_xsd_label(c, t->v[i], t->label[i]);
	}
	int found = t && t->n;
	cin_xsd_free(&x);
	if (!found) {
		csc_error_at(path, 0, "no codes for %s in the schema", type_name);
		return -1;
	}
	return 0;
}
