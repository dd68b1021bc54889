/* report_main.c - csc-load-report: lay out the highlight and quarterly
 * workbooks from the transform outputs and the report templates. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csc_conf.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "report_ctx.h"
#include "report_publish.h"

static const char *const reports[] = {"highlight", "quarterly"};
#define NREPORTS 2
/* Workbooks at most, in the order built: the highlight report, the
 * drill-down (second, so that with --jobs 2 the largest is built beside
 * the others), the quarterly report, then the published highlight edition
 * (publish_edition = yes), laid out from the highlight template. */
#define NBOOKS 4
#define PUB_REPORT 0

static void usage(FILE *f)
{
	fprintf(f, "usage: csc-load-report --conf FILE [--period YYYY-MM] [--out DIR] [--label L] [--quiet]\n");
}

static void help(void)
{
	printf("NAME\n"
	       "    csc-load-report - write the highlight and quarterly report workbooks\n\n"
	       "SYNOPSIS\n"
	       "    csc-load-report --conf FILE [--period YYYY-MM] [--out DIR] [--label L]\n"
	       "                    [--drilldown-rows N] [--drilldown-max N] [--jobs N] [--quiet]\n\n"
	       "DESCRIPTION\n"
	       "    Reads measures.csv, rag.csv, definitions.csv, dq.csv, drilldown.csv,\n"
	       "    drilldown_periods.csv (the periods drilldown.csv numbers and its records\n"
	       "    in each; drilldown.csv cannot be read without it) and\n"
	       "    staging/recon_*.csv, staging/rejects_*.csv from\n"
	       "    output_dir, lays them out with templates_dir/highlight.tpl and\n"
	       "    templates_dir/quarterly.tpl (templates/README.md), puts the\n"
	       "    commentary file (pipeline.conf commentary, docs/FORMATS.md) for the\n"
	       "    period on each strand sheet, and writes\n"
	       "    output_dir/highlight-YYYY-MM.xlsx, output_dir/quarterly-YYYY-MM.xlsx\n"
	       "    (the board workbooks, set up to print on A4) and\n"
	       "    output_dir/drilldown-YYYY-MM.xlsx (every record of drilldown.csv in\n"
	       "    each period it lists: the records behind the figures). All are\n"
	       "    written to temporary names\n"
	       "    and renamed only when all are complete, so a failed run leaves the\n"
	       "    previous workbooks untouched. The same inputs give byte-identical files.\n"
	       "    With publish_edition = yes it also writes the publication edition:\n"
	       "    output_dir/measures-published.csv and\n"
	       "    output_dir/highlight-YYYY-MM-published.xlsx, small numbers suppressed\n"
	       "    (README \"Publishing figures\"); with no, it removes those an earlier\n"
	       "    run left.\n\n"
	       "OPTIONS\n"
	       "    --conf FILE         pipeline.conf (required)\n"
	       "    --period YYYY-MM    report this month instead of period_end (default:\n"
	       "                        period_end, else the latest month in measures.csv)\n"
	       "    --out DIR           read the transform outputs from DIR and write the\n"
	       "                        workbooks there (default output_dir; csc-run passes\n"
	       "                        its per-period folder); staging is always\n"
	       "                        output_dir/staging\n"
	       "    --label L           name the workbooks highlight-L.xlsx,\n"
	       "                        quarterly-L.xlsx and drilldown-L.xlsx (default the\n"
	       "                        period, YYYY-MM)\n"
	       "    --drilldown-rows N  records per drill-down sheet before continuing on\n"
	       "                        the next (default and maximum 1048572)\n"
	       "    --drilldown-max N   drill-down records kept in the workbook (default\n"
	       "                        1000000; the workbook is built in memory, about\n"
	       "                        0.9 KB per record); the rest stay in drilldown.csv\n"
	       "    --jobs N            processes building workbooks at once (default 2,\n"
	       "                        one per workbook; each holds its own workbook in\n"
	       "                        memory; the drill-down workbook is built beside\n"
	       "                        the others); 1 builds them one after another. The\n"
	       "                        bytes written are the same either way\n"
	       "    --quiet             no progress messages\n"
	       "    --help              this text\n"
	       "    --version           print the release and git description\n\n"
	       "EXIT STATUS\n"
	       "    0 written; 3 an input (the commentary file too) is missing, unreadable\n"
	       "    or malformed; 4 bad configuration,\n"
	       "    template or usage; 6 a workbook could not be written; 7 internal error.\n");
}

static void sheet_desc(char **descs, int i, const char *s)
{
	descs[i] = csc_xstrdup(s);
}

