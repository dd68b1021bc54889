/* csc_stage.c - see csc_stage.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_stage.h"

static const char *const rejects_header[] = {"file", "line", "field", "value", "reason", NULL};
static const char *const recon_header[] = {"file", "table", "read", "staged", "rejected", NULL};
static const char *const sources_header[] = {"file", "bytes", "sha256", NULL};
/* dq.csv's columns (docs/FORMATS.md), so the transform copies rows as they are */
static const char *const findings_header[] = {"check", "measure", "child", "record", "date",
					      "detail", NULL};

static char *named(const char *dir, const char *prefix, const char *input)
{
	char name[128];
	snprintf(name, sizeof name, "%s%s.csv", prefix, input);
	return csc_path_join(dir, name);
}

int csc_stage_open(csc_stage *s, const char *staging_dir, const char *input)
{
	memset(s, 0, sizeof *s);
	if (csc_mkdirs(staging_dir) != 0) {
		csc_error_at(staging_dir, 0, "cannot create staging folder: %s", strerror(errno));
		return -1;
	}
	s->dir = csc_xstrdup(staging_dir);
	s->input = csc_xstrdup(input);
	char *p = named(staging_dir, "rejects_", input);
	int rc = csc_out_open(&s->rej_out, p);
	free(p);
	if (rc)
		return -1;
	csc_csvw_init(&s->rej, s->rej_out.fp);
	csc_csvw_header(&s->rej, rejects_header);
	p = named(staging_dir, "findings_", input);
	rc = csc_out_open(&s->find_out, p);
	free(p);
	if (rc)
		return -1;
	csc_csvw_init(&s->find, s->find_out.fp);
	csc_csvw_header(&s->find, findings_header);
	return 0;
}

csc_table *csc_stage_table(csc_stage *s, const char *table, const char *source_file,
			   const char *stage_file, const char *const *header)
{
	if (s->ntables == CSC_STAGE_MAX_TABLES) {
		csc_error("%s: more than %d staging tables", source_file, CSC_STAGE_MAX_TABLES);
		s->failed = 1;
		memset(&s->spare, 0, sizeof s->spare);
		return &s->spare;
	}
	csc_table *t = &s->tables[s->ntables++];
	memset(t, 0, sizeof *t);
	t->name = table;
	t->file = source_file;
	if (stage_file) {
		char *p = csc_path_join(s->dir, stage_file);
		int rc = csc_out_open(&t->out, p);
		free(p);
		if (rc) {
			s->failed = 1;
			return t;
		}
		t->open = 1;
		csc_csvw_init(&t->w, t->out.fp);
		csc_csvw_header(&t->w, header);
		uint64_t mask;
		t->ncov = csc_coverage_columns(stage_file, header, t->cov_name, t->cov_pos, &mask);
		if (t->ncov) {
			t->stage_name = csc_xstrdup(stage_file);
			csc_csvw_watch(&t->w, mask);
		}
	}
	return t;
}

void csc_table_stage(csc_table *t)
{
	t->read++;
	t->staged++;
}

void csc_stage_reject(csc_stage *s, csc_table *t, long line, const char *field,
		      const char *value, const char *reason)
{
	t->read++;
	t->rejected++;
	csc_csvw_str(&s->rej, t->file);
	csc_csvw_long(&s->rej, line);
	/* "-" (rejected with its parent, FORMATS.md) is no formula: keep it. */
	if (strcmp(field, "-") == 0)
		csc_csvw_str(&s->rej, field);
	else
		csc_csvw_str(&s->rej, field); /* names our code chose, not typed text */
	csc_csvw_text(&s->rej, value);
	csc_csvw_text(&s->rej, reason);
	csc_csvw_end(&s->rej);
}

void csc_stage_unstage(csc_stage *s, csc_table *t, long line, const char *field,
		       const char *value, const char *reason)
{
	t->read--;
	t->staged--;
	csc_stage_reject(s, t, line, field, value, reason);
}

