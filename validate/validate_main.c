/* validate_main.c - csc-validate: check CIN census and SSDA903 returns
 * against the DfE validation rules. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cin_rules.h"
#include "csc_datadir.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "csc_workday.h"
#include "v903.h"
#include "v_engine.h"
#include "v_year.h"

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
	       "    return's collection year, 2023-24, 2024-25, 2025-26 or 2026-27:\n"
	       "    CIN from ref/cin-rules-by-year.csv (2026-27, with no published rules for\n"
	       "    its PreProceedingsandFGDM block, runs the 2025-26 rules and lists the\n"
	       "    block in rules_not_run.csv), SSDA903 from ref/ssda903-rules-by-year.csv\n"
	       "    and ref/ssda903-codes-by-year.csv.\n"
	       "    Each failure is reported with its rule code, the DfE message, the child,\n"
	       "    table, field, value and line. Codes ending in Q are queries (warnings);\n"
	       "    the others are errors.\n"
	       "\n"
	       "    The census year is the 12 months ending on the reference date: the\n"
	       "    --reference-date given, else the file's Header/CollectionDetails/\n"
	       "    ReferenceDate, else 31 March of --year. The CIN rule set is that of the\n"
	       "    year ending the 31 March on or after --reference-date, else --year, else\n"
	       "    the header's ReferenceDate, else its Year; a year with no rule set here\n"
	       "    is refused (exit 4). Working-day rules use the bank holidays in\n"
	       "    <ref>/bank-holidays-england-wales.csv.\n"
	       "\n"
	       "    The SSDA903 collection year (1 April - 31 March), and so its rule set,\n"
	       "    ends on 31 March of --year, or on the 31 March on or after\n"
	       "    --reference-date. Without either it is the year holding most of the\n"
	       "    return's episode end, review, missing and social worker dates, which is\n"
	       "    said on stderr. A year with no rule set here is refused (exit 4).\n"
	       "\n"
	       "    Outputs, each written whole or not at all, in OUTDIR:\n"
	       "      issues.csv         rule,severity,child,table,field,value,line,message,\n"
	       "                         sorted by child, then line, then rule\n"
	       "      summary.csv        rule_set,errors,queries,rules_not_run: the rule set\n"
	       "                         (collection and year, e.g. \"SSDA903 2025-26\") each\n"
	       "                         count of issues.csv comes from\n"
	       "      rules_not_run.csv  rule,reason,rule_set: rules that could not run (an\n"
	       "                         input they need was not supplied); never silently passed\n"
	       "      validation.xlsx    for the data officer: a cover (authority, rule sets,\n"
	       "                         reference date, input files and their SHA-256, run time,\n"
	       "                         version, OFFICIAL-SENSITIVE), summary by rule, every issue\n"
	       "                         (errors first) with a column for the officer's reason or\n"
	       "                         action, a per-child view and the rules not run; printable\n"
	       "\n"
	       "OPTIONS\n"
	       "    --cin FILE            CIN census XML to validate\n"
	       "    --cin-previous FILE   previous year's CIN return (checked for readability;\n"
	       "                          no CIN rule compares years)\n"
	       "    --903 DIR             folder of SSDA903 CSVs to validate\n"
	       "    --903-previous DIR    previous year's SSDA903 folder\n"
	       "    --reference-date D    census reference date (YYYY-MM-DD)\n"
	       "    --year YYYY           collection year ending 31 March YYYY\n"
	       "    --la NNN              the authority's 3-digit DfE LA number (warns when the\n"
	       "                          header's LEA differs)\n"
	       "    -o, --output DIR      output folder (default: a folder in the current one named\n"
	       "                          after the return and its year, e.g. cin-2026-checks-2025-26)\n"
	       "    --ref DIR             reference data folder: rule sets, CIN XSDs (the code\n"
	       "                          lists), bank holidays (default: %s/ref)\n"
	       "    -q, --quiet           no summary line\n"
	       "    -h, --help            this text\n"
	       "    --version             print the release and git description\n"
	       "\n"
	       "EXIT STATUS\n"
	       "    0  no issues\n"
	       "    1  queries only\n"
	       "    2  at least one error\n"
	       "    3  an input is missing or unreadable (XML not well-formed, wrong root,\n"
	       "       a <Children> holding elements but no <Child>,\n"
	       "       a CSV of the --903 folder that is empty or whose header row is no\n"
	       "       SSDA903 table, missing reference data); no output is written\n"
	       "    4  usage, or a return of a collection year with no rule set here\n"
	       "    6  an output could not be written\n"
	       "\n"
	       "ENVIRONMENT\n"
	       "    SOURCE_DATE_EPOCH     the run time the cover shows (seconds since 1970),\n"
	       "                          for byte-identical outputs; default: the clock\n", csc_datadir());
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
	const char *cin, *vcin_prev, *dir903, *prev903, *la, *out, *ref;
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
	a->out = NULL;
	a->ref = a->installed_ref = csc_datadir_path("ref");
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case O_CIN: a->cin = optarg; break;
		case O_CINPREV: a->vcin_prev = optarg; break;
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
	if (a->vcin_prev && !a->cin)
		return usage("--cin-previous needs --cin", status);
	if (a->prev903 && !a->dir903)
		return usage("--903-previous needs --903", status);
	if (a->refdate != CSC_NODATE && a->year)
		return usage("give --reference-date or --year, not both", status);
	return 0;
}

/* The CIN return's collection year, refused when no rule set here is of
 * it; its rule catalogue loaded and its rule set current. Returns 0 or the
 * exit status (printed). */
