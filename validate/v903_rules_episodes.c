/* v903_rules_episodes.c - rules over the chain of a child's episodes
 * (sorted by DECOM), and episode rules a table entry cannot express. */
#include <ctype.h>
#include <string.h>

#include "v903_checks.h"
#include "v903_rules.h"

#define DECOM(r) v903_date((r), EP_DECOM)
#define DEC(r) v903_date((r), EP_DEC)
#define IN(r, col, set) v903_in((r)->f[col], set)
/* Against the year's code list @LIST (v903_set). */
#define INL(r, col, set) v903_in_set(d, (r)->f[col], set)
#define REP(r, col) v903_report(ctx, rule, V9_EPISODES, (r), (col))
#define GROUP(name) \
	static void name(v_ctx *ctx, const v_rule *rule, const v903_data *d, \
			 v903_row *const *e, size_t n)
#define TEMP "T0 T1 T2 T3 T4"
#define ADOPTED "E11 E12"

/* 142: an episode that is not the child's last has no end date. */
GROUP(g142)
{
	(void)d;
	for (size_t i = 0; i + 1 < n; i++)
		if (V903_OPEN(e[i]))
			REP(e[i], EP_DEC);
}
V903_BY_CHILD(142, V9_EPISODES, g142)

/* 501: an episode starts before the previous one ended. */
GROUP(g501)
{
	(void)d;
	for (size_t i = 1; i < n; i++)
		if (DEC(e[i - 1]) != CSC_NODATE && DECOM(e[i]) != CSC_NODATE &&
		    DECOM(e[i]) < DEC(e[i - 1]))
			REP(e[i], EP_DECOM);
}
V903_BY_CHILD(501, V9_EPISODES, g501)

/* 431: a new period of care (S) starts the day the previous episode ended. */
GROUP(g431)
{
	(void)d;
	for (size_t i = 1; i < n; i++)
		if (IN(e[i], EP_RNE, "S") && v903_chained(e[i - 1], e[i]))
			REP(e[i], EP_RNE);
}
V903_BY_CHILD(431, V9_EPISODES, g431)

/* 432: the previous episode ended the period of care (REC other than X1)
 * but the next one does not start a new period (RNE S). */
GROUP(g432)
{
	(void)d;
	for (size_t i = 1; i < n; i++)
		if (!v903_blank(e[i - 1], EP_REC) && !IN(e[i - 1], EP_REC, "X1") &&
		    !v903_blank(e[i], EP_RNE) && !IN(e[i], EP_RNE, "S"))
			REP(e[i], EP_RNE);
}
V903_BY_CHILD(432, V9_EPISODES, g432)

/* 433: a continuation episode does not start the day the previous ended. */
GROUP(g433)
{
	(void)d;
	for (size_t i = 1; i < n; i++)
		if (IN(e[i], EP_RNE, "L P T U B") && DEC(e[i - 1]) != CSC_NODATE &&
		    DECOM(e[i]) != CSC_NODATE && !v903_chained(e[i - 1], e[i]))
			REP(e[i], EP_DECOM);
}
V903_BY_CHILD(433, V9_EPISODES, g433)

/* 388: REC X1 (the period continues) with no episode starting that day. */
GROUP(g388)
{
	(void)d;
	for (size_t i = 0; i < n; i++)
		if (IN(e[i], EP_REC, "X1") && (i + 1 == n || !v903_chained(e[i], e[i + 1])))
			REP(e[i], EP_REC);
}
V903_BY_CHILD(388, V9_EPISODES, g388)

/* 437: died (E2) or found to be 18 or over (E15), yet later episodes. */
GROUP(g437)
{
	(void)d;
	for (size_t i = 0; i + 1 < n; i++)
		if (IN(e[i], EP_REC, "E2 E15"))
			REP(e[i], EP_REC);
}
V903_BY_CHILD(437, V9_EPISODES, g437)

/* 357: the child's first episode must start a period of care. Only first
 * episodes starting this year are judged: an earlier one may continue a
 * period whose first episode was in an earlier return. */
GROUP(g357)
{
	if (d->year_start != CSC_NODATE && DECOM(e[0]) >= d->year_start &&
	    !v903_blank(e[0], EP_RNE) && !IN(e[0], EP_RNE, "S"))
		REP(e[0], EP_RNE);
	(void)n;
}
V903_BY_CHILD(357, V9_EPISODES, g357)

