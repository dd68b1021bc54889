/* cin_model.c - streaming the CIN census XML into one child at a time.
 * The element layout is a table (schema[]), not code: each row says what an
 * element means inside a record of a given kind. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_cin_children.h"
#include "csc_xml.h"
#include "cin_model.h"

/* ---- names ---- */

static const char *const field_names[CIN_K_COUNT_][CIN_MAX_FIELDS] = {
	[CIN_K_MESSAGE] = {"Collection", "Year", "ReferenceDate", "LEA"},
	[CIN_K_CHILD] = {"LAchildID", "UPN", "FormerUPN", "UPNunknown", "PersonBirthDate",
			 "ExpectedPersonBirthDate", "Sex", "GenderCurrent", "PersonDeathDate",
			 "Ethnicity", "Disabilities"},
	[CIN_K_EPISODE] = {"CINreferralDate", "ReferralSource", "PrimaryNeedCode", "CINclosureDate",
			   "ReasonForClosure", "DateOfInitialCPC", "ReferralNFA", "PreProceedingsandFGDM"},
	[CIN_K_ASSESS] = {"AssessmentActualStartDate", "AssessmentInternalReviewDate",
			  "AssessmentAuthorisationDate", "FactorsIdentifiedAtAssessment"},
	[CIN_K_PLAN] = {"CINPlanStartDate", "CINPlanEndDate"},
	[CIN_K_S47] = {"S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"},
	[CIN_K_CPP] = {"CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse",
		       "NumberOfPreviousCPP", "Reviews"},
};

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

static const char *const kind_tables[CIN_K_COUNT_] = {
	"Header", "ChildIdentifiers", "CINdetails", "Assessments", "CINplanDates",
	"Section47", "ChildProtectionPlans",
};

static const char *const kind_records[CIN_K_COUNT_] = {
	"Message", "Child", "CINdetails", "Assessments", "CINPlanDates",
	"Section47", "ChildProtectionPlans",
};

const char *vcin_kind_record(enum vcin_kind k)
{
	return k < CIN_K_COUNT_ ? kind_records[k] : "";
}

const char *vcin_field_name(enum vcin_kind k, int i)
{
	if (k >= CIN_K_COUNT_ || i < 0 || i >= CIN_MAX_FIELDS || !field_names[k][i])
		return "";
	return field_names[k][i];
}

const char *vcin_kind_table(enum vcin_kind k)
{
	return k < CIN_K_COUNT_ ? kind_tables[k] : "";
}

int vcin_field_is_date(enum vcin_kind k, int i)
{
	return k < CIN_K_COUNT_ && i >= 0 && i < CIN_MAX_FIELDS && (date_mask[k] >> i & 1u);
}

/* ---- the element table ---- */

enum act { WRAP, FIELD, MULTI, REC, MARK_WRAP, IGNORE };

