/*
 * cin_codes.h - the CIN code lists csc-validate checks values against,
 * read from the XSDs in ref/ (the extractor's reader, extract/cin_xsd.h),
 * not written out here: each element's list is the simpleType the element
 * table (lib/csc_cin_elems.h) names for it.
 */
#ifndef VCIN_CODES_H
#define VCIN_CODES_H

#include "../extract/cin_xsd.h"

typedef struct vcin_codes {
	cin_xsd xsd;   /* CIN_schema_2025.xsd: Sex and every other list */
	cin_xsd xsd24; /* CIN_schema_2024.xsd: GenderCurrent's list */
} vcin_codes;

/* Read both XSDs from ref_dir. 0, or -1 after printing which file. */
int vcin_codes_load(vcin_codes *c, const char *ref_dir);

/* The list of element `name` in record `record` ("CINdetails",
 * "ReferralSource"), or NULL when the element has none (or c is NULL). */
const cin_codes *vcin_codes_of(const vcin_codes *c, const char *record, const char *name);

/* 1 when s is one of l's codes (any case with nocase). */
int vcin_codes_has(const cin_codes *l, const char *s, int nocase);

void vcin_codes_free(vcin_codes *c);

#endif
