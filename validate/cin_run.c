/* cin_run.c - validating a CIN return: stream the children, run every rule
 * on each, then run the final pass for the whole-return rules.
 *
 * The reference date is --reference-date, else the header's ReferenceDate,
 * else 31 March of --year; the census year is the 12 months ending on it
 * (1 April to 31 March). Rules that need a date or the bank-holiday
 * calendar are listed as not run when it cannot be had. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cin_rules.h"
#include "csc_diag.h"
#include "v_year.h"

typedef struct run {
	v_ctx *ctx;
	vcin_state st;
	const vcin_opts *o;
	int year; /* the rule set's collection year */
	char label[256];
} run;

/* The collection year ending the 31 March on or after d. */
static int year_ending(csc_date d)
{
	int y, m, dd;
	csc_date_ymd(d, &y, &m, &dd);
	return m > 3 ? y + 1 : y;
}

static int header_year(const vcin_opts *o, const vcin_rec *m)
{
	if (o->refdate != CSC_NODATE)
		return year_ending(o->refdate);
	if (o->year)
		return o->year;
	if (m && vcin_is_date(&m->f[H_REFDATE]))
		return year_ending(m->f[H_REFDATE].d);
	const vcin_val *y = m ? &m->f[H_YEAR] : NULL;
	if (y && vcin_has(y) && strlen(y->s) == 4 && strspn(y->s, "0123456789") == 4)
		return atoi(y->s);
	return 0;
}

static void set_dates(run *r, const vcin_rec *m)
{
	vcin_state *st = &r->st;
	const vcin_opts *o = r->o;
	const vcin_val *hr = &m->f[H_REFDATE];
	st->hdr_ref_present = vcin_has(hr);
	if (st->hdr_ref_present)
		snprintf(st->hdr_ref, sizeof st->hdr_ref, "%s", hr->s);
	st->hdr_ref_line = hr->line;

	st->ref = CSC_NODATE;
	if (o->refdate != CSC_NODATE)
		st->ref = o->refdate;
	else if (vcin_is_date(hr))
		st->ref = hr->d;
	else if (o->year)
		st->ref = csc_date_make(o->year, 3, 31);

	st->expected_ref = CSC_NODATE;
	const vcin_val *y = &m->f[H_YEAR];
	if (o->refdate != CSC_NODATE)
		st->expected_ref = o->refdate;
	else if (o->year)
		st->expected_ref = csc_date_make(o->year, 3, 31);
	else if (vcin_has(y) && strlen(y->s) == 4 && strspn(y->s, "0123456789") == 4)
		st->expected_ref = csc_date_make(atoi(y->s), 3, 31);

	if (st->ref == CSC_NODATE) {
		v_set_need(r->ctx, V_NEEDS_REFDATE, 0, NULL);
		v_set_need(r->ctx, V_NEEDS_CALENDAR, 0,
			   "needs a reference date for its working days (give --reference-date or --year)");
		st->start = st->end = CSC_NODATE;
		return;
	}
	st->end = st->ref;
	st->start = csc_date_add_months(st->ref, -12) + 1;
	v_set_need(r->ctx, V_NEEDS_REFDATE, 1, NULL);

	/* Working-day rules need the whole census year and the days just
	 * before it (8569Q looks back from 1 April). */
	if (!st->cal || !csc_calendar_covers(st->cal, st->start - 14) || !csc_calendar_covers(st->cal, st->end)) {
		char why[160], a[CSC_DATE_BUFSZ], b[CSC_DATE_BUFSZ];
		snprintf(why, sizeof why, "needs bank holidays for %s to %s, which the calendar does not cover",
			 csc_date_iso(st->start - 14, a), csc_date_iso(st->end, b));
		v_set_need(r->ctx, V_NEEDS_CALENDAR, 0, st->cal ? why : "needs the bank-holiday calendar, which could not be loaded");
		return;
	}
	csc_date d = st->start - 1;
	while (!csc_is_workday(st->cal, d))
		d--;
	st->nfa_cutoff = d;
	v_set_need(r->ctx, V_NEEDS_CALENDAR, 1, NULL);
}

static int on_header(void *arg, const vcin_rec *m)
{
	run *r = arg;
	set_dates(r, m);
	if (!r->year) {
		r->year = header_year(r->o, m);
		if (!v_year_known(v_collection_find("CIN"), r->year))
			r->year = v_collection_find("CIN")->rules_last;
	}
	v_set_ruleset(r->ctx, "CIN", r->year);
	const vcin_val *lea = &m->f[H_LEA];
	if (r->o->la && vcin_has(lea) && strcmp(lea->s, r->o->la) != 0)
		csc_info("warning: header LEA %s is not the --la %s given", lea->s, r->o->la);
	return 0;
}

