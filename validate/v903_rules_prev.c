/* v903_rules_prev.c - rules comparing this year's return with last year's
 * (--903-previous). Each returns at once when last year's is absent. */
#include <string.h>

#include "v903_checks.h"
#include "v903_rules.h"

#define IN(r, col, set) v903_in((r)->f[col], set)

/* SEX written as 1/2 before 2024-25 and M/F since: compare the meaning. */
static const char *sex_norm(const char *s)
{
	return !strcmp(s, "1") ? "M" : !strcmp(s, "2") ? "F" : s;
}

/* 202-204, 208, 624: a Header field differs from last year's. */
struct header_cmp { const char *code; int col; };
static const struct header_cmp header_cmps[] = {
	{"202", HD_SEX}, {"203", HD_DOB}, {"204", HD_ETHNIC}, {"208", HD_UPN}, {"624", HD_MC_DOB},
};

static int header_differs(const char *code, int col, const v903_row *now, const v903_row *then)
{
	const char *a = now->f[col], *b = then->f[col];
	if (!strcmp(code, "202"))
		return strcmp(sex_norm(a), sex_norm(b)) != 0;
	if (!strcmp(code, "208")) /* an unknown UPN last year may be found since */
		return *b && !v903_in(b, "UN1 UN2 UN3 UN4 UN5") && strcmp(a, b);
	if (!strcmp(code, "624"))
		return *a && *b && strcmp(a, b);
	return strcmp(a, b) != 0;
}

static void header_vs_last(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	int col = -1;
	for (size_t k = 0; k < sizeof header_cmps / sizeof header_cmps[0]; k++)
		if (!strcmp(rule->code, header_cmps[k].code))
			col = header_cmps[k].col;
	if (!p || col < 0)
		return;
	const v903_table *tb = &d->t[V9_HEADER];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *then = v903_header(p, tb->rows[i].f[0]);
		if (then && header_differs(rule->code, col, &tb->rows[i], then))
			v903_report(ctx, rule, V9_HEADER, &tb->rows[i], col);
	}
}
void v903_r_202(v_ctx *ctx, const v_rule *rule) { header_vs_last(ctx, rule); }
void v903_r_203(v_ctx *ctx, const v_rule *rule) { header_vs_last(ctx, rule); }
void v903_r_204(v_ctx *ctx, const v_rule *rule) { header_vs_last(ctx, rule); }
void v903_r_208(v_ctx *ctx, const v_rule *rule) { header_vs_last(ctx, rule); }
void v903_r_624(v_ctx *ctx, const v_rule *rule) { header_vs_last(ctx, rule); }

/* 207: a mother last year (1) is recorded as not a mother this year. */
void v903_r_207(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p)
		return;
	const v903_table *tb = &d->t[V9_HEADER];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *h = &tb->rows[i], *then = v903_header_of(p, h);
		if (then && IN(then, HD_MOTHER, "1") && IN(h, HD_MOTHER, "0"))
			v903_report(ctx, rule, V9_HEADER, h, HD_MOTHER);
	}
}

/* 626: a mother this year whose first child was born before the year
 * began, but who was recorded as not a mother last year. */
void v903_r_626(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p)
		return;
	const v903_table *tb = &d->t[V9_HEADER];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *h = &tb->rows[i], *then = v903_header_of(p, h);
		csc_date mc = v903_date(h, HD_MC_DOB);
		if (then && IN(h, HD_MOTHER, "1") && IN(then, HD_MOTHER, "0") && mc != CSC_NODATE &&
		    mc < d->year_start)
			v903_report(ctx, rule, V9_HEADER, h, HD_MC_DOB);
	}
}

/* UASC: without a UASC column in Header, a child is UASC in a year when
 * that year's UASC table has a row for them. 205A: UASC last year, not
 * this year, but last year's row gave no date status ceased. 205B: UASC
 * both years with different dates ceased. 205D: UASC this year, but in
 * last year's return and not UASC there. */
static void uasc(v_ctx *ctx, const v_rule *rule, char which)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p)
		return;
	const v903_table *tb = which == 'A' ? &p->t[V9_UASC] : &d->t[V9_UASC];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		v903_row *const *o;
		size_t other = v903_child_of(which == 'A' ? &d->t[V9_UASC] : &p->t[V9_UASC], r, &o);
		if (which == 'A' && !other && v903_header_of(d, r) && v903_blank(r, UA_DUC)) {
			/* reported against this year's Header row: last year's
			 * line would mislead */
			v903_report(ctx, rule, V9_HEADER, v903_header_of(d, r), HD_CHILD);
		} else if (which == 'B' && other && !v903_blank(o[0], UA_DUC) &&
			   strcmp(o[0]->f[UA_DUC], r->f[UA_DUC])) {
			v903_report(ctx, rule, V9_UASC, r, UA_DUC);
		} else if (which == 'D' && !other && v903_header_of(p, r)) {
			v903_report(ctx, rule, V9_UASC, r, UA_CHILD);
		}
	}
}
void v903_r_205a(v_ctx *ctx, const v_rule *rule) { uasc(ctx, rule, 'A'); }
void v903_r_205b(v_ctx *ctx, const v_rule *rule) { uasc(ctx, rule, 'B'); }
void v903_r_205d(v_ctx *ctx, const v_rule *rule) { uasc(ctx, rule, 'D'); }

