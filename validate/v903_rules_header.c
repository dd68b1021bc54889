/* v903_rules_header.c - rules on the child (Header, UASC, Reviews), alone or
 * against the child's episodes. */
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"

#include "v903_checks.h"
#include "v903_rules.h"
#include "v_upn.h"

#define IN(r, col, set) v903_in((r)->f[col], set)
/* Against the year's code list @LIST (v903_set). */
#define INL(r, col, set) v903_in_set(d, (r)->f[col], set)
#define FEMALE "@rules 393/607/612: SEX meaning female"

/* Every Header row, with the child's episodes. */
typedef void (*child_fn)(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *h,
			 v903_row *const *e, size_t ne);
static void each_header(v_ctx *ctx, const v_rule *rule, child_fn fn)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_HEADER];
	for (size_t i = 0; i < tb->n; i++) {
		v903_row *const *e;
		size_t ne = v903_child_of(&d->t[V9_EPISODES], &tb->rows[i], &e);
		fn(ctx, rule, d, &tb->rows[i], e, ne);
	}
}
#define CHILD(name) \
	static void name(v_ctx *ctx, const v_rule *rule, const v903_data *d, const v903_row *h, \
			 v903_row *const *e, size_t ne)
#define EACH_HEADER(code, fn) \
	void v903_r_##code(v_ctx *ctx, const v_rule *rule) { each_header(ctx, rule, fn); }
#define REP(col) v903_report(ctx, rule, V9_HEADER, h, (col))

static int age_at(const v903_row *h, csc_date on)
{
	csc_date dob = v903_date(h, HD_DOB);
	return dob == CSC_NODATE || on == CSC_NODATE ? -1 : csc_date_age(dob, on);
}

/* Every episode of the child is a short break (V3/V4). */
static int short_breaks_only(v903_row *const *e, size_t ne)
{
	for (size_t i = 0; i < ne; i++)
		if (!IN(e[i], EP_LS, "V3 V4"))
			return 0;
	return ne > 0;
}

/* EPI: a child in Header has no episodes (care leavers, who are in OC3,
 * need none). */
CHILD(c_epi)
{
	(void)e;
	if (!ne && !v903_has_of(d, V9_OC3, h))
		REP(HD_CHILD);
}
EACH_HEADER(epi, c_epi)

/* 168: UPN has the shape of one (a letter other than I, O or S, eleven
 * digits, a digit or letter: the CIN check, v_upn.h), or is one of the
 * year's "unknown" codes UN1-UN5. */
CHILD(c168)
{
	(void)e, (void)ne;
	if (!v903_blank(h, HD_UPN) && !INL(h, HD_UPN, "@Header.UPN (unknown-UPN codes)") &&
	    !v_upn_shape_ok(h->f[HD_UPN]))
		REP(HD_UPN);
}
EACH_HEADER(168, c168)

/* 209: UN1 ("child under reception age") for a child of school age: five
 * or over on the 31 August before the year began. */
CHILD(c209)
{
	(void)e, (void)ne;
	if (!IN(h, HD_UPN, "UN1") || d->year_start == CSC_NODATE)
		return;
	int y, m, dd;
	csc_date_ymd(d->year_start, &y, &m, &dd);
	if (age_at(h, csc_date_make(y - 1, 8, 31)) >= 5)
		REP(HD_UPN);
}
EACH_HEADER(209, c209)

/* 231 (query): an unaccompanied asylum-seeking child (in UASC with no date
 * UASC status ceased) under 10 on 31 March. */
CHILD(c231)
{
	(void)e, (void)ne;
	v903_row *const *u;
	if (!v903_child_of(&d->t[V9_UASC], h, &u) || !v903_blank(u[0], UA_DUC))
		return;
	int age = age_at(h, d->year_end);
	if (age >= 0 && age < 10)
		REP(HD_DOB);
}
EACH_HEADER(231, c231)

