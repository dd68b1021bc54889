/* run_manifest.c - manifest.csv: what a published pack was made from.
 *
 * kind,name,value rows: the program version, the period, every setting each
 * stage read, the SHA-256 of every input (data, reference data, templates)
 * and of every output. `csc-run --verify` rebuilds from the same inputs and
 * compares. A data input's hash is the one its extractor computed from the
 * bytes it parsed (staging/sources_<input>.csv), never a second reading of
 * a file that may have been replaced since, or a pipe already drained. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csc_csvr.h"
#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "csc_sha256.h"
#include "csc_version.h"
#include "run.h"


char **run_list_files(const char *dir, int *n);

static void row(csc_csvw *w, const char *kind, const char *name, const char *value)
{
	csc_csvw_str(w, kind);
	csc_csvw_text(w, name);
	csc_csvw_text(w, value);
	csc_csvw_end(w);
}

static int hash_row(csc_csvw *w, const char *kind, const char *label, const char *path)
{
	char hex[65];
	if (csc_sha256_file(path, hex) != 0) {
		csc_error_at(path, 0, "cannot read for the manifest: %s", strerror(errno));
		return -1;
	}
	row(w, kind, label, hex);
	return 0;
}

/* Hash every file of a folder, named "<prefix>/<file>". */
static int hash_dir(csc_csvw *w, const char *kind, const char *dir, const char *prefix,
		    const char *suffix)
{
	int n, rc = 0;
	char **names = run_list_files(dir, &n);
	for (int i = 0; i < n; i++) {
		size_t ln = strlen(names[i]), ls = suffix ? strlen(suffix) : 0;
		if (!suffix || (ln >= ls && !strcmp(names[i] + ln - ls, suffix))) {
			char *p = csc_path_join(dir, names[i]);
			char label[1024];
			snprintf(label, sizeof label, "%s/%s", prefix, names[i]);
			rc |= hash_row(w, kind, label, p);
			free(p);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

struct sources {
	csc_csvw *w;
	const csc_input_def *in;
	int rows;
};

/* A file input is named by its key, a folder's files "<key>/<base name>". */
static int source_row(void *ctx, const csc_row *r)
{
	struct sources *s = ctx;
	if (r->index == 0 || r->n != 3)
		return 0;
	char label[1024];
	if (!s->in->dir) {
		snprintf(label, sizeof label, "%s", s->in->key);
	} else {
		const char *base = strrchr(r->f[0], '/');
		snprintf(label, sizeof label, "%s/%s", s->in->key, base ? base + 1 : r->f[0]);
	}
	row(s->w, "input", label, r->f[2]);
	s->rows++;
	return 0;
}

/* The rows of staging/sources_<input>.csv of a configured input; -1 when
 * it names no file (the extract did not record what it read). */
static int source_rows(run_ctx *c, csc_csvw *w, const csc_input_def *in)
{
	char name[64];
	snprintf(name, sizeof name, "staging/sources_%s.csv", in->name);
	char *p = csc_path_join(c->out, name);
	struct sources s = {w, in, 0};
	int rc = csc_csv_read(p, NULL, source_row, &s);
	if (rc == 0 && s.rows == 0) {
		csc_error_at(p, 0, "names no file read for %s: cannot write the manifest", in->key);
		rc = -1;
	}
	free(p);
	return rc == 0 ? 0 : -1;
}

static void settings_rows(csc_csvw *w, const char *dir)
{
	int n;
	char **names = run_list_files(dir, &n);
	for (int i = 0; i < n; i++) {
		char *p = csc_path_join(dir, names[i]);
		FILE *f = fopen(p, "r");
		char line[2048];
		while (f && fgets(line, sizeof line, f)) {
			line[strcspn(line, "\n")] = '\0';
			char *eq = strstr(line, " = ");
			if (line[0] == '#' || !eq)
				continue;
			*eq = '\0';
			char key[4200];
			snprintf(key, sizeof key, "%.*s.%s", (int)(strlen(names[i]) - 4), names[i], line);
			row(w, "setting", key, eq + 3);
		}
		if (f)
			fclose(f);
		free(p);
		free(names[i]);
	}
	free(names);
}

int run_manifest(run_ctx *c, const char *dir)
{
	const csc_conf *k = c->conf;
	char *path = csc_path_join(dir, "manifest.csv");
	csc_out o;
	if (csc_out_open(&o, path) != 0) {
		free(path);
		return -1;
	}
	csc_csvw w;
	csc_csvw_init(&w, o.fp);
	static const char *const hdr[] = {"kind", "name", "value", NULL};
	csc_csvw_header(&w, hdr);
	row(&w, "program", "version", csc_version());
	row(&w, "period", "label", c->period.label);
	row(&w, "period", "end_month", c->period.end_month);
	settings_rows(&w, c->settings);
	int rc = 0;
	for (int i = 0; i < CSC_NINPUTS; i++)
		if (csc_inputs_path(k, i))
			rc |= source_rows(c, &w, &csc_inputs[i]);
	rc |= hash_dir(&w, "input", k->reference_dir, "reference_dir", NULL);
	rc |= hash_dir(&w, "input", k->templates_dir, "templates_dir", NULL);
	if (k->commentary)
		rc |= hash_row(&w, "input", "commentary", k->commentary);
	if (k->annexa && k->annexa_supplementary)
		rc |= hash_row(&w, "input", "annexa_supplementary", k->annexa_supplementary);
	int n;
	char **names = run_list_files(dir, &n);
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i], "manifest.csv")) {
			char *p = csc_path_join(dir, names[i]);
			rc |= hash_row(&w, "output", names[i], p);
			free(p);
		}
		free(names[i]);
	}
	free(names);
	free(path);
	if (rc) {
		csc_out_abort(&o);
		return -1;
	}
	return csc_out_commit(&o);
}

void run_summary(run_ctx *c, const run_counts *k, double secs)
{
	long read = 0, rejected = 0;
	for (int i = 0; i < CSC_NINPUTS; i++) {
		read += k->read[i];
		rejected += k->rejected[i];
	}
	if (csc_diag_is_quiet())
		return;
	printf("%s %s: %ld records read, %ld rejected; outputs in %s (%.1f s)\n", c->conf->la_name,
	       c->period.label, read, rejected, c->published, secs);
}
