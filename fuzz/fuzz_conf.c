/*
 * fuzz_conf.c - libFuzzer harness for pipeline.conf (csc_conf_parse over
 * memory). A conf that parses is also asked for every population year and
 * a period override, as the stages do.
 */
#include <stdlib.h>

#include "csc_conf.h"
#include "fuzz_util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_conf");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	csc_conf *c = csc_conf_parse("pipeline.conf", "/srv/la", (const char *)data, size);
	if (c) {
		long pop;
		for (int y = 1990; y < 2040; y++)
			csc_conf_population(c, y, &pop);
		csc_conf_set_period(c, "2024-02");
		csc_conf_free(c);
	}
	return 0;
}
