/*
 * returns_903.h - the SSDA903 return CSVs for one collection year.
 *
 * Reads the ssda903_*.csv staging tables, decides per table which rows
 * belong to the year (load/RETURNS.md), and writes each table with the DfE
 * header row (lib/csc_903.h), DD/MM/YYYY dates and the year's SEX codes.
 */
#ifndef RETURNS_903_H
#define RETURNS_903_H

#include "returns_scope.h"

/* Write the eleven tables into folder dir (which exists), each through
 * csc_out. Returns 0, or a csc_exit code after printing why. */
int r9_write(const rs_year *y, const char *staging_dir, const char *dir);

#endif
