/* The output folder's guard (run/run_outdir.c): publication link targets,
 * system folders after resolving, foreign folders, the marker, links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture.h"
#include "csc_diag.h"
#include "run/run.h"

static char base[64];

static int setup(void **state)
{
	(void)state;
	strcpy(base, "/tmp/cscpipe-outdir.XXXXXX");
	return mkdtemp(base) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
	return system(cmd) == 0 ? 0 : -1;
}

static char *at(const char *rel)
{
	static char p[4][256];
	static int i;
	i = (i + 1) % 4;
	snprintf(p[i], sizeof p[i], "%s/%s", base, rel);
	return p[i];
}

static void test_target(void **state)
{
	(void)state;
	char name[32];
	assert_int_equal(run_out_target(".pub/2024-02.4711", name, sizeof name), 0);
	assert_string_equal(name, "2024-02.4711");
	const char *bad[] = {".pub/../../x", ".pub/..", ".pub/.", ".pub/", "/tmp/x", ".pub/a/b",
			     "pub/x", "../.pub/x", "./.pub/x", ".pub//x", "", ".pub"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(run_out_target(bad[i], name, sizeof name), -1);
	/* a name that does not fit is refused, not cut */
	assert_int_equal(run_out_target(".pub/2024-02.4711", name, 12), -1);
}

static void test_labels(void **state)
{
	(void)state;
	assert_true(run_out_is_label("2024-02"));
	assert_true(run_out_is_label("2023-Q3"));
	assert_false(run_out_is_label("2024-13"));
	assert_false(run_out_is_label("2024-02x"));
	assert_false(run_out_is_label("logs"));
}

/* Refused with CSC_EXIT_CONFIG, and nothing made. */
static void refused(const char *dir)
{
	char *out = (char *)1;
	int fd = 99;
	assert_int_equal(run_out_open(dir, 1, &out, &fd), CSC_EXIT_CONFIG);
	assert_null(out);
	assert_int_equal(fd, -1);
}

static void test_system(void **state)
{
	(void)state;
	refused("/");
	refused("/etc/..");
	refused("//");
	refused("/tmp");
	refused("/usr/local");
	refused("/proc/self");
	/* a folder that does not exist yet, resolved as mkdir would make it:
	 * base/a/../../.. is the folder above base, /tmp */
	refused(at("a/../.."));
	refused(at("new/../../../.."));
	struct stat st;
	assert_int_not_equal(stat(at("a"), &st), 0);
	assert_int_not_equal(stat(at("new"), &st), 0);
	/* through a link to / */
	assert_int_equal(symlink("/", at("root")), 0);
	refused(at("root"));
	refused(at("root/."));
}

