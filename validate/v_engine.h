/*
 * v_engine.h - the validation rule engine shared by the CIN census and the
 * SSDA903 checks (csc-validate).
 *
 * A rule is one entry in a table: its DfE code, what extra input it needs,
 * and a check function. Simple rules (mandatory field, code list, date order)
 * share parameterised check functions driven by the entry's `arg`; complex
 * rules have a small function of their own. Messages and the affected tables
 * come from the DfE rules CSV copied into ref/, never from the code, so the
 * report always quotes the DfE text. Codes ending in Q are queries
 * (warnings); all others are errors.
 *
 * Output: issues.csv with header rule,severity,child,table,field,value,line,message
 * and a workbook (summary by rule, full list, per child). Exit status:
 * 0 clean, 1 queries only, 2 errors, 3 unreadable input.
 */
#ifndef V_ENGINE_H
#define V_ENGINE_H

#include <stddef.h>

#include "csc_date.h"

typedef struct v_ctx v_ctx;

/* What a rule needs beyond the return being checked. */
enum v_needs {
	V_NEEDS_NOTHING = 0,
	V_NEEDS_PREVIOUS,  /* the previous year's return (--cin-previous / --903-previous) */
	V_NEEDS_POSTCODES, /* a postcode table (--postcodes) */
	/* Added for the CIN rules (additive): */
	V_NEEDS_REFDATE,   /* a reference date (file header, --reference-date or --year) */
	V_NEEDS_CALENDAR,  /* the bank-holiday calendar covering the census year */
	V_NEEDS_COUNT_     /* number of kinds; not a need */
};

typedef struct v_rule {
	const char *code;        /* DfE code exactly as in the rules CSV */
	enum v_needs needs;
	void (*check)(v_ctx *ctx, const struct v_rule *rule);
	const void *arg;         /* parameters for shared check functions */
} v_rule;

/* A rule table entry of a collection whose rules change by year: the rule
 * and the collection years it is in force, by the year their 31 March
 * falls in (2026 = 2025-26); 0 = no bound. A rule whose logic changes in a
 * year gets a new entry from that year, the old one ending the year before
 * (v_year.h). */
typedef struct v_year_rule {
	v_rule rule;
	int from, to;
} v_year_rule;

/* 1 when entry e is in force in collection year `year` (0: any year). */
int v_rule_in_year(const v_year_rule *e, int year);

/* Report one failure of `rule` (its code picks message and severity).
 * child, table, field and value may be NULL; line 0 = unknown. */
void v_report(v_ctx *ctx, const v_rule *rule, const char *child, const char *table,
	      const char *field, const char *value, long line);

/* The data the current collection's checks run over (set by the front end:
 * a CIN tree or SSDA903 tables); previous is NULL when not supplied. */
void *v_data(v_ctx *ctx);
void *v_previous(v_ctx *ctx);

/* ---- Running the engine (front ends: validate_main.c, cin_run.c, v903) ---- */

/* A new, empty context: no rules catalogue, every need except
 * V_NEEDS_NOTHING unavailable until v_set_need says otherwise. */
v_ctx *v_ctx_new(void);
void v_ctx_free(v_ctx *ctx);

/* Add the rule set of collection year `year` (2026 = 2025-26) from a
 * rules-by-year CSV (header year,code,change,tables,affected_fields,message;
 * rows in year order: the base year's codes, then each year's added,
 * modified and deleted ones) to the catalogue: each code as the latest row
 * up to that year defines it, without the deleted ones. Returns 0, or -1
 * after printing "prog: file:line: reason" (also when no row is of that
 * year or before, or a code is already in the catalogue). May be called
 * once per collection (CIN, SSDA903). */
int v_load_catalogue_year(v_ctx *ctx, const char *path, int year);
int v_load_catalogue_year_mem(v_ctx *ctx, const char *data, size_t n, const char *name, int year);

/* Message, table and affected fields of a catalogued code (NULL if absent). */
const char *v_rule_message(const v_ctx *ctx, const char *code);
const char *v_rule_table(const v_ctx *ctx, const char *code);
int v_rule_known(const v_ctx *ctx, const char *code);

/* The collection year the command line gave: from --year YYYY, 31 March
 * YYYY; from --reference-date D, the 31 March on or after D. CSC_NODATE
 * (the default) when neither was given; collections then fall back to
 * their own reading (the CIN header's ReferenceDate, the 903 dates).
 * v_collection_year_end (v903_ctx.h) returns it. */
