/* returns_cin.c - see returns_cin.h. */
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csc_cin_elems.h"
#include "csc_diag.h"
#include "csc_out.h"
#include "returns_cin.h"
#include "returns_rows.h"

/* The staging tables (csc_cin_stage.h), each read with every column of
 * its definition and indexed by its column enum; column 0 is `child`. */
enum { T_CHILD = CSC_CIN_CHILDREN, T_EPI = CSC_CIN_EPISODES, T_ASS = CSC_CIN_ASSESSMENTS,
       T_PLAN = CSC_CIN_PLANS, T_S47 = CSC_CIN_S47, T_CPP = CSC_CIN_CPP, T_REV = CSC_CIN_REVIEWS,
       T_PP = CSC_CIN_PREPROC, NT = CSC_CIN_NFILES };

/* The rows of one child from one table: n rows of ncols strings. */
typedef struct rbuf {
	int ncols, n, cap;
	char **cell;
	long *line;
} rbuf;

typedef struct cin_ctx {
	const ret_year *y;
	ret_rows_reader rd[NT];
	int open[NT];
	rbuf buf[NT];
	xmlTextWriterPtr w;
	int werr;        /* an xmlTextWriter call failed */
	int bad;         /* a staging date did not parse */
	const char *bad_file;
	long bad_line;
	ret_cin_stats *st;
} cin_ctx;

static const char *cell(const rbuf *b, int row, int col)
{
	return b->cell[(size_t)row * b->ncols + col];
}

static void rbuf_clear(rbuf *b)
{
	for (size_t i = 0; i < (size_t)b->n * b->ncols; i++)
		free(b->cell[i]);
	b->n = 0;
}

static void rbuf_push(rbuf *b, const ret_rows_reader *r)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		b->cell = csc_xrealloc(b->cell, (size_t)b->cap * b->ncols * sizeof *b->cell);
		b->line = csc_xrealloc(b->line, (size_t)b->cap * sizeof *b->line);
	}
	for (int c = 0; c < b->ncols; c++)
		b->cell[(size_t)b->n * b->ncols + c] = csc_xstrdup(ret_rows_get(r, c));
	b->line[b->n++] = r->row_line;
}

/* A staging date; a malformed one is remembered and fails the run. */
static csc_date date_of(cin_ctx *x, int t, int row, int col)
{
	int bad = 0;
	csc_date d = ret_date(cell(&x->buf[t], row, col), &bad);
	if (bad && !x->bad) {
		x->bad = 1;
		x->bad_file = csc_cin_stage[t].file;
		x->bad_line = x->buf[t].line[row];
	}
	return d;
}

/* ---- writing ---- */

static void start(cin_ctx *x, const char *name)
{
	if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
		x->werr = 1;
}

static void end(cin_ctx *x)
{
	if (xmlTextWriterEndElement(x->w) < 0)
		x->werr = 1;
}

/* The element the year's return holds column col of table t in (the
 * element table, lib/csc_cin_elems.c), or NULL when it holds none. */
static const csc_cin_elem *el_of(const cin_ctx *x, int t, int col)
{
	return csc_cin_elem_for(t, col, x->y->year);
}

/* Its name, or NULL (text() and date() then write nothing). */
static const char *el(const cin_ctx *x, int t, int col)
{
	const csc_cin_elem *e = el_of(x, t, col);
	return e ? e->name : NULL;
}

/* <name>text</name>, omitted when text is empty: an absent value stays
 * absent so the validator reports it against its DfE rule. */
static void text(cin_ctx *x, const char *name, const char *s)
{
	if (!name || !s || !*s)
		return;
	if (xmlTextWriterWriteElement(x->w, BAD_CAST name, BAD_CAST s) < 0)
		x->werr = 1;
}

static void date(cin_ctx *x, const char *name, csc_date d)
{
	char buf[CSC_DATE_BUFSZ];
	if (d != CSC_NODATE)
		text(x, name, csc_date_iso(d, buf));
}

/* Staged booleans are 1/0; the schema's yesnotype takes true/false. */
static void yesno(cin_ctx *x, const char *name, const char *s)
{
	if (!strcmp(s, "1"))
		text(x, name, "true");
	else if (!strcmp(s, "0"))
		text(x, name, "false");
	else
		text(x, name, s);
}

