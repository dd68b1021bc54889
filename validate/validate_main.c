/* validate_main.c - csc-validate: check CIN census and SSDA903 returns
 * against the DfE validation rules. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cin_rules.h"
#include "csc_datadir.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "csc_workday.h"
#include "v903.h"
#include "v_engine.h"

static const char usage_line[] =
	"usage: csc-validate (--cin FILE.xml [--cin-previous FILE.xml] | --903 DIR [--903-previous DIR])...\n"
	"                    [--reference-date YYYY-MM-DD | --year YYYY] [--la NNN]\n"
	"                    [-o OUTDIR] [--ref DIR] [--quiet]\n";

static void help(void)
{
	printf("NAME\n"
	       "    csc-validate - check CIN census and SSDA903 returns against the DfE rules\n"
	       "\n"
	       "SYNOPSIS\n"
	       "    csc-validate --cin FILE.xml [--cin-previous FILE.xml] [--903 DIR [--903-previous DIR]]\n"
	       "                 [--reference-date YYYY-MM-DD | --year YYYY] [--la NNN]\n"
	       "                 [-o OUTDIR] [--ref DIR] [--quiet]\n"
	       "\n"
	       "DESCRIPTION\n"
	       "    Reads a CIN census return (XML, streamed one child at a time) and/or a\n"
	       "    folder of SSDA903 CSVs and runs every DfE validation rule of the\n"
	       "    2025-26 rule sets (ref/cin-rules-2025-26.csv, ref/ssda903-rules-2025-26.csv).\n"
	       "    Each failure is reported with its rule code, the DfE message, the child,\n"
	       "    table, field, value and line. Codes ending in Q are queries (warnings);\n"
	       "    the others are errors.\n"
	       "\n"
	       "    The census year is the 12 months ending on the reference date: the\n"
	       "    --reference-date given, else the file's Header/CollectionDetails/\n"
	       "    ReferenceDate, else 31 March of --year. Working-day rules use the bank\n"
	       "    holidays in <ref>/bank-holidays-england-wales.csv.\n"
	       "\n"
	       "    The SSDA903 collection year (1 April - 31 March) ends on 31 March of\n"
	       "    --year, or on the 31 March on or after --reference-date. Without either\n"
	       "    it is the year holding most of the return's episode end, review, missing\n"
	       "    and social worker dates, which is said on stderr.\n"
	       "\n"
	       "    Outputs, each written whole or not at all, in OUTDIR:\n"
	       "      issues.csv         rule,severity,child,table,field,value,line,message,\n"
	       "                         sorted by child, then line, then rule\n"
	       "      rules_not_run.csv  rule,reason: rules that could not run (an input they\n"
	       "                         need was not supplied); never silently passed\n"
	       "      validation.xlsx    Summary by rule, every issue as a filterable table,\n"
	       "                         a per-child view, and the rules not run\n"
	       "\n"
	       "OPTIONS\n"
	       "    --cin FILE            CIN census XML to validate\n"
	       "    --cin-previous FILE   previous year's CIN return (checked for readability;\n"
	       "                          no 2025-26 CIN rule compares years)\n"
	       "    --903 DIR             folder of SSDA903 CSVs to validate\n"
	       "    --903-previous DIR    previous year's SSDA903 folder\n"
	       "    --reference-date D    census reference date (YYYY-MM-DD)\n"
	       "    --year YYYY           collection year ending 31 March YYYY\n"
	       "    --la NNN              the authority's 3-digit DfE LA number (warns when the\n"
	       "                          header's LEA differs)\n"
	       "    -o, --output DIR      output folder (default: the current folder)\n"
	       "    --ref DIR             reference data folder (default: %s/ref)\n"
	       "    -q, --quiet           no summary line\n"
	       "    -h, --help            this text\n"
	       "    --version             print the release and git description\n"
	       "\n"
	       "EXIT STATUS\n"
	       "    0  no issues\n"
	       "    1  queries only\n"
	       "    2  at least one error\n"
	       "    3  an input is missing or unreadable (XML not well-formed, wrong root,\n"
	       "       a CSV of the --903 folder that is empty or whose header row is no\n"
	       "       SSDA903 table, missing reference data); no output is written\n"
	       "    4  usage\n"
	       "    6  an output could not be written\n", csc_datadir());
}

/* Print why and the usage; the status for main through *status. */
static int usage(const char *why, int *status)
{
	if (why)
		csc_error("%s", why);
	fputs(usage_line, stderr);
	*status = CSC_EXIT_CONFIG;
	return -1;
}

typedef struct args {
	const char *cin, *cin_prev, *dir903, *prev903, *la, *out, *ref;
	char *installed_ref; /* the default ref, freed by main */
	csc_date refdate;
	int year;
	int quiet;
} args;

/* Returns 0 to go on, or -1 when main is to return *status at once (after
 * --help, --version or a usage error). */
