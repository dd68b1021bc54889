/*
 * aa_lists.c - the table of Annex A lists and the row builders of the
 * lists built so far (ANNEX-A.md section 1).
 *
 * Adding a list:
 *   1. write its row builder below (or in a file of its own when it needs
 *      more than a screen): static int lN_rows(aa_sheet *, aa_data *,
 *      const char *staging_dir), aa_data *d. It calls aa_row() before each row and the
 *      aa_* cell writers with the column's position in the headers;
 *   2. derived columns go into aa_derive.c as pure functions with a
 *      hand-worked test in tests/unit/test_annexa_derive.c;
 *   3. anything it needs from staging that aa_data lacks goes into
 *      aa_data.c (per child, never per contact);
 *   4. set .rows in its table entry; remove from .ni any column it now
 *      fills. The headers never change: they are Ofsted's, checked against
 *      ANNEX-A.md by tests/e2e/annexa_lists.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aa_checks.h"
#include "aa_derive.h"
#include "aa_lists.h"
#include "aa_values.h"
#include "csc_diag.h"
#include "csc_out.h"

#define AA_P "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age"
#define AA_DIS "Does the Child have a Disability"
#define AA_W "Allocated Team", "Allocated Worker"

/* The lists streamed from one staging table row by row (1, 2, 4). */
struct stream_ctx {
	aa_sheet *s;
	aa_data *d;
};

/* Read staging table `file` of dir through fn; 0, or -1 (reported). */
static int stream(aa_sheet *s, aa_data *d, const char *dir, const char *file,
		  const char *const *cols, tx_row_fn fn)
{
	struct stream_ctx c = {s, d};
	char *p = csc_path_join(dir, file);
	int rc = tx_read_table(p, cols, fn, &c);
	free(p);
	return rc || s->full ? -1 : 0;
}

/* ---- List 1: contacts, streamed from contacts.csv ---- */

static const char *const l1_cols[] = {"contact_id", "child", "gender", "ethnicity", "dob",
	"contact_date", "source", NULL};

static void l1_row(void *ctx, const tx_fields *f)
{
	struct stream_ctx *c = ctx;
	aa_data *d = c->d;
	csc_date dob = tx_f_date(f, 4), when = tx_f_date(f, 5);
	/* a child no other input knows is not kept: its row has its details
	 * and nothing else reads them (memory grows with the children of CIN,
	 * SSDA903 and early help, not with every contact's) */
	int child = tx_find(&d->ids, f->v[1]);
	aa_person *p = child >= 0 ? &d->people[child] : NULL;
	/* the child's latest contact's details, for the early-help list */
	if (p && *f->v[2] && strlen(f->v[2]) < sizeof p->cl_sex)
		strcpy(p->cl_sex, f->v[2]);
	if (p && *f->v[3] && strlen(f->v[3]) < sizeof p->cl_eth)
		strcpy(p->cl_eth, f->v[3]);
	if (p && dob != CSC_NODATE)
		p->cl_dob = dob;
	if (when == CSC_NODATE || when < d->w6 || when > d->I || c->s->full)
		return;
	if (aa_row(c->s))
		return;
	aa_person_cells(c->s, 0, d, f->v[1], child, f->v[2], f->v[3], dob);
	aa_date(c->s, 5, when);
	aa_code(c->s, 6, "source", f->v[6]);
}

static const char *const eh_child_cols[] = {"child", NULL};
static void eh_child(void *ctx, const tx_fields *f)
{
	struct stream_ctx *c = ctx;
	aa_child(c->d, f->v[0]);
}

static int l1_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	/* List 1 keeps in d the contact details of the children List 2 will
	 * need: the early-help children are known first */
	if (d->has[CSC_IN_CONTACTS] && d->has[CSC_IN_EH] && stream(s, d, dir, "early_help.csv", eh_child_cols, eh_child))
		return -1;
	return d->has[CSC_IN_CONTACTS] ? stream(s, d, dir, "contacts.csv", l1_cols, l1_row) : 0;
}

/* ---- List 2: early help, streamed from early_help.csv ---- */

