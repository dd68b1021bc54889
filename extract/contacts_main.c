/*
 * contacts_main.c - csc-extract-contacts: the Annex A contacts list (List 1
 * with the Contact ID / Contact Outcome / Date Contact Completed
 * extensions) into staging/contacts.csv (docs/FORMATS.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes_builtin.h"
#include "codes_xsd.h"
#include "codes_yaml.h"
#include "csc_diag.h"
#include "list_cli.h"
#include "list_engine.h"
#include "list_dups.h"

static const char help[] =
	"NAME\n"
	"    csc-extract-contacts - stage the Annex A contacts list\n\n"
	"SYNOPSIS\n"
	"    csc-extract-contacts --conf pipeline.conf [--quiet]\n"
	"    csc-extract-contacts [-o STAGING] [--ref DIR] [--quiet] CONTACTS.csv\n\n"
	"DESCRIPTION\n"
	"    Reads the contacts list (the conf key `contacts`) and writes\n"
	"    STAGING/contacts.csv, rejects_contacts.csv and recon_contacts.csv.\n"
	"    Columns are matched by name ignoring case and spaces; unknown columns\n"
	"    are ignored. Required columns: Child Unique ID, Date of Contact,\n"
	"    Contact Source, Contact Outcome, Date Contact Completed. Optional:\n"
	"    Contact ID (each contact is then named row<line>), and Gender,\n"
	"    Ethnicity, Date of Birth and Age of Child (Years) (a decimal is\n"
	"    floored), which no measure uses; an absent optional column is\n"
	"    reported once, a present one checked.\n"
	"    Dates are DD/MM/YYYY or YYYY-MM-DD. Contact Source is a CIN\n"
	"    ReferralSource code, its Annex A form (q) 6: Police) or group, or its\n"
	"    label from CIN_schema_2024.xsd; Gender and Ethnicity a code, Annex A\n"
	"    form (b) Female, a) WBRI) or label; Contact Outcome is REF, IA, EH,\n"
	"    NFA or OTH (or their labels). A row with a bad value or a completion\n"
	"    date before the contact date is rejected with file, line, field,\n"
	"    value and reason; the rest goes on. A stray quote rejects only the\n"
	"    line it is on. A row repeating an earlier one exactly is rejected as\n"
	"    a duplicate naming it; rows with one Contact ID and different values\n"
	"    are all rejected, with a finding in findings_contacts.csv (without\n"
	"    Contact ID, only exact repeats).\n"
	"    An input that is not configured removes stale staging and exits 0.\n\n"
	"OPTIONS\n"
	"    --conf FILE   take input, output_dir and reference_dir from FILE\n"
	"    -o DIR        staging folder (standalone; default ./staging)\n"
	"    --ref DIR     reference folder with the XSD and YAML code lists\n"
	"    --quiet       do not print the read = staged + rejected summary\n"
	"    --help        this text\n"
	"    --version     print the release and git description\n\n"
	"EXIT STATUS\n"
	"    0 done; 2 rejects above max_reject_percent; 3 input missing or\n"
	"    unparseable (staging untouched); 4 usage or configuration; 6 output\n"
	"    could not be written.\n";

enum { C_ID, C_CHILD, C_GENDER, C_ETHNIC, C_DOB, C_AGE, C_DATE, C_SOURCE, C_OUTCOME, C_DONE };

static codes_list gender, ethnic, source, outcome;

static const list_col cols[] = {
	[C_ID] = {"Contact ID", "contact_id", LT_ID, 0, 0, NULL, 0, 0},
	[C_CHILD] = {"Child Unique ID", "child", LT_ID, 1, 0, NULL, 0, 0},
	/* no measure uses these four (INPUTS.md 3): optional, checked when present */
	[C_GENDER] = {"Gender", "gender", LT_CODE, 0, 1, &gender, 0, 0},
	[C_ETHNIC] = {"Ethnicity", "ethnicity", LT_CODE, 0, 1, &ethnic, 0, 0},
	[C_DOB] = {"Date of Birth", "dob", LT_DATE_ANY, 0, 1, NULL, 0, 0},
	[C_AGE] = {"Age of Child (Years)", "age", LT_YEARS, 0, 1, NULL, 0, 25},
	[C_DATE] = {"Date of Contact", "contact_date", LT_DATE_ANY, 1, 0, NULL, 0, 0},
	[C_SOURCE] = {"Contact Source", "source", LT_CODE, 1, 0, &source, 0, 0},
	[C_OUTCOME] = {"Contact Outcome", "outcome", LT_CODE, 1, 1, &outcome, 0, 0},
	[C_DONE] = {"Date Contact Completed", "completed_date", LT_DATE_ANY, 1, 1, NULL, 0, 0},
};

