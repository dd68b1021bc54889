/* The rule engine on its own: catalogue loading, registry checks, severity
 * from the Q suffix, the not-run list, sorting and exit status. Small
 * made-up catalogues and rules; every expected value is worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "validate/v_engine.h"
#include "validate/v903_ctx.h"

static const char cat_csv[] =
	"year,code,change,tables,affected_fields,message\n"
	"2025-26,10,base,T,A,Ten is wrong\n"
	"2025-26,20Q,base,T,B, Twenty looks odd\n"
	"2025-26,30,base,U,C;D,\"Thirty, quoted\"\n";

static v_ctx *new_ctx(void)
{
	v_ctx *c = v_ctx_new();
	assert_int_equal(v_load_catalogue_year_mem(c, cat_csv, sizeof cat_csv - 1, "cat.csv", 2026), 0);
	return c;
}

/* Each check reports what its arg says: child, line. */
typedef struct hit { const char *child; long line; } hit;
static void report_hit(v_ctx *ctx, const v_rule *r)
{
	const hit *h = r->arg;
	v_report(ctx, r, h->child, NULL, "A", "v", h->line);
}
static int ran;
static void count_run(v_ctx *ctx, const v_rule *r)
{
	(void)ctx;
	(void)r;
	ran++;
}

static void test_catalogue(void **state)
{
	(void)state;
	v_ctx *c = new_ctx();
	assert_true(v_rule_known(c, "20Q"));
	assert_false(v_rule_known(c, "20"));
	assert_string_equal(v_rule_message(c, "20Q"), "Twenty looks odd"); /* leading space trimmed */
	assert_string_equal(v_rule_message(c, "30"), "Thirty, quoted");
	assert_string_equal(v_rule_table(c, "30"), "U");
	assert_null(v_rule_message(c, "99"));
	/* a code already catalogued (a second collection's file naming it) is
	 * refused, naming the file and line */
	static const char dup[] = "year,code,change,tables,affected_fields,message\n"
				  "2025-26,1,base,T,A,a\n2025-26,10,base,T,A,b\n";
	capture_start();
	int rc = v_load_catalogue_year_mem(c, dup, sizeof dup - 1, "dup.csv", 2026);
	assert_int_equal(rc, -1);
	assert_string_equal(capture_end(), "cscpipe: dup.csv:3: rule 10 listed twice\n");
	/* a CSV without the code column is refused */
	static const char nocode[] = "year,rule,change,tables,affected_fields,message\n"
				     "2025-26,1,base,T,A,a\n";
	v_ctx *d = v_ctx_new();
	capture_start();
	rc = v_load_catalogue_year_mem(d, nocode, sizeof nocode - 1, "x.csv", 2026);
	assert_int_equal(rc, -1);
	assert_string_equal(capture_end(),
			    "cscpipe: x.csv:1: rules-by-year CSV has no column 'code'\n");
	v_ctx_free(d);
	v_ctx_free(c);
}

static void test_registry(void **state)
{
	(void)state;
	v_ctx *c = new_ctx();
	const v_rule all[] = {{"10", V_NEEDS_NOTHING, count_run, NULL},
			      {"20Q", V_NEEDS_NOTHING, count_run, NULL},
			      {"30", V_NEEDS_NOTHING, count_run, NULL}};
	assert_int_equal(v_check_registry(c, all, 3, NULL, NULL), 0);
	/* 30 neither registered nor listed: one problem */
	assert_int_equal(v_check_registry(c, all, 2, NULL, NULL), 1);
	/* listed as not implemented: fine */
	const char *const ni[] = {"30", NULL};
	assert_int_equal(v_check_registry(c, all, 2, ni, NULL), 0);
	/* a registered code missing from the CSV: one problem */
	const v_rule extra[] = {{"10", V_NEEDS_NOTHING, count_run, NULL},
				{"20Q", V_NEEDS_NOTHING, count_run, NULL},
				{"30", V_NEEDS_NOTHING, count_run, NULL},
				{"40", V_NEEDS_NOTHING, count_run, NULL}};
	assert_int_equal(v_check_registry(c, extra, 4, NULL, NULL), 1);
	v_ctx_free(c);
}

static void test_severity_sort_exit(void **state)
{
	(void)state;
	v_ctx *c = new_ctx();
	assert_int_equal(v_exit_status(c), 0);
	static const hit b5 = {"B", 5}, a9 = {"A", 9}, a2 = {"A", 2}, la = {NULL, 0};
	const v_rule q[] = {{"20Q", V_NEEDS_NOTHING, report_hit, &b5}};
	v_run(c, q, 1);
	assert_int_equal(v_exit_status(c), 1); /* queries only */
	const v_rule e[] = {{"30", V_NEEDS_NOTHING, report_hit, &a9},
			    {"10", V_NEEDS_NOTHING, report_hit, &a9},
			    {"10", V_NEEDS_NOTHING, report_hit, &a2},
			    {"10", V_NEEDS_NOTHING, report_hit, &la}};
	v_run(c, e, 4);
	assert_int_equal(v_exit_status(c), 2);
	v_sort(c);
	assert_int_equal(v_issue_count(c), 5);
	/* by child ("" first), then line, then rule */
	const char *want_child[] = {"", "A", "A", "A", "B"};
	const long want_line[] = {0, 2, 9, 9, 5};
	const char *want_rule[] = {"10", "10", "10", "30", "20Q"};
	for (size_t i = 0; i < 5; i++) {
		v_issue is = v_issue_at(c, i);
		assert_string_equal(is.child, want_child[i]);
		assert_int_equal(is.line, want_line[i]);
		assert_string_equal(is.rule, want_rule[i]);
	}
	v_issue q0 = v_issue_at(c, 4);
	assert_string_equal(q0.severity, "query");
	assert_string_equal(q0.table, "T"); /* from the catalogue when the rule gives none */
	assert_string_equal(v_issue_at(c, 0).severity, "error");
	assert_int_equal(v_count(c, "10"), 3);
	v_ctx_free(c);
}

