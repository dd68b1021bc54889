/*
 * fuzz_list.h - the body shared by the contacts and early-help harnesses.
 *
 * The column table, code lists and cross-column check of each list live as
 * statics in its extractor's main file; the harness includes that file (its
 * main renamed) so that it fuzzes exactly the table the program uses, and
 * then reads the bytes with the list engine over memory. Define LIST_TABLE
 * (the list_table initialiser's name and column count) and LIST_SETUP()
 * before including this file.
 */
#ifndef FUZZ_LIST_H
#define FUZZ_LIST_H

#include <stdlib.h>

#include "csc_csvr.h"
#include "fuzz_util.h"
#include "extract/list_engine.h"
#include "extract/list_dups.h"

static csc_stage st;
static csc_table *rec;
static list_dups dups;
static const int *dups_key;
static int dups_nkey, dups_child;
static list_table table;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_stage_reset(&st);
	list_dups_free(&dups);
	list_dups_init(&dups, table.table, dups_key, dups_nkey, dups_child);
	list_reader r;
	list_reader_init(&r, &table, &st, rec, &rec->w, "fuzz.csv");
	list_reader_mem(&r, (const char *)data, size);
	fuzz_stage_check(&st);
	return 0;
}

/* Open the stage with the one staging table of t. */
static void fuzz_list_open(const char *prog, const char *input, const char *tname,
			   const list_col *c, int ncols, list_check_fn check, const int *key,
			   int nkey, int child)
{
	fuzz_setup(prog);
	dups_key = key;
	dups_nkey = nkey;
	dups_child = child;
	list_dups_init(&dups, tname, key, nkey, child);
	table = (list_table){tname, c, ncols, 1, 0, check, NULL, &dups};
	fuzz_stage_open(&st, input);
	const char *header[LIST_MAX_COLS + 3];
	list_stage_header(&table, header);
	rec = csc_stage_table(&st, tname, "fuzz.csv", "list.csv", header);
	if (st.failed)
		abort();
}

#endif
