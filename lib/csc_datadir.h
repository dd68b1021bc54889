/*
 * csc_datadir.h - where the installed reference data, templates and make
 * chain are.
 *
 * The folder is `make install`'s PREFIX/share/cscpipe, or the source tree
 * for a build there. It is compiled into this one object from a header the
 * Makefile rewrites whenever DATADIR changes, so a second install to another
 * PREFIX rebuilds this object and relinks the programs instead of reusing
 * ones that look in the first PREFIX.
 */
#ifndef CSC_DATADIR_H
#define CSC_DATADIR_H

/* The data folder, without a trailing slash. Never NULL. */
const char *csc_datadir(void);

/* csc_datadir()/rel, newly allocated (exits with CSC_EXIT_INTERNAL when out
 * of memory, as csc_xmalloc). */
char *csc_datadir_path(const char *rel);

#endif