static const char *const l2_cols[] = {"child", "assessment_start", "assessment_completion",
	"organisation", "end_date", NULL};

static int in_window(csc_date x, csc_date from, csc_date I)
{
	return x != CSC_NODATE && x >= from && x <= I;
}

static void l2_row(void *ctx, const tx_fields *f)
{
	struct stream_ctx *c = ctx;
	aa_data *d = c->d;
	csc_date start = tx_f_date(f, 1), done = tx_f_date(f, 2), end = tx_f_date(f, 4);
	/* open at I: started by I (or no start recorded), not ended by I */
	int open = (start == CSC_NODATE || start <= d->I) && (end == CSC_NODATE || end > d->I);
	if (!(in_window(start, d->w6, d->I) || in_window(done, d->w6, d->I) || open) || c->s->full)
		return;
	if (aa_row(c->s))
		return;
	int child = aa_child(d, f->v[0]);
	const aa_person *p = &d->people[child];
	aa_person_cells(c->s, 0, d, f->v[0], child, p->cl_sex, p->cl_eth, p->cl_dob);
	if (start != CSC_NODATE && start <= d->I)
		aa_date(c->s, 5, start);
	if (done != CSC_NODATE && done <= d->I)
		aa_date(c->s, 6, done);
	aa_text(c->s, 7, f->v[3]);
}

static int l2_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	return d->has[CSC_IN_EH] ? stream(s, d, dir, "early_help.csv", l2_cols, l2_row) : 0;
}

/* The end of the run of records of child ep[i].child starting at i (CIN
 * staging keeps each child's rows together). */
static int ep_run(const aa_data *d, int i)
{
	int j = i;
	while (j < d->nep && d->ep[j].child == d->ep[i].child)
		j++;
	return j;
}

static int cpp_run(const aa_data *d, int i)
{
	int j = i;
	while (j < d->ncpp && d->cpp[j].child == d->cpp[i].child)
		j++;
	return j;
}

static void person(aa_sheet *s, const aa_data *d, int child)
{
	aa_person_cells(s, 0, d, d->ids.s[child], child, NULL, NULL, CSC_NODATE);
}

/* ---- List 3: referrals ---- */

static int l3_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	(void)dir;
	csc_date *r = NULL;
	int cap = 0;
	for (int i = 0; i < d->nep;) {
		int end = ep_run(d, i), n = end - i;
		if (n > cap) {
			cap = n;
			r = csc_xrealloc(r, (size_t)cap * sizeof *r);
		}
		for (int k = 0; k < n; k++)
			r[k] = d->ep[i + k].referral;
		for (int k = 0; k < n; k++) {
			const aa_episode *e = &d->ep[i + k];
			if (!in_window(e->referral, d->w6, d->I))
				continue;
			if (aa_row(s))
				break;
			person(s, d, e->child);
			aa_date(s, 5, e->referral);
			aa_code(s, 6, "source", e->source);
			aa_yn(s, 7, e->nfa);
			aa_count(s, 8, aa_count_12m(r, n, k));
		}
		i = end;
	}
	free(r);
	return s->full ? -1 : 0;
}

/* ---- List 4: assessments, streamed from cin_assessments.csv (every
 * column of its definition, csc_cin_stage.h) ---- */

static void l4_row(void *ctx, const tx_fields *f)
{
	struct stream_ctx *c = ctx;
	aa_data *d = c->d;
	csc_date start = tx_f_date(f, CSC_AS_START_DATE), auth = tx_f_date(f, CSC_AS_AUTHORISATION_DATE);
	if (!aa_list4_holds(start, auth, d->I, d->w6) || c->s->full)
		return;
	char k[AA_KEY_MAX];
	if (aa_key(k, sizeof k, f, 2))
		return;
	int e = tx_intern(&d->epkey, k);
	if (e >= d->nep) { /* tx_intern adds a missing key: compare with d->ep's size */ /* aa_load checked every assessment's episode */
		csc_error_at(f->file, f->line, "child %.40s episode %.10s is not in cin_episodes.csv",
			     f->v[0], f->v[1]);
		*f->failed = 1;
		return;
	}
	if (aa_row(c->s))
		return;
	const aa_episode *ep = &d->ep[e];
	person(c->s, d, ep->child);
	aa_yn(c->s, 5, d->people[ep->child].cin_dis);
	aa_date(c->s, 6, start);
	if (auth != CSC_NODATE && auth <= d->I)
		aa_date(c->s, 8, auth);
	aa_yn(c->s, 9, aa_requires_support(auth, f->v[CSC_AS_FACTORS], ep, d->I));
}

