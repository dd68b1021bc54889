/* v903_rules_adoption.c - AD1, PlacedAdoption and PrevPerm rules against
 * the child's episodes. */
#include <string.h>

#include "v903_checks.h"
#include "v903_rules.h"

#define IN(r, col, set) v903_in((r)->f[col], set)
#define DECOM(r) v903_date((r), EP_DECOM)
#define DEC(r) v903_date((r), EP_DEC)
#define ADOPTED "E11 E12"
#define PLACED_FOR_ADOPTION "A3 A4 A5 A6"

typedef void (*row_fn)(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *r,
		       v903_row *const *e, size_t ne);
static void each_row(v_ctx *ctx, const v_rule *rule, int t, row_fn fn)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[t];
	for (size_t i = 0; i < tb->n; i++) {
		v903_row *const *e;
		size_t ne = v903_child_of(&d->t[V9_EPISODES], &tb->rows[i], &e);
		fn(ctx, rule, d, &tb->rows[i], e, ne);
	}
}
#define ROW(name) \
	static void name(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *r, \
			 v903_row *const *e, size_t ne)
#define EACH(code, t, fn) \
	void v903_r_##code(v_ctx *ctx, const v_rule *rule) { each_row(ctx, rule, t, fn); }
#define REP(t, col) v903_report(ctx, rule, (t), r, (col))

/* First episode of the child with PLACE in set, or NULL. */
static const v903_row *first_place(v903_row *const *e, size_t ne, const char *set)
{
	for (size_t i = 0; i < ne; i++)
		if (IN(e[i], EP_PLACE, set))
			return e[i];
	return NULL;
}

/* Start date of the child's latest period of care (its last RNE S), or
 * CSC_NODATE when it began before the episodes given. */
static csc_date latest_start(v903_row *const *e, size_t ne)
{
	for (size_t i = ne; i-- > 0;)
		if (IN(e[i], EP_RNE, "S"))
			return DECOM(e[i]);
	return CSC_NODATE;
}

#define left_care v903_left_care

/* Adopted (E11/E12) in the collection year. */
static const v903_row *adoption(const v903_data *d, v903_row *const *e, size_t ne)
{
	for (size_t i = 0; i < ne; i++) {
		csc_date x = DEC(e[i]);
		if (IN(e[i], EP_REC, ADOPTED) && x != CSC_NODATE && x >= d->year_start &&
		    x <= d->year_end)
			return e[i];
	}
	return NULL;
}

static const int ad1_items[] = {AD_DATE_INT, AD_DATE_MATCH, AD_FOSTER_CARE, AD_NB_ADOPTR,
				AD_SEX_ADOPTR, AD_LS_ADOPTR};
static int ad1_completed(const v903_row *a)
{
	for (size_t i = 0; i < sizeof ad1_items / sizeof ad1_items[0]; i++)
		if (!v903_blank(a, ad1_items[i]))
			return ad1_items[i];
	return -1;
}

/* PlacedAdoption ------------------------------------------------------ */

/* 117: decision dates after the year ended or after the child left care. */
ROW(r117)
{
	csc_date left = left_care(e, ne);
	static const int cols[] = {PA_CEASED, PA_DATE_PLACED};
	for (int k = 0; k < 2; k++) {
		csc_date x = v903_date(r, cols[k]);
		if (x != CSC_NODATE && ((d->year_end != CSC_NODATE && x > d->year_end) ||
					(left != CSC_NODATE && x > left))) {
			REP(V9_PLACED, cols[k]);
			return;
		}
	}
}
EACH(117, V9_PLACED, r117)

/* 118: decision no longer to place made before the year began or before
 * the child started to be looked after. */
ROW(r118)
{
	csc_date x = v903_date(r, PA_CEASED);
	if (x == CSC_NODATE)
		return;
	csc_date first = ne ? DECOM(e[0]) : CSC_NODATE;
	if ((d->year_start != CSC_NODATE && x < d->year_start) || (first != CSC_NODATE && x < first))
		REP(V9_PLACED, PA_CEASED);
}
EACH(118, V9_PLACED, r118)

