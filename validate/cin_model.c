/* cin_model.c - streaming the CIN census XML into one child at a time.
 * The element layout is a table (schema[]), not code: each row says what an
 * element means inside a record of a given kind, naming the element by its
 * row in lib/csc_cin_elems.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_cin_children.h"
#include "csc_cin_elems.h"
#include "csc_xml.h"
#include "cin_model.h"

/* ---- the element table ----
 * What each element means inside a record of a kind (`in`). The value
 * elements and their records are named once, in lib/csc_cin_elems.c: a row
 * here finds its element there by staging column (and, for the sex column,
 * a year whose return holds it) and says only which field it fills. A
 * MARK_WRAP or WRAP row is named by the parent of an element, a REC row by
 * the record of its kind. Named here: the header and the Children list,
 * which nothing stages. */

enum act { WRAP, FIELD, MULTI, REC, MARK_WRAP };
enum how { NAMED, ELEM, PARENT, RECORD };

static const struct schema_row {
	enum vcin_kind in;
	enum act act;
	int arg;          /* field index, or kind for REC */
	enum how how;     /* where the name comes from */
	const char *name; /* NAMED */
	signed char file, col; /* ELEM, PARENT: the element's staging column */
	short year;       /* ... in a return of this year; 0 = any */
} schema[] = {
#define N(in, name, act, arg) {in, act, arg, NAMED, name, 0, 0, 0}
#define F(in, f, c, y, field) {in, FIELD, field, ELEM, NULL, CSC_CIN_##f, c, y}
#define M(in, f, c) {in, MULTI, 0, ELEM, NULL, CSC_CIN_##f, c, 0}
#define W(in, f, c, act, field) {in, act, field, PARENT, NULL, CSC_CIN_##f, c, 0}
#define R(in, k) {in, REC, k, RECORD, NULL, 0, 0, 0}
	N(CIN_K_MESSAGE, "Header", WRAP, 0),
	N(CIN_K_MESSAGE, "CollectionDetails", WRAP, 0),
	N(CIN_K_MESSAGE, "Source", WRAP, 0),
	N(CIN_K_MESSAGE, "Collection", FIELD, H_COLLECTION),
	N(CIN_K_MESSAGE, "Year", FIELD, H_YEAR),
	N(CIN_K_MESSAGE, "ReferenceDate", FIELD, H_REFDATE),
	N(CIN_K_MESSAGE, "LEA", FIELD, H_LEA),
	N(CIN_K_MESSAGE, "Children", WRAP, 0),
	R(CIN_K_MESSAGE, CIN_K_CHILD),
	W(CIN_K_CHILD, CHILDREN, CSC_CH_CHILD, WRAP, 0),          /* ChildIdentifiers */
	W(CIN_K_CHILD, CHILDREN, CSC_CH_ETHNICITY, WRAP, 0),      /* ChildCharacteristics */
	F(CIN_K_CHILD, CHILDREN, CSC_CH_CHILD, 0, C_LACHILDID),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_UPN, 0, C_UPN),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_FORMER_UPN, 0, C_FORMERUPN),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_UPN_UNKNOWN, 0, C_UPNUNKNOWN),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_DOB, 0, C_DOB),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_EXPECTED_DOB, 0, C_EDOB),
	/* the sex column is GenderCurrent to 2023-24 and Sex from 2024-25;
	 * both are read whatever the year, for the rules to judge */
	F(CIN_K_CHILD, CHILDREN, CSC_CH_SEX, 2025, C_SEX),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_SEX, 2024, C_GENDER),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_DEATH_DATE, 0, C_DOD),
	F(CIN_K_CHILD, CHILDREN, CSC_CH_ETHNICITY, 0, C_ETHNICITY),
	W(CIN_K_CHILD, CHILDREN, CSC_CH_DISABILITIES, MARK_WRAP, C_DISABILITIES),
	M(CIN_K_CHILD, CHILDREN, CSC_CH_DISABILITIES),
	R(CIN_K_CHILD, CIN_K_EPISODE),
	F(CIN_K_EPISODE, EPISODES, CSC_EP_REFERRAL_DATE, 0, E_REFDATE),
	F(CIN_K_EPISODE, EPISODES, CSC_EP_REFERRAL_SOURCE, 0, E_SOURCE),
	F(CIN_K_EPISODE, EPISODES, CSC_EP_PRIMARY_NEED, 0, E_NEED),
	F(CIN_K_EPISODE, EPISODES, CSC_EP_CLOSURE_DATE, 0, E_CLOSEDATE),
	F(CIN_K_EPISODE, EPISODES, CSC_EP_CLOSURE_REASON, 0, E_CLOSEREASON),
	F(CIN_K_EPISODE, EPISODES, CSC_EP_ICPC_DATE, 0, E_ICPC),
	F(CIN_K_EPISODE, EPISODES, CSC_EP_REFERRAL_NFA, 0, E_NFA),
	R(CIN_K_EPISODE, CIN_K_ASSESS),
	R(CIN_K_EPISODE, CIN_K_PLAN),
	R(CIN_K_EPISODE, CIN_K_S47),
	R(CIN_K_EPISODE, CIN_K_CPP),
	/* marked only: its elements are not read until the DfE publishes rules */
	W(CIN_K_EPISODE, PREPROC, CSC_PP_START_DATE, MARK_WRAP, E_PREPROC),
	F(CIN_K_ASSESS, ASSESSMENTS, CSC_AS_START_DATE, 0, A_START),
	F(CIN_K_ASSESS, ASSESSMENTS, CSC_AS_REVIEW_DATE, 0, A_REVIEW),
	F(CIN_K_ASSESS, ASSESSMENTS, CSC_AS_AUTHORISATION_DATE, 0, A_AUTH),
	W(CIN_K_ASSESS, ASSESSMENTS, CSC_AS_FACTORS, MARK_WRAP, A_FACTORS),
	M(CIN_K_ASSESS, ASSESSMENTS, CSC_AS_FACTORS),
	F(CIN_K_PLAN, PLANS, CSC_PL_START_DATE, 0, P_START),
	F(CIN_K_PLAN, PLANS, CSC_PL_END_DATE, 0, P_END),
	F(CIN_K_S47, S47, CSC_S47_START_DATE, 0, S_START),
	F(CIN_K_S47, S47, CSC_S47_ICPC_TARGET, 0, S_TARGET),
	F(CIN_K_S47, S47, CSC_S47_ICPC_DATE, 0, S_ICPC),
	F(CIN_K_S47, S47, CSC_S47_ICPC_NOT_REQUIRED, 0, S_NOTREQ),
	F(CIN_K_CPP, CPP, CSC_CPP_START_DATE, 0, K_START),
	F(CIN_K_CPP, CPP, CSC_CPP_END_DATE, 0, K_END),
	F(CIN_K_CPP, CPP, CSC_CPP_INITIAL_CATEGORY, 0, K_INITCAT),
	F(CIN_K_CPP, CPP, CSC_CPP_LATEST_CATEGORY, 0, K_LATESTCAT),
	F(CIN_K_CPP, CPP, CSC_CPP_PREVIOUS_CPP, 0, K_NUMPREV),
	W(CIN_K_CPP, REVIEWS, CSC_RV_REVIEW_DATE, MARK_WRAP, K_REVIEWS),
	M(CIN_K_CPP, REVIEWS, CSC_RV_REVIEW_DATE),
