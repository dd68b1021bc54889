/*
 * gen_sim.c - the life of one simulated child at the front door and beyond.
 *
 * A child "arrives" with its first contact. Its class (contacts only, child
 * in need, child protection, looked after, disabled with short breaks) is
 * drawn first and decides where its main referral leads; later referrals
 * follow the child-in-need paths. Arrivals of each class are spread evenly
 * over [start - lead, end] where the lead covers the longest history that
 * class can still have open in the dump (a child looked after at 0 can
 * still be looked after 18 years later), so the stock of open cases at the
 * start of the dump is already in steady state. Records are simulated with
 * their real dates and then cut at the extraction date (gen_censor): a date
 * after it becomes absent, a record starting after it disappears.
 *
 * The rates were tuned once (see tools/module.mk for the measured result):
 * P(contact -> referral) ~ 20 %, re-referrals within 12 months ~ 20 %,
 * assessments within 45 working days ~ 80 %, CP ~ 50 and CLA ~ 70 per
 * 10,000 with the population GEN_ARRIVAL_RATE implies, care leavers ~ 60 %
 * in education, employment or training; children in care in England's
 * shape (issue 17): long-term placement stability ~ 70 %, reviews on time
 * ~ 90 %, ~ 12.5 % of exits through a special guardianship order, about
 * 40 % of the children looked after on 31 March starting and as many
 * ceasing in the year (many go home within months), and ~ 24 % of the
 * protection plans starting in a year a second or subsequent plan.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "gen_codes.h"
#include "gen_model.h"
#include "validate/v_year.h"

enum cls { C_CONTACT, C_CIN, C_CP, C_CLA, C_SB, NCLS };

/* Share of arrivals per year, and lead in years (see above). */
static const struct {
	double share;
	int lead;
} classes[NCLS] = {
	[C_CONTACT] = {0.720, 2},
	[C_CIN] = {0.225, 3},
	[C_CP] = {0.034, 4},
	[C_CLA] = {0.021, 18},
	[C_SB] = {0.003, 12},
};

enum path { P_NFA, P_CLOSE, P_CINPLAN, P_S47, P_CP, P_CLA, P_SB };

csc_date gen_wd_add(const csc_calendar *cal, csc_date a, int n)
{
	if (csc_calendar_covers(cal, a)) {
		csc_date d = csc_wd_add(cal, a, n);
		if (d != CSC_NODATE)
			return d;
	}
	csc_date d = a;
	while (n > 0) {
		d++;
		if (csc_date_weekday(d) < 5)
			n--;
	}
	return d;
}

double gen_arrival_years(const gen_opts *o)
{
	double t = 0;
	for (int c = 0; c < NCLS; c++)
		t += classes[c].share * (classes[c].lead + o->years);
	return t;
}

typedef struct sim {
	const gen_opts *o;
	gen_rng r;
	gen_child *c;
	int cls;
	int ncpp_total;
	int again_cp;           /* the next referral leads to a protection plan again */
	int uasc;
	uint64_t k;             /* the child's number: unique */
} sim;

static int age_on(const sim *s, csc_date d)
{
	return csc_date_age(s->c->dob, d);
}

/* Move a weekend date to the Friday before. */
static csc_date weekday_before(csc_date d)
{
	int w = csc_date_weekday(d);
	return w == 5 ? d - 1 : w == 6 ? d - 2 : d;
}

static csc_date weekday_after(csc_date d)
{
	int w = csc_date_weekday(d);
	return w == 5 ? d + 2 : w == 6 ? d + 1 : d;
}

/* ---- CIN episode pieces ---- */

static void add_factors(sim *s, gen_assess *a, int no_factors)
{
	if (no_factors) {
		a->nfactors = 1;
		a->factor[0] = 255; /* "21" */
		return;
	}
	int n = gen_int(&s->r, 1, 3);
	for (int i = 0; i < n; i++) {
		int f = gen_pick_code(&s->r, gen_factors, gen_nfactors), dup = 0;
		for (int j = 0; j < a->nfactors; j++)
			dup |= a->factor[j] == f;
		if (!dup)
			a->factor[a->nfactors++] = (uint8_t)f;
	}
}

static gen_assess *assess(sim *s, gen_cin *e, csc_date from, int no_factors)
{
	if (e->nassess >= GEN_MAX_ASSESS)
		return NULL;
	gen_assess *a = &e->assess[e->nassess++];
	memset(a, 0, sizeof *a);
	a->start = gen_chance(&s->r, 0.5) ? from : gen_wd_add(s->o->cal, from, gen_int(&s->r, 1, 3));
	/* 80 % within 45 working days: the national average */
	int wd = gen_chance(&s->r, 0.80) ? gen_int(&s->r, 8, 45) : gen_int(&s->r, 46, 75);
	a->auth = gen_wd_add(s->o->cal, a->start, wd);
	a->review = gen_chance(&s->r, 0.25) ? gen_wd_add(s->o->cal, a->start, wd / 2 + 1) : CSC_NODATE;
	if (a->review != CSC_NODATE && a->review >= a->auth)
		a->review = CSC_NODATE;
	add_factors(s, a, no_factors);
	return a;
}

static void plan(gen_cin *e, csc_date a, csc_date b)
{
	if (e->nplans < GEN_MAX_PLANS)
		e->plan[e->nplans++] = (gen_span){a, b};
}

static gen_s47 *s47(sim *s, gen_cin *e, csc_date from)
{
	if (e->ns47 >= GEN_MAX_S47)
		return NULL;
	gen_s47 *q = &e->s47[e->ns47++];
	q->start = gen_chance(&s->r, 0.6) ? from : from + gen_int(&s->r, 1, 6);
	q->target = gen_wd_add(s->o->cal, q->start, 15);
	q->icpc = CSC_NODATE;
	q->not_required = 1;
	return q;
}

/* The review walk of MEASURES.md: first due 3 months after the start, then
 * 6 months after each review; most reviews are held a few days early. */
static void cp_reviews(sim *s, gen_cpp *p)
{
	csc_date due = csc_date_add_months(p->start, 3);
	p->nrev = 0;
	while (p->nrev < GEN_MAX_CPREV) {
		csc_date r = gen_chance(&s->r, 0.93) ? weekday_before(due - gen_int(&s->r, 0, 10))
						     : weekday_after(due + gen_int(&s->r, 1, 25));
		if (r <= p->start || r >= p->end)
			break;
		p->review[p->nrev++] = r;
		due = csc_date_add_months(r, 6);
	}
}

