/*
 * cin_model.h - one child of a CIN census return, as read from the XML.
 *
 * Every value is kept as the raw string (trimmed of XML white space) with
 * the line of its element, so a report can quote exactly what was typed;
 * date fields also carry the parsed day number. A record (the child, a CIN
 * episode, an assessment, ...) has a fixed array of fields indexed by the
 * enums below, a list of repeated values (disabilities, assessment factors,
 * CP review dates) and its sub-records in document order. All memory of a
 * child lives in one arena, freed when the next child starts, so memory
 * does not grow with the file.
 */
#ifndef CIN_MODEL_H
#define CIN_MODEL_H

#include <stddef.h>

#include "csc_date.h"

enum vcin_kind {
	CIN_K_MESSAGE, /* the root: header fields */
	CIN_K_CHILD,
	CIN_K_EPISODE,   /* CINdetails */
	CIN_K_ASSESS,    /* Assessments */
	CIN_K_PLAN,      /* CINPlanDates */
	CIN_K_S47,       /* Section47 */
	CIN_K_CPP,       /* ChildProtectionPlans */
	CIN_K_COUNT_
};

enum { H_COLLECTION, H_YEAR, H_REFDATE, H_LEA, H_N };
enum { C_LACHILDID, C_UPN, C_FORMERUPN, C_UPNUNKNOWN, C_DOB, C_EDOB, C_SEX, C_GENDER,
       C_DOD, C_ETHNICITY, C_DISABILITIES, C_N };
/* E_PREPROC: present ("") when the episode holds a PreProceedingsandFGDM
 * block (2026-27; no rule reads its elements yet). */
enum { E_REFDATE, E_SOURCE, E_NEED, E_CLOSEDATE, E_CLOSEREASON, E_ICPC, E_NFA, E_PREPROC, E_N };
enum { A_START, A_REVIEW, A_AUTH, A_FACTORS, A_N };
enum { P_START, P_END, P_N };
enum { S_START, S_TARGET, S_ICPC, S_NOTREQ, S_N };
enum { K_START, K_END, K_INITCAT, K_LATESTCAT, K_NUMPREV, K_REVIEWS, K_N };

#define CIN_MAX_FIELDS 11

typedef struct vcin_val {
	const char *s; /* NULL = element absent; "" = present but empty */
	long line;
	csc_date d;    /* parsed date for date fields, else CSC_NODATE */
} vcin_val;

typedef struct vcin_rec {
	enum vcin_kind kind;
	long line;                 /* line of the record's start tag */
	struct vcin_rec *parent;
	vcin_val f[CIN_MAX_FIELDS];
	vcin_val *multi;            /* repeated values, in order */
	size_t nmulti, capmulti;
	struct vcin_rec **sub;      /* sub-records, in order */
	size_t nsub, capsub;
	int index;                 /* 0-based position among same-kind siblings */
} vcin_rec;

/* Element name of field i of kind k ("CINreferralDate"), for reports, as
 * lib/csc_cin_elems.c names it (the header's are the validator's own);
 * "" for no such field. */
const char *vcin_field_name(enum vcin_kind k, int i);
/* Table name of a kind as the DfE spec names it ("CINdetails"). */
const char *vcin_kind_table(enum vcin_kind k);
/* The record element of a kind in the element table, lib/csc_cin_elems.h
 * ("Child", "CINdetails", "CINPlanDates", ...; "Message" for the root, ""
 * for no such kind). */
const char *vcin_kind_record(enum vcin_kind k);
/* 1 when field i of kind k holds a date. */
int vcin_field_is_date(enum vcin_kind k, int i);

/* A value is "present" when its element exists with non-empty text. */
static inline int vcin_has(const vcin_val *v) { return v->s && v->s[0]; }
/* A present, valid date. */
static inline int vcin_is_date(const vcin_val *v) { return v->d != CSC_NODATE; }

/* The n-th sub-record of kind k (NULL past the end), and how many. */
size_t vcin_count(const vcin_rec *r, enum vcin_kind k);
vcin_rec *vcin_nth(const vcin_rec *r, enum vcin_kind k, size_t n);

/* Iterate sub-records of kind k:  for (vcin_rec *e = vcin_first(c, K); e; e = vcin_next(e)) */
vcin_rec *vcin_first(const vcin_rec *r, enum vcin_kind k);
vcin_rec *vcin_next(const vcin_rec *r);

/* Every record of kind k anywhere below r (depth-first, document order):
 * fills out (up to cap) and returns the total count. */
size_t vcin_all(const vcin_rec *r, enum vcin_kind k, vcin_rec **out, size_t cap);

/* The nearest ancestor (or r itself) of kind k. */
const vcin_rec *vcin_up(const vcin_rec *r, enum vcin_kind k);

/* ReferralNFA / ICPCnotRequired: 1 true, 0 false, -1 missing or invalid
 * (accepts true/false in any case and 1/0). */
int vcin_flag(const vcin_val *v);

/* ---- reading ---- */

typedef struct vcin_reader vcin_reader;

/* Called with the header as soon as the first Child starts (or at end of
 * document when there is none), then once per Child. A child's memory is
 * valid only during the call. Return non-zero to stop. */
typedef struct vcin_callbacks {
	int (*header)(void *arg, const vcin_rec *message);
	int (*child)(void *arg, const vcin_rec *child);
	void *arg;
} vcin_callbacks;

/* Stream the return at path (or the n bytes at data when data != NULL).
 * Returns 0, 1 if a callback stopped, or -1 after printing
 * "prog: file:line: reason" (not well-formed, wrong root, DOCTYPE, ...). */
int vcin_read_file(const char *path, const char *name, const vcin_callbacks *cb);
int vcin_read_mem(const char *data, size_t n, const char *name, const vcin_callbacks *cb);

#endif
