/*
 * aa_data.c - read the CIN and SSDA903 staging tables into aa_data.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aa_data.h"
#include "csc_diag.h"
#include "csc_out.h"

void aa_data_init(aa_data *d, csc_date I)
{
	memset(d, 0, sizeof *d);
	d->I = I;
	d->w6 = csc_date_add_months(I, -6);
	d->w12 = csc_date_add_months(I, -12);
	d->leaver_max_age = 20;
}

int aa_child(aa_data *d, const char *id)
{
	int i = tx_intern(&d->ids, id);
	if (i == d->npeople) {
		aa_person *p = tx_push(&d->people, &d->npeople, &d->cappeople, sizeof *p);
		p->cin_dob = p->cl_dob = CSC_NODATE;
		p->cin_dis = -1;
		p->p903 = -1;
	}
	return i;
}

static const aa_p903 no903 = {.h_dob = CSC_NODATE, .oc3_dob = CSC_NODATE, .sw_from = CSC_NODATE};

aa_p903 *aa_p903_get(aa_data *d, int child)
{
	aa_person *p = &d->people[child];
	if (p->p903 < 0) {
		p->p903 = d->np903;
		*(aa_p903 *)tx_push(&d->p903, &d->np903, &d->capp903, sizeof no903) = no903;
	}
	return &d->p903[p->p903];
}

const aa_p903 *aa_p903_of(const aa_data *d, int child)
{
	int i = child >= 0 ? d->people[child].p903 : -1;
	return i >= 0 ? &d->p903[i] : &no903;
}

int aa_key(char *buf, size_t cap, const tx_fields *f, int n)
{
	size_t used = 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(f->v[i]);
		if (used + len + 2 > cap) {
			csc_error_at(f->file, f->line, "%s: '%.40s...' is too long for an ID",
				     f->cols[i], f->v[i]);
			*f->failed = 1;
			return -1;
		}
		memcpy(buf + used, f->v[i], len);
		used += len;
		buf[used++] = i + 1 < n ? '\x1f' : '\0';
	}
	return 0;
}

/* The episode (child, episode) of a CIN sub-record; -1 when the episode
 * table does not hold it (reported: staging is ours, so that is a fault). */
static int episode_of(aa_data *d, const tx_fields *f)
{
	char k[AA_KEY_MAX];
	if (aa_key(k, sizeof k, f, 2))
		return -1;
	/* tx_intern adds a missing key; a second record naming the same
	 * missing episode would find it, past the end of d->ep */
	int i = tx_intern(&d->epkey, k);
	if (i < d->nep)
		return i;
	csc_error_at(f->file, f->line, "child %.40s episode %.10s is not in cin_episodes.csv",
		     f->v[0], f->v[1]);
	*f->failed = 1;
	return -1;
}

static void copy(char *out, size_t cap, const char *v)
{
	size_t n = strlen(v);
	if (n >= cap)
		n = 0; /* longer than any code of the field: no code, left blank */
	memcpy(out, v, n);
	out[n] = '\0';
}

static void rd_cin_child(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	int ci = aa_child(d, f->v[CSC_CH_CHILD]);
	aa_person *p = &d->people[ci];
	p->cin_dob = tx_f_date(f, CSC_CH_DOB);
	copy(p->cin_sex, sizeof p->cin_sex, f->v[CSC_CH_SEX]);
	copy(p->cin_eth, sizeof p->cin_eth, f->v[CSC_CH_ETHNICITY]);
	/* a) when any code is other than NONE (ANNEX-A.md, Dis) */
	p->cin_dis = 0;
	for (const char *s = f->v[CSC_CH_DISABILITIES]; *s;) {
		size_t n = strcspn(s, ";");
		if (n && !(n == 4 && !strncmp(s, "NONE", 4)))
			p->cin_dis = 1;
		s += n + (s[n] == ';');
	}
}

