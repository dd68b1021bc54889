/*
 * aa_data.h - the staging tables csc-annexa reads, held per child.
 *
 * Memory grows with children and their CIN and care records, never with
 * the contacts and early-help lists: those are streamed (aa_stream_*) and
 * only the last contact's person details of each child are kept, for
 * the lists whose own input lacks them (List 2). Records keep staging
 * order, which is file order, so rows come out the same for the same
 * staging.
 */
#ifndef AA_DATA_H
#define AA_DATA_H

#include "csc_date.h"
#include "csc_inputs.h"
#include "transform/staging.h" /* tx_strtab, tx_fields: transform's staging reader */

/* A child's SSDA903 details, kept only for the children the SSDA903
 * names (aa_data.p903): most children of a dump are not looked after, so
 * aa_person stays small. */
typedef struct aa_p903 {
	char h_sex[2], h_eth[8];
	csc_date h_dob;       /* SSDA903 Header */
	int looked_after;     /* a 903 episode (not LS V3/V4) open at I */
	int epo_w6;           /* a 903 episode with LS L1/L2 overlapping W6 */
	int uasc_12m;         /* a 903 UASC row with DUC empty or >= I - 12 months */
	int missing_12m, absent_12m; /* Missing rows M / A with MIS_START in W12 */
	int uasc_any;         /* any 903 UASC row (List 9) */
	int oc3;              /* in an OC3 file; the fields below are its latest row's */
	char in_touch[5], activ[3], accom[3];
	csc_date oc3_dob;
	char sw_id[24];       /* SW_ID of the SocialWorker row open at I */
	csc_date sw_from;     /* its SW_DECOM (the latest open one wins) */
} aa_p903;

/* A child's details from each input that holds them; "" / CSC_NODATE when
 * that input does not. */
typedef struct aa_person {
	char cin_sex[2], cin_eth[8];
	char cl_sex[2], cl_eth[8];
	csc_date cin_dob;
	int cin_dis;          /* -1 no CIN child record; 0 NONE or none; 1 a disability */
	csc_date cl_dob;      /* the child's last contact (file order) with the value */
	int p903;             /* index into aa_data.p903, -1 none */
	unsigned lists;       /* bit n: the child has a row in List n (the checks) */
	char *supp;           /* the supplementary list's values (aa_supp.c), or NULL */
} aa_person;

/* One SSDA903 episode (short breaks, LS V3/V4, are not kept: not care). */
typedef struct aa_lac {
	int child;
	long line;
	csc_date decom, dec;
	char rne[2], ls[3], cin[3], place[4], provider[4], rec[4], post[16], urn[16];
} aa_lac;

/* One SSDA903 review. */
typedef struct aa_review {
	int child;
	csc_date date;
} aa_review;

/* One SSDA903 adoption decision (List 10): a PlacedAdoption row, or an
 * AD1 row (ad1 set: DATE_INT as the decision, DATE_MATCH as match). */
typedef struct aa_adopt {
	int child;
	long line;
	int ad1;
	csc_date decision, ceased, match;
	char reason[4];       /* REASON_PLACED_CEASED */
} aa_adopt;

typedef struct aa_episode {
	int child;            /* index into aa_data.ids / people */
	long line;            /* staging order */
	csc_date referral, closure;
	char source[8], need[4], reason[8];
	int nfa;              /* ReferralNFA 1/0, -1 empty */
	int work;             /* holds an assessment, CIN plan, S47 or CP plan */
	int cin_plan_open;    /* a CINPlanDates open at I */
	int cp_open;          /* a CP plan open at I */
	int open_assessment;  /* an assessment started by I, not authorised by I */
	csc_date work_last;   /* latest start of its CIN plans, S47s and CP plans */
	csc_date icpc;        /* the CINdetails DateOfInitialCPC */
} aa_episode;

typedef struct aa_s47 {
	int child, episode;   /* episode: index into aa_data.ep */
	csc_date start, icpc;
	int not_required;     /* ICPCnotRequired 1/0, -1 empty */
} aa_s47;

typedef struct aa_cpp {
	int child, episode;   /* episode: index into aa_data.ep */
	csc_date start, end, review; /* review: latest CPPreviewDate <= I */
	char initial[4], latest[4];
	long previous;        /* NumberOfPreviousCPP, -1 when empty */
} aa_cpp;

typedef struct aa_data {
	csc_date I, w6, w12;  /* inspection date, I - 6 months, I - 12 months */
	tx_strtab ids;        /* child IDs, numbered in order of first appearance */
	aa_person *people;
	int npeople, cappeople;
	aa_p903 *p903;
	int np903, capp903;
	aa_episode *ep;
	int nep, capep;
	aa_cpp *cpp;
	int ncpp, capcpp;
	aa_s47 *s47;
	int ns47, caps47;
	aa_lac *lac;          /* sorted by child, DECOM (aa_load) */
	int nlac, caplac;
	aa_review *rev;       /* sorted by child, date */
	int nrev, caprev;
	aa_adopt *adopt;      /* sorted by child, ad1, decision, line */
	int nadopt, capadopt;
	int leaver_max_age;   /* List 9's upper age of former relevant children (20) */
	tx_strtab epkey;      /* "child\x1f episode" -> index into ep */
	tx_strtab cppkey;     /* "child\x1f episode\x1f cpp" -> index into cpp */
	int has[CSC_NINPUTS]; /* by enum csc_input_id: the input is staged */
} aa_data;

/* Set the dates of d from the inspection date I (everything else empty). */
void aa_data_init(aa_data *d, csc_date I);

/* Read the CIN and SSDA903 staging tables of staging_dir into d (an input
 * with no staging tables is left out: has_* says which were read). 0, or
 * -1 after reporting a missing column or a malformed value. */
int aa_load(aa_data *d, const char *staging_dir);

#define AA_KEY_MAX 512

/* The key of a record within its child from the first n fields of f
 * (child, episode[, plan]) joined by \x1f into buf: 0, or -1 after
 * reporting a value too long for cap (*f->failed set), so two long IDs
 * are never cut to one. */
int aa_key(char *buf, size_t cap, const tx_fields *f, int n);

/* 1 when staging_dir holds the tables of at least one input. */
int aa_staged_any(const char *staging_dir);

/* The SSDA903 details of child, added when new (the pointer is valid
 * until the next one is added). */
aa_p903 *aa_p903_get(aa_data *d, int child);

/* The SSDA903 details of child, or an empty record (dates CSC_NODATE)
 * when the SSDA903 does not name the child. */
const aa_p903 *aa_p903_of(const aa_data *d, int child);

/* The person index of child id, added when new. */
int aa_child(aa_data *d, const char *id);

void aa_data_free(aa_data *d);

#endif
