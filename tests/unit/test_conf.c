/* pipeline.conf: values, defaults, and errors reported at the right line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_conf.h"
#include "csc_diag.h"

#define GOOD "# sample\n" \
	"la_name = Northbridge\n" \
	"la_number = 999\n" \
	"period_end = 2024-02\n" \
	"population_2023 = 52000\n" \
	"population_2024 = 52400\n" \
	"contacts = in/contacts.csv\n" \
	"output_dir = /tmp/out\n"

static csc_conf *parse(const char *text)
{
	return csc_conf_parse("pipeline.conf", "/srv/la", text, strlen(text));
}

/* Parse text that must fail; returns the diagnostics printed. */
static const char *parse_bad(const char *text)
{
	capture_start();
	csc_conf *c = parse(text);
	const char *err = capture_end();
	assert_null(c);
	return err;
}

static void test_good_file_and_defaults(void **state)
{
	(void)state;
	csc_conf *c = parse(GOOD);
	assert_non_null(c);
	assert_string_equal(c->la_name, "Northbridge");
	assert_string_equal(c->la_number, "999");
	assert_int_equal(c->period_end, csc_date_make(2024, 2, 29));
	assert_int_equal(c->months_shown, 6);
	assert_string_equal(c->contacts, "/srv/la/in/contacts.csv"); /* relative to the conf */
	assert_string_equal(c->output_dir, "/tmp/out");
	assert_null(c->cin_census);
	assert_int_equal(c->rereferral_basis, CSC_REREF_REFERRAL);
	assert_int_equal(c->assessment_basis, CSC_ASSESS_ASSESSMENT);
	assert_int_equal(c->nresidential, 3);
	assert_string_equal(c->residential_places[0], "K1");
	assert_string_equal(c->residential_places[2], "R1");
	assert_int_equal(c->drilldown, 1);
	assert_int_equal(c->drilldown_periods, CSC_DRILL_REPORT);
	assert_int_equal(c->publication_mode, 0);
	/* loud by default: 5 % rejected, or a fall of half, stops a run */
	assert_true(c->max_reject_percent == 5.0);
	assert_true(c->max_drop_percent == 50.0);
	assert_int_equal(c->publish_edition, 0);
	assert_int_equal(c->annexa, 0); /* csc-run builds no Annex A unless asked */
	long pop;
	assert_int_equal(csc_conf_population(c, 2024, &pop), 0);
	assert_int_equal(pop, 52400);
	assert_int_equal(csc_conf_population(c, 2022, &pop), -1);
	csc_conf_free(c);
}

static void test_settings(void **state)
{
	(void)state;
	csc_conf *c = parse(GOOD "rereferral_basis = closure\nassessment_basis = referral\n"
				 "residential_places = K2, R5\nmonths_shown = 12\n"
				 "drilldown_periods = all\nannexa = yes\n");
	assert_non_null(c);
	assert_int_equal(c->rereferral_basis, CSC_REREF_CLOSURE);
	assert_int_equal(c->assessment_basis, CSC_ASSESS_REFERRAL);
	assert_int_equal(c->nresidential, 2);
	assert_string_equal(c->residential_places[1], "R5");
	assert_int_equal(c->months_shown, 12);
	assert_int_equal(c->drilldown_periods, CSC_DRILL_ALL);
	assert_int_equal(c->annexa, 1);
	csc_conf_free(c);
	c = parse(GOOD "drilldown_periods = report\n");
	assert_non_null(c);
	assert_int_equal(c->drilldown_periods, CSC_DRILL_REPORT);
	csc_conf_free(c);
}

static void test_unknown_key(void **state)
{
	(void)state;
	const char *err = parse_bad(GOOD "colour = blue\n");
	assert_non_null(strstr(err, "pipeline.conf:9: unknown key 'colour'"));
}

static void test_missing_required(void **state)
{
	(void)state;
	const char *err = parse_bad("la_name = X\nla_number = 123\n");
	assert_non_null(strstr(err, "missing required key 'output_dir'"));
	assert_non_null(strstr(err, "pipeline.conf:"));
}

static void test_bad_values_name_their_line(void **state)
{
	(void)state;
	assert_non_null(strstr(parse_bad(GOOD "months_shown = 0\n"), "pipeline.conf:9: months_shown"));
	assert_non_null(strstr(parse_bad(GOOD "rereferral_basis = both\n"),
			       "pipeline.conf:9: rereferral_basis: must be referral or closure"));
	assert_non_null(strstr(parse_bad("la_name = X\nla_number = 12\noutput_dir = o\n"),
			       "pipeline.conf:2: la_number"));
	assert_non_null(strstr(parse_bad(GOOD "period_end = 2024-13\n"), "pipeline.conf:9:"));
	assert_non_null(strstr(parse_bad(GOOD "population_2024 = 1\n"),
			       "pipeline.conf:9: population_2024: population for this year is given twice"));
	assert_non_null(strstr(parse_bad(GOOD "population_24 = 100\n"), "pipeline.conf:9:"));
	assert_non_null(strstr(parse_bad(GOOD "population_2025 = -5\n"), "pipeline.conf:9:"));
	assert_non_null(strstr(parse_bad(GOOD "no equals sign\n"), "pipeline.conf:9: expected 'key = value'"));
	assert_non_null(strstr(parse_bad(GOOD "la_name = Again\n"), "already set on line 2"));
	assert_non_null(strstr(parse_bad(GOOD "publication_mode = maybe\n"), "must be yes or no"));
	assert_non_null(strstr(parse_bad(GOOD "publish_edition = maybe\n"), "must be yes or no"));
	assert_non_null(strstr(parse_bad(GOOD "drilldown_periods = shown\n"),
			       "pipeline.conf:9: drilldown_periods: must be report or all"));
	assert_non_null(strstr(parse_bad(GOOD "drilldown_periods = \n"), "pipeline.conf:9:"));
}

static void test_every_error_is_reported(void **state)
{
	(void)state;
	const char *err = parse_bad(GOOD "a = 1\nb = 2\n");
	assert_non_null(strstr(err, ":9: unknown key 'a'"));
	assert_non_null(strstr(err, ":10: unknown key 'b'"));
}

static void test_month_parsing(void **state)
{
	(void)state;
	csc_date d;
	assert_int_equal(csc_parse_month("2023-09", &d), 0);
	assert_int_equal(d, csc_date_make(2023, 9, 30));
	assert_int_equal(csc_parse_month("2023-9", &d), -1);
	assert_int_equal(csc_parse_month("2023-00", &d), -1);
	assert_int_equal(csc_parse_month("abcd-ef", &d), -1);
}

int main(void)
{
	csc_diag_init("test");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file_and_defaults),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_missing_required),
		cmocka_unit_test(test_bad_values_name_their_line),
		cmocka_unit_test(test_every_error_is_reported),
		cmocka_unit_test(test_month_parsing),
	};
	return cmocka_run_group_tests_name("conf", tests, NULL, NULL);
}