/* 366: each short break (V3) is one episode: no placement change within. */
static void r366(v_ctx *ctx, const v_rule *rule, const v903_data *d, v903_row *const *e, size_t n)
{
	(void)d;
	for (size_t i = 0; i < n; i++)
		if (IN(e[i], EP_LS, "V3") && !v903_blank(e[i], EP_RNE) && !IN(e[i], EP_RNE, "S"))
			REP(e[i], EP_RNE);
}
V903_BY_CHILD(366, V9_EPISODES, r366)

/* 361-365: a legal status lasting longer than the law allows. A run of
 * chained episodes under the same status counts as one; an open episode
 * runs to 31 March. */
struct span_limit { const char *code, *ls; int max_days; };
static const struct span_limit limits[] = {
	{"361", "L1", 3},   /* police protection: 72 hours */
	{"362", "L2", 21},  /* emergency protection order */
	{"363", "L3", 7},   /* child assessment order */
	{"364", "J2", 21},  /* PACE detention in LA accommodation */
	{"365", "V3", 17},  /* one short-term break */
};

static void span_group(v_ctx *ctx, const v_rule *rule, const v903_data *d, v903_row *const *e,
		       size_t n)
{
	const struct span_limit *lim = NULL;
	for (size_t k = 0; k < sizeof limits / sizeof limits[0]; k++)
		if (!strcmp(rule->code, limits[k].code))
			lim = &limits[k];
	if (!lim)
		return;
	for (size_t i = 0; i < n;) {
		if (!IN(e[i], EP_LS, lim->ls) || DECOM(e[i]) == CSC_NODATE) {
			i++;
			continue;
		}
		size_t j = i;
		while (j + 1 < n && IN(e[j + 1], EP_LS, lim->ls) && v903_chained(e[j], e[j + 1]))
			j++;
		csc_date end = v903_end_or_year(d, e[j]);
		if (end != CSC_NODATE && end - DECOM(e[i]) > lim->max_days)
			REP(e[i], EP_LS);
		i = j + 1;
	}
}
V903_BY_CHILD(361, V9_EPISODES, span_group)
V903_BY_CHILD(362, V9_EPISODES, span_group)
V903_BY_CHILD(363, V9_EPISODES, span_group)
V903_BY_CHILD(364, V9_EPISODES, span_group)
V903_BY_CHILD(365, V9_EPISODES, span_group)

/* 367: more than 75 days of short-term respite (V3) within the year. A V4
 * episode records an agreement for a series of short breaks, not days
 * away from home, so its days do not count (issue 15; validate/NOTES.md). */
GROUP(g367)
{
	if (d->year_end == CSC_NODATE)
		return;
	long days = 0;
	const v903_row *first = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!IN(e[i], EP_LS, "V3") || DECOM(e[i]) == CSC_NODATE)
			continue;
		csc_date s = DECOM(e[i]) < d->year_start ? d->year_start : DECOM(e[i]);
		csc_date x = v903_end_or_year(d, e[i]);
		if (x > d->year_end)
			x = d->year_end;
		if (x >= s) {
			days += x - s + 1;
			if (!first)
				first = e[i];
		}
	}
	if (days > 75)
		REP(first, EP_LS);
}
V903_BY_CHILD(367, V9_EPISODES, g367)

/* 375, 376, 379: temporary placements longer than their limit. */
struct temp_limit { const char *code, *place; int max_days; };
static const struct temp_limit temps[] = {
	{"375", "T1", 42}, /* hospital: six weeks */
	{"376", "T3", 21}, /* foster carer's holiday: three weeks */
	{"379", "T4", 7},  /* any other reason: seven days */
};

static void temp_group(v_ctx *ctx, const v_rule *rule, const v903_data *d, v903_row *const *e,
		       size_t n)
{
	const struct temp_limit *lim = NULL;
	for (size_t k = 0; k < sizeof temps / sizeof temps[0]; k++)
		if (!strcmp(rule->code, temps[k].code))
			lim = &temps[k];
	for (size_t i = 0; lim && i < n; i++) {
		csc_date end = v903_end_or_year(d, e[i]);
		if (IN(e[i], EP_PLACE, lim->place) && DECOM(e[i]) != CSC_NODATE &&
		    end != CSC_NODATE && end - DECOM(e[i]) > lim->max_days)
			REP(e[i], EP_PLACE);
	}
}
V903_BY_CHILD(375, V9_EPISODES, temp_group)
V903_BY_CHILD(376, V9_EPISODES, temp_group)
V903_BY_CHILD(379, V9_EPISODES, temp_group)

