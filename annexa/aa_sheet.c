/*
 * aa_sheet.c - cells of an Annex A list (aa_sheet.h).
 */
#include <stdio.h>
#include <string.h>

#include "aa_sheet.h"
#include "csc_annexa_codes.h"
#include "csc_diag.h"

int aa_row(aa_sheet *s)
{
	if (s->row + 1 >= XL_MAX_ROWS) {
		if (!s->full)
			csc_error("a list has more rows than an Excel sheet holds (%d)", XL_MAX_ROWS - 1);
		s->full = 1;
		return -1;
	}
	s->row++;
	s->rows++;
	return 0;
}

void aa_text(aa_sheet *s, int col, const char *v)
{
	xl_text(s->b, s->ws, s->row, col, v, XF_NONE);
}

void aa_date(aa_sheet *s, int col, csc_date d)
{
	if (d == CSC_NODATE)
		return;
	xl_check(s->b, worksheet_write_number(s->ws, (lxw_row_t)s->row, (lxw_col_t)col,
					      xl_serial(d), s->date));
}

void aa_count(aa_sheet *s, int col, long n)
{
	if (n >= 0)
		xl_num(s->b, s->ws, s->row, col, (double)n, XF_NONE);
}

void aa_code(aa_sheet *s, int col, const char *field, const char *code)
{
	char buf[128];
	if (!code || !*code)
		return;
	const csc_aa_field *f = csc_aa_find(field);
	aa_text(s, col, f && csc_aa_write(f, code, buf, sizeof buf) == 0 ? buf : code);
}

void aa_yn(aa_sheet *s, int col, int v)
{
	if (v >= 0)
		aa_text(s, col, v ? "a) Yes" : "b) No");
}

static const char *first(const char *a, const char *b, const char *c)
{
	return a && *a ? a : b && *b ? b : c;
}

void aa_person_details(aa_sheet *s, int col, const aa_data *d, int child, const char *sex,
		       const char *eth, csc_date dob)
{
	const aa_person *p = child >= 0 ? &d->people[child] : NULL;
	if (p) {
		sex = first(sex, p->cin_sex, p->h_sex);
		eth = first(eth, p->cin_eth, p->h_eth);
		if (dob == CSC_NODATE)
			dob = p->cin_dob != CSC_NODATE ? p->cin_dob : p->h_dob;
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