/* 1003: decision to place for adoption before the latest period of care
 * began. */
ROW(r1003)
{
	(void)d;
	csc_date x = v903_date(r, PA_DATE_PLACED), s = latest_start(e, ne);
	if (x != CSC_NODATE && s != CSC_NODATE && x < s)
		REP(V9_PLACED, PA_DATE_PLACED);
}
EACH(1003, V9_PLACED, r1003)

/* 552: decision to place made after the child was placed for adoption. */
ROW(r552)
{
	(void)d;
	const v903_row *a = first_place(e, ne, PLACED_FOR_ADOPTION);
	csc_date x = v903_date(r, PA_DATE_PLACED);
	if (a && x != CSC_NODATE && DECOM(a) != CSC_NODATE && x > DECOM(a) &&
	    x <= v903_end_or_year(d, a))
		REP(V9_PLACED, PA_DATE_PLACED);
}
EACH(552, V9_PLACED, r552)

/* 554: decision to place made after the placement order (E1) began;
 * 556 (2023-24): after the freeing order (D1) began. */
static void decided_after(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *r,
			  v903_row *const *e, size_t ne, const char *ls)
{
	(void)d;
	csc_date x = v903_date(r, PA_DATE_PLACED);
	for (size_t i = 0; i < ne && x != CSC_NODATE; i++)
		if (IN(e[i], EP_LS, ls) && DECOM(e[i]) != CSC_NODATE) {
			if (x > DECOM(e[i]))
				REP(V9_PLACED, PA_DATE_PLACED);
			return;
		}
}
ROW(r554)
{
	decided_after(ctx, rule, d, r, e, ne, "E1");
}
EACH(554, V9_PLACED, r554)
ROW(r556)
{
	decided_after(ctx, rule, d, r, e, ne, "D1");
}
EACH(556, V9_PLACED, r556)

/* 557: left care not adopted, with a decision to place and no decision
 * to stop. */
ROW(r557)
{
	(void)d;
	if (!ne || v903_blank(r, PA_DATE_PLACED) || !v903_blank(r, PA_CEASED))
		return;
	const v903_row *last = e[ne - 1];
	if (left_care(e, ne) != CSC_NODATE && !IN(last, EP_REC, ADOPTED))
		REP(V9_PLACED, PA_CEASED);
}
EACH(557, V9_PLACED, r557)

/* 558: adopted, yet a decision no longer to place for adoption. */
ROW(r558)
{
	if (!v903_blank(r, PA_CEASED) && adoption(d, e, ne))
		REP(V9_PLACED, PA_CEASED);
}
EACH(558, V9_PLACED, r558)

/* 579 and 583: a child's decisions to place for adoption (sorted by date).
 * 579: one starts while the previous is open or before it ceased. 583:
 * an earlier decision was never revoked. */
static void decisions(v_ctx *ctx, const v_rule *rule, int overlap)
{
	const v903_table *tb = &v903_cur(ctx)->t[V9_PLACED];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		v903_row *const *p = tb->by_child + i;
		for (size_t k = 1; k < n; k++) {
			csc_date ceased = v903_date(p[k - 1], PA_CEASED);
			csc_date placed = v903_date(p[k], PA_DATE_PLACED);
			int open = v903_blank(p[k - 1], PA_CEASED);
			int bad = overlap ? open || (ceased != CSC_NODATE && placed != CSC_NODATE &&
						     placed < ceased)
					  : open;
			if (bad)
				v903_report(ctx, rule, V9_PLACED, p[k], PA_DATE_PLACED);
		}
	}
}
void v903_r_579(v_ctx *ctx, const v_rule *rule) { decisions(ctx, rule, 1); }
void v903_r_583(v_ctx *ctx, const v_rule *rule) { decisions(ctx, rule, 0); }

/* Episodes needing PlacedAdoption ------------------------------------- */

/* 551: placed for adoption (A3-A6) this year with no decision to place;
 * 553: placement order (E1) with no decision to place. */
