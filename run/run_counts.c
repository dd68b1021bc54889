/* run_counts.c - records read per input: the reject lines, the one-line
 * summary, and the check against the last publication.
 *
 * An export that suddenly holds far fewer records (a filter left on in the
 * case system, a truncated download) still parses, so nothing else would
 * stop it: each publication records every input's counts in
 * <output_dir>/.pub/counts.csv, and the next run stops (exit 2) when an
 * input's records read fall by more than max_drop_percent, unless the
 * operator says the fall is real (--accept-drop). */
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
#include "run.h"

static int parse_count(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0)
		return -1;
	*out = v;
	return 0;
}

struct recon_ctx {
	run_counts *k;
	int i;
	const char *path;
};

#define COUNTS_MAX 65536 /* four short rows; more is not ours */

/* Read the small CSV dir/name (dfd open on dir; path names it) that csc-run
 * wrote, never through a link, into memory and hand its rows to fn. 0, 1
 * when it does not exist, -1 after saying why (what: "a counts file"). */
static int read_ours(int dfd, const char *name, const char *path, const char *what,
		     csc_row_fn fn, void *ctx)
{
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return 1;
		csc_error_at(path, 0, "cannot read: %s%s", strerror(errno),
			     errno == ELOOP ? " (a link; not followed)" : "");
		return -1;
	}
	struct stat st;
	int rc = -1;
	char *buf = NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > COUNTS_MAX) {
		csc_error_at(path, 0, "not %s written by csc-run (a regular file of at most %d bytes)",
			     what, COUNTS_MAX);
	} else {
		buf = csc_xmalloc((size_t)st.st_size + 1);
		ssize_t n = read(fd, buf, (size_t)st.st_size);
		if (n != st.st_size)
			csc_error_at(path, 0, "cannot read: %s", n < 0 ? strerror(errno) : "short read");
		else
			rc = csc_csv_read_mem(buf, (size_t)n, path, fn, ctx) == 0 ? 0 : -1;
	}
	close(fd);
	free(buf);
	return rc;
}

/* recon_<input>.csv: file,table,read,staged,rejected; summed over rows */
static int recon_row(void *ctx, const csc_row *r)
{
	struct recon_ctx *x = ctx;
	long v[3];
	if (r->index == 0)
		return 0;
	for (int j = 0; j < 3; j++)
		if (r->n != 5 || parse_count(r->f[2 + j], &v[j]) != 0) {
			csc_error_at(x->path, r->line, "not a reconciliation row");
			return -1;
		}
	x->k->read[x->i] += v[0];
	x->k->staged[x->i] += v[1];
	x->k->rejected[x->i] += v[2];
	return 0;
}

int run_counts_staged(run_ctx *c, run_counts *k)
{
	memset(k, 0, sizeof *k);
	/* through the staging folder's descriptor, never a link (README, "The
	 * output folder") */
	int d = run_out_dir(c->outfd, c->out, "staging", 0);
	if (d < 0)
		return -1;
	char *stg = csc_path_join(c->out, "staging");
	int rc = 0;
	for (int i = 0; i < CSC_NINPUTS && rc == 0; i++) {
		if (!csc_inputs_path(c->conf, i))
			continue;
		char name[64];
		snprintf(name, sizeof name, "recon_%s.csv", csc_inputs[i].name);
		char *p = csc_path_join(stg, name);
		struct recon_ctx x = {k, i, p};
		rc = read_ours(d, name, p, "a reconciliation file", recon_row, &x);
		if (rc == 1)
			csc_error_at(p, 0, "cannot read: %s", strerror(ENOENT));
		free(p);
		if (rc != 0)
			rc = -1;
		else
			k->have[i] = 1;
	}
	close(d);
	free(stg);
	return rc;
}

struct pub_ctx {
	run_counts *k;
	const char *path;
};

