/*
 * v903_ctx.h - what the SSDA903 rules take from the engine (v_engine.h)
 * beyond the data.
 *
 * The SSDA903 collection year (1 April - 31 March) is the year csc-validate
 * is told (--year YYYY or --reference-date), as for CIN. The engine keeps it
 * (v_set_collection_year, v_engine.c) and v903_run asks for it here; only
 * when none was given does v903_derive_year (v903_load.c) take it from the
 * data (the year holding most episode end, review, missing and social
 * worker dates), saying so on stderr.
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
