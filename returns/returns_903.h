/*
 * returns_903.h - the SSDA903 return CSVs for one collection year.
 *
 * Reads the ssda903_*.csv staging tables, decides per table which rows
 * belong to the year (returns/RETURNS.md), and writes each table with the DfE
 * header row (lib/csc_903.h), DD/MM/YYYY dates and the year's SEX codes.
 */
#ifndef RETURNS_903_H
#define RETURNS_903_H

#include "returns_scope.h"

/* Write the year's tables (the eleven of every year, and DoLo from
 * 2026-27) into folder dir (which exists), each through csc_out. PLACE
 * codes are put in the year's codes with ref_dir's
 * ssda903-codes-by-year.csv (RETURNS.md). Returns 0, or a csc_exit code
 * after printing why (CSC_EXIT_CONFIG when the codes file is unreadable). */
int ret_903_write(const ret_year *y, const char *staging_dir, const char *ref_dir, const char *dir);

#endif
