/*
 * test_v903_load.c - reading a folder of SSDA903 CSVs (v903_load), the
 * collection year taken from the data, and v903_run end to end on
 * hand-made folders in tests/data/validate/903/:
 *   clean/       a clean 2025-26 return (3 children) that no rule faults
 *   clean_prev/  its clean 2024-25 predecessor
 *   odd/         tables under any name (1.CSV, zz_first.csv), a BOM, CRLF,
 *                a quoted field over two lines, a blank line, a short row,
 *                spaces around a value and a .txt file
 *   broken/      an unterminated quote
 *   unknown_header/  a clean Header and a CSV whose header is no 903 table
 *   empty_file/  a clean Header and an empty CSV
 *   none/        no CSV at all
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "csc_diag.h"
#include "test_v903_harness.h"

#define DATA CSC_DATADIR "/tests/data/validate/903/"

static void test_odd_folder(void **state)
{
	(void)state;
	v903_data d;
	v903_init(&d);
	assert_int_equal(v903_load(&d, DATA "odd"), 0);
	/* found by header, whatever the name; readme.txt is no CSV */
	assert_true(d.t[V9_HEADER].present);
	assert_true(d.t[V9_EPISODES].present);
	for (int t = 0; t < V9_NTAB; t++)
		if (t != V9_HEADER && t != V9_EPISODES)
			assert_false(d.t[t].present);
	/* Header: BOM and CRLF gone, " WBRI " trimmed, short row padded */
	const v903_table *h = &d.t[V9_HEADER];
	assert_int_equal(h->n, 2);
	assert_string_equal(h->rows[0].f[HD_CHILD], "B1");
	assert_string_equal(h->rows[0].f[HD_ETHNIC], "WBRI");
	assert_int_equal(h->rows[0].line, 2);
	assert_string_equal(h->rows[1].f[HD_UPN], "UN1");
	assert_string_equal(h->rows[1].f[HD_MOTHER], "");
	assert_string_equal(h->rows[1].f[HD_MC_DOB], "");
	assert_int_equal(h->rows[1].line, 3);
	/* Episodes: B1's postcode spans lines 2-3, line 4 is blank, B2 on 5 */
	const v903_table *e = &d.t[V9_EPISODES];
	assert_int_equal(e->n, 2);
	assert_string_equal(e->rows[0].f[EP_HOME_POST], "AB1\n2CD");
	assert_int_equal(e->rows[0].line, 2);
	assert_string_equal(e->rows[1].f[EP_CHILD], "B2");
	assert_int_equal(e->rows[1].line, 5);
	/* files are read in name order: 1.CSV, zz_first.csv */
	assert_int_equal(d.nfiles, 2);
	assert_non_null(strstr(d.files[0], "1.CSV"));
	assert_non_null(strstr(d.files[1], "zz_first.csv"));
	assert_int_equal(e->rows[0].file, 0);
	assert_int_equal(h->rows[0].file, 1);
	/* rows of a child in any table */
	v903_row *const *r;
	assert_int_equal(v903_child(e, "B2", &r), 1);
	assert_int_equal(r[0]->line, 5);
	assert_int_equal(v903_child(e, "nobody", &r), 0);
	assert_null(r);
	v903_free(&d);
}

