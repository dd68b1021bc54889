/* cin_main.c - csc-extract-cin: CIN census XML -> staging/cin_*.csv. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cin_emit.h"
#include "cin_reader.h"
#include "cin_xsd.h"
#include "csc_conf.h"
#include "csc_datadir.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_stage.h"
#include "csc_xml.h"
#include "csc_version.h"

static void help(void)
{
	printf("NAME\n"
	       "    csc-extract-cin - stage a CIN census XML file for cscpipe\n"
	       "\n"
	       "SYNOPSIS\n"
	       "    csc-extract-cin --conf pipeline.conf [--quiet]\n"
	       "    csc-extract-cin [-o STAGING_DIR] [--ref REF_DIR] [--quiet] FILE.xml\n"
	       "\n"
	       "DESCRIPTION\n"
	       "    Reads a DfE children in need census XML file (INPUTS.md section 1) as a\n"
	       "    stream, one Child at a time, and writes the staging tables cin_children,\n"
	       "    cin_episodes, cin_assessments, cin_plans, cin_s47, cin_cpp,\n"
	       "    cin_cpp_reviews and cin_preproc (.csv; the 2026-27\n"
	       "    PreProceedingsandFGDM blocks), plus rejects_cin.csv and recon_cin.csv\n"
	       "    (docs/FORMATS.md). Files appear complete or not at all.\n"
	       "\n"
	       "    Code lists come from CIN_schema_2024.xsd in the reference folder. Dates\n"
	       "    must be YYYY-MM-DD and real days; codes must be in the XSD lists;\n"
	       "    mandatory elements (XSD minOccurs=1) must be present. GenderCurrent\n"
	       "    (1/2/0/9) and Sex (M/F/U) are both accepted and staged as M/F/U.\n"
	       "\n"
	       "    A Child with a bad value is rejected with all its records; so is an\n"
	       "    exact repeat of an earlier Child, and every Child of an LAchildID whose\n"
	       "    Children differ (one conflicting_rows line in findings_cin.csv); a\n"
	       "    CINdetails with its sub-records; an assessment, CIN plan, section 47 or\n"
	       "    CP plan alone (a CP plan with its reviews). Every rejected record is one\n"
	       "    row of rejects_cin.csv: file, line, field, value, reason. For every\n"
	       "    table, read = staged + rejected.\n"
	       "\n"
	       "    Elements not in the schema are skipped and reported as warnings; they\n"
	       "    are not records. A file that is not well-formed XML, has another root\n"
	       "    than <Message>, a DOCTYPE or entities, elements nested deeper than 64\n"
	       "    levels or text longer than 1 MiB in one element stops the run; the\n"
	       "    previous staging is then left untouched.\n"
	       "\n"
	       "OPTIONS\n"
	       "    --conf FILE      read cin_census, output_dir and reference_dir from a\n"
	       "                     pipeline.conf; staging goes to <output_dir>/staging.\n"
	       "                     When cin_census is not set, stale CIN staging tables\n"
	       "                     are removed and a header-only recon_cin.csv written.\n"
	       "    -o, --out DIR    staging folder (default: staging)\n"
	       "    --ref DIR        reference folder holding the XSD (default: %s/ref)\n"
	       "    -q, --quiet      do not print the reconciliation summary\n"
	       "    -h, --help       show this help\n"
	       "    --version        print the release and git description\n"
	       "\n"
	       "EXIT STATUS\n"
	       "    0  staged (records may have been rejected: see rejects_cin.csv)\n"
	       "    2  more records rejected than max_reject_percent (--conf only)\n"
	       "    3  the XML file is missing, unreadable or structurally broken\n"
	       "    4  bad usage, configuration or reference XSD\n"
	       "    6  the staging files could not be written\n", csc_datadir());
}

static int usage(void)
{
	fprintf(stderr, "usage: csc-extract-cin --conf pipeline.conf [--quiet]\n"
			"   or: csc-extract-cin [-o STAGING_DIR] [--ref REF_DIR] [--quiet] FILE.xml\n");
	return CSC_EXIT_CONFIG;
}

struct run {
	const char *file;       /* as configured / given: named in rejects */
	const char *staging;
	const char *ref;
	double max_reject;      /* percent; > 100 means no limit */
};

/* The size and SHA-256 of the bytes parsed (and of any trailing bytes
 * after the document, read now), for the manifest. 0 or -1. */
static int record_source(csc_stage *st, csc_xml *x, const char *file)
{
	csc_digest d;
	if (csc_input_digest(&x->in, &d) != 0)
		return -1;
	csc_stage_source(st, file, &d);
	return 0;
}

