/* share_extract.c - see share_extract.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_csvr.h"
#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_sha256.h"
#include "csc_version.h"
#include "share_extract.h"

typedef struct table_ctx {
	const share_file *f;
	const share_key *key;
	const char *name;
	csc_csvw w;
	long rows;
} table_ctx;

static int header_ok(table_ctx *t, const csc_row *r)
{
	int same = r->n == t->f->ncols;
	for (int i = 0; same && i < r->n; i++)
		same = !strcmp(r->f[i], t->f->cols[i].name);
	if (!same) {
		csc_error_at(t->name, r->line,
			     "header is not the staging format this profile lists (docs/FORMATS.md); "
			     "refusing to share a table whose columns nobody has reviewed");
		return -1;
	}
	for (int i = 0; i < r->n; i++)
		if (t->f->cols[i].tx != SHARE_DROP)
			csc_csvw_str(&t->w, r->f[i]);
	csc_csvw_end(&t->w);
	return 0;
}

static int on_row(void *ctx, const csc_row *r)
{
	table_ctx *t = ctx;
	if (r->index == 0)
		return header_ok(t, r) ? 1 : 0;
	if (r->n != t->f->ncols) {
		csc_error_at(t->name, r->line, "%d fields where the header has %d", r->n,
			     t->f->ncols);
		return 1;
	}
	for (int i = 0; i < r->n; i++) {
		const char *v = r->f[i];
		size_t n = r->len[i];
		char buf[SHARE_PSEUDO_HEX + 1];
		switch (t->f->cols[i].tx) {
		case SHARE_DROP:
			continue;
		case SHARE_KEEP:
			csc_csvw_field(&t->w, v, n);
			continue;
		case SHARE_PSEUDONYM:
			if (share_pseudonym(t->key->k, t->key->n, v, n, buf) != 0)
				return 1;
			break;
		case SHARE_MONTH:
			if (share_month(v, n, buf) != 0) {
				/* the value itself is not echoed: it may be a full
				 * date of birth, and this message goes to the log */
				csc_error_at(t->name, r->line,
					     "%s: not a YYYY-MM-DD date; no file of the extract is written",
					     t->f->cols[i].name);
				return 1;
			}
			break;
		case SHARE_SECTOR:
			share_sector(v, n, buf);
			break;
		}
		csc_csvw_str(&t->w, buf);
	}
	csc_csvw_end(&t->w);
	t->rows++;
	return 0;
}

int share_table(const share_file *f, const share_key *key, const char *path, const char *name,
		FILE *out, long *rows)
{
	table_ctx t = {.f = f, .key = key, .name = name};
	csc_csvw_init(&t.w, out);
	*rows = 0;
	int rc = csc_csv_read(path, name, on_row, &t);
	if (rc == 0 && t.rows == 0 && ftell(out) == 0) {
		csc_error_at(name, 0, "empty staging table (no header row)");
		return -1;
	}
	*rows = t.rows;
	return rc == 0 ? 0 : -1;
}

/* Remove a flat folder of files (the temporary extract). */
static void remove_flat(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				unlinkat(dirfd(d), e->d_name, 0);
		closedir(d);
	}
	rmdir(dir);
}

static void mrow(csc_csvw *w, const char *kind, const char *name, const char *value)
{
	csc_csvw_str(w, kind);
	csc_csvw_str(w, name);
	csc_csvw_str(w, value);
	csc_csvw_end(w);
}

/* One file of the extract; *present = 0 when its staging table is absent. */
static int write_file(share_job *job, const share_file *f, const char *tmp, long *rows,
		      int *present)
{
	char *src = csc_path_join(job->staging, f->staging);
	char *dst = csc_path_join(tmp, f->staging);
	char name[512];
	snprintf(name, sizeof name, "staging/%s", f->staging);
	int rc = 0;
	struct stat st;
	*present = lstat(src, &st) == 0;
	if (!*present && errno != ENOENT) {
		csc_error_at(src, 0, "cannot read: %s", strerror(errno));
		rc = CSC_EXIT_INPUT;
	} else if (*present) {
		csc_out o;
		if (csc_out_open(&o, dst) != 0)
			rc = CSC_EXIT_OUTPUT;
		else if (share_table(f, job->key, src, name, o.fp, rows) != 0) {
			csc_out_abort(&o);
			rc = CSC_EXIT_INPUT;
		} else if (csc_out_commit(&o) != 0)
			rc = CSC_EXIT_OUTPUT;
	}
	free(src);
	free(dst);
	return rc;
}

