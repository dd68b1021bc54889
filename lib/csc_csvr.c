/* csc_csvr.c - see csc_csvr.h.
 *
 * Its own tokenizer rather than libcsv's push parser: recovering from a
 * stray quote needs the record's raw bytes to go back to its second line,
 * the position of every line end (CR-only ones included), and to tell a
 * closing quote from a quote followed by text; a parser that only reports
 * finished fields gives none of these. The input is read into a window that
 * keeps the record being parsed (offsets below are from its start, rs), so
 * going back never reads the file twice. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_csvr.h"
#include "csc_diag.h"
#include "csc_input.h"
#include "csc_progress.h"

#define ROW_MAX (4 * (size_t)CSC_CSV_MAX_FIELD)
#define BLOCK ((size_t)1 << 18)
/* the longest record the window can hold: past the row limit by a field,
 * so the row and field limits are met first and report themselves */
#define WIN_MAX (ROW_MAX + 2 * (size_t)CSC_CSV_MAX_FIELD)

/* at() past the bytes read: end of input, window full, read error */
enum { END = -1, FULL = -2, ERR = -3 };

enum rec { R_ROW, R_BLANK, R_EOF, R_BROKEN, R_FATAL };

struct tok {
	size_t off, n;  /* raw bytes, as offsets from the record start */
	long line;      /* line the field starts on */
	int esc;        /* quoted and holding "" */
};

