/*
 * codes_yaml.h - the SSDA903 column definitions, read at run time from
 * <reference_dir>/SSDA903_schema_2024.yml.
 *
 * Read with libyaml, so the whole YAML 1.1 language is understood: block
 * and flow styles, quoting, comments, anchors (&name) and aliases (*name),
 * which share the anchored value (a table, a column, a category list or a
 * dictionary may be written once and reused). "<<" merge keys are refused
 * with an error (libyaml does not do them, and ignoring one would drop
 * properties silently). The file must be one document.
 *
 * Under the top-level `column_map` key each table maps each column to its
 * properties: `string`, `date`, `numeric` or `category` (a list of
 * "- code: X" items with an optional "name: Y"), `dictionary` (a mapping
 * label -> code) and `canbeblank`. Category `name`s and dictionary keys
 * become aliases of their code. Other keys are ignored; a value of the wrong
 * shape (a column that is not a mapping, a category that is not a list ...)
 * and every YAML syntax error is reported as "prog: file:line: message".
 *
 * Limits, checked while streaming before anything is built, so that no
 * input can make the reader crash, overrun or run away: the file size, the
 * nesting depth, the length of one value, the number of values; then, while
 * reading the column definitions, the values visited (aliases multiply
 * them) and the codes of one column.
 */
#ifndef CODES_YAML_H
#define CODES_YAML_H

#include <stddef.h>

#include "codes_list.h"

#define CODES_YAML_MAX_BYTES (16u << 20)
#define CODES_YAML_MAX_DEPTH 8        /* nested mappings and lists */
#define CODES_YAML_MAX_SCALAR 512     /* bytes of one key or value, the NUL included */
#define CODES_YAML_MAX_VALUES 200000  /* scalars, lists, mappings and aliases in the file */
#define CODES_YAML_MAX_VISITS 200000  /* values read for the columns, aliases expanded */
#define CODES_YAML_MAX_CODES 1000     /* codes, and labels, of one column */

enum yaml_kind { YK_NONE, YK_STRING, YK_DATE, YK_NUMERIC, YK_CATEGORY };

typedef struct yaml_col {
	char *table;
	char *column;
	enum yaml_kind kind;
	int canbeblank;       /* 1 = yes; 0 = no or not stated */
	codes_list codes;     /* category codes and their aliases */
	long line;            /* where the column is defined */
} yaml_col;

typedef struct codes_schema {
	int n, cap;
	yaml_col *cols;
} codes_schema;

/* Read path into s. 0, or -1 after printing "prog: path:line: message". */
int codes_yaml_load(const char *path, codes_schema *s);

/* Same from memory; name is used in messages. */
int codes_yaml_parse(const char *name, const char *text, size_t n, codes_schema *s);

/* The definition of table.column (exact names), or NULL. */
const yaml_col *codes_yaml_find(const codes_schema *s, const char *table, const char *column);

void codes_yaml_free(codes_schema *s);

#endif
