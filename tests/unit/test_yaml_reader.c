/* The code-list reader (extract/codes_yaml.c, libyaml) on the real SSDA903
 * code lists, on anchors and aliases, on the rest of the YAML language, on
 * its limits and on hostile text, and the code lists it fills. */
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
	/* 12 tables: 7+13+4+4+12+5+8+5+5+5+6 columns, and DoLo's 4 */
	assert_int_equal(s.n, 78);
	const yaml_col *rne = col(&s, "Episodes", "RNE");
	assert_int_equal(rne->kind, YK_CATEGORY);
	assert_int_equal(rne->canbeblank, 0);
	assert_int_equal(rne->codes.n, 6);
	assert_string_equal(rne->codes.code[0], "S");
	assert_string_equal(rne->codes.code[5], "U");
	/* the 27 of 2023-24 and the codes later years add (K3, Z11-Z14): a
	 * dump spanning years holds each year's */
	assert_int_equal(col(&s, "Episodes", "PLACE")->codes.n, 32);
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
	/* libyaml's own messages, with the line where the problem starts */
	fails("column_map:\n  T:\n    A:\n      category:\n      - code: \"x\n",
	      "h.yml:5: found unexpected end of stream (while scanning a quoted scalar, line 5)");
	fails("column_map:\n  T:\n    A:\n      dictionary: {\"a\" : \"b\",\n\n", "h.yml:4: unterminated { mapping");
	fails("column_map:\n  T:\n    A:\n      category: [{code: x},\n", "h.yml:4: unterminated [ list");
	fails("column_map:\n\tT:\n", "h.yml:2: found character that cannot start any token");
	fails("column_map:\n  T:\n    A:\n      string: \xff\n", "h.yml:4: invalid leading UTF-8 octet");
	fails("column_map:\n  T:\n    A:\n      string: x\n  - y\n", "h.yml:5: did not find expected key");
	/* well-formed YAML of the wrong shape */
	fails("column_map:\n  T:\n    A: \n      - code\n", "h.yml:4: a column is a mapping of its properties");
	fails("column_map:\n  - T\n", "h.yml:2: column_map is a mapping of tables");
	fails("column_map:\n  T: x\n", "h.yml:2: a table is a mapping of its columns");
	fails("column_map:\n  T:\n    A:\n      category: x\n", "h.yml:4: category: expected a list");
	fails("column_map:\n  T:\n    A:\n      category:\n      - x\n", "h.yml:5: a category item is \"- code: X\"");
	fails("column_map:\n  T:\n    A:\n      category:\n      - name: X\n", "h.yml:5: category item without a code");
	fails("column_map:\n  T:\n    A:\n      category:\n      - code: \"\"\n", "h.yml:5: empty code");
	fails("column_map:\n  T:\n    A:\n      category:\n      - code: [1]\n", "h.yml:5: a code or name is a single value");
	fails("column_map:\n  T:\n    A:\n      dictionary: {a b c}\n", "h.yml:4: dictionary: a label without a code");
	fails("column_map:\n  T:\n    A:\n      dictionary: [a]\n", "h.yml:4: dictionary: expected a { label : code } mapping");
	fails("column_map:\n  T:\n    A:\n      string: x\n      date: y\n", "h.yml:5: column has two types");
	fails("column_map:\n  T:\n    A:\n      canbeblank: [no]\n", "h.yml:4: canbeblank: expected yes or no");
	fails("column_map:\n  T:\n    ? [A]\n    : {string: x}\n", "h.yml:3: a key must be a plain value");
	fails("column_map:\n  T:\n    A:\n      string: x\n---\nb: 1\n", "h.yml:5: a second YAML document");
	fails("", "no column definitions");
	fails("other:\n  T:\n    A:\n      string: x\n", "no column definitions under column_map");
	/* limits */
	fails("a:\n b:\n  c:\n   d:\n    e:\n     f:\n      g:\n       h:\n        i:\n", "h.yml:9: nesting too deep");
	fails("a: [[[[[[[[[[x]]]]]]]]]]\n", "h.yml:1: nesting too deep");
	fails("column_map:\n  T:\n    A:\n      string: \"a\\0b\"\n", "h.yml:4: NUL character in a value");
	char big[2000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big + sizeof big - 4, ": v", 3); /* a key of 1996 bytes */
	fails(big, "h.yml:1: value too long");
	/* 511 bytes is the longest value */
	char edge[600];
	int n = snprintf(edge, sizeof edge, "column_map:\n  T:\n    A:\n      category:\n      - code: ");
	memset(edge + n, 'c', 511);
	strcpy(edge + n + 511, "\n");
	codes_schema s;
	assert_int_equal(codes_yaml_parse("h.yml", edge, strlen(edge), &s), 0);
	assert_int_equal(strlen(col(&s, "T", "A")->codes.code[0]), 511);
	codes_yaml_free(&s);
	edge[n + 511] = 'c';
	strcpy(edge + n + 512, "\n");
	fails(edge, "h.yml:5: value too long");
	capture_start();
	int rc = codes_yaml_parse("h.yml", "a:\0b", 4, &s);
	capture_end();
	assert_int_equal(rc, -1);
}