struct reader {
	const char *name;
	unsigned flags;
	csc_row_fn fn;
	void *ctx;
	/* the window: win[rs, len) is unread, rs the start of the record */
	csc_input *in;  /* NULL when reading memory */
	csc_progress *prog;
	char *own;
	char *mut;      /* win when its bytes may be changed (own, or the
			   caller's buffer of csc_csv_readf_buf), else NULL */
	const char *win;
	size_t len, cap, rs;
	int eof;
	long line;      /* physical line of win[rs] */
	long index;
	int width;      /* fields of the header row, -1 before it */
	/* the record being parsed */
	struct tok *tok;
	int ntok;
	size_t l1_end, l2; /* once a quoted field crossed a line end: the end of
			      the record's first line and the start of its second */
	int qfield;     /* the quoted field being read (1-based), 0 none */
	long qline;     /* the line its quote opened on */
	/* the row handed out: UTF-8 fields packed NUL-terminated in buf */
	char *buf, *tmp;
	size_t used, bcap, tcap;
	size_t *off, *flen;
	char **ptr;
	csc_row row;    /* the row handed out last */
	int started;    /* the byte-order mark has been looked at */
	int stop;       /* callback's return value */
	int failed;     /* structural error already reported */
	char why[256];  /* a broken record's reason */
	int why_field;
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

/* Line ends in s: LF, CRLF and a lone CR count one each. */
static long count_lines(const char *s, size_t n)
{
	long k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
			k++;
	return k;
}

/* ---- the window ---- */

/* Make win[rs + need] readable: 0, or END, FULL (the record fills the
 * largest window), ERR (read error, printed). */
static int more(struct reader *r, size_t need)
{
	while (r->rs + need >= r->len) {
		if (r->eof)
			return END;
		if (r->len == r->cap && r->rs) {
			memmove(r->own, r->own + r->rs, r->len - r->rs);
			r->len -= r->rs;
			r->rs = 0;
			continue;
		}
		if (r->len == r->cap) {
			if (r->cap >= WIN_MAX)
				return FULL;
			r->cap = r->cap * 2 > WIN_MAX ? WIN_MAX : r->cap * 2;
			r->own = csc_xrealloc(r->own, r->cap);
			r->win = r->mut = r->own;
		}
		long got = csc_input_read(r->in, r->own + r->len, r->cap - r->len);
		if (got < 0) {
			r->failed = 1; /* csc_input_read said why */
			return ERR;
		}
		if (got == 0)
			r->eof = 1;
		r->len += (size_t)got;
		if (r->prog)
			csc_progress_update(r->prog, r->in->done);
	}
	return 0;
}

/* The byte at offset i of the record, or END, FULL, ERR. */
static inline int at(struct reader *r, size_t i)
{
	if (r->rs + i < r->len)
		return (unsigned char)r->win[r->rs + i];
	int rc = more(r, i);
	return rc ? rc : (unsigned char)r->win[r->rs + i];
}

/* Bytes that end a run: in an unquoted field, in a quoted one, in a line. */
enum { S_PLAIN = 1, S_QUOTED = 2, S_LINE = 4 };
/* constant, so readers in several threads (csc-transform) share it */
static const unsigned char stops[256] = {
	[','] = S_PLAIN,
	['"'] = S_QUOTED,
	['\n'] = S_PLAIN | S_QUOTED | S_LINE,
	['\r'] = S_PLAIN | S_QUOTED | S_LINE,
	[0] = S_PLAIN | S_QUOTED | S_LINE,
};

/* The offset of the first byte at or after i that is in `set`, or of the
 * end of what can be read (where at() gives END, FULL or ERR). */
static size_t scan(struct reader *r, size_t i, unsigned set)
{
	for (;;) {
		const unsigned char *s = (const unsigned char *)r->win + r->rs;
		size_t n = r->len - r->rs;
		while (i < n && !(stops[s[i]] & set))
			i++;
		if (i < n || at(r, i) < 0)
			return i;
	}
}

static int is_sp(int c)
{
	return c == ' ' || c == '\t';
}

static int is_eol(int c)
{
	return c == '\n' || c == '\r';
}

/* Skip spaces and tabs from *i; the byte there (or END, FULL, ERR). */
static int skip_sp(struct reader *r, size_t *i)
{
	int c;
	while (is_sp(c = at(r, *i)))
		(*i)++;
	return c;
}

/* Length of the line end at i (CR, LF or CRLF). */
static size_t eol_len(struct reader *r, size_t i)
{
	return at(r, i) == '\r' && at(r, i + 1) == '\n' ? 2 : 1;
}

/* ---- records ---- */

static enum rec nul(struct reader *r, long line)
{
	fail(r, line, "NUL byte in field: not a text CSV file");
	return R_FATAL;
}

/* A record broken by the quote of field r->qfield. Under CSC_CSV_RECOVER
 * (not for the header) *next goes to the record's second line, or past its
 * only line when the quote did not cross a line end. */
static enum rec broken(struct reader *r, size_t i, size_t *next, long *next_line)
{
	r->why_field = r->qfield;
	if (!(r->flags & CSC_CSV_RECOVER) || r->width < 0) {
		fail(r, r->line, r->why);
		return R_FATAL;
	}
	if (r->l2) {
		*next = r->l2;
	} else {
		i = scan(r, i, S_LINE);
		int c = at(r, i);
		if (c == 0)
			return nul(r, r->line);
		if (c == ERR)
			return R_FATAL;
		r->l1_end = i;
		*next = is_eol(c) ? i + eol_len(r, i) : i;
	}
	*next_line = r->line + 1;
	return R_BROKEN;
}

/* A field or row over a limit: fatal on one line, a broken record when a
 * quoted field ran over a line end (its quote is then the likely cause). */
static enum rec limit(struct reader *r, size_t i, const char *what, size_t *next, long *next_line,
		      long line)
{
	if (!r->l2) {
		fail(r, line, what);
		return R_FATAL;
	}
	snprintf(r->why, sizeof r->why,
		 "the quote opening field %d on line %ld runs over line ends into a record over "
		 "a limit (%s); a stray quote?",
		 r->qfield, r->qline, what);
	return broken(r, i, next, next_line);
}

/* Read the quoted field starting at *i (its opening quote) into t. */
static enum rec quoted(struct reader *r, struct tok *t, size_t *i, long *line, size_t *next,
		       long *next_line)
{
	size_t k = *i + 1;
	t->off = k;
	r->qfield = r->ntok + 1;
	r->qline = *line;
	for (;;) {
		k = scan(r, k, S_QUOTED);
		int c = at(r, k);
		if (c == '"') {
			if (at(r, k + 1) == '"') {
				t->esc = 1;
				k += 2;
				continue;
			}
			break;
		}
		if (is_eol(c)) {
			size_t e = k;
			k += eol_len(r, k);
			++*line;
			if (!r->l2) {
				r->l1_end = e;
				r->l2 = k;
			}
		} else if (c == 0) {
			return nul(r, *line);
		} else if (c == ERR) {
			return R_FATAL;
		} else if (c == END) {
			snprintf(r->why, sizeof r->why,
				 "unterminated quoted field: the quote opening field %d on line %ld is "
				 "never closed (a stray quote?)",
				 r->qfield, r->qline);
			return broken(r, k, next, next_line);
		}
		if (c == FULL || k - t->off > CSC_CSV_MAX_FIELD) {
			char what[64];
			snprintf(what, sizeof what, "field longer than %u bytes", CSC_CSV_MAX_FIELD);
			return limit(r, k, what, next, next_line, *line);
		}
	}
	t->n = k - t->off;
	*i = k + 1;
	return R_ROW;
}

/* Parse the record at rs into r->tok; *next and *next_line: where the next
 * one starts. */
static enum rec tokenize(struct reader *r, size_t *next, long *next_line)
{
	size_t i = 0, row_bytes = 0;
	long line = r->line;
	r->ntok = 0;
	r->l1_end = r->l2 = 0;
	r->qfield = 0;
	int c = skip_sp(r, &i);
	if (c == END && i == 0)
		return R_EOF;
	if (c == ERR)
		return R_FATAL;
	if (c == END || is_eol(c)) {
		*next = c == END ? i : i + eol_len(r, i);
		*next_line = line + (c != END);
		return R_BLANK;
	}
	for (;;) {
		if (r->ntok == CSC_CSV_MAX_FIELDS) {
			char what[64];
			snprintf(what, sizeof what, "row has more than %d fields", CSC_CSV_MAX_FIELDS);
			return limit(r, i, what, next, next_line, line);
		}
		struct tok *t = &r->tok[r->ntok];
		t->line = line;
		t->esc = 0;
		if (c == '"') {
			enum rec k = quoted(r, t, &i, &line, next, next_line);
			if (k != R_ROW)
				return k;
			c = skip_sp(r, &i);
			if (c == ERR)
				return R_FATAL;
			if (c == 0)
				return nul(r, line);
			if (c != ',' && c != END && c != FULL && !is_eol(c)) {
				snprintf(r->why, sizeof r->why,
					 "the quote opening field %d on line %ld is closed on line %ld by a "
					 "quote followed by text, not by a comma or the line end (a stray "
					 "quote?)",
					 r->qfield, r->qline, line);
				return broken(r, i, next, next_line);
			}
		} else {
			t->off = i;
			i = scan(r, i, S_PLAIN);
			c = at(r, i);
			size_t e = i;
			while (e > t->off && is_sp((unsigned char)r->win[r->rs + e - 1]))
				e--;
			t->n = e - t->off;
			if (c == ERR)
				return R_FATAL;
			if (c == 0)
				return nul(r, line);
		}
		if (t->n > CSC_CSV_MAX_FIELD || c == FULL) {
			char what[64];
			snprintf(what, sizeof what, "field longer than %u bytes", CSC_CSV_MAX_FIELD);
			return limit(r, i, t->n > CSC_CSV_MAX_FIELD ? what : "row longer than 4 MiB", next,
				     next_line, line);
		}
		row_bytes += t->n;
		r->ntok++;
		if (row_bytes > ROW_MAX)
			return limit(r, i, "row longer than 4 MiB", next, next_line, line);
		if (c != ',')
			break;
		i++;
		c = skip_sp(r, &i);
		if (c == ERR)
			return R_FATAL;
	}
	if (r->l2 && r->width >= 0 && r->ntok != r->width) {
		snprintf(r->why, sizeof r->why,
			 "the quote opening field %d on line %ld runs over %ld line ends to line %ld "
			 "and makes a record of %d fields, not the header's %d (a stray quote?)",
			 r->qfield, r->qline, line - r->line, line, r->ntok, r->width);
		return broken(r, i, next, next_line);
	}
	*next = is_eol(c) ? i + eol_len(r, i) : i;
	*next_line = line + is_eol(c);
	return R_ROW;
}

/* ---- rows ---- */

/* Append field k (n bytes at s, starting on line) to the row as UTF-8. */
static int put_field(struct reader *r, int k, const char *s, size_t n, long line)
{
	/* Windows-1252 needs at most 3 bytes of UTF-8 per input byte */
	size_t need = r->used + n * 3 + 1;
	if (need > r->bcap) {
		while (r->bcap < need)
			r->bcap = r->bcap ? r->bcap * 2 : 4096;
		r->buf = csc_xrealloc(r->buf, r->bcap);
	}
	const unsigned char *u = (const unsigned char *)s;
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
					fail(r, line + count_lines(s, i), msg);
					return -1;
				}
			}
			put_utf8(r, c);
		}
	}
	r->buf[r->used++] = '\0';
	r->off[k] = start;
	r->flen[k] = r->used - start - 1;
	return 0;
}

