/*
 * tx.h - csc-transform: the measure table, the engine that runs it, and the
 * staged records the measures look at.
 *
 * A measure is one entry in tx_measures[] (measures.c): its ID, title, kind,
 * direction, input, breakdowns, definition text and a definition function.
 * The engine owns the only period loop: for every unit (one contact, or one
 * child with all its records of one input) and every period it calls each
 * available measure's function, which reports what it counts through
 * tx_emit(). tx_emit both counts and writes the drill-down row, so a figure
 * and the records behind it can never disagree.
 */
#ifndef TX_H
#define TX_H

#include <stdarg.h>
#include <stdio.h>

#include "csc_conf.h"
#include "csc_coverage.h"
#include "csc_date.h"
#include "csc_inputs.h"
#include "csc_workday.h"

enum tx_input { TX_CONTACTS, TX_CIN, TX_EH, TX_903, TX_NINPUTS };
enum tx_kind { TX_COUNT, TX_PCT, TX_RATE };
enum tx_good { TX_NONE, TX_HIGH, TX_LOW };
enum tx_role { TX_NUM, TX_DEN, TX_EXCL };
enum tx_pkind { TX_MONTH, TX_QUARTER, TX_FY, TX_FYTD, TX_ROLL12 };

#define TX_MAXBD 6      /* breakdowns per measure */
#define TX_MAXPER 96    /* periods, shown and hidden */

/* A reporting period [start, end]. Hidden periods are computed only as the
 * "previous period" of a shown one (trend); they are not written. */
typedef struct tx_period {
	csc_date start, end;
	enum tx_pkind kind;
	int hidden;
	int drill;     /* drill-down rows are written (tx_period_drilled) */
	int prev;      /* index of the previous period of the same kind, -1 none */
	long pop;      /* 0-17 population of the calendar year of end; -1 absent */
} tx_period;

typedef struct tx_engine tx_engine;

/* Where one measure function call reports: (engine, measure, period). */
typedef struct tx_acc {
	tx_engine *e;
	int m, p;
	int drill;     /* the period's drill-down rows are written */
	const char *as; /* a window's call (tx_windows): the headline is counted
			 * under this breakdown, the other breakdowns not at all */
} tx_acc;

typedef void (*tx_fn)(const tx_engine *e, const void *unit, const tx_period *p, tx_acc *a);

typedef struct tx_measure {
	const char *id;
	const char *title;
	enum tx_kind kind;
	enum tx_good good;
	enum tx_input input;
	const char *tables;          /* staging files needed, space-separated */
	const char *bd[TX_MAXBD];    /* breakdown labels, NULL-ended; {""} = headline */
	const char *definition;
	tx_fn fn;
	int snapshot;                /* count taken on the last day, not a flow */
} tx_measure;

extern const tx_measure tx_measures[];
extern const int tx_nmeasures;

/* A window breakdown: the measure's headline, as its function defines it,
 * counted over the `months` months ending at the period end ([end - months
 * months + 1 day, end]) instead of over the period, and written as the
 * period's row with this breakdown label. A measure with no other
 * breakdown takes one by naming the label beside the headline ""
 * (test_spec_measures holds the table to that: a window call counts the
 * headline only); the engine makes the second call.
 * For flows too small to read month by month (LA06: a few exits a month). */
typedef struct tx_window {
	const char *bd;
	int months;
} tx_window;

extern const tx_window tx_windows[];
extern const int tx_nwindows;

/* enum tx_input is the order the transform reads its inputs in, which is
 * the order of their findings in dq.csv; tx_input_id maps each to its row
 * of csc_inputs (lib/csc_inputs.h), where the inputs are defined. */
extern const int tx_input_id[TX_NINPUTS];

/* The staging name of input `in` ("contacts", "cin", ...). */
const char *tx_input_name(int in);

/* ---- staged records, grouped into units ---- */

typedef struct tx_contact {
	const char *id, *child;
	csc_date date, completed;
	char source[8];
	char outcome[8];
	long line;
} tx_contact;

typedef struct tx_cin_ep { int child, no; csc_date referral, closure; int nfa; long line; } tx_cin_ep;
typedef struct tx_cin_asmt { int child, ep, no; csc_date start, auth; long line; } tx_cin_asmt;
typedef struct tx_cin_s47 { int child, ep, no; csc_date start, icpc; long line; } tx_cin_s47;
typedef struct tx_cin_cpp { int child, ep, no; csc_date start, end; int previous; long line; } tx_cin_cpp;
typedef struct tx_cin_rev { int child, ep, cpp; csc_date date; long line; } tx_cin_rev;

typedef struct tx_cin_child {
	const char *child;
	csc_date dob;
	const tx_cin_ep *ep; int nep;
	const tx_cin_asmt *as; int nas;
	const tx_cin_s47 *s47; int ns47;
	const tx_cin_cpp *cpp; int ncpp;
	const tx_cin_rev *rev; int nrev;
} tx_cin_child;

