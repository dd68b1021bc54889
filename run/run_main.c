/*
 * csc-run - run the whole pipeline for one period, safely, for cron.
 *
 * It takes the output folder's lock, writes the settings fingerprints that
 * let make rebuild only what a changed setting affects, runs the stage chain
 * in mk/pipeline.mk, and publishes the finished set of outputs atomically as
 * <output_dir>/<period> with a manifest. See usage() and README "Running".
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "csc_conf.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "run.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: csc-run --conf FILE [--period YYYY-MM|YYYY-Qn] [--jobs N] [--quiet]\n"
		   "               [--accept-drop]\n"
		   "       csc-run --conf FILE --target staging [--accept-drop]\n"
		   "       csc-run --conf FILE --verify [--period P]\n");
}

static void help(void)
{
	printf("NAME\n"
	       "    csc-run - run extract, transform and load for one period\n\n"
	       "SYNOPSIS\n"
	       "    csc-run --conf FILE [--period YYYY-MM|YYYY-Qn] [--jobs N] [--quiet]\n"
	       "            [--accept-drop]\n\n"
	       "DESCRIPTION\n"
	       "    Builds the highlight and quarterly workbooks, measures and drill-down for\n"
	       "    one month or financial quarter (with annexa = yes in the conf, Ofsted's\n"
	       "    Annex A too: csc-annexa for the day after the data's end, after the\n"
	       "    load), rebuilding only what changed inputs,\n"
	       "    settings, templates or programs affect (mk/pipeline.mk); an input has\n"
	       "    changed when its content has, whatever its modification time. Outputs are\n"
	       "    published together as <output_dir>/<period> (a link swapped atomically),\n"
	       "    with manifest.csv holding the SHA-256 of every input and output, the\n"
	       "    settings, the period and the program version. A run killed at any point\n"
	       "    leaves the previously published outputs as they were.\n\n"
	       "    Only one run may use an output folder at a time; the lock is released by\n"
	       "    the kernel when a run dies, so a killed run never blocks the next one.\n"
	       "    Messages of every stage are appended, timestamped, to\n"
	       "    <output_dir>/logs/run-<period>.log.\n\n"
	       "    The data runs to the latest event date each input holds, or to\n"
	       "    data_extracted in the conf; the earliest over the inputs is the data's end.\n"
	       "    The extracts run first, then a period that starts after the data's end is\n"
	       "    refused (exit 4), one that ends after it is published as partial (\"data\n"
	       "    to\" on the workbooks and in coverage.csv), and the default period is the\n"
	       "    last complete month the data covers.\n\n"
	       "    The output folder is cscpipe's alone (README, \"The output folder\"):\n"
	       "    it is marked with .cscpipe, no link in it is ever followed, and each\n"
	       "    run first removes what killed runs left there.\n\n"
	       "    Loud on bad data: a stage whose input rejects more than max_reject_percent\n"
	       "    (default 5) of its records fails the run, and an input whose records read\n"
	       "    fell by more than max_drop_percent (default 50) since the last publication\n"
	       "    stops it before anything is built from it; both exit 2 and nothing is\n"
	       "    published. Every input with rejects gets one line on stderr, with --quiet too.\n\n"
	       "OPTIONS\n"
	       "    --conf FILE     pipeline.conf (required)\n"
	       "    --period P      2023-09 (a month) or 2023-Q3 (financial quarter 3 of\n"
	       "                    2023-24: October-December 2023). Default: period_end from\n"
	       "                    the conf, else the last complete month the data covers\n"
	       "                    (above).\n"
	       "    --jobs N        stages run in parallel where independent (default 2)\n"
	       "    --target staging\n"
	       "                    only bring the staging tables up to date (for csc-returns)\n"
	       "    --verify        rebuild the period from the same inputs and settings in a\n"
	       "                    temporary folder and compare every output with the\n"
	       "                    published manifest; exit 0 when identical, 2 otherwise;\n"
	       "                    the rebuild's log is kept in\n"
	       "                    <output_dir>/logs/verify-<period>.log\n"
	       "    --quiet         print nothing on a success without rejects (for cron)\n"
	       "    --accept-drop   publish although an input's records read fell by more than\n"
	       "                    max_drop_percent since the last publication (the export\n"
	       "                    really is smaller); that publication is the new baseline\n"
	       "    --help          this text\n"
	       "    --version       print the release and git description\n\n"
	       "EXIT STATUS\n"
	       "    0 success; 2 validation errors in the data (reject share above\n"
	       "    max_reject_percent, or records read fell by more than max_drop_percent);\n"
	       "    3 unreadable input; 4 bad configuration or usage,\n"
	       "    a period that starts after the data, or an output_dir refused (a system\n"
	       "    folder, or a non-empty folder without the .cscpipe marker); 5 another run\n"
	       "    holds the output folder; 6 an output could not be written (disk full,\n"
	       "    read-only, a symbolic link in the output folder); 7 internal error.\n");
}

/* This run's counts, and the stop when one fell too far since the last
 * publication. 0 or an exit code. */
