/* CIN census values and the element table against the XSD in ref/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../extract/cin_reader.h"
#include "../../extract/cin_schema.h"
#include "../../extract/cin_value.h"
#include "../../extract/cin_xsd.h"
#include "csc_diag.h"

static cin_xsd xsd, xsd25;

static int setup(void **state)
{
	(void)state;
	if (cin_xsd_load(&xsd, CSC_DATADIR "/ref/" CIN_XSD_FILE))
		return -1;
	return cin_xsd_load(&xsd25, CSC_DATADIR "/ref/" CIN_XSD_SEX_FILE);
}

static int teardown(void **state)
{
	(void)state;
	cin_xsd_free(&xsd);
	cin_xsd_free(&xsd25);
	return 0;
}

static char out[CIN_VAL_MAX], why[CIN_REASON_MAX];

/* Check s as element elem of the given type (codes from the 2024 XSD). */
static int chk(int type, const char *elem, const char *s)
{
	const cin_codes *c = cin_xsd_codes(&xsd, elem);
	if (!c && type == CIN_V_SEX)
		c = cin_xsd_codes(&xsd25, elem);
	return cin_value_check(type, c, elem, s, strlen(s), out, why);
}

static void test_dates(void **state)
{
	(void)state;
	assert_int_equal(chk(CIN_V_DATE, "PersonBirthDate", "2024-02-29"), 0);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(chk(CIN_V_DATE, "PersonBirthDate", "2023-02-29"), -1);
	assert_string_equal(why, "not a real day");
	assert_int_equal(chk(CIN_V_DATE, "PersonBirthDate", "2023-02-31"), -1);
	assert_string_equal(why, "not a real day");
	assert_int_equal(chk(CIN_V_DATE, "PersonBirthDate", "2023-13-01"), -1);
	assert_string_equal(why, "not a real day");
	assert_int_equal(chk(CIN_V_DATE, "PersonBirthDate", "31/01/2023"), -1);
	assert_string_equal(why, "date written DD/MM/YYYY; the CIN census uses YYYY-MM-DD");
	assert_int_equal(chk(CIN_V_DATE, "PersonBirthDate", "2023-1-5"), -1);
	assert_string_equal(why, "not a date in the form YYYY-MM-DD");
	assert_int_equal(chk(CIN_V_DATE, "PersonBirthDate", "2023-01-05T00:00"), -1);
	assert_string_equal(why, "PersonBirthDate is 16 characters long; at most 10 are allowed");
}

static void test_codes_from_xsd(void **state)
{
	(void)state;
	const cin_codes *eth = cin_xsd_codes(&xsd, "Ethnicity");
	assert_non_null(eth);
	assert_int_equal(eth->n, 20); /* WBRI ... NOBT in the 2023-24 XSD */
	assert_int_equal(cin_xsd_codes(&xsd, "AssessmentFactors")->n, 42);
	assert_int_equal(cin_xsd_codes(&xsd, "ReferralSource")->n, 22);
	assert_null(cin_xsd_codes(&xsd, "CINreferralDate")); /* xs:date: no list */
	assert_int_equal(chk(CIN_V_CODE, "ReferralSource", "1A"), 0);
	assert_string_equal(out, "1A");
	assert_int_equal(chk(CIN_V_CODE, "ReferralSource", "1a"), -1); /* case matters */
	assert_int_equal(chk(CIN_V_CODE, "ReasonForClosure", "RC9"), 0);
	assert_int_equal(chk(CIN_V_CODE, "ReasonForClosure", "RC10"), -1);
	assert_string_equal(why, "not a valid ReasonForClosure: expected one of RC1, RC2, RC3, RC4, "
				 "RC5, RC6, RC7, RC8, RC9");
	/* a long list is not spelled out */
	assert_int_equal(chk(CIN_V_CODE, "AssessmentFactors", "8A"), -1);
	assert_string_equal(why, "not a valid AssessmentFactors: expected a code listed in the CIN XSD");
	/* a code of the right length that differs only at its first byte, or
	 * only before its last; the empty value, which no list holds */
	const cin_codes *rc = cin_xsd_codes(&xsd, "ReasonForClosure");
	assert_int_equal(cin_codes_find(rc, "RC9", 3), 8);
	assert_int_equal(cin_codes_find(rc, "RC1", 3), 0);
	assert_int_equal(cin_codes_find(rc, "XC1", 3), -1);
	assert_int_equal(cin_codes_find(rc, "RD1", 3), -1);
	assert_int_equal(cin_codes_find(rc, "RC1x", 3), 0); /* n bytes only */
	assert_int_equal(cin_codes_find(rc, "RC1", 2), -1);
	assert_int_equal(cin_codes_find(rc, "", 0), -1);
	/* an inline simpleType (Collection) is found too */
	assert_int_equal(chk(CIN_V_CODE, "Collection", "CIN"), 0);
}

