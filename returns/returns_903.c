/* returns_903.c - see returns_903.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csc_903.h"
#include "csc_csvw.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "returns_903.h"
#include "returns_rows.h"
#include "validate/v_year.h"

/* What the writer keeps per child: its episodes and the cohorts it is in. */
typedef struct ret_903_epi {
	csc_date decom, dec;
	char rne[4], ls[4], rec[8];
} ret_903_epi;

typedef struct ret_903_child {
	char *id;
	csc_date dob;           /* Header DOB */
	ret_903_epi *epi;
	int nepi, capepi;
	long last_row[CSC_903_NTABLES]; /* index of the child's last row per table, 0 = none */
	long *oc2_rows;         /* every OC2 row of the child, in dump order */
	int noc2;
	long *oc3_rows;         /* every OC3 row of the child, in dump order */
	int noc3;
	csc_date oc3_dob;       /* DOB of the child's first OC3 row (else Header) */
	unsigned in_eps : 1, oc2 : 1, oc3 : 1, ad1 : 1, prevperm : 1, cohort : 1;
	unsigned sb_only : 1;   /* in_eps, and every episode in the year is V3/V4 */
} ret_903_child;

typedef struct ret_903_ctx {
	const ret_year *y;
	const char *staging;
	ret_903_child **slot;   /* open-addressing hash of children by id */
	size_t nslot, n;
	csc_date span_end; /* latest DECOM or DEC staged: about the extraction date */
	v_recode rec[16];  /* PLACE successions (H5>K3, Z1>Z11): see place_for_year */
	int nrec;
	v_codes *codes;    /* the year's code lists (the nearest year the file has) */
	long withdrawn;    /* episodes written with a PLACE not in the year's list */
} ret_903_ctx;

/* ---- children by id ---- */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

static ret_903_child *find(ret_903_ctx *x, const char *id, int add)
{
	if (add && (x->n + 1) * 2 > x->nslot) {
		size_t ns = x->nslot ? x->nslot * 2 : 1024;
		ret_903_child **s = csc_xcalloc(ns, sizeof *s);
		for (size_t i = 0; i < x->nslot; i++)
			if (x->slot[i]) {
				size_t j = hash(x->slot[i]->id) & (ns - 1);
				while (s[j])
					j = (j + 1) & (ns - 1);
				s[j] = x->slot[i];
			}
		free(x->slot);
		x->slot = s;
		x->nslot = ns;
	}
	if (!x->nslot)
		return NULL;
	size_t j = hash(id) & (x->nslot - 1);
	while (x->slot[j]) {
		if (!strcmp(x->slot[j]->id, id))
			return x->slot[j];
		j = (j + 1) & (x->nslot - 1);
	}
	if (!add)
		return NULL;
	ret_903_child *c = csc_xcalloc(1, sizeof *c);
	c->id = csc_xstrdup(id);
	c->dob = CSC_NODATE;
	c->oc3_dob = CSC_NODATE;
	x->slot[j] = c;
	x->n++;
	return c;
}

static void free_children(ret_903_ctx *x)
{
	for (size_t i = 0; i < x->nslot; i++)
		if (x->slot[i]) {
			free(x->slot[i]->epi);
			free(x->slot[i]->oc2_rows);
			free(x->slot[i]->oc3_rows);
			free(x->slot[i]->id);
			free(x->slot[i]);
		}
	free(x->slot);
}

/* ---- reading a staged table ---- */

static int table_index(const csc_903_table *t)
{
	return (int)(t - csc_903_tables);
}

/* Open staging/ssda903_<stage>.csv on the DfE columns; 1 = not staged. */
static int open_table(ret_903_ctx *x, const csc_903_table *t, ret_rows_reader *r)
{
	char name[64];
	snprintf(name, sizeof name, "ssda903_%s.csv", t->stage);
	char *p = csc_path_join(x->staging, name);
	int rc = ret_rows_open(r, p, t->cols);
	free(p);
	return rc;
}

