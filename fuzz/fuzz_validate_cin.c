/*
 * fuzz_validate_cin.c - libFuzzer harness for the validator's CIN reader
 * (validate/cin_model.c): the bytes are a CIN census return, streamed one
 * child at a time; every record and value handed to the callbacks is read
 * back, so a dangling or short value shows under AddressSanitizer.
 */
#include <stdlib.h>
#include <string.h>

#include "validate/cin_model.h"
#include "csc_diag.h"
#include "fuzz_util.h"

static size_t sink;

static void walk(const vcin_rec *r, int depth)
{
	if (depth > 16 || (r->parent && r->parent->kind >= r->kind))
		abort(); /* sub-records are always of a deeper kind */
	for (int i = 0; i < CIN_MAX_FIELDS; i++)
		if (r->f[i].s)
			sink += strlen(r->f[i].s) + (size_t)r->f[i].line;
	for (size_t i = 0; i < r->nmulti; i++)
		sink += strlen(r->multi[i].s);
	for (size_t i = 0; i < r->nsub; i++) {
		if (r->sub[i]->parent != r)
			abort();
		walk(r->sub[i], depth + 1);
	}
}

static int on_rec(void *arg, const vcin_rec *r)
{
	(void)arg;
	walk(r, 0);
	return 0;
}

static const vcin_callbacks cb = {on_rec, on_rec, NULL};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup("fuzz_validate_cin");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	vcin_read_mem((const char *)data, size, "fuzz.xml", &cb);
	return 0;
}
