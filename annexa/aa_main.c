/*
 * aa_main.c - csc-annexa: the Ofsted Annex A lists for an inspection date,
 * from the staging tables of a run.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aa_checks.h"
#include "aa_data.h"
#include "aa_lists.h"
#include "aa_sheet.h"
#include "aa_supp.h"
#include "csc_conf.h"
#include "csc_coverage.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "load/xl_book.h"
#include "run/run.h"

static void help(void)
{
	printf("NAME\n"
	       "    csc-annexa - write Ofsted's Annex A lists for an inspection date\n"
	       "\n"
	       "SYNOPSIS\n"
	       "    csc-annexa --conf FILE [--date YYYY-MM-DD] [-o DIR] [--quiet]\n"
	       "\n"
	       "DESCRIPTION\n"
	       "    Reads the staging tables under <output_dir>/staging (docs/FORMATS.md),\n"
	       "    never the raw inputs, and writes annex-a-YYYY-MM-DD.xlsx for the\n"
	       "    inspection date (../shared/spec/ANNEX-A.md): sheets List 1 to List 11,\n"
	       "    each with Ofsted's headers in row 1, dates dd/mm/yyyy, lettered codes,\n"
	       "    IDs as text; a Cover sheet (authority, inspection date, each list's\n"
	       "    window, the date the data runs to, program version, protective\n"
	       "    marking) and a Notes sheet naming, list by list, the columns left blank\n"
	       "    and why; a Checks sheet, also written as annex-a-YYYY-MM-DD-checks.csv,\n"
	       "    with the checks a data officer runs before sending (mandatory columns\n"
	       "    blank, codes not in Ofsted's list, dates outside the window or in the\n"
	       "    wrong order, a child in a list without the record that puts them there,\n"
	       "    the records the extracts rejected); they never stop the workbook.\n"
	       "\n"
	       "    The columns no input holds (teams, workers, visits, health and dental\n"
	       "    checks, permanence plan...) come from the supplementary list per case\n"
	       "    named by annexa_supplementary in the conf (docs/FORMATS.md), if any.\n"
	       "\n"
	       "    Built: List 1 (contacts), 2 (early help), 3 (referrals), 4\n"
	       "    (assessments), 5 (section 47 enquiries), 6 (children in need), 7\n"
	       "    (child protection), 8 (children in care), 9 (care leavers), 10\n"
	       "    (adoption). List 11 (adopters) has its headers only: no input holds it.\n"
	       "\n"
	       "    The workbook and the checks CSV are written to temporary names, then\n"
	       "    the CSV is renamed into place and the workbook last, so a failed run\n"
	       "    leaves the previous ones untouched and a workbook never appears without\n"
	       "    its checks; the same staging and date give the same bytes. csc-run with\n"
	       "    annexa = yes in the conf builds them for the default date into the\n"
	       "    period's published set (with -o, under csc-run's lock).\n"
	       "\n"
	       "    The default folder is in the output folder, which is cscpipe's alone\n"
	       "    (README, \"The output folder\"): csc-annexa takes the run lock, so it\n"
	       "    never reads staging a run is rewriting, writes only into a folder csc-run\n"
	       "    has marked (.cscpipe), and follows no link there: a symbolic link at\n"
	       "    .lock, staging, a staging table, annex-a, the workbook, the checks CSV or\n"
	       "    their temporaries is an error naming it. With -o DIR none of this is\n"
	       "    checked: DIR is the user's folder, written as given, and staging is read\n"
	       "    without the lock.\n"
	       "\n"
	       "OPTIONS\n"
	       "    --conf FILE        pipeline.conf (la_name; output_dir holds staging)\n"
	       "    --date YYYY-MM-DD  the inspection date (default: the day after the date\n"
	       "                       the data runs to, from staging/coverage_*.csv)\n"
	       "    -o DIR             output folder (default <output_dir>/annex-a), written as\n"
	       "                       given (above)\n"
	       "    --quiet            print nothing on success\n"
	       "    --help             this text\n"
	       "    --version          print the release and git description\n"
	       "\n"
	       "EXIT STATUS\n"
	       "    0 success; 3 staging missing, unreadable or malformed, or the\n"
	       "    supplementary list unreadable or its header refused; 4 bad usage or\n"
	       "    configuration, no date given and none in the staging, or an output\n"
	       "    folder refused (csc-run has not marked it); 5 a run holds the output\n"
	       "    folder; 6 the workbook could not be written, or a symbolic link in the\n"
	       "    output folder (never followed); 7 internal error.\n");
}

static int usage(void)
{
	fprintf(stderr, "usage: csc-annexa --conf FILE [--date YYYY-MM-DD] [-o DIR] [--quiet]\n");
	return CSC_EXIT_CONFIG;
}

static void label(xl_book *b, lxw_worksheet *ws, long row, const char *k, const char *v)
{
	xl_text(b, ws, row, 0, k, XF_BOLD);
	xl_text(b, ws, row, 1, v, XF_TEXT);
}

/* A date beside its label, "1 November 2026" (the lists keep Annex A's
 * dd/mm/yyyy): right-aligned, it sat at the far side of the column. */