static void rd_cin_ep(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	char k[AA_KEY_MAX];
	if (aa_key(k, sizeof k, f, 2))
		return;
	if (tx_intern(&d->epkey, k) != d->nep) {
		csc_error_at(f->file, f->line, "child %.40s episode %.10s staged twice", f->v[0], f->v[1]);
		*f->failed = 1;
		return;
	}
	aa_episode *e = tx_push(&d->ep, &d->nep, &d->capep, sizeof *e);
	e->child = aa_child(d, f->v[CSC_EP_CHILD]);
	e->line = f->line;
	e->referral = tx_f_date(f, CSC_EP_REFERRAL_DATE);
	e->work_last = CSC_NODATE;
	copy(e->source, sizeof e->source, f->v[CSC_EP_REFERRAL_SOURCE]);
	copy(e->need, sizeof e->need, f->v[CSC_EP_PRIMARY_NEED]);
	e->closure = tx_f_date(f, CSC_EP_CLOSURE_DATE);
	copy(e->reason, sizeof e->reason, f->v[CSC_EP_CLOSURE_REASON]);
	e->nfa = *f->v[CSC_EP_REFERRAL_NFA] ? tx_f_bool(f, CSC_EP_REFERRAL_NFA) : -1;
	e->icpc = tx_f_date(f, CSC_EP_ICPC_DATE);
}

/* An interval [start, end] open at I: start <= I, end empty or after I. */
static int open_at(csc_date start, csc_date end, csc_date I)
{
	return start != CSC_NODATE && start <= I && (end == CSC_NODATE || end > I);
}

/* A CIN plan, S47 or CP plan of e started on `start`. */
static void work_started(aa_episode *e, csc_date start)
{
	if (start != CSC_NODATE && (e->work_last == CSC_NODATE || start > e->work_last))
		e->work_last = start;
}

/* An assessment or CIN plan (start, end in columns `start` and `end`):
 * its episode has work, and the flag at `open` of the episode is set when
 * it is open at I (an assessment not authorised by then). */
static void sub_open(aa_data *d, const tx_fields *f, int start_col, int end_col, size_t open)
{
	int e = episode_of(d, f);
	if (e < 0)
		return;
	d->ep[e].work = 1;
	csc_date start = tx_f_date(f, start_col);
	if (open_at(start, tx_f_date(f, end_col), d->I))
		*(int *)((char *)&d->ep[e] + open) = 1;
	if (open == offsetof(aa_episode, cin_plan_open))
		work_started(&d->ep[e], start);
}

static void rd_cin_asm(void *ctx, const tx_fields *f)
{
	sub_open(ctx, f, CSC_AS_START_DATE, CSC_AS_AUTHORISATION_DATE,
		 offsetof(aa_episode, open_assessment));
}

static void rd_cin_plan(void *ctx, const tx_fields *f)
{
	sub_open(ctx, f, CSC_PL_START_DATE, CSC_PL_END_DATE, offsetof(aa_episode, cin_plan_open));
}

static void rd_cin_s47(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	int e = episode_of(d, f);
	if (e < 0)
		return;
	aa_s47 *s = tx_push(&d->s47, &d->ns47, &d->caps47, sizeof *s);
	s->child = d->ep[e].child;
	s->episode = e;
	s->start = tx_f_date(f, CSC_S47_START_DATE);
	s->icpc = tx_f_date(f, CSC_S47_ICPC_DATE);
	s->not_required =
		*f->v[CSC_S47_ICPC_NOT_REQUIRED] ? tx_f_bool(f, CSC_S47_ICPC_NOT_REQUIRED) : -1;
	d->ep[e].work = 1;
	work_started(&d->ep[e], s->start);
}

