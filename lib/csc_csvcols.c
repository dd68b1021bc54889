/* csc_csvcols.c - see csc_csvcols.h. */
#include <stdlib.h>
#include <string.h>

#include "csc_csvcols.h"
#include "csc_csvr.h"
#include "csc_diag.h"

struct cols {
	const char *name, *what;
	const char *const *cols;
	int ncols;
	int idx[CSC_COLS_MAX];
	csc_cols_fn fn;
	void *ctx;
};

/* The header row: the index of each wanted column. 0 or CSC_COLS_BAD (said). */
static int map_header(struct cols *r, const csc_row *row)
{
	for (int c = 0; c < r->ncols; c++) {
		r->idx[c] = -1;
		for (int i = 0; i < row->n; i++)
			if (!strcmp(row->f[i], r->cols[c]))
				r->idx[c] = i;
		if (r->idx[c] < 0) {
			csc_error_at(r->name, row->line, "%s has no column '%s'", r->what, r->cols[c]);
			return CSC_COLS_BAD;
		}
	}
	return 0;
}

/* A data row's wanted values into v. 0 or CSC_COLS_BAD (said). */
static int map_row(const struct cols *r, const csc_row *row, char **v)
{
	for (int c = 0; c < r->ncols; c++) {
		if (r->idx[c] >= row->n) {
			csc_error_at(r->name, row->line, "row has %d fields, no column '%s'", row->n,
				     r->cols[c]);
			return CSC_COLS_BAD;
		}
		v[c] = row->f[r->idx[c]];
	}
	return 0;
}

static int on_row(void *vctx, const csc_row *row)
{
	struct cols *r = vctx;
	if (row->index == 0)
		return map_header(r, row);
	char *v[CSC_COLS_MAX];
	int rc = map_row(r, row, v);
	return rc ? rc : r->fn(r->ctx, v, row->line);
}

static int setup(struct cols *r, const char *name, const char *what, const char *const *cols,
		 int ncols, csc_cols_fn fn, void *ctx)
{
	*r = (struct cols){name, what ? what : "header", cols, ncols, {0}, fn, ctx};
	if (ncols < 0 || ncols > CSC_COLS_MAX) {
		csc_error("%s: %d columns wanted, at most %d can be", name, ncols, CSC_COLS_MAX);
		return CSC_COLS_BAD;
	}
	return 0;
}

int csc_csv_read_cols(const char *path, const char *name, const char *what,
		      const char *const *cols, int ncols, csc_cols_fn fn, void *ctx)
{
	struct cols r;
	int rc = setup(&r, name ? name : path, what, cols, ncols, fn, ctx);
	return rc ? rc : csc_csv_read(path, r.name, on_row, &r);
}

int csc_csv_read_cols_mem(const char *data, size_t n, const char *name, const char *what,
			  const char *const *cols, int ncols, csc_cols_fn fn, void *ctx)
{
	struct cols r;
	int rc = setup(&r, name ? name : "(memory)", what, cols, ncols, fn, ctx);
	return rc ? rc : csc_csv_read_mem(data, n, r.name, on_row, &r);
}

struct csc_cols_reader {
	struct cols c;
	char *name;
	csc_csv_reader *csv;
	char *v[CSC_COLS_MAX];
};

csc_cols_reader *csc_cols_open(const char *path, const char *name, const char *what,
			       const char *const *cols, int ncols)
{
	csc_cols_reader *p = csc_xcalloc(1, sizeof *p);
	p->name = csc_xstrdup(name ? name : path);
	if (setup(&p->c, p->name, what, cols, ncols, NULL, NULL) != 0 ||
	    !(p->csv = csc_csv_open(path, p->name, 0))) {
		csc_cols_close(p);
		return NULL;
	}
	csc_row row;
	int k = csc_csv_next(p->csv, &row);
	if (k == 0)
		csc_error_at(p->name, 1, "no header row");
	if (k != 1 || map_header(&p->c, &row) != 0) {
		csc_cols_close(p);
		return NULL;
	}
	return p;
}

int csc_cols_next(csc_cols_reader *p, char ***v, long *line)
{
	csc_row row;
	int k = csc_csv_next(p->csv, &row);
	if (k != 1)
		return k;
	if (map_row(&p->c, &row, p->v) != 0)
		return -1;
	*v = p->v;
	*line = row.line;
	return 1;
}

void csc_cols_close(csc_cols_reader *p)
{
	if (!p)
		return;
	csc_csv_close(p->csv);
	free(p->name);
	free(p);
}
