/* cin_reader.c - streaming CIN census reader (see cin_reader.h). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cin_reader.h"
#include "csc_diag.h"

#define HEADER_REC (-2)
#define NO_REC (-1)

int cin_reader_init(cin_reader *r, const cin_xsd *xsd, const cin_xsd *xsd2, const char *xsd_path)
{
	memset(r, 0, sizeof *r);
	if (cin_nnodes > 128 || strcmp(cin_nodes[CIN_NODE_CHILDREN].name, "Children") ||
	    strcmp(cin_nodes[CIN_NODE_CHILD].name, "Child")) {
		csc_error("CIN element table too large or out of order");
		return -1;
	}
	int rc = 0;
	for (int n = 0; n < cin_nnodes; n++) {
		const cin_node *d = &cin_nodes[n];
		r->need_node[n] = (short)(d->needs ? cin_node_find(n, d->needs) : -1);
		if (d->parent >= 0) {
			int p = d->parent;
			if (r->nkids[p] == 16) {
				csc_error("CIN element table: too many children");
				return -1;
			}
			r->kids[p][r->nkids[p]++] = (short)n;
		}
		if (d->mandatory && d->slot >= 0) {
			int k = cin_node_kind(n);
			r->mand_slot[k][r->nmand[k]++] = d->slot;
		}
		const cin_codes *c = NULL;
		if (d->type == CIN_V_CODE || d->type == CIN_V_BOOL || d->type == CIN_V_GENDER ||
		    d->type == CIN_V_SEX) {
			c = cin_xsd_codes(xsd, d->name);
			if (!c && xsd2)
				c = cin_xsd_codes(xsd2, d->name);
		}
		if (d->type == CIN_V_SEX) {
			r->codes[n] = c ? c : &cin_sex_codes;
		} else if (d->type == CIN_V_CODE || d->type == CIN_V_BOOL ||
			   d->type == CIN_V_GENDER) {
			r->codes[n] = c;
			if (!r->codes[n]) {
				csc_error_at(xsd_path, 0, "no code list for element %s", d->name);
				rc = -1;
			}
		}
	}
	return rc;
}

static cin_rec *rec_at(cin_reader *r, int i)
{
	return i == HEADER_REC ? &r->header : i >= 0 ? &r->child.recs[i] : NULL;
}

/* The line of the node just read. Past line 65535 libxml2 keeps the line
 * only on text nodes (XML_PARSE_BIG_LINES), so an element there takes the
 * line of the text before it, which ends where the element starts. */
static long node_line(cin_reader *r, xmlTextReaderPtr xr)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(xr);
	if (!n)
		return r->last_text_line;
	if (n->line < 65535)
		return n->line;
	if (n->type == XML_TEXT_NODE && n->psvi)
		return (long)(ptrdiff_t)n->psvi;
	return r->last_text_line;
}

/* Keep the first problem of a record: reject rows name one reason each. */
static void rec_error(cin_rec *c, long line, const char *field, const char *v, size_t n,
		      const char *reason)
{
	if (c->bad)
		return;
	c->bad = 1;
	c->err_line = line;
	c->err_field = field;
	size_t k = n;
	if (k > CIN_ERRVAL_MAX) {
		k = CIN_ERRVAL_MAX;
		while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80) /* whole UTF-8 characters */
			k--;
	}
	memcpy(c->err_value, v, k);
	strcpy(c->err_value + k, k < n ? "..." : "");
	snprintf(c->err_reason, sizeof c->err_reason, "%s", reason);
}

static void header_warn(cin_reader *r, long line, const char *field, const char *v, size_t n,
			const char *reason)
{
	csc_error_at(r->name, line, "warning: Header %s '%.*s': %s", field, (int)(n < 40 ? n : 40),
		     v, reason);
}

static void warn_unknown(cin_reader *r, long line, const char *what, const char *name)
{
	r->unknown++;
	if (r->unknown > CIN_MAX_WARN)
		return;
	char path[512];
	size_t used = 0;
	path[0] = '\0';
	for (int i = 0; i < r->sp && used < sizeof path; i++)
		if (r->st[i].node >= 0)
			used += (size_t)snprintf(path + used, sizeof path - used, "%s/",
						 cin_nodes[r->st[i].node].name);
	if (used >= sizeof path)
		used = sizeof path - 1;
	csc_error_at(r->name, line, "warning: %s %s%.80s ignored (not in the CIN census schema)",
		     what, path, name);
}

static int open_record(cin_reader *r, int kind, int parent, long line)
{
	if (kind == CIN_HEADER) {
		memset(&r->header, 0, sizeof r->header);
		r->header.kind = CIN_HEADER;
		r->have_header = 1;
		return HEADER_REC;
	}
	cin_child *c = &r->child;
	if (kind == CIN_CHILD)
		c->n = 0;
	if (c->n == CIN_MAX_RECS)
		return NO_REC;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->recs = csc_xrealloc(c->recs, (size_t)c->cap * sizeof *c->recs);
	}
	cin_rec *rec = &c->recs[c->n];
	memset(rec, 0, offsetof(cin_rec, val));
	rec->bad = 0;
	rec->multi[0] = '\0';
	rec->nmulti = 0;
	for (int i = 0; i < CIN_MAX_SLOTS; i++)
		rec->val[i][0] = '\0';
	rec->kind = (unsigned char)kind;
	rec->parent = kind == CIN_CHILD ? -1 : parent;
	rec->line = line;
	if (parent >= 0 && kind != CIN_CHILD)
		rec->num = ++c->recs[parent].nsub[kind];
	return c->n++;
}

