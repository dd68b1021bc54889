/*
 * ssda903_schema.h - the column specifications of the eleven SSDA903
 * tables, built at run time from the DfE column list (csc_903.h) and the
 * code lists of SSDA903_schema_2024.yml (codes_yaml.h).
 */
#ifndef SSDA903_SCHEMA_H
#define SSDA903_SCHEMA_H

#include "codes_yaml.h"
#include "csc_903.h"
#include "list_engine.h"

typedef struct ssda903_schema {
	codes_schema yaml;
	list_col cols[CSC_903_NTABLES][CSC_903_MAX_COLS];
	list_table tables[CSC_903_NTABLES]; /* in csc_903_tables order */
} ssda903_schema;

/* Load the YAML at path and build every table. 0, or -1 after printing
 * "path:line: message" (unreadable YAML, a column without a definition or
 * a type, a category without codes). */
int ssda903_schema_load(ssda903_schema *s, const char *path);

/* Same from YAML text in memory (tests). */
int ssda903_schema_parse(ssda903_schema *s, const char *name, const char *text, size_t n);

/* The list_table of a csc_903 table. */
const list_table *ssda903_schema_table(const ssda903_schema *s, const csc_903_table *t);

void ssda903_schema_free(ssda903_schema *s);

#endif
