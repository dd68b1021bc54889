/* v903_rules_oc.c - OC2 (looked after continuously for 12 months) and OC3
 * (care leavers) rules that depend on age, episodes or other tables. */
#include <string.h>

#include "v903_checks.h"
#include "v903_rules.h"

#define IN(r, col, set) v903_in((r)->f[col], set)

typedef void (*row_fn)(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *r);
static void each_row(v_ctx *ctx, const v_rule *rule, int t, row_fn fn)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[t];
	for (size_t i = 0; i < tb->n; i++)
		fn(ctx, rule, d, &tb->rows[i]);
}
#define ROW(name) \
	static void name(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *r)
#define EACH(code, t, fn) \
	void v903_r_##code(v_ctx *ctx, const v_rule *rule) { each_row(ctx, rule, t, fn); }
#define REP2(col) v903_report(ctx, rule, V9_OC2, r, (col))
#define REP3(col) v903_report(ctx, rule, V9_OC3, r, (col))

/* Age at date on from the row's own DOB (OC2 and OC3 carry one), falling
 * back to Header's; -1 when unknown. */
static int age(const v903_data *d, const v903_row *r, csc_date on)
{
	csc_date dob = v903_date(r, 1);
	if (dob == CSC_NODATE)
		dob = v903_dob_of(d, r);
	return dob == CSC_NODATE || on == CSC_NODATE ? -1 : csc_date_age(dob, on);
}

static int any_completed(const v903_row *r, const int *cols, int n)
{
	for (int i = 0; i < n; i++)
		if (!v903_blank(r, cols[i]))
			return cols[i];
	return -1;
}

static const int oc2_items[] = {O2_CONVICTED, O2_HEALTH_CHECK, O2_IMMUNISATIONS,
				O2_TEETH_CHECK, O2_HEALTH_ASSESSMENT, O2_SUBSTANCE_MISUSE,
				O2_INT_RECEIVED, O2_INT_OFFERED};
static const int oc2_health[] = {O2_IMMUNISATIONS, O2_TEETH_CHECK, O2_HEALTH_ASSESSMENT,
				 O2_SUBSTANCE_MISUSE};
static const int oc3_items[] = {O3_IN_TOUCH, O3_ACTIV, O3_ACCOM};
static const int ad1_items[] = {AD_DATE_INT, AD_DATE_MATCH, AD_FOSTER_CARE, AD_NB_ADOPTR,
				AD_SEX_ADOPTR, AD_LS_ADOPTR};
#define N(a) ((int)(sizeof a / sizeof a[0]))

/* The child of r has an OC3 / AD1 row with some data in it. */
static const v903_row *oc3_data(const v903_data *d, const v903_row *r)
{
	v903_row *const *o;
	size_t n = v903_child_of(&d->t[V9_OC3], r, &o);
	for (size_t i = 0; i < n; i++)
		if (any_completed(o[i], oc3_items, N(oc3_items)) >= 0)
			return o[i];
	return NULL;
}
static const v903_row *ad1_data(const v903_data *d, const v903_row *r)
{
	v903_row *const *a;
	size_t n = v903_child_of(&d->t[V9_AD1], r, &a);
	for (size_t i = 0; i < n; i++)
		if (any_completed(a[i], ad1_items, N(ad1_items)) >= 0)
			return a[i];
	return NULL;
}

/* OC2 ----------------------------------------------------------------- */

/* 157: SDQ1 (no SDQ: under 4 or over 16) for a child of the OC2 cohort 4
 * or over at the start of the year and 16 or under at its end. Outside the
 * cohort no SDQ item belongs in the return at all (198 says so), so 157
 * would only repeat it (issue 15). */
ROW(r157)
{
	if (IN(r, O2_SDQ_REASON, "SDQ1") && age(d, r, d->year_start) >= 4 &&
	    age(d, r, d->year_end) >= 0 && age(d, r, d->year_end) <= 16 &&
	    v903_oc2_cohort(d, r))
		REP2(O2_SDQ_REASON);
}
EACH(157, V9_OC2, r157)