#undef N
#undef F
#undef M
#undef W
#undef R
};

enum { NROWS = sizeof schema / sizeof schema[0] };

/* The staging file whose elements a kind's record holds. */
static const signed char kind_files[CIN_K_COUNT_] = {
	[CIN_K_MESSAGE] = -1,
	[CIN_K_CHILD] = CSC_CIN_CHILDREN,
	[CIN_K_EPISODE] = CSC_CIN_EPISODES,
	[CIN_K_ASSESS] = CSC_CIN_ASSESSMENTS,
	[CIN_K_PLAN] = CSC_CIN_PLANS,
	[CIN_K_S47] = CSC_CIN_S47,
	[CIN_K_CPP] = CSC_CIN_CPP,
};

/* Names resolved from lib/csc_cin_elems.c on first use: each row's, each
 * field's, each kind's record. A row whose element is not there stays
 * NULL and matches nothing (test_validate_cin_rules checks there is none). */
static struct {
	int done;
	const char *row[NROWS];
	const char *field[CIN_K_COUNT_][CIN_MAX_FIELDS];
	const char *record[CIN_K_COUNT_];
} names;

static const csc_cin_elem *elem_at(int file, int col, int year)
{
	for (int i = 0; i < csc_cin_nelems; i++) {
		const csc_cin_elem *e = &csc_cin_elems[i];
		if (e->file == file && e->col == col && (!year || csc_cin_elem_in_year(e, year)))
			return e;
	}
	return NULL;
}

