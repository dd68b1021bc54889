/*
 * codes_builtin.h - the code lists of the Annex A extensions, which no DfE
 * reference file holds (INPUTS.md section 3), with the labels case systems
 * export for them, and the Annex A coded fields (lib/csc_annexa_codes.c).
 * Edit the table in codes_builtin.c to add a spelling of an extension code,
 * the one in csc_annexa_codes.c for an Annex A field.
 */
#ifndef CODES_BUILTIN_H
#define CODES_BUILTIN_H

#include "codes_list.h"

/* Fill c (initialised) with the built-in list called name: "outcome",
 * "tier", "closure"; or attach the Annex A forms of "gender", "ethnicity"
 * or "source" (csc_annexa_codes.h, adding their codes), plus for "source"
 * the short forms below that the XSD labels do not yield. Returns -1 for an
 * unknown name. */
int codes_builtin(codes_list *c, const char *name);

#endif
