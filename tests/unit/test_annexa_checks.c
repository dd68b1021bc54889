/* The Annex A Checks sheet when the findings outnumber its rows
 * (annexa/aa_checks.c): the sheet is given 5 rows (Excel's 1,048,576 in a
 * real run), so row 1 holds the headers, rows 2-4 three findings, and row
 * 5, the last, is kept for "N more findings not shown" when there are more;
 * the CSV holds every finding. Worked by hand:
 *   0 findings: the headers, then a row "none" (0 findings), no note;
 *   3 findings: rows 2-4, no note (nothing is missing);
 *   4 findings: rows 2-4, row 5 "1 more finding not shown ... All 4";
 *   10 findings: rows 2-4, row 5 "7 more findings not shown ... All 10".
 * The sheet is read back with openpyxl (Debian's python3-openpyxl, scripts/deps.sh;
 * /usr/bin/python3 as tests/e2e/lib.sh, not a python on PATH without it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annexa/aa_checks.h"
#include "annexa/aa_data.h"

static char base[64];

static int setup(void **state)
{
	(void)state;
	strcpy(base, "/tmp/cscpipe-aachecks.XXXXXX");
	return mkdtemp(base) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
	return system(cmd) == 0 ? 0 : -1;
}

/* Write n findings ("f1".."fn" in the detail column) to a workbook whose
 * Checks sheet holds 5 rows; the sheet's column A row by row ("|" after
 * each) into sheet, the CSV's lines into lines. */
static void run(int n, char *sheet, size_t ns, int *lines)
{
	char x[128], csv[128];
	snprintf(x, sizeof x, "%s/a-%d.xlsx", base, n);
	snprintf(csv, sizeof csv, "%s/a-%d-checks.csv", base, n);
	xl_book *b = xl_open_streaming(x, "t", "c", "test", 20000);
	assert_non_null(b);
	aa_checks c;
	assert_int_equal(aa_checks_open(&c, csv, b, xl_sheet(b, "Checks")), 0);
	assert_int_equal(c.max_rows, XL_MAX_ROWS);
	c.max_rows = 5;
	for (int i = 1; i <= n; i++) {
		char f[16];
		snprintf(f, sizeof f, "f%d", i);
		aa_checks_add(&c, f, "List 1", i + 1, "C1", NULL, NULL, NULL, 0, "why");
	}
	aa_data d;
	memset(&d, 0, sizeof d);
	/* base holds no rejects_*.csv: only the findings above */
	assert_int_equal(aa_checks_finish(&c, &d, base), 0);
	assert_int_equal(xl_close(b), 0);
	assert_int_equal(aa_checks_commit(&c), 0);
	assert_int_equal(xl_publish(b), 0);

	char cmd[512];
	snprintf(cmd, sizeof cmd,
		 "/usr/bin/python3 -c 'import openpyxl,sys\n"
		 "ws = openpyxl.load_workbook(sys.argv[1])[\"Checks\"]\n"
		 "for r in ws.iter_rows(min_col=1, max_col=1, values_only=True):\n"
		 "    sys.stdout.write((r[0] or \"\") + \"|\")' '%s'", x);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t k = fread(sheet, 1, ns - 1, p);
	sheet[k] = '\0';
	assert_int_equal(pclose(p), 0);
	FILE *f = fopen(csv, "r");
	assert_non_null(f);
	*lines = 0;
	for (int ch; (ch = fgetc(f)) != EOF;)
		*lines += ch == '\n';
	fclose(f);
}

/* n findings: the sheet's column A, and the CSV's lines (header + n) */
static const struct {
	int n;
	const char *sheet;
} cases[] = {
	{0, "check|none|"},
	{3, "check|f1|f2|f3|"},
	{4, "check|f1|f2|f3|1 more finding not shown: the sheet is full. All 4 are in "
	    "a-4-checks.csv.|"},
	{10, "check|f1|f2|f3|7 more findings not shown: the sheet is full. All 10 are in "
	     "a-10-checks.csv.|"},
};

static void overflow(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char s[1024];
		int lines;
		run(cases[i].n, s, sizeof s, &lines);
		assert_string_equal(s, cases[i].sheet);
		assert_int_equal(lines, cases[i].n + 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(overflow),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
