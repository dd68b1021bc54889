/*
 * fuzz_workday.c - libFuzzer harness for the bank-holiday file
 * (lib/csc_workday.c). csc_calendar_load reads a path, so each input is
 * written to a scratch file first; a calendar that loads is then asked
 * for working days across its whole range.
 */
#include <stdio.h>
#include <stdlib.h>

#include "csc_out.h"
#include "csc_workday.h"
#include "fuzz_util.h"

static char *path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	path = csc_path_join(fuzz_setup("fuzz_workday"), "bank-holidays.csv");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "w");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	csc_calendar *cal = csc_calendar_load(path);
	if (cal) {
		csc_date a = csc_calendar_first(cal), b = csc_calendar_last(cal);
		int n;
		if (csc_wd(cal, a, b, &n) != 0 || n < 0)
			abort(); /* its own range is covered and ordered */
		if (n > 0 && csc_wd(cal, a, csc_wd_add(cal, a, 1), &n) == 0 && n != 1)
			abort();
		csc_calendar_free(cal);
	}
	return 0;
}
