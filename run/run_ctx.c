/* run_ctx.c - context, lock and settings fingerprints for csc-run. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csc_diag.h"
#include "csc_out.h"
#include "run.h"

static char *absolute(const char *p)
{
	char buf[PATH_MAX];
	if (realpath(p, buf))
		return csc_xstrdup(buf);
	return csc_xstrdup(p);
}

/* make cannot name files with spaces or some specials in prerequisites. */
static int make_safe(const char *what, const char *p)
{
	if (p && strpbrk(p, " \t\n$#:;%=\\")) {
		csc_error("%s '%s': paths used by the make chain cannot contain spaces or any of $#:;%%=\\",
			  what, p);
		return 0;
	}
	return 1;
}

int run_ctx_init(run_ctx *c, const csc_conf *conf, const char *conf_path,
		 const run_period *p, const char *argv0)
{
	memset(c, 0, sizeof *c);
	c->conf = conf;
	c->conf_path = absolute(conf_path);
	/* the stages live beside csc-run */
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
	} else {
		snprintf(self, sizeof self, "%s", argv0);
	}
	char *slash = strrchr(self, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(self, ".");
	c->bin = csc_xstrdup(self);
	c->outfd = -1;
	int rc = run_out_open(conf->output_dir, 1, &c->out, &c->outfd);
	if (rc)
		return rc;
	c->work = csc_path_join(c->out, ".work");
	c->settings = csc_path_join(c->work, "settings");
	run_ctx_paths(c, p);
	/* csc-run --verify keeps its rebuild's log in the published folder's logs */
	const char *keep = getenv("CSC_RUN_LOG");
	if (keep && *keep) {
		free(c->log_path);
		c->log_path = csc_xstrdup(keep);
	}
	/* Every folder the run uses, made if need be, none of them a link; a
	 * stage that cannot write reports it in the work folder, and if that is
	 * read-only too nobody could say why the chain failed: check first. */
	const char *rel[] = {".work", ".work/settings", ".work/inputs", "logs", "staging", ".pub"};
	for (size_t i = 0; !rc && i < sizeof rel / sizeof rel[0]; i++) {
		int d = run_out_dir(c->outfd, c->out, rel[i], 1);
		char *path = csc_path_join(c->out, rel[i]);
		if (d < 0) {
			rc = CSC_EXIT_OUTPUT;
		} else if (access(path, W_OK) != 0) {
			csc_error_at(path, 0, "cannot write the output folder: %s", strerror(errno));
			rc = CSC_EXIT_OUTPUT;
		}
		if (d >= 0)
			close(d);
		free(path);
	}
	if (!rc && access(c->out, W_OK) != 0) {
		csc_error_at(c->out, 0, "cannot write the output folder: %s", strerror(errno));
		rc = CSC_EXIT_OUTPUT;
	}
	if (!rc)
		rc = run_out_period(c, 0);
	if (rc)
		return rc;
	const char *paths[][2] = {{"conf", c->conf_path}, {"output_dir", c->out},
				  {"templates_dir", conf->templates_dir}, {"reference_dir", conf->reference_dir},
				  {"commentary", conf->commentary}, {"programs", c->bin}};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (!make_safe(paths[i][0], paths[i][1]))
			return CSC_EXIT_CONFIG;
	for (int i = 0; i < CSC_NINPUTS; i++)
		if (!make_safe(csc_inputs[i].key, csc_inputs_path(conf, i)))
			return CSC_EXIT_CONFIG;
	setenv("CSC_LOG", c->log_path, 1);
	csc_diag_init(argv0); /* open the log now that CSC_LOG is set */
	return 0;
}

void run_ctx_free(run_ctx *c)
{
	if (c->outfd >= 0)
		close(c->outfd);
	free(c->conf_path);
	free(c->bin);
	free(c->out);
	free(c->work);
	free(c->pdir);
	free(c->settings);
	free(c->log_path);
	free(c->published);
}

