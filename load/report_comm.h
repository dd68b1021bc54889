/*
 * report_comm.h - the commentary file: the performance team's words per
 * strand and month (docs/FORMATS.md, "Commentary").
 *
 * A CSV named by `commentary` in pipeline.conf, edited by hand each month:
 * per strand sheet and month, progress, concerns and next steps as text,
 * actions with an owner, a due date and an action RAG (GREEN, AMBER, RED,
 * BLUE = complete), and optionally a note for one table row. The whole file
 * is read into memory (it is bounded: 1 MiB, REPORT_TPL_MAX_FILE, and REPORT_COMM_MAX_ROWS rows)
 * and every problem is reported as "prog: file:line: field: message".
 */
#ifndef REPORT_COMM_H
#define REPORT_COMM_H

#include <stddef.h>

#include "csc_date.h"

#define REPORT_COMM_MAX_ROWS 2000       /* data rows */
#define REPORT_COMM_MAX_TEXT 1000       /* characters in text */
#define REPORT_COMM_MAX_OWNER 100       /* characters in owner */
#define REPORT_COMM_MAX_STRAND 31       /* characters in strand (Excel's tab limit) */
#define REPORT_COMM_MAX_ID 15           /* bytes in a measure ID */
#define REPORT_COMM_MAX_BREAKDOWN 63    /* bytes in a breakdown */

/* What a row holds (the `section` column). */
enum report_comm_kind { REPORT_COMM_PROGRESS, REPORT_COMM_CONCERNS, REPORT_COMM_NEXT, REPORT_COMM_ACTION, REPORT_COMM_NOTE, REPORT_COMM_NKINDS };

/* The action RAG; BLUE means complete. */
enum report_comm_rag { REPORT_COMM_GREEN, REPORT_COMM_AMBER, REPORT_COMM_RED, REPORT_COMM_BLUE, REPORT_COMM_NRAG };

typedef struct report_comm_item {
	char *strand;
	csc_date month;     /* the last day of the `period` month */
	enum report_comm_kind kind;
	char *text;
	char *owner;        /* actions; "" otherwise */
	csc_date due;       /* actions; CSC_NODATE otherwise */
	enum report_comm_rag rag;    /* actions */
	char *measure;      /* notes; "" otherwise */
	char *breakdown;    /* notes; "" = the headline row */
	long line;
} report_comm_item;

typedef struct report_comm {
	char *name;   /* the file, for messages */
	report_comm_item *it;  /* in file order */
	size_t n;
} report_comm;

/* Parse a commentary file held in memory; `name` is used in messages.
 * Returns NULL after printing every problem found. */
report_comm *report_comm_parse(const char *name, const char *data, size_t len);

/* Read and parse path. NULL after printing why (missing, unreadable, over
 * 1 MiB, or any problem report_comm_parse reports). */
report_comm *report_comm_load(const char *path);

void report_comm_free(report_comm *c);

/* Check every strand names a sheet of one of the nt templates, and every
 * note a row (measure and breakdown) of that sheet; prints each that does
 * not. 0 or -1. `sheets[i]` is the tpl of template i (report_tpl.h). */
struct report_tpl;
int report_comm_check(const report_comm *c, const struct report_tpl *const *t, int nt);

/* The note for one table row of a strand in a month; NULL when none. */
const char *report_comm_note(const report_comm *c, const char *strand, csc_date month, const char *measure,
		    const char *breakdown);

/* The shown word of an action RAG ("Green", ..., "Blue"). */
const char *report_comm_rag_word(enum report_comm_rag r);

#endif
