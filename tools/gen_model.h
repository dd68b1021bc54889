/*
 * gen_model.h - one simulated child of the sample authority.
 *
 * csc-gen-sample simulates children one at a time: gen_sim_child fills a
 * gen_child with everything the case system would hold about that child
 * (contacts, early help, CIN episodes, periods of care, care-leaver
 * follow-up), with dates already cut at the extraction date, and
 * gen_emit_child writes it to every output file. Memory is one gen_child,
 * whatever the number of children.
 *
 * Every array below has a fixed capacity; the simulation stops adding
 * records to a full array rather than growing it (the caps are far above
 * what the model's rates produce).
 */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include <stdint.h>

#include "csc_date.h"
#include "csc_workday.h"
#include "gen_rng.h"

#define GEN_MAX_CONTACTS 48
#define GEN_MAX_EH 8
#define GEN_MAX_CIN 12
#define GEN_MAX_ASSESS 2
#define GEN_MAX_PLANS 3
#define GEN_MAX_S47 2
#define GEN_MAX_CPP 2
#define GEN_MAX_CPREV 12
#define GEN_MAX_FACTORS 4
#define GEN_MAX_EPI 48
#define GEN_MAX_REVIEWS 48
#define GEN_MAX_MISSING 24
#define GEN_MAX_SW 64
#define GEN_MAX_OC2 20
#define GEN_MAX_OC3 5
#define GEN_MAX_PERIODS 4
#define GEN_MAX_DOLO 4

/* Generation settings shared by the simulation and the writers. */
typedef struct gen_opts {
	uint64_t seed;
	long children;          /* distinct children with any record */
	csc_date end;           /* extraction date: nothing is dated after it */
	csc_date start;         /* end - years: first day of the dump's history */
	int years;
	double dirty;           /* share of records made dirty, 0..1 */
	const char *la_name;
	const char *la_number;
	const char *upn_la;     /* LA code in UPNs (characters 2-4) */
	int sex_element;        /* 1: CIN Sex M/F/U and 903 SEX M/F */
	const csc_calendar *cal;
	/* from ref/ssda903-codes-by-year.csv: the PLACE successions (H5>K3,
	 * Z1>Z11..Z14) and the latest year's code lists (OC3.ACCOM) */
	const struct v_recode *recode;
	int nrecode;
	const struct v_codes *codes;
} gen_opts;

/* Which Ofsted URN an episode carries. */
enum { GEN_URN_NONE, GEN_URN_OWN, GEN_URN_LA_FOSTERING, GEN_URN_LA_ADOPTION };

typedef struct gen_contact {
	csc_date date, done;    /* done = CSC_NODATE: not yet completed */
	uint8_t src;            /* index into gen_ref_sources */
	uint8_t outcome;        /* GEN_OUT_* */
	uint8_t label;          /* 1: write the source as its label */
} gen_contact;

enum { GEN_OUT_NONE, GEN_OUT_REF, GEN_OUT_IA, GEN_OUT_EH, GEN_OUT_NFA, GEN_OUT_OTH };

typedef struct gen_eh {
	csc_date start, done, end;
	uint8_t tier, org, reason; /* reason: index into gen_eh_reasons */
} gen_eh;

typedef struct gen_assess {
	csc_date start, review, auth;
	uint8_t nfactors;
	uint8_t factor[GEN_MAX_FACTORS]; /* indexes into gen_factors */
} gen_assess;

typedef struct gen_span {
	csc_date start, end;
} gen_span;

typedef struct gen_s47 {
	csc_date start, target, icpc; /* icpc CSC_NODATE: none (yet) */
	uint8_t not_required;
} gen_s47;

typedef struct gen_cpp {
	csc_date start, end;
	uint8_t cat_initial, cat_latest;
	int nprev;
	int nrev;
	csc_date review[GEN_MAX_CPREV];
} gen_cpp;

typedef struct gen_cin {
	csc_date ref, close;
	uint8_t src, need, reason; /* reason: 1..9 = RC1..RC9, 0 none */
	uint8_t nfa;
	int nassess, nplans, ns47, ncpp;
	gen_assess assess[GEN_MAX_ASSESS];
	gen_span plan[GEN_MAX_PLANS];
	gen_s47 s47[GEN_MAX_S47];
	gen_cpp cpp[GEN_MAX_CPP];
} gen_cin;

