/* v_engine.c - the rule engine: catalogue, issue list, not-run list, exit
 * status. Output writers are in v_report_csv.c and v_report_xlsx.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_sha256.h"
#include "v_engine.h"
#include "v_internal.h"
#include "v903_ctx.h"
#include "v_year.h"

static const char *const default_reason[V_NEEDS_COUNT_] = {
	[V_NEEDS_NOTHING] = "",
	[V_NEEDS_PREVIOUS] = "needs the previous year's return, which was not supplied",
	[V_NEEDS_POSTCODES] = "needs a postcode table, which was not supplied",
	[V_NEEDS_REFDATE] = "needs a reference date (none in the file header; give --reference-date or --year)",
	[V_NEEDS_CALENDAR] = "needs the bank-holiday calendar covering the census year",
};

v_ctx *v_ctx_new(void)
{
	v_ctx *c = csc_xcalloc(1, sizeof *c);
	c->avail[V_NEEDS_NOTHING] = 1;
	c->prev_explicit = 0;
	c->year_end = CSC_NODATE;
	c->cur_rs = -1;
	for (int i = 0; i < V_NEEDS_COUNT_; i++)
		c->why[i] = csc_xstrdup(default_reason[i]);
	return c;
}

void v_ctx_free(v_ctx *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ncat; i++) {
		free(c->cat[i].code);
		free(c->cat[i].table);
		free(c->cat[i].message);
		free(c->cat[i].fields);
	}
	free(c->cat);
	free(c->cat_sorted);
	for (size_t i = 0; i < c->niss; i++) {
		free(c->iss[i].child);
		free(c->iss[i].table);
		free(c->iss[i].field);
		free(c->iss[i].value);
		free(c->iss[i].code);
	}
	free(c->iss);
	for (size_t i = 0; i < c->nnr; i++) {
		free(c->nr[i].code);
		free(c->nr[i].reason);
	}
	free(c->nr);
	for (int i = 0; i < V_NEEDS_COUNT_; i++)
		free(c->why[i]);
	for (size_t i = 0; i < c->nrs; i++)
		free(c->rs[i]);
	free(c->rs);
	for (size_t i = 0; i < c->ncover; i++) {
		free(c->cover[i].label);
		free(c->cover[i].value);
	}
	free(c->cover);
	free(c);
}

/* ---- the workbook's cover ---- */

void v_cover_add(v_ctx *c, const char *label, const char *value)
{
	c->cover = csc_xrealloc(c->cover, (c->ncover + 1) * sizeof *c->cover);
	c->cover[c->ncover].label = csc_xstrdup(label);
	c->cover[c->ncover].value = csc_xstrdup(value ? value : "");
	c->ncover++;
}

int v_cover_input(v_ctx *c, const char *path)
{
	char hex[65];
	if (csc_sha256_file(path, hex) != 0) {
		csc_error_at(path, 0, "cannot read to take its SHA-256: %s", strerror(errno));
		return -1;
	}
	v_cover_add(c, "Input file", path);
	v_cover_add(c, "SHA-256", hex);
	return 0;
}

/* ---- catalogue ---- */

/* Add one code to the catalogue; 0, or -1 after printing why. */
static int cat_add(v_ctx *c, const char *file, long line, const char *code, const char *table,
		   const char *message, const char *fields)
{
	if (v_rule_known(c, code)) {
		csc_error_at(file, line, "rule %s listed twice", code);
		return -1;
	}
	if (c->ncat == c->capcat) {
		c->capcat = c->capcat ? 2 * c->capcat : 128;
		c->cat = csc_xrealloc(c->cat, c->capcat * sizeof *c->cat);
	}
	struct v_cat *e = &c->cat[c->ncat++];
	e->code = csc_xstrdup(code);
	/* Trim stray spaces the DfE sheet sometimes carries (" The assessment"). */
	while (*message == ' ')
		message++;
	e->message = csc_xstrdup(message);
	e->table = csc_xstrdup(table);
	e->fields = csc_xstrdup(fields);
	size_t n = strlen(code);
	e->query = n > 0 && (code[n - 1] == 'Q' || code[n - 1] == 'q');
	v_cat_reindex(c);
	return 0;
}

static int cmp_cat_idx(const void *a, const void *b, void *arg)
{
	const v_ctx *c = arg;
	return strcmp(c->cat[*(const size_t *)a].code, c->cat[*(const size_t *)b].code);
}

