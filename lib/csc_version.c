/* csc_version.c - see csc_version.h. */
#include <stdio.h>

#include "csc_diag.h"
#include "csc_version.h"
#include "csc_version_gen.h" /* $(BUILD)/gen: CSC_VERSION_RELEASE, CSC_VERSION_BUILD */

const char *csc_version(void)
{
	return CSC_VERSION_RELEASE;
}

const char *csc_version_build(void)
{
	return CSC_VERSION_BUILD;
}

int csc_version_print(void)
{
	if (*CSC_VERSION_BUILD)
		printf("%s %s (git %s)\n", csc_prog(), CSC_VERSION_RELEASE, CSC_VERSION_BUILD);
	else
		printf("%s %s\n", csc_prog(), CSC_VERSION_RELEASE);
	if (fflush(stdout) || ferror(stdout)) {
		csc_error("cannot write to standard output");
		return -1;
	}
	return 0;
}