/* 185: SDQ score outside the OC2 cohort. */
ROW(r185)
{
	if (!v903_blank(r, O2_SDQ_SCORE) && !v903_oc2_cohort(d, r))
		REP2(O2_SDQ_SCORE);
}
EACH(185, V9_OC2, r185)

/* 186: in the cohort, 4 or over at the start and under 17 at the end, and
 * neither an SDQ score nor a reason for none. */
ROW(r186)
{
	int a0 = age(d, r, d->year_start), a1 = age(d, r, d->year_end);
	if (a0 >= 4 && a1 >= 0 && a1 < 17 && v903_blank(r, O2_SDQ_SCORE) &&
	    v903_blank(r, O2_SDQ_REASON) && v903_oc2_cohort(d, r))
		REP2(O2_SDQ_SCORE);
}
EACH(186, V9_OC2, r186)

/* 197B: in the cohort, aged 4 at the start or 17 at the end of the year,
 * and neither an SDQ score nor a reason. A child already 17 at the start
 * (17th birthday on 1 April) is out: rule 189 forbids both items for them,
 * so no return could satisfy the two rules. */
ROW(r197b)
{
	int a0 = age(d, r, d->year_start), a1 = age(d, r, d->year_end);
	if ((a0 == 4 || (a1 == 17 && a0 < 17)) && v903_blank(r, O2_SDQ_SCORE) &&
	    v903_blank(r, O2_SDQ_REASON) && v903_oc2_cohort(d, r))
		REP2(O2_SDQ_REASON);
}
EACH(197b, V9_OC2, r197b)

/* 187: in the OC2 cohort yet with adoption (AD1) or care leaver (OC3) data. */
void v903_r_187(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx);
	static const int tabs[] = {V9_AD1, V9_OC3};
	for (int k = 0; k < 2; k++) {
		const v903_table *tb = &d->t[tabs[k]];
		for (size_t i = 0; i < tb->n; i++) {
			const v903_row *r = &tb->rows[i];
			int col = k == 0 ? any_completed(r, ad1_items, N(ad1_items))
				: any_completed(r, oc3_items, N(oc3_items));
			if (col >= 0 && v903_oc2_cohort(d, r))
				v903_report(ctx, rule, tabs[k], r, col);
		}
	}
}

/* 188: under 4 at the end of the year, yet SDQ score or reason. */
ROW(r188)
{
	int a = age(d, r, d->year_end);
	if (a >= 0 && a < 4 && (!v903_blank(r, O2_SDQ_SCORE) || !v903_blank(r, O2_SDQ_REASON)))
		REP2(v903_blank(r, O2_SDQ_SCORE) ? O2_SDQ_REASON : O2_SDQ_SCORE);
}
EACH(188, V9_OC2, r188)

/* 189: 17 or over at the start of the year, yet SDQ score or reason. */
ROW(r189)
{
	if (age(d, r, d->year_start) >= 17 &&
	    (!v903_blank(r, O2_SDQ_SCORE) || !v903_blank(r, O2_SDQ_REASON)))
		REP2(v903_blank(r, O2_SDQ_SCORE) ? O2_SDQ_REASON : O2_SDQ_SCORE);
}
EACH(189, V9_OC2, r189)

/* 190: 12-month items completed outside the cohort. */
ROW(r190)
{
	int col = any_completed(r, oc2_items, N(oc2_items));
	if (col >= 0 && !v903_oc2_cohort(d, r))
		REP2(col);
}
EACH(190, V9_OC2, r190)

/* 191: in the cohort with immunisations, teeth, health assessment or
 * substance misuse blank. */
ROW(r191)
{
	for (int i = 0; i < N(oc2_health); i++)
		if (v903_blank(r, oc2_health[i]) && v903_oc2_cohort(d, r)) {
			REP2(oc2_health[i]);
			return;
		}
}
EACH(191, V9_OC2, r191)

