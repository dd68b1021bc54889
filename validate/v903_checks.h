/*
 * v903_checks.h - the parameterised checks most SSDA903 rules are made of,
 * and the helpers the rules with a function of their own share.
 *
 * A rule entry names one of the v903_ck_* functions and points `arg` at the
 * matching v903_*_arg. Code lists are space-separated; "_" stands for blank.
 */
#ifndef V903_CHECKS_H
#define V903_CHECKS_H

#include "v903.h"

/* Value must be blank (when blank_ok) or one of codes; `more` lists further
 * columns (0-ended) checked the same way. */
typedef struct { int t, col; const char *codes; int blank_ok; int more[8]; } v903_code_arg;
void v903_ck_code(v_ctx *ctx, const v_rule *rule);

/* Value must be a real DD/MM/YYYY date, or blank when blank_ok. */
typedef struct { int t, col, blank_ok; } v903_date_arg;
void v903_ck_date(v_ctx *ctx, const v_rule *rule);

/* Columns (ending with -1) all completed or all blank, except in rows where
 * col_x is in set_x (set_x NULL: no exception). */
typedef struct { int t; int cols[12]; int col_x; const char *set_x; } v903_cols_arg;
void v903_ck_all_or_none(v_ctx *ctx, const v_rule *rule);

/* INT01-INT09: every child of table t is in Header. */
typedef struct { int t; } v903_tab_arg;
void v903_ck_in_header(v_ctx *ctx, const v_rule *rule);

/* INT31-INT36: a child has at most one row in table t. */
void v903_ck_unique(v_ctx *ctx, const v_rule *rule);

/* INT11-INT21: t.col equals Header's hcol for the same child. */
typedef struct { int t, col, hcol; } v903_same_arg;
void v903_ck_same_as_header(v_ctx *ctx, const v_rule *rule);

/* Row condition: fails when every term holds (terms end at set NULL); a
 * term holds when col's value is in set (neg 0) or not in it (neg 1).
 * Reports col_rep. */
typedef struct { int col; const char *set; int neg; } v903_term;
typedef struct { int t, col_rep; v903_term c[4]; } v903_when_arg;
void v903_ck_when(v_ctx *ctx, const v_rule *rule);

/* Fails when the term `c` holds (set NULL: always) and any of the columns
 * `any` (0-ended; empty: always) has a value in set_any (NULL: is
 * completed) and, when
 * `need` (0-ended) is not empty, any of `need` is blank. Reports the first
 * offending column. */
typedef struct { int t; v903_term c; int any[9]; const char *set_any; int need[9]; } v903_some_arg;
void v903_ck_some(v_ctx *ctx, const v_rule *rule);

/* Dates in one row: fails when both are valid and `late` is before `early`
 * (mode V903_LT), on or before it (V903_LE) or the same day (V903_EQ).
 * early V903_HDOB is the child's Header DOB. */
enum { V903_LT, V903_LE, V903_EQ };
#define V903_HDOB (-1)
typedef struct { int t, early, late, mode, col_rep; } v903_order_arg;
void v903_ck_order(v_ctx *ctx, const v_rule *rule);

/* Date against the collection year: fails when after 31 March (after) or
 * before 1 April (before 1), or before the 1 April a year earlier
 * (before V903_YEAR_BEFORE). */
#define V903_YEAR_BEFORE 2
typedef struct { int t, col, before, after; } v903_year_arg;
void v903_ck_in_year(v_ctx *ctx, const v_rule *rule);

/* Age from Header DOB at the row's date `at` (a column of t; -1: the 31
 * March ending the year, -2: the 1 April starting it). Fails when col_c is
 * in set_c (-1: always) and age < under (under > 0) or age >= over
 * (over > 0). */
typedef struct { int t, col_c; const char *set_c; int at, under, over, col_rep; } v903_age_arg;
void v903_ck_age(v_ctx *ctx, const v_rule *rule);

