/* run_publish.c - publish a period's outputs as one set, with a manifest.
 *
 * The outputs are hard-linked into a fresh folder <out>/.pub/<label>.<pid>,
 * manifest.csv is written there, and the link <out>/<label> is swapped to it
 * with rename(2). A reader, or a run killed at any instant, sees either the
 * old complete set or the new one; the next run removes what a killed one
 * left (run_out_tidy). Every step is relative to the output folder's
 * descriptor and never follows a link (run_outdir.c). Hard links are safe because every stage
 * replaces a file by renaming a new one over it, never by rewriting it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

/* Regular files in dir, sorted, skipping make stamps and temporaries. A
 * link to a regular file is listed: the manifest hashes inputs that way. */
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

/* Hard-link the regular files of <out>/<from> (or only rejects_ and recon_
 * files) into destfd, never through a link. */
static int link_all(run_ctx *c, const char *from, int destfd, const char *dest, int only_prefix)
{
	char *dir = csc_path_join(c->out, from);
	int fromfd = run_out_dir(c->outfd, c->out, from, 0);
	int n = 0;
	char **names = fromfd < 0 ? NULL : run_list_files(dir, &n);
	int rc = fromfd < 0 ? -1 : 0;
	for (int i = 0; i < n && rc == 0; i++) {
		if (only_prefix && strncmp(names[i], "rejects_", 8) && strncmp(names[i], "recon_", 6))
			continue;
		/* an output that is a link is an error: publishing it would
		 * publish whatever it names */
		if (run_out_nolink(fromfd, dir, names[i]) != 0) {
			rc = -1;
		} else if (linkat(fromfd, names[i], destfd, names[i], 0) != 0) {
			char *b = csc_path_join(dest, names[i]);
			csc_error_at(b, 0, "cannot publish: %s", strerror(errno));
			free(b);
			rc = -1;
		}
	}
	free_list(names, n);
	if (fromfd >= 0)
		close(fromfd);
	free(dir);
	return rc;
}

int run_publish(run_ctx *c)
{
	const char *label = c->period.label;
	/* the copy published now, checked before anything is written: a link
	 * that is not ours is an error and stays as it is */
	char old[256];
	if (run_out_published(c->outfd, c->out, label, old, sizeof old) != 0)
		return CSC_EXIT_OUTPUT;
	int pubfd = run_out_dir(c->outfd, c->out, ".pub", 1);
	if (pubfd < 0)
		return CSC_EXIT_OUTPUT;
	char name[64];
	snprintf(name, sizeof name, "%s.%ld", label, (long)getpid());
	char *pub = csc_path_join(c->out, ".pub");
	char *dest = csc_path_join(pub, name);
	run_out_rmcopy(pubfd, name);
	int rc = 0, destfd = -1;
	if (mkdirat(pubfd, name, 0777) != 0 ||
	    (destfd = openat(pubfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		csc_error_at(dest, 0, "cannot create: %s", strerror(errno));
		rc = -1;
	}
	char work_p[32];
	snprintf(work_p, sizeof work_p, ".work/%s", label);
	if (rc == 0)
		rc = link_all(c, work_p, destfd, dest, 0);
	if (rc == 0)
		rc = link_all(c, "staging", destfd, dest, 1);
	if (rc == 0)
		rc = run_manifest(c, dest);

	/* swap the link: a new link under a temporary name renamed over it */
	if (rc == 0) {
		char target[128], tmp[96];
		snprintf(target, sizeof target, ".pub/%s", name);
		snprintf(tmp, sizeof tmp, "%s.tmp.%ld", label, (long)getpid());
		unlinkat(c->outfd, tmp, 0);
		if (symlinkat(target, c->outfd, tmp) != 0 || renameat(c->outfd, tmp, c->outfd, label) != 0) {
			csc_error_at(c->published, 0, "cannot publish: %s", strerror(errno));
			unlinkat(c->outfd, tmp, 0);
			rc = -1;
		}
	}
	if (rc == 0 && old[0] && strcmp(old, name))
		run_out_rmcopy(pubfd, old);
	if (rc != 0)
		run_out_rmcopy(pubfd, name);
	if (destfd >= 0)
		close(destfd);
	close(pubfd);
	free(pub);
	free(dest);
	return rc == 0 ? 0 : CSC_EXIT_OUTPUT;
}
