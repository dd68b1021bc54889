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
typedef struct cin_fref {
	enum cin_kind kind;
	int field;
} cin_fref;

/* The field must be present (and, with codes, one of them). */
typedef struct cin_a_codes {
	cin_fref f;
	int required;             /* missing fails too */
	const char *const *codes; /* NULL-terminated; NULL = any non-empty value */
	int nocase;
} cin_a_codes;
void cin_chk_codes(v_ctx *ctx, const v_rule *rule);

/* For every record of `kind`, with both dates valid, `a op b` must hold,
 * where a and b are fields of that record or of an ancestor (the episode,
 * the child). Up to two (a, b) pairs for rules stated on two levels. */
enum cin_op { CIN_GE, CIN_LE, CIN_GT, CIN_NE };
typedef struct cin_a_order {
	struct { enum cin_kind kind; cin_fref a, b; } p[2];
	enum cin_op op;
} cin_a_order;
void cin_chk_order(v_ctx *ctx, const v_rule *rule);

/* Dates against the census year. */
enum cin_span {
	CIN_IN_YEAR,       /* if present: a valid date within 1 April..reference date */
	CIN_BY_END,        /* if present: a valid date on or before the reference date */
	CIN_BY_END_NEEDED, /* present, valid and on or before the reference date */
};
typedef struct cin_a_span {
	cin_fref f[2];
	enum cin_span span;
} cin_a_span;
void cin_chk_span(v_ctx *ctx, const v_rule *rule);

/* If `when` is present, `then` must be present. Field -1 = the record's
 * repeated values (factors, reviews). With from_start, only records whose
 * `when` is a date on or after the census year's start are checked (the
 * rule needs V_NEEDS_REFDATE). */
typedef struct cin_a_pair {
	enum cin_kind kind;
	int when, then;
	int from_start;
} cin_a_pair;
void cin_chk_pair(v_ctx *ctx, const v_rule *rule);

/* Repeated values of a record kind. */
enum cin_multi { CIN_DUP, CIN_ALONE, CIN_NOT_USED };
typedef struct cin_a_multi {
	enum cin_kind kind;
	enum cin_multi how;
	const char *value; /* CIN_ALONE: may not be combined; CIN_NOT_USED: may not appear */
} cin_a_multi;
void cin_chk_multi(v_ctx *ctx, const v_rule *rule);

/* At most one record of `kind` per `scope` record may be open. */
typedef struct cin_a_open {
	enum cin_kind kind, scope;
	int (*is_open)(const cin_rec *r);
	int field; /* reported field */
} cin_a_open;
void cin_chk_open(v_ctx *ctx, const v_rule *rule);

/* A record of `kind` may not start while another of the same `scope` is
 * running: B fails when some A (starting earlier, or the same day and
 * earlier in the file) has B.start < end(A). end() returns a date, or
 * CSC_NODATE to leave A out; a record still open runs to the reference
 * date (cin_open_end, cin_rules.h). */
typedef struct cin_a_overlap {
	enum cin_kind kind, scope;
	int start;
	csc_date (*end)(const cin_state *st, const cin_rec *r);
} cin_a_overlap;
void cin_chk_overlap(v_ctx *ctx, const v_rule *rule);

/* A date that must not fall on a Saturday or Sunday. */
typedef struct cin_a_weekend {
	cin_fref f[2];
} cin_a_weekend;
void cin_chk_weekend(v_ctx *ctx, const v_rule *rule);

#endif
