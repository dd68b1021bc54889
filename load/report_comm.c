/* report_comm.c - see report_comm.h and docs/FORMATS.md ("Commentary"). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csc_conf.h"
#include "csc_csvr.h"
#include "csc_diag.h"
#include "report_comm.h"
#include "report_tpl.h"

#define MAX_ERRORS 20

/* The columns, all required, in the order docs/FORMATS.md lists them;
 * headers are matched by csc_csv_key ("Next steps" = "next_steps"). */
enum { C_STRAND, C_PERIOD, C_SECTION, C_TEXT, C_OWNER, C_DUE, C_RAG, C_MEASURE, C_BREAKDOWN,
       NCOLS };
static const char *const col_names[NCOLS] = {"strand", "period", "section", "text", "owner",
					     "due", "rag", "measure", "breakdown"};

static const struct { const char *key; enum report_comm_kind kind; } kinds[] = {
	{"progress", REPORT_COMM_PROGRESS}, {"concerns", REPORT_COMM_CONCERNS}, {"nextsteps", REPORT_COMM_NEXT},
	{"action", REPORT_COMM_ACTION}, {"note", REPORT_COMM_NOTE}};

static const char *const section_names[REPORT_COMM_NKINDS] = {
	[REPORT_COMM_PROGRESS] = "progress", [REPORT_COMM_CONCERNS] = "concerns", [REPORT_COMM_NEXT] = "next_steps",
	[REPORT_COMM_ACTION] = "action", [REPORT_COMM_NOTE] = "note"};

static const struct { const char *key; const char *word; } rags[REPORT_COMM_NRAG] = {
	[REPORT_COMM_GREEN] = {"green", "Green"}, [REPORT_COMM_AMBER] = {"amber", "Amber"},
	[REPORT_COMM_RED] = {"red", "Red"}, [REPORT_COMM_BLUE] = {"blue", "Blue"}};

/* Which columns a section uses beyond strand, period, section and text:
 * 1 required, 0 must be empty, 2 optional. */
static const unsigned char uses[REPORT_COMM_NKINDS][NCOLS] = {
	[REPORT_COMM_ACTION] = {[C_OWNER] = 1, [C_DUE] = 1, [C_RAG] = 1},
	[REPORT_COMM_NOTE] = {[C_MEASURE] = 1, [C_BREAKDOWN] = 2}};

const char *report_comm_rag_word(enum report_comm_rag r)
{
	return r < REPORT_COMM_NRAG ? rags[r].word : "";
}

struct parse {
	report_comm *c;
	const char *name;
	int idx[NCOLS];
	int errors;
	int header; /* the header row was read */
	size_t cap;
};

__attribute__((format(printf, 4, 5)))
static void problem(struct parse *p, long line, const char *field, const char *fmt, ...)
{
	if (p->errors++ >= MAX_ERRORS)
		return;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (field)
		csc_error_at(p->name, line, "%s: %s", field, msg);
	else
		csc_error_at(p->name, line, "%s", msg);
}

/* Characters of valid UTF-8 (the CSV reader hands out nothing else). */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Text a person typed: no control characters but line breaks (a CR before
 * a LF is dropped, so an Excel-saved CRLF cell reads as one break). */
static int clean_text(char *s)
{
	char *w = s;
	for (const char *q = s; *q; q++) {
		unsigned char ch = (unsigned char)*q;
		if (ch == '\r' && q[1] == '\n')
			continue;
		if ((ch < 0x20 && ch != '\n') || ch == 0x7F)
			return -1;
		*w++ = *q;
	}
	*w = '\0';
	return 0;
}

static int on_header(struct parse *p, const csc_row *row)
{
	int bad = 0;
	p->header = 1;
	for (int c = 0; c < NCOLS; c++)
		p->idx[c] = -1;
	for (int i = 0; i < row->n; i++) {
		char key[64];
		csc_csv_key(row->f[i], key, sizeof key);
		int found = -1;
		for (int c = 0; c < NCOLS; c++)
			if (!strcmp(key, col_names[c]))
				found = c;
		if (found < 0) {
			problem(p, row->line, NULL, "header has an unknown column '%.40s'", row->f[i]);
			bad = 1;
		} else if (p->idx[found] >= 0) {
			problem(p, row->line, NULL, "header names column '%s' twice", col_names[found]);
			bad = 1;
		} else {
			p->idx[found] = i;
		}
	}
	for (int c = 0; c < NCOLS; c++)
		if (p->idx[c] < 0) {
			problem(p, row->line, NULL, "header has no column '%s'", col_names[c]);
			bad = 1;
		}
	return bad ? -1 : 0;
}