/* 198: reason for no SDQ outside the cohort. */
ROW(r198)
{
	if (!v903_blank(r, O2_SDQ_REASON) && !v903_oc2_cohort(d, r))
		REP2(O2_SDQ_REASON);
}
EACH(198, V9_OC2, r198)

/* 215: a care leaver (OC3 data) with 12-month items completed. */
ROW(r215)
{
	int col = any_completed(r, oc2_items, N(oc2_items));
	if (col >= 0 && oc3_data(d, r))
		REP2(col);
}
EACH(215, V9_OC2, r215)

/* 543: in the cohort, 10 or over at 31 March, conviction blank. */
ROW(r543)
{
	if (v903_blank(r, O2_CONVICTED) && age(d, r, d->year_end) >= 10 &&
	    v903_oc2_cohort(d, r))
		REP2(O2_CONVICTED);
}
EACH(543, V9_OC2, r543)

/* 545: in the cohort, under 5 at 31 March, health check blank. */
ROW(r545)
{
	int a = age(d, r, d->year_end);
	if (v903_blank(r, O2_HEALTH_CHECK) && a >= 0 && a < 5 && v903_oc2_cohort(d, r))
		REP2(O2_HEALTH_CHECK);
}
EACH(545, V9_OC2, r545)

/* 546: a child of the OC2 cohort aged 5 or over at 31 March has the health
 * check (health promotion) item completed. Outside the cohort no OC2 item
 * belongs in the return (190 says so), so 546 would only repeat it
 * (issue 15). */
ROW(r546)
{
	if (!v903_blank(r, O2_HEALTH_CHECK) && age(d, r, d->year_end) >= 5 &&
	    v903_oc2_cohort(d, r))
		REP2(O2_HEALTH_CHECK);
}
EACH(546, V9_OC2, r546)

/* OC3 ----------------------------------------------------------------- */

/* 134: a care leaver with adoption data. */
ROW(r134)
{
	if (any_completed(r, oc3_items, N(oc3_items)) >= 0 && ad1_data(d, r))
		REP3(O3_IN_TOUCH);
}
EACH(134, V9_OC3, r134)

/* 347: a care leaver in a foyer (T1/T2) who was under 18 at the start of
 * the year (DfE: "DOB must be at least 18 years before collection_start"). */
ROW(r347)
{
	int a = age(d, r, d->year_start);
	if (IN(r, O3_ACCOM, "T1 T2") && a >= 0 && a < 18)
		REP3(O3_ACCOM);
}
EACH(347, V9_OC3, r347)

/* 391: not 17 to 21 at any time in the year. */
ROW(r391)
{
	int a1 = age(d, r, d->year_end), a0 = age(d, r, d->year_start);
	if (a1 >= 0 && (a1 < 17 || a0 > 21))
		REP3(O3_DOB);
}
EACH(391, V9_OC3, r391)

/* The episodes of the child of row r. */
static size_t episodes(const v903_data *d, const v903_row *r, v903_row *const **e)
{
	return v903_child_of(&d->t[V9_EPISODES], r, e);
}

/* 1000: died in care (E2) yet care leaver data. */
ROW(r1000)
{
	v903_row *const *e;
	size_t n = episodes(d, r, &e);
	int col = any_completed(r, oc3_items, N(oc3_items));
	for (size_t i = 0; i < n && col >= 0; i++)
		if (IN(e[i], EP_REC, "E2")) {
			REP3(col);
			return;
		}
}
EACH(1000, V9_OC3, r1000)

/* 1011: the final episode ended with care transferred to another
 * authority (E3) yet care leaver data. */
ROW(r1011)
{
	v903_row *const *e;
	size_t n = episodes(d, r, &e);
	int col = any_completed(r, oc3_items, N(oc3_items));
	if (n && col >= 0 && IN(e[n - 1], EP_REC, "E3"))
		REP3(col);
}
EACH(1011, V9_OC3, r1011)

/* 1007 and 1016: care leaver data for a young person looked after on
 * their 17th or 18th birthday falling in the year: still looked after at
 * 31 March (1007), or left care after the birthday (1016). */
