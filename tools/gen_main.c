/*
 * gen_main.c - csc-gen-sample: write a deterministic sample authority.
 *
 * England scale: one year of England (about 2.8 million contacts, 650,000
 * referrals, 80,000 looked after at a date, about 1.3-1.6 GB) is
 * `--children 2700000 --years 1`: measured, 1,000,000 children with one year
 * of history give 1.05 M contacts in the last 12 months, 232 k referrals, a
 * population of 4.5 M and 600 MB (tools/module.mk has the full figures).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_datadir.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "csc_workday.h"
#include "gen_emit.h"
#include "gen_model.h"
#include "validate/v_year.h"

static void usage(FILE *fp)
{
	fprintf(fp, "usage: csc-gen-sample --out DIR [--children N] [--seed S] [--end YYYY-MM-DD]\n"
		    "                      [--years Y] [--dirty PERCENT] [--la-name NAME]\n"
		    "                      [--la-number NNN] [--sex-element] [--ref DIR] [--quiet]\n");
}

static void help(void)
{
	printf("NAME\n"
	       "    csc-gen-sample - write a deterministic sample local authority's case-system dump\n\n"
	       "SYNOPSIS\n"
	       "    csc-gen-sample --out DIR [OPTIONS]\n\n"
	       "DESCRIPTION\n"
	       "    Simulates the children of a fictional English local authority, one child at a\n"
	       "    time, and writes what its case system would export on the extraction date:\n"
	       "      DIR/cin_census.xml          CIN census XML (all CIN episodes open in the history;\n"
	       "                                  PreProceedingsandFGDM blocks for a third of the\n"
	       "                                  CP plans started from April 2026)\n"
	       "      DIR/ssda903/*.csv           the eleven SSDA903 tables and dolo.csv (2026-27),\n"
	       "                                  DD/MM/YYYY dates; placements in the codes of\n"
	       "                                  --ref's ssda903-codes-by-year.csv (K3, Z11-Z14)\n"
	       "      DIR/contacts.csv            Annex A contacts list with outcome extensions\n"
	       "      DIR/early_help.csv          early-help episodes\n"
	       "      DIR/dirty-manifest.csv      file,line,field,value,kind of every injected fault\n"
	       "      DIR/pipeline.conf           ready to run, with relative paths\n"
	       "    The same options always give byte-identical files. Memory is one child.\n"
	       "    Over the 12 months ending at the extraction date the authority shows about:\n"
	       "    20%% of contacts becoming referrals, 20%% re-referrals within 12 months, 80%% of\n"
	       "    assessments within 45 working days, 50 children on a CP plan and 70 looked\n"
	       "    after per 10,000 (with the population written to pipeline.conf), 60%% of care\n"
	       "    leavers in education, employment or training. The last line printed gives\n"
	       "    the figures actually generated.\n\n"
	       "OPTIONS\n"
	       "    --out DIR          folder to write (created; required)\n"
	       "    --children N       distinct children with any record in the dump (default 20000).\n"
	       "                       The 0-17 population written to pipeline.conf follows from N\n"
	       "                       and --years: about 1.18 x N for 6 years, 4.5 x N for 1 year.\n"
	       "                       Per 10,000 of that population a year: ~2,400 contacts,\n"
	       "                       ~540 referrals. One year of England (~2.8 M contacts,\n"
	       "                       ~650 k referrals, ~12 M population, ~1.6 GB) is about\n"
	       "                       --children 2700000 --years 1.\n"
	       "    --seed S           random seed, an unsigned integer (default 20240331)\n"
	       "    --end YYYY-MM-DD   extraction date; nothing is dated after it (default 2026-10-31)\n"
	       "    --years Y          years of history in the dump, 1-12 (default 6)\n"
	       "    --dirty PERCENT    make this share (0-50) of the records of every file faulty:\n"
	       "                       bad codes, impossible dates (30/31 February), missing\n"
	       "                       mandatory values, duplicated keyed rows; each listed in\n"
	       "                       dirty-manifest.csv (default 0)\n"
	       "    --la-name NAME     authority name (default Sampleshire)\n"
	       "    --la-number NNN    3-digit DfE LA number (default 999, which is no real authority)\n"
	       "    --upn-la NNN       LA code in the children's UPNs (characters 2-4: the authority\n"
	       "                       whose school allocated the UPN). Default: --la-number when\n"
	       "                       given, else 919, since UPNs must carry a recognised LA code\n"
	       "                       (CIN rule 1530) and 999 is none\n"
	       "    --sex-element      write the 2024-25 coding: CIN <Sex> M/F and SSDA903 SEX M/F\n"
	       "                       (default: <GenderCurrent> 1/2 and SEX 1/2, as the XSD and YAML)\n"
	       "    --ref DIR          reference folder holding bank-holidays-england-wales.csv and\n"
	       "                       ssda903-codes-by-year.csv\n"
	       "                       (default %s/ref)\n"
	       "    --quiet            do not print the summary line\n"
	       "    --help             this text\n"
	       "    --version          print the release and git description\n\n"
	       "EXIT STATUS\n"
	       "    0 success; 3 the bank-holiday file cannot be read; 4 bad usage;\n"
	       "    6 an output cannot be written (no file is left half-written).\n",
	       csc_datadir());
}

static int parse_ulong(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;
	errno = 0;
	if (!*s || *s == '-')
		return -1;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

static int write_conf(const gen_opts *o, const char *dir, long population)
{
	char *path = csc_path_join(dir, "pipeline.conf");
	csc_out out;
	int rc = csc_out_open(&out, path);
	free(path);
	if (rc)
		return -1;
	FILE *fp = out.fp;
	int ey, em, ed, sy, sm, sd;
	csc_date_ymd(o->end, &ey, &em, &ed);
	csc_date_ymd(o->start, &sy, &sm, &sd);
	/* the last complete month of the dump */
	csc_date pe = o->end == csc_month_last(o->end) ? o->end : csc_month_first(o->end) - 1;
	int py, pm, pd;
	csc_date_ymd(pe, &py, &pm, &pd);
	fprintf(fp, "# Sample authority written by csc-gen-sample (seed %" PRIu64 ", %ld children,\n"
		    "# %d years of history to the extraction date %04d-%02d-%02d).\n"
		    "# The population is the one the generator's arrival rate implies.\n\n",
		o->seed, o->children, o->years, ey, em, ed);
	/* A small authority's quietest list may hold no event in the last weeks:
	 * the day of the dump, not its latest event, is how far the data runs. */
	fprintf(fp, "la_name = %s\nla_number = %s\nperiod_end = %04d-%02d\nmonths_shown = 6\n"
		    "data_extracted = %04d-%02d-%02d\n\n",
		o->la_name, o->la_number, py, pm, ey, em, ed);
	for (int y = sy; y <= ey; y++)
		fprintf(fp, "population_%d = %ld\n", y, population);
	fprintf(fp, "\ncin_census = cin_census.xml\nssda903_dir = ssda903\ncontacts = contacts.csv\n"
		    "early_help = early_help.csv\noutput_dir = output\n");
	return csc_out_commit(&out);
}

