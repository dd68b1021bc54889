/* codes_yaml.c - see codes_yaml.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codes_yaml.h"
#include "csc_diag.h"

#define MAX_DEPTH 8
#define MAX_SCALAR 512

struct level {
	int indent;
	char key[MAX_SCALAR];
};

struct yp {
	const char *name;
	const char *p, *end;   /* unread text */
	long line;
	struct level st[MAX_DEPTH];
	int depth;
	int item_indent;       /* indent of the current "- " item, -1 = none */
	int item_code;         /* its code index in the current column, -1 = none */
	codes_schema *s;
	yaml_col *col;         /* column being defined */
};

static int yerr(struct yp *y, const char *msg)
{
	csc_error_at(y->name, y->line, "%s", msg);
	return -1;
}

/* Next physical line without its line end; 0 at end of text. */
static int next_line(struct yp *y, const char **ls, size_t *ln)
{
	if (y->p >= y->end)
		return 0;
	const char *nl = memchr(y->p, '\n', (size_t)(y->end - y->p));
	const char *e = nl ? nl : y->end;
	*ls = y->p;
	*ln = (size_t)(e - y->p);
	if (*ln && (*ls)[*ln - 1] == '\r')
		(*ln)--;
	y->p = nl ? nl + 1 : y->end;
	y->line++;
	return 1;
}

static void skip_sp(const char **s, const char *e)
{
	while (*s < e && (**s == ' ' || **s == '\t'))
		(*s)++;
}

/* Read one scalar at *s (quoted, or plain up to one of `stops`), unquoted
 * into out. -1 on an unterminated quote or a scalar too long. */
static int scalar(struct yp *y, const char **s, const char *e, const char *stops, char *out)
{
	size_t o = 0;
	skip_sp(s, e);
	if (*s < e && (**s == '"' || **s == '\'')) {
		char q = **s;
		(*s)++;
		for (;;) {
			if (*s >= e)
				return yerr(y, "unterminated quoted string");
			char c = **s;
			(*s)++;
			if (c == q) {
				if (q == '\'' && *s < e && **s == '\'') {
					(*s)++;
				} else {
					break;
				}
			} else if (c == '\\' && q == '"' && *s < e) {
				c = **s;
				(*s)++;
			}
			if (o + 1 >= MAX_SCALAR)
				return yerr(y, "value too long");
			out[o++] = c;
		}
	} else {
		while (*s < e && !strchr(stops, **s)) {
			if (**s == '#' && (o == 0 || out[o - 1] == ' '))
				break; /* comment */
			if (o + 1 >= MAX_SCALAR)
				return yerr(y, "value too long");
			out[o++] = **s;
			(*s)++;
		}
		while (o && (out[o - 1] == ' ' || out[o - 1] == '\t'))
			o--;
	}
	out[o] = '\0';
	skip_sp(s, e);
	return 0;
}

/* Split "key: value" (value may be empty). `rest` gets what follows the
 * colon, unparsed, so flow mappings can be handled by the caller. */
static int key_rest(struct yp *y, const char *s, const char *e, char *key, const char **rest)
{
	if (scalar(y, &s, e, ":", key) != 0)
		return -1;
	if (s >= e || *s != ':')
		return yerr(y, "expected \"key: value\"");
	s++;
	skip_sp(&s, e);
	*rest = s;
	return 0;
}

static int parse_bool(const char *v)
{
	static const char *const yes[] = {"yes", "true", "y", "on", NULL};
	for (int i = 0; yes[i]; i++)
		if (!strcasecmp(v, yes[i]))
			return 1;
	return 0;
}

/* A flow mapping starting at `s` ('{'), continued on following lines until
 * its '}'. Every pair becomes an alias of the current column. */
static int flow_map(struct yp *y, const char *s, const char *e)
{
	long start = y->line;
	s++; /* '{' */
	for (;;) {
		skip_sp(&s, e);
		if (s >= e) {
			const char *ls;
			size_t ln;
			if (!next_line(y, &ls, &ln)) {
				y->line = start;
				return yerr(y, "unterminated { mapping");
			}
			s = ls;
			e = ls + ln;
			continue;
		}
		if (*s == '}')
			return 0;
		if (*s == ',') {
			s++;
			continue;
		}
		char k[MAX_SCALAR], v[MAX_SCALAR];
		if (scalar(y, &s, e, ":,}", k) != 0)
			return -1;
		if (s >= e || *s != ':')
			return yerr(y, "expected \"key : value\" in { mapping");
		s++;
		if (scalar(y, &s, e, ",}", v) != 0)
			return -1;
		if (y->col && *k && *v)
			codes_alias(&y->col->codes, k, v);
	}
}

static yaml_col *new_col(struct yp *y, const char *table, const char *column)
{
	codes_schema *s = y->s;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->cols = csc_xrealloc(s->cols, (size_t)s->cap * sizeof *s->cols);
	}
	yaml_col *c = &s->cols[s->n++];
	memset(c, 0, sizeof *c);
	c->table = csc_xstrdup(table);
	c->column = csc_xstrdup(column);
	c->line = y->line;
	codes_init(&c->codes);
	return c;
}

/* "- code: X" or a following "name: Y" inside an item. */
static int item_pair(struct yp *y, const char *key, const char *rest, const char *e)
{
	char v[MAX_SCALAR];
	if (scalar(y, &rest, e, "", v) != 0)
		return -1;
	if (!y->col || y->col->kind != YK_CATEGORY)
		return 0; /* an item outside a category list: not ours */
	if (!strcmp(key, "code")) {
		if (!*v)
			return yerr(y, "empty code");
		y->item_code = codes_add(&y->col->codes, v);
	} else if (!strcmp(key, "name") && y->item_code >= 0 && *v) {
		codes_alias(&y->col->codes, v, y->col->codes.code[y->item_code]);
	}
	return 0;
}