void csc_stage_finding(csc_stage *s, const char *check, const char *child, const char *record,
		       const char *detail)
{
	csc_csvw_str(&s->find, check);
	csc_csvw_str(&s->find, "");
	csc_csvw_text(&s->find, child);
	csc_csvw_text(&s->find, record);
	csc_csvw_str(&s->find, "");
	csc_csvw_text(&s->find, detail);
	csc_csvw_end(&s->find);
}

void csc_stage_free(csc_stage *s)
{
	for (int i = 0; i < s->ntables; i++) {
		free(s->tables[i].stage_name);
		s->tables[i].stage_name = NULL;
	}
	free(s->dir);
	free(s->input);
	s->dir = s->input = NULL;
	for (int i = 0; i < s->nsources; i++)
		free(s->sources[i].file);
	s->nsources = 0;
}

void csc_stage_source(csc_stage *s, const char *file, const csc_digest *d)
{
	if (s->nsources == CSC_STAGE_MAX_TABLES) {
		csc_error_at(file, 0, "more than %d files read for %s", CSC_STAGE_MAX_TABLES, s->input);
		s->failed = 1;
		return;
	}
	csc_source *src = &s->sources[s->nsources++];
	src->file = csc_xstrdup(file);
	src->digest = *d;
}

/* Open staging/<prefix><input>.csv with its header row into o and w.
 * 0, or -1 (reported by csc_out_open). */
static int open_side(csc_stage *s, csc_out *o, csc_csvw *w, const char *prefix,
		     const char *const *header)
{
	char *p = named(s->dir, prefix, s->input);
	int rc = csc_out_open(o, p);
	free(p);
	if (rc)
		return -1;
	csc_csvw_init(w, o->fp);
	csc_csvw_header(w, header);
	return 0;
}

/* One row per file read whole: its size and SHA-256 as read. */
static int open_sources(csc_stage *s, csc_out *o)
{
	csc_csvw w;
	if (open_side(s, o, &w, "sources_", sources_header) != 0)
		return -1;
	for (int i = 0; i < s->nsources; i++) {
		char bytes[32];
		snprintf(bytes, sizeof bytes, "%lld", s->sources[i].digest.bytes);
		csc_csvw_str(&w, s->sources[i].file);
		csc_csvw_str(&w, bytes);
		csc_csvw_str(&w, s->sources[i].digest.sha256);
		csc_csvw_end(&w);
	}
	return 0;
}

/* One row per staged table with event dates: the latest, and its column. */
static int open_coverage(csc_stage *s, csc_out *o)
{
	csc_csvw w;
	if (open_side(s, o, &w, "coverage_", csc_coverage_stage_header) != 0)
		return -1;
	for (int i = 0; i < s->ntables; i++) {
		const csc_table *t = &s->tables[i];
		if (!t->stage_name)
			continue;
		const char *col = "";
		for (int k = 0; k < t->ncov; k++)
			if (t->cov_pos[k] == t->w.latest_col)
				col = t->cov_name[k];
		csc_csvw_str(&w, t->stage_name);
		csc_csvw_str(&w, col);
		csc_csvw_str(&w, t->w.latest);
		csc_csvw_end(&w);
	}
	return 0;
}

