/* Report templates: a good template, every error at its line, and hostile
 * bytes that must be refused without a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_diag.h"
#include "../../load/report_tpl.h"

#define HEAD "report = highlight\nperiods = months\ncolumns = good periods rag notes\n"

static report_tpl *parse(const char *text)
{
	return report_tpl_parse("t.tpl", text, strlen(text));
}

/* Parse text that must fail; returns the first diagnostic line. */
static const char *bad(const char *text)
{
	capture_start();
	report_tpl *t = parse(text);
	const char *out = capture_end();
	assert_null(t);
	static char first[512];
	size_t n = strcspn(out, "\n");
	if (n >= sizeof first)
		n = sizeof first - 1;
	memcpy(first, out, n);
	first[n] = '\0';
	return first;
}

static void good_template(void **state)
{
	(void)state;
	report_tpl *t = parse("# comment\n" HEAD "title = Board report\ncompare = year\n\n"
		       "[Front door]\ntitle = Front door: contacts\n"
		       "row = FD01 |  | Contacts received | chart\n"
		       "row = FD02 | | Reduced % in contacts resulting in a referral\n"
		       "[Care leavers]\r\nrow = CL01 | 17-18 | In touch, 17-18\r\n");
	assert_non_null(t);
	assert_string_equal(t->report, "highlight");
	assert_string_equal(t->title, "Board report");
	assert_int_equal(t->periods, REPORT_TPL_MONTHS);
	assert_int_equal(t->compare, REPORT_TPL_CMP_YEAR);
	assert_int_equal(t->ncols, 4);
	assert_int_equal(t->cols[0], REPORT_TPL_COL_GOOD);
	assert_int_equal(t->cols[1], REPORT_TPL_COL_PERIODS);
	assert_int_equal(t->cols[3], REPORT_TPL_COL_NOTES);
	assert_int_equal(t->nsheets, 2);
	assert_string_equal(t->sheets[0].name, "Front door");
	assert_string_equal(t->sheets[0].title, "Front door: contacts");
	assert_int_equal(t->sheets[0].nrows, 2);
	assert_string_equal(t->sheets[0].rows[0].measure, "FD01");
	assert_string_equal(t->sheets[0].rows[0].breakdown, "");
	assert_int_equal(t->sheets[0].rows[0].chart, 1);
	assert_int_equal(t->sheets[0].rows[0].line, 10);
	assert_string_equal(t->sheets[0].rows[1].text,
			    "Reduced % in contacts resulting in a referral");
	assert_int_equal(t->sheets[0].rows[1].chart, 0);
	assert_string_equal(t->sheets[1].name, "Care leavers");
	assert_string_equal(t->sheets[1].title, "Care leavers"); /* default */
	assert_string_equal(t->sheets[1].rows[0].breakdown, "17-18");
	assert_string_equal(t->sheets[1].rows[0].text, "In touch, 17-18");
	report_tpl_free(t);
}

/* A headcount row: the same measure again with `number`, and the n and N
 * columns. */
static void number_rows_and_columns(void **state)
{
	(void)state;
	report_tpl *t = parse("report = highlight\nperiods = months\n"
		       "columns = periods number out_of notes\n[A]\n"
		       "row = LA01 | | Rate | chart\n"
		       "row = LA01 | | Number |  number   chart \n"
		       "row = LA02 | started | Started | number\n");
	assert_non_null(t);
	assert_int_equal(t->ncols, 4);
	assert_int_equal(t->cols[1], REPORT_TPL_COL_NUM);
	assert_int_equal(t->cols[2], REPORT_TPL_COL_DEN);
	assert_string_equal(report_tpl_col_header(REPORT_TPL_COL_NUM), "Number (n)");
	assert_string_equal(report_tpl_col_header(REPORT_TPL_COL_DEN), "Out of (N)");
	assert_int_equal(t->sheets[0].nrows, 3);
	assert_int_equal(t->sheets[0].rows[0].number, 0);
	assert_int_equal(t->sheets[0].rows[0].chart, 1);
	assert_int_equal(t->sheets[0].rows[1].number, 1);
	assert_int_equal(t->sheets[0].rows[1].chart, 1);
	assert_int_equal(t->sheets[0].rows[2].number, 1);
	assert_int_equal(t->sheets[0].rows[2].chart, 0);
	report_tpl_free(t);
}