/* Mandatory elements of a record that never came. */
static void close_record(cin_reader *r, int ri)
{
	cin_rec *c = rec_at(r, ri);
	for (int i = 0; i < r->nmand[c->kind] && !c->bad; i++) {
		int slot = r->mand_slot[c->kind][i];
		if (!c->seen[slot]) {
			char reason[CIN_REASON_MAX];
			const char *name = cin_slot_name(c->kind, slot);
			snprintf(reason, sizeof reason, "mandatory element %s is missing", name);
			rec_error(c, c->line, name, "", 0, reason);
		}
	}
}

static void finish_leaf(cin_reader *r)
{
	const cin_node *d = &cin_nodes[r->leaf];
	cin_rec *c = rec_at(r, r->leaf_rec);
	const char *s = r->text;
	size_t n = r->textlen < CIN_TEXT_BUF ? r->textlen : CIN_TEXT_BUF;
	char reason[CIN_REASON_MAX];
	char out[CIN_VAL_MAX];
	r->leaf = -1;
	cin_trim(&s, &n);
	if (r->textlen > CIN_TEXT_BUF) { /* far beyond every limit */
		snprintf(reason, sizeof reason, "%s is %zu characters long; at most %zu are allowed",
			 d->name, r->textlen, cin_value_limit(d->type, r->codes[d - cin_nodes]));
		goto bad;
	}
	if (r->leaf_elem) {
		snprintf(reason, sizeof reason, "%s must hold text, not elements", d->name);
		goto bad;
	}
	if (c->seen[d->slot]++ && !d->multi) {
		snprintf(reason, sizeof reason, "%s is given more than once",
			 c->kind == CIN_CHILD && d->slot == CIN_SLOT_SEX ? "GenderCurrent or Sex"
									   : d->name);
		goto bad;
	}
	if (n == 0) {
		if (!d->mandatory && !d->multi) {
			c->seen[d->slot]--; /* an empty optional element is absent */
			return;
		}
		snprintf(reason, sizeof reason, "%s is empty", d->name);
		goto bad;
	}
	if (cin_value_check(d->type, r->codes[d - cin_nodes], d->name, s, n, out, reason))
		goto bad;
	if (!d->multi) {
		memcpy(c->val[d->slot], out, sizeof out);
		return;
	}
	size_t used = strlen(c->multi), k = strlen(out);
	if (c->nmulti == CIN_MAX_MULTI || used + k + 2 > sizeof c->multi) {
		snprintf(reason, sizeof reason, "more than %d %s codes", CIN_MAX_MULTI, d->name);
		goto bad;
	}
	if (used)
		c->multi[used++] = ';';
	memcpy(c->multi + used, out, k + 1);
	c->nmulti++;
	return;
bad:
	if (c->kind == CIN_HEADER)
		header_warn(r, r->leaf_line, d->name, s, n, reason);
	else
		rec_error(c, r->leaf_line, d->name, s, n, reason);
}

static int child_of(const cin_reader *r, int node, const xmlChar *name)
{
	for (int i = 0; i < r->nkids[node]; i++)
		if (r->iname[r->kids[node][i]] == name)
			return r->kids[node][i];
	return -1;
}

/* An element directly under Children. Until the first Child, other
 * elements are held back rather than warned about: if no Child ever comes,
 * csc_cin_children_end makes them one fatal error. 1 when the element was
 * held. */
static int children_kid(cin_reader *r, int n, const xmlChar *name, long line)
{
	csc_cin_children *k = &r->under;
	int first = n == CIN_NODE_CHILD && !k->child && k->other;
	int held = csc_cin_children_element(k, n == CIN_NODE_CHILD, (const char *)name, line);
	if (first) { /* held back until now: warn */
		r->sp--; /* the path is the held element's, not this Child's */
		warn_unknown(r, k->other_line, "element", k->other_name);
		r->sp++;
		r->unknown += k->other - 1;
	}
	return held;
}

