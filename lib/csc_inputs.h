/*
 * csc_inputs.h - the four data inputs, defined once: their names in
 * staging, their pipeline.conf keys, the stages and programs that extract
 * them, and their order.
 *
 * The order of csc_inputs is the order everything lists them in: the
 * manifest's input rows, the content stamps, the settings fingerprints,
 * coverage.csv, the reconciliation sheet and csc-run's reject lines. The
 * transform reads them in an order of its own (transform/engine.c), by
 * these indexes.
 *
 * Adding an input: a row here (and its enum value, before CSC_NINPUTS); its
 * path in struct csc_conf and its key in lib/csc_conf.c; an extractor that
 * stages it through csc_stage with the row's name; a rule for its recon
 * file in mk/pipeline.mk (test_inputs checks the rules against this table);
 * its measures in transform/measures.c; docs/FORMATS.md and README.
 */
#ifndef CSC_INPUTS_H
#define CSC_INPUTS_H

#include <stddef.h>

#include "csc_conf.h"

enum csc_input_id { CSC_IN_CIN, CSC_IN_903, CSC_IN_CONTACTS, CSC_IN_EH, CSC_NINPUTS };

typedef struct csc_input_def {
	const char *name;    /* in staging: recon_<name>.csv, rejects_, findings_,
				sources_, coverage_<name>.csv */
	const char *key;     /* pipeline.conf key; the manifest's label; the
				content stamp <work>/inputs/<key>.txt */
	const char *stage;   /* the make stage that extracts it (mk/pipeline.mk;
				its settings fingerprint <stage>.txt) */
	const char *program; /* the extractor */
	const char *title;   /* for people: "CIN census" */
	int dir;             /* a folder of files, not one file */
	int reads_reference; /* the extractor reads reference_dir */
	size_t conf_off;     /* offset of its path (char *) in struct csc_conf */
} csc_input_def;

/* The inputs, in the order above (indexed by enum csc_input_id). */
extern const csc_input_def csc_inputs[CSC_NINPUTS];

/* The configured path of input i (NULL: not configured). */
const char *csc_inputs_path(const csc_conf *c, int i);

/* The index of the input whose staging name is name, or -1. */
int csc_inputs_find(const char *name);

#endif
