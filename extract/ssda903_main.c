/*
 * ssda903_main.c - csc-extract-903: every SSDA903 CSV of a folder into
 * staging/ssda903_<table>.csv (docs/FORMATS.md).
 *
 * Two passes: the first reads only the header of every file, so that an
 * unrecognised file stops the run before any staging is opened; the second
 * reads the records. Two files with the same header (e.g. episodes split by
 * year) are both read into the one staging table, each reconciled on its
 * own recon row. A table with no file is staged with its header only, so a
 * stale table from an earlier run never survives.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "csc_903.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_sha256.h"
#include "list_cli.h"
#include "list_dups.h"
#include "list_engine.h"
#include "ssda903_schema.h"

static const char help[] =
	"NAME\n"
	"    csc-extract-903 - stage the SSDA903 (children looked after) CSVs\n\n"
	"SYNOPSIS\n"
	"    csc-extract-903 --conf pipeline.conf [--quiet]\n"
	"    csc-extract-903 [-o STAGING] [--ref DIR] [--quiet] DIR\n\n"
	"DESCRIPTION\n"
	"    Reads every *.csv file of the folder (the conf key `ssda903_dir`), in\n"
	"    name order, and recognises each of the eleven DfE tables by its exact\n"
	"    header row whatever the file is called. A file whose header matches\n"
	"    no table stops the run, naming the closest table and its header.\n"
	"    Several files of one table are all read into one staging table, each\n"
	"    with its own recon row; a table with no file is staged empty.\n"
	"    Writes STAGING/ssda903_<table>.csv, rejects_ssda903.csv and\n"
	"    recon_ssda903.csv. Dates DD/MM/YYYY become YYYY-MM-DD; codes are\n"
	"    checked against DIR/SSDA903_schema_2024.yml (read at run time,\n"
	"    including its label dictionaries and canbeblank); SEX 1/2 or M/F/U\n"
	"    is staged as M/F/U. A row with a wrong number of fields, a bad date,\n"
	"    a bad code or a blank required value is rejected with file, line,\n"
	"    field, value and reason; the rest goes on. Rows of a table (in any\n"
	"    of its files) with one key (Header: CHILD; Episodes: CHILD and DECOM;\n"
	"    ...; OC2, OC3 and PrevPerm have none: docs/FORMATS.md) are either\n"
	"    equal, and the later ones rejected as duplicates naming the first,\n"
	"    or not, and all rejected, with a finding in findings_ssda903.csv. A\n"
	"    file that is a byte copy of another of its table has every row\n"
	"    rejected as a duplicate. UTF-8 (with or without\n"
	"    BOM) and Windows-1252 files, CRLF line ends and quoted fields with\n"
	"    line breaks are read. An input that is not configured removes stale\n"
	"    staging and exits 0.\n\n"
	"OPTIONS\n"
	"    --conf FILE   take ssda903_dir, output_dir and reference_dir from FILE\n"
	"    -o DIR        staging folder (standalone; default ./staging)\n"
	"    --ref DIR     folder holding SSDA903_schema_2024.yml\n"
	"    --quiet       do not print the read = staged + rejected summary\n"
	"    --help        this text\n"
	"    --version     print the release and git description\n\n"
	"EXIT STATUS\n"
	"    0 done; 2 rejects above max_reject_percent; 3 an input is missing,\n"
	"    unreadable or unparseable (staging untouched); 4 usage, configuration\n"
	"    or code lists; 6 output could not be written.\n";

#define MAX_FILES CSC_STAGE_MAX_TABLES

struct file {
	char *path;
	const csc_903_table *table;
};

struct ident {
	const char *path;
	const csc_903_table *table;
	int seen;
};

static int ident_row(void *ctx, const csc_row *row)
{
	struct ident *id = ctx;
	id->seen = 1;
	id->table = csc_903_identify(row->f, row->len, row->n);
	if (!id->table)
		csc_903_explain_header(id->path, row->line, row->f, row->len, row->n);
	return 1; /* the header is all this pass needs */
}

/* Pass 1 for one file. 0, or -1 after printing why. */
static int identify(struct file *f)
{
	struct ident id = {f->path, NULL, 0};
	int rc = csc_csv_read(f->path, f->path, ident_row, &id);
	if (rc < 0)
		return -1;
	if (!id.seen) {
		csc_error_at(f->path, 1, "empty file: expected an SSDA903 header row");
		return -1;
	}
	f->table = id.table;
	return id.table ? 0 : -1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->path, ((const struct file *)b)->path);
}

static int is_csv(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcasecmp(name + n - 4, ".csv") && name[0] != '.';
}

