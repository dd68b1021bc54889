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
		s->tables[t] = (list_table){tb->name, s->cols[t], tb->ncols, 0, 1, NULL, NULL, NULL};
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
