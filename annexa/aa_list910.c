/*
 * aa_list910.c - the row builders of List 9 (care leavers) and List 10
 * (adoption), from the SSDA903 staging (ANNEX-A.md section 1).
 */
#include <string.h>

#include "aa_checks.h"
#include "aa_derive.h"
#include "aa_lists.h"
#include "aa_values.h"

/* The first of the child's episodes in d->lac from *k on (both sorted by
 * child): *k is advanced to it, and the count returned. */
static int lac_run(const aa_data *d, int *k, int child)
{
	while (*k < d->nlac && d->lac[*k].child < child)
		(*k)++;
	int n = 0;
	while (*k + n < d->nlac && d->lac[*k + n].child == child)
		n++;
	return n;
}

/* The date of birth of the person columns: CIN, then SSDA903 (Header,
 * then OC3). */
static csc_date dob_of(const aa_data *d, int child)
{
	const aa_person *p = &d->people[child];
	const aa_p903 *h = aa_p903_of(d, child);
	return p->cin_dob != CSC_NODATE ? p->cin_dob : h->h_dob != CSC_NODATE ? h->h_dob : h->oc3_dob;
}

int aa_l9_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	(void)dir;
	if (!d->has[CSC_IN_903])
		return 0;
	int k = 0;
	for (int c = 0; c < d->npeople && !s->full; c++) {
		const aa_person *p = &d->people[c];
		const aa_p903 *h = aa_p903_of(d, c);
		int n = lac_run(d, &k, c);
		csc_date dob = dob_of(d, c);
		int cat = aa_leaver_category(&d->lac[k], n, dob, d->I, h->oc3,
					     !strcmp(h->in_touch, "DIED"), d->leaver_max_age);
		if (!cat || aa_row(s))
			continue;
		aa_person_cells(s, 0, d, d->ids.s[c], c, NULL, NULL, dob);
		aa_yn(s, 5, h->uasc_any);
		aa_yn(s, 6, p->cin_dis);
		aa_text(s, 10, aa_leaver_out(cat));
		if (cat == 'd')
			aa_checks_need(s, 8, "d) Eligible child: looked after at the inspection date");
		aa_coded(s, 12, aa_in_touch, h->in_touch);
		/* ACCOM: a letter and a suitability digit; ACCOM/ACTIV 0 -> empty */
		if (h->accom[0] && strcmp(h->accom, "0")) {
			char letter[2] = {h->accom[0], 0}, digit[2] = {h->accom[1], 0};
			aa_coded(s, 14, aa_accom, letter);
			aa_coded(s, 15, aa_suitability, digit);
		}
		if (strcmp(h->activ, "0"))
			aa_coded(s, 16, aa_activity, h->activ);
	}
	return s->full ? -1 : 0;
}

/* AD1's DATE_MATCH for the decision: the AD1 row with that DATE_INT, else
 * the child's latest AD1 row (a[0..n) are the child's rows). */
static csc_date match_of(const aa_adopt *a, int n, csc_date decision)
{
	csc_date m = CSC_NODATE;
	for (int i = 0; i < n; i++) {
		if (!a[i].ad1)
			continue;
		if (a[i].decision == decision)
			return a[i].match;
		m = a[i].match;
	}
	return m;
}

int aa_l10_rows(aa_sheet *s, aa_data *d, const char *dir)
{
	(void)dir;
	int k = 0;
	for (int i = 0; i < d->nadopt && !s->full;) {
		int child = d->adopt[i].child, end = i, placed = 0;
		while (end < d->nadopt && d->adopt[end].child == child)
			placed += !d->adopt[end++].ad1;
		int n = lac_run(d, &k, child);
		const aa_person *p = &d->people[child];
		/* the decisions: PlacedAdoption rows, else AD1's DATE_INT; the
		 * same decision in several years' files is one (sorted: adjacent) */
		for (int j = i; j < end; j++) {
			const aa_adopt *a = &d->adopt[j];
			if ((placed && a->ad1) || (j > i && d->adopt[j - 1].ad1 == a->ad1 &&
						   d->adopt[j - 1].decision == a->decision))
				continue;
			aa_adoption q;
			if (!aa_adoption_of(&d->lac[k], n, a->decision, a->ceased, d->I, d->w12, &q))
				continue;
			if (aa_row(s))
				break;
			aa_text(s, 0, d->ids.s[child]);
			aa_person_details(s, 2, d, child, NULL, NULL, dob_of(d, child));
			aa_yn(s, 6, p->cin_dis);
			aa_date(s, 7, q.entered);
			aa_date(s, 8, a->decision);
			aa_date(s, 9, q.order);
			if (q.adopted != CSC_NODATE) {
				csc_date m = match_of(&d->adopt[i], end - i, a->decision);
				aa_date(s, 10, m != CSC_NODATE && m <= d->I ? m : CSC_NODATE);
			}
			aa_date(s, 11, q.placed);
			aa_date(s, 12, q.adopted);
			if (a->ceased != CSC_NODATE && a->ceased <= d->I) {
				aa_date(s, 13, a->ceased);
				aa_coded(s, 14, aa_placed_ceased, a->reason);
			}
			aa_date(s, 15, q.ffa);
		}
		i = end;
	}
	return s->full ? -1 : 0;
}
