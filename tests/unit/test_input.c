/* The input size limit (csc_input) as the CSV and XML readers meet it: a
 * regular file over the limit is refused before reading, a stream when it
 * passes the limit, a file exactly at the limit is read whole. And an XML
 * document cut short, told apart from other XML errors (csc_xml). */
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

/* Parse text (from a file, then from memory) to the end; returns the
 * diagnostic printed ("" when the document was read whole). */
static const char *xml_outcome(const char *text, int from_file)
{
	csc_xml x;
	int rc;
	capture_start();
	if (from_file) {
		write_file(text);
		rc = csc_xml_open(&x, path, "t.xml");
	} else {
		rc = csc_xml_open_mem(&x, text, (int)strlen(text), "t.xml");
	}
	if (rc == 0)
		while (csc_xml_next(&x) == 1)
			;
	csc_xml_close(&x);
	if (from_file)
		unlink(path);
	return capture_end();
}

#define CUT "the document ends at line %d before </%s>: the file is incomplete " \
	    "(cut short while being written or copied?)\n"

/* A file cut short says so, with its last line and the root left open,
 * whatever libxml2 says ("Extra content at the end of the document" on
 * line 3, "expected '>'"); other errors keep libxml2's message (issue 16). */
static void xml_cut_short(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int line;          /* 0: not cut short */
		const char *root;
	} cases[] = {
		{"<?xml version=\"1.0\"?>\n<Message>\n <Children>\n  <Child>\n", 4, "Message"},
		{"<Message>\n <Children>\n  <Child>\n  </Chi", 4, "Message"},
		{"<Message>\n <Children>\n </Children>\n", 3, "Message"},
		{"<Message>\n <Children>\n </Children>\n</Messa", 4, "Message"},
		{"<m:Message xmlns:m=\"u\">\n<a/>\n", 2, "m:Message"},
		/* read whole, or other errors */
		{"<Message>\n <Children/>\n</Message>\n", 0, NULL},
		{"<Message>\n <Children/>\n</Message >\n\n", 0, NULL},
		{"<Message>\n <a></b>\n</Message>\n", 0, NULL},
		{"<Message>\n</Message>\n<extra/>\n", 0, NULL},
		{"not xml at all", 0, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (int file = 0; file < 2; file++) {
			const char *err = xml_outcome(cases[i].text, file);
			char want[300];
			snprintf(want, sizeof want, "t.xml:%d: " CUT, cases[i].line, cases[i].line,
				 cases[i].root ? cases[i].root : "");
			if (cases[i].line) {
				if (!strstr(err, want))
					fail_msg("case %zu (file %d): got \"%s\", want \"%s\"", i, file, err, want);
			} else if (strstr(err, "cut short")) {
				fail_msg("case %zu (file %d): called cut short: %s", i, file, err);
			}
		}
	assert_string_equal(xml_outcome("<Message>\n <Children/>\n</Message>\n", 1), "");
}

/* Cut short after several read blocks: the line counted over all of them. */
static void xml_cut_short_large(void **state)
{
	(void)state;
	size_t n = 0, cap = 1 << 21;
	char *text = malloc(cap);
	assert_non_null(text);
	n += (size_t)sprintf(text, "<Message>\n<Children>\n");
	int lines = 2;
	while (n < cap - 100) {
		n += (size_t)sprintf(text + n, "<Child><LAchildID>C%d</LAchildID></Child>\n", lines);
		lines++;
	}
	n += (size_t)sprintf(text + n, "<Child><LAchild");
	lines++;
	char want[300];
	snprintf(want, sizeof want, "t.xml:%d: " CUT, lines, lines, "Message");
	for (int file = 0; file < 2; file++) {
		const char *err = xml_outcome(text, file);
		if (!strstr(err, want))
			fail_msg("file %d: got \"%s\", want \"%s\"", file, err, want);
	}
	free(text);
}

/* Line feeds counted eight bytes at a time, hand-counted here: across and
 * at word edges, a word of nothing else, and bytes one bit from a line feed
 * (0x0b, 0x8a, 0x0e) or with the top bit set, which are not counted. */
static void count_lf(void **state)
{
	(void)state;
	assert_int_equal(csc_xml_count_lf("", 0), 0);
	assert_int_equal(csc_xml_count_lf("\n", 1), 1);
	assert_int_equal(csc_xml_count_lf("a\nb\n", 4), 2);
	/* at 0, 7, 8, 15, 16 of 17: both sides of each 8-byte edge and the tail */
	assert_int_equal(csc_xml_count_lf("\nabcdef\n\nabcdef\n\n", 17), 5);
	assert_int_equal(csc_xml_count_lf("\x8a\n\xff\x0b\x09\x00\x0e\x80", 8), 1);
	assert_int_equal(csc_xml_count_lf("\x8a\x8a\x8a\x8a\x8a\x8a\x8a\x8a", 8), 0);
	char lf[64];
	memset(lf, '\n', sizeof lf);
	assert_int_equal(csc_xml_count_lf(lf, sizeof lf), 64);
	assert_int_equal(csc_xml_count_lf(lf + 1, 62), 62); /* unaligned */
	assert_int_equal(csc_xml_count_lf(lf, 7), 7);
}

static const char *const SHA_AB12 = /* printf 'a,b\n1,2\n' | sha256sum */
	"492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470";

static int stop_at_header(void *ctx, const csc_row *row)
{
	(void)row;
	(*(int *)ctx)++;
	return 1;
}

/* The digest is of the bytes parsed: the whole file when read to its end;
 * no digest when the callback stopped the read or it failed. */
static void csv_digest(void **state)
{
	(void)state;
	write_file("a,b\n1,2\n");
	int rows = 0;
	csc_digest d;
	memset(&d, 0, sizeof d);
	assert_int_equal(csc_csv_readf_digest(path, "t.csv", 0, count_rows, &rows, &d), 0);
	assert_int_equal(rows, 2);
	assert_int_equal(d.bytes, 8);
	assert_string_equal(d.sha256, SHA_AB12);
	rows = 0;
	memset(&d, 0, sizeof d);
	assert_int_equal(csc_csv_readf_digest(path, "t.csv", 0, stop_at_header, &rows, &d), 1);
	assert_int_equal(d.bytes, 0); /* untouched */
	unlink(path);

	write_file("");
	rows = 0;
	assert_int_equal(csc_csv_readf_digest(path, "e.csv", 0, count_rows, &rows, &d), 0);
	assert_int_equal(rows, 0);
	assert_int_equal(d.bytes, 0);
	assert_string_equal(d.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	unlink(path);
}

/* A reader that stops early: the digest reads the rest, so it still covers
 * every byte; asking twice gives the same answer. */
static void digest_reads_the_rest(void **state)
{
	(void)state;
	write_file("a,b\n1,2\n");
	csc_input in;
	assert_int_equal(csc_input_open(&in, path, "t.csv"), 0);
	csc_input_hash(&in);
	char buf[3];
	assert_int_equal(csc_input_read(&in, buf, 3), 3);
	csc_digest d, again;
	assert_int_equal(csc_input_digest(&in, &d), 0);
	assert_int_equal(d.bytes, 8);
	assert_string_equal(d.sha256, SHA_AB12);
	assert_int_equal(csc_input_digest(&in, &again), 0);
	assert_string_equal(again.sha256, SHA_AB12);
	csc_input_close(&in);
	assert_int_equal(csc_input_digest(&in, &again), 0); /* closed after its end: fine */

	/* not asked for before reading: no digest (hashing is opt-in, so
	 * readers that need none do not pay for it), and a message */
	assert_int_equal(csc_input_open(&in, path, "t.csv"), 0);
	assert_int_equal(csc_input_read(&in, buf, 3), 3);
	csc_input_hash(&in); /* too late: does nothing */
	capture_start();
	int late = csc_input_digest(&in, &d);
	const char *lerr = capture_end();
	assert_int_equal(late, -1);
	assert_non_null(strstr(lerr, "t.csv: internal error: its SHA-256 was not asked for"));
	csc_input_close(&in);

	/* closed before its end: no digest, and a message */
	assert_int_equal(csc_input_open(&in, path, "t.csv"), 0);
	csc_input_hash(&in);
	assert_int_equal(csc_input_read(&in, buf, 3), 3);
	csc_input_close(&in);
	capture_start();
	int rc = csc_input_digest(&in, &d);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv: closed before its end was read"));
	unlink(path);
}

/* A pipe is hashed as it is read: one open, the same digest as the file. */
static void pipe_digest(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], "a,b\n1,2\n", 8), 8);
	close(fds[1]);
	char name[64];
	snprintf(name, sizeof name, "/proc/self/fd/%d", fds[0]);
	int rows = 0;
	csc_digest d;
	assert_int_equal(csc_csv_readf_digest(name, "p.csv", 0, count_rows, &rows, &d), 0);
	assert_int_equal(rows, 2);
	assert_int_equal(d.bytes, 8);
	assert_string_equal(d.sha256, SHA_AB12);
	close(fds[0]);
}

