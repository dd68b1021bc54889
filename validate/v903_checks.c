/* v903_checks.c - parameterised 903 checks and shared helpers; see
 * v903_checks.h. */
#include <stdio.h>
#include <string.h>

#include "v903_checks.h"

#define ARG(type) const type *a = rule->arg
#define V903_MAX_CODE 16

const v903_row *v903_header(const v903_data *d, const char *child)
{
	v903_row *const *r;
	return v903_child(&d->t[V9_HEADER], child, &r) ? r[0] : NULL;
}

csc_date v903_dob(const v903_data *d, const char *child)
{
	const v903_row *h = v903_header(d, child);
	return h ? v903_date(h, HD_DOB) : CSC_NODATE;
}

const v903_row *v903_header_of(const v903_data *d, const v903_row *r)
{
	v903_row *const *h;
	return v903_child_of(&d->t[V9_HEADER], r, &h) ? h[0] : NULL;
}

csc_date v903_dob_of(const v903_data *d, const v903_row *r)
{
	const v903_row *h = v903_header_of(d, r);
	return h ? v903_date(h, HD_DOB) : CSC_NODATE;
}

int v903_has(const v903_data *d, int t, const char *child)
{
	v903_row *const *r;
	return v903_child(&d->t[t], child, &r) > 0;
}

int v903_has_of(const v903_data *d, int t, const v903_row *r)
{
	v903_row *const *rows;
	return v903_child_of(&d->t[t], r, &rows) > 0;
}

void v903_each_child(v_ctx *ctx, const v_rule *rule, int t, v903_group_fn fn)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[t];
	/* by the index: children in number order are children in row order */
	for (size_t k = 0; k < d->nids && tb->off; k++)
		if (tb->off[k + 1] > tb->off[k])
			fn(ctx, rule, d, tb->by_child + tb->off[k], tb->off[k + 1] - tb->off[k]);
}

void v903_ck_code(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_code_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	v903_rset codes;
	v903_rset_list(v903_set(d, a->codes), &codes);
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		for (int k = -1; k < 8 && (k < 0 || a->more[k]); k++) {
			int col = k < 0 ? a->col : a->more[k];
			if (v903_blank(r, col) ? !a->blank_ok : !v903_in_rset(&codes, r->f[col]))
				v903_report(ctx, rule, a->t, r, col);
		}
	}
}

void v903_ck_date(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_date_arg);
	const v903_table *tb = &v903_cur(ctx)->t[a->t];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		if (v903_blank(r, a->col) ? !a->blank_ok : v903_date(r, a->col) == CSC_NODATE)
			v903_report(ctx, rule, a->t, r, a->col);
	}
}

void v903_ck_all_or_none(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_cols_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	v903_rset x;
	v903_resolve(d, a->set_x, &x);
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		if (a->set_x && v903_in_rset(&x, r->f[a->col_x]))
			continue;
		int blank = 0, filled = 0, first_blank = -1;
		for (int k = 0; a->cols[k] >= 0; k++) {
			if (v903_blank(r, a->cols[k])) {
				blank++;
				if (first_blank < 0)
					first_blank = a->cols[k];
			} else {
				filled++;
			}
		}
		if (blank && filled)
			v903_report(ctx, rule, a->t, r, first_blank);
	}
}

void v903_ck_in_header(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_tab_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		if (!v903_header_of(d, tb->by_child[i]))
			v903_report(ctx, rule, a->t, tb->by_child[i], 0);
	}
}

void v903_ck_unique(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_tab_arg);
	const v903_table *tb = &v903_cur(ctx)->t[a->t];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		for (size_t k = 1; k < n; k++)
			v903_report(ctx, rule, a->t, tb->by_child[i + k], 0);
	}
}

void v903_ck_same_as_header(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_same_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		const v903_row *h = v903_header_of(d, r);
		if (h && strcmp(h->f[a->hcol], r->f[a->col]))
			v903_report(ctx, rule, a->t, r, a->col);
	}
}

/* A term of a row condition, its set resolved (v903_resolve). */
static int term(const v903_row *r, const v903_term *c, const v903_rset *set)
{
	return !c->set || v903_in_rset(set, r->f[c->col]) != c->neg;
}