void v_cat_reindex(v_ctx *c)
{
	/* Insertion keeps the index sorted; catalogues hold a few hundred rows. */
	c->cat_sorted = csc_xrealloc(c->cat_sorted, c->ncat * sizeof *c->cat_sorted);
	size_t i = c->ncat - 1;
	c->cat_sorted[i] = i;
	while (i > 0 && cmp_cat_idx(&c->cat_sorted[i - 1], &c->cat_sorted[i], c) > 0) {
		size_t t = c->cat_sorted[i];
		c->cat_sorted[i] = c->cat_sorted[i - 1];
		c->cat_sorted[i - 1] = t;
		i--;
	}
}

long v_cat_find(const v_ctx *c, const char *code)
{
	size_t lo = 0, hi = c->ncat;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int r = strcmp(c->cat[c->cat_sorted[mid]].code, code);
		if (r == 0)
			return (long)c->cat_sorted[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Rules by year: the rows up to the year, the latest row of each code. */
struct year_row {
	char *code, *table, *message, *fields;
	long line;
};

struct year_st {
	const char *name;
	int year;
	struct year_row *r;
	size_t n;
};

static void year_row_free(struct year_row *r)
{
	free(r->code);
	free(r->table);
	free(r->message);
	free(r->fields);
}

/* v: year, code, change, tables, affected_fields, message */
static int on_rule_row(void *arg, char **v, long line, int y)
{
	struct year_st *st = arg;
	const char *code = v[1], *ch = v[2];
	if (!*code) {
		csc_error_at(st->name, line, "empty rule code");
		return -1;
	}
	int del = !strcmp(ch, "deleted");
	if (!del && strcmp(ch, "base") && strcmp(ch, "added") && strcmp(ch, "modified") &&
	    strcmp(ch, "unchanged")) {
		csc_error_at(st->name, line, "change '%s' is none of base, added, modified, unchanged, deleted", ch);
		return -1;
	}
	if (y > st->year)
		return 0;
	size_t i = 0;
	while (i < st->n && strcmp(st->r[i].code, code))
		i++;
	if (del) {
		if (i < st->n) {
			year_row_free(&st->r[i]);
			memmove(&st->r[i], &st->r[i + 1], (st->n - i - 1) * sizeof *st->r);
			st->n--;
		}
		return 0;
	}
	if (i == st->n) {
		st->r = csc_xrealloc(st->r, (st->n + 1) * sizeof *st->r);
		st->n++;
	} else {
		year_row_free(&st->r[i]);
	}
	st->r[i] = (struct year_row){csc_xstrdup(code), csc_xstrdup(v[3]), csc_xstrdup(v[5]),
				     csc_xstrdup(v[4]), line};
	return 0;
}

static const char *const rule_cols[] = {"year", "code", "change", "tables", "affected_fields",
					"message"};

static int catalogue_year(v_ctx *c, const char *path, const char *data, size_t n,
			  const char *name, int year)
{
	struct year_st st = {.name = name ? name : path, .year = year};
	int rc = v_by_year_read(path, data, n, st.name, "rules-by-year CSV", rule_cols, 6, year,
				"rule", on_rule_row, &st);
	for (size_t i = 0; i < st.n; i++) {
		if (rc == 0 && cat_add(c, st.name, st.r[i].line, st.r[i].code, st.r[i].table,
				       st.r[i].message, st.r[i].fields) < 0)
			rc = -1;
		year_row_free(&st.r[i]);
	}
	free(st.r);
	return rc;
}

int v_load_catalogue_year(v_ctx *c, const char *path, int year)
{
	return catalogue_year(c, path, NULL, 0, path, year);
}

int v_load_catalogue_year_mem(v_ctx *c, const char *data, size_t n, const char *name, int year)
{
	return catalogue_year(c, NULL, data, n, name, year);
}

int v_rule_known(const v_ctx *c, const char *code)
{
	return v_cat_find(c, code) >= 0;
}

const char *v_rule_message(const v_ctx *c, const char *code)
{
	long i = v_cat_find(c, code);
	return i < 0 ? NULL : c->cat[i].message;
}

const char *v_rule_table(const v_ctx *c, const char *code)
{
	long i = v_cat_find(c, code);
	return i < 0 ? NULL : c->cat[i].table;
}

/* ---- data, needs, running ---- */

void *v_data(v_ctx *c) { return c->data; }
void *v_previous(v_ctx *c) { return c->prev; }

void v_set_data(v_ctx *c, void *data, void *previous)
{
	c->data = data;
	c->prev = previous;
	if (!c->prev_explicit)
		c->avail[V_NEEDS_PREVIOUS] = previous != NULL;
}

void v_set_collection_year(v_ctx *c, int year, csc_date refdate)
{
	c->year_end = CSC_NODATE;
	if (year)
		c->year_end = csc_date_make(year, 3, 31);
	else if (refdate != CSC_NODATE)
		/* the financial year holding D ends on the 31 March on or after it */
		c->year_end = csc_date_add_months(csc_fy_first(refdate), 12) - 1;
}

csc_date v_collection_year_end(v_ctx *c)
{
	return c->year_end;
}

int v_rule_in_year(const v_year_rule *e, int year)
{
	return !year || ((!e->from || year >= e->from) && (!e->to || year <= e->to));
}

void v_set_ruleset(v_ctx *c, const char *collection, int year)
{
	char label[128], y[16];
	snprintf(label, sizeof label, "%s %s", collection, v_year_label(year, y, sizeof y));
	c->rs_year = year;
	for (size_t i = 0; i < c->nrs; i++)
		if (!strcmp(c->rs[i], label)) {
			c->cur_rs = (int)i;
			return;
		}
	c->rs = csc_xrealloc(c->rs, (c->nrs + 1) * sizeof *c->rs);
	c->rs[c->nrs] = csc_xstrdup(label);
	c->cur_rs = (int)c->nrs++;
}

int v_ruleset_year(const v_ctx *c) { return c->rs_year; }
size_t v_ruleset_count(const v_ctx *c) { return c->nrs; }
const char *v_ruleset_label(const v_ctx *c, size_t i) { return i < c->nrs ? c->rs[i] : ""; }
const char *v_rs_label(const v_ctx *c, int rs) { return rs >= 0 && (size_t)rs < c->nrs ? c->rs[rs] : ""; }

void v_set_need(v_ctx *c, enum v_needs need, int available, const char *reason)
{
	if ((int)need < 0 || need >= V_NEEDS_COUNT_)
		return;
	c->avail[need] = available;
	if (need == V_NEEDS_PREVIOUS)
		c->prev_explicit = 1;
	if (reason) {
		free(c->why[need]);
		c->why[need] = csc_xstrdup(reason);
	}
}

void v_not_run(v_ctx *c, const char *code, const char *reason)
{
	for (size_t i = 0; i < c->nnr; i++)
		if (strcmp(c->nr[i].code, code) == 0)
			return;
	c->nr = csc_xrealloc(c->nr, (c->nnr + 1) * sizeof *c->nr);
	c->nr[c->nnr].code = csc_xstrdup(code);
	c->nr[c->nnr].reason = csc_xstrdup(reason ? reason : "");
	c->nr[c->nnr].rs = c->cur_rs;
	c->nnr++;
}

void v_run(v_ctx *c, const v_rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const v_rule *r = &rules[i];
		int need = (int)r->needs;
		if (need < 0 || need >= V_NEEDS_COUNT_ || !c->avail[need]) {
			v_not_run(c, r->code, need >= 0 && need < V_NEEDS_COUNT_ ? c->why[need] : "unknown need");
			continue;
		}
		if (r->check)
			r->check(c, r);
	}
}

void v_run_years(v_ctx *c, const v_year_rule *rules, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v_rule_in_year(&rules[i], c->rs_year))
			v_run(c, &rules[i].rule, 1);
}