typedef struct eh_ep {
	int child;
	const char *id;
	csc_date start, completed, end;
	int tier;
	char closure[12];
	long line;
} eh_ep;

typedef struct tx_eh_child {
	const char *child;
	const eh_ep *ep; int nep;
} tx_eh_child;

/* 903 records name themselves "<source file>:<line>". */
typedef struct tx_lac_ep {
	int child;
	csc_date decom, dec;
	char rne[4], ls[4], place[4], provider[4], rec[4];
	const char *file; long line;
} tx_lac_ep;
typedef struct tx_lac_rev { int child; csc_date date; const char *file; long line; } tx_lac_rev;
typedef struct tx_lac_miss { int child; int is_m; csc_date start; const char *file; long line; } tx_lac_miss;
typedef struct tx_lac_oc3 {
	int child;
	csc_date dob;
	char in_touch[8], activ[4], accom[4];
	const char *file; long line;
} tx_lac_oc3;
typedef struct tx_lac_hdr { int child; csc_date dob; const char *file; long line; } tx_lac_hdr;

/* A period of care: episodes first..last (indexes into ep) joined by X1;
 * end is the DEC of the last one, CSC_NODATE while open. */
typedef struct tx_lac_poc { csc_date start, end; int first, last; } tx_lac_poc;
/* A placement [start, end) inside period of care poc; end CSC_NODATE = open. */
typedef struct tx_lac_plc { csc_date start, end; int ep, poc; } tx_lac_plc;

typedef struct tx_lac_child {
	const char *child;
	csc_date dob;                   /* from Header; CSC_NODATE if none */
	const tx_lac_ep *ep; int nep;       /* every episode, short breaks too, by DECOM */
	const tx_lac_poc *poc; int npoc;    /* short breaks left out */
	const tx_lac_plc *plc; int nplc;
	const tx_lac_rev *rev; int nrev;
	const tx_lac_miss *mis; int nmis;
	const tx_lac_oc3 *oc3; int noc3;
} tx_lac_child;

/* 1 for an episode of an agreed series of short breaks (LS V3/V4). */
int tx_lac_short_break(const tx_lac_ep *ep);

/* ---- engine ---- */

/* Count in (m, p) under breakdown bd ("" = headline) and write the
 * drill-down row: role TX_NUM counts in numerator and denominator, TX_DEN in
 * the denominator only, TX_EXCL only explains. reason is printf-like.
 * For a period without drill-down (hidden, or left out by
 * drilldown_periods) only tx_count runs: the child, record and reason
 * arguments are not evaluated, so their formatting (a fifth of the
 * transform, BENCHMARKS.md) is skipped; they must have no side effects. */
#define tx_emit(a, bd, role, child, record, ...)                                     \
	((a)->drill ? tx_emit_row((a), (bd), (role), (child), (record), __VA_ARGS__) \
		    : tx_count((a), (bd), (role)))
void tx_emit_row(tx_acc *a, const char *bd, enum tx_role role, const char *child,
		 const char *record, const char *reason, ...)
	__attribute__((format(printf, 6, 7)));
void tx_count(tx_acc *a, const char *bd, enum tx_role role);

/* A data-quality finding (dq.csv). Identical findings are written once,
 * however many periods meet them. measure may be "" and date CSC_NODATE. */
void tx_dq(tx_engine *e, const char *check, const char *measure, const char *child,
	   const char *record, csc_date date, const char *detail, ...)
	__attribute__((format(printf, 7, 8)));

/* Settings and calendar for measure functions. */
const csc_conf *tx_conf(const tx_engine *e);
const csc_calendar *tx_cal(const tx_engine *e);

/* The engine handle behind an accumulator (for tx_dq from a measure). */
tx_engine *tx_acc_engine(tx_acc *a);

/* Working days with the calendar check every measure needs: 0 and *out set,
 * or -1 when a or b lies outside the calendar. */
int tx_wd(const tx_engine *e, csc_date a, csc_date b, int *out);

/* 1 when a <= d <= b. */
static inline int tx_in(csc_date d, csc_date a, csc_date b)
{
	return d != CSC_NODATE && d >= a && d <= b;
}
static inline int tx_in_period(csc_date d, const tx_period *p)
{
	return tx_in(d, p->start, p->end);
}

/* Run every available measure of `in` over every period for one unit: the
 * one period loop. */
void tx_engine_unit(tx_engine *e, enum tx_input in, const void *unit);

/* An ISO date for messages (valid for the enclosing full expression). */
#define TX_ISO(d) tx_iso((d), (char[CSC_DATE_BUFSZ]){0})

/* csc_date_iso through a small per-thread cache (recfmt.c): the same bytes
 * into buf; returns buf. */
char *tx_iso(csc_date d, char buf[CSC_DATE_BUFSZ]);