/* Free a workbook's n sheet names and descriptions and its sheet list. */
static void free_sheets(char **names, char **descs, lxw_worksheet **ws, int n)
{
	for (int i = 0; i < n; i++) {
		free(names[i]);
		free(descs[i]);
	}
	free(names);
	free(descs);
	free(ws);
}

/* The drill-down workbook: Cover, Contents, then the drill-down sheets
 * (drill records, drill_rows_per_sheet to a sheet). An exit code. */
static int build_drill(report *r, long drill)
{
	long kept = drill < r->drill_max ? drill : r->drill_max;
	int ndrill = kept ? (int)((kept + r->drill_rows_per_sheet - 1) / r->drill_rows_per_sheet) : 1;
	if (ndrill > 200) {
		csc_error("%ld drill-down records need more than 200 sheets; raise --drilldown-rows",
			  kept);
		return CSC_EXIT_CONFIG;
	}
	int n = 2 + ndrill;
	char **names = csc_xcalloc((size_t)n, sizeof *names);
	char **descs = csc_xcalloc((size_t)n, sizeof *descs);
	lxw_worksheet **ws = csc_xcalloc((size_t)n, sizeof *ws);
	names[0] = csc_xstrdup("Cover");
	sheet_desc(descs, 0, "Authority, period, inputs and record counts");
	names[1] = csc_xstrdup("Contents");
	sheet_desc(descs, 1, "This list");
	for (int i = 0; i < ndrill; i++) {
		char nm[32];
		snprintf(nm, sizeof nm, i ? "Drill-down %d" : "Drill-down", i + 1);
		names[2 + i] = csc_xstrdup(nm);
		sheet_desc(descs, 2 + i, "The records behind each figure");
	}
	for (int i = 0; i < n; i++)
		ws[i] = xl_sheet(r->b, names[i]);
	int rc = CSC_EXIT_OK;
	if (!r->b->error) {
		report_cover(r, ws[0]);
		report_contents(r, ws[1], (const char *const *)names + 2,
				(const char *const *)descs + 2, n - 2);
		if (report_drill(r, ws + 2, ndrill, drill))
			rc = CSC_EXIT_INPUT;
	}
	free_sheets(names, descs, ws, n);
	return rc;
}

/* Build one board workbook into b. Returns an exit code.
 *
 * The workbook's sheets are, in order: Cover, Contents, Notes, one per
 * strand of the template ([Sheet name] in templates/<name>.tpl), then the
 * fixed sheets listed below. The drill-down is a workbook of its own
 * (build_drill).
 *
 * Adding a sheet, every file to touch:
 *
 *  - a strand of measures: templates/highlight.tpl and/or quarterly.tpl only
 *    ([Sheet name], then its rows; templates/README.md); no code;
 *  - a fixed sheet: load/report_main.c (its name and Contents line below,
 *    and nfixed_after), load/report_sheets.c (the function writing it,
 *    declared in load/report_ctx.h), docs/FORMATS.md when it reads a new
 *    file, and tests/e2e/load_report.sh (tests/e2e/tiny_xlsx.py reads the
 *    workbook back).
 */
