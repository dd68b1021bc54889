/*
 * aa_sheet.c - cells of an Annex A list (aa_sheet.h).
 */
#include <stdio.h>
#include <string.h>

#include "aa_checks.h"
#include "aa_lists.h"
#include "aa_sheet.h"
#include "aa_supp.h"
#include "aa_values.h"
#include "csc_annexa_codes.h"
#include "csc_diag.h"

/* The row just written is complete: check it, then forget it. */
static void row_done(aa_sheet *s)
{
	if (s->row > 0 && s->d && s->list)
		aa_supp_fill(s);
	if (s->row > 0 && s->ck)
		aa_checks_row(s);
	memset(s->filled, 0, sizeof s->filled);
	s->id[0] = '\0';
	s->child = -1;
}

void aa_sheet_done(aa_sheet *s)
{
	row_done(s);
}

static void fill(aa_sheet *s, int col)
{
	if (col >= 0 && col < AA_MAXCOLS)
		s->filled[col] = 1;
}

int aa_row(aa_sheet *s)
{
	if (s->row + 1 >= XL_MAX_ROWS) {
		if (!s->full)
			csc_error("a list has more rows than an Excel sheet holds (%d)", XL_MAX_ROWS - 1);
		s->full = 1;
		return -1;
	}
	row_done(s);
	s->row++;
	s->rows++;
	return 0;
}

void aa_text(aa_sheet *s, int col, const char *v)
{
	xl_text(s->b, s->ws, s->row, col, v, XF_NONE);
	if (!v || !*v)
		return;
	fill(s, col);
	if (col == 0)
		snprintf(s->id, sizeof s->id, "%s", v);
}

/* A code Ofsted's list lacks: written plain, and named by the checks. */
static void not_in_list(aa_sheet *s, int col, const char *code)
{
	if (s->ck && s->list)
		aa_checks_add(s->ck, "code_not_in_list", s->list->sheet, s->row + 1, s->id,
			      s->list->headers[col], code, NULL, 0,
			      "not one of the column's Annex A codes: written as it is");
}

void aa_coded(aa_sheet *s, int col, const aa_value *t, const char *code)
{
	if (!code || !*code)
		return;
	const char *out = aa_value_out(t, code);
	aa_text(s, col, out);
	if (out == code)
		not_in_list(s, col, code);
}

void aa_date(aa_sheet *s, int col, csc_date d)
{
	if (d == CSC_NODATE)
		return;
	xl_check(s->b, worksheet_write_number(s->ws, (lxw_row_t)s->row, (lxw_col_t)col,
					      xl_serial(d), s->date));
	fill(s, col);
	if (col >= 0 && col < AA_MAXCOLS)
		s->dates[col] = d;
}

void aa_count(aa_sheet *s, int col, long n)
{
	if (n >= 0) {
		xl_num(s->b, s->ws, s->row, col, (double)n, XF_NONE);
		fill(s, col);
	}
}

void aa_code(aa_sheet *s, int col, const char *field, const char *code)
{
	char buf[128];
	if (!code || !*code)
		return;
	const csc_aa_field *f = csc_aa_find(field);
	int known = f && csc_aa_write(f, code, buf, sizeof buf) == 0;
	aa_text(s, col, known ? buf : code);
	if (!known)
		not_in_list(s, col, code);
}

void aa_yn(aa_sheet *s, int col, int v)
{
	if (v >= 0)
		aa_text(s, col, v ? AA_YES : AA_NO);
}

static const char *first(const char *a, const char *b, const char *c)
{
	return a && *a ? a : b && *b ? b : c;
}

void aa_person_details(aa_sheet *s, int col, const aa_data *d, int child, const char *sex,
		       const char *eth, csc_date dob)
{
	const aa_person *p = child >= 0 ? &d->people[child] : NULL;
	s->child = child;
	if (p) {
		const aa_p903 *h = aa_p903_of(d, child);
		sex = first(sex, p->cin_sex, h->h_sex);
		eth = first(eth, p->cin_eth, h->h_eth);
		if (dob == CSC_NODATE)
			dob = p->cin_dob != CSC_NODATE ? p->cin_dob : h->h_dob;
	}
	aa_code(s, col, "gender", sex);
	aa_code(s, col + 1, "ethnicity", eth);
	aa_date(s, col + 2, dob);
	if (dob != CSC_NODATE && dob <= d->I)
		aa_count(s, col + 3, csc_date_age(dob, d->I));
}

void aa_person_cells(aa_sheet *s, int col, const aa_data *d, const char *id, int child,
		     const char *sex, const char *eth, csc_date dob)
{
	aa_text(s, col, id);
	aa_person_details(s, col + 1, d, child, sex, eth, dob);
}