static void names_init(void)
{
	if (names.done)
		return;
	names.done = 1;
	names.record[CIN_K_MESSAGE] = "Message";
	for (int k = CIN_K_CHILD; k < CIN_K_COUNT_; k++)
		for (int i = 0; i < csc_cin_nelems && !names.record[k]; i++)
			if (csc_cin_elems[i].file == kind_files[k])
				names.record[k] = csc_cin_elems[i].record;
	for (int r = 0; r < NROWS; r++) {
		const struct schema_row *s = &schema[r];
		const csc_cin_elem *e = elem_at(s->file, s->col, s->year);
		const char *n = s->how == NAMED    ? s->name
				: s->how == RECORD ? names.record[s->arg]
				: !e               ? NULL
				: s->how == ELEM   ? e->name
						   : e->parent;
		names.row[r] = n;
		if (s->act == FIELD || s->act == MARK_WRAP)
			names.field[s->in][s->arg] = n;
	}
}

static const char *row_name(const struct schema_row *s)
{
	names_init();
	return names.row[s - schema] ? names.row[s - schema] : "";
}

const char *vcin_kind_record(enum vcin_kind k)
{
	names_init();
	return k < CIN_K_COUNT_ && names.record[k] ? names.record[k] : "";
}

const char *vcin_field_name(enum vcin_kind k, int i)
{
	names_init();
	if (k >= CIN_K_COUNT_ || i < 0 || i >= CIN_MAX_FIELDS || !names.field[k][i])
		return "";
	return names.field[k][i];
}

static const unsigned date_mask[CIN_K_COUNT_] = {
	[CIN_K_MESSAGE] = 1u << H_REFDATE,
	[CIN_K_CHILD] = 1u << C_DOB | 1u << C_EDOB | 1u << C_DOD,
	[CIN_K_EPISODE] = 1u << E_REFDATE | 1u << E_CLOSEDATE | 1u << E_ICPC,
	[CIN_K_ASSESS] = 1u << A_START | 1u << A_REVIEW | 1u << A_AUTH,
	[CIN_K_PLAN] = 1u << P_START | 1u << P_END,
	[CIN_K_S47] = 1u << S_START | 1u << S_TARGET | 1u << S_ICPC,
	[CIN_K_CPP] = 1u << K_START | 1u << K_END,
};

/* Repeated values whose items are dates (CPPreviewDate). */
static const int multi_is_date[CIN_K_COUNT_] = {[CIN_K_CPP] = 1};

/* The DfE spec's table names, for reports (not element names). */
static const char *const kind_tables[CIN_K_COUNT_] = {
	"Header", "ChildIdentifiers", "CINdetails", "Assessments", "CINplanDates",
	"Section47", "ChildProtectionPlans",
};

const char *vcin_kind_table(enum vcin_kind k)
{
	return k < CIN_K_COUNT_ ? kind_tables[k] : "";
}

int vcin_field_is_date(enum vcin_kind k, int i)
{
	return k < CIN_K_COUNT_ && i >= 0 && i < CIN_MAX_FIELDS && (date_mask[k] >> i & 1u);
}