static int vcin_prepare(v_ctx *ctx, const args *a, vcin_about *about)
{
	const v_collection *coll = v_collection_find("CIN");
	vcin_opts o = {a->refdate, a->year, a->la, NULL, 0, NULL};
	int year = vcin_return_year(a->cin, a->cin, &o, about);
	if (year < 0)
		return CSC_EXIT_INPUT;
	char y[16], r[16];
	if (year == 0) {
		year = coll->rules_last;
		csc_info("%s: no ReferenceDate or Year in the header and no --year: the CIN %s rules run",
			 a->cin, v_year_label(year, y, sizeof y));
	}
	if (v_year_check(coll, year, a->cin) < 0)
		return CSC_EXIT_CONFIG;
	if (year > coll->rules_last)
		csc_info("%s: CIN %s: no DfE rules are published for this year's changes; the %s rules "
			 "run, and PreProceedingsandFGDM is listed in rules_not_run.csv",
			 a->cin, v_year_label(year, y, sizeof y), v_year_label(coll->rules_last, r, sizeof r));
	char *p = csc_path_join(a->ref, coll->rules_csv);
	int rc = v_load_catalogue_year(ctx, p, year);
	free(p);
	if (rc < 0)
		return CSC_EXIT_INPUT;
	v_set_ruleset(ctx, coll->name, year);
	return 0;
}

/* The run time the cover shows: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, so the same inputs give the
 * same bytes; else the clock. 0, or -1 after printing why it is unusable. */
static int run_time_get(time_t *t)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (!e || !*e) {
		*t = time(NULL);
		return 0;
	}
	char *end;
	long long v = strtoll(e, &end, 10);
	if (*end || v < 0 || v > 253402300799LL || strspn(e, "0123456789") != strlen(e)) {
		csc_error("SOURCE_DATE_EPOCH '%s' is not a number of seconds since 1970", e);
		return -1;
	}
	*t = (time_t)v;
	return 0;
}

/* The CIN lines of the cover: the authority, the reference date, the file
 * and its SHA-256. Returns 0 or the exit status (printed). */
static int cover_cin(v_ctx *ctx, const args *a, const vcin_about *about)
{
	char buf[CSC_DATE_BUFSZ];
	if (about->refdate != CSC_NODATE)
		v_cover_add(ctx, "Reference date (CIN)", csc_date_dmy(about->refdate, buf));
	return v_cover_input(ctx, a->cin) < 0 ? CSC_EXIT_INPUT : 0;
}

/* The authority: --la, else the CIN header's LEA. */
static void cover_authority(v_ctx *ctx, const args *a, const vcin_about *about)
{
	char buf[96];
	if (a->la)
		snprintf(buf, sizeof buf, "LA %s (--la)", a->la);
	else if (about->lea[0])
		snprintf(buf, sizeof buf, "LA %s (the CIN return's header)", about->lea);
	else
		snprintf(buf, sizeof buf, "not known (give --la NNN)");
	v_cover_add(ctx, "Authority", buf);
}

/* The end of the cover: run time, program. (Not the output folder: the
 * same inputs give the same workbook wherever it is written.) */
static void cover_run(v_ctx *ctx, time_t t)
{
	char buf[96];
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
	v_cover_add(ctx, "Run time", buf);
	snprintf(buf, sizeof buf, "csc-validate %s", csc_version());
	v_cover_add(ctx, "Program", buf);
}