static void needs_decision(v_ctx *ctx, const v_rule *rule, int col, const char *set)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_EPISODES];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		v903_row *const *p;
		size_t np = v903_child_of(&d->t[V9_PLACED], tb->by_child[i], &p);
		int have = 0;
		for (size_t k = 0; k < np; k++)
			have |= !v903_blank(p[k], PA_DATE_PLACED);
		if (have)
			continue;
		for (size_t k = i; k < i + n; k++) {
			const v903_row *r = tb->by_child[k];
			csc_date end = v903_end_or_year(d, r);
			if (IN(r, col, set) && end != CSC_NODATE && end >= d->year_start) {
				v903_report(ctx, rule, V9_EPISODES, r, col);
				break;
			}
		}
	}
}
void v903_r_551(v_ctx *ctx, const v_rule *rule) { needs_decision(ctx, rule, EP_PLACE, PLACED_FOR_ADOPTION); }
void v903_r_553(v_ctx *ctx, const v_rule *rule) { needs_decision(ctx, rule, EP_LS, "E1"); }

/* 555 (2023-24): a freeing order (D1) with no decision to place; or one
 * still open while the decision to place has been reversed. */
void v903_r_555(v_ctx *ctx, const v_rule *rule)
{
	needs_decision(ctx, rule, EP_LS, "D1");
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_PLACED];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		v903_row *const *e;
		size_t ne = v903_child_of(&d->t[V9_EPISODES], r, &e);
		if (!ne || !V903_OPEN(e[ne - 1]) || !IN(e[ne - 1], EP_LS, "D1"))
			continue;
		if (!v903_blank(r, PA_CEASED) || !v903_blank(r, PA_REASON))
			REP(V9_PLACED, v903_blank(r, PA_CEASED) ? PA_REASON : PA_CEASED);
	}
}

/* AD1 ------------------------------------------------------------------ */

/* 331: matched with adopters after being placed for adoption. */
ROW(r331)
{
	(void)d;
	const v903_row *a = first_place(e, ne, PLACED_FOR_ADOPTION);
	csc_date m = v903_date(r, AD_DATE_MATCH);
	if (a && m != CSC_NODATE && DECOM(a) != CSC_NODATE && m > DECOM(a))
		REP(V9_AD1, AD_DATE_MATCH);
}
EACH(331, V9_AD1, r331)

/* 521: decision that adoption is in the child's interest after the
 * placement for adoption. */
ROW(r521)
{
	(void)d;
	const v903_row *a = first_place(e, ne, PLACED_FOR_ADOPTION);
	csc_date x = v903_date(r, AD_DATE_INT);
	if (a && x != CSC_NODATE && DECOM(a) != CSC_NODATE && x > DECOM(a))
		REP(V9_AD1, AD_DATE_INT);
}
EACH(521, V9_AD1, r521)

/* 334: that decision before the latest period of care began. */
ROW(r334)
{
	(void)d;
	csc_date x = v903_date(r, AD_DATE_INT), s = latest_start(e, ne);
	if (x != CSC_NODATE && s != CSC_NODATE && x < s)
		REP(V9_AD1, AD_DATE_INT);
}
EACH(334, V9_AD1, r334)

/* 335: FOSTER_CARE 0 (not adopted by current foster carers) but the
 * adoption placement was with them (A3/A5), or 1 but it was not (A4/A6). */
ROW(r335)
{
	(void)d;
	const v903_row *a = NULL;
	for (size_t i = ne; i-- > 0 && !a;)
		if (IN(e[i], EP_PLACE, PLACED_FOR_ADOPTION))
			a = e[i];
	if (a && ((IN(r, AD_FOSTER_CARE, "0") && IN(a, EP_PLACE, "A3 A5")) ||
		  (IN(r, AD_FOSTER_CARE, "1") && IN(a, EP_PLACE, "A4 A6"))))
		REP(V9_AD1, AD_FOSTER_CARE);
}
EACH(335, V9_AD1, r335)

