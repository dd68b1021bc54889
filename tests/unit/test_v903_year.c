/* The collection-year mechanism shared by the CIN and SSDA903 validators
 * (validate/v_year.h, v_engine.h): year labels, the collections and their
 * years, a year's rule catalogue and code lists built as the previous
 * year's plus its changes, entries run only in their years, and every
 * output naming the rule set that ran. Small made-up CSVs worked by hand,
 * then the SSDA903 files of ref/ against the counts of
 * ../shared/reference/years/ssda903-changes-by-year.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_csvr.h"
#include "validate/v_engine.h"
#include "validate/v_year.h"

static void test_labels(void **state)
{
	(void)state;
	char b[16];
	assert_string_equal(v_year_label(2026, b, sizeof b), "2025-26");
	assert_string_equal(v_year_label(2000, b, sizeof b), "1999-00");
	assert_int_equal(v_year_parse("2025-26", 7), 2026);
	assert_int_equal(v_year_parse("1999-00", 7), 2000);
	assert_int_equal(v_year_parse("2025-27", 7), -1); /* not consecutive */
	assert_int_equal(v_year_parse("2025/26", 7), -1);
	assert_int_equal(v_year_parse("2025-2", 6), -1);
	assert_int_equal(v_year_parse("lac2025_26", 10), -1);
	assert_int_equal(v_year_parse("20x5-26", 7), -1);
}

static void test_collections(void **state)
{
	(void)state;
	const v_collection *c = v_collection_find("ssda903");
	assert_non_null(c);
	assert_int_equal(c->first, 2024);
	assert_int_equal(c->last, 2027);
	assert_false(v_year_known(c, 2023)); /* 2022-23 */
	assert_true(v_year_known(c, 2024));
	assert_true(v_year_known(c, 2027));
	assert_false(v_year_known(c, 2028));
	assert_non_null(v_collection_find("CIN"));
	assert_null(v_collection_find("XYZ"));
	assert_false(v_year_known(NULL, 2026));
}

/* Base year, then a year adding and modifying, then one deleting. */
static const char rules_csv[] =
	"year,code,change,tables,affected_fields,message\n"
	"2022-23,1,base,T,A,one\n"
	"2022-23,2,base,T,B,two\n"
	"2023-24,3,added,T,C,three\n"
	"2023-24,1,modified,T,A,one again\n"
	"2024-25,2,deleted,T,B,two\n"
	"2024-25,4,unchanged,T,D,four\n";

static void test_catalogue_by_year(void **state)
{
	(void)state;
	static const struct { int year; const char *one; int has2, has3; } want[] = {
		{2023, "one", 1, 0}, {2024, "one again", 1, 1}, {2025, "one again", 0, 1},
		{2030, "one again", 0, 1}, /* later years: the last change stands */
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		v_ctx *c = v_ctx_new();
		assert_int_equal(v_load_catalogue_year_mem(c, rules_csv, sizeof rules_csv - 1, "r.csv",
							   want[k].year), 0);
		assert_string_equal(v_rule_message(c, "1"), want[k].one);
		assert_int_equal(v_rule_known(c, "2"), want[k].has2);
		assert_int_equal(v_rule_known(c, "3"), want[k].has3);
		v_ctx_free(c);
	}
	/* before the first row, bad years, order and changes: refused */
	static const char *const bad[] = {
		"year,code,change,tables,affected_fields,message\n2023-24,1,base,T,A,x\n2022-23,2,base,T,A,y\n",
		"year,code,change,tables,affected_fields,message\n2023/24,1,base,T,A,x\n",
		"year,code,change,tables,affected_fields,message\n2023-24,1,changed,T,A,x\n",
		"year,code,change,tables,affected_fields,message\n2023-24,,base,T,A,x\n",
		"year,code,change,tables,message\n2023-24,1,base,T,x\n",
		"year,code,change,tables,affected_fields,message\n2023-24,1,base\n",
	};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		v_ctx *c = v_ctx_new();
		assert_int_equal(v_load_catalogue_year_mem(c, bad[k], strlen(bad[k]), "b.csv", 2024), -1);
		v_ctx_free(c);
	}
	v_ctx *c = v_ctx_new();
	assert_int_equal(v_load_catalogue_year_mem(c, rules_csv, sizeof rules_csv - 1, "r.csv", 2022), -1);
	v_ctx_free(c);
}

