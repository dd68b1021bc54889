/*
 * aa_checks.c - the pre-send checks of an Annex A workbook (aa_checks.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aa_checks.h"
#include "aa_lists.h"
#include "csc_diag.h"
#include "transform/staging.h"

static const char *const heads[] = {"check", "list", "row", "child", "column", "value", "file",
	"line", "detail", NULL};

int aa_checks_open(aa_checks *c, const char *csv_path, xl_book *b, lxw_worksheet *ws)
{
	memset(c, 0, sizeof *c);
	c->b = b;
	c->ws = ws;
	c->max_rows = XL_MAX_ROWS;
	if (csc_out_open(&c->out, csv_path) != 0)
		return -1;
	c->open = 1;
	csc_csvw_init(&c->w, c->out.fp);
	csc_csvw_header(&c->w, heads);
	for (int i = 0; heads[i]; i++)
		xl_text(b, ws, 0, i, heads[i], XF_HEADER);
	worksheet_set_column(ws, 0, 0, 20, NULL);
	worksheet_set_column(ws, 1, 5, 16, NULL);
	worksheet_set_column(ws, 6, 6, 30, NULL);
	worksheet_set_column(ws, 8, 8, 80, NULL);
	return 0;
}

void aa_checks_add(aa_checks *c, const char *check, const char *list, long row,
		   const char *child, const char *column, const char *value, const char *file,
		   long line, const char *detail)
{
	/* the columns of heads[]: 'c' our words, 't' text from the data
	 * (formula-guarded in the CSV), 'n' a number (0: none) */
	const char *v[] = {check, list, NULL, child, column, value, file, NULL, detail};
	static const char kind[] = "ccntcttnt";
	long num[] = {0, 0, row, 0, 0, 0, 0, line, 0};
	c->n++;
	for (int i = 0; heads[i]; i++) {
		if (kind[i] == 'n') {
			if (num[i] > 0)
				csc_csvw_long(&c->w, num[i]);
			else
				csc_csvw_str(&c->w, NULL);
		} else if (kind[i] == 't') {
			csc_csvw_text(&c->w, v[i]);
		} else {
			csc_csvw_str(&c->w, v[i]);
		}
	}
	csc_csvw_end(&c->w);
	/* the sheet stops before its last row, which aa_checks_finish keeps
	 * for the count of the findings only the CSV has */
	if (c->row + 2 >= c->max_rows)
		return;
	long r = ++c->row;
	for (int i = 0; heads[i]; i++) {
		if (v[i])
			xl_text(c->b, c->ws, r, i, v[i], XF_NONE);
		else if (num[i] > 0)
			xl_num(c->b, c->ws, r, i, (double)num[i], XF_NONE);
	}
}

/* The row rules of each list, by Ofsted's header names:
 *   'M' a is mandatory;  'I' b is mandatory when a is filled;
 *   'O' a <= b when both are filled;  'W' a, when filled, is in the
 *   list's window [I - months, I]. Every list also needs its first
 *   column (the ID) and no date after the inspection date. */
typedef struct aa_rule {
	int list;
	char kind;
	const char *a, *b;
} aa_rule;