/* Over a plain table (e NULL) or the entries of a by-year one in force in
 * `year`. */
static int check_registry(const v_ctx *c, const v_rule *plain, const v_year_rule *e, size_t n,
			  const char *const *not_impl, const char *table_filter, int year)
{
#define IN_FORCE(i) (!e || v_rule_in_year(&e[i], year))
#define RULE(i) (e ? &e[i].rule : &plain[i])
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		if (!IN_FORCE(i))
			continue;
		for (size_t j = 0; e && j < i; j++)
			if (IN_FORCE(j) && !strcmp(RULE(i)->code, RULE(j)->code)) {
				csc_error("rule %s has two entries in force in %d", RULE(i)->code, year);
				bad++;
			}
		if (!v_rule_known(c, RULE(i)->code)) {
			csc_error("rule %s is registered but not in the rules CSV", RULE(i)->code);
			bad++;
		}
		if (!RULE(i)->check) {
			csc_error("rule %s has no check function", RULE(i)->code);
			bad++;
		}
	}
	for (size_t k = 0; k < c->ncat; k++) {
		const char *code = c->cat[k].code;
		if (table_filter && strncmp(code, table_filter, strlen(table_filter)) != 0)
			continue;
		int found = 0;
		for (size_t i = 0; i < n && !found; i++)
			found = IN_FORCE(i) && strcmp(RULE(i)->code, code) == 0;
		for (size_t j = 0; not_impl && not_impl[j] && !found; j++)
			found = strcmp(not_impl[j], code) == 0;
		if (!found) {
			csc_error("rule %s is in the rules CSV but not registered (nor listed as not implemented)", code);
			bad++;
		}
	}
	return bad;
