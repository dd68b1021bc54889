/* Regression tests for the block-fed CSV reader (lib/csc_csvr.c) as the
 * SSDA903 and list extractors use it: line numbers across CRLF, blank
 * lines, quoted line breaks and block boundaries; exact lines of errors
 * found part-way through a large file; the row size limit. */
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
#include "csc_diag.h"

struct seen {
	long rows;
	long first_line[8];
	long last_line;
	char last[64];
};

static int collect(void *ctx, const csc_row *row)
{
	struct seen *s = ctx;
	if (s->rows < 8)
		s->first_line[s->rows] = row->line;
	s->last_line = row->line;
	snprintf(s->last, sizeof s->last, "%s", row->n > 1 ? row->f[1] : row->f[0]);
	s->rows++;
	return 0;
}

static void crlf_blank_and_quoted_lines(void **state)
{
	(void)state;
	static const char t[] = "A,B\r\n"            /* 1 */
				"1,\"x\r\ny\"\r\n"   /* 2-3 */
				"\r\n"               /* 4 blank */
				"\r\n"               /* 5 blank */
				"2,\"\n\n\"\r\n"     /* 6-8 */
				"3,z";               /* 9, no line end */
	struct seen s = {0};
	assert_int_equal(csc_csv_read_mem(t, sizeof t - 1, "t.csv", collect, &s), 0);
	assert_int_equal(s.rows, 4);
	assert_int_equal(s.first_line[1], 2);
	assert_int_equal(s.first_line[2], 6);
	assert_int_equal(s.first_line[3], 9);
	assert_string_equal(s.last, "z");
}

/* A file of `rows` lines "i,value" (with a CRLF every other line) and an
 * optional poison line (plen bytes) at `at`. Returns its path. */
static char *big_file(long rows, long at, const char *poison, size_t plen)
{
	static char path[] = "/tmp/csc-test-csvr.XXXXXX";
	strcpy(path, "/tmp/csc-test-csvr.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	fputs("id,value\n", f);
	for (long i = 2; i <= rows; i++) {
		if (i == at)
			fwrite(poison, 1, plen, f);
		else if (i % 2)
			fprintf(f, "%ld,\"quoted, value %ld\"\r\n", i, i);
		else
			fprintf(f, "%ld,plain value number %ld\n", i, i);
	}
	fclose(f);
	return path;
}

static void line_numbers_across_blocks(void **state)
{
	(void)state;
	char *p = big_file(200000, 0, NULL, 0); /* ~5 MB, many 256 KiB blocks */
	struct seen s = {0};
	assert_int_equal(csc_csv_read(p, "big.csv", collect, &s), 0);
	assert_int_equal(s.rows, 200000);
	assert_int_equal(s.last_line, 200000);
	assert_string_equal(s.last, "plain value number 200000");
	unlink(p);
}

static void error_lines_late_in_file(void **state)
{
	(void)state;
	struct seen s = {0};
	char *p = big_file(150000, 123457, "123457,bad\0byte\n", 16);
	capture_start();
	int rc = csc_csv_read(p, "nul.csv", collect, &s);
	const char *err = capture_end();
	unlink(p);
	assert_int_equal(rc, -1);
	/* the rows before it were all delivered, none after */
	assert_int_equal(s.rows, 123456);
	if (!strstr(err, "nul.csv:123457: NUL byte"))
		fail_msg("got: %s", err);

	memset(&s, 0, sizeof s);
	p = big_file(100000, 77777, "77777,\"\x81\"\n", 10);
	capture_start();
	rc = csc_csv_read(p, "cp.csv", collect, &s);
	err = capture_end();
	unlink(p);
	assert_int_equal(rc, -1);
	if (!strstr(err, "cp.csv:77777: byte 0x81 is neither UTF-8 nor Windows-1252"))
		fail_msg("got: %s", err);

	memset(&s, 0, sizeof s);
	p = big_file(100000, 100000, "100000,\"open\nquote\n", 19);
	capture_start();
	rc = csc_csv_read(p, "q.csv", collect, &s);
	err = capture_end();
	unlink(p);
	assert_int_equal(rc, -1);
	if (!strstr(err, "q.csv:100000: unterminated quoted field"))
		fail_msg("got: %s", err);
}

static void field_and_row_limits(void **state)
{
	(void)state;
	/* a field over the limit on line 3, found in a later block */
	size_t big = CSC_CSV_MAX_FIELD + 1;
	char *t = malloc(big + 64);
	size_t o = 0;
	o += (size_t)sprintf(t, "a,b\n1,2\n3,\"");
	memset(t + o, 'x', big);
	o += big;
	o += (size_t)sprintf(t + o, "\"\n");
	struct seen s = {0};
	capture_start();
	int rc = csc_csv_read_mem(t, o, "f.csv", collect, &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	if (!strstr(err, "f.csv:3: field longer than 1048576 bytes"))
		fail_msg("got: %s", err);
	free(t);
	/* five fields of 1,000,000 bytes: each within the field limit, the
	 * row over the 4 MiB row limit */
	size_t f = 1000000;
	t = malloc(5 * (f + 1) + 16);
	o = (size_t)sprintf(t, "a\n");
	for (int i = 0; i < 5; i++) {
		memset(t + o, 'y', f);
		o += f;
		t[o++] = i < 4 ? ',' : '\n';
	}
	memset(&s, 0, sizeof s);
	capture_start();
	rc = csc_csv_read_mem(t, o, "r.csv", collect, &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	if (!strstr(err, "r.csv:2: row longer than 4 MiB"))
		fail_msg("got: %s", err);
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crlf_blank_and_quoted_lines),
		cmocka_unit_test(line_numbers_across_blocks),
		cmocka_unit_test(error_lines_late_in_file),
		cmocka_unit_test(field_and_row_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