static int on_child(void *arg, const vcin_rec *c)
{
	run *r = arg;
	const vcin_val *id = &c->f[C_LACHILDID];
	if (vcin_has(id)) {
		/* Cut an over-long ID on a UTF-8 character boundary. */
		size_t n = strlen(id->s);
		if (n >= sizeof r->label) {
			n = sizeof r->label - 1;
			while (n > 0 && ((unsigned char)id->s[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(r->label, id->s, n);
		r->label[n] = '\0';
	} else
		snprintf(r->label, sizeof r->label, "(child at line %ld)", c->line);
	r->st.child = c;
	r->st.label = r->label;
	for (vcin_rec *e = vcin_first(c, CIN_K_EPISODE); e; e = vcin_next(e))
		r->st.preproc += e->f[E_PREPROC].s != NULL;
	v_run_years(r->ctx, vcin_rules, vcin_nrules);
	r->st.child = NULL;
	return 0;
}

/* A year after the last with published rules (2026-27) runs that year's
 * rules; what the year adds, the PreProceedingsandFGDM block, is not
 * checked, and rules_not_run.csv says so rather than passing it. */
static void preproc_not_run(run *r)
{
	const v_collection *c = v_collection_find("CIN");
	if (r->year <= c->rules_last)
		return;
	char why[320], a[16], b[16];
	snprintf(why, sizeof why,
		 "no DfE validation rules are published for the %s PreProceedingsandFGDM block: "
		 "%ld CINdetails hold one, not checked; the rest of the return ran the %s rules",
		 v_year_label(r->year, a, sizeof a), r->st.preproc, v_year_label(c->rules_last, b, sizeof b));
	v_not_run(r->ctx, "PreProceedingsandFGDM", why);
}

static int finish(run *r, int rc)
{
	if (rc == 0) {
		r->st.child = NULL;
		r->st.label = "";
		v_run_years(r->ctx, vcin_rules, vcin_nrules);
		preproc_not_run(r);
	}
	vcin_keys_free(&r->st.upns);
	vcin_keys_free(&r->st.ids);
	v_set_data(r->ctx, NULL, NULL);
	return rc < 0 ? -1 : 0;
}

static void start(run *r, v_ctx *ctx, const vcin_opts *o)
{
	memset(r, 0, sizeof *r);
	r->ctx = ctx;
	r->o = o;
	r->st.cal = o->cal;
	r->st.codes = o->codes;
	r->st.ref = r->st.start = r->st.end = r->st.expected_ref = CSC_NODATE;
	r->year = o->ruleset;
	v_set_data(ctx, &r->st, NULL);
}

int vcin_validate_file(v_ctx *ctx, const char *path, const char *name, const vcin_opts *o)
{
	run r;
	start(&r, ctx, o);
	vcin_callbacks cb = {on_header, on_child, &r};
	return finish(&r, vcin_read_file(path, name, &cb));
}

int vcin_validate_mem(v_ctx *ctx, const char *data, size_t n, const char *name, const vcin_opts *o)
{
	run r;
	start(&r, ctx, o);
	vcin_callbacks cb = {on_header, on_child, &r};
	return finish(&r, vcin_read_mem(data, n, name, &cb));
}

struct year_probe {
	const vcin_opts *o;
	int year;
	vcin_about about;
};

static int probe_header(void *arg, const vcin_rec *m)
{
	struct year_probe *p = arg;
	p->year = header_year(p->o, m);
	const vcin_val *lea = &m->f[H_LEA];
	if (vcin_has(lea) && strlen(lea->s) == 3 && strspn(lea->s, "0123456789") == 3)
		memcpy(p->about.lea, lea->s, 4);
	/* the reference date as set_dates takes it */
	if (p->o->refdate != CSC_NODATE)
		p->about.refdate = p->o->refdate;
	else if (vcin_is_date(&m->f[H_REFDATE]))
		p->about.refdate = m->f[H_REFDATE].d;
	else if (p->o->year)
		p->about.refdate = csc_date_make(p->o->year, 3, 31);
	return 1; /* the header is all it needs */
}

int vcin_return_year(const char *path, const char *name, const vcin_opts *o, vcin_about *about)
{
	struct year_probe p = {o, 0, {"", CSC_NODATE}};
	vcin_callbacks cb = {probe_header, NULL, &p};
	int rc = vcin_read_file(path, name, &cb);
	if (about)
		*about = p.about;
	return rc < 0 ? -1 : p.year;
}

int vcin_return_year_mem(const char *data, size_t n, const char *name, const vcin_opts *o)
{
	struct year_probe p = {o, 0, {"", CSC_NODATE}};
	vcin_callbacks cb = {probe_header, NULL, &p};
	return vcin_read_mem(data, n, name, &cb) < 0 ? -1 : p.year;
}

static int count_child(void *arg, const vcin_rec *c)
{
	(void)c;
	(*(long *)arg)++;
	return 0;
}

int vcin_check_previous(const char *path, const char *name)
{
	long n = 0;
	vcin_callbacks cb = {NULL, count_child, &n};
	return vcin_read_file(path, name, &cb) < 0 ? -1 : 0;
}
