/*
 * fuzz_tpl.c - libFuzzer harness for the report template format
 * (load/report_tpl.c, report_tpl_parse over memory).
 */
#include "fuzz_util.h"
#include "load/report_tpl.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_tpl");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	report_tpl *t = report_tpl_parse("fuzz.tpl", (const char *)data, size);
	if (t)
		report_tpl_free(t);
	return 0;
}
