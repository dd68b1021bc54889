/* codes_yaml.c - see codes_yaml.h.
 *
 * Two passes of libyaml over the text. The first streams its events only to
 * check the limits (nesting, value length, number of values) and report
 * libyaml's own syntax errors with their line, before anything is built.
 * The second loads the document (aliases become shared nodes) and walks the
 * fixed shape column_map -> table -> column -> property, counting every
 * node it visits so that aliases cannot multiply the work. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "codes_yaml.h"
#include "csc_diag.h"

struct walk {
	const char *name;
	yaml_document_t *doc;
	codes_schema *s;
	long visits;
};

static int yerr(const char *name, long line, const char *msg)
{
	csc_error_at(name, line, "%s", msg);
	return -1;
}

static long line_of(const yaml_node_t *n)
{
	return (long)n->start_mark.line + 1;
}

/* libyaml's error as "name:line: problem (context, line L)". A reader
 * error (bad UTF-8) has only a byte offset, turned into a line here. */
static int parser_error(const char *name, const yaml_parser_t *p, const char *text, size_t n)
{
	char msg[512];
	long line;
	if (p->error == YAML_READER_ERROR) {
		line = 1;
		for (size_t i = 0; i < p->problem_offset && i < n; i++)
			line += text[i] == '\n';
		snprintf(msg, sizeof msg, "%s", p->problem ? p->problem : "cannot read the text");
	} else if (p->error == YAML_MEMORY_ERROR) {
		line = 0;
		snprintf(msg, sizeof msg, "out of memory reading YAML");
	} else {
		line = (long)p->problem_mark.line + 1;
		/* the end of the text is no place to look: name where the
		 * unfinished quote, mapping or list began */
		if (p->context && p->problem_mark.index >= n)
			line = (long)p->context_mark.line + 1;
		if (p->context)
			snprintf(msg, sizeof msg, "%s (%s, line %ld)", p->problem ? p->problem : "syntax error",
				 p->context, (long)p->context_mark.line + 1);
		else
			snprintf(msg, sizeof msg, "%s", p->problem ? p->problem : "syntax error");
	}
	return yerr(name, line, msg);
}

/* The open collections while streaming: where each began and whether it
 * is a flow one ({ } or [ ]), which only its closing bracket ends. */
struct open {
	long line;
	char flow; /* 0, '{' or '[' */
};

/* A syntax error at the very end of the text inside a { } or [ ] names the
 * line where the bracket was opened rather than the end of the file. */
static int unterminated(const char *name, const yaml_parser_t *p, size_t n, const struct open *st,
			int depth)
{
	if (p->error != YAML_PARSER_ERROR && p->error != YAML_SCANNER_ERROR)
		return 0;
	if (p->problem_mark.index < n)
		return 0;
	for (int d = depth; d > 0; d--)
		if (st[d].flow) {
			char msg[512];
			snprintf(msg, sizeof msg, "unterminated %s (%s)",
				 st[d].flow == '{' ? "{ mapping" : "[ list", p->problem ? p->problem : "end of text");
			return yerr(name, st[d].line, msg);
		}
	return 0;
}