static void test_year_from_latest_episode_or_review(void **state)
{
	(void)state;
	v903_data d;
	v903_init(&d);
	assert_int_equal(v903_load(&d, DATA "clean"), 0);
	v903_derive_year(&d);
	/* reviews 07/2025, 01/2026, 07/2025 and the end 01/09/2025, missing
	 * 10/2025: all 2025-26 -> 1 April 2025 - 31 March 2026 */
	assert_int_equal(d.year_start, csc_date_make(2025, 4, 1));
	assert_int_equal(d.year_end, csc_date_make(2026, 3, 31));
	v903_free(&d);

	/* most episode ends in 2025-26: one mistyped 2052 date does not move it */
	v903_init(&d);
	static const char *const decs[] = {"01/06/2025", "31/03/2026", "01/04/2025", "01/06/2052"};
	for (int i = 0; i < 4; i++) {
		char *row[] = {"X", "01/01/2020", "S", "C2", "N1", "U1", "PR1", (char *)decs[i], "E13"};
		v903_add_row(&d, V9_EPISODES, row, 9, 2 + i, 0);
	}
	v903_index(&d);
	v903_derive_year(&d);
	assert_int_equal(d.year_start, csc_date_make(2025, 4, 1));
	v903_free(&d);

	/* no event dates: the latest episode start; a date on 31 March stays in
	 * the year, 1 April starts the next */
	v903_init(&d);
	char *row[] = {"X", "31/03/2026"};
	v903_add_row(&d, V9_EPISODES, row, 2, 2, 0);
	v903_index(&d);
	v903_derive_year(&d);
	assert_int_equal(d.year_end, csc_date_make(2026, 3, 31));
	v903_free(&d);
	v903_init(&d);
	char *row2[] = {"X", "01/04/2026"};
	v903_add_row(&d, V9_EPISODES, row2, 2, 2, 0);
	v903_index(&d);
	v903_derive_year(&d);
	assert_int_equal(d.year_start, csc_date_make(2026, 4, 1));
	assert_int_equal(d.year_end, csc_date_make(2027, 3, 31));
	v903_free(&d);

	/* no dates: unknown, and year rules find nothing */
	v903_init(&d);
	v903_index(&d);
	v903_derive_year(&d);
	assert_int_equal(d.year_end, CSC_NODATE);
	v903_free(&d);
}

/* 101 follows the collection year: SEX 1/2 until 2023-24, M/F/U from
 * 2024-25. */
static void test_sex_codes_follow_the_year(void **state)
{
	(void)state;
	static const struct { int year; const char *bad; } cases[] = {
		{2024, "2"}, /* 2023-24: child 2 (M) is wrong */
		{2025, "1"}, /* 2024-25: child 1 (1) is wrong */
		{2027, "1"}, /* 2026-27 */
	};
	for (size_t k = 0; k < 3; k++) {
		v903_data cur, prev;
		int used;
		t903_build_in(cases[k].year, "H SEX=1\nH CHILD=2 SEX=M", &cur, &prev, &used);
		t903_nissues = 0;
		t903_check(t903_rule_in("101", cases[k].year), &cur, NULL);
		assert_int_equal(t903_nissues, 1);
		assert_string_equal(t903_issues[0].child, cases[k].bad);
		v903_free(&cur);
		v903_free(&prev);
	}
}

/* The clean return: every rule that can run reports nothing, with and
 * without last year's; the rest say they were not run. */
static void test_clean_return_has_no_issues(void **state)
{
	(void)state;
	v_ctx *ctx = t903_ctx();
	t903_nissues = t903_nnot_run = 0;
	assert_int_equal(v903_run(ctx, DATA "clean", NULL, CSC_DATADIR "/ref"), 0);
	for (size_t i = 0; i < t903_nissues; i++)
		print_error("%s child %s %s.%s='%s' line %ld\n", t903_issues[i].code,
			    t903_issues[i].child, t903_issues[i].table, t903_issues[i].field,
			    t903_issues[i].value, t903_issues[i].line);
	assert_int_equal(t903_nissues, 0);
	size_t without_prev = t903_nnot_run;
	/* 20 postcode/provider rules, 3 on a column 2024 has not, and every
	 * rule needing last year's return */
	size_t prev_rules = 0;
	for (int i = 0; i < v903_nrules; i++)
		prev_rules += v_rule_in_year(&v903_rules[i], 2026) &&
			      v903_rules[i].rule.needs == V_NEEDS_PREVIOUS;
	assert_int_equal(without_prev, 23 + prev_rules);

	t903_nissues = t903_nnot_run = 0;
	assert_int_equal(v903_run(ctx, DATA "clean", DATA "clean_prev", CSC_DATADIR "/ref"), 0);
	for (size_t i = 0; i < t903_nissues; i++)
		print_error("%s child %s %s.%s='%s' line %ld\n", t903_issues[i].code,
			    t903_issues[i].child, t903_issues[i].table, t903_issues[i].field,
			    t903_issues[i].value, t903_issues[i].line);
	assert_int_equal(t903_nissues, 0);
	assert_int_equal(t903_nnot_run, 23);
}