static int cp_length(sim *s)
{
	double u = gen_unif(&s->r);
	return u < 0.20 ? gen_int(&s->r, 60, 180) : u < 0.70 ? gen_int(&s->r, 181, 400)
		: u < 0.95 ? gen_int(&s->r, 401, 729) : gen_int(&s->r, 730, 1000);
}

/* Child protection plans that are a second or subsequent plan (HP07):
 * England about 23 % of the plans starting in a year (DfE, "Characteristics
 * of children in need"). A child whose first plan has ended is referred
 * again and given another plan with this chance, a month to about two and
 * a half years later (some of those referrals come after the dump's end or
 * the 18th birthday, and some conferences make no plan). */
#define GEN_SECOND_PLAN 0.42

static gen_cpp *cpp(sim *s, gen_cin *e, csc_date start, int days)
{
	if (e->ncpp >= GEN_MAX_CPP)
		return NULL;
	gen_cpp *p = &e->cpp[e->ncpp++];
	p->start = start;
	p->end = start + (days < 1 ? 1 : days);
	p->cat_initial = (uint8_t)gen_pick_code(&s->r, gen_abuse, gen_nabuse);
	p->cat_latest = gen_chance(&s->r, 0.85) ? p->cat_initial
						: (uint8_t)gen_pick_code(&s->r, gen_abuse, gen_nabuse);
	p->nprev = s->ncpp_total++;
	cp_reviews(s, p);
	return p;
}

/* ---- periods of care ---- */

static const char *const fostering[] = {"U1", "U2", "U3", "U4", "U5", "U6"};

/* A new placement for episode x, whose legal status is already set. */
static void place_new(sim *s, gen_epi *x, int age)
{
	double u = gen_unif(&s->r);
	const char *p;
	if (age >= 16 && u < 0.35)
		p = "H5";
	else if (age >= 11 && u < 0.55)
		p = gen_chance(&s->r, 0.85) ? "K2" : "R1";
	else if (u < 0.05 && (!strcmp(x->ls, "C1") || !strcmp(x->ls, "C2")))
		p = "P1"; /* placed with parents: only under a care order (rule 378) */
	else if (u >= 0.05 && u < 0.07)
		p = "Z1"; /* other placements: a few in every year's return */
	else
		p = fostering[gen_int(&s->r, 0, 5)];
	memcpy(x->place, p, 3);
	const char *prov;
	if (!strcmp(p, "P1"))
		prov = "PR0";
	else if (!strcmp(p, "Z1"))
		prov = ""; /* other placements carry no provider (rule 213) */
	else if (p[0] == 'U' && p[1] <= '3')
		prov = "PR1";
	else if (p[0] == 'U' || p[0] == 'K' || p[0] == 'R' || p[0] == 'H')
		prov = gen_chance(&s->r, 0.6) ? "PR4" : gen_chance(&s->r, 0.8) ? "PR1" : "PR5";
	else
		prov = "PR1";
	memcpy(x->prov, prov, strlen(prov) + 1); /* "" for Z1: not 4 bytes */
	/* Ofsted URNs: children's homes (K) and independent or agency foster
	 * carers have their own; the authority's own foster carers (PR1) are
	 * registered under its fostering service's URN (rule 218); a residential
	 * care home (R1) is no Ofsted provider and has none (rule 222). */
	x->urn = p[0] == 'K' || (p[0] == 'U' && prov[2] != '1') ? GEN_URN_OWN
		 : p[0] == 'U' ? GEN_URN_LA_FOSTERING : GEN_URN_NONE;
	x->post = (uint32_t)gen_next(&s->r);
}

static const char *legal_start(sim *s, int age)
{
	if (s->uasc)
		return "V2";
	static const char *const ls[] = {"V2", "C2", "L1", "L2", "J2", "C1"};
	static const double w[] = {38, 40, 8, 6, 2, 6};
	const char *l = ls[gen_pick(&s->r, w, 6)];
	/* PACE detention needs the age of criminal responsibility (rule 358);
	 * a younger child the police remove is in police protection */
	return !strcmp(l, "J2") && age < 10 ? "L1" : l;
}

/* Days an interim legal status lasts before it becomes a longer-term one:
 * police protection at most 72 hours (rule 361), an emergency protection
 * order 8 days plus a 7-day extension (rule 362 allows 21), PACE detention
 * a night or two (rule 364 allows 21), an interim care order months. */
static int interim_days(sim *s, const char *ls)
{
	if (!strcmp(ls, "L1"))
		return gen_int(&s->r, 1, 3);
	if (!strcmp(ls, "L2"))
		return gen_int(&s->r, 2, 15);
	if (!strcmp(ls, "J2"))
		return gen_int(&s->r, 1, 2);
	return gen_int(&s->r, 10, 200);
}

static gen_epi *epi_push(sim *s)
{
	gen_child *c = s->c;
	if (c->nepi >= GEN_MAX_EPI)
		return NULL;
	gen_epi *x = &c->epi[c->nepi++];
	memset(x, 0, sizeof *x);
	x->dec = CSC_NODATE;
	return x;
}

