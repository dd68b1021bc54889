/* test_csvcols.c - csc_csv_read_cols: the header-mapped reader shared by
 * the transform (staging) and load (the transform's outputs), and its pull
 * form (csc_cols_open, csc-returns). Every case
 * worked by hand from the few bytes it reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "capture.h"
#include "csc_csvcols.h"
#include "csc_csvr.h"
#include "csc_diag.h"

/* Rows seen, each as "line:v0|v1|..." joined by ';'. */
struct seen {
	char buf[512];
	int ncols, stop_at; /* stop_at: return 7 on that data row (1-based), 0 never */
	int rows;
};

static int collect(void *vctx, char **v, long line)
{
	struct seen *s = vctx;
	size_t n = strlen(s->buf);
	n += (size_t)snprintf(s->buf + n, sizeof s->buf - n, "%s%ld:", n ? ";" : "", line);
	for (int i = 0; i < s->ncols; i++)
		n += (size_t)snprintf(s->buf + n, sizeof s->buf - n, "%s%s", i ? "|" : "", v[i]);
	return ++s->rows == s->stop_at ? 7 : 0;
}

static int read_mem(const char *csv, const char *const *cols, int ncols, struct seen *s)
{
	memset(s, 0, sizeof *s);
	s->ncols = ncols;
	return csc_csv_read_cols_mem(csv, strlen(csv), "t.csv", NULL, cols, ncols, collect, s);
}

/* Columns come in the caller's order whatever the file's; others are ignored. */
static void reorders_and_ignores(void **state)
{
	(void)state;
	static const char *const cols[] = {"c", "a"};
	struct seen s;
	assert_int_equal(read_mem("a,b,c\n1,2,3\n4,5,6\n", cols, 2, &s), 0);
	assert_string_equal(s.buf, "2:3|1;3:6|4");
}

/* Two columns of one name: the last is read. */
static void last_of_equal_names(void **state)
{
	(void)state;
	static const char *const cols[] = {"a"};
	struct seen s;
	assert_int_equal(read_mem("a,a\nfirst,second\n", cols, 1, &s), 0);
	assert_string_equal(s.buf, "2:second");
}

static void missing_column(void **state)
{
	(void)state;
	static const char *const cols[] = {"a", "zz"};
	struct seen s;
	capture_start();
	int rc = read_mem("a,b\n1,2\n", cols, 2, &s);
	const char *err = capture_end();
	assert_int_equal(rc, CSC_COLS_BAD);
	assert_int_equal(s.rows, 0);
	assert_string_equal(err, "test: t.csv:1: header has no column 'zz'\n");
}

/* `what` names the header row in that message. */
static void missing_column_what(void **state)
{
	(void)state;
	static const char *const cols[] = {"zz"};
	capture_start();
	int rc = csc_csv_read_cols_mem("a\n1\n", 4, "s.csv", "staging header", cols, 1, collect,
				       &(struct seen){.ncols = 1});
	const char *err = capture_end();
	assert_int_equal(rc, CSC_COLS_BAD);
	assert_string_equal(err, "test: s.csv:1: staging header has no column 'zz'\n");
}

/* A row ending before a wanted column stops the read there, reported. */
static void short_row(void **state)
{
	(void)state;
	static const char *const cols[] = {"a", "c"};
	struct seen s;
	capture_start();
	int rc = read_mem("a,b,c\n1,2,3\n4,5\n7,8,9\n", cols, 2, &s);
	const char *err = capture_end();
	assert_int_equal(rc, CSC_COLS_BAD);
	assert_string_equal(s.buf, "2:1|3");
	assert_string_equal(err, "test: t.csv:3: row has 2 fields, no column 'c'\n");
}

/* A blank line is no row (csc_csv_read skips it), whatever is wanted. */
static void blank_line(void **state)
{
	(void)state;
	static const char *const two[] = {"a", "b"};
	struct seen s;
	assert_int_equal(read_mem("a,b\n1,2\n\n3,4\n", two, 2, &s), 0);
	assert_string_equal(s.buf, "2:1|2;4:3|4");
}

/* The callback's non-zero value stops the read and is returned. */
static void callback_stops(void **state)
{
	(void)state;
	static const char *const cols[] = {"a"};
	struct seen s = {.ncols = 1, .stop_at = 2};
	assert_int_equal(csc_csv_read_cols_mem("a\n1\n2\n3\n", 8, "t.csv", NULL, cols, 1,
					       collect, &s),
			 7);
	assert_string_equal(s.buf, "2:1;3:2");
}

/* A header only: no rows, success. An empty file: csc_csv_read's answer. */
static void header_only(void **state)
{
	(void)state;
	static const char *const cols[] = {"a"};
	struct seen s;
	assert_int_equal(read_mem("a\n", cols, 1, &s), 0);
	assert_int_equal(s.rows, 0);
}

static void too_many_columns(void **state)
{
	(void)state;
	static const char *cols[CSC_COLS_MAX + 1];
	for (int i = 0; i <= CSC_COLS_MAX; i++)
		cols[i] = "a";
	struct seen s;
	capture_start();
	int rc = read_mem("a\n1\n", cols, CSC_COLS_MAX + 1, &s);
	const char *err = capture_end();
	assert_int_equal(rc, CSC_COLS_BAD);
	assert_int_equal(s.rows, 0);
	assert_non_null(strstr(err, "65 columns wanted, at most 64"));
	/* exactly the maximum is read */
	assert_int_equal(read_mem("a\n1\n", cols, CSC_COLS_MAX, &s), 0);
	assert_int_equal(s.rows, 1);
}

