/* cin_codes.c - see cin_codes.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cin_codes.h"
#include "csc_cin_elems.h"
#include "csc_diag.h"
#include "csc_out.h"

int vcin_codes_load(vcin_codes *c, const char *ref_dir)
{
	memset(c, 0, sizeof *c);
	char *p = csc_path_join(ref_dir, CIN_XSD_SEX_FILE);
	int rc = cin_xsd_load(&c->xsd, p);
	free(p);
	if (rc)
		return -1;
	p = csc_path_join(ref_dir, CIN_XSD_FILE);
	rc = cin_xsd_load(&c->xsd24, p);
	free(p);
	if (rc) {
		cin_xsd_free(&c->xsd);
		return -1;
	}
	return 0;
}

const cin_codes *vcin_codes_of(const vcin_codes *c, const char *record, const char *name)
{
	const csc_cin_elem *e = c ? csc_cin_elem_find(record, name) : NULL;
	if (!e || !e->codes)
		return NULL;
	const cin_codes *l = cin_xsd_type(&c->xsd, e->codes);
	return l ? l : cin_xsd_type(&c->xsd24, e->codes);
}

int vcin_codes_has(const cin_codes *l, const char *s, int nocase)
{
	for (int i = 0; i < l->n; i++)
		if ((nocase ? strcasecmp(s, l->v[i]) : strcmp(s, l->v[i])) == 0)
			return 1;
	return 0;
}

void vcin_codes_free(vcin_codes *c)
{
	cin_xsd_free(&c->xsd);
	cin_xsd_free(&c->xsd24);
}
