/*
 * returns_main.c - csc-returns: write the statutory returns for one
 * collection year from the staging tables.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_conf.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "returns_903.h"
#include "returns_cin.h"
#include "returns_cover.h"
#include "returns_dir.h"
#include "returns_scope.h"
#include "run/run.h"

static void help(void)
{
	printf("NAME\n"
	       "    csc-returns - write the CIN census and SSDA903 returns for a collection year\n"
	       "\n"
	       "SYNOPSIS\n"
	       "    csc-returns --conf FILE --year YYYY [-o DIR] [--serial NNN] [--quiet]\n"
	       "    csc-returns --conf FILE --year YYYY [-o DIR] --print-dir\n"
	       "    csc-returns --conf FILE --year YYYY --print-data-end\n"
	       "\n"
	       "DESCRIPTION\n"
	       "    Reads the staging tables under <output_dir>/staging (docs/FORMATS.md) and\n"
	       "    writes the returns of the collection year that ends on 31 March YYYY\n"
	       "    (2025 = 1 April 2024 to 31 March 2025):\n"
	       "      cin-YYYY.xml       CIN census (children with a CIN episode open in the\n"
	       "                         year), element names of that year's specification:\n"
	       "                         Sex M/F/U from 2024-25, GenderCurrent 1/2/0 before\n"
	       "      ssda903-YYYY/      the SSDA903 tables of that year as CSV (DoLo from\n"
	       "                         2026-27), DD/MM/YYYY dates, SEX M/F/U from 2024-25,\n"
	       "                         1/2 before, PLACE in the year's codes (K3 as H5\n"
	       "                         before 2024-25, Z11-Z14 as Z1 before 2025-26)\n"
	       "    Only inputs that were staged are written. Anything dated after the\n"
	       "    reference date (31 March YYYY) is written as it stood on that date.\n"
	       "    The scoping rules are in returns/RETURNS.md.\n"
	       "\n"
	       "    The folder is written as a whole into a temporary sibling and then\n"
	       "    swapped into place: a killed run leaves the previous returns intact.\n"
	       "    The header DateTime is the reference date, so two runs on the same\n"
	       "    staging give byte-identical files.\n"
	       "\n"
	       "    The default folder is in the output folder, which is cscpipe's alone\n"
	       "    (README, \"The output folder\"): csc-returns takes the run lock, so it\n"
	       "    never reads staging a run is rewriting (make returns runs csc-run\n"
	       "    first, then csc-returns once it has ended), writes only into a folder\n"
	       "    csc-run has marked (.cscpipe), and follows no link there: a symbolic\n"
	       "    link at .lock, staging, a staging table, returns or returns/YYYY is an\n"
	       "    error naming it, and a killed run's temporary is removed only from the\n"
	       "    real returns folder. With -o DIR none of this is checked: DIR is the\n"
	       "    user's folder, written as given, and staging is read without the lock.\n"
	       "\n"
	       "OPTIONS\n"
	       "    --conf FILE    pipeline.conf (la_number is the LEA; output_dir holds staging;\n"
	       "                   reference_dir holds ssda903-codes-by-year.csv)\n"
	       "    --year YYYY    the collection year, named by the year it ends in\n"
	       "    -o DIR         output folder (default <output_dir>/returns/YYYY); replaced,\n"
	       "                   written as given (above)\n"
	       "    --serial NNN   Header SerialNo, 3 or more digits (default 001)\n"
	       "    --quiet        print nothing on success\n"
	       "    --print-dir    print the output folder and exit (nothing is read or written)\n"
	       "    --print-data-end  print the last date of the staged episodes (YYYY-MM-DD)\n"
	       "                   and exit: before 31 March YYYY the year is not over in the data\n"
	       "                   (staging is read under the lock, as above)\n"
	       "    --help         this text\n"
	       "    --version      print the release and git description\n"
	       "\n"
	       "EXIT STATUS\n"
	       "    0 success; 3 staging missing, unreadable or inconsistent; 4 bad usage or\n"
	       "    configuration, a year the staged dumps do not cover, or an output folder\n"
	       "    refused (csc-run has not marked it); 5 a run holds the output folder;\n"
	       "    6 an output could not be written, or a symbolic link in the output\n"
	       "    folder (never followed); 7 internal error.\n");
}

/* The usage line; returns the exit status for main. */
static int usage(void)
{
	fprintf(stderr, "usage: csc-returns --conf FILE --year YYYY [-o DIR] [--serial NNN] [--quiet]\n");
	return CSC_EXIT_CONFIG;
}

