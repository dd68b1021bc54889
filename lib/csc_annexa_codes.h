/*
 * csc_annexa_codes.h - the coded values of the Ofsted Annex A lists, in one
 * table: for each field (gender, ethnicity, contact/referral source) every
 * code with its Annex A letter and label, and the other spellings case
 * systems export for it (../shared/spec/ANNEX-A.md section 2).
 *
 * Reading (the contacts and early-help extractors): csc_aa_match takes any
 * accepted form of a value - the plain code ("F", "WBRI", "6"), the lettered
 * form ("b) Female", "a) WBRI", "q) 6: Police"), the label ("Female",
 * "White British") - and gives the plain code, which is what staging holds.
 * Writing (an Annex A list writer): csc_aa_write gives the lettered form of
 * a plain code as Annex A prints it.
 *
 * Matching follows ANNEX-A.md: the value is normalised (no-break space and
 * tab to space, trimmed, runs of spaces to one, en and em dashes to "-",
 * case ignored) and then compared as a whole, never as a substring. A
 * letter must be the code's own ("b) WBRI" is refused): it is what catches
 * an export whose letters and codes have slipped.
 */
#ifndef CSC_ANNEXA_CODES_H
#define CSC_ANNEXA_CODES_H

#include <stddef.h>

/* The forms a field accepts besides its plain code and the `also` list. */
#define CSC_AA_LABEL 1u        /* Female */
#define CSC_AA_LETTER_LABEL 2u /* b) Female */
#define CSC_AA_LETTER_CODE 4u  /* a) WBRI */
#define CSC_AA_CODE_LABEL 8u   /* 6: Police and q) 6: Police */
#define CSC_AA_LABEL_ONCE 16u  /* the label alone, when only one code has it */

/* How Annex A writes a value of the field. */
enum csc_aa_out {
	CSC_AA_OUT_LETTER_LABEL, /* a) Male */
	CSC_AA_OUT_LETTER_CODE,  /* a) WBRI */
	CSC_AA_OUT_CODE_LABEL,   /* q) 6: Police */
};

typedef struct csc_aa_code {
	const char *letter;      /* "a", "p1", "zz" */
	const char *code;        /* the plain code */
	const char *label;       /* its Annex A label (for sources, the group) */
	const char *also[8];     /* other accepted spellings, whole values */
} csc_aa_code;

typedef struct csc_aa_field {
	const char *name;        /* "gender", "ethnicity", "source" */
	unsigned accept;         /* CSC_AA_* */
	enum csc_aa_out out;
	const csc_aa_code *v;
	int n;
} csc_aa_field;

/* The field called name, or NULL. */
const csc_aa_field *csc_aa_find(const char *name);

/* The plain code of value v (n bytes, any accepted form), or NULL when it
 * matches none (the caller rejects the record). */
const char *csc_aa_match(const csc_aa_field *f, const char *v, size_t n);

/* Write the Annex A form of plain code `code` into buf: 0, or -1 when the
 * field has no such code or cap is too small (buf then holds ""). */
int csc_aa_write(const csc_aa_field *f, const char *code, char *buf, size_t cap);

/* Normalise v for matching (see above) into out, NUL-terminated: its
 * length, or (size_t)-1 when it does not fit in cap. */
size_t csc_aa_norm(const char *v, size_t n, char *out, size_t cap);

#endif
