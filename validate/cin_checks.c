/* cin_checks.c - shared helpers and the parameterised checks (cin_checks.h). */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "cin_checks.h"
#include "csc_diag.h"

/* ---- helpers (cin_rules.h) ---- */

void vcin_rep(v_ctx *ctx, const v_rule *rule, const vcin_rec *r, int field)
{
	vcin_state *st = vcin_st(ctx);
	const vcin_val *v = &r->f[field];
	const char *table = r->kind == CIN_K_CHILD && (field == C_ETHNICITY || field == C_DISABILITIES)
				    ? "ChildCharacteristics"
				    : vcin_kind_table(r->kind);
	v_report(ctx, rule, st->label, table, vcin_field_name(r->kind, field),
		 v->s, v->line > 0 ? v->line : r->line);
}

void vcin_rep_multi(v_ctx *ctx, const v_rule *rule, const vcin_rec *r, const vcin_val *v)
{
	static const char *const names[CIN_K_COUNT_] = {
		[CIN_K_CHILD] = "Disability", [CIN_K_ASSESS] = "AssessmentFactors",
		[CIN_K_CPP] = "CPPreviewDate"};
	static const char *const tables[CIN_K_COUNT_] = {
		[CIN_K_CHILD] = "Disabilities", [CIN_K_ASSESS] = "Assessments",
		[CIN_K_CPP] = "Reviews"};
	vcin_state *st = vcin_st(ctx);
	v_report(ctx, rule, st->label, tables[r->kind] ? tables[r->kind] : vcin_kind_table(r->kind),
		 names[r->kind] ? names[r->kind] : "", v ? v->s : NULL,
		 v && v->line > 0 ? v->line : r->line);
}

void vcin_rep_return(v_ctx *ctx, const v_rule *rule, const char *table, const char *field,
		    const char *value, long line)
{
	v_report(ctx, rule, "", table, field, value, line);
}

int vcin_in_year(const vcin_state *st, csc_date d)
{
	return d != CSC_NODATE && st->start != CSC_NODATE && d >= st->start && d <= st->end;
}

void vcin_list_get(vcin_list *l, const vcin_rec *root, enum vcin_kind k)
{
	l->v = l->buf;
	if (root->kind == k) {
		l->buf[0] = (vcin_rec *)root;
		l->n = 1;
		return;
	}
	size_t cap = sizeof l->buf / sizeof l->buf[0];
	l->n = vcin_all(root, k, l->buf, cap);
	if (l->n > cap) {
		l->v = csc_xmalloc(l->n * sizeof *l->v);
		vcin_all(root, k, l->v, l->n);
	}
}

void vcin_list_free(vcin_list *l)
{
	if (l->v != l->buf)
		free(l->v);
	l->v = NULL;
}

void vcin_keys_add(vcin_keys *k, const char *key, const char *child, long line)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 1024;
		k->v = csc_xrealloc(k->v, k->cap * sizeof *k->v);
	}
	k->v[k->n++] = (vcin_key){csc_xstrdup(key), csc_xstrdup(child), line};
}

static int cmp_key(const void *a, const void *b)
{
	const vcin_key *x = a, *y = b;
	int r = strcmp(x->key, y->key);
	if (r)
		return r;
	return x->line < y->line ? -1 : x->line > y->line;
}

void vcin_keys_report(v_ctx *ctx, const v_rule *rule, vcin_keys *k, const char *field)
{
	/* No keys (no child has a UPN) leaves k->v NULL, which qsort must not
	 * be given even with a zero count (its argument is declared nonnull). */
	if (k->n > 1)
		qsort(k->v, k->n, sizeof *k->v, cmp_key);
	for (size_t i = 0; i < k->n;) {
		size_t j = i + 1;
		while (j < k->n && strcmp(k->v[j].key, k->v[i].key) == 0)
			j++;
		if (j - i > 1)
			for (size_t m = i; m < j; m++)
				v_report(ctx, rule, k->v[m].child, "ChildIdentifiers", field, k->v[m].key, k->v[m].line);
		i = j;
	}
}

void vcin_keys_free(vcin_keys *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->v[i].key);
		free(k->v[i].child);
	}
	free(k->v);
	memset(k, 0, sizeof *k);
}

/* ---- the shared checks ---- */

/* The code list of field f of record kind k, or NULL (none, or no lists
 * loaded: then any value passes). */