/* Append s to the string of buf (n bytes) at offset at, truncating and
 * NUL-terminating as snprintf does; returns at + strlen(s), the length the
 * whole string would have (so calls chain like snprintf's return). */
size_t tx_cat(char *buf, size_t n, size_t at, const char *s);
/* The same with v in decimal ("%ld"). */
size_t tx_cat_long(char *buf, size_t n, size_t at, long v);

/* The reason of a drill-down row: fmt with ap as vsnprintf(buf, n, ...)
 * would write it, returning buf, or fmt itself when it has no conversion
 * and fits in n; *len the returned string's length. %s, %d and %% are
 * converted here (the only ones the measures use; printf's parsing was a
 * tenth of the transform), anything else by vsnprintf. n must be at
 * least 1. */
const char *tx_vformat(char *buf, size_t n, const char *fmt, va_list ap, size_t *len);

/* Name a 903 record "<file basename>:<line>" into buf (truncated to n as
 * snprintf would). */
const char *tx_lac_rec(char *buf, size_t n, const char *file, long line);

/* Record-level checks run once per unit before its period loop (findings
 * that do not depend on a period), per input; NULL = none. */
typedef void (*tx_check_fn)(tx_engine *e, const void *unit);
extern const tx_check_fn tx_checks[TX_NINPUTS];

/* The figure of (m, p, breakdown b): value NaN when empty (zero denominator
 * or no population); *num and *den as written to measures.csv (*den -1 for
 * a count). */
double tx_value(const tx_engine *e, int m, int p, int b, long *num, long *den);

/* ---- periods (periods.c) ---- */

/* Fill per[] with the shown periods for period_end and months_shown, then
 * the hidden previous periods; returns the count. */
int tx_periods(csc_date period_end, int months_shown, tx_period *per, int cap);

/* Drop the periods that start after data_to (CSC_NODATE: none), keeping the
 * order and the previous-period links; returns the new count. */
int tx_periods_covered(tx_period *per, int n, csc_date data_to);

/* Read the staging coverage files (coverage.c) into *cv and drop the
 * periods of per[*np] that start after the data; the engine writes cv as
 * coverage.csv, committed with its other outputs. 0, or CSC_EXIT_INPUT (a
 * malformed coverage file). */
int tx_coverage(const csc_conf *c, const char *staging, tx_period *per, int *np,
		csc_coverage *cv);
const char *tx_pkind_name(enum tx_pkind k);

/* 1 when shown period p gets drill-down rows under drilldown_periods:
 * report = the kinds a workbook shows (months, quarters, financial year,
 * year to date: not the rolling 12 months), all = every shown period.
 * Hidden periods never do. */
int tx_period_drilled(const tx_period *p, enum csc_drill_periods mode);

/* ---- comparators and RAG (rag.c) ---- */

typedef struct tx_comparators tx_comparators;

/* Load <templates_dir>/comparators.csv. Returns NULL after reporting
 * (file:line: message) when it is missing or malformed. */
tx_comparators *tx_comparators_load(const char *path);
void tx_comparators_free(tx_comparators *t);

/* RAG word for value v against target t with tolerance tol in direction g,
 * compared as shown (1 decimal place for percentages and rates); "" when
 * there is no target, no direction or no value. */
const char *tx_rag(enum tx_good g, enum tx_kind k, double v, double t, double tol);

/* Trend of v against the previous value pv: better/worse/same or "". */
const char *tx_trend(enum tx_good g, enum tx_kind k, double v, double pv);

/* Write rag.csv rows for every shown figure to the open writer. */
struct csc_csvw;
void tx_write_rag(const tx_engine *e, const tx_comparators *cmp, struct csc_csvw *w);

/* Periods of the run (shown first). */
const tx_period *tx_period_list(const tx_engine *e, int *n);

/* ---- whole run (engine.c) ---- */

typedef struct tx_opts {
	const char *staging_dir;  /* NULL = <output_dir>/staging */
	const char *output_dir;   /* NULL = conf output_dir */
	int quiet;
	int jobs;                 /* inputs computed at once; 0 = transform_jobs */
} tx_opts;

/* Compute everything and write the five outputs. Returns an enum csc_exit.
 * When keep is non-NULL the engine is returned for inspection (tests) and
 * must be released with tx_engine_free. */
int tx_run(const csc_conf *c, const tx_opts *o, tx_engine **keep);
void tx_engine_free(tx_engine *e);

/* Look up a computed figure (tests, load-free checks): 0 when the row
 * exists; *value is NaN when the row has an empty value. */
int tx_result(const tx_engine *e, const char *measure, const char *bd, csc_date start,
	      csc_date end, long *num, long *den, double *value);

/* The index of measure id, or -1. */
int tx_measure_index(const char *id);

/* 1 when measure m was available in this run. */
int tx_available(const tx_engine *e, int m);

#endif