static void label_date(xl_book *b, lxw_worksheet *ws, long row, const char *k, csc_date d)
{
	xl_text(b, ws, row, 0, k, XF_BOLD);
	xl_num(b, ws, row, 1, xl_serial(d), XF_DATE_LEFT);
}

/* The cover: who, when, how far the data runs, each list's window. */
static void cover(xl_book *b, lxw_worksheet *ws, const csc_conf *conf,
		  const aa_data *d, const csc_coverage *cv, const aa_sheet *lists, long findings)
{
	char buf[256];
	long r = 0;
	xl_title(b, ws, r++, "Ofsted Annex A");
	label(b, ws, r++, "Protective marking", XL_MARKING);
	label(b, ws, r++, "Local authority", conf->la_name);
	label_date(b, ws, r++, "Inspection date", d->I);
	if (cv->data_to != CSC_NODATE) {
		label_date(b, ws, r++, "Data runs to", cv->data_to);
		xl_text(b, ws, r++, 1, csc_coverage_says(cv, cv->limit, buf, sizeof buf), XF_TEXT);
		if (cv->data_to < d->I - 1)
			xl_text(b, ws, r++, 1, "The data ends before the day before the inspection "
				"date: anything after it is not in these lists.", XF_TEXT);
	} else {
		label(b, ws, r++, "Data runs to", "unknown (no coverage in the staging)");
	}
	snprintf(buf, sizeof buf, "csc-annexa %s%s%s%s", csc_version(),
		 *csc_version_build() ? " (git " : "", csc_version_build(),
		 *csc_version_build() ? ")" : "");
	label(b, ws, r++, "Program", buf);
	snprintf(buf, sizeof buf, "%ld finding%s: see the Checks sheet (also a CSV beside this "
		 "workbook); they do not stop it being sent", findings, findings == 1 ? "" : "s");
	label(b, ws, r++, "Checks", findings ? buf : "none: 0 findings (the Checks sheet says so)");
	r++;
	static const char *const head[] = {"List", "Title", "Window from", "Window to", "Holds",
		"Rows", "Built"};
	/* Rows right over its figures, Built centred: "2,861" and "yes" ran
	 * together across the column edge */
	static const enum xl_fmt head_fmt[] = {XF_HEADER, XF_HEADER, XF_HEADER, XF_HEADER,
		XF_HEADER, XF_HEADER_NUM, XF_HEADER_MID};
	for (int c = 0; c < 7; c++)
		xl_text(b, ws, r, c, head[c], head_fmt[c]);
	for (int i = 0; i < AA_NLISTS; i++) {
		const aa_list *l = &aa_lists[i];
		r++;
		xl_text(b, ws, r, 0, l->sheet, XF_TEXT);
		xl_text(b, ws, r, 1, l->title, XF_TEXT);
		csc_date from = l->months ? csc_date_add_months(d->I, -l->months) : d->I;
		xl_num(b, ws, r, 2, xl_serial(from), XF_DATE_LEFT);
		xl_num(b, ws, r, 3, xl_serial(d->I), XF_DATE_LEFT);
		xl_text(b, ws, r, 4, l->holds, XF_TEXT);
		if (l->rows)
			xl_num(b, ws, r, 5, (double)lists[i].rows, XF_COUNT);
		/* the Holds text and the Notes sheet say why: "headers only"
		 * stays within the column, the page's last */
		xl_text(b, ws, r, 6, l->rows ? "yes" : "headers only", XF_CENTER);
	}
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, 3, 18, NULL); /* "30 September 2026" */
	/* wide enough for the longest "holds" text: it ran into the Rows
	 * column and was cut off when printed */
	worksheet_set_column(ws, 4, 4, 92, NULL);
	worksheet_set_column(ws, 6, 6, 16, NULL);
}