static void default_compare(void **state)
{
	(void)state;
	report_tpl *t = parse("report = quarterly\nperiods = quarters\ncolumns = periods\n[A]\nrow = X1||t\n");
	assert_non_null(t);
	assert_int_equal(t->compare, REPORT_TPL_CMP_YEAR);
	report_tpl_free(t);
}

static void errors_at_their_line(void **state)
{
	(void)state;
	csc_diag_init("csc-load-report");
	assert_string_equal(bad(HEAD "[A]\nrow = fd01 | | x\n"),
			    "csc-load-report: t.tpl:5: bad measure ID 'fd01' (upper-case letters and digits)");
	assert_string_equal(bad(HEAD "[A]\nrow = FD01 | |\n"),
			    "csc-load-report: t.tpl:5: row text must be 1 to 1024 bytes");
	assert_string_equal(bad(HEAD "[A]\nrow = FD01 | | x | pie\n"),
			    "csc-load-report: t.tpl:5: the fourth field may hold 'chart' and 'number', each once (got 'pie')");
	assert_string_equal(bad(HEAD "[A]\nrow = FD01 | | x | chart chart\n"),
			    "csc-load-report: t.tpl:5: the fourth field may hold 'chart' and 'number', each once (got 'chart chart')");
	assert_string_equal(bad(HEAD "[A]\nrow = FD01 | | x | charts\n"),
			    "csc-load-report: t.tpl:5: the fourth field may hold 'chart' and 'number', each once (got 'charts')");
	assert_string_equal(bad(HEAD "[A]\nrow = FD01 | | x | number\nrow = FD01 | | y | number chart\n"),
			    "csc-load-report: t.tpl:6: row FD01 '' already on line 5");
	assert_string_equal(bad(HEAD "[A]\nrow = FD01 | | x\nrow = FD01 | | y\n"),
			    "csc-load-report: t.tpl:6: row FD01 '' already on line 5");
	assert_string_equal(bad(HEAD "[Cover]\nrow = FD01 | | x\n"),
			    "csc-load-report: t.tpl:4: sheet name is reserved for a fixed sheet");
	assert_string_equal(bad(HEAD "[A/B]\nrow = FD01 | | x\n"),
			    "csc-load-report: t.tpl:4: sheet name may not contain [ ] : * ? / \\ or '");
	assert_string_equal(bad(HEAD "[An extremely long strand sheet name]\nrow = FD01 | | x\n"),
			    "csc-load-report: t.tpl:4: sheet name is longer than 31 characters");
	assert_string_equal(bad(HEAD "[A]\nrow = FD01 | | x\n[a]\nrow = FD01 | | x\n"),
			    "csc-load-report: t.tpl:6: sheet 'a' defined twice");
	assert_string_equal(bad(HEAD "[A]\n"), "csc-load-report: t.tpl:4: sheet 'A' has no rows");
	assert_string_equal(bad("report = highlight\nperiods = weeks\n"),
			    "csc-load-report: t.tpl:2: periods must be months or quarters (got 'weeks')");
	assert_string_equal(bad("report = highlight\nperiods = months\ncolumns = good rag\n[A]\nrow=X||y\n"),
			    "csc-load-report: t.tpl:3: columns must include 'periods'");
	assert_string_equal(bad("report = highlight\nperiods = months\ncolumns = periods rag rag\n"),
			    "csc-load-report: t.tpl:3: column 'rag' listed twice");
	assert_string_equal(bad(HEAD "colour = red\n"),
			    "csc-load-report: t.tpl:4: unknown key 'colour' before the first [sheet]");
	assert_string_equal(bad(HEAD "report = quarterly\n"),
			    "csc-load-report: t.tpl:4: 'report' set twice");
	assert_string_equal(bad(HEAD "[A]\nwidth = 3\n"),
			    "csc-load-report: t.tpl:5: unknown key 'width' in a sheet (title, row)");
	assert_string_equal(bad(HEAD "just words\n"),
			    "csc-load-report: t.tpl:4: expected 'key = value' or '[Sheet name]'");
	assert_string_equal(bad(HEAD "[A\n"),
			    "csc-load-report: t.tpl:4: section header must be '[Sheet name]'");
	assert_string_equal(bad("periods = months\ncolumns = periods\n[A]\nrow = X||y\n"),
			    "csc-load-report: t.tpl:4: missing 'report ='");
	assert_string_equal(bad(""), "csc-load-report: t.tpl:1: missing 'report ='");
	assert_string_equal(bad("report = High Light\n"),
			    "csc-load-report: t.tpl:1: report name must be 1-32 of a-z, 0-9, - (got 'High Light')");
}

