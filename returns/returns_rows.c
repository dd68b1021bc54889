/* returns_rows.c - see returns_rows.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_diag.h"
#include "returns_rows.h"

int ret_rows_open(ret_rows_reader *r, const char *path, const char *const *cols)
{
	memset(r, 0, sizeof *r);
	r->path = csc_xstrdup(path);
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return 1;
	while (cols[r->ncols])
		r->ncols++;
	r->cr = csc_cols_open(path, NULL, "header", cols, r->ncols);
	return r->cr ? 0 : -1;
}

int ret_rows_next(ret_rows_reader *r)
{
	r->have = 0;
	if (!r->cr)
		return 0;
	int k = csc_cols_next(r->cr, &r->v, &r->row_line);
	r->have = k == 1;
	return k;
}

const char *ret_rows_get(const ret_rows_reader *r, int i)
{
	return r->have && i >= 0 && i < r->ncols ? r->v[i] : "";
}

void ret_rows_close(ret_rows_reader *r)
{
	csc_cols_close(r->cr);
	free(r->path);
	memset(r, 0, sizeof *r);
}
