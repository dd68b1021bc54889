/* run_coverage.c - the period against the date the data runs to
 * (csc_coverage.h). The extracts run first ("make staging", incremental as
 * ever), so their coverage files can fix the default period or refuse a
 * period that starts after the data before anything is built for it. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "csc_coverage.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "run.h"

void run_ctx_paths(run_ctx *c, const run_period *p)
{
	free(c->pdir);
	free(c->published);
	free(c->log_path);
	c->pdir = c->published = NULL;
	char name[64] = "run-default.log";
	if (p) {
		c->period = *p;
		c->pdir = csc_path_join(c->work, p->label);
		c->published = csc_path_join(c->out, p->label);
		snprintf(name, sizeof name, "run-%s.log", p->label);
	} else {
		memset(&c->period, 0, sizeof c->period);
	}
	char *logs = csc_path_join(c->out, "logs");
	c->log_path = csc_path_join(logs, name);
	free(logs);
}

static csc_date today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return csc_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The lines logged before the period was known (<out>/logs/from) go to
 * the top of its log (<out>/logs/to), through the logs folder's descriptor
 * and never through a link (README, "The output folder"): a link at either
 * name is refused, as csc_diag refuses to log through one. 0, or -1 after
 * saying why. */
static int move_log(run_ctx *c, const char *from, const char *to)
{
	char *logs = csc_path_join(c->out, "logs"), *path = csc_path_join(logs, to);
	int d = run_out_dir(c->outfd, c->out, "logs", 0), in = -1, out = -1, rc = -1;
	struct stat st;
	if (d < 0 || run_out_nolink(d, logs, from) != 0 || run_out_nolink(d, logs, to) != 0)
		goto done;
	in = openat(d, from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (in < 0) {
		rc = errno == ENOENT ? 0 : -1; /* nothing was logged before */
		goto fail;
	}
	if (fstatat(d, to, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		rc = errno == ENOENT && renameat(d, from, d, to) == 0 ? 0 : -1;
		goto fail;
	}
	out = openat(d, to, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
	if (out < 0)
		goto fail;
	char buf[8192];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			goto fail;
	if (n < 0 || unlinkat(d, from, 0) != 0)
		goto fail;
	rc = 0;
fail:
	if (rc)
		csc_error_at(path, 0, "cannot write the run log: %s", strerror(errno));
done:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0 && rc == 0) {
		csc_error_at(path, 0, "cannot write the run log: %s", strerror(errno));
		rc = -1;
	}
	if (d >= 0)
		close(d);
	free(logs);
	free(path);
	return rc;
}

/* The last component of a path. */
static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int fix_default(run_ctx *c, const csc_coverage *cv)
{
	run_period p;
	run_period_from_end(csc_coverage_default_end(cv, today()), &p);
	char *pending = csc_xstrdup(base(c->log_path));
	run_ctx_paths(c, &p);
	int rc = 0;
	if (run_out_period(c, 1) != 0 || move_log(c, pending, base(c->log_path)) != 0)
		rc = CSC_EXIT_OUTPUT;
	free(pending);
	if (rc)
		return rc;
	setenv("CSC_LOG", c->log_path, 1);
	csc_diag_reopen_log();
	char why[200];
	if (cv->limit >= 0)
		csc_log("period %s: the last complete month the data covers (%s)", p.label,
			csc_coverage_says(cv, cv->limit, why, sizeof why));
	else
		csc_log("period %s: the last complete month (no input holds a dated record)", p.label);
	return run_settings(c);
}

int run_coverage(run_ctx *c)
{
	int rc;
	char *stg = csc_path_join(c->out, "staging");
	csc_coverage cv;
	csc_coverage_init(&cv, c->conf);
	rc = csc_coverage_read(&cv, stg, 0);
	free(stg);
	if (rc)
		return CSC_EXIT_INPUT;
	char why[200];
	for (int i = 0; i < CSC_NINPUTS; i++)
		if (cv.in[i].data_to != CSC_NODATE && cv.in[i].data_to > today())
			csc_info("warning: %s, after today: a dump cannot hold events after the day it was made",
				 csc_coverage_says(&cv, i, why, sizeof why));
	if (!c->period.label[0])
		return fix_default(c, &cv);
	switch (csc_coverage_judge(&cv, run_period_start(&c->period), c->period.end)) {
	case CSC_COV_NODATA:
		csc_error("period %s starts after the data: %s; report an earlier period "
			  "(the default is the last complete month the data covers)",
			  c->period.label, csc_coverage_says(&cv, cv.limit, why, sizeof why));
		return CSC_EXIT_CONFIG;
	case CSC_COV_PARTIAL:
		csc_info("period %s is partial: %s", c->period.label,
			 csc_coverage_says(&cv, cv.limit, why, sizeof why));
		break;
	case CSC_COV_COMPLETE:
		break;
	}
	return 0;
}

void run_coverage_default(const csc_conf *conf, run_period *p)
{
	char *stg = csc_path_join(conf->output_dir, "staging");
	csc_coverage cv;
	csc_coverage_init(&cv, conf);
	if (csc_coverage_read(&cv, stg, 1) != 0) {
		/* nothing extracted yet: verify will find no published pack */
		cv.limit = -1;
		cv.data_to = CSC_NODATE;
	}
	free(stg);
	run_period_from_end(csc_coverage_default_end(&cv, today()), p);
}
