/*
 * earlyhelp_main.c - csc-extract-earlyhelp: the early-help episodes list
 * (Annex A List 2 with the Tier / Episode end date / Closure reason
 * extensions) into staging/early_help.csv (docs/FORMATS.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes_builtin.h"
#include "csc_diag.h"
#include "list_cli.h"
#include "list_engine.h"
#include "list_dups.h"

static const char help[] =
	"NAME\n"
	"    csc-extract-earlyhelp - stage the early-help episodes list\n\n"
	"SYNOPSIS\n"
	"    csc-extract-earlyhelp --conf pipeline.conf [--quiet]\n"
	"    csc-extract-earlyhelp [-o STAGING] [--quiet] EARLY_HELP.csv\n\n"
	"DESCRIPTION\n"
	"    Reads the early-help list (the conf key `early_help`) and writes\n"
	"    STAGING/early_help.csv, rejects_early_help.csv and\n"
	"    recon_early_help.csv. Columns are matched by name ignoring case and\n"
	"    spaces; unknown columns are ignored. Required columns: Child Unique\n"
	"    ID, Episode ID, Assessment start date, Assessment completion date,\n"
	"    Tier, Episode end date, Closure reason; Organisation completing\n"
	"    assessment is optional (no measure uses it; its absence is reported\n"
	"    once). Dates are DD/MM/YYYY or YYYY-MM-DD. Tier is 2 (universal\n"
	"    plus) or 3 (targeted); Closure reason PROGRESS, STEPUP, DISENGAGED,\n"
	"    MOVED or OTHER (or their labels). A row is rejected, with file, line,\n"
	"    field, value and reason, when a value is bad, when the assessment is\n"
	"    completed or the episode ends before the assessment starts, when a\n"
	"    closure reason is given for an open episode; the rest goes on. A row\n"
	"    repeating an earlier one exactly is rejected as a duplicate naming\n"
	"    it; rows with one child and Episode ID and different values are all\n"
	"    rejected, with a finding in findings_early_help.csv.\n\n"
	"OPTIONS\n"
	"    --conf FILE   take input and output_dir from FILE\n"
	"    -o DIR        staging folder (standalone; default ./staging)\n"
	"    --ref DIR     reference folder (accepted for symmetry; unused)\n"
	"    --quiet       do not print the read = staged + rejected summary\n"
	"    --help        this text\n"
	"    --version     print the release and git description\n\n"
	"EXIT STATUS\n"
	"    0 done; 2 rejects above max_reject_percent; 3 input missing or\n"
	"    unparseable (staging untouched); 4 usage or configuration; 6 output\n"
	"    could not be written.\n";

enum { E_CHILD, E_EPISODE, E_START, E_DONE, E_ORG, E_TIER, E_END, E_REASON };

static codes_list tier, closure;

static const list_col cols[] = {
	[E_CHILD] = {"Child Unique ID", "child", LT_ID, 1, 0, NULL, 0, 0},
	[E_EPISODE] = {"Episode ID", "episode", LT_ID, 1, 0, NULL, 0, 0},
	[E_START] = {"Assessment start date", "assessment_start", LT_DATE_ANY, 1, 0, NULL, 0, 0},
	[E_DONE] = {"Assessment completion date", "assessment_completion", LT_DATE_ANY, 1, 1, NULL, 0, 0},
	/* no measure uses it (INPUTS.md 3): optional */
	[E_ORG] = {"Organisation completing assessment", "organisation", LT_TEXT, 0, 1, NULL, 0, 0},
	[E_TIER] = {"Tier", "tier", LT_CODE, 1, 0, &tier, 0, 0},
	[E_END] = {"Episode end date", "end_date", LT_DATE_ANY, 1, 1, NULL, 0, 0},
	[E_REASON] = {"Closure reason", "closure_reason", LT_CODE, 1, 1, &closure, 0, 0},
};

static const char *const stage_files[] = {"early_help.csv", NULL};

static int refuse(list_reject *rej, int col, const list_val *v, const char *reason)
{
	rej->field = cols[col].name;
	rej->value = v[col].s;
	snprintf(rej->reason, sizeof rej->reason, "%s", reason);
	return -1;
}

/* Episode IDs are unique within a child (list_dups.h). */
static const int dup_key[] = {E_CHILD, E_EPISODE};

static int check(void *ctx, list_reader *r, list_val *v, long line, list_reject *rej)
{
	(void)ctx;
	(void)r;
	(void)line;
	if (v[E_DONE].d != CSC_NODATE && v[E_DONE].d < v[E_START].d)
		return refuse(rej, E_DONE, v,
			      "Assessment completion date is before Assessment start date");
	if (v[E_END].d != CSC_NODATE && v[E_END].d < v[E_START].d)
		return refuse(rej, E_END, v, "Episode end date is before Assessment start date");
	if (*v[E_REASON].s && v[E_END].d == CSC_NODATE)
		return refuse(rej, E_REASON, v,
			      "Closure reason given but the episode has no Episode end date");
	return 0;
}

int main(int argc, char **argv)
{
	list_cli cli;
	int status;
	if (list_cli_parse(&cli, argc, argv, help, CSC_IN_EH, &status))
		return status;
	int rc;
	if (!cli.input) {
		rc = list_cli_not_configured(&cli, stage_files);
	} else {
		codes_builtin(&tier, "tier");
		codes_builtin(&closure, "closure");
		list_dups dups;
		list_dups_init(&dups, "EarlyHelp", dup_key, 2, E_CHILD);
		list_table t = {"EarlyHelp", cols, (int)(sizeof cols / sizeof cols[0]), 1, 0, check,
				NULL, &dups};
		rc = list_cli_run_one(&cli, &t, stage_files[0]);
		list_dups_free(&dups);
		codes_free(&tier);
		codes_free(&closure);
	}
	list_cli_free(&cli);
	return rc;
}
