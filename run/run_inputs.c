/* run_inputs.c - content stamps: what make compares instead of the inputs'
 * modification times.
 *
 * <work>/inputs/<key>.txt holds the SHA-256 and size of every file an input
 * names (a folder: of each of its entries) and is rewritten only when that
 * text changes; the stages in mk/pipeline.mk depend on the stamp, not on
 * the input. So a file replaced by one with an older mtime (cp -p,
 * rsync -t, unzip) is read again, and a file touched but unchanged is not.
 * Hashing every night costs what the manifest's hashing cost before; it is
 * the only test a copy that keeps size and mtime cannot pass.
 *
 * A pipe or device cannot be hashed without consuming it: its stamp is
 * rewritten on every run, so its stage always runs and reads it once,
 * hashing it as it reads (staging/sources_<input>.csv). */
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
#include "csc_sha256.h"
#include "run.h"

typedef struct text {
	char *s;
	size_t len;
} text;

static void put(text *t, const char *a, const char *b, const char *c)
{
	size_t need = strlen(a) + strlen(b) + strlen(c) + 4;
	t->s = csc_xrealloc(t->s, t->len + need);
	t->len += (size_t)sprintf(t->s + t->len, "%s %s %s\n", a, b, c);
}

/* One line for path, named name: "<sha256> <bytes> <name>", or "- - <name>"
 * when it is not a regular file (then *other is set). A pipe is never
 * opened: even a non-blocking open lets a waiting writer start, and its
 * bytes would go nowhere when we closed it. 0 or -1. */
static int stamp_line(text *t, const char *path, const char *name, int *other)
{
	struct stat st, fst;
	if (stat(path, &st) != 0) {
		csc_error_at(path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		put(t, "-", "-", name);
		*other = 1;
		return 0;
	}
	/* O_NONBLOCK: if a pipe was put there since the stat, do not wait on it */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode)) {
		csc_error_at(path, 0, "cannot read: %s", fd < 0 ? strerror(errno) : "replaced while read");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	char hex[65], bytes[32];
	long long n = 0;
	int rc = csc_sha256_fd(fd, hex, &n);
	if (rc != 0)
		csc_error_at(path, 0, "cannot read: %s", strerror(errno));
	close(fd);
	snprintf(bytes, sizeof bytes, "%lld", n);
	if (rc == 0)
		put(t, hex, bytes, name);
	return rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_dots(const struct dirent *e)
{
	return strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
}

/* Every entry of a folder, by name. The readers of a folder input skip
 * what is not a regular file, so such an entry is named, not re-read. */
static int stamp_dir(text *t, const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, not_dots, by_name);
	if (n < 0) {
		csc_error_at(dir, 0, "cannot read folder: %s", strerror(errno));
		return -1;
	}
	int rc = 0, other = 0;
	for (int i = 0; i < n; i++) {
		char *p = csc_path_join(dir, names[i]->d_name);
		if (rc == 0)
			rc = stamp_line(t, p, names[i]->d_name, &other);
		free(p);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Write the stamp <dir>/<key>.txt of path (NULL: not configured). 0 or an
 * exit code. */
static int stamp(const char *dir, const char *key, const char *path, int folder)
{
	text t = {NULL, 0};
	int other = 0, rc = 0;
	put(&t, "#", "content of", key);
	if (!path)
		put(&t, "#", "not", "configured");
	else if (folder)
		rc = stamp_dir(&t, path);
	else
		rc = stamp_line(&t, path, path, &other);
	char name[64];
	snprintf(name, sizeof name, "%s.txt", key);
	if (rc == 0 && other) {
		/* a pipe: read again on every run, so a new stamp every time */
		char *p = csc_path_join(dir, name);
		unlink(p);
		free(p);
	}
	if (rc != 0)
		rc = CSC_EXIT_INPUT;
	else if (run_write_if_changed(dir, name, t.s) != 0)
		rc = CSC_EXIT_OUTPUT;
	free(t.s);
	return rc;
}

int run_stamps(run_ctx *c)
{
	const csc_conf *k = c->conf;
	char *dir = csc_path_join(c->work, "inputs");
	int rc = csc_mkdirs(dir) == 0 ? 0 : CSC_EXIT_OUTPUT;
	if (rc)
		csc_error_at(dir, 0, "cannot create: %s", strerror(errno));
	for (int i = 0; rc == 0 && i < CSC_NINPUTS; i++)
		rc = stamp(dir, csc_inputs[i].key, csc_inputs_path(k, i), csc_inputs[i].dir);
	if (rc == 0)
		rc = stamp(dir, "reference_dir", k->reference_dir, 1);
	if (rc == 0)
		rc = stamp(dir, "templates_dir", k->templates_dir, 1);
	if (rc == 0)
		rc = stamp(dir, "commentary", k->commentary, 0);
	if (rc == 0 && k->annexa) /* read by the Annex A stage alone */
		rc = stamp(dir, "annexa_supplementary", k->annexa_supplementary, 0);
	free(dir);
	return rc;
}
