/* codes_xsd.c - see codes_xsd.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes_xsd.h"
#include "csc_diag.h"
#include "csc_xml.h"

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

static int is(const xmlChar *a, const char *b)
{
	return a && !strcmp((const char *)a, b);
}

int codes_xsd_load(const char *path, const char *type_name, codes_list *c)
{
	csc_xml x;
	if (csc_xml_open(&x, path, path) != 0)
		return -1;
	int in_type = 0, rc, found = 0;
	char *code = NULL;
	while ((rc = csc_xml_next(&x)) == 1) {
		int type = xmlTextReaderNodeType(x.r);
		const xmlChar *ln = xmlTextReaderConstLocalName(x.r);
		if (type == XML_READER_TYPE_ELEMENT && is(ln, "simpleType")) {
			xmlChar *nm = xmlTextReaderGetAttribute(x.r, BAD_CAST "name");
			in_type = is(nm, type_name);
			found |= in_type;
			xmlFree(nm);
		} else if (type == XML_READER_TYPE_END_ELEMENT && is(ln, "simpleType")) {
			in_type = 0;
		} else if (in_type && type == XML_READER_TYPE_ELEMENT && is(ln, "enumeration")) {
			xmlChar *v = xmlTextReaderGetAttribute(x.r, BAD_CAST "value");
			free(code);
			code = v ? csc_xstrdup((const char *)v) : NULL;
			xmlFree(v);
			if (code)
				codes_add(c, code);
		} else if (in_type && code && type == XML_READER_TYPE_TEXT) {
			const xmlChar *t = xmlTextReaderConstValue(x.r);
			if (t)
				codes_xsd_label(c, code, (const char *)t);
		}
	}
	free(code);
	long line = csc_xml_line(&x);
	csc_xml_close(&x);
	if (rc < 0)
		return -1;
	if (!found || !c->n) {
		(void)line;
		csc_error_at(path, 0, "no codes for %s in the schema", type_name);
		return -1;
	}
	return 0;
}