static const char codes_csv[] =
	"year,list,code,label,change\n"
	"2023-24,L,A,,base\n"
	"2023-24,L,B,,base\n"
	"2023-24,M,X,,base\n"
	"2024-25,L,C,,added\n"
	"2024-25,M,X,,removed\n"
	"2025-26,L,A,,removed\n"
	"2025-26,N,Z,,added\n";

static void test_codes_by_year(void **state)
{
	(void)state;
	static const struct { int year; const char *l, *m, *n; } want[] = {
		{2024, "A B", "X", NULL}, {2025, "A B C", "", NULL}, {2026, "B C", "", "Z"},
		{2027, "B C", "", "Z"},
	};
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		v_codes *c = v_codes_load_mem(codes_csv, sizeof codes_csv - 1, "c.csv", want[k].year);
		assert_non_null(c);
		assert_int_equal(v_codes_year(c), want[k].year);
		assert_string_equal(v_codes_get(c, "L"), want[k].l);
		assert_string_equal(v_codes_get(c, "M"), want[k].m); /* defined, empty */
		if (want[k].n)
			assert_string_equal(v_codes_get(c, "N"), want[k].n);
		else
			assert_null(v_codes_get(c, "N"));
		assert_null(v_codes_get(c, "nothing"));
		v_codes_free(c);
	}
	assert_null(v_codes_load_mem(codes_csv, sizeof codes_csv - 1, "c.csv", 2023));
	/* each refused with its line and reason (the frame the rules share) */
	static const struct { const char *csv, *err; } bad[] = {
		{"year,list,code,label,change\n2024-25,L,A,,base\n2023-24,L,B,,base\n",
		 "b.csv:3: year 2023-24: rows are not in year order\n"},
		{"year,list,code,label,change\n2023-24,L,A,,kept\n",
		 "b.csv:2: change 'kept' is none of base, same, added, removed\n"},
		{"year,list,code,label\n2023-24,L,A,\n", "b.csv:1: code lists CSV has no column 'change'\n"},
		{"year,list,code,label,change\n23-24,L,A,,base\n",
		 "b.csv:2: year '23-24' is not a collection year such as 2025-26\n"},
		{"year,list,code,label,change\n2023-24,L,A\n", "b.csv:2: row has 3 fields, no column 'change'\n"},
		{"year,list,code,label,change\n2025-26,L,A,,base\n",
		 "b.csv: no code list for 2023-24 or any earlier year\n"},
	};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		capture_start();
		v_codes *c = v_codes_load_mem(bad[k].csv, strlen(bad[k].csv), "b.csv", 2024);
		const char *err = capture_end();
		assert_null(c);
		assert_non_null(strstr(err, bad[k].err));
	}
	assert_null(v_codes_load("/nonexistent/codes.csv", 2024));
	assert_null(v_codes_get(NULL, "L"));
}

/* Lists found by name whatever their order in the file (v_codes_get
 * searches an index sorted by name): seven lists given out of order, each
 * with its own code, and names before, between and after them (and
 * prefixes of them) found as absent. */