static int looked_after_on_birthday(const v903_data *d, const v903_row *r, int still)
{
	csc_date dob = v903_date(r, O3_DOB);
	if (dob == CSC_NODATE)
		dob = v903_dob_of(d, r);
	if (dob == CSC_NODATE || d->year_end == CSC_NODATE)
		return 0;
	v903_row *const *e;
	size_t n = episodes(d, r, &e);
	for (int age_n = 17; age_n <= 18; age_n++) {
		csc_date b = csc_date_birthday(dob, age_n);
		if (b < d->year_start || b > d->year_end)
			continue;
		for (size_t i = 0; i < n; i++) {
			csc_date s = v903_date(e[i], EP_DECOM), x = v903_date(e[i], EP_DEC);
			if (s == CSC_NODATE || s > b || (!V903_OPEN(e[i]) && x <= b))
				continue;
			int open_at_end = V903_OPEN(e[i]) || x > d->year_end;
			if (open_at_end == still)
				return 1;
		}
	}
	return 0;
}
ROW(r1007)
{
	int col = any_completed(r, oc3_items, N(oc3_items));
	if (col >= 0 && looked_after_on_birthday(d, r, 1))
		REP3(col);
}
EACH(1007, V9_OC3, r1007)
ROW(r1016)
{
	int col = any_completed(r, oc3_items, N(oc3_items));
	if (col >= 0 && looked_after_on_birthday(d, r, 0))
		REP3(col);
}
EACH(1016, V9_OC3, r1016)

/* 1012: a care leaver with no episodes this year has rows in tables only
 * looked-after children have. */
ROW(r1012)
{
	if (v903_looked_after_in_year(d, r))
		return;
	static const int tabs[] = {V9_REVIEWS, V9_OC2, V9_AD1, V9_PLACED, V9_PREVPERM,
				   V9_MISSING, V9_SW};
	for (int k = 0; k < N(tabs); k++) {
		v903_row *const *o;
		if (v903_child_of(&d->t[tabs[k]], r, &o))
			v903_report(ctx, rule, tabs[k], o[0], 0);
	}
}
EACH(1012, V9_OC3, r1012)

/* 1014: a care leaver not looked after this year has UASC data. */
ROW(r1014)
{
	if (any_completed(r, oc3_items, N(oc3_items)) < 0 ||
	    v903_looked_after_in_year(d, r))
		return;
	v903_row *const *u;
	size_t n = v903_child_of(&d->t[V9_UASC], r, &u);
	for (size_t i = 0; i < n; i++)
		if (!v903_blank(u[i], UA_DUC))
			v903_report(ctx, rule, V9_UASC, u[i], UA_DUC);
}
EACH(1014, V9_OC3, r1014)

/* 3001: care leaver around their 17th birthday (it falls in the year)
 * living with former foster carers (Z1/Z2). */
ROW(r3001)
{
	csc_date dob = v903_date(r, O3_DOB);
	if (dob == CSC_NODATE || d->year_end == CSC_NODATE || !IN(r, O3_ACCOM, "Z1 Z2"))
		return;
	csc_date b = csc_date_birthday(dob, 17);
	if (b >= d->year_start && b <= d->year_end)
		REP3(O3_ACCOM);
}
EACH(3001, V9_OC3, r3001)

/* With last year's return --------------------------------------------- */

/* 348: reported last year as having died. */
ROW(r348)
{
	const v903_data *p = v903_prev(ctx);
	v903_row *const *o;
	size_t n = p ? v903_child_of(&p->t[V9_OC3], r, &o) : 0;
	(void)d;
	for (size_t i = 0; i < n; i++)
		if (IN(o[i], O3_IN_TOUCH, "DIED")) {
			REP3(O3_IN_TOUCH);
			return;
		}
}
EACH(348, V9_OC3, r348)

/* Days looked after (not short breaks) on or after the 14th birthday,
 * over this year's and last year's episodes. */