/* 377: more than two T3 placements starting within the year. */
GROUP(g377)
{
	int count = 0;
	for (size_t i = 0; i < n; i++) {
		csc_date s = DECOM(e[i]);
		if (IN(e[i], EP_PLACE, "T3") && s != CSC_NODATE && s >= d->year_start &&
		    s <= d->year_end && ++count == 3)
			REP(e[i], EP_PLACE);
	}
}
V903_BY_CHILD(377, V9_EPISODES, g377)

/* 380: a period of care starts in a temporary placement. */
GROUP(g380)
{
	(void)d;
	for (size_t i = 0; i < n; i++)
		if (IN(e[i], EP_RNE, "S") && IN(e[i], EP_PLACE, TEMP))
			REP(e[i], EP_PLACE);
}
V903_BY_CHILD(380, V9_EPISODES, g380)

/* 381: a period of care ends in a temporary placement. */
GROUP(g381)
{
	(void)d;
	for (size_t i = 0; i < n; i++)
		if (!v903_blank(e[i], EP_REC) && !IN(e[i], EP_REC, "X1") && IN(e[i], EP_PLACE, TEMP))
			REP(e[i], EP_PLACE);
}
V903_BY_CHILD(381, V9_EPISODES, g381)

/* 383: after a temporary placement the child returns to the placement
 * before it: same type, and from 2025-26 same postcode (two blank
 * postcodes are the same). */
static void temp_return(v_ctx *ctx, const v_rule *rule, const v903_data *d, v903_row *const *e,
			size_t n, int postcode)
{
	(void)d;
	for (size_t i = 1; i + 1 < n; i++) {
		if (!IN(e[i], EP_PLACE, TEMP) || !v903_chained(e[i - 1], e[i]) ||
		    !v903_chained(e[i], e[i + 1]) || IN(e[i - 1], EP_PLACE, TEMP))
			continue;
		if (strcmp(e[i - 1]->f[EP_PLACE], e[i + 1]->f[EP_PLACE]) ||
		    (postcode && strcmp(e[i - 1]->f[EP_PL_POST], e[i + 1]->f[EP_PL_POST])))
			REP(e[i + 1], EP_PLACE);
	}
}
GROUP(g383)
{
	temp_return(ctx, rule, d, e, n, 0);
}
V903_BY_CHILD(383, V9_EPISODES, g383)
GROUP(g383_postcode)
{
	temp_return(ctx, rule, d, e, n, 1);
}
V903_BY_CHILD(383_postcode, V9_EPISODES, g383_postcode)

/* 390: adopted (E11/E12) from an episode that is not a placement for
 * adoption (A3-A6). */
GROUP(g390)
{
	(void)d;
	for (size_t i = 0; i < n; i++)
		if (IN(e[i], EP_REC, ADOPTED) && !IN(e[i], EP_PLACE, "A3 A4 A5 A6"))
			REP(e[i], EP_PLACE);
}
V903_BY_CHILD(390, V9_EPISODES, g390)

/* 336: placed for adoption with current foster carers (A3/A5) without a
 * foster placement (U1-U6) immediately before. */
GROUP(g336)
{
	for (size_t i = 0; i < n; i++) {
		if (!IN(e[i], EP_PLACE, "A3 A5"))
			continue;
		if (i > 0 && v903_chained(e[i - 1], e[i])) {
			if (!IN(e[i - 1], EP_PLACE, "U1 U2 U3 U4 U5 U6 A3 A5"))
				REP(e[i], EP_PLACE);
		} else if (DECOM(e[i]) != CSC_NODATE && DECOM(e[i]) >= d->year_start) {
			REP(e[i], EP_PLACE); /* no placement before it at all */
		}
	}
}
V903_BY_CHILD(336, V9_EPISODES, g336)

/* 408: placed for adoption under a placement order (A5/A6) but the legal
 * status is not a placement order (E1) or freeing order (D1). */
GROUP(g408)
{
	(void)d;
	for (size_t i = 0; i < n; i++)
		if (IN(e[i], EP_PLACE, "A5 A6") && !IN(e[i], EP_LS, "E1 D1"))
			REP(e[i], EP_LS);
}
V903_BY_CHILD(408, V9_EPISODES, g408)

