/* cin_rules_episode.c - rules on a CIN episode (CINdetails) and its
 * assessments, plans, section 47 enquiries and CP plans that compare more
 * than one record. */
#include <string.h>

#include "cin_custom.h"

#define FOR_EPISODES(st, e)                  \
	vcin_state *st = vcin_st(ctx);         \
	if (!st->child)                      \
		return;                      \
	for (vcin_rec *e = vcin_first(st->child, CIN_K_EPISODE); e; e = vcin_next(e))

#define FOR_SUB(e, k, r) for (vcin_rec *r = vcin_first(e, k); r; r = vcin_next(r))

static int closed_after_assessment(const vcin_rec *e)
{
	const vcin_val *r = &e->f[E_CLOSEREASON];
	return vcin_has(r) && (strcmp(r->s, "RC8") == 0 || strcmp(r->s, "RC9") == 0);
}

static int is_nfa(const vcin_rec *e) { return vcin_flag(&e->f[E_NFA]) == 1; }

/* 2884: the same initial conference on CIN details and on a Section 47. */
CIN_RULE(vcin_r2884)
{
	FOR_EPISODES(st, e) {
		const vcin_val *ic = &e->f[E_ICPC];
		if (!vcin_is_date(ic))
			continue;
		FOR_SUB(e, CIN_K_S47, s)
			if (vcin_is_date(&s->f[S_ICPC]) && s->f[S_ICPC].d == ic->d)
				vcin_rep(ctx, rule, s, S_ICPC);
	}
}

/* 2885: a CP plan starting in the year starts on the day of an initial
 * conference of its episode (on CIN details or a Section 47). */
CIN_RULE(vcin_r2885)
{
	FOR_EPISODES(st, e) {
		FOR_SUB(e, CIN_K_CPP, p) {
			csc_date d = p->f[K_START].d;
			if (!vcin_in_year(st, d))
				continue;
			int match = e->f[E_ICPC].d == d;
			FOR_SUB(e, CIN_K_S47, s)
				match |= s->f[S_ICPC].d == d;
			if (!match)
				vcin_rep(ctx, rule, p, K_START);
		}
	}
}

/* 2990: closed after assessment (RC8/RC9) yet a plan, S47, CP plan or
 * conference is recorded. */
CIN_RULE(vcin_r2990)
{
	FOR_EPISODES(st, e) {
		if (!closed_after_assessment(e))
			continue;
		if (vcin_count(e, CIN_K_PLAN) || vcin_count(e, CIN_K_S47) || vcin_count(e, CIN_K_CPP) ||
		    vcin_has(&e->f[E_ICPC]))
			vcin_rep(ctx, rule, e, E_CLOSEREASON);
	}
}

/* 2991Q: a Section 47 on an episode with no assessment. */
CIN_RULE(vcin_r2991q)
{
	FOR_EPISODES(st, e) {
		if (vcin_count(e, CIN_K_S47) && !vcin_count(e, CIN_K_ASSESS))
			vcin_rep(ctx, rule, vcin_first(e, CIN_K_S47), S_START);
	}
}

/* 4000: a CIN plan on a referral with no further action. */
CIN_RULE(vcin_r4000)
{
	FOR_EPISODES(st, e) {
		if (!is_nfa(e))
			continue;
		FOR_SUB(e, CIN_K_PLAN, p)
			vcin_rep(ctx, rule, p, P_START);
	}
}

/* The current child's records of kinds ka and kb, as two lists the caller
 * frees; 0 (nothing to free) in the final pass, when there is no child. */
static int child_lists(v_ctx *ctx, enum vcin_kind ka, vcin_list *a, enum vcin_kind kb, vcin_list *b)
{
	const vcin_state *st = vcin_st(ctx);
	if (!st->child)
		return 0;
	vcin_list_get(a, st->child, ka);
	vcin_list_get(b, st->child, kb);
	return 1;
}

/* 4001: an open CIN plan (no end date) while a CP plan of the same
 * CINdetails is open. The DfE text limits it to one module: an open CIN
 * plan in one episode and a CP plan in another is not an error. */
CIN_RULE(vcin_r4001)
{
	FOR_EPISODES(st, e) {
		int cpp_open = 0;
		FOR_SUB(e, CIN_K_CPP, p)
			cpp_open |= !vcin_has(&p->f[K_END]);
		if (!cpp_open)
			continue;
		FOR_SUB(e, CIN_K_PLAN, p)
			if (!vcin_has(&p->f[P_END]))
				vcin_rep(ctx, rule, p, P_END);
	}
}

/* d lies after start (or on it, with on_start) and before end; a record
 * with no end is open and runs to the reference date (vcin_open_end). */
