/* The Annex A value table (lib/csc_annexa_codes.c) against ANNEX-A.md
 * section 2, typed in again here from the spec (not read from the table):
 * every accepted form of every code gives the plain code, spelling
 * variants the spec's normalisation allows are accepted, anything else is
 * refused, and the writer gives the lettered form Annex A prints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "csc_annexa_codes.h"

static const char *match(const char *field, const char *v)
{
	const csc_aa_field *f = csc_aa_find(field);
	assert_non_null(f);
	return csc_aa_match(f, v, strlen(v));
}

#define IS(field, v, code) do { const char *m_ = match(field, v); \
	if (!m_ || strcmp(m_, code)) fail_msg("%s \"%s\": got %s, want %s", field, v, m_ ? m_ : "NULL", code); } while (0)
#define NOT(field, v) do { const char *m_ = match(field, v); \
	if (m_) fail_msg("%s \"%s\": got %s, want no match", field, v, m_); } while (0)

static void written(const char *field, const char *code, const char *want)
{
	char buf[80];
	assert_int_equal(csc_aa_write(csc_aa_find(field), code, buf, sizeof buf), 0);
	assert_string_equal(buf, want);
}

/* 2.1: a) Male <= a) Male; Male; M; 1; Boy. b) Female <= ... */
static void gender(void **state)
{
	(void)state;
	static const struct {
		const char *code, *out, *forms[10];
	} g[] = {
		{"M", "a) Male", {"a) Male", "Male", "M", "1", "Boy"}},
		{"F", "b) Female", {"b) Female", "Female", "F", "2", "Girl"}},
		{"U", "c) Not stated/recorded",
		 {"c) Not stated/recorded", "c) Not stated/recorded (or unborn)", "Not stated/recorded",
		  "Not stated", "Not recorded", "Not known", "Unknown", "Unborn", "U", "0"}},
		{"I", "d) Neither", {"d) Neither", "Neither", "Indeterminate", "I", "9"}},
	};
	for (size_t i = 0; i < sizeof g / sizeof g[0]; i++) {
		for (int k = 0; k < 10 && g[i].forms[k]; k++)
			IS("gender", g[i].forms[k], g[i].code);
		written("gender", g[i].code, g[i].out);
	}
	/* normalisation: case, spaces, no-break space, tab */
	IS("gender", "  B)   FEMALE ", "F");
	IS("gender", "a)\xC2\xA0male", "M");
	IS("gender", "not\tstated", "U");
	IS("gender", "a)Male", "M");
	/* whole values only, and the letter must be the code's */
	NOT("gender", "b) Male");
	NOT("gender", "a) M");
	NOT("gender", "Femal");
	NOT("gender", "Male Female");
	NOT("gender", "a)");
	NOT("gender", "");
	NOT("gender", "Man");
}

/* 2.2: "x) CODE" <= "x) CODE"; CODE; label; "x) label". */
static void ethnicity(void **state)
{
	(void)state;
	static const char *const e[][3] = {
		{"a", "WBRI", "White British"}, {"b", "WIRI", "White Irish"},
		{"c", "WIRT", "Traveller of Irish heritage"}, {"d", "WOTH", "Any other White background"},
		{"e", "WROM", "Gypsy/Roma"}, {"f", "MWBC", "White and Black Caribbean"},
		{"g", "MWBA", "White and Black African"}, {"h", "MWAS", "White and Asian"},
		{"i", "MOTH", "Any other Mixed background"}, {"j", "AIND", "Indian"},
		{"k", "APKN", "Pakistani"}, {"l", "ABAN", "Bangladeshi"},
		{"m", "AOTH", "Any other Asian background"}, {"n", "BCRB", "Caribbean"},
		{"o", "BAFR", "African"}, {"p", "BOTH", "Any other Black background"},
		{"q", "CHNE", "Chinese"}, {"r", "OOTH", "Any other ethnic group"},
		{"s", "REFU", "Refused"}, {"t", "NOBT", "Information not yet obtained"},
	};
	for (size_t i = 0; i < sizeof e / sizeof e[0]; i++) {
		char f[96];
		snprintf(f, sizeof f, "%s) %s", e[i][0], e[i][1]);
		IS("ethnicity", f, e[i][1]);
		written("ethnicity", e[i][1], f);
		IS("ethnicity", e[i][1], e[i][1]);
		IS("ethnicity", e[i][2], e[i][1]);
		snprintf(f, sizeof f, "%s) %s", e[i][0], e[i][2]);
		IS("ethnicity", f, e[i][1]);
		/* the code with the next code's letter is refused */
		snprintf(f, sizeof f, "%s) %s", e[(i + 1) % 20][0], e[i][1]);
		NOT("ethnicity", f);
	}
	IS("ethnicity", "s) NOBT", "NOBT"); /* "Also t) NOBT <= s) NOBT" */
	IS("ethnicity", "wbri", "WBRI");
	NOT("ethnicity", "White");
	NOT("ethnicity", "a) WBRI White British");
	NOT("ethnicity", "WBRI1");
}

