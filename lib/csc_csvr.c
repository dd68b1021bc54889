/* csc_csvr.c - see csc_csvr.h. */
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_csvr.h"
#include "csc_diag.h"
#include "csc_progress.h"

struct reader {
	const char *name;
	csc_row_fn fn;
	void *ctx;
	struct csv_parser p;
	/* the row being assembled: fields packed NUL-terminated in buf */
	char *buf;
	size_t used, cap;
	size_t *off, *len;
	char **ptr;
	int n;
	long line, row_start, index;
	int in_row, row_ended;
	int stop;     /* callback's return value */
	int failed;   /* structural error already reported */
};

/* Windows-1252 0x80-0x9F to Unicode; 0 marks the five undefined bytes. */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		int k;
		unsigned min;
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, min = 0x80;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, min = 0x800;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, min = 0x10000;
		else
			return 0;
		if (i + (size_t)k >= n)
			return 0;
		unsigned cp = c & (0x3F >> k);
		for (int j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += (size_t)k + 1;
	}
	return 1;
}

static void put_utf8(struct reader *r, unsigned cp)
{
	char *o = r->buf + r->used;
	if (cp < 0x80) {
		*o = (char)cp;
		r->used += 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		r->used += 2;
	} else {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		r->used += 3;
	}
}

static void fail(struct reader *r, long line, const char *msg)
{
	if (r->failed)
		return;
	r->failed = 1;
	csc_error_at(r->name, line, "%s", msg);
}

static void on_field(void *s, size_t n, void *data)
{
	struct reader *r = data;
	if (r->failed || r->stop)
		return;
	if (r->n == CSC_CSV_MAX_FIELDS) {
		char msg[64];
		snprintf(msg, sizeof msg, "row has more than %d fields", CSC_CSV_MAX_FIELDS);
		fail(r, r->row_start, msg);
		return;
	}
	const unsigned char *u = s ? s : (const unsigned char *)"";
	if (memchr(u, '\0', n)) {
		fail(r, r->line, "NUL byte in field: not a text CSV file");
		return;
	}
	/* Windows-1252 needs at most 3 bytes of UTF-8 per input byte */
	size_t need = r->used + n * 3 + 1;
	if (need > r->cap) {
		while (r->cap < need)
			r->cap = r->cap ? r->cap * 2 : 4096;
		r->buf = csc_xrealloc(r->buf, r->cap);
	}
	size_t start = r->used;
	if (valid_utf8(u, n)) {
		memcpy(r->buf + r->used, u, n);
		r->used += n;
	} else {
		for (size_t i = 0; i < n; i++) {
			unsigned c = u[i];
			if (c >= 0x80 && c < 0xA0) {
				c = cp1252_hi[c - 0x80];
				if (!c) {
					char msg[64];
					snprintf(msg, sizeof msg, "byte 0x%02X is neither UTF-8 nor Windows-1252", u[i]);
					fail(r, r->line, msg);
					return;
				}
			}
			put_utf8(r, c);
		}
	}
	r->buf[r->used++] = '\0';
	r->off[r->n] = start;
	r->len[r->n] = r->used - start - 1;
	r->n++;
}

static void on_row(int c, void *data)
{
	(void)c;
	struct reader *r = data;
	r->row_ended = 1;
	if (r->failed || r->stop)
		return;
	for (int i = 0; i < r->n; i++)
		r->ptr[i] = r->buf + r->off[i];
	csc_row row = {r->n, r->ptr, r->len, r->row_start, r->index++};
	r->stop = r->fn(r->ctx, &row);
	r->n = 0;
	r->used = 0;
}

/* Refuse to let libcsv grow a field beyond the limit. */
static void *limited_realloc(void *p, size_t n)
{
	if (n > CSC_CSV_MAX_FIELD + 2)
		return NULL;
	return realloc(p, n);
}

static void reader_init(struct reader *r, const char *name, csc_row_fn fn, void *ctx)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->fn = fn;
	r->ctx = ctx;
	r->off = csc_xmalloc(CSC_CSV_MAX_FIELDS * sizeof *r->off);
	r->len = csc_xmalloc(CSC_CSV_MAX_FIELDS * sizeof *r->len);
	r->ptr = csc_xmalloc(CSC_CSV_MAX_FIELDS * sizeof *r->ptr);
	if (csv_init(&r->p, CSV_STRICT_FINI) != 0)
		csc_die(CSC_EXIT_INTERNAL, "cannot initialise CSV parser");
	csv_set_realloc_func(&r->p, limited_realloc);
}

static void reader_free(struct reader *r)
{
	csv_free(&r->p);
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->ptr);
}