int csc_stage_commit(csc_stage *s)
{
	int bad = s->failed;
	csc_out cov = {0}, src = {0};
	if (!bad && open_coverage(s, &cov) != 0)
		bad = 1;
	if (!bad && open_sources(s, &src) != 0)
		bad = 1;
	csc_out rec;
	char *p = named(s->dir, "recon_", s->input);
	if (csc_out_open(&rec, p) == 0) {
		csc_csvw w;
		csc_csvw_init(&w, rec.fp);
		csc_csvw_header(&w, recon_header);
		for (int i = 0; i < s->ntables; i++) {
			csc_table *t = &s->tables[i];
			csc_csvw_str(&w, t->file);
			csc_csvw_str(&w, t->name);
			csc_csvw_long(&w, t->read);
			csc_csvw_long(&w, t->staged);
			csc_csvw_long(&w, t->rejected);
			csc_csvw_end(&w);
		}
	} else {
		bad = 1;
	}
	free(p);
	/* All temporaries are complete before any is renamed, so a failure here
	 * (disk full) leaves the previous staging set whole. */
	if (bad) {
		if (rec.fp)
			csc_out_abort(&rec);
		if (cov.fp)
			csc_out_abort(&cov);
		if (src.fp)
			csc_out_abort(&src);
		csc_stage_abort(s);
		return -1;
	}
	for (int i = 0; i < s->ntables; i++)
		if (s->tables[i].open && fflush(s->tables[i].out.fp) != 0)
			bad = 1;
	if (fflush(s->rej_out.fp) != 0 || fflush(s->find_out.fp) != 0 || fflush(rec.fp) != 0 ||
	    fflush(cov.fp) != 0 || fflush(src.fp) != 0)
		bad = 1;
	if (bad) {
		csc_error_at(s->dir, 0, "cannot write staging: %s", strerror(errno));
		csc_out_abort(&rec);
		csc_out_abort(&cov);
		csc_out_abort(&src);
		csc_stage_abort(s);
		return -1;
	}
	for (int i = 0; i < s->ntables; i++)
		if (s->tables[i].open) {
			s->tables[i].open = 0;
			if (csc_out_commit(&s->tables[i].out))
				bad = 1;
		}
	if (csc_out_commit(&s->rej_out))
		bad = 1;
	if (csc_out_commit(&s->find_out))
		bad = 1;
	/* before recon, the make target: recon in place means coverage and
	 * sources are too */
	if (csc_out_commit(&cov))
		bad = 1;
	if (csc_out_commit(&src))
		bad = 1;
	if (csc_out_commit(&rec))
		bad = 1;
	return bad ? -1 : 0;
}

void csc_stage_abort(csc_stage *s)
{
	for (int i = 0; i < s->ntables; i++)
		if (s->tables[i].open) {
			csc_out_abort(&s->tables[i].out);
			s->tables[i].open = 0;
		}
	if (s->rej_out.fp || s->rej_out.tmp)
		csc_out_abort(&s->rej_out);
	if (s->find_out.fp || s->find_out.tmp)
		csc_out_abort(&s->find_out);
}

int csc_stage_not_configured(const char *staging_dir, const char *input,
			     const char *const *stage_files)
{
	if (csc_mkdirs(staging_dir) != 0) {
		csc_error_at(staging_dir, 0, "cannot create staging folder: %s", strerror(errno));
		return -1;
	}
	for (; *stage_files; stage_files++) {
		char *p = csc_path_join(staging_dir, *stage_files);
		if (unlink(p) != 0 && errno != ENOENT) {
			csc_error_at(p, 0, "cannot remove stale staging file: %s", strerror(errno));
			free(p);
			return -1;
		}
		free(p);
	}
	int rc = 0;
	const char *prefixes[] = {"coverage_", "rejects_", "findings_", "sources_", "recon_"};
	const char *const *headers[] = {csc_coverage_stage_header, rejects_header, findings_header,
					sources_header, recon_header};
	for (int i = 0; i < 5; i++) {
		char *p = named(staging_dir, prefixes[i], input);
		csc_out o;
		if (csc_out_open(&o, p) == 0) {
			csc_csvw w;
			csc_csvw_init(&w, o.fp);
			csc_csvw_header(&w, headers[i]);
			rc |= csc_out_commit(&o);
		} else {
			rc = -1;
		}
		free(p);
	}
	return rc;
}

void csc_stage_summary(const csc_stage *s)
{
	for (int i = 0; i < s->ntables; i++) {
		const csc_table *t = &s->tables[i];
		csc_info("%s: %s %s: read %ld = staged %ld + rejected %ld", s->input, t->file,
			 t->name, t->read, t->staged, t->rejected);
	}
}