static int write_manifest(share_job *job, const char *tmp, const long *rows, const int *present)
{
	const share_profile *p = job->profile;
	char *path = csc_path_join(tmp, "manifest.csv");
	csc_out o;
	int rc = 0;
	if (csc_out_open(&o, path) != 0) {
		free(path);
		return CSC_EXIT_OUTPUT;
	}
	csc_csvw w;
	csc_csvw_init(&w, o.fp);
	static const char *const head[] = {"kind", "name", "value", NULL};
	csc_csvw_header(&w, head);
	char num[32];
	mrow(&w, "profile", "name", p->name);
	mrow(&w, "version", "csc-share", csc_version());
	mrow(&w, "period", "label", job->period);
	snprintf(num, sizeof num, "%d", SHARE_PSEUDO_HEX);
	mrow(&w, "pseudonym", "hmac-sha256-hex-digits", num);
	for (int i = 0; i < p->nfiles && rc == 0; i++) {
		const char *fn = p->files[i].staging;
		if (!present[i]) {
			mrow(&w, "absent", fn, "input not configured");
			continue;
		}
		char hex[65];
		char *fp = csc_path_join(tmp, fn);
		if (csc_sha256_file(fp, hex) != 0) {
			csc_error_at(fp, 0, "cannot read for the manifest: %s", strerror(errno));
			rc = CSC_EXIT_OUTPUT;
		}
		free(fp);
		snprintf(num, sizeof num, "%ld", rows[i]);
		mrow(&w, "rows", fn, num);
		mrow(&w, "sha256", fn, hex);
	}
	if (rc != 0)
		csc_out_abort(&o);
	else if (csc_out_commit(&o) != 0)
		rc = CSC_EXIT_OUTPUT;
	free(path);
	return rc;
}

/* Put the finished folder at dest; an earlier extract there is swapped out
 * in one step (renameat2 RENAME_EXCHANGE) and then removed. */
static int put_in_place(const char *tmp, const char *dest)
{
	if (rename(tmp, dest) == 0)
		return 0;
	if (errno != EEXIST && errno != ENOTEMPTY) {
		csc_error_at(dest, 0, "cannot put the extract in place: %s", strerror(errno));
		return -1;
	}
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dest, RENAME_EXCHANGE) != 0) {
		csc_error_at(dest, 0, "cannot replace the earlier extract: %s", strerror(errno));
		return -1;
	}
	remove_flat(tmp); /* now the earlier extract */
	return 0;
}

int share_extract(share_job *job)
{
	const share_profile *p = job->profile;
	size_t tl = strlen(job->dest) + 8;
	char *tmp = csc_xmalloc(tl);
	snprintf(tmp, tl, "%s.tmp", job->dest);
	/* a run killed earlier may have left one; the caller holds the lock */
	remove_flat(tmp);
	if (mkdir(tmp, 0700) != 0) {
		csc_error_at(tmp, 0, "cannot create: %s", strerror(errno));
		free(tmp);
		return CSC_EXIT_OUTPUT;
	}
	long *rows = csc_xcalloc((size_t)p->nfiles, sizeof *rows);
	int *present = csc_xcalloc((size_t)p->nfiles, sizeof *present);
	int rc = 0;
	job->files = job->rows = 0;
	for (int i = 0; i < p->nfiles && rc == 0; i++) {
		rc = write_file(job, &p->files[i], tmp, &rows[i], &present[i]);
		job->files += present[i];
		job->rows += rows[i];
	}
	if (rc == 0 && job->files == 0) {
		csc_error_at(job->staging, 0, "no staging table of profile %s; run the extracts first",
			     p->name);
		rc = CSC_EXIT_INPUT;
	}
	if (rc == 0)
		rc = write_manifest(job, tmp, rows, present);
	if (rc == 0 && put_in_place(tmp, job->dest) != 0)
		rc = CSC_EXIT_OUTPUT;
	if (rc != 0)
		remove_flat(tmp);
	free(rows);
	free(present);
	free(tmp);
	return rc;
}