/* 426: short breaks under both V3 and V4 in the same year. */
GROUP(g426)
{
	(void)d;
	const v903_row *v3 = NULL, *v4 = NULL;
	for (size_t i = 0; i < n; i++) {
		if (IN(e[i], EP_LS, "V3") && !v3)
			v3 = e[i];
		if (IN(e[i], EP_LS, "V4") && !v4)
			v4 = e[i];
	}
	if (v3 && v4)
		REP(v3 < v4 ? v4 : v3, EP_LS);
}
V903_BY_CHILD(426, V9_EPISODES, g426)

/* 434-436: the reason for a new episode agrees with what changed. */
static int placement_changed(const v903_row *a, const v903_row *b)
{
	static const int cols[] = {EP_PLACE, EP_PL_POST, EP_URN, EP_PROVIDER};
	for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++)
		if (strcmp(a->f[cols[k]], b->f[cols[k]]))
			return 1;
	return 0;
}

static void rne_group(v_ctx *ctx, const v_rule *rule, const v903_data *d, v903_row *const *e,
		      size_t n)
{
	(void)d;
	/* RNE codes judged, whether LS must change, whether placement must */
	const char *rne = !strcmp(rule->code, "434") ? "L" : !strcmp(rule->code, "435") ? "P T" : "U B";
	int ls_changes = strcmp(rule->code, "435") != 0;
	int pl_changes = strcmp(rule->code, "434") != 0;
	for (size_t i = 1; i < n; i++) {
		if (!IN(e[i], EP_RNE, rne) || !v903_chained(e[i - 1], e[i]))
			continue;
		int ls = strcmp(e[i - 1]->f[EP_LS], e[i]->f[EP_LS]) != 0;
		int pl = placement_changed(e[i - 1], e[i]);
		if (ls != ls_changes || pl != pl_changes)
			REP(e[i], EP_RNE);
	}
}
V903_BY_CHILD(434, V9_EPISODES, rne_group)
V903_BY_CHILD(435, V9_EPISODES, rne_group)
V903_BY_CHILD(436, V9_EPISODES, rne_group)

/* 504: category of need changes within a period of care. */
GROUP(g504)
{
	(void)d;
	for (size_t i = 1; i < n; i++) {
		size_t s = v903_period_start(e, i);
		if (s != i && strcmp(e[s]->f[EP_CIN], e[i]->f[EP_CIN]))
			REP(e[i], EP_CIN);
	}
}
V903_BY_CHILD(504, V9_EPISODES, g504)

/* 199: episodes after the child was adopted from care (this year's data,
 * and last year's when supplied). */
GROUP(g199)
{
	const v903_data *p = v903_prev(ctx);
	int adopted = 0;
	if (p) {
		v903_row *const *pe;
		size_t m = v903_child_of(&p->t[V9_EPISODES], e[0], &pe);
		for (size_t i = 0; i < m; i++)
			adopted |= IN(pe[i], EP_REC, ADOPTED);
		/* last year's adoption episode may be repeated this year */
		if (adopted && m && n && DECOM(e[0]) == DECOM(pe[m - 1]))
			adopted = 0;
	}
	(void)d;
	for (size_t i = 0; i < n; i++) {
		if (adopted) {
			REP(e[i], EP_CHILD);
			return;
		}
		adopted = IN(e[i], EP_REC, ADOPTED);
	}
}
V903_BY_CHILD(199, V9_EPISODES, g199)

/* Single-row rules needing a date comparison ----------------------------- */

static void each_episode(v_ctx *ctx, const v_rule *rule,
			 int (*bad)(const v903_data *, const v903_row *), int col)
{
	const v903_data *d = v903_cur(ctx);
	const v903_table *tb = &d->t[V9_EPISODES];
	for (size_t i = 0; i < tb->n; i++)
		if (bad(d, &tb->rows[i]))
			REP(&tb->rows[i], col);
}

/* 353: no episode before 14 October 1991 (the Children Act). */
static int bad353(const v903_data *d, const v903_row *r)
{
	(void)d;
	return DECOM(r) != CSC_NODATE && DECOM(r) < csc_date_make(1991, 10, 14);
}
void v903_r_353(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad353, EP_DECOM); }

/* 446: placement orders (E1) did not exist before 30 December 2005. */
static int bad446(const v903_data *d, const v903_row *r)
{
	(void)d;
	return IN(r, EP_LS, "E1") && DECOM(r) != CSC_NODATE &&
	       DECOM(r) < csc_date_make(2005, 12, 30);
}
void v903_r_446(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad446, EP_LS); }

/* 217: placements for adoption with current foster carers (A3/A5) since
 * 1 April 2015 start a period (S) or change placement with the same
 * carer (T, U). */
