/*
 * engine_int.h - the engine's state, shared by engine.c (the period loop,
 * the writers, the whole run) and jobs.c (the inputs computed at once).
 * Not for measure code: measures see the engine only through tx.h.
 */
#ifndef TX_ENGINE_INT_H
#define TX_ENGINE_INT_H

#include <stdio.h>

#include "csc_csvw.h"
#include "csc_drill.h"
#include "csc_out.h"
#include "staging.h"
#include "tx.h"

/* A dq.csv row held by a shard until the merge (dq_defer). */
typedef struct tx_dq_row {
	char *check, *measure, *child, *record, *text;
	csc_date date;
} tx_dq_row;

struct tx_engine {
	const csc_conf *c;
	int bug;                /* a measure counted into a breakdown it lacks */
	csc_calendar *cal;
	tx_period per[TX_MAXPER];
	int np, nshown;
	int *avail;             /* per measure */
	int *win;               /* per measure: its window breakdown in tx_windows, -1 none */
	csc_date *wstart;       /* [p * tx_nwindows + w]: window w's start for period p */
	int *inmeas[TX_NINPUTS]; /* the available measures of each input, in table order */
	int ninmeas[TX_NINPUTS];
	long *cnt;              /* [m][p][bd][2] numerator, denominator */
	long units[TX_NINPUTS];
	int drill;
	csc_out dout, qout;
	csc_csvw dw, qw;
	long ndrill, ndq;
	long nrec;              /* rows of drilldown.csv: records written once */
	long ngroups, nsplit;   /* the shards' encoder counts (csc_drill_enc_stats) */
	long pdrill[TX_MAXPER]; /* drill-down rows per period (drilldown_periods.csv) */
	int drow[TX_MAXPER];    /* each period's row of drilldown_periods.csv; 0 none */
	csc_drill_enc *enc;     /* the unit's drill-down records; NULL = none written */
	tx_strtab dqseen;
	/* A shard (jobs.c) is a copy of the run's engine that computes one
	 * input: the same periods, measures, calendar and counters (each
	 * measure belongs to one input, so shards never count into one cell),
	 * with its own drill-down writer and dq findings. */
	int dq_defer;           /* dq rows are held in dqrows, not written */
	tx_dq_row *dqrows;
	int ndqrows, capdqrows;
	FILE *part;             /* the shard's drill-down rows; NULL = written into dout */
	char *partbuf;          /* part's stdio buffer */
};

/* Write (or, when e->dq_defer, hold) one dq.csv row unless an identical
 * one was met before in e. */
void tx_dq_put(tx_engine *e, const char *check, const char *measure, const char *child,
	       const char *record, csc_date date, const char *text);

/* Read and compute inputs in[0..n-1] (in input order) with up to jobs
 * threads, leaving in e exactly what computing them one after another in
 * that order would: counts, units, dq.csv rows (written) and drill-down
 * rows (appended to e->dout). Returns 0; CSC_EXIT_INPUT when an input
 * could not be read; CSC_EXIT_OUTPUT when a drill-down scratch file failed
 * (each reported). e's outputs stay open for the caller to commit or abort. */
int tx_jobs_run(tx_engine *e, const enum tx_input *in, int n, int jobs, const char *staging,
		const char *outdir);

/* The loader of each input (staging.h). */
extern int (*const tx_loaders[TX_NINPUTS])(tx_engine *, const char *);

#endif