static csc_date col_date(const ret_rows_reader *r, const csc_903_table *t, const char *col)
{
	return ret_date(ret_rows_get(r, csc_903_col(t, col)), NULL);
}

/* Pass 1 over every table: episodes, Header DOBs, and the last row of each
 * child in each table (tables that hold one row per child in a return take
 * the latest one the dump has). */
static int scan(ret_903_ctx *x)
{
	for (int ti = 0; ti < CSC_903_NTABLES; ti++) {
		const csc_903_table *t = &csc_903_tables[ti];
		ret_rows_reader r;
		int rc = open_table(x, t, &r);
		if (rc != 0) {
			ret_rows_close(&r);
			if (rc < 0)
				return CSC_EXIT_INPUT;
			continue;
		}
		long row = 0;
		while ((rc = ret_rows_next(&r)) == 1) {
			ret_903_child *c = find(x, ret_rows_get(&r, 0), 1);
			c->last_row[ti] = ++row;
			if (!strcmp(t->stage, "header"))
				c->dob = col_date(&r, t, "DOB");
			if (!strcmp(t->stage, "oc2")) {
				c->oc2_rows = csc_xrealloc(c->oc2_rows, (size_t)(c->noc2 + 1) * sizeof *c->oc2_rows);
				c->oc2_rows[c->noc2++] = row;
			}
			if (!strcmp(t->stage, "oc3")) {
				c->oc3_rows = csc_xrealloc(c->oc3_rows, (size_t)(c->noc3 + 1) * sizeof *c->oc3_rows);
				c->oc3_rows[c->noc3++] = row;
				/* a care leaver has no Header row in the dump's later
				 * years: the OC3 row's own DOB decides */
				if (c->noc3 == 1)
					c->oc3_dob = col_date(&r, t, "DOB");
			}
			if (strcmp(t->stage, "episodes"))
				continue;
			if (c->nepi == c->capepi) {
				c->capepi = c->capepi ? c->capepi * 2 : 4;
				c->epi = csc_xrealloc(c->epi, (size_t)c->capepi * sizeof *c->epi);
			}
			ret_903_epi *e = &c->epi[c->nepi++];
			memset(e, 0, sizeof *e);
			e->decom = col_date(&r, t, "DECOM");
			e->dec = col_date(&r, t, "DEC");
			snprintf(e->rne, sizeof e->rne, "%s", ret_rows_get(&r, csc_903_col(t, "RNE")));
			snprintf(e->ls, sizeof e->ls, "%s", ret_rows_get(&r, csc_903_col(t, "LS")));
			snprintf(e->rec, sizeof e->rec, "%s", ret_rows_get(&r, csc_903_col(t, "REC")));
			if (e->decom > x->span_end)
				x->span_end = e->decom;
			if (e->dec > x->span_end)
				x->span_end = e->dec;
		}
		ret_rows_close(&r);
		if (rc < 0)
			return CSC_EXIT_INPUT;
	}
	return 0;
}

/* ---- cohorts ---- */

static int short_breaks(const ret_903_epi *e)
{
	return !strcmp(e->ls, "V3") || !strcmp(e->ls, "V4");
}

/* Looked after on day d: an episode with DECOM <= d and no DEC or DEC > d
 * (the day of ceasing is not a day looked after). */
static const ret_903_epi *open_on(const ret_903_child *c, csc_date d)
{
	for (int i = 0; i < c->nepi; i++)
		if (c->epi[i].decom != CSC_NODATE && c->epi[i].decom <= d &&
		    (c->epi[i].dec == CSC_NODATE || c->epi[i].dec > d))
			return &c->epi[i];
	return NULL;
}

/* OC2: looked after on 31 March in a period of care that had lasted the
 * whole year (started on or before 1 April of the previous year), with no
 * short-break episode (V3/V4) in it. The period is followed back from the
 * episode open on 31 March through episodes that end the day the next
 * starts. */
