/* CSV reading (encodings, line numbers, limits) and writing (quoting,
 * formula guard, number formatting). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "capture.h"
#include "csc_csvr.h"
#include "csc_csvw.h"
#include "csc_diag.h"

struct seen {
	int rows, broken;
	long lines[16];
	char cell[16][4][64];
	int nf[16];
	char why[16][256];  /* "" for a row, the reason for a broken record */
	int bad_field[16];
};

static int collect(void *ctx, const csc_row *row)
{
	struct seen *s = ctx;
	if (s->rows < 16) {
		s->lines[s->rows] = row->line;
		s->nf[s->rows] = row->n;
		for (int i = 0; i < row->n && i < 4; i++)
			snprintf(s->cell[s->rows][i], 64, "%s", row->f[i]);
		snprintf(s->why[s->rows], 256, "%s", row->broken ? row->broken : "");
		s->bad_field[s->rows] = row->bad_field;
	}
	s->broken += row->broken != NULL;
	s->rows++;
	return 0;
}

/* Read under CSC_CSV_RECOVER. */
static int read_rec(const char *text, struct seen *s)
{
	memset(s, 0, sizeof *s);
	return csc_csv_readf_mem(text, strlen(text), "t.csv", CSC_CSV_RECOVER, collect, s);
}

static int read_str(const char *text, size_t n, struct seen *s)
{
	memset(s, 0, sizeof *s);
	return csc_csv_read_mem(text, n, "t.csv", collect, s);
}

static void test_plain_and_line_numbers(void **state)
{
	(void)state;
	struct seen s;
	const char t[] = "a,b\n1,2\n\n3,\"x\ny\"\n4,5\n";
	assert_int_equal(read_str(t, sizeof t - 1, &s), 0);
	assert_int_equal(s.rows, 4);
	assert_int_equal(s.lines[0], 1);
	assert_int_equal(s.lines[1], 2);
	assert_int_equal(s.lines[2], 4); /* blank line 3 skipped */
	assert_string_equal(s.cell[2][1], "x\ny");
	assert_int_equal(s.lines[3], 6); /* after a two-line row */
}

static void test_bom_crlf(void **state)
{
	(void)state;
	struct seen s;
	const char t[] = "\xEF\xBB\xBF" "CHILD,DOB\r\n1,01/02/2020\r\n";
	assert_int_equal(read_str(t, sizeof t - 1, &s), 0);
	assert_int_equal(s.rows, 2);
	assert_string_equal(s.cell[0][0], "CHILD");
	assert_string_equal(s.cell[1][1], "01/02/2020");
	assert_int_equal(s.lines[1], 2);
}

static void test_windows_1252_to_utf8(void **state)
{
	(void)state;
	struct seen s;
	/* "Zoë" and a curly apostrophe and a euro sign in Windows-1252 */
	const char t[] = "name\nZo\xEB O\x92Neil \x80\n";
	assert_int_equal(read_str(t, sizeof t - 1, &s), 0);
	assert_string_equal(s.cell[1][0], "Zo\xC3\xAB O\xE2\x80\x99Neil \xE2\x82\xAC");
	/* valid UTF-8 is left alone */
	const char u[] = "name\nZo\xC3\xAB\n";
	assert_int_equal(read_str(u, sizeof u - 1, &s), 0);
	assert_string_equal(s.cell[1][0], "Zo\xC3\xAB");
}