static const aa_rule rules[] = {
	{1, 'M', "Date of Contact", NULL},
	{1, 'M', "Contact Source", NULL},
	{1, 'W', "Date of Contact", NULL},
	{2, 'O', "Assessment start date", "Assessment completion date"},
	{3, 'M', "Date of Referral", NULL},
	{3, 'M', "Referral Source", NULL},
	{3, 'M', "Referral NFA?", NULL},
	{3, 'W', "Date of Referral", NULL},
	{4, 'M', "Continuous Assessment Start Date", NULL},
	{4, 'O', "Continuous Assessment Start Date", "Continuous Assessment Date of Authorisation"},
	{4, 'W', "Continuous Assessment Date of Authorisation", NULL},
	{5, 'M', "Strategy discussion initiating Section 47 Enquiry Start Date", NULL},
	{5, 'O', "Strategy discussion initiating Section 47 Enquiry Start Date",
	 "Date of Initial Child Protection Conference"},
	{5, 'I', "Date of Initial Child Protection Conference",
	 "Did the Initial Child Protection Conference Result in a Child Protection Plan"},
	{6, 'M', "CIN Start Date", NULL},
	{6, 'M', "Primary Need Code", NULL},
	{6, 'M', "Case Status", NULL},
	{6, 'O', "CIN Start Date", "CIN Closure Date"},
	{6, 'I', "CIN Closure Date", "Reason for Closure"},
	{7, 'M', "Child Protection Plan Start Date", NULL},
	{7, 'M', "Initial Category of Abuse", NULL},
	{7, 'M', "Latest Category of Abuse", NULL},
	{7, 'O', "Child Protection Plan Start Date", "Date of latest review conference"},
	{7, 'O', "Child Protection Plan Start Date", "Child Protection Plan End Date"},
	{8, 'M', "Date Started to be Looked After", NULL},
	{8, 'M', "Child's Category of Need", NULL},
	{8, 'M', "Start date of current legal status", NULL},
	{8, 'M', "Child's Legal Status", NULL},
	{8, 'O', "Date of Birth", "Date Started to be Looked After"},
	{8, 'O', "Date Started to be Looked After", "Start date of current legal status"},
	{8, 'O', "Date Started to be Looked After", "Date Ceased to be Looked After"},
	{8, 'O', "Start Date of Most Recent Placement", "Date Ceased to be Looked After"},
	{8, 'I', "Date Ceased to be Looked After", "Reason Ceased to be Looked After"},
	{9, 'M', "Date of Birth", NULL},
	{9, 'M', "Eligibility Category", NULL},
	{10, 'M', "Date of Decision that Child Should be Placed for Adoption", NULL},
	{10, 'O', "Date of Birth", "Date the Child Entered Care"},
	{10, 'O', "Date of Decision that Child Should be Placed for Adoption",
	 "Date Placed for Adoption"},
	{10, 'O', "Date of Decision that Child Should be Placed for Adoption",
	 "Date of Decision that Child Should No Longer be Placed for Adoption"},
	{10, 'O', "Date Placed for Adoption", "Date of Adoption Order"},
	{10, 'I', "Date of Decision that Child Should No Longer be Placed for Adoption",
	 "Reason Why Child No Longer Placed for Adoption"},
};

/* The column of header h in list l; -1 when absent (a rule naming a header
 * the list lacks is a bug: tests/unit and the e2e tests run every rule). */
static int col_of(const aa_list *l, const char *h)
{
	for (int i = 0; l->headers[i]; i++)
		if (!strcmp(l->headers[i], h))
			return i;
	return -1;
}

static void row_finding(aa_sheet *s, const char *check, int col, const char *detail)
{
	char v[CSC_DATE_BUFSZ] = "";
	if (col >= 0 && s->filled[col] && s->dates[col] != CSC_NODATE && s->list->headers[col] &&
	    strstr(check, "date"))
		csc_date_dmy(s->dates[col], v);
	aa_checks_add(s->ck, check, s->list->sheet, s->row + 1, s->id,
		      col >= 0 ? s->list->headers[col] : NULL, v, NULL, 0, detail);
}

/* 1 when column c holds a date (written by aa_date). */
static int has_date(const aa_sheet *s, int c)
{
	return c >= 0 && s->filled[c] && s->dates[c] != CSC_NODATE;
}

void aa_checks_row(aa_sheet *s)
{
	const aa_list *l = s->list;
	const aa_data *d = s->d;
	int n = aa_list_ncols(l);
	if (s->child >= 0)
		s->d->people[s->child].lists |= 1u << l->num;
	if (!s->filled[0])
		row_finding(s, "mandatory_blank", 0, "every row needs the child's ID");
	for (int c = 0; c < n; c++)
		if (has_date(s, c) && s->dates[c] > d->I)
			row_finding(s, "date_outside_window", c, "after the inspection date");
	char msg[200];
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		const aa_rule *r = &rules[i];
		if (r->list != l->num)
			continue;
		int a = col_of(l, r->a), b = r->b ? col_of(l, r->b) : -1;
		switch (r->kind) {
		case 'M':
			if (!s->filled[a])
				row_finding(s, "mandatory_blank", a, "a value is needed in every row");
			break;
		case 'I':
			if (s->filled[a] && !s->filled[b]) {
				snprintf(msg, sizeof msg, "needed when %s is filled", r->a);
				row_finding(s, "mandatory_blank", b, msg);
			}
			break;
		case 'O':
			if (has_date(s, a) && has_date(s, b) && s->dates[a] > s->dates[b]) {
				snprintf(msg, sizeof msg, "after %s", r->b);
				row_finding(s, "date_order", a, msg);
			}
			break;
		case 'W':
			if (has_date(s, a) &&
			    s->dates[a] < csc_date_add_months(d->I, -l->months)) {
				snprintf(msg, sizeof msg, "before the list's window (%d months to the "
					 "inspection date)", l->months);
				row_finding(s, "date_outside_window", a, msg);
			}
			break;
		}
	}
}