static int within(const vcin_state *st, csc_date d, csc_date start, const vcin_val *end, int on_start)
{
	csc_date e = vcin_has(end) ? (vcin_is_date(end) ? end->d : CSC_NODATE) : vcin_open_end(st);
	return (on_start ? d >= start : d > start) && e != CSC_NODATE && d < e;
}

/* 4003: a CP review held while a CIN plan of the same CINdetails was open
 * (a review on the day a CIN plan starts or ends is a step-down or
 * step-up, not a clash). */
CIN_RULE(vcin_r4003)
{
	FOR_EPISODES(st, e) {
		FOR_SUB(e, CIN_K_CPP, p) {
			for (size_t r = 0; r < p->nmulti; r++) {
				const vcin_val *rv = &p->multi[r];
				if (!vcin_is_date(rv))
					continue;
				FOR_SUB(e, CIN_K_PLAN, pl) {
					if (vcin_is_date(&pl->f[P_START]) &&
					    within(st, rv->d, pl->f[P_START].d, &pl->f[P_END], 0)) {
						vcin_rep_multi(ctx, rule, p, rv);
						break;
					}
				}
			}
		}
	}
}

/* A record of kind `in` starting inside a record of kind `win`: after the
 * window's start (or on it, with on_start) and before its end or while it
 * is open. The first such window is taken; the report goes on the start of
 * the starting record, or of the window with report_win. */
typedef struct start_inside {
	enum vcin_kind in, win;
	int in_start, win_start, win_end;
	int on_start, report_win;
} start_inside;

static void starts_inside(v_ctx *ctx, const v_rule *rule, const start_inside *a)
{
	vcin_list ins, wins;
	if (!child_lists(ctx, a->in, &ins, a->win, &wins))
		return;
	for (size_t i = 0; i < ins.n; i++) {
		csc_date s = ins.v[i]->f[a->in_start].d;
		if (s == CSC_NODATE)
			continue;
		for (size_t k = 0; k < wins.n; k++) {
			const vcin_rec *w = wins.v[k];
			if (!vcin_is_date(&w->f[a->win_start]) ||
			    !within(vcin_st(ctx), s, w->f[a->win_start].d, &w->f[a->win_end], a->on_start))
				continue;
			if (a->report_win)
				vcin_rep(ctx, rule, w, a->win_start);
			else
				vcin_rep(ctx, rule, ins.v[i], a->in_start);
			break;
		}
	}
	vcin_list_free(&ins);
	vcin_list_free(&wins);
}

/* 4016: a CIN plan starting on or after a CP plan's start and before its
 * end (or while it is open). */
CIN_RULE(vcin_r4016)
{
	static const start_inside a = {CIN_K_PLAN, CIN_K_CPP, P_START, K_START, K_END, 1, 0};
	starts_inside(ctx, rule, &a);
}

/* 4017: a CP plan starting after a CIN plan's start and before its end (or
 * while it is open); a CIN plan ending the day the CP plan starts is fine.
 * Reported on the CIN plan. */
CIN_RULE(vcin_r4017)
{
	static const start_inside a = {CIN_K_CPP, CIN_K_PLAN, K_START, P_START, P_END, 0, 1};
	starts_inside(ctx, rule, &a);
}

/* 8565: activity dated after the episode's closure. */
static void after_close(v_ctx *ctx, const v_rule *rule, const vcin_rec *r, int f, csc_date close)
{
	if (vcin_is_date(&r->f[f]) && r->f[f].d > close)
		vcin_rep(ctx, rule, r, f);
}

CIN_RULE(vcin_r8565)
{
	FOR_EPISODES(st, e) {
		if (!vcin_is_date(&e->f[E_CLOSEDATE]))
			continue;
		csc_date cl = e->f[E_CLOSEDATE].d;
		after_close(ctx, rule, e, E_ICPC, cl);
		FOR_SUB(e, CIN_K_ASSESS, a) {
			after_close(ctx, rule, a, A_START, cl);
			after_close(ctx, rule, a, A_AUTH, cl);
		}
		FOR_SUB(e, CIN_K_S47, s) {
			after_close(ctx, rule, s, S_START, cl);
			after_close(ctx, rule, s, S_ICPC, cl);
		}
		FOR_SUB(e, CIN_K_CPP, p)
			after_close(ctx, rule, p, K_END, cl);
		FOR_SUB(e, CIN_K_PLAN, p) {
			after_close(ctx, rule, p, P_START, cl);
			after_close(ctx, rule, p, P_END, cl);
		}
	}
}

/* 8569Q: a referral dated before the last working day before the census
 * year must not be flagged as no further action. */
CIN_RULE(vcin_r8569q)
{
	FOR_EPISODES(st, e) {
		if (is_nfa(e) && vcin_is_date(&e->f[E_REFDATE]) && e->f[E_REFDATE].d < st->nfa_cutoff)
			vcin_rep(ctx, rule, e, E_NFA);
	}
}

