/* Coverage of the data (lib/csc_coverage.h): which staging columns are event
 * dates, the latest date a writer saw, the coverage files, and the period
 * decisions. Every expected date is worked out by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_conf.h"
#include "csc_coverage.h"
#include "csc_csvw.h"
#include "csc_out.h"
#include "csc_stage.h"

static csc_date D(int y, int m, int d)
{
	return csc_date_make(y, m, d);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[4096];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void write_coverage(const csc_coverage *cv, const char *path, csc_date end)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	csc_csvw w;
	csc_csvw_init(&w, f);
	csc_coverage_write(cv, &w, end);
	assert_int_equal(fclose(f), 0);
}

static const char *const contacts_hdr[] = {
	"contact_id", "child", "gender", "ethnicity", "dob", "age", "contact_date", "source",
	"outcome", "completed_date", "src_line", NULL};

static void test_event_columns(void **state)
{
	(void)state;
	const char *names[CSC_COV_MAXCOLS];
	int pos[CSC_COV_MAXCOLS];
	uint64_t mask;
	/* contacts: contact_date is column 6, completed_date column 9; dob is no event */
	assert_int_equal(csc_coverage_columns("contacts.csv", contacts_hdr, names, pos, &mask), 2);
	assert_string_equal(names[0], "contact_date");
	assert_int_equal(pos[0], 6);
	assert_string_equal(names[1], "completed_date");
	assert_int_equal(pos[1], 9);
	assert_int_equal(mask, (1u << 6) | (1u << 9));
	/* SSDA903 Episodes: DECOM column 1, DEC column 7 */
	static const char *const ep[] = {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE",
					 "PLACE_PROVIDER", "DEC", "REC", NULL};
	assert_int_equal(csc_coverage_columns("ssda903_episodes.csv", ep, names, pos, &mask), 2);
	assert_int_equal(mask, (1u << 1) | (1u << 7));
	/* children (birth dates only), UASC (DUC lies in the future) and an unknown file */
	static const char *const ch[] = {"child", "dob", "expected_dob", "death_date", NULL};
	assert_int_equal(csc_coverage_columns("cin_children.csv", ch, names, pos, &mask), 0);
	assert_int_equal(mask, 0);
	static const char *const ua[] = {"CHILD", "SEX", "DOB", "DUC", NULL};
	assert_int_equal(csc_coverage_columns("ssda903_uasc.csv", ua, names, pos, &mask), 0);
	assert_int_equal(csc_coverage_columns("other.csv", contacts_hdr, names, pos, &mask), 0);
	/* s47: start_date and icpc_date, never the icpc_target */
	static const char *const s47[] = {"child", "episode", "s47", "start_date", "icpc_target",
					  "icpc_date", NULL};
	assert_int_equal(csc_coverage_columns("cin_s47.csv", s47, names, pos, &mask), 2);
	assert_int_equal(mask, (1u << 3) | (1u << 5));
}

static void test_writer_watch(void **state)
{
	(void)state;
	FILE *f = tmpfile();
	csc_csvw w;
	csc_csvw_init(&w, f);
	assert_string_equal(w.latest, "");
	csc_csvw_watch(&w, (1u << 1) | (1u << 2));
	/* column 0 is not watched: its 2030 date does not count */
	csc_csvw_str(&w, "2030-01-01");
	csc_csvw_str(&w, "2024-02-29");
	csc_csvw_str(&w, "");
	csc_csvw_end(&w);
	assert_string_equal(w.latest, "2024-02-29");
	assert_int_equal(w.latest_col, 1);
	/* not real days or not dates: ignored, though they sort after */
	csc_csvw_str(&w, "x");
	csc_csvw_str(&w, "2024-13-01");
	csc_csvw_str(&w, "2025-02-29");
	csc_csvw_end(&w);
	csc_csvw_field(&w, "9", 1);
	csc_csvw_field(&w, "2024-99", 7);
	csc_csvw_date(&w, D(2024, 3, 1));
	csc_csvw_end(&w);
	assert_string_equal(w.latest, "2024-03-01");
	assert_int_equal(w.latest_col, 2);
	/* an earlier date later on changes nothing */
	csc_csvw_str(&w, "a");
	csc_csvw_date(&w, D(2023, 12, 31));
	csc_csvw_date(&w, CSC_NODATE);
	csc_csvw_end(&w);
	assert_string_equal(w.latest, "2024-03-01");
	assert_int_equal(w.latest_col, 2);
	/* csc_csvw_plain is watched as csc_csvw_field is */
	csc_csvw_plain(&w, "2031-01-01", 10);
	csc_csvw_plain(&w, "2024-03-02", 10);
	csc_csvw_plain(&w, "", 0);
	csc_csvw_end(&w);
	assert_string_equal(w.latest, "2024-03-02");
	assert_int_equal(w.latest_col, 1);
	fclose(f);
}

