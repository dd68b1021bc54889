/*
 * cin_checks.h - the shared, parameterised checks behind the simple CIN
 * rules. A rule row names one of these functions and points `arg` at one
 * of the parameter structs below, so a mandatory field, a code list or a
 * date order is a line of data in cin_rules_table.c, not a function.
 */
#ifndef CIN_CHECKS_H
#define CIN_CHECKS_H

#include "cin_rules.h"

/* A field of a record kind; kind 0 (CIN_K_MESSAGE) marks an unused slot. */
typedef struct vcin_fref {
	enum vcin_kind kind;
	int field;
} vcin_fref;

/* The field must be present (and, when coded, one of the codes of its
 * element's list in ref/'s XSD: cin_codes.h). */
typedef struct vcin_a_codes {
	vcin_fref f;
	int required;             /* missing fails too */
	int coded;                /* 0 = any non-empty value */
	int nocase;
} vcin_a_codes;
void vcin_chk_codes(v_ctx *ctx, const v_rule *rule);

/* For every record of `kind`, with both dates valid, `a op b` must hold,
 * where a and b are fields of that record or of an ancestor (the episode,
 * the child). Up to two (a, b) pairs for rules stated on two levels. */
enum vcin_op { CIN_GE, CIN_LE, CIN_GT, CIN_NE };
typedef struct vcin_a_order {
	struct { enum vcin_kind kind; vcin_fref a, b; } p[2];
	enum vcin_op op;
} vcin_a_order;
void vcin_chk_order(v_ctx *ctx, const v_rule *rule);

/* Dates against the census year. */
enum vcin_span {
	CIN_IN_YEAR,       /* if present: a valid date within 1 April..reference date */
	CIN_BY_END,        /* if present: a valid date on or before the reference date */
	CIN_BY_END_NEEDED, /* present, valid and on or before the reference date */
};
typedef struct vcin_a_span {
	vcin_fref f[2];
	enum vcin_span span;
} vcin_a_span;
void vcin_chk_span(v_ctx *ctx, const v_rule *rule);

/* If `when` is present, `then` must be present. Field -1 = the record's
 * repeated values (factors, reviews). With from_start, only records whose
 * `when` is a date on or after the census year's start are checked (the
 * rule needs V_NEEDS_REFDATE). */
typedef struct vcin_a_pair {
	enum vcin_kind kind;
	int when, then;
	int from_start;
} vcin_a_pair;
void vcin_chk_pair(v_ctx *ctx, const v_rule *rule);

/* Repeated values of a record kind. */
enum vcin_multi { CIN_DUP, CIN_ALONE, CIN_NOT_USED };
typedef struct vcin_a_multi {
	enum vcin_kind kind;
	enum vcin_multi how;
	const char *value; /* CIN_ALONE: may not be combined; CIN_NOT_USED: may not appear */
} vcin_a_multi;
void vcin_chk_multi(v_ctx *ctx, const v_rule *rule);

/* At most one record of `kind` per `scope` record may be open. */
typedef struct vcin_a_open {
	enum vcin_kind kind, scope;
	int (*is_open)(const vcin_rec *r);
	int field; /* reported field */
} vcin_a_open;
void vcin_chk_open(v_ctx *ctx, const v_rule *rule);

/* A record of `kind` may not start while another of the same `scope` is
 * running: B fails when some A (starting earlier, or the same day and
 * earlier in the file) has B.start < end(A). end() returns a date, or
 * CSC_NODATE to leave A out; a record still open runs to the reference
 * date (vcin_open_end, cin_rules.h). */
typedef struct vcin_a_overlap {
	enum vcin_kind kind, scope;
	int start;
	csc_date (*end)(const vcin_state *st, const vcin_rec *r);
} vcin_a_overlap;
void vcin_chk_overlap(v_ctx *ctx, const v_rule *rule);

/* A date that must not fall on a Saturday or Sunday. */
typedef struct vcin_a_weekend {
	vcin_fref f[2];
} vcin_a_weekend;
void vcin_chk_weekend(v_ctx *ctx, const v_rule *rule);

#endif
