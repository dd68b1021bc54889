/* jobs.c - the inputs computed at once (transform_jobs, --jobs).
 *
 * The strands read different inputs and share nothing but the run's
 * settings, periods and calendar, so each input is computed by a shard: a
 * copy of the engine with its own drill-down writer and dq findings, on
 * one of up to `jobs` threads. The outputs must be byte-identical to one
 * thread computing the inputs in input order, so:
 * - the first input writes its drill-down groups straight into drilldown.csv
 *   (a group is one unit's records, csc_drill.h, so groups concatenate)
 *   (it comes first there anyway); each later one into an unnamed scratch
 *   file in the output folder, appended in input order once all are done
 *   (copy_file_range: the kernel copies, the bytes never pass through here);
 * - every shard holds its dq rows (first appearance, deduplicated within
 *   the input), and the merge writes them input by input through the run's
 *   own deduplication, exactly as one thread would have met them;
 * - counts need no merge: each measure belongs to one input, so no two
 *   shards ever count into one cell.
 * A thread that cannot be started leaves its inputs to the others.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "engine_int.h"

struct pool {
	tx_engine **shard;      /* by position in the input order */
	const enum tx_input *in;
	int *order;             /* positions, largest staging first */
	int n;
	atomic_int next;        /* the next entry of order[] to take */
	int *rc;                /* loader result by position */
	const char *staging;
};

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		int k = atomic_fetch_add(&p->next, 1);
		if (k >= p->n)
			return NULL;
		int i = p->order[k];
		p->rc[i] = tx_loaders[p->in[i]](p->shard[i], p->staging);
	}
}

/* An unnamed scratch file in dir (removed when closed, or when the run is
 * killed) with its stdio buffer in *buf; NULL after reporting. */
static FILE *scratch(const char *dir, char **buf)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0) {
		/* a file system without O_TMPFILE: a named file, unlinked at once */
		char *t = csc_path_join(dir, ".drilldown.part.XXXXXX");
		fd = mkostemp(t, O_CLOEXEC);
		if (fd >= 0)
			unlink(t);
		free(t);
	}
	FILE *fp = fd >= 0 ? fdopen(fd, "w+b") : NULL;
	if (!fp) {
		csc_error_at(dir, 0, "cannot create a scratch file for the drill-down: %m");
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	*buf = csc_xmalloc(CSC_OUT_BUFSZ); /* as an output's (csc_out.h) */
	setvbuf(fp, *buf, _IOFBF, CSC_OUT_BUFSZ);
	return fp;
}

static tx_engine *shard_new(const tx_engine *e)
{
	tx_engine *s = csc_xmalloc(sizeof *s);
	*s = *e;
	memset(s->units, 0, sizeof s->units);
	memset(s->pdrill, 0, sizeof s->pdrill);
	memset(&s->dqseen, 0, sizeof s->dqseen);
	s->bug = 0;
	s->ndrill = s->ndq = 0;
	s->dq_defer = 1;
	s->dqrows = NULL;
	s->ndqrows = s->capdqrows = 0;
	s->part = NULL;
	s->partbuf = NULL;
	s->nrec = s->ngroups = s->nsplit = 0;
	/* its own records, written through its own writer (s->dw: the run's
	 * for the first input, a scratch file's for the others) */
	s->enc = e->enc ? csc_drill_enc_new(&s->dw) : NULL;
	return s;
}

static void shard_free(tx_engine *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->ndqrows; i++) {
		tx_dq_row *r = &s->dqrows[i];
		free(r->check);
		free(r->measure);
		free(r->child);
		free(r->record);
		free(r->text);
	}
	free(s->dqrows);
	csc_drill_enc_free(s->enc);
	tx_strtab_free(&s->dqseen);
	if (s->part)
		fclose(s->part);
	free(s->partbuf);
	free(s);
}

/* Append the scratch file from to the drill-down; 0 or -1 after reporting. */
static int append_part(FILE *from, csc_out *to)
{
	if (fflush(from) || ferror(from) || fflush(to->fp)) {
		csc_error_at(to->path, 0, "cannot write the drill-down: %m");
		return -1;
	}
	int in = fileno(from), out = fileno(to->fp);
	off_t off = 0;
	for (;;) {
		ssize_t n = copy_file_range(in, &off, out, NULL, (size_t)1 << 30, 0);
		if (n > 0)
			continue;
		if (n == 0)
			return 0;
		if (errno == EINTR)
			continue;
		if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)
			break;
		/* no in-kernel copy here: through a buffer */
		static const size_t bufsz = (size_t)1 << 20;
		char *buf = csc_xmalloc(bufsz);
		ssize_t r;
		while ((r = pread(in, buf, bufsz, off)) > 0 || (r < 0 && errno == EINTR))
			if (r > 0) {
				if (fwrite(buf, 1, (size_t)r, to->fp) != (size_t)r)
					break;
				off += r;
			}
		free(buf);
		if (r == 0 && !ferror(to->fp))
			return 0;
		break;
	}
	csc_error_at(to->path, 0, "cannot write the drill-down: %m");
	return -1;
}

