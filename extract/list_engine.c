/* list_engine.c - see list_engine.h. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csc_annexa_codes.h"
#include "csc_diag.h"
#include "list_dups.h"
#include "list_engine.h"

#define KEY_MAX 128

void list_reader_init(list_reader *r, const list_table *t, csc_stage *stage, csc_table *rec,
		      csc_csvw *w, const char *file)
{
	memset(r, 0, sizeof *r);
	r->t = t;
	r->stage = stage;
	r->rec = rec;
	r->w = w;
	r->file = file;
	r->file_len = strlen(file);
	if (w) /* staging rows are only ever written whole, by stage_row */
		csc_csvw_buffer_rows(w);
	for (int i = 0; i < LIST_MAX_COLS; i++) {
		r->map[i] = -1;
		r->v[i].iso_d = CSC_NODATE; /* iso is "": the text of no date */
	}
}

void list_stage_header(const list_table *t, const char **names)
{
	int k = 0;
	for (int i = 0; i < t->ncols; i++)
		names[k++] = t->cols[i].stage;
	if (t->src_file)
		names[k++] = "src_file";
	names[k++] = "src_line";
	names[k] = NULL;
}

/* ---- header ---- */

static int map_exact(list_reader *r, const csc_row *row)
{
	const list_table *t = r->t;
	int ok = row->n == t->ncols;
	for (int i = 0; ok && i < t->ncols; i++) {
		char *f = row->f[i];
		size_t n = row->len[i];
		while (n && (*f == ' ' || *f == '\t'))
			f++, n--;
		while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
			n--;
		ok = n == strlen(t->cols[i].name) && !memcmp(f, t->cols[i].name, n);
		r->map[i] = i;
	}
	if (!ok) {
		csc_error_at(r->file, row->line, "header is not the %s header", t->table);
		return -1;
	}
	return 0;
}

/* List the absent columns that are (required = 1) or are not required in
 * out as "A", "B"; returns how many. */
static int absent_columns(const list_table *t, const int *map, int required, char *out,
			  size_t cap)
{
	size_t o = 0;
	int k = 0;
	out[0] = '\0';
	for (int i = 0; i < t->ncols; i++)
		if (!t->cols[i].required == !required && map[i] < 0) {
			int w = snprintf(out + o, cap - o, "%s\"%s\"", o ? ", " : "", t->cols[i].name);
			if (w > 0 && (size_t)w < cap - o)
				o += (size_t)w;
			k++;
		}
	return k;
}

static int map_by_name(list_reader *r, const csc_row *row)
{
	const list_table *t = r->t;
	char key[KEY_MAX], want[KEY_MAX];
	for (int f = 0; f < row->n; f++) {
		csc_csv_key(row->f[f], key, sizeof key);
		for (int i = 0; i < t->ncols; i++) {
			csc_csv_key(t->cols[i].name, want, sizeof want);
			if (strcmp(key, want))
				continue;
			if (r->map[i] >= 0) {
				csc_error_at(r->file, row->line,
					     "column \"%s\" appears twice (fields %d and %d)",
					     t->cols[i].name, r->map[i] + 1, f + 1);
				return -1;
			}
			r->map[i] = f;
		}
	}
	char missing[1024], absent[1024];
	if (absent_columns(t, r->map, 1, missing, sizeof missing)) {
		csc_error_at(r->file, row->line,
			     "missing required columns: %s (names are matched ignoring case and spaces)",
			     missing);
		return -1;
	}
	/* said once per file, not per row: the staged column is then empty */
	if (absent_columns(t, r->map, 0, absent, sizeof absent))
		csc_info("%s: optional columns absent, read without them: %s", r->file, absent);
	return 0;
}

/* ---- values ---- */

