/*
 * v_year.h - collection years as data, shared by the CIN and SSDA903
 * validators.
 *
 * A collection year is named by the year its 31 March falls in: 2026 is
 * 2025-26 (1 April 2025 - 31 March 2026), as `--year 2026` says. A year's
 * rules are the previous year's plus its changes, held as data:
 *   - the rule catalogue (code, tables, fields, DfE message) in
 *     ref/<collection>-rules-by-year.csv: the base year in full, then each
 *     year's added, modified and deleted codes (v_load_catalogue_year);
 *   - the code lists the rules check in ref/<collection>-codes-by-year.csv:
 *     each list in full the first year it appears, then the codes each year
 *     adds or removes (v_codes_load);
 *   - the rule table itself: an entry carries the years it is in force
 *     (v_rule.from, v_rule.to); a rule whose logic changes in a year is a
 *     new entry from that year, the old one ending the year before.
 * v_collection_find gives the years each collection supports; a return of
 * another year is refused (README "Validating returns", "Adding a
 * collection year").
 *
 * SSDA903 uses all of it (v903_util.c); CIN (cin_run.c) the rule catalogue
 * (ref/cin-rules-by-year.csv) and a by-year rule table, the year taken from
 * --year, --reference-date or the header's ReferenceDate; its code lists
 * change little and are in cin_rules_table.c.
 */
#ifndef V_YEAR_H
#define V_YEAR_H

#include <stddef.h>

/* The years one collection's validator knows, and its data files in ref/. */
typedef struct v_collection {
	const char *name;      /* "SSDA903", "CIN" */
	int first, last;       /* first and last collection year (end years) */
	const char *rules_csv; /* file in ref/ */
	const char *codes_csv; /* file in ref/, NULL when none */
	int rules_last;        /* last year whose changes are published: a later
				* known year runs its rules (v_year.c says why) */
} v_collection;

/* The collection called name (case-insensitive), or NULL. */
const v_collection *v_collection_find(const char *name);

/* 1 when year is one of c's years. */
int v_year_known(const v_collection *c, int year);

/* 0 when year is one of c's years; else -1 after printing
 * "where: collection year 2021-22 has no CIN rule set here: this
 * csc-validate knows 2023-24 to 2026-27 (give --year YYYY, ...)". */
int v_year_check(const v_collection *c, int year, const char *where);

/* "2025-26" for 2026, into buf (at least 8 bytes); returns buf. */
char *v_year_label(int year, char *buf, size_t cap);

/* 2026 for "2025-26" (the label of the year ending March 2026), or -1 when s
 * is not such a label. */
int v_year_parse(const char *s, size_t n);

/* One row of a by-year CSV: v[i] is the value of cols[i] (v[0] the year,
 * here y: 2026 for 2025-26), line its line. Return 0 to go on, -1 after
 * printing "file:line: reason". */
typedef int (*v_year_row_fn)(void *ctx, char **v, long line, int y);

/* Read a by-year CSV (the rules and the code lists), from path or, when
 * data is not NULL, from its n bytes (name in messages; NULL = path): its
 * columns cols (ncols, by header name, cols[0] the year such as 2025-26),
 * every row handed to fn, years in order. Rows of years after `year` are
 * handed too (fn checks or skips them). Returns 0, or -1 after printing
 * "file:line: reason": unreadable, a missing column (the header row named
 * `what`), a bad year, rows out of year order, fn's error, or no row of
 * `year` or before ("no <none> for 2022-23 or any earlier year"). */
int v_by_year_read(const char *path, const char *data, size_t n, const char *name,
		   const char *what, const char *const *cols, int ncols, int year,
		   const char *none, v_year_row_fn fn, void *ctx);

/* The code lists of one collection year. */
typedef struct v_codes v_codes;

/* Read the lists of year from a codes-by-year CSV (header
 * year,list,code,label,change; change base, same or added adds the code,
 * removed removes it; rows of later years are ignored). Returns the lists,
 * or NULL after printing "file:line: reason" (unreadable file, bad row, rows
 * out of year order, no row for the year or before). */
v_codes *v_codes_load(const char *path, int year);
v_codes *v_codes_load_mem(const char *data, size_t n, const char *name, int year);
void v_codes_free(v_codes *c);

/* The list's codes, space-separated, in file order ("" when the year has the
 * list but no code, e.g. after every code was removed); NULL when the list
 * is not defined up to that year. */
const char *v_codes_get(const v_codes *c, const char *list);

/* The year the lists were read for. */
int v_codes_year(const v_codes *c);

/* 1 when code is one of list's codes in c (0 when the list is undefined). */
int v_codes_has(const v_codes *c, const char *list, const char *code);

/* A code that succeeded another: PLACE `from_code` became `to_code` in the
 * collection year `year` (the first whose Episodes.PLACE list holds
 * to_code). The successions are those the DfE allows across a year boundary
 * in rule 503D (list V_RECODE_LIST, "H5>K3", "Z1>Z11"), so a writer can
 * put a placement in the code of the return's year and the generator can
 * recode a placement still open when its code was replaced. */
#define V_RECODE_LIST "rule 503D: PLACE change allowed across years (last year>this year)"
typedef struct v_recode {
	char from_code[8], to_code[8];
	int year; /* 0: to_code is in no year's PLACE list */
} v_recode;

/* Every succession any of c's years lists, read from the codes-by-year CSV
 * at path, into out (in file order, each once). Returns the number, or -1
 * after printing "file:line: reason", also when there are more than cap
 * (none is dropped in silence). */
int v_recodes_load(const char *path, const v_collection *c, v_recode *out, int cap);

#endif