static int check_counts(run_ctx *c, run_counts *now, int accept)
{
	if (run_counts_staged(c, now) != 0)
		return CSC_EXIT_INTERNAL;
	run_counts before;
	int rc = run_counts_published(c, &before);
	if (rc < 0)
		return CSC_EXIT_OUTPUT;
	return rc == 0 ? run_check_drop(&before, now, c->conf->max_drop_percent, accept) : 0;
}

int main(int argc, char **argv)
{
	csc_diag_init(argv[0]);
	static const struct option opts[] = {
		{"conf", required_argument, NULL, 'c'}, {"period", required_argument, NULL, 'p'},
		{"jobs", required_argument, NULL, 'j'}, {"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},       {"target", required_argument, NULL, 't'},
		{"verify", no_argument, NULL, 'v'},     {"version", no_argument, NULL, 'V'},
		{"accept-drop", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0}};
	const char *conf_path = NULL, *period_arg = NULL, *target = "all";
	int jobs = 2, quiet = 0, verify = 0, accept_drop = 0, c;
	while ((c = getopt_long(argc, argv, "c:p:j:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'c': conf_path = optarg; break;
		case 'p': period_arg = optarg; break;
		case 'j': jobs = atoi(optarg); break;
		case 'q': quiet = 1; break;
		case 'h': help(); return 0;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		case 't': target = optarg; break;
		case 'v': verify = 1; break;
		case 'a': accept_drop = 1; break;
		default: usage(stderr); return CSC_EXIT_CONFIG;
		}
	}
	if (!conf_path || optind != argc || jobs < 1 || jobs > 64 ||
	    (strcmp(target, "all") && strcmp(target, "staging"))) {
		usage(stderr);
		return CSC_EXIT_CONFIG;
	}
	if (quiet) {
		csc_diag_quiet(1);
		setenv("CSC_QUIET", "1", 1);
	}
	csc_conf *conf = csc_conf_load(conf_path);
	if (!conf)
		return CSC_EXIT_CONFIG;

	run_period period = {0}; /* no label: the data's coverage fixes it (run_coverage) */
	int all = !strcmp(target, "all");
	if (period_arg) {
		if (run_period_parse(period_arg, &period) != 0) {
			csc_error("--period: '%s' is not YYYY-MM or YYYY-Qn", period_arg);
			csc_conf_free(conf);
			return CSC_EXIT_CONFIG;
		}
	} else if (conf->period_end != CSC_NODATE) {
		run_period_from_end(conf->period_end, &period);
	} else if (verify) {
		run_coverage_default(conf, &period);
	} else if (!all) {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		run_period_last_complete(csc_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), &period);
	}

	if (verify) {
		int vrc = run_verify(conf, conf_path, &period, argv[0]);
		csc_conf_free(conf);
		return vrc;
	}
	run_ctx ctx;
	int early = run_ctx_init(&ctx, conf, conf_path, period.label[0] ? &period : NULL, argv[0]);
	if (!early)
		early = run_check_inputs(&ctx);
	int lock = -1;
	if (!early) {
		lock = run_out_lock(ctx.outfd, ctx.out, &early);
	}
	if (early) {
		run_ctx_free(&ctx);
		csc_conf_free(conf);
		return early;
	}

	/* what runs killed earlier left behind; only now that no other run can
	 * be using the folder */
	if (run_out_tidy(ctx.outfd, ctx.out, period.label) != 0) {
		close(lock);
		run_ctx_free(&ctx);
		csc_conf_free(conf);
		return CSC_EXIT_OUTPUT;
	}
	csc_info("run %s for %s started", period.label[0] ? period.label : "(period from the data)",
		 conf->la_name);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	run_counts now;
	int rc = run_settings(&ctx);
	if (rc == 0)
		rc = run_stamps(&ctx);
	/* the extracts first: an input that shrank stops the run before any
	 * figure is made from it, and before its coverage is judged (a list
	 * that lost most of its rows has usually lost its latest dates too,
	 * and the fall is the thing to say) */
	if (rc == 0)
		rc = run_make(&ctx, jobs, "staging");
	if (rc == 0)
		rc = check_counts(&ctx, &now, accept_drop);
	if (rc == 0 && all)
		rc = run_coverage(&ctx); /* staging was made just above */
	if (rc == 0 && all)
		rc = run_make(&ctx, jobs, target);
	int published = 0;
	if (rc == 0 && all) {
		rc = run_publish(&ctx);
		published = rc == 0;
	}
	if (published && run_counts_write(&ctx, &now) != 0)
		rc = CSC_EXIT_OUTPUT;
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	const char *label = ctx.period.label[0] ? ctx.period.label : "(period from the data)";
	if (rc == 0) {
		csc_log("run %s finished in %.1f s", label, secs);
		char *stg = csc_path_join(ctx.out, "staging");
		run_report_rejects(&now, all ? ctx.published : stg);
		free(stg);
		if (all)
			run_summary(&ctx, &now, secs);
	} else if (published) {
		csc_error("run %s published, but the counts the next run compares with were not "
			  "written (exit %d); log: %s", label, rc, ctx.log_path);
	} else {
		csc_error("run %s failed (exit %d) after %.1f s; published outputs are unchanged; log: %s",
			  label, rc, secs, ctx.log_path);
	}
	close(lock);
	run_ctx_free(&ctx);
	csc_conf_free(conf);
	return rc;
}