/* The notes: list by list, what is left blank and why. */
/* What the Notes sheet says of n/i column h of a list. */
static const char *ni_note(const char *h, const aa_supp *sp)
{
	if (!sp->path)
		return "Left blank: no input holds it (n/i in ANNEX-A.md) and no supplementary list "
		       "is configured (annexa_supplementary in pipeline.conf).";
	for (int k = 0; k < AA_NSUPP; k++)
		if (!strcmp(h, aa_supp_cols[k].header))
			return sp->has[k] ? "From the supplementary list: blank for a child it has "
					    "no value for."
					  : "Left blank: no input holds it and the supplementary list "
					    "has no such column.";
	return "Left blank: no input holds it (n/i in ANNEX-A.md).";
}

static void notes(xl_book *b, lxw_worksheet *ws, const aa_data *d, const aa_supp *sp)
{
	long r = 0;
	xl_title(b, ws, r++, "Notes");
	static const char *const head[] = {"List", "Column", "Note"};
	for (int c = 0; c < 3; c++)
		xl_text(b, ws, r, c, head[c], XF_HEADER);
	/* In the order of the lists they fill (1, 2, 3-7, 8-10), in the
	 * sheet's own words: csc_inputs[].title ("Contacts list", "SSDA903
	 * (children looked after)") reads wrongly in "The ... input". */
	static const struct {
		enum csc_input_id in;
		const char *input;
	} need[] = {{CSC_IN_CONTACTS, "contacts"},
		    {CSC_IN_EH, "early help"},
		    {CSC_IN_CIN, "CIN census"},
		    {CSC_IN_903, "SSDA903"}};
	for (size_t k = 0; k < sizeof need / sizeof need[0]; k++)
		if (!d->has[need[k].in]) {
			char t[160];
			snprintf(t, sizeof t, "The %s input is not staged: the lists and columns "
				 "built from it are empty.", need[k].input);
			r++;
			xl_text(b, ws, r, 0, "All", XF_TEXT);
			xl_text(b, ws, r, 2, t, XF_TEXT);
		}
	for (int i = 0; i < AA_NLISTS; i++) {
		const aa_list *l = &aa_lists[i];
		if (!l->rows) {
			r++;
			xl_text(b, ws, r, 0, l->sheet, XF_TEXT);
			xl_text(b, ws, r, 2, "No input holds this list: the sheet has Ofsted's headers "
				"only, it does not mean there are no records (fill it from the "
				"adoption agency's records).", XF_TEXT);
			continue; /* every column is n/i: one line says it */
		}
		for (int c = 0; l->ni[c]; c++) {
			r++;
			xl_text(b, ws, r, 0, l->sheet, XF_TEXT);
			xl_text(b, ws, r, 1, l->ni[c], XF_TEXT);
			xl_text(b, ws, r, 2, ni_note(l->ni[c], sp), XF_TEXT);
		}
	}
	/* the longest column header ("Subject to Emergency Protection Order
	 * or Protected Under Police Powers in Last Six Months (Y/N)") and note
	 * whole: the next cell, or the page's edge after the last column, cut
	 * them off in print */
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 1, 84, NULL);
	worksheet_set_column(ws, 2, 2, 124, NULL);
}

/* Build every list into b, with its checks into ck (the CSV at
 * checks_path); 0, or the exit code. */