/* 502, 503A-F: the first episode this year of a child whose last episode
 * last year was open has the same value in column `col` (an Episodes
 * column) as that open episode, unless the pair "LAST>THIS" is in the set
 * `pairs` (NULL: none), the changes the year allows (503D). */
typedef struct { int col; const char *pairs; } v903_open_arg;
void v903_ck_open_last(v_ctx *ctx, const v_rule *rule);

/* Periods in table t (rows by start within a child): one starts while the
 * previous is open (end blank) or before it ended (574, 705). */
typedef struct { int t, start, end; } v903_span_arg;
void v903_ck_starts_while_open(v_ctx *ctx, const v_rule *rule);

/* A period in table t has started and not ended, but the child has left
 * care (577, 707). */
void v903_ck_open_after_care(v_ctx *ctx, const v_rule *rule);

/* Records the rule as not run, with `arg` (a string) as the reason. */
void v903_ck_not_run(v_ctx *ctx, const v_rule *rule);

/* Helpers ---------------------------------------------------------------- */

/* The Header row of child, or NULL. */
const v903_row *v903_header(const v903_data *d, const char *child);

/* Header DOB of child, or CSC_NODATE. */
csc_date v903_dob(const v903_data *d, const char *child);

/* v903_header and v903_dob of the child of row r (v903_child_of). */
const v903_row *v903_header_of(const v903_data *d, const v903_row *r);
csc_date v903_dob_of(const v903_data *d, const v903_row *r);

/* 1 when child has at least one row in table t. */
int v903_has(const v903_data *d, int t, const char *child);

/* v903_has for the child of row r (v903_child_of: by r's number when r is
 * one of d's rows, which spares a lookup by CHILD). */
int v903_has_of(const v903_data *d, int t, const v903_row *r);

/* Iterate over the children of table t: calls fn with each child's rows. */
typedef void (*v903_group_fn)(v_ctx *ctx, const v_rule *rule, const v903_data *d,
			      v903_row *const *rows, size_t n);
void v903_each_child(v_ctx *ctx, const v_rule *rule, int t, v903_group_fn fn);

/* Define v903_r_<code> as fn run over each child's rows of table tab. */
#define V903_BY_CHILD(code, tab, fn) \
	void v903_r_##code(v_ctx *ctx, const v_rule *rule) \
	{ \
		v903_each_child(ctx, rule, tab, fn); \
	}

/* An episode with no end date. */
#define V903_OPEN(r) (v903_blank((r), EP_DEC))

/* 1 when episode b starts the day episode a ends. */
int v903_chained(const v903_row *a, const v903_row *b);

/* The date the child left care, when the last of its ne episodes e ended
 * the period of care (REC other than X1); else CSC_NODATE. */
csc_date v903_left_care(v903_row *const *e, size_t ne);

/* End of episode e, or 31 March of the year when it is open. */
csc_date v903_end_or_year(const v903_data *d, const v903_row *e);

/* Index of the first episode of the period of care containing e[i]
 * (walking back over chained episodes). */
size_t v903_period_start(v903_row *const *e, size_t i);

/* The three below are about the child of row r (any table's row, found
 * as v903_child_of finds it). */

/* 1 when the child was looked after continuously for at least 12 months on
 * 31 March (the OC2 cohort): one period of care (episodes chained by X1 or
 * same-day starts) open at year end, begun on or before the 1 April a year
 * earlier, ignoring periods entirely under V3/V4 short breaks. */
int v903_oc2_cohort(const v903_data *d, const v903_row *r);

/* 1 when any episode of the child is open at, or ended on, 31 March... the
 * child is looked after on the last day of the year. */
int v903_looked_after_at_end(const v903_data *d, const v903_row *r);

/* 1 when the child has an episode overlapping the collection year. */
int v903_looked_after_in_year(const v903_data *d, const v903_row *r);

#endif