/* The year given on the command line wins over the data's; the data's is
 * used only when none was given. The clean return's dates say 2025-26. */
static void test_run_uses_given_year(void **state)
{
	(void)state;
	v_ctx *ctx = t903_ctx();
	t903_nissues = t903_nnot_run = 0;
	t903_year_given = CSC_NODATE;
	assert_int_equal(v903_run(ctx, DATA "clean", DATA "clean_prev", CSC_DATADIR "/ref"), 0);
	assert_int_equal(t903_year_used, csc_date_make(2026, 3, 31));
	assert_int_equal(t903_prev_year_used, csc_date_make(2025, 3, 31));
	t903_year_given = csc_date_make(2027, 3, 31);
	assert_int_equal(v903_run(ctx, DATA "clean", DATA "clean_prev", CSC_DATADIR "/ref"), 0);
	assert_int_equal(t903_year_used, csc_date_make(2027, 3, 31));
	assert_int_equal(t903_prev_year_used, csc_date_make(2026, 3, 31));
	/* a year the data cannot judge: one the return does not reach */
	t903_year_given = csc_date_make(2024, 3, 31);
	t903_nissues = 0;
	assert_int_equal(v903_run(ctx, DATA "clean", NULL, CSC_DATADIR "/ref"), 0);
	assert_int_equal(t903_year_used, csc_date_make(2024, 3, 31));
	assert_true(t903_nissues > 0); /* episodes starting after 31 March 2024 */
	/* a year with no rule set here is refused, before any rule runs */
	for (int y = 2023; y <= 2028; y += 5) {
		t903_year_given = csc_date_make(y, 3, 31);
		t903_nissues = t903_nnot_run = 0;
		t903_year_used = CSC_NODATE;
		assert_int_equal(v903_run(ctx, DATA "clean", NULL, CSC_DATADIR "/ref"), CSC_EXIT_CONFIG);
		assert_int_equal(t903_nissues + t903_nnot_run, 0);
		assert_int_equal(t903_year_used, CSC_NODATE);
	}
	t903_year_given = CSC_NODATE;
	t903_nissues = t903_nnot_run = 0;
}

/* A clean return made dirty in one place is caught, at its line. */
static void test_run_reports_child_field_line(void **state)
{
	(void)state;
	char dir[] = "/tmp/v903_run_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/h.csv", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nK1,M,01/06/2012,WBRI,A123456789012,,\n"
	      "K2,X,01/06/2012,WBRI,A123456789013,,\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/e.csv", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
	      "PL_POST,URN\nK1,01/05/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,AB3 4EF,SC123456\n"
	      "K2,01/05/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,AB3 4EF,SC123456\n", f);
	fclose(f);
	t903_nissues = t903_nnot_run = 0;
	assert_int_equal(v903_run(t903_ctx(), dir, NULL, CSC_DATADIR "/ref"), 0);
	size_t sex = 0;
	for (size_t i = 0; i < t903_nissues; i++)
		if (!strcmp(t903_issues[i].code, "101")) {
			sex++;
			assert_string_equal(t903_issues[i].child, "K2");
			assert_string_equal(t903_issues[i].table, "Header");
			assert_string_equal(t903_issues[i].field, "SEX");
			assert_string_equal(t903_issues[i].value, "X");
			assert_int_equal(t903_issues[i].line, 3);
		}
	assert_int_equal(sex, 1);
	unlink(path);
	snprintf(path, sizeof path, "%s/h.csv", dir);
	unlink(path);
	rmdir(dir);
}

/* The DoLo table (2026-27) is recognised by its header and its rules run
 * in 2026-27; in an earlier year's return its rows are not checked (the
 * year's rule set has no DoLo rule). */
