/* run_make.c - run the stage chain (mk/pipeline.mk) for csc-run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "run.h"

#ifndef CSC_DATADIR
#define CSC_DATADIR "."
#endif

static char *var(const char *name, const char *value)
{
	size_t n = strlen(name) + (value ? strlen(value) : 0) + 2;
	char *s = csc_xmalloc(n);
	snprintf(s, n, "%s=%s", name, value ? value : "");
	return s;
}

int run_make(run_ctx *c, int jobs, const char *target)
{
	const csc_conf *k = c->conf;
	char *failed = csc_path_join(c->work, ".failed");
	char *stg = csc_path_join(c->out, "staging");
	unlink(failed);
	char jobsarg[16];
	snprintf(jobsarg, sizeof jobsarg, "-j%d", jobs);
	const char *mkfile = getenv("CSC_PIPELINE_MK");
	if (!mkfile)
		mkfile = CSC_DATADIR "/mk/pipeline.mk";
	char *argv[] = {
		"make", "--no-print-directory", "-s", "-r", jobsarg, "-f", (char *)mkfile,
		var("BIN", c->bin), var("CONF", c->conf_path), var("OUT", c->out),
		var("STG", stg), var("P", c->pdir), var("SET", c->settings),
		var("LABEL", c->period.label), var("PERIOD", c->period.end_month),
		var("CIN", k->cin_census), var("SSDA903_DIR", k->ssda903_dir),
		var("CONTACTS", k->contacts), var("EARLY_HELP", k->early_help),
		var("TPL", k->templates_dir), var("REF", k->reference_dir),
		var("FAILED", failed), (char *)target, NULL};
	csc_log("make %s -f %s", jobsarg, mkfile);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		csc_error("cannot start make: %s", strerror(errno));
		return CSC_EXIT_INTERNAL;
	}
	if (pid == 0) {
		/* an independent make: not a sub-make of whoever started csc-run */
		unsetenv("MAKEFLAGS");
		unsetenv("MFLAGS");
		unsetenv("MAKELEVEL");
		unsetenv("MAKEFILES");
		execvp("make", argv);
		fprintf(stderr, "%s: cannot run make: %s\n", csc_prog(), strerror(errno));
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	for (int i = 7; argv[i] != target; i++)
		free(argv[i]);
	int rc = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* the failing stage left its own exit code for us */
		FILE *f = fopen(failed, "r");
		if (f) {
			if (fscanf(f, "%d", &rc) != 1 || rc <= 0)
				rc = CSC_EXIT_INTERNAL;
			fclose(f);
		} else {
			rc = CSC_EXIT_INTERNAL;
			csc_error("the make chain failed without a stage reporting why (make exit %d)",
				  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		}
	}
	free(failed);
	free(stg);
	return rc;
}