static void test_gender_and_sex(void **state)
{
	(void)state;
	const char *g[][2] = {{"1", "M"}, {"2", "F"}, {"0", "U"}, {"9", "U"}};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(chk(CIN_V_GENDER, "GenderCurrent", g[i][0]), 0);
		assert_string_equal(out, g[i][1]);
	}
	assert_int_equal(chk(CIN_V_GENDER, "GenderCurrent", "M"), -1);
	assert_int_equal(chk(CIN_V_GENDER, "GenderCurrent", "3"), -1);
	/* Sex comes from the 2024-25 copy of the XSD */
	assert_non_null(cin_xsd_codes(&xsd25, "Sex"));
	assert_null(cin_xsd_codes(&xsd, "Sex"));
	const char *s[] = {"M", "F", "U"};
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(chk(CIN_V_SEX, "Sex", s[i]), 0);
		assert_string_equal(out, s[i]);
	}
	assert_int_equal(chk(CIN_V_SEX, "Sex", "f"), -1);
	assert_int_equal(chk(CIN_V_SEX, "Sex", "1"), -1);
	/* the built-in list used without the 2024-25 XSD is the same */
	assert_int_equal(cin_value_check(CIN_V_SEX, &cin_sex_codes, "Sex", "U", 1, out, why), 0);
	assert_int_equal(cin_value_check(CIN_V_SEX, &cin_sex_codes, "Sex", "X", 1, out, why), -1);
}

static void test_booleans(void **state)
{
	(void)state;
	const char *b[][2] = {{"true", "1"}, {"TRUE", "1"}, {"1", "1"},
			      {"false", "0"}, {"FALSE", "0"}, {"0", "0"}};
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(chk(CIN_V_BOOL, "ReferralNFA", b[i][0]), 0);
		assert_string_equal(out, b[i][1]);
	}
	assert_int_equal(chk(CIN_V_BOOL, "ReferralNFA", "True"), -1);
	assert_int_equal(chk(CIN_V_BOOL, "ICPCnotRequired", "yes"), -1);
	assert_string_equal(why, "not a valid ICPCnotRequired: expected one of true, false, TRUE, FALSE, 0, 1");
}

static void test_previous_cpp_count(void **state)
{
	(void)state;
	/* 0 accepted although the XSD says positiveInteger (MEASURES.md HP07) */
	assert_int_equal(chk(CIN_V_COUNT, "NumberOfPreviousCPP", "0"), 0);
	assert_string_equal(out, "0");
	assert_int_equal(chk(CIN_V_COUNT, "NumberOfPreviousCPP", "007"), 0);
	assert_string_equal(out, "7");
	assert_int_equal(chk(CIN_V_COUNT, "NumberOfPreviousCPP", "-1"), -1);
	assert_string_equal(why, "must be a whole number, 0 or more");
	assert_int_equal(chk(CIN_V_COUNT, "NumberOfPreviousCPP", "1.5"), -1);
	assert_int_equal(chk(CIN_V_COUNT, "NumberOfPreviousCPP", "12345"), -1);
	assert_string_equal(why, "NumberOfPreviousCPP is 5 characters long; at most 4 are allowed");
}

