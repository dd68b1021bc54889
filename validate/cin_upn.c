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

int cin_upn_check_letter(const char *upn, char *out)
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

/* DfE local authority numbers used in UPNs since April 1998, including
 * authorities since reorganised (e.g. 820 Bedfordshire, 909 Cumbria,
 * 928 Northamptonshire), whose UPNs are still held by pupils. */
static const short la_codes[] = {
	201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213,
	301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320,
	330, 331, 332, 333, 334, 335, 336, 340, 341, 342, 343, 344,
	350, 351, 352, 353, 354, 355, 356, 357, 358, 359,
	370, 371, 372, 373, 380, 381, 382, 383, 384, 390, 391, 392, 393, 394, 420,
	800, 801, 802, 803, 805, 806, 807, 808, 810, 811, 812, 813, 815, 816,
	820, 821, 822, 823, 825, 826, 830, 831, 835, 836, 837, 838, 839, 840, 841,
	845, 846, 850, 851, 852, 855, 856, 857, 860, 861, 865, 866, 867, 868, 869, 870,
	871, 872, 873, 874, 876, 877, 878, 879, 880, 881, 882, 883, 884, 885, 886, 887,
	888, 889, 890, 891, 892, 893, 894, 895, 896,
	908, 909, 916, 919, 921, 925, 926, 928, 929, 931, 933, 935, 936, 937, 938,
	940, 941, 942, 943,
};

int cin_la_code_known(const char *s)
{
	if (!is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]))
		return 0;
	int n = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	for (size_t i = 0; i < sizeof la_codes / sizeof la_codes[0]; i++)
		if (la_codes[i] == n)
			return 1;
	return 0;
}

static const cin_val *upn_of(v_ctx *ctx)
{
	cin_state *st = cin_st(ctx);
	if (!st->child || !cin_has(&st->child->f[C_UPN]))
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

CIN_RULE(cin_r1510)
{
	const cin_val *v = upn_of(ctx);
	char want;
	/* A UPN whose other characters are wrong is left to 1530-1550. */
	if (v && cin_upn_check_letter(v->s, &want) == 0 && v->s[0] != want)
		cin_rep(ctx, rule, cin_st(ctx)->child, C_UPN);
}

CIN_RULE(cin_r1530)
{
	const cin_val *v = upn_of(ctx);
	if (v && (strlen(v->s) < 4 || !cin_la_code_known(v->s + 1)))
		cin_rep(ctx, rule, cin_st(ctx)->child, C_UPN);
}

CIN_RULE(cin_r1540)
{
	const cin_val *v = upn_of(ctx);
	if (v && !digits(v->s, 4, 12))
		cin_rep(ctx, rule, cin_st(ctx)->child, C_UPN);
}

CIN_RULE(cin_r1550)
{
	const cin_val *v = upn_of(ctx);
	if (v && !last_ok(v->s))
		cin_rep(ctx, rule, cin_st(ctx)->child, C_UPN);
}

/* A former UPN must have the shape of a UPN: letter, 11 digits, then a
 * digit or letter, the letters from the UPN alphabet. */
CIN_RULE(cin_r1560q)
{
	cin_state *st = cin_st(ctx);
	if (!st->child)
		return;
	const cin_val *v = &st->child->f[C_FORMERUPN];
	if (!cin_has(v))
		return;
	if (!v_upn_shape_ok(v->s))
		cin_rep(ctx, rule, st->child, C_FORMERUPN);
}