typedef struct gen_epi {
	csc_date decom, dec;
	char rne, ls[3], place[4], prov[4], rec[4], rpc[7];
	uint8_t cin;            /* N1..N8 */
	uint8_t urn;            /* GEN_URN_*: the placement's Ofsted URN */
	uint32_t post;          /* placement postcode seed */
	uint8_t period;         /* period of care number, 0-based */
} gen_epi;

typedef struct gen_missing {
	csc_date start, end;
	char kind;              /* M or A */
} gen_missing;

typedef struct gen_sw {
	csc_date start, end;
	uint32_t id;
	uint8_t reason;
} gen_sw;

typedef struct gen_oc2 {
	csc_date census;        /* the 31 March it reports on */
	int sdq;                /* -1 blank */
	uint8_t sdq_reason;     /* 0 blank, 1..5 */
	int8_t convicted, health_check, immunisations, teeth, health_assess, substance;
} gen_oc2;

typedef struct gen_oc3 {
	csc_date birthday;
	uint8_t in_touch, activ, accom; /* indexes into the code tables */
} gen_oc3;

typedef struct gen_child {
	long index;             /* 0-based among emitted children */
	char id[24];            /* LAchildID = CHILD = Child Unique ID */
	csc_date dob;
	uint8_t female, eth, ndis, dis[3];
	char upn[14];           /* "" = unknown */
	uint8_t upn_unknown;    /* 1..7 when upn is "" */
	uint8_t mother;         /* 903 MOTHER: 0 blank, 1 "0", 2 "1" */
	csc_date mc_dob;

	int nperiods;           /* periods of care simulated */
	int ncontacts, neh, ncin, nepi, nrev, nmiss, nsw, noc2, noc3, ndolo;
	gen_contact contact[GEN_MAX_CONTACTS];
	gen_eh eh[GEN_MAX_EH];
	gen_cin cin[GEN_MAX_CIN];
	gen_epi epi[GEN_MAX_EPI];
	csc_date review[GEN_MAX_REVIEWS];
	gen_missing miss[GEN_MAX_MISSING];
	gen_sw sw[GEN_MAX_SW];
	gen_oc2 oc2[GEN_MAX_OC2];
	gen_oc3 oc3[GEN_MAX_OC3];
	gen_span dolo[GEN_MAX_DOLO]; /* deprivation of liberty orders (DoLo) */

	int uasc;               /* UASC row */
	csc_date duc;
	int adopted;            /* AD1 row */
	csc_date ad_int, ad_match;
	uint8_t ad_foster, ad_nb, ad_sex, ad_ls;
	int nplaced;            /* PlacedAdoption rows */
	csc_date placed[2], placed_ceased[2];
	uint8_t placed_reason[2];
	int nprevperm;
	csc_date prevperm_date[GEN_MAX_PERIODS];
	uint8_t prevperm[GEN_MAX_PERIODS]; /* 0 = Z1, 1..4 = P1..P4 */
	uint8_t prevperm_period[GEN_MAX_PERIODS];
} gen_child;

/* Simulate arrival number k (0, 1, 2, ...) into c. Returns 1 when the child
 * has at least one record in the dump (then it is emitted), 0 when every
 * record of the child falls before the dump's history. */
int gen_sim_child(const gen_opts *o, uint64_t k, gen_child *c);

/* Cut c at the dump's history [o->start, o->end] (see gen_censor.c);
 * returns 1 when anything is left. */
int gen_censor_child(const gen_opts *o, gen_child *c);

/* Arrivals (a child's first contact) are spread over more years than the
 * dump (each class has its own lead); this is the weighted number of years,
 * so arrivals per year = arrivals simulated / gen_arrival_years. The
 * population written to pipeline.conf is arrivals per year /
 * GEN_ARRIVAL_RATE (the share of 0-17-year-olds who first reach the front
 * door in a year). */
double gen_arrival_years(const gen_opts *o);
#define GEN_ARRIVAL_RATE 0.1235

/* Working day n after a using the bank-holiday calendar; outside it (history
 * before the calendar's first year) Monday-Friday only. */
csc_date gen_wd_add(const csc_calendar *cal, csc_date a, int n);

#endif