/* The CSV files of dir, sorted by name. -1 after printing why. */
static int list_dir(const char *dir, struct file *files, int *nfiles)
{
	DIR *d = opendir(dir);
	if (!d) {
		csc_error_at(dir, 0, "cannot open SSDA903 folder: %s", strerror(errno));
		return -1;
	}
	int n = 0, rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!is_csv(e->d_name))
			continue;
		char *p = csc_path_join(dir, e->d_name);
		struct stat st;
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(p);
			continue;
		}
		if (n == MAX_FILES) {
			csc_error_at(dir, 0, "more than %d CSV files; at most %d are read", MAX_FILES,
				     MAX_FILES);
			free(p);
			rc = -1;
			break;
		}
		files[n++] = (struct file){p, NULL};
	}
	closedir(d);
	*nfiles = n;
	if (!rc && !n) {
		csc_error_at(dir, 0, "no .csv files in the SSDA903 folder");
		rc = -1;
	}
	qsort(files, (size_t)n, sizeof *files, by_name);
	return rc;
}

static char *stage_file(const csc_903_table *t)
{
	char name[64];
	snprintf(name, sizeof name, "ssda903_%s.csv", t->stage);
	return csc_xstrdup(name);
}

struct run {
	list_cli cli;
	ssda903_schema schema;
	struct file files[MAX_FILES];
	int nfiles;
	csc_stage s;
	csc_table *primary[CSC_903_NTABLES]; /* the entry that owns each staging file */
	csc_out empty[CSC_903_NTABLES];      /* staging of tables with no file */
	list_dups dups[CSC_903_NTABLES];     /* across every file of a table */
	int nempty_open[CSC_903_NTABLES];
};

static void abort_empty(struct run *r)
{
	for (int t = 0; t < CSC_903_NTABLES; t++)
		if (r->nempty_open[t]) {
			csc_out_abort(&r->empty[t]);
			r->nempty_open[t] = 0;
		}
}

/* Open staging: one entry per file, header-only files for absent tables. */
static int open_staging(struct run *r)
{
	if (csc_stage_open(&r->s, r->cli.staging, csc_inputs[r->cli.in].name) != 0)
		return -1;
	for (int i = 0; i < r->nfiles; i++) {
		const csc_903_table *t = r->files[i].table;
		int ti = (int)(t - csc_903_tables);
		if (r->primary[ti]) {
			csc_stage_table(&r->s, t->name, r->files[i].path, NULL, NULL);
			continue;
		}
		const char *header[LIST_MAX_COLS + 3];
		list_stage_header(ssda903_schema_table(&r->schema, t), header);
		char *sf = stage_file(t);
		r->primary[ti] = csc_stage_table(&r->s, t->name, r->files[i].path, sf, header);
		free(sf);
	}
	for (int ti = 0; ti < CSC_903_NTABLES && !r->s.failed; ti++) {
		if (r->primary[ti])
			continue;
		const char *header[LIST_MAX_COLS + 3];
		list_stage_header(&r->schema.tables[ti], header);
		char *sf = stage_file(&csc_903_tables[ti]);
		char *p = csc_path_join(r->cli.staging, sf);
		free(sf);
		int rc = csc_out_open(&r->empty[ti], p);
		free(p);
		if (rc)
			return -1;
		r->nempty_open[ti] = 1;
		csc_csvw w;
		csc_csvw_init(&w, r->empty[ti].fp);
		csc_csvw_header(&w, header);
	}
	return r->s.failed ? -1 : 0;
}

/* Each table's duplicate check, by the key csc_903_tables gives it. */
static void init_dups(struct run *r)
{
	for (int ti = 0; ti < CSC_903_NTABLES; ti++) {
		const csc_903_table *t = &csc_903_tables[ti];
		int key[LIST_DUPS_MAX_KEY], n = 0;
		for (; t->key[n]; n++)
			if (n == LIST_DUPS_MAX_KEY || (key[n] = csc_903_col(t, t->key[n])) < 0)
				csc_die(CSC_EXIT_INTERNAL, "csc_903_tables: bad key of %s", t->name);
		list_dups_init(&r->dups[ti], t->name, key, n, csc_903_col(t, "CHILD"));
		r->schema.tables[ti].dups = &r->dups[ti];
	}
}

static void free_dups(struct run *r)
{
	for (int ti = 0; ti < CSC_903_NTABLES; ti++)
		list_dups_free(&r->dups[ti]);
}

static int read_all(struct run *r)
{
	for (int i = 0; i < r->nfiles; i++) {
		const csc_903_table *t = r->files[i].table;
		csc_table *rec = &r->s.tables[i]; /* entries were opened in file order */
		list_reader rd;
		list_reader_init(&rd, ssda903_schema_table(&r->schema, t), &r->s, rec,
				 &r->primary[t - csc_903_tables]->w, r->files[i].path);
		if (list_reader_file(&rd, r->files[i].path) != 0)
			return -1;
	}
	return 0;
}

/* Same size and same SHA-256: file b is a copy of file a. -1 after
 * printing why a file could not be read. */