static const struct schema_row *lookup(enum vcin_kind in, const char *name)
{
	names_init();
	for (int i = 0; i < NROWS; i++)
		if (schema[i].in == in && names.row[i] && strcmp(names.row[i], name) == 0)
			return &schema[i];
	return NULL;
}

/* ---- navigation ---- */

size_t vcin_count(const vcin_rec *r, enum vcin_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsub; i++)
		n += r->sub[i]->kind == k;
	return n;
}

vcin_rec *vcin_nth(const vcin_rec *r, enum vcin_kind k, size_t n)
{
	for (size_t i = 0; i < r->nsub; i++)
		if (r->sub[i]->kind == k && n-- == 0)
			return r->sub[i];
	return NULL;
}

vcin_rec *vcin_first(const vcin_rec *r, enum vcin_kind k)
{
	return vcin_nth(r, k, 0);
}

vcin_rec *vcin_next(const vcin_rec *r)
{
	return r->parent ? vcin_nth(r->parent, r->kind, (size_t)r->index + 1) : NULL;
}

size_t vcin_all(const vcin_rec *r, enum vcin_kind k, vcin_rec **out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsub; i++) {
		vcin_rec *s = r->sub[i];
		if (s->kind == k) {
			if (n < cap)
				out[n] = s;
			n++;
		} else {
			n += vcin_all(s, k, n < cap ? out + n : NULL, n < cap ? cap - n : 0);
		}
	}
	return n;
}

const vcin_rec *vcin_up(const vcin_rec *r, enum vcin_kind k)
{
	while (r && r->kind != k)
		r = r->parent;
	return r;
}

int vcin_flag(const vcin_val *v)
{
	if (!vcin_has(v))
		return -1;
	if (strcasecmp(v->s, "true") == 0 || strcmp(v->s, "1") == 0)
		return 1;
	if (strcasecmp(v->s, "false") == 0 || strcmp(v->s, "0") == 0)
		return 0;
	return -1;
}

/* ---- arena: all of one child's memory ---- */

typedef struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
} chunk;

typedef struct arena {
	chunk *head;
} arena;

static void *arena_alloc(arena *a, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (!a->head || a->head->cap - a->head->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		chunk *c = csc_xmalloc(sizeof *c + cap);
		c->used = 0;
		c->cap = cap;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)a->head->data + a->head->used;
	a->head->used += n;
	return p;
}

/* Array v of n items of `size` bytes, *cap of them allocated, with room
 * for one more: when full, a copy twice the size (the old one stays in the
 * arena until the child ends, like everything else). */
static void *arena_grow(arena *a, void *v, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return v;
	size_t c = *cap ? *cap * 2 : 4;
	void *m = arena_alloc(a, c * size);
	if (n)
		memcpy(m, v, n * size);
	*cap = c;
	return m;
}

static void arena_reset(arena *a)
{
	/* Keep one ordinary chunk for the next child; free the rest. */
	chunk *keep = NULL;
	for (chunk *c = a->head, *n; c; c = n) {
		n = c->next;
		if (!keep && c->cap == 65536) {
			keep = c;
			continue;
		}
		free(c);
	}
	if (keep) {
		keep->used = 0;
		keep->next = NULL;
	}
	a->head = keep;
}

static void arena_free(arena *a)
{
	chunk *c = a->head;
	while (c) {
		chunk *n = c->next;
		free(c);
		c = n;
	}
	a->head = NULL;
}

/* ---- the reader ---- */

typedef struct frame {
	vcin_rec *rec;
	const struct schema_row *row; /* NULL = ignored element */
} frame;

struct vcin_reader {
	csc_xml x;
	const vcin_callbacks *cb;
	arena mem;        /* the current child */
	arena hmem;       /* the header, kept for the whole file */
	vcin_rec *message;
	vcin_rec *child;
	frame stack[CSC_XML_MAX_DEPTH + 2];
	int depth;
	char *text;       /* text of the current leaf element */
	size_t ntext, captext;
	int in_leaf;
	long leaf_line;
	int header_sent;
	int stopped;
	csc_cin_children under; /* what Children holds (shared with the extractor) */
};

