/* csc_annexa_codes.c - see csc_annexa_codes.h. The tables are ANNEX-A.md
 * section 2 as written; edit them, not the matching, to add a spelling. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "csc_annexa_codes.h"

/* 2.1 Gender. U and I are the plain codes of c) and d) (CIN Sex has U;
 * "I" is Annex A's own spelling of Indeterminate). */
static const csc_aa_code gender[] = {
	{"a", "M", "Male", {"1", "Boy"}},
	{"b", "F", "Female", {"2", "Girl"}},
	{"c", "U", "Not stated/recorded",
	 {"c) Not stated/recorded (or unborn)", "Not stated", "Not recorded", "Not known",
	  "Unknown", "Unborn", "0"}},
	{"d", "I", "Neither", {"Indeterminate", "9"}},
};

/* 2.2 Ethnicity (the DfE codes). */
static const csc_aa_code ethnicity[] = {
	{"a", "WBRI", "White British", {0}},
	{"b", "WIRI", "White Irish", {0}},
	{"c", "WIRT", "Traveller of Irish heritage", {0}},
	{"d", "WOTH", "Any other White background", {0}},
	{"e", "WROM", "Gypsy/Roma", {0}},
	{"f", "MWBC", "White and Black Caribbean", {0}},
	{"g", "MWBA", "White and Black African", {0}},
	{"h", "MWAS", "White and Asian", {0}},
	{"i", "MOTH", "Any other Mixed background", {0}},
	{"j", "AIND", "Indian", {0}},
	{"k", "APKN", "Pakistani", {0}},
	{"l", "ABAN", "Bangladeshi", {0}},
	{"m", "AOTH", "Any other Asian background", {0}},
	{"n", "BCRB", "Caribbean", {0}},
	{"o", "BAFR", "African", {0}},
	{"p", "BOTH", "Any other Black background", {0}},
	{"q", "CHNE", "Chinese", {0}},
	{"r", "OOTH", "Any other ethnic group", {0}},
	{"s", "REFU", "Refused", {0}},
	{"t", "NOBT", "Information not yet obtained", {"s) NOBT"}}, /* liia-tools' letter */
};

/* 2.3 Contact Source and Referral Source (CIN ReferralSource codes). The
 * XSD labels are read from the schema by the extractor. */
static const csc_aa_code source[] = {
	{"a", "1A", "Individual", {0}},
	{"b", "1B", "Individual", {0}},
	{"c", "1C", "Individual", {0}},
	{"d", "1D", "Individual", {0}},
	{"e", "2A", "Schools", {0}},
	{"f", "2B", "Education services", {0}},
	{"g", "3A", "Health services", {0}},
	{"h", "3B", "Health services", {0}},
	{"i", "3C", "Health services", {0}},
	{"j", "3D", "Health services", {0}},
	{"k", "3E", "Health services", {0}},
	{"l", "3F", "Health services", {0}},
	{"m", "4", "Housing", {0}},
	{"n", "5A", "LA services", {0}},
	{"o", "5B", "LA services", {0}},
	{"p", "5C", "LA services", {0}},
	{"p1", "5D", "LA services", {0}},
	{"q", "6", "Police", {0}},
	{"r", "7", "Other legal agency", {0}},
	{"s", "8", "Other", {0}},
	{"t", "9", "Anonymous", {0}},
	{"u", "10", "Unknown", {0}},
};

#define N(a) ((int)(sizeof a / sizeof a[0]))

static const csc_aa_field fields[] = {
	{"gender", CSC_AA_LABEL | CSC_AA_LETTER_LABEL, CSC_AA_OUT_LETTER_LABEL, gender, N(gender)},
	{"ethnicity", CSC_AA_LABEL | CSC_AA_LETTER_LABEL | CSC_AA_LETTER_CODE,
	 CSC_AA_OUT_LETTER_CODE, ethnicity, N(ethnicity)},
	{"source", CSC_AA_LETTER_CODE | CSC_AA_CODE_LABEL | CSC_AA_LABEL_ONCE,
	 CSC_AA_OUT_CODE_LABEL, source, N(source)},
};

const csc_aa_field *csc_aa_find(const char *name)
{
	for (int i = 0; i < N(fields); i++)
		if (!strcmp(fields[i].name, name))
			return &fields[i];
	return NULL;
}

