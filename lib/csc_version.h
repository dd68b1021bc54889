/*
 * csc_version.h - the release and build every program reports.
 *
 * The release is the VERSION file; the build is `git describe --always
 * --dirty` of the tree at build time (empty outside a git checkout). Both
 * come from a header the Makefile writes under $(BUILD)/gen only when its
 * text changes, so an unchanged tree builds the same bytes and links nothing
 * again.
 */
#ifndef CSC_VERSION_H
#define CSC_VERSION_H

/* The release, e.g. "0.1.0". Outputs that record the software version (the
 * return headers, the manifest, the sample's Release element) use this
 * alone, so they do not change with every commit. Never NULL. */
const char *csc_version(void);

/* The git description at build time, e.g. "9e968ef-dirty"; "" when the
 * build was not made in a git checkout. Never NULL. */
const char *csc_version_build(void);

/* Print "PROG RELEASE (git BUILD)" (or "PROG RELEASE" without a build) on
 * stdout, PROG being csc_prog(). The --version answer of every program;
 * returns 0, or -1 when stdout could not be written (reported). */
int csc_version_print(void);

#endif
