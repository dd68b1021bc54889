/* csc_conf.c - see csc_conf.h. */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csc_conf.h"
#include "csc_datadir.h"
#include "csc_diag.h"

enum ktype { K_STRING, K_LA, K_MONTH, K_INT, K_PATH, K_CHOICE, K_PLACES, K_BOOL, K_PERCENT, K_DATE,
	     K_JOBS };

struct key {
	const char *name;
	enum ktype type;
	int required;
	size_t off;
	const char *dflt; /* applied before parsing; NULL = none; a K_PATH default is
			   * relative to the installed data folder (csc_datadir) */
	const char *help;
	/* K_CHOICE: the two words, in the order of the setting's enum */
	const char *const *words;
};

static const char *const rereferral_words[] = {"referral", "closure"};
static const char *const assessment_words[] = {"assessment", "referral"};
static const char *const drill_words[] = {"report", "all"};

#define OFF(f) offsetof(csc_conf, f)

/* The whole configuration surface. population_YYYY is handled apart. */
static const struct key conf_keys[] = {
	{"la_name", K_STRING, 1, OFF(la_name), NULL, "authority name shown on reports", NULL},
	{"la_number", K_LA, 1, OFF(la_number), NULL, "3-digit DfE LA number", NULL},
	{"contact", K_STRING, 0, OFF(contact), NULL,
	 "who to ask about the reports, shown on each workbook's cover; default none", NULL},
	{"period_end", K_MONTH, 0, OFF(period_end), NULL,
	 "last month reported, YYYY-MM (default: the last complete month the data covers)", NULL},
	{"months_shown", K_INT, 0, OFF(months_shown), "6", "months in the highlight report (1-24)", NULL},
	{"cin_census", K_PATH, 0, OFF(cin_census), NULL, "CIN census XML file", NULL},
	{"ssda903_dir", K_PATH, 0, OFF(ssda903_dir), NULL, "folder of SSDA903 CSVs", NULL},
	{"contacts", K_PATH, 0, OFF(contacts), NULL, "Annex A contacts list (CSV)", NULL},
	{"early_help", K_PATH, 0, OFF(early_help), NULL, "early-help episodes list (CSV)", NULL},
	{"output_dir", K_PATH, 1, OFF(output_dir), NULL, "folder for staging, measures and reports", NULL},
	{"reference_dir", K_PATH, 0, OFF(reference_dir), "ref",
	 "bank holidays and code lists", NULL},
	{"templates_dir", K_PATH, 0, OFF(templates_dir), "templates",
	 "report templates and comparators.csv", NULL},
	{"commentary", K_PATH, 0, OFF(commentary), NULL,
	 "commentary CSV for the strand sheets (docs/FORMATS.md); default none", NULL},
	{"annexa_supplementary", K_PATH, 0, OFF(annexa_supplementary), NULL,
	 "per-case CSV of the Annex A columns no input holds, for csc-annexa (docs/FORMATS.md); "
	 "default none", NULL},
	{"rereferral_basis", K_CHOICE, 0, OFF(rereferral_basis), "referral",
	 "FD08: referral (national) or closure", rereferral_words},
	{"assessment_basis", K_CHOICE, 0, OFF(assessment_basis), "assessment",
	 "HP02: assessment (national) or referral", assessment_words},
	{"residential_places", K_PLACES, 0, OFF(residential_places), "K1,K2,R1",
	 "LA08: PLACE codes counted as residential", NULL},
	{"publication_mode", K_BOOL, 0, OFF(publication_mode), "no",
	 "yes: show small numbers (1-5) as c", NULL},
	{"publish_edition", K_BOOL, 0, OFF(publish_edition), "no",
	 "yes: also write the publication edition (measures-published.csv and "
	 "highlight-<period>-published.xlsx, small numbers suppressed)", NULL},
	{"drilldown", K_BOOL, 0, OFF(drilldown), "yes", "write drilldown.csv", NULL},
	{"annexa", K_BOOL, 0, OFF(annexa), "no",
	 "yes: csc-run also builds Annex A for the day after the data's end into the period's "
	 "published set", NULL},
	{"drilldown_periods", K_CHOICE, 0, OFF(drilldown_periods), "report",
	 "drill-down for the periods the workbooks show (report) or every period (all)", drill_words},
	{"transform_jobs", K_JOBS, 0, OFF(transform_jobs), "auto",
	 "csc-transform: inputs computed at once, 1 to " CSC_JOBS_MAX_TEXT " or auto (the cores online)",
	 NULL},
	{"max_reject_percent", K_PERCENT, 0, OFF(max_reject_percent), "5",
	 "fail the run (exit 2) when an input rejects more than this share", NULL},
	{"data_extracted", K_DATE, 0, OFF(data_extracted), NULL,
	 "YYYY-MM-DD the dumps were made: the data runs to it (default: each input's latest event date)",
	 NULL},
	{"max_drop_percent", K_PERCENT, 0, OFF(max_drop_percent), "50",
	 "stop the run (exit 2) when an input's records read fall by more than this share "
	 "since the last publication (100: never)", NULL},
	{"share_key_file", K_PATH, 0, OFF(share_key_file), NULL,
	 "pseudonym key for csc-share (a file only its owner can read, 32+ bytes)", NULL},
};
#define NKEYS (sizeof conf_keys / sizeof conf_keys[0])