/* 351: 25th birthday before the collection year began. */
CHILD(c351)
{
	(void)e, (void)ne;
	csc_date dob = v903_date(h, HD_DOB);
	if (dob != CSC_NODATE && d->year_start != CSC_NODATE &&
	    csc_date_birthday(dob, 25) < d->year_start)
		REP(HD_DOB);
}
EACH_HEADER(351, c351)

/* 444: the same real UPN (not UN1-UN5) on two children. Sorted by UPN,
 * then row (file order), with each UPN's prefix beside its row. */
struct upn_key {
	uint64_t pfx;
	const v903_row *r;
};
static int upn_cmp(const void *a, const void *b)
{
	const struct upn_key *x = a, *y = b;
	int c = v903_prefix_cmp(x->pfx, x->r->f[HD_UPN], y->pfx, y->r->f[HD_UPN]);
	return c ? c : (x->r < y->r ? -1 : x->r > y->r);
}
void v903_r_444(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_HEADER];
	struct upn_key *s = csc_xmalloc((tb->n ? tb->n : 1) * sizeof *s);
	size_t m = 0;
	for (size_t i = 0; i < tb->n; i++)
		if (!v903_blank(&tb->rows[i], HD_UPN) &&
		    !IN(&tb->rows[i], HD_UPN, "UN1 UN2 UN3 UN4 UN5"))
			s[m++] = (struct upn_key){v903_prefix(tb->rows[i].f[HD_UPN]), &tb->rows[i]};
	qsort(s, m, sizeof *s, upn_cmp);
	for (size_t i = 1; i < m; i++)
		if (!v903_prefix_cmp(s[i].pfx, s[i].r->f[HD_UPN], s[i - 1].pfx, s[i - 1].r->f[HD_UPN]))
			v903_report(ctx, rule, V9_HEADER, s[i].r, HD_UPN);
	free(s);
}

/* 304: UASC status ceased after the 18th birthday. */
void v903_r_304(v_ctx *ctx, const v_rule *rule)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_UASC];
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *u = &tb->rows[i];
		csc_date dob = v903_dob_of(d, u);
		if (dob == CSC_NODATE)
			dob = v903_date(u, UA_DOB);
		csc_date duc = v903_date(u, UA_DUC);
		if (dob != CSC_NODATE && duc != CSC_NODATE && duc > csc_date_birthday(dob, 18))
			v903_report(ctx, rule, V9_UASC, u, UA_DUC);
	}
}

/* Mother status ------------------------------------------------------- */

/* 165: mother status given but neither 0 nor 1. (Blank where it is needed
 * is 393 and 607; given where it is not is 628.) */
CHILD(c165)
{
	(void)d, (void)e, (void)ne;
	if (!v903_blank(h, HD_MOTHER) && !IN(h, HD_MOTHER, "0 1"))
		REP(HD_MOTHER);
}
EACH_HEADER(165, c165)

/* 393: a girl looked after this year (not only on short breaks) has no
 * mother status; at any age: the DfE text sets no age (NOTES.md). */
CHILD(c393)
{
	if (INL(h, HD_SEX, FEMALE) && v903_blank(h, HD_MOTHER) &&
	    v903_looked_after_in_year(d, h) && !short_breaks_only(e, ne))
		REP(HD_MOTHER);
}
EACH_HEADER(393, c393)

/* 399: only short breaks (V3/V4), yet mother status or reviews given. */
CHILD(c399)
{
	if (!short_breaks_only(e, ne))
		return;
	if (!v903_blank(h, HD_MOTHER))
		REP(HD_MOTHER);
	v903_row *const *r;
	size_t nr = v903_child_of(&d->t[V9_REVIEWS], h, &r);
	for (size_t i = 0; i < nr; i++)
		if (!v903_blank(r[i], RV_REVIEW) || !v903_blank(r[i], RV_CODE))
			v903_report(ctx, rule, V9_REVIEWS, r[i], RV_REVIEW);
}
EACH_HEADER(399, c399)

