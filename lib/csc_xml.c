/* csc_xml.c - see csc_xml.h. */
#include <stddef.h>
#include <stdint.h>
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

size_t csc_xml_count_lf(const char *buf, size_t n)
{
	/* eight bytes at a time (a byte-wise loop was 4 % of csc-extract-cin):
	 * a byte of w ^ LF is zero exactly where buf holds a line feed, and
	 * ((b & 0x7f) + 0x7f) | b has its top bit clear exactly for b == 0 */
	const uint64_t lo7 = 0x7f7f7f7f7f7f7f7fULL, ones = 0x0101010101010101ULL;
	size_t nl = 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, buf + i, 8);
		w ^= ones * '\n';
		uint64_t z = ~(((w & lo7) + lo7) | w) >> 7 & ones; /* 1 per zero byte */
		nl += (size_t)(z * ones >> 56);
	}
	for (; i < n; i++)
		nl += buf[i] == '\n';
	return nl;
}

/* libxml2 pulls the file through these, so the size limit and read errors
 * are csc_input's, as for CSV. */
static int io_read(void *ctx, char *buf, int len)
{
	csc_xml *x = ctx;
	long n = csc_input_read(&x->in, buf, (size_t)len);
	if (n < 0)
		return -1;
	if (n == 0) {
		x->eof = 1;
		return 0;
	}
	/* kept for the truncation check (only read when a parse fails) */
	x->lines += (long)csc_xml_count_lf(buf, (size_t)n);
	size_t k = (size_t)n < sizeof x->tail ? (size_t)n : sizeof x->tail;
	if (x->ntail + k > sizeof x->tail) {
		size_t keep = sizeof x->tail - k;
		memmove(x->tail, x->tail + x->ntail - keep, keep);
		x->ntail = keep;
	}
	memcpy(x->tail + x->ntail, buf + n - (long)k, k);
	x->ntail += k;
	return (int)n;
}

static int io_close(void *ctx)
{
	csc_input_close(&((csc_xml *)ctx)->in);
	return 0;
}

int csc_xml_open(csc_xml *x, const char *path, const char *name)
{
	memset(x, 0, sizeof *x);
	if (csc_input_open(&x->in, path, name) < 0)
		return -1;
	csc_input_hash(&x->in); /* csc-extract-cin records what it read */
	x->r = xmlReaderForIO(io_read, io_close, x, path, NULL, SAFE_OPTS);
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
	} else if (x->path && x->in.total > 0) {
		/* a regular file only: a pipe is read once, and opening it again
		 * would wait for a writer that never comes */
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

/* 1 when the input has been read to its end and its last bytes hold no
 * end tag of the root element; *line is then the last line. A document
 * cut short gives libxml2 errors that name neither the cause nor the line
 * ("Extra content at the end of the document" on line 3). Content after
 * the root's end tag is another error and keeps libxml2's message. */
static int cut_short(csc_xml *x, long *line)
{
	const char *t;
	size_t n;
	if (!x->root[0])
		return 0; /* no root (yet, or its name was too long to keep) */
	if (x->mem) {
		t = x->mem;
		n = (size_t)x->memlen;
	} else {
		if (!x->eof)
			return 0;
		t = x->tail;
		n = x->ntail;
	}
	size_t rl = strlen(x->root), from = n > sizeof x->tail ? n - sizeof x->tail : 0;
	for (size_t i = from; i + rl + 3 <= n; i++) {
		if (t[i] != '<' || t[i + 1] != '/' || memcmp(t + i + 2, x->root, rl))
			continue;
		size_t k = i + 2 + rl;
		while (k < n && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n' || t[k] == '\r'))
			k++;
		if (k < n && t[k] == '>')
			return 0;
	}
	long nl = x->lines;
	if (x->mem)
		for (size_t i = 0; i < n; i++)
			nl += t[i] == '\n';
	/* a final line feed ends the last line, it starts none */
	*line = n && t[n - 1] == '\n' ? (nl ? nl : 1) : nl + 1;
	return 1;
}

static int cut_msg(csc_xml *x, long last)
{
	char msg[300];
	snprintf(msg, sizeof msg,
		 "the document ends at line %ld before </%s>: the file is incomplete "
		 "(cut short while being written or copied?)",
		 last, x->root);
	return fail(x, last, msg);
}

int csc_xml_next(csc_xml *x)
{
	if (x->failed)
		return -1;
	int rc = xmlTextReaderRead(x->r);
	long last;
	if (x->in.failed) { /* csc_input said why; libxml2's echo adds nothing */
		x->failed = 1;
		return -1;
	}
	if (rc < 0 || x->err[0]) {
		char msg[600];
		if (!x->root_closed && cut_short(x, &last))
			return cut_msg(x, last);
		snprintf(msg, sizeof msg, "not well-formed XML: %s", x->err[0] ? x->err : "parse error");
		return fail(x, x->err_line ? x->err_line : csc_xml_line(x), msg);
	}
	/* libxml2 may see no error at all: the root was never closed */
	if (rc == 0 && x->root_seen && !x->root_closed && cut_short(x, &last))
		return cut_msg(x, last);
	if (rc == 0)
		return 0;
	int type = xmlTextReaderNodeType(x->r);
	x->type = type;
	if (!x->root_seen && type == XML_READER_TYPE_ELEMENT) {
		const xmlChar *nm = xmlTextReaderConstName(x->r);
		size_t k = nm ? strlen((const char *)nm) : 0;
		if (k && k < sizeof x->root)
			memcpy(x->root, nm, k + 1);
		else
			x->root[0] = '\0'; /* too long to compare: never called cut short */
		x->root_seen = 1;
	}
	x->value = NULL;
	x->value_len = 0;
	if (type == XML_READER_TYPE_DOCUMENT_TYPE)
		return fail(x, doctype_line(x), "a DOCTYPE is not allowed (no DTDs or entities are read)");
	if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY)
		return fail(x, csc_xml_line(x), "entity references are not allowed");
	int depth = xmlTextReaderDepth(x->r);
	if (depth > CSC_XML_MAX_DEPTH)
		return fail(x, csc_xml_line(x), "elements nested deeper than 64 levels");
	if (depth == 0 && (type == XML_READER_TYPE_END_ELEMENT ||
			   (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x->r))))
		x->root_closed = 1;
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