/* Values are shared with an anchor (&name) and reused with an alias
 * (*name): a category list, a dictionary, a whole column and a whole
 * table. Worked by hand: Header has SEX (line 10) and MOTHER (line 13);
 * AD1.SEX_ADOPTR is SEX again; Copy is Header again, with the lines of
 * Header's column keys. The top-level "codes" key is not column_map. */
static const char anchors_text[] =
	"codes:\n"                                  /* 1 */
	"  sex: &sex\n"                             /* 2 */
	"  - code: \"1\"\n"                         /* 3 */
	"    name: Male\n"                          /* 4 */
	"  - code: \"2\"\n"                         /* 5 */
	"    name: Female\n"                        /* 6 */
	"  yn: &yn {\"Yes\": \"1\", \"No\": \"0\"}\n" /* 7 */
	"column_map:\n"                             /* 8 */
	"  Header: &header\n"                       /* 9 */
	"    SEX: &sexcol\n"                        /* 10 */
	"      category: *sex\n"                    /* 11 */
	"      canbeblank: no\n"                    /* 12 */
	"    MOTHER:\n"                             /* 13 */
	"      category:\n"                         /* 14 */
	"      - &one {code: \"1\", name: \"Yes\"}\n" /* 15 */
	"      - code: \"0\"\n"                     /* 16 */
	"      - *one\n"                            /* 17 */
	"      dictionary: *yn\n"                   /* 18 */
	"      canbeblank: yes\n"                   /* 19 */
	"  AD1:\n"                                  /* 20 */
	"    SEX_ADOPTR: *sexcol\n"                 /* 21 */
	"  Copy: *header\n";                        /* 22 */

static void sex_col(const yaml_col *c, long line)
{
	assert_int_equal(c->kind, YK_CATEGORY);
	assert_int_equal(c->canbeblank, 0);
	assert_int_equal(c->line, line);
	assert_int_equal(c->codes.n, 2);
	assert_string_equal(c->codes.code[0], "1");
	assert_string_equal(c->codes.code[1], "2");
	find(c, "male", "1");
	find(c, "Female", "2");
	find(c, "Yes", NULL);
}

static void mother_col(const yaml_col *c)
{
	assert_int_equal(c->kind, YK_CATEGORY);
	assert_int_equal(c->canbeblank, 1);
	assert_int_equal(c->line, 13);
	assert_int_equal(c->codes.n, 2); /* "1" twice through *one: one code */
	assert_string_equal(c->codes.code[0], "1");
	assert_string_equal(c->codes.code[1], "0");
	find(c, "yes", "1"); /* the item's name and the dictionary agree */
	find(c, "No", "0");
	find(c, "Male", NULL);
}

static void anchors(void **state)
{
	(void)state;
	codes_schema s;
	assert_int_equal(codes_yaml_parse("a.yml", anchors_text, sizeof anchors_text - 1, &s), 0);
	assert_int_equal(s.n, 5);
	sex_col(col(&s, "Header", "SEX"), 10);
	mother_col(col(&s, "Header", "MOTHER"));
	sex_col(col(&s, "AD1", "SEX_ADOPTR"), 21);
	sex_col(col(&s, "Copy", "SEX"), 10);
	mother_col(col(&s, "Copy", "MOTHER"));
	assert_null(codes_yaml_find(&s, "codes", "sex"));
	codes_yaml_free(&s);
}

/* Aliases gone wrong: an anchor never defined, a YAML 1.1 merge key, and
 * aliases nested so that reading them would visit 10 tables x 100 columns
 * x 100 category items (300,000 values from a few kilobytes). */
