/* cin_rules_return.c - rules about the whole return. Each gathers what it
 * needs while the children stream past (st->child set) and reports in the
 * final pass (st->child NULL), so nothing but counts and ID lists is kept. */
#include <stdio.h>
#include <string.h>

#include "cin_custom.h"

/* 100: Header ReferenceDate present and equal to the collection's date. */
CIN_RULE(vcin_r100)
{
	vcin_state *st = vcin_st(ctx);
	if (st->child)
		return;
	csc_date d = CSC_NODATE;
	int ok = st->hdr_ref_present &&
		 csc_date_parse_iso(st->hdr_ref, strlen(st->hdr_ref), &d) == 0;
	if (ok && st->expected_ref != CSC_NODATE)
		ok = d == st->expected_ref;
	else if (ok) {
		int y, m, dd;
		csc_date_ymd(d, &y, &m, &dd);
		ok = m == 3 && dd == 31;
	}
	if (!ok)
		vcin_rep_return(ctx, rule, "Header", "ReferenceDate",
			       st->hdr_ref_present ? st->hdr_ref : NULL, st->hdr_ref_line);
}

/* 1520 / 8510: the same UPN or LA child ID on more than one child. */
CIN_RULE(vcin_r1520)
{
	vcin_state *st = vcin_st(ctx);
	if (st->child) {
		const vcin_val *v = &st->child->f[C_UPN];
		if (vcin_has(v))
			vcin_keys_add(&st->upns, v->s, st->label, v->line);
	} else {
		vcin_keys_report(ctx, rule, &st->upns, "UPN");
	}
}

CIN_RULE(vcin_r8510)
{
	vcin_state *st = vcin_st(ctx);
	if (st->child) {
		const vcin_val *v = &st->child->f[C_LACHILDID];
		if (vcin_has(v))
			vcin_keys_add(&st->ids, v->s, st->label, v->line);
	} else {
		vcin_keys_report(ctx, rule, &st->ids, "LAchildID");
	}
}

/* 2883: CP plans starting in the year must not outnumber the initial
 * conferences held in the year (on CIN details plus on Section 47). */
CIN_RULE(vcin_r2883)
{
	vcin_state *st = vcin_st(ctx);
	if (!st->child) {
		if (st->cpp_starts > st->icpcs) {
			char v[80];
			snprintf(v, sizeof v, "%ld plans starting, %ld initial conferences", st->cpp_starts, st->icpcs);
			vcin_rep_return(ctx, rule, "ChildProtectionPlans", "CPPstartDate", v, 0);
		}
		return;
	}
	vcin_list l;
	vcin_list_get(&l, st->child, CIN_K_CPP);
	for (size_t i = 0; i < l.n; i++)
		st->cpp_starts += vcin_in_year(st, l.v[i]->f[K_START].d);
	vcin_list_free(&l);
	vcin_list_get(&l, st->child, CIN_K_EPISODE);
	for (size_t i = 0; i < l.n; i++)
		st->icpcs += vcin_in_year(st, l.v[i]->f[E_ICPC].d);
	vcin_list_free(&l);
	vcin_list_get(&l, st->child, CIN_K_S47);
	for (size_t i = 0; i < l.n; i++)
		st->icpcs += vcin_in_year(st, l.v[i]->f[S_ICPC].d);
	vcin_list_free(&l);
}

/* 2886Q: more than 2% of children (unborn children aside) with no sex
 * recorded: the year's element missing or the unborn code (0, then U). */
CIN_RULE(vcin_r2886q)
{
	vcin_state *st = vcin_st(ctx);
	if (st->child) {
		st->children++;
		if (vcin_no_sex(st->child, rule->arg) && !vcin_has(&st->child->f[C_EDOB]))
			st->no_sex++;
		return;
	}
	if (st->children && st->no_sex * 100 > st->children * 2) {
		char v[80];
		snprintf(v, sizeof v, "%ld of %ld children", st->no_sex, st->children);
		vcin_rep_return(ctx, rule, "ChildIdentifiers",
			       vcin_field_name(CIN_K_CHILD, ((const vcin_a_sex *)rule->arg)->field), v, 0);
	}
}

static const char *const disability_codes[] = {
	"MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA", NULL};

static int disability_bit(const char *s)
{
	for (int i = 0; disability_codes[i]; i++)
		if (strcmp(s, disability_codes[i]) == 0)
			return i;
	return -1;
}

/* The non-NONE disability codes of the current child, one bit each. */
static unsigned child_disabilities(const vcin_rec *c)
{
	unsigned mine = 0;
	for (size_t i = 0; i < c->nmulti; i++) {
		int b = vcin_has(&c->multi[i]) ? disability_bit(c->multi[i].s) : -1;
		if (b >= 0)
			mine |= 1u << b;
	}
	return mine;
}

/* 2887Q: fewer than 8 different disability codes (NONE aside) used. */
CIN_RULE(vcin_r2887q)
{
	vcin_state *st = vcin_st(ctx);
	if (st->child) {
		st->disab_used |= child_disabilities(st->child);
		return;
	}
	int used = __builtin_popcount(st->disab_used);
	if (used < 8) {
		char v[40];
		snprintf(v, sizeof v, "%d codes used", used);
		vcin_rep_return(ctx, rule, "Disabilities", "Disability", v, 0);
	}
}

/* 2888Q: children with a disability exist but none has more than one. */
CIN_RULE(vcin_r2888q)
{
	vcin_state *st = vcin_st(ctx);
	if (st->child) {
		unsigned mine = child_disabilities(st->child);
		st->disab_children += mine != 0;
		st->disab_multi += (mine & (mine - 1)) != 0;
		return;
	}
	if (st->disab_children > 0 && st->disab_multi == 0) {
		char v[60];
		snprintf(v, sizeof v, "%ld children, each with one code", st->disab_children);
		vcin_rep_return(ctx, rule, "Disabilities", "Disability", v, 0);
	}
}