static int oc2(const ret_year *y, const ret_903_child *c)
{
	const ret_903_epi *e = open_on(c, y->last);
	while (e) {
		if (short_breaks(e))
			return 0;
		if (e->decom <= y->first)
			return 1;
		const ret_903_epi *prev = NULL;
		for (int i = 0; i < c->nepi; i++)
			if (&c->epi[i] != e && c->epi[i].dec == e->decom && c->epi[i].decom < e->decom)
				prev = &c->epi[i];
		e = prev;
	}
	return 0;
}

/* OC3: a former relevant child whose 17th-21st birthday falls in the year:
 * not looked after on the birthday (a 17-year-old still in care is not a
 * care leaver yet) and, when the dump holds the child's episodes, having
 * left care by then (someone who came into care after the birthday was no
 * care leaver on it). A young person with no episode in the dump left care
 * before its history began: the OC3 row is taken as it is. Returns the
 * birthday, or CSC_NODATE when not in the year's cohort. */
static csc_date oc3(const ret_year *y, const ret_903_child *c)
{
	csc_date dob = c->oc3_dob != CSC_NODATE ? c->oc3_dob : c->dob;
	int age = ret_oc3_age(y, dob);
	if (!age)
		return CSC_NODATE;
	csc_date b = csc_date_birthday(dob, age);
	if (open_on(c, b))
		return CSC_NODATE;
	int left = !c->nepi;
	for (int i = 0; i < c->nepi && !left; i++)
		left = c->epi[i].dec != CSC_NODATE && c->epi[i].dec <= b;
	return left ? b : CSC_NODATE;
}

/* OC2 rows carry no date: a dump holds one per 31 March the child was in
 * the OC2 cohort, oldest first, so this year's is the one that has as many
 * rows after it as the cohort has later years up to the end of the dump
 * (counting from the end keeps the latest row the latest when the dump has
 * lost older ones). Sets the row the writer takes. */
static void pick_oc2_row(const ret_903_ctx *x, ret_903_child *c)
{
	int ti = table_index(csc_903_by_name("OC2"));
	int later = 0;
	for (int yr = x->y->year + 1; csc_date_make(yr, 3, 31) <= x->span_end; yr++) {
		ret_year ly;
		if (ret_year_init(&ly, yr) == 0 && oc2(&ly, c))
			later++;
	}
	if (c->noc2 > 0)
		c->last_row[ti] = c->oc2_rows[c->noc2 - 1 - (later < c->noc2 ? later : c->noc2 - 1)];
}

/* OC3 rows carry no date either: a dump holds one per birthday the young
 * person was in the OC3 cohort, oldest first, as the returns of those years
 * held them, and none after one reporting IN_TOUCH DIED. When the dump
 * holds the young person's episodes they left care inside its history, so
 * the rows start at the first cohort year: this year's row has as many rows
 * before it as there are cohort years before this one (counting from the
 * end would put a death in the latest year). A young person with no episode
 * in the dump left care before it began and may have lost older rows: the
 * latest row is then the one of the latest cohort year whose birthday has
 * passed by the end of the dump, as for OC2. A year whose row the dump does
 * not hold gets none: nothing is invented. Sets the row the writer takes,
 * or returns 0 when there is none. */
static int pick_oc3_row(const ret_903_ctx *x, ret_903_child *c)
{
	int ti = table_index(csc_903_by_name("OC3"));
	int k;
	if (c->nepi) {
		k = 0; /* cohort years before this one: 17th-21st birthdays span five */
		for (int yr = x->y->year - 5; yr < x->y->year; yr++) {
			ret_year ly;
			if (ret_year_init(&ly, yr) == 0 && oc3(&ly, c) != CSC_NODATE)
				k++;
		}
	} else {
		int later = 0;
		for (int yr = x->y->year + 1; yr <= x->y->year + 5; yr++) {
			ret_year ly;
			csc_date b;
			if (ret_year_init(&ly, yr) == 0 && (b = oc3(&ly, c)) != CSC_NODATE && b <= x->span_end)
				later++;
		}
		k = c->noc3 - 1 - later;
	}
	if (k < 0 || k >= c->noc3)
		return 0;
	c->last_row[ti] = c->oc3_rows[k];
	return 1;
}

