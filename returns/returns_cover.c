/* returns_cover.c - see returns_cover.h. */
#include <stdlib.h>
#include <string.h>

#include "csc_cin_stage.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "returns_cover.h"
#include "returns_rows.h"
#include "returns_scope.h"

static const char *const ep903_cols[] = {"DECOM", "DEC", NULL};

static void widen(ret_cover *c, csc_date d)
{
	if (d == CSC_NODATE)
		return;
	if (c->first == CSC_NODATE || d < c->first)
		c->first = d;
	if (c->last == CSC_NODATE || d > c->last)
		c->last = d;
}

int ret_cover_scan(const char *staging_dir, ret_cover *c)
{
	c->first = c->last = CSC_NODATE;
	c->cin = c->ssda903 = 0;
	/* The event dates that define what a dump covers, per episode table:
	 * the CIN ones by their names in csc_cin_stage.h. */
	const csc_cin_stagedef *ep = &csc_cin_stage[CSC_CIN_EPISODES];
	const char *const cin_cols[] = {ep->cols[CSC_EP_REFERRAL_DATE], ep->cols[CSC_EP_CLOSURE_DATE],
					NULL};
	const struct {
		const char *file;
		const char *const *cols;
		int is_cin;
	} sources[] = {{ep->file, cin_cols, 1}, {"ssda903_episodes.csv", ep903_cols, 0}};
	for (size_t s = 0; s < sizeof sources / sizeof sources[0]; s++) {
		char *p = csc_path_join(staging_dir, sources[s].file);
		ret_rows_reader r;
		int rc = ret_rows_open(&r, p, sources[s].cols);
		free(p);
		if (rc == 1) {
			ret_rows_close(&r);
			continue;
		}
		if (rc < 0) {
			ret_rows_close(&r);
			return CSC_EXIT_INPUT;
		}
		*(sources[s].is_cin ? &c->cin : &c->ssda903) = 1;
		while ((rc = ret_rows_next(&r)) == 1)
			for (int i = 0; i < 2; i++)
				widen(c, ret_date(ret_rows_get(&r, i), NULL));
		ret_rows_close(&r);
		if (rc < 0)
			return CSC_EXIT_INPUT;
	}
	return 0;
}
