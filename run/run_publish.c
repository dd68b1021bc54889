/* run_publish.c - publish a period's outputs as one set, with a manifest.
 *
 * The outputs are hard-linked into a fresh folder <out>/.pub/<label>.<pid>,
 * manifest.csv is written there, and the link <out>/<label> is swapped to it
 * with rename(2). A reader, or a run killed at any instant, sees either the
 * old complete set or the new one. Hard links are safe because every stage
 * replaces a file by renaming a new one over it, never by rewriting it. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "run.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Regular files in dir, sorted, skipping make stamps and temporaries. */
char **run_list_files(const char *dir, int *n);
char **run_list_files(const char *dir, int *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	int cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *s = e->d_name;
		size_t len = strlen(s);
		if (s[0] == '.' || strstr(s, ".tmp.") || (len > 5 && !strcmp(s + len - 5, ".done")))
			continue;
		char *p = csc_path_join(dir, s);
		struct stat st;
		int regular = stat(p, &st) == 0 && S_ISREG(st.st_mode);
		free(p);
		if (!regular)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			names = csc_xrealloc(names, (size_t)cap * sizeof *names);
		}
		names[(*n)++] = csc_xstrdup(s);
	}
	closedir(d);
	if (*n)
		qsort(names, (size_t)*n, sizeof *names, cmp_str);
	return names;
}

static void free_list(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int link_all(const char *from, const char *to, const char *only_prefix)
{
	int n;
	char **names = run_list_files(from, &n);
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		if (only_prefix && strncmp(names[i], "rejects_", 8) && strncmp(names[i], "recon_", 6))
			continue;
		char *a = csc_path_join(from, names[i]), *b = csc_path_join(to, names[i]);
		if (link(a, b) != 0) {
			csc_error_at(b, 0, "cannot publish: %s", strerror(errno));
			rc = -1;
		}
		free(a);
		free(b);
	}
	free_list(names, n);
	return rc;
}

static void remove_tree(const char *dir)
{
	int n;
	char **names = run_list_files(dir, &n);
	for (int i = 0; i < n; i++) {
		char *p = csc_path_join(dir, names[i]);
		unlink(p);
		free(p);
	}
	free_list(names, n);
	rmdir(dir);
}

int run_publish(run_ctx *c)
{
	char *pub = csc_path_join(c->out, ".pub");
	char name[64];
	snprintf(name, sizeof name, "%s.%ld", c->period.label, (long)getpid());
	char *dest = csc_path_join(pub, name);
	remove_tree(dest);
	if (csc_mkdirs(dest) != 0) {
		csc_error_at(dest, 0, "cannot create: %s", strerror(errno));
		free(pub);
		free(dest);
		return CSC_EXIT_OUTPUT;
	}
	char *stg = csc_path_join(c->out, "staging");
	int rc = link_all(c->pdir, dest, NULL);
	if (rc == 0)
		rc = link_all(stg, dest, "rejects_");
	if (rc == 0)
		rc = run_manifest(c, dest);
	free(stg);

	/* swap the link */
	char old[4096] = "";
	struct stat st;
	if (rc == 0 && lstat(c->published, &st) == 0) {
		if (!S_ISLNK(st.st_mode)) {
			csc_error_at(c->published, 0,
				     "exists and is not a link made by csc-run; move it away to publish here");
			rc = -1;
		} else {
			ssize_t n = readlink(c->published, old, sizeof old - 1);
			old[n > 0 ? n : 0] = '\0';
		}
	}
	if (rc == 0) {
		char target[128], tmp[4200];
		snprintf(target, sizeof target, ".pub/%s", name);
		snprintf(tmp, sizeof tmp, "%s.tmp.%ld", c->published, (long)getpid());
		unlink(tmp);
		if (symlink(target, tmp) != 0 || rename(tmp, c->published) != 0) {
			csc_error_at(c->published, 0, "cannot publish: %s", strerror(errno));
			unlink(tmp);
			rc = -1;
		}
	}
	if (rc == 0 && old[0] && strcmp(old, name) && !strncmp(old, ".pub/", 5)) {
		char *prev = csc_path_join(c->out, old);
		remove_tree(prev);
		free(prev);
	}
	if (rc != 0)
		remove_tree(dest);
	free(pub);
	free(dest);
	return rc == 0 ? 0 : CSC_EXIT_OUTPUT;
}
