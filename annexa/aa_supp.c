/*
 * aa_supp.c - the supplementary list per case (aa_supp.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aa_lists.h"
#include "aa_supp.h"
#include "csc_annexa_codes.h"
#include "csc_csvr.h"
#include "csc_diag.h"

#define SUPP_TEXT_MAX 200 /* bytes of a text value (a name, a team): "200" in messages */

/* ANNEX-A.md 2.4: yes/no as accepted forms -> Annex A's */
static const aa_value yn[] = {
	{"Yes", AA_YES}, {"Y", AA_YES}, {"1", AA_YES}, {"true", AA_YES},
	{"No", AA_NO}, {"N", AA_NO}, {"0", AA_NO}, {"false", AA_NO},
	{"Unknown", "c) Unknown"}, {NULL, NULL},
};
static const aa_value permanence[] = {
	{"Return to family", "a) Return to family"}, {"Adoption", "b) Adoption"},
	{"SGO/CAO", "c) SGO/CAO"},
	{"Supported living in the community", "d) Supported living in the community"},
	{"Long-term residential placement", "e) Long-term residential placement"},
	{"Long-term fostering", "f) Long-term fostering"}, {"other", "g) other"}, {NULL, NULL},
};
static const aa_value location[] = {{"In", "a) In"}, {"Out", "b) Out"}, {NULL, NULL}};
/* LA of Placement: an LA's name, or one of these */
static const aa_value la_codes[] = {
	{"NIR", "NIR - Child placed in Northern Ireland"}, {"WAL", "WAL - Child placed in Wales"},
	{"SCO", "SCO - Child placed in Scotland"}, {"NUK", "NUK - Child placed outside the UK"},
	{"CON", "CON - Child placed in confidential placement"}, {NULL, NULL},
};

/* 'A': a code of `codes` or else any text (LA of Placement). */
const aa_supp_col aa_supp_cols[AA_NSUPP] = {
	{"Allocated Team", 'T', NULL},
	{"Allocated Worker", 'T', NULL},
	{"Child Seen During Continuous Assessment", 'C', yn},
	{"Date Child Was Last Seen", 'D', NULL},
	{"Date of the Last Statutory Visit", 'D', NULL},
	{"Was the Child Seen Alone?", 'C', yn},
	{"Date of Last Social Work Visit", 'D', NULL},
	{"What is the permanence plan for this child?", 'C', permanence},
	{"Date of Last IRO Visit / Contact to the Child", 'D', NULL},
	{"Date of Last Health Assessment", 'D', NULL},
	{"Date of Last Dental Check", 'D', NULL},
	{"Placement Location", 'C', location},
	{"LA of Placement", 'A', la_codes},
	{"Was the child offered a Return Interview after their last missing episode (Y/N)?", 'C', yn},
	{"Did the child accept a Return Interview after their last missing episode (Y/N)?", 'C', yn},
	{"Allocated Personal Advisor", 'T', NULL},
	{"Latest Pathway Plan Review Date", 'D', NULL},
	{"Latest Date of Contact", 'D', NULL},
	{"Family identifier", 'T', NULL},
};

/* An Excel date serial (whole days, "45000" or "45000.0"), 61 and over:
 * Excel's day 60 is its 29/02/1900, which never was. */
static int excel_serial(const char *v, csc_date *out)
{
	long n = 0;
	size_t i = 0;
	for (; isdigit((unsigned char)v[i]) && i < 8; i++)
		n = n * 10 + (v[i] - '0');
	if (!i)
		return -1;
	if (v[i] == '.') {
		size_t k = i + 1;
		while (v[k] == '0')
			k++;
		if (k == i + 1 || v[k])
			return -1;
	} else if (v[i]) {
		return -1;
	}
	if (n < 61 || n > 2958465) /* 31/12/9999 */
		return -1;
	*out = (csc_date)(n - 25569); /* day 25569 is 01/01/1970 */
	return 0;
}