/* counts.csv: input,read,staged,rejected,period */
static int pub_row(void *ctx, const csc_row *r)
{
	struct pub_ctx *x = ctx;
	if (r->index == 0)
		return 0;
	int i = r->n == 5 ? csc_inputs_find(r->f[0]) : -1;
	long v[3];
	int bad = i < 0 || strlen(r->f[4]) >= sizeof x->k->period;
	for (int j = 0; j < 3 && !bad; j++)
		bad = parse_count(r->f[1 + j], &v[j]) != 0;
	if (bad) {
		csc_error_at(x->path, r->line, "not a row of counts; remove the file to start again "
					       "from the next publication");
		return -1;
	}
	x->k->read[i] = v[0];
	x->k->staged[i] = v[1];
	x->k->rejected[i] = v[2];
	x->k->have[i] = 1;
	snprintf(x->k->period, sizeof x->k->period, "%s", r->f[4]);
	return 0;
}


int run_counts_published(run_ctx *c, run_counts *k)
{
	memset(k, 0, sizeof *k);
	char *pub = csc_path_join(c->out, ".pub"), *path = csc_path_join(pub, "counts.csv");
	int rc = 1;
	/* never through a link: .pub and counts.csv are ours, a link there is not */
	int dfd = open(pub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0 && errno != ENOENT) {
		csc_error_at(pub, 0, "cannot read the last publication's counts: %s%s", strerror(errno),
			     errno == ELOOP || errno == ENOTDIR ? " (a link or not a folder; not followed)" : "");
		rc = -1;
	}
	if (dfd >= 0) {
		struct pub_ctx x = {k, path};
		rc = read_ours(dfd, "counts.csv", path, "a counts file", pub_row, &x);
		close(dfd);
	}
	free(pub);
	free(path);
	return rc;
}

int run_counts_write(run_ctx *c, const run_counts *k)
{
	char *path = csc_path_join(c->out, ".pub/counts.csv");
	csc_out o;
	int rc = csc_out_open(&o, path);
	free(path);
	if (rc != 0)
		return -1;
	csc_csvw w;
	csc_csvw_init(&w, o.fp);
	static const char *const hdr[] = {"input", "read", "staged", "rejected", "period", NULL};
	csc_csvw_header(&w, hdr);
	for (int i = 0; i < CSC_NINPUTS; i++) {
		if (!k->have[i])
			continue;
		csc_csvw_str(&w, csc_inputs[i].name);
		csc_csvw_long(&w, k->read[i]);
		csc_csvw_long(&w, k->staged[i]);
		csc_csvw_long(&w, k->rejected[i]);
		csc_csvw_str(&w, c->period.label);
		csc_csvw_end(&w);
	}
	return csc_out_commit(&o);
}

double run_drop_percent(long before, long now)
{
	if (before <= 0 || now >= before)
		return 0.0;
	return 100.0 * (double)(before - now) / (double)before;
}

int run_check_drop(const run_counts *before, const run_counts *now, double max_drop, int accept)
{
	int stop = 0;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		if (!before->have[i] || !now->have[i])
			continue; /* newly configured or dropped from the conf: a setting, not data */
		double fall = run_drop_percent(before->read[i], now->read[i]);
		if (fall <= max_drop)
			continue;
		if (accept) {
			csc_info("%s: records read fell by %.1f%%, from %ld at the last publication (%s) "
				 "to %ld; accepted (--accept-drop)",
				 csc_inputs[i].name, fall, before->read[i], before->period, now->read[i]);
			continue;
		}
		csc_error("%s: records read fell by %.1f%%, from %ld at the last publication (%s) to %ld, "
			  "more than max_drop_percent = %g; nothing published. If the export is right, "
			  "run again with --accept-drop",
			  csc_inputs[i].name, fall, before->read[i], before->period, now->read[i], max_drop);
		stop = 1;
	}
	return stop ? CSC_EXIT_DATA : 0;
}

void run_report_rejects(const run_counts *now, const char *dir)
{
	for (int i = 0; i < CSC_NINPUTS; i++)
		if (now->have[i] && now->rejected[i] > 0)
			csc_error("%s: %ld of %ld records rejected (%.1f%%); see %s/rejects_%s.csv",
				  csc_inputs[i].name, now->rejected[i], now->read[i],
				  100.0 * (double)now->rejected[i] / (double)now->read[i], dir,
				  csc_inputs[i].name);
}
