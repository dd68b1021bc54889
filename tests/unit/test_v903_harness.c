/* test_v903_harness.c - see test_v903_harness.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "test_v903_harness.h"
#include "validate/v903_ctx.h"

/* The engine double ------------------------------------------------------ */

struct v_ctx {
	void *data, *prev;
	int year;
};

t903_issue t903_issues[4096];
size_t t903_nissues;
char t903_not_run[512][16];
size_t t903_nnot_run;

static void copy(char *dst, size_t cap, const char *s)
{
	snprintf(dst, cap, "%s", s ? s : "");
}

void v_report(v_ctx *ctx, const v_rule *rule, const char *child, const char *table,
	      const char *field, const char *value, long line)
{
	(void)ctx;
	assert_true(t903_nissues < sizeof t903_issues / sizeof t903_issues[0]);
	t903_issue *i = &t903_issues[t903_nissues++];
	copy(i->code, sizeof i->code, rule->code);
	copy(i->child, sizeof i->child, child);
	copy(i->table, sizeof i->table, table);
	copy(i->field, sizeof i->field, field);
	copy(i->value, sizeof i->value, value);
	i->line = line;
}

v_ctx *t903_ctx(void)
{
	static struct v_ctx ctx;
	return &ctx;
}

void *v_data(v_ctx *ctx) { return ctx->data; }
void *v_previous(v_ctx *ctx) { return ctx->prev; }
void v_set_data(v_ctx *ctx, void *data, void *previous)
{
	ctx->data = data;
	ctx->prev = previous;
}

static int avail_prev = 1;
void v_set_need(v_ctx *ctx, enum v_needs need, int available, const char *reason)
{
	(void)ctx, (void)reason;
	if (need == V_NEEDS_PREVIOUS)
		avail_prev = available;
}

void v_not_run(v_ctx *ctx, const char *code, const char *reason)
{
	(void)ctx;
	assert_non_null(reason);
	assert_true(t903_nnot_run < sizeof t903_not_run / sizeof t903_not_run[0]);
	copy(t903_not_run[t903_nnot_run++], 16, code);
}

csc_date t903_year_given = CSC_NODATE;
csc_date t903_year_used, t903_prev_year_used;
csc_date v_collection_year_end(v_ctx *ctx)
{
	(void)ctx;
	return t903_year_given;
}

void v_set_ruleset(v_ctx *ctx, const char *collection, int year)
{
	(void)collection;
	ctx->year = year;
}

/* The workbook's cover is the engine's (tested in validate_cin.sh). */
void v_cover_add(v_ctx *ctx, const char *label, const char *value)
{
	(void)ctx, (void)label, (void)value;
}

int v_cover_input(v_ctx *ctx, const char *path)
{
	(void)ctx, (void)path;
	return 0;
}

int v_load_catalogue_year(v_ctx *ctx, const char *path, int year)
{
	(void)ctx, (void)path, (void)year;
	return 0;
}

int v_rule_in_year(const v_year_rule *e, int year)
{
	return !year || ((!e->from || year >= e->from) && (!e->to || year <= e->to));
}

void v_run_years(v_ctx *ctx, const v_year_rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v_rule_in_year(&rules[i], ctx->year))
			v_run(ctx, &rules[i].rule, 1);
}

void v_run(v_ctx *ctx, const v_rule *rules, size_t n)
{
	const v903_data *cur = ctx->data, *prev = ctx->prev;
	t903_year_used = cur ? cur->year_end : CSC_NODATE;
	t903_prev_year_used = prev ? prev->year_end : CSC_NODATE;
	for (size_t i = 0; i < n; i++) {
		if (rules[i].needs == V_NEEDS_POSTCODES ||
		    (rules[i].needs == V_NEEDS_PREVIOUS && !avail_prev)) {
			v_not_run(ctx, rules[i].code, "need not met");
			continue;
		}
		rules[i].check(ctx, &rules[i]);
	}
}

/* Building returns ------------------------------------------------------- */