static int parse_year(const char *s)
{
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return -1;
	return atoi(s);
}

static int serial_ok(const char *s)
{
	return strlen(s) >= 3 && strspn(s, "0123456789") == strlen(s);
}

/* ", N PreProceedingsandFGDM blocks" when the return holds any. */
static const char *pp_count(const ret_cin_stats *st)
{
	static char b[64];
	b[0] = '\0';
	if (st->preproc)
		snprintf(b, sizeof b, ", %ld PreProceedingsandFGDM blocks", st->preproc);
	return b;
}

/* Write one file of the set through csc_out. */
static int write_cin(const char *dir, const ret_year *y, const ret_cin_header *h, const char *staging)
{
	char name[32];
	snprintf(name, sizeof name, "cin-%d.xml", y->year);
	char *path = csc_path_join(dir, name);
	csc_out o;
	int rc = csc_out_open(&o, path) ? CSC_EXIT_OUTPUT : 0;
	ret_cin_stats st;
	if (!rc) {
		rc = ret_cin_write(y, h, staging, o.fp, &st);
		if (rc)
			csc_out_abort(&o);
		else if (csc_out_commit(&o))
			rc = CSC_EXIT_OUTPUT;
	}
	if (!rc)
		csc_info("%s: %ld children, %ld episodes, %ld assessments, %ld CIN plans, "
			 "%ld S47, %ld CP plans, %ld reviews%s", name, st.children, st.episodes,
			 st.assessments, st.plans, st.s47, st.cpp, st.reviews, pp_count(&st));
	free(path);
	return rc;
}

static int write_903(const char *dir, const ret_year *y, const char *staging, const char *ref_dir)
{
	char name[32];
	snprintf(name, sizeof name, "ssda903-%d", y->year);
	char *sub = csc_path_join(dir, name);
	int rc = 0;
	if (csc_mkdirs(sub) != 0) {
		csc_error_at(sub, 0, "cannot create folder: %s", strerror(errno));
		rc = CSC_EXIT_OUTPUT;
	} else {
		rc = ret_903_write(y, staging, ref_dir, sub);
	}
	free(sub);
	return rc;
}

/* The folder the year's returns go to: -o, else <base>/returns/YYYY (base
 * the output folder, resolved when known, else output_dir as configured). */