static void test_codes_lookup_order(void **state)
{
	(void)state;
	static const char csv[] = "year,list,code,label,change\n"
				  "2024-25,Zeta,z,,base\n"
				  "2024-25,Alpha,a,,base\n"
				  "2024-25,Mid.X,m,,base\n"
				  "2024-25,Beta,b,,base\n"
				  "2024-25,Alpha2,a2,,base\n"
				  "2024-25,Omega,o,,base\n"
				  "2024-25,Mid,mm,,base\n";
	v_codes *c = v_codes_load_mem(csv, sizeof csv - 1, "o.csv", 2025);
	assert_non_null(c);
	static const char *const found[][2] = {{"Zeta", "z"}, {"Alpha", "a"}, {"Mid.X", "m"},
					       {"Beta", "b"}, {"Alpha2", "a2"}, {"Omega", "o"},
					       {"Mid", "mm"}};
	for (size_t k = 0; k < sizeof found / sizeof found[0]; k++)
		assert_string_equal(v_codes_get(c, found[k][0]), found[k][1]);
	static const char *const absent[] = {"", "A", "Alph", "Alpha1", "Alpha3", "C", "Mi",
					     "Mid.", "Mid.Y", "Zeta2", "zeta", "~"};
	for (size_t k = 0; k < sizeof absent / sizeof absent[0]; k++)
		assert_null(v_codes_get(c, absent[k]));
	v_codes_free(c);
	v_codes *none = v_codes_load_mem("year,list,code,label,change\n2023-24,L,A,,base\n", 46,
					 "n.csv", 2024);
	assert_non_null(none);
	assert_null(v_codes_get(none, "M"));
	assert_string_equal(v_codes_get(none, "L"), "A");
	v_codes_free(none);
}

/* ref/: each year's SSDA903 rule set holds the rules of its years (the
 * sizes are checked in test_v903_rules), and the lists the issue names
 * change as it says. */
static void test_ref_years(void **state)
{
	(void)state;
	for (size_t k = 0; k < 4; k++) {
		v_ctx *c = v_ctx_new();
		assert_int_equal(v_load_catalogue_year(c, CSC_DATADIR "/ref/ssda903-rules-by-year.csv",
						       2024 + (int)k), 0);
		int n = 0;
		static const char *const probe[] = {"217t", "231", "233", "700", "SW15STG2"};
		for (size_t i = 0; i < 5; i++)
			n += v_rule_known(c, probe[i]) << i;
		/* 217t 2023-24 only; 231 from 2024-25; 233 from 2025-26; 700
		 * from 2026-27; SW15STG2 never */
		static const int bits[] = {1, 2, 6, 14};
		assert_int_equal(n, bits[k]);
		v_ctx_free(c);
	}
	v_codes *c24 = v_codes_load(CSC_DATADIR "/ref/ssda903-codes-by-year.csv", 2024);
	v_codes *c25 = v_codes_load(CSC_DATADIR "/ref/ssda903-codes-by-year.csv", 2025);
	v_codes *c26 = v_codes_load(CSC_DATADIR "/ref/ssda903-codes-by-year.csv", 2026);
	assert_non_null(c24);
	assert_non_null(c25);
	assert_non_null(c26);
	assert_null(strstr(v_codes_get(c24, "Episodes.PLACE"), "K3"));
	assert_non_null(strstr(v_codes_get(c25, "Episodes.PLACE"), "K3"));
	assert_non_null(strstr(v_codes_get(c25, "Episodes.PLACE"), "H5"));
	assert_null(strstr(v_codes_get(c26, "Episodes.PLACE"), "H5"));
	assert_null(strstr(v_codes_get(c26, "Episodes.PLACE"), "P2"));
	assert_non_null(strstr(v_codes_get(c26, "Episodes.PLACE"), "Z11"));
	assert_string_equal(v_codes_get(c24, "Header.SEX"), "1 2");
	assert_string_equal(v_codes_get(c25, "Header.SEX"), "M F U");
	assert_null(strstr(v_codes_get(c26, "OC3.ACCOM"), "S1"));
	v_codes_free(c24);
	v_codes_free(c25);
	v_codes_free(c26);
}

static int ran[4];
static void mark(v_ctx *ctx, const v_rule *r)
{
	(void)ctx;
	ran[*(const int *)r->arg]++;
}

static void slurp(const char *path, char *buf, size_t cap)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t n = fread(buf, 1, cap - 1, f);
	buf[n] = 0;
	fclose(f);
}

/* Only the entries in force in the rule set's year run; the others are
 * neither run nor "not run". Each output names the rule set. */