static int l4_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	const csc_cin_stagedef *as = &csc_cin_stage[CSC_CIN_ASSESSMENTS];
	return d->has[CSC_IN_CIN] ? stream(s, d, dir, as->file, as->cols, l4_row) : 0;
}

/* ---- List 5: section 47 enquiries ---- */

/* The row of enquiry k, the child's kk-th; starts[] (n) and icpcs[] (m)
 * are the child's enquiry starts and ICPC dates, cpp[c0, c1) its plans. */
static void l5_row(aa_sheet *s, aa_data *d, int k, int kk, const csc_date *starts, int n,
		   const csc_date *icpcs, int m, int c0, int c1)
{
	const aa_s47 *q = &d->s47[k];
	person(s, d, q->child);
	aa_yn(s, 5, d->people[q->child].cin_dis);
	aa_date(s, 6, q->start);
	int icpc = q->icpc != CSC_NODATE && q->icpc <= d->I;
	aa_yn(s, 7, q->not_required == 1 ? 1 : q->not_required == 0 && icpc ? 0 : -1);
	if (icpc) {
		aa_date(s, 8, q->icpc);
		int plan = 0;
		for (int c = c0; c < c1 && !plan; c++)
			plan = d->cpp[c].episode == q->episode && d->cpp[c].start == q->icpc;
		aa_yn(s, 9, plan);
		if (plan)
			aa_checks_need(s, 7, "the ICPC resulted in a child protection plan");
	}
	aa_count(s, 10, aa_count_12m(starts, n, kk));
	aa_count(s, 11, aa_icpcs_12m(icpcs, m, q->start));
}

static int l5_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	(void)dir;
	csc_date *starts = NULL, *icpcs = NULL;
	int cap = 0, ei = 0, ci = 0;
	for (int i = 0; i < d->ns47 && !s->full;) {
		int child = d->s47[i].child, end = i;
		while (end < d->ns47 && d->s47[end].child == child)
			end++;
		while (ei < d->nep && d->ep[ei].child < child)
			ei++;
		int ee = ei < d->nep && d->ep[ei].child == child ? ep_run(d, ei) : ei;
		while (ci < d->ncpp && d->cpp[ci].child < child)
			ci++;
		int ce = ci < d->ncpp && d->cpp[ci].child == child ? cpp_run(d, ci) : ci;
		int n = end - i, m = n + (ee - ei);
		if (m > cap) {
			cap = m;
			starts = csc_xrealloc(starts, (size_t)cap * sizeof *starts);
			icpcs = csc_xrealloc(icpcs, (size_t)cap * sizeof *icpcs);
		}
		for (int k = 0; k < n; k++) {
			starts[k] = d->s47[i + k].start;
			icpcs[k] = d->s47[i + k].icpc;
		}
		for (int k = ei; k < ee; k++)
			icpcs[n + k - ei] = d->ep[k].icpc;
		for (int k = 0; k < n; k++) {
			const aa_s47 *q = &d->s47[i + k];
			if (!aa_list5_holds(q, &d->ep[q->episode], d->I, d->w6))
				continue;
			if (aa_row(s))
				break;
			l5_row(s, d, i + k, k, starts, n, icpcs, m, ci, ce);
		}
		i = end;
	}
	free(starts);
	free(icpcs);
	return s->full ? -1 : 0;
}

/* ---- List 6: children in need ---- */

