/*
 * gen_codes.h - the code lists the generator draws from, with weights.
 *
 * Codes come from reference/CIN_schema_2024.xsd and
 * reference/SSDA903_schema_2024.yml; the weights are rough national shares
 * so that the sample authority looks like a real one.
 */
#ifndef GEN_CODES_H
#define GEN_CODES_H

typedef struct gen_code {
	const char *code;
	double weight;
	const char *label; /* for codes that can be written as a label */
} gen_code;

extern const gen_code gen_ref_sources[];  /* CIN ReferralSource */
extern const int gen_nref_sources;
extern const gen_code gen_ethnicity[];
extern const int gen_nethnicity;
extern const gen_code gen_disability[];   /* without NONE */
extern const int gen_ndisability;
extern const gen_code gen_factors[];      /* AssessmentFactors without 21 */
extern const int gen_nfactors;
extern const gen_code gen_abuse[];        /* CategoryOfAbuse */
extern const int gen_nabuse;
extern const gen_code gen_eh_reasons[];
extern const int gen_neh_reasons;
extern const gen_code gen_eh_orgs[];
extern const int gen_neh_orgs;
extern const gen_code gen_in_touch[];
extern const int gen_nin_touch;
extern const gen_code gen_activ_eet[];
extern const int gen_nactiv_eet;
extern const gen_code gen_activ_neet[];
extern const int gen_nactiv_neet;
extern const gen_code gen_accom_letter[];
extern const int gen_naccom_letter;
extern const gen_code gen_sw_reasons[];
extern const int gen_nsw_reasons;
extern const char *const gen_outcomes[]; /* GEN_OUT_* -> contact outcome code */
extern const char *const gen_upn_letters; /* UPN check letters, value 0..22 */

/* Pick a code index by weight. */
struct gen_rng;
int gen_pick_code(struct gen_rng *r, const gen_code *t, int n);

#endif
