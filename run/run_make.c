/* run_make.c - run the stage chain (mk/pipeline.mk) for csc-run. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csc_datadir.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "run.h"


static char *var(const char *name, const char *value)
{
	size_t n = strlen(name) + (value ? strlen(value) : 0) + 2;
	char *s = csc_xmalloc(n);
	snprintf(s, n, "%s=%s", name, value ? value : "");
	return s;
}

/* The exit code the failing stages reported, through the pipe rfd (closed
 * here) and the file failed: a full disk (6) wins over whatever failed
 * after it, else the first; 0 when none did. */
static int failed_codes(int rfd, const char *failed)
{
	char buf[512];
	size_t len = 0;
	if (rfd >= 0) {
		fcntl(rfd, F_SETFL, O_NONBLOCK); /* an orphaned stage may hold it open */
		ssize_t n;
		while (len < sizeof buf - 1 && (n = read(rfd, buf + len, sizeof buf - 1 - len)) > 0)
			len += (size_t)n;
		close(rfd);
	}
	int fd = open(failed, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		ssize_t n;
		while (len < sizeof buf - 1 && (n = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
			len += (size_t)n;
		close(fd);
	}
	buf[len] = '\0';
	int first = 0;
	for (char *save = NULL, *t = strtok_r(buf, "\n", &save); t; t = strtok_r(NULL, "\n", &save)) {
		int code = atoi(t);
		if (code == CSC_EXIT_OUTPUT)
			return code;
		if (!first)
			first = code > 0 ? code : CSC_EXIT_INTERNAL;
	}
	return first;
}

/* No space or no inodes left where the outputs go: a step outside any stage
 * (make's own stamp files) failed for that, which is exit 6, not a bug. */
static int disk_full(const char *out)
{
	struct statvfs v;
	if (statvfs(out, &v) != 0 || (v.f_bavail > 0 && (v.f_files == 0 || v.f_favail > 0)))
		return 0;
	csc_error_at(out, 0, "the make chain failed and the output folder's file system is full "
			     "(%s)", v.f_bavail == 0 ? "no space left" : "no inodes left");
	return 1;
}

int run_make(run_ctx *c, int jobs, const char *target)
{
	char *failed = csc_path_join(c->work, ".failed");
	char *stg = csc_path_join(c->out, "staging");
	char *ins = csc_path_join(c->work, "inputs");
	unlink(failed);
	char jobsarg[16];
	snprintf(jobsarg, sizeof jobsarg, "-j%d", jobs);
	char *installed_mk = csc_datadir_path("mk/pipeline.mk");
	const char *mkfile = getenv("CSC_PIPELINE_MK");
	if (!mkfile)
		mkfile = installed_mk;
	char *argv[] = {
		"make", "--no-print-directory", "-s", "-r", jobsarg, "-f", (char *)mkfile,
		var("BIN", c->bin), var("CONF", c->conf_path), var("OUT", c->out),
		var("STG", stg), var("P", c->pdir), var("SET", c->settings), var("INS", ins),
		var("LABEL", c->period.label), var("PERIOD", c->period.end_month),
		var("FAILED", failed), var("ANNEXA", c->conf->annexa ? "yes" : "no"),
		(char *)target, NULL};
	csc_log("make %s -f %s", jobsarg, mkfile);
	/* a failing stage also reports its exit code through a pipe, which
	 * needs no space on a full disk (csc-stage, CSC_FAILED_FD) */
	int report[2] = {-1, -1};
	if (pipe2(report, O_CLOEXEC) != 0)
		report[0] = report[1] = -1;
	fflush(NULL);
	pid_t pid = fork();
	int rc = 0;
	if (pid < 0) {
		csc_error("cannot start make: %s", strerror(errno));
		for (int i = 0; i < 2; i++)
			if (report[i] >= 0)
				close(report[i]);
		rc = CSC_EXIT_INTERNAL;
		goto out;
	}
	if (pid == 0) {
		/* an independent make: not a sub-make of whoever started csc-run */
		unsetenv("MAKEFLAGS");
		unsetenv("MFLAGS");
		unsetenv("MAKELEVEL");
		unsetenv("MAKEFILES");
		if (report[1] >= 0 && fcntl(report[1], F_SETFD, 0) == 0) {
			char fd[16];
			snprintf(fd, sizeof fd, "%d", report[1]);
			setenv("CSC_FAILED_FD", fd, 1);
		}
		execvp("make", argv);
		fprintf(stderr, "%s: cannot run make: %s\n", csc_prog(), strerror(errno));
		_exit(127);
	}
	if (report[1] >= 0)
		close(report[1]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int reported = failed_codes(report[0], failed);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* the failing stage left its own exit code for us */
		rc = reported;
		if (rc == 0 && disk_full(c->out)) {
			rc = CSC_EXIT_OUTPUT;
		} else if (rc == 0) {
			rc = CSC_EXIT_INTERNAL;
			csc_error("the make chain failed without a stage reporting why (make exit %d)",
				  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		}
	}
out:
	for (int i = 7; argv[i] != target; i++)
		free(argv[i]);
	free(failed);
	free(stg);
	free(installed_mk);
	free(ins);
	return rc;
}