static void rd_cin_cpp(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	int e = episode_of(d, f);
	if (e < 0)
		return;
	char k[AA_KEY_MAX];
	if (aa_key(k, sizeof k, f, 3))
		return;
	if (tx_intern(&d->cppkey, k) != d->ncpp) {
		csc_error_at(f->file, f->line, "child %.40s plan %.10s staged twice", f->v[0], f->v[2]);
		*f->failed = 1;
		return;
	}
	aa_cpp *c = tx_push(&d->cpp, &d->ncpp, &d->capcpp, sizeof *c);
	c->child = d->ep[e].child;
	c->episode = e;
	c->start = tx_f_date(f, CSC_CPP_START_DATE);
	c->end = tx_f_date(f, CSC_CPP_END_DATE);
	c->review = CSC_NODATE;
	copy(c->initial, sizeof c->initial, f->v[CSC_CPP_INITIAL_CATEGORY]);
	copy(c->latest, sizeof c->latest, f->v[CSC_CPP_LATEST_CATEGORY]);
	c->previous = tx_f_long(f, CSC_CPP_PREVIOUS_CPP, -1);
	d->ep[e].work = 1;
	work_started(&d->ep[e], c->start);
	if (open_at(c->start, c->end, d->I))
		d->ep[e].cp_open = 1;
}

static void rd_cin_rev(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	char k[AA_KEY_MAX];
	if (aa_key(k, sizeof k, f, 3))
		return;
	int n = d->cppkey.n, i = tx_intern(&d->cppkey, k);
	if (i >= n) {
		csc_error_at(f->file, f->line, "child %.40s plan %.10s is not in cin_cpp.csv",
			     f->v[0], f->v[2]);
		*f->failed = 1;
		return;
	}
	csc_date r = tx_f_date(f, CSC_RV_REVIEW_DATE);
	if (r != CSC_NODATE && r <= d->I && r > d->cpp[i].review)
		d->cpp[i].review = r;
}

static const char *const h_cols[] = {"CHILD", "SEX", "DOB", "ETHNIC", NULL};
static void h_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	aa_p903 *p = aa_p903_get(d, aa_child(d, f->v[0]));
	copy(p->h_sex, sizeof p->h_sex, f->v[1]);
	p->h_dob = tx_f_date(f, 2);
	copy(p->h_eth, sizeof p->h_eth, f->v[3]);
}

static const char *const e_cols[] = {"CHILD", "DECOM", "LS", "DEC", "RNE", "CIN", "PLACE",
	"PLACE_PROVIDER", "REC", "PL_POST", "URN", NULL};
static void e_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	int ci = aa_child(d, f->v[0]);
	aa_p903 *p = aa_p903_get(d, ci);
	csc_date s = tx_f_date(f, 1), e = tx_f_date(f, 3);
	const char *ls = f->v[2];
	/* short breaks are not care (ANNEX-A.md section 0, Care) */
	if (!strcmp(ls, "V3") || !strcmp(ls, "V4"))
		return;
	if (open_at(s, e, d->I))
		p->looked_after = 1;
	/* overlaps W6: starts by I and ends, if at all, on or after I - 6 months */
	if ((!strcmp(ls, "L1") || !strcmp(ls, "L2")) && s != CSC_NODATE && s <= d->I &&
	    (e == CSC_NODATE || e >= d->w6))
		p->epo_w6 = 1;
	if (s == CSC_NODATE)
		return;
	aa_lac *l = tx_push(&d->lac, &d->nlac, &d->caplac, sizeof *l);
	l->child = ci;
	l->line = f->line;
	l->decom = s;
	l->dec = e;
	copy(l->ls, sizeof l->ls, ls);
	copy(l->rne, sizeof l->rne, f->v[4]);
	copy(l->cin, sizeof l->cin, f->v[5]);
	copy(l->place, sizeof l->place, f->v[6]);
	copy(l->provider, sizeof l->provider, f->v[7]);
	copy(l->rec, sizeof l->rec, f->v[8]);
	copy(l->post, sizeof l->post, f->v[9]);
	copy(l->urn, sizeof l->urn, f->v[10]);
}