static void hostile_bytes(void **state)
{
	(void)state;
	static const char nul[] = HEAD "[A]\nrow = FD01 | | x\0y\n";
	capture_start();
	report_tpl *t = report_tpl_parse("t.tpl", nul, sizeof nul - 1);
	const char *out = capture_end();
	assert_null(t);
	assert_non_null(strstr(out, "t.tpl:5: line is not UTF-8 text"));

	assert_non_null(strstr(bad(HEAD "[A]\nrow = FD01 | | caf\xe9\n"), "t.tpl:5: line is not UTF-8"));
	assert_non_null(strstr(bad(HEAD "[A]\nrow = FD01 | | \xc0\xaf\n"), "t.tpl:5: line is not UTF-8"));
	assert_non_null(strstr(bad(HEAD "[A]\nrow = FD01 | | \xed\xa0\x80\n"), "t.tpl:5: line is not UTF-8"));
	assert_non_null(strstr(bad(HEAD "[A]\nrow = FD01 | | \x1b[31m\n"), "t.tpl:5: line is not UTF-8"));
	assert_non_null(strstr(bad(HEAD "[A]\nrow = FD01 | | \xe2\x82"), "t.tpl:5: line is not UTF-8"));

	size_t n = 10000;
	char *big = malloc(n + 1);
	memset(big, 'a', n);
	big[n] = '\0';
	assert_non_null(strstr(bad(big), "t.tpl:1: line longer than 4096 bytes"));
	free(big);

	/* A valid UTF-8 row text and a 31-character name with accents. */
	report_tpl *ok = parse(HEAD "[Cafés et crèches à 31 caractère]\nrow = FD01 | | Café ✓\n");
	assert_non_null(ok);
	report_tpl_free(ok);
}

/* Seeded random mutations of a good template: never a crash or overrun
 * (run under SANITIZE=1 for the memory checks). */
static void mutations_do_not_crash(void **state)
{
	(void)state;
	static const char base[] = HEAD "[Front door]\ntitle = T\nrow = FD01 | <3m | text | chart\n";
	unsigned seed = 12345;
	char buf[sizeof base + 64];
	capture_start();
	for (int i = 0; i < 20000; i++) {
		size_t n = sizeof base - 1;
		memcpy(buf, base, n);
		int edits = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 8;
		for (int e = 0; e < edits; e++) {
			seed = seed * 1103515245u + 12345u;
			size_t at = (seed >> 8) % n;
			seed = seed * 1103515245u + 12345u;
			buf[at] = (char)(seed >> 16);
			if ((seed >> 24) % 4 == 0 && n > 1)
				n = at + 1; /* truncate */
		}
		report_tpl_free(report_tpl_parse("fuzz.tpl", buf, n));
	}
	capture_end();
}

int main(void)
{
	csc_diag_init("csc-load-report");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_template),
		cmocka_unit_test(number_rows_and_columns),
		cmocka_unit_test(default_compare),
		cmocka_unit_test(errors_at_their_line),
		cmocka_unit_test(hostile_bytes),
		cmocka_unit_test(mutations_do_not_crash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
