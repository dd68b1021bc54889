/* run_verify.c - `csc-run --verify`: prove a published pack comes from the
 * current inputs and settings by rebuilding it from scratch in a temporary
 * output folder and comparing the two manifests row by row. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csc_csvr.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_rmtree.h"
#include "run.h"

typedef struct mrow {
	char *key;   /* "kind name" */
	char *value;
} mrow;

typedef struct manifest {
	mrow *rows;
	int n, cap;
} manifest;

static int on_row(void *ctx, const csc_row *r)
{
	manifest *m = ctx;
	if (r->index == 0 || r->n != 3)
		return 0;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->rows = csc_xrealloc(m->rows, (size_t)m->cap * sizeof *m->rows);
	}
	size_t n = r->len[0] + r->len[1] + 2;
	char *k = csc_xmalloc(n);
	snprintf(k, n, "%s %s", r->f[0], r->f[1]);
	m->rows[m->n].key = k;
	m->rows[m->n++].value = csc_xstrdup(r->f[2]);
	return 0;
}

static int load(const char *path, manifest *m)
{
	memset(m, 0, sizeof *m);
	return csc_csv_read(path, NULL, on_row, m);
}

static const char *find(const manifest *m, const char *key)
{
	for (int i = 0; i < m->n; i++)
		if (!strcmp(m->rows[i].key, key))
			return m->rows[i].value;
	return NULL;
}

static void free_manifest(manifest *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->rows[i].key);
		free(m->rows[i].value);
	}
	free(m->rows);
}

/* Truncate or create <out>/logs/verify-<label>.log (never through a link):
 * the rebuild appends its messages to it, and it outlives the scratch
 * folder. Its path, or NULL after saying why. */
static char *verify_log(int outfd, const char *out, const char *label)
{
	int logs = run_out_dir(outfd, out, "logs", 1);
	if (logs < 0)
		return NULL;
	char name[64];
	snprintf(name, sizeof name, "verify-%s.log", label);
	char *dir = csc_path_join(out, "logs"), *path = csc_path_join(dir, name);
	free(dir);
	int fd = openat(logs, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
	close(logs);
	if (fd < 0) {
		if (errno == ELOOP)
			csc_error_at(path, 0, "is a symbolic link; cscpipe never follows links in its output folder (remove it)");
		else
			csc_error_at(path, 0, "cannot write the output folder: %s", strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

int run_verify(const csc_conf *conf, const char *conf_path, const run_period *p,
	       const char *argv0)
{
	char *out;
	int outfd;
	int orc = run_out_open(conf->output_dir, 0, &out, &outfd);
	if (orc)
		return orc;
	/* the published copy, read through a link checked to be ours */
	char copy[256] = "";
	if (outfd >= 0 && run_out_published(outfd, out, p->label, copy, sizeof copy) != 0) {
		close(outfd);
		free(out);
		return CSC_EXIT_OUTPUT;
	}
	char *pubdir = csc_path_join(out, p->label);
	char *pubman = csc_path_join(pubdir, "manifest.csv");
	char *pubcopy = copy[0] ? csc_path_join(out, ".pub") : NULL;
	char *copyman = NULL;
	if (pubcopy) {
		char *d = csc_path_join(pubcopy, copy);
		copyman = csc_path_join(d, "manifest.csv");
		free(d);
	}
	free(pubcopy);
	manifest old;
	int pubfd = copyman ? run_out_dir(outfd, out, ".pub", 0) : -1;
	if (pubfd < 0 || access(copyman, R_OK) != 0 || load(copyman, &old) != 0) {
		csc_error_at(pubman, 0, "no published manifest for %s to verify", p->label);
		if (pubfd >= 0)
			close(pubfd);
		if (outfd >= 0)
			close(outfd);
		free(copyman);
		free(pubdir);
		free(pubman);
		free(out);
		return CSC_EXIT_INPUT;
	}
	close(pubfd);
	free(copyman);
	char *log = verify_log(outfd, out, p->label);
	close(outfd);
	free(out);
	if (!log) {
		free_manifest(&old);
		free(pubdir);
		free(pubman);
		return CSC_EXIT_OUTPUT;
	}
	char tmpl[] = "/tmp/cscpipe-verify.XXXXXX";
	if (!mkdtemp(tmpl)) {
		csc_error("cannot create a temporary folder: %s", strerror(errno));
		free(log);
		free_manifest(&old);
		free(pubdir);
		free(pubman);
		return CSC_EXIT_OUTPUT;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		setenv("CSC_OUTPUT_DIR", tmpl, 1);
		setenv("CSC_RUN_LOG", log, 1);
		char self[4096];
		ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
		self[n > 0 ? n : 0] = '\0';
		execl(n > 0 ? self : argv0, "csc-run", "--conf", conf_path, "--period", p->label,
		      "--quiet", (char *)NULL);
		_exit(CSC_EXIT_INTERNAL);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int rc = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		csc_error("the rebuild failed (exit %d); see messages above; its log is kept: %s",
			  WIFEXITED(status) ? WEXITSTATUS(status) : -1, log);
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : CSC_EXIT_INTERNAL;
	} else {
		char *newdir = csc_path_join(tmpl, p->label);
		char *newman = csc_path_join(newdir, "manifest.csv");
		manifest fresh;
		if (load(newman, &fresh) != 0) {
			rc = CSC_EXIT_INTERNAL;
		} else {
			int bad = 0;
			for (int i = 0; i < old.n; i++) {
				const char *v = find(&fresh, old.rows[i].key);
				if (!v || strcmp(v, old.rows[i].value)) {
					printf("differs: %s (published %s, now %s)\n", old.rows[i].key,
					       old.rows[i].value, v ? v : "absent");
					bad++;
				}
			}
			for (int i = 0; i < fresh.n; i++)
				if (!find(&old, fresh.rows[i].key)) {
					printf("differs: %s (not in the published manifest)\n", fresh.rows[i].key);
					bad++;
				}
			if (bad) {
				printf("NOT verified: %s differs from a rebuild in %d place(s)\n", pubdir, bad);
				rc = CSC_EXIT_DATA;
			} else {
				printf("verified: %s is exactly what these inputs and settings produce (%d manifest rows)\n",
				       pubdir, old.n);
			}
			free_manifest(&fresh);
		}
		free(newdir);
		free(newman);
	}
	csc_rmtree(tmpl);
	free(log);
	free_manifest(&old);
	free(pubdir);
	free(pubman);
	return rc;
}