static void missing_file(void **state)
{
	(void)state;
	static const char *const cols[] = {"a"};
	capture_start();
	int rc = csc_csv_read_cols("/nonexistent/x.csv", NULL, NULL, cols, 1, collect,
				   &(struct seen){.ncols = 1});
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "/nonexistent/x.csv"));
}

/* ---- the pull reader (csc_cols_open / csc_cols_next) ---- */

static char tmpl[] = "/tmp/test_csvcols.XXXXXX";

/* A file holding csv; its path in tmpl. */
static const char *file_of(const char *csv)
{
	strcpy(tmpl, "/tmp/test_csvcols.XXXXXX");
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	return tmpl;
}

/* Pull every row of path as "line:v0|v1" joined by ';' into buf; the last
 * csc_cols_next status in *end. NULL when csc_cols_open refused it. */
static const char *pull(const char *path, const char *const *cols, int ncols, char *buf,
			size_t cap, int *end)
{
	csc_cols_reader *r = csc_cols_open(path, "t.csv", NULL, cols, ncols);
	if (!r)
		return NULL;
	size_t n = 0;
	buf[0] = '\0';
	char **v;
	long line;
	while ((*end = csc_cols_next(r, &v, &line)) == 1) {
		n += (size_t)snprintf(buf + n, cap - n, "%s%ld:", n ? ";" : "", line);
		for (int i = 0; i < ncols; i++)
			n += (size_t)snprintf(buf + n, cap - n, "%s%s", i ? "|" : "", v[i]);
	}
	csc_cols_close(r);
	return buf;
}

/* The rows the push reader hands over, in the same order with the same
 * lines: a byte-order mark, CRLF, a quoted field with a comma, a quote and
 * a line end (so the next row is on line 5), a blank line, columns in the
 * caller's order. */
static void pull_reads_as_push(void **state)
{
	(void)state;
	static const char csv[] = "\xEF\xBB\xBF" "a,b,c\r\n1,2,3\r\n\r\n\"x,\"\"y\"\"\nz\",5,6\n7,8,9";
	static const char *const cols[] = {"c", "a"};
	char buf[256];
	int end = 9;
	const char *path = file_of(csv);
	assert_non_null(pull(path, cols, 2, buf, sizeof buf, &end));
	assert_string_equal(buf, "2:3|1;4:6|x,\"y\"\nz;6:9|7");
	assert_int_equal(end, 0);
	struct seen s;
	assert_int_equal(read_mem(csv, cols, 2, &s), 0);
	assert_string_equal(s.buf, buf);
	unlink(path);
}

/* Refused at open, each with its message: a missing column, an empty file
 * (no header row), a file that is not there. A short row stops the read
 * with -1 at its line, after the rows before it. */
static void pull_errors(void **state)
{
	(void)state;
	static const char *const cols[] = {"a", "b"};
	char buf[256];
	int end = 9;
	const char *path = file_of("a,c\n1,2\n");
	capture_start();
	const char *got = pull(path, cols, 2, buf, sizeof buf, &end);
	const char *err = capture_end();
	assert_null(got);
	assert_string_equal(err, "test: t.csv:1: header has no column 'b'\n");
	unlink(path);

	path = file_of("");
	capture_start();
	got = pull(path, cols, 2, buf, sizeof buf, &end);
	err = capture_end();
	assert_null(got);
	assert_string_equal(err, "test: t.csv:1: no header row\n");
	unlink(path);

	capture_start();
	assert_null(csc_cols_open("/nonexistent/x.csv", NULL, NULL, cols, 2));
	err = capture_end();
	assert_non_null(strstr(err, "test: /nonexistent/x.csv: "));

	path = file_of("b,a\n1,2\n3\n4,5\n");
	capture_start();
	got = pull(path, cols, 2, buf, sizeof buf, &end);
	err = capture_end();
	assert_string_equal(got, "2:2|1");
	assert_int_equal(end, -1);
	assert_string_equal(err, "test: t.csv:3: row has 1 fields, no column 'a'\n");
	unlink(path);
}

/* A structural error (an unclosed quote) is -1, and so is every call after it. */
static void pull_structural(void **state)
{
	(void)state;
	const char *path = file_of("a\n1\n\"open\n");
	csc_csv_reader *r = csc_csv_open(path, "t.csv", 0);
	assert_non_null(r);
	csc_row row;
	assert_int_equal(csc_csv_next(r, &row), 1);
	assert_int_equal(row.index, 0);
	assert_int_equal(csc_csv_next(r, &row), 1);
	assert_string_equal(row.f[0], "1");
	assert_int_equal(row.line, 2);
	capture_start();
	int k = csc_csv_next(r, &row);
	const char *err = capture_end();
	assert_int_equal(k, -1);
	assert_non_null(strstr(err, "test: t.csv:3: "));
	assert_int_equal(csc_csv_next(r, &row), -1);
	csc_csv_close(r);
	unlink(path);
}

int main(void)
{
	csc_diag_init("test");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reorders_and_ignores), cmocka_unit_test(last_of_equal_names),
		cmocka_unit_test(missing_column),       cmocka_unit_test(missing_column_what),
		cmocka_unit_test(short_row),            cmocka_unit_test(blank_line),
		cmocka_unit_test(callback_stops),       cmocka_unit_test(header_only),
		cmocka_unit_test(too_many_columns),     cmocka_unit_test(missing_file),
		cmocka_unit_test(pull_reads_as_push),   cmocka_unit_test(pull_errors),
		cmocka_unit_test(pull_structural),
	};
	return cmocka_run_group_tests_name("csvcols", tests, NULL, NULL);
}