/* Fold shard s into e as if e had computed its input itself. */
static int merge(tx_engine *e, tx_engine *s, enum tx_input in)
{
	e->bug |= s->bug;
	e->units[in] += s->units[in];
	e->ndrill += s->ndrill;
	e->nrec += s->nrec;
	if (s->enc) {
		long g, sp;
		csc_drill_enc_stats(s->enc, &g, &sp);
		e->ngroups += g;
		e->nsplit += sp;
	}
	for (int p = 0; p < e->np; p++)
		e->pdrill[p] += s->pdrill[p];
	for (int i = 0; i < s->ndqrows; i++) {
		const tx_dq_row *r = &s->dqrows[i];
		tx_dq_put(e, r->check, r->measure, r->child, r->record, r->date, r->text);
	}
	return s->part ? append_part(s->part, &e->dout) : 0;
}

/* Staging bytes an input's measures read: the larger inputs start first,
 * so the last to finish is a small one. */
static long long staging_bytes(const tx_engine *e, enum tx_input in, const char *staging)
{
	long long most = 0;
	for (int i = 0; i < e->ninmeas[in]; i++) {
		char list[256], *save = NULL;
		long long sum = 0;
		snprintf(list, sizeof list, "%s", tx_measures[e->inmeas[in][i]].tables);
		for (char *t = strtok_r(list, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			char *p = csc_path_join(staging, t);
			struct stat st;
			if (stat(p, &st) == 0)
				sum += st.st_size;
			free(p);
		}
		if (sum > most)
			most = sum;
	}
	return most;
}

static int run_threads(tx_engine *e, const enum tx_input *in, int n, int jobs,
		       const char *staging, const char *outdir)
{
	struct pool p = {csc_xcalloc((size_t)n, sizeof *p.shard), in,
			 csc_xcalloc((size_t)n, sizeof *p.order), n, 0,
			 csc_xcalloc((size_t)n, sizeof *p.rc), staging};
	long long size[TX_NINPUTS];
	int rc = 0;
	for (int i = 0; i < n; i++) {
		p.shard[i] = shard_new(e);
		size[i] = staging_bytes(e, in[i], staging);
		p.order[i] = i;
		if (i > 0 && e->drill && !rc) {
			p.shard[i]->part = scratch(outdir, &p.shard[i]->partbuf);
			if (!p.shard[i]->part)
				rc = CSC_EXIT_OUTPUT;
			else
				csc_csvw_init(&p.shard[i]->dw, p.shard[i]->part);
		}
	}
	for (int i = 1; i < n; i++) /* insertion sort, largest first, stable */
		for (int j = i; j > 0 && size[p.order[j]] > size[p.order[j - 1]]; j--) {
			int t = p.order[j];
			p.order[j] = p.order[j - 1];
			p.order[j - 1] = t;
		}
	pthread_t tid[CSC_JOBS_MAX];
	int nt = 0;
	for (int t = 1; t < jobs && t < n && !rc; t++) {
		int err = pthread_create(&tid[nt], NULL, worker, &p);
		if (err) {
			errno = err;
			csc_log("cannot start a thread (%m); computing with %d", nt + 1);
			break;
		}
		nt++;
	}
	if (!rc)
		worker(&p);
	for (int t = 0; t < nt; t++)
		pthread_join(tid[t], NULL);
	for (int i = 0; i < n; i++) {
		if (!rc && p.rc[i])
			rc = CSC_EXIT_INPUT;
		if (!rc && merge(e, p.shard[i], in[i]))
			rc = CSC_EXIT_OUTPUT;
		shard_free(p.shard[i]);
	}
	free(p.shard);
	free(p.order);
	free(p.rc);
	return rc;
}

int tx_jobs_run(tx_engine *e, const enum tx_input *in, int n, int jobs, const char *staging,
		const char *outdir)
{
	if (jobs > 1 && n > 1)
		return run_threads(e, in, n, jobs, staging, outdir);
	/* one thread: straight into the outputs, nothing held */
	for (int i = 0; i < n; i++)
		if (tx_loaders[in[i]](e, staging))
			return CSC_EXIT_INPUT;
	return 0;
}