static const char *const r_cols[] = {"CHILD", "REVIEW", NULL};
static void r_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	int ci = aa_child(d, f->v[0]);
	csc_date r = tx_f_date(f, 1);
	if (r == CSC_NODATE)
		return;
	aa_review *v = tx_push(&d->rev, &d->nrev, &d->caprev, sizeof *v);
	v->child = ci;
	v->date = r;
}

static const char *const u_cols[] = {"CHILD", "DUC", NULL};
static void u_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	int ci = aa_child(d, f->v[0]);
	csc_date duc = tx_f_date(f, 1);
	aa_p903 *p = aa_p903_get(d, ci);
	p->uasc_any = 1;
	if (duc == CSC_NODATE || duc >= d->w12)
		p->uasc_12m = 1;
}

static const char *const m_cols[] = {"CHILD", "MISSING", "MIS_START", NULL};
static void m_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	int ci = aa_child(d, f->v[0]);
	csc_date s = tx_f_date(f, 2);
	if (s == CSC_NODATE || s < d->w12 || s > d->I)
		return;
	if (!strcmp(f->v[1], "M"))
		aa_p903_get(d, ci)->missing_12m++;
	else if (!strcmp(f->v[1], "A"))
		aa_p903_get(d, ci)->absent_12m++;
}

/* OC3 is a row per collection year; files are read oldest first, so the
 * last row read is the latest. */
static const char *const oc3_cols[] = {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM", NULL};
static void oc3_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	aa_p903 *p = aa_p903_get(d, aa_child(d, f->v[0]));
	p->oc3 = 1;
	p->oc3_dob = tx_f_date(f, 1);
	copy(p->in_touch, sizeof p->in_touch, f->v[2]);
	copy(p->activ, sizeof p->activ, f->v[3]);
	copy(p->accom, sizeof p->accom, f->v[4]);
}

static const char *const pa_cols[] = {"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED",
	"REASON_PLACED_CEASED", NULL};
static void pa_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	aa_adopt *a = tx_push(&d->adopt, &d->nadopt, &d->capadopt, sizeof *a);
	a->child = aa_child(d, f->v[0]);
	a->line = f->line;
	a->decision = tx_f_date(f, 1);
	a->ceased = tx_f_date(f, 2);
	a->match = CSC_NODATE;
	copy(a->reason, sizeof a->reason, f->v[3]);
}

static const char *const ad1_cols[] = {"CHILD", "DATE_INT", "DATE_MATCH", NULL};
static void ad1_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	aa_adopt *a = tx_push(&d->adopt, &d->nadopt, &d->capadopt, sizeof *a);
	a->child = aa_child(d, f->v[0]);
	a->line = f->line;
	a->ad1 = 1;
	a->decision = tx_f_date(f, 1);
	a->match = tx_f_date(f, 2);
	a->ceased = CSC_NODATE;
}

static const char *const sw_cols[] = {"CHILD", "SW_ID", "SW_DECOM", "SW_DEC", NULL};
static void sw_row(void *ctx, const tx_fields *f)
{
	aa_data *d = ctx;
	aa_p903 *p = aa_p903_get(d, aa_child(d, f->v[0]));
	csc_date s = tx_f_date(f, 2);
	if (open_at(s, tx_f_date(f, 3), d->I) && (!*p->sw_id || s > p->sw_from)) {
		copy(p->sw_id, sizeof p->sw_id, f->v[1]);
		p->sw_from = s;
	}
}