/* Staged sex is M/F/U (FORMATS.md); the element the year's return holds
 * it in (GenderCurrent to 2023-24, Sex from 2024-25) and its code for each
 * staged value are the element table's (csc_cin_elems.c). */
static void sex(cin_ctx *x, const char *s)
{
	const csc_cin_elem *e = csc_cin_elem_for(CSC_CIN_CHILDREN, CSC_CH_SEX, x->y->year);
	if (e)
		text(x, e->name, csc_cin_elem_recode(e, s));
}

/* A ';'-joined list (column col of table t) as its element repeated
 * inside the element's parent (Disabilities/Disability, ...). */
static void list(cin_ctx *x, int t, int col, const char *joined)
{
	const csc_cin_elem *e = el_of(x, t, col);
	if (!e || !*joined)
		return;
	const char *item = e->name;
	start(x, e->parent);
	const char *p = joined;
	for (;;) {
		const char *q = strchr(p, ';');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		if (n) {
			char *one = csc_xstrndup(p, n);
			text(x, item, one);
			free(one);
		}
		if (!q)
			break;
		p = q + 1;
	}
	end(x);
}

static int same_episode(const cin_ctx *x, int t, int row, const char *epi)
{
	return !strcmp(cell(&x->buf[t], row, CSC_CIN_COL_EPISODE), epi);
}

static void write_assessments(cin_ctx *x, const char *epi)
{
	const rbuf *b = &x->buf[T_ASS];
	for (int i = 0; i < b->n; i++) {
		if (!same_episode(x, T_ASS, i, epi))
			continue;
		csc_date s = date_of(x, T_ASS, i, CSC_AS_START_DATE), a = date_of(x, T_ASS, i, CSC_AS_AUTHORISATION_DATE);
		if (!ret_assessment_in_scope(x->y, s, a))
			continue;
		start(x, "Assessments");
		date(x, el(x, T_ASS, CSC_AS_START_DATE), s);
		date(x, el(x, T_ASS, CSC_AS_REVIEW_DATE), ret_as_at(x->y, date_of(x, T_ASS, i, CSC_AS_REVIEW_DATE)));
		date(x, el(x, T_ASS, CSC_AS_AUTHORISATION_DATE), ret_as_at(x->y, a));
		/* Factors are recorded at the end of the assessment: not yet
		 * known on the reference date when it was authorised later. */
		if (ret_as_at(x->y, a) != CSC_NODATE)
			list(x, T_ASS, CSC_AS_FACTORS, cell(b, i, CSC_AS_FACTORS));
		end(x);
		x->st->assessments++;
	}
}

static void write_plans(cin_ctx *x, const char *epi)
{
	const rbuf *b = &x->buf[T_PLAN];
	for (int i = 0; i < b->n; i++) {
		if (!same_episode(x, T_PLAN, i, epi))
			continue;
		csc_date s = date_of(x, T_PLAN, i, CSC_PL_START_DATE), e = date_of(x, T_PLAN, i, CSC_PL_END_DATE);
		if (!ret_overlaps(x->y, s, e))
			continue;
		start(x, "CINPlanDates");
		date(x, el(x, T_PLAN, CSC_PL_START_DATE), s);
		date(x, el(x, T_PLAN, CSC_PL_END_DATE), ret_as_at(x->y, e));
		end(x);
		x->st->plans++;
	}
}

static void write_s47(cin_ctx *x, const char *epi)
{
	const rbuf *b = &x->buf[T_S47];
	for (int i = 0; i < b->n; i++) {
		if (!same_episode(x, T_S47, i, epi))
			continue;
		csc_date s = date_of(x, T_S47, i, CSC_S47_START_DATE), c = date_of(x, T_S47, i, CSC_S47_ICPC_DATE);
		if (!ret_s47_in_scope(x->y, s, c, !strcmp(cell(b, i, CSC_S47_ICPC_NOT_REQUIRED), "1")))
			continue;
		start(x, "Section47");
		date(x, el(x, T_S47, CSC_S47_START_DATE), s);
		date(x, el(x, T_S47, CSC_S47_ICPC_TARGET), date_of(x, T_S47, i, CSC_S47_ICPC_TARGET));
		date(x, el(x, T_S47, CSC_S47_ICPC_DATE), ret_as_at(x->y, c));
		yesno(x, el(x, T_S47, CSC_S47_ICPC_NOT_REQUIRED), cell(b, i, CSC_S47_ICPC_NOT_REQUIRED));
		end(x);
		x->st->s47++;
	}
}