/* A quoted field's bytes with "" made ", in r->tmp. */
static const char *unescape(struct reader *r, const char *s, size_t *n)
{
	if (*n > r->tcap) {
		r->tcap = *n;
		r->tmp = csc_xrealloc(r->tmp, r->tcap);
	}
	size_t o = 0;
	for (size_t i = 0; i < *n; i++) {
		r->tmp[o++] = s[i];
		if (s[i] == '"')
			i++;
	}
	*n = o;
	return r->tmp;
}

/* Hold the row of n fields at r->ptr, r->flen as r->row. */
static void set_row(struct reader *r, int n, const char *broken)
{
	r->row = (csc_row){n, r->ptr, r->flen, r->line, r->index++, broken,
			   broken ? r->why_field : 0};
	if (r->row.index == 0)
		r->width = n;
}

/* Hold the row parsed into r->buf as r->row. */
static void hand_out(struct reader *r, int n, const char *broken)
{
	for (int k = 0; k < n; k++)
		r->ptr[k] = r->buf + r->off[k];
	set_row(r, n, broken);
}

/* The row's fields where they lie in a writable window: each is valid
 * UTF-8 as read (no Windows-1252 to convert), "" made " within its own
 * bytes and a NUL put on the byte after it (a comma, a closing quote, a
 * space or a line end of this record, which has been parsed and is not
 * read again). 1 with the row in r->row; 0, having changed nothing, when a
 * field is not valid UTF-8 or the last one ends at the end of the window
 * (no byte for its NUL): the row is then copied by emit_row. */