static void test_structural_errors(void **state)
{
	(void)state;
	struct seen s;
	capture_start();
	int rc = read_str("a,b\n1,\"open\n2,3\n", 16, &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: unterminated quoted field"));

	capture_start();
	rc = read_str("\xFF\xFE" "a\0b\0", 6, &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "UTF-16"));

	capture_start();
	rc = read_str("a,b\n1,x\0y\n", 10, &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: NUL byte"));

	capture_start();
	rc = read_str("a\n\x81\n", 4, &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: byte 0x81"));
}

/* A stray opening quote in the first, a middle and the last field, never
 * closed: the record is rejected at its line, and every later line is read
 * again as a row. */
static void test_stray_quote_unterminated(void **state)
{
	(void)state;
	static const char *const text[] = {
		"a,b,c\n\"x,1,2\n3,4,5\n6,7,8\n",
		"a,b,c\n1,\"x,2\n3,4,5\n6,7,8\n",
		"a,b,c\n1,2,\"x\n3,4,5\n6,7,8\n",
	};
	static const char *const first[] = {"\"x,1,2", "1,\"x,2", "1,2,\"x"};
	for (int k = 0; k < 3; k++) {
		struct seen s;
		assert_int_equal(read_rec(text[k], &s), 0);
		assert_int_equal(s.rows, 4);
		assert_int_equal(s.broken, 1);
		assert_int_equal(s.lines[1], 2);
		assert_int_equal(s.nf[1], 1);
		assert_string_equal(s.cell[1][0], first[k]);
		assert_int_equal(s.bad_field[1], k + 1);
		char want[200];
		snprintf(want, sizeof want,
			 "unterminated quoted field: the quote opening field %d on line 2 is never "
			 "closed (a stray quote?)", k + 1);
		assert_string_equal(s.why[1], want);
		assert_int_equal(s.lines[2], 3);
		assert_string_equal(s.why[2], "");
		assert_string_equal(s.cell[2][0], "3");
		assert_int_equal(s.nf[2], 3);
		assert_int_equal(s.lines[3], 4);
		assert_string_equal(s.cell[3][2], "8");
	}
}

/* The case of issue 16: a stray quote on line 2 and a properly quoted field
 * on line 5. libcsv ran the field on to line 5 ("x,2\n...\n6,\"y"), one
 * record for four lines. Now line 2 alone is rejected and lines 3-6 are
 * rows, line 5's quoted field read as it should be. */
static void test_stray_quote_before_quoted_field(void **state)
{
	(void)state;
	struct seen s;
	assert_int_equal(read_rec("a,b,c\n1,\"x,2\n3,4,5\n6,7,8\n9,\"y, z\",10\n11,12,13\n", &s), 0);
	assert_int_equal(s.rows, 6);
	assert_int_equal(s.broken, 1);
	assert_int_equal(s.lines[1], 2);
	assert_string_equal(s.why[1], "the quote opening field 2 on line 2 is closed on line 5 by a quote "
				      "followed by text, not by a comma or the line end (a stray quote?)");
	for (int k = 2; k < 6; k++) {
		assert_int_equal(s.lines[k], k + 1);
		assert_int_equal(s.nf[k], 3);
	}
	assert_string_equal(s.cell[4][1], "y, z");
	assert_string_equal(s.cell[5][0], "11");
}

/* A stray quote closed by another one further down: the quoted run makes a
 * record that is not the header's width, so it is broken too. */
static void test_stray_quote_wrong_width(void **state)
{
	(void)state;
	struct seen s;
	assert_int_equal(read_rec("a,b,c\n1,\"x,2\n3,4,5\n6,7\",8,9\n10,11,12\n", &s), 0);
	assert_int_equal(s.rows, 5);
	assert_int_equal(s.broken, 1);
	assert_string_equal(s.why[1], "the quote opening field 2 on line 2 runs over 2 line ends to line "
				      "4 and makes a record of 4 fields, not the header's 3 (a stray "
				      "quote?)");
	assert_int_equal(s.lines[2], 3);
	assert_int_equal(s.nf[2], 3);
	/* line 4 read again on its own: 7" is a plain field with a quote in it */
	assert_int_equal(s.lines[3], 4);
	assert_int_equal(s.nf[3], 4);
	assert_string_equal(s.cell[3][1], "7\"");
	assert_int_equal(s.lines[4], 5);
}

/* A closing quote followed by text on one line: that line alone. */
static void test_quote_followed_by_text(void **state)
{
	(void)state;
	struct seen s;
	assert_int_equal(read_rec("a,b\n\"ab\"c,1\n2,3\n", &s), 0);
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.broken, 1);
	assert_int_equal(s.lines[1], 2);
	assert_string_equal(s.cell[1][0], "\"ab\"c,1");
	assert_int_equal(s.lines[2], 3);
	assert_string_equal(s.cell[2][1], "3");
	/* spaces after the closing quote are not text */
	assert_int_equal(read_rec("a,b\n\"ab\"  ,1\n", &s), 0);
	assert_int_equal(s.broken, 0);
	assert_string_equal(s.cell[1][0], "ab");
}

/* Quoted fields that legitimately hold line ends (LF, CRLF, CR), commas
 * and doubled quotes, in a row of the header's width: read whole. */
static void test_quoted_multiline_is_kept(void **state)
{
	(void)state;
	struct seen s;
	assert_int_equal(read_rec("id,note,n\r\n1,\"first\r\nsecond, \"\"quoted\"\"\rthird\nend\",2\r\n3,x,4\r\n",
				  &s), 0);
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.broken, 0);
	assert_string_equal(s.cell[1][1], "first\r\nsecond, \"quoted\"\rthird\nend");
	assert_int_equal(s.lines[1], 2);
	assert_int_equal(s.lines[2], 6); /* CRLF, CR and LF inside: three line ends */
	/* quotes inside an unquoted field are characters */
	assert_int_equal(read_rec("h,w\nSmith \"Jr\",5'10\"\n", &s), 0);
	assert_int_equal(s.broken, 0);
	assert_string_equal(s.cell[1][0], "Smith \"Jr\"");
	assert_string_equal(s.cell[1][1], "5'10\"");
}

