/* csc_stage's per-input files: sources_<input>.csv names each file read with
 * its size and SHA-256 as read, written with recon_ at commit, and as a
 * header alone for an input that is not configured. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "csc_stage.h"

static char dir[64];

static char *slurp(const char *name)
{
	static char buf[4096];
	char *p = csc_path_join(dir, name);
	FILE *f = fopen(p, "rb");
	free(p);
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void remove_dir(void)
{
	const char *names[] = {"sources_t.csv", "recon_t.csv", "rejects_t.csv", "coverage_t.csv", "findings_t.csv", "t.csv"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = csc_path_join(dir, names[i]);
		unlink(p);
		free(p);
	}
	rmdir(dir);
}

static void sources_written_at_commit(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/csc-stage-XXXXXX");
	assert_non_null(mkdtemp(dir));
	csc_stage s;
	assert_int_equal(csc_stage_open(&s, dir, "t"), 0);
	static const char *const hdr[] = {"x", NULL};
	csc_table *t = csc_stage_table(&s, "T", "in,1.csv", "t.csv", hdr);
	csc_table_stage(t);
	csc_csvw_str(&t->w, "1");
	csc_csvw_end(&t->w);
	csc_stage_reject(&s, t, 3, "x", "bad", "not a number");
	csc_digest d = {8, "492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470"};
	csc_stage_source(&s, "in,1.csv", &d);
	csc_digest e = {0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"};
	csc_stage_source(&s, "empty.csv", &e);
	assert_null(slurp("sources_t.csv")); /* nothing renamed before commit */
	assert_int_equal(csc_stage_commit(&s), 0);
	csc_stage_free(&s);
	assert_string_equal(slurp("sources_t.csv"),
			    "file,bytes,sha256\n"
			    "\"in,1.csv\",8,492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470\n"
			    "empty.csv,0,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n");
	assert_string_equal(slurp("recon_t.csv"),
			    "file,table,read,staged,rejected\n\"in,1.csv\",T,2,1,1\n");

	/* not configured: every per-input file is a header alone, the table gone */
	static const char *const files[] = {"t.csv", NULL};
	assert_int_equal(csc_stage_not_configured(dir, "t", files), 0);
	assert_string_equal(slurp("sources_t.csv"), "file,bytes,sha256\n");
	assert_string_equal(slurp("recon_t.csv"), "file,table,read,staged,rejected\n");
	assert_null(slurp("t.csv"));
	remove_dir();
}

int main(void)
{
	csc_diag_init("test_stage");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sources_written_at_commit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