int main(int argc, char **argv)
{
	csc_diag_init(argv[0]);
	gen_opts o = {.seed = 20240331, .children = 20000, .years = 6, .la_name = "Sampleshire",
		      .la_number = "999"};
	const char *out = NULL, *ref = NULL; /* NULL: the installed ref/ */
	o.end = csc_date_make(2026, 10, 31);
	int quiet = 0;
	enum { O_OUT = 256, O_CHILDREN, O_SEED, O_END, O_YEARS, O_DIRTY, O_NAME, O_NUMBER, O_SEX,
	       O_REF, O_QUIET, O_HELP, O_UPNLA, O_VERSION };
	static const struct option opts[] = {
		{"out", required_argument, 0, O_OUT}, {"children", required_argument, 0, O_CHILDREN},
		{"seed", required_argument, 0, O_SEED}, {"end", required_argument, 0, O_END},
		{"years", required_argument, 0, O_YEARS}, {"dirty", required_argument, 0, O_DIRTY},
		{"la-name", required_argument, 0, O_NAME}, {"la-number", required_argument, 0, O_NUMBER},
		{"sex-element", no_argument, 0, O_SEX}, {"ref", required_argument, 0, O_REF},
		{"quiet", no_argument, 0, O_QUIET}, {"help", no_argument, 0, O_HELP},
		{"upn-la", required_argument, 0, O_UPNLA}, {"version", no_argument, 0, O_VERSION},
		{0, 0, 0, 0}};
	int ch;
	unsigned long long v;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case O_OUT: out = optarg; break;
		case O_CHILDREN:
			if (parse_ulong(optarg, 100000000, &v) || v < 1)
				goto bad;
			o.children = (long)v;
			break;
		case O_SEED:
			if (parse_ulong(optarg, UINT64_MAX, &v))
				goto bad;
			o.seed = v;
			break;
		case O_END:
			if (csc_date_parse_iso(optarg, strlen(optarg), &o.end))
				goto bad;
			break;
		case O_YEARS:
			if (parse_ulong(optarg, 12, &v) || v < 1)
				goto bad;
			o.years = (int)v;
			break;
		case O_DIRTY: {
			char *end;
			double p = strtod(optarg, &end);
			if (*end || end == optarg || !(p >= 0 && p <= 50))
				goto bad;
			o.dirty = p / 100;
			break;
		}
		case O_NAME:
			if (!*optarg || strchr(optarg, '\n'))
				goto bad;
			o.la_name = optarg;
			break;
		case O_NUMBER:
			if (strlen(optarg) != 3 || strspn(optarg, "0123456789") != 3)
				goto bad;
			o.la_number = optarg;
			break;
		case O_UPNLA:
			if (strlen(optarg) != 3 || strspn(optarg, "0123456789") != 3)
				goto bad;
			o.upn_la = optarg;
			break;
		case O_SEX: o.sex_element = 1; break;
		case O_REF: ref = optarg; break;
		case O_QUIET: quiet = 1; break;
		case O_HELP: help(); return CSC_EXIT_OK;
		case O_VERSION: return csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
		default: usage(stderr); return CSC_EXIT_CONFIG;
		}
		continue;
