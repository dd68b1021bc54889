/* v903_rules_sw.c - social worker episodes (SocialWorker table), sorted by
 * SW_DECOM within a child. */
#include <string.h>

#include "v903_checks.h"
#include "v903_rules.h"

#define GROUP(name) \
	static void name(v_ctx *ctx, const v_rule *rule, const v903_data *d, \
			 v903_row *const *s, size_t n)
#define REP(r, col) v903_report(ctx, rule, V9_SW, (r), (col))
#define START(r) v903_date((r), SW_DECOM)
#define END(r) v903_date((r), SW_DEC)

/* SW02STG1: SW_ID begins with SW (a worker) or XX (none allocated). */
void v903_r_sw02(v_ctx *ctx, const v_rule *rule)
{
	const v903_table *tb = &v903_cur(ctx)->t[V9_SW];
	for (size_t i = 0; i < tb->n; i++) {
		const char *id = tb->rows[i].f[SW_ID];
		if (*id && strncmp(id, "SW", 2) && strncmp(id, "XX", 2))
			REP(&tb->rows[i], SW_ID);
	}
}

/* SW08STG2: an episode other than the last has not ended. */
GROUP(g08)
{
	(void)d;
	for (size_t i = 0; i + 1 < n; i++)
		if (v903_blank(s[i], SW_DEC))
			REP(s[i], SW_DEC);
}
V903_BY_CHILD(sw08, V9_SW, g08)

/* SW10STG2: an episode starts before the previous one ended; from
 * 2024-25 not when its reason is one the year exempts (FCONTA). */
static void sw10(v_ctx *ctx, const v_rule *rule, const v903_data *d, v903_row *const *s, size_t n,
		 const char *exempt)
{
	for (size_t i = 1; i < n; i++)
		if (END(s[i - 1]) != CSC_NODATE && START(s[i]) != CSC_NODATE &&
		    START(s[i]) < END(s[i - 1]) && !(exempt && v903_in_set(d, s[i]->f[SW_REASON], exempt)))
			REP(s[i], SW_DECOM);
}
GROUP(g10)
{
	sw10(ctx, rule, d, s, n, NULL);
}
V903_BY_CHILD(sw10, V9_SW, g10)
GROUP(g10_fconta)
{
	sw10(ctx, rule, d, s, n, "@rule SW10STG2: SW_REASON exempt from the 7-day check");
}
V903_BY_CHILD(sw10_fconta, V9_SW, g10_fconta)

/* The child of r is looked after at 31 March other than on short breaks
 * (V3/V4), for whom social worker episodes are collected; *since is the
 * start of the period of care open then. */
static int needs_sw(const v903_data *d, const v903_row *r, csc_date *since)
{
	v903_row *const *e;
	size_t n = v903_child_of(&d->t[V9_EPISODES], r, &e);
	if (d->year_end == CSC_NODATE || !n || !v903_looked_after_at_end(d, r) ||
	    v903_in(e[n - 1]->f[EP_LS], "V3 V4"))
		return 0;
	if (since)
		*since = v903_date(e[v903_period_start(e, n - 1)], EP_DECOM);
	return 1;
}

/* SW11bSTG2: a child looked after at 31 March whose last social worker
 * episode ended before 31 March. */
GROUP(g11b)
{
	csc_date x = END(s[n - 1]);
	if (x != CSC_NODATE && x < d->year_end && needs_sw(d, s[0], NULL))
		REP(s[n - 1], SW_DEC);
}
V903_BY_CHILD(sw11b, V9_SW, g11b)

/* SW12STG2: a child looked after all year whose social worker episodes
 * start after 1 April (the whole year must be covered). A child who came
 * into care during the year may have had no social worker before. */
GROUP(g12)
{
	csc_date since;
	if (START(s[0]) != CSC_NODATE && START(s[0]) > d->year_start &&
	    needs_sw(d, s[0], &since) && since != CSC_NODATE && since <= d->year_start)
		REP(s[0], SW_DECOM);
	(void)n;
}
V903_BY_CHILD(sw12, V9_SW, g12)

/* Each child needing social worker episodes (needs_sw), with its last
 * episode and its social worker episodes (m of them, s). */
typedef void (*sw_child_fn)(v_ctx *ctx, const v_rule *rule, const v903_data *d,
			    const v903_row *last, v903_row *const *s, size_t m);