static int bad217(const v903_data *d, const v903_row *r)
{
	(void)d;
	return IN(r, EP_PLACE, "A3 A5") && DECOM(r) != CSC_NODATE &&
	       DECOM(r) >= csc_date_make(2015, 4, 1) && !IN(r, EP_RNE, "S T U");
}
void v903_r_217(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad217, EP_RNE); }

/* 218: an Ofsted URN is required for a placement that ended after 31
 * March 2015 or has not ended (the DfE text: "DEC > 31/03/2015 or Null";
 * an unreadable DEC is neither); the year's exempt placement types aside.
 * Short breaks (V3/V4) are exempt too: rule 214 says their placement
 * location, URN included, is not returned, so no URN can satisfy both. */
static int bad218(const v903_data *d, const v903_row *r)
{
	return v903_blank(r, EP_URN) && !v903_blank(r, EP_PLACE) && !IN(r, EP_LS, "V3 V4") &&
	       !INL(r, EP_PLACE, "@rule 218: PLACE exempt from URN requirement") &&
	       (v903_blank(r, EP_DEC) || (DEC(r) != CSC_NODATE && DEC(r) > csc_date_make(2015, 3, 31)));
}
void v903_r_218(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad218, EP_URN); }

/* 178: a provider code that is not one, or one given for a placement
 * type that has no provider (the year's list). */
static int bad178(const v903_data *d, const v903_row *r)
{
	return !v903_blank(r, EP_PROVIDER) &&
	       (!INL(r, EP_PROVIDER, "@Episodes.PLACE_PROVIDER") ||
		INL(r, EP_PLACE, "@rule 178: PLACE where PLACE_PROVIDER must be blank"));
}
void v903_r_178(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad178, EP_PROVIDER); }

/* 2023-24 only. The dates the DfE gave for withdrawing independent living
 * (P2) and requiring a URN for semi-independent living (H5). */
static csc_date open_after(const v903_row *r)
{
	return V903_OPEN(r) ? CSC_NODATE : DEC(r);
}

/* 217t: independent living (P2) on an episode open after 28 October 2023
 * (an unreadable end date counts as none). */
static int bad217t(const v903_data *d, const v903_row *r)
{
	csc_date x = open_after(r);
	return INL(r, EP_PLACE, "@rule 217t: PLACE not allowed on episodes open after 28/10/2023") &&
	       (x == CSC_NODATE || x > csc_date_make(2023, 10, 28));
}
void v903_r_217t(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad217t, EP_PLACE); }

/* 230: semi-independent living (H5) open on or after 29 October 2023
 * without a URN (blank or XXXXXXX). Placements outside England are exempt,
 * but their local authority comes from the placement postcode, which the
 * pipeline cannot map (V903_NOT_RUN.md): every one is judged. */
static int bad230(const v903_data *d, const v903_row *r)
{
	csc_date x = open_after(r);
	return INL(r, EP_PLACE, "@rule 230: PLACE needing URN on episodes open on/after 29/10/2023") &&
	       (x == CSC_NODATE || x >= csc_date_make(2023, 10, 29)) && IN(r, EP_URN, "_ XXXXXXX");
}
void v903_r_230(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad230, EP_URN); }

/* 445: freeing orders (D1) ended with the Adoption and Children Act 2002
 * on 30 December 2005: none can start after 31 December 2005. */
static int bad445(const v903_data *d, const v903_row *r)
{
	(void)d;
	return IN(r, EP_LS, "D1") && DECOM(r) != CSC_NODATE && DECOM(r) > csc_date_make(2005, 12, 31);
}
void v903_r_445(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad445, EP_LS); }

/* 1008: URN is "XXXXXXX" (not known) or an Ofsted URN: SC plus six
 * digits, or six or seven digits. Format only: no provider table. */
static int urn_ok(const char *s)
{
	if (!*s || !strcmp(s, "XXXXXXX"))
		return 1;
	if (s[0] == 'S' && s[1] == 'C')
		s += 2;
	size_t n = strspn(s, "0123456789");
	return s[n] == 0 && (n == 6 || n == 7);
}
static int bad1008(const v903_data *d, const v903_row *r)
{
	(void)d;
	return !urn_ok(r->f[EP_URN]);
}
void v903_r_1008(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad1008, EP_URN); }

/* 225: a placement that ends with the period continuing (X1) into a new
 * placement (RNE P, B, T, U) needs a reason for the change; temporary
 * placements on either side need none (226). */