static const struct { const char *tag; int t; const char *defaults; } tags[] = {
	{"H", V9_HEADER, "CHILD=1 SEX=M DOB=01/06/2012 ETHNIC=WBRI UPN=A123456789012"},
	{"E", V9_EPISODES, "CHILD=1 DECOM=01/05/2025 RNE=S LS=C2 CIN=N1 PLACE=U1 "
			   "PLACE_PROVIDER=PR1 HOME_POST=AB1+2CD PL_POST=AB3+4EF URN=SC123456"},
	{"R", V9_REVIEWS, "CHILD=1 DOB=01/06/2012 REVIEW=01/06/2025 REVIEW_CODE=PN1"},
	{"U", V9_UASC, "CHILD=1 SEX=M DOB=01/06/2012"},
	{"O2", V9_OC2, "CHILD=1 DOB=01/06/2012 SDQ_SCORE=10 CONVICTED=0 IMMUNISATIONS=1 "
		       "TEETH_CHECK=1 HEALTH_ASSESSMENT=1 SUBSTANCE_MISUSE=0"},
	{"O3", V9_OC3, "CHILD=1 DOB=01/06/2006 IN_TOUCH=YES ACTIV=F2 ACCOM=U1"},
	{"AD", V9_AD1, "CHILD=1 DOB=01/06/2020 DATE_INT=01/05/2025 DATE_MATCH=01/06/2025 "
		       "FOSTER_CARE=0 NB_ADOPTR=2 SEX_ADOPTR=MF LS_ADOPTR=L11"},
	{"PA", V9_PLACED, "CHILD=1 DOB=01/06/2012 DATE_PLACED=01/05/2025"},
	{"PP", V9_PREVPERM, "CHILD=1 DOB=01/06/2012 PREV_PERM=Z1"},
	{"M", V9_MISSING, "CHILD=1 DOB=01/06/2012 MISSING=M MIS_START=01/06/2025 "
			  "MIS_END=03/06/2025"},
	{"SW", V9_SW, "CHILD=1 DOB=01/06/2012 SW_ID=SW1 SW_DECOM=01/04/2025"},
	{"DL", V9_DOLO, "CHILD=1 DOB=01/06/2012 DOLO_START=01/06/2026"},
};

/* Apply "KEY=VALUE KEY=VALUE" to vals (cols of table t); returns -1 on an
 * unknown key. */
static int apply(int t, const char *spec, char vals[][64])
{
	const csc_903_table *tb = &csc_903_tables[t];
	const char *p = spec;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *eq = strchr(p, '=');
		if (!eq)
			return -1;
		char key[32];
		snprintf(key, sizeof key, "%.*s", (int)(eq - p), p);
		int col = csc_903_col(tb, key);
		if (col < 0) {
			print_error("unknown column %s in %s\n", key, tb->name);
			return -1;
		}
		const char *v = eq + 1, *end = v;
		while (*end && *end != ' ')
			end++;
		size_t n = (size_t)(end - v) < 63 ? (size_t)(end - v) : 63;
		for (size_t i = 0; i < n; i++)
			vals[col][i] = v[i] == '+' ? ' ' : v[i];
		vals[col][n] = 0;
		p = end;
	}
	return 0;
}

const v_codes *t903_codes(int year)
{
	static v_codes *cache[8];
	int k = year - 2024;
	assert_true(k >= 0 && k < 8);
	if (!cache[k])
		cache[k] = v_codes_load(CSC_DATADIR "/ref/ssda903-codes-by-year.csv", year);
	assert_non_null(cache[k]);
	return cache[k];
}

void t903_build(const char *rows, v903_data *cur, v903_data *prev, int *prev_used)
{
	t903_build_in(2026, rows, cur, prev, prev_used);
}

