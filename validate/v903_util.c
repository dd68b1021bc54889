/* v903_util.c - v903_run and the helpers every 903 rule uses. */
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "v903_checks.h"
#include "v903_ctx.h"

const v903_data *v903_cur(v_ctx *ctx)
{
	return v_data(ctx);
}

const v903_data *v903_prev(v_ctx *ctx)
{
	return v_previous(ctx);
}

void v903_ck_not_run(v_ctx *ctx, const v_rule *rule)
{
	v_not_run(ctx, rule->code, rule->arg);
}

int v903_run(v_ctx *ctx, const char *dir, const char *prev_dir)
{
	v903_data cur, prev;
	v903_init(&cur);
	v903_init(&prev);
	int rc = 0;
	if (v903_load(&cur, dir) < 0 || (prev_dir && v903_load(&prev, prev_dir) < 0))
		rc = -1;
	if (rc == 0) {
		/* The year the user named wins; the data only guesses it (a
		 * return with few dates, or for the wrong year, cannot tell). */
		csc_date given = v_collection_year_end(ctx);
		if (given != CSC_NODATE) {
			cur.year_end = given;
			cur.year_start = csc_fy_first(given);
		}
		v903_derive_year(&cur);
		if (cur.year_end == CSC_NODATE) {
			csc_error_at(dir, 0, "no episode or review dates: collection year unknown, "
				     "rules that need it find nothing (give --year YYYY)");
		} else if (given == CSC_NODATE) {
			int y, m, dd;
			csc_date_ymd(cur.year_start, &y, &m, &dd);
			csc_info("%s: collection year %d-%02d taken from the dates in the return "
				 "(no --year or --reference-date given)", dir, y, (y + 1) % 100);
		}
		if (prev_dir && cur.year_end != CSC_NODATE) {
			prev.year_end = csc_date_add_months(cur.year_end, -12);
			prev.year_start = csc_date_add_months(cur.year_start, -12);
		}
		v_set_data(ctx, &cur, prev_dir ? &prev : NULL);
		v_set_need(ctx, V_NEEDS_PREVIOUS, prev_dir != NULL,
			   "needs last year's return (--903-previous DIR)");
		v_set_need(ctx, V_NEEDS_POSTCODES, 0,
			   "needs postcode and Ofsted provider reference data, which is not supplied");
		v_run(ctx, v903_rules, (size_t)v903_nrules);
		v_set_data(ctx, NULL, NULL);
	}
	v903_free(&cur);
	v903_free(&prev);
	return rc;
}

size_t v903_child(const v903_table *t, const char *child, v903_row *const **rows)
{
	int32_t k = t->owner ? v903_child_number(t->owner, child) : -1;
	size_t lo = k < 0 ? 0 : t->off[k], hi = k < 0 ? 0 : t->off[k + 1];
	*rows = hi > lo ? t->by_child + lo : NULL;
	return hi - lo;
}

size_t v903_run_len(const v903_table *t, size_t i)
{
	size_t j = i + 1;
	while (j < t->n && !strcmp(t->by_child[i]->f[0], t->by_child[j]->f[0]))
		j++;
	return j - i;
}

csc_date v903_date(const v903_row *r, int col)
{
	csc_date d;
	const char *s = r->f[col];
	if (!*s || csc_date_parse_dmy(s, strlen(s), &d) < 0)
		return CSC_NODATE;
	return d;
}

int v903_blank(const v903_row *r, int col)
{
	return r->f[col][0] == 0;
}

int v903_in(const char *s, const char *list)
{
	size_t n = strlen(s);
	if (!n)
		s = "_", n = 1;
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if ((size_t)(q - p) == n && !memcmp(p, s, n))
			return 1;
		p = q;
	}
	return 0;
}

void v903_report(v_ctx *ctx, const v_rule *rule, int t, const v903_row *r, int col)
{
	const csc_903_table *tb = &csc_903_tables[t];
	v_report(ctx, rule, r ? r->f[0] : NULL, tb->name, col >= 0 ? tb->cols[col] : NULL,
		 r && col >= 0 ? r->f[col] : NULL, r ? r->line : 0);
}