void csc_conf_print_keys(void)
{
	printf("  %-20s %s\n", "population_YYYY", "0-17 population for calendar year YYYY (one key per year)");
	for (size_t i = 0; i < NKEYS; i++)
		printf("  %-20s %s%s%s%s\n", conf_keys[i].name, conf_keys[i].help,
		       conf_keys[i].required ? " (required)" : "",
		       conf_keys[i].dflt && conf_keys[i].type != K_PATH ? "; default " : "",
		       conf_keys[i].dflt && conf_keys[i].type != K_PATH ? conf_keys[i].dflt : "");
}

int csc_parse_month(const char *s, csc_date *last_day)
{
	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	for (int i = 0; i < 7; i++)
		if (i != 4 && !isdigit((unsigned char)s[i]))
			return -1;
	int y = atoi(s), m = atoi(s + 5);
	csc_date d = csc_date_make(y, m, 1);
	if (d == CSC_NODATE || y < 1900 || y > 2999)
		return -1;
	*last_day = csc_month_last(d);
	return 0;
}

static char *resolve(const char *dir, const char *v)
{
	if (v[0] == '/' || !dir || !*dir)
		return csc_xstrdup(v);
	size_t n = strlen(dir) + strlen(v) + 2;
	char *p = csc_xmalloc(n);
	snprintf(p, n, "%s/%s", dir, v);
	return p;
}

static int parse_long(const char *v, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (errno || end == v || *end || x < lo || x > hi)
		return -1;
	*out = x;
	return 0;
}