/* The same file with LF, CRLF and CR-only line ends, and mixed: the same
 * rows on the same lines, blank lines counted; errors name the right line. */
static void test_line_ends(void **state)
{
	(void)state;
	static const char *const eol[] = {"\n", "\r\n", "\r"};
	for (int k = 0; k < 3; k++) {
		char t[256];
		const char *e = eol[k];
		snprintf(t, sizeof t, "a,b%s1,2%s%s3,\"x%sy\"%s4,5%s", e, e, e, e, e, e);
		struct seen s;
		assert_int_equal(read_rec(t, &s), 0);
		assert_int_equal(s.rows, 4);
		assert_int_equal(s.lines[0], 1);
		assert_int_equal(s.lines[1], 2);
		assert_int_equal(s.lines[2], 4);
		assert_int_equal(s.lines[3], 6);
		assert_int_equal(s.nf[3], 2);
		/* a structural error on line 5 says line 5 */
		snprintf(t, sizeof t, "a%s1%s2%s3%s\x81%s", e, e, e, e, e);
		capture_start();
		int rc = read_rec(t, &s);
		const char *err = capture_end();
		assert_int_equal(rc, -1);
		assert_non_null(strstr(err, "t.csv:5: byte 0x81"));
		/* and a stray quote on line 3 is rejected on line 3 */
		snprintf(t, sizeof t, "a,b%s1,2%s\"3,4%s5,6%s", e, e, e, e);
		assert_int_equal(read_rec(t, &s), 0);
		assert_int_equal(s.rows, 4);
		assert_int_equal(s.lines[2], 3);
		assert_int_equal(s.broken, 1);
		assert_int_equal(s.lines[3], 4);
	}
	/* mixed, and a byte inside a multi-line field after a CR-only end */
	struct seen s;
	const char m[] = "a,b\r\n1,2\r3,4\n5,\"x\r\x81\"\n";
	capture_start();
	int rc = read_rec(m, &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:5: byte 0x81"));
}

/* Without CSC_CSV_RECOVER a broken record stops the read at its line; a
 * broken header stops it even with the flag. */
static void test_broken_strict_and_header(void **state)
{
	(void)state;
	struct seen s;
	capture_start();
	int rc = read_str("a,b\n1,2\n\"ab\"c,3\n", 16, &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:3: the quote opening field 1 on line 3 is closed on line 3"));
	assert_int_equal(s.rows, 2);
	capture_start();
	rc = read_rec("\"a,b\n1,2\n", &s);
	err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:1: unterminated quoted field"));
	assert_int_equal(s.rows, 0);
}

/* A runaway quote with no closing quote anywhere in more than 1 MiB: the
 * window stops at the field limit, the line is rejected, and all of the
 * 100,000 rows after it are read. */
static void test_runaway_quote_is_bounded(void **state)
{
	(void)state;
	size_t rows = 100000, cap = 32 + rows * 16;
	char *t = malloc(cap);
	size_t o = (size_t)snprintf(t, cap, "a,b\n1,\"x\n");
	for (size_t i = 0; i < rows; i++)
		o += (size_t)snprintf(t + o, cap - o, "%zu,yyyyyyyy\n", i);
	struct seen s;
	memset(&s, 0, sizeof s);
	assert_int_equal(csc_csv_readf_mem(t, o, "t.csv", CSC_CSV_RECOVER, collect, &s), 0);
	assert_int_equal(s.rows, 2 + (int)rows);
	assert_int_equal(s.broken, 1);
	assert_int_equal(s.lines[1], 2);
	assert_non_null(strstr(s.why[1], "the quote opening field 2 on line 2 runs over line ends into a "
					 "record over a limit (field longer than 1048576 bytes)"));
	assert_int_equal(s.lines[2], 3);
	free(t);
}

/* Rows, lines and fields as one text, to compare two reads. */
struct digest {
	char *s;
	size_t n, cap;
};

static int digest_row(void *ctx, const csc_row *row)
{
	struct digest *d = ctx;
	char head[96];
	int w = snprintf(head, sizeof head, "%ld:%d:%s:", row->line, row->n, row->broken ? "B" : "");
	size_t need = d->n + (size_t)w + 2;
	for (int i = 0; i < row->n; i++)
		need += row->len[i] + 1;
	if (need > d->cap) {
		d->cap = need * 2;
		d->s = realloc(d->s, d->cap);
	}
	memcpy(d->s + d->n, head, (size_t)w);
	d->n += (size_t)w;
	for (int i = 0; i < row->n; i++) {
		memcpy(d->s + d->n, row->f[i], row->len[i]);
		d->n += row->len[i];
		d->s[d->n++] = '|';
	}
	d->s[d->n++] = '\n';
	return 0;
}

/* From a file the window is refilled and moved; going back over a block
 * boundary, and a CRLF split between two blocks, must read as from memory. */
static void test_file_window_matches_memory(void **state)
{
	(void)state;
	size_t cap = 4u << 20, o = 0;
	char *t = malloc(cap);
	o += (size_t)snprintf(t + o, cap - o, "id,note,n\r\n");
	for (int i = 0; i < 60000; i++) {
		if (i % 5000 == 17)
			o += (size_t)snprintf(t + o, cap - o, "%d,\"stray,%d\r\n", i, i);
		else if (i % 700 == 3)
			o += (size_t)snprintf(t + o, cap - o, "%d,\"two\r\nlines\",%d\r\n", i, i);
		else
			o += (size_t)snprintf(t + o, cap - o, "%d,plain text,%d\r\n", i, i);
	}
	char path[] = "/tmp/csc-test-csv.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, t, o), (ssize_t)o);
	close(fd);
	struct digest a = {0}, b = {0};
	assert_int_equal(csc_csv_readf_mem(t, o, "t.csv", CSC_CSV_RECOVER, digest_row, &a), 0);
	assert_int_equal(csc_csv_readf(path, "t.csv", CSC_CSV_RECOVER, digest_row, &b), 0);
	unlink(path);
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.s, b.s, a.n);
	/* 12 stray quotes, each its own broken record; the last row's line
	 * counts the two-line records */
	size_t nb = 0;
	for (size_t i = 0; i + 3 < a.n; i++)
		nb += a.s[i] == ':' && a.s[i + 1] == 'B' && a.s[i + 2] == ':';
	assert_int_equal(nb, 12);
	assert_non_null(strstr(a.s, "\n60087:3::59999|plain text|59999|\n"));
	free(a.s);
	free(b.s);
	free(t);
}

/* csc_csv_readf_buf: rows as csc_csv_readf_mem gives them, from the
 * caller's buffer where a row can be handed out in place (every field
 * valid UTF-8 with a byte after it), copied where not: the Windows-1252
 * row (converted), the broken record and the last row, whose last field
 * ends at the end of the buffer. */
struct placed {
	struct seen s;
	const char *lo, *hi; /* the buffer */
	int in_buf[16];      /* row i's fields lie in it */
};

static int collect_placed(void *ctx, const csc_row *row)
{
	struct placed *p = ctx;
	if (p->s.rows < 16)
		p->in_buf[p->s.rows] = row->f[0] >= p->lo && row->f[0] < p->hi;
	for (int i = 0; i < row->n; i++)
		assert_int_equal(strlen(row->f[i]), row->len[i]);
	return collect(&p->s, row);
}

static void test_read_in_place(void **state)
{
	(void)state;
	static const char text[] = "\xEF\xBB\xBF" "a,b,c\r\n"
				   " x , \"say \"\"hi\"\"\" ,\"two\nlines\"\r"
				   "caf\xC3\xA9,\"\",\"\"\"\"\n"
				   "caf\xE9,2,3\n"
				   "\"open,4,5\n"
				   "last,\"r\",q";
	char buf[sizeof text];
	memcpy(buf, text, sizeof text);
	struct placed p = {.lo = buf, .hi = buf + sizeof text - 1};
	assert_int_equal(csc_csv_readf_buf(buf, sizeof text - 1, "t.csv", CSC_CSV_RECOVER,
					   collect_placed, &p), 0);
	assert_int_equal(p.s.rows, 6);
	static const char *const want[6][3] = {
		{"a", "b", "c"},
		{"x", "say \"hi\"", "two\nlines"},
		{"caf\xC3\xA9", "", "\""},
		{"caf\xC3\xA9", "2", "3"},
		{"\"open,4,5", "", ""},
		{"last", "r", "q"},
	};
	static const long lines[6] = {1, 2, 4, 5, 6, 7};
	static const int in_buf[6] = {1, 1, 1, 0, 0, 0};
	for (int r = 0; r < 6; r++) {
		assert_int_equal(p.s.lines[r], lines[r]);
		assert_int_equal(p.in_buf[r], in_buf[r]);
		assert_int_equal(p.s.nf[r], r == 4 ? 1 : 3);
		for (int i = 0; i < p.s.nf[r]; i++)
			assert_string_equal(p.s.cell[r][i], want[r][i]);
	}
	assert_int_equal(p.s.broken, 1);
	/* the same rows as from memory left alone */
	struct seen m;
	assert_int_equal(read_rec(text, &m), 0);
	assert_int_equal(m.rows, p.s.rows);
	assert_memory_equal(m.cell, p.s.cell, sizeof m.cell);
	assert_memory_equal(m.lines, p.s.lines, sizeof m.lines);
	assert_memory_equal(m.why, p.s.why, sizeof m.why);
}

static void test_field_limit(void **state)
{
	(void)state;
	size_t big = CSC_CSV_MAX_FIELD + 10;
	char *t = malloc(big + 8);
	memcpy(t, "a\n", 2);
	memset(t + 2, 'x', big);
	t[2 + big] = '\n';
	struct seen s;
	capture_start();
	int rc = read_str(t, big + 3, &s);
	const char *err = capture_end();
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "t.csv:2: field longer than"));
	/* a 1 MB (10^6 byte) field is within the limit and read whole */
	memset(t + 2, 'y', 1000000);
	t[2 + 1000000] = '\n';
	assert_int_equal(read_str(t, 1000003, &s), 0);
	assert_int_equal(s.rows, 2);
	free(t);
}

