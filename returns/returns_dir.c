/* returns_dir.c - see returns_dir.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "csc_rmtree.h"
#include "returns_dir.h"

/* Temporary folders of runs that no longer exist: ".<name>.tmp.<pid>". */
static void remove_stale(const char *parent, const char *name)
{
	DIR *dir = opendir(parent);
	if (!dir)
		return;
	size_t n = strlen(name);
	struct dirent *e;
	while ((e = readdir(dir))) {
		const char *s = e->d_name;
		if (s[0] != '.' || strncmp(s + 1, name, n) || strncmp(s + 1 + n, ".tmp.", 5))
			continue;
		char *end;
		long pid = strtol(s + n + 6, &end, 10);
		if (pid > 0 && (!*end || !strcmp(end, ".old")) && kill((pid_t)pid, 0) != 0 &&
		    errno == ESRCH) {
			char *p = csc_path_join(parent, s);
			csc_rmtree(p);
			free(p);
		}
	}
	closedir(dir);
}

int ret_dir_begin(ret_dir *d, const char *path)
{
	char *a = csc_xstrdup(path), *b = csc_xstrdup(path);
	char *parent = dirname(a), *name = basename(b);
	d->path = csc_xstrdup(path);
	d->tmp = NULL;
	int rc = -1;
	if (csc_mkdirs(parent) != 0) {
		csc_error_at(parent, 0, "cannot create folder: %s", strerror(errno));
		goto out;
	}
	remove_stale(parent, name);
	size_t n = strlen(parent) + strlen(name) + 40;
	d->tmp = csc_xmalloc(n);
	snprintf(d->tmp, n, "%s/.%s.tmp.%ld", parent, name, (long)getpid());
	csc_rmtree(d->tmp);
	if (mkdir(d->tmp, 0777) != 0) {
		csc_error_at(d->tmp, 0, "cannot create folder: %s", strerror(errno));
		free(d->tmp);
		d->tmp = NULL;
		goto out;
	}
	rc = 0;
out:
	free(a);
	free(b);
	return rc;
}

/* Make the new folder's entries durable before it becomes visible. */
static void sync_dir(const char *p)
{
	int fd = open(p, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int ret_dir_commit(ret_dir *d)
{
	struct stat st;
	sync_dir(d->tmp);
	if (lstat(d->path, &st) != 0) {
		if (rename(d->tmp, d->path) != 0) {
			csc_error_at(d->path, 0, "cannot move outputs into place: %s", strerror(errno));
			ret_dir_abort(d);
			return -1;
		}
	} else if (renameat2(AT_FDCWD, d->tmp, AT_FDCWD, d->path, RENAME_EXCHANGE) == 0) {
		/* d->tmp now names the previous set. */
		csc_rmtree(d->tmp);
	} else {
		/* No atomic exchange here (older kernel or filesystem): move the
		 * old set aside, move the new one in, then drop the old one. */
		size_t n = strlen(d->tmp) + 8;
		char *old = csc_xmalloc(n);
		snprintf(old, n, "%s.old", d->tmp);
		if (rename(d->path, old) != 0 || rename(d->tmp, d->path) != 0) {
			csc_error_at(d->path, 0, "cannot move outputs into place: %s", strerror(errno));
			rename(old, d->path);
			free(old);
			ret_dir_abort(d);
			return -1;
		}
		csc_rmtree(old);
		free(old);
	}
	char *a = csc_xstrdup(d->path);
	sync_dir(dirname(a));
	free(a);
	free(d->tmp);
	free(d->path);
	d->tmp = d->path = NULL;
	return 0;
}

void ret_dir_abort(ret_dir *d)
{
	if (d->tmp)
		csc_rmtree(d->tmp);
	free(d->tmp);
	free(d->path);
	d->tmp = d->path = NULL;
}
