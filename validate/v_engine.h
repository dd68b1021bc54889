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

typedef struct v_ctx v_ctx;

/* What a rule needs beyond the return being checked. */
enum v_needs {
	V_NEEDS_NOTHING = 0,
	V_NEEDS_PREVIOUS,  /* the previous year's return (--cin-previous / --903-previous) */
	V_NEEDS_POSTCODES, /* a postcode table (--postcodes) */
};

typedef struct v_rule {
	const char *code;        /* DfE code exactly as in the rules CSV */
	enum v_needs needs;
	void (*check)(v_ctx *ctx, const struct v_rule *rule);
	const void *arg;         /* parameters for shared check functions */
} v_rule;

/* Report one failure of `rule` (its code picks message and severity).
 * child, table, field and value may be NULL; line 0 = unknown. */
void v_report(v_ctx *ctx, const v_rule *rule, const char *child, const char *table,
	      const char *field, const char *value, long line);

/* The data the current collection's checks run over (set by the front end:
 * a CIN tree or SSDA903 tables); previous is NULL when not supplied. */
void *v_data(v_ctx *ctx);
void *v_previous(v_ctx *ctx);

#endif