static long days_after_14(const v903_data *d, const v903_data *p, const char *child)
{
	csc_date dob = v903_dob(d, child);
	if (dob == CSC_NODATE)
		return -1;
	csc_date from = csc_date_birthday(dob, 14);
	long days = 0;
	csc_date counted_to = CSC_NODATE; /* last year's open episode repeats */
	const v903_data *src[2] = {p, d};
	for (int k = 0; k < 2; k++) {
		if (!src[k])
			continue;
		v903_row *const *e;
		size_t n = v903_child(&src[k]->t[V9_EPISODES], child, &e);
		for (size_t i = 0; i < n; i++) {
			if (IN(e[i], EP_LS, "V3 V4"))
				continue;
			csc_date s = v903_date(e[i], EP_DECOM), x = v903_end_or_year(src[k], e[i]);
			if (s == CSC_NODATE || x == CSC_NODATE)
				continue;
			if (s < from)
				s = from;
			if (counted_to != CSC_NODATE && s <= counted_to)
				s = counted_to + 1;
			if (x >= s)
				days += x - s + 1;
			if (x > counted_to || counted_to == CSC_NODATE)
				counted_to = x;
		}
	}
	return days;
}

/* The child's earliest episode over last year's and this year's returns,
 * or NULL. */
static const v903_row *first_episode(const v903_data *d, const v903_data *p, const char *child)
{
	const v903_row *first = NULL;
	const v903_data *src[2] = {p, d};
	for (int k = 0; k < 2; k++) {
		v903_row *const *e;
		size_t n = v903_child(&src[k]->t[V9_EPISODES], child, &e);
		for (size_t i = 0; i < n; i++) {
			csc_date s = v903_date(e[i], EP_DECOM);
			if (s != CSC_NODATE && (!first || s < v903_date(first, EP_DECOM)))
				first = e[i];
		}
	}
	return first;
}

/* 1001: care leaver data, but the episodes show fewer than 13 weeks (91
 * days) looked after since the 14th birthday. Judged only when the child's
 * first episode in the two returns starts a period of care (RNE S): when it
 * continues a period begun before last year's return, the days before it
 * are not in the data, so the count proves nothing (the DfE note's false
 * positive; the same reading as 334 and 357). */
ROW(r1001)
{
	if (!v903_prev(ctx))
		return;
	int col = any_completed(r, oc3_items, N(oc3_items));
	const v903_row *first = first_episode(d, v903_prev(ctx), r->f[0]);
	if (col < 0 || !first || !IN(first, EP_RNE, "S"))
		return;
	long days = days_after_14(d, v903_prev(ctx), r->f[0]);
	if (days >= 0 && days < 91)
		REP3(col);
}
EACH(1001, V9_OC3, r1001)

/* 1002: care leaver data, but no episodes this year or last. Judged only
 * for young people whose 17th birthday falls in the year: a relevant
 * child was looked after on or after their 16th birthday, so within the
 * two years loaded; older care leavers may have left care earlier. */
ROW(r1002)
{
	if (!v903_prev(ctx))
		return;
	csc_date dob = v903_date(r, O3_DOB);
	if (dob == CSC_NODATE || csc_date_birthday(dob, 17) < d->year_start ||
	    csc_date_birthday(dob, 17) > d->year_end)
		return;
	int col = any_completed(r, oc3_items, N(oc3_items));
	v903_row *const *e;
	if (col >= 0 && !episodes(d, r, &e) &&
	    !v903_child_of(&v903_prev(ctx)->t[V9_EPISODES], r, &e))
		REP3(col);
}
EACH(1002, V9_OC3, r1002)

/* 1010: open episode at the end of last year, none this year, and care
 * leaver data. */
ROW(r1010)
{
	if (!v903_prev(ctx))
		return;
	int col = any_completed(r, oc3_items, N(oc3_items));
	v903_row *const *e, *const *pe;
	size_t m = v903_child_of(&v903_prev(ctx)->t[V9_EPISODES], r, &pe);
	if (col >= 0 && !episodes(d, r, &e) && m && V903_OPEN(pe[m - 1]))
		REP3(col);
}
EACH(1010, V9_OC3, r1010)
