/*
 * fuzz_cin.c - libFuzzer harness for the CIN census extractor: the bytes
 * are a CIN XML file, read through csc_xml (over memory) by cin_reader and
 * staged or rejected by cin_emit, as csc-extract-cin does.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cin_emit.h"
#include "extract/cin_reader.h"
#include "extract/cin_xsd.h"
#include "csc_diag.h"
#include "csc_xml.h"
#include "fuzz_util.h"

static cin_xsd xsd, xsd2;
static char *xsd_path;
static csc_stage st;
static cin_emit em;
static cin_reader rd;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_cin");
	xsd_path = csc_path_join(CSC_DATADIR "/ref", CIN_XSD_FILE);
	char *p2 = csc_path_join(CSC_DATADIR "/ref", CIN_XSD_SEX_FILE);
	if (cin_xsd_load(&xsd, xsd_path) || cin_xsd_load(&xsd2, p2))
		abort();
	free(p2);
	fuzz_stage_open(&st, "cin");
	if (cin_emit_open(&em, &st, "fuzz.xml"))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > INT_MAX)
		return 0;
	fuzz_stage_reset(&st);
	/* a fresh LAchildID set per file, as in one run of the program */
	free(em.ids);
	em.ids = NULL;
	em.idcap = em.nids = 0;
	if (cin_reader_init(&rd, &xsd, &xsd2, xsd_path))
		abort();
	csc_xml x;
	if (csc_xml_open_mem(&x, (const char *)data, (int)size, "fuzz.xml") == 0) {
		cin_reader_run(&rd, &x, cin_emit_child, &em);
		csc_xml_close(&x);
	}
	cin_reader_free(&rd);
	fuzz_stage_check(&st);
	return 0;
}