static void test_dolo_table(void **state)
{
	(void)state;
	v903_data d;
	v903_init(&d);
	static const char dolo[] = "CHILD,DOB,DOLO_START,DOLO_END\nK1,01/06/2012,01/06/2026,\n"
				   "K1,01/06/2012,31/02/2026,01/01/2027\n";
	assert_int_equal(v903_load_mem(&d, "dolo.csv", dolo, sizeof dolo - 1), 0);
	v903_index(&d);
	assert_true(d.t[V9_DOLO].present);
	assert_int_equal(d.t[V9_DOLO].n, 2);
	assert_string_equal(d.t[V9_DOLO].rows[1].f[DL_START], "31/02/2026");
	assert_int_equal(d.t[V9_DOLO].rows[1].line, 3);
	v903_free(&d);

	char dir[] = "/tmp/v903_dolo_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char hp[256], dp[256];
	snprintf(hp, sizeof hp, "%s/h.csv", dir);
	snprintf(dp, sizeof dp, "%s/d.csv", dir);
	FILE *f = fopen(hp, "w");
	assert_non_null(f);
	fputs("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nK1,M,01/06/2012,WBRI,A123456789012,,\n", f);
	fclose(f);
	f = fopen(dp, "w");
	assert_non_null(f);
	fwrite(dolo, 1, sizeof dolo - 1, f);
	fclose(f);
	static const struct { int year; size_t r700; } want[] = {{2027, 1}, {2026, 0}};
	for (size_t k = 0; k < 2; k++) {
		t903_year_given = csc_date_make(want[k].year, 3, 31);
		t903_nissues = t903_nnot_run = 0;
		assert_int_equal(v903_run(t903_ctx(), dir, NULL, CSC_DATADIR "/ref"), 0);
		size_t n = 0;
		for (size_t i = 0; i < t903_nissues; i++)
			if (!strcmp(t903_issues[i].code, "700")) {
				n++;
				assert_string_equal(t903_issues[i].table, "DoLo");
				assert_string_equal(t903_issues[i].field, "DOLO_START");
				assert_int_equal(t903_issues[i].line, 3);
			}
		assert_int_equal(n, want[k].r700);
	}
	t903_year_given = CSC_NODATE;
	unlink(hp);
	unlink(dp);
	rmdir(dir);
}

/* Unreadable input: exit status 3 and nothing run. */
static void test_unreadable_input_is_3(void **state)
{
	(void)state;
	/* a CSV whose header is no 903 table, or an empty one, is not skipped:
	 * the rules would pass over a table they never read (issue 16) */
	static const char *const dirs[] = {DATA "broken", DATA "none", DATA "no-such-folder",
					   DATA "unknown_header", DATA "empty_file"};
	for (size_t i = 0; i < 5; i++) {
		t903_nissues = t903_nnot_run = 0;
		assert_int_equal(v903_run(t903_ctx(), dirs[i], NULL, CSC_DATADIR "/ref"), CSC_EXIT_INPUT);
		assert_int_equal(t903_nissues, 0);
		assert_int_equal(t903_nnot_run, 0);
	}
	/* a broken previous year is as fatal */
	assert_int_equal(v903_run(t903_ctx(), DATA "clean", DATA "broken", CSC_DATADIR "/ref"), CSC_EXIT_INPUT);
}

/* Whatever the bytes, loading never crashes: a seeded run of random and
 * mutated files, each either read or refused. */
/* v903_in: whole codes of a space-separated list only; "_" (and a blank
 * value) for blank; a value holding a space, or a part of a code, is in no
 * list; spaces anywhere in the list. */
