/* The input size limit (csc_input) as the CSV and XML readers meet it: a
 * regular file over the limit is refused before reading, a stream when it
 * passes the limit, a file exactly at the limit is read whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_csvr.h"
#include "csc_diag.h"
#include "csc_input.h"
#include "csc_xml.h"

static char path[64];

static void write_file(const char *text)
{
	snprintf(path, sizeof path, "/tmp/csc-input-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static int count_rows(void *ctx, const csc_row *row)
{
	(void)row;
	(*(int *)ctx)++;
	return 0;
}

/* "a,b\n1,2\n" is 8 bytes: read whole at a limit of 8, refused at 7. */
static void csv_at_and_over_limit(void **state)
{
	(void)state;
	write_file("a,b\n1,2\n");
	int rows = 0;
	csc_input_limit = 8;
	assert_int_equal(csc_csv_read(path, "t.csv", count_rows, &rows), 0);
	assert_int_equal(rows, 2);
	csc_input_limit = 7;
	rows = 0;
	capture_start();
	int rc = csc_csv_read(path, "t.csv", count_rows, &rows);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_int_equal(rows, 0);
	assert_non_null(strstr(err, "t.csv: larger than 7 bytes, the limit on one input file"));
	csc_input_limit = CSC_MAX_INPUT_BYTES;
	unlink(path);
}

static void xml_over_limit(void **state)
{
	(void)state;
	write_file("<a><b>1</b></a>\n"); /* 16 bytes */
	csc_input_limit = 15;
	csc_xml x;
	capture_start();
	int rc = csc_xml_open(&x, path, "c.xml");
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "c.xml: larger than 15 bytes, the limit on one input file"));
	csc_xml_close(&x);
	csc_input_limit = 16;
	assert_int_equal(csc_xml_open(&x, path, "c.xml"), 0);
	int nodes = 0, r;
	while ((r = csc_xml_next(&x)) == 1)
		nodes++;
	assert_int_equal(r, 0);
	assert_int_equal(nodes, 5); /* <a>, <b>, text, </b>, </a> */
	csc_xml_close(&x);
	csc_input_limit = CSC_MAX_INPUT_BYTES;
	unlink(path);
}

/* A device has no size: the limit stops it while reading, with one message. */
static void stream_stopped_at_limit(void **state)
{
	(void)state;
	csc_input_limit = 1 << 20;
	int rows = 0;
	capture_start();
	int rc = csc_csv_read("/dev/zero", "zero.csv", count_rows, &rows);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	/* the CSV reader refuses the first block for its NUL bytes, long
	 * before the limit: one message */
	assert_non_null(strstr(err, "zero.csv:1: NUL byte in field: not a text CSV file\n"));
	assert_null(strchr(strchr(err, '\n') + 1, '\n'));

	csc_input in;
	assert_int_equal(csc_input_open(&in, "/dev/zero", "zero"), 0);
	assert_int_equal(in.total, 0);
	char buf[65536];
	long got, sum = 0;
	capture_start();
	while ((got = csc_input_read(&in, buf, sizeof buf)) > 0)
		sum += got;
	err = capture_end();
	assert_int_equal(got, -1);
	assert_int_equal(sum, 1 << 20); /* 16 full blocks, the 17th passes the limit */
	assert_non_null(strstr(err, "zero: larger than 1048576 bytes, the limit on one input file"));
	csc_input_close(&in);
	csc_input_close(&in); /* twice is safe */
	csc_input_limit = CSC_MAX_INPUT_BYTES;
}

static void folder_and_missing(void **state)
{
	(void)state;
	csc_input in;
	capture_start();
	int rc = csc_input_open(&in, "/tmp", "tmpdir");
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "tmpdir: cannot read: is a folder, not a file"));
	capture_start();
	rc = csc_input_open(&in, "/nonexistent/x.csv", NULL);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "/nonexistent/x.csv: cannot open: No such file or directory"));
}

int main(void)
{
	csc_diag_init("test_input");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_at_and_over_limit),
		cmocka_unit_test(xml_over_limit),
		cmocka_unit_test(stream_stopped_at_limit),
		cmocka_unit_test(folder_and_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