/* Pass 1: the limits, on the event stream. */
static int check_limits(const char *name, const char *text, size_t n)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return yerr(name, 0, "out of memory reading YAML");
	yaml_parser_set_input_string(&p, (const unsigned char *)text, n);
	int rc = 0, depth = 0, docs = 0, done = 0;
	long values = 0;
	struct open st[CODES_YAML_MAX_DEPTH + 1];
	while (!done && rc == 0) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev)) {
			rc = unterminated(name, &p, n, st, depth);
			if (rc == 0)
				rc = parser_error(name, &p, text, n);
			break;
		}
		long line = (long)ev.start_mark.line + 1;
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				rc = yerr(name, line, "a second YAML document: a code list is one document");
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > CODES_YAML_MAX_DEPTH) {
				rc = yerr(name, line, "nesting too deep");
				break;
			}
			st[depth].line = line;
			st[depth].flow = ev.type == YAML_MAPPING_START_EVENT
						 ? (ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE ? '{' : 0)
						 : (ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE ? '[' : 0);
			values++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			if (ev.data.scalar.length >= CODES_YAML_MAX_SCALAR)
				rc = yerr(name, line, "value too long");
			else if (memchr(ev.data.scalar.value, '\0', ev.data.scalar.length))
				rc = yerr(name, line, "NUL character in a value");
			values++;
			break;
		case YAML_ALIAS_EVENT:
			values++;
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		if (rc == 0 && values > CODES_YAML_MAX_VALUES) {
			char msg[96];
			snprintf(msg, sizeof msg, "more than %d values: not a code list", CODES_YAML_MAX_VALUES);
			rc = yerr(name, line, msg);
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

/* Count one visited node; -1 once aliases have expanded the walk too far. */
static int visit(struct walk *w, const yaml_node_t *n)
{
	if (++w->visits <= CODES_YAML_MAX_VISITS)
		return 0;
	char msg[128];
	snprintf(msg, sizeof msg, "aliases expand to more than %d values", CODES_YAML_MAX_VISITS);
	return yerr(w->name, line_of(n), msg);
}

static yaml_node_t *node(struct walk *w, int i)
{
	return yaml_document_get_node(w->doc, i);
}

/* The text of a scalar node, or NULL for any other node. */
static const char *text_of(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* An empty value ("key:" with nothing after it, "~" or "null"). */
static int is_null(const yaml_node_t *n)
{
	const char *t = text_of(n);
	return t && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       (!*t || !strcmp(t, "~") || !strcmp(t, "null") || !strcmp(t, "Null") || !strcmp(t, "NULL"));
}

/* The scalar key of a mapping pair, or an error: YAML allows a list or a
 * mapping as a key, a code list never has one. A "<<" merge key (YAML 1.1
 * only, not done by libyaml) is refused rather than silently ignored. */
static int key_of(struct walk *w, const yaml_node_pair_t *pr, const char **key)
{
	const yaml_node_t *k = node(w, pr->key);
	if (!k || visit(w, k) != 0)
		return -1;
	*key = text_of(k);
	if (!*key)
		return yerr(w->name, line_of(k), "a key must be a plain value");
	if (!strcmp(*key, "<<") && k->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		return yerr(w->name, line_of(k),
			    "merge keys (<<) are not supported: use an alias (*name) for the whole value");
	return 0;
}

/* The key and the value of a mapping pair, both counted as visited. */
static int pair_of(struct walk *w, const yaml_node_pair_t *pr, const char **key, const yaml_node_t **v)
{
	if (key_of(w, pr, key) != 0)
		return -1;
	*v = node(w, pr->value);
	return visit(w, *v);
}

/* 0 when v is a node of the type wanted, 1 when it is empty (nothing to
 * read), else -1 after reporting msg at v's line. */
static int shape(struct walk *w, const yaml_node_t *v, yaml_node_type_t type, const char *msg)
{
	if (v->type == type)
		return 0;
	return is_null(v) ? 1 : yerr(w->name, line_of(v), msg);
}

static int too_many_codes(struct walk *w, const yaml_node_t *at, const yaml_col *c)
{
	if (c->codes.n < CODES_YAML_MAX_CODES && c->codes.nalias < CODES_YAML_MAX_CODES)
		return 0;
	char msg[96];
	snprintf(msg, sizeof msg, "more than %d codes or labels in one column", CODES_YAML_MAX_CODES);
	return yerr(w->name, line_of(at), msg);
}

/* One "- code: X" item, with an optional "name: Y" that becomes an alias. */
static int category_item(struct walk *w, yaml_col *c, const yaml_node_t *item)
{
	if (item->type != YAML_MAPPING_NODE)
		return yerr(w->name, line_of(item), "a category item is \"- code: X\" (and optional \"name: Y\")");
	const char *code = NULL, *label = NULL;
	for (yaml_node_pair_t *pr = item->data.mapping.pairs.start; pr < item->data.mapping.pairs.top; pr++) {
		const char *key;
		const yaml_node_t *v;
		if (pair_of(w, pr, &key, &v) != 0)
			return -1;
		if (strcmp(key, "code") && strcmp(key, "name"))
			continue; /* not ours */
		if (!text_of(v))
			return yerr(w->name, line_of(v), "a code or name is a single value");
		*(!strcmp(key, "code") ? &code : &label) = text_of(v);
	}
	if (!code || !*code)
		return yerr(w->name, line_of(item), code ? "empty code" : "category item without a code");
	if (too_many_codes(w, item, c) != 0)
		return -1;
	int i = codes_add(&c->codes, code);
	if (label && *label)
		codes_alias(&c->codes, label, c->codes.code[i]);
	return 0;
}

static int category(struct walk *w, yaml_col *c, const yaml_node_t *v)
{
	int sh = shape(w, v, YAML_SEQUENCE_NODE, "category: expected a list of \"- code: X\" items");
	if (sh != 0)
		return sh < 0 ? -1 : 0;
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const yaml_node_t *item = node(w, *it);
		if (visit(w, item) != 0 || category_item(w, c, item) != 0)
			return -1;
	}
	return 0;
}

/* { label : code, ... }: every pair becomes an alias of its code. */
static int dictionary(struct walk *w, yaml_col *c, const yaml_node_t *v)
{
	int sh = shape(w, v, YAML_MAPPING_NODE, "dictionary: expected a { label : code } mapping");
	if (sh != 0)
		return sh < 0 ? -1 : 0;
	for (yaml_node_pair_t *pr = v->data.mapping.pairs.start; pr < v->data.mapping.pairs.top; pr++) {
		const char *label;
		const yaml_node_t *code;
		if (pair_of(w, pr, &label, &code) != 0)
			return -1;
		if (!text_of(code))
			return yerr(w->name, line_of(code), "dictionary: a code is a single value");
		if (is_null(code))
			return yerr(w->name, line_of(code), "dictionary: a label without a code");
		if (!*label || !*text_of(code))
			continue; /* "" : written empty on purpose */
		if (too_many_codes(w, code, c) != 0)
			return -1;
		codes_alias(&c->codes, label, text_of(code));
	}
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

static const struct {
	const char *key;
	enum yaml_kind kind;
} kinds[] = {
	{"string", YK_STRING}, {"date", YK_DATE}, {"numeric", YK_NUMERIC}, {"category", YK_CATEGORY},
};

/* One property of a column; unknown properties are not ours. */
static int property(struct walk *w, yaml_col *c, const yaml_node_t *k, const yaml_node_t *v)
{
	const char *key = text_of(k);
	if (!strcmp(key, "dictionary"))
		return dictionary(w, c, v);
	if (!strcmp(key, "canbeblank")) {
		if (!text_of(v))
			return yerr(w->name, line_of(v), "canbeblank: expected yes or no");
		c->canbeblank = parse_bool(text_of(v));
		return 0;
	}
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(key, kinds[i].key)) {
			if (c->kind != YK_NONE && c->kind != kinds[i].kind)
				return yerr(w->name, line_of(k), "column has two types");
			c->kind = kinds[i].kind;
			return kinds[i].kind == YK_CATEGORY ? category(w, c, v) : 0;
		}
	return 0;
}

static yaml_col *new_col(codes_schema *s, const char *table, const char *column, long line)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->cols = csc_xrealloc(s->cols, (size_t)s->cap * sizeof *s->cols);
	}
	yaml_col *c = &s->cols[s->n++];
	memset(c, 0, sizeof *c);
	c->table = csc_xstrdup(table);
	c->column = csc_xstrdup(column);
	c->line = line;
	codes_init(&c->codes);
	return c;
}

