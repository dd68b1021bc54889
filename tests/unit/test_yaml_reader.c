/* The YAML subset reader (extract/codes_yaml.c) on the real SSDA903 code
 * lists and on hostile text, and the code lists it fills. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "../../extract/codes_yaml.h"
#include "csc_diag.h"

#define REF CSC_DATADIR "/ref/SSDA903_schema_2024.yml"

static const yaml_col *col(const codes_schema *s, const char *t, const char *c)
{
	const yaml_col *y = codes_yaml_find(s, t, c);
	assert_non_null(y);
	return y;
}

static void find(const yaml_col *y, const char *v, const char *want)
{
	const char *got = codes_find(&y->codes, v, strlen(v));
	if (!want)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(got, want);
	}
}

static void real_file(void **state)
{
	(void)state;
	codes_schema s;
	assert_int_equal(codes_yaml_load(REF, &s), 0);
	/* 11 tables: 7+13+4+4+12+5+8+5+5+5+6 columns */
	assert_int_equal(s.n, 74);
	const yaml_col *rne = col(&s, "Episodes", "RNE");
	assert_int_equal(rne->kind, YK_CATEGORY);
	assert_int_equal(rne->canbeblank, 0);
	assert_int_equal(rne->codes.n, 6);
	assert_string_equal(rne->codes.code[0], "S");
	assert_string_equal(rne->codes.code[5], "U");
	assert_int_equal(col(&s, "Episodes", "PLACE")->codes.n, 27);
	assert_int_equal(col(&s, "Episodes", "DEC")->kind, YK_DATE);
	assert_int_equal(col(&s, "Episodes", "DEC")->canbeblank, 1);
	assert_int_equal(col(&s, "Episodes", "HOME_POST")->kind, YK_STRING);
	assert_int_equal(col(&s, "OC2", "SDQ_SCORE")->kind, YK_NUMERIC);
	/* name: lines and the dictionary become aliases */
	find(col(&s, "Header", "SEX"), "Female", "2");
	find(col(&s, "Header", "SEX"), "1", "1");
	find(col(&s, "Header", "SEX"), "3", NULL);
	/* a dictionary spread over 20 lines, the last entry included */
	find(col(&s, "Header", "ETHNIC"), "information not yet obtained", "NOBT");
	find(col(&s, "Header", "ETHNIC"), "Gypsy/Roma", "WROM");
	assert_int_equal(col(&s, "Header", "ETHNIC")->codes.n, 20);
	/* unquoted keys (YAML booleans) in a flow mapping */
	find(col(&s, "AD1", "FOSTER_CARE"), "TRUE", "1");
	find(col(&s, "AD1", "FOSTER_CARE"), "False", "0");
	/* "PCCHAN " is written with a trailing space in the DfE file */
	find(col(&s, "SocialWorker", "SW_REASON"), "PCCHAN", "PCCHAN");
	/* the last column of the file */
	assert_int_equal(col(&s, "UASC", "DUC")->kind, YK_DATE);
	codes_yaml_free(&s);
}

static const char small[] =
	"# comment\n"
	"column_map:\n"
	"  T:\n"
	"    A:\n"
	"      category:   # trailing comment\n"
	"      - code: 'x'\n"
	"        name: \"Ex \\\"quoted\\\"\"\n"
	"      - code: y # plain\n"
	"      dictionary: {\"Why\" : \"y\",\n"
	"                   zed: x}\n"
	"      canbeblank: yes\n"
	"    B:\n"
	"      date: \"%d/%m/%Y\"\r\n"
	"      canbeblank: no\n"
	"other:\n"
	"  T:\n"
	"    C:\n"
	"      string: x\n";

static void subset(void **state)
{
	(void)state;
	codes_schema s;
	assert_int_equal(codes_yaml_parse("t.yml", small, sizeof small - 1, &s), 0);
	assert_int_equal(s.n, 2); /* C is not under column_map */
	const yaml_col *a = col(&s, "T", "A");
	assert_int_equal(a->kind, YK_CATEGORY);
	assert_int_equal(a->canbeblank, 1);
	assert_int_equal(a->codes.n, 2);
	assert_int_equal(a->line, 4);
	find(a, "Ex \"quoted\"", "x");
	find(a, "why", "y");
	find(a, "ZED", "x");
	find(a, "Y", "y");
	const yaml_col *b = col(&s, "T", "B");
	assert_int_equal(b->kind, YK_DATE);
	assert_int_equal(b->canbeblank, 0);
	assert_null(codes_yaml_find(&s, "other", "C"));
	codes_yaml_free(&s);
}

static void fails(const char *text, const char *msg)
{
	codes_schema s;
	capture_start();
	int rc = codes_yaml_parse("h.yml", text, strlen(text), &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	if (!strstr(err, msg))
		fail_msg("expected \"%s\" in \"%s\"", msg, err);
	assert_int_equal(s.n, 0);
	assert_null(s.cols);
}

static void hostile(void **state)
{
	(void)state;
	fails("column_map:\n  T:\n    A:\n      category:\n      - code: \"x\n", "h.yml:5: unterminated quoted string");
	fails("column_map:\n  T:\n    A:\n      dictionary: {\"a\" : \"b\",\n\n", "h.yml:4: unterminated { mapping");
	fails("column_map:\n\tT:\n", "h.yml:2: tab in indentation");
	fails("column_map:\n  T:\n    A: \n      - code\n", "h.yml:4: expected \"key: value\"");
	fails("", "no column definitions");
	fails("a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h:\n        i:\n", "h.yml:9: nesting too deep");
	fails("column_map:\n  T:\n    A:\n      dictionary: {a b c}\n", "h.yml:4: expected \"key : value\" in { mapping");
	char big[2000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big + sizeof big - 4, ": v", 3); /* a key of 1996 bytes */
	fails(big, "h.yml:1: value too long");
	codes_schema s;
	capture_start();
	int rc = codes_yaml_parse("h.yml", "a:\0b", 4, &s);
	capture_end();
	assert_int_equal(rc, -1);
}

/* Random bytes and mutations of the real file: the reader may refuse them
 * but must never crash (ASan/UBSan builds check the memory side). */
static void fuzz(void **state)
{
	(void)state;
	FILE *f = fopen(REF, "rb");
	assert_non_null(f);
	static char base[65536];
	size_t n = fread(base, 1, sizeof base, f);
	fclose(f);
	static char buf[65536];
	uint32_t seed = 12345;
	capture_start();
	for (int iter = 0; iter < 3000; iter++) {
		memcpy(buf, base, n);
		size_t len = n;
		for (int k = 0; k < 1 + iter % 8; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % len;
			static const char alphabet[] = "{}:\"'#-, \n\t\rx";
			buf[at] = alphabet[(seed >> 3) % (sizeof alphabet - 1)];
		}
		if (iter % 5 == 0)
			len = (seed >> 4) % len;
		codes_schema s;
		if (codes_yaml_parse("fuzz.yml", buf, len, &s) == 0)
			codes_yaml_free(&s);
	}
	capture_end();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_file),
		cmocka_unit_test(subset),
		cmocka_unit_test(hostile),
		cmocka_unit_test(fuzz),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
