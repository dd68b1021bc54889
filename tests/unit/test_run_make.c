/* csc-run's make chain (run_make): when fork fails, the error is reported,
 * the status is CSC_EXIT_INTERNAL and nothing is left open (the report
 * pipe's two ends were leaked before); a chain that runs leaves no
 * descriptor open either. fork is wrapped at link time (-Wl,--wrap=fork,
 * run/module.mk) so the failure can be made on demand. */
#include <dirent.h>
#include <errno.h>
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

pid_t __real_fork(void);
pid_t __wrap_fork(void);

static int fork_fails;

pid_t __wrap_fork(void)
{
	if (fork_fails) {
		errno = EAGAIN;
		return -1;
	}
	return __real_fork();
}

static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += e->d_name[0] != '.';
	closedir(d);
	return n - 1; /* the one opendir holds */
}

static char tmp[] = "/tmp/test_run_make.XXXXXX";

static csc_conf conf; /* all defaults off: run_make reads annexa */

static run_ctx ctx(void)
{
	run_ctx c;
	memset(&c, 0, sizeof c);
	c.conf = &conf;
	c.bin = tmp;
	c.conf_path = tmp;
	c.out = tmp;
	c.work = tmp;
	c.pdir = tmp;
	c.settings = tmp;
	snprintf(c.period.label, sizeof c.period.label, "2024-02");
	snprintf(c.period.end_month, sizeof c.period.end_month, "2024-02");
	return c;
}

static void fork_failure(void **state)
{
	(void)state;
	run_ctx c = ctx();
	int before = open_fds();
	fork_fails = 1;
	capture_start();
	int rc = run_make(&c, 1, "all");
	const char *err = capture_end();
	fork_fails = 0;
	assert_int_equal(rc, CSC_EXIT_INTERNAL);
	assert_non_null(strstr(err, "cannot start make: Resource temporarily unavailable\n"));
	assert_int_equal(open_fds(), before);
}

/* A chain whose one target succeeds: 0, and the pipe's read end closed. */
static void chain_runs(void **state)
{
	(void)state;
	char *mk = csc_path_join(tmp, "ok.mk");
	FILE *f = fopen(mk, "w");
	assert_non_null(f);
	fputs("all:\n\t@:\n", f);
	fclose(f);
	setenv("CSC_PIPELINE_MK", mk, 1);
	run_ctx c = ctx();
	int before = open_fds();
	assert_int_equal(run_make(&c, 1, "all"), 0);
	assert_int_equal(open_fds(), before);
	unsetenv("CSC_PIPELINE_MK");
	unlink(mk);
	free(mk);
}

int main(void)
{
	csc_diag_init("test_run_make");
	if (!mkdtemp(tmp))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fork_failure),
		cmocka_unit_test(chain_runs),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	rmdir(tmp);
	return rc;
}