bad:
		csc_error("bad value for --%s: %s", opts[ch - O_OUT].name, optarg);
		usage(stderr);
		return CSC_EXIT_CONFIG;
	}
	if (!o.upn_la)
		o.upn_la = strcmp(o.la_number, "999") ? o.la_number : "919";
	if (!out || optind != argc) {
		usage(stderr);
		return CSC_EXIT_CONFIG;
	}
	o.start = csc_date_add_months(o.end, -12 * o.years);

	char *holidays = ref ? csc_path_join(ref, "bank-holidays-england-wales.csv")
			     : csc_datadir_path("ref/bank-holidays-england-wales.csv");
	csc_calendar *cal = csc_calendar_load(holidays);
	free(holidays);
	if (!cal)
		return CSC_EXIT_INPUT;
	o.cal = cal;
	/* the PLACE successions and the latest year's code lists */
	const v_collection *coll = v_collection_find("SSDA903");
	char *refdir = ref ? csc_xstrdup(ref) : csc_datadir_path("ref");
	char *codes_csv = csc_path_join(refdir, coll->codes_csv);
	free(refdir);
	v_recode recodes[16];
	o.nrecode = v_recodes_load(codes_csv, coll, recodes, 16);
	o.recode = recodes;
	v_codes *codes = o.nrecode < 0 ? NULL : v_codes_load(codes_csv, coll->last);
	o.codes = codes;
	free(codes_csv);
	if (!codes)
		return CSC_EXIT_INPUT;
	if (csc_mkdirs(out) != 0) {
		csc_error_at(out, 0, "cannot create folder: %s", strerror(errno));
		return CSC_EXIT_OUTPUT;
	}
	gen_emit *g = gen_emit_open(&o, out);
	if (!g)
		return CSC_EXIT_OUTPUT;

	/* zeroed: gen_sim_child clears only the fields before `contact`, and
	 * placed_reason is never set, so a reused heap chunk wrote RD48 into
	 * PlacedAdoption (seen once csc_csvw grew: extract_csv_dirty) */
	gen_child *c = csc_xcalloc(1, sizeof *c);
	uint64_t k = 0;
	for (long n = 0; n < o.children; k++) {
		if (!gen_sim_child(&o, k, c))
			continue;
		c->index = n;
		snprintf(c->id, sizeof c->id, "C%07ld", n + 1);
		gen_emit_child(g, c);
		n++;
	}
	free(c);
	gen_stats st;
	if (gen_emit_close(g, &st) != 0)
		return CSC_EXIT_OUTPUT;
	double per_year = (double)k / gen_arrival_years(&o);
	long population = (long)(per_year / GEN_ARRIVAL_RATE + 0.5);
	if (population < 1)
		population = 1;
	if (write_conf(&o, out, population) != 0)
		return CSC_EXIT_OUTPUT;
	csc_calendar_free(cal);
	v_codes_free(codes);

	char endb[CSC_DATE_BUFSZ];
	csc_date_iso(o.end, endb);
#define PCT(a, b) ((b) ? 100.0 * (double)(a) / (double)(b) : 0.0)
	if (!quiet)
		printf("csc-gen-sample: %ld children, population %ld, %.1f MB; last 12 months: "
		       "contacts %ld, referred %.1f%%; referrals %ld, re-referrals %.1f%%; "
		       "assessments %ld, within 45 wd %.1f%%; CP %.1f and CLA %.1f per 10,000 at %s; "
		       "care leavers %ld, EET %.1f%%; dirty records %ld\n",
		       st.children, population, st.bytes / 1e6, st.contacts, PCT(st.contacts_ref, st.contacts),
		       st.referrals, PCT(st.rereferrals, st.referrals), st.assessments,
		       PCT(st.assess_45, st.assessments), 1e4 * (double)st.cp_at_end / (double)population,
		       1e4 * (double)st.cla_at_end / (double)population,
		       endb, st.leavers, PCT(st.leavers_eet, st.leavers),
		       st.dirty);
	return CSC_EXIT_OK;
}