/* One field of our own staging CSV (RFC 4180 as csc_csvw writes it) from
 * in, appended with its NUL to *buf at *n: the character that ended it
 * (',', '\n' or EOF). */
static int read_field(FILE *in, char **buf, size_t *n, size_t *cap)
{
	int c, quoted = 0, first = 1;
	for (;;) {
		c = getc_unlocked(in);
		if (c == EOF)
			break;
		if (first && c == '"') {
			quoted = 1;
			first = 0;
			continue;
		}
		first = 0;
		if (quoted && c == '"') {
			c = getc_unlocked(in);
			if (c != '"') { /* the closing quote */
				quoted = 0;
				if (c == EOF || c == ',' || c == '\n')
					break;
			}
		} else if (!quoted && (c == ',' || c == '\n')) {
			break;
		}
		if (*n + 2 >= *cap) {
			*cap = *cap ? 2 * *cap : 256;
			*buf = csc_xrealloc(*buf, *cap);
		}
		(*buf)[(*n)++] = (char)c;
	}
	if (*n + 1 >= *cap) {
		*cap = *cap ? 2 * *cap : 256;
		*buf = csc_xrealloc(*buf, *cap);
	}
	(*buf)[(*n)++] = '\0';
	return c;
}

#define FILTER_MAX_COLS 64

/* Dropping only shortens: the write position never passes the read
 * position, so the file is rewritten in place. */
long csc_table_filter(csc_table *t, csc_row_keep keep, void *arg)
{
	csc_out *out = &t->out;
	if (fflush(out->fp) != 0) {
		csc_error_at(out->path, 0, "cannot write staging: %s", strerror(errno));
		return -1;
	}
	/* O_NOFOLLOW as csc_out: a link planted at our temporary is refused */
	int fd = open(out->tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	FILE *in = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!in) {
		csc_error_at(out->tmp, 0, "cannot re-read staging: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (fseek(out->fp, 0, SEEK_SET) != 0) {
		csc_error_at(out->path, 0, "cannot rewrite staging: %s", strerror(errno));
		fclose(in);
		return -1;
	}
	uint64_t watch = t->w.watch;
	csc_csvw_init(&t->w, out->fp);
	csc_csvw_watch(&t->w, watch);
	uint64_t rec = 0; /* 0 = header */
	long dropped = 0;
	size_t n = 0, cap = 0, off[FILTER_MAX_COLS], len[FILTER_MAX_COLS];
	char *buf = NULL, *f[FILTER_MAX_COLS];
	int nf = 0, end, too_wide = 0;
	do {
		size_t start = n;
		end = read_field(in, &buf, &n, &cap);
		if (end == EOF && n - start == 1 && nf == 0)
			break; /* the line feed of the last row was the end */
		if (nf < FILTER_MAX_COLS) {
			off[nf] = start;
			len[nf] = n - start - 1;
			nf++;
		} else {
			too_wide = 1;
		}
		if (end == ',')
			continue;
		for (int i = 0; i < nf; i++)
			f[i] = buf + off[i];
		if (rec == 0 || keep(arg, rec - 1, nf, f, len)) {
			for (int i = 0; i < nf; i++)
				csc_csvw_field(&t->w, f[i], len[i]);
			csc_csvw_end(&t->w);
		} else {
			dropped++;
		}
		rec++;
		nf = 0;
		n = 0;
	} while (end != EOF && !too_wide);
	free(buf);
	int bad = ferror(in);
	fclose(in);
	if (too_wide) {
		csc_error_at(out->path, 0, "internal error: more than %d staging columns",
			     FILTER_MAX_COLS);
		return -1;
	}
	long kept = bad ? -1 : ftell(out->fp);
	if (bad || kept < 0 || fflush(out->fp) != 0 || ftruncate(fileno(out->fp), (off_t)kept) != 0) {
		csc_error_at(out->path, 0, "cannot rewrite staging: %s", strerror(errno));
		return -1;
	}
	return dropped;
}