/* One column of a table: its properties, in the order written. */
static int column(struct walk *w, const char *table, const yaml_node_pair_t *pr)
{
	const char *name;
	const yaml_node_t *v;
	if (pair_of(w, pr, &name, &v) != 0)
		return -1;
	int sh = shape(w, v, YAML_MAPPING_NODE, "a column is a mapping of its properties");
	if (sh < 0)
		return -1;
	yaml_col *c = new_col(w->s, table, name, line_of(node(w, pr->key)));
	if (sh > 0)
		return 0; /* a column with no properties */
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *key;
		const yaml_node_t *pv;
		if (pair_of(w, p, &key, &pv) != 0 || property(w, c, node(w, p->key), pv) != 0)
			return -1;
	}
	return 0;
}

static int tables(struct walk *w, const yaml_node_t *map)
{
	if (map->type != YAML_MAPPING_NODE)
		return yerr(w->name, line_of(map), "column_map is a mapping of tables");
	for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
		const char *table;
		const yaml_node_t *t;
		if (pair_of(w, pr, &table, &t) != 0)
			return -1;
		int sh = shape(w, t, YAML_MAPPING_NODE, "a table is a mapping of its columns");
		if (sh < 0)
			return -1;
		if (sh > 0)
			continue;
		for (yaml_node_pair_t *c = t->data.mapping.pairs.start; c < t->data.mapping.pairs.top; c++)
			if (column(w, table, c) != 0)
				return -1;
	}
	return 0;
}

/* Pass 2: the top-level column_map (other top-level keys are not ours). */
static int walk(struct walk *w)
{
	const yaml_node_t *root = yaml_document_get_root_node(w->doc);
	if (!root || root->type != YAML_MAPPING_NODE)
		return 0;
	for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
		const char *key;
		const yaml_node_t *v;
		if (pair_of(w, pr, &key, &v) != 0)
			return -1;
		if (!strcmp(key, "column_map") && tables(w, v) != 0)
			return -1;
	}
	return 0;
}

int codes_yaml_parse(const char *name, const char *text, size_t n, codes_schema *s)
{
	memset(s, 0, sizeof *s);
	if (memchr(text, '\0', n))
		return yerr(name, 1, "NUL byte: not a YAML text file");
	if (check_limits(name, text, n) != 0)
		return -1;
	yaml_parser_t p;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&p))
		return yerr(name, 0, "out of memory reading YAML");
	yaml_parser_set_input_string(&p, (const unsigned char *)text, n);
	int rc;
	if (!yaml_parser_load(&p, &doc)) {
		rc = parser_error(name, &p, text, n);
	} else {
		struct walk w = {name, &doc, s, 0};
		rc = walk(&w);
		yaml_document_delete(&doc);
		if (rc == 0 && !s->n)
			rc = yerr(name, 0, "no column definitions under column_map");
	}
	yaml_parser_delete(&p);
	if (rc != 0)
		codes_yaml_free(s);
	return rc;
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