/* 607: a girl left care this year (not short breaks) and has no mother
 * status; at any age, as 393. */
CHILD(c607)
{
	if (!INL(h, HD_SEX, FEMALE) || !v903_blank(h, HD_MOTHER) || !ne)
		return;
	const v903_row *last = e[ne - 1];
	csc_date dec = v903_date(last, EP_DEC);
	if (dec == CSC_NODATE || dec < d->year_start || dec > d->year_end ||
	    v903_blank(last, EP_REC) || IN(last, EP_REC, "X1") || IN(last, EP_LS, "V3 V4"))
		return;
	REP(HD_MOTHER);
}
EACH_HEADER(607, c607)

/* 625: mother's child born after the year ended or after the child left
 * care. */
CHILD(c625)
{
	csc_date mc = v903_date(h, HD_MC_DOB);
	if (mc == CSC_NODATE || d->year_end == CSC_NODATE)
		return;
	csc_date left = CSC_NODATE;
	if (ne && !V903_OPEN(e[ne - 1]) && !IN(e[ne - 1], EP_REC, "X1"))
		left = v903_date(e[ne - 1], EP_DEC);
	if (mc > d->year_end || (left != CSC_NODATE && mc > left))
		REP(HD_MC_DOB);
}
EACH_HEADER(625, c625)

/* 628: mother status for a care leaver not looked after this year. */
CHILD(c628)
{
	(void)e, (void)ne;
	if (!v903_blank(h, HD_MOTHER) && v903_has_of(d, V9_OC3, h) &&
	    !v903_looked_after_in_year(d, h))
		REP(HD_MOTHER);
}
EACH_HEADER(628, c628)

/* UPN against episodes ------------------------------------------------ */

/* 210: UN4 ("not yet obtained") for a child looked after at 31 March in
 * an episode begun more than a week before. */
CHILD(c210)
{
	if (!IN(h, HD_UPN, "UN4") || d->year_end == CSC_NODATE)
		return;
	for (size_t i = 0; i < ne; i++) {
		csc_date s = v903_date(e[i], EP_DECOM);
		size_t p = v903_period_start(e, i);
		csc_date start = v903_date(e[p], EP_DECOM);
		if (V903_OPEN(e[i]) && s != CSC_NODATE && start != CSC_NODATE &&
		    start <= d->year_end - 7) {
			REP(HD_UPN);
			return;
		}
	}
}
EACH_HEADER(210, c210)

/* 442: a child with episodes has no UPN. */
CHILD(c442)
{
	(void)d, (void)e;
	if (ne && v903_blank(h, HD_UPN))
		REP(HD_UPN);
}
EACH_HEADER(442, c442)

/* Reviews ------------------------------------------------------------- */

/* 440: PN0 (under 4) for a child 4 or over at the review; 441: PN1-PN7
 * for a child under 4. The review row's own DOB is used. */
static void reviews(v_ctx *ctx, const v_rule *rule, const char *codes, int want_under4)
{
	const v903_table *tb = &v903_cur(ctx)->t[V9_REVIEWS];
	v903_rset set;
	v903_rset_list(codes, &set);
	for (size_t i = 0; i < tb->n; i++) {
		const v903_row *r = &tb->rows[i];
		csc_date dob = v903_date(r, RV_DOB), at = v903_date(r, RV_REVIEW);
		if (!v903_in_rset(&set, r->f[RV_CODE]) || dob == CSC_NODATE || at == CSC_NODATE)
			continue;
		if ((csc_date_age(dob, at) < 4) != want_under4)
			v903_report(ctx, rule, V9_REVIEWS, r, RV_CODE);
	}
}
void v903_r_440(v_ctx *ctx, const v_rule *rule) { reviews(ctx, rule, "PN0", 1); }
void v903_r_441(v_ctx *ctx, const v_rule *rule)
{
	reviews(ctx, rule, "PN1 PN2 PN3 PN4 PN5 PN6 PN7", 0);
}
