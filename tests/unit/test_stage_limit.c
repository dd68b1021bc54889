/* test_stage_limit.c - past CSC_STAGE_MAX_TABLES tables, csc_stage_table
 * reports and sets s->failed instead of exiting (library code returns; only
 * main exits), and the commit then fails leaving no staging file behind. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "csc_diag.h"
#include "csc_stage.h"

/* Files in dir (not . and ..). */
static int nfiles(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void past_the_limit(void **state)
{
	(void)state;
	char dir[] = "/tmp/csc_stage_limit_XXXXXX";
	assert_non_null(mkdtemp(dir));
	csc_stage s;
	assert_int_equal(csc_stage_open(&s, dir, "t"), 0);
	static const char *const hdr[] = {"a", NULL};
	/* the first table is staged to a file; the other 63 are only counted */
	csc_table *first = csc_stage_table(&s, "T", "in0.csv", "t.csv", hdr);
	for (int i = 1; i < CSC_STAGE_MAX_TABLES; i++)
		assert_ptr_equal(csc_stage_table(&s, "T", "in.csv", NULL, NULL), &s.tables[i]);
	assert_ptr_equal(first, &s.tables[0]);
	assert_int_equal(s.failed, 0);
	assert_int_equal(s.ntables, CSC_STAGE_MAX_TABLES);
	/* one more: reported, failed, a table outside the array, nothing counted */
	csc_table *over = csc_stage_table(&s, "T", "in65.csv", NULL, NULL);
	assert_non_null(over);
	assert_int_equal(s.failed, 1);
	assert_int_equal(s.ntables, CSC_STAGE_MAX_TABLES);
	assert_true(over < &s.tables[0] || over >= &s.tables[CSC_STAGE_MAX_TABLES]);
	/* the staged file and rejects are temporaries until commit, which fails */
	csc_table_stage(first);
	assert_int_equal(csc_stage_commit(&s), -1);
	assert_int_equal(nfiles(dir), 0);
	csc_stage_free(&s);
	assert_int_equal(rmdir(dir), 0);
}

int main(int argc, char **argv)
{
	(void)argc;
	csc_diag_init(argv[0]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(past_the_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
