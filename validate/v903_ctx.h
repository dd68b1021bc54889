/*
 * v903_ctx.h - what the SSDA903 rules would like from the engine
 * (v_engine.h) but do not use yet.
 *
 * The SSDA903 collection year (1 April - 31 March) is the year csc-validate
 * is told (--year YYYY or --reference-date), as for CIN. v_engine.h has no
 * accessor for it, so v903_derive_year (v903_load.c) takes it from the data
 * for now: the year holding most episode end, review, missing and social
 * worker dates. A return with too few dates, or one for the wrong year,
 * cannot tell, which is why the engine should say. Once the engine defines the function below, v903_derive_year
 * calls it first and falls back to the data only when it returns
 * CSC_NODATE.
 */
#ifndef V903_CTX_H
#define V903_CTX_H

#include "csc_date.h"
#include "v_engine.h"

/* The 31 March ending the collection year given on the command line
 * (--year YYYY, or the 31 March on or after --reference-date), or
 * CSC_NODATE when none was given. */
csc_date v_collection_year_end(v_ctx *ctx);

#endif
