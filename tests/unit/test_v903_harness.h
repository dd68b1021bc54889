/*
 * test_v903_harness.h - tiny in-memory SSDA903 returns for the rule tests,
 * and a test double of the engine (v_report, v_data, v_previous, ...) that
 * records every reported (rule, child, table, field) so tests do not depend
 * on the engine.
 *
 * A return is written as lines "TAG KEY=VALUE ...", one row per line, each
 * row starting from a valid default row of its table (see defaults in
 * test_v903_harness.c) and overriding the named columns. Tags: H (Header),
 * E (Episodes), R (Reviews), U (UASC), O2, O3, AD (AD1), PA
 * (PlacedAdoption), PP (PrevPerm), M (Missing), SW (SocialWorker), DL
 * (DoLo). A tag prefixed "P:" (P:E) adds the row to last year's return. In
 * values '+' stands for a space ("AB1+2CD"). The collection year is 1 April
 * 2025 - 31 March 2026 (last year's one year earlier) unless a case names
 * another (T_FAIL_IN, T_PASS_IN): the case then runs the rule entry in
 * force that year, with that year's code lists
 * (ref/ssda903-codes-by-year.csv).
 */
#ifndef TEST_V903_HARNESS_H
#define TEST_V903_HARNESS_H

#include <stddef.h>

#include "validate/v903.h"

typedef struct t903_case {
	const char *code;  /* rule */
	int fails;         /* 1: must report (child, field); 0: must report nothing */
	const char *child; /* expected child (fails) */
	const char *field; /* expected field, NULL = any */
	const char *rows;  /* the return */
	int line;          /* source line of the case, for messages */
	int year;          /* collection year (2026 = 2025-26); 0: 2026 */
} t903_case;

#define T_FAIL(code, child, field, rows) {code, 1, child, field, rows, __LINE__, 0}
#define T_PASS(code, rows) {code, 0, NULL, NULL, rows, __LINE__, 0}
/* The same in collection year y (2024 = 2023-24 ... 2027 = 2026-27). */
#define T_FAIL_IN(y, code, child, field, rows) {code, 1, child, field, rows, __LINE__, y}
#define T_PASS_IN(y, code, rows) {code, 0, NULL, NULL, rows, __LINE__, y}

/* The year a case runs in. */
#define T903_YEAR(c) ((c)->year ? (c)->year : 2026)

/* One reported issue as recorded by the v_report double. */
typedef struct t903_issue {
	char code[16], child[32], table[24], field[32], value[64];
	long line;
} t903_issue;

extern t903_issue t903_issues[];
extern size_t t903_nissues;
extern char t903_not_run[][16];
extern size_t t903_nnot_run;

/* The collection year the engine double says the command line gave
 * (v_collection_year_end; CSC_NODATE: none), and the year ends v903_run
 * handed to the last v_run for this year's and last year's data. */
extern csc_date t903_year_given;
extern csc_date t903_year_used, t903_prev_year_used;

/* Build current and previous data from rows (fails the test on a bad
 * line) for collection year 2026 (2025-26), with its code lists.
 * prev_used says whether any P: row was given. */
void t903_build(const char *rows, v903_data *cur, v903_data *prev, int *prev_used);

/* The same for collection year `year`. */
void t903_build_in(int year, const char *rows, v903_data *cur, v903_data *prev, int *prev_used);

/* The code lists of year (read once from ref/ssda903-codes-by-year.csv). */
const v_codes *t903_codes(int year);

/* Run one case: build, run the rule's entry, check the expectation. */
void t903_run_case(const t903_case *c);

/* A context for v903_run (the doubles keep what it is given). */
v_ctx *t903_ctx(void);

/* Run rule r's check over cur and prev (NULL: no previous year). */
void t903_check(const v_rule *r, v903_data *cur, v903_data *prev);

/* The rule entry of code in force in 2025-26, or NULL. */
const v_rule *t903_rule(const char *code);

/* The rule entry of code in force in collection year `year`, or NULL. */
const v_rule *t903_rule_in(const char *code, int year);

#endif