void t903_build_in(int year, const char *rows, v903_data *cur, v903_data *prev, int *prev_used)
{
	v903_init(cur);
	v903_init(prev);
	*prev_used = 0;
	long line = 1;
	for (const char *p = rows; *p; line++) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char buf[512];
		assert_true(len < sizeof buf);
		memcpy(buf, p, len);
		buf[len] = 0;
		p += len + (nl != NULL);
		char *s = buf;
		while (*s == ' ')
			s++;
		if (!*s)
			continue;
		v903_data *d = cur;
		if (!strncmp(s, "P:", 2)) {
			d = prev;
			*prev_used = 1;
			s += 2;
		}
		char *sp = strchr(s, ' ');
		if (sp)
			*sp = 0;
		int t = -1;
		size_t k;
		for (k = 0; k < sizeof tags / sizeof tags[0]; k++)
			if (!strcmp(s, tags[k].tag))
				break;
		if (k == sizeof tags / sizeof tags[0]) {
			print_error("unknown table tag '%s'\n", s);
			fail();
		}
		t = tags[k].t;
		char vals[CSC_903_MAX_COLS][64];
		memset(vals, 0, sizeof vals);
		assert_int_equal(apply(t, tags[k].defaults, vals), 0);
		if (sp)
			assert_int_equal(apply(t, sp + 1, vals), 0);
		char *ptrs[CSC_903_MAX_COLS];
		for (int i = 0; i < CSC_903_MAX_COLS; i++)
			ptrs[i] = vals[i];
		v903_add_row(d, t, ptrs, csc_903_tables[t].ncols, line + 1, 0);
	}
	v903_index(cur);
	v903_index(prev);
	cur->year_start = csc_date_make(year - 1, 4, 1);
	cur->year_end = csc_date_make(year, 3, 31);
	prev->year_start = csc_date_make(year - 2, 4, 1);
	prev->year_end = csc_date_make(year - 1, 3, 31);
	cur->codes = prev->codes = t903_codes(year);
}

const v_rule *t903_rule_in(const char *code, int year)
{
	for (int i = 0; i < v903_nrules; i++)
		if (!strcmp(v903_rules[i].rule.code, code) && v_rule_in_year(&v903_rules[i], year))
			return &v903_rules[i].rule;
	return NULL;
}

const v_rule *t903_rule(const char *code)
{
	return t903_rule_in(code, 2026);
}

void t903_check(const v_rule *r, v903_data *cur, v903_data *prev)
{
	struct v_ctx ctx = {cur, prev, v903_year(cur)};
	r->check(&ctx, r);
}

void t903_run_case(const t903_case *c)
{
	int year = T903_YEAR(c);
	const v_rule *r = t903_rule_in(c->code, year);
	if (!r) {
		print_error("line %d: no rule %s in force in %d\n", c->line, c->code, year);
		fail();
	}
	v903_data cur, prev;
	int prev_used;
	t903_build_in(year, c->rows, &cur, &prev, &prev_used);
	struct v_ctx ctx = {&cur, r->needs == V_NEEDS_PREVIOUS || prev_used ? &prev : NULL, year};
	t903_nissues = 0;
	r->check(&ctx, r);
	size_t mine = 0, match = 0;
	for (size_t i = 0; i < t903_nissues; i++) {
		const t903_issue *is = &t903_issues[i];
		assert_string_equal(is->code, c->code);
		mine++;
		if (c->fails && !strcmp(is->child, c->child) &&
		    (!c->field || !strcmp(is->field, c->field)))
			match++;
	}
	if (c->fails && !match) {
		print_error("line %d: rule %s (%d): expected a failure for child %s field %s; got %zu "
			    "reports\n", c->line, c->code, year, c->child, c->field ? c->field : "(any)", mine);
		for (size_t i = 0; i < t903_nissues; i++)
			print_error("  reported child %s %s.%s='%s'\n", t903_issues[i].child,
				    t903_issues[i].table, t903_issues[i].field, t903_issues[i].value);
		fail();
	}
	if (!c->fails && mine) {
		print_error("line %d: rule %s (%d): expected no failure; got child %s %s.%s='%s'\n", c->line,
			    c->code, year, t903_issues[0].child, t903_issues[0].table, t903_issues[0].field,
			    t903_issues[0].value);
		fail();
	}
	v903_free(&cur);
	v903_free(&prev);
}