static void alias_errors(void **state)
{
	(void)state;
	fails("column_map:\n  T:\n    A:\n      category: *nope\n", "h.yml:4: found undefined alias");
	fails("base: &b\n  canbeblank: yes\ncolumn_map:\n  T:\n    A:\n      <<: *b\n      string: x\n",
	      "h.yml:6: merge keys (<<) are not supported");
	static char laughs[16384];
	size_t o = (size_t)snprintf(laughs, sizeof laughs, "column_map:\n  T: &t\n    C0: &c\n      category: [");
	for (int i = 0; i < 100; i++)
		o += (size_t)snprintf(laughs + o, sizeof laughs - o, "%s{code: x}", i ? ", " : "");
	o += (size_t)snprintf(laughs + o, sizeof laughs - o, "]\n");
	for (int i = 1; i < 100; i++)
		o += (size_t)snprintf(laughs + o, sizeof laughs - o, "    C%d: *c\n", i);
	for (int i = 1; i < 10; i++)
		o += (size_t)snprintf(laughs + o, sizeof laughs - o, "  T%d: *t\n", i);
	assert_true(o < sizeof laughs - 1);
	fails(laughs, "aliases expand to more than 200000 values");
	/* the same with 2 tables (about 60,000 values) is read: 200 columns */
	char *cut = strstr(laughs, "  T2: *t\n");
	assert_non_null(cut);
	*cut = '\0';
	codes_schema s;
	assert_int_equal(codes_yaml_parse("h.yml", laughs, strlen(laughs), &s), 0);
	assert_int_equal(s.n, 200);
	assert_int_equal(col(&s, "T1", "C99")->codes.n, 1);
	codes_yaml_free(&s);
}

/* The other limits: values in the file and codes in one column. */
static void counts(void **state)
{
	(void)state;
	size_t cap = 4 * 200001 + 64, o;
	char *t = malloc(cap);
	assert_non_null(t);
	o = (size_t)snprintf(t, cap, "x: [");            /* the mapping, x, the list: 3 values */
	for (int i = 0; i < 199998; i++)
		o += (size_t)snprintf(t + o, cap - o, "a,"); /* 200,001 values in all */
	snprintf(t + o, cap - o, "]\n");
	fails(t, "h.yml:1: more than 200000 values");
	free(t);

	cap = 64 + 20 * 1001;
	t = malloc(cap);
	assert_non_null(t);
	o = (size_t)snprintf(t, cap, "column_map:\n  T:\n    A:\n      category:\n");
	for (int i = 0; i < 1001; i++)
		o += (size_t)snprintf(t + o, cap - o, "      - code: c%d\n", i);
	fails(t, "h.yml:1005: more than 1000 codes or labels in one column");
	/* 1000 codes are read: cut the last item (line 1005) */
	*strstr(t, "      - code: c1000\n") = '\0';
	codes_schema s;
	assert_int_equal(codes_yaml_parse("h.yml", t, strlen(t), &s), 0);
	assert_int_equal(col(&s, "T", "A")->codes.n, 1000);
	codes_yaml_free(&s);
	free(t);
}

/* The same definitions written as JSON-style flow collections, and a
 * folded block scalar (">-": lines joined with a space) as a name. */
static void whole_language(void **state)
{
	(void)state;
	static const char flow[] =
		"{\"column_map\": {\"T\": {\"A\": {\"category\": [{\"code\": \"x\", \"name\": \"Ex\"}, {\"code\": \"y\"}],\n"
		"  \"canbeblank\": \"yes\"}, \"B\": {\"date\": \"%d/%m/%Y\"}}}}\n";
	static const char folded[] =
		"column_map:\n"
		"  T:\n"
		"    A:\n"
		"      category:\n"
		"        - code: x\n"
		"          name: >-\n"
		"            Two words\n"
		"            folded\n";
	codes_schema s;
	assert_int_equal(codes_yaml_parse("f.yml", flow, sizeof flow - 1, &s), 0);
	assert_int_equal(s.n, 2);
	const yaml_col *a = col(&s, "T", "A");
	assert_int_equal(a->kind, YK_CATEGORY);
	assert_int_equal(a->canbeblank, 1);
	assert_int_equal(a->codes.n, 2);
	find(a, "ex", "x");
	find(a, "y", "y");
	assert_int_equal(col(&s, "T", "B")->kind, YK_DATE);
	assert_int_equal(col(&s, "T", "B")->line, 2);
	codes_yaml_free(&s);
	assert_int_equal(codes_yaml_parse("f.yml", folded, sizeof folded - 1, &s), 0);
	find(col(&s, "T", "A"), "two words folded", "x");
	find(col(&s, "T", "A"), "Two words", NULL);
	codes_yaml_free(&s);
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
		cmocka_unit_test(anchors),
		cmocka_unit_test(alias_errors),
		cmocka_unit_test(counts),
		cmocka_unit_test(whole_language),
		cmocka_unit_test(fuzz),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
