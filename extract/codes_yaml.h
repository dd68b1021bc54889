/*
 * codes_yaml.h - the SSDA903 column definitions, read at run time from
 * <reference_dir>/SSDA903_schema_2024.yml.
 *
 * Only the subset of YAML that file uses is understood: block mappings by
 * indentation (spaces), block sequences of "- code: X" items with an
 * optional "name:" line, flow mappings "{"a" : "b", ...}" that may span
 * lines, quoted and plain scalars and # comments. Under the top-level
 * `column_map` key each table maps each column to its properties:
 * `string`, `date`, `numeric` or `category` (with codes), `dictionary`
 * (label -> code) and `canbeblank`. Category `name`s and dictionary keys
 * become aliases of their code. Anything outside that subset is either
 * ignored (unknown keys) or reported as "file:line: message" (bad
 * structure); no input can make the reader crash or overrun.
 */
#ifndef CODES_YAML_H
#define CODES_YAML_H

#include <stddef.h>

#include "codes_list.h"

#define CODES_YAML_MAX_BYTES (16u << 20)

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