void v903_ck_when(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_when_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	v903_rset set[4];
	for (int k = 0; k < 4; k++)
		v903_resolve(d, a->c[k].set, &set[k]);
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		int k = 0;
		while (k < 4 && a->c[k].set && term(r, &a->c[k], &set[k]))
			k++;
		if (k == 4 || !a->c[k].set)
			v903_report(ctx, rule, a->t, r, a->col_rep);
	}
}

void v903_ck_some(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_some_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	v903_rset c, any;
	v903_resolve(d, a->c.set, &c);
	v903_resolve(d, a->set_any, &any);
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		if (!term(r, &a->c, &c))
			continue;
		int hit = a->any[0] ? -1 : 0, miss = -1;
		for (int k = 0; k < 9 && a->any[k] && hit < 0; k++) {
			const char *v = r->f[a->any[k]];
			if (a->set_any ? v903_in_rset(&any, v) : *v != 0)
				hit = a->any[k];
		}
		if (hit < 0)
			continue;
		if (!a->need[0]) {
			v903_report(ctx, rule, a->t, r, hit);
			continue;
		}
		for (int k = 0; k < 9 && a->need[k] && miss < 0; k++)
			if (v903_blank(r, a->need[k]))
				miss = a->need[k];
		if (miss >= 0)
			v903_report(ctx, rule, a->t, r, miss);
	}
}

void v903_ck_order(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_order_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		csc_date e = a->early == V903_HDOB ? v903_dob_of(d, r) : v903_date(r, a->early);
		csc_date l = v903_date(r, a->late);
		if (e == CSC_NODATE || l == CSC_NODATE)
			continue;
		if (a->mode == V903_LT ? l < e : a->mode == V903_LE ? l <= e : l == e)
			v903_report(ctx, rule, a->t, r, a->col_rep);
	}
}

void v903_ck_in_year(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_year_arg);
	const v903_data *d = v903_cur(ctx);
	if (d->year_end == CSC_NODATE)
		return;
	const v903_table *tb = &d->t[a->t];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		csc_date x = v903_date(r, a->col);
		if (x == CSC_NODATE)
			continue;
		csc_date lo = a->before == V903_YEAR_BEFORE ? csc_date_add_months(d->year_start, -12)
			: d->year_start;
		if ((a->after && x > d->year_end) || (a->before && x < lo))
			v903_report(ctx, rule, a->t, r, a->col);
	}
}

void v903_ck_age(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_age_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	v903_rset c;
	v903_resolve(d, a->set_c, &c);
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		if (a->col_c >= 0 && !v903_in_rset(&c, r->f[a->col_c]))
			continue;
		csc_date on = a->at >= 0 ? v903_date(r, a->at)
			: a->at == -1 ? d->year_end : d->year_start;
		csc_date dob = a->t == V9_HEADER ? v903_date(r, HD_DOB) : v903_dob_of(d, r);
		if (on == CSC_NODATE || dob == CSC_NODATE)
			continue;
		int age = csc_date_age(dob, on);
		if ((a->under > 0 && age < a->under) || (a->over > 0 && age >= a->over))
			v903_report(ctx, rule, a->t, r, a->col_rep);
	}
}

/* Periods of care ------------------------------------------------------- */

int v903_looked_after_at_end(const v903_data *d, const v903_row *r)
{
	v903_row *const *e;
	size_t n = v903_child_of(&d->t[V9_EPISODES], r, &e);
	for (size_t i = 0; i < n; i++) {
		csc_date s = v903_date(e[i], EP_DECOM), x = v903_date(e[i], EP_DEC);
		if (s != CSC_NODATE && s <= d->year_end && (V903_OPEN(e[i]) || x > d->year_end))
			return 1;
	}
	return 0;
}

int v903_looked_after_in_year(const v903_data *d, const v903_row *r)
{
	v903_row *const *e;
	size_t n = v903_child_of(&d->t[V9_EPISODES], r, &e);
	for (size_t i = 0; i < n; i++) {
		csc_date s = v903_date(e[i], EP_DECOM), x = v903_date(e[i], EP_DEC);
		if (s != CSC_NODATE && s <= d->year_end && (V903_OPEN(e[i]) || x >= d->year_start))
			return 1;
	}
	return 0;
}