static void cohorts(ret_903_ctx *x)
{
	const ret_year *y = x->y;
	for (size_t s = 0; s < x->nslot; s++) {
		ret_903_child *c = x->slot[s];
		if (!c)
			continue;
		int other = 0;
		for (int i = 0; i < c->nepi; i++) {
			const ret_903_epi *e = &c->epi[i];
			if (ret_overlaps(y, e->decom, e->dec)) {
				c->in_eps = 1;
				other |= !short_breaks(e);
			}
			/* Adopted in the year: an episode ending in it with E11/E12. */
			if (ret_in_year(y, e->dec) && (!strcmp(e->rec, "E11") || !strcmp(e->rec, "E12")))
				c->ad1 = 1;
			/* A new period of care (RNE S) started in the year. */
			if (ret_in_year(y, e->decom) && !strcmp(e->rne, "S"))
				c->prevperm = 1;
		}
		c->sb_only = c->in_eps && !other;
		/* OC2 is the position on 31 March: a dump ending before it holds
		 * no row of this year (its latest is last year's), so an in-year
		 * return has none; nothing is invented */
		c->oc2 = c->in_eps && x->span_end >= y->last && oc2(y, c);
		if (c->oc2)
			pick_oc2_row(x, c);
		c->oc3 = c->noc3 > 0 && oc3(y, c) != CSC_NODATE && pick_oc3_row(x, c);
	}
}

/* ---- which rows go in, table by table ---- */

typedef int (*keep_fn)(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
		       const csc_903_table *t);

static int keep_cohort(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
		       const csc_903_table *t)
{
	(void)y, (void)r, (void)t;
	return c->cohort;
}

static int keep_episode(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
			const csc_903_table *t)
{
	(void)c;
	return ret_overlaps(y, col_date(r, t, "DECOM"), col_date(r, t, "DEC"));
}

static int keep_review(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
		       const csc_903_table *t)
{
	return c->in_eps && ret_in_year(y, col_date(r, t, "REVIEW"));
}

static int keep_missing(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
			const csc_903_table *t)
{
	return c->in_eps && ret_overlaps(y, col_date(r, t, "MIS_START"), col_date(r, t, "MIS_END"));
}

static int keep_placed(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
		       const csc_903_table *t)
{
	return c->in_eps &&
	       ret_overlaps(y, col_date(r, t, "DATE_PLACED"), col_date(r, t, "DATE_PLACED_CEASED"));
}

static int keep_sw(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
		   const csc_903_table *t)
{
	return c->in_eps && ret_overlaps(y, col_date(r, t, "SW_DECOM"), col_date(r, t, "SW_DEC"));
}

static int keep_dolo(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,
		     const csc_903_table *t)
{
	return c->in_eps && ret_overlaps(y, col_date(r, t, "DOLO_START"), col_date(r, t, "DOLO_END"));
}

#define FLAG_FN(name, field)                                                                  \
	static int name(const ret_year *y, const ret_903_child *c, const ret_rows_reader *r,               \
			const csc_903_table *t)                                                \
	{                                                                                      \
		(void)y, (void)r, (void)t;                                                     \
		return c->field;                                                               \
	}
FLAG_FN(keep_oc2, oc2)
FLAG_FN(keep_oc3, oc3)
FLAG_FN(keep_ad1, ad1)
FLAG_FN(keep_prevperm, prevperm)

/* Header columns not collected for this child this year: mother status
 * and her child's DOB only concern young people looked after in the year
 * other than on short breaks (DfE rules 399 and 628); the dump's Header
 * row is the child's across all years, so the writer leaves them out. */
static int blank_header(const ret_903_child *c, const char *col)
{
	return (!c->in_eps || c->sb_only) && (!strcmp(col, "MOTHER") || !strcmp(col, "MC_DOB"));
}

/* One entry per table (RETURNS.md explains each rule). `one` = at most one
 * row per child (the child's last row in the dump). `ended` names a date
 * that is blanked, together with `with`, when it falls after the reference
 * date: on that date the thing had not yet ended. */