static int start_element(cin_reader *r, xmlTextReaderPtr xr, long line)
{
	const xmlChar *name = xmlTextReaderConstLocalName(xr);
	cin_frame *top = r->sp ? &r->st[r->sp - 1] : NULL;
	cin_frame *f = &r->st[r->sp++];
	f->nneed = 0;
	f->line = line;
	f->rec = top ? top->rec : NO_REC;
	if (!top) {
		if (name != r->iname[CIN_NODE_ROOT]) {
			csc_error_at(r->name, line,
				     "root element is <%.80s>; a CIN census file has <Message>",
				     (const char *)name);
			return -1;
		}
		f->node = CIN_NODE_ROOT;
		return 0;
	}
	if (top->node < 0) { /* inside something skipped */
		f->node = -1;
		return 0;
	}
	if (r->leaf >= 0) { /* markup inside a value */
		r->leaf_elem = 1;
		f->node = -1;
		return 0;
	}
	int n = child_of(r, top->node, name);
	f->node = (short)n;
	if (top->node == CIN_NODE_CHILDREN && children_kid(r, n, name, line))
		return 0;
	if (n < 0) {
		warn_unknown(r, line, "element", (const char *)name);
		return 0;
	}
	if (n == CIN_NODE_CHILDREN)
		csc_cin_children_start(&r->under);
	if (r->need_node[top->node] == n)
		top->nneed++;
	const cin_node *d = &cin_nodes[n];
	if (d->opens >= 0) {
		f->rec = open_record(r, d->opens, top->rec, line);
		if (f->rec == NO_REC) {
			csc_error_at(r->name, line, "a Child holds more than %d records", CIN_MAX_RECS);
			return -1;
		}
	}
	if (d->slot >= 0) {
		r->leaf = n;
		r->leaf_rec = f->rec;
		r->leaf_elem = 0;
		r->leaf_line = line;
		r->textlen = 0;
	}
	return 0;
}

static int end_element(cin_reader *r, cin_child_fn fn, void *arg)
{
	cin_frame *f = &r->st[--r->sp];
	if (f->node < 0)
		return 0;
	const cin_node *d = &cin_nodes[f->node];
	if (r->leaf == f->node)
		finish_leaf(r);
	if (f->node == CIN_NODE_CHILDREN && csc_cin_children_end(&r->under, r->name))
		return -1;
	if (d->needs && f->nneed == 0) {
		char reason[CIN_REASON_MAX];
		if (f->node == CIN_NODE_ROOT) {
			csc_error_at(r->name, f->line, "<Message> holds no <Children>: not a CIN census file");
			return -1;
		}
		snprintf(reason, sizeof reason, "%s holds no %s (at least one is required)",
			 d->name, d->needs);
		rec_error(rec_at(r, f->rec), f->line, d->name, "", 0, reason);
	}
	if (d->opens >= 0) {
		close_record(r, f->rec);
		if (d->opens == CIN_HEADER) {
			if (r->header.bad)
				header_warn(r, r->header.line, r->header.err_field, "", 0,
					    r->header.err_reason);
		} else if (d->opens == CIN_CHILD) {
			r->children++;
			if (fn(arg, &r->child))
				return -1;
		}
	}
	return 0;
}

static void text(cin_reader *r, const char *v, size_t n, int type)
{
	if (r->leaf >= 0) {
		if (r->textlen < CIN_TEXT_BUF)
			memcpy(r->text + r->textlen, v,
			       n < CIN_TEXT_BUF - r->textlen ? n : CIN_TEXT_BUF - r->textlen);
		r->textlen += n;
		return;
	}
	if (type != XML_READER_TYPE_TEXT || r->sp == 0 || r->st[r->sp - 1].node < 0)
		return;
	const char *s = v;
	cin_trim(&s, &n);
	if (n)
		warn_unknown(r, r->last_text_line, "text in", cin_nodes[r->st[r->sp - 1].node].name);
}

int cin_reader_run(cin_reader *r, csc_xml *x, cin_child_fn fn, void *arg)
{
	xmlTextReaderPtr xr = x->r;
	r->name = x->name;
	r->sp = 0;
	r->leaf = -1;
	r->last_text_line = 1;
	for (int n = 0; n < cin_nnodes; n++)
		r->iname[n] = xmlTextReaderConstString(xr, (const xmlChar *)cin_nodes[n].name);
	int rc;
	while ((rc = csc_xml_next(x)) == 1) {
		switch (x->type) {
		case XML_READER_TYPE_ELEMENT: {
			long line = node_line(r, xr);
			if (start_element(r, xr, line))
				return -1;
			if (xmlTextReaderIsEmptyElement(xr) && end_element(r, fn, arg))
				return -1;
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			if (end_element(r, fn, arg))
				return -1;
			break;
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			/* between elements (half of all nodes): only its line matters */
			if (r->leaf < 0) {
				r->last_text_line = node_line(r, xr);
				break;
			}
			/* fall through */
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
			r->last_text_line = node_line(r, xr);
			text(r, (const char *)x->value, x->value_len, x->type);
			break;
		default:
			break;
		}
	}
	if (rc < 0)
		return -1;
	if (r->sp != 0) { /* cannot happen after a well-formed parse */
		csc_error_at(r->name, 0, "document ends inside an element");
		return -1;
	}
	return 0;
}

const char *cin_reader_header(const cin_reader *r, const char *element)
{
	for (int n = 0; n < cin_nnodes; n++)
		if (cin_nodes[n].slot >= 0 && cin_node_kind(n) == CIN_HEADER &&
		    strcmp(cin_nodes[n].name, element) == 0)
			return r->header.val[cin_nodes[n].slot];
	return "";
}

void cin_reader_free(cin_reader *r)
{
	free(r->child.recs);
	r->child.recs = NULL;
	r->child.n = r->child.cap = 0;
}
