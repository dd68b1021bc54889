/* csc_csvr.c - see csc_csvr.h. */
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_csvr.h"
#include "csc_diag.h"
#include "csc_input.h"
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
	/* Line numbers without feeding libcsv line by line: the parser is given
	 * whole blocks (CSV_REPALL_NL reports every line end outside a record
	 * as an empty record), `lf` counts the line feeds of finished records
	 * and blank lines, so a record starts on line lf + 1; `row_lf` counts
	 * the line feeds inside the current record's quoted fields. `raw_lf`
	 * counts every line feed of the blocks fed so far, for errors that
	 * stop the parser part-way through a block. */
	long lf, row_lf, raw_lf, index;
	size_t row_bytes;
	int stop;     /* callback's return value */
	int failed;   /* structural error already reported */
};

/* Windows-1252 0x80-0x9F to Unicode; 0 marks the five undefined bytes. */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

#define ROW_MAX (4 * (size_t)CSC_CSV_MAX_FIELD)

static long count_lf(const void *s, size_t n)
{
	long k = 0;
	const char *p = s, *e = p + n;
	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* fast path: eight ASCII bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
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
		fail(r, r->lf + 1, msg);
		return;
	}
	if (n > CSC_CSV_MAX_FIELD) { /* libcsv's buffer grows in blocks: exact here */
		char msg[64];
		snprintf(msg, sizeof msg, "field longer than %u bytes", CSC_CSV_MAX_FIELD);
		fail(r, r->lf + 1, msg);
		return;
	}
	const unsigned char *u = s ? s : (const unsigned char *)"";
	r->row_bytes += n;
	if (r->row_bytes > ROW_MAX) {
		fail(r, r->lf + 1, "row longer than 4 MiB");
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
					fail(r, r->lf + 1 + r->row_lf + count_lf(u, i), msg);
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
	if (memchr(u, '\n', n))
		r->row_lf += count_lf(u, n);
}

static void on_row(int c, void *data)
{
	struct reader *r = data;
	if (r->failed || r->stop)
		return;
	if (r->n == 0) {
		/* a line end outside a record: a blank line, or the LF of a CRLF */
		r->lf += c == '\n';
		return;
	}
	for (int i = 0; i < r->n; i++)
		r->ptr[i] = r->buf + r->off[i];
	csc_row row = {r->n, r->ptr, r->len, r->lf + 1, r->index++};
	r->stop = r->fn(r->ctx, &row);
	r->lf += r->row_lf + (c == '\n');
	r->row_lf = 0;
	r->row_bytes = 0;
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
	if (csv_init(&r->p, CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
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

/* Feed a block to the parser. A NUL byte stops the read at its line
 * before the parser sees it (libcsv would take it as data). */
static void feed_block(struct reader *r, const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	size_t take = nul ? (size_t)(nul - s) : n;
	size_t got = csv_parse(&r->p, s, take, on_field, on_row, r);
	if (got != take && !r->failed) {
		long line = r->raw_lf + 1 + count_lf(s, got);
		if (csv_error(&r->p) == CSV_ENOMEM) {
			char msg[64];
			snprintf(msg, sizeof msg, "field longer than %u bytes", CSC_CSV_MAX_FIELD);
			fail(r, line, msg);
		} else {
			fail(r, line, csv_strerror(csv_error(&r->p)));
		}
	}
	if (nul && !r->failed && !r->stop)
		fail(r, r->raw_lf + 1 + count_lf(s, take), "NUL byte in field: not a text CSV file");
	r->raw_lf += count_lf(s, n);
}

static int finish(struct reader *r)
{
	/* libcsv only refuses an open quote at the end under CSV_STRICT, which
	 * would also refuse the stray quotes Excel users type; check the state
	 * (2 = FIELD_BEGUN in libcsv) directly instead. */
	if (!r->failed && !r->stop && r->p.pstate == 2 && r->p.quoted)
		fail(r, r->lf + 1, "unterminated quoted field in the row starting here");
	if (!r->failed && !r->stop && csv_fini(&r->p, on_field, on_row, r) != 0)
		fail(r, r->lf + 1, "unterminated quoted field in the row starting here");
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
		feed_block(&r, data + skip, n - skip);
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
	csc_input in;
	if (csc_input_open(&in, path, name) < 0)
		return -1;
	struct reader r;
	reader_init(&r, name, fn, ctx);
	csc_progress prog;
	csc_progress_start(&prog, name, in.total);
	size_t cap = 1 << 18, have = 0;
	char *blk = csc_xmalloc(cap);
	int first = 1;
	for (;;) {
		long got = csc_input_read(&in, blk + have, cap - have);
		if (got < 0) {
			r.failed = 1; /* csc_input_read said why */
			break;
		}
		have += (size_t)got;
		csc_progress_update(&prog, in.done);
		int last = got == 0;
		size_t skip = 0;
		if (first) {
			if (have < 3 && !last)
				continue;
			first = 0;
			if (check_start(&r, (unsigned char *)blk, have, &skip) != 0)
				break;
		}
		feed_block(&r, blk + skip, have - skip);
		if (r.failed || r.stop || last)
			break;
		have = 0;
	}
	csc_progress_end(&prog);
	csc_input_close(&in);
	free(blk);
	int rc = r.failed ? -1 : r.stop ? r.stop : finish(&r);
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