void aa_checks_need(aa_sheet *s, int need, const char *why)
{
	if (!s->ck || s->child < 0)
		return;
	aa_listneed *n = tx_push(&s->ck->need, &s->ck->nneed, &s->ck->capneed, sizeof *n);
	n->list = s->list->num;
	n->need = need;
	n->row = s->row + 1;
	n->child = s->child;
	n->why = why;
}

/* The extracts' rejects, by input: the lists they would have fed. */
static const struct {
	const char *file, *input;
} rejects[] = {
	{"rejects_contacts.csv", "contacts (Lists 1, 2)"},
	{"rejects_early_help.csv", "early help (List 2)"},
	{"rejects_cin.csv", "CIN census (Lists 3-7)"},
	{"rejects_ssda903.csv", "SSDA903 (Lists 6-10)"},
};

struct rj_ctx {
	aa_checks *c;
	const char *input;
};

static const char *const rj_cols[] = {"file", "line", "field", "value", "reason", NULL};
static void rj_row(void *ctx, const tx_fields *f)
{
	struct rj_ctx *r = ctx;
	aa_checks_add(r->c, "rejected_record", r->input, 0, NULL, f->v[2], f->v[3], f->v[0],
		      tx_f_long(f, 1, 0), f->v[4]);
}

int aa_checks_finish(aa_checks *c, const aa_data *d, const char *dir)
{
	char why[160];
	for (int i = 0; i < c->nneed; i++) {
		const aa_listneed *n = &c->need[i];
		if (d->people[n->child].lists & (1u << n->need))
			continue;
		char list[16];
		snprintf(list, sizeof list, "List %d", n->list);
		snprintf(why, sizeof why, "%s, but the child has no row in List %d", n->why, n->need);
		aa_checks_add(c, "missing_record", list, n->row, d->ids.s[n->child], NULL, NULL, NULL,
			      0, why);
	}
	for (size_t i = 0; i < sizeof rejects / sizeof rejects[0]; i++) {
		char *p = csc_path_join(dir, rejects[i].file);
		int rc = 0;
		if (tx_file_exists(p)) {
			struct rj_ctx r = {c, rejects[i].input};
			rc = tx_read_table(p, rj_cols, rj_row, &r);
		}
		free(p);
		if (rc)
			return -1;
	}
	if (!c->n) {
		/* a row that says so: headers alone print as a sheet not filled
		 * in (the CSV keeps its header only, a list of findings) */
		xl_text(c->b, c->ws, 1, 0, "none", XF_NONE);
		xl_text(c->b, c->ws, 1, 8, "0 findings: every list passed the pre-send checks",
			XF_NONE);
	}
	if (c->n > c->row) {
		const char *csv = strrchr(c->out.path, '/');
		char line[320];
		snprintf(line, sizeof line, "%ld more finding%s not shown: the sheet is full. All %ld "
			 "are in %s.", c->n - c->row, c->n - c->row == 1 ? "" : "s", c->n,
			 csv ? csv + 1 : c->out.path);
		xl_text(c->b, c->ws, c->row + 1, 0, line, XF_BOLD);
	}
	return 0;
}

int aa_checks_commit(aa_checks *c)
{
	int rc = c->open ? csc_out_commit(&c->out) : 0;
	c->open = 0;
	free(c->need);
	c->need = NULL;
	return rc;
}

void aa_checks_abort(aa_checks *c)
{
	if (c->open)
		csc_out_abort(&c->out);
	c->open = 0;
	free(c->need);
	c->need = NULL;
}
