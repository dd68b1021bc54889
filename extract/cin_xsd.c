/* cin_xsd.c - code lists from the CIN XSD (see cin_xsd.h). */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "cin_xsd.h"
#include "csc_diag.h"

#define XS_NS "http://www.w3.org/2001/XMLSchema"

/* While loading: element type names, resolved at the end. */
typedef struct loader {
	cin_xsd *x;
	char **elem_type;    /* type attribute of each element, or NULL */
	int *elem_list;      /* inline list index, or -1 */
} loader;

static int is_xs(xmlNodePtr n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, XS_NS) == 0 &&
	       strcmp((const char *)n->name, local) == 0;
}

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = csc_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The text of an enumeration's xs:annotation/xs:documentation, or NULL. */
static char *label(xmlNodePtr e)
{
	for (xmlNodePtr a = e->children; a; a = a->next) {
		if (!is_xs(a, "annotation"))
			continue;
		for (xmlNodePtr d = a->children; d; d = d->next) {
			if (!is_xs(d, "documentation"))
				continue;
			xmlChar *t = xmlNodeGetContent(d);
			char *s = t && *t ? csc_xstrdup((const char *)t) : NULL;
			xmlFree(t);
			return s;
		}
	}
	return NULL;
}

/* Collect the xs:enumeration values under a simpleType into a new list. */
static int add_list(loader *l, xmlNodePtr st, char *name)
{
	cin_xsd *x = l->x;
	x->lists = csc_xrealloc(x->lists, (size_t)(x->nlists + 1) * sizeof *x->lists);
	cin_codes *c = &x->lists[x->nlists];
	memset(c, 0, sizeof *c);
	c->type = name;
	for (xmlNodePtr r = st->children; r; r = r->next) {
		if (!is_xs(r, "restriction"))
			continue;
		for (xmlNodePtr e = r->children; e; e = e->next) {
			if (!is_xs(e, "enumeration"))
				continue;
			char *v = attr(e, "value");
			if (!v)
				continue;
			c->v = csc_xrealloc(c->v, (size_t)(c->n + 1) * sizeof *c->v);
			c->len = csc_xrealloc(c->len, (size_t)(c->n + 1) * sizeof *c->len);
			c->label = csc_xrealloc(c->label, (size_t)(c->n + 1) * sizeof *c->label);
			c->v[c->n] = v;
			c->label[c->n] = label(e);
			c->len[c->n] = strlen(v);
			if (c->len[c->n] > c->maxlen)
				c->maxlen = c->len[c->n];
			c->n++;
		}
	}
	return x->nlists++;
}

static void add_elem(loader *l, xmlNodePtr e)
{
	cin_xsd *x = l->x;
	char *name = attr(e, "name");
	if (!name)
		return; /* a ref= element: none in the CIN schema */
	int i = x->nelems++;
	x->elems = csc_xrealloc(x->elems, (size_t)x->nelems * sizeof *x->elems);
	l->elem_type = csc_xrealloc(l->elem_type, (size_t)x->nelems * sizeof *l->elem_type);
	l->elem_list = csc_xrealloc(l->elem_list, (size_t)x->nelems * sizeof *l->elem_list);
	x->elems[i].name = name;
	x->elems[i].codes = NULL;
	char *mo = attr(e, "minOccurs");
	x->elems[i].min_occurs = mo ? atoi(mo) : 1;
	free(mo);
	l->elem_type[i] = attr(e, "type");
	l->elem_list[i] = -1;
	for (xmlNodePtr c = e->children; c; c = c->next)
		if (is_xs(c, "simpleType"))
			l->elem_list[i] = add_list(l, c, NULL);
}

static void walk(loader *l, xmlNodePtr n, int depth)
{
	for (; n && depth < 64; n = n->next) {
		if (is_xs(n, "simpleType") && xmlHasProp(n, (const xmlChar *)"name"))
			add_list(l, n, attr(n, "name"));
		else if (is_xs(n, "element"))
			add_elem(l, n);
		/* inline simpleTypes were taken by add_elem; do not count twice */
		if (!is_xs(n, "simpleType"))
			walk(l, n->children, depth + 1);
	}
}

/* Strip a namespace prefix: "xs:date" -> "date". */
static const char *local_part(const char *qname)
{
	const char *c = strchr(qname, ':');
	return c ? c + 1 : qname;
}

int cin_xsd_load(cin_xsd *x, const char *path)
{
	memset(x, 0, sizeof *x);
	/* No XML_PARSE_NOENT / DTDLOAD: entities stay unexpanded, no DTD read. */
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
						XML_PARSE_NOWARNING);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		csc_error_at(path, e ? e->line : 0, "cannot read the CIN schema: %s",
			     e && e->message ? e->message : "not well-formed");
		return -1;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (doc->intSubset || !root || !is_xs(root, "schema")) {
		csc_error_at(path, 0, "not an XML schema without DTD (expected xs:schema root)");
		xmlFreeDoc(doc);
		return -1;
	}
	loader l = {x, NULL, NULL};
	walk(&l, root->children, 0);
	xmlFreeDoc(doc);
	for (int i = 0; i < x->nelems; i++) {
		if (l.elem_list[i] >= 0) {
			x->elems[i].codes = &x->lists[l.elem_list[i]];
		} else if (l.elem_type[i]) {
			const cin_codes *c = cin_xsd_type(x, local_part(l.elem_type[i]));
			x->elems[i].codes = c && c->n ? c : NULL;
		}
		free(l.elem_type[i]);
	}
	free(l.elem_type);
	free(l.elem_list);
	return 0;
}

static const cin_xsd_elem *find(const cin_xsd *x, const char *element)
{
	for (int i = 0; i < x->nelems; i++)
		if (strcmp(x->elems[i].name, element) == 0)
			return &x->elems[i];
	return NULL;
}

const cin_codes *cin_xsd_type(const cin_xsd *x, const char *type_name)
{
	const cin_codes *found = NULL;
	for (int j = 0; j < x->nlists; j++)
		if (x->lists[j].type && strcmp(x->lists[j].type, type_name) == 0)
			found = &x->lists[j]; /* a later declaration wins */
	return found;
}

const cin_codes *cin_xsd_codes(const cin_xsd *x, const char *element)
{
	const cin_xsd_elem *e = find(x, element);
	return e ? e->codes : NULL;
}

int cin_xsd_min_occurs(const cin_xsd *x, const char *element)
{
	const cin_xsd_elem *e = find(x, element);
	return e ? e->min_occurs : -1;
}

int cin_codes_find(const cin_codes *c, const char *s, size_t n)
{
	/* the last byte first: codes of one length mostly differ there (N1..N9,
	 * RC1..RC8), and the inline test spares a memcmp call per code */
	for (int i = 0; i < c->n; i++)
		if (c->len[i] == n &&
		    (n == 0 || (c->v[i][n - 1] == s[n - 1] && memcmp(c->v[i], s, n - 1) == 0)))
			return i;
	return -1;
}

void cin_xsd_free(cin_xsd *x)
{
	for (int j = 0; j < x->nlists; j++) {
		for (int i = 0; i < x->lists[j].n; i++) {
			free(x->lists[j].v[i]);
			free(x->lists[j].label[i]);
		}
		free(x->lists[j].v);
		free(x->lists[j].len);
		free(x->lists[j].label);
		free(x->lists[j].type);
	}
	free(x->lists);
	for (int i = 0; i < x->nelems; i++)
		free(x->elems[i].name);
	free(x->elems);
	memset(x, 0, sizeof *x);
}
