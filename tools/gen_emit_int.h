/*
 * gen_emit_int.h - what gen_emit.c and gen_xml.c share: the open files,
 * the row buffer the CSV tables are built in, and fault injection.
 */
#ifndef GEN_EMIT_INT_H
#define GEN_EMIT_INT_H

#include <stdio.h>

#include "csc_csvw.h"
#include "csc_out.h"
#include "gen_emit.h"

enum gen_fileid {
	GF_XML, GF_CONTACTS, GF_EH, GF_HEADER, GF_EPISODES, GF_REVIEWS, GF_UASC, GF_OC2, GF_OC3,
	GF_AD1, GF_PLACED, GF_PREVPERM, GF_MISSING, GF_SW, GF_DOLO, GF_MANIFEST, GEN_NFILES
};

enum gen_kind { K_BAD_CODE, K_BAD_DATE, K_MISSING, K_DUPLICATE };

typedef struct gen_file {
	csc_out out;
	csc_csvw w;
	char *buf;
	size_t bufsz;
	long line;      /* lines written so far (= the last line's number) */
	long records;   /* clean records offered to the fault injector */
	long dirty;
	double acc;     /* fault accumulator: a record is dirty when it reaches 1 */
} gen_file;

struct gen_emit {
	const gen_opts *o;
	gen_file f[GEN_NFILES];
	gen_rng rng;    /* fault choices: independent of the children's streams */
	gen_stats st;
	long ndirty;
};

#define GEN_FIELD 192 /* the longest ReferralSource label is 150 bytes */
#define GEN_MAXCOLS 16
typedef struct gen_row {
	int n;
	char f[GEN_MAXCOLS][GEN_FIELD];
} gen_row;

void gen_row_reset(gen_row *r);
char *gen_row_next(gen_row *r);          /* the next field, empty */
void gen_row_str(gen_row *r, const char *s);
void gen_row_dmy(gen_row *r, csc_date d); /* DD/MM/YYYY, "" for none */
void gen_row_iso(gen_row *r, csc_date d); /* YYYY-MM-DD, "" for none */
void gen_row_int(gen_row *r, long v);

/* Write r to file f, first turning it dirty when its turn has come. */
void gen_put_row(gen_emit *g, int f, gen_row *r);

/* Fault injection pieces, for the XML writer. */
int gen_dirty_next(gen_emit *g, int f);
void gen_manifest(gen_emit *g, int f, long line, const char *field, const char *value, enum gen_kind k);
void gen_bad_date(gen_emit *g, char *field);
const char *gen_bad_code(gen_emit *g);
const char *gen_file_path(int f);

/* The CIN census XML (gen_xml.c). */
void gen_xml_begin(gen_emit *g);
void gen_xml_child(gen_emit *g, const gen_child *c);
void gen_xml_end(gen_emit *g);

#endif