static void test_upn_and_id(void **state)
{
	(void)state;
	assert_int_equal(chk(CIN_V_UPN, "UPN", "A123456789012"), 0);
	assert_int_equal(chk(CIN_V_UPN, "UPN", "a12345678901B"), 0);
	assert_int_equal(chk(CIN_V_UPN, "UPN", "1234567890123"), -1);
	assert_int_equal(chk(CIN_V_UPN, "UPN", "A1234567890"), -1);
	assert_int_equal(chk(CIN_V_UPN, "UPN", "AB23456789012"), -1);
	assert_int_equal(chk(CIN_V_ID, "LAchildID", "ABCDEFGHIJ0123456789"), 0);
	assert_string_equal(out, "ABCDEFGHIJ0123456789");
	assert_int_equal(chk(CIN_V_ID, "LAchildID", "ABCDEFGHIJ0123456789X"), -1);
	assert_string_equal(why, "LAchildID is 21 characters long; at most 20 are allowed");
	assert_int_equal(chk(CIN_V_ID, "LAchildID", "C\t1"), -1);
	assert_string_equal(why, "LAchildID contains a control character");
}

static void test_trim(void **state)
{
	(void)state;
	const char *s = " \r\n\tWBRI \n";
	size_t n = strlen(s);
	cin_trim(&s, &n);
	assert_int_equal(n, 4);
	assert_memory_equal(s, "WBRI", 4);
	s = "  ";
	n = 2;
	cin_trim(&s, &n);
	assert_int_equal(n, 0);
}

/* The element table says what the XSD says: every element the XSD declares
 * is known, and "mandatory" is exactly minOccurs >= 1 (GenderCurrent carries
 * the Child's mandatory sex for both spellings). */
static void test_table_matches_xsd(void **state)
{
	(void)state;
	for (int i = 0; i < xsd.nelems; i++) {
		const char *name = xsd.elems[i].name;
		int found = 0;
		for (int n = 0; n < cin_nnodes; n++)
			if (strcmp(cin_nodes[n].name, name) == 0) {
				found = 1;
				if (cin_nodes[n].slot < 0 || cin_nodes[n].multi || cin_node_kind(n) == CIN_HEADER)
					continue; /* groups, header; repeated codes: see .needs */
				if (cin_nodes[n].mandatory != (xsd.elems[i].min_occurs >= 1))
					fail_msg("%s: table mandatory=%d, XSD minOccurs=%d", name,
						 cin_nodes[n].mandatory, xsd.elems[i].min_occurs);
			}
		if (!found)
			fail_msg("XSD element %s is not in the CIN element table", name);
	}
	assert_int_equal(cin_xsd_min_occurs(&xsd25, "Sex"), 1);
	/* wrappers that must hold at least one element */
	assert_int_equal(cin_xsd_min_occurs(&xsd, "Disability"), 1);
	assert_int_equal(cin_xsd_min_occurs(&xsd, "AssessmentFactors"), 1);
	assert_int_equal(cin_xsd_min_occurs(&xsd, "CPPreviewDate"), 1);
	assert_int_equal(cin_xsd_min_occurs(&xsd, "CINdetails"), 1);
	for (int n = 0; n < cin_nnodes; n++)
		if (cin_nodes[n].needs)
			assert_int_equal(cin_xsd_min_occurs(&xsd, cin_nodes[n].needs), 1);
}

int main(void)
{
	csc_diag_init("test_cin_value");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_codes_from_xsd),
		cmocka_unit_test(test_gender_and_sex),
		cmocka_unit_test(test_booleans),
		cmocka_unit_test(test_previous_cpp_count),
		cmocka_unit_test(test_upn_and_id),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_table_matches_xsd),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
