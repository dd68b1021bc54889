/*
 * aa_values.h - the Annex A forms of the CIN and SSDA903 codes the lists print that
 * lib/csc_annexa_codes.h does not hold (that table is the fields the
 * contacts and early-help lists are read in: gender, ethnicity, source).
 * These are written only, never read, so they are plain pairs.
 */
#ifndef AA_VALUES_H
#define AA_VALUES_H

typedef struct aa_value {
	const char *code, *out;
} aa_value;

extern const aa_value aa_need[];      /* Primary Need Code: N1 - Abuse or neglect */
extern const aa_value aa_closure[];   /* Reason for Closure: RC1 - Adopted */
extern const aa_value aa_abuse[];     /* Category of Abuse: NEG -> a) Neglect */
extern const aa_value aa_legal[];     /* Legal Status: C2 -> C2: FCO */
extern const aa_value aa_reason_ceased[]; /* REC: E11 -> a) E11: Adopted - ... */
extern const aa_value aa_place[];     /* PLACE: U1 -> a) U1: Foster placement - ... */
extern const aa_value aa_provider[];  /* PR1 -> b) PR1: Own provision */
extern const aa_value aa_in_touch[];  /* OC3 IN_TOUCH: YES -> a) Yes */
extern const aa_value aa_accom[];     /* OC3 ACCOM's letter: B -> B: Parents/relatives */
extern const aa_value aa_suitability[]; /* OC3 ACCOM's digit: 1 -> a) Suitable */
extern const aa_value aa_activity[];  /* OC3 ACTIV: F1 -> F1: Full time in higher education */
extern const aa_value aa_placed_ceased[]; /* RD1 -> RD1 - The child's needs ... */

/* The Annex A form of code in table t (ended by a NULL code); the code
 * itself when the table has no such code (ANNEX-A.md 3.7: a code with no
 * Annex A form is written plain); NULL for an empty code. */
const char *aa_value_out(const aa_value *t, const char *code);

#define AA_YES "a) Yes"
#define AA_NO "b) No"

#endif
