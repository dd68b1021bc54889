/* run_outdir.c - the output folder is cscpipe's alone (README, "The output
 * folder").
 *
 * csc-run opens output_dir once and reaches everything under it relative to
 * that descriptor, never through a symbolic link: a link where the run
 * writes, reads its state or deletes is an error naming it. The only links
 * it accepts are the ones it makes itself, <period> -> .pub/<copy>, and
 * those only when they name a direct child of this folder's .pub. It refuses
 * a system folder, and a non-empty folder it did not make (the marker file
 * .cscpipe says which folders are its own). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "run.h"

#define MARKER ".cscpipe"
static const char marker_text[] =
	"This folder is written by cscpipe (csc-run); see README, \"The output folder\".\n"
	"Only cscpipe writes here: do not put other files in it.\n";

/* Folders that are never an output folder, compared after resolving links;
 * the trailing-slash rows refuse everything beneath them too. */
static const char *const system_dirs[] = {
	"/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32",
	"/lost+found", "/media", "/mnt", "/opt", "/root", "/run", "/sbin", "/srv", "/tmp",
	"/usr", "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib32", "/usr/lib64",
	"/usr/libexec", "/usr/local", "/usr/local/bin", "/usr/local/lib", "/usr/local/sbin",
	"/usr/local/share", "/usr/sbin", "/usr/share", "/usr/src", "/var", "/var/backups",
	"/var/cache", "/var/lib", "/var/local", "/var/lock", "/var/log", "/var/mail",
	"/var/opt", "/var/run", "/var/spool", "/var/tmp", "/dev/shm",
	"/proc/", "/sys/", "/dev/",
};

/* A listing of the folder fd with its own offset (a dup would share fd's,
 * so a second listing would start where the first ended). */
static DIR *opendir_at(int fd)
{
	int d = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir = d >= 0 ? fdopendir(d) : NULL;
	if (d >= 0 && !dir)
		close(d);
	return dir;
}

static int is_system_dir(const char *p)
{
	for (size_t i = 0; i < sizeof system_dirs / sizeof system_dirs[0]; i++) {
		const char *s = system_dirs[i];
		size_t n = strlen(s);
		if (n > 1 && s[n - 1] == '/') {
			if (!strncmp(p, s, n - 1) && (p[n - 1] == '\0' || p[n - 1] == '/'))
				return 1;
		} else if (!strcmp(p, s)) {
			return 1;
		}
	}
	return 0;
}

/* The absolute path p names once the links of its existing part are
 * resolved; the part that does not exist yet is added component by
 * component ("." dropped, ".." taking one off), as mkdir would create it. */
static char *resolve(const char *p)
{
	char buf[PATH_MAX];
	if (realpath(p, buf))
		return csc_xstrdup(buf);
	/* the longest prefix that exists; head is a copy, so offsets match p */
	char *head = csc_xstrdup(p);
	const char *rest = p;
	const char *base = ".";
	for (;;) {
		char *slash = strrchr(head, '/');
		if (!slash)
			break;
		if (slash == head) {
			base = "/";
			rest = p + 1;
			break;
		}
		*slash = '\0';
		if (realpath(head, buf)) {
			base = head;
			rest = p + (slash - head) + 1;
			break;
		}
	}
	if (!realpath(base, buf)) {
		free(head);
		return NULL;
	}
	free(head);
	char *tail = csc_xstrdup(rest);
	char *out = csc_xmalloc(strlen(buf) + strlen(tail) + 2);
	strcpy(out, buf);
	for (char *save = NULL, *t = strtok_r(tail, "/", &save); t; t = strtok_r(NULL, "/", &save)) {
		if (!strcmp(t, "."))
			continue;
		if (!strcmp(t, "..")) {
			char *s = strrchr(out, '/');
			s[s == out ? 1 : 0] = '\0';
			continue;
		}
		if (strcmp(out, "/"))
			strcat(out, "/");
		strcat(out, t);
	}
	free(tail);
	return out;
}

int run_out_is_label(const char *s)
{
	run_period p;
	return run_period_parse(s, &p) == 0 && !strcmp(p.label, s);
}

/* "<anything>.tmp.<pid>": a temporary of csc_out, of a workbook or of the
 * publication link. Returns the pid, or 0. */
static long tmp_pid(const char *s)
{
	const char *t = strstr(s, ".tmp.");
	if (!t || t == s)
		return 0;
	while (strstr(t + 1, ".tmp."))
		t = strstr(t + 1, ".tmp.");
	char *end;
	errno = 0;
	long pid = strtol(t + 5, &end, 10);
	return t[5] >= '0' && t[5] <= '9' && !*end && !errno && pid > 0 ? pid : 0;
}

