/* test_transform_util.c - see test_transform_util.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "csc_conf.h"
#include "csc_csvcols.h"
#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_drill.h"
#include "test_transform_util.h"

static char outdir[256];
static csc_conf *conf;

csc_date tt_d(const char *iso)
{
	csc_date d;
	if (csc_date_parse_iso(iso, strlen(iso), &d) != 0)
		fail_msg("bad test date %s", iso);
	return d;
}

const char *tt_outdir(void)
{
	return outdir;
}

static csc_conf *make_conf(const char *conf_lines)
{
	snprintf(outdir, sizeof outdir, "%s", "/tmp/cscpipe-tx-XXXXXX");
	if (!mkdtemp(outdir))
		fail_msg("mkdtemp");
	char text[4096];
	snprintf(text, sizeof text,
		 "la_name = Test Authority\nla_number = 999\nmonths_shown = 2\n"
		 "output_dir = %s\nreference_dir = %s/ref\n"
		 "templates_dir = %s/tests/data/transform/templates\n%s\n",
		 outdir, CSC_DATADIR, CSC_DATADIR, conf_lines);
	csc_conf *c = csc_conf_parse("test.conf", CSC_DATADIR, text, strlen(text));
	assert_non_null(c);
	return c;
}

tx_engine *tt_run(const char *fixture, const char *conf_lines)
{
	csc_diag_init("test");
	conf = make_conf(conf_lines);
	char staging[512];
	snprintf(staging, sizeof staging, "%s/tests/data/transform/%s/staging", CSC_DATADIR, fixture);
	tx_opts o = {staging, NULL, 1, 0};
	tx_engine *e = NULL;
	int rc = tx_run(conf, &o, &e);
	assert_int_equal(rc, 0);
	assert_non_null(e);
	return e;
}

void tt_run_fail(const char *fixture, const char *conf_lines, int want)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		csc_diag_init("test");
		csc_conf *c = make_conf(conf_lines);
		char staging[512];
		snprintf(staging, sizeof staging, "%s/tests/data/transform/%s/staging", CSC_DATADIR,
			 fixture);
		tx_opts o = {staging, NULL, 1, 0};
		_exit(tx_run(c, &o, NULL));
	}
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), want);
}

void tt_done(tx_engine *e)
{
	tx_engine_free(e);
	csc_conf_free(conf);
	conf = NULL;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", outdir);
	if (system(cmd) != 0)
		fail_msg("cannot remove %s", outdir);
}

void tt_fig(const tx_engine *e, const char *m, const char *bd, const char *start,
	    const char *end, long num, long den, double value, const char *file, int line)
{
	long n, d;
	double v;
	if (tx_result(e, m, bd, tt_d(start), tt_d(end), &n, &d, &v) != 0) {
		print_error("%s:%d: no figure %s [%s] %s..%s\n", file, line, m, bd, start, end);
		fail();
	}
	int ok = n == num && d == den &&
		 (isnan(value) ? isnan(v) : (!isnan(v) && fabs(v - value) < 1e-9));
	if (!ok) {
		print_error("%s:%d: %s [%s] %s..%s: got %ld/%ld = %.10g, want %ld/%ld = %.10g\n",
			    file, line, m, bd, start, end, n, d, v, num, den, value);
		fail();
	}
}

/* drilldown_rows.csv: drilldown.csv expanded by the load's reader
 * (lib/csc_drill.h), one row per record and period as the transform met
 * them: measure,breakdown,period_start,period_end,child,record,role,reason */
struct rows {
	char per[CSC_DRILL_MAXPER][2][16];
	int np;
	csc_csvw w;
	csc_drill_dec *dec;
};

static int per_row(void *ctx, char **v, long line)
{
	struct rows *r = ctx;
	(void)line;
	assert_true(r->np < CSC_DRILL_MAXPER);
	snprintf(r->per[r->np][0], 16, "%s", v[0]);
	snprintf(r->per[r->np++][1], 16, "%s", v[1]);
	return 0;
}

static int out_row(void *ctx, char *const f[CSC_DRILL_NF], int per)
{
	struct rows *r = ctx;
	const char *v[] = {f[0], f[1], r->per[per - 1][0], r->per[per - 1][1], f[2], f[3], f[4], f[5]};
	for (int i = 0; i < 8; i++)
		csc_csvw_str(&r->w, v[i]); /* the values as read: already guarded */
	csc_csvw_end(&r->w);
	return 0;
}

static int drill_row(void *ctx, char **v, long line)
{
	struct rows *r = ctx;
	return csc_drill_dec_row(r->dec, v, "drilldown.csv", line);
}

static void expand_drilldown(void)
{
	static const char *const pcols[] = {"period_start", "period_end"};
	static const char *const head[] = {"measure", "breakdown", "period_start", "period_end",
					   "child", "record", "role", "reason", NULL};
	static struct rows r;
	char path[512];
	r.np = 0;
	snprintf(path, sizeof path, "%s/drilldown_periods.csv", outdir);
	assert_int_equal(csc_csv_read_cols(path, NULL, NULL, pcols, 2, per_row, &r), 0);
	snprintf(path, sizeof path, "%s/drilldown_rows.csv", outdir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	csc_csvw_init(&r.w, f);
	csc_csvw_header(&r.w, head);
	r.dec = csc_drill_dec_new(r.np, out_row, &r);
	snprintf(path, sizeof path, "%s/drilldown.csv", outdir);
	assert_int_equal(csc_csv_read_cols(path, NULL, NULL, csc_drill_header, 8, drill_row, &r), 0);
	assert_int_equal(csc_drill_dec_end(r.dec, path, 0), 0);
	csc_drill_dec_free(r.dec);
	fclose(f);
}

int tt_count_lines(const char *file, const char *text)
{
	char path[512], line[4096];
	if (!strcmp(file, "drilldown_rows.csv"))
		expand_drilldown();
	snprintf(path, sizeof path, "%s/%s", outdir, file);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	int n = 0;
	while (fgets(line, sizeof line, f))
		n += strstr(line, text) != NULL;
	fclose(f);
	return n;
}

int tt_has_line(const char *file, const char *text)
{
	return tt_count_lines(file, text) > 0;
}