static void write_reviews(cin_ctx *x, const char *epi, const char *cpp)
{
	const rbuf *b = &x->buf[T_REV];
	int any = 0;
	for (int i = 0; i < b->n; i++) {
		if (!same_episode(x, T_REV, i, epi) || strcmp(cell(b, i, CSC_RV_CPP), cpp))
			continue;
		csc_date d = date_of(x, T_REV, i, CSC_RV_REVIEW_DATE);
		if (!ret_in_year(x->y, d))
			continue;
		if (!any++)
			start(x, el_of(x, T_REV, CSC_RV_REVIEW_DATE)->parent);
		date(x, el(x, T_REV, CSC_RV_REVIEW_DATE), d);
		x->st->reviews++;
	}
	if (any)
		end(x);
}

static void write_cpp(cin_ctx *x, const char *epi)
{
	const rbuf *b = &x->buf[T_CPP];
	for (int i = 0; i < b->n; i++) {
		if (!same_episode(x, T_CPP, i, epi))
			continue;
		csc_date s = date_of(x, T_CPP, i, CSC_CPP_START_DATE), e = date_of(x, T_CPP, i, CSC_CPP_END_DATE);
		if (!ret_overlaps(x->y, s, e))
			continue;
		start(x, "ChildProtectionPlans");
		date(x, el(x, T_CPP, CSC_CPP_START_DATE), s);
		date(x, el(x, T_CPP, CSC_CPP_END_DATE), ret_as_at(x->y, e));
		text(x, el(x, T_CPP, CSC_CPP_INITIAL_CATEGORY), cell(b, i, CSC_CPP_INITIAL_CATEGORY));
		text(x, el(x, T_CPP, CSC_CPP_LATEST_CATEGORY), cell(b, i, CSC_CPP_LATEST_CATEGORY));
		/* Written as staged, 0 included: see RETURNS.md on the schema's
		 * positiveInteger. */
		text(x, el(x, T_CPP, CSC_CPP_PREVIOUS_CPP), cell(b, i, CSC_CPP_PREVIOUS_CPP));
		write_reviews(x, epi, cell(b, i, CSC_CPP_CPP));
		end(x);
		x->st->cpp++;
	}
}

/* The PreProceedingsandFGDM blocks of episode epi (2026-27 on: the years
 * of the element table's rows), element by element in the table's order.
 * A block belongs to the year as a plan does: started by the reference
 * date and not decided (StepDecisionDate) before 1 April; dates after the
 * reference date are absent, and so is the outcome until the decision. */
static void write_preproc(cin_ctx *x, const char *epi)
{
	const rbuf *b = &x->buf[T_PP];
	for (int i = 0; i < b->n; i++) {
		if (!same_episode(x, T_PP, i, epi))
			continue;
		csc_date s = date_of(x, T_PP, i, CSC_PP_START_DATE);
		csc_date decided = date_of(x, T_PP, i, CSC_PP_STEP_DECISION_DATE);
		if (!ret_overlaps(x->y, s, decided))
			continue;
		int open = 0;
		for (int k = 0; k < csc_cin_nelems; k++) {
			const csc_cin_elem *e = &csc_cin_elems[k];
			if (e->file != CSC_CIN_PREPROC || !csc_cin_elem_in_year(e, x->y->year))
				continue;
			if (!open++)
				start(x, e->parent);
			int t = csc_cin_stage[CSC_CIN_PREPROC].types[e->col];
			if (t == CSC_COL_DATE || t == CSC_COL_EVENT)
				date(x, e->name, ret_as_at(x->y, date_of(x, T_PP, i, e->col)));
			else if (e->col != CSC_PP_OUTCOME || ret_as_at(x->y, decided) != CSC_NODATE)
				text(x, e->name, cell(b, i, e->col));
		}
		if (open) {
			end(x);
			x->st->preproc++;
		}
	}
}

static int episode_in_scope(cin_ctx *x, int i)
{
	return ret_overlaps(x->y, date_of(x, T_EPI, i, CSC_EP_REFERRAL_DATE), date_of(x, T_EPI, i, CSC_EP_CLOSURE_DATE));
}

