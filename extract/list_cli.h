/*
 * list_cli.h - the command line shared by the CSV extractors.
 *
 *   prog --conf pipeline.conf [--quiet]
 *   prog [-o STAGING] [--ref DIR] [--quiet] INPUT
 *
 * With --conf the input is the conf key (contacts, early_help,
 * ssda903_dir), staging is <output_dir>/staging and code lists come from
 * <reference_dir>. Standalone, staging defaults to ./staging and the code
 * lists to the installed ref/ folder.
 */
#ifndef LIST_CLI_H
#define LIST_CLI_H

#include "csc_conf.h"
#include "csc_inputs.h"
#include "csc_stage.h"

typedef struct list_cli {
	int in;                /* which input (enum csc_input_id, lib/csc_inputs.h) */
	csc_conf *conf;        /* NULL standalone */
	const char *input;     /* file or folder; NULL = not configured */
	char *staging;         /* staging folder */
	char *ref;             /* reference folder */
	int quiet;
} list_cli;

/* Parse argv for input `in` (enum csc_input_id: its path is taken from the
 * conf by the key csc_inputs names). Returns 0 to go
 * on, or -1 when main is to return *status at once: CSC_EXIT_OK after
 * --help or --version, CSC_EXIT_CONFIG after bad arguments or a bad conf
 * (usage or the conf's errors printed), CSC_EXIT_OUTPUT when --version could
 * not write. On -1 nothing is left to free. */
int list_cli_parse(list_cli *c, int argc, char **argv, const char *help, int in,
		   int *status);

/* <ref>/<name>, newly allocated. */
char *list_cli_ref(const list_cli *c, const char *name);

/* Commit staging, print the summary, and return the exit code: 0, 6 when a
 * write failed, or 2 when rejects exceed the conf's max_reject_percent. */
int list_cli_finish(list_cli *c, csc_stage *s);

/* Abort staging and return CSC_EXIT_INPUT (a fatal input error was printed). */
int list_cli_fatal(list_cli *c, csc_stage *s);

/* The "not configured" path: remove stale staging files, header-only recon. */
int list_cli_not_configured(list_cli *c, const char *const *stage_files);

/* Read c->input as the one file of table t into <staging>/<stage_file>,
 * then finish as list_cli_finish. Returns the exit code. */
struct list_table;
int list_cli_run_one(list_cli *c, const struct list_table *t, const char *stage_file);

void list_cli_free(list_cli *c);

#endif