int aa_supp_value(const aa_supp_col *c, const char *v, char *out, size_t cap, const char **why)
{
	char norm[SUPP_TEXT_MAX + 8];
	size_t n = csc_aa_norm(v, strlen(v), norm, sizeof norm);
	*out = '\0';
	if (n == (size_t)-1 || n > SUPP_TEXT_MAX) {
		*why = "is longer than 200 bytes";
		return -1;
	}
	for (const char *p = norm; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F) {
			*why = "holds a control character";
			return -1;
		}
	if (!n)
		return 0;
	if (c->type == 'D') {
		csc_date d;
		if (csc_date_parse_any(norm, n, &d) != 0 && excel_serial(norm, &d) != 0) {
			*why = "is not a date (DD/MM/YYYY, YYYY-MM-DD or an Excel date)";
			return -1;
		}
		csc_date_iso(d, out);
		return 0;
	}
	if (c->type == 'C' || c->type == 'A') {
		for (const aa_value *t = c->codes; t->code; t++)
			if (!strcasecmp(norm, t->code) || !strcasecmp(norm, t->out)) {
				snprintf(out, cap, "%s", t->out);
				return 0;
			}
		if (c->type == 'C') {
			*why = "is not one of the column's Annex A values";
			return -1;
		}
	}
	snprintf(out, cap, "%s", norm);
	return 0;
}

struct rd {
	aa_supp *sp;
	aa_data *d;
	aa_checks *ck;
	const char *path;
	int id;                /* field of the ID, -1 none */
	int map[CSC_CSV_MAX_FIELDS > 64 ? 64 : CSC_CSV_MAX_FIELDS]; /* field -> column */
	int nhdr;
	long *first;           /* per person: the line of its row, 0 none */
	long nfirst;
};

static int header(struct rd *r, const csc_row *row)
{
	char key[256], want[256];
	r->id = -1;
	r->nhdr = row->n;
	if (row->n > 64) {
		csc_error_at(r->path, row->line, "the header has %d columns; at most 64", row->n);
		return -1;
	}
	for (int i = 0; i < row->n; i++) {
		csc_csv_key(row->f[i], key, sizeof key);
		r->map[i] = -1;
		csc_csv_key("Child Unique ID", want, sizeof want);
		int found = !strcmp(key, want) ? AA_NSUPP : -1;
		for (int k = 0; k < AA_NSUPP && found < 0; k++) {
			csc_csv_key(aa_supp_cols[k].header, want, sizeof want);
			if (!strcmp(key, want))
				found = k;
		}
		if (found < 0) {
			csc_error_at(r->path, row->line, "the header has an unknown column '%.60s' "
				     "(docs/FORMATS.md, Annex A supplementary list)", row->f[i]);
			return -1;
		}
		if ((found == AA_NSUPP && r->id >= 0) || (found < AA_NSUPP && r->sp->has[found])) {
			csc_error_at(r->path, row->line, "the header names column '%.60s' twice",
				     row->f[i]);
			return -1;
		}
		if (found == AA_NSUPP)
			r->id = i;
		else
			r->sp->has[found] = 1, r->map[i] = found;
	}
	if (r->id < 0) {
		csc_error_at(r->path, row->line, "the header has no column 'Child Unique ID'");
		return -1;
	}
	return 0;
}

static void reject(struct rd *r, long line, const char *field, const char *value,
		   const char *why)
{
	r->sp->rejected++;
	aa_checks_add(r->ck, "rejected_record", "supplementary list", 0, NULL, field, value,
		      r->path, line, why);
}

/* ANNEX-A.md 2.4: an ID is text; "123.0" is 123. */
static void clean_id(char *id)
{
	char *dot = strchr(id, '.');
	if (dot && dot > id && strspn(id, "0123456789") == (size_t)(dot - id) &&
	    strspn(dot + 1, "0") == strlen(dot + 1))
		*dot = '\0';
}

