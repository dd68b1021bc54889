/* main.c - csc-transform: staging CSVs in, measures out. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csc_conf.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "tx.h"

static const char usage_text[] =
	"usage: csc-transform --conf FILE [--period YYYY-MM] [--out DIR] [--jobs N] [--quiet]\n";

static void help(void)
{
	printf("NAME\n"
	       "    csc-transform - compute the children's social care measures\n\n"
	       "SYNOPSIS\n"
	       "    csc-transform --conf FILE [--period YYYY-MM] [--out DIR] [--jobs N] [--quiet]\n\n"
	       "DESCRIPTION\n"
	       "    Reads the staging tables under <output_dir>/staging (docs/FORMATS.md),\n"
	       "    computes every measure of the catalogue (MEASURES.md) for each month of\n"
	       "    the window, each financial-year quarter, the previous financial year,\n"
	       "    the year to date and the rolling 12 months, and writes measures.csv,\n"
	       "    drilldown.csv and drilldown_periods.csv (the records behind the figures\n"
	       "    of the periods drilldown_periods names, each record once with the\n"
	       "    periods it counts in), dq.csv, rag.csv and\n"
	       "    definitions.csv into <output_dir>, and coverage.csv: how far each input's\n"
	       "    data runs (staging/coverage_<input>.csv, or data_extracted) and whether\n"
	       "    the period ends after it. A period that starts after the data has no\n"
	       "    figures (no rows), never zeros.\n"
	       "    Every file appears complete or not at all. A measure whose input is not\n"
	       "    configured has no rows and is listed as not available.\n"
	       "    The inputs (contacts, CIN, early help, SSDA903) are computed at once on\n"
	       "    up to transform_jobs threads; the outputs are byte for byte those of\n"
	       "    one thread.\n\n"
	       "OPTIONS\n"
	       "    --conf FILE       pipeline.conf to use (required)\n"
	       "    --period YYYY-MM  report up to this month instead of period_end\n"
	       "    --out DIR         write the outputs into DIR instead of output_dir (the\n"
	       "                      staging tables are still read from output_dir/staging)\n"
	       "    --jobs N          compute up to N inputs at once (1-" CSC_JOBS_MAX_TEXT "; default\n"
	       "                      transform_jobs, whose default auto is the cores online)\n"
	       "    --quiet           print nothing on success\n"
	       "    --help            show this text\n"
	       "    --version         print the release and git description\n\n"
	       "EXIT STATUS\n"
	       "    0 success; 3 a staging table, the bank-holiday calendar or the\n"
	       "    comparators are missing or malformed; 4 bad configuration or usage\n"
	       "    (including a missing population year or a period outside the\n"
	       "    calendar); 6 an output could not be written; 7 internal error.\n\n"
	       "SETTINGS\n");
	csc_conf_print_keys();
}

/* The last complete month: the documented default when period_end is not
 * set. It is the only use of the clock, and only when the user asked for it. */
static void default_period(csc_conf *c)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	csc_date today = csc_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	c->period_end = csc_month_first(today) - 1;
}

int main(int argc, char **argv)
{
	csc_diag_init(argv[0]);
	static const struct option opts[] = {
		{"conf", required_argument, NULL, 'c'},
		{"period", required_argument, NULL, 'p'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"out", required_argument, NULL, 'o'},
		{"version", no_argument, NULL, 'V'},
		{"jobs", required_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	const char *conf = NULL, *period = NULL, *out = NULL;
	int quiet = 0, jobs = 0, ch;
	while ((ch = getopt_long(argc, argv, "c:p:qho:j:", opts, NULL)) != -1) {
		switch (ch) {
		case 'o': out = optarg; break;
		case 'c': conf = optarg; break;
		case 'p': period = optarg; break;
		case 'q': quiet = 1; break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || end == optarg || n < 1 || n > CSC_JOBS_MAX) {
				csc_error("--jobs must be 1 to %d", CSC_JOBS_MAX);
				fputs(usage_text, stderr);
				return CSC_EXIT_CONFIG;
			}
			jobs = (int)n;
			break;
		}
		case 'h': help(); return CSC_EXIT_OK;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		default: fputs(usage_text, stderr); return CSC_EXIT_CONFIG;
		}
	}
	if (!conf || optind != argc) {
		fputs(usage_text, stderr);
		return CSC_EXIT_CONFIG;
	}
	csc_diag_quiet(quiet);
	csc_conf *c = csc_conf_load(conf);
	if (!c)
		return CSC_EXIT_CONFIG;
	if (period && csc_conf_set_period(c, period) != 0) {
		csc_error("--period: '%s' is not a month YYYY-MM", period);
		csc_conf_free(c);
		return CSC_EXIT_CONFIG;
	}
	if (c->period_end == CSC_NODATE)
		default_period(c);
	if (out && csc_mkdirs(out) != 0) {
		csc_error_at(out, 0, "cannot create output folder: %m");
		csc_conf_free(c);
		return CSC_EXIT_OUTPUT;
	}
	tx_opts o = {NULL, out, quiet, jobs};
	int rc = tx_run(c, &o, NULL);
	csc_conf_free(c);
	return rc;
}