/* Without -o: a folder in the current one named after the first input
 * and the year of its rule set, "cin-2026-checks-2025-26" for
 * cin-2026.xml, so a run never leaves loose files. */
static char *default_outdir(const v_ctx *ctx, const args *a)
{
	const char *in = a->cin ? a->cin : a->dir903;
	size_t n = strlen(in);
	while (n > 1 && in[n - 1] == '/')
		n--;
	size_t b = n;
	while (b > 0 && in[b - 1] != '/')
		b--;
	size_t len = n - b;
	const char *name = in + b;
	if (a->cin && len > 4 && !strncasecmp(in + n - 4, ".xml", 4))
		len -= 4;
	if (len == 0 || name[0] == '.') { /* "--903 ." would make a hidden folder */
		name = a->cin ? "cin" : "ssda903";
		len = strlen(name);
	}
	/* the first rule set's label ends in its year, "CIN 2025-26" */
	const char *rs = v_ruleset_count(ctx) ? v_ruleset_label(ctx, 0) : "";
	const char *year = strrchr(rs, ' ');
	size_t cap = len + 32;
	char *dir = csc_xmalloc(cap);
	snprintf(dir, cap, "%.*s-checks%s%s", (int)len, name, year ? "-" : "", year ? year + 1 : "");
	return dir;
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

	time_t run_time;
	if (run_time_get(&run_time) < 0) {
		free(a.installed_ref);
		return CSC_EXIT_CONFIG;
	}
	v_ctx *ctx = v_ctx_new();
	v_set_collection_year(ctx, a.year, a.refdate);
	int rc = CSC_EXIT_OK;
	vcin_about about = {"", CSC_NODATE};
	char *outdir = NULL;
	csc_calendar *cal = NULL;
	vcin_codes codes;
	int have_codes = 0;
	if (a.cin) {
		if ((rc = vcin_prepare(ctx, &a, &about)) != 0)
			goto out;
		cover_authority(ctx, &a, &about);
		if ((rc = cover_cin(ctx, &a, &about)) != 0)
			goto out;
		char *hp = csc_path_join(a.ref, "bank-holidays-england-wales.csv");
		cal = csc_calendar_load(hp);
		free(hp);
		if (!cal)
			csc_error("working-day rules will be listed as not run");
		if (a.vcin_prev && vcin_check_previous(a.vcin_prev, a.vcin_prev) < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
		/* the code lists are the XSDs' in ref/, as the extractor's */
		if (vcin_codes_load(&codes, a.ref) < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
		have_codes = 1;
		vcin_opts o = {a.refdate, a.year, a.la, cal, v_ruleset_year(ctx), &codes};
		if (vcin_validate_file(ctx, a.cin, a.cin, &o) < 0) {
			rc = CSC_EXIT_INPUT;
			goto out;
		}
	}
	if (a.dir903) {
		if (!a.cin)
			cover_authority(ctx, &a, &about);
		/* the year's rule set and code lists: v903_run reads them once it
		 * knows the year */
		if ((rc = v903_run(ctx, a.dir903, a.prev903, a.ref)) != 0)
			goto out;
	}
	{
		char title[512];
		snprintf(title, sizeof title, "%s%s%s", a.cin ? a.cin : "", a.cin && a.dir903 ? " + " : "",
			 a.dir903 ? a.dir903 : "");
		outdir = a.out ? csc_xstrdup(a.out) : default_outdir(ctx, &a);
		cover_run(ctx, run_time);
		if (v_write_outputs(ctx, outdir, title) < 0) {
			rc = CSC_EXIT_OUTPUT;
			goto out;
		}
	}
	rc = v_exit_status(ctx);
	{
		size_t ne = 0, nq = 0;
		for (size_t i = 0; i < v_issue_count(ctx); i++)
			*(strcmp(v_issue_at(ctx, i).severity, "error") == 0 ? &ne : &nq) += 1;
		char sets[256] = "";
		for (size_t i = 0; i < v_ruleset_count(ctx); i++)
			snprintf(sets + strlen(sets), sizeof sets - strlen(sets), "%s%s", i ? ", " : "",
				 v_ruleset_label(ctx, i));
		csc_info("%s: %zu errors, %zu queries, %zu rules not run; see %s/issues.csv and %s/validation.xlsx",
			 sets, ne, nq, v_not_run_count(ctx), outdir, outdir);
	}
out:
	free(outdir);
	if (have_codes)
		vcin_codes_free(&codes);
	csc_calendar_free(cal);
	v_ctx_free(ctx);
	free(a.installed_ref);
	return rc;
}
