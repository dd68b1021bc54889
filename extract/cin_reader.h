/*
 * cin_reader.h - streaming the CIN census XML one child at a time.
 *
 * The reader walks the file with libxml2's xmlTextReader (through csc_xml,
 * so no network, no DTD, no entities, bounded depth and text) and the
 * element table of cin_schema.h. It holds one Child and its records at a
 * time: when </Child> is met, every value has been checked (cin_value.h),
 * mandatory elements are known to be there or not, and the callback gets
 * the child's records in file order. Memory is bounded by one child.
 *
 * Elements the table does not know are skipped with their content, counted
 * and reported as warnings (the first CIN_MAX_WARN of them with file, line
 * and path); they are not records, so they do not enter the reconciliation.
 */
#ifndef CIN_READER_H
#define CIN_READER_H

#include <libxml/xmlreader.h>

#include "cin_schema.h"
#include "cin_value.h"
#include "cin_xsd.h"
#include "csc_cin_children.h"
#include "csc_xml.h"

#define CIN_MAX_WARN 10          /* unknown-element warnings printed */
#define CIN_MAX_RECS 10000       /* records in one Child (else a fatal error) */
#define CIN_MAX_MULTI 64         /* Disability / AssessmentFactors codes in one record */
#define CIN_ERRVAL_MAX 200       /* bytes of a bad value quoted in rejects */
#define CIN_TEXT_BUF 512         /* bytes of one leaf's text held */

typedef struct cin_rec {
	unsigned char kind;        /* enum cin_kind */
	int parent;                /* index of the parent record; -1 for the child */
	int num;                   /* 1, 2, 3 within the parent, in file order */
	int nsub[CIN_NKINDS];      /* records of each kind opened inside this one */
	long line;                 /* line of the opening element */
	unsigned char seen[CIN_MAX_SLOTS];
	char val[CIN_MAX_SLOTS][CIN_VAL_MAX];
	char multi[CIN_MULTI_MAX]; /* codes joined with ';' */
	int nmulti;
	/* the first problem found, if any */
	int bad;
	long err_line;
	const char *err_field;
	char err_value[CIN_ERRVAL_MAX + 4];
	char err_reason[CIN_REASON_MAX];
} cin_rec;

typedef struct cin_child {
	cin_rec *recs;             /* recs[0] is the Child itself */
	int n, cap;
} cin_child;

/* Called at every </Child>. Return 0 to go on, -1 to stop the read. */
typedef int (*cin_child_fn)(void *arg, const cin_child *c);

typedef struct cin_frame {
	short node;                /* cin_nodes index; -1 unknown (skipped) */
	int rec;                   /* record this element belongs to */
	int nneed;                 /* occurrences of the node's `needs` child */
	long line;                 /* line of the start tag */
} cin_frame;

typedef struct cin_reader {
	const char *name;          /* file name for messages */
	const cin_codes *codes[128];  /* per node: its list from the XSD */
	short kids[128][16];       /* per node: child nodes */
	int nkids[128];
	short need_node[128];      /* per node: the node of `needs`, or -1 */
	signed char mand_slot[CIN_NKINDS][CIN_MAX_SLOTS]; /* mandatory slots per kind */
	int nmand[CIN_NKINDS];
	const xmlChar *iname[128]; /* node names interned in the reader's dict */
	cin_frame st[CSC_XML_MAX_DEPTH + 8];
	int sp;
	cin_child child;
	cin_rec header;
	int in_child;
	/* the leaf being read */
	int leaf, leaf_rec, leaf_elem;
	long leaf_line;
	char text[CIN_TEXT_BUF];
	size_t textlen;
	long last_text_line;
	long unknown;              /* unknown elements (and stray text) skipped */
	/* elements directly under Children: a Children with elements but no
	 * Child (e.g. <child>) is a fatal format error, not a warning each */
	csc_cin_children under; /* what Children holds */
	long children;             /* </Child> met */
	int have_header;
} cin_reader;

/* Prepare the element table against the XSD: every coded element must have
 * its list in xsd, or else in xsd2 (the 2024-25 copy with Sex; may be NULL).
 * Sex falls back to M/F/U. 0, or -1 after printing which list is missing. */
int cin_reader_init(cin_reader *r, const cin_xsd *xsd, const cin_xsd *xsd2,
		    const char *xsd_path);

/* Read the whole document from x, calling fn at each </Child>.
 * 0 at the end of a CIN document; -1 on a structural error (printed as
 * "prog: file:line: message") or when fn asked to stop. */
int cin_reader_run(cin_reader *r, csc_xml *x, cin_child_fn fn, void *arg);

/* The header value of an element (Collection, Year, ReferenceDate, LEA,
 * ...), or "" when absent or bad. */
const char *cin_reader_header(const cin_reader *r, const char *element);

void cin_reader_free(cin_reader *r);

#endif