/* An entry an earlier cscpipe (before the marker) would have left:
 * csc-returns wrote <output_dir>/returns/YYYY then too. */
static int ours(int dfd, const char *s)
{
	static const char *const dirs[] = {".work", ".pub", "logs", "staging", "returns"};
	struct stat st;
	if (fstatat(dfd, s, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return 0;
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (!strcmp(s, dirs[i]))
			return S_ISDIR(st.st_mode);
	if (!strcmp(s, ".lock"))
		return S_ISREG(st.st_mode);
	if (run_out_is_label(s))
		return S_ISLNK(st.st_mode);
	return tmp_pid(s) != 0 && (S_ISLNK(st.st_mode) || S_ISREG(st.st_mode));
}

/* 0 when the folder is cscpipe's (marked, empty, or left by an earlier
 * version: then marked now), or CSC_EXIT_CONFIG after naming what it holds. */
static int claim(int fd, const char *out, int write_marker)
{
	struct stat st;
	if (fstatat(fd, MARKER, &st, AT_SYMLINK_NOFOLLOW) == 0) {
		if (S_ISREG(st.st_mode))
			return 0;
		csc_error_at(out, 0, "output_dir: %s is not a regular file; this folder was not made by cscpipe",
			     MARKER);
		return CSC_EXIT_CONFIG;
	}
	DIR *d = opendir_at(fd);
	if (!d) {
		csc_error_at(out, 0, "cannot list the output folder: %s", strerror(errno));
		return CSC_EXIT_OUTPUT;
	}
	char *foreign = NULL;
	int entries = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		entries++;
		/* the smallest foreign name, so the message does not depend on
		 * the order readdir happens to give */
		if (!ours(fd, e->d_name) && (!foreign || strcmp(e->d_name, foreign) < 0)) {
			free(foreign);
			foreign = csc_xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (foreign) {
		csc_error_at(out, 0,
			     "output_dir: refusing a folder that is not empty and was not made by cscpipe "
			     "(it holds '%s' and no %s marker); choose a new or empty folder",
			     foreign, MARKER);
		free(foreign);
		return CSC_EXIT_CONFIG;
	}
	if (!write_marker)
		return 0;
	if (entries)
		csc_info("%s: adopting an output folder made by an earlier cscpipe (marking it with %s)", out, MARKER);
	int m = openat(fd, MARKER, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
	if (m < 0 && errno != EEXIST) {
		csc_error_at(out, 0, "cannot write the output folder (%s): %s", MARKER, strerror(errno));
		return CSC_EXIT_OUTPUT;
	}
	if (m >= 0) {
		ssize_t len = (ssize_t)strlen(marker_text);
		int bad = write(m, marker_text, (size_t)len) != len;
		if (close(m) != 0 || bad) {
			csc_error_at(out, 0, "cannot write the output folder (%s): %s", MARKER, strerror(errno));
			unlinkat(fd, MARKER, 0);
			return CSC_EXIT_OUTPUT;
		}
	}
	return 0;
}

int run_out_open(const char *output_dir, int create, char **resolved, int *fd)
{
	*resolved = NULL;
	*fd = -1;
	char *out = resolve(output_dir);
	if (!out) {
		csc_error_at(output_dir, 0, "output_dir: cannot resolve: %s", strerror(errno));
		return CSC_EXIT_OUTPUT;
	}
	if (is_system_dir(out)) {
		csc_error_at(output_dir, 0,
			     "output_dir: refusing %s, a system folder; give cscpipe a folder of its own",
			     out);
		free(out);
		return CSC_EXIT_CONFIG;
	}
	struct stat st;
	int exists = stat(out, &st) == 0;
	if (!exists && !create) {
		*resolved = out;
		return 0;
	}
	if (!exists && csc_mkdirs(out) != 0) {
		csc_error_at(out, 0, "cannot create output folder: %s", strerror(errno));
		free(out);
		return CSC_EXIT_OUTPUT;
	}
	int d = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d < 0) {
		csc_error_at(out, 0, "cannot open the output folder: %s", strerror(errno));
		free(out);
		return CSC_EXIT_OUTPUT;
	}
	int rc = claim(d, out, create);
	if (rc) {
		close(d);
		free(out);
		return rc;
	}
	*resolved = out;
	*fd = d;
	return 0;
}

static void link_error(const char *dir, const char *name)
{
	char *p = csc_path_join(dir, name);
	csc_error_at(p, 0, "is a symbolic link; cscpipe never follows links in its output folder "
			   "(remove it)");
	free(p);
}

int run_out_nolink(int dfd, const char *dir, const char *name)
{
	struct stat st;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
		link_error(dir, name);
		return -1;
	}
	return 0;
}

int run_out_dir(int outfd, const char *out, const char *rel, int create)
{
	char *copy = csc_xstrdup(rel), *save = NULL;
	int d = dup(outfd);
	size_t len = strlen(out);
	char *path = csc_xmalloc(len + strlen(rel) + 2);
	strcpy(path, out);
	for (char *t = strtok_r(copy, "/", &save); t && d >= 0; t = strtok_r(NULL, "/", &save)) {
		if (create && mkdirat(d, t, 0777) != 0 && errno != EEXIST) {
			csc_error_at(path, 0, "cannot create %s: %s", t, strerror(errno));
			close(d);
			d = -1;
			break;
		}
		int n = openat(d, t, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (n < 0) {
			int err = errno;
			if (run_out_nolink(d, path, t) == 0)
				csc_error_at(path, 0, "cannot open %s: %s", t, strerror(err));
			errno = err;
		}
		close(d);
		d = n;
		strcat(path, "/");
		strcat(path, t);
	}
	free(copy);
	free(path);
	return d;
}

int run_out_target(const char *target, char *name, size_t size)
{
	const char *n = target + 5;
	if (strncmp(target, ".pub/", 5) || !*n || strchr(n, '/') || !strcmp(n, ".") ||
	    !strcmp(n, "..") || strlen(n) >= size)
		return -1;
	strcpy(name, n);
	return 0;
}

int run_out_published(int outfd, const char *out, const char *label, char *name, size_t size)
{
	name[0] = '\0';
	struct stat st;
	if (fstatat(outfd, label, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return errno == ENOENT ? 0 : -1;
	char *p = csc_path_join(out, label);
	int rc = 0;
	if (!S_ISLNK(st.st_mode)) {
		csc_error_at(p, 0, "exists and is not a link made by csc-run; move it away to publish here");
		rc = -1;
	} else {
		char t[PATH_MAX];
		ssize_t n = readlinkat(outfd, label, t, sizeof t - 1);
		t[n > 0 ? n : 0] = '\0';
		if (n <= 0 || run_out_target(t, name, size) != 0) {
			csc_error_at(p, 0, "is a link to '%s', not to a published copy in %s/.pub; "
					   "not touching it or what it points to (remove it)",
				     t, out);
			name[0] = '\0';
			rc = -1;
		}
	}
	free(p);
	return rc;
}

void run_out_rmcopy(int pubfd, const char *name)
{
	int d = openat(pubfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (d < 0)
		return;
	DIR *dir = fdopendir(d);
	if (!dir) {
		close(d);
		return;
	}
	struct dirent *e;
	/* a copy holds files only: a folder inside is left, and so the copy */
	while ((e = readdir(dir)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlinkat(d, e->d_name, 0);
	closedir(dir);
	unlinkat(pubfd, name, AT_REMOVEDIR);
}

/* A temporary whose writer is gone (or is this run, which has not written
 * anything yet). */
static int stale_tmp(const char *s)
{
	long pid = tmp_pid(s);
	return pid && (pid == (long)getpid() || (kill((pid_t)pid, 0) != 0 && errno == ESRCH));
}

/* Remove the stale temporaries (files or links, never followed) in dfd. */
static void tidy_dir(int dfd, const char *path)
{
	DIR *d = opendir_at(dfd);
	if (!d)
		return;
	struct dirent *e;
	struct stat st;
	while ((e = readdir(d)))
		if (stale_tmp(e->d_name) && fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) && unlinkat(dfd, e->d_name, 0) == 0)
			csc_log("removed %s/%s, left by a run that was killed", path, e->d_name);
	closedir(d);
}

/* A copy in .pub: "<label>.<digits>". */
static int is_copy(const char *s)
{
	const char *dot = strrchr(s, '.');
	if (!dot || !dot[1] || strspn(dot + 1, "0123456789") != strlen(dot + 1))
		return 0;
	char label[16];
	size_t n = (size_t)(dot - s);
	if (n >= sizeof label)
		return 0;
	memcpy(label, s, n);
	label[n] = '\0';
	return run_out_is_label(label);
}

/* Names of the copies the period links point to. */
static char **published_copies(int outfd, int *n)
{
	*n = 0;
	char **names = NULL;
	DIR *d = opendir_at(outfd);
	if (!d)
		return NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		char name[256];
		if (!run_out_is_label(e->d_name))
			continue;
		/* a bad link is left alone here: publishing its period reports it */
		struct stat st;
		if (fstatat(outfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(st.st_mode))
			continue;
		char t[PATH_MAX];
		ssize_t len = readlinkat(outfd, e->d_name, t, sizeof t - 1);
		if (len <= 0)
			continue;
		t[len] = '\0';
		if (run_out_target(t, name, sizeof name) != 0)
			continue;
		names = csc_xrealloc(names, (size_t)(*n + 1) * sizeof *names);
		names[(*n)++] = csc_xstrdup(name);
	}
	closedir(d);
	return names;
}

static int run_out_tidy_leftovers(int outfd, const char *out);

int run_out_nolinks_in(int outfd, const char *out, const char *rel)
{
	int d = run_out_dir(outfd, out, rel, 0);
	if (d < 0)
		return errno == ENOENT ? 0 : -1;
	char *path = csc_path_join(out, rel);
	DIR *dir = opendir_at(d);
	struct dirent *e;
	int rc = 0;
	while (dir && (e = readdir(dir)))
		if (run_out_nolink(d, path, e->d_name) != 0)
			rc = -1;
	if (dir)
		closedir(dir);
	close(d);
	free(path);
	return rc;
}

int run_out_tidy(int outfd, const char *out, const char *label)
{
	int rc = run_out_tidy_leftovers(outfd, out);
	/* the stages read and write these by path: no link may be there */
	char work_p[32];
	snprintf(work_p, sizeof work_p, ".work/%s", label);
	const char *const dirs[] = {"staging", ".work/settings", ".work/inputs", work_p};
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0] - !label[0]; i++)
		if (run_out_nolinks_in(outfd, out, dirs[i]) != 0)
			rc = -1;
	return rc;
}

static int run_out_tidy_leftovers(int outfd, const char *out)
{
	tidy_dir(outfd, out);
	static const char *const dirs[] = {"staging", "logs", ".work"};
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		int d = run_out_dir(outfd, out, dirs[i], 0);
		if (d < 0)
			continue;
		char *p = csc_path_join(out, dirs[i]);
		tidy_dir(d, p);
		if (!strcmp(dirs[i], ".work")) {
			/* each period's outputs as built, and the settings */
			DIR *w = opendir_at(d);
			struct dirent *e;
			while (w && (e = readdir(w))) {
				if (e->d_name[0] == '.')
					continue;
				int s = openat(d, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
				if (s < 0)
					continue;
				char *sp = csc_path_join(p, e->d_name);
				tidy_dir(s, sp);
				free(sp);
				close(s);
			}
			if (w)
				closedir(w);
		}
		free(p);
		close(d);
	}
	/* copies a killed run made but never published */
	int pub = run_out_dir(outfd, out, ".pub", 0);
	if (pub < 0)
		return -1;
	int n;
	char **keep = published_copies(outfd, &n);
	DIR *d = opendir_at(pub);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (!is_copy(e->d_name))
			continue;
		int kept = 0;
		for (int i = 0; i < n && !kept; i++)
			kept = !strcmp(keep[i], e->d_name);
		if (!kept) {
			run_out_rmcopy(pub, e->d_name);
			csc_log("removed %s/.pub/%s, an unpublished copy left by a run that was killed",
				out, e->d_name);
		}
	}
	if (d)
		closedir(d);
	for (int i = 0; i < n; i++)
		free(keep[i]);
	free(keep);
	close(pub);
	return 0;
}

int run_out_period(run_ctx *c, int contents)
{
	int rc = 0;
	if (c->period.label[0]) {
		char rel[32];
		snprintf(rel, sizeof rel, ".work/%s", c->period.label);
		int d = run_out_dir(c->outfd, c->out, rel, 1);
		if (d < 0) {
			rc = CSC_EXIT_OUTPUT;
		} else {
			if (access(c->pdir, W_OK) != 0) {
				csc_error_at(c->pdir, 0, "cannot write the output folder: %s", strerror(errno));
				rc = CSC_EXIT_OUTPUT;
			}
			close(d);
			if (!rc && contents && run_out_nolinks_in(c->outfd, c->out, rel) != 0)
				rc = CSC_EXIT_OUTPUT;
		}
	}
	/* the run log, unless --verify keeps it elsewhere */
	char *logs = csc_path_join(c->out, "logs");
	size_t n = strlen(logs);
	if (!strncmp(c->log_path, logs, n) && c->log_path[n] == '/' && !strchr(c->log_path + n + 1, '/')) {
		int d = run_out_dir(c->outfd, c->out, "logs", 0);
		if (d < 0 || run_out_nolink(d, logs, c->log_path + n + 1) != 0)
			rc = CSC_EXIT_OUTPUT;
		if (d >= 0)
			close(d);
	}
	free(logs);
	return rc;
}