static int same_bytes(const struct file *a, const struct file *b)
{
	struct stat sa, sb;
	if (stat(a->path, &sa) != 0 || stat(b->path, &sb) != 0 || sa.st_size != sb.st_size)
		return 0;
	char h[2][65];
	const struct file *f[2] = {a, b};
	for (int k = 0; k < 2; k++)
		if (csc_sha256_file(f[k]->path, h[k]) != 0) {
			csc_error_at(f[k]->path, 0, "cannot read: %s", strerror(errno));
			return -1;
		}
	return strcmp(h[0], h[1]) == 0;
}

/* A file left in the folder as a copy of another of its table (a second
 * download, "Episodes (1).csv"): every row of it is a duplicate. Only files
 * of one table and one size are hashed. */
static int find_copies(struct run *r)
{
	for (int i = 0; i < r->nfiles; i++)
		for (int j = 0; j < i; j++) {
			if (r->files[j].table != r->files[i].table)
				continue;
			int same = same_bytes(&r->files[j], &r->files[i]);
			if (same < 0)
				return -1;
			if (!same)
				continue;
			int ti = (int)(r->files[i].table - csc_903_tables);
			list_dups_copy(&r->dups[ti], &r->s.tables[i], r->files[i].path, r->files[j].path);
			break;
		}
	return 0;
}

/* Take out of staging the first rows of keys found conflicting. */
static int finish_dups(struct run *r)
{
	for (int ti = 0; ti < CSC_903_NTABLES; ti++)
		if (r->primary[ti] && r->primary[ti]->open &&
		    list_dups_finish(&r->dups[ti], r->primary[ti]) != 0)
			return -1;
	return 0;
}

static int run(struct run *r)
{
	char *yml = list_cli_ref(&r->cli, "SSDA903_schema_2024.yml");
	int rc = ssda903_schema_load(&r->schema, yml);
	free(yml);
	if (rc != 0)
		return CSC_EXIT_CONFIG;
	init_dups(r);
	if (list_dir(r->cli.input, r->files, &r->nfiles) != 0)
		return CSC_EXIT_INPUT;
	for (int i = 0; i < r->nfiles; i++)
		if (identify(&r->files[i]) != 0)
			return CSC_EXIT_INPUT;
	if (open_staging(r) != 0) {
		abort_empty(r);
		csc_stage_abort(&r->s);
		csc_stage_free(&r->s);
		return CSC_EXIT_OUTPUT;
	}
	if (find_copies(r) != 0 || read_all(r) != 0) {
		abort_empty(r);
		return list_cli_fatal(&r->cli, &r->s);
	}
	if (finish_dups(r) != 0) {
		abort_empty(r);
		list_cli_fatal(&r->cli, &r->s);
		return CSC_EXIT_OUTPUT;
	}
	/* the stage commit first: if it fails nothing was renamed */
	if (r->s.failed) {
		abort_empty(r);
		csc_stage_abort(&r->s);
		csc_stage_free(&r->s);
		return CSC_EXIT_OUTPUT;
	}
	for (int ti = 0; ti < CSC_903_NTABLES; ti++)
		if (r->nempty_open[ti] && fflush(r->empty[ti].fp) != 0) {
			abort_empty(r);
			csc_stage_abort(&r->s);
			csc_stage_free(&r->s);
			return CSC_EXIT_OUTPUT;
		}
	rc = list_cli_finish(&r->cli, &r->s);
	if (rc == CSC_EXIT_OUTPUT) {
		abort_empty(r);
		return rc;
	}
	for (int ti = 0; ti < CSC_903_NTABLES; ti++)
		if (r->nempty_open[ti]) {
			r->nempty_open[ti] = 0;
			if (csc_out_commit(&r->empty[ti]) != 0)
				rc = CSC_EXIT_OUTPUT;
			csc_info("ssda903: no file for table %s; staged with no rows",
				 csc_903_tables[ti].name);
		}
	return rc;
}

int main(int argc, char **argv)
{
	static struct run r;
	int status;
	if (list_cli_parse(&r.cli, argc, argv, help, CSC_IN_903, &status))
		return status;
	int rc;
	if (!r.cli.input) {
		const char *files[CSC_903_NTABLES + 1];
		char *names[CSC_903_NTABLES];
		for (int t = 0; t < CSC_903_NTABLES; t++)
			files[t] = names[t] = stage_file(&csc_903_tables[t]);
		files[CSC_903_NTABLES] = NULL;
		rc = list_cli_not_configured(&r.cli, files);
		for (int t = 0; t < CSC_903_NTABLES; t++)
			free(names[t]);
	} else {
		rc = run(&r);
		free_dups(&r);
		ssda903_schema_free(&r.schema);
	}
	for (int i = 0; i < r.nfiles; i++)
		free(r.files[i].path);
	list_cli_free(&r.cli);
	return rc;
}