static const struct ret_903_rule {
	const char *table;
	keep_fn keep;
	int one;
	const char *ended;
	const char *with[3];
	int (*blank)(const ret_903_child *c, const char *col); /* NULL: none */
} rules[] = {
	{"Header", keep_cohort, 1, NULL, {NULL}, blank_header},
	{"Episodes", keep_episode, 0, "DEC", {"REC", "REASON_PLACE_CHANGE", NULL}, NULL},
	{"Reviews", keep_review, 0, NULL, {NULL}, NULL},
	{"UASC", keep_cohort, 1, "DUC", {NULL}, NULL},
	{"OC2", keep_oc2, 1, NULL, {NULL}, NULL},
	{"OC3", keep_oc3, 1, NULL, {NULL}, NULL},
	{"AD1", keep_ad1, 1, NULL, {NULL}, NULL},
	{"PlacedAdoption", keep_placed, 0, "DATE_PLACED_CEASED", {"REASON_PLACED_CEASED", NULL}, NULL},
	{"PrevPerm", keep_prevperm, 1, NULL, {NULL}, NULL},
	{"Missing", keep_missing, 0, "MIS_END", {NULL}, NULL},
	/* SW_REASON is why the episode began (the social worker change), so
	 * it stays when the end is blanked */
	{"SocialWorker", keep_sw, 0, "SW_DEC", {NULL}, NULL},
	/* deprivation of liberty orders (from 2026-27): as Missing */
	{"DoLo", keep_dolo, 0, "DOLO_END", {NULL}, NULL},
};

/* The DfE columns that hold dates (written DD/MM/YYYY). */
static const char *const date_cols[] = {
	"DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC", "DATE_INT", "DATE_MATCH", "DATE_PLACED",
	"DATE_PLACED_CEASED", "DATE_PERM", "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC", "DOLO_START",
	"DOLO_END", NULL,
};

static int is_date_col(const char *col)
{
	for (int i = 0; date_cols[i]; i++)
		if (!strcmp(col, date_cols[i]))
			return 1;
	return 0;
}

static int blanked(const struct ret_903_rule *rule, const char *col, int ended_late)
{
	if (!ended_late)
		return 0;
	if (!strcmp(col, rule->ended))
		return 1;
	for (int i = 0; rule->with[i]; i++)
		if (!strcmp(col, rule->with[i]))
			return 1;
	return 0;
}

/* The PLACE code of the return's year for a placement recorded as v. A
 * code introduced after the year to replace an older one (K3 from 2024-25
 * for H5, Z11-Z14 from 2025-26 for Z1: the successions rule 503D allows
 * across a year boundary) is written as the code it replaced, which is
 * what the year's list holds for that placement; any other code is written
 * as recorded (one the year no longer lists is counted, and csc-validate
 * reports it under rule 146). */
static const char *place_for_year(ret_903_ctx *x, const char *v)
{
	for (int i = 0; i < x->nrec; i++)
		if (!strcmp(v, x->rec[i].to_code) && x->rec[i].year > x->y->year)
			return x->rec[i].from_code;
	if (*v && x->codes && !v_codes_has(x->codes, "Episodes.PLACE", v))
		x->withdrawn++;
	return v;
}

static void write_cell(csc_csvw *w, ret_903_ctx *x, const char *col, const char *v)
{
	const ret_year *y = x->y;
	char buf[CSC_DATE_BUFSZ];
	csc_date d;
	if (is_date_col(col) && *v && csc_date_parse_iso(v, strlen(v), &d) == 0) {
		csc_csvw_str(w, csc_date_dmy(d, buf));
		return;
	}
	/* Staging SEX is M/F; years before 2024-25 use 1/2. */
	if (!strcmp(col, "SEX") && !y->sex_letters) {
		if (!strcmp(v, "M"))
			v = "1";
		else if (!strcmp(v, "F"))
			v = "2";
	}
	if (!strcmp(col, "PLACE"))
		v = place_for_year(x, v);
	/* Anything else (a DATE_PERM with unknown day "zz/03/2015") is
	 * written as the dump had it. */
	csc_csvw_str(w, v);
}