static csc_conf *conf(const char *extra)
{
	char text[1024];
	snprintf(text, sizeof text,
		 "la_name = X\nla_number = 999\noutput_dir = out\ncin_census = c.xml\n"
		 "contacts = c.csv\nearly_help = e.csv\n%s",
		 extra);
	csc_conf *c = csc_conf_parse("pipeline.conf", "/tmp", text, strlen(text));
	assert_non_null(c);
	return c;
}

static void test_stage_file_and_read(void **state)
{
	(void)state;
	char dir[] = "/tmp/cscpipe-cov.XXXXXX";
	assert_non_null(mkdtemp(dir));
	csc_stage s;
	assert_int_equal(csc_stage_open(&s, dir, "contacts"), 0);
	csc_table *t = csc_stage_table(&s, "Contacts", "c.csv", "contacts.csv", contacts_hdr);
	/* two contacts: received 31/10 and completed 04/11; received 02/11, open */
	const char *rows[2][11] = {
		{"K1", "C1", "F", "WBRI", "2015-03-01", "9", "2024-10-31", "6", "REF", "2024-11-04", "2"},
		{"K2", "C2", "M", "WBRI", "2024-11-20", "0", "2024-11-02", "6", "NFA", "", "3"}};
	for (int r = 0; r < 2; r++) {
		csc_table_stage(t);
		for (int k = 0; k < 11; k++)
			csc_csvw_str(&t->w, rows[r][k]);
		csc_csvw_end(&t->w);
	}
	assert_int_equal(csc_stage_commit(&s), 0);
	csc_stage_free(&s);
	char path[256];
	snprintf(path, sizeof path, "%s/coverage_contacts.csv", dir);
	/* the dob 2024-11-20 is later still, but no event */
	assert_string_equal(slurp(path), "staging_file,column,latest_event\n"
					 "contacts.csv,completed_date,2024-11-04\n");

	/* early help configured but not staged yet: header-only coverage file */
	static const char *const ehfiles[] = {"early_help.csv", NULL};
	assert_int_equal(csc_stage_not_configured(dir, "early_help", ehfiles), 0);
	snprintf(path, sizeof path, "%s/coverage_early_help.csv", dir);
	assert_string_equal(slurp(path), "staging_file,column,latest_event\n");

	csc_conf *c = conf("");
	csc_coverage cv;
	csc_coverage_init(&cv, c);
	/* cin is configured and has no coverage file: an error unless missing_ok */
	assert_int_equal(csc_coverage_read(&cv, dir, 0), -1);
	csc_coverage_init(&cv, c);
	assert_int_equal(csc_coverage_read(&cv, dir, 1), 0);
	assert_int_equal(cv.in[2].latest, D(2024, 11, 4));
	assert_string_equal(cv.in[2].found_in, "contacts.csv completed_date");
	assert_int_equal(cv.in[0].latest, CSC_NODATE);
	assert_int_equal(cv.in[3].latest, CSC_NODATE);
	assert_int_equal(cv.limit, 2);
	assert_int_equal(cv.data_to, D(2024, 11, 4));

	/* coverage.csv for October (complete) */
	snprintf(path, sizeof path, "%s/coverage.csv", dir);
	write_coverage(&cv, path, D(2024, 10, 31));
	assert_string_equal(slurp(path),
			    "input,latest_event,found_in,data_to,limits,period_end,status\n"
			    "cin,,no coverage_cin.csv,,no,2024-10-31,unknown\n"
			    "contacts,2024-11-04,contacts.csv completed_date,2024-11-04,yes,2024-10-31,complete\n"
			    "early_help,,,,no,2024-10-31,unknown\n");
	/* and for November: partial */
	write_coverage(&cv, path, D(2024, 11, 30));
	assert_non_null(strstr(slurp(path), "contacts,2024-11-04,contacts.csv completed_date,"
					    "2024-11-04,yes,2024-11-30,partial\n"));

	/* a malformed date in a coverage file is an error naming it */
	snprintf(path, sizeof path, "%s/coverage_contacts.csv", dir);
	FILE *f = fopen(path, "w");
	fputs("staging_file,column,latest_event\ncontacts.csv,contact_date,31/10/2024\n", f);
	fclose(f);
	csc_coverage_init(&cv, c);
	assert_int_equal(csc_coverage_read(&cv, dir, 1), -1);
	csc_conf_free(c);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/* cin to 31/10/2024, contacts to 15/10/2024, early help configured without
 * a dated record, SSDA903 not configured. */
static void sample(csc_coverage *cv, csc_conf *c)
{
	csc_coverage_init(cv, c);
	cv->in[0].latest = D(2024, 10, 31);
	cv->in[2].latest = D(2024, 10, 15);
	csc_coverage_settle(cv);
}

static void test_settle(void **state)
{
	(void)state;
	csc_conf *c = conf("");
	csc_coverage cv;
	sample(&cv, c);
	assert_int_equal(cv.limit, 2); /* contacts: the earliest */
	assert_int_equal(cv.data_to, D(2024, 10, 15));
	assert_int_equal(cv.in[3].data_to, CSC_NODATE);
	assert_false(cv.in[1].configured);
	char buf[200];
	assert_string_equal(csc_coverage_says(&cv, 3, buf, sizeof buf),
			    "early_help holds no dated record");
	csc_conf_free(c);

	/* data_extracted overrides every input's latest, later or earlier */
	c = conf("data_extracted = 2024-11-05\n");
	assert_int_equal(c->data_extracted, D(2024, 11, 5));
	sample(&cv, c);
	assert_int_equal(cv.data_to, D(2024, 11, 5));
	assert_int_equal(cv.limit, 0); /* a tie: the first input */
	assert_int_equal(cv.in[3].data_to, D(2024, 11, 5));
	assert_int_equal(cv.in[1].data_to, CSC_NODATE); /* not configured */
	assert_string_equal(csc_coverage_says(&cv, 0, buf, sizeof buf),
			    "cin_census runs to 05/11/2024 (data_extracted in pipeline.conf)");
	csc_conf_free(c);
	c = conf("data_extracted = 2024-09-30\n");
	sample(&cv, c);
	assert_int_equal(cv.data_to, D(2024, 9, 30));
	csc_conf_free(c);

	/* no configured input: nothing limits */
	const char *min = "la_name = X\nla_number = 999\noutput_dir = o\n";
	csc_conf *none = csc_conf_parse("p", "/tmp", min, strlen(min));
	assert_non_null(none);
	csc_coverage_init(&cv, none);
	csc_coverage_settle(&cv);
	assert_int_equal(cv.limit, -1);
	assert_int_equal(cv.data_to, CSC_NODATE);
	csc_conf_free(none);
}

static void test_conf_key(void **state)
{
	(void)state;
	csc_conf *c = conf("");
	assert_int_equal(c->data_extracted, CSC_NODATE);
	csc_conf_free(c);
	c = conf("data_extracted = 2024-02-29\n");
	assert_int_equal(c->data_extracted, D(2024, 2, 29));
	csc_conf_free(c);
	const char *bad[] = {"data_extracted = 2023-02-29\n", "data_extracted = 29/02/2024\n",
			     "data_extracted = 2024-02\n", "data_extracted = \n"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char text[256];
		snprintf(text, sizeof text, "la_name = X\nla_number = 999\noutput_dir = out\n%s", bad[i]);
		assert_null(csc_conf_parse("pipeline.conf", "/tmp", text, strlen(text)));
	}
}

static void test_judge(void **state)
{
	(void)state;
	csc_conf *c = conf("");
	csc_coverage cv;
	sample(&cv, c); /* data to 15/10/2024 */
	/* September: ends before the data does */
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 9, 1), D(2024, 9, 30)), CSC_COV_COMPLETE);
	/* October ends after 15/10: partial */
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 10, 1), D(2024, 10, 31)), CSC_COV_PARTIAL);
	/* Q3 2024-25, October to December: starts before, partial */
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 10, 1), D(2024, 12, 31)), CSC_COV_PARTIAL);
	/* November starts after 15/10: refused */
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 11, 1), D(2024, 11, 30)), CSC_COV_NODATA);
	/* a period starting on the data's last day still has data */
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 10, 15), D(2024, 10, 20)), CSC_COV_PARTIAL);
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 10, 16), D(2024, 10, 20)), CSC_COV_NODATA);
	/* data to a month end covers that month exactly */
	cv.in[2].latest = D(2024, 10, 31);
	csc_coverage_settle(&cv);
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 10, 1), D(2024, 10, 31)), CSC_COV_COMPLETE);
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 11, 1), D(2024, 11, 30)), CSC_COV_NODATA);
	/* 29 February: data to 29/02/2024 covers February 2024, not March */
	cv.in[0].latest = cv.in[2].latest = D(2024, 2, 29);
	csc_coverage_settle(&cv);
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 2, 1), D(2024, 2, 29)), CSC_COV_COMPLETE);
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 3, 1), D(2024, 3, 31)), CSC_COV_NODATA);
	/* Q4 2023-24, January to March: partial */
	assert_int_equal(csc_coverage_judge(&cv, D(2024, 1, 1), D(2024, 3, 31)), CSC_COV_PARTIAL);
	/* no date at all: nothing to refuse */
	cv.in[0].latest = cv.in[2].latest = CSC_NODATE;
	csc_coverage_settle(&cv);
	assert_int_equal(csc_coverage_judge(&cv, D(2030, 1, 1), D(2030, 1, 31)), CSC_COV_COMPLETE);
	csc_conf_free(c);
}