static int by_child_decom(const void *a, const void *b)
{
	const aa_lac *x = a, *y = b;
	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	if (x->decom != y->decom)
		return x->decom < y->decom ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int by_child_date(const void *a, const void *b)
{
	const aa_review *x = a, *y = b;
	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	return x->date < y->date ? -1 : x->date > y->date;
}

static int by_child_decision(const void *a, const void *b)
{
	const aa_adopt *x = a, *y = b;
	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	if (x->ad1 != y->ad1)
		return x->ad1 - y->ad1;
	if (x->decision != y->decision)
		return x->decision < y->decision ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Read in csc_cin_stage.h's order: episodes before their sub-records,
 * plans before their reviews. */
static const tx_row_fn cin_rows[CSC_CIN_NFILES] = {
	[CSC_CIN_CHILDREN] = rd_cin_child, [CSC_CIN_EPISODES] = rd_cin_ep,
	[CSC_CIN_ASSESSMENTS] = rd_cin_asm, [CSC_CIN_PLANS] = rd_cin_plan,
	[CSC_CIN_S47] = rd_cin_s47, [CSC_CIN_CPP] = rd_cin_cpp,
	[CSC_CIN_REVIEWS] = rd_cin_rev,
};
static const tx_table t903[] = {
	{"ssda903_header.csv", h_cols, h_row},
	{"ssda903_episodes.csv", e_cols, e_row},
	{"ssda903_reviews.csv", r_cols, r_row},
	{"ssda903_uasc.csv", u_cols, u_row},
	{"ssda903_missing.csv", m_cols, m_row},
	{"ssda903_socialworker.csv", sw_cols, sw_row},
	{"ssda903_oc3.csv", oc3_cols, oc3_row},
	{"ssda903_placedadoption.csv", pa_cols, pa_row},
	{"ssda903_ad1.csv", ad1_cols, ad1_row},
};

/* 1 when the first table of the input is staged (the input was read). */
static int staged(const char *dir, const char *file)
{
	char *p = csc_path_join(dir, file);
	int r = tx_file_exists(p);
	free(p);
	return r;
}

/* Which inputs are staged, by the first table each stages. */
static void which(aa_data *d, const char *dir)
{
	const char *const first[CSC_NINPUTS] = {
		[CSC_IN_CIN] = csc_cin_stage[CSC_CIN_CHILDREN].file,
		[CSC_IN_903] = t903[0].file,
		[CSC_IN_CONTACTS] = "contacts.csv",
		[CSC_IN_EH] = "early_help.csv",
	};
	for (int i = 0; i < CSC_NINPUTS; i++)
		d->has[i] = staged(dir, first[i]);
}

int aa_staged_any(const char *dir)
{
	aa_data d;
	memset(&d, 0, sizeof d);
	which(&d, dir);
	for (int i = 0; i < CSC_NINPUTS; i++)
		if (d.has[i])
			return 1;
	return 0;
}

int aa_load(aa_data *d, const char *dir)
{
	which(d, dir);
	if (d->has[CSC_IN_CIN] && tx_read_cin(dir, cin_rows, d))
		return -1;
	/* SSDA903 tables of an older collection (no SocialWorker) may be
	 * absent: each is read when staged */
	for (size_t i = 0; d->has[CSC_IN_903] && i < sizeof t903 / sizeof t903[0]; i++)
		if (staged(dir, t903[i].file) && tx_read_tables(dir, &t903[i], 1, d))
			return -1;
	/* multi-year dumps hold a child's episodes in several files */
	if (d->nlac)
		qsort(d->lac, (size_t)d->nlac, sizeof *d->lac, by_child_decom);
	if (d->nrev)
		qsort(d->rev, (size_t)d->nrev, sizeof *d->rev, by_child_date);
	if (d->nadopt)
		qsort(d->adopt, (size_t)d->nadopt, sizeof *d->adopt, by_child_decision);
	return 0;
}

void aa_data_free(aa_data *d)
{
	for (int i = 0; i < d->npeople; i++)
		free(d->people[i].supp);
	tx_strtab_free(&d->ids);
	tx_strtab_free(&d->epkey);
	tx_strtab_free(&d->cppkey);
	free(d->people);
	free(d->p903);
	free(d->ep);
	free(d->cpp);
	free(d->s47);
	free(d->lac);
	free(d->rev);
	free(d->adopt);
	memset(d, 0, sizeof *d);
}