static void test_key_normalisation(void **state)
{
	(void)state;
	char k[64];
	csc_csv_key(" Date of Contact ", k, sizeof k);
	assert_string_equal(k, "dateofcontact");
	csc_csv_key("Child_Unique-ID", k, sizeof k);
	assert_string_equal(k, "childuniqueid");
}

/* A writer into memory (mem_open), and what it wrote (mem_text: the
 * caller frees it). */
typedef struct mem_writer {
	char *buf;
	size_t n;
	FILE *f;
	csc_csvw w;
} mem_writer;

static csc_csvw *mem_open(mem_writer *m)
{
	m->buf = NULL;
	m->n = 0;
	m->f = open_memstream(&m->buf, &m->n);
	assert_non_null(m->f);
	csc_csvw_init(&m->w, m->f);
	return &m->w;
}

static char *mem_text(mem_writer *m)
{
	fclose(m->f);
	return m->buf;
}

static void test_writer(void **state)
{
	(void)state;
	mem_writer m;
	csc_csvw *w = mem_open(&m);
	csc_csvw_str(w, "plain");
	csc_csvw_str(w, "a,b");
	csc_csvw_str(w, "say \"hi\"");
	csc_csvw_text(w, "=HYPERLINK(\"x\")");
	csc_csvw_text(w, "-5");
	csc_csvw_text(w, "-");
	csc_csvw_str(w, NULL);
	csc_csvw_end(w);
	csc_csvw_double(w, 22.8);
	csc_csvw_double(w, 100.0 / 3.0);
	csc_csvw_date(w, csc_date_make(2024, 2, 29));
	csc_csvw_long(w, -12);
	csc_csvw_end(w);
	char *buf = mem_text(&m);
	assert_string_equal(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",'-5,-,\n"
				 "22.8,33.333333333333336,2024-02-29,-12\n");
	free(buf);
}

