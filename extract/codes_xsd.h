/*
 * codes_xsd.h - a code list read from an XSD enumeration, at run time.
 *
 * The CIN census schema lists each code with a label in its
 * <xs:documentation> ("6" POLICE, "3A" "HEALTH SERVICES – general
 * practitioner (GP)"). Each label becomes an alias of its code, and so do
 * the parts a case system is likely to export on their own: the text after
 * the " – " (general practitioner (GP)), that text without its bracket
 * (general practitioner) and the bracketed abbreviation (GP). A part shared
 * by two codes ("other") is ambiguous and matches nothing. The schema is
 * read by cin_xsd.h, the one XSD code-list reader.
 */
#ifndef CODES_XSD_H
#define CODES_XSD_H

#include "codes_list.h"

/* Load the enumeration of <xs:simpleType name="type_name"> from path into c
 * (which must be initialised). 0, or -1 after printing why (unreadable or
 * malformed schema, type absent or empty). */
int codes_xsd_load(const char *path, const char *type_name, codes_list *c);

/* Add label and its derived parts (see above) as aliases of code. */
void codes_xsd_label(codes_list *c, const char *code, const char *label);

#endif
