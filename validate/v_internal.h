/*
 * v_internal.h - the engine's private state, shared by v_engine.c and the
 * report writers (v_report_csv.c, v_report_xlsx.c). Rules never include it.
 */
#ifndef V_INTERNAL_H
#define V_INTERNAL_H

#include <stddef.h>

#include "v_engine.h"

#define V_MAX_VALUE 512 /* bytes of a reported value kept in the report */

struct v_cat {
	char *code, *table, *message, *fields;
	int query;
};

struct v_iss {
	long cat;      /* index into cat, -1 if the code is not catalogued */
	char *code, *child, *table, *field, *value;
	long line;
	size_t seq;    /* order of report: last tie-break, keeps sorting stable */
	int query;
	int rs;        /* rule set index (v_ctx.rs), -1 when none was set */
};

struct v_ctx {
	struct v_cat *cat;
	size_t ncat, capcat;
	size_t *cat_sorted; /* indexes of cat in code order, for lookup */
	struct v_iss *iss;
	size_t niss, capiss;
	size_t nerror, nquery;
	int sorted;
	struct { char *code, *reason; int rs; } *nr;
	size_t nnr;
	void *data, *prev;
	int avail[V_NEEDS_COUNT_];
	char *why[V_NEEDS_COUNT_];
	int prev_explicit;
	csc_date year_end; /* v_set_collection_year; CSC_NODATE when not given */
	char **rs;         /* labels of the rule sets run ("SSDA903 2025-26") */
	size_t nrs;
	int cur_rs;        /* index of the current rule set, -1 before any */
	int rs_year;       /* its year, 0 = entries not filtered */
	struct { char *label, *value; } *cover; /* v_cover_add, in order */
	size_t ncover;
};

void v_cat_reindex(v_ctx *c);
long v_cat_find(const v_ctx *c, const char *code);

/* Writers: each returns 0 or -1 after printing why. */
int v_write_issues_csv(v_ctx *c, const char *path);
int v_write_not_run_csv(v_ctx *c, const char *path);
int v_write_summary_csv(v_ctx *c, const char *path);

/* The label of rule set index rs ("" when rs < 0). */
const char *v_rs_label(const v_ctx *c, int rs);
int v_write_xlsx(v_ctx *c, const char *path, const char *title);

#endif
