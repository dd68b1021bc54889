/*
 * csc_out.h - output files that appear complete or not at all.
 *
 * csc_out_open writes to "<path>.tmp.<pid>" beside the target; csc_out_commit
 * flushes, fsyncs and renames it into place, so a reader (or a run killed
 * half-way) never sees a partial file. Any write error is remembered and
 * reported at commit, which then removes the temporary file.
 */
#ifndef CSC_OUT_H
#define CSC_OUT_H

#include <stdio.h>

#define CSC_OUT_BUFSZ (256 * 1024) /* the stdio buffer of an output */

typedef struct csc_out {
	FILE *fp;
	char *path;
	char *tmp;
	char *buf;  /* fp's buffer, freed once fp is closed */
} csc_out;

/* Open a temporary file for path. Returns 0, or -1 after printing why; a
 * symbolic link at the temporary name is an error, never written through. */
int csc_out_open(csc_out *o, const char *path);

/* Finish: flush, fsync, rename. Returns 0, or -1 after printing why (the
 * temporary is removed and the previous file at path is untouched). */
int csc_out_commit(csc_out *o);

/* Abandon: close and remove the temporary. */
void csc_out_abort(csc_out *o);

/* Create a folder and its parents (mode 0777 & ~umask); 0 or -1 with errno. */
int csc_mkdirs(const char *path);

/* Join folder and name into a new string. */
char *csc_path_join(const char *dir, const char *name);

#endif