static const char *const stage_files[] = {"contacts.csv", NULL};

/* A contact is its Contact ID; without that column, the whole row
 * (list_dups.h): a repeated row is then a duplicate, never a conflict. */
static const int dup_key[] = {C_ID};

static int check(void *ctx, list_reader *r, list_val *v, long line, list_reject *rej)
{
	(void)ctx;
	if (r->map[C_ID] < 0) {
		int n = snprintf(r->scratch, sizeof r->scratch, "row%ld", line);
		v[C_ID].s = r->scratch;
		v[C_ID].n = (size_t)n;
	}
	if (v[C_DONE].d != CSC_NODATE && v[C_DONE].d < v[C_DATE].d) {
		rej->field = cols[C_DONE].name;
		rej->value = v[C_DONE].s;
		snprintf(rej->reason, sizeof rej->reason,
			 "Date Contact Completed is before Date of Contact");
		return -1;
	}
	return 0;
}

static int load_codes(const list_cli *cli)
{
	char *xsd = list_cli_ref(cli, "CIN_schema_2024.xsd");
	char *yml = list_cli_ref(cli, "SSDA903_schema_2024.yml");
	int rc = codes_xsd_load(xsd, "referralsourcetype", &source);
	codes_schema schema;
	if (rc == 0 && (rc = codes_yaml_load(yml, &schema)) == 0) {
		const yaml_col *e = codes_yaml_find(&schema, "Header", "ETHNIC");
		if (!e || !e->codes.n) {
			csc_error_at(yml, 0, "no ETHNIC code list under Header");
			rc = -1;
		} else {
			for (int i = 0; i < e->codes.n; i++)
				codes_add(&ethnic, e->codes.code[i]);
			for (int i = 0; i < e->codes.nalias; i++)
				if (e->codes.ato[i] >= 0)
					codes_alias(&ethnic, e->codes.akey[i],
						    e->codes.code[e->codes.ato[i]]);
		}
		codes_yaml_free(&schema);
	}
	codes_builtin(&source, "source");
	codes_builtin(&ethnic, "ethnicity");
	codes_builtin(&gender, "gender");
	codes_builtin(&outcome, "outcome");
	free(xsd);
	free(yml);
	return rc;
}

static void free_codes(void)
{
	codes_free(&gender);
	codes_free(&ethnic);
	codes_free(&source);
	codes_free(&outcome);
}

int main(int argc, char **argv)
{
	list_cli cli;
	int status;
	if (list_cli_parse(&cli, argc, argv, help, CSC_IN_CONTACTS, &status))
		return status;
	int rc;
	if (!cli.input) {
		rc = list_cli_not_configured(&cli, stage_files);
		list_cli_free(&cli);
		return rc;
	}
	if (load_codes(&cli) != 0) {
		free_codes();
		list_cli_free(&cli);
		return CSC_EXIT_CONFIG;
	}
	list_dups dups;
	list_dups_init(&dups, "Contacts", dup_key, 1, C_CHILD);
	list_table t = {"Contacts", cols, (int)(sizeof cols / sizeof cols[0]), 1, 0, check, NULL,
			&dups};
	rc = list_cli_run_one(&cli, &t, stage_files[0]);
	list_dups_free(&dups);
	free_codes();
	list_cli_free(&cli);
	return rc;
}