size_t csc_aa_norm(const char *v, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		const char *rep = NULL;
		size_t skip = 0;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			rep = " ";
		} else if (c == 0xC2 && i + 1 < n && (unsigned char)v[i + 1] == 0xA0) {
			rep = " ", skip = 1; /* no-break space */
		} else if (c == 0xE2 && i + 2 < n && (unsigned char)v[i + 1] == 0x80 &&
			   ((unsigned char)v[i + 2] == 0x93 || (unsigned char)v[i + 2] == 0x94)) {
			rep = "-", skip = 2; /* en and em dash */
		}
		i += skip;
		if (rep && *rep == ' ') {
			space = o > 0;
			continue;
		}
		if (o + 2 + (size_t)space > cap)
			return (size_t)-1;
		if (space)
			out[o++] = ' ';
		space = 0;
		out[o++] = rep ? *rep : (char)c;
	}
	if (o >= cap)
		return (size_t)-1;
	out[o] = '\0';
	return o;
}

/* a and b equal ignoring case; the first letter is compared inline since
 * most comparisons fail there (a list of a million rows makes millions) */
static int eq(const char *a, const char *b)
{
	return tolower((unsigned char)*a) == tolower((unsigned char)*b) && !strcasecmp(a, b);
}

/* s is "code: label" (the colon's space optional) for e. */
static int is_code_label(const char *s, const csc_aa_code *e)
{
	if (tolower((unsigned char)*s) != tolower((unsigned char)*e->code))
		return 0;
	size_t k = strlen(e->code);
	if (strncasecmp(s, e->code, k) || s[k] != ':')
		return 0;
	s += k + 1;
	if (*s == ' ')
		s++;
	return !strcasecmp(s, e->label);
}

/* The label of e is had by no other code of f. */
static int label_once(const csc_aa_field *f, const csc_aa_code *e)
{
	for (int i = 0; i < f->n; i++)
		if (&f->v[i] != e && !strcasecmp(f->v[i].label, e->label))
			return 0;
	return 1;
}

/* Split "x) rest": the letter into letter[], *rest after ") ". 0 if s has
 * no letter (one or two letters, maybe a digit, then ")"). */
static int split_letter(const char *s, char *letter, const char **rest)
{
	size_t k = 0;
	while (k < 2 && isalpha((unsigned char)s[k]))
		k++;
	if (k && isdigit((unsigned char)s[k]))
		k++;
	if (!k || s[k] != ')')
		return 0;
	memcpy(letter, s, k);
	letter[k] = '\0';
	*rest = s + k + 1 + (s[k + 1] == ' ');
	return 1;
}

static int match_one(const csc_aa_field *f, const csc_aa_code *e, const char *s,
		     const char *letter, const char *rest)
{
	unsigned a = f->accept;
	for (int k = 0; k < 8 && e->also[k]; k++)
		if (eq(s, e->also[k]))
			return 1;
	if (letter) {
		if (!eq(letter, e->letter))
			return 0;
		return ((a & CSC_AA_LETTER_LABEL) && eq(rest, e->label)) ||
		       ((a & CSC_AA_LETTER_CODE) && eq(rest, e->code)) ||
		       ((a & CSC_AA_CODE_LABEL) && is_code_label(rest, e));
	}
	return eq(s, e->code) || ((a & CSC_AA_LABEL) && eq(s, e->label)) ||
	       ((a & CSC_AA_CODE_LABEL) && is_code_label(s, e)) ||
	       ((a & CSC_AA_LABEL_ONCE) && eq(s, e->label) && label_once(f, e));
}

const char *csc_aa_match(const csc_aa_field *f, const char *v, size_t n)
{
	char s[256], letter[4];
	const char *rest = NULL;
	if (csc_aa_norm(v, n, s, sizeof s) == (size_t)-1 || !*s)
		return NULL;
	int lettered = split_letter(s, letter, &rest);
	for (int i = 0; i < f->n; i++)
		if (match_one(f, &f->v[i], s, lettered ? letter : NULL, rest))
			return f->v[i].code;
	return NULL;
}

int csc_aa_write(const csc_aa_field *f, const char *code, char *buf, size_t cap)
{
	if (cap)
		buf[0] = '\0';
	for (int i = 0; i < f->n; i++) {
		const csc_aa_code *e = &f->v[i];
		if (strcmp(e->code, code))
			continue;
		int w;
		switch (f->out) {
		case CSC_AA_OUT_LETTER_LABEL:
			w = snprintf(buf, cap, "%s) %s", e->letter, e->label);
			break;
		case CSC_AA_OUT_LETTER_CODE:
			w = snprintf(buf, cap, "%s) %s", e->letter, e->code);
			break;
		default:
			w = snprintf(buf, cap, "%s) %s: %s", e->letter, e->code, e->label);
		}
		if (w < 0 || (size_t)w >= cap) {
			if (cap)
				buf[0] = '\0';
			return -1;
		}
		return 0;
	}
	return -1;
}