static int shaped(const char *s, size_t n, const char *shape)
{
	if (n != strlen(shape))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (shape[i] == '9' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
			return 0;
	return 1;
}

static int check_date(const list_col *c, const char *s, size_t n, list_val *out, list_reject *rej)
{
	int any = c->type == LT_DATE_ANY;
	int rc = any ? csc_date_parse_any(s, n, &out->d) : csc_date_parse_dmy(s, n, &out->d);
	if (rc == 0) {
		/* a date parses only from exactly YYYY-MM-DD or DD/MM/YYYY with a
		 * real day, so its ISO text is those digits rearranged (what
		 * csc_date_iso would print, without the calendar arithmetic) */
		if (s[4] == '-') {
			memcpy(out->iso, s, 10);
		} else {
			memcpy(out->iso, s + 6, 4);
			out->iso[4] = '-';
			memcpy(out->iso + 5, s + 3, 2);
			out->iso[7] = '-';
			memcpy(out->iso + 8, s, 2);
		}
		out->iso[10] = '\0';
		out->iso_d = out->d;
		return 0;
	}
	if (shaped(s, n, "99/99/9999") || (any && shaped(s, n, "9999-99-99")))
		snprintf(rej->reason, sizeof rej->reason, "%s is not a real date (no such day)", c->name);
	else
		snprintf(rej->reason, sizeof rej->reason, "%s is not a date in %s form", c->name,
			 any ? "DD/MM/YYYY or YYYY-MM-DD" : "DD/MM/YYYY");
	return -1;
}

static int check_int(const list_col *c, char *s, size_t n, list_val *out, list_reject *rej)
{
	long v = 0;
	size_t i = 0;
	for (; i < n && i < 9 && isdigit((unsigned char)s[i]); i++)
		v = v * 10 + (s[i] - '0');
	if (c->type == LT_YEARS && i && i < n && s[i] == '.') {
		size_t k = i + 1;
		while (k < n && isdigit((unsigned char)s[k]))
			k++;
		if (k == n) {
			s[i] = '\0'; /* floored: the staged value is the whole years */
			n = out->n = i;
		}
	}
	if (i != n) {
		snprintf(rej->reason, sizeof rej->reason, "%s is not a whole number", c->name);
		return -1;
	}
	if (c->lo <= c->hi && (v < c->lo || v > c->hi)) {
		snprintf(rej->reason, sizeof rej->reason, "%s is outside the range %d to %d", c->name,
			 c->lo, c->hi);
		return -1;
	}
	return 0;
}

static void bad_code(const list_col *c, list_reject *rej)
{
	char codes[300], form[80];
	codes_describe(c->codes, codes, sizeof codes);
	if (c->codes->aa && c->codes->n &&
	    csc_aa_write(c->codes->aa, c->codes->code[0], form, sizeof form) == 0)
		snprintf(rej->reason, sizeof rej->reason,
			 "%s is not a valid code; expected one of: %s, or its Annex A form (\"%s\") "
			 "or label",
			 c->name, codes, form);
	else
		snprintf(rej->reason, sizeof rej->reason, "%s is not a valid code; expected one of: %s",
			 c->name, codes);
}

/* 1 = M, 2 = F as the DfE code lists have it; M, F, U as written from
 * 2024-25 on. */
static const char *sex(const list_col *c, const char *s, size_t n)
{
	static const char *const direct[] = {"M", "F", "U"};
	for (int i = 0; i < 3; i++)
		if (n == 1 && toupper((unsigned char)*s) == direct[i][0])
			return direct[i];
	const char *code = c->codes ? codes_find(c->codes, s, n) : NULL;
	if (code && !strcmp(code, "1"))
		return "M";
	if (code && !strcmp(code, "2"))
		return "F";
	return NULL;
}

/* What a code (LT_CODE) or sex (LT_SEX) value s of n bytes stands for, or
 * NULL. */
static const char *lookup(const list_col *c, const char *s, size_t n)
{
	return c->type == LT_SEX ? sex(c, s, n) : codes_find(c->codes, s, n);
}

/* lookup() through r's memo (list_engine.h) for column col; *rn the
 * result's length. The memo only remembers what lookup() gave, so a row
 * gets the same code whether or not the value was seen before. */
static const char *memo_lookup(list_reader *r, int col, const list_col *c, const char *s,
			       size_t n, size_t *rn)
{
	list_memo *m = NULL;
	if (n && n <= LIST_MEMO_VAL) {
		uint32_t h = 2166136261u ^ (uint32_t)col; /* FNV-1a */
		for (size_t i = 0; i < n; i++)
			h = (h ^ (unsigned char)s[i]) * 16777619u;
		m = &r->memo[(h ^ h >> 16) & (LIST_MEMO_SLOTS - 1)];
		size_t k = 0;
		if (m->n == n && m->col == col)
			while (k < n && m->v[k] == s[k]) /* a call to memcmp cost more */
				k++;
		if (k == n && m->n == n && m->col == col) {
			*rn = m->rn;
			return m->res;
		}
	}
	const char *res = lookup(c, s, n);
	*rn = res ? strlen(res) : 0;
	if (m && *rn <= 0xFFFF) {
		memcpy(m->v, s, n);
		m->n = (unsigned char)n;
		m->col = (unsigned char)col;
		m->rn = (unsigned short)*rn;
		m->res = res;
	}
	return res;
}

/* list_check_value, with code lookups through r's memo when r is given
 * (col: the column's index in r's table). */
static int check_value(list_reader *r, int col, const list_col *c, char *s, size_t n,
		       list_val *out, list_reject *rej)
{
	out->s = s;
	out->n = n;
	out->d = CSC_NODATE;
	switch (c->type) {
	case LT_ID:
	case LT_TEXT:
		return 0;
	case LT_DATE_DMY:
	case LT_DATE_ANY:
		return check_date(c, s, n, out, rej);
	case LT_INT:
	case LT_YEARS:
		return check_int(c, s, n, out, rej);
	case LT_CODE:
	case LT_SEX:
		if (r)
			out->s = memo_lookup(r, col, c, s, n, &out->n);
		else if ((out->s = lookup(c, s, n)) != NULL)
			out->n = strlen(out->s);
		if (out->s)
			return 0;
		if (c->type == LT_CODE) {
			bad_code(c, rej);
			return -1;
		}
		snprintf(rej->reason, sizeof rej->reason,
			 "%s is not a valid sex; expected M, F, U, 1 (male) or 2 (female)", c->name);
		return -1;
	}
	return -1;
}

int list_check_value(const list_col *c, char *s, size_t n, list_val *out, list_reject *rej)
{
	return check_value(NULL, 0, c, s, n, out, rej);
}

/* ---- rows ---- */

static int blank_row(const csc_row *row)
{
	for (int i = 0; i < row->n; i++)
		for (size_t k = 0; k < row->len[i]; k++)
			if (!isspace((unsigned char)row->f[i][k]))
				return 0;
	return 1;
}

static void reject(list_reader *r, long line, const list_reject *rej)
{
	csc_stage_reject(r->stage, r->rec, line, rej->field, rej->value ? rej->value : "",
			 rej->reason);
}

static int count_mismatch(list_reader *r, const csc_row *row, list_reject *rej)
{
	const list_table *t = r->t;
	if (row->n < r->nhdr) {
		rej->field = "-";
		for (int i = 0; i < t->ncols; i++)
			if (r->map[i] >= row->n) {
				rej->field = t->cols[i].name;
				break;
			}
		rej->value = "";
		snprintf(rej->reason, sizeof rej->reason,
			 "row has %d fields but the header has %d; fields are missing", row->n, r->nhdr);
	} else {
		snprintf(r->scratch, sizeof r->scratch, "field %d", r->nhdr + 1);
		rej->field = r->scratch;
		rej->value = row->f[r->nhdr];
		snprintf(rej->reason, sizeof rej->reason,
			 "row has %d fields but the header has %d; there are extra fields (an unquoted comma?)",
			 row->n, r->nhdr);
	}
	return -1;
}

static int check_row(list_reader *r, const csc_row *row, list_reject *rej)
{
	const list_table *t = r->t;
	if (row->n != r->nhdr)
		return count_mismatch(r, row, rej);
	for (int i = 0; i < t->ncols; i++) {
		const list_col *c = &t->cols[i];
		list_val *v = &r->v[i];
		v->s = "";
		v->n = 0;
		v->d = CSC_NODATE;
		if (r->map[i] < 0)
			continue;
		char *s = row->f[r->map[i]];
		size_t n = row->len[r->map[i]];
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		s[n] = '\0';
		rej->field = c->name;
		rej->value = s;
		if (!n) {
			if (c->blank_ok)
				continue;
			snprintf(rej->reason, sizeof rej->reason, "%s is blank; a value is required",
				 c->name);
			return -1;
		}
		if (check_value(r, i, c, s, n, v, rej) != 0)
			return -1;
	}
	if (t->check)
		return t->check(t->ctx, r, r->v, row->line, rej);
	return 0;
}

static void stage_row(list_reader *r, long line)
{
	const list_table *t = r->t;
	csc_csvw *w = r->w;
	csc_table_stage(r->rec);
	for (int i = 0; i < t->ncols; i++) {
		const list_val *v = &r->v[i];
		switch (t->cols[i].type) {
		case LT_DATE_DMY:
		case LT_DATE_ANY:
			/* the text csc_csvw_date would write, as parsed */
			if (v->d == v->iso_d)
				csc_csvw_plain(w, v->iso, v->d == CSC_NODATE ? 0 : 10);
			else
				csc_csvw_date(w, v->d);
			break;
		case LT_TEXT:
			csc_csvw_textn(w, v->s, v->n);
			break;
		default:
			csc_csvw_field(w, v->s, v->n);
		}
	}
	if (t->src_file)
		csc_csvw_field(w, r->file, r->file_len);
	/* by hand: fprintf per row was 5 % of the 903 extractor's time */
	char num[24], *p = num + sizeof num;
	unsigned long v = line > 0 ? (unsigned long)line : 0;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	csc_csvw_plain(w, p, (size_t)(num + sizeof num - p));
	csc_csvw_end(w);
}

/* A record the CSV reader could not read as a row (a stray quote): one
 * reject at its first line, naming the column whose quote broke it. */
static void reject_broken(list_reader *r, const csc_row *row)
{
	list_reject rej = {0};
	snprintf(r->scratch, sizeof r->scratch, "field %d", row->bad_field);
	rej.field = r->scratch;
	for (int i = 0; i < r->t->ncols; i++)
		if (r->map[i] == row->bad_field - 1)
			rej.field = r->t->cols[i].name;
	rej.value = row->f[0];
	snprintf(rej.reason, sizeof rej.reason, "%s; only this line is rejected, reading goes on at the next",
		 row->broken);
	reject(r, row->line, &rej);
}

int list_reader_row(void *ctx, const csc_row *row)
{
	list_reader *r = ctx;
	r->rows++;
	if (row->broken) {
		reject_broken(r, row);
		return 0;
	}
	if (row->index == 0) {
		r->nhdr = row->n;
		int rc = r->t->by_name ? map_by_name(r, row) : map_exact(r, row);
		if (rc) {
			r->fatal = 1;
			return 1;
		}
		return 0;
	}
	if (blank_row(row))
		return 0; /* an empty line of commas is not a record */
	/* not = {0}: clearing the 512-byte reason was a third of this
	 * function's time; every check that fails writes it */
	list_reject rej;
	rej.field = rej.value = NULL;
	rej.reason[0] = '\0';
	if (check_row(r, row, &rej) != 0 ||
	    (r->t->dups && list_dups_check(r->t->dups, r, row->line, &rej) != 0))
		reject(r, row->line, &rej);
	else
		stage_row(r, row->line);
	return 0;
}

static int read_end(list_reader *r, int rc)
{
	if (rc < 0 || r->fatal)
		return -1;
	if (r->rows == 0) {
		csc_error_at(r->file, 1, "empty file: expected a header row");
		return -1;
	}
	return 0;
}

int list_reader_file(list_reader *r, const char *path)
{
	csc_digest d;
	int rc = read_end(r, csc_csv_readf_digest(path, r->file, CSC_CSV_RECOVER, list_reader_row,
						  r, &d));
	if (rc == 0)
		csc_stage_source(r->stage, r->file, &d);
	return rc;
}

int list_reader_mem(list_reader *r, const char *data, size_t n)
{
	/* a copy the reader may change, so that rows are handed out as
	 * list_reader_file has them (in place; csc_csv_readf_buf) */
	char *copy = csc_xmalloc(n ? n : 1);
	memcpy(copy, data, n);
	int rc = read_end(r, csc_csv_readf_buf(copy, n, r->file, CSC_CSV_RECOVER, list_reader_row, r));
	free(copy);
	return rc;
}
