/*
 * csc-share - a pseudonymised extract of a run's staging tables for a
 * regional alliance or research partner (PUBLISHING.md section 2; README
 * "Sharing records").
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_conf.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "run/run.h"
#include "run/run_period.h"
#include "share_extract.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: csc-share --conf FILE --profile NAME [--period YYYY-MM|YYYY-Qn] [--quiet]\n");
}

static void help(void)
{
	printf("NAME\n"
	       "    csc-share - write a pseudonymised extract of a run's staging tables\n\n"
	       "SYNOPSIS\n"
	       "    csc-share --conf FILE --profile NAME [--period YYYY-MM|YYYY-Qn] [--quiet]\n\n"
	       "DESCRIPTION\n"
	       "    Reads the staging tables of the run (<output_dir>/staging, as csc-run\n"
	       "    leaves them) and writes the files the profile names into\n"
	       "    <output_dir>/share/<profile>-<period>/ with manifest.csv (profile,\n"
	       "    program version, period, rows and SHA-256 of every file; never the key).\n"
	       "    Every child and worker identifier becomes the first 20 lowercase hex\n"
	       "    digits of its HMAC-SHA-256 under the key in share_key_file (the same\n"
	       "    identifier gives the same pseudonym in every file and every run with the\n"
	       "    same key); dates of birth, expected birth and death go to the first of\n"
	       "    their month; postcodes to their sector (blank when not a postcode);\n"
	       "    UPNs, the MOTHER flag and trace columns are dropped. Profiles are listed\n"
	       "    in docs/FORMATS.md, \"Shared extracts\".\n\n"
	       "    All or nothing: the files are written in a temporary folder renamed into\n"
	       "    place at the end; a value that does not transform, a staging table whose\n"
	       "    columns differ from the profile's, or a refused key leaves no file (an\n"
	       "    earlier extract of the same period stays as it was). The rows are the\n"
	       "    staged dumps as they stand; the period names the extract.\n\n"
	       "    The key file must be a regular file (not a link) of 32 to 4096 bytes\n"
	       "    that neither group nor others may read or write (chmod 600).\n\n"
	       "OPTIONS\n"
	       "    --conf FILE     pipeline.conf, with share_key_file (required)\n"
	       "    --profile NAME  what the recipient receives (required):\n");
	for (int i = 0; share_profiles[i]; i++)
		printf("                    %s: %s\n", share_profiles[i]->name, share_profiles[i]->about);
	printf("    --period P      2024-02 or 2024-Q3; default period_end from the conf\n"
	       "    --quiet         print nothing on success\n"
	       "    --version       print the release and git description\n"
	       "    --help          this text\n\n"
	       "EXIT STATUS\n"
	       "    0 success; 3 no staging folder, a staging table unreadable or not the profile's\n"
	       "    columns, or a value that does not transform; 4 bad configuration or\n"
	       "    usage (no share_key_file, key file refused, unknown profile, no period,\n"
	       "    an output folder csc-run has not marked); 5 a run holds the output\n"
	       "    folder; 6 the extract could not be written, or a symbolic link in the\n"
	       "    output folder (never followed);\n"
	       "    7 internal error.\n");
}

static int share(const csc_conf *conf, const share_profile *prof, const run_period *per)
{
	share_key key;
	if (!conf->share_key_file) {
		csc_error_at(conf->path, 0, "no share_key_file: name the pseudonym key file");
		return CSC_EXIT_CONFIG;
	}
	if (share_key_load(conf->share_key_file, &key) != 0)
		return CSC_EXIT_CONFIG;
	/* the lock, and no link at staging or any staging table (README,
	 * "The output folder") */
	run_out_use u;
	int rc = run_out_use_open(&u, conf->output_dir, "sharing from it");
	if (rc != 0) {
		share_key_wipe(&key);
		return rc;
	}
	char leaf[128], tmp[160];
	snprintf(leaf, sizeof leaf, "%s-%s", prof->name, per->label);
	snprintf(tmp, sizeof tmp, "%s.tmp", leaf);
	const char *const names[] = {leaf, tmp, NULL};
	rc = run_out_use_place(&u, "share", names);
	char *staging = csc_path_join(u.out, "staging");
	char *sdir = csc_path_join(u.out, "share");
	char *dest = csc_path_join(sdir, leaf);
	share_job job = {.profile = prof, .key = &key, .staging = staging, .dest = dest,
			 .period = per->label};
	if (rc == 0)
		rc = share_extract(&job);
	if (rc == 0)
		csc_info("%s: %d files, %ld rows (profile %s)", dest, job.files, job.rows, prof->name);
	else
		unlinkat(u.fd, "share", AT_REMOVEDIR); /* only if empty: nothing left */
	share_key_wipe(&key);
	free(staging);
	free(sdir);
	free(dest);
	run_out_use_close(&u);
	return rc;
}

int main(int argc, char **argv)
{
	csc_diag_init(argv[0]);
	static const struct option opts[] = {
		{"conf", required_argument, NULL, 'c'}, {"period", required_argument, NULL, 'p'},
		{"profile", required_argument, NULL, 'P'}, {"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},       {"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}};
	const char *conf_path = NULL, *period_arg = NULL, *profile = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "c:p:P:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'c': conf_path = optarg; break;
		case 'p': period_arg = optarg; break;
		case 'P': profile = optarg; break;
		case 'q': csc_diag_quiet(1); break;
		case 'h': help(); return CSC_EXIT_OK;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		default: usage(stderr); return CSC_EXIT_CONFIG;
		}
	}
	if (!conf_path || !profile || optind != argc) {
		usage(stderr);
		return CSC_EXIT_CONFIG;
	}
	const share_profile *prof = share_profile_find(profile);
	if (!prof) {
		csc_error("--profile: no profile '%s' (csc-share --help lists them)", profile);
		return CSC_EXIT_CONFIG;
	}
	run_period per = {0};
	if (period_arg && run_period_parse(period_arg, &per) != 0) {
		csc_error("--period: '%s' is not YYYY-MM or YYYY-Qn", period_arg);
		return CSC_EXIT_CONFIG;
	}
	csc_conf *conf = csc_conf_load(conf_path);
	if (!conf)
		return CSC_EXIT_CONFIG;
	int rc = CSC_EXIT_CONFIG;
	if (!period_arg && conf->period_end == CSC_NODATE)
		csc_error("no period: give --period or period_end in %s", conf_path);
	else {
		if (!period_arg)
			run_period_from_end(conf->period_end, &per);
		rc = share(conf, prof, &per);
	}
	csc_conf_free(conf);
	return rc;
}