static const struct schema_row {
	enum vcin_kind in;
	const char *name;
	enum act act;
	int arg; /* field index, or kind for REC */
} schema[] = {
	{CIN_K_MESSAGE, "Header", WRAP, 0},
	{CIN_K_MESSAGE, "CollectionDetails", WRAP, 0},
	{CIN_K_MESSAGE, "Source", WRAP, 0},
	{CIN_K_MESSAGE, "Collection", FIELD, H_COLLECTION},
	{CIN_K_MESSAGE, "Year", FIELD, H_YEAR},
	{CIN_K_MESSAGE, "ReferenceDate", FIELD, H_REFDATE},
	{CIN_K_MESSAGE, "LEA", FIELD, H_LEA},
	{CIN_K_MESSAGE, "Children", WRAP, 0},
	{CIN_K_MESSAGE, "Child", REC, CIN_K_CHILD},
	{CIN_K_CHILD, "ChildIdentifiers", WRAP, 0},
	{CIN_K_CHILD, "ChildCharacteristics", WRAP, 0},
	{CIN_K_CHILD, "LAchildID", FIELD, C_LACHILDID},
	{CIN_K_CHILD, "UPN", FIELD, C_UPN},
	{CIN_K_CHILD, "FormerUPN", FIELD, C_FORMERUPN},
	{CIN_K_CHILD, "UPNunknown", FIELD, C_UPNUNKNOWN},
	{CIN_K_CHILD, "PersonBirthDate", FIELD, C_DOB},
	{CIN_K_CHILD, "ExpectedPersonBirthDate", FIELD, C_EDOB},
	{CIN_K_CHILD, "Sex", FIELD, C_SEX},
	{CIN_K_CHILD, "GenderCurrent", FIELD, C_GENDER},
	{CIN_K_CHILD, "PersonDeathDate", FIELD, C_DOD},
	{CIN_K_CHILD, "Ethnicity", FIELD, C_ETHNICITY},
	{CIN_K_CHILD, "Disabilities", MARK_WRAP, C_DISABILITIES},
	{CIN_K_CHILD, "Disability", MULTI, 0},
	{CIN_K_CHILD, "CINdetails", REC, CIN_K_EPISODE},
	{CIN_K_EPISODE, "CINreferralDate", FIELD, E_REFDATE},
	{CIN_K_EPISODE, "ReferralSource", FIELD, E_SOURCE},
	{CIN_K_EPISODE, "PrimaryNeedCode", FIELD, E_NEED},
	{CIN_K_EPISODE, "CINclosureDate", FIELD, E_CLOSEDATE},
	{CIN_K_EPISODE, "ReasonForClosure", FIELD, E_CLOSEREASON},
	{CIN_K_EPISODE, "DateOfInitialCPC", FIELD, E_ICPC},
	{CIN_K_EPISODE, "ReferralNFA", FIELD, E_NFA},
	{CIN_K_EPISODE, "Assessments", REC, CIN_K_ASSESS},
	{CIN_K_EPISODE, "CINPlanDates", REC, CIN_K_PLAN},
	{CIN_K_EPISODE, "Section47", REC, CIN_K_S47},
	{CIN_K_EPISODE, "ChildProtectionPlans", REC, CIN_K_CPP},
	/* marked only: its elements are not read until the DfE publishes rules */
	{CIN_K_EPISODE, "PreProceedingsandFGDM", MARK_WRAP, E_PREPROC},
	{CIN_K_ASSESS, "AssessmentActualStartDate", FIELD, A_START},
	{CIN_K_ASSESS, "AssessmentInternalReviewDate", FIELD, A_REVIEW},
	{CIN_K_ASSESS, "AssessmentAuthorisationDate", FIELD, A_AUTH},
	{CIN_K_ASSESS, "FactorsIdentifiedAtAssessment", MARK_WRAP, A_FACTORS},
	{CIN_K_ASSESS, "AssessmentFactors", MULTI, 0},
	{CIN_K_PLAN, "CINPlanStartDate", FIELD, P_START},
	{CIN_K_PLAN, "CINPlanEndDate", FIELD, P_END},
	{CIN_K_S47, "S47ActualStartDate", FIELD, S_START},
	{CIN_K_S47, "InitialCPCtarget", FIELD, S_TARGET},
	{CIN_K_S47, "DateOfInitialCPC", FIELD, S_ICPC},
	{CIN_K_S47, "ICPCnotRequired", FIELD, S_NOTREQ},
	{CIN_K_CPP, "CPPstartDate", FIELD, K_START},
	{CIN_K_CPP, "CPPendDate", FIELD, K_END},
	{CIN_K_CPP, "InitialCategoryOfAbuse", FIELD, K_INITCAT},
	{CIN_K_CPP, "LatestCategoryOfAbuse", FIELD, K_LATESTCAT},
	{CIN_K_CPP, "NumberOfPreviousCPP", FIELD, K_NUMPREV},
	{CIN_K_CPP, "Reviews", MARK_WRAP, K_REVIEWS},
	{CIN_K_CPP, "CPPreviewDate", MULTI, 0},
};

static const struct schema_row *lookup(enum vcin_kind in, const char *name)
{
	for (size_t i = 0; i < sizeof schema / sizeof schema[0]; i++)
		if (schema[i].in == in && strcmp(schema[i].name, name) == 0)
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
	       strcmp(f->row->name, "Children") == 0;
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