static int emit_in_place(struct reader *r)
{
	if (!r->ntok)
		return 0;
	char *rec = r->mut + r->rs;
	/* Fields follow each other with at least a comma between, so only the
	 * last can lack a byte after it; and they are split at ASCII bytes,
	 * which no multi-byte character holds, so the bytes from the first
	 * to the end of the last are valid UTF-8 only if every field is. */
	const struct tok *first = &r->tok[0], *last = &r->tok[r->ntok - 1];
	size_t end = last->off + last->n;
	if (end >= r->cap - r->rs ||
	    !valid_utf8((const unsigned char *)rec + first->off, end - first->off))
		return 0;
	for (int k = 0; k < r->ntok; k++) {
		const struct tok *t = &r->tok[k];
		char *f = rec + t->off;
		size_t n = t->n;
		if (t->esc) {
			size_t o = 0;
			for (size_t i = 0; i < n; i++) {
				f[o++] = f[i];
				if (f[i] == '"')
					i++;
			}
			n = o;
		}
		f[n] = '\0';
		r->ptr[k] = f;
		r->flen[k] = n;
	}
	set_row(r, r->ntok, NULL);
	return 1;
}

/* 1 with the row in r->row, 0 when a field could not be converted (said). */
static int emit_row(struct reader *r)
{
	if (r->mut && emit_in_place(r))
		return 1;
	r->used = 0;
	for (int k = 0; k < r->ntok; k++) {
		const struct tok *t = &r->tok[k];
		const char *s = r->win + r->rs + t->off;
		size_t n = t->n;
		if (t->esc)
			s = unescape(r, s, &n);
		if (put_field(r, k, s, n, t->line) != 0)
			return 0;
	}
	hand_out(r, r->ntok, NULL);
	return 1;
}

/* A broken record: its first physical line as one field. */
static int emit_broken(struct reader *r)
{
	r->used = 0;
	if (put_field(r, 0, r->win + r->rs, r->l1_end, r->line) != 0)
		return 0;
	hand_out(r, 1, r->why);
	return 1;
}

/* Parse on to the next row (or, under CSC_CSV_RECOVER, broken record) and
 * hold it in r->row: 1; 0 at the end of the input; -1 after printing a
 * structural error (and on every call after it). */
static int step(struct reader *r)
{
	if (r->failed)
		return -1;
	if (!r->started) {
		r->started = 1;
		int c0 = at(r, 0), c1 = at(r, 1), c2 = at(r, 2);
		if (c0 == ERR || c1 == ERR || c2 == ERR)
			return -1;
		if ((c0 == 0xFF && c1 == 0xFE) || (c0 == 0xFE && c1 == 0xFF)) {
			fail(r, 1, "file is UTF-16; save it as UTF-8 or Windows-1252 CSV");
			return -1;
		}
		if (c0 == 0xEF && c1 == 0xBB && c2 == 0xBF)
			r->rs = 3;
	}
	while (!r->failed) {
		size_t next = 0;
		long next_line = r->line;
		enum rec k = tokenize(r, &next, &next_line);
		if (k == R_EOF || k == R_FATAL)
			break;
		int got = k == R_ROW ? emit_row(r) : k == R_BROKEN ? emit_broken(r) : 0;
		r->rs += next;
		r->line = next_line;
		if (got)
			return 1;
	}
	return r->failed ? -1 : 0;
}

