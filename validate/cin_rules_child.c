/* cin_rules_child.c - rules on a child's identifiers and characteristics
 * that read more than one field. */
#include <string.h>

#include "cin_custom.h"

#define CHILD_OR_RETURN(st, c)         \
	cin_state *st = cin_st(ctx);   \
	if (!st->child)                \
		return;                \
	const cin_rec *c = st->child

/* Any episode that is a referral going on to further action (NFA false). */
static int has_further_action(const cin_rec *c)
{
	for (cin_rec *e = cin_first(c, CIN_K_EPISODE); e; e = cin_next(e))
		if (cin_flag(&e->f[E_NFA]) == 0)
			return 1;
	return 0;
}

/* 1570: LA child ID longer than 20 characters (UTF-8 characters, not bytes). */
CIN_RULE(cin_r1570)
{
	CHILD_OR_RETURN(st, c);
	const cin_val *v = &c->f[C_LACHILDID];
	if (!cin_has(v))
		return;
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)v->s; *p; p++)
		chars += (*p & 0xC0) != 0x80;
	if (chars > 20)
		cin_rep(ctx, rule, c, C_LACHILDID);
}

/* 1580: LA child ID with anything but A-Z, a-z, 0-9. */
CIN_RULE(cin_r1580)
{
	CHILD_OR_RETURN(st, c);
	const cin_val *v = &c->f[C_LACHILDID];
	if (!cin_has(v))
		return;
	for (const char *p = v->s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))) {
			cin_rep(ctx, rule, c, C_LACHILDID);
			return;
		}
}

/* 4180: Sex present and M, F or U (GenderCurrent 1/2/0/9 of earlier years
 * is read as M/F/U/U). */
CIN_RULE(cin_r4180)
{
	CHILD_OR_RETURN(st, c);
	if (!cin_sex(c))
		cin_rep(ctx, rule, c, !cin_has(&c->f[C_SEX]) && cin_has(&c->f[C_GENDER]) ? C_GENDER : C_SEX);
}

/* 8525Q: exactly one of date of birth and expected date of birth. */
CIN_RULE(cin_r8525q)
{
	CHILD_OR_RETURN(st, c);
	int dob = cin_has(&c->f[C_DOB]), edob = cin_has(&c->f[C_EDOB]);
	if (dob == edob)
		cin_rep(ctx, rule, c, dob ? C_EDOB : C_DOB);
}

/* 8530Q: expected date of birth between the reference date minus 30 days
 * and the reference date plus 9 months. */
CIN_RULE(cin_r8530q)
{
	CHILD_OR_RETURN(st, c);
	const cin_val *v = &c->f[C_EDOB];
	if (!cin_has(v))
		return;
	if (!cin_is_date(v) || v->d < st->ref - 30 || v->d > csc_date_add_months(st->ref, 9))
		cin_rep(ctx, rule, c, C_EDOB);
}

static const char *const disability_list[] = {
	"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA", NULL};

/* 8540: every disability code valid; a born child with a referral going
 * on to further action must have at least one. */
CIN_RULE(cin_r8540)
{
	CHILD_OR_RETURN(st, c);
	int any = 0;
	for (size_t i = 0; i < c->nmulti; i++) {
		const cin_val *v = &c->multi[i];
		int ok = 0;
		for (int k = 0; cin_has(v) && disability_list[k] && !ok; k++)
			ok = strcmp(v->s, disability_list[k]) == 0;
		if (cin_has(v))
			any = 1;
		if (!ok)
			cin_rep_multi(ctx, rule, c, v);
	}
	if (!any && cin_has(&c->f[C_DOB]) && has_further_action(c))
		cin_rep_multi(ctx, rule, c, NULL);
}

/* 8590: a child with no CIN details. */
CIN_RULE(cin_r8590)
{
	CHILD_OR_RETURN(st, c);
	if (cin_count(c, CIN_K_EPISODE) == 0)
		cin_rep(ctx, rule, c, C_LACHILDID);
}

/* 8750: an unborn child (expected date of birth, no date of birth) must
 * have Sex U. */
CIN_RULE(cin_r8750)
{
	CHILD_OR_RETURN(st, c);
	if (cin_has(&c->f[C_DOB]) || !cin_has(&c->f[C_EDOB]))
		return;
	const char *s = cin_sex(c);
	if (!s || strcmp(s, "U") != 0)
		cin_rep(ctx, rule, c, !cin_has(&c->f[C_SEX]) && cin_has(&c->f[C_GENDER]) ? C_GENDER : C_SEX);
}

/* 8770Q: a child born on or before the reference date minus 6 years, with
 * a referral going on to further action, needs a UPN or a reason UN2-UN7. */
CIN_RULE(cin_r8770q)
{
	CHILD_OR_RETURN(st, c);
	const cin_val *dob = &c->f[C_DOB];
	if (!cin_is_date(dob) || dob->d > csc_date_add_months(st->ref, -72) || !has_further_action(c))
		return;
	if (cin_has(&c->f[C_UPN]))
		return;
	const cin_val *u = &c->f[C_UPNUNKNOWN];
	static const char *const ok[] = {"UN2", "UN3", "UN4", "UN5", "UN6", "UN7", NULL};
	for (int i = 0; cin_has(u) && ok[i]; i++)
		if (strcasecmp(u->s, ok[i]) == 0)
			return;
	cin_rep(ctx, rule, c, cin_has(u) ? C_UPNUNKNOWN : C_UPN);
}

/* 8772: UPN unknown reason UN7 (referral with no further action) while an
 * episode goes on to further action. */
CIN_RULE(cin_r8772)
{
	CHILD_OR_RETURN(st, c);
	const cin_val *u = &c->f[C_UPNUNKNOWN];
	if (cin_has(u) && strcasecmp(u->s, "UN7") == 0 && has_further_action(c))
		cin_rep(ctx, rule, c, C_UPNUNKNOWN);
}

/* 8775Q: born more than 25 years before the reference date, with an
 * episode open or closed after the 25th birthday. */
CIN_RULE(cin_r8775q)
{
	CHILD_OR_RETURN(st, c);
	const cin_val *dob = &c->f[C_DOB];
	if (!cin_is_date(dob) || dob->d >= csc_date_add_months(st->ref, -300))
		return;
	csc_date b25 = csc_date_birthday(dob->d, 25);
	for (cin_rec *e = cin_first(c, CIN_K_EPISODE); e; e = cin_next(e)) {
		const cin_val *cl = &e->f[E_CLOSEDATE];
		if (!cin_has(cl) || (cin_is_date(cl) && cl->d > b25)) {
			cin_rep(ctx, rule, c, C_DOB);
			return;
		}
	}
}