static int extract(const struct run *run)
{
	cin_xsd xsd;
	char *xsd_path = csc_path_join(run->ref, CIN_XSD_FILE);
	if (cin_xsd_load(&xsd, xsd_path)) {
		free(xsd_path);
		return CSC_EXIT_CONFIG;
	}
	/* The 2024-25 copy only adds the Sex list; without it Sex is M/F/U. */
	cin_xsd xsd2;
	int have2 = 0;
	char *xsd2_path = csc_path_join(run->ref, CIN_XSD_SEX_FILE);
	if (access(xsd2_path, R_OK) == 0) {
		if (cin_xsd_load(&xsd2, xsd2_path)) {
			cin_xsd_free(&xsd);
			free(xsd_path);
			free(xsd2_path);
			return CSC_EXIT_CONFIG;
		}
		have2 = 1;
	}
	free(xsd2_path);
	static cin_reader rd;
	int bad = cin_reader_init(&rd, &xsd, have2 ? &xsd2 : NULL, xsd_path);
	free(xsd_path);
	if (bad) {
		cin_xsd_free(&xsd);
		if (have2)
			cin_xsd_free(&xsd2);
		return CSC_EXIT_CONFIG;
	}
	csc_xml x;
	struct stat sb;
	int empty = stat(run->file, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0;
	if (empty)
		csc_error_at(run->file, 0, "the file is empty (expected a CIN census XML file)");
	if (empty || csc_xml_open(&x, run->file, run->file)) {
		cin_xsd_free(&xsd);
		if (have2)
			cin_xsd_free(&xsd2);
		return CSC_EXIT_INPUT;
	}
	csc_stage st;
	cin_emit em;
	int code = CSC_EXIT_OK;
	if (csc_stage_open(&st, run->staging, "cin") || cin_emit_open(&em, &st, run->file)) {
		csc_stage_abort(&st);
		code = CSC_EXIT_OUTPUT;
	} else if (cin_reader_run(&rd, &x, cin_emit_child, &em) || record_source(&st, &x, run->file)) {
		csc_stage_abort(&st);
		code = CSC_EXIT_INPUT;
	} else if (cin_emit_finish(&em)) {
		csc_stage_abort(&st);
		code = CSC_EXIT_OUTPUT;
	} else if (csc_stage_commit(&st)) { /* it aborts what it could not write */
		code = CSC_EXIT_OUTPUT;
	} else {
		long read = 0, rejected = 0;
		for (int i = 0; i < st.ntables; i++) {
			read += st.tables[i].read;
			rejected += st.tables[i].rejected;
		}
		if (rd.have_header)
			csc_info("cin: %s: header: Collection %s, Year %s, ReferenceDate %s, LEA %s",
				 run->file, cin_reader_header(&rd, "Collection"),
				 cin_reader_header(&rd, "Year"), cin_reader_header(&rd, "ReferenceDate"),
				 cin_reader_header(&rd, "LEA"));
		csc_stage_summary(&st);
		if (rd.unknown)
			csc_error_at(run->file, 0, "warning: %ld unknown elements or text ignored",
				     rd.unknown);
		if (read && 100.0 * (double)rejected / (double)read > run->max_reject) {
			csc_error_at(run->file, 0,
				     "%ld of %ld records rejected (%.1f%%), more than max_reject_percent %g",
				     rejected, read, 100.0 * (double)rejected / (double)read,
				     run->max_reject);
			code = CSC_EXIT_DATA;
		}
	}
	if (em.stage)
		cin_emit_free(&em);
	csc_stage_free(&st);
	csc_xml_close(&x);
	cin_reader_free(&rd);
	cin_xsd_free(&xsd);
	if (have2)
		cin_xsd_free(&xsd2);
	return code;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"conf", required_argument, NULL, 'c'}, {"out", required_argument, NULL, 'o'},
		{"ref", required_argument, NULL, 'r'},  {"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},       {"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *conf_path = NULL, *out = NULL, *ref = NULL;
	csc_diag_init(argv[0]);
	int o;
	while ((o = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (o) {
		case 'c': conf_path = optarg; break;
		case 'o': out = optarg; break;
		case 'r': ref = optarg; break;
		case 'q': csc_diag_quiet(1); break;
		case 'h': help(); return CSC_EXIT_OK;
		case 'V': return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		default: return usage();
		}
	}
	if (!conf_path) {
		if (optind != argc - 1)
			return usage();
		char *installed_ref = csc_datadir_path("ref");
		struct run run = {argv[optind], out ? out : "staging", ref ? ref : installed_ref, 1000.0};
		int code = extract(&run);
		free(installed_ref);
		return code;
	}
	if (optind != argc || out || ref)
		return usage();
	struct run run = {NULL, NULL, NULL, 1000.0};
	csc_conf *c = csc_conf_load(conf_path);
	if (!c)
		return CSC_EXIT_CONFIG;
	char *staging = csc_path_join(c->output_dir, "staging");
	int code;
	if (!c->cin_census) {
		code = csc_stage_not_configured(staging, "cin", csc_cin_stage_files) ? CSC_EXIT_OUTPUT
										  : CSC_EXIT_OK;
		csc_info("cin: not configured (no cin_census in %s)", conf_path);
	} else {
		run.file = c->cin_census;
		run.staging = staging;
		run.ref = c->reference_dir;
		run.max_reject = c->max_reject_percent;
		code = extract(&run);
	}
	free(staging);
	csc_conf_free(c);
	return code;
}
