/* The SSDA903 column specifications built from the DfE YAML
 * (extract/ssda903_schema.c) and the diagnosis of unknown headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_diag.h"
#include "../../extract/ssda903_schema.h"

#define REF CSC_DATADIR "/ref/SSDA903_schema_2024.yml"

static const list_col *column(const ssda903_schema *s, const char *table, const char *col)
{
	const csc_903_table *t = csc_903_by_name(table);
	assert_non_null(t);
	const list_table *lt = ssda903_schema_table(s, t);
	assert_int_equal(lt->ncols, t->ncols);
	int i = csc_903_col(t, col);
	assert_true(i >= 0);
	assert_string_equal(lt->cols[i].name, col);
	return &lt->cols[i];
}

static void every_table(void **state)
{
	(void)state;
	ssda903_schema s;
	assert_int_equal(ssda903_schema_load(&s, REF), 0);
	for (int t = 0; t < CSC_903_NTABLES; t++) {
		const list_table *lt = &s.tables[t];
		assert_string_equal(lt->table, csc_903_tables[t].name);
		assert_int_equal(lt->by_name, 0);
		assert_int_equal(lt->src_file, 1);
		for (int i = 0; i < lt->ncols; i++)
			assert_int_equal(lt->cols[i].required, 1);
	}
	assert_int_equal(column(&s, "Episodes", "DECOM")->type, LT_DATE_DMY);
	assert_int_equal(column(&s, "Episodes", "DECOM")->blank_ok, 0);
	assert_int_equal(column(&s, "Episodes", "DEC")->blank_ok, 1);
	assert_int_equal(column(&s, "Episodes", "RNE")->type, LT_CODE);
	assert_int_equal(column(&s, "Episodes", "HOME_POST")->type, LT_ID);
	assert_int_equal(column(&s, "Episodes", "HOME_POST")->blank_ok, 1);
	assert_int_equal(column(&s, "Header", "SEX")->type, LT_SEX);
	assert_int_equal(column(&s, "UASC", "SEX")->type, LT_SEX);
	assert_int_equal(column(&s, "AD1", "NB_ADOPTR")->type, LT_INT);
	assert_int_equal(column(&s, "AD1", "SEX_ADOPTR")->type, LT_CODE);
	assert_int_equal(column(&s, "Header", "UPN")->blank_ok, 0);
	assert_int_equal(column(&s, "OC3", "ACCOM")->codes->n, 33);
	ssda903_schema_free(&s);
}

static void yaml_without_a_column(void **state)
{
	(void)state;
	static const char y[] = "column_map:\n  Header:\n    CHILD:\n      string: x\n";
	ssda903_schema s;
	capture_start();
	int rc = ssda903_schema_parse(&s, "r.yml", y, sizeof y - 1);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "r.yml: no definition of Header column SEX"));
	static const char z[] = "column_map:\n  Header:\n    CHILD:\n      canbeblank: no\n";
	capture_start();
	rc = ssda903_schema_parse(&s, "r.yml", z, sizeof z - 1);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "r.yml:3: Header column CHILD has no type or no codes"));
}

static const char *explain(const char *header)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", header);
	char *f[32];
	size_t len[32];
	int n = 0;
	for (char *p = strtok(buf, ","); p && n < 32; p = strtok(NULL, ","))
		f[n] = p, len[n] = strlen(p), n++;
	capture_start();
	csc_903_explain_header("x.csv", 1, f, len, n);
	return capture_end();
}

static void unknown_headers(void **state)
{
	(void)state;
	assert_string_equal(explain("CHILD,DOB,REVIEW,REVIEW_CDE"),
			    "cscpipe: x.csv:1: header matches no SSDA903 table; closest is Reviews, "
			    "whose header is CHILD,DOB,REVIEW,REVIEW_CODE; missing: REVIEW_CODE; "
			    "not expected: REVIEW_CDE\n");
	assert_string_equal(explain("child,dob,missing,mis_start,mis_end"),
			    "cscpipe: x.csv:1: header matches no SSDA903 table; closest is Missing, "
			    "whose header is CHILD,DOB,MISSING,MIS_START,MIS_END; missing: CHILD, DOB, "
			    "MISSING, MIS_START, MIS_END; not expected: child, dob, missing, mis_start, "
			    "mis_end (column names are upper case)\n");
	assert_string_equal(explain("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON,EXTRA"),
			    "cscpipe: x.csv:1: header matches no SSDA903 table; closest is SocialWorker, "
			    "whose header is CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON; "
			    "not expected: EXTRA\n");
}

int main(void)
{
	csc_diag_init("cscpipe");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_table),
		cmocka_unit_test(yaml_without_a_column),
		cmocka_unit_test(unknown_headers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
