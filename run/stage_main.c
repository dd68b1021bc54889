/*
 * csc-stage - run one pipeline stage for mk/pipeline.mk and log it.
 *
 * Logs "<name>: start" and "<name>: end, exit N, X.X s elapsed" to the run
 * log (CSC_LOG, set by csc-run), and on failure appends the stage's exit
 * code to the file named by --failed, so csc-run can exit with the stage's
 * own code (3 unreadable input, 4 configuration, ...) rather than make's.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_version.h"

static const char usage[] = "usage: csc-stage --name NAME [--failed FILE] -- PROGRAM [ARGS...]\n";

static void help(void)
{
	printf("NAME\n"
	       "    csc-stage - run and log one stage of the pipeline\n\n"
	       "SYNOPSIS\n"
	       "    csc-stage --name NAME [--failed FILE] -- PROGRAM [ARGS...]\n\n"
	       "DESCRIPTION\n"
	       "    Used by mk/pipeline.mk. Runs PROGRAM, logging its start, end, exit\n"
	       "    status and elapsed time to the run log ($CSC_LOG); the program's own\n"
	       "    messages (record counts, rejects) are logged by the program itself.\n\n"
	       "OPTIONS\n"
	       "    --name NAME     the stage's name in the log\n"
	       "    --failed FILE   append PROGRAM's exit code to FILE when it fails\n"
	       "    --help          this text\n"
	       "    --version       print the release and git description\n\n"
	       "EXIT STATUS\n"
	       "    PROGRAM's exit status; 7 when it cannot be started; 4 on usage errors.\n");
}

int main(int argc, char **argv)
{
	csc_diag_init(argv[0]);
	static const struct option opts[] = {{"name", required_argument, NULL, 'n'},
					     {"failed", required_argument, NULL, 'f'},
					     {"help", no_argument, NULL, 'h'},
					     {"version", no_argument, NULL, 'V'},
					     {NULL, 0, NULL, 0}};
	const char *name = NULL, *failed = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "+n:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'f': failed = optarg; break;
		case 'h': help(); return 0;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		default:
			fputs(usage, stderr);
			return CSC_EXIT_CONFIG;
		}
	}
	if (!name || optind >= argc) {
		fputs(usage, stderr);
		return CSC_EXIT_CONFIG;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	csc_log("%s: start", name);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		csc_error("%s: cannot start: %s", name, strerror(errno));
		return CSC_EXIT_INTERNAL;
	}
	if (pid == 0) {
		execv(argv[optind], argv + optind);
		fprintf(stderr, "%s: cannot run %s: %s\n", csc_prog(), argv[optind], strerror(errno));
		_exit(CSC_EXIT_INTERNAL);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	int rc = WIFEXITED(status) ? WEXITSTATUS(status) : CSC_EXIT_INTERNAL;
	if (WIFSIGNALED(status))
		csc_error("%s: killed by signal %d after %.1f s", name, WTERMSIG(status), secs);
	csc_log("%s: end, exit %d, %.1f s elapsed", name, rc, secs);
	if (rc != 0) {
		char code[16];
		int len = snprintf(code, sizeof code, "%d\n", rc);
		/* the pipe from csc-run first: it needs no space on a full disk */
		const char *fdenv = getenv("CSC_FAILED_FD");
		int pfd = fdenv && *fdenv ? atoi(fdenv) : -1;
		if (pfd > 2 && write(pfd, code, (size_t)len) != len)
			csc_log("%s: cannot report exit %d to csc-run: %s", name, rc, strerror(errno));
		int fd = failed ? open(failed, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666) : -1;
		if (fd >= 0) {
			if (write(fd, code, (size_t)len) != len)
				csc_log("%s: cannot record exit %d in %s", name, rc, failed);
			close(fd);
		}
	}
	return rc;
}