static int parse(int argc, char **argv, args *a, int *status)
{
	enum { O_CIN = 256, O_CINPREV, O_903, O_903PREV, O_REFDATE, O_YEAR, O_LA, O_REF };
	static const struct option opts[] = {
		{"cin", required_argument, NULL, O_CIN},
		{"cin-previous", required_argument, NULL, O_CINPREV},
		{"903", required_argument, NULL, O_903},
		{"903-previous", required_argument, NULL, O_903PREV},
		{"reference-date", required_argument, NULL, O_REFDATE},
		{"year", required_argument, NULL, O_YEAR},
		{"la", required_argument, NULL, O_LA},
		{"output", required_argument, NULL, 'o'},
		{"ref", required_argument, NULL, O_REF},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	memset(a, 0, sizeof *a);
	a->refdate = CSC_NODATE;
	a->out = ".";
	a->ref = a->installed_ref = csc_datadir_path("ref");
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case O_CIN: a->cin = optarg; break;
		case O_CINPREV: a->cin_prev = optarg; break;
		case O_903: a->dir903 = optarg; break;
		case O_903PREV: a->prev903 = optarg; break;
		case O_REFDATE:
			if (csc_date_parse_iso(optarg, strlen(optarg), &a->refdate) < 0)
				return usage("--reference-date wants a real date as YYYY-MM-DD", status);
			break;
		case O_YEAR: {
			char *end;
			long y = strtol(optarg, &end, 10);
			if (*end || end == optarg || y < 1990 || y > 2100)
				return usage("--year wants a year such as 2026 (the year ending 31 March)",
					     status);
			a->year = (int)y;
			break;
		}
		case O_LA:
			if (strlen(optarg) != 3 || strspn(optarg, "0123456789") != 3)
				return usage("--la wants a 3-digit DfE LA number", status);
			a->la = optarg;
			break;
		case 'o': a->out = optarg; break;
		case O_REF: a->ref = optarg; break;
		case 'q': a->quiet = 1; break;
		case 'h':
			help();
			*status = CSC_EXIT_OK;
			return -1;
		case 'V':
			*status = csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
			return -1;
		default:
			return usage("unknown option or missing value", status);
		}
	}
	if (optind < argc)
		return usage("unexpected argument", status);
	if (!a->cin && !a->dir903)
		return usage("nothing to validate: give --cin FILE and/or --903 DIR", status);
	if (a->cin_prev && !a->cin)
		return usage("--cin-previous needs --cin", status);
	if (a->prev903 && !a->dir903)
		return usage("--903-previous needs --903", status);
	if (a->refdate != CSC_NODATE && a->year)
		return usage("give --reference-date or --year, not both", status);
	return 0;
}

static int load_catalogue(v_ctx *ctx, const char *ref, const char *name)
{
	char *p = csc_path_join(ref, name);
	int rc = v_load_catalogue(ctx, p);
	free(p);
	return rc;
}

int main(int argc, char **argv)
{
	csc_diag_init(argv[0]);
	args a;
	int status;
	if (parse(argc, argv, &a, &status)) {
		free(a.installed_ref);
		return status;
	}
	csc_diag_quiet(a.quiet);

	v_ctx *ctx = v_ctx_new();
	v_set_collection_year(ctx, a.year, a.refdate);
	int rc = CSC_EXIT_OK;
	csc_calendar *cal = NULL;
	if (a.cin) {
		if (load_catalogue(ctx, a.ref, "cin-rules-2025-26.csv") < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
		char *hp = csc_path_join(a.ref, "bank-holidays-england-wales.csv");
		cal = csc_calendar_load(hp);
		free(hp);
		if (!cal)
			csc_error("working-day rules will be listed as not run");
		if (a.cin_prev && cin_check_previous(a.cin_prev, a.cin_prev) < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
		cin_opts o = {a.refdate, a.year, a.la, cal};
		if (cin_validate_file(ctx, a.cin, a.cin, &o) < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
	}
	if (a.dir903) {
		if (load_catalogue(ctx, a.ref, "ssda903-rules-2025-26.csv") < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
		if (v903_run(ctx, a.dir903, a.prev903) < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
	}
	{
		char title[512];
		snprintf(title, sizeof title, "%s%s%s", a.cin ? a.cin : "", a.cin && a.dir903 ? " + " : "",
			 a.dir903 ? a.dir903 : "");
		if (v_write_outputs(ctx, a.out, title) < 0) {
			rc = CSC_EXIT_OUTPUT;
			goto out;
		}
	}
	rc = v_exit_status(ctx);
	{
		size_t ne = 0, nq = 0;
		for (size_t i = 0; i < v_issue_count(ctx); i++)
			*(strcmp(v_issue_at(ctx, i).severity, "error") == 0 ? &ne : &nq) += 1;
		csc_info("%zu errors, %zu queries, %zu rules not run; see %s/issues.csv and %s/validation.xlsx",
			 ne, nq, v_not_run_count(ctx), a.out, a.out);
	}
out:
	csc_calendar_free(cal);
	v_ctx_free(ctx);
	free(a.installed_ref);
	return rc;
}
