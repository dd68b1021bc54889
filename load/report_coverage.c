/* report_coverage.c - coverage.csv (transform, docs/FORMATS.md): the date
 * the data runs to and the input that limits it, so the cover and every
 * strand sheet can say "data to" a partial period. Without the file
 * (outputs made by hand, or an older transform) nothing is known and the
 * report says nothing about it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "report_data.h"

struct covctx {
	report_data *d;
	const char *path;
};

static int on_cov(void *vctx, char **f, long line)
{
	struct covctx *c = vctx;
	csc_date d;
	if (strcmp(f[1], "yes"))
		return 0;
	if (csc_date_parse_iso(f[2], strlen(f[2]), &d) != 0) {
		csc_error_at(c->path, line, "data_to '%.20s' is not a date YYYY-MM-DD", f[2]);
		return -1;
	}
	for (int i = 0; i < CSC_NINPUTS; i++)
		if (!strcmp(f[0], csc_inputs[i].name)) {
			c->d->data_to = d;
			/* one date for every input: the conf key, not an input, sets it */
			c->d->data_by = !strcmp(f[3], "data_extracted") ? "data_extracted in pipeline.conf"
								       : csc_inputs[i].title;
			return 0;
		}
	csc_error_at(c->path, line, "unknown input '%.30s'", f[0]);
	return -1;
}

int report_data_load_coverage(report_data *d)
{
	static const char *const cols[] = {"input", "limits", "data_to", "found_in"};
	d->data_to = CSC_NODATE;
	d->data_by = NULL;
	char *p = csc_path_join(d->dir, "coverage.csv");
	struct covctx c = {d, p};
	int rc = report_data_read_csv(p, NULL, cols, 4, 1, on_cov, &c);
	free(p);
	return rc < 0 ? -1 : 0;
}

int report_data_partial(const report_data *d, csc_date end)
{
	return d->data_to != CSC_NODATE && end > d->data_to;
}