/* 8585Q: closed because the child died (RC2) with no date of death. */
CIN_RULE(vcin_r8585q)
{
	FOR_EPISODES(st, e) {
		const vcin_val *r = &e->f[E_CLOSEREASON];
		if (vcin_has(r) && strcmp(r->s, "RC2") == 0 && !vcin_has(&st->child->f[C_DOD]))
			vcin_rep(ctx, rule, e, E_CLOSEREASON);
	}
}

/* 8606: referral more than 280 days (40 weeks) before the date of birth,
 * or the expected date of birth when there is none. */
CIN_RULE(vcin_r8606)
{
	FOR_EPISODES(st, e) {
		const vcin_rec *c = st->child;
		csc_date born = vcin_is_date(&c->f[C_DOB]) ? c->f[C_DOB].d : c->f[C_EDOB].d;
		if (born != CSC_NODATE && vcin_is_date(&e->f[E_REFDATE]) && born - e->f[E_REFDATE].d > 280)
			vcin_rep(ctx, rule, e, E_REFDATE);
	}
}

/* 8610: a referral going on to further action needs a primary need code. */
CIN_RULE(vcin_r8610)
{
	FOR_EPISODES(st, e) {
		if (vcin_flag(&e->f[E_NFA]) == 0 && !vcin_has(&e->f[E_NEED]))
			vcin_rep(ctx, rule, e, E_NEED);
	}
}

/* 8615: S47 start date present and not after its initial conference. */
CIN_RULE(vcin_r8615)
{
	FOR_EPISODES(st, e) {
		FOR_SUB(e, CIN_K_S47, s) {
			const vcin_val *sd = &s->f[S_START], *ic = &s->f[S_ICPC];
			if (!vcin_has(sd) || (vcin_is_date(sd) && vcin_is_date(ic) && sd->d > ic->d))
				vcin_rep(ctx, rule, s, S_START);
		}
	}
}

/* Working days from d to the end of the census year; dates before the
 * calendar are certainly more than a few weeks away. */
static int wd_to_end(const vcin_state *st, csc_date d, int limit)
{
	if (d > st->end)
		return 0;
	if (!csc_calendar_covers(st->cal, d))
		return limit + 1;
	int n = 0;
	if (csc_wd(st->cal, d, st->end, &n) < 0)
		return limit + 1;
	return n;
}

/* Not finished: an assessment not authorised; an S47 with no initial
 * conference and "ICPC not required" not set. */
static int assess_open(const vcin_rec *a) { return !vcin_has(&a->f[A_AUTH]); }
static int s47_open(const vcin_rec *s)
{
	return !vcin_has(&s->f[S_ICPC]) && vcin_flag(&s->f[S_NOTREQ]) != 1;
}

/* Report the start of every unfinished record of kind k (open() holds)
 * that started too early: with limit > 0, a valid start date more than
 * `limit` working days before the end of the year; with limit 0, a start
 * that is present but not in the year. */
static void open_too_early(v_ctx *ctx, const v_rule *rule, enum vcin_kind k, int start,
			   int (*open)(const vcin_rec *), int limit)
{
	FOR_EPISODES(st, e) {
		FOR_SUB(e, k, r) {
			const vcin_val *sd = &r->f[start];
			if (!open(r))
				continue;
			if (limit ? vcin_is_date(sd) && wd_to_end(st, sd->d, limit) > limit
				  : vcin_has(sd) && !vcin_in_year(st, sd->d))
				vcin_rep(ctx, rule, r, start);
		}
	}
}

/* 8670Q: an assessment started more than 45 working days before the end
 * of the year and still not authorised. */
CIN_RULE(vcin_r8670q) { open_too_early(ctx, rule, CIN_K_ASSESS, A_START, assess_open, 45); }

/* 8675Q: an S47 started more than 15 working days before the end of the
 * year, with no conference and "ICPC not required" not set. */
CIN_RULE(vcin_r8675q) { open_too_early(ctx, rule, CIN_K_S47, S_START, s47_open, 15); }

/* 8736: an assessment not completed must have started in the year. */
CIN_RULE(vcin_r8736) { open_too_early(ctx, rule, CIN_K_ASSESS, A_START, assess_open, 0); }

/* 8740: an S47 with no conference (and one required) must have started in
 * the year. */
CIN_RULE(vcin_r8740) { open_too_early(ctx, rule, CIN_K_S47, S_START, s47_open, 0); }

/* 8816: an open episode going on to further action must be the child's
 * latest referral (on equal dates, the last in the file counts as latest). */