static int l6_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	(void)dir;
	for (int i = 0; i < d->nep;) {
		int end = ep_run(d, i);
		const aa_episode *best = NULL;
		for (int k = i; k < end; k++)
			if (aa_list6_holds(&d->ep[k], d->I, d->w6) &&
			    (!best || aa_list6_better(&d->ep[k], best, d->I)))
				best = &d->ep[k];
		int cp = 0;
		for (int k = i; k < end; k++)
			cp |= d->ep[k].cp_open;
		i = end;
		if (!best)
			continue;
		if (aa_row(s))
			break;
		const aa_person *p = &d->people[best->child];
		person(s, d, best->child);
		aa_yn(s, 5, p->cin_dis);
		aa_date(s, 6, best->referral);
		aa_coded(s, 7, aa_need, best->need);
		if (best->closure != CSC_NODATE && best->closure <= d->I) {
			aa_date(s, 9, best->closure);
			aa_coded(s, 10, aa_closure, best->reason);
		}
		const char *status = aa_case_status(best, aa_p903_of(d, best->child)->looked_after, cp,
						    d->I);
		aa_text(s, 11, status);
		if (status[0] == 'a')
			aa_checks_need(s, 8, "Case Status a) Looked after child");
		else if (status[0] == 'b')
			aa_checks_need(s, 7, "Case Status b) Child Protection plan");
	}
	return s->full ? -1 : 0;
}

/* ---- List 7: child protection ---- */

static int l7_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	(void)dir;
	for (int i = 0; i < d->ncpp;) {
		int end = cpp_run(d, i);
		const aa_cpp *best = NULL;
		for (int k = i; k < end; k++)
			if (aa_list7_holds(&d->cpp[k], d->I, d->w6) &&
			    (!best || d->cpp[k].start > best->start))
				best = &d->cpp[k];
		if (best) {
			if (aa_row(s))
				break;
			const aa_person *p = &d->people[best->child];
			person(s, d, best->child);
			aa_yn(s, 5, p->cin_dis);
			aa_date(s, 6, best->start);
			aa_coded(s, 7, aa_abuse, best->initial);
			aa_coded(s, 8, aa_abuse, best->latest);
			aa_date(s, 11, best->review);
			if (best->end != CSC_NODATE && best->end <= d->I)
				aa_date(s, 12, best->end);
			else
				aa_checks_need(s, 6, "a child protection plan open at the inspection date");
			/* no SSDA903 staged: unknown, not No */
			aa_yn(s, 13, d->has[CSC_IN_903] ? aa_p903_of(d, best->child)->epo_w6 : -1);
			aa_count(s, 14, aa_previous_plans(best, &d->cpp[i], end - i));
		}
		i = end;
	}
	return s->full ? -1 : 0;
}

/* ---- List 8: children in care ---- */

static int l8_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	(void)dir;
	int rv = 0; /* reviews are sorted by child as the episodes are */
	for (int i = 0; i < d->nlac;) {
		int child = d->lac[i].child, end = i;
		while (end < d->nlac && d->lac[end].child == child)
			end++;
		aa_care q;
		int listed = aa_care_of(&d->lac[i], end - i, d->I, d->w6, d->w12, &q);
		const aa_lac *e = listed ? &d->lac[i + q.e] : NULL;
		i = end;
		while (rv < d->nrev && d->rev[rv].child < child)
			rv++;
		csc_date review = CSC_NODATE;
		for (; rv < d->nrev && d->rev[rv].child == child; rv++)
			if (listed && d->rev[rv].date >= q.start && d->rev[rv].date <= d->I)
				review = d->rev[rv].date;
		if (!listed)
			continue;
		if (aa_row(s))
			break;
		const aa_person *p = &d->people[child];
		person(s, d, child);
		const aa_p903 *h = aa_p903_of(d, child);
		aa_yn(s, 5, h->uasc_12m);
		aa_yn(s, 6, p->cin_dis);
		aa_date(s, 7, q.start);
		aa_coded(s, 8, aa_need, e->cin);
		aa_yn(s, 9, q.second);
		aa_date(s, 10, q.ls_start);
		aa_coded(s, 11, aa_legal, e->ls);
		aa_date(s, 12, review);
		aa_count(s, 18, q.placements_12m);
		if (q.ceased != CSC_NODATE) {
			aa_date(s, 19, q.ceased);
			aa_coded(s, 20, aa_reason_ceased, e->rec);
		}
		aa_date(s, 21, q.placement);
		aa_coded(s, 22, aa_place, e->place);
		aa_coded(s, 23, aa_provider, e->provider);
		aa_text(s, 24, e->post);
		aa_text(s, 25, e->urn);
		aa_count(s, 28, h->missing_12m);
		aa_count(s, 29, h->absent_12m);
		aa_text(s, 33, h->sw_id);
	}
	return s->full ? -1 : 0;
}