static int build(report *r, long drill)
{
	if (r->drill)
		return build_drill(r, drill);
	const report_tpl *t = r->t;
	xl_book *b = r->b;

	/* Chart data, Definitions, then Data quality, Rejected, DQ findings;
	 * or Notes in the publication edition, which has its own key
	 * (report_pub_notes); the internal workbooks' Notes sheet comes third */
	int nfixed_after = r->pub ? 3 : 5;
	int notes = !r->pub;
	int n = 2 + notes + t->nsheets + nfixed_after;
	char **names = csc_xcalloc((size_t)n, sizeof *names);
	char **descs = csc_xcalloc((size_t)n, sizeof *descs);
	lxw_worksheet **ws = csc_xcalloc((size_t)n, sizeof *ws);
	int k = 0;
	names[k] = csc_xstrdup("Cover");
	sheet_desc(descs, k++, r->pub ? "Authority and period" : "Authority, period, inputs and record counts");
	names[k] = csc_xstrdup("Contents"); sheet_desc(descs, k++, "This list");
	if (notes) {
		names[k] = csc_xstrdup("Notes");
		sheet_desc(descs, k++, "The key to symbols ([x], [z], [c]) and conventions");
	}
	for (int i = 0; i < t->nsheets; i++) {
		names[k] = csc_xstrdup(t->sheets[i].name);
		sheet_desc(descs, k++, t->sheets[i].title);
	}
	names[k] = csc_xstrdup("Chart data"); sheet_desc(descs, k++, "The figures behind the charts");
	names[k] = csc_xstrdup("Definitions"); sheet_desc(descs, k++, "How each measure is counted");
	if (r->pub) {
		names[k] = csc_xstrdup("Notes");
		sheet_desc(descs, k++, "The symbols [c], [x], [z] and the suppression rule");
	} else {
		names[k] = csc_xstrdup("Data quality");
		sheet_desc(descs, k++, "Records read, staged and rejected per input file");
		names[k] = csc_xstrdup("Rejected records");
		sheet_desc(descs, k++, "Each rejected record and why");
		names[k] = csc_xstrdup("DQ findings");
		sheet_desc(descs, k++, "Data-quality findings made while extracting and computing");
	}
	for (int i = 0; i < n; i++)
		ws[i] = xl_sheet(b, names[i]);

	int rc = CSC_EXIT_OK;
	if (!b->error) {
		report_cover(r, ws[0]);
		report_contents(r, ws[1], (const char *const *)names + 2, (const char *const *)descs + 2,
				n - 2);
		if (notes)
			report_notes(r, ws[2]);
		int cd = 2 + notes + t->nsheets;
		r->chart_ws = ws[cd];
		r->nchart_rows = report_chart_rows(t);
		report_chart_data_start(r);
		for (int i = 0; i < t->nsheets; i++)
			report_strand(r, &t->sheets[i], ws[2 + notes + i]);
		report_definitions(r, ws[cd + 1]);
		if (r->pub) {
			report_pub_notes(r, ws[cd + 2]);
		} else {
			report_recon(r, ws[cd + 2]);
			if (report_rejects(r, ws[cd + 3]) || report_dq(r, ws[cd + 4]))
				rc = CSC_EXIT_INPUT;
		}
	}
	free_sheets(names, descs, ws, n);
	return rc;
}

/* Build workbook i into its temporary file; an exit code. */
static int build_one(report *r, long drill)
{
	int rc = build(r, drill);
	if (!rc && r->b->error)
		rc = CSC_EXIT_OUTPUT;
	if (!rc && xl_close(r->b))
		rc = CSC_EXIT_OUTPUT;
	return rc;
}

/* What main owns and a builder child frees before it exits, so that the
 * leak checkers see a clean exit there as in the parent (the reports hold
 * the same objects read-only). */
typedef struct owned {
	report_tpl **t; /* NREPORTS templates */
	report_comm *comm;
	report_src_info *src;
	report_data *d;
	csc_conf *conf;
	enum report_sup_state *pub;
} owned;