int v903_oc2_cohort(const v903_data *d, const v903_row *r)
{
	if (d->year_end == CSC_NODATE)
		return 0;
	v903_row *const *e;
	size_t n = v903_child_of(&d->t[V9_EPISODES], r, &e);
	if (!n || (!V903_OPEN(e[n - 1]) && v903_date(e[n - 1], EP_DEC) <= d->year_end))
		return 0; /* not looked after at 31 March */
	/* walk back from the last episode while episodes chain */
	size_t i = n - 1;
	int short_breaks = v903_in(e[i]->f[EP_LS], "V3 V4");
	while (i > 0 && v903_date(e[i], EP_DECOM) != CSC_NODATE &&
	       v903_date(e[i - 1], EP_DEC) == v903_date(e[i], EP_DECOM)) {
		i--;
		short_breaks &= v903_in(e[i]->f[EP_LS], "V3 V4");
	}
	csc_date start = v903_date(e[i], EP_DECOM);
	return !short_breaks && start != CSC_NODATE && start <= d->year_start;
}

int v903_chained(const v903_row *a, const v903_row *b)
{
	csc_date x = v903_date(a, EP_DEC);
	return x != CSC_NODATE && x == v903_date(b, EP_DECOM);
}

csc_date v903_end_or_year(const v903_data *d, const v903_row *e)
{
	return V903_OPEN(e) ? d->year_end : v903_date(e, EP_DEC);
}

csc_date v903_left_care(v903_row *const *e, size_t ne)
{
	if (!ne || V903_OPEN(e[ne - 1]) || v903_in(e[ne - 1]->f[EP_REC], "X1"))
		return CSC_NODATE;
	return v903_date(e[ne - 1], EP_DEC);
}

void v903_ck_starts_while_open(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_span_arg);
	const v903_table *tb = &v903_cur(ctx)->t[a->t];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		v903_row *const *m = tb->by_child + i;
		for (size_t k = 1; k < n; k++) {
			csc_date end = v903_date(m[k - 1], a->end), s = v903_date(m[k], a->start);
			if (s != CSC_NODATE && (v903_blank(m[k - 1], a->end) || (end != CSC_NODATE && s < end)))
				v903_report(ctx, rule, a->t, m[k], a->start);
		}
	}
}

void v903_ck_open_after_care(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_span_arg);
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[a->t];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		v903_row *const *e;
		size_t ne = v903_child_of(&d->t[V9_EPISODES], r, &e);
		if (v903_blank(r, a->end) && !v903_blank(r, a->start) && v903_left_care(e, ne) != CSC_NODATE)
			v903_report(ctx, rule, a->t, r, a->end);
	}
}

size_t v903_period_start(v903_row *const *e, size_t i)
{
	while (i > 0 && v903_chained(e[i - 1], e[i]))
		i--;
	return i;
}

void v903_ck_open_last(v_ctx *ctx, const v_rule *rule)
{
	ARG(v903_open_arg);
	const v903_data *d = v903_cur(ctx), *p = v903_prev(ctx);
	if (!p)
		return;
	const v903_table *tb = &d->t[V9_EPISODES];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		v903_row *const *last;
		size_t m = v903_child_of(&p->t[V9_EPISODES], tb->by_child[i], &last);
		if (!m || !V903_OPEN(last[m - 1]))
			continue;
		const v903_row *first = tb->by_child[i];
		const char *was = last[m - 1]->f[a->col], *now = first->f[a->col];
		if (!strcmp(now, was))
			continue;
		char pair[2 * V903_MAX_CODE + 2];
		if (a->pairs && strlen(was) < V903_MAX_CODE && strlen(now) < V903_MAX_CODE && *was && *now) {
			snprintf(pair, sizeof pair, "%s>%s", was, now);
			if (v903_in_set(d, pair, a->pairs))
				continue;
		}
		v903_report(ctx, rule, V9_EPISODES, first, a->col);
	}
}
