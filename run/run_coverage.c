/* run_coverage.c - the period against the date the data runs to
 * (csc_coverage.h). The extracts run first ("make staging", incremental as
 * ever), so their coverage files can fix the default period or refuse a
 * period that starts after the data before anything is built for it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The lines logged before the period was known go to the top of its log. */
static int move_log(const char *from, const char *to)
{
	if (access(to, F_OK) != 0)
		return rename(from, to) == 0 || errno == ENOENT ? 0 : -1;
	FILE *in = fopen(from, "rb");
	if (!in)
		return errno == ENOENT ? 0 : -1;
	FILE *out = fopen(to, "ab");
	char buf[8192];
	size_t n;
	int rc = out ? 0 : -1;
	while (out && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc == 0 ? unlink(from) : -1;
}

static int fix_default(run_ctx *c, const csc_coverage *cv)
{
	run_period p;
	run_period_from_end(csc_coverage_default_end(cv, today()), &p);
	char *pending = csc_xstrdup(c->log_path);
	run_ctx_paths(c, &p);
	int rc = 0;
	if (run_out_period(c, 1) != 0) {
		rc = CSC_EXIT_OUTPUT;
	} else if (move_log(pending, c->log_path) != 0) {
		csc_error_at(c->log_path, 0, "cannot write the run log: %s", strerror(errno));
		rc = CSC_EXIT_OUTPUT;
	}
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

int run_coverage(run_ctx *c, int jobs)
{
	int rc = run_make(c, jobs, "staging");
	if (rc)
		return rc;
	char *stg = csc_path_join(c->out, "staging");
	csc_coverage cv;
	csc_coverage_init(&cv, c->conf);
	rc = csc_coverage_read(&cv, stg, 0);
	free(stg);
	if (rc)
		return CSC_EXIT_INPUT;
	char why[200];
	for (int i = 0; i < CSC_COV_NINPUTS; i++)
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