static void write_episode(cin_ctx *x, int i)
{
	const rbuf *b = &x->buf[T_EPI];
	const char *epi = cell(b, i, CSC_EP_EPISODE);
	csc_date close = ret_as_at(x->y, date_of(x, T_EPI, i, CSC_EP_CLOSURE_DATE));
	start(x, "CINdetails");
	date(x, el(x, T_EPI, CSC_EP_REFERRAL_DATE), date_of(x, T_EPI, i, CSC_EP_REFERRAL_DATE));
	text(x, el(x, T_EPI, CSC_EP_REFERRAL_SOURCE), cell(b, i, CSC_EP_REFERRAL_SOURCE));
	text(x, el(x, T_EPI, CSC_EP_PRIMARY_NEED), cell(b, i, CSC_EP_PRIMARY_NEED));
	date(x, el(x, T_EPI, CSC_EP_CLOSURE_DATE), close);
	/* An episode closed after the reference date was open on it. */
	if (close != CSC_NODATE)
		text(x, el(x, T_EPI, CSC_EP_CLOSURE_REASON), cell(b, i, CSC_EP_CLOSURE_REASON));
	date(x, el(x, T_EPI, CSC_EP_ICPC_DATE), ret_as_at(x->y, date_of(x, T_EPI, i, CSC_EP_ICPC_DATE)));
	write_assessments(x, epi);
	write_plans(x, epi);
	write_s47(x, epi);
	yesno(x, el(x, T_EPI, CSC_EP_REFERRAL_NFA), cell(b, i, CSC_EP_REFERRAL_NFA));
	write_cpp(x, epi);
	write_preproc(x, epi);
	end(x);
	x->st->episodes++;
}

static void write_child(cin_ctx *x)
{
	const rbuf *c = &x->buf[T_CHILD];
	int any = 0;
	for (int i = 0; i < x->buf[T_EPI].n; i++)
		any |= episode_in_scope(x, i);
	if (!any)
		return;
	start(x, "Child");
	start(x, "ChildIdentifiers");
	text(x, el(x, T_CHILD, CSC_CH_CHILD), cell(c, 0, CSC_CH_CHILD));
	text(x, el(x, T_CHILD, CSC_CH_UPN), cell(c, 0, CSC_CH_UPN));
	text(x, el(x, T_CHILD, CSC_CH_FORMER_UPN), cell(c, 0, CSC_CH_FORMER_UPN));
	text(x, el(x, T_CHILD, CSC_CH_UPN_UNKNOWN), cell(c, 0, CSC_CH_UPN_UNKNOWN));
	date(x, el(x, T_CHILD, CSC_CH_DOB), date_of(x, T_CHILD, 0, CSC_CH_DOB));
	date(x, el(x, T_CHILD, CSC_CH_EXPECTED_DOB), date_of(x, T_CHILD, 0, CSC_CH_EXPECTED_DOB));
	sex(x, cell(c, 0, CSC_CH_SEX));
	date(x, el(x, T_CHILD, CSC_CH_DEATH_DATE), ret_as_at(x->y, date_of(x, T_CHILD, 0, CSC_CH_DEATH_DATE)));
	end(x);
	start(x, "ChildCharacteristics");
	text(x, el(x, T_CHILD, CSC_CH_ETHNICITY), cell(c, 0, CSC_CH_ETHNICITY));
	list(x, T_CHILD, CSC_CH_DISABILITIES, cell(c, 0, CSC_CH_DISABILITIES));
	end(x);
	for (int i = 0; i < x->buf[T_EPI].n; i++)
		if (episode_in_scope(x, i))
			write_episode(x, i);
	end(x);
	x->st->children++;
}

static void write_header(cin_ctx *x, const ret_cin_header *h)
{
	char year[8], ref[CSC_DATE_BUFSZ], stamp[32];
	snprintf(year, sizeof year, "%d", x->y->year);
	csc_date_iso(x->y->last, ref);
	/* DateTime comes from the reference date, not the clock, so that two
	 * runs on the same data give the same bytes. */
	snprintf(stamp, sizeof stamp, "%sT00:00:00", ref);
	start(x, "Header");
	start(x, "CollectionDetails");
	text(x, "Collection", "CIN");
	text(x, "Year", year);
	text(x, "ReferenceDate", ref);
	end(x);
	start(x, "Source");
	text(x, "SourceLevel", "L");
	text(x, "LEA", h->la_number);
	text(x, "SoftwareCode", "cscpipe");
	text(x, "Release", h->release);
	text(x, "SerialNo", h->serial);
	text(x, "DateTime", stamp);
	end(x);
	end(x);
}

