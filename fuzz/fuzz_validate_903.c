/*
 * fuzz_validate_903.c - libFuzzer harness for the validator's SSDA903
 * loader (validate/v903_load.c): the bytes are one 903 CSV, loaded,
 * indexed by child and given a collection year, as csc-validate does
 * before running its rules; the index is then read back for every child.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "validate/v903.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_validate_903");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	v903_data d;
	v903_init(&d);
	v903_load_mem(&d, "fuzz.csv", (const char *)data, size);
	v903_index(&d);
	v903_derive_year(&d);
	for (size_t k = 0; k < d.nids; k++) {
		if (v903_child_number(&d, d.ids[k]) != (int32_t)k)
			abort(); /* every child is found under its own number */
		for (int t = 0; t < V9_NTAB; t++) {
			v903_row *const *rows;
			size_t n = v903_child(&d.t[t], d.ids[k], &rows);
			for (size_t i = 0; i < n; i++)
				if (strcmp(rows[i]->f[0], d.ids[k]))
					abort();
		}
	}
	v903_free(&d);
	return 0;
}