static void test_run_years_and_outputs(void **state)
{
	(void)state;
	static const int i0 = 0, i1 = 1, i2 = 2, i3 = 3;
	static const v_year_rule rules[] = {
		{{"1", V_NEEDS_NOTHING, mark, &i0}, 0, 0},
		{{"2", V_NEEDS_NOTHING, mark, &i1}, 0, 2024},    /* until 2023-24 */
		{{"2", V_NEEDS_NOTHING, mark, &i2}, 2025, 0},    /* its new form */
		{{"3", V_NEEDS_PREVIOUS, mark, &i3}, 2025, 0},
	};
	static const struct { int year; int r0, r1, r2, nr; } want[] = {
		{2024, 1, 1, 0, 0}, {2025, 1, 0, 1, 1}, {2027, 1, 0, 1, 1},
	};
	for (size_t k = 0; k < 3; k++) {
		memset(ran, 0, sizeof ran);
		v_ctx *c = v_ctx_new();
		assert_int_equal(v_load_catalogue_year_mem(c, rules_csv, sizeof rules_csv - 1, "r.csv",
							   want[k].year), 0);
		v_set_ruleset(c, "SSDA903", want[k].year);
		assert_int_equal(v_ruleset_year(c), want[k].year);
		v_run_years(c, rules, 4);
		assert_int_equal(ran[0], want[k].r0);
		assert_int_equal(ran[1], want[k].r1);
		assert_int_equal(ran[2], want[k].r2);
		assert_int_equal(ran[3], 0);
		assert_int_equal(v_not_run_count(c), (size_t)want[k].nr);
		v_ctx_free(c);
	}
	/* two rule sets in one run, and the outputs */
	v_ctx *c = v_ctx_new();
	v_set_ruleset(c, "CIN", 2026);
	v_not_run(c, "8500", "why");
	v_set_ruleset(c, "SSDA903", 2027);
	v_run_years(c, rules, 4); /* 3 is not run */
	static const v_rule r1 = {"1", V_NEEDS_NOTHING, mark, &i0};
	v_report(c, &r1, "K", "T", "A", "x", 2);
	assert_int_equal(v_ruleset_count(c), 2);
	assert_string_equal(v_ruleset_label(c, 0), "CIN 2025-26");
	assert_string_equal(v_ruleset_label(c, 1), "SSDA903 2026-27");
	char dir[] = "/tmp/v_year_XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_int_equal(v_write_outputs(c, dir, "t"), 0);
	char path[256], buf[4096];
	snprintf(path, sizeof path, "%s/summary.csv", dir);
	slurp(path, buf, sizeof buf);
	assert_string_equal(buf, "rule_set,errors,queries,rules_not_run\n"
				 "CIN 2025-26,0,0,1\n"
				 "SSDA903 2026-27,1,0,1\n");
	unlink(path);
	snprintf(path, sizeof path, "%s/rules_not_run.csv", dir);
	slurp(path, buf, sizeof buf);
	assert_string_equal(buf, "rule,reason,rule_set\n"
				 "3,\"needs the previous year's return, which was not supplied\",SSDA903 2026-27\n"
				 "8500,why,CIN 2025-26\n");
	unlink(path);
	snprintf(path, sizeof path, "%s/issues.csv", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/validation.xlsx", dir);
	unlink(path);
	rmdir(dir);
	v_ctx_free(c);
}

/* v_codes_has: whole codes only, never a prefix or a neighbour's tail. */
static void test_codes_has(void **state)
{
	(void)state;
	static const char csv[] = "year,list,code,label,change\n"
				  "2023-24,Episodes.PLACE,Z1,,base\n"
				  "2023-24,Episodes.PLACE,K2,,base\n"
				  "2024-25,Episodes.PLACE,Z11,,added\n";
	v_codes *c = v_codes_load_mem(csv, sizeof csv - 1, "c.csv", 2025);
	assert_non_null(c);
	assert_true(v_codes_has(c, "Episodes.PLACE", "Z1"));
	assert_true(v_codes_has(c, "Episodes.PLACE", "Z11"));
	assert_true(v_codes_has(c, "Episodes.PLACE", "K2"));
	assert_false(v_codes_has(c, "Episodes.PLACE", "K"));
	assert_false(v_codes_has(c, "Episodes.PLACE", "1"));
	assert_false(v_codes_has(c, "Episodes.PLACE", "Z1 "));
	assert_false(v_codes_has(c, "Episodes.PLACE", ""));
	assert_false(v_codes_has(c, "OC3.ACCOM", "Z1"));
	v_codes_free(c);
	assert_false(v_codes_has(NULL, "Episodes.PLACE", "Z1"));
}

/* v_recodes_load: every year's 503D successions, each once, with the year
 * its new code enters the PLACE list; a succession kept after a later year
 * removes it; a new code no year lists has year 0; a token without '>' is
 * no succession. Worked by hand over a made-up three-year file, then the
 * ref/ file: H5>K3 from 2024-25, Z1>Z11..Z14 from 2025-26. */
static void test_recodes(void **state)
{
	(void)state;
	static const char csv[] =
		"year,list,code,label,change\n"
		"2023-24,Episodes.PLACE,H5,,base\n"
		"2023-24,Episodes.PLACE,Z1,,base\n"
		"2023-24," V_RECODE_LIST ",H5>K3,,added\n"
		"2023-24," V_RECODE_LIST ",Q9>Q8,,added\n"
		"2023-24," V_RECODE_LIST ",H5,,added\n"
		"2024-25,Episodes.PLACE,K3,,added\n"
		"2024-25," V_RECODE_LIST ",H5>K3,,same\n"
		"2025-26,Episodes.PLACE,Z11,,added\n"
		"2025-26," V_RECODE_LIST ",Z1>Z11,,added\n"
		"2025-26," V_RECODE_LIST ",H5>K3,,removed\n";
	char path[] = "/tmp/test_recodes.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, csv, sizeof csv - 1), (ssize_t)(sizeof csv - 1));
	close(fd);
	const v_collection made = {"T", 2024, 2026, NULL, NULL, 2026};
	v_recode r[8];
	int n = v_recodes_load(path, &made, r, 8);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].from_code, "H5");
	assert_string_equal(r[0].to_code, "K3");
	assert_int_equal(r[0].year, 2025);
	assert_string_equal(r[1].from_code, "Q9");
	assert_int_equal(r[1].year, 0);
	assert_string_equal(r[2].from_code, "Z1");
	assert_string_equal(r[2].to_code, "Z11");
	assert_int_equal(r[2].year, 2026);
	/* more successions than the caller holds: said, and -1 (it kept the
	 * first cap before); exactly cap fit */
	assert_int_equal(v_recodes_load(path, &made, r, 3), 3);
	capture_start();
	int over = v_recodes_load(path, &made, r, 2);
	const char *err = capture_end();
	assert_int_equal(over, -1);
	char msg[256];
	snprintf(msg, sizeof msg, "%s: more than 2 PLACE successions (%s) in 2025-26: "
		 "this program holds 2\n", path, V_RECODE_LIST);
	assert_non_null(strstr(err, msg));
	capture_start();
	over = v_recodes_load(path, &made, r, 1);
	err = capture_end();
	assert_int_equal(over, -1);
	assert_non_null(strstr(err, "more than 1 PLACE successions"));
	assert_non_null(strstr(err, "in 2023-24: this program holds 1\n"));
	unlink(path);
	assert_int_equal(v_recodes_load(path, &made, r, 8), -1); /* unreadable */

	const v_collection *c = v_collection_find("SSDA903");
	n = v_recodes_load(CSC_DATADIR "/ref/ssda903-codes-by-year.csv", c, r, 8);
	assert_int_equal(n, 5);
	assert_string_equal(r[0].from_code, "H5");
	assert_string_equal(r[0].to_code, "K3");
	assert_int_equal(r[0].year, 2025);
	for (int i = 1; i < 5; i++) {
		char want[8];
		snprintf(want, sizeof want, "Z1%d", i);
		assert_string_equal(r[i].from_code, "Z1");
		assert_string_equal(r[i].to_code, want);
		assert_int_equal(r[i].year, 2026);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_collections),
		cmocka_unit_test(test_catalogue_by_year),
		cmocka_unit_test(test_codes_by_year),
		cmocka_unit_test(test_codes_lookup_order),
		cmocka_unit_test(test_ref_years),
		cmocka_unit_test(test_run_years_and_outputs),
		cmocka_unit_test(test_codes_has),
		cmocka_unit_test(test_recodes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