static void test_default_end(void **state)
{
	(void)state;
	csc_conf *c = conf("");
	csc_coverage cv;
	csc_date today = D(2024, 12, 5); /* the clock's last complete month: November */
	sample(&cv, c);
	/* data to 15/10/2024 (mid-month): September */
	assert_int_equal(csc_coverage_default_end(&cv, today), D(2024, 9, 30));
	const struct {
		csc_date data_to, want;
	} cases[] = {
		{D(2024, 10, 31), D(2024, 10, 31)}, /* a month end: that month */
		{D(2024, 11, 30), D(2024, 11, 30)}, /* up to yesterday's month: November */
		{D(2024, 12, 3), D(2024, 11, 30)},  /* this month, mid-month: November */
		{D(2025, 3, 10), D(2024, 11, 30)},  /* a date after today: never past the clock */
		{D(2024, 2, 29), D(2024, 2, 29)},   /* 29 February is the month end in 2024 */
		{D(2024, 2, 28), D(2024, 1, 31)},   /* ... so 28 February 2024 is not */
		{D(2023, 2, 28), D(2023, 2, 28)},   /* but is in 2023 */
		{D(2024, 3, 1), D(2024, 2, 29)},    /* the day after: February */
		{D(2024, 1, 1), D(2023, 12, 31)},   /* the first of a year: December */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cv.in[0].latest = cv.in[2].latest = cases[i].data_to;
		csc_coverage_settle(&cv);
		assert_int_equal(csc_coverage_default_end(&cv, today), cases[i].want);
	}
	/* data_extracted on a month end gives that month */
	csc_conf_free(c);
	c = conf("data_extracted = 2024-06-30\n");
	sample(&cv, c);
	assert_int_equal(csc_coverage_default_end(&cv, today), D(2024, 6, 30));
	/* nothing dated: the clock's last complete month, as before */
	csc_conf_free(c);
	c = conf("");
	csc_coverage_init(&cv, c);
	csc_coverage_settle(&cv);
	assert_int_equal(csc_coverage_default_end(&cv, today), D(2024, 11, 30));
	assert_int_equal(csc_coverage_default_end(&cv, D(2024, 3, 1)), D(2024, 2, 29));
	csc_conf_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_event_columns), cmocka_unit_test(test_writer_watch),
		cmocka_unit_test(test_stage_file_and_read), cmocka_unit_test(test_settle),
		cmocka_unit_test(test_conf_key), cmocka_unit_test(test_judge),
		cmocka_unit_test(test_default_end),
	};
	return cmocka_run_group_tests_name("coverage", tests, NULL, NULL);
}