/* Apply one value; returns NULL or a static description of what is wrong. */
static const char *apply(csc_conf *c, const struct key *k, const char *v, const char *dir)
{
	char *base = (char *)c + k->off;
	long n;
	switch (k->type) {
	case K_STRING:
		if (!*v)
			return "must not be empty";
		free(*(char **)base);
		*(char **)base = csc_xstrdup(v);
		return NULL;
	case K_LA:
		if (strlen(v) != 3 || !isdigit((unsigned char)v[0]) ||
		    !isdigit((unsigned char)v[1]) || !isdigit((unsigned char)v[2]))
			return "must be a 3-digit DfE LA number";
		free(*(char **)base);
		*(char **)base = csc_xstrdup(v);
		return NULL;
	case K_MONTH:
		if (csc_parse_month(v, (csc_date *)base))
			return "must be a month YYYY-MM";
		return NULL;
	case K_INT:
		if (parse_long(v, 1, 24, &n))
			return "must be a whole number from 1 to 24";
		*(int *)base = (int)n;
		return NULL;
	case K_PATH:
		if (!*v)
			return "must not be empty";
		free(*(char **)base);
		*(char **)base = resolve(dir, v);
		return NULL;
	case K_CHOICE: {
		/* the settings' enums are 0 and 1 in the order of words[] */
		static char msg[64];
		for (int i = 0; i < 2; i++)
			if (!strcmp(v, k->words[i])) {
				*(int *)base = i;
				return NULL;
			}
		snprintf(msg, sizeof msg, "must be %s or %s", k->words[0], k->words[1]);
		return msg;
	}
	case K_PLACES: {
		int cnt = 0;
		const char *p = v;
		while (*p) {
			while (*p == ' ' || *p == ',')
				p++;
			if (!*p)
				break;
			size_t len = strcspn(p, " ,");
			if (len < 2 || len > 3 || cnt == CSC_MAX_PLACES)
				return "must be a comma-separated list of PLACE codes";
			memcpy(c->residential_places[cnt], p, len);
			c->residential_places[cnt][len] = '\0';
			cnt++;
			p += len;
		}
		if (!cnt)
			return "must list at least one PLACE code";
		c->nresidential = cnt;
		return NULL;
	}
	case K_BOOL:
		if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1"))
			*(int *)base = 1;
		else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "0"))
			*(int *)base = 0;
		else
			return "must be yes or no";
		return NULL;
	case K_DATE:
		if (csc_date_parse_iso(v, strlen(v), (csc_date *)base))
			return "must be a date YYYY-MM-DD";
		return NULL;
	case K_JOBS:
		if (!strcmp(v, "auto")) {
			*(int *)base = 0;
			return NULL;
		}
		if (parse_long(v, 1, CSC_JOBS_MAX, &n))
			return "must be auto or a whole number from 1 to " CSC_JOBS_MAX_TEXT;
		*(int *)base = (int)n;
		return NULL;
	case K_PERCENT: {
		char *end;
		double x = strtod(v, &end);
		if (end == v || *end || !(x >= 0 && x <= 100))
			return "must be a number from 0 to 100";
		*(double *)base = x;
		return NULL;
	}
	}
	return "internal: unknown key type";
}

static int add_population(csc_conf *c, const char *key, const char *v, const char **why)
{
	const char *ys = key + strlen("population_");
	long y, pop;
	if (strlen(ys) != 4 || parse_long(ys, 1900, 2999, &y)) {
		*why = "population keys are population_YYYY";
		return -1;
	}
	if (parse_long(v, 1, 100000000, &pop)) {
		*why = "population must be a whole number above 0";
		return -1;
	}
	for (int i = 0; i < c->npop; i++)
		if (c->pop_year[i] == y) {
			*why = "population for this year is given twice";
			return -1;
		}
	if (c->npop == CSC_MAX_POP_YEARS) {
		*why = "too many population years";
		return -1;
	}
	c->pop_year[c->npop] = (int)y;
	c->pop_value[c->npop++] = pop;
	return 0;
}

static char *trim(char *s, char *e)
{
	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	*e = '\0';
	return s;
}

/* 1 when s[0..n) is well-formed UTF-8 (no overlongs, surrogates or
 * code points above U+10FFFF). */