static int id_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 1 && n <= REPORT_COMM_MAX_ID && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == n;
}

/* Check one data row and keep it; problems are counted in p. */
static void on_data(struct parse *p, const csc_row *row)
{
	char *f[NCOLS];
	for (int c = 0; c < NCOLS; c++) {
		if (p->idx[c] >= row->n) {
			problem(p, row->line, NULL, "row has %d fields, fewer than the header", row->n);
			return;
		}
		f[c] = row->f[p->idx[c]];
	}
	int before = p->errors;
	report_comm_item it = {.due = CSC_NODATE, .line = row->line};

	if (!*f[C_STRAND])
		problem(p, row->line, "strand", "empty");
	else if (chars(f[C_STRAND]) > REPORT_COMM_MAX_STRAND)
		problem(p, row->line, "strand", "longer than %d characters (a sheet tab name)", REPORT_COMM_MAX_STRAND);
	if (csc_parse_month(f[C_PERIOD], &it.month))
		problem(p, row->line, "period", "must be YYYY-MM (got '%.20s')", f[C_PERIOD]);

	char key[32];
	csc_csv_key(f[C_SECTION], key, sizeof key);
	int kind = -1;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (!strcmp(key, kinds[i].key))
			kind = (int)kinds[i].kind;
	if (kind < 0) {
		problem(p, row->line, "section",
			"must be progress, concerns, next_steps, action or note (got '%.30s')",
			f[C_SECTION]);
		return;
	}
	it.kind = (enum report_comm_kind)kind;

	if (clean_text(f[C_TEXT]))
		problem(p, row->line, "text", "holds a control character");
	else if (!*f[C_TEXT])
		problem(p, row->line, "text", "empty");
	else if (chars(f[C_TEXT]) > REPORT_COMM_MAX_TEXT)
		problem(p, row->line, "text", "longer than %d characters", REPORT_COMM_MAX_TEXT);

	/* Columns the section does not use must be empty, so that an owner
	 * typed on a progress row is not silently dropped. */
	for (int c = C_OWNER; c < NCOLS; c++) {
		if (uses[kind][c] == 1 && !*f[c])
			problem(p, row->line, col_names[c], "required when section is %s",
				section_names[kind]);
		else if (uses[kind][c] == 0 && *f[c])
			problem(p, row->line, col_names[c], "must be empty when section is %s",
				section_names[kind]);
	}
	if (kind == REPORT_COMM_ACTION) {
		if (clean_text(f[C_OWNER]) || strchr(f[C_OWNER], '\n'))
			problem(p, row->line, "owner", "holds a control character");
		else if (chars(f[C_OWNER]) > REPORT_COMM_MAX_OWNER)
			problem(p, row->line, "owner", "longer than %d characters", REPORT_COMM_MAX_OWNER);
		if (*f[C_DUE] && csc_date_parse_iso(f[C_DUE], strlen(f[C_DUE]), &it.due))
			problem(p, row->line, "due", "must be a date YYYY-MM-DD (got '%.20s')", f[C_DUE]);
		if (*f[C_RAG]) {
			csc_csv_key(f[C_RAG], key, sizeof key);
			int r = -1;
			for (int i = 0; i < REPORT_COMM_NRAG; i++)
				if (!strcmp(key, rags[i].key))
					r = i;
			if (r < 0)
				problem(p, row->line, "rag",
					"must be GREEN, AMBER, RED or BLUE (got '%.20s')", f[C_RAG]);
			it.rag = (enum report_comm_rag)(r < 0 ? 0 : r);
		}
	}
	if (kind == REPORT_COMM_NOTE) {
		if (*f[C_MEASURE] && !id_ok(f[C_MEASURE]))
			problem(p, row->line, "measure",
				"must be a measure ID, upper-case letters and digits (got '%.20s')",
				f[C_MEASURE]);
		if (strlen(f[C_BREAKDOWN]) > REPORT_COMM_MAX_BREAKDOWN || clean_text(f[C_BREAKDOWN]) ||
		    strchr(f[C_BREAKDOWN], '\n'))
			problem(p, row->line, "breakdown", "longer than %d bytes or holds a control character",
				REPORT_COMM_MAX_BREAKDOWN);
	}
	if (p->errors != before)
		return;
	if (kind == REPORT_COMM_NOTE &&
	    report_comm_note(p->c, f[C_STRAND], it.month, f[C_MEASURE], f[C_BREAKDOWN])) {
		problem(p, row->line, "measure", "a second note for this strand, period and row (%.40s)",
			f[C_MEASURE]);
		return;
	}
	if (p->c->n >= REPORT_COMM_MAX_ROWS) {
		problem(p, row->line, NULL, "more than %d rows", REPORT_COMM_MAX_ROWS);
		return;
	}
	if (p->c->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 16;
		p->c->it = csc_xrealloc(p->c->it, p->cap * sizeof *p->c->it);
	}
	it.strand = csc_xstrdup(f[C_STRAND]);
	it.text = csc_xstrdup(f[C_TEXT]);
	it.owner = csc_xstrdup(f[C_OWNER]);
	it.measure = csc_xstrdup(f[C_MEASURE]);
	it.breakdown = csc_xstrdup(f[C_BREAKDOWN]);
	p->c->it[p->c->n++] = it;
}

