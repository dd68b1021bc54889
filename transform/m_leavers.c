/* m_leavers.c - CL01-CL03 on a young person's OC3 rows. Cohort: rows whose
 * 17th-21st birthday falls in the period, without IN_TOUCH DIED or RHOM;
 * breakdowns by that birthday (17-18, 19-21) and all. */
#include <string.h>

#include "measures.h"

/* The birthday n (17-21) falling in p for dob, or 0. */
static int birthday_in(csc_date dob, const tx_period *p)
{
	if (dob == CSC_NODATE)
		return 0;
	for (int n = 17; n <= 21; n++)
		if (tx_in_period(csc_date_birthday(dob, n), p))
			return n;
	return 0;
}

typedef int (*cl_test)(const tx_lac_oc3 *o);
typedef const char *(*cl_field)(const tx_lac_oc3 *o);

static const char *f_touch(const tx_lac_oc3 *o) { return o->in_touch; }
static const char *f_activ(const tx_lac_oc3 *o) { return o->activ; }
static const char *f_accom(const tx_lac_oc3 *o) { return o->accom; }

/* A young person may have an OC3 row for each collection year in a
 * multi-year dump: the last row in file order is the one counted, so each
 * young person counts once. */
static void cohort(const void *unit, const tx_period *p, tx_acc *a, cl_test ok, cl_field field, const char *what)
{
	const tx_lac_child *u = unit;
	char r[96];
	int last = -1, bday = 0;
	for (int i = 0; i < u->noc3; i++) {
		csc_date dob = u->oc3[i].dob != CSC_NODATE ? u->oc3[i].dob : u->dob;
		int n = birthday_in(dob, p);
		if (n) {
			if (last >= 0)
				tx_emit(a, "all", TX_EXCL, u->child,
					tx_lac_rec(r, sizeof r, u->oc3[last].file, u->oc3[last].line),
					"a later OC3 row for the same young person is counted");
			last = i;
			bday = n;
		}
	}
	if (last < 0)
		return;
	const tx_lac_oc3 *o = &u->oc3[last];
	const char *band = bday <= 18 ? "17-18" : "19-21";
	tx_lac_rec(r, sizeof r, o->file, o->line);
	if (!strcmp(o->in_touch, "DIED") || !strcmp(o->in_touch, "RHOM")) {
		tx_emit(a, band, TX_EXCL, u->child, r, "IN_TOUCH %s", o->in_touch);
		tx_emit(a, "all", TX_EXCL, u->child, r, "IN_TOUCH %s", o->in_touch);
		return;
	}
	enum tx_role role = ok(o) ? TX_NUM : TX_DEN;
	tx_emit(a, band, role, u->child, r, "birthday %d on %s; %s %s", bday,
		TX_ISO(csc_date_birthday(o->dob != CSC_NODATE ? o->dob : u->dob, bday)), what, field(o));
	tx_emit(a, "all", role, u->child, r, "birthday %d on %s; %s %s", bday,
		TX_ISO(csc_date_birthday(o->dob != CSC_NODATE ? o->dob : u->dob, bday)), what, field(o));
}

static int in_touch(const tx_lac_oc3 *o)
{
	return !strcmp(o->in_touch, "YES");
}

static int eet(const tx_lac_oc3 *o)
{
	static const char *const codes[] = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", NULL};
	for (const char *const *c = codes; *c; c++)
		if (!strcmp(o->activ, *c))
			return 1;
	return 0;
}

static int suitable(const tx_lac_oc3 *o)
{
	return strlen(o->accom) == 2 && o->accom[1] == '1';
}

void m_cl01(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	cohort(unit, p, a, in_touch, f_touch, "IN_TOUCH");
}

void m_cl02(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	cohort(unit, p, a, eet, f_activ, "ACTIV");
}

void m_cl03(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a)
{
	(void)e;
	cohort(unit, p, a, suitable, f_accom, "ACCOM");
}