/* ---- the table ---- */

static const char *const h1[] = {AA_P, "Date of Contact", "Contact Source", NULL};
static const char *const h2[] = {AA_P, "Assessment start date", "Assessment completion date",
	"Organisation completing assessment", NULL};
static const char *const h3[] = {AA_P, "Date of Referral", "Referral Source", "Referral NFA?",
	"Number of Referrals in Last 12 Months", AA_W, NULL};
static const char *const h4[] = {AA_P, AA_DIS, "Continuous Assessment Start Date",
	"Child Seen During Continuous Assessment", "Continuous Assessment Date of Authorisation",
	"Was the child assessed as requiring LA children's social care support?", AA_W, NULL};
static const char *const h5[] = {AA_P, AA_DIS,
	"Strategy discussion initiating Section 47 Enquiry Start Date",
	"Was an Initial Child Protection Conference deemed unnecessary?",
	"Date of Initial Child Protection Conference",
	"Did the Initial Child Protection Conference Result in a Child Protection Plan",
	"Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
	AA_W, NULL};
static const char *const h6[] = {AA_P, AA_DIS, "CIN Start Date", "Primary Need Code",
	"Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure", "Case Status", AA_W, NULL};
static const char *const h7[] = {AA_P, AA_DIS, "Child Protection Plan Start Date",
	"Initial Category of Abuse", "Latest Category of Abuse", "Date of the Last Statutory Visit",
	"Was the Child Seen Alone?", "Date of latest review conference",
	"Child Protection Plan End Date",
	"Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
	"Number of Previous Child Protection Plans", AA_W, NULL};
static const char *const h8[] = {AA_P,
	"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", AA_DIS,
	"Date Started to be Looked After", "Child's Category of Need",
	"Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
	"Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review",
	"Date of Last Social Work Visit", "What is the permanence plan for this child?",
	"Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
	"Date of Last Dental Check", "Number of Placements in the Last 12 months",
	"Date Ceased to be Looked After", "Reason Ceased to be Looked After",
	"Start Date of Most Recent Placement", "Placement Type", "Placement Provider",
	"Placement postcode", "URN of Placement", "Placement Location", "LA of Placement",
	"Number of Episodes the Child has been \xE2\x80\x98Missing\xE2\x80\x99 from their Placement in the last 12 months",
	"Number of Episodes the Child has been \xE2\x80\x98" "Absent\xE2\x80\x99 from their Placement in the last 12 months",
	"Was the child offered a Return Interview after their last missing episode (Y/N)?",
	"Did the child accept a Return Interview after their last missing episode (Y/N)?", AA_W, NULL};
static const char *const h9[] = {AA_P,
	"Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", AA_DIS,
	AA_W, "Allocated Personal Advisor", "Eligibility Category", "Latest Pathway Plan Review Date",
	"LA in Touch", "Latest Date of Contact", "Type of Accommodation",
	"Suitability of Accommodation", "Activity Status", NULL};
static const char *const h10[] = {"Child Unique ID", "Family identifier", "Gender", "Ethnicity",
	"Date of Birth", "Age of Child (Years)", AA_DIS, "Date the Child Entered Care",
	"Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order",
	"Date of Matching Child and Prospective Adopters", "Date Placed for Adoption",
	"Date of Adoption Order", "Date of Decision that Child Should No Longer be Placed for Adoption",
	"Reason Why Child No Longer Placed for Adoption",
	"Date the child was placed for fostering in FFA or concurrent planning placement", NULL};