/* 2.3: "x) CODE: Group" <= that; "CODE: Group"; CODE; "x) CODE"; a bare
 * group name only when one code has it. */
static void source(void **state)
{
	(void)state;
	static const char *const s[][3] = {
		{"a", "1A", "Individual"}, {"b", "1B", "Individual"}, {"c", "1C", "Individual"},
		{"d", "1D", "Individual"}, {"e", "2A", "Schools"}, {"f", "2B", "Education services"},
		{"g", "3A", "Health services"}, {"h", "3B", "Health services"},
		{"i", "3C", "Health services"}, {"j", "3D", "Health services"},
		{"k", "3E", "Health services"}, {"l", "3F", "Health services"},
		{"m", "4", "Housing"}, {"n", "5A", "LA services"}, {"o", "5B", "LA services"},
		{"p", "5C", "LA services"}, {"p1", "5D", "LA services"}, {"q", "6", "Police"},
		{"r", "7", "Other legal agency"}, {"s", "8", "Other"}, {"t", "9", "Anonymous"},
		{"u", "10", "Unknown"},
	};
	static const char *const once[] = {"Schools", "Education services", "Housing", "Police",
					   "Other legal agency", "Other", "Anonymous", "Unknown"};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		char f[96];
		snprintf(f, sizeof f, "%s) %s: %s", s[i][0], s[i][1], s[i][2]);
		IS("source", f, s[i][1]);
		written("source", s[i][1], f);
		snprintf(f, sizeof f, "%s: %s", s[i][1], s[i][2]);
		IS("source", f, s[i][1]);
		IS("source", s[i][1], s[i][1]);
		snprintf(f, sizeof f, "%s) %s", s[i][0], s[i][1]);
		IS("source", f, s[i][1]);
		int unique = 0;
		for (size_t k = 0; k < sizeof once / sizeof once[0]; k++)
			unique |= !strcmp(once[k], s[i][2]);
		if (unique)
			IS("source", s[i][2], s[i][1]);
		else
			NOT("source", s[i][2]);
	}
	IS("source", "Q) 6: police", "6");
	IS("source", "q)6:Police", "6");
	IS("source", "P1) 5D", "5D");
	NOT("source", "p) 5D");
	NOT("source", "6: Housing");
	NOT("source", "Pol");
}

static void writer_edges(void **state)
{
	(void)state;
	char buf[8];
	assert_int_equal(csc_aa_write(csc_aa_find("gender"), "X", buf, sizeof buf), -1);
	assert_string_equal(buf, "");
	assert_int_equal(csc_aa_write(csc_aa_find("source"), "6", buf, sizeof buf), -1);
	assert_string_equal(buf, ""); /* "q) 6: Police" does not fit in 8 */
	assert_null(csc_aa_find("tier"));
	char n[8];
	const char *d = " a \xE2\x80\x94 b ";
	assert_int_equal(csc_aa_norm(d, strlen(d), n, sizeof n), 5);
	assert_string_equal(n, "a - b");
	assert_int_equal(csc_aa_norm("abcdefgh", 8, n, sizeof n), (size_t)-1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gender),
		cmocka_unit_test(ethnicity),
		cmocka_unit_test(source),
		cmocka_unit_test(writer_edges),
	};
	return cmocka_run_group_tests_name("annexa_codes", tests, NULL, NULL);
}
