/*
 * gen_emit.h - writing simulated children to the dump's files.
 *
 * All files are open at once (through csc_out, so each appears whole or not
 * at all) and each child is written to every file it has records in before
 * the next child is simulated: memory is one child. With a dirty share p,
 * every file turns floor(records * p + phase) of its records into faulty
 * ones, one fault each, and lists each in dirty-manifest.csv as
 * file,line,field,value,kind.
 */
#ifndef GEN_EMIT_H
#define GEN_EMIT_H

#include "gen_model.h"

typedef struct gen_emit gen_emit;

/* The realism figures over the 12 months ending at the extraction date,
 * counted on the clean records. */
typedef struct gen_stats {
	long children, arrivals;
	long contacts, contacts_ref;
	long referrals, rereferrals;
	long assessments, assess_45;
	long cp_at_end, cla_at_end;
	long leavers, leavers_eet;
	long dirty;
	double bytes;
} gen_stats;

/* Open every output under dir; NULL after printing why. */
gen_emit *gen_emit_open(const gen_opts *o, const char *dir);

/* Write one (censored) child; c->index and c->id must be set. */
void gen_emit_child(gen_emit *g, const gen_child *c);

/* Close and commit every file; fills *st. Returns 0, or -1 after printing
 * why (no file is committed then). */
int gen_emit_close(gen_emit *g, gen_stats *st);

/* Abandon every temporary file. */
void gen_emit_abort(gen_emit *g);

#endif