static void test_in_list(void **state)
{
	(void)state;
	static const struct { const char *s, *list; int in; } cases[] = {
		{"A", "A B", 1},      {"B", "A B", 1},       {"B", "AB B", 1},
		{"B", "AB BC", 0},    {"A", "AB", 0},        {"AB", "A B", 0},
		{"A B", "A B", 0},    {"A", "  A  ", 1},     {"A", "", 0},
		{"", "_ A", 1},       {"", "A", 0},          {"_", "A _", 1},
		{"", "", 0},          {"C1", "C1", 1},       {"C1", "C11 C12 C1", 1},
		{"C1", "C11 C12", 0}, {"1", "C1 11 1X", 0},  {"V3", "V1  V2   V3", 1},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
		if (v903_in(cases[k].s, cases[k].list) != cases[k].in)
			fail_msg("v903_in(\"%s\", \"%s\") should be %d", cases[k].s, cases[k].list,
				 cases[k].in);
}

/* v903_in_rset over a plain list answers as v903_in: the packed codes
 * (at most 8 bytes each, V903_RSET_MAX of them) and the text scan kept
 * for a longer code or a longer list. */
static void test_in_rset_packed(void **state)
{
	(void)state;
	static const struct { const char *s, *list; int in; } cases[] = {
		{"A", "A B", 1},      {"B", "AB B", 1},      {"B", "AB BC", 0},
		{"AB", "A B", 0},     {"A B", "A B", 0},     {"A", "  A  ", 1},
		{"A", "", 0},         {"", "_ A", 1},        {"", "A", 0},
		{"_", "A _", 1},      {"C1", "C11 C12 C1", 1}, {"C1", "C11 C12", 0},
		/* eight bytes fill the integer: equal, one short, one longer */
		{"ABCDEFGH", "X ABCDEFGH", 1}, {"ABCDEFG", "ABCDEFGH", 0},
		{"ABCDEFGHI", "ABCDEFGH", 0},  {"ABCDEFGH", "ABCDEFG", 0},
		/* a nine-byte code: the list is scanned as text */
		{"ABCDEFGHI", "A ABCDEFGHI", 1}, {"ABCDEFGH", "A ABCDEFGHI", 0},
		{"A", "ABCDEFGHI A", 1},
		/* bytes past ASCII are codes' bytes like any other */
		{"\xc3\xa9", "e \xc3\xa9", 1}, {"\xc3", "\xc3\xa9", 0},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		v903_rset rs;
		v903_rset_list(cases[k].list, &rs);
		if (v903_in_rset(&rs, cases[k].s) != cases[k].in)
			fail_msg("v903_in_rset(\"%s\", \"%s\") should be %d", cases[k].s,
				 cases[k].list, cases[k].in);
		assert_int_equal(v903_in(cases[k].s, cases[k].list), cases[k].in);
	}
	v903_rset rs;
	v903_rset_list("A B", &rs);
	assert_int_equal(rs.ncode, 2);
	v903_rset_list("A ABCDEFGHI", &rs);
	assert_int_equal(rs.ncode, -1);
	/* one code more than V903_RSET_MAX: scanned as text, the last found */
	char big[(V903_RSET_MAX + 1) * 5 + 1], *p = big;
	for (int i = 0; i <= V903_RSET_MAX; i++)
		p += sprintf(p, "%s%04d", i ? " " : "", i);
	v903_rset_list(big, &rs);
	assert_int_equal(rs.ncode, -1);
	char last[8];
	snprintf(last, sizeof last, "%04d", V903_RSET_MAX);
	assert_int_equal(v903_in_rset(&rs, last), 1);
	assert_int_equal(v903_in_rset(&rs, "9999"), 0);
	/* exactly V903_RSET_MAX codes are packed */
	*strrchr(big, ' ') = 0;
	v903_rset_list(big, &rs);
	assert_int_equal(rs.ncode, V903_RSET_MAX);
	snprintf(last, sizeof last, "%04d", V903_RSET_MAX - 1);
	assert_int_equal(v903_in_rset(&rs, last), 1);
	assert_int_equal(v903_in_rset(&rs, "0000"), 1);
}

/* v903_in_set: a named list of the year, "@NAME _" for blank too, an
 * unknown list holds nothing; each set is resolved once and kept, and a
 * set whose text changes at the same address is resolved again. */
static void test_in_set_cached(void **state)
{
	(void)state;
	static const char csv[] = "year,list,code,label,change\n"
				  "2025-26,L1,A,a,base\n2025-26,L1,B,b,base\n"
				  "2025-26,L2,C,c,base\n";
	v_codes *codes = v_codes_load_mem(csv, sizeof csv - 1, "codes.csv", 2026);
	assert_non_null(codes);
	v903_data d;
	v903_init(&d);
	v903_index(&d);
	d.codes = codes;
	assert_int_equal(v903_in_set(&d, "A", "@L1"), 1);
	assert_int_equal(v903_in_set(&d, "C", "@L1"), 0);
	assert_int_equal(v903_in_set(&d, "", "@L1"), 0);
	assert_int_equal(v903_in_set(&d, "", "@L1 _"), 1);
	assert_int_equal(v903_in_set(&d, "B", "@L1 _"), 1);
	assert_int_equal(v903_in_set(&d, "A", "@NOPE"), 0);
	assert_int_equal(v903_in_set(&d, "", "@NOPE _"), 1);
	assert_int_equal(v903_in_set(&d, "C", "A C"), 1); /* a plain list */
	char set[8] = "@L1";
	for (int round = 0; round < 2; round++) { /* the second from the cache */
		strcpy(set, "@L1");
		assert_int_equal(v903_in_set(&d, "A", set), 1);
		assert_int_equal(v903_in_set(&d, "C", set), 0);
		strcpy(set, "@L2");
		assert_int_equal(v903_in_set(&d, "A", set), 0);
		assert_int_equal(v903_in_set(&d, "C", set), 1);
	}
	/* a set too long to keep is resolved each time, the same answer */
	char lng[200];
	memset(lng, 'A', sizeof lng - 1);
	lng[sizeof lng - 1] = 0;
	lng[0] = 'X';
	lng[1] = ' ';
	assert_int_equal(v903_in_set(&d, "X", lng), 1);
	assert_int_equal(v903_in_set(&d, "A", lng), 0);
	/* without a cache (data never indexed) the answers are the same */
	v903_data bare;
	v903_init(&bare);
	bare.codes = codes;
	assert_int_equal(v903_in_set(&bare, "B", "@L1"), 1);
	assert_int_equal(v903_in_set(&bare, "C", "@L1"), 0);
	v903_free(&d);
	v903_free(&bare);
	v_codes_free(codes);
}

/* v903_prefix_cmp orders as strcmp: every pair of strings around the
 * 8-byte prefix (shorter, equal, longer, differing before, at and after
 * it), the empty string, and bytes past 0x7F (unsigned, as strcmp). */
static int sign(int v)
{
	return (v > 0) - (v < 0);
}
static void test_prefix_cmp_is_strcmp(void **state)
{
	(void)state;
	static const char *const s[] = {
		"", "A", "AB", "C000003", "C0000035", "C0000036", "C00000350", "C00000351",
		"C0000035A", "C000003\x7f", "C000003\xc3\xa9", "\xc3\xa9", "B919180000062",
		"B919180000063", "B91918000006", "ZZZZZZZZ", "ZZZZZZZZZ", "1", "10", "9",
	};
	size_t n = sizeof s / sizeof s[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int want = sign(strcmp(s[i], s[j]));
			int got = sign(v903_prefix_cmp(v903_prefix(s[i]), s[i], v903_prefix(s[j]), s[j]));
			if (got != want)
				fail_msg("v903_prefix_cmp(\"%s\", \"%s\") is %d, strcmp %d", s[i], s[j], got,
					 want);
		}
	/* worked by hand: "AB" is 0x4142 followed by six zero bytes */
	assert_true(v903_prefix("AB") == 0x4142000000000000ull);
	assert_true(v903_prefix("") == 0);
	assert_true(v903_prefix("ABCDEFGHIJ") == v903_prefix("ABCDEFGH"));
}

/* The index by child: children numbered in CHILD (strcmp) order across
 * tables, each table's rows by child, then key date (blank first), then
 * file order; run lengths and dates per value worked by hand. */
static void test_index_by_child(void **state)
{
	(void)state;
	v903_data d;
	v903_init(&d);
	/* Episodes in file order: B (2 rows, later DECOM first), A, B (blank DECOM) */
	char *e1[] = {"B", "02/05/2024", "S", "C2", "N1", "U1", "PR1", "", "", ""};
	char *e2[] = {"B", "01/05/2024", "S", "C2", "N1", "U1", "PR1", "02/05/2024", "X1", ""};
	char *e3[] = {"A", "31/02/2024", "S", "C2", "N1", "U1", "PR1", "", "", ""};
	char *e4[] = {"B", "", "S", "C2", "N1", "U1", "PR1", "", "", ""};
	v903_add_row(&d, V9_EPISODES, e1, 10, 2, 0);
	v903_add_row(&d, V9_EPISODES, e2, 10, 3, 0);
	v903_add_row(&d, V9_EPISODES, e3, 10, 4, 0);
	v903_add_row(&d, V9_EPISODES, e4, 10, 5, 0);
	/* Header: C only, a child no episode has; a short row */
	char *h1[] = {" C ", "1", "01/01/2010"};
	v903_add_row(&d, V9_HEADER, h1, 3, 2, 1);
	v903_index(&d);
	assert_int_equal(d.nids, 3);
	assert_int_equal(v903_child_number(&d, "A"), 0);
	assert_int_equal(v903_child_number(&d, "B"), 1);
	assert_int_equal(v903_child_number(&d, "C"), 2);
	assert_int_equal(v903_child_number(&d, "D"), -1);
	const v903_table *ep = &d.t[V9_EPISODES];
	/* A (line 4), then B: blank DECOM (line 5), 01/05 (line 3), 02/05 (line 2) */
	static const long lines[] = {4, 5, 3, 2};
	for (int i = 0; i < 4; i++)
		assert_int_equal(ep->by_child[i]->line, lines[i]);
	assert_int_equal(ep->by_child[0]->child, 0);
	assert_int_equal(ep->by_child[3]->child, 1);
	assert_int_equal(v903_run_len(ep, 0), 1);
	assert_int_equal(v903_run_len(ep, 1), 3);
	assert_int_equal(v903_run_len(ep, 2), 2);
	assert_int_equal(v903_run_len(ep, 3), 1);
	v903_row *const *rows;
	assert_int_equal(v903_child(ep, "C", &rows), 0);
	assert_int_equal(v903_child(ep, "B", &rows), 3);
	assert_int_equal(v903_child(&d.t[V9_HEADER], "C", &rows), 1);
	/* dates: parsed once per value; 31/02 and blank are no date, and a
	 * code is none either */
	assert_int_equal(v903_date(ep->by_child[3], EP_DECOM), csc_date_make(2024, 5, 2));
	assert_int_equal(v903_date(ep->by_child[2], EP_DEC), csc_date_make(2024, 5, 2));
	assert_int_equal(v903_date(ep->by_child[0], EP_DECOM), CSC_NODATE);
	assert_int_equal(v903_date(ep->by_child[1], EP_DECOM), CSC_NODATE);
	assert_int_equal(v903_date(ep->by_child[2], EP_REC), CSC_NODATE);
	/* trimmed value, columns past a short row blank */
	assert_string_equal(rows[0]->f[HD_CHILD], "C");
	assert_int_equal(v903_date(rows[0], HD_DOB), csc_date_make(2010, 1, 1));
	assert_string_equal(rows[0]->f[HD_MC_DOB], "");
	assert_int_equal(v903_date(rows[0], HD_MC_DOB), CSC_NODATE);
	v903_free(&d);
	/* one child with many rows (sorted by qsort, not by insertion): 20
	 * reviews on three dates in turn, 03/01, 01/01, 02/01, ... */
	static const char *const days[] = {"03/01/2025", "01/01/2025", "02/01/2025"};
	for (int i = 0; i < 20; i++) {
		char *rv[] = {"Z", "", (char *)days[i % 3], "PN1"};
		v903_add_row(&d, V9_REVIEWS, rv, 4, 2 + i, 0);
	}
	v903_index(&d);
	const v903_table *rt = &d.t[V9_REVIEWS];
	assert_int_equal(v903_run_len(rt, 0), 20);
	/* 01/01 on lines 3, 6, ..., 21 (7 rows), 02/01 on 4, ..., 19 (6), 03/01 on 2, ..., 20 (7) */
	static const long want[20] = {3, 6, 9, 12, 15, 18, 21, 4, 7, 10, 13, 16, 19,
				      2, 5, 8, 11, 14, 17, 20};
	for (int i = 0; i < 20; i++)
		assert_int_equal(rt->by_child[i]->line, want[i]);
	/* v903_child_of: a row's own data by its number; a row of other data
	 * (numbered there) by its CHILD */
	v903_data o;
	v903_init(&o);
	char *oa[] = {"A"}, *oz[] = {"Z"};
	v903_add_row(&o, V9_HEADER, oa, 1, 2, 0);
	v903_add_row(&o, V9_HEADER, oz, 1, 3, 0);
	v903_index(&o);
	const v903_row *oz_row = o.t[V9_HEADER].by_child[1];
	assert_int_equal(oz_row->child, 1);
	assert_int_equal(d.t[V9_REVIEWS].by_child[0]->child, 0);
	assert_int_equal(v903_child_of(rt, oz_row, &rows), 20);
	assert_ptr_equal(rows, rt->by_child);
	assert_int_equal(v903_child_of(rt, rt->by_child[5], &rows), 20);
	assert_int_equal(v903_child_of(&o.t[V9_HEADER], rt->by_child[5], &rows), 1);
	assert_ptr_equal(rows[0], oz_row);
	assert_int_equal(v903_child_of(&d.t[V9_HEADER], oz_row, &rows), 0);
	assert_null(rows);
	v903_free(&o);
	v903_free(&d);
	/* no rows at all */
	v903_index(&d);
	assert_int_equal(d.nids, 0);
	assert_int_equal(v903_child_number(&d, "A"), -1);
	v903_free(&d);
}

static void test_hostile_bytes(void **state)
{
	(void)state;
	char dir[] = "/tmp/v903_fuzz_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/t.csv", dir);
	static const char base[] =
		"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
		"PL_POST,URN\nK1,01/05/2025,S,C2,N1,U1,PR1,,,,AB1 2CD,AB3 4EF,SC123456\n";
	unsigned seed = 12345;
	fflush(stderr);
	int saved = dup(2);
	FILE *null = freopen("/dev/null", "w", stderr); /* the diagnostics are expected */
	assert_non_null(null);
	for (int round = 0; round < 200; round++) {
		char buf[sizeof base + 64];
		size_t n = sizeof base - 1;
		memcpy(buf, base, n);
		for (int k = 0; k < 1 + round % 8; k++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % n;
			if (round < 100) /* keep the header: mutate the data row */
				at = 120 + at % (n - 120);
			buf[at] = (char)(seed >> 16);
		}
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fwrite(buf, 1, n, f);
		fclose(f);
		v903_data d;
		v903_init(&d);
		int rc = v903_load(&d, dir);
		assert_true(rc == 0 || rc == -1);
		v903_derive_year(&d);
		v903_free(&d);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	csc_diag_quiet(1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_odd_folder),
		cmocka_unit_test(test_year_from_latest_episode_or_review),
		cmocka_unit_test(test_sex_codes_follow_the_year),
		cmocka_unit_test(test_clean_return_has_no_issues),
		cmocka_unit_test(test_run_uses_given_year),
		cmocka_unit_test(test_run_reports_child_field_line),
		cmocka_unit_test(test_dolo_table),
		cmocka_unit_test(test_unreadable_input_is_3),
		cmocka_unit_test(test_in_list),
		cmocka_unit_test(test_in_rset_packed),
		cmocka_unit_test(test_in_set_cached),
		cmocka_unit_test(test_prefix_cmp_is_strcmp),
		cmocka_unit_test(test_index_by_child),
		cmocka_unit_test(test_hostile_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