static int write_table(ret_903_ctx *x, const struct ret_903_rule *rule, const char *dir, long *written)
{
	const csc_903_table *t = csc_903_by_name(rule->table);
	int ti = table_index(t);
	char name[64];
	snprintf(name, sizeof name, "%s.csv", t->name);
	char *path = csc_path_join(dir, name);
	csc_out o;
	if (csc_out_open(&o, path) != 0) {
		free(path);
		return CSC_EXIT_OUTPUT;
	}
	free(path);
	csc_csvw w;
	csc_csvw_init(&w, o.fp);
	const char *hdr[CSC_903_MAX_COLS + 1] = {0};
	for (int i = 0; i < t->ncols; i++)
		hdr[i] = t->cols[i];
	csc_csvw_header(&w, hdr);
	ret_rows_reader r;
	int rc = open_table(x, t, &r);
	long row = 0;
	*written = 0;
	if (rc == 0) {
		while ((rc = ret_rows_next(&r)) == 1) {
			row++;
			const ret_903_child *c = find(x, ret_rows_get(&r, 0), 0);
			if (!c || (rule->one && c->last_row[ti] != row) || !rule->keep(x->y, c, &r, t))
				continue;
			int late = rule->ended && col_date(&r, t, rule->ended) > x->y->last;
			for (int i = 0; i < t->ncols; i++)
				write_cell(&w, x, t->cols[i],
					   blanked(rule, t->cols[i], late) ||
						   (rule->blank && rule->blank(c, t->cols[i]))
						   ? ""
						   : ret_rows_get(&r, i));
			csc_csvw_end(&w);
			(*written)++;
		}
	}
	ret_rows_close(&r);
	if (rc < 0) {
		csc_out_abort(&o);
		return CSC_EXIT_INPUT;
	}
	return csc_out_commit(&o) ? CSC_EXIT_OUTPUT : 0;
}

/* The PLACE successions and the year's code lists from the reference
 * folder. A year before the first the file holds takes the first (its
 * lists are the earlier years' too); a later one, the last. */
static int load_codes(ret_903_ctx *x, const char *ref_dir)
{
	const v_collection *c = v_collection_find("SSDA903");
	char *p = csc_path_join(ref_dir, c->codes_csv);
	int yr = x->y->year < c->first ? c->first : x->y->year > c->last ? c->last : x->y->year;
	x->nrec = v_recodes_load(p, c, x->rec, (int)(sizeof x->rec / sizeof x->rec[0]));
	if (x->nrec >= 0)
		x->codes = v_codes_load(p, yr);
	free(p);
	return x->nrec < 0 || !x->codes ? CSC_EXIT_CONFIG : 0;
}

int ret_903_write(const ret_year *y, const char *staging_dir, const char *ref_dir, const char *dir)
{
	ret_903_ctx x = {y, staging_dir, NULL, 0, 0, CSC_NODATE, {{{0}, {0}, 0}}, 0, NULL, 0};
	int rc = load_codes(&x, ref_dir);
	if (!rc)
		rc = scan(&x);
	if (!rc)
		cohorts(&x);
	if (!rc)
		for (size_t s = 0; s < x.nslot; s++)
			if (x.slot[s])
				x.slot[s]->cohort = x.slot[s]->in_eps || x.slot[s]->oc3;
	for (size_t i = 0; !rc && i < sizeof rules / sizeof rules[0]; i++) {
		const csc_903_table *t = csc_903_by_name(rules[i].table);
		if (t->from > y->year)
			continue; /* a table the year's return does not have */
		long n;
		rc = write_table(&x, &rules[i], dir, &n);
		if (!rc)
			csc_info("ssda903-%d/%s.csv: %ld rows", y->year, rules[i].table, n);
	}
	if (!rc && x.withdrawn)
		csc_info("note: %ld episode(s) of %d hold a PLACE code that year does not list: "
			 "written as recorded; csc-validate reports them (rule 146)", x.withdrawn, y->year);
	v_codes_free(x.codes);
	free_children(&x);
	return rc;
}
