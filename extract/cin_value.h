/*
 * cin_value.h - checking and normalising the text of one CIN element.
 *
 * Every leaf value goes through cin_value_check with its type from the
 * element table (cin_schema.h) and, for coded values, the list read from the
 * XSD. The staged form is written to `out`; on failure the reason is a
 * sentence a data officer can act on.
 */
#ifndef CIN_VALUE_H
#define CIN_VALUE_H

#include <stddef.h>

#include "cin_schema.h"
#include "cin_xsd.h"

#define CIN_REASON_MAX 200

/* Built-in Sex list (M, F, U), used when the XSD has no Sex element
 * (the 2023-24 schema in ref/ predates the rename). */
extern const cin_codes cin_sex_codes;

/* Longest text accepted for a value of this type and list. */
size_t cin_value_limit(int type, const cin_codes *codes);

/* Check s (n bytes, already trimmed, n > 0) as a value of element `elem`.
 * 0: out holds the staged form (NUL-terminated, < CIN_VAL_MAX bytes).
 * -1: reason holds why it was refused. */
int cin_value_check(int type, const cin_codes *codes, const char *elem, const char *s,
		    size_t n, char out[CIN_VAL_MAX], char reason[CIN_REASON_MAX]);

/* Bounds of s without leading/trailing XML white space (space, TAB, CR, LF). */
void cin_trim(const char **s, size_t *n);

#endif