static char *out_dir(const csc_conf *conf, const ret_year *y, const char *out, const char *base)
{
	if (out)
		return csc_xstrdup(out);
	char sub[32];
	snprintf(sub, sizeof sub, "returns/%d", y->year);
	return csc_path_join(base ? base : conf->output_dir, sub);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"conf", required_argument, NULL, 'c'}, {"year", required_argument, NULL, 'y'},
		{"serial", required_argument, NULL, 's'}, {"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'},
		{"print-dir", no_argument, NULL, 'p'}, {"print-data-end", no_argument, NULL, 'e'},
		{NULL, 0, NULL, 0},
	};
	const char *conf_path = NULL, *year_s = NULL, *out = NULL, *serial = "001";
	int c, print_dir = 0, print_end = 0;
	csc_diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'c': conf_path = optarg; break;
		case 'y': year_s = optarg; break;
		case 'o': out = optarg; break;
		case 's': serial = optarg; break;
		case 'q': csc_diag_quiet(1); break;
		case 'h': help(); return 0;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		case 'p': print_dir = 1; break;
		case 'e': print_end = 1; break;
		default: return usage();
		}
	}
	if (optind != argc || !conf_path || !year_s)
		return usage();
	ret_year y;
	if (ret_year_init(&y, parse_year(year_s)) != 0) {
		csc_error("--year %s: expected the 4-digit year the collection ends in, e.g. 2025", year_s);
		return usage();
	}
	if (!serial_ok(serial)) {
		csc_error("--serial %s: expected 3 or more digits", serial);
		return usage();
	}
	csc_conf *conf = csc_conf_load(conf_path);
	if (!conf)
		return CSC_EXIT_CONFIG;
	char *dir = out_dir(conf, &y, out, NULL);
	if (print_dir) { /* for make returns, which validates what was written */
		printf("%s\n", dir);
		free(dir);
		csc_conf_free(conf);
		return 0;
	}
	/* the default folder is in the output folder, which is cscpipe's:
	 * under the run lock, no link followed (README, "The output folder");
	 * -o names a folder of the user's, written as given */
	run_out_use u = {.fd = -1, .lock = -1};
	int rc = out ? 0 : run_out_use_open(&u, conf->output_dir, "writing returns into it");
	if (!rc && !out && !print_end) {
		char year[8];
		snprintf(year, sizeof year, "%d", y.year);
		const char *const names[] = {year, NULL};
		rc = run_out_use_place(&u, "returns", names);
	}
	if (rc) {
		if (u.fd >= 0) /* only if empty, never through a link */
			unlinkat(u.fd, "returns", AT_REMOVEDIR);
		run_out_use_close(&u);
		free(dir);
		csc_conf_free(conf);
		return rc;
	}
	if (!out) {
		free(dir);
		dir = out_dir(conf, &y, NULL, u.out);
	}
	char *staging = csc_path_join(out ? conf->output_dir : u.out, "staging");
	ret_cover cov;
	rc = ret_cover_scan(staging, &cov);
	if (print_end) { /* for make returns: is the year over in the data? */
		char b[CSC_DATE_BUFSZ];
		if (rc) {
			/* ret_cover_scan has said why */
		} else if (cov.last == CSC_NODATE) {
			csc_error_at(staging, 0, "no dated CIN or SSDA903 episodes staged");
			rc = CSC_EXIT_INPUT;
		} else {
			printf("%s\n", csc_date_iso(cov.last, b));
		}
		free(staging);
		free(dir);
		run_out_use_close(&u);
		csc_conf_free(conf);
		return rc;
	}
	if (!rc && !cov.cin && !cov.ssda903) {
		csc_error_at(staging, 0, "no CIN or SSDA903 staging tables: run the extractors first");
		rc = CSC_EXIT_INPUT;
	}
	if (!rc && !ret_overlaps(&y, cov.first, cov.last)) {
		char a[CSC_DATE_BUFSZ], b[CSC_DATE_BUFSZ];
		if (cov.first == CSC_NODATE)
			csc_error("year %d: the staged dumps hold no dated episodes", y.year);
		else
			csc_error("year %d (1 April %d to 31 March %d) is outside the staged data, "
				  "which runs from %s to %s", y.year, y.year - 1, y.year,
				  csc_date_iso(cov.first, a), csc_date_iso(cov.last, b));
		rc = CSC_EXIT_CONFIG;
	}
	if (!rc && cov.last < y.last) {
		char b[CSC_DATE_BUFSZ];
		csc_info("note: the staged data ends on %s, before the reference date: year %d is "
			 "written as far as the data goes", csc_date_iso(cov.last, b), y.year);
	}
	ret_dir d = {0};
	if (!rc && ret_dir_begin(&d, dir) != 0)
		rc = CSC_EXIT_OUTPUT;
	ret_cin_header h = {conf->la_number, csc_version(), serial};
	if (!rc && cov.cin)
		rc = write_cin(d.tmp, &y, &h, staging);
	if (!rc && cov.ssda903)
		rc = write_903(d.tmp, &y, staging, conf->reference_dir);
	if (!rc) {
		if (ret_dir_commit(&d) != 0)
			rc = CSC_EXIT_OUTPUT;
		else
			csc_info("returns for %d written to %s", y.year, dir);
	} else {
		ret_dir_abort(&d);
	}
	if (rc && u.fd >= 0) /* made above: only if empty, never through a link */
		unlinkat(u.fd, "returns", AT_REMOVEDIR);
	free(dir);
	free(staging);
	run_out_use_close(&u);
	csc_conf_free(conf);
	return rc;
}