CIN_RULE(vcin_r8816)
{
	FOR_EPISODES(st, e) {
		if (vcin_has(&e->f[E_CLOSEDATE]) || vcin_flag(&e->f[E_NFA]) != 0 || !vcin_is_date(&e->f[E_REFDATE]))
			continue;
		csc_date d = e->f[E_REFDATE].d;
		for (vcin_rec *o = vcin_first(st->child, CIN_K_EPISODE); o; o = vcin_next(o)) {
			csc_date od = o->f[E_REFDATE].d;
			if (o != e && od != CSC_NODATE && (od > d || (od == d && o->index > e->index))) {
				vcin_rep(ctx, rule, e, E_REFDATE);
				break;
			}
		}
	}
}

/* 8825Q: closed after assessment (RC8/RC9) with no assessment. */
CIN_RULE(vcin_r8825q)
{
	FOR_EPISODES(st, e) {
		if (closed_after_assessment(e) && !vcin_count(e, CIN_K_ASSESS))
			vcin_rep(ctx, rule, e, E_CLOSEREASON);
	}
}

/* 8831: assessment, S47 or conference dates on a no-further-action referral. */
CIN_RULE(vcin_r8831)
{
	FOR_EPISODES(st, e) {
		if (!is_nfa(e))
			continue;
		int act = vcin_has(&e->f[E_ICPC]);
		FOR_SUB(e, CIN_K_ASSESS, a)
			act |= vcin_has(&a->f[A_START]) || vcin_has(&a->f[A_AUTH]);
		FOR_SUB(e, CIN_K_S47, s)
			act |= vcin_has(&s->f[S_START]) || vcin_has(&s->f[S_ICPC]);
		if (act)
			vcin_rep(ctx, rule, e, E_NFA);
	}
}

/* 8832: a CP plan on a no-further-action referral. */
CIN_RULE(vcin_r8832)
{
	FOR_EPISODES(st, e) {
		if (is_nfa(e) && vcin_count(e, CIN_K_CPP))
			vcin_rep(ctx, rule, e, E_NFA);
	}
}

/* 8841: a review on or before its plan's start date. */
CIN_RULE(vcin_r8841)
{
	FOR_EPISODES(st, e) {
		FOR_SUB(e, CIN_K_CPP, p) {
			if (!vcin_is_date(&p->f[K_START]))
				continue;
			for (size_t i = 0; i < p->nmulti; i++)
				if (vcin_is_date(&p->multi[i]) && p->multi[i].d <= p->f[K_START].d)
					vcin_rep_multi(ctx, rule, p, &p->multi[i]);
		}
	}
}

/* 8842Q: a Reviews group with a review record that has no date. */
CIN_RULE(vcin_r8842q)
{
	FOR_EPISODES(st, e) {
		FOR_SUB(e, CIN_K_CPP, p) {
			if (p->f[K_REVIEWS].s && p->nmulti == 0) {
				vcin_rep(ctx, rule, p, K_REVIEWS);
				continue;
			}
			for (size_t i = 0; i < p->nmulti; i++)
				if (!vcin_has(&p->multi[i]))
					vcin_rep_multi(ctx, rule, p, &p->multi[i]);
		}
	}
}

/* 8867: a closed episode with an assessment not completed. */
CIN_RULE(vcin_r8867)
{
	FOR_EPISODES(st, e) {
		if (!vcin_has(&e->f[E_CLOSEDATE]))
			continue;
		FOR_SUB(e, CIN_K_ASSESS, a)
			if (!vcin_has(&a->f[A_AUTH]))
				vcin_rep(ctx, rule, a, A_AUTH);
	}
}

/* 8868: a closed episode with an S47 neither conferenced nor marked
 * "ICPC not required". */
CIN_RULE(vcin_r8868)
{
	FOR_EPISODES(st, e) {
		if (!vcin_has(&e->f[E_CLOSEDATE]))
			continue;
		FOR_SUB(e, CIN_K_S47, s)
			if (!vcin_has(&s->f[S_ICPC]) && vcin_flag(&s->f[S_NOTREQ]) != 1)
				vcin_rep(ctx, rule, s, S_ICPC);
	}
}

/* 8873Q: the episode's only assessment is completed with factor 21 (no
 * factors), so a closed episode should give reason RC8 or RC9. */
CIN_RULE(vcin_r8873q)
{
	FOR_EPISODES(st, e) {
		if (vcin_count(e, CIN_K_ASSESS) != 1 || !vcin_has(&e->f[E_CLOSEREASON]) || closed_after_assessment(e))
			continue;
		const vcin_rec *a = vcin_first(e, CIN_K_ASSESS);
		if (!vcin_has(&a->f[A_AUTH]))
			continue;
		for (size_t i = 0; i < a->nmulti; i++)
			if (vcin_has(&a->multi[i]) && strcmp(a->multi[i].s, "21") == 0) {
				vcin_rep(ctx, rule, e, E_CLOSEREASON);
				break;
			}
	}
}
