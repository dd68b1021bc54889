/* ssda903_schema.c - see ssda903_schema.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csc_diag.h"
#include "ssda903_schema.h"

/* Columns whose YAML type the extractor refines: SEX is 1/2 in the YAML
 * but M/F/U from 2024-25, and is staged as M/F/U (FORMATS.md). */
static const struct {
	const char *table, *column;
	enum list_type type;
} overrides[] = {
	{"Header", "SEX", LT_SEX},
	{"UASC", "SEX", LT_SEX},
};

static const enum list_type by_kind[] = {
	[YK_STRING] = LT_ID, [YK_DATE] = LT_DATE_DMY, [YK_NUMERIC] = LT_INT, [YK_CATEGORY] = LT_CODE,
};

static int build(ssda903_schema *s, const char *name)
{
	for (int t = 0; t < CSC_903_NTABLES; t++) {
		const csc_903_table *tb = &csc_903_tables[t];
		for (int i = 0; i < tb->ncols; i++) {
			const yaml_col *y = codes_yaml_find(&s->yaml, tb->name, tb->cols[i]);
			if (!y) {
				csc_error_at(name, 0, "no definition of %s column %s", tb->name, tb->cols[i]);
				return -1;
			}
			if (y->kind == YK_NONE || (y->kind == YK_CATEGORY && !y->codes.n)) {
				csc_error_at(name, y->line, "%s column %s has no type or no codes",
					     tb->name, tb->cols[i]);
				return -1;
			}
			list_col *c = &s->cols[t][i];
			memset(c, 0, sizeof *c);
			c->name = tb->cols[i];
			c->stage = tb->cols[i];
			c->type = by_kind[y->kind];
			c->required = 1;
			c->blank_ok = y->canbeblank;
			c->codes = &y->codes;
			c->lo = 1, c->hi = 0; /* any whole number */
			for (size_t k = 0; k < sizeof overrides / sizeof overrides[0]; k++)
				if (!strcmp(overrides[k].table, tb->name) &&
				    !strcmp(overrides[k].column, tb->cols[i]))
					c->type = overrides[k].type;
		}
		s->tables[t] = (list_table){tb->name, s->cols[t], tb->ncols, 0, 1, NULL, NULL};
	}
	return 0;
}

int ssda903_schema_parse(ssda903_schema *s, const char *name, const char *text, size_t n)
{
	memset(s, 0, sizeof *s);
	if (codes_yaml_parse(name, text, n, &s->yaml) != 0)
		return -1;
	if (build(s, name) != 0) {
		codes_yaml_free(&s->yaml);
		return -1;
	}
	return 0;
}

int ssda903_schema_load(ssda903_schema *s, const char *path)
{
	memset(s, 0, sizeof *s);
	if (codes_yaml_load(path, &s->yaml) != 0)
		return -1;
	if (build(s, path) != 0) {
		codes_yaml_free(&s->yaml);
		return -1;
	}
	return 0;
}

const list_table *ssda903_schema_table(const ssda903_schema *s, const csc_903_table *t)
{
	return &s->tables[t - csc_903_tables];
}

void ssda903_schema_free(ssda903_schema *s)
{
	codes_yaml_free(&s->yaml);
}

static void trimmed(const char *f, size_t n, const char **o, size_t *on)
{
	while (n && (*f == ' ' || *f == '\t'))
		f++, n--;
	while (n && (f[n - 1] == ' ' || f[n - 1] == '\t'))
		n--;
	*o = f;
	*on = n;
}

static int has_field(char *const *f, const size_t *len, int n, const char *want, int nocase)
{
	size_t wn = strlen(want);
	for (int i = 0; i < n; i++) {
		const char *s;
		size_t sn;
		trimmed(f[i], len[i], &s, &sn);
		if (sn == wn && (nocase ? !strncasecmp(s, want, wn) : !memcmp(s, want, wn)))
			return 1;
	}
	return 0;
}

static void append(char *buf, size_t cap, const char *sep, const char *s, size_t n)
{
	size_t o = strlen(buf);
	if (o + 1 >= cap)
		return;
	snprintf(buf + o, cap - o, "%s%.*s", o ? sep : "", (int)(n > 60 ? 60 : n), s);
}

void ssda903_explain_header(const char *file, long line, char *const *f, const size_t *len, int n)
{
	int best = 0, best_score = -1000000, best_match = 0;
	for (int t = 0; t < CSC_903_NTABLES; t++) {
		const csc_903_table *tb = &csc_903_tables[t];
		int match = 0;
		for (int i = 0; i < tb->ncols; i++)
			match += has_field(f, len, n, tb->cols[i], 1);
		int score = 3 * match - abs(n - tb->ncols);
		if (score > best_score)
			best_score = score, best = t, best_match = match;
	}
	const csc_903_table *tb = &csc_903_tables[best];
	char expected[512] = "", missing[512] = "", extra[512] = "";
	int case_only = 1;
	for (int i = 0; i < tb->ncols; i++) {
		append(expected, sizeof expected, ",", tb->cols[i], strlen(tb->cols[i]));
		if (!has_field(f, len, n, tb->cols[i], 0)) {
			append(missing, sizeof missing, ", ", tb->cols[i], strlen(tb->cols[i]));
			case_only &= has_field(f, len, n, tb->cols[i], 1);
		}
	}
	for (int i = 0; i < n && i < 64; i++) {
		const char *s;
		size_t sn;
		trimmed(f[i], len[i], &s, &sn);
		int known = 0;
		for (int k = 0; k < tb->ncols && !known; k++)
			known = sn == strlen(tb->cols[k]) && !memcmp(s, tb->cols[k], sn);
		if (!known)
			append(extra, sizeof extra, ", ", sn ? s : "(empty)", sn ? sn : 7);
	}
	const char *note = "";
	if (!best_match)
		note = " (no column name is known: is the header row missing?)";
	else if (*missing && case_only)
		note = " (column names are upper case)";
	else if (!*missing && !*extra)
		note = " (the columns must be in this order)";
	csc_error_at(file, line,
		     "header matches no SSDA903 table; closest is %s, whose header is %s%s%s%s%s%s",
		     tb->name, expected, *missing ? "; missing: " : "", missing,
		     *extra ? "; not expected: " : "", extra, note);
}