/* Load the next child's rows from every table. 1 = a child, 0 = done,
 * -1 = read error. */
static int next_child(cin_ctx *x)
{
	for (int t = 0; t < NT; t++)
		rbuf_clear(&x->buf[t]);
	ret_rows_reader *cr = &x->rd[T_CHILD];
	if (!cr->have)
		return 0;
	rbuf_push(&x->buf[T_CHILD], cr);
	const char *id = x->buf[T_CHILD].cell[0];
	if (ret_rows_next(cr) < 0)
		return -1;
	for (int t = 1; t < NT; t++) {
		ret_rows_reader *r = &x->rd[t];
		while (x->open[t] && r->have && !strcmp(ret_rows_get(r, CSC_CIN_COL_CHILD), id)) {
			rbuf_push(&x->buf[t], r);
			if (ret_rows_next(r) < 0)
				return -1;
		}
	}
	return 1;
}

static int run(cin_ctx *x, const ret_cin_header *h, const char *staging_dir, FILE *fp)
{
	for (int t = 0; t < NT; t++) {
		char *p = csc_path_join(staging_dir, csc_cin_stage[t].file);
		int rc = ret_rows_open(&x->rd[t], p, csc_cin_stage[t].cols);
		free(p);
		if (rc < 0)
			return CSC_EXIT_INPUT;
		if (rc == 1) {
			/* Children are required; an absent group table means the
			 * dump had none of that group. */
			if (t == T_CHILD) {
				csc_error_at(x->rd[t].path, 0, "not staged: run the CIN extractor first");
				return CSC_EXIT_INPUT;
			}
			continue;
		}
		x->open[t] = 1;
		if (ret_rows_next(&x->rd[t]) < 0)
			return CSC_EXIT_INPUT;
	}
	for (int t = 0; t < NT; t++)
		x->buf[t].ncols = csc_cin_stage[t].ncols;
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(fp, NULL);
	if (!out || !(x->w = xmlNewTextWriter(out))) {
		csc_error("cannot start the XML writer");
		return CSC_EXIT_INTERNAL;
	}
	xmlTextWriterSetIndent(x->w, 1);
	xmlTextWriterSetIndentString(x->w, BAD_CAST "  ");
	if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
		x->werr = 1;
	start(x, "Message");
	write_header(x, h);
	start(x, "Children");
	int rc;
	while ((rc = next_child(x)) == 1 && !x->bad && !x->werr)
		write_child(x);
	if (rc < 0)
		return CSC_EXIT_INPUT;
	if (x->bad) {
		csc_error_at(x->bad_file, x->bad_line, "malformed date in staging (expected YYYY-MM-DD)");
		return CSC_EXIT_INPUT;
	}
	/* Rows left over belong to no child of cin_children in its order: the
	 * staging is inconsistent and a return built from it would drop them. */
	for (int t = 1; t < NT; t++)
		if (x->open[t] && x->rd[t].have) {
			csc_error_at(x->rd[t].path, x->rd[t].row_line,
				     "child '%s' is not in cin_children.csv order; re-run the CIN extractor",
				     ret_rows_get(&x->rd[t], CSC_CIN_COL_CHILD));
			return CSC_EXIT_INPUT;
		}
	end(x); /* Children */
	end(x); /* Message */
	if (xmlTextWriterEndDocument(x->w) < 0 || xmlTextWriterFlush(x->w) < 0)
		x->werr = 1;
	if (x->werr) {
		csc_error("XML writer failed");
		return CSC_EXIT_OUTPUT;
	}
	return 0;
}

int ret_cin_write(const ret_year *y, const ret_cin_header *h, const char *staging_dir, FILE *fp,
		 ret_cin_stats *st)
{
	cin_ctx x;
	memset(&x, 0, sizeof x);
	memset(st, 0, sizeof *st);
	x.y = y;
	x.st = st;
	int rc = run(&x, h, staging_dir, fp);
	if (x.w)
		xmlFreeTextWriter(x.w);
	for (int t = 0; t < NT; t++) {
		rbuf_clear(&x.buf[t]);
		free(x.buf[t].cell);
		free(x.buf[t].line);
		ret_rows_close(&x.rd[t]);
	}
	return rc;
}