/* The push reader: every row to r->fn until it stops the read. */
static int run(struct reader *r)
{
	int k;
	while ((k = step(r)) == 1)
		if ((r->stop = r->fn(r->ctx, &r->row)) != 0)
			return r->stop;
	return k;
}

static void reader_init(struct reader *r, const char *name, unsigned flags, csc_row_fn fn,
			void *ctx)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->flags = flags;
	r->fn = fn;
	r->ctx = ctx;
	r->line = 1;
	r->width = -1;
	r->tok = csc_xmalloc(CSC_CSV_MAX_FIELDS * sizeof *r->tok);
	r->off = csc_xmalloc(CSC_CSV_MAX_FIELDS * sizeof *r->off);
	r->flen = csc_xmalloc(CSC_CSV_MAX_FIELDS * sizeof *r->flen);
	r->ptr = csc_xmalloc(CSC_CSV_MAX_FIELDS * sizeof *r->ptr);
}

static void reader_free(struct reader *r)
{
	free(r->own);
	free(r->buf);
	free(r->tmp);
	free(r->tok);
	free(r->off);
	free(r->flen);
	free(r->ptr);
}

int csc_csv_readf_mem(const char *data, size_t n, const char *name, unsigned flags,
		      csc_row_fn fn, void *ctx)
{
	struct reader r;
	reader_init(&r, name, flags, fn, ctx);
	r.win = data;
	r.len = r.cap = n;
	r.eof = 1;
	int rc = run(&r);
	reader_free(&r);
	return rc;
}

int csc_csv_readf_buf(char *data, size_t n, const char *name, unsigned flags, csc_row_fn fn,
		      void *ctx)
{
	struct reader r;
	reader_init(&r, name, flags, fn, ctx);
	r.win = r.mut = data;
	r.len = r.cap = n;
	r.eof = 1;
	int rc = run(&r);
	reader_free(&r);
	return rc;
}

int csc_csv_readf(const char *path, const char *name, unsigned flags, csc_row_fn fn, void *ctx)
{
	return csc_csv_readf_digest(path, name, flags, fn, ctx, NULL);
}

int csc_csv_readf_digest(const char *path, const char *name, unsigned flags, csc_row_fn fn,
			 void *ctx, csc_digest *d)
{
	if (!name)
		name = path;
	csc_input in;
	if (csc_input_open(&in, path, name) < 0)
		return -1;
	if (d)
		csc_input_hash(&in);
	struct reader r;
	reader_init(&r, name, flags, fn, ctx);
	csc_progress prog;
	csc_progress_start(&prog, name, in.total);
	r.in = &in;
	r.prog = &prog;
	r.cap = BLOCK;
	r.own = csc_xmalloc(r.cap);
	r.win = r.mut = r.own;
	int rc = run(&r);
	csc_progress_end(&prog);
	if (rc == 0 && d && csc_input_digest(&in, d) != 0)
		rc = -1;
	csc_input_close(&in);
	reader_free(&r);
	return rc;
}

int csc_csv_read(const char *path, const char *name, csc_row_fn fn, void *ctx)
{
	return csc_csv_readf(path, name, 0, fn, ctx);
}

int csc_csv_read_mem(const char *data, size_t n, const char *name, csc_row_fn fn, void *ctx)
{
	return csc_csv_readf_mem(data, n, name, 0, fn, ctx);
}

struct csc_csv_reader {
	struct reader r;
	csc_input in;
	char *name;
};

csc_csv_reader *csc_csv_open(const char *path, const char *name, unsigned flags)
{
	csc_csv_reader *p = csc_xcalloc(1, sizeof *p);
	p->name = csc_xstrdup(name ? name : path);
	if (csc_input_open(&p->in, path, p->name) < 0) {
		free(p->name);
		free(p);
		return NULL;
	}
	reader_init(&p->r, p->name, flags, NULL, NULL);
	p->r.in = &p->in;
	p->r.cap = BLOCK;
	p->r.own = csc_xmalloc(p->r.cap);
	p->r.win = p->r.mut = p->r.own;
	return p;
}

int csc_csv_next(csc_csv_reader *p, csc_row *row)
{
	int k = step(&p->r);
	if (k == 1)
		*row = p->r.row;
	return k;
}

void csc_csv_close(csc_csv_reader *p)
{
	if (!p)
		return;
	csc_input_close(&p->in);
	reader_free(&p->r);
	free(p->name);
	free(p);
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