static void test_not_run(void **state)
{
	(void)state;
	v_ctx *c = new_ctx();
	const v_rule r[] = {{"10", V_NEEDS_PREVIOUS, count_run, NULL},
			    {"30", V_NEEDS_POSTCODES, count_run, NULL},
			    {"20Q", V_NEEDS_NOTHING, count_run, NULL}};
	ran = 0;
	v_run(c, r, 3);
	v_run(c, r, 3); /* run twice: listed once each */
	assert_int_equal(ran, 2);
	assert_int_equal(v_not_run_count(c), 2);
	assert_string_equal(v_not_run_code(c, 0), "10");
	assert_non_null(strstr(v_not_run_reason(c, 0), "previous year"));
	assert_string_equal(v_not_run_code(c, 1), "30");
	/* supplying the previous data lets rule 10 run */
	int prev = 1;
	v_set_data(c, NULL, &prev);
	ran = 0;
	v_run(c, r, 1);
	assert_int_equal(ran, 1);
	/* an explicit need overrides, with its own reason */
	v_set_need(c, V_NEEDS_REFDATE, 0, "no date here");
	const v_rule d[] = {{"20Q", V_NEEDS_REFDATE, count_run, NULL}};
	v_run(c, d, 1);
	assert_int_equal(v_not_run_count(c), 3);
	assert_string_equal(v_not_run_reason(c, 2), "no date here");
	v_ctx_free(c);
}

/* A long value is cut at 512 bytes on a UTF-8 boundary and marked "...". */
static void test_long_value(void **state)
{
	(void)state;
	v_ctx *c = new_ctx();
	char big[2000];
	/* 'x' then 2-byte characters so that byte 512 falls inside one */
	big[0] = 'x';
	for (int i = 1; i < 1999; i += 2) {
		big[i] = (char)0xC3;
		big[i + 1] = (char)0xA9;
	}
	big[1999] = '\0';
	const v_rule r = {"10", V_NEEDS_NOTHING, count_run, NULL};
	v_report(c, &r, "C", "T", "F", big, 1);
	v_issue is = v_issue_at(c, 0);
	size_t n = strlen(is.value);
	assert_int_equal(n, 511 + 3); /* 'x' + 255 whole characters, then "..." */
	assert_string_equal(is.value + 511, "...");
	v_ctx_free(c);
}

/* A sheet without the tables column is refused. Then the real files
 * shipped in ref/. */
static void test_catalogue_tables_column(void **state)
{
	(void)state;
	static const char neither[] = "year,code,change,sheet,affected_fields,message\n"
				      "2025-26,1,base,T,A,a\n";
	v_ctx *c = v_ctx_new();
	assert_int_equal(v_load_catalogue_year_mem(c, neither, sizeof neither - 1, "n.csv", 2026), -1);
	v_ctx_free(c);

	/* ref/: 109 CIN codes and the 311 SSDA903 codes of 2025-26, both into one context as
	 * csc-validate --cin F --903 D does */
	c = v_ctx_new();
	assert_int_equal(v_load_catalogue_year(c, CSC_DATADIR "/ref/cin-rules-by-year.csv", 2026), 0);
	assert_int_equal(v_load_catalogue_year(c, CSC_DATADIR "/ref/ssda903-rules-by-year.csv", 2026), 0);
	assert_true(v_rule_known(c, "8730"));
	assert_string_equal(v_rule_table(c, "NoE"), "Episodes;Episodes_last");
	assert_string_equal(v_rule_table(c, "101"), "Header");
	assert_string_equal(v_rule_table(c, "1103"), "Assessments");
	v_ctx_free(c);
}

/* The collection year from the command line: --year YYYY ends on 31 March
 * YYYY; --reference-date D on the 31 March on or after D; neither: none. */
static void test_collection_year(void **state)
{
	(void)state;
	v_ctx *c = v_ctx_new();
	assert_int_equal(v_collection_year_end(c), CSC_NODATE);
	v_set_collection_year(c, 2025, CSC_NODATE);
	assert_int_equal(v_collection_year_end(c), csc_date_make(2025, 3, 31));
	static const struct { int y, m, d, end; } refs[] = {
		{2025, 3, 31, 2025}, /* the reference date itself */
		{2025, 4, 1, 2026},  /* the day after: next year's */
		{2024, 2, 29, 2024}, /* a leap day */
		{2024, 12, 31, 2025},
		{2025, 1, 1, 2025},
	};
	for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		v_set_collection_year(c, 0, csc_date_make(refs[i].y, refs[i].m, refs[i].d));
		assert_int_equal(v_collection_year_end(c), csc_date_make(refs[i].end, 3, 31));
	}
	v_set_collection_year(c, 0, CSC_NODATE);
	assert_int_equal(v_collection_year_end(c), CSC_NODATE);
	v_ctx_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_severity_sort_exit),
		cmocka_unit_test(test_not_run),
		cmocka_unit_test(test_long_value),
		cmocka_unit_test(test_catalogue_tables_column),
		cmocka_unit_test(test_collection_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
