/*
 * cin_rules.h - the DfE CIN census validation rules, 2023-24 to 2026-27,
 * and how they run over a return, one child at a time.
 *
 * Every rule is an entry of vcin_rules[] (a v_year_rule: the rule and the
 * collection years it is in force; v_year.h): simple rules use the
 * shared parameterised checks of cin_checks.c through their `arg`, complex
 * ones have a small function in cin_rules_child.c, cin_rules_return.c or
 * cin_upn.c. v_data() during a run is a vcin_state: `child` is the child
 * being checked, or NULL in the final pass, where rules about the whole
 * return (duplicate IDs, percentages, counts) report what they gathered.
 */
#ifndef CIN_RULES_H
#define CIN_RULES_H

#include <stddef.h>

#include "cin_codes.h"
#include "cin_model.h"
#include "csc_workday.h"
#include "v_engine.h"

/* A key seen in one child (UPN, LAchildID) for the duplicate rules. */
typedef struct vcin_key {
	char *key, *child;
	long line;
} vcin_key;

typedef struct vcin_keys {
	vcin_key *v;
	size_t n, cap;
} vcin_keys;

typedef struct vcin_state {
	const vcin_rec *child;      /* NULL in the final pass */
	const char *label;         /* the child as reports name it */
	csc_date ref, start, end;  /* reference date and census year (1 Apr..ref) */
	csc_date expected_ref;     /* what rule 100 expects (CSC_NODATE: any 31 March) */
	char hdr_ref[40];          /* header ReferenceDate as written */
	int hdr_ref_present;
	long hdr_ref_line;
	const csc_calendar *cal;
	csc_date nfa_cutoff;       /* one working day before the census start */
	/* gathered for whole-return rules */
	vcin_keys upns, ids;
	long children, no_sex;
	long cpp_starts, icpcs;
	unsigned disab_used;       /* bit per disability code (not NONE) used */
	long disab_children, disab_multi;
	long preproc;              /* episodes with a PreProceedingsandFGDM block */
	const vcin_codes *codes;   /* the code lists (ref/'s XSDs) */
} vcin_state;

extern const v_year_rule vcin_rules[];
extern const size_t vcin_nrules;
/* Catalogued CIN codes deliberately not implemented (NULL-terminated). */
extern const char *const vcin_not_implemented[];

/* Options of a CIN validation run. */
typedef struct vcin_opts {
	csc_date refdate;           /* --reference-date, or CSC_NODATE */
	int year;                   /* --year, or 0 */
	const char *la;             /* --la, or NULL */
	const csc_calendar *cal;    /* bank holidays, or NULL */
	int ruleset;                /* the collection year whose rules run
				     * (vcin_return_year); 0: the return's, else
				     * the last year with published rules */
	const vcin_codes *codes;    /* code lists (vcin_codes_load); NULL: coded
				     * values are not checked against a list */
} vcin_opts;

/* What the header of a CIN return says, for the report's cover. */
typedef struct vcin_about {
	char lea[8];      /* the header's LEA, "" when absent or not 3 digits */
	csc_date refdate; /* the reference date the run uses (cin_run.c), or CSC_NODATE */
} vcin_about;

/* The collection year of a CIN return (2026 = 2025-26): from --reference-date
 * or --year, else the header's ReferenceDate, else its Year; the year ending
 * the 31 March on or after a date. Reads only the header; fills *about when
 * not NULL. Returns the year, 0 when neither options nor header give one,
 * or -1 when the file cannot be read as a CIN return (printed). */
int vcin_return_year(const char *path, const char *name, const vcin_opts *o, vcin_about *about);
int vcin_return_year_mem(const char *data, size_t n, const char *name, const vcin_opts *o);

/* Validate the return at path (display name `name`), reporting into ctx
 * under the rule set "CIN <o->ruleset>" (v_set_ruleset), whose catalogue
 * the caller has loaded. From 2026-27 each PreProceedingsandFGDM block is
 * counted and listed in rules_not_run (no DfE rules yet).
 * Returns 0, or -1 when the file cannot be read as a CIN return (printed). */
int vcin_validate_file(v_ctx *ctx, const char *path, const char *name, const vcin_opts *o);
int vcin_validate_mem(v_ctx *ctx, const char *data, size_t n, const char *name, const vcin_opts *o);

/* Check that a previous year's return is readable (no CIN rule
 * needs it yet; see cin_run.c). Returns 0 or -1. */
int vcin_check_previous(const char *path, const char *name);

/* ---- helpers shared by the rule files ---- */

static inline vcin_state *vcin_st(v_ctx *ctx) { return (vcin_state *)v_data(ctx); }

/* Report field i of record r (value, line and table from the record). */
void vcin_rep(v_ctx *ctx, const v_rule *rule, const vcin_rec *r, int field);
/* Report a repeated value of r (a disability, factor, review date). */
void vcin_rep_multi(v_ctx *ctx, const v_rule *rule, const vcin_rec *r, const vcin_val *v);
/* Report something about the whole return (no child). */
void vcin_rep_return(v_ctx *ctx, const v_rule *rule, const char *table, const char *field,
		    const char *value, long line);

/* Where a record still open at the end of the return ends: the reference
 * date, the last day the return covers (the DfE reading of 4014, 4017 and
 * 8820); without a reference date, never (INT32_MAX). */
csc_date vcin_open_end(const vcin_state *st);

/* The code list of element `field` of record kind k (vcin_field_name),
 * from the run's lists, or NULL. */
const cin_codes *vcin_list_of(const vcin_state *st, enum vcin_kind k, const char *field);

/* 1 when d is a date within the census year. */
int vcin_in_year(const vcin_state *st, csc_date d);

/* Every record of kind k under root (root itself if it is of kind k). */
typedef struct vcin_list {
	vcin_rec **v;
	size_t n;
	vcin_rec *buf[32];
} vcin_list;
void vcin_list_get(vcin_list *l, const vcin_rec *root, enum vcin_kind k);
void vcin_list_free(vcin_list *l);

/* How a year records the child's sex (the arg of 4180, 8750, 2886Q): the
 * element, its codes (NULL-terminated) and the code of an unborn child. */
typedef struct vcin_a_sex {
	int field; /* C_GENDER or C_SEX */
	const char *codes[5];
	const char *unborn;
} vcin_a_sex;

/* The arg of 8770Q: which year's school-age cut-off (0: reference date
 * less 6 years; 1: 31 August six years before the reference date's year). */
typedef struct vcin_a_school_age {
	int from_31_august;
} vcin_a_school_age;

/* 1 when the child has no sex recorded in the year's element a: missing,
 * or the unborn code (2886Q). */
int vcin_no_sex(const vcin_rec *child, const vcin_a_sex *a);

/* Gather keys and report duplicates (1520, 8510). */
void vcin_keys_add(vcin_keys *k, const char *key, const char *child, long line);
void vcin_keys_report(v_ctx *ctx, const v_rule *rule, vcin_keys *k, const char *field);
void vcin_keys_free(vcin_keys *k);

/* UPN pieces (cin_upn.c). */
int vcin_upn_check_letter(const char *upn, char *out);
int vcin_la_code_known(const char *three_digits);

#endif