static void test_create_and_mark(void **state)
{
	(void)state;
	char *out;
	int fd;
	/* missing without create: 0, no descriptor, nothing made */
	assert_int_equal(run_out_open(at("out/deeper"), 0, &out, &fd), 0);
	assert_int_equal(fd, -1);
	assert_string_equal(out, at("out/deeper"));
	free(out);
	struct stat st;
	assert_int_not_equal(stat(at("out"), &st), 0);
	/* made, with ".." taken off before anything is made */
	assert_int_equal(run_out_open(at("x/../out/./deeper"), 1, &out, &fd), 0);
	assert_string_equal(out, at("out/deeper"));
	assert_int_equal(lstat(at("out/deeper/.cscpipe"), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_not_equal(stat(at("x"), &st), 0);
	close(fd);
	free(out);
	/* marked: anything in it is fine */
	FILE *f = fopen(at("out/deeper/own.txt"), "w");
	fclose(f);
	assert_int_equal(run_out_open(at("out/deeper"), 1, &out, &fd), 0);
	close(fd);
	free(out);
}

static void test_foreign(void **state)
{
	(void)state;
	assert_int_equal(mkdir(at("f"), 0777), 0);
	FILE *f = fopen(at("f/zeta.txt"), "w");
	fclose(f);
	assert_int_equal(mkdir(at("f/.work"), 0777), 0);
	refused(at("f"));
	struct stat st;
	assert_int_not_equal(lstat(at("f/.cscpipe"), &st), 0);
	/* an earlier cscpipe's folder: only its own names, of the right kind */
	unlink(at("f/zeta.txt"));
	assert_int_equal(symlink(".pub/2024-02.12", at("f/2024-02")), 0);
	f = fopen(at("f/.lock"), "w");
	fclose(f);
	f = fopen(at("f/measures.csv.tmp.12"), "w");
	fclose(f);
	char *out;
	int fd;
	/* verify does not mark it */
	assert_int_equal(run_out_open(at("f"), 0, &out, &fd), 0);
	close(fd);
	free(out);
	assert_int_not_equal(lstat(at("f/.cscpipe"), &st), 0);
	assert_int_equal(run_out_open(at("f"), 1, &out, &fd), 0);
	close(fd);
	free(out);
	assert_int_equal(lstat(at("f/.cscpipe"), &st), 0);
	/* a period name that is a folder, not a link, is not cscpipe's */
	assert_int_equal(mkdir(at("g"), 0777), 0);
	assert_int_equal(mkdir(at("g/2024-02"), 0777), 0);
	refused(at("g"));
	/* nor a marker that is a link */
	assert_int_equal(mkdir(at("h"), 0777), 0);
	assert_int_equal(symlink("/etc/hostname", at("h/.cscpipe")), 0);
	refused(at("h"));
}

static void test_links(void **state)
{
	(void)state;
	char *out;
	int fd;
	assert_int_equal(run_out_open(at("o"), 1, &out, &fd), 0);
	assert_int_equal(mkdir(at("elsewhere"), 0777), 0);
	assert_int_equal(symlink(at("elsewhere"), at("o/staging")), 0);
	assert_int_equal(run_out_dir(fd, out, "staging", 1), -1);
	assert_int_equal(run_out_dir(fd, out, "staging/sub", 1), -1);
	struct stat st;
	assert_int_not_equal(stat(at("elsewhere/sub"), &st), 0);
	int d = run_out_dir(fd, out, ".work/2024-02", 1);
	assert_true(d >= 0);
	close(d);
	assert_int_equal(run_out_nolink(fd, out, ".work"), 0);
	assert_int_equal(run_out_nolink(fd, out, "staging"), -1);

	char name[64];
	assert_int_equal(run_out_published(fd, out, "2024-02", name, sizeof name), 0);
	assert_string_equal(name, "");
	assert_int_equal(symlink(".pub/../../elsewhere", at("o/2024-02")), 0);
	assert_int_equal(run_out_published(fd, out, "2024-02", name, sizeof name), -1);
	assert_string_equal(name, "");
	assert_int_equal(symlink(".pub/2024-01.77", at("o/2024-01")), 0);
	assert_int_equal(run_out_published(fd, out, "2024-01", name, sizeof name), 0);
	assert_string_equal(name, "2024-01.77");
	assert_int_equal(mkdir(at("o/2023-12"), 0777), 0);
	assert_int_equal(run_out_published(fd, out, "2023-12", name, sizeof name), -1);

	/* removing a copy never follows a link inside it */
	d = run_out_dir(fd, out, ".pub/2024-01.77", 1);
	assert_true(d >= 0);
	FILE *f = fopen(at("elsewhere/keep"), "w");
	fclose(f);
	assert_int_equal(symlink(at("elsewhere"), at("o/.pub/2024-01.77/link")), 0);
	f = fopen(at("o/.pub/2024-01.77/measures.csv"), "w");
	fclose(f);
	int pub = run_out_dir(fd, out, ".pub", 0);
	run_out_rmcopy(pub, "2024-01.77");
	assert_int_not_equal(lstat(at("o/.pub/2024-01.77"), &st), 0);
	assert_int_equal(stat(at("elsewhere/keep"), &st), 0);
	close(pub);
	close(d);
	close(fd);
	free(out);
}

/* With .lock holding content, a second taker is refused (while fd holds
 * the lock) with exactly the message want. */
static void lock_refused(int fd, const char *out, const char *content, const char *want)
{
	int l = openat(fd, ".lock", O_WRONLY | O_TRUNC);
	assert_true(l >= 0);
	assert_int_equal(write(l, content, strlen(content)), (ssize_t)strlen(content));
	close(l);
	int rc = -1;
	capture_start();
	int second = run_out_lock(fd, out, &rc);
	const char *msg = capture_end();
	assert_int_equal(second, -1);
	assert_int_equal(rc, CSC_EXIT_LOCKED);
	char line[256];
	snprintf(line, sizeof line, "test_run_outdir: %s: %s\n", out, want);
	assert_string_equal(msg, line);
}

static void test_lock(void **state)
{
	(void)state;
	char *out;
	int fd, rc = -1;
	assert_int_equal(run_out_open(at("o"), 1, &out, &fd), 0);
	int held = run_out_lock(fd, out, &rc);
	assert_true(held >= 0);
	assert_int_equal(rc, 0);
	char want[64], got[64] = "";
	snprintf(want, sizeof want, "%ld test_run_outdir\n", (long)getpid());
	assert_true(pread(held, got, sizeof got - 1, 0) > 0);
	assert_string_equal(got, want);
	/* flock: a second open file description is refused, even in this
	 * process; the holder named as it wrote itself, or as an older
	 * csc-run did (the pid alone), or not at all */
	lock_refused(fd, out, "4242 csc-run\n", "another run (csc-run, pid 4242) is using this output folder; try again when it ends");
	lock_refused(fd, out, "4242\n", "another run (pid 4242) is using this output folder; try again when it ends");
	lock_refused(fd, out, "", "another run (pid unknown) is using this output folder; try again when it ends");
	close(held);
	held = run_out_lock(fd, out, &rc);
	assert_true(held >= 0);
	close(held);

	/* never through a link, never a FIFO (the open must not hang) */
	assert_int_equal(unlinkat(fd, ".lock", 0), 0);
	assert_int_equal(symlink(at("victim"), at("o/.lock")), 0);
	assert_int_equal(run_out_lock(fd, out, &rc), -1);
	assert_int_equal(rc, CSC_EXIT_OUTPUT);
	struct stat st;
	assert_int_not_equal(lstat(at("victim"), &st), 0);
	assert_int_equal(unlinkat(fd, ".lock", 0), 0);
	assert_int_equal(mkfifo(at("o/.lock"), 0666), 0);
	assert_int_equal(run_out_lock(fd, out, &rc), -1);
	assert_int_equal(rc, CSC_EXIT_OUTPUT);
	close(fd);
	free(out);
}

int main(void)
{
	csc_diag_init("test_run_outdir");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_target),
		cmocka_unit_test(test_labels),
		cmocka_unit_test_setup_teardown(test_system, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_and_mark, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign, setup, teardown),
		cmocka_unit_test_setup_teardown(test_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