const cin_codes *vcin_list_of(const vcin_state *st, enum vcin_kind k, const char *field)
{
	return vcin_codes_of(st->codes, vcin_kind_record(k), field);
}

/* A test of one record for a rule; slot is the arg's (kind, field) pair. */
typedef int (*rec_bad)(const vcin_state *st, const vcin_rec *r, const void *arg, int slot);

/* Test every record of `kind` under the current child and report field
 * `at` of the record (or the ancestor holding `at`) each time bad() holds.
 * Kind CIN_K_MESSAGE marks an unused slot: nothing is tested. */
static void each_rec(v_ctx *ctx, const v_rule *rule, enum vcin_kind kind, vcin_fref at,
		     rec_bad bad, int slot)
{
	vcin_state *st = vcin_st(ctx);
	if (!st->child || kind == CIN_K_MESSAGE)
		return;
	vcin_list l;
	vcin_list_get(&l, st->child, kind);
	for (size_t i = 0; i < l.n; i++)
		if (bad(st, l.v[i], rule->arg, slot))
			vcin_rep(ctx, rule, vcin_up(l.v[i], at.kind), at.field);
	vcin_list_free(&l);
}

static int bad_code(const vcin_state *st, const vcin_rec *r, const void *arg, int slot)
{
	const vcin_a_codes *a = arg;
	const vcin_val *v = &r->f[a->f.field];
	(void)slot;
	if (!vcin_has(v))
		return a->required;
	const cin_codes *l = a->coded ? vcin_list_of(st, r->kind, vcin_field_name(r->kind, a->f.field)) : NULL;
	return l && !vcin_codes_has(l, v->s, a->nocase);
}

void vcin_chk_codes(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_codes *a = rule->arg;
	each_rec(ctx, rule, a->f.kind, a->f, bad_code, 0);
}

static const vcin_val *field_up(const vcin_rec *r, vcin_fref f)
{
	const vcin_rec *o = vcin_up(r, f.kind);
	return o ? &o->f[f.field] : NULL;
}

static int bad_order(const vcin_state *st, const vcin_rec *r, const void *arg, int slot)
{
	const vcin_a_order *a = arg;
	const vcin_val *x = field_up(r, a->p[slot].a), *y = field_up(r, a->p[slot].b);
	(void)st;
	if (!x || !y || !vcin_is_date(x) || !vcin_is_date(y))
		return 0;
	return !(a->op == CIN_GE ? x->d >= y->d
	       : a->op == CIN_LE ? x->d <= y->d
	       : a->op == CIN_GT ? x->d > y->d
				 : x->d != y->d);
}

/* Reported on the record holding field a. */
void vcin_chk_order(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_order *a = rule->arg;
	for (int p = 0; p < 2; p++)
		each_rec(ctx, rule, a->p[p].kind, a->p[p].a, bad_order, p);
}

static int bad_span(const vcin_state *st, const vcin_rec *r, const void *arg, int slot)
{
	const vcin_a_span *a = arg;
	const vcin_val *v = &r->f[a->f[slot].field];
	if (!vcin_has(v))
		return a->span == CIN_BY_END_NEEDED;
	if (!vcin_is_date(v))
		return 1;
	return a->span == CIN_IN_YEAR ? !vcin_in_year(st, v->d) : v->d > st->end;
}

void vcin_chk_span(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_span *a = rule->arg;
	for (int p = 0; p < 2; p++)
		each_rec(ctx, rule, a->f[p].kind, a->f[p], bad_span, p);
}

static int has_field(const vcin_rec *r, int f)
{
	return f < 0 ? r->nmulti > 0 : vcin_has(&r->f[f]);
}

/* What a group check does with the records of one kind in one scope. */
typedef void (*group_fn)(v_ctx *ctx, const v_rule *rule, const vcin_list *l);

/* Hand visit() the records of `kind` under each `scope` record of the
 * current child, one list per scope record. Scope CIN_K_CHILD is the child
 * itself: one list of all its records of `kind`. */
static void each_group(v_ctx *ctx, const v_rule *rule, enum vcin_kind scope, enum vcin_kind kind,
		       group_fn visit)
{
	vcin_state *st = vcin_st(ctx);
	if (!st->child)
		return;
	vcin_list scopes;
	vcin_list_get(&scopes, st->child, scope);
	for (size_t s = 0; s < scopes.n; s++) {
		vcin_list l;
		vcin_list_get(&l, scopes.v[s], kind);
		visit(ctx, rule, &l);
		vcin_list_free(&l);
	}
	vcin_list_free(&scopes);
}