/* 523: the two decisions to place for adoption differ (AD1 DATE_INT and
 * the latest PlacedAdoption DATE_PLACED). */
ROW(r523)
{
	(void)e, (void)ne;
	v903_row *const *p;
	size_t np = v903_child_of(&d->t[V9_PLACED], r, &p);
	if (!np || v903_blank(r, AD_DATE_INT) || v903_blank(p[np - 1], PA_DATE_PLACED))
		return;
	if (v903_date(r, AD_DATE_INT) != v903_date(p[np - 1], PA_DATE_PLACED))
		REP(V9_AD1, AD_DATE_INT);
}
EACH(523, V9_AD1, r523)

/* 525: decision to place reversed, yet adoption data. */
ROW(r525)
{
	(void)e, (void)ne;
	int col = ad1_completed(r);
	v903_row *const *p;
	size_t np = v903_child_of(&d->t[V9_PLACED], r, &p);
	for (size_t k = 0; k < np && col >= 0; k++)
		if (!v903_blank(p[k], PA_CEASED)) {
			REP(V9_AD1, col);
			return;
		}
}
EACH(525, V9_AD1, r525)

/* 582: adopted on the day of matching. */
ROW(r582)
{
	const v903_row *a = adoption(d, e, ne);
	csc_date m = v903_date(r, AD_DATE_MATCH);
	if (a && m != CSC_NODATE && DEC(a) == m)
		REP(V9_AD1, AD_DATE_MATCH);
}
EACH(582, V9_AD1, r582)

/* 602: adoption data but no adoption this year. */
ROW(r602)
{
	int col = ad1_completed(r);
	if (col >= 0 && d->year_end != CSC_NODATE && !adoption(d, e, ne))
		REP(V9_AD1, AD_CHILD);
}
EACH(602, V9_AD1, r602)

/* 601: adopted this year with AD1 missing or incomplete. */
void v903_r_601(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_EPISODES];
	for (size_t i = 0, n; i < tb->n; i += n) {
		n = v903_run_len(tb, i);
		const v903_row *a = adoption(d, tb->by_child + i, n);
		if (!a)
			continue;
		v903_row *const *ad;
		size_t na = v903_child_of(&d->t[V9_AD1], a, &ad);
		int missing = !na;
		for (size_t k = 0; k < sizeof ad1_items / sizeof ad1_items[0] && na; k++)
			missing |= v903_blank(ad[0], ad1_items[k]);
		if (missing)
			v903_report(ctx, rule, V9_EPISODES, a, EP_REC);
	}
}

/* PrevPerm ----------------------------------------------------------- */

/* 630: a period of care begun this year has no previous permanence row;
 * short breaks (V3/V4) too: the DfE text exempts none (393, 607, SW01
 * name V3/V4 where they are exempt). */
void v903_r_630(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_EPISODES];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		csc_date s = DECOM(r);
		v903_row *const *p;
		if (IN(r, EP_RNE, "S") && s != CSC_NODATE &&
		    s >= d->year_start && s <= d->year_end &&
		    !v903_child_of(&d->t[V9_PREVPERM], r, &p))
			v903_report(ctx, rule, V9_EPISODES, r, EP_RNE);
	}
}

/* DATE_PERM is DD/MM/YYYY, or with an unknown day ("zz/MM/YYYY") or day
 * and month ("zz/zz/YYYY"); *out is the first possible day. */
static int perm_date(const char *s, csc_date *out)
{
	char buf[11];
	if (strlen(s) != 10)
		return -1;
	memcpy(buf, s, 11);
	int zz_day = !strncmp(buf, "zz/", 3) || !strncmp(buf, "ZZ/", 3);
	int zz_month = zz_day && (!strncmp(buf + 3, "zz/", 3) || !strncmp(buf + 3, "ZZ/", 3));
	if (zz_day)
		memcpy(buf, "01", 2);
	if (zz_month)
		memcpy(buf + 3, "01", 2);
	return csc_date_parse_dmy(buf, 10, out);
}

/* 632: DATE_PERM is not a date, or falls after the latest period of care
 * began. */