/* In a child: build workbook i, free everything and exit with its code. */
static _Noreturn void child_build(report *rs, const long *drill, xl_book **b, int n, int i,
				  pid_t parent, const owned *o)
{
	/* A killed run must not leave a builder writing behind it. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(CSC_EXIT_INTERNAL);
	int rc = build_one(&rs[i], drill[i]);
	for (int j = 0; j < n; j++)
		if (j != i)
			xl_free(b[j]);
	if (rc)
		xl_discard(b[i]);
	else
		xl_free(b[i]);
	for (int j = 0; j < NREPORTS; j++)
		report_tpl_free(o->t[j]);
	report_comm_free(o->comm);
	report_src_free(o->src);
	report_data_free(o->d);
	free(o->pub);
	csc_conf_free(o->conf);
	fflush(NULL);
	exit(rc);
}

/* Build the n opened workbooks into their temporary files; an exit code.
 * With jobs > 1 the second and later are built in child processes: the
 * workbooks share nothing once planned, and libxlsxwriter spends most of
 * the load writing and deflating one sheet after another on one core. Each
 * process writes only its own temporary file, and this one publishes or
 * discards them all, so the pair stays all-or-nothing. */
static int build_all(report *rs, const long *drill, xl_book **b, int n, int jobs,
		     const owned *o)
{
	pid_t kid[NBOOKS] = {0};
	pid_t self = getpid();
	for (int i = 1; i < n && i < jobs; i++) {
		fflush(NULL);
		pid_t p = fork();
		if (p == 0)
			child_build(rs, drill, b, n, i, self, o);
		if (p < 0)
			csc_log("cannot start a second process (%m); building the workbooks one after another");
		else
			kid[i] = p;
	}
	int rc = CSC_EXIT_OK;
	for (int i = 0; i < n; i++)
		if (!kid[i] && !rc)
			rc = build_one(&rs[i], drill[i]);
	for (int i = 0; i < n; i++) {
		if (!kid[i])
			continue;
		if (rc)
			kill(kid[i], SIGKILL); /* its workbook would be discarded anyway */
		int st;
		while (waitpid(kid[i], &st, 0) < 0 && errno == EINTR)
			;
		xl_handover(b[i]);
		int krc = WIFEXITED(st) ? WEXITSTATUS(st) : CSC_EXIT_INTERNAL;
		if (!WIFEXITED(st) && !rc)
			csc_error_at(b[i]->path, 0, "the process building this workbook died (signal %d)",
				     WIFSIGNALED(st) ? WTERMSIG(st) : 0);
		if (!rc)
			rc = krc;
	}
	return rc;
}

int main(int argc, char **argv)
{
	csc_diag_init(argv[0]);
	static const struct option opts[] = {
		{"conf", required_argument, NULL, 'c'}, {"period", required_argument, NULL, 'p'},
		{"quiet", no_argument, NULL, 'q'}, {"help", no_argument, NULL, 'h'},
		{"drilldown-rows", required_argument, NULL, 'd'},
		{"drilldown-max", required_argument, NULL, 'm'},
		{"out", required_argument, NULL, 'o'}, {"label", required_argument, NULL, 'l'},
		{"jobs", required_argument, NULL, 'j'}, {"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}};
	const char *conf_path = NULL, *period = NULL, *out = NULL, *label = NULL;
	long drill_rows = XL_MAX_ROWS - 4; /* 3 rows of title and notes, then the header */
	long drill_max = 1000000;
	int jobs = NREPORTS;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c': conf_path = optarg; break;
		case 'p': period = optarg; break;
		case 'q': csc_diag_quiet(1); break;
		case 'o': out = optarg; break;
		case 'l':
			label = optarg;
			if (!*label || strlen(label) > 15 || strspn(label, "0123456789"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") != strlen(label)) {
				csc_error("--label must be 1-15 letters, digits or - (got '%.20s')", label);
				usage(stderr);
				return CSC_EXIT_CONFIG;
			}
			break;
		case 'h': help(); return CSC_EXIT_OK;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		case 'd': {
			char *end;
			drill_rows = strtol(optarg, &end, 10);
			if (*end || drill_rows < 1 || drill_rows > XL_MAX_ROWS - 4) {
				csc_error("--drilldown-rows must be 1 to %d", XL_MAX_ROWS - 4);
				usage(stderr);
				return CSC_EXIT_CONFIG;
			}
			break;
		}
		case 'm': {
			char *end;
			drill_max = strtol(optarg, &end, 10);
			if (*end || drill_max < 0 || drill_max > 100000000) {
				csc_error("--drilldown-max must be 0 to 100000000");
				usage(stderr);
				return CSC_EXIT_CONFIG;
			}
			break;
		}
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 64) {
				csc_error("--jobs must be 1 to 64");
				usage(stderr);
				return CSC_EXIT_CONFIG;
			}
			jobs = (int)v;
			break;
		}
		default: usage(stderr); return CSC_EXIT_CONFIG;
		}
	}
	if (!conf_path || optind != argc) {
		usage(stderr);
		return CSC_EXIT_CONFIG;
	}
	csc_conf *conf = csc_conf_load(conf_path);
	if (!conf)
		return CSC_EXIT_CONFIG;
	if (period && csc_conf_set_period(conf, period)) {
		csc_error("--period must be YYYY-MM (got '%.20s')", period);
		csc_conf_free(conf);
		return CSC_EXIT_CONFIG;
	}
	char *staging = csc_path_join(conf->output_dir, "staging");
	const char *dir = out ? out : conf->output_dir;
	report_data *d = report_data_load(dir, staging);
	free(staging);
	if (!d) {
		csc_conf_free(conf);
		return CSC_EXIT_INPUT;
	}
	csc_date pe = conf->period_end != CSC_NODATE ? conf->period_end : report_data_latest_month(d);
	if (pe == CSC_NODATE) {
		csc_error("no period_end in %s and no monthly rows in measures.csv", conf_path);
		report_data_free(d);
		csc_conf_free(conf);
		return CSC_EXIT_INPUT;
	}

	report_tpl *t[NREPORTS] = {0};
	xl_book *b[NBOOKS] = {0};
	int rc = CSC_EXIT_OK;
	for (int i = 0; i < NREPORTS && !rc; i++) {
		char name[64];
		snprintf(name, sizeof name, "%s.tpl", reports[i]);
		char *p = csc_path_join(conf->templates_dir, name);
		t[i] = report_tpl_load(p);
		if (t[i] && strcmp(t[i]->report, reports[i])) {
			csc_error_at(p, 0, "template says report = %s, expected %s", t[i]->report,
				     reports[i]);
			report_tpl_free(t[i]);
			t[i] = NULL;
		}
		free(p);
		if (!t[i])
			rc = CSC_EXIT_CONFIG;
	}
	/* The commentary is checked against both templates before any
	 * workbook is started: a strand or row it names must exist. */
	report_comm *comm = NULL;
	if (!rc && conf->commentary) {
		comm = report_comm_load(conf->commentary);
		if (!comm || report_comm_check(comm, (const report_tpl *const *)t, NREPORTS))
			rc = CSC_EXIT_INPUT;
	}
	/* Where the comparators and targets come from (the cover) and whether
	 * they are made up (no RAG scored). */
	report_src_info *src = NULL;
	if (!rc) {
		char *p = csc_path_join(conf->templates_dir, "comparators.csv");
		if (access(p, F_OK) == 0 && !(src = report_src_load(p)))
			rc = CSC_EXIT_INPUT;
		free(p);
	}
	int y, m, dd;
	csc_date_ymd(pe, &y, &m, &dd);
	/* Plan every report first; the drill-down workbook's rows are counted
	 * before it is started. */
	report plan[NREPORTS];
	report rs[NBOOKS];
	long drill[NBOOKS] = {0};
	int planned = 0;
	for (int i = 0; i < NREPORTS && !rc; i++) {
		plan[i] = (report){.conf = conf, .d = d, .t = t[i], .comm = comm, .src = src,
				   .period_end = pe,
				   .drill_rows_per_sheet = drill_rows, .drill_max = drill_max};
		if (report_check_template(&plan[i])) {
			rc = CSC_EXIT_CONFIG;
			break;
		}
		plan[i].ncols = report_period_columns(t[i]->periods, pe, conf->months_shown, plan[i].cols);
		report_period_compare(t[i]->compare, pe, &plan[i].cmp);
	}
	if (!rc) {
		rs[planned++] = plan[0];
		rs[planned] = plan[0];
		rs[planned].drill = 1;
		drill[planned] = report_drill_count(&rs[planned]);
		if (drill[planned++] < 0)
			rc = CSC_EXIT_INPUT;
		rs[planned++] = plan[1];
	}
	/* The publication edition: the highlight report again, suppressed. */
	enum report_sup_state *pub = NULL;
	char pub_book[64];
	char lbl[16];
	if (label)
		snprintf(lbl, sizeof lbl, "%s", label);
	else
		snprintf(lbl, sizeof lbl, "%04d-%02d", y, m);
	report_pub_name(pub_book, sizeof pub_book, reports[PUB_REPORT], lbl);
	if (!rc && conf->publish_edition) {
		pub = report_pub_states(d);
		if (!pub)
			rc = CSC_EXIT_INPUT;
		else {
			rs[planned] = rs[PUB_REPORT];
			rs[planned].pub = pub;
			drill[planned] = 0;
			planned++;
		}
	} else if (!rc && report_pub_remove(dir, pub_book)) {
		rc = CSC_EXIT_OUTPUT;
	}
	/* Open every workbook here, so that this process knows each one's
	 * temporary name, then build them. */
	for (int i = 0; i < planned && !rc; i++) {
		char file[64];
		if (rs[i].pub)
			snprintf(file, sizeof file, "%s", pub_book);
		else
			snprintf(file, sizeof file, "%s-%s.xlsx",
				 rs[i].drill ? "drilldown" : rs[i].t->report, lbl);
		char *path = csc_path_join(dir, file);
		char title[1200], what[1100];
		report_title(&rs[i], what, sizeof what);
		snprintf(title, sizeof title, "%s: %s", conf->la_name, what);
		b[i] = rs[i].b = xl_open(path, title, conf->la_name, pe);
		free(path);
		if (!b[i])
			rc = CSC_EXIT_OUTPUT;
	}
	if (!rc)
		rc = build_all(rs, drill, b, planned, jobs, &(owned){t, comm, src, d, conf, pub});
	/* The CSV before the workbooks are renamed: a failure leaves neither. */
	if (!rc && pub && report_pub_csv(d, pub, dir))
		rc = CSC_EXIT_OUTPUT;
	for (int i = 0; i < NBOOKS; i++) {
		if (!b[i])
			continue;
		if (rc) {
			xl_discard(b[i]);
			continue;
		}
		const char *shown = b[i]->path;
		char *keep = csc_xstrdup(shown);
		if (xl_publish(b[i]))
			rc = CSC_EXIT_OUTPUT;
		else
			csc_info("wrote %s", keep);
		free(keep);
	}
	for (int i = 0; i < NREPORTS; i++)
		report_tpl_free(t[i]);
	free(pub);
	report_comm_free(comm);
	report_src_free(src);
	report_data_free(d);
	csc_conf_free(conf);
	return rc;
}
