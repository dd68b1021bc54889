/* comparators.csv read for its provenance (load/report_sources.c): the
 * illustrative marker only as the exact comment line before the header,
 * sources and their years per kind, entries without a source counted, a
 * file without the source columns, and the errors at their lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_diag.h"
#include "../../load/report_sources.h"

#define HEAD "measure,breakdown,year,england,stat_neighbours,region,target,tolerance," \
	     "comparator_source,target_source\n"

static report_src_info *parse(const char *text)
{
	return report_src_parse("c.csv", text, strlen(text));
}

static void years(void **state)
{
	(void)state;
	assert_int_equal(report_src_fy("2024-25"), 2024);
	assert_int_equal(report_src_fy("1999-00"), 1999);
	assert_int_equal(report_src_fy("2024-26"), -1);
	assert_int_equal(report_src_fy("2024"), -1);
	assert_int_equal(report_src_fy("2024-2025"), -1);
	assert_int_equal(report_src_fy("20a4-25"), -1);
	assert_int_equal(report_src_fy(""), -1);
}

static void marker_and_sources(void **state)
{
	(void)state;
	report_src_info *c = parse("# a comment\n#! illustrative  \n# another\n" HEAD
			    "FD02,,2023-24,21,,,20,3,DfE CIN 2024,Plan A\n"
			    "# a comment among the rows\n"
			    "FD02,,2021-22,20,,,,,DfE CIN 2022,\n"
			    "FD03,,2025-26,,,,85,5,,Plan A\n"
			    "FD05,,2024-25,,22,,,,DfE CIN 2024,\n"
			    "FD07,,2022-23,,,,,,,\n"      /* nothing to source */
			    "FD08,,2022-23,5,,,6,1,,\n"); /* two entries, no source */
	assert_non_null(c);
	assert_int_equal(c->illustrative, 1);
	assert_int_equal(c->have_columns, 1);
	assert_int_equal(c->missing, 2);
	assert_int_equal(c->n, 3);
	/* in order of first appearance, each with its years */
	assert_int_equal(c->s[0].target, 0);
	assert_string_equal(c->s[0].name, "DfE CIN 2024");
	assert_int_equal(c->s[0].fy_lo, 2023);
	assert_int_equal(c->s[0].fy_hi, 2024);
	assert_int_equal(c->s[1].target, 1);
	assert_string_equal(c->s[1].name, "Plan A");
	assert_int_equal(c->s[1].fy_lo, 2023);
	assert_int_equal(c->s[1].fy_hi, 2025);
	assert_string_equal(c->s[2].name, "DfE CIN 2022");
	assert_int_equal(c->s[2].fy_lo, 2021);
	report_src_free(c);
}

static void marker_only_exact(void **state)
{
	(void)state;
	/* the words in a comment are not the marker, nor is it after the header */
	report_src_info *c = parse("# ILLUSTRATIVE VALUES ONLY\n#! illustrative values\n" HEAD
			    "#! illustrative\nFD02,,2023-24,21,,,,,x,\n");
	assert_non_null(c);
	assert_int_equal(c->illustrative, 0);
	report_src_free(c);
	c = parse("#! illustrative\r\nmeasure,breakdown,year,england,stat_neighbours,region,target,"
		  "tolerance\r\nFD02,,2023-24,21,,,20,,\r\n");
	assert_non_null(c);
	assert_int_equal(c->illustrative, 1);
	assert_int_equal(c->have_columns, 0);
	assert_int_equal(c->missing, 2);
	assert_int_equal(c->n, 0);
	report_src_free(c);
}

static void errors(void **state)
{
	(void)state;
	capture_start();
	report_src_info *c = parse("# one\n# two\n" HEAD "FD02,,2023-24,1,,,,,a,\nFD03,,2023,1,,,,,a,\n");
	const char *out = capture_end();
	assert_null(c);
	assert_string_equal(out, "csc-load-report: c.csv:5: year: '2023' is not a financial year YYYY-YY\n");
	char big[400];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	char text[600];
	snprintf(text, sizeof text, HEAD "FD02,,2023-24,1,,,,,%s,\n", big);
	capture_start();
	c = parse(text);
	out = capture_end();
	assert_null(c);
	assert_string_equal(out, "csc-load-report: c.csv:2: comparator_source: longer than 200 bytes\n");
	/* at the limit it is taken */
	big[200] = '\0';
	snprintf(text, sizeof text, HEAD "FD02,,2023-24,1,,,,,%s,\n", big);
	c = parse(text);
	assert_non_null(c);
	assert_int_equal(strlen(c->s[0].name), 200);
	report_src_free(c);
}

int main(void)
{
	csc_diag_init("csc-load-report");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(years),
		cmocka_unit_test(marker_and_sources),
		cmocka_unit_test(marker_only_exact),
		cmocka_unit_test(errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
