/*
 * fuzz_util.h - what every libFuzzer harness in fuzz/ shares.
 *
 * Harnesses drive a parser over the fuzzer's bytes exactly as the program
 * does, but without touching the disk on every input: staging tables are
 * opened once in a scratch folder and their writers pointed at /dev/null,
 * and after each input the harness checks the invariant the pipeline
 * promises (records read = staged + rejected) and aborts when it breaks, so
 * a lost record is a finding like a crash.
 */
#ifndef FUZZ_UTIL_H
#define FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "csc_stage.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Quiet diagnostics named after the harness; a scratch folder removed at
 * exit. Returns the folder. */
const char *fuzz_setup(const char *prog);

/* Open a stage for `input` in the scratch folder (dies on failure). */
void fuzz_stage_open(csc_stage *s, const char *input);

/* Point every writer of s at /dev/null and zero the counts (call after the
 * tables are opened and before each input). */
void fuzz_stage_reset(csc_stage *s);

/* abort() unless read = staged + rejected on every table of s. */
void fuzz_stage_check(const csc_stage *s);

/* A NUL-terminated copy of the input (freed by the caller). */
char *fuzz_strndup(const uint8_t *data, size_t size);

#endif