static int build(xl_book *b, const csc_conf *conf, aa_data *d, const csc_coverage *cv,
		 const char *staging, aa_checks *ck, const char *checks_path)
{
	lxw_format *datef = workbook_add_format(b->wb);
	format_set_num_format(datef, "dd/mm/yyyy");
	/* under its left-aligned header, clear of the text of the next column */
	format_set_align(datef, LXW_ALIGN_LEFT);
	lxw_worksheet *cws = xl_sheet(b, "Cover");
	aa_sheet s[AA_NLISTS];
	for (int i = 0; i < AA_NLISTS; i++) {
		const aa_list *l = &aa_lists[i];
		s[i] = (aa_sheet){.b = b, .ws = xl_sheet(b, l->sheet), .date = datef, .list = l,
				  .d = d, .ck = ck, .child = -1};
		int n = aa_list_ncols(l);
		double widths[AA_MAXCOLS];
		for (int c = 0; c < n; c++)
			widths[c] = 20;
		worksheet_set_column(s[i].ws, 0, (lxw_col_t)(n - 1), 20, NULL);
		/* the headers wrap: a row tall enough for the longest, so a
		 * printout shows them whole */
		double h = xl_wrap_height(l->headers, widths, n);
		if (h > 0)
			worksheet_set_row(s[i].ws, 0, h, NULL);
		for (int c = 0; c < n; c++)
			xl_text(b, s[i].ws, 0, c, l->headers[c], XF_HEADER);
	}
	lxw_worksheet *nws = xl_sheet(b, "Notes");
	if (aa_checks_open(ck, checks_path, b, xl_sheet(b, "Checks")) != 0)
		return CSC_EXIT_OUTPUT;
	aa_supp sp;
	memset(&sp, 0, sizeof sp);
	if (conf->annexa_supplementary && aa_supp_read(&sp, conf->annexa_supplementary, d, ck) != 0)
		return CSC_EXIT_INPUT;
	if (sp.path)
		csc_info("supplementary list: %ld rows, %ld rejected", sp.rows, sp.rejected);
	int rc = 0;
	for (int i = 0; i < AA_NLISTS && !rc; i++) {
		const aa_list *l = &aa_lists[i];
		if (l->rows && l->rows(&s[i], d, staging) != 0)
			rc = s[i].full ? CSC_EXIT_OUTPUT : CSC_EXIT_INPUT;
		else if (l->rows)
			csc_info("%s (%s): %ld rows", l->sheet, l->title, s[i].rows);
		aa_sheet_done(&s[i]);
	}
	if (!rc && aa_checks_finish(ck, d, staging) != 0)
		rc = CSC_EXIT_INPUT;
	if (rc)
		return rc;
	csc_info("checks: %ld findings (the Checks sheet and %s)", ck->n, checks_path);
	cover(b, cws, conf, d, cv, s, ck->n);
	notes(b, nws, d, &sp);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"conf", required_argument, NULL, 'c'}, {"date", required_argument, NULL, 'd'},
		{"quiet", no_argument, NULL, 'q'}, {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'}, {NULL, 0, NULL, 0},
	};
	const char *conf_path = NULL, *date_s = NULL, *out = NULL;
	int c;
	csc_diag_init(argv[0]);
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (c) {
		case 'c': conf_path = optarg; break;
		case 'd': date_s = optarg; break;
		case 'o': out = optarg; break;
		case 'q': csc_diag_quiet(1); break;
		case 'h': help(); return 0;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		default: return usage();
		}
	}
	if (optind != argc || !conf_path)
		return usage();
	csc_date I = CSC_NODATE;
	if (date_s && csc_date_parse_iso(date_s, strlen(date_s), &I) != 0) {
		csc_error("--date %s: expected a real day YYYY-MM-DD", date_s);
		return usage();
	}
	csc_conf *conf = csc_conf_load(conf_path);
	if (!conf)
		return CSC_EXIT_CONFIG;
	/* the default folder is in the output folder, which is cscpipe's:
	 * under the run lock, no link followed (README, "The output folder");
	 * -o names a folder of the user's, written as given */
	run_out_use u = {.fd = -1, .lock = -1};
	int rc = out ? 0 : run_out_use_open(&u, conf->output_dir, "writing Annex A into it");
	if (rc) {
		csc_conf_free(conf);
		return rc;
	}
	char *staging = csc_path_join(out ? conf->output_dir : u.out, "staging");
	csc_coverage cv;
	csc_coverage_init(&cv, conf);
	if (!aa_staged_any(staging)) {
		csc_error_at(staging, 0, "no staging tables: run the extractors first "
			     "(csc-run --target staging)");
		rc = CSC_EXIT_INPUT;
	}
	if (!rc && csc_coverage_read(&cv, staging, 1))
		rc = CSC_EXIT_INPUT;
	if (!rc && I == CSC_NODATE) {
		if (cv.data_to == CSC_NODATE) {
			csc_error("%s: no coverage dates in the staging: give --date YYYY-MM-DD", staging);
			rc = CSC_EXIT_CONFIG;
		} else {
			I = cv.data_to + 1;
		}
	}
	char a[CSC_DATE_BUFSZ], z[CSC_DATE_BUFSZ];
	if (!rc && cv.data_to != CSC_NODATE && cv.data_to < I - 1)
		csc_info("warning: the data runs to %s, before the day before the inspection date "
			 "%s: anything after it is not in the lists", csc_date_dmy(cv.data_to, a),
			 csc_date_dmy(I, z));
	char *dir = out ? csc_xstrdup(out) : csc_path_join(u.out, "annex-a");
	char name[40], cname[48];
	snprintf(name, sizeof name, "annex-a-%s.xlsx", csc_date_iso(I, a));
	snprintf(cname, sizeof cname, "annex-a-%s-checks.csv", a);
	char *path = csc_path_join(dir, name), *cpath = csc_path_join(dir, cname);
	const char *const names[] = {name, cname, NULL};
	if (!rc && !out) {
		rc = run_out_use_place(&u, "annex-a", names);
	} else if (!rc && csc_mkdirs(dir) != 0) {
		csc_error_at(dir, 0, "cannot create folder: %s", strerror(errno));
		rc = CSC_EXIT_OUTPUT;
	}
	aa_data d;
	aa_data_init(&d, I);
	if (!rc && aa_load(&d, staging) != 0)
		rc = CSC_EXIT_INPUT;
	aa_checks ck;
	memset(&ck, 0, sizeof ck);
	xl_book *b = NULL;
	if (!rc) {
		/* rows are written in order: memory stays one row per sheet */
		b = xl_open_streaming(path, "Ofsted Annex A", conf->la_name,
				      "Generated by cscpipe (csc-annexa) from the staging tables of a "
				      "run; lists are not edited by hand.", I);
		if (!b)
			rc = CSC_EXIT_OUTPUT;
	}
	if (!rc)
		rc = build(b, conf, &d, &cv, staging, &ck, cpath);
	/* both finished under temporary names, then the checks CSV renamed into
	 * place first and the workbook last: two renames are never one, so a
	 * reader may see the checks of a workbook not there yet, never a
	 * workbook without its checks (csc-run publishes both at once) */
	if (!rc && xl_close(b) != 0) {
		rc = CSC_EXIT_OUTPUT; /* b is discarded below */
	} else if (!rc && aa_checks_commit(&ck) != 0) {
		rc = CSC_EXIT_OUTPUT;
	} else if (!rc) {
		int p = xl_publish(b); /* frees b, whatever it returns */
		b = NULL;
		if (p)
			rc = CSC_EXIT_OUTPUT;
		else
			csc_info("wrote %s", path);
	}
	if (b)
		xl_discard(b);
	aa_checks_abort(&ck);
	aa_data_free(&d);
	free(cpath);
	free(path);
	free(dir);
	free(staging);
	if (rc && u.fd >= 0) /* made above: only if empty, never through a link */
		unlinkat(u.fd, "annex-a", AT_REMOVEDIR);
	run_out_use_close(&u);
	csc_conf_free(conf);
	return rc;
}
