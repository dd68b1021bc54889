/* CSV reading (encodings, line numbers, limits) and writing (quoting,
 * formula guard, number formatting). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_csvr.h"
#include "csc_csvw.h"
#include "csc_diag.h"

struct seen {
	int rows;
	long lines[16];
	char cell[16][4][64];
	int nf[16];
};

static int collect(void *ctx, const csc_row *row)
{
	struct seen *s = ctx;
	if (s->rows < 16) {
		s->lines[s->rows] = row->line;
		s->nf[s->rows] = row->n;
		for (int i = 0; i < row->n && i < 4; i++)
			snprintf(s->cell[s->rows][i], 64, "%s", row->f[i]);
	}
	s->rows++;
	return 0;
}

static int read_str(const char *text, size_t n, struct seen *s)
{
	memset(s, 0, sizeof *s);
	return csc_csv_read_mem(text, n, "t.csv", collect, s);
}

static void test_plain_and_line_numbers(void **state)
{
	(void)state;
	struct seen s;
	const char t[] = "a,b\n1,2\n\n3,\"x\ny\"\n4,5\n";
	assert_int_equal(read_str(t, sizeof t - 1, &s), 0);
	assert_int_equal(s.rows, 4);
	assert_int_equal(s.lines[0], 1);
	assert_int_equal(s.lines[1], 2);
	assert_int_equal(s.lines[2], 4); /* blank line 3 skipped */
	assert_string_equal(s.cell[2][1], "x\ny");
	assert_int_equal(s.lines[3], 6); /* after a two-line row */
}

static void test_bom_crlf(void **state)
{
	(void)state;
	struct seen s;
	const char t[] = "\xEF\xBB\xBF" "CHILD,DOB\r\n1,01/02/2020\r\n";
	assert_int_equal(read_str(t, sizeof t - 1, &s), 0);
	assert_int_equal(s.rows, 2);
	assert_string_equal(s.cell[0][0], "CHILD");
	assert_string_equal(s.cell[1][1], "01/02/2020");
	assert_int_equal(s.lines[1], 2);
}

static void test_windows_1252_to_utf8(void **state)
{
	(void)state;
	struct seen s;
	/* "Zoë" and a curly apostrophe and a euro sign in Windows-1252 */
	const char t[] = "name\nZo\xEB O\x92Neil \x80\n";
	assert_int_equal(read_str(t, sizeof t - 1, &s), 0);
	assert_string_equal(s.cell[1][0], "Zo\xC3\xAB O\xE2\x80\x99Neil \xE2\x82\xAC");
	/* valid UTF-8 is left alone */
	const char u[] = "name\nZo\xC3\xAB\n";
	assert_int_equal(read_str(u, sizeof u - 1, &s), 0);
	assert_string_equal(s.cell[1][0], "Zo\xC3\xAB");
}

static void test_structural_errors(void **state)
{
	(void)state;
	struct seen s;
	capture_start();
	int rc = read_str("a,b\n1,\"open\n2,3\n", 16, &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: unterminated quoted field"));

	capture_start();
	rc = read_str("\xFF\xFE" "a\0b\0", 6, &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "UTF-16"));

	capture_start();
	rc = read_str("a,b\n1,x\0y\n", 10, &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: NUL byte"));

	capture_start();
	rc = read_str("a\n\x81\n", 4, &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: byte 0x81"));
}

static void test_field_limit(void **state)
{
	(void)state;
	size_t big = CSC_CSV_MAX_FIELD + 10;
	char *t = malloc(big + 8);
	memcpy(t, "a\n", 2);
	memset(t + 2, 'x', big);
	t[2 + big] = '\n';
	struct seen s;
	capture_start();
	int rc = read_str(t, big + 3, &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: field longer than"));
	/* a 1 MB (10^6 byte) field is within the limit and read whole */
	memset(t + 2, 'y', 1000000);
	t[2 + 1000000] = '\n';
	assert_int_equal(read_str(t, 1000003, &s), 0);
	assert_int_equal(s.rows, 2);
	free(t);
}

static void test_key_normalisation(void **state)
{
	(void)state;
	char k[64];
	csc_csv_key(" Date of Contact ", k, sizeof k);
	assert_string_equal(k, "dateofcontact");
	csc_csv_key("Child_Unique-ID", k, sizeof k);
	assert_string_equal(k, "childuniqueid");
}

static void test_writer(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	csc_csvw w;
	csc_csvw_init(&w, f);
	csc_csvw_str(&w, "plain");
	csc_csvw_str(&w, "a,b");
	csc_csvw_str(&w, "say \"hi\"");
	csc_csvw_text(&w, "=HYPERLINK(\"x\")");
	csc_csvw_text(&w, "-5");
	csc_csvw_text(&w, "-");
	csc_csvw_str(&w, NULL);
	csc_csvw_end(&w);
	csc_csvw_double(&w, 22.8);
	csc_csvw_double(&w, 100.0 / 3.0);
	csc_csvw_date(&w, csc_date_make(2024, 2, 29));
	csc_csvw_long(&w, -12);
	csc_csvw_end(&w);
	fclose(f);
	assert_string_equal(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",'-5,-,\n"
				 "22.8,33.333333333333336,2024-02-29,-12\n");
	free(buf);
}

/* Every branch of the C-string fast path: plain, empty, quoting characters
 * (comma, quote, LF, CR) anywhere, formula characters first in text fields
 * only, a lone + or - left alone, @ and tab guarded even alone. */
static void test_writer_strings(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	csc_csvw w;
	csc_csvw_init(&w, f);
	csc_csvw_str(&w, "");
	csc_csvw_str(&w, "=1+2");      /* str: never guarded */
	csc_csvw_str(&w, "end,");
	csc_csvw_str(&w, "a\nb");
	csc_csvw_str(&w, "a\rb");
	csc_csvw_text(&w, "");
	csc_csvw_text(&w, "+");
	csc_csvw_text(&w, "+44 20");
	csc_csvw_text(&w, "@");
	csc_csvw_text(&w, "\tx");
	csc_csvw_text(&w, "a=b");     /* not first: plain */
	csc_csvw_text(&w, "-1,2");    /* guard and quotes */
	csc_csvw_end(&w);
	fclose(f);
	assert_string_equal(buf, ",=1+2,\"end,\",\"a\nb\",\"a\rb\",,+,'+44 20,'@,'\tx,a=b,\"'-1,2\"\n");
	free(buf);
}

int main(void)
{
	csc_diag_init("test");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_line_numbers),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_windows_1252_to_utf8),
		cmocka_unit_test(test_structural_errors),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_key_normalisation),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_writer_strings),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