int run_check_inputs(run_ctx *c)
{
	const csc_conf *k = c->conf;
	int rc = 0;
	/* the data inputs, then the commentary (a file, read by the load) */
	for (int i = 0; i <= CSC_NINPUTS; i++) {
		const char *key = i < CSC_NINPUTS ? csc_inputs[i].key : "commentary";
		const char *path = i < CSC_NINPUTS ? csc_inputs_path(k, i) : k->commentary;
		int dir = i < CSC_NINPUTS && csc_inputs[i].dir;
		struct stat st;
		if (!path)
			continue;
		if (stat(path, &st) != 0 || access(path, R_OK) != 0) {
			csc_error_at(path, 0, "%s: cannot read: %s", key, strerror(errno));
			rc = CSC_EXIT_INPUT;
		} else if (dir != !!S_ISDIR(st.st_mode)) {
			csc_error_at(path, 0, "%s: expected a %s", key, dir ? "folder" : "file");
			rc = CSC_EXIT_INPUT;
		}
	}
	/* the templates, comparators and calendar the stages read: make would
	 * only say "no rule", or (a template) keep the old workbook */
	const struct {
		const char *key, *dir, *name;
	} fixed[] = {{"templates_dir", k->templates_dir, "highlight.tpl"},
		     {"templates_dir", k->templates_dir, "quarterly.tpl"},
		     {"templates_dir", k->templates_dir, "comparators.csv"},
		     {"reference_dir", k->reference_dir, "bank-holidays-england-wales.csv"}};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		char *p = csc_path_join(fixed[i].dir, fixed[i].name);
		struct stat st;
		if (stat(p, &st) != 0 || access(p, R_OK) != 0) {
			csc_error_at(p, 0, "%s: cannot read: %s", fixed[i].key, strerror(errno));
			rc = CSC_EXIT_INPUT;
		} else if (!S_ISREG(st.st_mode)) {
			csc_error_at(p, 0, "%s: expected a file", fixed[i].key);
			rc = CSC_EXIT_INPUT;
		}
		free(p);
	}
	return rc;
}

int run_write_if_changed(const char *dir, const char *name, const char *text)
{
	char *path = csc_path_join(dir, name);
	size_t n = strlen(text);
	/* state is never read through a link */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ELOOP) {
		csc_error_at(path, 0, "is a symbolic link; cscpipe never follows links in its output folder (remove it)");
		free(path);
		return -1;
	}
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (fd >= 0 && !f)
		close(fd);
	if (f) {
		char *old = csc_xmalloc(n + 2);
		size_t got = fread(old, 1, n + 1, f);
		fclose(f);
		int same = got == n && memcmp(old, text, n) == 0;
		free(old);
		if (same) {
			free(path);
			return 0;
		}
	}
	csc_out o;
	int rc = csc_out_open(&o, path);
	if (rc == 0) {
		fputs(text, o.fp);
		rc = csc_out_commit(&o);
	}
	free(path);
	return rc;
}

static void add(char **buf, size_t *len, const char *key, const char *val)
{
	size_t need = strlen(key) + (val ? strlen(val) : 0) + 5;
	*buf = csc_xrealloc(*buf, *len + need);
	*len += (size_t)sprintf(*buf + *len, "%s = %s\n", key, val ? val : "");
}

static int reads_period(const char *const (*keys)[2])
{
	for (int i = 0; i < 16 && keys[i][0]; i++)
		if (!strcmp(keys[i][0], "period"))
			return 1;
	return 0;
}