/* Close the current episode at d with rec, and open the next one with rne. */
static gen_epi *epi_next(sim *s, csc_date d, char rne)
{
	gen_child *c = s->c;
	gen_epi *prev = &c->epi[c->nepi - 1];
	gen_epi *x = epi_push(s);
	if (!x)
		return NULL;
	prev->dec = d;
	memcpy(prev->rec, "X1", 3);
	*x = *prev;
	x->decom = d;
	x->dec = CSC_NODATE;
	x->rec[0] = 0;
	x->rpc[0] = 0;
	x->rne = rne;
	if (rne == 'P' || rne == 'T' || rne == 'U' || rne == 'B') {
		static const char *const rpc[] = {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR",
						  "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "OTHER"};
		static const double w[] = {25, 5, 3, 4, 6, 8, 4, 10, 12, 15, 8};
		strcpy(prev->rpc, rpc[gen_pick(&s->r, w, 11)]);
	}
	return x;
}

/* Looked-after reviews (LA09): the measure passes a child only when every
 * review of the period of care was held by its due date, so a per-review
 * lateness compounds over a long stay (0.92 per review gave about 50 % of
 * children). England's share of children with reviews on time is about
 * 90 %; with the stays of this model that is 1 review in 100 held late,
 * measured on make sample's 70,000 children (88.6-90.5 % in every period
 * the packs show) once the bank holidays went back to 2000 and children
 * looked after since before 2015 were counted (1.5 in 100 gave 84-87 %). */
#define GEN_REVIEW_ON_TIME 0.99

static void review_walk(sim *s, csc_date start, csc_date end)
{
	gen_child *c = s->c;
	csc_date due = gen_wd_add(s->o->cal, start, 20);
	for (int k = 0; c->nrev < GEN_MAX_REVIEWS; k++) {
		csc_date r = gen_chance(&s->r, GEN_REVIEW_ON_TIME) ? weekday_before(due - gen_int(&s->r, 0, 12))
						     : weekday_after(due + gen_int(&s->r, 1, 30));
		if (r <= start || r >= end)
			break;
		c->review[c->nrev++] = r;
		due = csc_date_add_months(r, k == 0 ? 3 : 6);
	}
}

static void missing_in(sim *s, csc_date a, csc_date b)
{
	gen_child *c = s->c;
	if (age_on(s, b < a + 3650 ? b : a) < 11 || !gen_chance(&s->r, 0.25))
		return;
	csc_date t = a + gen_int(&s->r, 5, 120);
	while (t < b - 5 && c->nmiss < GEN_MAX_MISSING) {
		gen_missing *m = &c->miss[c->nmiss++];
		m->kind = gen_chance(&s->r, 0.85) ? 'M' : 'A';
		m->start = t;
		m->end = t + gen_int(&s->r, 0, 3);
		if (m->end >= b)
			m->end = b - 1;
		t = m->end + 1 + gen_int(&s->r, 10, 200);
	}
}

static void social_workers(sim *s, csc_date a, csc_date b)
{
	gen_child *c = s->c;
	csc_date t = a;
	while (c->nsw < GEN_MAX_SW) {
		gen_sw *w = &c->sw[c->nsw++];
		w->start = t;
		w->id = (uint32_t)gen_int(&s->r, 1000, 99999);
		w->end = t + gen_int(&s->r, 120, 600);
		/* the last slot runs to the end: a child looked after always has
		 * an allocated social worker (rules SW11b, SW17) */
		if (w->end >= b || c->nsw == GEN_MAX_SW) {
			w->end = b;
			w->reason = (uint8_t)gen_pick_code(&s->r, gen_sw_reasons, gen_nsw_reasons);
			break;
		}
		w->reason = (uint8_t)gen_pick_code(&s->r, gen_sw_reasons, gen_nsw_reasons);
		t = w->end;
	}
}

/* OC2 rows: every 31 March on which the child was looked after (the period
 * ends after it: the day of leaving is not a day looked after) in a period
 * begun on or before 1 April of the year before, i.e. looked after on every
 * day of the year. */
static void oc2_rows(sim *s, csc_date a, csc_date b)
{
	gen_child *c = s->c;
	int y, m, d;
	csc_date_ymd(a, &y, &m, &d);
	for (int yy = y + 1; c->noc2 < GEN_MAX_OC2; yy++) {
		csc_date census = csc_date_make(yy, 3, 31);
		if (census >= b)
			break;
		if (csc_date_add_months(census, -12) + 1 < a)
			continue;
		gen_oc2 *r = &c->oc2[c->noc2++];
		int age = age_on(s, census);
		r->census = census;
		r->sdq = -1;
		r->sdq_reason = 0;
		/* a score, or the reason there is none, from 4 at the end of the
		 * year to 16 at its start (rules 186, 197B; 188, 189 forbid one
		 * outside); SDQ1 (outside the age range) never applies to them
		 * (rule 157) */
		if (age >= 4 && age_on(s, csc_date_add_months(census, -12) + 1) <= 16) {
			if (gen_chance(&s->r, 0.8))
				r->sdq = gen_int(&s->r, 0, 34);
			else
				r->sdq_reason = (uint8_t)gen_int(&s->r, 2, 5);
		}
		r->convicted = age >= 10 ? gen_chance(&s->r, 0.04) : -1;
		r->health_check = age < 5 ? gen_chance(&s->r, 0.9) : -1;
		r->immunisations = gen_chance(&s->r, 0.88);
		r->teeth = gen_chance(&s->r, 0.8);
		r->health_assess = gen_chance(&s->r, 0.9);
		r->substance = gen_chance(&s->r, 0.04);
	}
}

/* OC3 ACCOM letter for the birthday n: no foyer (T) at 17 or 18 (rule 347:
 * at least 18 on 1 April, the start of the year of the birthday), no former
 * foster carers (Z) at 17 (rule 3001, staying put starts at 18). */
static int accom_letter(sim *s, int n)
{
	double w[32];
	int m = gen_naccom_letter < 32 ? gen_naccom_letter : 32;
	for (int i = 0; i < m; i++) {
		const char *l = gen_accom_letter[i].code;
		w[i] = (l[0] == 'T' && n <= 18) || (l[0] == 'Z' && n == 17) ? 0 : gen_accom_letter[i].weight;
	}
	return gen_pick(&s->r, w, m);
}

/* Supported accommodation has been registered with Ofsted since 28 October
 * 2023: from 29/10/2023 an H5 placement needs its URN (rule 230 in 2023-24,
 * 218 from 2024-25, which exempts neither H5 nor its successor K3). */

/* A placement still open when its PLACE code was replaced (H5 by K3 from
 * 2024-25, Z1 by Z11-Z14 from 2025-26: the successions rule 503D allows
 * across the boundary) is recorded in the successor, as a case system that
 * recoded it holds it; csc-returns writes the older code in the years
 * before. A code with several successors takes one by the placement's
 * postcode seed, so no random draw is added. */
static void recode(const gen_opts *o, gen_epi *x)
{
	const v_recode *to[8];
	int n = 0;
	for (int i = 0; i < o->nrecode && n < 8; i++) {
		const v_recode *r = &o->recode[i];
		if (r->year && !strcmp(r->from_code, x->place) && strlen(r->to_code) < sizeof x->place &&
		    (x->dec == CSC_NODATE || x->dec >= csc_date_make(r->year - 1, 4, 1)))
			to[n++] = r;
	}
	if (n)
		memcpy(x->place, to[x->post % (unsigned)n]->to_code, sizeof x->place - 1), x->place[3] = 0;
	if ((!strcmp(x->place, "H5") || !strcmp(x->place, "K3")) &&
	    (x->dec == CSC_NODATE || x->dec >= csc_date_make(2023, 10, 29)))
		x->urn = GEN_URN_OWN;
}

/* Deprivation of liberty orders: some young people (10 and over) in a
 * children's home (K2) are deprived of their liberty under a court order
 * for part of the placement. The order lies strictly inside the episode,
 * so every episode it overlaps is K2 (rules 709, 710); it ends before the
 * episode does (rule 707) or is still open with it. */
static void dolos(sim *s)
{
	gen_child *c = s->c;
	for (int i = 0; i < c->nepi && c->ndolo < GEN_MAX_DOLO; i++) {
		const gen_epi *x = &c->epi[i];
		if (strcmp(x->place, "K2") || (x->ls[0] == 'V' && x->ls[1] != '2') ||
		    age_on(s, x->decom) < 10 || !gen_chance(&s->r, 0.25))
			continue;
		csc_date a = x->decom + gen_int(&s->r, 1, 60);
		csc_date b = a + gen_int(&s->r, 30, 300);
		if (x->dec != CSC_NODATE && b >= x->dec)
			b = x->dec - 1;
		if (a >= b)
			continue;
		c->dolo[c->ndolo++] = (gen_span){a, b};
	}
}

/* Placement stability. England's long-term stability (children under 16
 * looked after for 2.5 years or more, in the same placement for 2 years:
 * LA04) is about 70 %: most children looked after for long settle in a
 * placement that lasts, after none or a few short ones while their plan is
 * made. A period of care draws how many placements it moves through before
 * one settles (teenagers move more); a move with the legal-status change
 * that ends the interim phase (RNE U) is not one of them. */
static int moves_before_settling(sim *s, int age)
{
	static const double child[] = {46, 31, 13, 6, 4}, teen[] = {15, 25, 25, 20, 15};
	return gen_pick(&s->r, age < 11 ? child : teen, 5);
}

/* Days until the current placement ends: a short placement while `unsettled`
 * moves remain, else a settled one, which lasts years (it still ends, and a
 * child moves on, now and then). */
static int placement_days(sim *s, int unsettled)
{
	return unsettled ? gen_int(&s->r, 14, 365) : gen_int(&s->r, 365, 4500);
}

/* How a period of care ends, drawn when it starts, by the child's age then
 * (under 5, 5-10, 11 and over). England's flows (DfE, "Children looked
 * after in England including adoptions", reporting year 2024: 83,630
 * looked after on 31 March, 33,050 starting and 33,620 ceasing in the
 * year) need periods of care of about 2.5 years on average: most children
 * go home, to special guardians or adopters, and few who come into care
 * young stay until 18 (LONG: to the 18th birthday), while most teenagers
 * do (the weights were 45 of 118 LONG at every age: 29 % of the children
 * looked after started and 30 % ceased in a year). Special
 * guardianship (E45-E48) is about 12.5 % of all exits with the orders a
 * young person's 18th birthday overtakes (end >= b18 below); England about
 * 13 %. E11 (adoption) is for children under 5 only. */
enum { NEXIT = 12 };
static const char *const exit_out[NEXIT] = {"E4A", "E4B", "E45", "E46", "E47", "E48", "E11",
					    "E41", "E13", "E3", "E8", "LONG"};
static const double exit_by_age[3][NEXIT] = {
	{30, 6, 14, 3, 10, 4, 22, 3, 3, 1, 2, 18},
	{35, 8, 12, 3, 7, 3, 0, 5, 5, 2, 3, 36},
	{30, 8, 3, 1, 2, 1, 0, 3, 6, 3, 4, 60},
};

/* Days in care before going home (E4A, E4B): many children return within
 * weeks or months, some after a year or two of work with the family. */
static int home_days(sim *s)
{
	double u = gen_unif(&s->r);
	return u < 0.30 ? gen_int(&s->r, 1, 56) : u < 0.65 ? gen_int(&s->r, 57, 270) : gen_int(&s->r, 271, 900);
}

/* A period of care from `start`; returns its end and the REC via *rec.
 * Lengths depend on how the period ends, which is drawn first. */
static csc_date care_period(sim *s, csc_date start, int short_breaks, char rec[4])
{
	gen_child *c = s->c;
	int age = age_on(s, start);
	csc_date b18 = csc_date_birthday(c->dob, 18);
	csc_date end;
	const char *why;
	int adoption = 0;

	if (short_breaks) {
		/* one break: at most 17 days (rule 365); V4 breaks are shorter */
		end = start + (short_breaks == 4 ? gen_int(&s->r, 1, 6) : gen_int(&s->r, 1, 14));
		why = "E8";
	} else {
		why = exit_out[gen_pick(&s->r, exit_by_age[age < 5 ? 0 : age < 11 ? 1 : 2], NEXIT)];
		if (!strcmp(why, "E11") && age >= 5)
			why = "LONG";
		if (s->uasc)
			why = "LONG";
		int len;
		switch (why[1]) {
		case '4':
			len = why[2] == 'A' || why[2] == 'B' ? home_days(s) : gen_int(&s->r, 300, 1100);
			break;
		case '1':
			len = why[2] == '1' ? gen_int(&s->r, 450, 900) : gen_int(&s->r, 60, 700);
			adoption = why[2] == '1';
			break;
		case 'L':
			len = 100000;
			break;
		default:
			len = gen_int(&s->r, 30, 720);
		}
		end = start + len;
		if (end >= b18 || !strcmp(why, "LONG")) {
			end = b18;
			static const char *const at18[] = {"E7", "E17", "E5"};
			static const double w18[] = {55, 35, 10};
			why = at18[gen_pick(&s->r, w18, 3)];
		}
	}

	gen_epi *x = epi_push(s);
	if (!x)
		return start;
	x->decom = start;
	x->rne = 'S';
	x->period = (uint8_t)c->nperiods++;
	x->cin = short_breaks ? 2 : (uint8_t)(gen_chance(&s->r, 0.62) ? 1 : gen_int(&s->r, 2, 8));
	if (short_breaks) {
		memcpy(x->ls, short_breaks == 4 ? "V4" : "V3", 3);
		/* short-term foster carers or a children's home, never a long-term
		 * foster placement (rule 384); no placement location or URN is
		 * returned for short breaks (rules 214, 398) */
		memcpy(x->place, gen_chance(&s->r, 0.6) ? "U3" : "K2", 3);
		memcpy(x->prov, "PR1", 4);
		x->urn = GEN_URN_NONE;
		x->post = (uint32_t)gen_next(&s->r);
	} else {
		memcpy(x->ls, legal_start(s, age), 3);
		place_new(s, x, age);
	}

	/* changes of placement and legal status inside the period */
	if (!short_breaks) {
		csc_date t = start;
		int interim = !strcmp(x->ls, "C2") || x->ls[0] == 'L' || !strcmp(x->ls, "J2");
		csc_date po = CSC_NODATE;
		if (adoption) {
			po = start + (end - start) / 2;
			c->adopted = 1;
			c->ad_int = po - gen_int(&s->r, 30, 120);
			if (c->ad_int <= start)
				c->ad_int = start + 1;
		}
		int unsettled = moves_before_settling(s, age);
		while (c->nepi < GEN_MAX_EPI - 3) {
			int gap = interim ? interim_days(s, c->epi[c->nepi - 1].ls) : placement_days(s, unsettled);
			t += gap;
			if (po != CSC_NODATE && t >= po) {
				gen_epi *y = epi_next(s, po, 'L');
				if (!y)
					break;
				memcpy(y->ls, "E1", 3);
				/* placed for adoption with new carers, matched shortly before */
				csc_date ap = po + gen_int(&s->r, 30, (end - po) / 2 > 31 ? (end - po) / 2 : 31);
				if (ap >= end)
					ap = end - 1;
				/* with the current carers (A5) only from foster care
				 * (rule 336: not after a placement with parents; the
				 * chance is drawn either way, so only such a child's
				 * later records differ) */
				int same = gen_chance(&s->r, 0.15) && y->place[0] == 'U';
				y = epi_next(s, ap, same ? 'T' : 'P');
				if (!y)
					break;
				memcpy(y->place, same ? "A5" : "A6", 3);
				memcpy(y->prov, "PR1", 4);
				/* placed through the authority's adoption agency (rule 218) */
				y->urn = GEN_URN_LA_ADOPTION;
				if (!same)
					y->post = (uint32_t)gen_next(&s->r);
				c->ad_match = ap - gen_int(&s->r, 0, 20);
				if (c->ad_match < c->ad_int)
					c->ad_match = c->ad_int;
				c->ad_foster = (uint8_t)same;
				break;
			}
			if (t >= end)
				break;
			gen_epi *cur = &c->epi[c->nepi - 1];
			if (interim) {
				/* interim order or police protection becomes a care order
				 * or accommodation by agreement; after PACE detention the
				 * child stays accommodated by agreement */
				int move = gen_chance(&s->r, 0.3);
				gen_epi *y = epi_next(s, t, move ? 'U' : 'L');
				if (!y)
					break;
				memcpy(y->ls, cur->ls[0] == 'J' || (cur->ls[0] == 'L' && gen_chance(&s->r, 0.5)) ? "V2" : "C1", 3);
				if (move)
					place_new(s, y, age_on(s, t));
				interim = 0;
				continue;
			}
			/* a settled placement that ends is followed by at most one
			 * short one before the next settles */
			unsettled = unsettled ? unsettled - 1 : gen_int(&s->r, 0, 1);
			if (gen_chance(&s->r, 0.15) && cur->place[0] == 'U' && cur->place[1] < '6') {
				gen_epi *y = epi_next(s, t, 'T'); /* same carer, new placement type */
				if (!y)
					break;
				y->place[1] = (char)(cur->place[1] + 1);
				continue;
			}
			gen_epi *y = epi_next(s, t, 'P');
			if (!y)
				break;
			place_new(s, y, age_on(s, t));
		}
	}
	gen_epi *last = &c->epi[c->nepi - 1];
	last->dec = end;
	for (gen_epi *e = x; e <= last; e++)
		recode(s->o, e);
	/* A supported-accommodation placement (H5) open on 29/10/2023 has an
	 * Ofsted URN from then on, which an episode that ended before lacks:
	 * a legal-status change in between changed the placement's record too,
	 * so it is RNE U, not L (rule 434 read the URN; rule 436 holds in every
	 * year's return, the URN differing in all of them), and the episode
	 * before it gives the reason: PLACE, a change in the status of the
	 * placement only (rule 225). No draw: the rest of the child is as before. */
	for (gen_epi *e = x + 1; e <= last; e++)
		if (e->rne == 'L' && e->urn != e[-1].urn) {
			e->rne = 'U';
			snprintf(e[-1].rpc, sizeof e[-1].rpc, "%s", "PLACE");
		}
	/* A special guardianship order to the former foster carers (E45
	 * relatives or friends, E46 others) ends a foster placement (rule 516):
	 * the placement says which; ending any other placement, the order goes
	 * to other carers (E47, E48). */
	if (!strcmp(why, "E45") || !strcmp(why, "E46")) {
		if (last->place[0] == 'U')
			why = last->place[1] <= '3' ? "E45" : "E46";
		else
			why = !strcmp(why, "E45") ? "E47" : "E48";
	}
	/* why may be a 3-byte literal such as "E8": copy the string, not 4 bytes */
	snprintf(rec, 4, "%s", why);
	snprintf(last->rec, sizeof last->rec, "%s", why);

	if (!short_breaks) {
		review_walk(s, start, end);
		missing_in(s, start, end);
		social_workers(s, start, end);
		oc2_rows(s, start, end);
	}
	if (!short_breaks && c->nprevperm < GEN_MAX_PERIODS) {
		c->prevperm_period[c->nprevperm] = x->period;
		int pp = gen_chance(&s->r, 0.88) ? 0 : gen_int(&s->r, 1, 4);
		c->prevperm[c->nprevperm] = (uint8_t)pp;
		c->prevperm_date[c->nprevperm] = pp ? start - gen_int(&s->r, 200, 2000) : CSC_NODATE;
		if (pp && c->prevperm_date[c->nprevperm] <= c->dob)
			c->prevperm[c->nprevperm] = 0, c->prevperm_date[c->nprevperm] = CSC_NODATE;
		c->nprevperm++;
	}
	if (adoption && c->adopted) {
		c->nplaced = 1;
		c->placed[0] = c->ad_int;
		c->placed_ceased[0] = CSC_NODATE;
		c->ad_nb = gen_chance(&s->r, 0.8) ? 2 : 1;
		if (c->ad_nb == 1) {
			c->ad_sex = gen_chance(&s->r, 0.85) ? 1 : 0; /* F1 : M1 */
			c->ad_ls = 0; /* L0 single */
		} else {
			int same_sex = gen_chance(&s->r, 0.1);
			c->ad_sex = same_sex ? (gen_chance(&s->r, 0.5) ? 2 : 3) : 4; /* MM FF MF */
			/* L11 married and L3 unmarried for MF couples; L12 married
			 * and L4 unmarried same-sex couples (rules 518, 520) */
			c->ad_ls = same_sex ? (gen_chance(&s->r, 0.5) ? 2 : 5) : (gen_chance(&s->r, 0.8) ? 1 : 4);
		}
	} else if (c->adopted && !adoption) {
		/* nothing */
	}
	/* care leavers: left care at 16 or over, not adopted, home or SGO; one
	 * OC3 row per 17th-21st birthday from the day of leaving (a young
	 * person leaving on the 18th birthday is a care leaver on it) */
	if (!short_breaks && age_on(s, end) >= 16 && end - start >= 91 &&
	    (why[1] == '7' || !strcmp(why, "E17") || why[1] == '5' || !strcmp(why, "E13") ||
	     !strcmp(why, "E8") || !strcmp(why, "E4A") || !strcmp(why, "E4B"))) {
		for (int n = 17; n <= 21 && c->noc3 < GEN_MAX_OC3; n++) {
			csc_date bd = csc_date_birthday(c->dob, n);
			if (bd < end || (c->noc3 && c->oc3[c->noc3 - 1].birthday >= bd))
				continue;
			if (c->noc3 && !strcmp(gen_in_touch[c->oc3[c->noc3 - 1].in_touch].code, "DIED"))
				break;
			gen_oc3 *o3 = &c->oc3[c->noc3++];
			o3->birthday = bd;
			o3->in_touch = (uint8_t)gen_pick_code(&s->r, gen_in_touch, gen_nin_touch);
			o3->activ = (uint8_t)(gen_chance(&s->r, 0.645) ? gen_pick_code(&s->r, gen_activ_eet, gen_nactiv_eet)
						    : 100 + gen_pick_code(&s->r, gen_activ_neet, gen_nactiv_neet));
			o3->accom = (uint8_t)(accom_letter(s, n) * 2 + (gen_chance(&s->r, 0.88) ? 0 : 1));
		}
	}
	return end;
}

/* Drop the OC3 rows of birthdays on which the young person was looked
 * after again (a later period of care): on that day they were no care
 * leaver, and the return has no row for them. */
static void oc3_not_in_care(gen_child *c)
{
	int k = 0;
	for (int i = 0; i < c->noc3; i++) {
		csc_date bd = c->oc3[i].birthday;
		int in_care = 0;
		for (int j = 0; j < c->nepi; j++)
			in_care |= c->epi[j].decom <= bd && (c->epi[j].dec == CSC_NODATE || c->epi[j].dec > bd);
		if (!in_care)
			c->oc3[k++] = c->oc3[i];
	}
	c->noc3 = k;
}

static void early_help(sim *s, csc_date from);

/* ---- one referral ---- */

static int closure_for_rec(const char *rec)
{
	if (!strcmp(rec, "E11") || !strcmp(rec, "E12"))
		return 1;
	if (rec[1] == '4' && rec[2] >= '5')
		return 4;
	if (!strcmp(rec, "E41"))
		return 3;
	if (!strcmp(rec, "E3"))
		return 5;
	if (!strcmp(rec, "E5"))
		return 6;
	return 7;
}

static csc_date close_after(sim *s, gen_cin *e, csc_date t, int reason)
{
	/* a case closes once its assessments are authorised (CIN rules 8565,
	 * 8867): a protection plan can end, or the young person turn 18, while
	 * one is still running */
	for (int i = 0; i < e->nassess; i++)
		if (e->assess[i].auth > t)
			t = e->assess[i].auth;
	e->close = t;
	e->reason = (uint8_t)reason;
	(void)s;
	return t;
}

/* Returns the episode's closure date (possibly after the extraction date). */
static csc_date referral(sim *s, csc_date r, int src, enum path p)
{
	gen_child *c = s->c;
	if (c->ncin >= GEN_MAX_CIN)
		return r;
	gen_cin *e = &c->cin[c->ncin++];
	memset(e, 0, sizeof *e);
	e->ref = r;
	e->src = (uint8_t)src;
	e->close = CSC_NODATE;
	static const double needw[] = {0, 48, 9, 4, 17, 12, 3, 1, 4};
	e->need = p == P_SB ? 2 : (p == P_CP || p == P_CLA) && gen_chance(&s->r, 0.8) ? 1
								: (uint8_t)gen_pick(&s->r, needw, 9);
	csc_date b18 = csc_date_birthday(c->dob, 18);

	if (p == P_NFA) {
		e->nfa = 1;
		e->need = 9;
		return close_after(s, e, r + gen_int(&s->r, 0, 3), 7);
	}
	gen_assess *a = assess(s, e, r, p == P_CLOSE && gen_chance(&s->r, 0.12));
	csc_date done = a->auth;
	if (p == P_CLOSE) {
		int rc9 = gen_chance(&s->r, 0.3);
		csc_date cl = close_after(s, e, done + gen_int(&s->r, 0, 7), rc9 ? 9 : 8);
		if (rc9)
			early_help(s, cl);
		return cl;
	}
	if (p == P_CINPLAN) {
		csc_date end = done + gen_int(&s->r, 90, 420);
		plan(e, done, end);
		return close_after(s, e, end, gen_chance(&s->r, 0.9) ? 7 : 3);
	}
	if (p == P_SB) {
		csc_date end = done + gen_int(&s->r, 500, 1500);
		if (end >= b18)
			end = b18 - 1;
		plan(e, done, end);
		int v4 = gen_chance(&s->r, 0.3) ? 4 : 3;
		csc_date t = done + gen_int(&s->r, 20, 90);
		char rec[4];
		while (t < end - 10) {
			csc_date ce = care_period(s, t, v4, rec);
			/* at least six days at home for each day away: no 12 months
			 * hold more than 75 days of short breaks (rule 367) */
			t = ce + 6 * (ce - t) + (v4 == 4 ? gen_int(&s->r, 20, 90) : gen_int(&s->r, 5, 60));
		}
		return close_after(s, e, end, 7);
	}
	if (p == P_S47) {
		s47(s, e, r);
		/* No further action after an enquiry closes as RC7: RC8 and RC9
		 * (closed after assessment) may not carry a Section 47 (rule 2990). */
		if (gen_chance(&s->r, 0.6))
			return close_after(s, e, done + gen_int(&s->r, 0, 7), 7);
		csc_date end = done + gen_int(&s->r, 90, 360);
		plan(e, done, end);
		return close_after(s, e, end, 7);
	}

	/* P_CP, and the protection route into care */
	csc_date care_start;
	if (p == P_CP || (p == P_CLA && gen_chance(&s->r, 0.45))) {
		gen_s47 *q = s47(s, e, r);
		int wd = gen_chance(&s->r, 0.80) ? gen_int(&s->r, 5, 15) : gen_int(&s->r, 16, 30);
		q->icpc = gen_wd_add(s->o->cal, q->start, wd);
		q->not_required = 0;
		if (q->icpc >= b18 - 1) {
			/* 18 before the conference: none is held, no plan made
			 * (a plan would end before it began, CIN rule 8925) */
			q->icpc = CSC_NODATE;
			q->not_required = 1;
			return close_after(s, e, b18 - 1, 7);
		}
		if (p == P_CP && gen_chance(&s->r, 0.12)) {
			/* conference without a plan: child in need plan instead */
			csc_date end = q->icpc + gen_int(&s->r, 90, 360);
			plan(e, q->icpc > done ? q->icpc : done, end);
			return close_after(s, e, end, 7);
		}
		int len = p == P_CLA ? gen_int(&s->r, 20, 300) : cp_length(s);
		gen_cpp *pl = cpp(s, e, q->icpc, len);
		csc_date end = pl->end;
		if (end >= b18)
			end = pl->end = b18 - 1, cp_reviews(s, pl);
		if (p == P_CP) {
			if (gen_chance(&s->r, 0.55)) {
				csc_date pe = end + 1 + gen_int(&s->r, 60, 270);
				if (pe >= b18)
					pe = b18 - 1;
				if (pe > end + 1)
					plan(e, end + 1, pe), end = pe;
			}
			return close_after(s, e, end + gen_int(&s->r, 0, 10), 7);
		}
		care_start = end;
	} else {
		care_start = gen_chance(&s->r, 0.4) ? r + gen_int(&s->r, 0, 10) : done;
	}
	if (care_start >= b18)
		return close_after(s, e, b18 - 1, 7);
	char rec[4];
	csc_date ce = care_period(s, care_start, 0, rec);
	int reason = closure_for_rec(rec);
	if (ce >= b18) /* left care at 18: the CIN episode ends the day before */
		ce = b18 - 1, reason = rec[1] == '5' ? 6 : 7;
	if (ce < done)
		ce = done;
	return close_after(s, e, ce, reason);
}

/* ---- contacts and early help ---- */

static gen_contact *contact(sim *s, csc_date d, int out, int src)
{
	gen_child *c = s->c;
	if (c->ncontacts >= GEN_MAX_CONTACTS)
		return NULL;
	gen_contact *x = &c->contact[c->ncontacts++];
	x->date = d;
	x->outcome = (uint8_t)out;
	x->src = (uint8_t)(src >= 0 ? src : gen_pick_code(&s->r, gen_ref_sources, gen_nref_sources));
	x->label = gen_chance(&s->r, 0.08) && gen_ref_sources[x->src].label;
	if (out == GEN_OUT_REF)
		x->done = gen_chance(&s->r, 0.7) ? d : gen_wd_add(s->o->cal, d, 1);
	else
		x->done = gen_chance(&s->r, 0.85) ? d + gen_int(&s->r, 0, 1)
						  : gen_wd_add(s->o->cal, d, gen_int(&s->r, 2, 6));
	return x;
}

static void early_help(sim *s, csc_date from)
{
	gen_child *c = s->c;
	if (c->neh >= GEN_MAX_EH)
		return;
	gen_eh *h = &c->eh[c->neh++];
	h->start = from + gen_int(&s->r, 3, 25);
	h->done = h->start + gen_int(&s->r, 5, 45);
	h->end = h->done + gen_int(&s->r, 40, 300);
	h->tier = gen_chance(&s->r, 0.55) ? 2 : 3;
	h->org = (uint8_t)gen_pick_code(&s->r, gen_eh_orgs, gen_neh_orgs);
	h->reason = (uint8_t)gen_pick_code(&s->r, gen_eh_reasons, gen_neh_reasons);
}

static int pick_outcome(sim *s)
{
	static const double w[] = {0, 0, 45, 17, 31, 7}; /* IA EH NFA OTH */
	return gen_pick(&s->r, w, 6);
}

static enum path minor_path(sim *s)
{
	static const double w[] = {10, 48, 30, 12};
	return (enum path)gen_pick(&s->r, w, 4);
}

/* The last 31 August on or before d: a child five or over on it is of
 * school age and has a UPN by d (UN1 is for younger children, rule 209). */
static csc_date school_age_date(csc_date d)
{
	int y, m, dd;
	csc_date_ymd(d, &y, &m, &dd);
	csc_date a = csc_date_make(y, 8, 31);
	return a <= d ? a : csc_date_make(y - 1, 8, 31);
}

static void identity(sim *s, csc_date t0)
{
	gen_child *c = s->c;
	int age_days;
	switch (s->cls) {
	case C_CP:
		age_days = gen_chance(&s->r, 0.3) ? gen_int(&s->r, 0, 4 * 365) : gen_int(&s->r, 0, 15 * 365);
		break;
	case C_CLA:
		age_days = gen_chance(&s->r, 0.20) ? gen_int(&s->r, 0, 365)
						   : gen_chance(&s->r, 0.35) ? gen_int(&s->r, 365, 10 * 365)
									  : gen_int(&s->r, 10 * 365, 17 * 365 + 300);
		break;
	case C_SB:
		age_days = gen_int(&s->r, 3 * 365, 14 * 365);
		break;
	default:
		age_days = gen_int(&s->r, 0, 17 * 365 + 300);
	}
	if (s->uasc)
		age_days = gen_int(&s->r, 15 * 365, 17 * 365 + 300);
	c->dob = t0 - age_days;
	c->female = (uint8_t)(s->uasc ? gen_chance(&s->r, 0.07) : gen_chance(&s->r, 0.48));
	c->eth = (uint8_t)gen_pick_code(&s->r, gen_ethnicity, gen_nethnicity);
	if (s->uasc)
		c->eth = (uint8_t)(gen_chance(&s->r, 0.5) ? 14 : 17); /* BAFR, OOTH */
	int dis = s->cls == C_SB || gen_chance(&s->r, 0.1);
	c->ndis = 0;
	if (dis) {
		int n = gen_int(&s->r, 1, 2);
		for (int i = 0; i < n; i++) {
			int d = gen_pick_code(&s->r, gen_disability, gen_ndisability);
			if (!c->ndis || c->dis[0] != d)
				c->dis[c->ndis++] = (uint8_t)d;
		}
	}
	/* UPN: check letter, LA, year of allocation, serial; under-fives and new
	 * arrivals from abroad often have none (UN1 / UN3) */
	csc_date b5 = csc_date_birthday(c->dob, 5);
	c->upn[0] = 0;
	c->upn_unknown = 0;
	if (s->uasc)
		c->upn_unknown = 3;
	else if (gen_chance(&s->r, 0.95) || b5 <= school_age_date(s->o->end)) {
		char u[14];
		int y, m, d;
		csc_date_ymd(b5, &y, &m, &d);
		memcpy(u + 1, s->o->upn_la, 3);
		u[4] = (char)('0' + (y / 10) % 10);
		u[5] = (char)('0' + y % 10);
		/* The serial (characters 6-12) is the child's number, so no two
		 * children share a UPN (CIN rule 1520; a random serial collided
		 * now and then). The two draws the random serial took are still
		 * made, so the rest of each child is what it was. */
		(void)gen_next(&s->r);
		(void)gen_int(&s->r, 0, 9);
		uint64_t serial = s->k % 10000000u;
		for (int i = 12; i >= 6; i--, serial /= 10)
			u[i] = (char)('0' + serial % 10);
		int sum = 0;
		for (int i = 1; i < 13; i++)
			sum += (u[i] - '0') * (i + 1);
		u[0] = gen_upn_letters[sum % 23];
		u[13] = 0;
		memcpy(c->upn, u, 14);
	} else {
		c->upn_unknown = 1;
	}
	c->mother = 0;
	c->mc_dob = CSC_NODATE;
}

int gen_sim_child(const gen_opts *o, uint64_t k, gen_child *c)
{
	sim s = {.o = o, .c = c, .k = k};
	gen_rng_seed(&s.r, o->seed, k + 1);
	memset(c, 0, offsetof(gen_child, contact));
	c->nplaced = c->nprevperm = 0;
	c->adopted = c->uasc = 0;
	c->duc = CSC_NODATE;

	double w[NCLS];
	for (int i = 0; i < NCLS; i++)
		w[i] = classes[i].share * (classes[i].lead + o->years);
	s.cls = gen_pick(&s.r, w, NCLS);
	s.uasc = s.cls == C_CLA && gen_chance(&s.r, 0.14);
	int span = (classes[s.cls].lead + o->years) * 365;
	csc_date t0 = o->start - classes[s.cls].lead * 365 + gen_int(&s.r, 0, span);
	identity(&s, t0);
	c->uasc = s.uasc;

	/* the contacts, in date order */
	csc_date t = t0, open_until = CSC_NODATE;
	int main_done = s.cls == C_CONTACT;
	int forced = 0;
	csc_date b18 = csc_date_birthday(c->dob, 18);
	while (t <= o->end && t < b18) {
		int open = open_until != CSC_NODATE && t <= open_until;
		if (!open && (!main_done || forced) &&
		    (forced || gen_chance(&s.r, 0.55) || s.uasc)) {
			enum path p;
			if (!main_done)
				p = s.cls == C_CIN ? minor_path(&s) : s.cls == C_CP ? P_CP
					: s.cls == C_CLA ? P_CLA : P_SB;
			else
				p = s.again_cp ? P_CP : minor_path(&s);
			s.again_cp = 0;
			contact(&s, t, GEN_OUT_REF, s.uasc ? 17 : -1);
			int src = c->ncontacts ? c->contact[c->ncontacts - 1].src : 0;
			open_until = referral(&s, t, src, p);
			main_done = 1;
			forced = 0;
			/* a second protection plan after the first has ended (HP07) */
			if (p == P_CP && s.ncpp_total == 1 && gen_chance(&s.r, GEN_SECOND_PLAN)) {
				t = open_until + gen_int(&s.r, 30, 900);
				forced = 1;
				s.again_cp = 1;
				continue;
			}
			/* a re-referral follows some closures within months */
			if (gen_chance(&s.r, p == P_NFA || p == P_CLOSE ? 0.34 : 0.2)) {
				t = open_until + gen_int(&s.r, 7, 300);
				forced = 1;
				continue;
			}
			if (!gen_chance(&s.r, 0.45))
				break;
			t = open_until + 200 + (csc_date)(gen_unif(&s.r) * 900);
			forced = gen_chance(&s.r, 0.35);
			continue;
		}
		int out = pick_outcome(&s);
		if (open && out == GEN_OUT_EH)
			out = GEN_OUT_IA;
		gen_contact *x = contact(&s, t, out, -1);
		if (x && out == GEN_OUT_EH)
			early_help(&s, x->done);
		if (!main_done) {
			t += gen_int(&s.r, 5, 120);
			continue;
		}
		if (!gen_chance(&s.r, 0.40))
			break;
		t += 20 + (csc_date)(gen_unif(&s.r) * 400);
	}

	oc3_not_in_care(c);
	dolos(&s);
	return gen_censor_child(o, c);
}