static int on_row(void *ctx, const csc_row *row)
{
	struct parse *p = ctx;
	if (row->index == 0)
		return on_header(p, row);
	if (row->n == 1 && row->len[0] == 0)
		return 0; /* a blank line */
	on_data(p, row);
	return p->errors > MAX_ERRORS ? -1 : 0;
}

report_comm *report_comm_parse(const char *name, const char *data, size_t len)
{
	report_comm *c = csc_xcalloc(1, sizeof *c);
	c->name = csc_xstrdup(name);
	struct parse p = {.c = c, .name = name};
	int rc = csc_csv_read_mem(data, len, name, on_row, &p);
	if (rc == 0 && !p.header)
		problem(&p, 1, NULL, "empty file: the header row is missing");
	if (rc || p.errors) {
		if (p.errors > MAX_ERRORS)
			csc_error_at(name, 0, "%d more problems not shown", p.errors - MAX_ERRORS);
		report_comm_free(c);
		return NULL;
	}
	return c;
}

report_comm *report_comm_load(const char *path)
{
	size_t len;
	char *buf = report_tpl_slurp(path, "the commentary file", &len);
	if (!buf)
		return NULL;
	report_comm *c = report_comm_parse(path, buf, len);
	free(buf);
	return c;
}

void report_comm_free(report_comm *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->it[i].strand);
		free(c->it[i].text);
		free(c->it[i].owner);
		free(c->it[i].measure);
		free(c->it[i].breakdown);
	}
	free(c->it);
	free(c->name);
	free(c);
}

static const report_tpl_sheet *find_sheet(const report_tpl *t, const char *name)
{
	for (int s = 0; s < t->nsheets; s++)
		if (!strcmp(t->sheets[s].name, name))
			return &t->sheets[s];
	return NULL;
}

int report_comm_check(const report_comm *c, const report_tpl *const *t, int nt)
{
	int bad = 0;
	for (size_t i = 0; i < c->n; i++) {
		const report_comm_item *it = &c->it[i];
		int sheet = 0, row = 0;
		for (int k = 0; k < nt; k++) {
			const report_tpl_sheet *sh = find_sheet(t[k], it->strand);
			sheet |= sh != NULL;
			for (int j = 0; sh && j < sh->nrows; j++)
				row |= !strcmp(sh->rows[j].measure, it->measure) &&
				       !strcmp(sh->rows[j].breakdown, it->breakdown);
		}
		if (!sheet) {
			csc_error_at(c->name, it->line, "strand: '%.40s' is not a strand sheet of the templates",
				     it->strand);
			bad = 1;
		} else if (it->kind == REPORT_COMM_NOTE && !row) {
			csc_error_at(c->name, it->line,
				     "measure: %s%s%.40s is not a row of the '%s' sheet", it->measure,
				     it->breakdown[0] ? " | " : "", it->breakdown, it->strand);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

const char *report_comm_note(const report_comm *c, const char *strand, csc_date month, const char *measure,
		    const char *breakdown)
{
	for (size_t i = 0; c && i < c->n; i++) {
		const report_comm_item *it = &c->it[i];
		if (it->kind == REPORT_COMM_NOTE && it->month == month && !strcmp(it->strand, strand) &&
		    !strcmp(it->measure, measure) && !strcmp(it->breakdown, breakdown))
			return it->text;
	}
	return NULL;
}
