/* cin_rules_child.c - rules on a child's identifiers and characteristics
 * that read more than one field. */
#include <string.h>

#include "cin_custom.h"

#define CHILD_OR_RETURN(st, c)         \
	vcin_state *st = vcin_st(ctx);   \
	if (!st->child)                \
		return;                \
	const vcin_rec *c = st->child

/* Any episode that is a referral going on to further action (NFA false). */
static int has_further_action(const vcin_rec *c)
{
	for (vcin_rec *e = vcin_first(c, CIN_K_EPISODE); e; e = vcin_next(e))
		if (vcin_flag(&e->f[E_NFA]) == 0)
			return 1;
	return 0;
}

/* 1570: LA child ID longer than 20 characters (UTF-8 characters, not bytes). */
CIN_RULE(vcin_r1570)
{
	CHILD_OR_RETURN(st, c);
	const vcin_val *v = &c->f[C_LACHILDID];
	if (!vcin_has(v))
		return;
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)v->s; *p; p++)
		chars += (*p & 0xC0) != 0x80;
	if (chars > 20)
		vcin_rep(ctx, rule, c, C_LACHILDID);
}

/* 1580: LA child ID with anything but A-Z, a-z, 0-9. */
CIN_RULE(vcin_r1580)
{
	CHILD_OR_RETURN(st, c);
	const vcin_val *v = &c->f[C_LACHILDID];
	if (!vcin_has(v))
		return;
	for (const char *p = v->s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) {
			vcin_rep(ctx, rule, c, C_LACHILDID);
			return;
		}
}

/* 1 when the child's sex element (a->field) holds code (NULL: any of the
 * year's codes). Exact match: the DfE codes are case-sensitive. */
static int sex_is(const vcin_rec *c, const vcin_a_sex *a, const char *code)
{
	const vcin_val *v = &c->f[a->field];
	if (!vcin_has(v))
		return 0;
	if (code)
		return strcmp(v->s, code) == 0;
	for (int i = 0; a->codes[i]; i++)
		if (strcmp(v->s, a->codes[i]) == 0)
			return 1;
	return 0;
}

int vcin_no_sex(const vcin_rec *c, const vcin_a_sex *a)
{
	return !vcin_has(&c->f[a->field]) || sex_is(c, a, a->unborn);
}

/* 4180: the year's sex element present and one of its codes. */
CIN_RULE(vcin_r4180)
{
	CHILD_OR_RETURN(st, c);
	const vcin_a_sex *a = rule->arg;
	if (!sex_is(c, a, NULL))
		vcin_rep(ctx, rule, c, a->field);
}

/* 8525Q: exactly one of date of birth and expected date of birth. */
CIN_RULE(vcin_r8525q)
{
	CHILD_OR_RETURN(st, c);
	int dob = vcin_has(&c->f[C_DOB]), edob = vcin_has(&c->f[C_EDOB]);
	if (dob == edob)
		vcin_rep(ctx, rule, c, dob ? C_EDOB : C_DOB);
}

/* 8530Q: expected date of birth between the reference date minus 30 days
 * and the reference date plus 9 months. */
CIN_RULE(vcin_r8530q)
{
	CHILD_OR_RETURN(st, c);
	const vcin_val *v = &c->f[C_EDOB];
	if (!vcin_has(v))
		return;
	if (!vcin_is_date(v) || v->d < st->ref - 30 || v->d > csc_date_add_months(st->ref, 9))
		vcin_rep(ctx, rule, c, C_EDOB);
}

/* 8540: every disability code valid; a born child with a referral going
 * on to further action must have at least one. */
CIN_RULE(vcin_r8540)
{
	CHILD_OR_RETURN(st, c);
	/* the Disability list of ref/'s XSD (cin_codes.h) */
	const cin_codes *list = vcin_list_of(st, CIN_K_CHILD, "Disability");
	int any = 0;
	for (size_t i = 0; i < c->nmulti; i++) {
		const vcin_val *v = &c->multi[i];
		int ok = vcin_has(v) && (!list || vcin_codes_has(list, v->s, 0));
		if (vcin_has(v))
			any = 1;
		if (!ok)
			vcin_rep_multi(ctx, rule, c, v);
	}
	if (!any && vcin_has(&c->f[C_DOB]) && has_further_action(c))
		vcin_rep_multi(ctx, rule, c, NULL);
}

/* 8590: a child with no CIN details. */
CIN_RULE(vcin_r8590)
{
	CHILD_OR_RETURN(st, c);
	if (vcin_count(c, CIN_K_EPISODE) == 0)
		vcin_rep(ctx, rule, c, C_LACHILDID);
}

/* 8750: an unborn child (expected date of birth, no date of birth) must
 * have the year's unborn code (GenderCurrent 0, then Sex U). */
CIN_RULE(vcin_r8750)
{
	CHILD_OR_RETURN(st, c);
	const vcin_a_sex *a = rule->arg;
	if (vcin_has(&c->f[C_DOB]) || !vcin_has(&c->f[C_EDOB]))
		return;
	if (!sex_is(c, a, a->unborn))
		vcin_rep(ctx, rule, c, a->field);
}

/* 8770Q: a child of school age (the year's cut-off, vcin_a_school_age)
 * with a referral going on to further action needs a UPN or a reason
 * UN2-UN7. */
CIN_RULE(vcin_r8770q)
{
	CHILD_OR_RETURN(st, c);
	const vcin_a_school_age *a = rule->arg;
	const vcin_val *dob = &c->f[C_DOB];
	int y, m, d;
	csc_date_ymd(st->ref, &y, &m, &d);
	csc_date cutoff = a->from_31_august ? csc_date_make(y - 6, 8, 31) : csc_date_add_months(st->ref, -72);
	if (!vcin_is_date(dob) || dob->d > cutoff || !has_further_action(c))
		return;
	if (vcin_has(&c->f[C_UPN]))
		return;
	const vcin_val *u = &c->f[C_UPNUNKNOWN];
	static const char *const ok[] = {"UN2", "UN3", "UN4", "UN5", "UN6", "UN7", NULL};
	for (int i = 0; vcin_has(u) && ok[i]; i++)
		if (strcasecmp(u->s, ok[i]) == 0)
			return;
	vcin_rep(ctx, rule, c, vcin_has(u) ? C_UPNUNKNOWN : C_UPN);
}

/* 8772: UPN unknown reason UN7 (referral with no further action) while an
 * episode goes on to further action. */
CIN_RULE(vcin_r8772)
{
	CHILD_OR_RETURN(st, c);
	const vcin_val *u = &c->f[C_UPNUNKNOWN];
	if (vcin_has(u) && strcasecmp(u->s, "UN7") == 0 && has_further_action(c))
		vcin_rep(ctx, rule, c, C_UPNUNKNOWN);
}

/* 8775Q: born more than 25 years before the reference date, with an
 * episode open or closed after the 25th birthday. */
CIN_RULE(vcin_r8775q)
{
	CHILD_OR_RETURN(st, c);
	const vcin_val *dob = &c->f[C_DOB];
	if (!vcin_is_date(dob) || dob->d >= csc_date_add_months(st->ref, -300))
		return;
	csc_date b25 = csc_date_birthday(dob->d, 25);
	for (vcin_rec *e = vcin_first(c, CIN_K_EPISODE); e; e = vcin_next(e)) {
		const vcin_val *cl = &e->f[E_CLOSEDATE];
		if (!vcin_has(cl) || (vcin_is_date(cl) && cl->d > b25)) {
			vcin_rep(ctx, rule, c, C_DOB);
			return;
		}
	}
}