/* libxml2 may stop at the end of the root element: the digest still takes
 * the trailing blank lines. */
static void xml_digest(void **state)
{
	(void)state;
	write_file("<a><b>1</b></a>\n\n  \n"); /* 15 + 5 = 20 bytes */
	csc_xml x;
	assert_int_equal(csc_xml_open(&x, path, "c.xml"), 0);
	int r;
	while ((r = csc_xml_next(&x)) == 1)
		;
	assert_int_equal(r, 0);
	csc_digest d;
	assert_int_equal(csc_input_digest(&x.in, &d), 0);
	assert_int_equal(d.bytes, 20);
	/* printf '<a><b>1</b></a>\n\n  \n' | sha256sum */
	assert_string_equal(d.sha256, "c91dfe09b6dac655da9f47db81cc399c308a6581d1ae61b8cda8153294ae3650");
	csc_xml_close(&x);
	unlink(path);
}

int main(void)
{
	csc_diag_init("test_input");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_at_and_over_limit),
		cmocka_unit_test(xml_over_limit),
		cmocka_unit_test(stream_stopped_at_limit),
		cmocka_unit_test(folder_and_missing),
		cmocka_unit_test(csv_digest),
		cmocka_unit_test(digest_reads_the_rest),
		cmocka_unit_test(pipe_digest),
		cmocka_unit_test(xml_digest),
		cmocka_unit_test(xml_cut_short),
		cmocka_unit_test(xml_cut_short_large),
		cmocka_unit_test(count_lf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