static int utf8_ok(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	while (p < e) {
		unsigned c = *p++;
		if (c < 0x80)
			continue;
		int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
		if (c < 0xc2 || c > 0xf4 || e - p < more)
			return 0;
		unsigned cp = c & (0x3f >> more);
		for (int i = 0; i < more; i++, p++) {
			if ((*p & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (*p & 0x3f);
		}
		if ((more == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (more == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
	}
	return 1;
}

csc_conf *csc_conf_parse(const char *name, const char *dir, const char *text, size_t len)
{
	csc_conf *c = csc_xcalloc(1, sizeof *c);
	c->path = csc_xstrdup(name);
	c->dir = csc_xstrdup(dir ? dir : ".");
	c->period_end = CSC_NODATE;
	c->data_extracted = CSC_NODATE;
	int errors = 0;
	long seen_line[NKEYS] = {0};

	for (size_t i = 0; i < NKEYS; i++)
		if (conf_keys[i].dflt && apply(c, &conf_keys[i], conf_keys[i].dflt, csc_datadir())) {
			csc_error("internal: bad default for %s", conf_keys[i].name);
			errors++;
		}

	char *buf = csc_xstrndup(text, len);
	char *p = buf, *end = buf + len;
	long lineno = 0;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end;
		lineno++;
		if (memchr(p, '\0', (size_t)(le - p))) {
			csc_error_at(name, lineno, "NUL byte in line");
			errors++;
			p = le + 1;
			continue;
		}
		/* values reach workbooks and XML: bounded and valid UTF-8 */
		if (le - p > CSC_CONF_MAX_LINE) {
			csc_error_at(name, lineno, "line longer than %d bytes", CSC_CONF_MAX_LINE);
			errors++;
			p = le + 1;
			continue;
		}
		if (!utf8_ok(p, (size_t)(le - p))) {
			csc_error_at(name, lineno, "not valid UTF-8 (save the file as UTF-8)");
			errors++;
			p = le + 1;
			continue;
		}
		char *line = trim(p, le);
		p = le + 1;
		if (!*line || *line == '#')
			continue;
		char *eq = strchr(line, '=');
		if (!eq) {
			csc_error_at(name, lineno, "expected 'key = value'");
			errors++;
			continue;
		}
		char *key = trim(line, eq);
		char *val = trim(eq + 1, eq + 1 + strlen(eq + 1));
		if (!strncmp(key, "population_", 11)) {
			const char *why;
			if (add_population(c, key, val, &why)) {
				csc_error_at(name, lineno, "%s: %s", key, why);
				errors++;
			}
			continue;
		}
		size_t k;
		for (k = 0; k < NKEYS; k++)
			if (!strcmp(key, conf_keys[k].name))
				break;
		if (k == NKEYS) {
			csc_error_at(name, lineno, "unknown key '%.60s'", key);
			errors++;
			continue;
		}
		if (seen_line[k]) {
			csc_error_at(name, lineno, "%s: already set on line %ld", key, seen_line[k]);
			errors++;
			continue;
		}
		seen_line[k] = lineno;
		const char *why = apply(c, &conf_keys[k], val, c->dir);
		if (why) {
			csc_error_at(name, lineno, "%s: %s (got '%.60s')", key, why, val);
			errors++;
		}
	}
	for (size_t k = 0; k < NKEYS; k++)
		if (conf_keys[k].required && !seen_line[k]) {
			csc_error_at(name, lineno + 1 > 1 ? lineno : 1,
				     "missing required key '%s'", conf_keys[k].name);
			errors++;
		}
	free(buf);
	if (errors) {
		csc_conf_free(c);
		return NULL;
	}
	return c;
}

csc_conf *csc_conf_load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		csc_error_at(path, 0, "cannot open configuration: %m");
		return NULL;
	}
	/* fopen opens a folder and fread then fails, which would read as an
	 * empty configuration and be reported as missing keys */
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		csc_error_at(path, 0, "is a folder, not a configuration file (pipeline.conf)");
		fclose(f);
		return NULL;
	}
	size_t cap = 4096, len = 0;
	char *buf = csc_xmalloc(cap);
	size_t got;
	while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			if (cap >= (1u << 20)) {
				csc_error_at(path, 0, "configuration is larger than 1 MiB");
				fclose(f);
				free(buf);
				return NULL;
			}
			cap *= 2;
			buf = csc_xrealloc(buf, cap);
		}
	}
	if (ferror(f)) {
		csc_error_at(path, 0, "cannot read configuration: %m");
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	char *dir = csc_xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	csc_conf *c = csc_conf_parse(path, dir, buf, len);
	free(dir);
	free(buf);
	/* csc-run --verify rebuilds into a scratch folder with every stage */
	const char *over = getenv("CSC_OUTPUT_DIR");
	if (c && over && *over) {
		free(c->output_dir);
		c->output_dir = csc_xstrdup(over);
	}
	return c;
}

void csc_conf_free(csc_conf *c)
{
	if (!c)
		return;
	free(c->path);
	free(c->dir);
	free(c->la_name);
	free(c->contact);
	free(c->la_number);
	free(c->cin_census);
	free(c->ssda903_dir);
	free(c->contacts);
	free(c->early_help);
	free(c->output_dir);
	free(c->reference_dir);
	free(c->templates_dir);
	free(c->share_key_file);
	free(c->commentary);
	free(c->annexa_supplementary);
	free(c);
}

int csc_conf_population(const csc_conf *c, int year, long *pop)
{
	for (int i = 0; i < c->npop; i++)
		if (c->pop_year[i] == year) {
			*pop = c->pop_value[i];
			return 0;
		}
	return -1;
}

int csc_conf_set_period(csc_conf *c, const char *yyyymm)
{
	return csc_parse_month(yyyymm, &c->period_end);
}