int run_settings(run_ctx *c)
{
	const csc_conf *k = c->conf;
	struct stage {
		const char *name;
		const char *keys[16][2];
		int off; /* not in this run's chain: no fingerprint */
	};
	char months[16], places[200] = "", pops[1200] = "", maxrej[32];
	snprintf(months, sizeof months, "%d", k->months_shown);
	snprintf(maxrej, sizeof maxrej, "%g", k->max_reject_percent);
	char extracted[CSC_DATE_BUFSZ];
	csc_date_iso(k->data_extracted, extracted);
	for (int i = 0; i < k->nresidential; i++) {
		strcat(places, k->residential_places[i]);
		strcat(places, " ");
	}
	for (int i = 0; i < k->npop && strlen(pops) < sizeof pops - 32; i++)
		sprintf(pops + strlen(pops), "%d:%ld ", k->pop_year[i], k->pop_value[i]);
	/* Which settings each stage reads: a change to one re-runs that stage
	 * and what follows it, nothing else. */
	struct stage stages[CSC_NINPUTS + 3] = {
		[CSC_NINPUTS] = {"transform", {{"period", c->period.label}, {"months_shown", months},
			       {"population", pops},
			       {"rereferral_basis", k->rereferral_basis == CSC_REREF_CLOSURE ? "closure" : "referral"},
			       {"assessment_basis", k->assessment_basis == CSC_ASSESS_REFERRAL ? "referral" : "assessment"},
			       {"residential_places", places},
			       {"publication_mode", k->publication_mode ? "yes" : "no"},
			       {"drilldown", k->drilldown ? "yes" : "no"},
			       {"drilldown_periods", k->drilldown_periods == CSC_DRILL_ALL ? "all" : "report"},
			       {"reference_dir", k->reference_dir},
			       {"templates_dir", k->templates_dir}, {"data_extracted", extracted}}},
		{"load", {{"la_name", k->la_name}, {"la_number", k->la_number}, {"months_shown", months},
			  {"publication_mode", k->publication_mode ? "yes" : "no"},
			  {"publish_edition", k->publish_edition ? "yes" : "no"},
			  {"templates_dir", k->templates_dir}, {"period", c->period.label},
			  {"commentary", k->commentary}, {"contact", k->contact},
			  {"data_extracted", extracted}}},
		/* Annex A (annexa = yes): its date is the day after the data's
		 * end, which data_extracted can move */
		{"annexa", {{"annexa", "yes"}, {"la_name", k->la_name},
			    {"annexa_supplementary", k->annexa_supplementary},
			    {"data_extracted", extracted}}, !k->annexa},
	};
	/* each extract: its input, the reference data when it reads them, the
	 * reject limit */
	for (int i = 0; i < CSC_NINPUTS; i++) {
		struct stage *e = &stages[i];
		int n = 0;
		e->name = csc_inputs[i].stage;
		e->keys[n][0] = csc_inputs[i].key;
		e->keys[n++][1] = csc_inputs_path(k, i);
		if (csc_inputs[i].reads_reference) {
			e->keys[n][0] = "reference_dir";
			e->keys[n++][1] = k->reference_dir;
		}
		e->keys[n][0] = "max_reject_percent";
		e->keys[n][1] = maxrej;
	}
	for (size_t s = 0; s < sizeof stages / sizeof stages[0]; s++) {
		if (!c->period.label[0] && reads_period(stages[s].keys))
			continue; /* written once the data has fixed the period */
		if (stages[s].off) {
			/* no stage, so no settings in the manifest; gone when
			 * switched off, so switching on again re-runs it */
			char name[64];
			snprintf(name, sizeof name, "%s.txt", stages[s].name);
			char *p = csc_path_join(c->settings, name);
			int gone = unlink(p) == 0 || errno == ENOENT;
			if (!gone)
				csc_error_at(p, 0, "cannot remove: %s", strerror(errno));
			free(p);
			if (!gone)
				return CSC_EXIT_OUTPUT;
			continue;
		}
		char *buf = NULL;
		size_t len = 0;
		add(&buf, &len, "# settings read by", stages[s].name);
		for (int i = 0; i < 16 && stages[s].keys[i][0]; i++)
			add(&buf, &len, stages[s].keys[i][0], stages[s].keys[i][1]);
		char name[64];
		snprintf(name, sizeof name, "%s.txt", stages[s].name);
		int rc = run_write_if_changed(c->settings, name, buf);
		free(buf);
		if (rc)
			return CSC_EXIT_OUTPUT;
	}
	return 0;
}