GROUP(g225)
{
	(void)d;
	for (size_t i = 0; i + 1 < n; i++)
		if (IN(e[i], EP_REC, "X1") && v903_chained(e[i], e[i + 1]) &&
		    IN(e[i + 1], EP_RNE, "P B T U") && !IN(e[i], EP_PLACE, TEMP) &&
		    !IN(e[i + 1], EP_PLACE, TEMP) && v903_blank(e[i], EP_RPC))
			REP(e[i], EP_RPC);
}
V903_BY_CHILD(225, V9_EPISODES, g225)

/* 359: looked after at 31 March aged 18 or over, but not under section
 * 20(5) (V2) in a community home or supported accommodation. */
GROUP(g359)
{
	csc_date dob = v903_dob_of(d, e[0]);
	if (dob == CSC_NODATE || d->year_end == CSC_NODATE ||
	    csc_date_age(dob, d->year_end) < 18)
		return;
	for (size_t i = 0; i < n; i++)
		if (V903_OPEN(e[i]) && (!IN(e[i], EP_LS, "V2") || !IN(e[i], EP_PLACE, "H5 K1 K2")))
			REP(e[i], EP_LS);
}
V903_BY_CHILD(359, V9_EPISODES, g359)

/* Postcodes as recorded (no postcode table needed) ---------------------- */

/* 392b: looked after (not short breaks) but home or placement postcode
 * missing, for placements that need one; the blank one is reported. */
GROUP(g392b)
{
	(void)d;
	for (size_t i = 0; i < n; i++) {
		if (IN(e[i], EP_LS, "V3 V4") || IN(e[i], EP_PLACE, "T0 T1 T2 T3 T4 Z1"))
			continue;
		if (v903_blank(e[i], EP_HOME_POST))
			REP(e[i], EP_HOME_POST);
		else if (v903_blank(e[i], EP_PL_POST))
			REP(e[i], EP_PL_POST);
	}
}
V903_BY_CHILD(392b, V9_EPISODES, g392b)

/* A UK postcode shape: outward code (letters then digits, optional letter)
 * then inward code (digit, two letters); the space is optional. "ZZ99 3CZ"
 * style codes for abroad/unknown also fit. */
static int postcode_ok(const char *s)
{
	char c[10];
	size_t n = 0;
	for (; *s && n < sizeof c; s++)
		if (*s != ' ')
			c[n++] = (char)toupper((unsigned char)*s);
	if (*s || n < 5 || n > 7)
		return 0;
	const char *in = c + n - 3;
	if (!(in[0] >= '0' && in[0] <= '9') || !(in[1] >= 'A' && in[1] <= 'Z') ||
	    !(in[2] >= 'A' && in[2] <= 'Z'))
		return 0;
	size_t out = n - 3, i = 0;
	while (i < out && c[i] >= 'A' && c[i] <= 'Z')
		i++;
	if (i < 1 || i > 2)
		return 0;
	size_t digits = 0;
	while (i < out && c[i] >= '0' && c[i] <= '9')
		i++, digits++;
	if (digits < 1 || digits > 2)
		return 0;
	if (i < out && c[i] >= 'A' && c[i] <= 'Z')
		i++;
	return i == out;
}

/* 392c: a postcode given is not a postcode. */
GROUP(g392c)
{
	(void)d;
	for (size_t i = 0; i < n; i++) {
		if (!v903_blank(e[i], EP_HOME_POST) && !postcode_ok(e[i]->f[EP_HOME_POST]))
			REP(e[i], EP_HOME_POST);
		if (!v903_blank(e[i], EP_PL_POST) && !postcode_ok(e[i]->f[EP_PL_POST]))
			REP(e[i], EP_PL_POST);
	}
}
V903_BY_CHILD(392c, V9_EPISODES, g392c)

/* 392d: home and placement postcodes are the same, outside placements
 * with parents (P1). Spaces and case do not count. */
static int same_postcode(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if ((*a | 0x20) != (*b | 0x20))
			return 0;
		if (!*a)
			return 1;
		a++, b++;
	}
}
static int bad392d(const v903_data *d, const v903_row *r)
{
	(void)d;
	return !v903_blank(r, EP_HOME_POST) && !IN(r, EP_PLACE, "P1") &&
	       same_postcode(r->f[EP_HOME_POST], r->f[EP_PL_POST]);
}
void v903_r_392d(v_ctx *ctx, const v_rule *rule) { each_episode(ctx, rule, bad392d, EP_PL_POST); }