static int data(struct rd *r, const csc_row *row)
{
	char vals[AA_NSUPP][SUPP_TEXT_MAX + 8];
	char msg[160];
	const char *why;
	r->sp->rows++;
	if (row->broken || row->n != r->nhdr) {
		snprintf(msg, sizeof msg, "%s", row->broken ? row->broken :
			 "the row does not have the header's number of fields");
		reject(r, row->line, "-", "", msg);
		return 0;
	}
	for (int k = 0; k < AA_NSUPP; k++)
		vals[k][0] = '\0';
	for (int i = 0; i < row->n; i++) {
		int k = r->map[i];
		if (k < 0)
			continue;
		if (aa_supp_value(&aa_supp_cols[k], row->f[i], vals[k], sizeof vals[k], &why) != 0) {
			snprintf(msg, sizeof msg, "%s %s", aa_supp_cols[k].header, why);
			reject(r, row->line, aa_supp_cols[k].header, row->f[i], msg);
			return 0;
		}
	}
	char *id = row->f[r->id];
	clean_id(id);
	if (!*id || strlen(id) >= 64) {
		reject(r, row->line, "Child Unique ID", id,
		       *id ? "Child Unique ID is longer than 63 bytes" : "Child Unique ID is blank");
		return 0;
	}
	int c = aa_child(r->d, id);
	if (c >= r->nfirst) {
		long n = r->nfirst ? r->nfirst : 1024;
		while (n <= c)
			n *= 2;
		r->first = csc_xrealloc(r->first, (size_t)n * sizeof *r->first);
		memset(r->first + r->nfirst, 0, (size_t)(n - r->nfirst) * sizeof *r->first);
		r->nfirst = n;
	}
	if (r->first[c]) {
		snprintf(msg, sizeof msg, "a second row for this child (the first is line %ld)",
			 r->first[c]);
		reject(r, row->line, "Child Unique ID", id, msg);
		return 0;
	}
	r->first[c] = row->line;
	size_t len = 0;
	for (int k = 0; k < AA_NSUPP; k++)
		len += strlen(vals[k]) + 1;
	char *blk = csc_xmalloc(len), *w = blk;
	for (int k = 0; k < AA_NSUPP; k++) {
		size_t n = strlen(vals[k]) + 1;
		memcpy(w, vals[k], n);
		w += n;
	}
	r->d->people[c].supp = blk;
	return 0;
}

static int on_row(void *ctx, const csc_row *row)
{
	struct rd *r = ctx;
	return row->index == 0 ? header(r, row) : data(r, row);
}

int aa_supp_read(aa_supp *sp, const char *path, aa_data *d, aa_checks *ck)
{
	struct rd r;
	memset(&r, 0, sizeof r);
	memset(sp, 0, sizeof *sp);
	sp->path = path;
	r.sp = sp;
	r.d = d;
	r.ck = ck;
	r.path = path;
	int rc = csc_csv_readf(path, NULL, CSC_CSV_RECOVER, on_row, &r);
	free(r.first);
	if (rc)
		return -1;
	if (sp->rejected)
		/* like the extracts: one line for an input with rejects, quiet or not */
		csc_error_at(path, 0, "%ld of %ld records rejected; see the Checks sheet",
			     sp->rejected, sp->rows);
	return 0;
}

/* The child's value of supplementary column k ("" when none). */
static const char *value_of(const char *blk, int k)
{
	while (k-- > 0)
		blk += strlen(blk) + 1;
	return blk;
}

void aa_supp_fill(aa_sheet *s)
{
	if (s->child < 0 || !s->d->people[s->child].supp)
		return;
	const char *blk = s->d->people[s->child].supp;
	const aa_list *l = s->list;
	for (int c = 0; l->headers[c] && c < AA_MAXCOLS; c++) {
		if (s->filled[c])
			continue;
		for (int k = 0; k < AA_NSUPP; k++) {
			if (strcmp(l->headers[c], aa_supp_cols[k].header))
				continue;
			const char *v = value_of(blk, k);
			csc_date dt;
			if (!*v)
				break;
			if (aa_supp_cols[k].type == 'D' && csc_date_parse_iso(v, strlen(v), &dt) == 0)
				aa_date(s, c, dt);
			else
				aa_text(s, c, v);
			break;
		}
	}
}
