/*
 * cin_xsd.h - the code lists and occurrence rules of the CIN census XSD,
 * read at run time from <reference_dir>/CIN_schema_2024.xsd.
 *
 * The XSD is trusted project data, so it is read whole (a DOM of ~40 KB),
 * but still without network, DTD or entity substitution. For every named
 * xs:element it keeps the xs:enumeration values of its type (a named
 * xs:simpleType or an inline one) and its minOccurs; for every value, its
 * xs:documentation label. The one reader of XSD code lists: the CIN
 * extractor checks values with it, codes_xsd.h turns a list's labels into
 * aliases for the CSV extractors.
 */
#ifndef CIN_XSD_H
#define CIN_XSD_H

#include <stddef.h>

/* File names of the schemas inside the reference folder: the 2023-24 one
 * (GenderCurrent) and, optional, the 2024-25 copy with Sex (M/F/U). */
#define CIN_XSD_FILE "CIN_schema_2024.xsd"
#define CIN_XSD_SEX_FILE "CIN_schema_2025.xsd"

typedef struct cin_codes {
	char **v;      /* the values, in XSD order */
	size_t *len;   /* their lengths */
	int n;
	size_t maxlen; /* longest value */
	char **label;  /* xs:documentation of each value, or NULL */
	char *type;    /* name of the xs:simpleType; NULL when inline */
} cin_codes;

typedef struct cin_xsd_elem {
	char *name;
	const cin_codes *codes; /* NULL when its type has no enumeration */
	int min_occurs;
} cin_xsd_elem;

typedef struct cin_xsd {
	cin_codes *lists;
	int nlists;
	cin_xsd_elem *elems;
	int nelems;
} cin_xsd;

/* Load the schema at path. 0, or -1 after printing "prog: path: why". */
int cin_xsd_load(cin_xsd *x, const char *path);

/* The enumeration of element's type (first declaration of that name), or
 * NULL when the element is unknown or its type is not an enumeration. */
const cin_codes *cin_xsd_codes(const cin_xsd *x, const char *element);

/* The enumeration of the named xs:simpleType type_name, or NULL when the
 * schema has no such type. */
const cin_codes *cin_xsd_type(const cin_xsd *x, const char *type_name);

/* minOccurs of the first declaration of element; -1 when not declared. */
int cin_xsd_min_occurs(const cin_xsd *x, const char *element);

/* Index of s (n bytes) in codes, or -1. */
int cin_codes_find(const cin_codes *c, const char *s, size_t n);

void cin_xsd_free(cin_xsd *x);

#endif