/* csc_csvw_buffer_rows: the same bytes as test_writer; nothing reaches
 * the FILE before the row ends, all of it after; a field longer than the
 * row buffer (3000 bytes, quoted) and one that fills it exactly go through
 * whole, in order. */
static void test_writer_buffered(void **state)
{
	(void)state;
	mem_writer m;
	csc_csvw *w = mem_open(&m);
	csc_csvw_buffer_rows(w);
	csc_csvw_str(w, "plain");
	csc_csvw_str(w, "a,b");
	csc_csvw_str(w, "say \"hi\"");
	csc_csvw_text(w, "=HYPERLINK(\"x\")");
	fflush(m.f);
	assert_int_equal(m.n, 0);
	csc_csvw_text(w, "-5");
	csc_csvw_text(w, "-");
	csc_csvw_str(w, NULL);
	csc_csvw_end(w);
	fflush(m.f);
	assert_int_equal(m.n, strlen("plain,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",'-5,-,\n"));
	csc_csvw_double(w, 22.8);
	csc_csvw_double(w, 100.0 / 3.0);
	csc_csvw_date(w, csc_date_make(2024, 2, 29));
	csc_csvw_long(w, -12);
	csc_csvw_end(w);
	static char big[3001], fill[2048];
	memset(big, 'x', 3000);
	big[1500] = ','; /* quoted: 3002 bytes written */
	memset(fill, 'y', sizeof fill - 1);
	csc_csvw_field(w, "k", 1);
	csc_csvw_field(w, big, 3000);
	csc_csvw_field(w, fill, sizeof fill - 1); /* with its comma: 2048 */
	csc_csvw_end(w);
	csc_csvw_field(w, fill, sizeof fill - 1); /* the row buffer exactly */
	csc_csvw_end(w);
	char *buf = mem_text(&m);
	const char *head = "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",'-5,-,\n"
			   "22.8,33.333333333333336,2024-02-29,-12\n";
	size_t h = strlen(head);
	assert_int_equal(m.n, h + 2 + 3002 + 1 + 2047 + 1 + 2047 + 1);
	assert_memory_equal(buf, head, h);
	const char *p = buf + h;
	assert_memory_equal(p, "k,\"", 3);
	for (int i = 0; i < 3000; i++)
		assert_int_equal(p[3 + i], i == 1500 ? ',' : 'x');
	p += 3 + 3000;
	assert_memory_equal(p, "\",", 2);
	for (int i = 0; i < 2047; i++)
		assert_int_equal(p[2 + i], 'y');
	p += 2 + 2047;
	assert_int_equal(*p++, '\n');
	for (int i = 0; i < 2047; i++)
		assert_int_equal(p[i], 'y');
	assert_int_equal(p[2047], '\n');
	free(buf);
}

/* Every branch of the C-string fast path: plain, empty, quoting characters
 * (comma, quote, LF, CR) anywhere, formula characters first in text fields
 * only, a lone + or - left alone, @ and tab guarded even alone. */
static void test_writer_strings(void **state)
{
	(void)state;
	mem_writer m;
	csc_csvw *w = mem_open(&m);
	csc_csvw_str(w, "");
	csc_csvw_str(w, "=1+2");      /* str: never guarded */
	csc_csvw_str(w, "end,");
	csc_csvw_str(w, "a\nb");
	csc_csvw_str(w, "a\rb");
	csc_csvw_text(w, "");
	csc_csvw_text(w, "+");
	csc_csvw_text(w, "+44 20");
	csc_csvw_text(w, "@");
	csc_csvw_text(w, "\tx");
	csc_csvw_text(w, "a=b");     /* not first: plain */
	csc_csvw_text(w, "-1,2");    /* guard and quotes */
	csc_csvw_end(w);
	char *buf = mem_text(&m);
	assert_string_equal(buf, ",=1+2,\"end,\",\"a\nb\",\"a\rb\",,+,'+44 20,'@,'\tx,a=b,\"'-1,2\"\n");
	free(buf);
}

/* csc_csvw_textn writes exactly n bytes (the rest of the buffer is not
 * part of the field) with the guard and quoting of csc_csvw_text; an empty
 * date is an empty field. */
static void test_writer_textn(void **state)
{
	(void)state;
	mem_writer m;
	csc_csvw *w = mem_open(&m);
	csc_csvw_textn(w, "-1,2XYZ", 4); /* guard and quotes, the tail left out */
	csc_csvw_textn(w, "+44", 1);     /* a lone + */
	csc_csvw_textn(w, "=x", 0);      /* nothing */
	csc_csvw_textn(w, "@abc", 1);    /* @ guarded even alone */
	csc_csvw_textn(w, "ab\"cd", 3);  /* the quote doubled */
	csc_csvw_date(w, CSC_NODATE);
	csc_csvw_date(w, csc_date_make(1999, 12, 31));
	csc_csvw_plain(w, "12XYZ", 2);   /* as it is, the tail left out */
	csc_csvw_plain(w, "", 0);
	csc_csvw_end(w);
	char *buf = mem_text(&m);
	assert_string_equal(buf, "\"'-1,2\",+,,'@,\"ab\"\"\",,1999-12-31,12,\n");
	free(buf);
}

int main(void)
{
	csc_diag_init("test");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_line_numbers),
		cmocka_unit_test(test_writer_textn),
		cmocka_unit_test(test_bom_crlf),
		cmocka_unit_test(test_windows_1252_to_utf8),
		cmocka_unit_test(test_structural_errors),
		cmocka_unit_test(test_field_limit),
		cmocka_unit_test(test_stray_quote_unterminated),
		cmocka_unit_test(test_stray_quote_before_quoted_field),
		cmocka_unit_test(test_stray_quote_wrong_width),
		cmocka_unit_test(test_quote_followed_by_text),
		cmocka_unit_test(test_quoted_multiline_is_kept),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_broken_strict_and_header),
		cmocka_unit_test(test_runaway_quote_is_bounded),
		cmocka_unit_test(test_file_window_matches_memory),
		cmocka_unit_test(test_read_in_place),
		cmocka_unit_test(test_key_normalisation),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_writer_buffered),
		cmocka_unit_test(test_writer_strings),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
