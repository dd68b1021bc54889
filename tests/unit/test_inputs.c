/* The one table of data inputs (lib/csc_inputs.h): names and keys unique,
 * each key a pipeline.conf key whose path csc_inputs_path finds (and no
 * other input's), and mk/pipeline.mk's stage rules agreeing with the table
 * row by row: the recon target, the stage and its settings fingerprint,
 * the content stamp, the reference data when the extractor reads them, the
 * program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csc_conf.h"
#include "csc_datadir.h"
#include "csc_inputs.h"

static void unique_and_found(void **state)
{
	(void)state;
	static const char *const names[] = {"cin", "ssda903", "contacts", "early_help"};
	static const char *const keys[] = {"cin_census", "ssda903_dir", "contacts", "early_help"};
	for (int i = 0; i < CSC_NINPUTS; i++) {
		/* the order everything lists them in (manifest, coverage.csv, ...) */
		assert_string_equal(csc_inputs[i].name, names[i]);
		assert_string_equal(csc_inputs[i].key, keys[i]);
		assert_int_equal(csc_inputs_find(names[i]), i);
		for (int j = 0; j < i; j++) {
			assert_string_not_equal(csc_inputs[i].name, csc_inputs[j].name);
			assert_string_not_equal(csc_inputs[i].key, csc_inputs[j].key);
			assert_string_not_equal(csc_inputs[i].stage, csc_inputs[j].stage);
		}
	}
	assert_int_equal(csc_inputs[CSC_IN_903].dir, 1);
	assert_int_equal(csc_inputs[CSC_IN_CIN].dir + csc_inputs[CSC_IN_CONTACTS].dir +
				 csc_inputs[CSC_IN_EH].dir, 0);
	assert_int_equal(csc_inputs_find("cin_census"), -1); /* a key is not a name */
	assert_int_equal(csc_inputs_find(""), -1);
}

/* Input i alone configured: its path, the others NULL. */
static void conf_paths(void **state)
{
	(void)state;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		char text[256];
		snprintf(text, sizeof text, "la_name = X\nla_number = 999\noutput_dir = out\n%s = in%d\n",
			 csc_inputs[i].key, i);
		csc_conf *c = csc_conf_parse("pipeline.conf", "/d", text, strlen(text));
		assert_non_null(c);
		char want[16];
		snprintf(want, sizeof want, "/d/in%d", i);
		for (int j = 0; j < CSC_NINPUTS; j++)
			if (j == i)
				assert_string_equal(csc_inputs_path(c, j), want);
			else
				assert_null(csc_inputs_path(c, j));
		csc_conf_free(c);
	}
}

/* mk/pipeline.mk with its continued lines joined. */
static char *read_mk(void)
{
	char *p = csc_datadir_path("mk/pipeline.mk");
	FILE *f = fopen(p, "r");
	free(p);
	assert_non_null(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	assert_true(n < sizeof buf - 1); /* read whole */
	buf[n] = '\0';
	char *o = buf;
	for (char *s = buf; *s; s++) {
		if (s[0] == '\\' && s[1] == '\n') {
			s++;
			while (s[1] == '\t' || s[1] == ' ')
				s++;
			*o++ = ' ';
			continue;
		}
		*o++ = *s;
	}
	*o = '\0';
	return buf;
}

/* The line of mk that starts with start, or NULL; copied into line. */
static const char *rule_line(const char *mk, const char *start, char *line, size_t cap)
{
	size_t n = strlen(start);
	for (const char *s = mk; s && *s; s = strchr(s, '\n'), s = s ? s + 1 : NULL)
		if (!strncmp(s, start, n)) {
			size_t len = strcspn(s, "\n");
			snprintf(line, cap, "%.*s", (int)len, s);
			return line;
		}
	return NULL;
}

static void make_rules(void **state)
{
	(void)state;
	const char *mk = read_mk();
	char line[1024], want[256];
	assert_non_null(rule_line(mk, "STAGING := ", line, sizeof line));
	const char *staging_line = strdup(line);
	for (int i = 0; i < CSC_NINPUTS; i++) {
		const csc_input_def *in = &csc_inputs[i];
		snprintf(want, sizeof want, "$(STG)/recon_%s.csv", in->name);
		assert_non_null(strstr(staging_line, want));
		snprintf(want, sizeof want, "$(STG)/recon_%s.csv: ", in->name);
		assert_non_null(rule_line(mk, want, line, sizeof line));
		snprintf(want, sizeof want, "$(SET)/%s.txt ", in->stage);
		assert_non_null(strstr(line, want));
		snprintf(want, sizeof want, "$(INS)/%s.txt ", in->key);
		assert_non_null(strstr(line, want));
		assert_int_equal(strstr(line, "$(INS)/reference_dir.txt") != NULL, in->reads_reference);
		snprintf(want, sizeof want, "$(BIN)/%s", in->program);
		assert_non_null(strstr(line, want));
		/* the recipe: the stage by name, running the program */
		const char *rule = strstr(mk, line);
		const char *recipe = strchr(rule, '\n') + 1;
		snprintf(want, sizeof want, "\t$(call stage,%s,$(BIN)/%s --conf $(CONF))\n", in->stage,
			 in->program);
		assert_int_equal(strncmp(recipe, want, strlen(want)), 0);
	}
	free((void *)staging_line);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unique_and_found),
		cmocka_unit_test(conf_paths),
		cmocka_unit_test(make_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