#undef IN_FORCE
#undef RULE
}

int v_check_registry(const v_ctx *c, const v_rule *rules, size_t n,
		     const char *const *not_impl, const char *table_filter)
{
	return check_registry(c, rules, NULL, n, not_impl, table_filter, 0);
}

int v_check_registry_year(const v_ctx *c, const v_year_rule *rules, size_t n,
			  const char *const *not_impl, const char *table_filter, int year)
{
	return check_registry(c, NULL, rules, n, not_impl, table_filter, year);
}

/* ---- issues ---- */

/* Values typed by case workers can be long; the report keeps the first
 * V_MAX_VALUE bytes (cut on a UTF-8 boundary) followed by "...". */
static char *bounded_copy(const char *s)
{
	if (!s)
		return csc_xstrdup("");
	size_t n = strlen(s);
	if (n <= V_MAX_VALUE)
		return csc_xstrdup(s);
	size_t cut = V_MAX_VALUE;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	char *r = csc_xmalloc(cut + 4);
	memcpy(r, s, cut);
	memcpy(r + cut, "...", 4);
	return r;
}

void v_report(v_ctx *c, const v_rule *rule, const char *child, const char *table,
	      const char *field, const char *value, long line)
{
	if (c->niss == c->capiss) {
		c->capiss = c->capiss ? 2 * c->capiss : 1024;
		c->iss = csc_xrealloc(c->iss, c->capiss * sizeof *c->iss);
	}
	struct v_iss *e = &c->iss[c->niss];
	e->cat = v_cat_find(c, rule->code);
	e->code = csc_xstrdup(rule->code);
	e->child = bounded_copy(child);
	e->table = csc_xstrdup(table ? table : (e->cat >= 0 ? c->cat[e->cat].table : ""));
	e->field = csc_xstrdup(field ? field : "");
	e->value = bounded_copy(value);
	e->line = line;
	e->seq = c->niss;
	e->rs = c->cur_rs;
	size_t n = strlen(rule->code);
	e->query = n > 0 && (rule->code[n - 1] == 'Q' || rule->code[n - 1] == 'q');
	if (e->query)
		c->nquery++;
	else
		c->nerror++;
	c->niss++;
	c->sorted = 0;
}

static int cmp_iss(const void *a, const void *b)
{
	const struct v_iss *x = a, *y = b;
	int r = strcmp(x->child, y->child);
	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if ((r = strcmp(x->code, y->code)))
		return r;
	if ((r = strcmp(x->field, y->field)))
		return r;
	if ((r = strcmp(x->value, y->value)))
		return r;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void v_sort(v_ctx *c)
{
	if (!c->sorted && c->niss)
		qsort(c->iss, c->niss, sizeof *c->iss, cmp_iss);
	c->sorted = 1;
}

size_t v_issue_count(const v_ctx *c) { return c->niss; }

v_issue v_issue_at(const v_ctx *c, size_t i)
{
	const struct v_iss *e = &c->iss[i];
	v_issue r = {
		.rule = e->code,
		.severity = e->query ? "query" : "error",
		.child = e->child,
		.table = e->table,
		.field = e->field,
		.value = e->value,
		.line = e->line,
		.message = e->cat >= 0 ? c->cat[e->cat].message : "(rule not in the rules CSV)",
	};
	return r;
}

size_t v_count(const v_ctx *c, const char *code)
{
	size_t n = 0;
	for (size_t i = 0; i < c->niss; i++)
		n += strcmp(c->iss[i].code, code) == 0;
	return n;
}

size_t v_not_run_count(const v_ctx *c) { return c->nnr; }
const char *v_not_run_code(const v_ctx *c, size_t i) { return c->nr[i].code; }
const char *v_not_run_reason(const v_ctx *c, size_t i) { return c->nr[i].reason; }

int v_exit_status(const v_ctx *c)
{
	if (c->nerror)
		return CSC_EXIT_DATA;
	if (c->nquery)
		return CSC_EXIT_QUERIES;
	return CSC_EXIT_OK;
}
