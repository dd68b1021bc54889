/* list_cli.c - see list_cli.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_datadir.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_version.h"
#include "list_cli.h"
#include "list_dups.h"
#include "list_engine.h"

/* Print the usage; the exit status for main to return through *status. */
static int usage(int *status)
{
	fprintf(stderr, "usage: %s --conf pipeline.conf [--quiet]\n"
			"   or: %s [-o STAGING] [--ref DIR] [--quiet] INPUT\n",
		csc_prog(), csc_prog());
	*status = CSC_EXIT_CONFIG;
	return -1;
}

int list_cli_parse(list_cli *c, int argc, char **argv, const char *help, int in,
		   int *status)
{
	memset(c, 0, sizeof *c);
	c->in = in;
	csc_diag_init(argv[0]);
	const char *conf = NULL, *out = NULL, *ref = NULL, *input = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(help, stdout);
			*status = CSC_EXIT_OK;
			return -1;
		} else if (!strcmp(a, "--version")) {
			*status = csc_version_print() ? CSC_EXIT_OUTPUT : CSC_EXIT_OK;
			return -1;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			c->quiet = 1;
		} else if (!strcmp(a, "--conf") && i + 1 < argc) {
			conf = argv[++i];
		} else if (!strcmp(a, "-o") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(a, "--ref") && i + 1 < argc) {
			ref = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			csc_error("unknown option %s", a);
			return usage(status);
		} else if (!input) {
			input = a;
		} else {
			return usage(status);
		}
	}
	if (!conf == !input)
		return usage(status);
	if (conf && (out || ref))
		return usage(status);
	csc_diag_quiet(c->quiet);
	if (conf) {
		c->conf = csc_conf_load(conf);
		if (!c->conf) {
			*status = CSC_EXIT_CONFIG;
			return -1;
		}
		c->input = csc_inputs_path(c->conf, in);
		c->staging = csc_path_join(c->conf->output_dir, "staging");
		c->ref = csc_xstrdup(c->conf->reference_dir);
	} else {
		c->input = input;
		c->staging = csc_xstrdup(out ? out : "staging");
		c->ref = ref ? csc_xstrdup(ref) : csc_datadir_path("ref");
	}
	return 0;
}

char *list_cli_ref(const list_cli *c, const char *name)
{
	return csc_path_join(c->ref, name);
}

int list_cli_finish(list_cli *c, csc_stage *s)
{
	if (csc_stage_commit(s) != 0) {
		csc_stage_free(s);
		return CSC_EXIT_OUTPUT;
	}
	csc_stage_summary(s);
	long read = 0, rejected = 0;
	for (int i = 0; i < s->ntables; i++) {
		read += s->tables[i].read;
		rejected += s->tables[i].rejected;
	}
	int rc = CSC_EXIT_OK;
	if (c->conf && read > 0 && 100.0 * (double)rejected / (double)read > c->conf->max_reject_percent) {
		csc_error("%s: %ld of %ld records rejected (%.1f%%), more than max_reject_percent = %g; see %s/rejects_%s.csv",
			  s->input, rejected, read, 100.0 * (double)rejected / (double)read,
			  c->conf->max_reject_percent, s->dir, s->input);
		rc = CSC_EXIT_DATA;
	}
	csc_stage_free(s);
	return rc;
}

int list_cli_fatal(list_cli *c, csc_stage *s)
{
	(void)c;
	csc_stage_abort(s);
	csc_stage_free(s);
	return CSC_EXIT_INPUT;
}

int list_cli_not_configured(list_cli *c, const char *const *stage_files)
{
	const char *input = csc_inputs[c->in].name;
	if (csc_stage_not_configured(c->staging, input, stage_files) != 0)
		return CSC_EXIT_OUTPUT;
	csc_info("%s: not configured; its measures are not available", input);
	return CSC_EXIT_OK;
}

void list_cli_free(list_cli *c)
{
	if (c->conf)
		csc_conf_free(c->conf);
	free(c->staging);
	free(c->ref);
}

int list_cli_run_one(list_cli *c, const list_table *t, const char *stage_file)
{
	const char *input = csc_inputs[c->in].name;
	const char *header[LIST_MAX_COLS + 3];
	list_stage_header(t, header);
	csc_stage s;
	if (csc_stage_open(&s, c->staging, input) != 0) {
		csc_stage_free(&s);
		return CSC_EXIT_OUTPUT;
	}
	csc_table *tb = csc_stage_table(&s, t->table, c->input, stage_file, header);
	if (s.failed) {
		list_cli_fatal(c, &s);
		return CSC_EXIT_OUTPUT;
	}
	list_reader r;
	list_reader_init(&r, t, &s, tb, &tb->w, c->input);
	if (list_reader_file(&r, c->input) != 0)
		return list_cli_fatal(c, &s);
	if (t->dups && list_dups_finish(t->dups, tb) != 0) {
		list_cli_fatal(c, &s);
		return CSC_EXIT_OUTPUT;
	}
	return list_cli_finish(c, &s);
}
