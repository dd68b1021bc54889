/*
 * report_comm.h - the commentary file: the performance team's words per
 * strand and month (docs/FORMATS.md, "Commentary").
 *
 * A CSV named by `commentary` in pipeline.conf, edited by hand each month:
 * per strand sheet and month, progress, concerns and next steps as text,
 * actions with an owner, a due date and an action RAG (GREEN, AMBER, RED,
 * BLUE = complete), and optionally a note for one table row. The whole file
 * is read into memory (it is bounded: 1 MiB, TPL_MAX_FILE, and CM_MAX_ROWS rows)
 * and every problem is reported as "prog: file:line: field: message".
 */
#ifndef REPORT_COMM_H
#define REPORT_COMM_H

#include <stddef.h>

#include "csc_date.h"

#define CM_MAX_ROWS 2000       /* data rows */
#define CM_MAX_TEXT 1000       /* characters in text */
#define CM_MAX_OWNER 100       /* characters in owner */
#define CM_MAX_STRAND 31       /* characters in strand (Excel's tab limit) */
#define CM_MAX_ID 15           /* bytes in a measure ID */
#define CM_MAX_BREAKDOWN 63    /* bytes in a breakdown */

/* What a row holds (the `section` column). */
enum cm_kind { CM_PROGRESS, CM_CONCERNS, CM_NEXT, CM_ACTION, CM_NOTE, CM_NKINDS };

/* The action RAG; BLUE means complete. */
enum cm_rag { CM_GREEN, CM_AMBER, CM_RED, CM_BLUE, CM_NRAG };

typedef struct cm_item {
	char *strand;
	csc_date month;     /* the last day of the `period` month */
	enum cm_kind kind;
	char *text;
	char *owner;        /* actions; "" otherwise */
	csc_date due;       /* actions; CSC_NODATE otherwise */
	enum cm_rag rag;    /* actions */
	char *measure;      /* notes; "" otherwise */
	char *breakdown;    /* notes; "" = the headline row */
	long line;
} cm_item;

typedef struct cm {
	char *name;   /* the file, for messages */
	cm_item *it;  /* in file order */
	size_t n;
} cm;

/* Parse a commentary file held in memory; `name` is used in messages.
 * Returns NULL after printing every problem found. */
cm *cm_parse(const char *name, const char *data, size_t len);

/* Read and parse path. NULL after printing why (missing, unreadable, over
 * 1 MiB, or any problem cm_parse reports). */
cm *cm_load(const char *path);

void cm_free(cm *c);

/* Check every strand names a sheet of one of the nt templates, and every
 * note a row (measure and breakdown) of that sheet; prints each that does
 * not. 0 or -1. `sheets[i]` is the tpl of template i (report_tpl.h). */
struct tpl;
int cm_check(const cm *c, const struct tpl *const *t, int nt);

/* The note for one table row of a strand in a month; NULL when none. */
const char *cm_note(const cm *c, const char *strand, csc_date month, const char *measure,
		    const char *breakdown);

/* The shown word of an action RAG ("Green", ..., "Blue"). */
const char *cm_rag_word(enum cm_rag r);

#endif
