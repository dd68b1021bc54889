/*
 * fuzz_yaml.c - libFuzzer harness for the code-list reader over libyaml
 * (extract/codes_yaml.c, codes_yaml_parse over memory); what it reads is
 * looked up and turned into the SSDA903 tables as the extractor does.
 */
#include <stdlib.h>

#include "extract/codes_yaml.h"
#include "fuzz_util.h"
#include "extract/ssda903_schema.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_yaml");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	codes_schema s;
	if (codes_yaml_parse("fuzz.yml", (const char *)data, size, &s) == 0) {
		for (int i = 0; i < s.n; i++) {
			const yaml_col *c = &s.cols[i];
			if (codes_yaml_find(&s, c->table, c->column) == NULL)
				abort(); /* every column read can be found again */
			char buf[256];
			codes_describe(&c->codes, buf, sizeof buf);
		}
		codes_yaml_free(&s);
	}
	ssda903_schema t;
	if (ssda903_schema_parse(&t, "fuzz.yml", (const char *)data, size) == 0)
		ssda903_schema_free(&t);
	return 0;
}
