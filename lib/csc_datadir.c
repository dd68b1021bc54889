/* csc_datadir.c - see csc_datadir.h. */
#include "csc_datadir.h"
#include "csc_datadir_gen.h" /* $(BUILD)/gen: CSC_DATADIR */
#include "csc_out.h"

const char *csc_datadir(void)
{
	return CSC_DATADIR;
}

char *csc_datadir_path(const char *rel)
{
	return csc_path_join(CSC_DATADIR, rel);
}
