/*
 * cin_emit.h - staging or rejecting the records of one child.
 *
 * The decision rules (docs/FORMATS.md, extract/NOTES.md):
 * - a Child with a bad or missing value is rejected with every record under
 *   it;
 * - a Child whose LAchildID an earlier Child has: an exact repeat of that
 *   Child's content (every value of every record, lines aside) is rejected
 *   as a duplicate naming its line, the first kept; any other content makes
 *   the ID conflicting: every Child with it is rejected with its records,
 *   the one already staged taken back by cin_emit_finish, and one
 *   conflicting_rows finding per ID;
 * - a CINdetails with a bad value is rejected with its sub-records;
 * - an Assessments, CINPlanDates, Section47 or ChildProtectionPlans record
 *   with a bad value is rejected alone, except that a rejected
 *   ChildProtectionPlans takes its CPPreviewDate records with it;
 * - a record rejected for its parent has field "-", the record's id as
 *   value and reason "parent <kind> <id> rejected".
 */
#ifndef CIN_EMIT_H
#define CIN_EMIT_H

#include <stdint.h>

#include "cin_reader.h"
#include "csc_cin_stage.h"
#include "csc_stage.h"

typedef struct cin_idslot {
	uint64_t hash;                  /* 0: empty */
	uint64_t content;               /* SHA-256 (first 64 bits) of the first Child */
	long line;                      /* the first Child's line */
	long other;                     /* the first conflicting Child's line; 0 none */
	char id[CIN_VAL_MAX];
} cin_idslot;

typedef struct cin_emit {
	csc_stage *stage;
	csc_table *tables[CIN_NKINDS]; /* NULL for the header */
	const char *file;               /* source file as configured */
	/* LAchildIDs staged so far -> line, open addressing */
	cin_idslot *ids;
	size_t idcap, nids;
	long nconflicts;                /* IDs with conflicting Children */
	char *rejected;                 /* per record of the current child */
	int rejcap;
	char *hbuf;                     /* a Child's bytes for content_hash */
	size_t hcap;
	/* per kind and staging column: a value slot, or a key (cin_emit.c) */
	signed char src[CIN_NKINDS][CSC_CIN_MAXCOLS];
} cin_emit;

/* Open the CIN tables (csc_cin_stage.h) on an opened stage. 0, or -1. */
int cin_emit_open(cin_emit *e, csc_stage *s, const char *file);

/* Stage or reject every record of child c; the callback for cin_reader_run
 * (arg is the cin_emit). Always 0. */
int cin_emit_child(void *arg, const cin_child *c);

/* After the last child: take the Children of conflicting IDs (and their
 * records) back out of the staging tables, each rejected. 0, or -1 after
 * printing why (a read or write error of staging). */
int cin_emit_finish(cin_emit *e);

void cin_emit_free(cin_emit *e);

#endif