void v_set_collection_year(v_ctx *ctx, int year, csc_date refdate);

/* The rule set the next v_run belongs to: collection name and year
 * (2026 = 2025-26; 0: the table's entries are not filtered by year). Each
 * output names the rule sets that ran ("SSDA903 2025-26"); rules not run
 * and issues are tagged with the rule set current when they were recorded;
 * v_run_years runs the entries in force that year. */
void v_set_ruleset(v_ctx *ctx, const char *collection, int year);

/* The year given to the last v_set_ruleset (0 when none). */
int v_ruleset_year(const v_ctx *ctx);

/* Number of rule sets run, and the label of the i-th ("SSDA903 2025-26"). */
size_t v_ruleset_count(const v_ctx *ctx);
const char *v_ruleset_label(const v_ctx *ctx, size_t i);

/* Set what v_data / v_previous return. */
void v_set_data(v_ctx *ctx, void *data, void *previous);

/* Declare whether a need can be met; reason says why not (copied) and is
 * what rules_not_run.csv shows. V_NEEDS_PREVIOUS follows v_set_data's
 * previous unless set here. */
void v_set_need(v_ctx *ctx, enum v_needs need, int available, const char *reason);

/* Run each rule of the table whose need is met; a rule whose need is not met
 * is recorded once as not run, with the need's reason. */
void v_run(v_ctx *ctx, const v_rule *rules, size_t n);

/* v_run over the entries of a by-year table in force in the year of the
 * current rule set (v_set_ruleset): the others are not part of the year's
 * rule set, so they are neither run nor listed as not run. */
void v_run_years(v_ctx *ctx, const v_year_rule *rules, size_t n);

/* Record a rule as not run (idempotent per code; the first reason is kept). */
void v_not_run(v_ctx *ctx, const char *code, const char *reason);

/* Check a rule table against the catalogue: every registered code must be in
 * it, every catalogued code whose prefix matches (e.g. all codes of one
 * collection; NULL = all) must be registered or listed in not_impl
 * (NULL-terminated, may be NULL). Prints each mismatch; returns how many. */
int v_check_registry(const v_ctx *ctx, const v_rule *rules, size_t n,
		     const char *const *not_impl, const char *table_filter);

/* The same for the entries of a by-year table in force in `year`, which
 * also counts a code with two entries in force that year. */
int v_check_registry_year(const v_ctx *ctx, const v_year_rule *rules, size_t n,
			  const char *const *not_impl, const char *table_filter, int year);

/* A line of the workbook's cover sheet (label and value, copied), shown in
 * the order added after the rule sets: the authority, reference date,
 * input files, run time, program. */
void v_cover_add(v_ctx *ctx, const char *label, const char *value);

/* Cover lines "Input file" (path) and "SHA-256" (of its bytes). Returns 0,
 * or -1 after printing why the file cannot be read. */
int v_cover_input(v_ctx *ctx, const char *path);

/* One reported issue, as written to issues.csv. */
typedef struct v_issue {
	const char *rule;
	const char *severity; /* "error" or "query" */
	const char *child;    /* "" for return-level issues */
	const char *table;
	const char *field;
	const char *value;
	long line;
	const char *message;
} v_issue;

/* Sort the issues (child, line, rule, field, value, order of report). */
void v_sort(v_ctx *ctx);
size_t v_issue_count(const v_ctx *ctx);
v_issue v_issue_at(const v_ctx *ctx, size_t i);

/* How many issues `code` raised (tests). */
size_t v_count(const v_ctx *ctx, const char *code);

/* Rules recorded as not run. */
size_t v_not_run_count(const v_ctx *ctx);
const char *v_not_run_code(const v_ctx *ctx, size_t i);
const char *v_not_run_reason(const v_ctx *ctx, size_t i);

/* 0 clean, 1 queries only, 2 errors (enum csc_exit). */
int v_exit_status(const v_ctx *ctx);

/* Sort, then write issues.csv, its companion summary.csv (one row per rule
 * set run: rule_set, errors, queries, rules_not_run), rules_not_run.csv
 * (rule, reason, rule_set) and validation.xlsx (a cover for the data
 * officer, then the summary by rule, the issues with errors first and an
 * empty column for the officer's reason or action, per child, rules not
 * run; every sheet set up to print) into dir (created if missing), each
 * atomically. `title` names the input in the workbook. Returns 0, or -1
 * after printing why. */
int v_write_outputs(v_ctx *ctx, const char *dir, const char *title);

#endif