static const struct {
	const char *key;
	enum yaml_kind kind;
} kinds[] = {
	{"string", YK_STRING}, {"date", YK_DATE}, {"numeric", YK_NUMERIC}, {"category", YK_CATEGORY},
};

/* A property line of the current column. */
static int property(struct yp *y, const char *key, const char *rest, const char *e)
{
	if (!strcmp(key, "dictionary")) {
		if (rest < e && *rest == '{')
			return flow_map(y, rest, e);
		return 0;
	}
	char v[MAX_SCALAR];
	if (scalar(y, &rest, e, "", v) != 0)
		return -1;
	if (!strcmp(key, "canbeblank")) {
		y->col->canbeblank = parse_bool(v);
		return 0;
	}
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(key, kinds[i].key)) {
			if (y->col->kind != YK_NONE && y->col->kind != kinds[i].kind)
				return yerr(y, "column has two types");
			y->col->kind = kinds[i].kind;
		}
	return 0;
}

static int one_line(struct yp *y, const char *ls, size_t ln)
{
	const char *s = ls, *e = ls + ln;
	int indent = 0;
	while (s < e && *s == ' ')
		s++, indent++;
	if (s == e || *s == '#')
		return 0;
	if (*s == '\t')
		return yerr(y, "tab in indentation (YAML indents with spaces)");
	if (indent > 200)
		return yerr(y, "indentation too deep");
	int is_item = (*s == '-' && (s + 1 == e || s[1] == ' '));
	if (is_item) {
		s++;
		skip_sp(&s, e);
		y->item_indent = indent;
		y->item_code = -1;
		if (s == e)
			return 0;
		char key[MAX_SCALAR];
		const char *rest;
		if (key_rest(y, s, e, key, &rest) != 0)
			return -1;
		return item_pair(y, key, rest, e);
	}
	char key[MAX_SCALAR];
	const char *rest;
	if (key_rest(y, s, e, key, &rest) != 0)
		return -1;
	if (y->item_indent >= 0 && indent > y->item_indent)
		return item_pair(y, key, rest, e);
	y->item_indent = -1;
	while (y->depth && y->st[y->depth - 1].indent >= indent)
		y->depth--;
	int d = y->depth; /* this key's depth: 0 column_map, 1 table, 2 column, 3 property */
	int in_map = d >= 1 && !strcmp(y->st[0].key, "column_map");
	if (d == 3 && in_map && y->col)
		return property(y, key, rest, e);
	if (rest < e && *rest != '#') {
		if (*rest == '{')
			return flow_map(y, rest, e); /* unknown mapping value: skip it */
		return 0; /* a scalar we do not use */
	}
	if (d == MAX_DEPTH)
		return yerr(y, "nesting too deep");
	y->st[d].indent = indent;
	snprintf(y->st[d].key, sizeof y->st[d].key, "%s", key);
	y->depth = d + 1;
	if (d == 2 && in_map)
		y->col = new_col(y, y->st[1].key, key);
	else if (d < 2)
		y->col = NULL;
	return 0;
}

int codes_yaml_parse(const char *name, const char *text, size_t n, codes_schema *s)
{
	memset(s, 0, sizeof *s);
	struct yp y;
	memset(&y, 0, sizeof y);
	y.name = name;
	y.p = text;
	y.end = text + n;
	y.s = s;
	y.item_indent = -1;
	y.item_code = -1;
	if (memchr(text, '\0', n)) {
		y.line = 1;
		yerr(&y, "NUL byte: not a YAML text file");
		codes_yaml_free(s);
		return -1;
	}
	const char *ls;
	size_t ln;
	while (next_line(&y, &ls, &ln))
		if (one_line(&y, ls, ln) != 0) {
			codes_yaml_free(s);
			return -1;
		}
	if (!s->n) {
		y.line = 0;
		yerr(&y, "no column definitions under column_map");
		codes_yaml_free(s);
		return -1;
	}
	return 0;
}

int codes_yaml_load(const char *path, codes_schema *s)
{
	memset(s, 0, sizeof *s);
	FILE *f = fopen(path, "rb");
	if (!f) {
		csc_error_at(path, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	char *buf = csc_xmalloc(CODES_YAML_MAX_BYTES + 1);
	size_t n = fread(buf, 1, CODES_YAML_MAX_BYTES + 1, f);
	int bad = ferror(f);
	fclose(f);
	int rc;
	if (bad) {
		csc_error_at(path, 0, "read error");
		rc = -1;
	} else if (n > CODES_YAML_MAX_BYTES) {
		csc_error_at(path, 0, "larger than %u bytes: not a code list", CODES_YAML_MAX_BYTES);
		rc = -1;
	} else {
		rc = codes_yaml_parse(path, buf, n, s);
	}
	free(buf);
	return rc;
}

const yaml_col *codes_yaml_find(const codes_schema *s, const char *table, const char *column)
{
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->cols[i].table, table) && !strcmp(s->cols[i].column, column))
			return &s->cols[i];
	return NULL;
}

void codes_yaml_free(codes_schema *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->cols[i].table);
		free(s->cols[i].column);
		codes_free(&s->cols[i].codes);
	}
	free(s->cols);
	memset(s, 0, sizeof *s);
}