/* Feed one physical line (with its LF, if any). */
static void feed_line(struct reader *r, const char *s, size_t n)
{
	r->line++;
	if (!r->in_row)
		r->row_start = r->line;
	r->row_ended = 0;
	if (csv_parse(&r->p, s, n, on_field, on_row, r) != n && !r->failed) {
		if (csv_error(&r->p) == CSV_ENOMEM) {
			char msg[64];
			snprintf(msg, sizeof msg, "field longer than %u bytes", CSC_CSV_MAX_FIELD);
			fail(r, r->line, msg);
		} else {
			fail(r, r->line, csv_strerror(csv_error(&r->p)));
		}
	}
	if (r->row_ended) {
		r->in_row = 0;
	} else {
		for (size_t i = 0; i < n; i++)
			if (s[i] != '\r' && s[i] != '\n') {
				r->in_row = 1;
				break;
			}
	}
}

/* Feed a block; `carry` keeps a partial last line between blocks. Lines are
 * fed whole so that row start lines are exact. */
static size_t feed_block(struct reader *r, const char *s, size_t n, int last)
{
	size_t pos = 0;
	while (pos < n && !r->failed && !r->stop) {
		const char *nl = memchr(s + pos, '\n', n - pos);
		if (!nl) {
			if (!last)
				return pos; /* keep the partial line for the next block */
			feed_line(r, s + pos, n - pos);
			return n;
		}
		size_t len = (size_t)(nl - (s + pos)) + 1;
		feed_line(r, s + pos, len);
		pos += len;
	}
	return pos;
}

static int finish(struct reader *r)
{
	/* libcsv only refuses an open quote at the end under CSV_STRICT, which
	 * would also refuse the stray quotes Excel users type; check the state
	 * (2 = FIELD_BEGUN in libcsv) directly instead. */
	if (!r->failed && !r->stop && r->p.pstate == 2 && r->p.quoted)
		fail(r, r->row_start, "unterminated quoted field in the row starting here");
	if (!r->failed && !r->stop && csv_fini(&r->p, on_field, on_row, r) != 0)
		fail(r, r->row_start, "unterminated quoted field in the row starting here");
	return r->failed ? -1 : r->stop;
}

static int check_start(struct reader *r, const unsigned char *s, size_t n, size_t *skip)
{
	*skip = 0;
	if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
		fail(r, 1, "file is UTF-16; save it as UTF-8 or Windows-1252 CSV");
		return -1;
	}
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		*skip = 3;
	return 0;
}

int csc_csv_read_mem(const char *data, size_t n, const char *name, csc_row_fn fn, void *ctx)
{
	struct reader r;
	reader_init(&r, name, fn, ctx);
	size_t skip;
	int rc;
	if (check_start(&r, (const unsigned char *)data, n, &skip) == 0) {
		feed_block(&r, data + skip, n - skip, 1);
		rc = finish(&r);
	} else {
		rc = -1;
	}
	reader_free(&r);
	return rc;
}

int csc_csv_read(const char *path, const char *name, csc_row_fn fn, void *ctx)
{
	if (!name)
		name = path;
	FILE *f = fopen(path, "rb");
	if (!f) {
		csc_error_at(name, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct reader r;
	reader_init(&r, name, fn, ctx);
	csc_progress prog;
	long long total = 0, done = 0;
	if (fseek(f, 0, SEEK_END) == 0) {
		total = ftell(f);
		rewind(f);
	}
	csc_progress_start(&prog, name, total);
	size_t cap = 1 << 16, have = 0;
	char *blk = csc_xmalloc(cap);
	int first = 1, rc = 0;
	for (;;) {
		if (have == cap) {
			/* a single physical line longer than the block: grow, bounded
			 * by the field limit plus slack for the rest of the row */
			if (cap > 4 * (size_t)CSC_CSV_MAX_FIELD) {
				fail(&r, r.line + 1, "line longer than 4 MiB");
				break;
			}
			cap *= 2;
			blk = csc_xrealloc(blk, cap);
		}
		size_t got = fread(blk + have, 1, cap - have, f);
		if (got == 0 && ferror(f)) {
			char msg[128];
			snprintf(msg, sizeof msg, "read error: %s", strerror(errno));
			fail(&r, r.line + 1, msg);
			break;
		}
		have += got;
		done += (long long)got;
		csc_progress_update(&prog, done);
		int last = got == 0;
		size_t skip = 0;
		if (first) {
			if (have < 3 && !last)
				continue;
			first = 0;
			if (check_start(&r, (unsigned char *)blk, have, &skip) != 0)
				break;
		}
		size_t used = skip + feed_block(&r, blk + skip, have - skip, last);
		if (r.failed || r.stop || last)
			break;
		memmove(blk, blk + used, have - used);
		have -= used;
	}
	csc_progress_end(&prog);
	fclose(f);
	free(blk);
	rc = r.failed ? -1 : r.stop ? r.stop : finish(&r);
	reader_free(&r);
	return rc;
}

void csc_csv_key(const char *in, char *out, size_t cap)
{
	size_t o = 0;
	for (; *in && o + 1 < cap; in++) {
		unsigned char c = (unsigned char)*in;
		if (c == ' ' || c == '_' || c == '-' || c == '\t')
			continue;
		out[o++] = (char)tolower(c);
	}
	out[o] = '\0';
}
