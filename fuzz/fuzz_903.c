/*
 * fuzz_903.c - libFuzzer harness for the SSDA903 extractor: the bytes are
 * one SSDA903 CSV, identified by its header row (csc_903_identify) and, when
 * it is a known table, read by the column-spec engine (list_engine) with the
 * tables built from the reference YAML, as csc-extract-903 does.
 */
#include <stdlib.h>
#include <string.h>

#include "csc_903.h"
#include "csc_csvr.h"
#include "csc_diag.h"
#include "fuzz_util.h"
#include "extract/list_engine.h"
#include "extract/ssda903_schema.h"

static ssda903_schema schema;
static csc_stage st;
static csc_table *rec[CSC_903_NTABLES];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_903");
	if (ssda903_schema_load(&schema, CSC_DATADIR "/ref/SSDA903_schema_2024.yml"))
		abort();
	fuzz_stage_open(&st, "ssda903");
	for (int t = 0; t < CSC_903_NTABLES; t++) {
		const char *header[LIST_MAX_COLS + 3];
		list_stage_header(&schema.tables[t], header);
		char name[64];
		snprintf(name, sizeof name, "ssda903_%s.csv", csc_903_tables[t].stage);
		rec[t] = csc_stage_table(&st, csc_903_tables[t].name, "fuzz.csv", name, header);
	}
	if (st.failed)
		abort();
	return 0;
}

static int ident_row(void *ctx, const csc_row *row)
{
	const csc_903_table **t = ctx;
	*t = csc_903_identify(row->f, row->len, row->n);
	if (!*t)
		csc_903_explain_header("fuzz.csv", row->line, row->f, row->len, row->n);
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_stage_reset(&st);
	const csc_903_table *t = NULL;
	if (csc_csv_read_mem((const char *)data, size, "fuzz.csv", ident_row, &t) < 0 || !t)
		return 0;
	int ti = (int)(t - csc_903_tables);
	list_reader r;
	list_reader_init(&r, ssda903_schema_table(&schema, t), &st, rec[ti], &rec[ti]->w,
			 "fuzz.csv");
	list_reader_mem(&r, (const char *)data, size);
	fuzz_stage_check(&st);
	return 0;
}