/* Episodes ------------------------------------------------------------ */

/* NoE: the child started to be looked after before this year but has no
 * episodes last year. 562: an episode begun before this year is not in
 * last year's return (a continuous episode is missing). */
static void before_year(v_ctx *ctx, const v_rule *rule, int each_episode)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p || d->year_start == CSC_NODATE)
		return;
	const v903_table *tb = &d->t[V9_EPISODES];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		v903_row *const *last;
		size_t m = v903_child_of(&p->t[V9_EPISODES], tb->by_child[i], &last);
		for (size_t k = i; k < i + n; k++) {
			const v903_row *r = tb->by_child[k];
			csc_date s = v903_date(r, EP_DECOM);
			if (s == CSC_NODATE || s >= d->year_start)
				continue;
			int found = 0;
			for (size_t j = 0; j < m && each_episode; j++)
				found |= v903_date(last[j], EP_DECOM) == s;
			if (each_episode ? !found : !m) {
				v903_report(ctx, rule, V9_EPISODES, r, EP_DECOM);
				break;
			}
		}
	}
}
void v903_r_noe(v_ctx *ctx, const v_rule *rule) { before_year(ctx, rule, 0); }
void v903_r_562(v_ctx *ctx, const v_rule *rule) { before_year(ctx, rule, 1); }

/* PlacedAdoption ------------------------------------------------------ */

/* The row of last year's decisions with this DATE_PLACED, or NULL. */
static const v903_row *same_decision(v903_row *const *o, size_t m, const v903_row *r)
{
	for (size_t k = 0; k < m; k++)
		if (!strcmp(o[k]->f[PA_DATE_PLACED], r->f[PA_DATE_PLACED]))
			return o[k];
	return NULL;
}

/* 559: decision made before this year but not in last year's return.
 * 560: a decision last year still open, this year's differs.
 * 561: same decision as last year, which last year had ceased.
 * 584: last year's decision ceased, a new one dated before it ceased. */
static void placed(v_ctx *ctx, const v_rule *rule, int which)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p)
		return;
	const v903_table *tb = &d->t[V9_PLACED];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		csc_date x = v903_date(r, PA_DATE_PLACED);
		if (x == CSC_NODATE)
			continue;
		v903_row *const *o;
		size_t m = v903_child_of(&p->t[V9_PLACED], r, &o);
		const v903_row *same = same_decision(o, m, r);
		int bad = 0;
		if (which == 559)
			bad = x < d->year_start && !same;
		for (size_t k = 0; k < m && !same && (which == 560 || which == 584); k++) {
			csc_date c = v903_date(o[k], PA_CEASED);
			if (which == 560)
				bad |= v903_blank(o[k], PA_CEASED);
			else
				bad |= c != CSC_NODATE && x < c;
		}
		if (which == 561)
			bad = same && !v903_blank(same, PA_CEASED) && v903_blank(r, PA_CEASED);
		if (bad)
			v903_report(ctx, rule, V9_PLACED, r, PA_DATE_PLACED);
	}
}
void v903_r_559(v_ctx *ctx, const v_rule *rule) { placed(ctx, rule, 559); }
void v903_r_560(v_ctx *ctx, const v_rule *rule) { placed(ctx, rule, 560); }
void v903_r_561(v_ctx *ctx, const v_rule *rule) { placed(ctx, rule, 561); }
void v903_r_584(v_ctx *ctx, const v_rule *rule) { placed(ctx, rule, 584); }

/* 576: a missing period open at the end of last year is not in this
 * year's return (same start date). */
void v903_r_576(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p)
		return;
	const v903_table *tb = &p->t[V9_MISSING];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		if (!v903_blank(r, MS_END) || v903_blank(r, MS_START))
			continue;
		v903_row *const *m;
		size_t n = v903_child_of(&d->t[V9_MISSING], r, &m);
		int found = 0;
		for (size_t k = 0; k < n; k++)
			found |= !strcmp(m[k]->f[MS_START], r->f[MS_START]);
		const v903_row *h = v903_header_of(d, r);
		if (!found && h)
			v903_report(ctx, rule, V9_HEADER, h, HD_CHILD);
	}
}
