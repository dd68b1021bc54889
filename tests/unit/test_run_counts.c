/* csc-run's counts: the share by which records read fell, the stop and its
 * override, and the last publication's counts file read without following
 * links. */
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

#include "capture.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "run/run.h"

static void drop_percent(void **state)
{
	(void)state;
	assert_true(run_drop_percent(10, 4) == 60.0);
	assert_true(run_drop_percent(10, 5) == 50.0);
	assert_true(run_drop_percent(2, 0) == 100.0);
	assert_true(run_drop_percent(8, 7) == 12.5);
	assert_true(run_drop_percent(5, 10) == 0.0);  /* a rise is no fall */
	assert_true(run_drop_percent(0, 0) == 0.0);   /* nothing before: nothing to compare */
	assert_true(run_drop_percent(10, 10) == 0.0);
}

static run_counts counts(long cin, long contacts, const char *period)
{
	run_counts k;
	memset(&k, 0, sizeof k);
	k.read[0] = cin;
	k.have[0] = cin >= 0;
	k.read[2] = contacts;
	k.have[2] = contacts >= 0;
	snprintf(k.period, sizeof k.period, "%s", period);
	return k;
}

/* 10 -> 4 contacts is a fall of 60 %: stopped at 50, not at 60 or 100, not
 * with --accept-drop; an input in only one of the two is not compared. */
static void check_drop(void **state)
{
	(void)state;
	run_counts before = counts(21, 10, "2024-02"), now = counts(21, 4, "2024-03");
	capture_start();
	int rc = run_check_drop(&before, &now, 50, 0);
	const char *err = capture_end();
	assert_int_equal(rc, CSC_EXIT_DATA);
	assert_non_null(strstr(err, "contacts: records read fell by 60.0%, from 10 at the last "
				    "publication (2024-02) to 4, more than max_drop_percent = 50; "
				    "nothing published. If the export is right, run again with --accept-drop\n"));
	assert_null(strstr(err, "cin:"));
	capture_start();
	assert_int_equal(run_check_drop(&before, &now, 60, 0), 0); /* not more than 60 */
	assert_int_equal(run_check_drop(&before, &now, 100, 0), 0);
	csc_diag_quiet(1);
	assert_int_equal(run_check_drop(&before, &now, 50, 1), 0);
	err = capture_end();
	assert_string_equal(err, ""); /* accepted: logged, not printed under --quiet */
	run_counts fresh = counts(21, -1, "2024-02"); /* contacts newly configured */
	assert_int_equal(run_check_drop(&fresh, &now, 50, 0), 0);
	assert_int_equal(run_check_drop(&before, &fresh, 50, 0), 0); /* no longer configured */
}

static char out[64];

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int published(run_counts *k, const char **err)
{
	run_ctx c;
	memset(&c, 0, sizeof c);
	c.out = out;
	capture_start();
	int rc = run_counts_published(&c, k);
	*err = capture_end();
	return rc;
}

static void counts_file(void **state)
{
	(void)state;
	snprintf(out, sizeof out, "/tmp/csc-counts-XXXXXX");
	assert_non_null(mkdtemp(out));
	char pub[128], file[256], other[160];
	snprintf(pub, sizeof pub, "%s/.pub", out);
	snprintf(file, sizeof file, "%s/counts.csv", pub);
	snprintf(other, sizeof other, "%s/elsewhere.csv", out);
	run_counts k;
	const char *err;
	assert_int_equal(published(&k, &err), 1); /* never published: no .pub */
	assert_int_equal(mkdir(pub, 0777), 0);
	assert_int_equal(published(&k, &err), 1); /* nor counts.csv */

	/* written, then read back */
	run_ctx c;
	memset(&c, 0, sizeof c);
	c.out = out;
	snprintf(c.period.label, sizeof c.period.label, "2024-02"); /* the period published */
	run_counts w = counts(21, 14, "");
	w.staged[2] = 13;
	w.rejected[2] = 1;
	assert_int_equal(run_counts_write(&c, &w), 0);
	FILE *f = fopen(file, "r");
	char text[256];
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	assert_string_equal(text, "input,read,staged,rejected,period\n"
				  "cin,21,0,0,2024-02\n"
				  "contacts,14,13,1,2024-02\n");
	assert_int_equal(published(&k, &err), 0);
	assert_int_equal(k.have[0] + k.have[1] + k.have[2] + k.have[3], 2);
	assert_int_equal(k.read[2], 14);
	assert_int_equal(k.rejected[2], 1);
	assert_string_equal(k.period, "2024-02");

	/* not ours: a bad row, an unknown input, a negative count */
	write_text(file, "input,read,staged,rejected,period\ncontacts,x,1,0,2024-02\n");
	assert_int_equal(published(&k, &err), -1);
	assert_non_null(strstr(err, "counts.csv:2: not a row of counts"));
	write_text(file, "input,read,staged,rejected,period\nletters,1,1,0,2024-02\n");
	assert_int_equal(published(&k, &err), -1);
	write_text(file, "input,read,staged,rejected,period\ncin,-1,1,0,2024-02\n");
	assert_int_equal(published(&k, &err), -1);

	/* a link at counts.csv, or at .pub, is not followed */
	write_text(other, "input,read,staged,rejected,period\ncin,1000,1000,0,2024-02\n");
	unlink(file);
	assert_int_equal(symlink(other, file), 0);
	assert_int_equal(published(&k, &err), -1);
	assert_non_null(strstr(err, "counts.csv: cannot read: Too many levels of symbolic links (a link; not followed)"));
	unlink(file);
	rmdir(pub);
	char real[160];
	snprintf(real, sizeof real, "%s/realpub", out);
	assert_int_equal(mkdir(real, 0777), 0);
	snprintf(file, sizeof file, "%s/counts.csv", real);
	write_text(file, "input,read,staged,rejected,period\ncin,1000,1000,0,2024-02\n");
	assert_int_equal(symlink(real, pub), 0);
	assert_int_equal(published(&k, &err), -1);
	assert_non_null(strstr(err, ".pub: cannot read the last publication's counts"));
	assert_non_null(strstr(err, "(a link or not a folder; not followed)"));
	unlink(pub);
	unlink(file);
	rmdir(real);
	unlink(other);
	rmdir(out);
}

int main(void)
{
	csc_diag_init("csc-run");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drop_percent),
		cmocka_unit_test(check_drop),
		cmocka_unit_test(counts_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