static void each_sw_child(v_ctx *ctx, const v_rule *rule, sw_child_fn fn)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_EPISODES];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		const v903_row *first = tb->by_child[i];
		if (!needs_sw(d, first, NULL))
			continue;
		v903_row *const *s;
		size_t m = v903_child_of(&d->t[V9_SW], first, &s);
		fn(ctx, rule, d, tb->by_child[i + n - 1], s, m);
	}
}

/* SW_REASON is the reason for the social worker change that began an
 * episode (the DfE counts "the reason a child was assigned a new social
 * worker", FCONTA being first contact or re-referral; SW10STG2 exempts an
 * episode by its own reason), so every episode gives one, the open one
 * too. Episodes were first collected for 2023-24: from 2024-25 one begun
 * before 1 April 2023 may leave it blank. */
static int since_collection_began(const v903_row *r)
{
	csc_date s = START(r);
	return s != CSC_NODATE && s >= csc_date_make(2023, 4, 1);
}

/* SW01STG1 (2023-24): a child looked after at 31 March (not on short
 * breaks) with no social worker episode, or none giving SW_ID, SW_DECOM or
 * SW_REASON (the DfE text asks for "at least one instance of each").
 * Upstream flags any incomplete row, which SW03STG1 already does. */
static void c01(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *last,
		v903_row *const *s, size_t m)
{
	(void)d;
	int id = 0, start = 0, reason = 0;
	for (size_t k = 0; k < m; k++) {
		id |= !v903_blank(s[k], SW_ID);
		start |= !v903_blank(s[k], SW_DECOM);
		reason |= !v903_blank(s[k], SW_REASON);
	}
	if (!id || !start || !reason)
		v903_report(ctx, rule, V9_EPISODES, last, EP_CHILD);
}
void v903_r_sw01(v_ctx *ctx, const v_rule *rule) { each_sw_child(ctx, rule, c01); }

/* SW03STG1 (2023-24): an episode without its worker, its start or its
 * reason. */
void v903_r_sw03(v_ctx *ctx, const v_rule *rule)
{
	const v903_table *tb = &v903_cur(ctx)->t[V9_SW];
	static const int need[] = {SW_ID, SW_DECOM, SW_REASON};
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		for (int k = 0; k < 3; k++)
			if (v903_blank(r, need[k])) {
				REP(r, need[k]);
				break;
			}
	}
}

/* SW01bSTG1 (2024-25 on): an episode with no valid start, or begun since
 * 1 April 2023 without its worker or its reason. */
void v903_r_sw01b(v_ctx *ctx, const v_rule *rule)
{
	const v903_table *tb = &v903_cur(ctx)->t[V9_SW];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		if (START(r) == CSC_NODATE)
			REP(r, SW_DECOM);
		else if (since_collection_began(r) && (v903_blank(r, SW_ID) || v903_blank(r, SW_REASON)))
			REP(r, v903_blank(r, SW_ID) ? SW_ID : SW_REASON);
	}
}

/* SW13STG1 (2024-25 on): the reason is not a code of the year's list, or
 * an episode begun since 1 April 2023 has none. */
void v903_r_sw13(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_SW];
	v903_rset codes;
	v903_rset_list(v903_set(d, "@SWEpisodes.SW_REASON"), &codes);
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		if (v903_blank(r, SW_REASON) ? since_collection_began(r)
					     : !v903_in_rset(&codes, r->f[SW_REASON]))
			REP(r, SW_REASON);
	}
}

/* SW17STG2: a child looked after at 31 March (not on short breaks) has no
 * social worker episode open on that day. */
static void c17(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *last,
		v903_row *const *s, size_t m)
{
	int open = 0;
	for (size_t k = 0; k < m; k++)
		open |= START(s[k]) != CSC_NODATE && START(s[k]) <= d->year_end &&
			(v903_blank(s[k], SW_DEC) || END(s[k]) > d->year_end);
	if (!open)
		v903_report(ctx, rule, m ? V9_SW : V9_EPISODES, m ? s[m - 1] : last, m ? SW_DEC : EP_CHILD);
}
void v903_r_sw17(v_ctx *ctx, const v_rule *rule) { each_sw_child(ctx, rule, c17); }
