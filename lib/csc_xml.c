/* csc_xml.c - see csc_xml.h. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "csc_diag.h"
#include "csc_input.h"
#include "csc_xml.h"

/* No DTD load, no entity substitution, no network, no huge-text relaxation:
 * libxml2 defaults already cap a text node at 10 MB without XML_PARSE_HUGE.
 * XML_PARSE_BIG_LINES keeps line numbers past 65535 (on text nodes), so
 * diagnostics in real dumps of millions of lines name the right line. */
#define SAFE_OPTS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
		   XML_PARSE_BIG_LINES)

static void on_error(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc)
{
	csc_xml *x = arg;
	if (sev != XML_PARSER_SEVERITY_ERROR && sev != XML_PARSER_SEVERITY_VALIDITY_ERROR)
		return;
	if (x->err[0])
		return;
	snprintf(x->err, sizeof x->err, "%s", msg ? msg : "XML error");
	size_t n = strlen(x->err);
	while (n && (x->err[n - 1] == '\n' || x->err[n - 1] == ' '))
		x->err[--n] = '\0';
	x->err_line = loc ? xmlTextReaderLocatorLineNumber(loc) : 0;
}

static int setup(csc_xml *x, const char *name)
{
	x->name = name;
	if (!x->r) {
		csc_error_at(name, 0, "cannot open XML input");
		return -1;
	}
	xmlTextReaderSetErrorHandler(x->r, on_error, x);
	return 0;
}

/* libxml2 pulls the file through these, so the size limit and read errors
 * are csc_input's, as for CSV. */
static int io_read(void *ctx, char *buf, int len)
{
	long n = csc_input_read(ctx, buf, (size_t)len);
	return n < 0 ? -1 : (int)n;
}

static int io_close(void *ctx)
{
	csc_input_close(ctx);
	return 0;
}

int csc_xml_open(csc_xml *x, const char *path, const char *name)
{
	memset(x, 0, sizeof *x);
	if (csc_input_open(&x->in, path, name) < 0)
		return -1;
	x->r = xmlReaderForIO(io_read, io_close, &x->in, path, NULL, SAFE_OPTS);
	x->path = path;
	return setup(x, name ? name : path);
}

int csc_xml_open_mem(csc_xml *x, const char *data, int n, const char *name)
{
	memset(x, 0, sizeof *x);
	x->r = xmlReaderForMemory(data, n, name, NULL, SAFE_OPTS);
	x->mem = data;
	x->memlen = n;
	return setup(x, name);
}

static int fail(csc_xml *x, long line, const char *msg)
{
	if (!x->failed)
		csc_error_at(x->name, line, "%s", msg);
	x->failed = 1;
	return -1;
}

/* libxml2 keeps no line for a DOCTYPE and its parser has read ahead by
 * then, so find "<!DOCTYPE" in the first bytes and count lines. */
static long doctype_line(csc_xml *x)
{
	char buf[65536];
	size_t n = 0;
	if (x->mem) {
		n = (size_t)x->memlen < sizeof buf ? (size_t)x->memlen : sizeof buf;
		memcpy(buf, x->mem, n);
	} else if (x->path) {
		FILE *f = fopen(x->path, "rb");
		if (f) {
			n = fread(buf, 1, sizeof buf, f);
			fclose(f);
		}
	}
	long line = 1;
	for (size_t i = 0; i + 9 <= n; i++) {
		if (memcmp(buf + i, "<!DOCTYPE", 9) == 0)
			return line;
		line += buf[i] == '\n';
	}
	return csc_xml_line(x);
}

int csc_xml_next(csc_xml *x)
{
	if (x->failed)
		return -1;
	int rc = xmlTextReaderRead(x->r);
	if (x->in.failed) { /* csc_input said why; libxml2's echo adds nothing */
		x->failed = 1;
		return -1;
	}
	if (rc < 0 || x->err[0]) {
		char msg[600];
		snprintf(msg, sizeof msg, "not well-formed XML: %s", x->err[0] ? x->err : "parse error");
		return fail(x, x->err_line ? x->err_line : csc_xml_line(x), msg);
	}
	if (rc == 0)
		return 0;
	int type = xmlTextReaderNodeType(x->r);
	x->type = type;
	x->value = NULL;
	x->value_len = 0;
	if (type == XML_READER_TYPE_DOCUMENT_TYPE)
		return fail(x, doctype_line(x), "a DOCTYPE is not allowed (no DTDs or entities are read)");
	if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY)
		return fail(x, csc_xml_line(x), "entity references are not allowed");
	if (xmlTextReaderDepth(x->r) > CSC_XML_MAX_DEPTH)
		return fail(x, csc_xml_line(x), "elements nested deeper than 64 levels");
	if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
		const xmlChar *v = xmlTextReaderConstValue(x->r);
		x->value = v;
		x->value_len = v ? strlen((const char *)v) : 0;
		if (x->value_len > CSC_XML_MAX_TEXT)
			return fail(x, csc_xml_line(x), "element text longer than 1 MiB");
	}
	return 1;
}

long csc_xml_line(csc_xml *x)
{
	if (!x->r)
		return 0;
	/* The node's own line: the parser itself may be a chunk ahead. Past
	 * line 65535 only text nodes keep theirs (XML_PARSE_BIG_LINES). */
	xmlNodePtr n = xmlTextReaderCurrentNode(x->r);
	if (n && (n->type == XML_ELEMENT_NODE || n->type == XML_TEXT_NODE)) {
		if (n->line > 0 && n->line < 65535)
			return n->line;
		if (n->type == XML_TEXT_NODE && n->psvi)
			return (long)(ptrdiff_t)n->psvi;
	}
	return xmlTextReaderGetParserLineNumber(x->r);
}

void csc_xml_close(csc_xml *x)
{
	if (x->r)
		xmlFreeTextReader(x->r);
	x->r = NULL;
	csc_input_close(&x->in); /* when libxml2 never took the stream */
}
