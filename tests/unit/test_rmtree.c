/* test_rmtree.c - csc_rmtree: removes a tree depth first, never through a
 * symbolic link, and a missing path is no error. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "csc_rmtree.h"

static void touch(const char *p)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "x\n", 2), 2);
	close(fd);
}

static void removes_tree_not_link_targets(void **state)
{
	(void)state;
	char top[] = "/tmp/csc_rmtree_XXXXXX";
	assert_non_null(mkdtemp(top));
	char t[256], p[300];
	/* outside: a folder and file the tree links to, which must survive */
	snprintf(t, sizeof t, "%s/outside", top);
	assert_int_equal(mkdir(t, 0755), 0);
	snprintf(p, sizeof p, "%s/keep.txt", t);
	touch(p);
	snprintf(t, sizeof t, "%s/tree", top);
	assert_int_equal(mkdir(t, 0755), 0);
	snprintf(p, sizeof p, "%s/a", t);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/a/b", t);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/a/b/f.csv", t);
	touch(p);
	snprintf(p, sizeof p, "%s/g", t);
	touch(p);
	snprintf(p, sizeof p, "%s/a/link", t);
	char o[256];
	snprintf(o, sizeof o, "%s/outside", top);
	assert_int_equal(symlink(o, p), 0);

	assert_int_equal(csc_rmtree(t), 0);
	struct stat st;
	assert_int_equal(lstat(t, &st), -1);
	snprintf(p, sizeof p, "%s/outside/keep.txt", top);
	assert_int_equal(stat(p, &st), 0);

	/* gone already: no error; a plain file is removed too */
	assert_int_equal(csc_rmtree(t), 0);
	assert_int_equal(csc_rmtree(p), 0);
	assert_int_equal(lstat(p, &st), -1);
	assert_int_equal(csc_rmtree(top), 0);
	assert_int_equal(lstat(top, &st), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(removes_tree_not_link_targets)};
	return cmocka_run_group_tests_name("rmtree", tests, NULL, NULL);
}
