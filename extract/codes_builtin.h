/*
 * codes_builtin.h - the code lists of the Annex A extensions, which no DfE
 * reference file holds (INPUTS.md section 3), with the labels case systems
 * export for them. Edit the table in codes_builtin.c to add a spelling.
 */
#ifndef CODES_BUILTIN_H
#define CODES_BUILTIN_H

#include "codes_list.h"

/* Fill c (initialised) with the built-in list called name: "outcome",
 * "gender", "tier", "closure", or the aliases "source" adds to the CIN
 * ReferralSource codes. Returns -1 for an unknown name. */
int codes_builtin(codes_list *c, const char *name);

#endif
