/* csc_csvcols.c - see csc_csvcols.h. */
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

static int on_row(void *vctx, const csc_row *row)
{
	struct cols *r = vctx;
	if (row->index == 0) {
		for (int c = 0; c < r->ncols; c++) {
			r->idx[c] = -1;
			for (int i = 0; i < row->n; i++)
				if (!strcmp(row->f[i], r->cols[c]))
					r->idx[c] = i;
			if (r->idx[c] < 0) {
				csc_error_at(r->name, row->line, "%s has no column '%s'", r->what,
					     r->cols[c]);
				return CSC_COLS_BAD;
			}
		}
		return 0;
	}
	char *v[CSC_COLS_MAX];
	for (int c = 0; c < r->ncols; c++) {
		if (r->idx[c] >= row->n) {
			csc_error_at(r->name, row->line, "row has %d fields, no column '%s'", row->n,
				     r->cols[c]);
			return CSC_COLS_BAD;
		}
		v[c] = row->f[r->idx[c]];
	}
	return r->fn(r->ctx, v, row->line);
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