ROW(r632)
{
	(void)d;
	if (v903_blank(r, PP_DATE_PERM))
		return;
	csc_date x, s = latest_start(e, ne);
	if (perm_date(r->f[PP_DATE_PERM], &x) < 0 || (s != CSC_NODATE && x > s))
		REP(V9_PREVPERM, PP_DATE_PERM);
}
EACH(632, V9_PREVPERM, r632)

/* 633: LA_PERM is a DfE local authority number (three digits, 2xx-9xx)
 * or WAL (Wales), SCO, NIR or NUK (not known). The authority list itself
 * is not in ref/, so a well-formed but unused number passes. */
ROW(r633)
{
	(void)d, (void)e, (void)ne;
	const char *s = r->f[PP_LA_PERM];
	if (!*s || v903_in(s, "WAL SCO NIR NUK"))
		return;
	if (!(strlen(s) == 3 && s[0] >= '2' && s[0] <= '9' && strspn(s, "0123456789") == 3))
		REP(V9_PREVPERM, PP_LA_PERM);
}
EACH(633, V9_PREVPERM, r633)

/* 634: previous permanence data for a child whose latest period of care
 * began before 1 April 2016. */
ROW(r634)
{
	(void)d;
	static const int cols[] = {PP_PREV_PERM, PP_LA_PERM, PP_DATE_PERM};
	csc_date s = latest_start(e, ne);
	if (s == CSC_NODATE || s >= csc_date_make(2016, 4, 1))
		return;
	for (int k = 0; k < 3; k++)
		if (!v903_blank(r, cols[k])) {
			REP(V9_PREVPERM, cols[k]);
			return;
		}
}
EACH(634, V9_PREVPERM, r634)

/* Missing ------------------------------------------------------------ */

/* The episode whose span contains date x, or NULL. */
static const v903_row *episode_at(const v903_data *d, v903_row *const *e, size_t ne, csc_date x)
{
	for (size_t i = 0; i < ne; i++) {
		csc_date s = DECOM(e[i]), end = V903_OPEN(e[i]) ? d->year_end + 1 : DEC(e[i]);
		if (s != CSC_NODATE && end != CSC_NODATE && s <= x && x <= end)
			return e[i];
	}
	return NULL;
}

/* 575: the placement the child went missing from ended, but the missing
 * period has no end. */
ROW(r575)
{
	csc_date s = v903_date(r, MS_START);
	if (s == CSC_NODATE || !v903_blank(r, MS_END))
		return;
	const v903_row *ep = episode_at(d, e, ne, s);
	if (ep && !V903_OPEN(ep))
		REP(V9_MISSING, MS_END);
}
EACH(575, V9_MISSING, r575)

/* 578: missing period starts after the child left care. */
ROW(r578)
{
	(void)d;
	csc_date s = v903_date(r, MS_START), left = left_care(e, ne);
	if (s != CSC_NODATE && left != CSC_NODATE && s > left)
		REP(V9_MISSING, MS_START);
}
EACH(578, V9_MISSING, r578)

/* 580: missing when the period of care ended, yet the reason is not E8. */
ROW(r580)
{
	(void)d;
	csc_date s = v903_date(r, MS_START), end = v903_date(r, MS_END), left = left_care(e, ne);
	if (s == CSC_NODATE || left == CSC_NODATE || s > left)
		return;
	if ((end == CSC_NODATE && v903_blank(r, MS_END)) || end > left) {
		if (!IN(e[ne - 1], EP_REC, "E8"))
			v903_report(ctx, rule, V9_EPISODES, e[ne - 1], EP_REC);
	}
}
EACH(580, V9_MISSING, r580)

/* 581: missing before the child was first looked after. */
ROW(r581)
{
	(void)d;
	csc_date s = v903_date(r, MS_START);
	if (ne && s != CSC_NODATE && DECOM(e[0]) != CSC_NODATE && s < DECOM(e[0]))
		REP(V9_MISSING, MS_START);
}
EACH(581, V9_MISSING, r581)
