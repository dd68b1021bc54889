/* returns_rows.c - see returns_rows.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "returns_rows.h"

/* Append byte c to field i of the row, growing it up to RR_MAX_FIELD. */
static int put(ret_rows_reader *r, int i, size_t *len, int c)
{
	if (*len + 1 >= RR_MAX_FIELD) {
		csc_error_at(r->path, r->row_line, "field %d longer than %u bytes", i + 1, RR_MAX_FIELD);
		return -1;
	}
	if (*len + 1 >= r->cap[i]) {
		size_t n = r->cap[i] ? r->cap[i] * 2 : 64;
		r->f[i] = csc_xrealloc(r->f[i], n);
		r->cap[i] = n;
	}
	r->f[i][(*len)++] = (char)c;
	r->f[i][*len] = '\0';
	return 0;
}

/* Start field i empty. */
static int start_field(ret_rows_reader *r, int i)
{
	if (i >= RR_MAX_FIELDS) {
		csc_error_at(r->path, r->row_line, "more than %d fields in a row", RR_MAX_FIELDS);
		return -1;
	}
	if (!r->f[i]) {
		r->cap[i] = 64;
		r->f[i] = csc_xmalloc(r->cap[i]);
	}
	r->f[i][0] = '\0';
	r->nf = i + 1;
	return 0;
}

/* Read one physical record (raw fields, no mapping). */
static int read_record(ret_rows_reader *r)
{
	int c = getc(r->fp);
	if (c == EOF) {
		r->eof = 1;
		return 0;
	}
	r->row_line = r->line;
	int i = 0;
	size_t len = 0;
	int quoted = 0, after_quote = 0;
	if (start_field(r, 0) < 0)
		return -1;
	for (;; c = getc(r->fp)) {
		if (c == EOF) {
			if (quoted) {
				csc_error_at(r->path, r->row_line, "unterminated quoted field");
				return -1;
			}
			return 1;
		}
		if (c == '\0') {
			csc_error_at(r->path, r->line, "NUL byte in staging file");
			return -1;
		}
		if (c == '\n')
			r->line++;
		if (quoted) {
			if (c == '"') {
				int d = getc(r->fp);
				if (d == '"') {
					if (put(r, i, &len, '"') < 0)
						return -1;
					continue;
				}
				if (d != EOF)
					ungetc(d, r->fp);
				quoted = 0;
				after_quote = 1;
				continue;
			}
			if (put(r, i, &len, c) < 0)
				return -1;
			continue;
		}
		if (c == ',') {
			if (start_field(r, ++i) < 0)
				return -1;
			len = 0;
			after_quote = 0;
			continue;
		}
		if (c == '\n')
			return 1;
		if (c == '\r') {
			int d = getc(r->fp);
			if (d == '\n') {
				r->line++;
				return 1;
			}
			if (d != EOF)
				ungetc(d, r->fp);
		}
		if (c == '"' && len == 0 && !after_quote) {
			quoted = 1;
			continue;
		}
		if (after_quote) {
			csc_error_at(r->path, r->row_line, "text after a closing quote in field %d", i + 1);
			return -1;
		}
		if (put(r, i, &len, c) < 0)
			return -1;
	}
}

int ret_rows_open(ret_rows_reader *r, const char *path, const char *const *cols)
{
	memset(r, 0, sizeof *r);
	r->path = csc_xstrdup(path);
	r->line = 1;
	r->fp = fopen(path, "rb");
	if (!r->fp) {
		int e = errno;
		if (e == ENOENT)
			return 1;
		csc_error_at(path, 0, "cannot open: %s", strerror(e));
		return -1;
	}
	if (read_record(r) != 1) {
		csc_error_at(path, 1, "no header row");
		return -1;
	}
	for (r->ncols = 0; cols[r->ncols]; r->ncols++) {
		int k;
		if (r->ncols >= RR_MAX_FIELDS)
			return -1;
		for (k = 0; k < r->nf; k++)
			if (!strcmp(r->f[k], cols[r->ncols]))
				break;
		if (k == r->nf) {
			csc_error_at(path, 1, "header has no column '%s'", cols[r->ncols]);
			return -1;
		}
		r->map[r->ncols] = k;
	}
	return 0;
}

int ret_rows_next(ret_rows_reader *r)
{
	r->have = 0;
	if (r->eof || !r->fp)
		return 0;
	int rc = read_record(r);
	/* A blank last line (or stray blank line) is not a row. */
	while (rc == 1 && r->nf == 1 && r->f[0][0] == '\0')
		rc = read_record(r);
	if (rc == 1)
		r->have = 1;
	return rc;
}

const char *ret_rows_get(const ret_rows_reader *r, int i)
{
	if (!r->have || i < 0 || i >= r->ncols || r->map[i] >= r->nf)
		return "";
	return r->f[r->map[i]];
}

void ret_rows_close(ret_rows_reader *r)
{
	if (r->fp)
		fclose(r->fp);
	for (int i = 0; i < RR_MAX_FIELDS; i++)
		free(r->f[i]);
	free(r->path);
	memset(r, 0, sizeof *r);
}
