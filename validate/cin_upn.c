/* cin_upn.c - Unique Pupil Numbers (rules 1510-1560Q).
 *
 * A UPN is 13 characters: a check letter, the 3-digit DfE number of the LA
 * that allocated it, 8 digits (establishment and serial), and a final digit,
 * or a letter for a temporary UPN. The check letter is the sum over
 * characters 2-13 of (position x value) modulo 23, mapped onto the 23
 * letters A-Z without I, O and S; a digit's value is itself and a letter's
 * value is its place in that same alphabet (A=0 ... Z=22). */
#include <stdlib.h>
#include <string.h>

#include "cin_custom.h"
#include "v_upn.h"


static int is_digit(char c) { return c >= '0' && c <= '9'; }

int vcin_upn_check_letter(const char *upn, char *out)
{
	if (strlen(upn) != 13)
		return -1;
	long sum = 0;
	for (int i = 1; i < 13; i++) {
		int v = is_digit(upn[i]) ? upn[i] - '0' : (i == 12 ? v_upn_letter(upn[i]) : -1);
		if (v < 0)
			return -1;
		sum += (long)(i + 1) * v;
	}
	*out = v_upn_letter_of((int)(sum % 23));
	return 0;
}

/* The LA numbers accepted in UPN characters 2-4 (rule 1530), as ranges:
 * DfE local authority numbers used since April 1998, including authorities
 * since reorganised (e.g. 820 Bedfordshire, 909 Cumbria, 928
 * Northamptonshire), whose UPNs are still held by pupils, and the DfE's
 * pseudo LA numbers 001-005, 660-681 and 701-708. 942 and 943 were added in 2023-24,
 * the first CIN year here (../shared/reference/years/cin-changes-by-year.md
 * 2.1): 195 codes. */
static const short la_ranges[][2] = {
	{1, 5}, {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373},
	{380, 384}, {390, 394}, {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808},
	{810, 813}, {815, 816}, {820, 823}, {825, 826}, {830, 831}, {835, 841}, {845, 846},
	{850, 852}, {855, 857}, {860, 861}, {865, 896}, {908, 909}, {916, 916}, {919, 919},
	{921, 921}, {925, 926}, {928, 929}, {931, 931}, {933, 933}, {935, 938}, {940, 943},
};

int vcin_la_code_known(const char *s)
{
	if (!is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]))
		return 0;
	int n = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	for (size_t i = 0; i < sizeof la_ranges / sizeof la_ranges[0]; i++)
		if (n >= la_ranges[i][0] && n <= la_ranges[i][1])
			return 1;
	return 0;
}

static const vcin_val *upn_of(v_ctx *ctx)
{
	vcin_state *st = vcin_st(ctx);
	if (!st->child || !vcin_has(&st->child->f[C_UPN]))
		return NULL;
	return &st->child->f[C_UPN];
}

static int digits(const char *s, size_t from, size_t to)
{
	size_t n = strlen(s);
	if (n < to)
		return 0;
	for (size_t i = from; i < to; i++)
		if (!is_digit(s[i]))
			return 0;
	return 1;
}

/* Character 13: a digit, or a letter of the UPN alphabet (temporary UPN). */
static int last_ok(const char *s)
{
	return strlen(s) == 13 && (is_digit(s[12]) || v_upn_letter(s[12]) >= 0);
}

CIN_RULE(vcin_r1510)
{
	const vcin_val *v = upn_of(ctx);
	char want;
	/* A UPN whose other characters are wrong is left to 1530-1550. */
	if (v && vcin_upn_check_letter(v->s, &want) == 0 && v->s[0] != want)
		vcin_rep(ctx, rule, vcin_st(ctx)->child, C_UPN);
}

CIN_RULE(vcin_r1530)
{
	const vcin_val *v = upn_of(ctx);
	if (v && (strlen(v->s) < 4 || !vcin_la_code_known(v->s + 1)))
		vcin_rep(ctx, rule, vcin_st(ctx)->child, C_UPN);
}

CIN_RULE(vcin_r1540)
{
	const vcin_val *v = upn_of(ctx);
	if (v && !digits(v->s, 4, 12))
		vcin_rep(ctx, rule, vcin_st(ctx)->child, C_UPN);
}

CIN_RULE(vcin_r1550)
{
	const vcin_val *v = upn_of(ctx);
	if (v && !last_ok(v->s))
		vcin_rep(ctx, rule, vcin_st(ctx)->child, C_UPN);
}

/* A former UPN must have the shape of a UPN: letter, 11 digits, then a
 * digit or letter, the letters from the UPN alphabet. */
CIN_RULE(vcin_r1560q)
{
	vcin_state *st = vcin_st(ctx);
	if (!st->child)
		return;
	const vcin_val *v = &st->child->f[C_FORMERUPN];
	if (!vcin_has(v))
		return;
	if (!v_upn_shape_ok(v->s))
		vcin_rep(ctx, rule, st->child, C_FORMERUPN);
}
