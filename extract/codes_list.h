/*
 * codes_list.h - a list of valid codes with label aliases.
 *
 * A code list holds the canonical codes of one field (from the SSDA903 YAML,
 * the CIN XSD or a built-in table) and aliases that map a label or another
 * spelling onto one of them. Lookup tries the Annex A forms of the field
 * when it has them (csc_annexa_codes.h: "q) 6: Police", "b) Female"), then
 * the code exactly, then the code ignoring case, then the aliases by
 * codes_key() (case, spaces and punctuation ignored), so "Police", "POLICE"
 * and "6" all give "6". The Annex A forms come first so that a value they
 * define ("Other" = 8) is never made ambiguous by a derived alias.
 */
#ifndef CODES_LIST_H
#define CODES_LIST_H

#include <stddef.h>

struct csc_aa_field;

typedef struct codes_list {
	const struct csc_aa_field *aa; /* Annex A forms, matched first; or NULL */
	int n, cap;         /* canonical codes */
	char **code;
	size_t *len;        /* strlen of each code (matched once per value) */
	int nalias, acap;   /* alias keys (codes_key form) and the code each gives */
	char **akey;
	int *ato;           /* index into code[] */
} codes_list;

/* An empty list. */
void codes_init(codes_list *c);

/* Add a canonical code (surrounding spaces trimmed; duplicates ignored).
 * Returns its index. */
int codes_add(codes_list *c, const char *code);

/* Map label onto the canonical code `code`, adding the code if needed.
 * An alias already mapped to another code is made ambiguous and then
 * matches nothing (a label must never silently pick one of two codes). */
void codes_alias(codes_list *c, const char *label, const char *code);

/* The canonical code for v (n bytes, spaces around it ignored), or NULL. */
const char *codes_find(const codes_list *c, const char *v, size_t n);

/* Write "a, b, c" (the canonical codes) into buf, cut with "..." to fit. */
void codes_describe(const codes_list *c, char *buf, size_t cap);

/* Normalise a label for alias matching: letters and digits only, lower
 * case; the UTF-8 dashes and curly quotes count as punctuation. */
void codes_key(const char *in, size_t n, char *out, size_t cap);

void codes_free(codes_list *c);

#endif
