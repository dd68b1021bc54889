/*
 * csc_conf.h - pipeline.conf: a plain "key = value" file with # comments.
 *
 * Every key is an entry in one table (csc_conf.c, conf_keys[]) giving its
 * type, default and whether it is required; an unknown key, a missing
 * required key or a bad value is reported as "pipeline.conf:LINE: message".
 * Relative paths are taken relative to the folder holding the conf file.
 */
#ifndef CSC_CONF_H
#define CSC_CONF_H

#include "csc_date.h"

#define CSC_MAX_POP_YEARS 64
#define CSC_MAX_PLACES 32
/* transform_jobs: the most inputs csc-transform computes at once (there are
 * four inputs, so more would never be used). */
#define CSC_JOBS_MAX 4
#define CSC_JOBS_MAX_TEXT "4"
#define CSC_CONF_MAX_LINE 4096 /* bytes in one line (longer: an error) */

enum csc_rereferral_basis { CSC_REREF_REFERRAL, CSC_REREF_CLOSURE };
enum csc_assessment_basis { CSC_ASSESS_ASSESSMENT, CSC_ASSESS_REFERRAL };
/* Which periods get drill-down rows (measures.csv always has every period):
 * REPORT the periods a workbook can show (months, quarters, previous and
 * current financial year), ALL every period of measures.csv (adds the
 * rolling 12 months). */
enum csc_drill_periods { CSC_DRILL_REPORT, CSC_DRILL_ALL };

typedef struct csc_conf {
	char *path;     /* the conf file as given */
	char *dir;      /* its folder, for relative paths */

	char *la_name;
	char *la_number;         /* 3 digits */
	csc_date period_end;     /* last day of the period_end month; CSC_NODATE = not set */
	int months_shown;        /* default 6 */

	int pop_year[CSC_MAX_POP_YEARS];
	long pop_value[CSC_MAX_POP_YEARS];
	int npop;

	/* Inputs: NULL when not configured (the measures they feed are then
	 * reported as not available). Absolute or conf-relative resolved. */
	char *cin_census;
	char *ssda903_dir;
	char *contacts;
	char *early_help;

	char *output_dir;
	char *reference_dir;     /* bank holidays and code lists */
	char *templates_dir;     /* report layouts and comparators */
	char *commentary;        /* the performance team's commentary CSV; NULL = none */
	char *annexa_supplementary; /* per-case CSV of Annex A's n/i columns; NULL = none */
	char *contact;           /* the covers' contact line; NULL = not given */

	enum csc_rereferral_basis rereferral_basis;
	enum csc_assessment_basis assessment_basis;
	char residential_places[CSC_MAX_PLACES][4];
	int nresidential;

	int publication_mode;    /* suppress small numbers as "c" */
	int publish_edition;     /* also write the suppressed publication edition */
	int drilldown;           /* write drilldown.csv (default yes) */
	int annexa;              /* csc-run also builds Annex A into the period's set (default no) */
	enum csc_drill_periods drilldown_periods; /* default report */
	int transform_jobs;      /* csc-transform's inputs at once; 0 = auto (cores online) */
	double max_reject_percent; /* per input; above it the run fails (exit 2); default 5 */
	/* per input: records read falling by more than this share of the last
	 * publication's stop csc-run (exit 2) unless --accept-drop; default 50 */
	double max_drop_percent;
	char *share_key_file;    /* csc-share's pseudonym key; NULL = not set (never
				  * copied into any output) */
	csc_date data_extracted; /* the day the dumps were made; CSC_NODATE = not set
				  * (each input's latest event date, csc_coverage.h) */
} csc_conf;

/* Parse path. On any error prints "prog: path:line: message" for each
 * problem found and returns NULL. The environment variable CSC_OUTPUT_DIR,
 * when set, replaces output_dir (used by csc-run --verify). */
csc_conf *csc_conf_load(const char *path);

/* Parse from memory (tests and fuzzing); `name` is used in messages and
 * `dir` is the base for relative paths. */
csc_conf *csc_conf_parse(const char *name, const char *dir, const char *text, size_t len);

void csc_conf_free(csc_conf *c);

/* The 0-17 population for calendar year y into *pop; -1 when absent. */
int csc_conf_population(const csc_conf *c, int year, long *pop);

/* Print the documented key table (for --help and the README). */
void csc_conf_print_keys(void);

/* Override period_end from "YYYY-MM"; returns -1 when malformed. */
int csc_conf_set_period(csc_conf *c, const char *yyyymm);

/* Parse "YYYY-MM" into the last day of that month; -1 when malformed. */
int csc_parse_month(const char *s, csc_date *last_day);

#endif