static void pair_group(v_ctx *ctx, const v_rule *rule, const vcin_list *l)
{
	const vcin_a_pair *a = rule->arg;
	for (size_t i = 0; i < l->n; i++) {
		const vcin_rec *r = l->v[i];
		if (!has_field(r, a->when) || has_field(r, a->then))
			continue;
		if (a->from_start && !(vcin_is_date(&r->f[a->when]) && r->f[a->when].d >= vcin_st(ctx)->start))
			continue;
		if (a->then >= 0)
			vcin_rep(ctx, rule, r, a->then);
		else
			vcin_rep_multi(ctx, rule, r, NULL);
	}
}

void vcin_chk_pair(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_pair *a = rule->arg;
	each_group(ctx, rule, CIN_K_CHILD, a->kind, pair_group);
}

static void multi_group(v_ctx *ctx, const v_rule *rule, const vcin_list *l)
{
	const vcin_a_multi *a = rule->arg;
	for (size_t i = 0; i < l->n; i++) {
		const vcin_rec *r = l->v[i];
		for (size_t j = 0; j < r->nmulti; j++) {
			const vcin_val *v = &r->multi[j];
			if (!vcin_has(v))
				continue;
			int bad = 0;
			if (a->how == CIN_DUP) {
				for (size_t k = 0; k < j && !bad; k++)
					bad = r->multi[k].s && strcmp(r->multi[k].s, v->s) == 0;
			} else if (a->how == CIN_ALONE) {
				/* report the forbidden companion once per record */
				if (strcmp(v->s, a->value) == 0) {
					for (size_t k = 0; k < r->nmulti && !bad; k++)
						bad = vcin_has(&r->multi[k]) && strcmp(r->multi[k].s, a->value) != 0;
				}
			} else {
				bad = strcmp(v->s, a->value) == 0;
			}
			if (bad)
				vcin_rep_multi(ctx, rule, r, v);
		}
	}
}

void vcin_chk_multi(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_multi *a = rule->arg;
	each_group(ctx, rule, CIN_K_CHILD, a->kind, multi_group);
}

static void open_group(v_ctx *ctx, const v_rule *rule, const vcin_list *l)
{
	const vcin_a_open *a = rule->arg;
	size_t open = 0;
	for (size_t i = 0; i < l->n; i++)
		open += a->is_open(l->v[i]) != 0;
	if (open > 1)
		for (size_t i = 0; i < l->n; i++)
			if (a->is_open(l->v[i]))
				vcin_rep(ctx, rule, l->v[i], a->field);
}

void vcin_chk_open(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_open *a = rule->arg;
	each_group(ctx, rule, a->scope, a->kind, open_group);
}

csc_date vcin_open_end(const vcin_state *st)
{
	return st->ref != CSC_NODATE ? st->ref : INT32_MAX;
}

static void overlap_group(v_ctx *ctx, const v_rule *rule, const vcin_list *l)
{
	const vcin_a_overlap *a = rule->arg;
	const vcin_state *st = vcin_st(ctx);
	for (size_t b = 0; b < l->n; b++) {
		csc_date bs = l->v[b]->f[a->start].d;
		if (bs == CSC_NODATE)
			continue;
		int bad = 0;
		for (size_t x = 0; x < l->n && !bad; x++) {
			csc_date as = l->v[x]->f[a->start].d;
			if (x == b || as == CSC_NODATE || as > bs || (as == bs && x > b))
				continue;
			csc_date ae = a->end(st, l->v[x]);
			bad = ae != CSC_NODATE && bs < ae;
		}
		if (bad)
			vcin_rep(ctx, rule, l->v[b], a->start);
	}
}

void vcin_chk_overlap(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_overlap *a = rule->arg;
	each_group(ctx, rule, a->scope, a->kind, overlap_group);
}

static int bad_weekend(const vcin_state *st, const vcin_rec *r, const void *arg, int slot)
{
	const vcin_a_weekend *a = arg;
	const vcin_val *v = &r->f[a->f[slot].field];
	(void)st;
	return vcin_is_date(v) && csc_date_weekday(v->d) >= 5;
}

void vcin_chk_weekend(v_ctx *ctx, const v_rule *rule)
{
	const vcin_a_weekend *a = rule->arg;
	for (int p = 0; p < 2; p++)
		each_rec(ctx, rule, a->f[p].kind, a->f[p], bad_weekend, p);
}
