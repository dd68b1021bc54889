/*
 * share_extract.h - write one profile's extract from a run's staging tables,
 * all or nothing.
 */
#ifndef SHARE_EXTRACT_H
#define SHARE_EXTRACT_H

#include <stdio.h>

#include "share_key.h"
#include "share_profile.h"

typedef struct share_job {
	const share_profile *profile;
	const share_key *key;
	const char *staging;  /* <output_dir>/staging */
	const char *dest;     /* <output_dir>/share/<profile>-<period> */
	const char *period;   /* "2024-02" or "2024-Q3": for the manifest */
	int files;            /* out: files written (manifest aside) */
	long rows;            /* out: data rows over all files */
} share_job;

/* Transform one staging table (path, named `name` in messages) into out:
 * the header must be exactly f's columns, then every row with f's
 * transformations; *rows gets the data rows written. Returns 0; -1 after
 * reporting "name:line: ..." for a header that differs, a row of the wrong
 * width, a value that does not transform (a date that is not a date) or an
 * unreadable file. */
int share_table(const share_file *f, const share_key *key, const char *path, const char *name,
		FILE *out, long *rows);

/* Write the extract into a fresh temporary folder beside job->dest, with
 * manifest.csv, and rename it into place (replacing an earlier extract at
 * dest in one step). A staging table the profile names that does not exist
 * (its input not configured) is left out and listed as absent in the
 * manifest. On any failure the temporary folder is removed and dest is
 * untouched. Returns 0, CSC_EXIT_INPUT (a staging table refused, a value
 * that does not transform) or CSC_EXIT_OUTPUT (a file or folder that could
 * not be written), after reporting. */
int share_extract(share_job *job);

#endif
