/* v903_rules_dolo.c - deprivation of liberty orders (DoLo table, from
 * 2026-27): the rules a table entry cannot express. Rules 700-705, 707 and
 * 708 are entries of v903_rules.c (modelled on the Missing rules). */
#include <string.h>

#include "v903_checks.h"
#include "v903_rules.h"

#define START(r) v903_date((r), DL_START)
#define END(r) v903_date((r), DL_END)

/* 706: last year's latest DoLO was open (a start, no end), so this year's
 * first DoLO must continue it: same start date. Reported on this year's
 * first row, or on the child when there is none this year (the DfE text
 * does not say where; upstream reports last year's row number as one of
 * this year's, validate/NOTES.md). */
void v903_r_706(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p)
		return;
	const v903_table *tb = &p->t[V9_DOLO];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		const v903_row *last = tb->by_child[i + n - 1];
		if (START(last) == CSC_NODATE || !v903_blank(last, DL_END))
			continue;
		v903_row *const *now;
		size_t m = v903_child_of(&d->t[V9_DOLO], last, &now);
		if (!m)
			v_report(ctx, rule, last->f[0], "DoLo", "DOLO_START", last->f[DL_START], 0);
		else if (START(now[0]) != START(last))
			v903_report(ctx, rule, V9_DOLO, now[0], DL_START);
	}
}

/* 709, 710: each episode overlapping a DoLO with both dates (its start on
 * or before the episode's end, or the episode open, and its end on or after
 * the episode's start) is in a placement the year expects (709: `want` is
 * the list of allowed types) or not one it bars (710: the list of barred
 * types). Both the DoLO and the episode are reported. */
static void during_dolo(v_ctx *ctx, const v_rule *rule, const char *list, int want)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_DOLO];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		csc_date s = START(r), x = END(r);
		if (s == CSC_NODATE || x == CSC_NODATE)
			continue;
		v903_row *const *e;
		size_t ne = v903_child_of(&d->t[V9_EPISODES], r, &e);
		for (size_t k = 0; k < ne; k++) {
			csc_date decom = v903_date(e[k], EP_DECOM), dec = v903_date(e[k], EP_DEC);
			if (decom == CSC_NODATE || x < decom || (!V903_OPEN(e[k]) && (dec == CSC_NODATE || s > dec)))
				continue;
			if (v903_in_set(d, e[k]->f[EP_PLACE], list) != want) {
				v903_report(ctx, rule, V9_DOLO, r, DL_START);
				v903_report(ctx, rule, V9_EPISODES, e[k], EP_PLACE);
			}
		}
	}
}

void v903_r_709(v_ctx *ctx, const v_rule *rule)
{
	during_dolo(ctx, rule, "@rule 709: PLACE expected during a DoLO", 1);
}

void v903_r_710(v_ctx *ctx, const v_rule *rule)
{
	during_dolo(ctx, rule, "@rule 710: PLACE not allowed during a DoLO", 0);
}