static const char *const h11[] = {"Individual adopter identifier", "Family identifier", "Gender",
	"Ethnicity", "Disability", "Is the (prospective) adopter fostering for adoption?",
	"Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended", "Date Stage 2 started",
	"Date Stage 2 ended", "Date application submitted", "Date application approved",
	"Date adopter matched with child(ren)", "Date child/children placed with adopter(s)",
	"No. of children placed", "Date of Adoption Order", "Date of leaving adoption process",
	"Reason for leaving adoption process", NULL};

/* n/i in ANNEX-A.md: no input holds these. */
static const char *const ni_w[] = {AA_W, NULL};
static const char *const ni4[] = {"Child Seen During Continuous Assessment", AA_W, NULL};
static const char *const ni6[] = {"Date Child Was Last Seen", AA_W, NULL};
static const char *const ni7[] = {"Date of the Last Statutory Visit", "Was the Child Seen Alone?",
	AA_W, NULL};
static const char *const ni8[] = {"Date of Last Social Work Visit",
	"What is the permanence plan for this child?", "Date of Last IRO Visit / Contact to the Child",
	"Date of Last Health Assessment", "Date of Last Dental Check", "Placement Location",
	"LA of Placement",
	"Was the child offered a Return Interview after their last missing episode (Y/N)?",
	"Did the child accept a Return Interview after their last missing episode (Y/N)?",
	"Allocated Team", NULL};
static const char *const ni9[] = {AA_W, "Allocated Personal Advisor",
	"Latest Pathway Plan Review Date", "Latest Date of Contact", NULL};
static const char *const ni10[] = {"Family identifier", NULL};
static const char *const none[] = {NULL};

const aa_list aa_lists[AA_NLISTS] = {
	{1, "List 1", "Contacts", 6, "contacts received in the window", h1, none,
	 "contacts.csv", l1_rows},
	{2, "List 2", "Early help", 6,
	 "early-help assessments started or completed in the window, and episodes open at the inspection date",
	 h2, none, "early_help.csv (person details from contacts, CIN, SSDA903)", l2_rows},
	{3, "List 3", "Referrals", 6, "referrals (CINdetails) dated in the window", h3, ni_w,
	 "cin_episodes.csv", l3_rows},
	{4, "List 4", "Assessments", 6, "assessments authorised in the window or not authorised by the inspection date", h4, ni4,
	 "cin_assessments.csv, cin_episodes.csv and its plans, s47 and cpp", l4_rows},
	{5, "List 5", "Section 47 enquiries", 6,
	 "section 47 enquiries started in the window, or earlier and undecided at its start",
	 h5, ni_w, "cin_s47.csv, cin_episodes.csv, cin_cpp.csv", l5_rows},
	{6, "List 6", "Children in need", 6,
	 "children receiving services at the inspection date or in the window, one row per child", h6,
	 ni6, "cin_episodes.csv and sub-records, ssda903_episodes.csv", l6_rows},
	{7, "List 7", "Child protection", 6,
	 "child protection plans open at the inspection date or in the window, one row per child", h7,
	 ni7, "cin_cpp.csv, cin_cpp_reviews.csv, ssda903_episodes.csv", l7_rows},
	{8, "List 8", "Children in care", 6,
	 "looked after at the inspection date, or care ended in the window, one row per child", h8,
	 ni8, "ssda903 episodes, reviews, uasc, missing, socialworker; cin_children.csv", l8_rows},
	{9, "List 9", "Care leavers", 0, "care leavers entitled to services at the inspection date",
	 h9, ni9, "ssda903 episodes, header, oc3, uasc; cin_children.csv", aa_l9_rows},
	{10, "List 10", "Adoption", 12, "adoption decisions and adoptions in the window", h10, ni10,
	 "ssda903 placedadoption, ad1, episodes, header; cin_children.csv", aa_l10_rows},
	{11, "List 11", "Adopters", 12, "people in contact with the adoption agency (no input holds them)",
	 h11, h11, "none", NULL},
};

int aa_list_ncols(const aa_list *l)
{
	int n = 0;
	while (l->headers[n])
		n++;
	return n;
}