static vcin_rec *new_rec(arena *a, enum vcin_kind k, vcin_rec *parent, long line)
{
	vcin_rec *r = arena_alloc(a, sizeof *r);
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->parent = parent;
	r->line = line;
	for (int i = 0; i < CIN_MAX_FIELDS; i++)
		r->f[i].d = CSC_NODATE;
	if (parent) {
		parent->sub = arena_grow(a, parent->sub, parent->nsub, &parent->capsub, sizeof *parent->sub);
		r->index = (int)vcin_count(parent, k);
		parent->sub[parent->nsub++] = r;
	}
	return r;
}

static void text_add(vcin_reader *rd, const char *s)
{
	size_t n = strlen(s);
	if (rd->ntext + n > CSC_XML_MAX_TEXT)
		n = CSC_XML_MAX_TEXT - rd->ntext; /* bounded: a leaf never exceeds 1 MiB */
	if (rd->ntext + n + 1 > rd->captext) {
		rd->captext = (rd->ntext + n + 1) * 2;
		rd->text = csc_xrealloc(rd->text, rd->captext);
	}
	memcpy(rd->text + rd->ntext, s, n);
	rd->ntext += n;
	rd->text[rd->ntext] = '\0';
}

static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The finished leaf's trimmed text, stored in the record's arena. */
static void leaf_end(vcin_reader *rd, frame *f)
{
	const char *s = rd->text ? rd->text : "";
	size_t n = rd->ntext;
	while (n && is_xml_space(s[n - 1]))
		n--;
	while (n && is_xml_space(*s))
		s++, n--;
	arena *a = f->rec->kind == CIN_K_MESSAGE ? &rd->hmem : &rd->mem;
	char *copy = arena_alloc(a, n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	vcin_rec *r = f->rec;
	vcin_val v = {copy, rd->leaf_line, CSC_NODATE};
	int is_date = f->row->act == MULTI ? multi_is_date[r->kind] : vcin_field_is_date(r->kind, f->row->arg);
	if (is_date && n)
		csc_date_parse_iso(copy, n, &v.d);
	if (f->row->act == MULTI) {
		r->multi = arena_grow(a, r->multi, r->nmulti, &r->capmulti, sizeof *r->multi);
		r->multi[r->nmulti++] = v;
	} else if (!r->f[f->row->arg].s) {
		r->f[f->row->arg] = v; /* a repeated single field: the first one counts */
	}
	rd->in_leaf = 0;
	rd->ntext = 0;
	if (rd->text)
		rd->text[0] = '\0';
}

static int send_header(vcin_reader *rd)
{
	if (rd->header_sent)
		return 0;
	rd->header_sent = 1;
	if (rd->cb->header && rd->cb->header(rd->cb->arg, rd->message))
		return rd->stopped = 1;
	return 0;
}

/* The frame of <Children> (under Message). */
static int is_children(const frame *f)
{
	return f->row && f->rec->kind == CIN_K_MESSAGE && f->row->act == WRAP &&
	       strcmp(row_name(f->row), "Children") == 0;
}

static int element_start(vcin_reader *rd, const char *name, long line)
{
	if (rd->depth == 0) {
		if (strcmp(name, "Message") != 0) {
			csc_error_at(rd->x.name, line, "wrong root element <%s>: a CIN census return starts with <Message>", name);
			return -1;
		}
		rd->message = new_rec(&rd->hmem, CIN_K_MESSAGE, NULL, line);
		rd->stack[rd->depth++] = (frame){rd->message, NULL};
		rd->stack[0].row = &schema[0]; /* any non-NULL row: the root is known */
		return 0;
	}
	frame *top = &rd->stack[rd->depth - 1];
	frame f = {top->rec, NULL};
	if (is_children(top) && !rd->in_leaf &&
	    csc_cin_children_element(&rd->under, strcmp(name, "Child") == 0, name, line)) {
		rd->stack[rd->depth++] = f; /* held: read nothing under it */
		return 0;
	}
	if (top->row && !rd->in_leaf &&
	    (top->row->act == WRAP || top->row->act == REC || top->row->act == MARK_WRAP)) {
		const struct schema_row *row = lookup(top->rec->kind, name);
		f.row = row;
		if (is_children(&f))
			csc_cin_children_start(&rd->under);
		if (row && row->act == REC) {
			if (row->arg == CIN_K_CHILD) {
				if (send_header(rd))
					return 1;
				arena_reset(&rd->mem);
				rd->child = new_rec(&rd->mem, CIN_K_CHILD, NULL, line);
				f.rec = rd->child;
			} else {
				f.rec = new_rec(&rd->mem, (enum vcin_kind)row->arg, top->rec, line);
			}
		} else if (row && row->act == MARK_WRAP) {
			vcin_val *v = &top->rec->f[row->arg];
			if (!v->s) {
				v->s = "";
				v->line = line;
			}
		} else if (row && (row->act == FIELD || row->act == MULTI)) {
			rd->in_leaf = 1;
			rd->leaf_line = line;
			rd->ntext = 0;
		}
	}
	rd->stack[rd->depth++] = f;
	return 0;
}

static int element_end(vcin_reader *rd)
{
	frame *f = &rd->stack[--rd->depth];
	if (!f->row || rd->depth == 0)
		return 0;
	if (is_children(f) && csc_cin_children_end(&rd->under, rd->x.name))
		return -1;
	if (f->row->act == FIELD || f->row->act == MULTI) {
		if (rd->in_leaf)
			leaf_end(rd, f);
	} else if (f->row->act == REC && f->row->arg == CIN_K_CHILD) {
		if (rd->cb->child && rd->cb->child(rd->cb->arg, rd->child))
			return rd->stopped = 1;
		rd->child = NULL;
	}
	return 0;
}

static int run(vcin_reader *rd)
{
	int rc;
	while ((rc = csc_xml_next(&rd->x)) == 1) {
		xmlTextReaderPtr r = rd->x.r;
		int type = xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			const char *name = (const char *)xmlTextReaderConstLocalName(r);
			xmlNodePtr node = xmlTextReaderCurrentNode(r);
			long line = node ? xmlGetLineNo(node) : csc_xml_line(&rd->x);
			if (line <= 0)
				line = csc_xml_line(&rd->x);
			if (rd->depth >= CSC_XML_MAX_DEPTH + 1) {
				csc_error_at(rd->x.name, line, "elements nested too deeply");
				return -1;
			}
			int e = element_start(rd, name ? name : "", line);
			if (e)
				return e;
			if (xmlTextReaderIsEmptyElement(r) && (e = element_end(rd)))
				return e;
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			int e = element_end(rd);
			if (e)
				return e;
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
			    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && rd->in_leaf) {
			const char *v = (const char *)xmlTextReaderConstValue(r);
			if (v)
				text_add(rd, v);
		}
	}
	if (rc < 0)
		return -1;
	if (!rd->message) {
		csc_error_at(rd->x.name, 0, "no root element: the file is empty");
		return -1;
	}
	return send_header(rd);
}

static int read_common(vcin_reader *rd)
{
	int rc = run(rd);
	csc_xml_close(&rd->x);
	arena_free(&rd->mem);
	arena_free(&rd->hmem);
	free(rd->text);
	free(rd);
	return rc;
}

int vcin_read_file(const char *path, const char *name, const vcin_callbacks *cb)
{
	vcin_reader *rd = csc_xcalloc(1, sizeof *rd);
	rd->cb = cb;
	if (csc_xml_open(&rd->x, path, name ? name : path) < 0) {
		free(rd);
		return -1;
	}
	return read_common(rd);
}

int vcin_read_mem(const char *data, size_t n, const char *name, const vcin_callbacks *cb)
{
	vcin_reader *rd = csc_xcalloc(1, sizeof *rd);
	rd->cb = cb;
	if (n > INT32_MAX || csc_xml_open_mem(&rd->x, data, (int)n, name) < 0) {
		free(rd);
		return -1;
	}
	return read_common(rd);
}
